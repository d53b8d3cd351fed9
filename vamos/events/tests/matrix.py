from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from vamos.events.models import CalendarFeed, Event, Facilitator, Registration
    from vamos.events.tests.factories import (
        EventFactory,
        RegistrationFactory,
        SessionFactory,
        in_days,
    )

    world.event_public = EventFactory(
        title="Öffentlicher Fachinput",
        audience=Event.Audience.PUBLIC,
        online_url="https://meet.example.org/r",
    )
    world.event = EventFactory(title="Schulung für registrierte Organisationen")
    SessionFactory(event=world.event, title="Workshop A")
    world.event_invited_b = EventFactory(
        title="Webinar nur für B", audience=Event.Audience.INVITED, invited=[world.org_b]
    )
    world.event_draft = EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    world.event_past = EventFactory(
        title="Vergangene Schulung", start=in_days(-10), end=in_days(-10, 16)
    )
    world.registration = RegistrationFactory(
        event=world.event, user=world.member, organisation=world.org_a
    )
    RegistrationFactory(
        event=world.event_past,
        user=world.member,
        organisation=world.org_a,
        status=Registration.Status.ATTENDED,
    )
    world.feed = CalendarFeed.objects.create(user=world.member)
    # A focused webinar for organisation A that the coach runs (journeys create these).
    world.event_coached = EventFactory(
        title="Fokus-Webinar für A", audience=Event.Audience.INVITED, invited=[world.org_a]
    )
    Facilitator.objects.create(event=world.event_coached, kind="staff", user=world.coach)
    world.coached_registration = RegistrationFactory(
        event=world.event_coached, user=world.org_admin, organisation=world.org_a
    )


SIGNED_IN = expect(OK, anonymous=LOGIN)
MEMBER_ONLY = expect(DENIED, anonymous=LOGIN, member=OK)
TEAM_ONLY = expect(DENIED, anonymous=LOGIN, team_admin=OK)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
RUNNERS = expect(DENIED, anonymous=LOGIN, coach=OK, team_admin=OK)
ONLY_B = expect(DENIED, other_member=OK, coach=OK, other_coach=OK, editor=OK, team_admin=OK)


def _slug(name: str):
    return lambda w: {"slug": getattr(w, name).slug}


ROWS = [
    Row("events:list", get=expect(OK)),
    Row("events:month", lambda w: {"year": 2026, "month": 12}, get=expect(OK)),
    Row("events:feed-public", get=expect(OK)),
    Row(
        "events:feed-personal",
        lambda w: {"token": w.feed.token},
        get=expect(OK),
        note="the secret token is the key (calendar programmes cannot sign in)",
    ),
    Row("events:feed-settings", get=SIGNED_IN, post=SIGNED_IN, data=lambda w: {"action": "renew"}),
    Row("events:my-registrations", get=SIGNED_IN),
    Row("events:detail", _slug("event_public"), get=expect(OK)),
    Row("events:detail", _slug("event"), get=expect(OK)),
    Row(
        "events:detail",
        _slug("event_invited_b"),
        get=ONLY_B,
        note="invited-only: other organisations get 404, the team sees it",
    ),
    Row("events:detail", _slug("event_draft"), get=expect(DENIED, team_admin=OK)),
    Row("events:ics", _slug("event_public"), get=expect(OK)),
    Row("events:ics", _slug("event_invited_b"), get=ONLY_B),
    Row(
        "events:register",
        _slug("event"),
        get=SIGNED_IN,
        post=SIGNED_IN,
        data=lambda w: {"organisation": w.org_a.pk},
        note="refusals (already registered, wrong organisation, team) answer with a message",
    ),
    Row(
        "events:register",
        _slug("event_invited_b"),
        get=expect(
            DENIED,
            anonymous=LOGIN,
            other_member=OK,
            coach=OK,
            other_coach=OK,
            editor=OK,
            team_admin=OK,
        ),
    ),
    Row("events:registration", _slug("event"), get=MEMBER_ONLY, post=MEMBER_ONLY),
    Row("events:registration-cancel", _slug("event"), get=POST_ONLY, post=MEMBER_ONLY),
    Row("events:certificate", _slug("event_past"), get=MEMBER_ONLY),
    Row(
        "events:feedback",
        _slug("event_past"),
        get=MEMBER_ONLY,
        post=MEMBER_ONLY,
        data=lambda w: {"rating": "4", "comment": "Hilfreich"},
    ),
    Row("events:participants", _slug("event"), get=TEAM_ONLY),
    Row("events:participants-csv", _slug("event"), get=TEAM_ONLY),
    Row("events:participants-xlsx", _slug("event"), get=TEAM_ONLY),
    Row(
        "events:participant-cancel",
        lambda w: {"slug": w.event.slug, "pk": w.registration.pk},
        get=POST_ONLY,
        post=TEAM_ONLY,
    ),
    Row("events:checkin", _slug("event"), get=TEAM_ONLY),
    Row(
        "events:checkin-mark",
        lambda w: {"slug": w.event.slug, "pk": w.registration.pk},
        get=POST_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"status": "attended"},
    ),
    Row(
        "events:message",
        _slug("event"),
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"subject": "Raumänderung", "body": "Wir treffen uns in Raum 2."},
    ),
    Row(
        "events:cancel",
        _slug("event"),
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"reason": "Krankheit", "confirm": "on"},
    ),
    Row(
        "events:duplicate",
        _slug("event"),
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"start": "2030-05-04T10:00"},
    ),
    Row(
        "events:participants",
        _slug("event_coached"),
        get=RUNNERS,
        note="the coach who facilitates the event runs it; the other coach does not",
    ),
    Row("events:checkin", _slug("event_coached"), get=RUNNERS),
    Row(
        "events:checkin-mark",
        lambda w: {"slug": w.event_coached.slug, "pk": w.coached_registration.pk},
        post=RUNNERS,
        data=lambda w: {"status": "attended"},
    ),
    Row("events:participants-csv", _slug("event_coached"), get=RUNNERS),
    Row("events:cancel", _slug("event_coached"), get=TEAM_ONLY),
    Row("wagtailsnippets_events_event:add", get=TEAM_ONLY, post=TEAM_ONLY),
    Row(
        "wagtailsnippets_events_event:delete",
        lambda w: {"pk": w.event_draft.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        note="events with registrations cannot be deleted at all (tested in test_backoffice)",
    ),
    Row(
        "wagtailsnippets_events_event:edit",
        lambda w: {"pk": w.event.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        note="a post without data shows the form with errors",
    ),
]
