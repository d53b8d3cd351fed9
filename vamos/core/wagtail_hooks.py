"""The core layer in the back office: topic fields, outgoing emails, audit log, failed jobs."""

from typing import Any

import django_filters
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import (
    ContentTypeFilter,
    DateRangePickerWidget,
    MultipleUserFilter,
    WagtailFilterSet,
)
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AuditEntry, OutgoingEmail, TopicField
from .permissions import is_team_admin
from .selectors import failed_tasks
from .services import email_retry


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records written by the platform itself: the team may look, never edit or delete."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "change", "delete"}:
            return False
        return is_team_admin(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class TopicFieldViewSet(SnippetViewSet):
    model = TopicField
    icon = "tag"
    menu_label = gettext_lazy("Topic fields")
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"
    copy_view_enabled = False
    panels = [
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("name_de"), FieldPanel("summary_de"), FieldPanel("description_de")],
            heading=gettext_lazy("German"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("summary_en"), FieldPanel("description_en")],
            heading=gettext_lazy("English"),
        ),
    ]


class EmailInspectView(InspectView):
    template_name = "core/admin/email_inspect.html"


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("Outgoing emails")
    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["to", "subject"]
    inspect_view_enabled = True
    inspect_view_class = EmailInspectView
    inspect_view_fields = [
        "to",
        "reply_to",
        "language",
        "subject",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
        "body_text",
    ]
    copy_view_enabled = False
    panels = [FieldRowPanel([FieldPanel("to"), FieldPanel("subject")])]


def _people_in_log(request: HttpRequest) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        pk__in=AuditEntry.objects.filter(actor__isnull=False).values("actor")
    )


def _object_types_in_log(request: HttpRequest) -> Any:
    return ContentType.objects.filter(
        pk__in=AuditEntry.objects.filter(content_type__isnull=False).values("content_type")
    )


class AuditEntryFilterSet(WagtailFilterSet):
    """The team looks up who read or exported what: by person, by object, by action, by time."""

    actor = MultipleUserFilter(label=gettext_lazy("Person"), queryset=_people_in_log)
    content_type = ContentTypeFilter(
        label=gettext_lazy("Kind of object"), queryset=_object_types_in_log
    )
    object_id = django_filters.CharFilter(label=gettext_lazy("Object ID"))
    action = django_filters.CharFilter(
        label=gettext_lazy("Action"),
        lookup_expr="startswith",
        help_text=gettext_lazy("e.g. “personal_data” or “journey.private_notes_read”"),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Time"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AuditEntry
        fields = ["actor", "content_type", "object_id", "action", "created_at"]


class AuditEntryViewSet(SnippetViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = gettext_lazy("Audit log")
    list_display = ["created_at", "actor", "action", "object_repr"]
    filterset_class = AuditEntryFilterSet
    search_fields = ["action", "object_repr"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "actor", "action", "object_repr", "object_id", "data"]
    copy_view_enabled = False
    panels = [FieldPanel("action")]


register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))
register_permission_policy(AuditEntry, ReadOnlyPermissionPolicy(AuditEntry))


class PlatformViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Platform")
    menu_icon = "cogs"
    menu_order = 800
    items = (TopicFieldViewSet, OutgoingEmailViewSet, AuditEntryViewSet)


register_snippet(PlatformViewSetGroup)


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/failed_tasks.html"
    page_title = gettext_lazy("Failed background jobs")
    header_icon = "warning"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_team_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": _("Failed background jobs")},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["tasks"] = failed_tasks()
        context["failed_emails"] = OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.FAILED
        ).count()
        return context


@require_POST
def email_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_team_admin(request.user):
        raise PermissionDenied
    email = OutgoingEmail.objects.filter(pk=pk).first()
    if email is None:
        raise Http404
    if email.status == OutgoingEmail.Status.SENT:
        messages.info(request, _("This email has already been sent."))
    else:
        email_retry(email=email, actor=request.user)
        messages.success(request, _("The email is being sent again."))
    return redirect(reverse(OutgoingEmail.snippet_viewset.get_url_name("inspect"), args=[email.pk]))


@hooks.register("register_admin_urls")
def register_core_admin_urls() -> list:
    return [
        path("jobs/fehlgeschlagen/", FailedTasksView.as_view(), name="core_failed_tasks"),
        path("emails/<int:pk>/erneut-senden/", email_retry_view, name="core_email_retry"),
    ]


@hooks.register("register_settings_menu_item")
def register_failed_tasks_menu_item() -> Any:
    from wagtail.admin.menu import MenuItem

    class TeamAdminMenuItem(MenuItem):
        def is_shown(self, request: HttpRequest) -> bool:
            return is_team_admin(request.user)

    return TeamAdminMenuItem(
        _("Failed background jobs"),
        reverse("core_failed_tasks"),
        icon_name="warning",
        order=900,
    )


@hooks.register("construct_main_menu")
def hide_wagtail_help_menu(request: HttpRequest, menu_items: list) -> None:
    # Wagtail's own help links lead to wagtail.org; the team's help is this platform's docs.
    menu_items[:] = [item for item in menu_items if item.name != "help"]
