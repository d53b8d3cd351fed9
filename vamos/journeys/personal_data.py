"""What the journeys app stores about a person, and what blocks deleting them.

A journey is the organisation's case file: summaries, goals and coach notes describe the
organisation's development, not the person who wrote them. Erasing a person therefore
removes their identity from the file (author, applicant, owner fields) and their own
traces (opened recommendations, reminder log), but keeps the organisation's record whole.
"""

from typing import Any

from django.utils.translation import gettext as _

from .models import (
    CoachNote,
    FollowUp,
    Journey,
    JourneyCoach,
    RecommendationOpen,
    Reminder,
)


def export_journey_data(user: Any) -> dict[str, Any]:
    return {
        "coaching_applications": [
            {
                "organisation": journey.organisation.name,
                "applied_at": journey.applied_at.isoformat() if journey.applied_at else None,
                "motivation": journey.motivation,
                "availability": journey.availability,
                "status": journey.status,
            }
            for journey in Journey.objects.filter(applied_by=user).select_related("organisation")
        ],
        "journeys_as_coach": [
            {
                "organisation": assignment.journey.organisation.name,
                "assigned_at": assignment.assigned_at.isoformat(),
                "lead_coach": assignment.is_lead,
            }
            for assignment in JourneyCoach.objects.filter(coach=user).select_related(
                "journey__organisation"
            )
        ],
        "private_notes_written": [
            {
                "organisation": note.journey.organisation.name,
                "written_at": note.created_at.isoformat(),
                "text": note.text,
            }
            for note in CoachNote.objects.filter(author=user).select_related(
                "journey__organisation"
            )
        ],
        "follow_ups_responsible": [
            {
                "organisation": follow_up.journey.organisation.name,
                "description": follow_up.description,
                "due_on": follow_up.due_on.isoformat(),
                "done_at": follow_up.done_at.isoformat() if follow_up.done_at else None,
            }
            for follow_up in FollowUp.objects.filter(owner=user).select_related(
                "journey__organisation"
            )
        ],
        "recommendations_opened": [
            {
                "recommendation": opened.recommendation.target_title,
                "opened_at": opened.opened_at.isoformat(),
            }
            for opened in RecommendationOpen.objects.filter(user=user).select_related(
                "recommendation"
            )
        ],
    }


def erase_journey_data(user: Any) -> None:
    Journey.objects.filter(applied_by=user).update(applied_by=None)
    CoachNote.objects.filter(author=user).update(author=None)
    FollowUp.objects.filter(owner=user).update(owner=None)
    RecommendationOpen.objects.filter(user=user).delete()
    Reminder.objects.filter(recipient=user).delete()
    JourneyCoach.objects.filter(coach=user).delete()


def sole_coach_blockers(user: Any) -> list[str]:
    """A running journey never loses its only coach through an account deletion."""
    reasons = []
    running = Journey.objects.filter(
        assignments__coach=user, status__in=Journey.RUNNING_STATUSES
    ).select_related("organisation")
    for journey in running:
        if journey.assignments.count() == 1:
            reasons.append(
                _(
                    "You are the only coach of the learning journey of %(organisation)s. "
                    "Ask the team to assign another coach first."
                )
                % {"organisation": journey.organisation.name}
            )
    return reasons
