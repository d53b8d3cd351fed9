"""Learning journeys in the browser: from the application to the first review.

Ayşe applies for coaching → the team assigns Clara (coach2) → Clara records the kickoff with
needs and two goals, logs a coaching session (on a phone) with a private note and a shared
summary, recommends a module → Ayşe sees plan, summary and recommendation but never the
private note → Clara records a review that marks one goal achieved.
"""

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from vamos.journeys.models import Goal, Journey

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Sicheres-Passwort-2026"
PRIVATE = "Vorsitzende wirkt überlastet – behutsam ansprechen"
SHARED = "Wir haben die Förderprogramme des Landes sortiert."


def _sign_in(page: Page, axe: Any, base: str, email: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")
    axe()


def _sign_out(page: Page, axe: Any) -> None:
    page.get_by_role("button", name="Abmelden").first.click()
    expect(page.get_by_role("link", name="Anmelden").first).to_be_visible()
    axe()


def test_journey_from_application_to_review(
    page: Page,
    browser: Browser,
    axe: Any,
    live_server: Any,
    site_pages: None,
    org_admin: Any,
    team_admin: Any,
    other_coach: Any,
    e2e_settings: Any,
) -> None:
    from vamos.learning.tests import factories as learning

    base = live_server.url
    for person in (org_admin, team_admin, other_coach):
        person.set_password(PASSWORD)
        person.save()
    learning.module(slug="foerdermittel", title="Fördermittel beantragen")

    # Ayşe applies – first without a topic field: the summary names it, her text stays.
    _sign_in(page, axe, base, org_admin.email)
    page.get_by_role("link", name="Lernbegleitung beantragen").click()
    axe()
    page.get_by_label("Was möchten Sie mit der Lernbegleitung erreichen?").fill(
        "Wir möchten unsere Finanzierung auf mehrere Säulen stellen."
    )
    page.get_by_label("Wann haben Sie Zeit für Termine?").fill("Dienstags ab 17 Uhr")
    page.get_by_role("button", name="Antrag senden").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Themenfelder")
    expect(page.get_by_label("Wann haben Sie Zeit für Termine?")).to_have_value(
        "Dienstags ab 17 Uhr"
    )
    axe()
    page.get_by_label("Finanzierung").check()
    page.get_by_label("Mitgliedermanagement").check()
    page.get_by_role("button", name="Antrag senden").click()
    expect(page.get_by_text("Das VAMOs-Team prüft den Antrag.")).to_be_visible()
    axe()
    journey = Journey.objects.get()
    _sign_out(page, axe)

    # The team accepts and assigns Clara as coach.
    _sign_in(page, axe, base, team_admin.email)
    page.goto(f"{base}/lernreisen/antraege/")
    axe()
    page.get_by_role("link", name=re.compile("Entscheiden")).click()
    axe()
    page.get_by_role("button", name="Antrag annehmen").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Coaches")
    axe()
    page.get_by_label(re.compile("Clara")).check()
    start = timezone.localdate()
    page.get_by_label("Beginn").fill(start.isoformat())
    page.get_by_label("Geplantes Ende").fill((start + datetime.timedelta(days=300)).isoformat())
    page.get_by_label("Stundenkontingent").fill("40")
    page.get_by_role("button", name="Antrag annehmen").click()
    expect(page.get_by_text("Der Antrag wurde angenommen")).to_be_visible()
    axe()
    assert {m.to[0] for m in mail.outbox} >= {org_admin.email, other_coach.email}
    _sign_out(page, axe)

    # Clara records the kickoff with needs and two goals.
    _sign_in(page, axe, base, other_coach.email)
    page.get_by_role("link", name="Meine Fallübersicht öffnen").click()
    axe()
    page.get_by_role("link", name=journey.organisation.name, exact=True).click()
    axe()
    page.get_by_role("link", name="Auftaktgespräch planen oder erfassen").click()
    axe()
    page.get_by_label("Stattgefunden am").fill(start.isoformat())
    page.get_by_label(re.compile("^Teilnehmende")).fill("Ayşe (Vorsitz), Jonas (Geschäftsstelle)")
    page.get_by_label("Zusammenfassung für die Organisation").fill(
        "Finanzierung und Mitgliederarbeit sind am dringendsten."
    )
    finance = page.get_by_role("group", name="Finanzierung", exact=True)
    finance.get_by_label("Priorität").select_option("high")
    finance.get_by_label("Aktuelle Situation").fill("Nur kurzfristige Projektmittel")
    members = page.get_by_role("group", name="Mitgliedermanagement", exact=True)
    members.get_by_label("Priorität").select_option("medium")
    first = page.get_by_role("group", name="Neues Ziel 1")
    first.get_by_label("Themenfeld").select_option(label="Finanzierung")
    first.get_by_label(re.compile("^Ziel( |$)")).fill(
        "Ein Finanzierungsplan mit drei Säulen liegt vor"
    )
    second = page.get_by_role("group", name="Neues Ziel 2")
    second.get_by_label("Themenfeld").select_option(label="Mitgliedermanagement")
    second.get_by_label(re.compile("^Ziel( |$)")).fill("Mitgliedsvereine werden jährlich befragt")
    page.get_by_role("button", name="Auftaktgespräch speichern").click()
    expect(page.get_by_text("Das Auftaktgespräch wurde gespeichert.")).to_be_visible()
    axe()
    journey.refresh_from_db()
    assert journey.status == Journey.Status.ACTIVE
    assert journey.goals.count() == 2

    # Right after the session she records it on her phone.
    phone = browser.new_context(
        viewport={"width": 360, "height": 740},
        locale="de-DE",
        storage_state=page.context.storage_state(),
    ).new_page()
    phone_axe = type(axe)(phone)
    phone.goto(f"{base}/lernreisen/{journey.pk}/aktivitaeten/neu/")
    phone_axe()
    phone.get_by_label("Coaching", exact=True).check()
    phone.get_by_label(re.compile("^Stunden")).fill("1.3")
    phone.get_by_role("button", name="Aktivität speichern").click()
    expect(phone.locator("[data-error-summary]")).to_be_focused()
    phone_axe()
    phone.get_by_label(re.compile("^Stunden")).fill("1.5")
    phone.get_by_label("Zusammenfassung für die Organisation").fill(SHARED)
    phone.get_by_label("Private Notiz für die Coaches").fill(PRIVATE)
    phone.get_by_label("Ein Finanzierungsplan mit drei Säulen liegt vor (Finanzierung)").check()
    phone.get_by_role("button", name="Aktivität speichern").click()
    expect(phone.get_by_text("Die Aktivität wurde gespeichert.")).to_be_visible()
    expect(phone.get_by_text(PRIVATE)).to_be_visible()
    phone_axe()
    phone_axe.assert_all_checked()
    phone.context.close()

    # She recommends the module.
    page.goto(f"{base}/lernreisen/{journey.pk}/")
    axe()
    page.get_by_role("link", name="Etwas empfehlen").click()
    axe()
    page.get_by_label("Was empfehlen Sie?").select_option(label="Fördermittel beantragen")
    page.get_by_label("Warum wir es empfehlen").fill("Vertieft unser erstes Coaching.")
    page.get_by_role("button", name="Empfehlen").click()
    expect(page.get_by_role("link", name="Fördermittel beantragen")).to_be_visible()
    axe()
    _sign_out(page, axe)

    # Ayşe sees plan, summary and recommendation – never the private note.
    _sign_in(page, axe, base, org_admin.email)
    expect(page.get_by_role("main")).to_contain_text("Fördermittel beantragen")
    page.get_by_role("link", name="Lernreise öffnen").click()
    axe()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Ein Finanzierungsplan mit drei Säulen liegt vor")
    expect(main).to_contain_text(SHARED)
    expect(main).to_contain_text("Vertieft unser erstes Coaching.")
    expect(main).not_to_contain_text(PRIVATE)
    page.get_by_role("link", name="Zeitleiste").click()
    axe()
    expect(page.get_by_role("main")).not_to_contain_text(PRIVATE)
    page.get_by_role("link", name=re.compile("Coaching:")).first.click()
    axe()
    expect(page.get_by_role("main")).to_contain_text(SHARED)
    expect(page.get_by_role("main")).not_to_contain_text(PRIVATE)
    _sign_out(page, axe)

    # Clara records a review: the finance goal is achieved; its history keeps the old state.
    _sign_in(page, axe, base, other_coach.email)
    page.goto(f"{base}/lernreisen/{journey.pk}/zwischenbilanz/neu/")
    axe()
    goal = journey.goals.get(topic_field__slug="finanzierung")
    rating = page.get_by_role("group", name=re.compile("Ein Finanzierungsplan"))
    rating.get_by_label("Status").select_option("achieved")
    other = page.get_by_role("group", name=re.compile("Mitgliedsvereine werden"))
    other.get_by_label("Fortschritt in Prozent").fill("20")
    page.get_by_label("Zusammenfassung für die Organisation").fill("Der Finanzplan steht.")
    page.get_by_role("button", name="Zwischenbilanz speichern").click()
    expect(page.get_by_text("Die Zwischenbilanz wurde gespeichert.")).to_be_visible()
    axe()
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ACHIEVED
    page.get_by_role("link", name=re.compile("Ein Finanzierungsplan")).click()
    axe()
    history = page.get_by_role("table", name="Verlauf des Ziels")
    expect(history).to_contain_text("offen")
    expect(history).to_contain_text("erreicht")
