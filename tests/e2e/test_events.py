"""Events in the browser: the conference journey and the waitlist."""

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from vamos.events.models import Event, Question, Registration, Session
from vamos.events.tests.factories import EventFactory, SessionFactory, in_days

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Sicheres-Passwort-2026"


@pytest.fixture
def migration_data(transactional_db: None) -> None:
    """What the data migrations and ``post_migrate`` provide, restored if a transactional test
    before flushed it without restoring (seen on PostgreSQL after browser journeys)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from vamos.core.roles import roles_sync

    ContentType.objects.clear_cache()
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)
    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="de")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    roles_sync()


def _sign_in(page: Page, axe: Any, base: str, email: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")
    axe()


def _with_password(*users: Any) -> None:
    for user in users:
        user.set_password(PASSWORD)
        user.save()


def _conference() -> Event:
    start = timezone.make_aware(datetime.datetime.combine(in_days(30).date(), datetime.time(10)))
    event = EventFactory(
        title="Vernetzungskonferenz 2027",
        kind=Event.Kind.CONFERENCE,
        start=start,
        end=start + datetime.timedelta(days=1, hours=6),
        capacity=100,
    )
    for track, title in (("Strang A", "Fördermittel-Mix"), ("Strang B", "Mitgliederbindung")):
        SessionFactory(
            event=event,
            title=title,
            track=track,
            start=start + datetime.timedelta(hours=2),
            end=start + datetime.timedelta(hours=3),
            capacity=20,
        )
    Question.objects.create(
        event=event,
        kind=Question.Kind.CHOICE,
        label="Ernährung",
        choices="vegetarisch\nvegan",
        required=True,
    )
    return event


def test_ayse_registers_for_the_conference_and_gets_her_certificate(
    migration_data: None,
    page: Page,
    browser: Browser,
    axe: Any,
    live_server: Any,
    site_pages: None,
    org_admin: Any,
    team_admin: Any,
    e2e_settings: Any,
) -> None:
    base = live_server.url
    _with_password(org_admin, team_admin)
    conference = _conference()

    # Ayşe finds the conference in the calendar.
    _sign_in(page, axe, base, org_admin.email)
    page.get_by_role("link", name="Veranstaltungen", exact=True).first.click()
    axe()
    page.get_by_label("Art").select_option("conference")
    page.get_by_role("button", name="Anzeigen").click()
    axe()
    page.get_by_role("link", name="Vernetzungskonferenz 2027").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vernetzungskonferenz 2027")
    axe()
    page.get_by_role("link", name="Zur Veranstaltung anmelden").click()
    axe()

    # She forgets the required question: the summary explains, her workshop stays chosen.
    page.get_by_label(re.compile("Fördermittel-Mix")).check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Ernährung")
    expect(page.get_by_label(re.compile("Fördermittel-Mix"))).to_be_checked()
    axe()
    page.get_by_label("vegan").check()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_text("Sie sind angemeldet")).to_be_visible()
    axe()

    # The confirmation email carries a valid calendar file.
    confirmation = [m for m in mail.outbox if org_admin.email in m.to][-1]
    assert "Anmeldung bestätigt" in confirmation.subject
    filename, content, _mimetype = confirmation.attachments[0]
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert vevent["SUMMARY"] == "Vernetzungskonferenz 2027" and filename.endswith(".ics")

    # She changes her workshop.
    page.get_by_label(re.compile("Mitgliederbindung")).check()
    page.get_by_role("button", name="Workshop-Wahl speichern").click()
    expect(page.get_by_text("Ihre Workshop-Wahl ist gespeichert.")).to_be_visible()
    axe()
    registration = Registration.objects.get(event=conference, user=org_admin)
    assert [w.title for w in registration.workshops.all()] == ["Mitgliederbindung"]

    # At the door, the team checks her in from a phone.
    phone = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
    team_page = phone.new_page()
    team_axe = type(axe)(team_page)
    _sign_in(team_page, team_axe, base, team_admin.email)
    team_page.goto(f"{base}/veranstaltungen/{conference.slug}/check-in/")
    team_axe()
    team_page.get_by_role("textbox", name=re.compile("Person suchen")).fill(org_admin.first_name)
    team_page.get_by_role("button", name="Suchen").click()
    team_axe()
    team_page.get_by_role("button", name=re.compile("^Anwesend")).click()
    expect(team_page.locator("#checkin-count")).to_contain_text("1 von 1 eingecheckt")
    team_axe()
    team_axe.assert_all_checked()
    phone.close()

    # She downloads her attendance certificate.
    page.goto(f"{base}/veranstaltungen/{conference.slug}/")
    axe()
    with page.expect_download() as download:
        page.get_by_role("link", name="Teilnahmebescheinigung (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def test_last_seat_then_waitlist_then_promotion(
    migration_data: None,
    page: Page,
    axe: Any,
    live_server: Any,
    site_pages: None,
    member: Any,
    other_member: Any,
    e2e_settings: Any,
) -> None:
    base = live_server.url
    _with_password(member, other_member)
    event = EventFactory(title="Kleine Schulung Haushaltsplan", capacity=1)
    assert not Session.objects.filter(event=event).exists()

    # A second person takes the last seat …
    _sign_in(page, axe, base, member.email)
    page.goto(f"{base}/veranstaltungen/{event.slug}/")
    expect(page.get_by_text("1 von 1 Plätzen frei")).to_be_visible()
    axe()
    page.get_by_role("link", name="Zur Veranstaltung anmelden").click()
    axe()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_text("Sie sind angemeldet")).to_be_visible()
    axe()
    page.get_by_role("button", name="Abmelden").first.click()
    page.wait_for_url(re.compile(r"/$"))
    axe()

    # … a third lands on the waitlist …
    _sign_in(page, axe, base, other_member.email)
    page.goto(f"{base}/veranstaltungen/{event.slug}/")
    axe()
    page.get_by_role("link", name="Auf die Warteliste setzen").click()
    axe()
    page.get_by_role("button", name="Auf die Warteliste setzen").click()
    expect(page.get_by_text("Warteliste, Platz 1").or_(page.get_by_text("Platz 1"))).to_be_visible()
    axe()
    page.get_by_role("button", name="Abmelden").first.click()
    page.wait_for_url(re.compile(r"/$"))
    axe()

    # … and is promoted when the second cancels.
    _sign_in(page, axe, base, member.email)
    page.goto(f"{base}/veranstaltungen/{event.slug}/")
    axe()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Meine Anmeldung stornieren").click()
    expect(page.get_by_text("Ihre Anmeldung ist storniert.")).to_be_visible()
    axe()
    promoted = Registration.objects.get(event=event, user=other_member)
    assert promoted.status == Registration.Status.CONFIRMED
    assert any(other_member.email in m.to and "Platz" in m.subject for m in mail.outbox)
