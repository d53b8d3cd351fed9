"""Demo events: past and upcoming trainings, webinars, networking events, expert inputs, the
two-day networking conference with workshops in two tracks, a full event with a waitlist and
registrations of the demo people.

Idempotent: events are found by their address (slug); dates are set relative to the day of
the first run. Registrations are written directly (no emails are queued for demo data).
"""

import datetime
from collections import Counter

from django.utils import timezone

from vamos.accounts.models import User
from vamos.core.models import TopicField
from vamos.events.models import (
    Answer,
    Event,
    Facilitator,
    Feedback,
    Question,
    Registration,
    Session,
    WorkshopChoice,
)
from vamos.organisations.models import Membership, Organisation

K = Event.Kind
F = Event.Format
A = Event.Audience
R = Registration.Status

KOELN = ("Bürgerzentrum Alte Feuerwache", "Melchiorstraße 3\n50670 Köln")
BERLIN = ("Haus der Demokratie", "Greifswalder Straße 4\n10405 Berlin")
DUESSELDORF = ("Zentrum plus Bilk", "Himmelgeister Straße 107\n40225 Düsseldorf")
DRESDEN = ("Kulturhaus Dresden", "Königsbrücker Straße 15\n01099 Dresden")
ROOM = "https://meet.vamos-akademie.example/raum-{slug}"
ACCESSIBLE = (
    "Stufenloser Zugang über den Hof, barrierefreie Toilette im Erdgeschoss. "
    "Gebärdensprachdolmetschung auf Anfrage bis zwei Wochen vorher."
)

