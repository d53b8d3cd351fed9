"""Events at 1×: 400 events over three years (two past, one ahead) with 15,000 registrations,
programmes (the yearly two-day conference with parallel workshops), registration questions
and answers, facilitators, materials and feedback.

Past events have attended / no-show / cancelled seats; upcoming ones confirmed seats and,
where full, a waitlist. The benchmark's event page is the next conference.
"""

import datetime
from typing import Any

from django.utils.text import slugify

from vamos.events.models import (
    Answer,
    Event,
    Facilitator,
    Feedback,
    Material,
    Question,
    Registration,
    Session,
    WorkshopChoice,
)

from .base import Scale, World, bulk, bulk_through, paragraph

KINDS = [
    (Event.Kind.TRAINING, 35),
    (Event.Kind.WEBINAR, 40),
    (Event.Kind.NETWORKING, 12),
    (Event.Kind.EXPERT_INPUT, 13),
]
TITLES = {
    Event.Kind.TRAINING: "Schulung",
    Event.Kind.WEBINAR: "Webinar",
    Event.Kind.NETWORKING: "Netzwerktreffen",
    Event.Kind.EXPERT_INPUT: "Fachinput",
    Event.Kind.CONFERENCE: "Vernetzungskonferenz",
}
SUBJECTS = [
    "Fördermittel beantragen",
    "Social Media für Verbände",
    "Vorstandsarbeit stärken",
    "Mitglieder gewinnen und binden",
    "Projektmanagement kompakt",
    "Lobbyarbeit im Land",
    "Datenschutz im Verein",
    "Finanzplanung über mehrere Jahre",
    "Pressearbeit",
    "Ehrenamt koordinieren",
    "Strategie entwickeln",
    "Netzwerke knüpfen",
]


def seed(scale: Scale, world: World) -> None:
    events = _events(scale, world)
    _programmes(scale, world, events)
    _registrations(scale, world, events)
    world.events = events


