"""Who may see and do what on learning journeys.

- Team admins: everything. Their reads of private notes are written to the audit log.
- Coaches: the journeys they are assigned to, fully, including co-coaches' private notes.
  Nothing of other journeys.
- Admins (contact persons) of the organisation: its journeys – plan, goals, summaries,
  follow-ups, recommendations – never private notes. Members: the same, if the
  organisation shares the journey with its members.
- Everyone else: nothing (404).
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from vamos.core.permissions import get_for_user, is_coach, is_team_admin
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import (
    belongs_to_registered_organisation,
    is_member,
    is_organisation_admin,
)

from .models import (
    Activity,
    CoachNote,
    FollowUp,
    Goal,
    Journey,
    Recommendation,
    Review,
)


def _coached_ids(user: Any) -> set[int]:
    """Ids of the journeys ``user`` coaches (cached on the user object for the request)."""
    if not is_coach(user) and not is_team_admin(user):
        return set()
    cached = getattr(user, "_vamos_coached_journeys", None)
    if cached is None:
        cached = set(
            Journey.coaches.through.objects.filter(coach=user).values_list("journey_id", flat=True)
        )
        user._vamos_coached_journeys = cached
    return cached


def is_journey_coach(user: Any, journey: Journey) -> bool:
    return journey.pk in _coached_ids(user)


def visible_journeys(user: Any) -> QuerySet[Journey]:
    journeys = Journey.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return journeys.none()
    if is_team_admin(user):
        return journeys
    memberships = Membership.objects.filter(user=user)
    admin_of = memberships.filter(role=Membership.Role.ADMIN).values("organisation_id")
    member_of = memberships.values("organisation_id")
    condition = Q(organisation_id__in=admin_of) | Q(
        organisation_id__in=member_of, members_can_view=True
    )
    coached = _coached_ids(user)
    if coached:
        condition |= Q(pk__in=coached)
    return journeys.filter(condition).exclude(
        Q(status=Journey.Status.DECLINED) & ~Q(organisation_id__in=admin_of) & ~Q(pk__in=coached)
    )


def can_view_journey(user: Any, journey: Journey) -> bool:
    return visible_journeys(user).filter(pk=journey.pk).exists()


def can_work_on_journey(user: Any, journey: Journey) -> bool:
    """Coaches of the journey and team admins record kickoff, activities, reviews …"""
    if journey.status == Journey.Status.DECLINED:
        return False
    return is_team_admin(user) or is_journey_coach(user, journey)


def can_view_private_notes(user: Any, journey: Journey) -> bool:
    return is_team_admin(user) or is_journey_coach(user, journey)


def can_find_journeys(user: Any) -> bool:
    """The "Learning journeys" entry of the header: coaches, team admins and the people of
    registered organisations (who see their journeys, or how to apply for one)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_coach(user) or is_team_admin(user) or belongs_to_registered_organisation(user)


def can_administer_journeys(user: Any) -> bool:
    """The team admin's back office: applications, coach assignment, period and budget."""
    return is_team_admin(user)


def can_decide_journey(user: Any, journey: Journey) -> bool:
    return is_team_admin(user) and journey.status == Journey.Status.APPLIED


def can_set_support(user: Any, journey: Journey) -> bool:
    return is_team_admin(user) and journey.status not in (
        Journey.Status.APPLIED,
        Journey.Status.DECLINED,
    )


def can_change_status(user: Any, journey: Journey) -> bool:
    return bool(allowed_status_changes(user, journey))


def allowed_status_changes(user: Any, journey: Journey) -> list[str]:
    """The statuses ``user`` may move ``journey`` to from here (accepting and declining an
    application is a decision of its own, see ``can_decide_journey``)."""
    status = journey.status
    S = Journey.Status
    if is_team_admin(user):
        return {
            S.APPLIED: [S.CANCELLED],
            S.KICKOFF_PLANNED: [S.ACTIVE, S.CANCELLED],
            S.ACTIVE: [S.COMPLETED, S.CANCELLED],
            S.COMPLETED: [S.ACTIVE],
            S.CANCELLED: [],
            S.DECLINED: [],
        }[S(status)]
    if is_journey_coach(user, journey):
        return {
            S.KICKOFF_PLANNED: [S.ACTIVE],
            S.ACTIVE: [S.COMPLETED],
        }.get(S(status), [])
    if status == S.APPLIED and is_organisation_admin(user, journey.organisation):
        return [S.CANCELLED]  # the organisation withdraws its application
    return []


def can_set_sharing(user: Any, journey: Journey) -> bool:
    return is_organisation_admin(user, journey.organisation) or is_team_admin(user)


def can_apply_for_coaching(user: Any, organisation: Organisation) -> bool:
    return organisation.is_registered and is_organisation_admin(user, organisation)


def can_complete_follow_up(user: Any, follow_up: FollowUp) -> bool:
    """Coaches and the team, the person responsible, and the organisation's admins."""
    journey = follow_up.journey
    if can_work_on_journey(user, journey):
        return True
    if not journey.is_running:
        return False
    if follow_up.owner_id is not None and follow_up.owner_id == getattr(user, "pk", None):
        return is_member(user, journey.organisation)
    return is_organisation_admin(user, journey.organisation)


def can_delete_note(user: Any, note: CoachNote) -> bool:
    return note.author_id == getattr(user, "pk", None) or is_team_admin(user)


def can_open_recommendation(user: Any, recommendation: Recommendation) -> bool:
    return recommendation.withdrawn_at is None


_ACTIONS = {
    "view": None,
    "work": can_work_on_journey,
    "decide": can_decide_journey,
    "support": can_set_support,
    "status": can_change_status,
    "sharing": can_set_sharing,
}


def get_journey_for_user(request: HttpRequest, pk: int, *, action: str) -> Journey:
    """The journey ``pk`` if the user may ``action`` it; otherwise 404."""
    return get_for_user(
        lambda user: visible_journeys(user).select_related("organisation"),
        request,
        {"pk": pk},
        allowed=_ACTIONS[action],
    )


def _child(queryset: QuerySet[Any], pk: int) -> Any:
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def get_goal_for_user(request: HttpRequest, journey: Journey, pk: int) -> Goal:
    """A goal of ``journey`` (the caller fetched the journey through a permission helper)."""
    return _child(Goal.objects.filter(journey=journey).select_related("topic_field"), pk)


def get_activity_for_user(request: HttpRequest, journey: Journey, pk: int) -> Activity:
    return _child(Activity.objects.filter(journey=journey), pk)


def get_review_for_user(request: HttpRequest, journey: Journey, pk: int) -> Review:
    return _child(Review.objects.filter(journey=journey).select_related("created_by"), pk)


def get_follow_up_for_user(request: HttpRequest, journey: Journey, pk: int) -> FollowUp:
    follow_up = _child(
        FollowUp.objects.filter(journey=journey).select_related("journey__organisation"), pk
    )
    if not can_complete_follow_up(request.user, follow_up):
        raise Http404
    return follow_up


def get_note_for_user(request: HttpRequest, journey: Journey, pk: int) -> CoachNote:
    if not can_view_private_notes(request.user, journey):
        raise Http404
    note = _child(CoachNote.objects.filter(journey=journey), pk)
    if not can_delete_note(request.user, note):
        raise Http404
    return note


def get_recommendation_for_user(request: HttpRequest, journey: Journey, pk: int) -> Recommendation:
    return _child(Recommendation.objects.filter(journey=journey), pk)