# slug, title, kind, format, topic slugs, day offset, start hour, hours, capacity, audience,
# place, summary
EVENTS = [
    (
        "foerdermittel-kompakt",
        "Fördermittel kompakt: Anträge erfolgreich stellen",
        K.TRAINING,
        F.ON_SITE,
        ["finanzierung"],
        -45,
        10,
        6,
        20,
        A.REGISTERED,
        KOELN,
        "Von der Förderrichtlinie zum fertigen Antrag: Finanzplan, Eigenmittel und typische "
        "Stolpersteine.",
    ),
    (
        "social-media-fuer-vereine",
        "Social Media für Vereine: Grundlagen",
        K.WEBINAR,
        F.ONLINE,
        ["oeffentlichkeitsarbeit"],
        -30,
        17,
        1.5,
        100,
        A.PUBLIC,
        None,
        "Welche Kanäle passen zu Ihrem Verband? Redaktionsplan, Bildrechte und erste Schritte.",
    ),
    (
        "netzwerktreffen-nrw-herbst",
        "Netzwerktreffen NRW: Interessenvertretung im Land",
        K.NETWORKING,
        F.ON_SITE,
        ["netzwerk-interessenvertretung"],
        -20,
        16,
        3,
        40,
        A.REGISTERED,
        DUESSELDORF,
        "Landesverbände aus NRW tauschen sich über Anhörungen, Bündnisse und gemeinsame "
        "Positionen aus.",
    ),
    (
        "fachinput-gemeinnuetzigkeit",
        "Fachinput: Gemeinnützigkeitsrecht – was ändert sich?",
        K.EXPERT_INPUT,
        F.ONLINE,
        ["finanzierung", "organisation-fuehrung"],
        -12,
        18,
        1,
        None,
        A.REGISTERED,
        None,
        "Eine Steuerberaterin erklärt die neuen Regeln für Rücklagen und Mittelverwendung.",
    ),
    (
        "projekte-planen-logframe",
        "Projekte planen mit der Logframe-Methode",
        K.TRAINING,
        F.HYBRID,
        ["projektmanagement"],
        -60,
        9,
        7,
        25,
        A.REGISTERED,
        BERLIN,
        "Ziele, Indikatoren und Annahmen sauber planen – für Förderanträge und die eigene "
        "Steuerung.",
    ),
    (
        "mitglieder-gewinnen-halten",
        "Neue Mitglieder gewinnen und halten",
        K.WEBINAR,
        F.ONLINE,
        ["mitgliedermanagement"],
        5,
        17,
        1.5,
        30,
        A.REGISTERED,
        None,
        "Ansprache, Willkommenskultur und Bindung: was in Migrant:innenorganisationen "
        "funktioniert.",
    ),
    (
        "vorstandsklausur-lamo-nrw",
        "Vorstandsklausur vorbereiten – Webinar für LaMO NRW",
        K.WEBINAR,
        F.ONLINE,
        ["organisation-fuehrung", "strategie"],
        9,
        18,
        2,
        15,
        A.INVITED,
        None,
        "Ein fokussiertes Webinar für den Vorstand des Landesverbands im Rahmen der "
        "Lernbegleitung.",
    ),
    (
        "strategieentwicklung-dachverbaende",
        "Strategieentwicklung für Dachverbände",
        K.TRAINING,
        F.ON_SITE,
        ["strategie"],
        12,
        10,
        6,
        8,
        A.REGISTERED,
        BERLIN,
        "In kleiner Runde: Leitbild, Ziele und Prioritäten für die nächsten drei Jahre erarbeiten.",
    ),
    (
        "netzwerktreffen-sachsen",
        "Netzwerktreffen Sachsen",
        K.NETWORKING,
        F.ON_SITE,
        ["netzwerk-interessenvertretung"],
        15,
        15,
        3,
        30,
        A.REGISTERED,
        DRESDEN,
        "Austausch der sächsischen Migrant:innenorganisationen über Landesförderung und "
        "Vernetzung.",
    ),
    (
        "fachinput-stiftungsgelder",
        "Fachinput: Stiftungsgelder erschließen",
        K.EXPERT_INPUT,
        F.ONLINE,
        ["finanzierung"],
        19,
        17,
        1,
        None,
        A.PUBLIC,
        None,
        "Welche Stiftungen fördern Migrant:innenorganisationen, und wie spricht man sie an?",
    ),
    (
        "netzwerkabend-bundesverbaende",
        "Netzwerkabend der Bundesverbände",
        K.NETWORKING,
        F.ON_SITE,
        ["netzwerk-interessenvertretung"],
        26,
        18,
        3,
        60,
        A.REGISTERED,
        BERLIN,
        "Ein Abend für Begegnung: Bundesverbände stellen aktuelle Vorhaben vor.",
    ),
    (
        "pressearbeit-die-ankommt",
        "Pressearbeit, die ankommt",
        K.TRAINING,
        F.HYBRID,
        ["oeffentlichkeitsarbeit"],
        33,
        10,
        5,
        20,
        A.REGISTERED,
        KOELN,
        "Pressemitteilungen schreiben, Kontakte zu Redaktionen aufbauen, Interviews vorbereiten.",
    ),
    (
        "vernetzungskonferenz",
        "VAMOs-Vernetzungskonferenz",
        K.CONFERENCE,
        F.ON_SITE,
        [],
        40,
        10,
        0,
        120,
        A.REGISTERED,
        KOELN,
        "Zwei Tage Austausch, Workshops in zwei Themensträngen und die gemeinsame "
        "Bedarfserhebung für das nächste Programmjahr.",
    ),
    (
        "ehrenamtliche-fuehren",
        "Ehrenamtliche führen und begleiten",
        K.WEBINAR,
        F.ONLINE,
        ["organisation-fuehrung"],
        47,
        17,
        1.5,
        50,
        A.REGISTERED,
        None,
        "Aufgaben verteilen, Anerkennung zeigen, Konflikte lösen – Führung im Ehrenamt.",
    ),
    (
        "digitale-werkzeuge-projektmanagement",
        "Digitale Werkzeuge im Projektmanagement",
        K.TRAINING,
        F.ONLINE,
        ["projektmanagement"],
        54,
        10,
        3,
        25,
        A.REGISTERED,
        None,
        "Aufgabenlisten, gemeinsame Dokumente und Termine: datensparsame Werkzeuge für Vereine.",
    ),
    (
        "wirkung-messen-berichten",
        "Fachinput: Wirkung messen und berichten",
        K.EXPERT_INPUT,
        F.ONLINE,
        ["projektmanagement", "strategie"],
        61,
        17,
        1,
        None,
        A.PUBLIC,
        None,
        "Wirkungslogik in der Praxis: wie Sie Ergebnisse für Förderer verständlich darstellen.",
    ),
    (
        "sommerakademie",
        "VAMOs-Sommerakademie (in Planung)",
        K.TRAINING,
        F.ON_SITE,
        ["strategie", "organisation-fuehrung"],
        200,
        10,
        6,
        30,
        A.REGISTERED,
        BERLIN,
        "Eine Woche intensives Lernen für Nachwuchsführungskräfte – Programm in Arbeit.",
    ),
]

