"""Reads about learning journeys, with the joins their pages need, so that query counts do
not grow with the data. Other apps read journeys through this module only
(e.g. ``organisation_needs`` for the community app's peer suggestions)."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    F,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from . import integrations
from .models import (
    PRIORITY_RANK,
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
    Review,
    review_due_date,
)
from .permissions import visible_journeys

ZERO = Decimal("0")


def _subtotal(queryset: QuerySet[Any], aggregate: Any, output: Any) -> Subquery:
    return Subquery(
        queryset.order_by().values("journey").annotate(total=aggregate).values("total"),
        output_field=output,
    )


def _with_figures(journeys: QuerySet[Journey]) -> QuerySet[Journey]:
    """Hours used, goal counts, overdue follow-ups, next activity and last review, each as a
    subquery so that one query serves a whole page of journeys."""
    today = timezone.localdate()
    journey = OuterRef("pk")
    decimal = DecimalField(max_digits=8, decimal_places=2)
    integer = IntegerField()
    return journeys.annotate(
        hours_used=Coalesce(
            _subtotal(
                Activity.objects.filter(journey=journey, status=Activity.Status.HELD),
                Sum("hours"),
                decimal,
            ),
            Value(ZERO),
            output_field=decimal,
        ),
        goals_total=Coalesce(
            _subtotal(
                Goal.objects.filter(journey=journey).exclude(status=Goal.Status.DROPPED),
                Count("pk"),
                integer,
            ),
            0,
        ),
        goals_achieved=Coalesce(
            _subtotal(
                Goal.objects.filter(journey=journey, status=Goal.Status.ACHIEVED),
                Count("pk"),
                integer,
            ),
            0,
        ),
        follow_ups_overdue=Coalesce(
            _subtotal(
                FollowUp.objects.filter(journey=journey, done_at__isnull=True, due_on__lt=today),
                Count("pk"),
                integer,
            ),
            0,
        ),
        follow_ups_open=Coalesce(
            _subtotal(
                FollowUp.objects.filter(journey=journey, done_at__isnull=True),
                Count("pk"),
                integer,
            ),
            0,
        ),
        next_activity_at=_subtotal(
            Activity.objects.filter(
                journey=journey,
                status=Activity.Status.PLANNED,
                planned_for__gte=timezone.now() - timedelta(hours=2),
            ),
            Min("planned_for"),
            None,
        ),
        last_review_on=_subtotal(Review.objects.filter(journey=journey), Max("held_on"), None),
        kickoff_held_on=F("kickoff__held_on"),
        kickoff_scheduled_for=F("kickoff__scheduled_for"),
    )


@dataclass
class Figures:
    """Roll-up of one journey: hours against the budget, goals achieved of all."""

    hours_used: Decimal
    hour_budget: Decimal | None
    goals_achieved: int
    goals_total: int

    @property
    def hours_percent(self) -> int | None:
        if not self.hour_budget:
            return None
        return int((self.hours_used * 100 / self.hour_budget).quantize(Decimal("1"), ROUND_HALF_UP))

    @property
    def hours_remaining(self) -> Decimal | None:
        if self.hour_budget is None:
            return None
        return self.hour_budget - self.hours_used

    @property
    def over_budget(self) -> bool:
        return self.hour_budget is not None and self.hours_used > self.hour_budget

    @property
    def hours_bar_value(self) -> Decimal:
        """For ``<progress>``: capped at the budget (the text says when it is exceeded)."""
        if self.hour_budget is None:
            return self.hours_used
        return min(self.hours_used, self.hour_budget)


def figures_of(journey: Journey) -> Figures:
    """Figures of a journey annotated by ``_with_figures`` (or computed here for one)."""
    if not hasattr(journey, "hours_used"):
        journey = _with_figures(Journey.objects.filter(pk=journey.pk)).get()
    return Figures(
        hours_used=journey.hours_used or ZERO,
        hour_budget=journey.hour_budget,
        goals_achieved=journey.goals_achieved,
        goals_total=journey.goals_total,
    )


def next_review_due(journey: Journey) -> date | None:
    if journey.status != Journey.Status.ACTIVE:
        return None
    return review_due_date(
        last_review=journey.last_review_on,
        kickoff=journey.kickoff_held_on,
        start=journey.start_date,
        weeks=journey.review_interval_weeks,
    )


# --- Lists --------------------------------------------------------------------------------

CASELOAD_STATUSES = [Journey.Status.KICKOFF_PLANNED, Journey.Status.ACTIVE]
# The apps a caseload page reads: journeys, their organisations and coaches.
CASELOAD_READS = {"journeys", "organisations", "accounts"}


def caseload(
    *, user: Any, coach: Any = None, statuses: list[str] | None = None, query: str = ""
) -> QuerySet[Journey]:
    """Journeys of a coach (or, for team admins, of all coaches) with their figures."""
    journeys = visible_journeys(user)
    if coach is not None or not _is_team_admin(user):
        assigned = JourneyCoach.objects.filter(coach=coach or user).values("journey_id")
        journeys = journeys.filter(pk__in=assigned)
    journeys = journeys.filter(status__in=statuses or CASELOAD_STATUSES)
    if query:
        journeys = journeys.filter(
            Q(organisation__name__icontains=query) | Q(organisation__short_name__icontains=query)
        )
    return (
        _with_figures(journeys)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("assignments", queryset=JourneyCoach.objects.select_related("coach"))
        )
        .order_by("organisation__name", "pk")
    )


def _is_team_admin(user: Any) -> bool:
    from vamos.core.permissions import is_team_admin

    return is_team_admin(user)


def caseload_rows(journeys: Any) -> list[dict[str, Any]]:
    """A page of ``caseload`` as rows for the table (no further queries)."""
    rows = []
    for journey in journeys:
        rows.append(
            {
                "journey": journey,
                "figures": figures_of(journey),
                "next_review_due": next_review_due(journey),
                "coaches": [a.coach for a in journey.assignments.all()],
            }
        )
    return rows


def caseload_summary(*, user: Any) -> dict[str, Any]:
    """For the coach's dashboard panel: counts over all their running journeys."""
    journeys = list(
        _with_figures(
            Journey.objects.filter(assignments__coach=user, status__in=CASELOAD_STATUSES)
        ).select_related("organisation")
    )
    today = timezone.localdate()
    reviews_due = [j for j in journeys if (due := next_review_due(j)) and due <= today]
    upcoming = (
        Activity.objects.filter(
            journey__assignments__coach=user,
            journey__status__in=CASELOAD_STATUSES,
            status=Activity.Status.PLANNED,
            planned_for__gte=timezone.now(),
            planned_for__lt=timezone.now() + timedelta(days=14),
        )
        .select_related("journey__organisation")
        .order_by("planned_for")[:5]
    )
    return {
        "journey_count": len(journeys),
        "follow_ups_overdue": sum(j.follow_ups_overdue for j in journeys),
        "reviews_due": reviews_due,
        "upcoming": list(upcoming),
    }


