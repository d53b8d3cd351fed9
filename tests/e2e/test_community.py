"""The peer exchange in the browser: a best practice from draft to public, and the exchange
around it (issue 7's journey)."""

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from vamos.community.models import BestPractice

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Sicheres-Passwort-2026"
TITLE = "Junge Ehrenamtliche über Sprachnachrichten gewinnen"


def _with_password(*users: Any) -> None:
    for user in users:
        user.set_password(PASSWORD)
        user.save()


def _sign_in(page: Page, axe: Any, base: str, email: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("Willkommen|Welcome"))
    axe()


def _sign_out(page: Page, axe: Any) -> None:
    page.get_by_role("button", name=re.compile("Abmelden|Sign out")).first.click()
    expect(page.get_by_role("link", name=re.compile("Anmelden|Sign in")).first).to_be_visible()
    axe()


def _goto(page: Page, axe: Any, url: str) -> None:
    page.goto(url)
    axe()


def test_best_practice_from_draft_to_public_and_the_exchange_around_it(
    page: Page,
    axe: Any,
    live_server: Any,
    site_pages: None,
    other_member: Any,
    org_b: Any,
    org_admin: Any,
    org_a: Any,
    editor: Any,
    e2e_settings: Any,
) -> None:
    base = live_server.url
    other_member.first_name, other_member.last_name = "Dimitri", "Petrov"
    other_member.language = "en"
    other_member.save()
    _with_password(other_member, org_admin, editor)

    # Dimitri writes a best practice in English – first forgetting most of it.
    _sign_in(page, axe, base, other_member.email)
    _goto(page, axe, f"{base}/en/austausch/")
    page.get_by_role("link", name="Share a best practice").first.click()
    axe()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("button", name="Save and submit for review").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please describe the challenge.")
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    axe()
    page.get_by_label("Summary in one or two sentences").fill("Sprachnachrichten statt Flyer.")
    page.get_by_label("Funding").check()
    page.get_by_label("What was the challenge?").fill("Niemand las unsere Flyer.")
    page.get_by_label("How did you approach it?").fill("- Gruppen pro Schule\n- Sprachnachrichten")
    page.get_by_label("What came of it?").fill("Viele neue Ehrenamtliche.")
    page.get_by_label("Contact person", exact=True).select_option(label="Dimitri Petrov")
    page.get_by_label(re.compile("may be published on the public website")).check()
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("In review since"))).to_be_visible()
    axe()
    _sign_out(page, axe)

    # The editorial team returns it with a comment – after trying without one.
    _sign_in(page, axe, base, editor.email)
    _goto(page, axe, f"{base}/austausch/redaktion/")
    page.get_by_role("table").get_by_role("link", name=TITLE).click()
    axe()
    page.get_by_label("Mit Anmerkungen an die Organisation zurückgeben").check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("was sie ändern soll")
    axe()
    page.get_by_label("Nachricht an die Organisation").fill("Bitte nennen Sie konkrete Zahlen.")
    page.get_by_role("button", name="Entscheidung speichern").click()
    expect(page.get_by_text("ging mit Ihren Anmerkungen zurück")).to_be_visible()
    axe()
    _sign_out(page, axe)

    # Dimitri revises from the link in his (English) email and submits again.
    email = next(m for m in mail.outbox if m.to == [other_member.email])
    assert email.subject == f"Please revise your best practice “{TITLE}”"
    link = re.search(r"http://testserver(\S+)", email.body).group(1)
    _sign_in(page, axe, base, other_member.email)
    _goto(page, axe, f"{base}{link}")
    expect(page.get_by_text("Bitte nennen Sie konkrete Zahlen.").first).to_be_visible()
    page.get_by_role("link", name="Edit", exact=True).click()
    axe()
    page.get_by_label("What came of it?").fill("120 neue Ehrenamtliche in einem Jahr.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("In review since"))).to_be_visible()
    axe()
    _sign_out(page, axe)

    # The editorial team publishes it publicly.
    _sign_in(page, axe, base, editor.email)
    _goto(page, axe, f"{base}/austausch/redaktion/")
    page.get_by_role("table").get_by_role("link", name=TITLE).click()
    axe()
    page.get_by_label("Veröffentlichen", exact=True).check()
    page.get_by_label("öffentlich", exact=True).check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    expect(page.get_by_text("ist veröffentlicht")).to_be_visible()
    axe()
    _sign_out(page, axe)
    practice = BestPractice.objects.get(title=TITLE)
    assert practice.is_public

    # A visitor finds it without signing in.
    _goto(page, axe, f"{base}/austausch/")
    page.locator("#id_q").fill("Sprachnachrichten")
    page.get_by_role("button", name="Anzeigen").click()
    axe()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("120 neue Ehrenamtliche in einem Jahr.")).to_be_visible()
    axe()

    # Ayşe marks it useful and asks a question; Dimitri's organisation hears about it.
    mail.outbox.clear()
    _sign_in(page, axe, base, org_admin.email)
    _goto(page, axe, f"{base}/austausch/praxisbeispiele/{practice.pk}/")
    useful = page.get_by_role("button", name="Hilfreich")
    expect(useful).to_have_attribute("aria-pressed", "false")
    useful.click()
    expect(page.get_by_role("button", name="Hilfreich")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#hilfreich-count")).to_contain_text("1 Person fand das hilfreich")
    expect(page.locator("#hilfreich-status")).to_contain_text("als hilfreich markiert")
    axe()
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    axe()
    page.get_by_label("Ihr Kommentar oder Ihre Frage").fill("Wie habt ihr die Gruppen moderiert?")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.get_by_text("Wie habt ihr die Gruppen moderiert?")).to_be_visible()
    axe()
    notified = [m for m in mail.outbox if m.to == [other_member.email]]
    assert [m.subject for m in notified] == [f"New comment or question on “{TITLE}”"]
    assert "Wie habt ihr die Gruppen moderiert?" in notified[0].body
