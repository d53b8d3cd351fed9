from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from vamos.core.services import audit_log

from . import admin_views
from .models import Organisation
from .permissions import can_review_applications
from .selectors import application_queue_count


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "federal_state", "status", "joined_on"]
    list_filter = ["status", "kind", "federal_state"]
    search_fields = ["name", "short_name", "city"]
    ordering = ["name"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("legal_form")]),
                FieldRowPanel([FieldPanel("federal_state"), FieldPanel("city")]),
                FieldPanel("parent"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("founded"),
                        FieldPanel("members_count"),
                        FieldPanel("member_clubs_count"),
                    ]
                ),
                FieldPanel("communities"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("website"), FieldPanel("contact_email")]),
                FieldPanel("public_profile"),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("joined_on")])],
            heading=_("Registration"),
        ),
    ]


register_snippet(OrganisationViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def audit_organisation_edit(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, Organisation):
        audit_log(actor=request.user, action="organisation.backoffice_edit", obj=instance)


@hooks.register("after_delete_snippet")
def audit_organisation_delete(request: HttpRequest, instances: Any) -> None:
    for instance in instances:
        if isinstance(instance, Organisation):
            audit_log(
                actor=request.user,
                action="organisation.delete",
                data={"organisation": instance.name},
            )


@hooks.register("register_admin_urls")
def register_review_urls() -> list:
    urls = [
        path("", admin_views.ApplicationQueueView.as_view(), name="applications"),
        path("<int:pk>/", admin_views.ApplicationReviewView.as_view(), name="application"),
    ]
    return [
        path(
            "antraege/",
            include((urls, "organisations_admin"), namespace="organisations_admin"),
        )
    ]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_review_applications(request.user)

    def render_component(self, request: HttpRequest) -> Any:
        # Wagtail's sidebar renders menu items through render_component (get_context is unused).
        component = super().render_component(request)
        count = application_queue_count()
        if count:
            component.label = f"{self.label} ({count})"
        return component


@hooks.register("register_admin_menu_item")
def register_applications_menu_item() -> MenuItem:
    return ApplicationsMenuItem(
        _("Applications"),
        reverse("organisations_admin:applications"),
        icon_name="form",
        order=200,
    )