def application_queue() -> QuerySet[Journey]:
    return (
        Journey.objects.filter(status=Journey.Status.APPLIED)
        .select_related("organisation", "applied_by")
        .prefetch_related("interest_topic_fields")
        .order_by("applied_at", "pk")
    )


def applications_recently_decided(limit: int = 10) -> QuerySet[Journey]:
    return (
        Journey.objects.filter(decided_at__isnull=False)
        .select_related("organisation", "decided_by")
        .order_by("-decided_at")[:limit]
    )


def application_queue_count() -> int:
    return Journey.objects.filter(status=Journey.Status.APPLIED).count()


def coach_choices() -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    from vamos.core.roles import COACH

    return (
        get_user_model()
        .objects.filter(groups__name=COACH, is_active=True)
        .order_by("last_name", "first_name", "email")
    )


def coach_workload() -> dict[int, int]:
    """Running journeys per coach, to help the team balance assignments."""
    return dict(
        JourneyCoach.objects.filter(journey__status__in=CASELOAD_STATUSES)
        .values_list("coach")
        .annotate(count=Count("pk"))
        .values_list("coach", "count")
    )


def organisation_journey_list(*, user: Any) -> QuerySet[Journey]:
    """Journeys the user sees as a person of an organisation (not as coach)."""
    from vamos.organisations.models import Membership

    organisations = Membership.objects.filter(user=user).values("organisation_id")
    return (
        _with_figures(visible_journeys(user).filter(organisation_id__in=organisations))
        .select_related("organisation")
        .prefetch_related(
            Prefetch("assignments", queryset=JourneyCoach.objects.select_related("coach"))
        )
        .order_by("-applied_at", "-pk")
    )


def apply_organisations(*, user: Any) -> list[Organisation]:
    """Registered organisations the user administers that have no open journey."""
    from vamos.organisations.selectors import user_admin_organisations

    open_ids = set(
        Journey.objects.filter(
            status__in=Journey.OPEN_STATUSES, organisation__memberships__user=user
        ).values_list("organisation_id", flat=True)
    )
    return [o for o in user_admin_organisations(user=user) if o.pk not in open_ids]


# --- One journey --------------------------------------------------------------------------


def journey_with_figures(journey: Journey) -> Journey:
    return (
        _with_figures(Journey.objects.filter(pk=journey.pk))
        .select_related("organisation", "applied_by", "decided_by")
        .prefetch_related(
            Prefetch("assignments", queryset=JourneyCoach.objects.select_related("coach")),
            "interest_topic_fields",
        )
        .get()
    )


