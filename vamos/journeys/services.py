"""Writes on learning journeys. Each function runs in one transaction, validates, keeps the
history (status changes, goal states), writes the audit log and queues emails on commit."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vamos.core.models import TopicField
from vamos.core.permissions import is_coach, is_team_admin
from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import is_member, is_organisation_admin
from vamos.organisations.selectors import organisation_members

from . import integrations
from .models import (
    Activity,
    CoachNote,
    FollowUp,
    Goal,
    GoalUpdate,
    Journey,
    JourneyCoach,
    JourneyStatusChange,
    Kickoff,
    Need,
    Recommendation,
    RecommendationOpen,
    Reminder,
    Review,
)
from .permissions import is_journey_coach


def _url_in(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return f"{settings.VAMOS_BASE_URL}{reverse(name, kwargs=kwargs or None)}"


def _organisation_admins(organisation: Organisation) -> list[Any]:
    return [
        membership.user
        for membership in organisation_members(organisation=organisation)
        if membership.role == Membership.Role.ADMIN and membership.user.is_active
    ]


def _journey_email(*, journey: Journey, to: Any, template: str, **context: Any) -> None:
    email_queue(
        to=to.email,
        template=f"journeys/email/{template}",
        context={
            "journey": journey,
            "organisation": journey.organisation,
            "user": to,
            "journey_url": _url_in(to.language, "journeys:detail", pk=journey.pk),
            **context,
        },
        language=to.language,
        recipient=to,
    )


def _status_set(journey: Journey, status: str, *, actor: Any, note: str = "") -> None:
    previous = journey.status
    if previous == status:
        return
    journey.status = status
    journey.status_changed_at = timezone.now()
    journey.save(update_fields=["status", "status_changed_at", "updated_at"])
    JourneyStatusChange.objects.create(
        journey=journey,
        from_status=previous,
        to_status=status,
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )


def _lock(journey: Journey) -> Journey:
    return Journey.objects.select_for_update().select_related("organisation").get(pk=journey.pk)


# --- Application and decision -------------------------------------------------------------


@transaction.atomic
def journey_apply(
    *,
    organisation: Organisation,
    applicant: Any,
    motivation: str,
    availability: str,
    topic_fields: list[TopicField],
    members_can_view: bool,
) -> Journey:
    """An organisation admin applies for coaching; the team decides."""
    if not organisation.is_registered or not is_organisation_admin(applicant, organisation):
        raise ValidationError(
            {"organisation": _("Only admins of a registered organisation can apply.")}
        )
    if not motivation.strip():
        raise ValidationError({"motivation": _("Please tell us what you hope for.")})
    if not topic_fields:
        raise ValidationError({"topic_fields": _("Please choose at least one topic field.")})
    # Locking the organisation row serialises two admins applying at the same moment.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if Journey.objects.filter(organisation=organisation, status__in=Journey.OPEN_STATUSES).exists():
        raise ValidationError(
            {
                "organisation": _(
                    "%(organisation)s already has an open application or a running journey."
                )
                % {"organisation": organisation.name}
            }
        )
    now = timezone.now()
    journey = Journey.objects.create(
        organisation=organisation,
        status=Journey.Status.APPLIED,
        status_changed_at=now,
        applied_by=applicant,
        applied_at=now,
        motivation=motivation.strip(),
        availability=availability.strip(),
        members_can_view=members_can_view,
    )
    journey.interest_topic_fields.set(topic_fields)
    JourneyStatusChange.objects.create(
        journey=journey, from_status="", to_status=Journey.Status.APPLIED, changed_by=applicant
    )
    _journey_email(journey=journey, to=applicant, template="application_received")
    with translation.override(settings.LANGUAGE_CODE):
        email_queue(
            to=settings.VAMOS_TEAM_EMAIL,
            template="journeys/email/application_team_notice",
            context={
                "journey": journey,
                "organisation": organisation,
                "applicant": applicant,
                "topic_fields": list(topic_fields),
                "queue_url": _url_in(settings.LANGUAGE_CODE, "journeys:queue"),
            },
            language=settings.LANGUAGE_CODE,
        )
    audit_log(actor=applicant, action="journey.apply", obj=journey)
    return journey


def _validate_support(
    *,
    coaches: list[Any],
    lead_coach: Any,
    start_date: date | None,
    planned_end_date: date | None,
    hour_budget: Decimal | None,
    review_interval_weeks: int,
) -> None:
    errors: dict[str, list[str]] = {}
    if not coaches:
        errors["coaches"] = [_("Please assign at least one coach.")]
    elif any(not is_coach(coach) for coach in coaches):
        errors["coaches"] = [_("Only members of the coach team can be assigned.")]
    if lead_coach is not None and lead_coach not in coaches:
        errors["lead_coach"] = [_("The lead coach must be one of the assigned coaches.")]
    if start_date is None:
        errors["start_date"] = [_("Please enter the start date.")]
    if planned_end_date is None:
        errors["planned_end_date"] = [_("Please enter the planned end.")]
    elif start_date and planned_end_date < start_date:
        errors["planned_end_date"] = [_("The planned end must be after the start.")]
    if hour_budget is None:
        errors["hour_budget"] = [_("Please enter the hour budget.")]
    elif hour_budget <= 0:
        errors["hour_budget"] = [_("The hour budget must be more than 0 hours.")]
    if not 1 <= review_interval_weeks <= 52:
        errors["review_interval_weeks"] = [_("Please enter between 1 and 52 weeks.")]
    if errors:
        raise ValidationError(errors)


def _coaches_set(journey: Journey, coaches: list[Any], lead_coach: Any, actor: Any) -> list[Any]:
    """Assign exactly ``coaches``; returns the newly assigned ones (to be informed)."""
    lead = lead_coach or coaches[0]
    current = {a.coach_id: a for a in JourneyCoach.objects.filter(journey=journey)}
    wanted = {coach.pk for coach in coaches}
    JourneyCoach.objects.filter(journey=journey).exclude(coach_id__in=wanted).delete()
    added = []
    for coach in coaches:
        assignment = current.get(coach.pk)
        if assignment is None:
            JourneyCoach.objects.create(
                journey=journey, coach=coach, is_lead=coach.pk == lead.pk, assigned_by=actor
            )
            added.append(coach)
        elif assignment.is_lead != (coach.pk == lead.pk):
            assignment.is_lead = coach.pk == lead.pk
            assignment.save(update_fields=["is_lead"])
    return added


@transaction.atomic
def journey_accept(
    *,
    journey: Journey,
    actor: Any,
    coaches: list[Any],
    lead_coach: Any = None,
    start_date: date | None,
    planned_end_date: date | None,
    hour_budget: Decimal | None,
    review_interval_weeks: int,
    message: str = "",
) -> Journey:
    """The team accepts an application: coaches, period and hour budget; kickoff comes next."""
    journey = _lock(journey)
    if journey.status != Journey.Status.APPLIED:
        raise ValidationError(_("This application has already been decided."))
    _validate_support(
        coaches=coaches,
        lead_coach=lead_coach,
        start_date=start_date,
        planned_end_date=planned_end_date,
        hour_budget=hour_budget,
        review_interval_weeks=review_interval_weeks,
    )
    journey.start_date = start_date
    journey.planned_end_date = planned_end_date
    journey.hour_budget = hour_budget
    journey.review_interval_weeks = review_interval_weeks
    journey.decided_at = timezone.now()
    journey.decided_by = actor
    journey.decision_note = message.strip()
    journey.save(
        update_fields=[
            "start_date",
            "planned_end_date",
            "hour_budget",
            "review_interval_weeks",
            "decided_at",
            "decided_by",
            "decision_note",
            "updated_at",
        ]
    )
    added = _coaches_set(journey, coaches, lead_coach, actor)
    _status_set(journey, Journey.Status.KICKOFF_PLANNED, actor=actor, note=message.strip())
    coach_names = [coach.display_name for coach in coaches]
    for admin in _organisation_admins(journey.organisation):
        _journey_email(
            journey=journey, to=admin, template="application_accepted", coach_names=coach_names
        )
    for coach in added:
        _journey_email(journey=journey, to=coach, template="coach_assigned")
    audit_log(
        actor=actor,
        action="journey.accept",
        obj=journey,
        data={"coaches": [c.pk for c in coaches], "hour_budget": str(hour_budget)},
    )
    return journey


@transaction.atomic
def journey_decline(*, journey: Journey, actor: Any, reason: str) -> Journey:
    journey = _lock(journey)
    if journey.status != Journey.Status.APPLIED:
        raise ValidationError(_("This application has already been decided."))
    if not reason.strip():
        raise ValidationError({"reason": _("Please give a reason; the organisation reads it.")})
    journey.decided_at = timezone.now()
    journey.decided_by = actor
    journey.decision_note = reason.strip()
    journey.save(update_fields=["decided_at", "decided_by", "decision_note", "updated_at"])
    _status_set(journey, Journey.Status.DECLINED, actor=actor, note=reason.strip())
    for admin in _organisation_admins(journey.organisation):
        _journey_email(
            journey=journey, to=admin, template="application_declined", reason=reason.strip()
        )
    audit_log(actor=actor, action="journey.decline", obj=journey, data={"reason": reason})
    return journey


@transaction.atomic
def journey_support_update(
    *,
    journey: Journey,
    actor: Any,
    coaches: list[Any],
    lead_coach: Any = None,
    start_date: date | None,
    planned_end_date: date | None,
    hour_budget: Decimal | None,
    review_interval_weeks: int,
) -> Journey:
    """The team changes coaches, period, hour budget or review interval of a journey."""
    journey = _lock(journey)
    _validate_support(
        coaches=coaches,
        lead_coach=lead_coach,
        start_date=start_date,
        planned_end_date=planned_end_date,
        hour_budget=hour_budget,
        review_interval_weeks=review_interval_weeks,
    )
    before = {
        "start_date": str(journey.start_date),
        "planned_end_date": str(journey.planned_end_date),
        "hour_budget": str(journey.hour_budget),
        "review_interval_weeks": journey.review_interval_weeks,
    }
    journey.start_date = start_date
    journey.planned_end_date = planned_end_date
    journey.hour_budget = hour_budget
    journey.review_interval_weeks = review_interval_weeks
    journey.save(
        update_fields=[
            "start_date",
            "planned_end_date",
            "hour_budget",
            "review_interval_weeks",
            "updated_at",
        ]
    )
    added = _coaches_set(journey, coaches, lead_coach, actor)
    for coach in added:
        _journey_email(journey=journey, to=coach, template="coach_assigned")
    audit_log(
        actor=actor,
        action="journey.support_update",
        obj=journey,
        data={"before": before, "coaches": [c.pk for c in coaches]},
    )
    return journey


@transaction.atomic
def journey_status_set(*, journey: Journey, actor: Any, status: str, note: str = "") -> Journey:
    from .permissions import allowed_status_changes

    journey = _lock(journey)
    if status not in allowed_status_changes(actor, journey):
        raise ValidationError({"status": _("This change of status is not possible.")})
    if status in (Journey.Status.CANCELLED,) and not note.strip():
        raise ValidationError({"note": _("Please say briefly why.")})
    reopening = status == Journey.Status.ACTIVE and journey.status == Journey.Status.COMPLETED
    if (
        reopening
        and Journey.objects.filter(
            organisation=journey.organisation, status__in=Journey.OPEN_STATUSES
        ).exists()
    ):
        raise ValidationError({"status": _("The organisation already has another open journey.")})
    _status_set(journey, status, actor=actor, note=note.strip())
    audit_log(actor=actor, action=f"journey.status.{status}", obj=journey)
    return journey


@transaction.atomic
def journey_sharing_set(*, journey: Journey, actor: Any, members_can_view: bool) -> Journey:
    journey = _lock(journey)
    if journey.members_can_view != members_can_view:
        journey.members_can_view = members_can_view
        journey.save(update_fields=["members_can_view", "updated_at"])
        audit_log(
            actor=actor,
            action="journey.sharing",
            obj=journey,
            data={"members_can_view": members_can_view},
        )
    return journey


# --- Kickoff, needs, goals ----------------------------------------------------------------


def _goal_snapshot(
    goal: Goal, *, kind: str, actor: Any, comment: str = "", review: Any = None
) -> GoalUpdate:
    return GoalUpdate.objects.create(
        goal=goal,
        review=review,
        kind=kind,
        created_by=actor,
        status=goal.status,
        progress=goal.progress,
        target_date=goal.target_date,
        description=goal.description,
        success_indicator=goal.success_indicator,
        comment=comment,
    )


def _check_running(journey: Journey) -> None:
    if journey.status not in Journey.RUNNING_STATUSES:
        raise ValidationError(
            _("The journey is %(status)s; nothing can be added to it.")
            % {"status": journey.get_status_display()}
        )


@transaction.atomic
def kickoff_save(
    *,
    journey: Journey,
    actor: Any,
    scheduled_for: datetime | None,
    held_on: date | None,
    participants: str,
    participants_count: int | None,
    summary: str,
    private_note: str = "",
    needs: list[dict[str, Any]],
    goals: list[dict[str, Any]],
) -> Kickoff:
    """Plan or record the kickoff with its needs per topic field and the agreed goals. A held
    kickoff makes a journey whose kickoff was planned active."""
    journey = _lock(journey)
    _check_running(journey)
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if held_on is None and scheduled_for is None:
        errors["scheduled_for"] = [_("Please enter when the kickoff is planned or was held.")]
    if held_on is not None and held_on > today:
        errors["held_on"] = [_("The date lies in the future. Enter it as planned date instead.")]
    if held_on is not None and not summary.strip():
        errors["summary"] = [_("Please summarise the kickoff for the organisation.")]
    if held_on is None and goals:
        errors["held_on"] = [_("Goals are agreed at the kickoff: please enter when it was held.")]
    if errors:
        raise ValidationError(errors)
    kickoff, _created = Kickoff.objects.get_or_create(journey=journey)
    kickoff.scheduled_for = scheduled_for
    kickoff.held_on = held_on
    kickoff.participants = participants.strip()
    kickoff.participants_count = participants_count
    kickoff.summary = summary.strip()
    kickoff.recorded_by = actor
    kickoff.save()
    for need in needs:
        topic_field = need["topic_field"]
        if not need.get("priority"):
            Need.objects.filter(journey=journey, topic_field=topic_field).delete()
            continue
        Need.objects.update_or_create(
            journey=journey,
            topic_field=topic_field,
            defaults={
                "priority": need["priority"],
                "situation": need.get("situation", "").strip(),
                "notes": need.get("notes", "").strip(),
                "updated_by": actor,
            },
        )
    for goal_data in goals:
        _goal_create(journey=journey, actor=actor, **goal_data)
    if private_note.strip():
        CoachNote.objects.create(
            journey=journey, about_kickoff=True, author=actor, text=private_note.strip()
        )
    if held_on is not None and journey.status == Journey.Status.KICKOFF_PLANNED:
        _status_set(journey, Journey.Status.ACTIVE, actor=actor)
    audit_log(actor=actor, action="journey.kickoff", obj=journey)
    return kickoff


def _goal_create(
    *,
    journey: Journey,
    actor: Any,
    topic_field: TopicField,
    description: str,
    success_indicator: str = "",
    target_date: date | None = None,
) -> Goal:
    if not description.strip():
        raise ValidationError({"description": _("Please describe the goal.")})
    goal = Goal.objects.create(
        journey=journey,
        topic_field=topic_field,
        description=description.strip(),
        success_indicator=success_indicator.strip(),
        target_date=target_date,
        created_by=actor,
    )
    _goal_snapshot(goal, kind=GoalUpdate.Kind.CREATED, actor=actor)
    return goal


@transaction.atomic
def goal_create(
    *,
    journey: Journey,
    actor: Any,
    topic_field: TopicField,
    description: str,
    success_indicator: str = "",
    target_date: date | None = None,
) -> Goal:
    journey = _lock(journey)
    _check_running(journey)
    goal = _goal_create(
        journey=journey,
        actor=actor,
        topic_field=topic_field,
        description=description,
        success_indicator=success_indicator,
        target_date=target_date,
    )
    audit_log(actor=actor, action="goal.create", obj=journey, data={"goal": goal.pk})
    return goal


def _progress_for(status: str, progress: int) -> int:
    return 100 if status == Goal.Status.ACHIEVED else progress


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    actor: Any,
    topic_field: TopicField,
    description: str,
    success_indicator: str,
    target_date: date | None,
    status: str,
    progress: int,
    comment: str = "",
) -> Goal:
    """Change a goal; its previous state stays in the history."""
    goal = Goal.objects.select_for_update().select_related("journey").get(pk=goal.pk)
    _check_running(goal.journey)
    if not description.strip():
        raise ValidationError({"description": _("Please describe the goal.")})
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Please enter a value from 0 to 100.")})
    goal.topic_field = topic_field
    goal.description = description.strip()
    goal.success_indicator = success_indicator.strip()
    goal.target_date = target_date
    goal.status = status
    goal.progress = _progress_for(status, progress)
    goal.save(
        update_fields=[
            "topic_field",
            "description",
            "success_indicator",
            "target_date",
            "status",
            "progress",
            "updated_at",
        ]
    )
    _goal_snapshot(goal, kind=GoalUpdate.Kind.EDITED, actor=actor, comment=comment.strip())
    audit_log(actor=actor, action="goal.update", obj=goal.journey, data={"goal": goal.pk})
    return goal


# --- Activities and notes -----------------------------------------------------------------


def _validate_activity(data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    status = data["status"]
    if status == Activity.Status.HELD:
        if data.get("held_on") is None:
            errors["held_on"] = [_("Please enter the date it was held.")]
        elif data["held_on"] > today:
            errors["held_on"] = [_("The date lies in the future. Record it as planned instead.")]
        if data.get("hours") is None:
            errors["hours"] = [_("Please enter the hours spent (0 if none count).")]
    elif status == Activity.Status.PLANNED and data.get("planned_for") is None:
        errors["planned_for"] = [_("Please enter when it is planned.")]
    hours = data.get("hours")
    if hours is not None and (hours < 0 or hours > 200):
        errors["hours"] = [_("Please enter between 0 and 200 hours.")]
    if hours is not None and (hours * 4) != (hours * 4).to_integral_value():
        errors["hours"] = [_("Please enter hours in quarters, for example 1.5 or 2.25.")]
    if errors:
        raise ValidationError(errors)


ACTIVITY_FIELDS = [
    "format",
    "title",
    "status",
    "planned_for",
    "held_on",
    "hours",
    "participants_count",
    "shared_summary",
    "event_id",
    "module_id",
]


@transaction.atomic
def activity_save(
    *,
    journey: Journey,
    actor: Any,
    data: dict[str, Any],
    goals: list[Goal],
    topic_fields: list[TopicField],
    activity: Activity | None = None,
    private_note: str = "",
    follow_up: dict[str, Any] | None = None,
) -> Activity:
    """Create or change an activity, with an optional private note and follow-up."""
    journey = _lock(journey)
    _check_running(journey)
    data = {**data}
    if activity is None:
        activity = Activity(journey=journey, created_by=actor)
        action = "activity.create"
    else:
        activity = Activity.objects.select_for_update().get(pk=activity.pk, journey=journey)
        action = "activity.update"
        if activity.event_created_here:
            # The event is the one record of date and title; the activity follows it.
            data["title"] = activity.title
            data["planned_for"] = activity.planned_for
            data["event_id"] = activity.event_id
    if not data.get("title", "").strip():
        data["title"] = str(Activity.Format(data["format"]).label)
    data["title"] = data["title"].strip()
    _validate_activity(data)
    if any(goal.journey_id != journey.pk for goal in goals):
        raise ValidationError({"goals": _("Please choose goals of this journey.")})
    if data["status"] != Activity.Status.HELD:
        data["held_on"] = data.get("held_on") if data["status"] == "cancelled" else None
    for field in ACTIVITY_FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    activity.save()
    activity.goals.set(goals)
    if not topic_fields:
        topic_fields = list({goal.topic_field_id: goal.topic_field for goal in goals}.values())
    activity.topic_fields.set(topic_fields)
    if private_note.strip():
        CoachNote.objects.create(
            journey=journey, activity=activity, author=actor, text=private_note.strip()
        )
    if follow_up and follow_up.get("description", "").strip():
        _follow_up_create(journey=journey, actor=actor, activity=activity, **follow_up)
    audit_log(actor=actor, action=action, obj=journey, data={"activity": activity.pk})
    return activity


EVENT_FORMATS = (Activity.Format.WEBINAR, Activity.Format.MEMBER_CLUB_EVENT)


def can_become_event(activity: Activity) -> bool:
    return (
        integrations.installed("events")
        and activity.format in EVENT_FORMATS
        and activity.status == Activity.Status.PLANNED
        and activity.event_id is None
        and activity.planned_for is not None
        and activity.planned_for > timezone.now()
    )


@transaction.atomic
def activity_event_create(
    *,
    activity: Activity,
    actor: Any,
    duration: Decimal,
    event_format: str,
    venue: str = "",
    online_url: str = "",
    capacity: int | None = None,
    invite_member_clubs: bool = False,
) -> Activity:
    """Create the event of a planned association webinar or member-club event from the
    activity, so that nobody enters it twice: title, date, topic fields and description come
    from the activity; only the organisation (and its member clubs) are invited."""
    activity = (
        Activity.objects.select_for_update()
        .select_related("journey__organisation")
        .get(pk=activity.pk)
    )
    _check_running(activity.journey)
    if not can_become_event(activity):
        raise ValidationError(
            _(
                "Only planned webinars, seminars and member-club events without an event can be "
                "created as an event."
            )
        )
    end = activity.planned_for + timedelta(minutes=int(duration * 60))
    event_id = integrations.event_create_for_activity(
        activity=activity,
        actor=actor,
        end=end,
        format=event_format,
        capacity=capacity,
        venue=venue.strip(),
        online_url=online_url.strip(),
        invite_member_clubs=invite_member_clubs,
    )
    activity.event_id = event_id
    activity.event_created_here = True
    activity.save(update_fields=["event_id", "event_created_here", "updated_at"])
    audit_log(
        actor=actor,
        action="activity.event_create",
        obj=activity.journey,
        data={"activity": activity.pk, "event": event_id},
    )
    return activity


@transaction.atomic
def note_add(
    *,
    journey: Journey,
    actor: Any,
    text: str,
    activity: Activity | None = None,
    review: Review | None = None,
) -> CoachNote:
    if not (is_team_admin(actor) or is_journey_coach(actor, journey)):
        raise ValidationError(_("Only the journey's coaches write private notes."))
    if not text.strip():
        raise ValidationError({"text": _("Please write the note.")})
    note = CoachNote.objects.create(
        journey=journey, activity=activity, review=review, author=actor, text=text.strip()
    )
    audit_log(actor=actor, action="note.create", obj=journey, data={"note": note.pk})
    return note


@transaction.atomic
def note_delete(*, note: CoachNote, actor: Any) -> None:
    audit_log(actor=actor, action="note.delete", obj=note.journey, data={"note": note.pk})
    note.delete()


def private_notes_read(*, journey: Journey, actor: Any, where: str) -> None:
    """Team admins reading private notes of a journey they do not coach leave a trace."""
    if is_team_admin(actor) and not is_journey_coach(actor, journey):
        audit_log(actor=actor, action="journey.private_notes_read", obj=journey, data={"on": where})


def transfer_answers_read(*, journey: Journey, actor: Any) -> None:
    """Answers were shared with the coach; a team admin reading them leaves a trace."""
    if is_team_admin(actor) and not is_journey_coach(actor, journey):
        audit_log(actor=actor, action="journey.transfer_answers_read", obj=journey)


def journey_summary_exported(*, journey: Journey, actor: Any, internal: bool) -> None:
    """Every PDF summary that leaves the platform is logged; the file version holds notes."""
    audit_log(
        actor=actor,
        action="journey.summary_export",
        obj=journey,
        data={"version": "file" if internal else "organisation"},
    )


# --- Reviews ------------------------------------------------------------------------------


@transaction.atomic
def review_create(
    *,
    journey: Journey,
    actor: Any,
    held_on: date | None,
    summary: str,
    plan_changes: str,
    private_note: str,
    ratings: list[dict[str, Any]],
) -> Review:
    """A review re-rates every goal that is still being pursued; the previous states stay."""
    journey = _lock(journey)
    if journey.status != Journey.Status.ACTIVE:
        raise ValidationError(_("Reviews are recorded for active journeys."))
    errors: dict[str, list[str]] = {}
    if held_on is None:
        errors["held_on"] = [_("Please enter the date of the review.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("The date lies in the future.")]
    if not summary.strip():
        errors["summary"] = [_("Please summarise the review for the organisation.")]
    open_goals = {
        goal.pk: goal
        for goal in Goal.objects.select_for_update()
        .filter(journey=journey)
        .exclude(status=Goal.Status.DROPPED)
    }
    rated = {rating["goal"].pk for rating in ratings}
    if set(open_goals) - rated:
        errors["__all__"] = [_("Please rate every goal.")]
    if errors:
        raise ValidationError(errors)
    review = Review.objects.create(
        journey=journey,
        held_on=held_on,
        summary=summary.strip(),
        plan_changes=plan_changes.strip(),
        created_by=actor,
    )
    for rating in ratings:
        goal = open_goals.get(rating["goal"].pk)
        if goal is None:
            continue
        goal.status = rating["status"]
        goal.progress = _progress_for(rating["status"], rating["progress"])
        if rating.get("target_date"):
            goal.target_date = rating["target_date"]
        goal.save(update_fields=["status", "progress", "target_date", "updated_at"])
        _goal_snapshot(
            goal,
            kind=GoalUpdate.Kind.RATED,
            actor=actor,
            comment=rating.get("comment", "").strip(),
            review=review,
        )
    if private_note.strip():
        CoachNote.objects.create(
            journey=journey, review=review, author=actor, text=private_note.strip()
        )
    audit_log(actor=actor, action="review.create", obj=journey, data={"review": review.pk})
    return review


# --- Follow-ups ---------------------------------------------------------------------------


def follow_up_owner_choices(journey: Journey) -> list[Any]:
    """Who can be responsible: the journey's coaches and the organisation's people."""
    coaches = [a.coach for a in journey.assignments.select_related("coach")]
    people = [m.user for m in organisation_members(organisation=journey.organisation)]
    seen: set[int] = set()
    result = []
    for person in [*coaches, *people]:
        if person.pk not in seen and person.is_active:
            seen.add(person.pk)
            result.append(person)
    return result


def _follow_up_create(
    *,
    journey: Journey,
    actor: Any,
    description: str,
    due_on: date | None,
    owner: Any,
    activity: Activity | None = None,
) -> FollowUp:
    errors: dict[str, list[str]] = {}
    if not description.strip():
        errors["description"] = [_("Please say what is to be done.")]
    if due_on is None:
        errors["due_on"] = [_("Please enter the due date.")]
    if owner is None:
        errors["owner"] = [_("Please choose who is responsible.")]
    elif owner.pk not in {person.pk for person in follow_up_owner_choices(journey)}:
        errors["owner"] = [_("Please choose a coach or a person of the organisation.")]
    if errors:
        raise ValidationError(errors)
    return FollowUp.objects.create(
        journey=journey,
        activity=activity,
        description=description.strip(),
        due_on=due_on,
        owner=owner,
        created_by=actor,
    )


@transaction.atomic
def follow_up_create(
    *,
    journey: Journey,
    actor: Any,
    description: str,
    due_on: date | None,
    owner: Any,
    activity: Activity | None = None,
) -> FollowUp:
    journey = _lock(journey)
    _check_running(journey)
    follow_up = _follow_up_create(
        journey=journey,
        actor=actor,
        description=description,
        due_on=due_on,
        owner=owner,
        activity=activity,
    )
    audit_log(actor=actor, action="follow_up.create", obj=journey, data={"id": follow_up.pk})
    return follow_up


@transaction.atomic
def follow_up_set_done(*, follow_up: FollowUp, actor: Any, done: bool) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if done and follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.done_by = actor
    elif not done:
        follow_up.done_at = None
        follow_up.done_by = None
    follow_up.save(update_fields=["done_at", "done_by", "updated_at"])
    audit_log(
        actor=actor,
        action="follow_up.done" if done else "follow_up.reopen",
        obj=follow_up.journey,
        data={"id": follow_up.pk},
    )
    return follow_up


# --- Recommendations ----------------------------------------------------------------------


@transaction.atomic
def recommendation_create(
    *,
    journey: Journey,
    actor: Any,
    kind: str,
    target_id: int | None,
    goal: Goal | None,
    reason: str,
) -> Recommendation:
    journey = _lock(journey)
    _check_running(journey)
    if kind not in integrations.available_kinds():
        raise ValidationError({"kind": _("This kind of recommendation is not available.")})
    target = integrations.target_get(kind, target_id, journey=journey, user=actor)
    if target is None:
        raise ValidationError({"target": _("Please choose what you recommend.")})
    if goal is not None and goal.journey_id != journey.pk:
        raise ValidationError({"goal": _("Please choose a goal of this journey.")})
    try:
        with transaction.atomic():
            recommendation = Recommendation.objects.create(
                journey=journey,
                kind=kind,
                target_id=target.id,
                target_title=target.title[:255],
                goal=goal,
                reason=reason.strip(),
                recommended_by=actor,
            )
    except IntegrityError as error:
        raise ValidationError(
            {"target": _("This is already recommended on this journey.")}
        ) from error
    audit_log(
        actor=actor, action="recommendation.create", obj=journey, data={"id": recommendation.pk}
    )
    return recommendation


@transaction.atomic
def recommendation_withdraw(*, recommendation: Recommendation, actor: Any) -> Recommendation:
    if recommendation.withdrawn_at is None:
        recommendation.withdrawn_at = timezone.now()
        recommendation.save(update_fields=["withdrawn_at", "updated_at"])
        audit_log(
            actor=actor,
            action="recommendation.withdraw",
            obj=recommendation.journey,
            data={"id": recommendation.pk},
        )
    return recommendation


def recommendation_opened(*, recommendation: Recommendation, user: Any) -> None:
    """Remember that a person of the organisation followed the recommendation (once)."""
    if is_member(user, recommendation.journey.organisation):
        RecommendationOpen.objects.get_or_create(recommendation=recommendation, user=user)


# --- Reminders (daily management command) -------------------------------------------------


def _remind_once(kind: str, key: str, recipient: Any) -> bool:
    """Record the reminder; False if it went out already."""
    try:
        with transaction.atomic():
            Reminder.objects.create(kind=kind, key=key, recipient=recipient)
    except IntegrityError:
        return False
    return True


def _coaches_of(journey: Journey) -> list[Any]:
    return [a.coach for a in journey.assignments.all() if a.coach.is_active]


@transaction.atomic
def reminders_send(*, today: date | None = None) -> dict[str, int]:
    """Send the reminders that are due today; each reminder goes to each person once."""
    from . import selectors

    today = today or timezone.localdate()
    tomorrow = today + timedelta(days=1)
    counts = dict.fromkeys(Reminder.Kind.values, 0)

    for activity in selectors.activities_planned_on(tomorrow):
        journey = activity.journey
        people = _coaches_of(journey) + _organisation_admins(journey.organisation)
        for person in {p.pk: p for p in people}.values():
            if _remind_once(Reminder.Kind.ACTIVITY_UPCOMING, f"activity-{activity.pk}", person):
                _journey_email(
                    journey=journey,
                    to=person,
                    template="activity_upcoming",
                    activity=activity,
                    activity_url=_url_in(
                        person.language, "journeys:activity", pk=journey.pk, activity=activity.pk
                    ),
                )
                counts[Reminder.Kind.ACTIVITY_UPCOMING] += 1

    for kickoff in selectors.kickoffs_planned_on(tomorrow):
        journey = kickoff.journey
        people = _coaches_of(journey) + _organisation_admins(journey.organisation)
        for person in {p.pk: p for p in people}.values():
            key = f"kickoff-{kickoff.pk}-{kickoff.scheduled_for:%Y%m%d}"
            if _remind_once(Reminder.Kind.KICKOFF_UPCOMING, key, person):
                _journey_email(
                    journey=journey, to=person, template="kickoff_upcoming", kickoff=kickoff
                )
                counts[Reminder.Kind.KICKOFF_UPCOMING] += 1

    for follow_up in selectors.follow_ups_due_by(today):
        journey = follow_up.journey
        people = [follow_up.owner] if follow_up.owner else _coaches_of(journey)
        for person in people:
            key = f"follow-up-{follow_up.pk}-{follow_up.due_on:%Y%m%d}"
            if person.is_active and _remind_once(Reminder.Kind.FOLLOW_UP_DUE, key, person):
                _journey_email(
                    journey=journey, to=person, template="follow_up_due", follow_up=follow_up
                )
                counts[Reminder.Kind.FOLLOW_UP_DUE] += 1

    for journey, due in selectors.journeys_with_review_due(today):
        for coach in _coaches_of(journey):
            key = f"review-{journey.pk}-{due:%Y%m%d}"
            if _remind_once(Reminder.Kind.REVIEW_DUE, key, coach):
                _journey_email(
                    journey=journey,
                    to=coach,
                    template="review_due",
                    due=due,
                    review_url=_url_in(coach.language, "journeys:review-create", pk=journey.pk),
                )
                counts[Reminder.Kind.REVIEW_DUE] += 1
    return counts
