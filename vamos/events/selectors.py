"""Reads about events, with the joins and counts their pages need already applied.

Other apps read events only through this module (journeys: ``event_list_for_organisation``;
community: ``event_choices``; reports: ``event_figures``).
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.documents import get_document_model

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from .models import Event, Feedback, Registration, Session, WorkshopChoice
from .permissions import visible_events

SEATED = list(Registration.SEATED)


def _with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status__in=SEATED)),
        waitlist_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
    )


def calendar_version() -> str:
    """The data versions a cached calendar list depends on (``vamos.core.versions``): the
    events with their topic fields and invited organisations, the seats taken, and the
    memberships that decide what a signed-in person sees."""
    return versions.tokens(
        Event, Registration, TopicField, "organisations.membership", Organisation
    )


def event_calendar_list(
    *,
    user: Any,
    kind: str = "",
    format: str = "",
    topic_field: Any = None,
    month: datetime.date | None = None,
    past: bool = False,
) -> QuerySet[Event]:
    """The calendar: upcoming (or past) events the user may see, filtered."""
    events = visible_events(user).exclude(status=Event.Status.DRAFT)
    now = timezone.now()
    if month is not None:
        start, end = month_bounds(month)
        events = events.filter(start__lt=end, end__gt=start)
    elif past:
        events = events.filter(end__lte=now)
    else:
        events = events.filter(end__gt=now)
    if kind:
        events = events.filter(kind=kind)
    if format:
        events = events.filter(format=format)
    if topic_field is not None:
        events = events.filter(topic_fields=topic_field)
    events = _with_counts(events).prefetch_related("topic_fields")
    return events.order_by("-start" if past and month is None else "start", "pk")


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    first = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    days = calendar.monthrange(month.year, month.month)[1]
    last = first.replace(day=days) + datetime.timedelta(days=1)
    return first, timezone.make_aware(datetime.datetime(last.year, last.month, last.day))


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)


def month_grid(month: datetime.date, events: list[Event]) -> list[list[Day]]:
    """Weeks (Monday first) of ``month``; a multi-day event appears on each of its days."""
    by_day: dict[datetime.date, list[Event]] = defaultdict(list)
    for event in events:
        day = timezone.localtime(event.start).date()
        last = timezone.localtime(event.end - datetime.timedelta(seconds=1)).date()
        while day <= last:
            by_day[day].append(event)
            day += datetime.timedelta(days=1)
    today = timezone.localdate()
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                Day(
                    date=day,
                    in_month=day.month == month.month,
                    is_today=day == today,
                    events=by_day.get(day, []),
                )
                for day in week
            ]
        )
    return weeks


def event_detail(*, event: Event) -> Event:
    """The event with counts, topic fields, materials and ``has_workshops``; its
    facilitators and programme come from :func:`event_facilitators` and
    :func:`session_list_with_counts`, read only when the page's cached part is rebuilt.
    Kept in the cache until the event, its seats, programme or materials change."""

    def build() -> Event:
        detail = (
            _with_counts(Event.objects.filter(pk=event.pk))
            .prefetch_related("topic_fields", "materials__document")
            .get()
        )
        detail.has_workshops = has_workshops(event=detail)
        return detail

    return versions.cached(
        f"event-detail:{event.pk}",
        depends_on=[
            Event,
            Registration,
            Session,
            TopicField,
            "events.material",
            get_document_model(),
        ],
        build=build,
    )


def event_facilitators(*, event: Event) -> QuerySet:
    return _facilitators().filter(event=event)


def event_programme_version() -> str:
    """The data versions an event's cached description, facilitators and programme depend on
    (``vamos.core.versions``): the event, its programme items and their seats, facilitators
    with their people and organisations."""
    return versions.tokens(
        Event,
        Session,
        WorkshopChoice,
        Registration,
        "events.facilitator",
        Organisation,
        "accounts.user",
    )


def _facilitators() -> QuerySet:
    from .models import Facilitator

    return Facilitator.objects.select_related("user", "organisation")


def session_list_with_counts(*, event: Event) -> QuerySet[Session]:
    # Meta.ordering is not applied to aggregating queries; order explicitly.
    return (
        Session.objects.filter(event=event)
        .annotate(seats_taken=Count("choices", filter=Q(choices__registration__status__in=SEATED)))
        .order_by("start", "track", "sort_order", "pk")
    )


def has_workshops(*, event: Event) -> bool:
    return Session.objects.filter(event=event, kind=Session.Kind.WORKSHOP).exists()


@dataclass
class WorkshopSlot:
    """Workshops that run at the same time; a participant chooses at most one of them."""

    start: datetime.datetime
    end: datetime.datetime
    workshops: list[Session]

    @property
    def key(self) -> str:
        return f"slot_{timezone.localtime(self.start):%Y%m%d%H%M}"


def workshop_slots(sessions: list[Session]) -> list[WorkshopSlot]:
    """Group workshops into slots of overlapping time."""
    slots: list[WorkshopSlot] = []
    for session in sorted((s for s in sessions if s.is_workshop), key=lambda s: s.start):
        if slots and session.start < slots[-1].end:
            slots[-1].workshops.append(session)
            slots[-1].end = max(slots[-1].end, session.end)
        else:
            slots.append(WorkshopSlot(start=session.start, end=session.end, workshops=[session]))
    return slots


def programme_days(sessions: list[Session]) -> list[tuple[datetime.date, list[Session]]]:
    days: dict[datetime.date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[timezone.localtime(session.start).date()].append(session)
    return sorted(days.items())


def duration_hours(event: Event, sessions: list[Session]) -> float:
    """Hours of programme for certificates: the union of programme items without breaks; without
    a programme the time from start to end, at most eight hours per day."""
    intervals = sorted((s.start, s.end) for s in sessions if s.kind != Session.Kind.BREAK)
    if intervals:
        total = datetime.timedelta()
        current_start, current_end = intervals[0]
        for start, end in intervals[1:]:
            if start <= current_end:
                current_end = max(current_end, end)
            else:
                total += current_end - current_start
                current_start, current_end = start, end
        total += current_end - current_start
        return round(total.total_seconds() / 3600, 1)
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    hours = 0.0
    day = start.date()
    while day <= end.date():
        day_start = max(start, timezone.make_aware(datetime.datetime.combine(day, datetime.time())))
        day_end = min(
            end,
            timezone.make_aware(
                datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
            ),
        )
        hours += min((day_end - day_start).total_seconds() / 3600, 8)
        day += datetime.timedelta(days=1)
    return round(hours, 1)


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Registration.Status.WAITLISTED,
        )
        .filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def _waitlist_position_subquery() -> Subquery:
    ahead = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"),
            status=Registration.Status.WAITLISTED,
            waitlisted_at__lt=OuterRef("waitlisted_at"),
        )
        .order_by()
        .values("event_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead), 0) + 1


def user_registrations(*, user: Any, upcoming: bool | None = None) -> QuerySet[Registration]:
    """A person's registrations (not cancelled ones unless the event itself was cancelled),
    with waitlist positions."""
    registrations = (
        Registration.objects.filter(user=user)
        .exclude(Q(status=Registration.Status.CANCELLED) & Q(event__cancelled_at__isnull=True))
        .select_related("event", "organisation")
        .prefetch_related(Prefetch("workshops", queryset=Session.objects.order_by("start")))
        .annotate(position=_waitlist_position_subquery())
    )
    now = timezone.now()
    if upcoming is True:
        registrations = registrations.filter(event__end__gt=now).order_by("event__start")
    elif upcoming is False:
        registrations = registrations.filter(event__end__lte=now).order_by("-event__start")
    return registrations


def participant_list(
    *, event: Event, status: str = "", organisation: Any = None, query: str = ""
) -> QuerySet[Registration]:
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("user", "organisation", "checked_in_by")
        .prefetch_related(
            Prefetch("workshops", queryset=Session.objects.order_by("start")),
            Prefetch("answers"),
        )
        .annotate(position=_waitlist_position_subquery())
    )
    if status:
        registrations = registrations.filter(status=status)
    if organisation is not None:
        registrations = registrations.filter(organisation=organisation)
    if query:
        registrations = registrations.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    return registrations.order_by("user__last_name", "user__first_name", "pk")


def participant_status_counts(*, event: Event) -> dict[str, int]:
    counts = dict(
        Registration.objects.filter(event=event)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status, _label in Registration.Status.choices}


def participant_organisations(*, event: Event) -> QuerySet[Organisation]:
    return Organisation.objects.filter(event_registrations__event=event).distinct().order_by("name")


def checkin_list(*, event: Event, query: str = "") -> QuerySet[Registration]:
    registrations = Registration.objects.filter(event=event, status__in=SEATED).select_related(
        "user", "organisation"
    )
    if query:
        registrations = registrations.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(organisation__short_name__icontains=query)
        )
    return registrations.order_by("user__last_name", "user__first_name", "pk")


def event_feedback_summary(*, event: Event) -> dict[str, Any]:
    feedback = Feedback.objects.filter(registration__event=event)
    counts = dict(feedback.values("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    total = sum(counts.values())
    average = round(sum(rating * n for rating, n in counts.items()) / total, 1) if total else None
    return {
        "total": total,
        "average": average,
        "distribution": [(rating, counts.get(rating, 0)) for rating in range(5, 0, -1)],
        "comments": list(
            feedback.exclude(comment="").order_by("-created_at").values_list("comment", flat=True)
        ),
    }


def public_events() -> QuerySet[Event]:
    """Events of the public feed: published public events from 90 days ago on."""
    return Event.objects.filter(
        audience=Event.Audience.PUBLIC,
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
        end__gte=timezone.now() - datetime.timedelta(days=90),
    ).order_by("start")


def event_feed_registrations(*, user: Any) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user, status__in=Registration.ACTIVE)
        .filter(event__end__gte=timezone.now() - datetime.timedelta(days=180))
        .select_related("event")
        .order_by("event__start")
    )


def seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status__in=SEATED).count()


def workshop_seats_taken(session: Session) -> int:
    return WorkshopChoice.objects.filter(session=session, registration__status__in=SEATED).count()


# --- For other apps -----------------------------------------------------------------------


def event_get(*, pk: int) -> Event | None:
    return Event.objects.filter(pk=pk).first()


def event_list_for_organisation(*, organisation: Organisation) -> QuerySet[Event]:
    """Events an organisation was invited to or that its people registered for, newest first
    (journeys link their activities to these)."""
    return (
        _with_counts(
            Event.objects.filter(
                pk__in=Event.objects.filter(
                    Q(invited_organisations=organisation)
                    | Q(
                        registrations__organisation=organisation,
                        registrations__status__in=Registration.ACTIVE,
                    )
                ).values("pk")
            )
        )
        .prefetch_related("topic_fields")
        .order_by("-start")
    )


def event_attendance_for_organisation(*, organisation: Organisation) -> QuerySet[Event]:
    """Past events with how many people of ``organisation`` attended."""
    return (
        Event.objects.filter(
            registrations__organisation=organisation,
            registrations__status=Registration.Status.ATTENDED,
        )
        .annotate(
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__organisation=organisation,
                    registrations__status=Registration.Status.ATTENDED,
                ),
            )
        )
        .order_by("-start")
    )


def event_choices(*, past_only: bool = False) -> QuerySet[Event]:
    """Published events for pickers in other apps (e.g. 'presented at' of a best practice)."""
    events = Event.objects.filter(status=Event.Status.PUBLISHED)
    if past_only:
        events = events.filter(start__lte=timezone.now())
    return events.order_by("-start")


def upcoming_events_for_user(*, user: Any, limit: int = 3) -> list[Event]:
    """Upcoming events the person could still register for (for recommendations)."""
    registered = Registration.objects.filter(user=user, status__in=Registration.ACTIVE).values(
        "event_id"
    )
    return list(
        _with_counts(
            visible_events(user)
            .filter(status=Event.Status.PUBLISHED, start__gt=timezone.now())
            .exclude(pk__in=registered)
        ).order_by("start")[:limit]
    )


def event_figures(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """Figures for reports: events held, registrations, attendance, organisations reached."""
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED, start__date__gte=start, start__date__lte=end
    )
    registrations = Registration.objects.filter(event__in=events)
    return {
        "events": events.count(),
        "events_by_kind": dict(
            events.values("kind").annotate(n=Count("pk")).values_list("kind", "n")
        ),
        "registrations": registrations.filter(status__in=Registration.ACTIVE).count(),
        "attended": registrations.filter(status=Registration.Status.ATTENDED).count(),
        "no_show": registrations.filter(status=Registration.Status.NO_SHOW).count(),
        "organisations_reached": registrations.filter(status=Registration.Status.ATTENDED)
        .exclude(organisation=None)
        .values("organisation")
        .distinct()
        .count(),
    }


# --- For reports (aggregates; the query count does not grow with the data) ---------------
def _during(field: str, start: Any, end: Any) -> Q:
    """``field`` (a date and time) falls on one of the days ``start`` … ``end`` (local time).
    Compared as a range, so the database can use plain comparisons (and indexes)."""
    low = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    high = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    )
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})


def events_in_period(
    *,
    start: datetime.date,
    end: datetime.date,
    organisations: QuerySet[Organisation] | None = None,
    topic_field: Any = None,
) -> QuerySet[Event]:
    """Published events starting in the period; with ``organisations``, only events people
    of those organisations registered for; with ``topic_field``, only events tagged so."""
    events = Event.objects.filter(_during("start", start, end), status=Event.Status.PUBLISHED)
    if topic_field is not None:
        events = events.filter(pk__in=Event.objects.filter(topic_fields=topic_field).values("pk"))
    if organisations is not None:
        events = events.filter(
            pk__in=Registration.objects.filter(
                organisation__in=organisations, status__in=Registration.ACTIVE
            ).values("event_id")
        )
    return events


def event_report_figures(
    *,
    start: datetime.date,
    end: datetime.date,
    organisations: QuerySet[Organisation] | None = None,
    topic_field: Any = None,
) -> dict[str, Any]:
    """Events by kind and format, registrations, attendance, waitlist demand, participants
    by organisation kind and the interim feedback ratings, for events starting in the
    period (registrations of ``organisations`` only, where given)."""
    events = events_in_period(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    )
    registrations = Registration.objects.filter(event__in=events)
    if organisations is not None:
        registrations = registrations.filter(organisation__in=organisations)
    ended = Q(event__end__lte=timezone.now())
    totals = registrations.aggregate(
        registrations=Count("pk", filter=Q(status__in=Registration.ACTIVE)),
        seats_ended=Count("pk", filter=Q(status__in=SEATED) & ended),
        attended=Count("pk", filter=Q(status=Registration.Status.ATTENDED)),
        no_show=Count("pk", filter=Q(status=Registration.Status.NO_SHOW)),
        waitlist_joined=Count("pk", filter=Q(waitlisted_at__isnull=False)),
        waitlist_promoted=Count("pk", filter=Q(waitlisted_at__isnull=False, status__in=SEATED)),
        waitlist_now=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        people=Count("user", filter=Q(status=Registration.Status.ATTENDED), distinct=True),
        organisations=Count(
            "organisation", filter=Q(status=Registration.Status.ATTENDED), distinct=True
        ),
    )
    attended = registrations.filter(status=Registration.Status.ATTENDED)
    feedback = Feedback.objects.filter(registration__in=registrations)
    return {
        **totals,
        "events": events.count(),
        "by_kind": dict(
            events.order_by().values("kind").annotate(n=Count("pk")).values_list("kind", "n")
        ),
        "by_format": dict(
            events.order_by().values("format").annotate(n=Count("pk")).values_list("format", "n")
        ),
        "events_with_waitlist": events.filter(
            pk__in=registrations.filter(waitlisted_at__isnull=False).values("event_id")
        ).count(),
        "participants_by_kind": dict(
            attended.order_by()
            .values("organisation__kind")
            .annotate(n=Count("pk"))
            .values_list("organisation__kind", "n")
        ),
        "feedback_by_kind": {
            row["registration__event__kind"]: (row["n"], row["mean"])
            for row in feedback.order_by()
            .values("registration__event__kind")
            .annotate(n=Count("pk"), mean=Avg("rating"))
        },
    }


def organisation_event_figures(
    *, organisation: Organisation, start: datetime.date | None = None
) -> dict[str, Any]:
    """An organisation's people at events (from ``start`` on): registrations, attended,
    people who attended, by event kind."""
    registrations = Registration.objects.filter(organisation=organisation)
    if start is not None:
        registrations = registrations.filter(
            event__start__gte=timezone.make_aware(
                datetime.datetime.combine(start, datetime.time.min)
            )
        )
    attended = registrations.filter(status=Registration.Status.ATTENDED)
    totals = registrations.aggregate(
        registrations=Count("pk", filter=Q(status__in=Registration.ACTIVE)),
        attended=Count("pk", filter=Q(status=Registration.Status.ATTENDED)),
        people=Count("user", filter=Q(status=Registration.Status.ATTENDED), distinct=True),
        events=Count("event", filter=Q(status=Registration.Status.ATTENDED), distinct=True),
    )
    return {
        **totals,
        "by_kind": dict(
            attended.order_by()
            .values("event__kind")
            .annotate(n=Count("pk"))
            .values_list("event__kind", "n")
        ),
    }


def event_attendees_in_period(*, start: datetime.date, end: datetime.date) -> QuerySet[Any]:
    """(``organisation_id``, ``user_id``) rows of attended registrations of events starting
    in the period, for subqueries in reports."""
    return Registration.objects.filter(
        _during("event__start", start, end),
        status=Registration.Status.ATTENDED,
        event__status=Event.Status.PUBLISHED,
    )