CONFERENCE_WORKSHOPS = [
    # day, start, end, track, room, title, speakers, capacity
    (
        0,
        (11, 30),
        (13, 0),
        "Strang A: Verband stärken",
        "Raum 1",
        "Der richtige Fördermittel-Mix",
        "Dr. Miriam Okafor (Stiftungsberatung)",
        20,
    ),
    (
        0,
        (11, 30),
        (13, 0),
        "Strang B: Sichtbar werden",
        "Raum 2",
        "Mitgliederbindung digital",
        "Forum der Kulturen Stuttgart",
        20,
    ),
    (
        0,
        (14, 0),
        (15, 30),
        "Strang A: Verband stärken",
        "Raum 1",
        "Strategie in fünf Schritten",
        "Cem Yıldırım (VAMOs)",
        20,
    ),
    (
        0,
        (14, 0),
        (15, 30),
        "Strang B: Sichtbar werden",
        "Raum 2",
        "Pressearbeit mit kleinem Budget",
        "Jonas Berger (Journalist)",
        3,
    ),
    (
        1,
        (9, 30),
        (11, 0),
        "Strang A: Verband stärken",
        "Raum 1",
        "Interessenvertretung gegenüber Landespolitik",
        "LaMO NRW",
        20,
    ),
    (
        1,
        (9, 30),
        (11, 0),
        "Strang B: Sichtbar werden",
        "Raum 2",
        "Führung im Ehrenamt",
        "Clara Nowak (VAMOs)",
        20,
    ),
]

CONFERENCE_PLENARY = [
    (0, (9, 30), (10, 0), "break", "Ankommen und Anmeldung", ""),
    (
        0,
        (10, 0),
        (11, 15),
        "plenary",
        "Eröffnung und Keynote: Migrant:innenorganisationen als Brückenbauer",
        "Staatssekretärin a. D. Aylin Kaya",
    ),
    (0, (13, 0), (14, 0), "break", "Mittagspause", ""),
    (0, (16, 0), (17, 30), "plenary", "Markt der Möglichkeiten: Verbände stellen sich vor", ""),
    (0, (19, 0), (22, 0), "plenary", "Abendempfang und Vernetzung", ""),
    (
        1,
        (11, 30),
        (12, 45),
        "plenary",
        "Bedarfserhebung: Was brauchen Sie im nächsten Programmjahr?",
        "VAMOs-Team",
    ),
    (1, (12, 45), (13, 30), "plenary", "Abschluss und Ausblick", "Tanja Richter (VAMOs)"),
]

CONFERENCE_QUESTIONS = [
    (Question.Kind.CHOICE, "Ernährung", "", "keine Einschränkung\nvegetarisch\nvegan\nhalal", True),
    (
        Question.Kind.TEXT,
        "Was brauchen Sie, um gut teilnehmen zu können?",
        "Zum Beispiel Gebärdensprache, Übersetzung, Kinderbetreuung, stufenloser Zugang.",
        "",
        False,
    ),
    (Question.Kind.YES_NO, "Benötigen Sie eine Übernachtung?", "", "", True),
    (
        Question.Kind.CONSENT,
        "Ich bin einverstanden, dass während der Konferenz Fotos gemacht "
        "werden, auf denen ich zu sehen bin, und dass VAMOs sie in der Dokumentation und auf der "
        "Website veröffentlicht. Ich kann die Einwilligung jederzeit widerrufen.",
        "",
        "",
        False,
    ),
]


