"""The reports' card on "Mein VAMOs": the team's impact report for team admins, the
development report of their organisation for organisation admins."""

from django.http import HttpRequest

from vamos.dashboard.panels import Panel

from .permissions import can_view_reports, reportable_organisations


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    team = can_view_reports(user)
    organisations = [] if team else list(reportable_organisations(user).order_by("name"))
    if not team and not organisations:
        return []
    return [
        Panel(
            template="reports/dashboard_panel.html",
            data={"team": team, "organisations": organisations},
            order=15,
        )
    ]
