"""The back office links to the team's impact report (a platform page for team admins)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_view_reports


class ImpactReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_impact_report_menu_item() -> MenuItem:
    return ImpactReportMenuItem(
        _("Impact report"), reverse("reports:dashboard"), icon_name="table", order=260
    )