def journey_kickoff(journey: Journey) -> Kickoff | None:
    return Kickoff.objects.filter(journey=journey).select_related("recorded_by").first()


def journey_needs(journey: Journey) -> list[Need]:
    return list(Need.objects.filter(journey=journey).select_related("topic_field"))


def journey_goals(journey: Journey) -> list[Goal]:
    return list(
        Goal.objects.filter(journey=journey)
        .select_related("topic_field")
        .annotate(activity_count=Count("activities", distinct=True))
        .order_by("topic_field__sort_order", "created_at", "pk")
    )


def goal_history(goal: Goal) -> QuerySet[GoalUpdate]:
    return goal.updates.select_related("created_by", "review").order_by("-created_at", "-pk")


def journey_activities(
    journey: Journey, *, format: str = "", status: str = ""
) -> QuerySet[Activity]:
    activities = Activity.objects.filter(journey=journey)
    if format:
        activities = activities.filter(format=format)
    if status:
        activities = activities.filter(status=status)
    return activities.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.select_related("topic_field")), "topic_fields"
    ).order_by(F("held_on").desc(nulls_first=True), F("planned_for").desc(nulls_last=True), "-pk")


def upcoming_activities(journey: Journey, limit: int = 5) -> list[Activity]:
    return list(
        Activity.objects.filter(
            journey=journey,
            status=Activity.Status.PLANNED,
            planned_for__gte=timezone.now() - timedelta(hours=2),
        ).order_by("planned_for")[:limit]
    )


def journey_follow_ups(journey: Journey, *, open_only: bool = False) -> QuerySet[FollowUp]:
    follow_ups = FollowUp.objects.filter(journey=journey)
    if open_only:
        follow_ups = follow_ups.filter(done_at__isnull=True)
    return follow_ups.select_related("owner", "done_by", "activity").order_by(
        F("done_at").asc(nulls_first=True), "due_on", "pk"
    )


def journey_reviews(journey: Journey) -> QuerySet[Review]:
    return (
        Review.objects.filter(journey=journey)
        .select_related("created_by")
        .prefetch_related(
            Prefetch(
                "goal_updates",
                queryset=GoalUpdate.objects.select_related("goal__topic_field").order_by(
                    "goal__topic_field__sort_order", "goal_id"
                ),
            )
        )
    )


def review_goal_updates(review: Review) -> list[dict[str, Any]]:
    """Each goal's state in this review next to its state before (from the history)."""
    updates = list(
        review.goal_updates.select_related("goal__topic_field").order_by(
            "goal__topic_field__sort_order", "goal_id"
        )
    )
    goal_ids = [update.goal_id for update in updates]
    earlier: dict[int, GoalUpdate] = {}
    for previous in (
        GoalUpdate.objects.filter(goal_id__in=goal_ids, created_at__lt=review.created_at)
        .exclude(review=review)
        .order_by("goal_id", "created_at", "pk")
    ):
        earlier[previous.goal_id] = previous  # the latest earlier state wins
    return [{"update": update, "before": earlier.get(update.goal_id)} for update in updates]


def private_notes(
    journey: Journey,
    *,
    activity: Activity | None = None,
    review: Review | None = None,
    kickoff: bool = False,
    journey_level: bool = False,
) -> QuerySet[CoachNote]:
    """Private notes: call only after ``permissions.can_view_private_notes``."""
    notes = CoachNote.objects.filter(journey=journey).select_related("author")
    if activity is not None:
        notes = notes.filter(activity=activity)
    elif review is not None:
        notes = notes.filter(review=review)
    elif kickoff:
        notes = notes.filter(about_kickoff=True)
    elif journey_level:
        notes = notes.filter(activity__isnull=True, review__isnull=True, about_kickoff=False)
    return notes.order_by("-created_at", "-pk")


@dataclass
class RecommendationRow:
    recommendation: Recommendation
    target: integrations.Target | None
    uptake: integrations.Uptake | None
    opened: int


def journey_recommendations(
    journey: Journey, *, include_withdrawn: bool = False, with_uptake: bool = True
) -> list[RecommendationRow]:
    """The journey's recommendations with their targets and, ``with_uptake``, how the
    organisation's people took them up (which reads their learning and registrations)."""
    recommendations = (
        Recommendation.objects.filter(journey=journey)
        .select_related("goal__topic_field", "recommended_by")
        .annotate(opened=Count("opens", distinct=True))
        .order_by("-created_at", "-pk")
    )
    if not include_withdrawn:
        recommendations = recommendations.filter(withdrawn_at__isnull=True)
    recommendations = list(recommendations)
    pairs = [(r.kind, r.target_id) for r in recommendations]
    targets = integrations.targets_resolve(pairs)
    uptake = (
        integrations.uptake_for(pairs, organisation=journey.organisation) if with_uptake else {}
    )
    return [
        RecommendationRow(
            recommendation=r,
            target=targets.get((r.kind, r.target_id)),
            uptake=uptake.get((r.kind, r.target_id)),
            opened=r.opened,
        )
        for r in recommendations
    ]


