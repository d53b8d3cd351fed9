"""Panels for "Mein VAMOs": the organisation's journey for its people, the caseload summary
for coaches and the application queue for team admins."""

from django.http import HttpRequest
from django.utils import timezone

from vamos.core.permissions import is_coach, is_team_admin
from vamos.dashboard.panels import Panel

from . import selectors
from .permissions import can_complete_follow_up


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    panels = []
    if is_team_admin(user):
        panels.append(
            Panel(
                template="journeys/panels/team.html",
                data={"queue_count": selectors.application_queue_count()},
                order=20,
            )
        )
    if is_coach(user):
        panels.append(
            Panel(
                template="journeys/panels/caseload.html",
                data={**selectors.caseload_summary(user=user), "today": timezone.localdate()},
                order=30,
            )
        )
    journeys = selectors.journeys_for_member_dashboard(user=user)
    can_apply = selectors.apply_organisations(user=user)
    if can_apply:
        panels.append(
            Panel(
                template="journeys/panels/apply.html", data={"organisations": can_apply}, order=41
            )
        )
    if journeys:
        follow_ups = selectors.open_follow_ups_for(journeys)
        recommendations = selectors.recommendations_for(journeys)
        next_activities = selectors.next_activities_for(journeys)
        items = []
        for journey in journeys:
            items.append(
                {
                    "journey": journey,
                    "figures": selectors.figures_of(journey),
                    "coaches": [a.coach for a in journey.assignments.all()],
                    "next_activity": next_activities.get(journey.pk),
                    "follow_ups": [
                        (follow_up, can_complete_follow_up(user, follow_up))
                        for follow_up in follow_ups.get(journey.pk, [])
                    ],
                    "recommendations": recommendations.get(journey.pk, []),
                }
            )
        panels.append(
            Panel(
                template="journeys/panels/organisation.html",
                data={"items": items, "today": timezone.localdate()},
                order=40,
            )
        )
    return panels
