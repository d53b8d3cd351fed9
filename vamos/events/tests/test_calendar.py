"""Calendar pages, iCalendar output and the personal feed."""

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from vamos.core.models import TopicField
from vamos.events import services
from vamos.events.models import CalendarFeed, Event, Registration

from .factories import EventFactory, RegistrationFactory, SessionFactory, in_days

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _parse(content: bytes) -> Calendar:
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    return calendar


def test_event_ics_is_valid_with_berlin_times_across_days_and_dst(client: Any) -> None:
    # Across the end of summer time: starts in CEST (UTC+2), ends in CET (UTC+1).
    start = datetime.datetime(2027, 10, 30, 10, 0, tzinfo=BERLIN)
    end = datetime.datetime(2027, 10, 31, 16, 0, tzinfo=BERLIN)
    event = EventFactory(audience=Event.Audience.PUBLIC, start=start, end=end)
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = _parse(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == start
    assert vevent.decoded("DTEND") == end
    assert vevent.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert vevent.decoded("DTEND").utcoffset() == datetime.timedelta(hours=1)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    timezones = calendar.walk("VTIMEZONE")
    assert [tz["TZID"] for tz in timezones] == ["Europe/Berlin"]
    assert vevent["UID"].startswith(f"event-{event.pk}@")


def test_online_room_is_only_in_calendars_of_confirmed_participants(
    client_for: Any, member: Any, other_member: Any, org_a: Any
) -> None:
    event = EventFactory(
        audience=Event.Audience.PUBLIC,
        format=Event.Format.ONLINE,
        online_url="https://meet.example.org/geheim",
    )
    services.registration_create(event=event, user=member, organisation=org_a)
    url = reverse("events:ics", kwargs={"slug": event.slug})
    assert b"meet.example.org/geheim" in client_for(member).get(url).content
    assert b"meet.example.org/geheim" not in client_for(other_member).get(url).content
    assert b"meet.example.org/geheim" not in client_for(None).get(url).content
    page = client_for(other_member).get(reverse("events:detail", kwargs={"slug": event.slug}))
    assert "meet.example.org/geheim" not in page.content.decode()
    page = client_for(member).get(reverse("events:detail", kwargs={"slug": event.slug}))
    assert "meet.example.org/geheim" in page.content.decode()


def test_public_feed_lists_public_events_only(client: Any) -> None:
    public = EventFactory(audience=Event.Audience.PUBLIC, title="Offen für alle")
    EventFactory(audience=Event.Audience.REGISTERED, title="Nur Mitglieder")
    calendar = _parse(client.get(reverse("events:feed-public")).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [public.title]


def test_personal_feed_shows_own_events_and_is_revocable(
    client: Any, member: Any, org_a: Any
) -> None:
    confirmed = EventFactory(title="Bestätigt", online_url="https://meet.example.org/a")
    waiting = EventFactory(title="Warteliste", capacity=1)
    RegistrationFactory(event=waiting, status=Registration.Status.CONFIRMED)
    services.registration_create(event=confirmed, user=member, organisation=org_a)
    services.registration_create(event=waiting, user=member, organisation=org_a)
    EventFactory(title="Nicht angemeldet")
    feed = services.calendar_feed_renew(user=member)
    url = reverse("events:feed-personal", kwargs={"token": feed.token})
    calendar = _parse(client.get(url).content)
    entries = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"Bestätigt", "Warteliste"}
    assert entries["Warteliste"]["STATUS"] == "TENTATIVE"
    assert "meet.example.org/a" in str(entries["Bestätigt"]["DESCRIPTION"])
    services.calendar_feed_renew(user=member)
    assert client.get(url).status_code == 404
    services.calendar_feed_revoke(user=member)
    assert not CalendarFeed.objects.filter(user=member).exists()


def test_calendar_filters_by_kind_format_topic_and_month(client: Any) -> None:
    strategy = TopicField.objects.create(slug="strategie-test", name_de="Strategie")
    webinar = EventFactory(kind=Event.Kind.WEBINAR, format=Event.Format.ONLINE, start=in_days(40))
    webinar.end = webinar.start + datetime.timedelta(hours=1)
    webinar.save()
    webinar.topic_fields.add(strategy)
    training = EventFactory(kind=Event.Kind.TRAINING)
    url = reverse("events:list")
    assert list(client.get(url, {"kind": "webinar"}).context["page_obj"]) == [webinar]
    assert list(client.get(url, {"format": "on_site"}).context["page_obj"]) == [training]
    assert list(client.get(url, {"thema": "strategie-test"}).context["page_obj"]) == [webinar]
    month = f"{webinar.start:%Y-%m}"
    assert webinar in list(client.get(url, {"monat": month}).context["page_obj"])


def test_month_view_shows_a_multi_day_event_on_each_day(client: Any) -> None:
    start = datetime.datetime(2027, 3, 30, 10, 0, tzinfo=BERLIN)
    event = EventFactory(start=start, end=start + datetime.timedelta(days=2, hours=4))
    response = client.get(reverse("events:month", kwargs={"year": 2027, "month": 3}))
    days = [day for week in response.context["weeks"] for day in week if event in day.events]
    assert [day.date.day for day in days] == [30, 31, 1]
    assert (
        client.get(reverse("events:month", kwargs={"year": 2027, "month": 13})).status_code == 404
    )


def test_invited_only_event_is_hidden_from_other_organisations(
    client_for: Any, member: Any, other_member: Any, org_b: Any
) -> None:
    event = EventFactory(audience=Event.Audience.INVITED, invited=[org_b], title="Nur für B")
    listing = client_for(member).get(reverse("events:list")).content.decode()
    assert "Nur für B" not in listing
    detail = reverse("events:detail", kwargs={"slug": event.slug})
    assert client_for(member).get(detail).status_code == 404
    assert client_for(other_member).get(detail).status_code == 200


def test_cached_calendar_shows_a_taken_seat_and_a_new_event_at_once(
    client: Any, member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(audience=Event.Audience.PUBLIC, title="Fördermittel-Werkstatt", capacity=1)
    url = reverse("events:list")
    assert "1 seat free" in client.get(url).content.decode()
    assert "1 seat free" in client.get(url).content.decode()  # from the cache
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, user=member, organisation=org_a)
    listing = client.get(url).content.decode()
    assert "1 seat free" not in listing
    assert "Full – waitlist open" in listing
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(audience=Event.Audience.PUBLIC, title="Neues Vernetzungstreffen")
    assert "Neues Vernetzungstreffen" in client.get(url).content.decode()


@pytest.mark.parametrize("url_name", ["events:list", "events:month"])
def test_calendar_query_count_does_not_grow_with_events(
    client_for: Any,
    member: Any,
    django_assert_max_num_queries: Any,
    django_capture_on_commit_callbacks: Any,
    url_name: str,
) -> None:
    topic = TopicField.objects.create(slug="finanzierung-test", name_de="Finanzierung")
    client = client_for(member)
    kwargs = (
        {"year": in_days(14).year, "month": in_days(14).month}
        if url_name == "events:month"
        else None
    )
    url = reverse(url_name, kwargs=kwargs)

    def add(count: int) -> None:
        # Committed writes renew the data versions: the cached list is rendered afresh.
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(count):
                event = EventFactory(start=in_days(14), end=in_days(14, 12))
                event.topic_fields.add(topic)
                RegistrationFactory(event=event)

    client.get(url)  # navigation and other shared parts are cached from here on
    add(3)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_my_events_query_count_does_not_grow(
    client_for: Any, member: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for(member)
    url = reverse("events:my-registrations")

    def add(count: int) -> None:
        for _ in range(count):
            RegistrationFactory(event=EventFactory(), user=member)
            RegistrationFactory(
                event=EventFactory(capacity=1), user=member, status=Registration.Status.WAITLISTED
            )

    add(2)
    client.get(url)
    with django_assert_max_num_queries(15) as small:
        client.get(url)
    add(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["page_obj"].paginator.count == 20


def test_cached_programme_shows_a_changed_session_and_a_chosen_workshop_at_once(
    client: Any, member: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(audience=Event.Audience.PUBLIC, capacity=20)
    session = SessionFactory(event=event, title="Satzung lesen", capacity=1)
    url = reverse("events:detail", kwargs={"slug": event.slug})
    assert "Satzung lesen" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        session.title = "Satzung schreiben"
        session.save()
    page = client.get(url).content.decode()
    assert "Satzung schreiben" in page
    assert "0 of 1 taken" in page
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(
            event=event, user=member, organisation=org_a, workshops=[session]
        )
    page = client.get(url).content.decode()
    assert ">full<" in page
    assert "19 of 20 seats free" in page