def hours_by_format(journey: Journey) -> list[dict[str, Any]]:
    rows = {
        row["format"]: row
        for row in Activity.objects.filter(journey=journey, status=Activity.Status.HELD)
        .values("format")
        .annotate(hours=Coalesce(Sum("hours"), Value(ZERO)), count=Count("pk"))
        .order_by()
    }
    return [
        {
            "format": value,
            "label": label,
            "hours": rows.get(value, {}).get("hours", ZERO),
            "count": rows.get(value, {}).get("count", 0),
        }
        for value, label in Activity.Format.choices
    ]


def hours_by_topic_field(journey: Journey) -> list[dict[str, Any]]:
    """Hours of held activities per topic field. An activity with several topic fields
    counts in equal parts for each, so the parts add up to the hours used; activities
    without a topic field are listed as such."""
    totals: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    counts: dict[int | None, int] = defaultdict(int)
    activities = Activity.objects.filter(
        journey=journey, status=Activity.Status.HELD
    ).prefetch_related("topic_fields")
    for activity in activities:
        fields = list(activity.topic_fields.all())
        hours = activity.hours or ZERO
        if not fields:
            totals[None] += hours
            counts[None] += 1
            continue
        share = hours / len(fields)
        for topic_field in fields:
            totals[topic_field.pk] += share
            counts[topic_field.pk] += 1
    rows = []
    for topic_field in TopicField.objects.all():
        rows.append(
            {
                "topic_field": topic_field,
                "label": topic_field.name,
                "hours": totals.get(topic_field.pk, ZERO).quantize(Decimal("0.01")),
                "count": counts.get(topic_field.pk, 0),
            }
        )
    if counts.get(None):
        rows.append(
            {
                "topic_field": None,
                "label": _("No topic field"),
                "hours": totals[None].quantize(Decimal("0.01")),
                "count": counts[None],
            }
        )
    return rows


def status_history(journey: Journey) -> QuerySet[JourneyStatusChange]:
    return journey.status_changes.select_related("changed_by").order_by("changed_at", "pk")


# --- Timeline -----------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    when: datetime
    kind: str
    kind_label: str
    title: str
    text: str = ""
    url: str = ""
    private: bool = False
    by: str = ""
    details: list[str] = field(default_factory=list)


TIMELINE_KINDS = [
    ("status", gettext_lazy("Status")),
    ("kickoff", gettext_lazy("Kickoff")),
    ("goal", gettext_lazy("Goals")),
    ("activity", gettext_lazy("Activities")),
    ("review", gettext_lazy("Reviews")),
    ("follow_up", gettext_lazy("Follow-ups")),
    ("recommendation", gettext_lazy("Recommendations")),
    ("note", gettext_lazy("Private notes")),
    ("members", gettext_lazy("Learning and events of the members")),
]


ENTRY_LABELS = {
    "status": gettext_lazy("Status"),
    "kickoff": gettext_lazy("Kickoff"),
    "goal": gettext_lazy("Goal"),
    "activity": gettext_lazy("Activity"),
    "review": gettext_lazy("Review"),
    "follow_up": gettext_lazy("Follow-up"),
    "recommendation": gettext_lazy("Recommendation"),
    "note": gettext_lazy("Private note"),
    "members": gettext_lazy("Members"),
}


