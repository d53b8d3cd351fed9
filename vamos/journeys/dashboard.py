"""Panels for "Mein VAMOs": the organisation's journey for its people, the caseload summary
for coaches and the application queue for team admins."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from vamos.core.permissions import is_coach, is_team_admin
from vamos.dashboard.panels import Panel

from . import selectors
from .models import Journey
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
        panels.append(
            Panel(
                template="journeys/panels/organisation.html",
                data={"items": _member_items(user, journeys), "today": timezone.localdate()},
                order=40,
                per_request=True,  # follow-ups have a form to mark them done
            )
        )
    return panels


def _member_items(user: Any, journeys: list[Journey]) -> list[dict[str, Any]]:
    """The organisation's journeys as plain values (kept in the cache, see
    ``vamos.dashboard.panels``)."""
    follow_ups = selectors.open_follow_ups_for(journeys)
    recommendations = selectors.recommendations_for(journeys)
    next_activities = selectors.next_activities_for(journeys)
    items = []
    for journey in journeys:
        next_activity = next_activities.get(journey.pk)
        items.append(
            {
                "journey": {
                    "pk": journey.pk,
                    "status": journey.status,
                    "status_label": str(journey.get_status_display()),
                    "organisation_name": journey.organisation.name,
                },
                "figures": selectors.figures_of(journey),
                "coaches": [a.coach.display_name for a in journey.assignments.all()],
                "next_activity": (
                    {"title": next_activity.title, "planned_for": next_activity.planned_for}
                    if next_activity
                    else None
                ),
                "follow_ups": [
                    (
                        {
                            "pk": follow_up.pk,
                            "description": follow_up.description,
                            "due_on": follow_up.due_on,
                            "done_at": follow_up.done_at,
                            "owner": {
                                "display_name": follow_up.owner.display_name
                                if follow_up.owner
                                else ""
                            },
                        },
                        can_complete_follow_up(user, follow_up),
                    )
                    for follow_up in follow_ups.get(journey.pk, [])
                ],
                "recommendations": [
                    {
                        "pk": row.recommendation.pk,
                        "title": (
                            row.target.title if row.target else row.recommendation.target_title
                        ),
                        "kind_label": str(row.recommendation.get_kind_display()),
                        "reason": row.recommendation.reason,
                    }
                    for row in recommendations.get(journey.pk, [])
                ],
            }
        )
    return items
