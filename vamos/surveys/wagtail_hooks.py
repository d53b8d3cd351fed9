"""The surveys in the back office: the competence set of the Verbands-Check (a snippet) and
a menu entry that leads to the team's survey desk (built in the platform, under /umfragen/team/)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from vamos.core.services import audit_log

from .models import Competence
from .permissions import can_manage_surveys


class TeamAdminPermissionPolicy(ModelPermissionPolicy):
    """The competence set is kept by team admins; a competence already asked is never
    deleted (deactivate it instead)."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return can_manage_surveys(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return can_manage_surveys(user)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        if action == "delete" and instance.questions.exists():
            return False
        return self.user_has_permission(user, action)


register_permission_policy(Competence, TeamAdminPermissionPolicy(Competence))


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "list-ul"
    menu_label = _("Verbands-Check competences")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "topic_field", BooleanColumn("is_active")]
    list_filter = ["topic_field", "is_active"]
    search_fields = ["name_de", "name_en", "statement_de"]
    ordering = ["topic_field__sort_order", "position"]
    copy_view_enabled = False
    panels = [
        FieldRowPanel([FieldPanel("topic_field"), FieldPanel("position")]),
        FieldPanel("key"),
        MultiFieldPanel([FieldPanel("name_de"), FieldPanel("statement_de")], heading=_("German")),
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("statement_en")], heading=_("English")),
        FieldPanel("is_active"),
    ]


register_snippet(CompetenceViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def audit_competence_edit(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, Competence):
        audit_log(actor=request.user, action="survey.competence_edit", obj=instance)


@hooks.register("after_delete_snippet")
def audit_competence_delete(request: HttpRequest, instances: Any) -> None:
    for instance in instances:
        if isinstance(instance, Competence):
            audit_log(
                actor=request.user, action="survey.competence_delete", data={"key": instance.key}
            )


class SurveyDeskMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_manage_surveys(request.user)


@hooks.register("register_admin_menu_item")
def register_survey_desk_menu_item() -> MenuItem:
    return SurveyDeskMenuItem(
        _("Surveys"), reverse("surveys:team-index"), icon_name="form", order=250
    )