def _at(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return timezone.localtime(value)
    return timezone.make_aware(datetime.combine(value, time(12, 0)))


# The apps the timeline reads: the journey, its recommendations' targets (events, modules,
# videos, organisations) and what the organisation's people learned and attended.
TIMELINE_READS = {
    "journeys",
    "events",
    "learning",
    "organisations",
    "accounts",
    "core",
    "wagtailcore",
}


def journey_timeline(
    journey: Journey, *, include_private: bool, kinds: list[str] | None = None
) -> list[TimelineEntry]:
    """Everything that happened on the journey, newest first; kept in the cache until a
    write changes what it reads (entries are plain values)."""
    key = ":".join(
        [
            "journeys:timeline",
            str(journey.pk),
            "private" if include_private else "shared",
            ",".join(sorted(kinds or [])),
        ]
    )
    return versioned(
        key,
        apps_read=TIMELINE_READS,
        build=lambda: _journey_timeline(journey, include_private=include_private, kinds=kinds),
    )


def versioned[T](
    key: str, *, apps_read: set[str], build: Callable[[], T], timeout: int = 3600
) -> T:
    """``versions.cached`` for a result that reads every model of ``apps_read``, per
    language."""
    names = [name for name in sorted(versions.names()) if name.split(".", 1)[0] in apps_read]
    return versions.cached(
        f"journeys:{key}:{translation.get_language()}",
        depends_on=names,
        build=build,
        timeout=timeout,
    )


def _journey_timeline(
    journey: Journey, *, include_private: bool, kinds: list[str] | None = None
) -> list[TimelineEntry]:
    """One query per source."""
    wanted = set(kinds or [kind for kind, _label in TIMELINE_KINDS])
    labels = {kind: str(label) for kind, label in ENTRY_LABELS.items()}
    entries: list[TimelineEntry] = []
    pk = journey.pk

    def add(kind: str, **values: Any) -> None:
        entries.append(TimelineEntry(kind=kind, kind_label=labels[kind], **values))

    if "status" in wanted:
        for change in status_history(journey):
            add(
                "status",
                when=_at(change.changed_at),
                title=_("Status: %(status)s") % {"status": change.get_to_status_display()},
                text=change.note,
                by=change.changed_by.display_name if change.changed_by else "",
            )
    if "kickoff" in wanted:
        kickoff = journey_kickoff(journey)
        if kickoff and (kickoff.held_on or kickoff.scheduled_for):
            held = kickoff.held_on is not None
            add(
                "kickoff",
                when=_at(kickoff.held_on or kickoff.scheduled_for),
                title=_("Kickoff conversation held") if held else _("Kickoff conversation planned"),
                text=kickoff.summary,
                url=reverse("journeys:kickoff", kwargs={"pk": pk}),
            )
    if "goal" in wanted:
        for update in (
            GoalUpdate.objects.filter(goal__journey=journey, review__isnull=True)
            .select_related("goal__topic_field", "created_by")
            .order_by("created_at")
        ):
            title = (
                _("Goal set: %(goal)s")
                if update.kind == GoalUpdate.Kind.CREATED
                else _("Goal changed: %(goal)s")
            ) % {"goal": update.description[:120]}
            add(
                "goal",
                when=_at(update.created_at),
                title=title,
                text=update.comment,
                url=reverse("journeys:goal", kwargs={"pk": pk, "goal": update.goal_id}),
                by=update.created_by.display_name if update.created_by else "",
                details=[
                    str(update.goal.topic_field),
                    f"{_('Status')}: {update.get_status_display()}, {update.progress} %",
                ],
            )
    if "activity" in wanted:
        for activity in journey_activities(journey):
            when = activity.held_on or activity.planned_for
            if when is None:
                continue
            add(
                "activity",
                when=_at(when),
                title=f"{activity.get_format_display()}: {activity.title}",
                text=activity.shared_summary,
                url=reverse("journeys:activity", kwargs={"pk": pk, "activity": activity.pk}),
                details=[
                    str(activity.get_status_display()),
                    *([_("%(hours)s hours") % {"hours": activity.hours}] if activity.hours else []),
                ],
            )
    if "review" in wanted:
        for review in journey_reviews(journey):
            add(
                "review",
                when=_at(review.held_on),
                title=_("Review"),
                text=review.summary,
                url=reverse("journeys:review", kwargs={"pk": pk, "review": review.pk}),
                by=review.created_by.display_name if review.created_by else "",
                details=[
                    f"{update.description[:80]}: {update.get_status_display()}"
                    for update in review.goal_updates.all()
                ],
            )
    if "follow_up" in wanted:
        for follow_up in journey_follow_ups(journey):
            add(
                "follow_up",
                when=_at(follow_up.created_at),
                title=_("Follow-up: %(what)s") % {"what": follow_up.description},
                by=follow_up.owner.display_name if follow_up.owner else "",
                details=[_("due on %(date)s") % {"date": _date(follow_up.due_on)}],
            )
            if follow_up.done_at:
                add(
                    "follow_up",
                    when=_at(follow_up.done_at),
                    title=_("Follow-up done: %(what)s") % {"what": follow_up.description},
                    by=follow_up.done_by.display_name if follow_up.done_by else "",
                )
    if "recommendation" in wanted:
        for row in journey_recommendations(journey, include_withdrawn=True, with_uptake=False):
            recommendation = row.recommendation
            add(
                "recommendation",
                when=_at(recommendation.created_at),
                title=_("Recommended: %(title)s") % {"title": recommendation.target_title},
                text=recommendation.reason,
                url=row.target.url if row.target else "",
                by=(
                    recommendation.recommended_by.display_name
                    if recommendation.recommended_by
                    else ""
                ),
                details=[integrations.kind_label(recommendation.kind)],
            )
    if include_private and "note" in wanted:
        for note in private_notes(journey):
            add(
                "note",
                when=_at(note.created_at),
                title=_("Private note"),
                text=note.text,
                private=True,
                by=note.author.display_name if note.author else "",
            )
    if "members" in wanted:
        for item in integrations.member_activity(
            organisation=journey.organisation, since=journey.start_date
        ):
            add("members", when=_at(item.when), title=item.title, text=item.text, url=item.url)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def _date(value: date) -> str:
    from django.utils.formats import date_format

    return date_format(value, "SHORT_DATE_FORMAT")


# --- For the dashboard and other apps ----------------------------------------------------


def organisation_needs(organisation: Organisation) -> dict[TopicField, str]:
    """Priority (``high``/``medium``/``low``) per topic field from the organisation's most
    recent journey with a needs clarification; empty if there is none. For other apps
    (community: peer suggestions)."""
    journey_id = (
        Need.objects.filter(journey__organisation=organisation)
        .exclude(journey__status=Journey.Status.DECLINED)
        .order_by("-journey__applied_at", "-journey_id")
        .values_list("journey_id", flat=True)
        .first()
    )
    if journey_id is None:
        return {}
    needs = Need.objects.filter(journey_id=journey_id).select_related("topic_field")
    return {need.topic_field: need.priority for need in needs}


def organisation_need_ranks(organisation: Organisation) -> dict[int, int]:
    """Topic field id → 3 (high), 2 (medium), 1 (low), for sorting and matching."""
    return {
        topic_field.pk: PRIORITY_RANK[priority]
        for topic_field, priority in organisation_needs(organisation).items()
    }


def coached_organisation_ids(user: Any) -> set[int]:
    """Organisations whose learning journey ``user`` coaches (running or completed); other
    apps let these coaches see more of the organisation (surveys: its self-assessment)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        JourneyCoach.objects.filter(
            coach=user,
            journey__status__in=[*CASELOAD_STATUSES, Journey.Status.COMPLETED],
        ).values_list("journey__organisation_id", flat=True)
    )


def organisation_has_running_journey(organisation: Organisation) -> bool:
    return Journey.objects.filter(
        organisation=organisation, status__in=Journey.RUNNING_STATUSES
    ).exists()


def journeys_for_member_dashboard(*, user: Any) -> list[Journey]:
    from vamos.organisations.models import Membership

    organisations = Membership.objects.filter(user=user).values("organisation_id")
    return list(
        _with_figures(
            visible_journeys(user).filter(
                organisation_id__in=organisations, status__in=Journey.OPEN_STATUSES
            )
        )
        .select_related("organisation")
        .prefetch_related(
            Prefetch("assignments", queryset=JourneyCoach.objects.select_related("coach"))
        )
        .order_by("organisation__name")
    )


def open_follow_ups_for(journeys: list[Journey], limit: int = 5) -> dict[int, list[FollowUp]]:
    result: dict[int, list[FollowUp]] = defaultdict(list)
    for follow_up in (
        FollowUp.objects.filter(journey__in=journeys, done_at__isnull=True)
        .select_related("owner", "journey__organisation")
        .order_by("due_on", "pk")
    ):
        if len(result[follow_up.journey_id]) < limit:
            result[follow_up.journey_id].append(follow_up)
    return result


def next_activities_for(journeys: list[Journey]) -> dict[int, Activity]:
    result: dict[int, Activity] = {}
    for activity in Activity.objects.filter(
        journey__in=journeys,
        status=Activity.Status.PLANNED,
        planned_for__gte=timezone.now() - timedelta(hours=2),
    ).order_by("planned_for"):
        result.setdefault(activity.journey_id, activity)
    return result


def recommendations_for(journeys: list[Journey], limit: int = 5) -> dict[int, list[Any]]:
    recommendations = list(
        Recommendation.objects.filter(journey__in=journeys, withdrawn_at__isnull=True).order_by(
            "-created_at", "-pk"
        )
    )
    targets = integrations.targets_resolve((r.kind, r.target_id) for r in recommendations)
    result: dict[int, list[Any]] = defaultdict(list)
    for recommendation in recommendations:
        if len(result[recommendation.journey_id]) < limit:
            result[recommendation.journey_id].append(
                RecommendationRow(
                    recommendation=recommendation,
                    target=targets.get((recommendation.kind, recommendation.target_id)),
                    uptake=None,
                    opened=0,
                )
            )
    return result


def journey_figures(*, start: date, end: date) -> dict[str, Any]:
    """Figures for reports and the funder: journeys running in the period, activities held
    per format, coaching hours, organisations and people reached, goals achieved."""
    held = Activity.objects.filter(
        status=Activity.Status.HELD, held_on__gte=start, held_on__lte=end
    )
    by_format = {
        row["format"]: row
        for row in held.values("format")
        .annotate(count=Count("pk"), hours=Coalesce(Sum("hours"), Value(ZERO)))
        .order_by()
    }
    running = Journey.objects.filter(
        start_date__lte=end, status__in=[*CASELOAD_STATUSES, Journey.Status.COMPLETED]
    ).exclude(planned_end_date__lt=start)
    achieved = GoalUpdate.objects.filter(
        status=Goal.Status.ACHIEVED,
        created_at__date__gte=start,
        created_at__date__lte=end,
    )
    return {
        "journeys_running": running.count(),
        "organisations_coached": running.values("organisation").distinct().count(),
        "applications": Journey.objects.filter(
            applied_at__date__gte=start, applied_at__date__lte=end
        ).count(),
        "activities_by_format": {
            value: {
                "label": label,
                "count": by_format.get(value, {}).get("count", 0),
                "hours": by_format.get(value, {}).get("hours", ZERO),
            }
            for value, label in Activity.Format.choices
        },
        "activities": held.count(),
        "hours": held.aggregate(total=Coalesce(Sum("hours"), Value(ZERO)))["total"],
        "participants": held.aggregate(total=Coalesce(Sum("participants_count"), 0))["total"],
        "goals_achieved": achieved.values("goal").distinct().count(),
    }


# --- Reminders ----------------------------------------------------------------------------


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def activities_planned_on(day: date) -> QuerySet[Activity]:
    start, end = _day_bounds(day)
    return Activity.objects.filter(
        status=Activity.Status.PLANNED,
        planned_for__gte=start,
        planned_for__lt=end,
        journey__status__in=CASELOAD_STATUSES,
    ).select_related("journey__organisation")


def kickoffs_planned_on(day: date) -> QuerySet[Kickoff]:
    start, end = _day_bounds(day)
    return Kickoff.objects.filter(
        held_on__isnull=True,
        scheduled_for__gte=start,
        scheduled_for__lt=end,
        journey__status=Journey.Status.KICKOFF_PLANNED,
    ).select_related("journey__organisation")


def follow_ups_due_by(day: date) -> QuerySet[FollowUp]:
    """Open follow-ups due today or earlier (each is reminded once per due date)."""
    return FollowUp.objects.filter(
        done_at__isnull=True, due_on__lte=day, journey__status__in=CASELOAD_STATUSES
    ).select_related("owner", "journey__organisation")


def journeys_with_review_due(day: date) -> list[tuple[Journey, date]]:
    journeys = _with_figures(Journey.objects.filter(status=Journey.Status.ACTIVE)).select_related(
        "organisation"
    )
    result = []
    for journey in journeys:
        due = next_review_due(journey)
        if due is not None and due <= day:
            result.append((journey, due))
    return result


# --- For reports (aggregates; the query count does not grow with the data) ---------------


def _during(field: str, start: date, end: date) -> Q:
    """``field`` (a date and time) falls on one of the days ``start`` … ``end``, compared as a
    range so that the database needs no function call per row."""
    low = timezone.make_aware(datetime.combine(start, time.min))
    high = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})


UNDER_WAY = [*CASELOAD_STATUSES, Journey.Status.COMPLETED]


def journeys_in_period(
    *, start: date, end: date, organisations: Any = None, topic_field: Any = None
) -> QuerySet[Journey]:
    """Journeys applied for in the period, or under way in it (kickoff planned, active or
    completed, started by its end and not planned to end before its start)."""
    journeys = Journey.objects.filter(
        _during("applied_at", start, end)
        | (
            Q(status__in=UNDER_WAY, start_date__lte=end)
            & (Q(planned_end_date__gte=start) | Q(planned_end_date__isnull=True))
        )
    )
    if organisations is not None:
        journeys = journeys.filter(organisation__in=organisations)
    if topic_field is not None:
        journeys = journeys.filter(
            Q(pk__in=Goal.objects.filter(topic_field=topic_field).values("journey_id"))
            | Q(interest_topic_fields=topic_field)
        ).distinct()
    return journeys


def journeys_under_way(
    *, start: date, end: date, organisations: Any = None, topic_field: Any = None
) -> QuerySet[Journey]:
    """The journeys of ``journeys_in_period`` that were under way (not just applied for)."""
    return journeys_in_period(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    ).filter(
        Q(status__in=UNDER_WAY, start_date__lte=end)
        & (Q(planned_end_date__gte=start) | Q(planned_end_date__isnull=True))
    )


def held_activities(
    *, start: date, end: date, organisations: Any = None, topic_field: Any = None
) -> QuerySet[Activity]:
    activities = Activity.objects.filter(
        status=Activity.Status.HELD, held_on__gte=start, held_on__lte=end
    )
    if organisations is not None:
        activities = activities.filter(journey__organisation__in=organisations)
    if topic_field is not None:
        activities = activities.filter(
            pk__in=Activity.objects.filter(topic_fields=topic_field).values("pk")
        )
    return activities


def journey_report_figures(
    *, start: date, end: date, organisations: Any = None, topic_field: Any = None
) -> dict[str, Any]:
    """Journeys by status, organisations coached, activities and hours by format and by
    topic field (an activity with several topic fields counts in equal parts), goals set
    and achieved by topic field, and activities with member clubs."""
    journeys = journeys_in_period(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    )
    under_way = journeys_under_way(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    )
    held = held_activities(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    )
    totals = held.aggregate(
        activities=Count("pk"),
        hours=Coalesce(Sum("hours"), Value(ZERO)),
        participants=Coalesce(Sum("participants_count"), 0),
        club_activities=Count("pk", filter=Q(format=Activity.Format.MEMBER_CLUB_EVENT)),
        club_participants=Coalesce(
            Sum("participants_count", filter=Q(format=Activity.Format.MEMBER_CLUB_EVENT)), 0
        ),
        club_organisations=Count(
            "journey__organisation",
            filter=Q(format=Activity.Format.MEMBER_CLUB_EVENT),
            distinct=True,
        ),
    )
    by_format = {
        row["format"]: (row["count"], row["hours"])
        for row in held.order_by()
        .values("format")
        .annotate(count=Count("pk"), hours=Coalesce(Sum("hours"), Value(ZERO)))
    }
    tagging = Activity.topic_fields.through
    shares = Subquery(
        tagging.objects.filter(activity_id=OuterRef("activity_id"))
        .order_by()
        .values("activity_id")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )
    by_topic_field = {
        row["topicfield_id"]: (row["count"], row["hours"] or 0.0)
        for row in tagging.objects.filter(activity__in=held)
        .order_by()
        .values("topicfield_id")
        .annotate(
            count=Count("activity_id"),
            hours=Sum(Cast("activity__hours", FloatField()) / shares, output_field=FloatField()),
        )
    }
    untagged = held.exclude(pk__in=tagging.objects.values("activity_id")).aggregate(
        count=Count("pk"), hours=Coalesce(Sum("hours"), Value(ZERO))
    )
    goals = Goal.objects.filter(journey__in=journeys.order_by().values("pk"))
    if topic_field is not None:
        goals = goals.filter(topic_field=topic_field)
    achieved = GoalUpdate.objects.filter(
        _during("created_at", start, end), goal__in=goals, status=Goal.Status.ACHIEVED
    )
    set_in_period = goals.filter(_during("created_at", start, end))
    return {
        **totals,
        "journeys": journeys.count(),
        "by_status": dict(
            journeys.order_by()
            .values("status")
            .annotate(n=Count("pk", distinct=True))
            .values_list("status", "n")
        ),
        "under_way": under_way.count(),
        "organisations_coached": under_way.order_by().values("organisation").distinct().count(),
        "active_organisations": journeys.filter(status=Journey.Status.ACTIVE)
        .order_by()
        .values("organisation")
        .distinct()
        .count(),
        "applications": journeys.filter(_during("applied_at", start, end)).count(),
        "by_format": by_format,
        "by_topic_field": by_topic_field,
        "untagged": (untagged["count"], untagged["hours"]),
        "goals_set": set_in_period.exclude(status=Goal.Status.DROPPED).count(),
        "goals_achieved": achieved.values("goal").distinct().count(),
        "goals_set_by_topic_field": dict(
            set_in_period.exclude(status=Goal.Status.DROPPED)
            .order_by()
            .values("topic_field")
            .annotate(n=Count("pk"))
            .values_list("topic_field", "n")
        ),
        "goals_achieved_by_topic_field": dict(
            achieved.order_by()
            .values("goal__topic_field")
            .annotate(n=Count("goal", distinct=True))
            .values_list("goal__topic_field", "n")
        ),
    }


def organisation_journey_report(*, organisation: Organisation) -> list[Journey]:
    """An organisation's journeys (not declined applications) with hours and goal counts,
    newest first (the organisation report)."""
    return list(
        _with_figures(
            Journey.objects.filter(organisation=organisation).exclude(
                status=Journey.Status.DECLINED
            )
        )
        .prefetch_related("assignments__coach")
        .order_by("-start_date", "-applied_at", "-pk")
    )


def organisations_coached_in_period(*, start: date, end: date) -> QuerySet[Any]:
    """Organisation ids (``values("journey__organisation_id")``) with a coaching activity
    held in the period, for subqueries in reports."""
    return held_activities(start=start, end=end).order_by().values("journey__organisation_id")