def _events(scale: Scale, world: World) -> list[Event]:
    count = scale.n(400)
    # Two years back, one year ahead; the yearly conference in each of the three years.
    first_day = scale.today - datetime.timedelta(days=730)
    span_days = 1095
    events: list[Event] = []
    topics: list[list[int]] = []
    conference_years = {scale.today.year - 2, scale.today.year - 1, scale.today.year}
    conference_days = []
    for year in sorted(conference_years):
        day = datetime.date(year, 6, 12)
        if day < scale.today:
            day = day if year < scale.today.year else scale.today + datetime.timedelta(days=45)
        conference_days.append(day)
    for index in range(count):
        if index < len(conference_days):
            kind = Event.Kind.CONFERENCE
            day = conference_days[index]
            duration_days = 1
        else:
            kind = scale.weighted([k for k, _w in KINDS], [w for _k, w in KINDS])
            day = first_day + datetime.timedelta(days=scale.rng.randrange(span_days))
            duration_days = 0
        start_hour = 10 if kind != Event.Kind.WEBINAR else scale.pick([10, 14, 17])
        start = scale.now.replace(hour=start_hour, minute=0) + datetime.timedelta(
            days=(day - scale.today).days
        )
        hours = {Event.Kind.WEBINAR: 2, Event.Kind.EXPERT_INPUT: 2}.get(kind, 6)
        end = start + datetime.timedelta(days=duration_days, hours=hours)
        fmt = (
            Event.Format.ONLINE
            if kind in (Event.Kind.WEBINAR, Event.Kind.EXPERT_INPUT)
            else scale.weighted(
                [Event.Format.ON_SITE, Event.Format.HYBRID, Event.Format.ONLINE], [6, 2, 1]
            )
        )
        subject = scale.pick(SUBJECTS)
        title = (
            f"{TITLES[kind]}: {subject}"
            if kind != Event.Kind.CONFERENCE
            else (f"{TITLES[kind]} {day.year}")
        )
        status = Event.Status.PUBLISHED
        if scale.chance(0.03):
            status = Event.Status.CANCELLED
        elif start > scale.now + datetime.timedelta(days=120) and scale.chance(0.3):
            status = Event.Status.DRAFT
        capacity = {
            Event.Kind.CONFERENCE: 250,
            Event.Kind.WEBINAR: scale.pick([None, 100, 60]),
            Event.Kind.NETWORKING: 80,
        }.get(kind, scale.pick([20, 25, 30, 40]))
        audience = scale.weighted(
            [Event.Audience.REGISTERED, Event.Audience.PUBLIC, Event.Audience.INVITED], [6, 3, 1]
        )
        events.append(
            Event(
                title=title,
                slug=f"{slugify(title)[:70]}-{index + 1}",
                kind=kind,
                format=fmt,
                status=status,
                summary=paragraph(scale, 1)[:300],
                description=paragraph(scale, 6),
                language="de",
                start=start,
                end=end,
                venue_name="Haus der Vereine" if fmt != Event.Format.ONLINE else "",
                address="Musterstraße 1\n50667 Köln" if fmt != Event.Format.ONLINE else "",
                accessibility_info="Stufenloser Zugang, barrierefreie Toiletten.",
                online_url="https://meet.example.org/vamos" if fmt != Event.Format.ON_SITE else "",
                capacity=capacity,
                registration_opens=start - datetime.timedelta(days=60),
                registration_closes=start - datetime.timedelta(days=1),
                audience=audience,
                cancellation_reason="Krankheit der Referentin" if status == "cancelled" else "",
                cancelled_at=start - datetime.timedelta(days=5) if status == "cancelled" else None,
                created_by_id=world.team_admins[0].pk,
                created_at=start - datetime.timedelta(days=90),
                updated_at=start - datetime.timedelta(days=30),
            )
        )
        topics.append(
            sorted({t.pk for t in scale.sample(world.topic_fields, scale.rng.randint(1, 2))})
        )
    events = bulk(Event, events, now=scale.now)
    bulk_through(
        Event.topic_fields, [(e.pk, t) for e, ts in zip(events, topics, strict=True) for t in ts]
    )
    invited = [e for e in events if e.audience == Event.Audience.INVITED]
    bulk_through(
        Event.invited_organisations,
        [(e.pk, o.pk) for e in invited for o in scale.sample(world.organisations, 8)],
    )
    bulk(
        Facilitator,
        [
            Facilitator(
                event_id=e.pk,
                kind=kind,
                user_id=world.coaches[n % len(world.coaches)].pk if kind == "staff" else None,
                organisation_id=scale.pick(world.organisations).pk
                if kind == "organisation"
                else None,
                name="Dr. Miriam Fischer" if kind == "external" else "",
                role="Referentin" if kind == "external" else "",
                sort_order=n,
            )
            for e in events
            for n, kind in enumerate(scale.sample(["staff", "external", "organisation"], 2))
        ],
        now=scale.now,
    )
    bulk(
        Material,
        [
            Material(
                event_id=e.pk,
                title=f"Folien {n + 1}",
                url=f"https://vamos.example.org/materialien/{e.pk}-{n}.pdf",
                participants_only=n == 0,
                sort_order=n,
            )
            for e in events
            if e.end < scale.now
            for n in range(2)
        ],
        now=scale.now,
    )
    world.counts["events"] = len(events)
    upcoming = [e for e in events if e.kind == Event.Kind.CONFERENCE and e.start > scale.now]
    world.personas["event"] = upcoming[0] if upcoming else events[0]
    return events


def _programmes(scale: Scale, world: World, events: list[Event]) -> None:
    """Conferences: two days of plenaries, breaks and three slots of four workshops."""
    sessions = []
    questions = []
    for event in events:
        questions += [
            Question(event_id=event.pk, kind="text", label="Ernährungswünsche", sort_order=0),
            Question(
                event_id=event.pk,
                kind="consent",
                label="Ich bin einverstanden, dass Fotos der Veranstaltung veröffentlicht werden.",
                required=True,
                sort_order=1,
            ),
        ]
        if event.kind != Event.Kind.CONFERENCE:
            continue
        for day in range(2):
            base = event.start + datetime.timedelta(days=day)
            sessions.append(_session(event, "plenary", "Begrüßung und Impuls", base, 0, 1))
            for slot, hour in enumerate((1.5, 3.5, 5.5) if day == 0 else (1, 3)):
                for track in range(4):
                    sessions.append(
                        _session(
                            event,
                            "workshop",
                            f"Workshop {slot + 1}.{track + 1}: {scale.pick(SUBJECTS)}",
                            base,
                            hour,
                            1.5,
                            track=f"Forum {track + 1}",
                            capacity=40,
                        )
                    )
            sessions.append(_session(event, "break", "Mittagspause", base, 2.5, 1))
    bulk(Question, questions, now=scale.now)
    bulk(Session, sessions, now=scale.now)


def _session(
    event: Event,
    kind: str,
    title: str,
    base: datetime.datetime,
    offset_hours: float,
    hours: float,
    *,
    track: str = "",
    capacity: int | None = None,
) -> Session:
    start = base + datetime.timedelta(hours=offset_hours)
    return Session(
        event_id=event.pk,
        kind=kind,
        title=title,
        description="",
        start=start,
        end=start + datetime.timedelta(hours=hours),
        room=track or "Saal",
        track=track,
        speakers="",
        capacity=capacity,
    )