def _at(day: datetime.date, hour: float) -> datetime.datetime:
    hours, minutes = int(hour), round((hour - int(hour)) * 60)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


def _people() -> dict[str, User]:
    return {user.email: user for user in User.objects.filter(is_active=True)}


def _org_of(user: User) -> Organisation | None:
    membership = (
        Membership.objects.filter(user=user, organisation__status=Organisation.Status.ACTIVE)
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


def _register(
    event: Event,
    user: User,
    status: str,
    *,
    when: datetime.datetime,
    workshops: list[Session] | None = None,
) -> Registration:
    registration, created = Registration.objects.get_or_create(
        event=event,
        user=user,
        defaults={
            "organisation": _org_of(user),
            "status": status,
            "confirmed_at": when if status != R.WAITLISTED else None,
            "waitlisted_at": when if status == R.WAITLISTED else None,
            "checked_in_at": event.start if status == R.ATTENDED else None,
        },
    )
    if created:
        Registration.objects.filter(pk=registration.pk).update(created_at=when)
        for session in workshops or []:
            WorkshopChoice.objects.get_or_create(registration=registration, session=session)
        for question in event.questions.all():
            value = {
                Question.Kind.CHOICE: question.choice_list[0] if question.choice_list else "",
                Question.Kind.YES_NO: "no",
                Question.Kind.CONSENT: "yes",
                Question.Kind.TEXT: "",
            }[question.kind]
            Answer.objects.create(
                registration=registration,
                question=question,
                question_text=question.label[:500],
                kind=question.kind,
                value=value,
            )
    return registration


def seed_events() -> None:
    today = timezone.localdate()
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    people = _people()
    team = people.get("team@demo.vamos.test")
    coach = people.get("coach@demo.vamos.test")
    coach2 = people.get("coach2@demo.vamos.test")
    ayse = people.get("ayse@demo.vamos.test")
    dimitri = people.get("dimitri@demo.vamos.test")
    lamo = Organisation.objects.filter(slug="lv-migrantenorganisationen-nrw").first()
    fdk = Organisation.objects.filter(slug="forum-der-kulturen-stuttgart").first()
    others = [
        user
        for email, user in sorted(people.items())
        if email.startswith("person.") and _org_of(user) is not None
    ]

    events: dict[str, Event] = {}
    for (
        slug,
        title,
        kind,
        fmt,
        topic_slugs,
        offset,
        hour,
        hours,
        capacity,
        audience,
        place,
        summary,
    ) in EVENTS:
        day = today + datetime.timedelta(days=offset)
        start = _at(day, hour)
        end = (
            _at(day + datetime.timedelta(days=1), 13.5)
            if kind == K.CONFERENCE
            else start + datetime.timedelta(hours=hours)
        )
        full_slug = f"{slug}-{start:%Y}"
        venue, address = place or ("", "")
        event, created = Event.objects.get_or_create(
            slug=full_slug,
            defaults={
                "title": f"{title} {start:%Y}" if kind == K.CONFERENCE else title,
                "kind": kind,
                "format": fmt,
                "status": Event.Status.DRAFT
                if slug == "sommerakademie"
                else Event.Status.PUBLISHED,
                "summary": summary,
                "description": (
                    f"{summary}\n\nDie Veranstaltung richtet sich an Haupt- und Ehrenamtliche "
                    "aus Landes- und Bundesverbänden von Migrant:innenorganisationen und ihren "
                    "Mitgliedsvereinen. Bringen Sie gern konkrete Fragen aus Ihrem Verband mit – "
                    "wir planen Zeit für den Austausch ein.\n\nDie Teilnahme ist kostenfrei."
                ),
                "start": start,
                "end": end,
                "venue_name": venue,
                "address": address,
                "accessibility_info": ACCESSIBLE if place else "",
                "online_url": ROOM.format(slug=slug) if fmt != F.ON_SITE else "",
                "online_access_info": "Kenncode: 2468" if fmt != F.ON_SITE else "",
                "capacity": capacity,
                "audience": audience,
                "registration_closes": start - datetime.timedelta(days=2)
                if kind in (K.TRAINING, K.CONFERENCE)
                else None,
                "cancellation_deadline": start - datetime.timedelta(days=3)
                if kind in (K.TRAINING, K.CONFERENCE)
                else None,
                "workshop_choice_deadline": start - datetime.timedelta(days=7)
                if kind == K.CONFERENCE
                else None,
                "recording_url": "https://video.vamos-akademie.example/aufzeichnung-" + slug
                if offset < 0 and fmt == F.ONLINE
                else "",
                "created_by": team,
            },
        )
        events[slug] = event
        if not created:
            continue
        topic_list = (
            list(topics.values())
            if kind == K.CONFERENCE
            else [topics[s] for s in topic_slugs if s in topics]
        )
        event.topic_fields.set(topic_list)
        if audience == A.INVITED and lamo:
            event.invited_organisations.set([lamo])
        facilitators = [(Facilitator.Kind.STAFF, coach, None, "", "VAMOs-Coach")]
        if kind == K.EXPERT_INPUT:
            facilitators = [
                (Facilitator.Kind.EXTERNAL, None, None, "Sabine Krüger", "Steuerberaterin"),
            ]
        elif kind == K.NETWORKING and fdk:
            facilitators.append((Facilitator.Kind.ORGANISATION, None, fdk, "", "Gastgeber"))
        elif kind == K.CONFERENCE:
            facilitators = [
                (Facilitator.Kind.STAFF, team, None, "", "Programmleitung"),
                (Facilitator.Kind.STAFF, coach2, None, "", "Moderation"),
            ]
        for order, (f_kind, user, organisation, name, role) in enumerate(facilitators):
            Facilitator.objects.create(
                event=event,
                kind=f_kind,
                user=user,
                organisation=organisation,
                name=name,
                role=role,
                sort_order=order,
            )

    conference = events["vernetzungskonferenz"]
    if not conference.sessions.exists():
        first_day = timezone.localtime(conference.start).date()
        for order, (offset, begin, finish, kind, title, speakers) in enumerate(CONFERENCE_PLENARY):
            day = first_day + datetime.timedelta(days=offset)
            Session.objects.create(
                event=conference,
                kind=kind,
                title=title,
                speakers=speakers,
                start=_at(day, begin[0] + begin[1] / 60),
                end=_at(day, finish[0] + finish[1] / 60),
                room="Großer Saal" if kind == "plenary" else "",
                sort_order=order,
            )
        for order, (offset, begin, finish, track, room, title, speakers, capacity) in enumerate(
            CONFERENCE_WORKSHOPS
        ):
            day = first_day + datetime.timedelta(days=offset)
            Session.objects.create(
                event=conference,
                kind=Session.Kind.WORKSHOP,
                title=title,
                speakers=speakers,
                track=track,
                room=room,
                capacity=capacity,
                start=_at(day, begin[0] + begin[1] / 60),
                end=_at(day, finish[0] + finish[1] / 60),
                description="Praxisnah, mit Beispielen aus den Verbänden und Zeit für Ihre Fragen.",
                sort_order=order,
            )
        for order, (kind, label, hint, choices, required) in enumerate(CONFERENCE_QUESTIONS):
            Question.objects.create(
                event=conference,
                kind=kind,
                label=label,
                help_text=hint,
                choices=choices,
                required=required,
                sort_order=order,
            )
    for slug in ("foerdermittel-kompakt", "pressearbeit-die-ankommt"):
        event = events[slug]
        if not event.questions.exists():
            Question.objects.create(
                event=event,
                kind=Question.Kind.TEXT,
                label="Was möchten Sie mitnehmen?",
                help_text="Ihre Fragen helfen uns bei der Vorbereitung.",
                sort_order=0,
            )

    now = timezone.now()
    week_ago = now - datetime.timedelta(days=8)
    # Past events: attendance taken, some feedback given.
    for slug in (
        "foerdermittel-kompakt",
        "social-media-fuer-vereine",
        "netzwerktreffen-nrw-herbst",
        "fachinput-gemeinnuetzigkeit",
        "projekte-planen-logframe",
    ):
        event = events[slug]
        when = event.start - datetime.timedelta(days=14)
        for index, person in enumerate(others[:12]):
            status = R.NO_SHOW if index % 5 == 4 else R.ATTENDED
            registration = _register(event, person, status, when=when)
            if status == R.ATTENDED and index % 2 == 0:
                Feedback.objects.get_or_create(
                    registration=registration,
                    defaults={
                        "rating": 5 - index % 3,
                        "comment": "Sehr praxisnah, gern mehr Zeit für Fragen."
                        if index % 4 == 0
                        else "",
                    },
                )
        for demo in (ayse, dimitri):
            if demo and (
                event.audience == A.PUBLIC or slug != "netzwerktreffen-nrw-herbst" or demo == ayse
            ):
                _register(event, demo, R.ATTENDED, when=when)

    # Upcoming: the demo logins are registered; one small training is full with a waitlist.
    if ayse:
        _register(events["mitglieder-gewinnen-halten"], ayse, R.CONFIRMED, when=week_ago)
        _register(events["vorstandsklausur-lamo-nrw"], ayse, R.CONFIRMED, when=week_ago)
        _register(events["netzwerkabend-bundesverbaende"], ayse, R.CONFIRMED, when=week_ago)
    if dimitri:
        _register(events["mitglieder-gewinnen-halten"], dimitri, R.CONFIRMED, when=week_ago)
    full = events["strategieentwicklung-dachverbaende"]
    for index, person in enumerate(others[:8]):
        _register(full, person, R.CONFIRMED, when=week_ago + datetime.timedelta(minutes=index))
    for index, person in enumerate(others[8:10]):
        _register(full, person, R.WAITLISTED, when=week_ago + datetime.timedelta(hours=index + 1))
    if dimitri:
        _register(full, dimitri, R.WAITLISTED, when=week_ago + datetime.timedelta(hours=5))

    slots: dict[datetime.datetime, list[Session]] = {}
    for workshop in conference.sessions.filter(kind=Session.Kind.WORKSHOP).order_by("pk"):
        slots.setdefault(workshop.start, []).append(workshop)
    taken: Counter[int] = Counter(
        WorkshopChoice.objects.filter(session__event=conference).values_list(
            "session_id", flat=True
        )
    )
    for index, person in enumerate(others[:20]):
        picks = []
        for _start, group in sorted(slots.items()):
            options = sorted(group, key=lambda w: (index + group.index(w)) % len(group))
            choice = next(
                (w for w in options if w.capacity is None or taken[w.pk] < w.capacity), None
            )
            if choice is not None:
                taken[choice.pk] += 1
                picks.append(choice)
        _register(conference, person, R.CONFIRMED, when=week_ago, workshops=picks)

    cancelled = events["netzwerktreffen-sachsen"]
    if cancelled.status != Event.Status.CANCELLED:
        for person in others[:4]:
            _register(cancelled, person, R.CANCELLED, when=week_ago)
        Event.objects.filter(pk=cancelled.pk).update(
            status=Event.Status.CANCELLED,
            cancelled_at=now - datetime.timedelta(days=2),
            cancellation_reason="Der Veranstaltungsort ist wegen eines Wasserschadens nicht "
            "nutzbar. Wir melden uns mit einem neuen Termin im Frühjahr.",
        )