def _registrations(scale: Scale, world: World, events: list[Event]) -> None:
    target = scale.n(15_000)
    # Registration opens 60 days ahead: events further away have nobody yet.
    published = [
        e
        for e in events
        if e.status != Event.Status.DRAFT and (e.registration_opens or e.start) <= scale.now
    ]
    # Conferences and networking events draw more people than webinars and trainings.
    weights = [
        {Event.Kind.CONFERENCE: 8, Event.Kind.NETWORKING: 2}.get(e.kind, 1) for e in published
    ]
    per_event = {e.pk: 0 for e in published}
    for event in scale.rng.choices(published, weights=weights, k=target):
        per_event[event.pk] += 1
    people = list(world.people)
    questions = {
        q.event_id: q for q in Question.objects.filter(kind="consent", event__in=published)
    }
    workshops: dict[int, list[Session]] = {}
    for session in Session.objects.filter(kind="workshop", event__in=published).order_by("start"):
        workshops.setdefault(session.event_id, []).append(session)
    persona = world.personas["member"]
    registrations: list[Registration] = []
    for event in published:
        wanted = per_event[event.pk]
        attendees = scale.sample(people, wanted)
        if event.pk == world.personas["event"].pk and persona not in attendees:
            attendees.append(persona)
        past = event.end < scale.now
        seated = 0
        for user in attendees:
            created = scale.moment_between(
                event.registration_opens or event.start - datetime.timedelta(days=60),
                min(event.start, scale.now),
            )
            if event.capacity is not None and seated >= event.capacity:
                status = Registration.Status.WAITLISTED
            elif scale.chance(0.08):
                status = Registration.Status.CANCELLED
            elif past:
                status = (
                    Registration.Status.ATTENDED
                    if scale.chance(0.85)
                    else Registration.Status.NO_SHOW
                )
            else:
                status = Registration.Status.CONFIRMED
            if status in Registration.SEATED:
                seated += 1
            registrations.append(
                Registration(
                    event_id=event.pk,
                    user_id=user.pk,
                    organisation_id=world.organisation_of.get(user.pk),
                    status=status,
                    created_at=created,
                    waitlisted_at=created if status == Registration.Status.WAITLISTED else None,
                    confirmed_at=created if status in Registration.SEATED else None,
                    cancelled_at=created + datetime.timedelta(days=2)
                    if status == Registration.Status.CANCELLED
                    else None,
                    checked_in_at=event.start if status == Registration.Status.ATTENDED else None,
                    reminder_week_sent_at=event.start - datetime.timedelta(days=7)
                    if past
                    else None,
                    reminder_day_sent_at=event.start - datetime.timedelta(days=1) if past else None,
                    feedback_requested_at=event.end if past else None,
                )
            )
    registrations = bulk(Registration, registrations, now=scale.now)
    answers = []
    choices = []
    feedback = []
    event_by_pk = {e.pk: e for e in published}
    for registration in registrations:
        question = questions.get(registration.event_id)
        if question is not None:
            answers.append(
                Answer(
                    registration_id=registration.pk,
                    question_id=question.pk,
                    question_text=question.label,
                    kind=question.kind,
                    value="yes",
                )
            )
        sessions = workshops.get(registration.event_id)
        if sessions and registration.status in Registration.SEATED:
            by_slot: dict[datetime.datetime, list[Session]] = {}
            for session in sessions:
                by_slot.setdefault(session.start, []).append(session)
            for slot in by_slot.values():
                choices.append(
                    WorkshopChoice(
                        registration_id=registration.pk,
                        session_id=scale.pick(slot).pk,
                        created_at=registration.created_at,
                    )
                )
        event = event_by_pk[registration.event_id]
        if registration.status == Registration.Status.ATTENDED and scale.chance(0.3):
            feedback.append(
                Feedback(
                    registration_id=registration.pk,
                    rating=scale.weighted([3, 4, 5], [1, 3, 4]),
                    comment=paragraph(scale, 1) if scale.chance(0.3) else "",
                    created_at=event.end + datetime.timedelta(days=2),
                )
            )
    bulk(Answer, answers, now=scale.now)
    bulk(WorkshopChoice, choices, now=scale.now)
    bulk(Feedback, feedback, now=scale.now)
    world.counts["registrations"] = len(registrations)
    world.counts["workshop choices"] = len(choices)


def upcoming(world: World, scale: Scale) -> list[Any]:
    return [e for e in world.events if e.start > scale.now]
