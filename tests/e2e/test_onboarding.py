"""The foundation's journey: an organisation registers, is approved, and brings in a member."""

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _link_from_last_email(to: str, pattern: str) -> str:
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"no email to {to}"
    match = re.search(pattern, messages[-1].body)
    assert match, f"no link matching {pattern!r} in: {messages[-1].body}"
    return match.group(0)


def _sign_in(page: Page, axe: Any, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    page.get_by_role("button", name="Anmelden").last.click()


def test_organisation_registers_is_approved_and_invites_a_member(
    page: Page, axe: Any, live_server: Any, site_pages: None, team_admin: Any, e2e_settings: Any
) -> None:
    base = live_server.url
    team_admin.set_password("team-password-123")
    team_admin.save()

    # A visitor applies – first with a mistake: the summary appears and input is kept.
    page.goto(f"{base}/")
    axe()
    page.get_by_role("link", name="Organisation registrieren").first.click()
    axe()
    page.get_by_label("Name", exact=True).fill("Verband Junger Brückenbauer NRW")
    page.get_by_label("Landesverband").check()
    page.get_by_label("Ihr Vorname").fill("Leyla")
    page.get_by_label("Ihr Nachname").fill("Aydın")
    page.get_by_label("Ihre E-Mail-Adresse").fill("keine-adresse")
    page.get_by_label("Ihre Rolle in der Organisation").fill("Vorsitzende")
    page.get_by_role("button", name="Antrag senden").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Ihre E-Mail-Adresse")
    expect(summary).to_contain_text("Datenschutzhinweis")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Verband Junger Brückenbauer NRW")
    axe()
    page.get_by_label("Ihre E-Mail-Adresse").fill("leyla@bruecken.example")
    page.get_by_label("Ich stimme dem Datenschutzhinweis zu.").check()
    page.get_by_role("button", name="Antrag senden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Antrag")
    axe()

    # The team admin approves in the back office.
    _sign_in(page, axe, base, "team@example.org", "team-password-123")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")
    axe()
    page.get_by_role("link", name="Prüfliste öffnen").click()
    axe()
    page.get_by_role("link", name="Verband Junger Brückenbauer NRW").click()
    axe()
    page.get_by_role("button", name="Genehmigen").click()
    expect(page.get_by_text("wurde genehmigt")).to_be_visible()
    axe()
    page.goto(f"{base}/mein-bereich/")
    axe()
    page.get_by_role("button", name="Abmelden").click()

    # The applicant sets a password from the email link and lands on the dashboard.
    link = _link_from_last_email("leyla@bruecken.example", r"http://\S+/passwort-festlegen/\S+")
    page.goto(link.replace("http://testserver", base))
    axe()
    page.get_by_label("Passwort", exact=True).fill("Brueckenbau-2026!")
    page.get_by_label("Passwort wiederholen").fill("Brueckenbau-2026!")
    page.get_by_role("button", name="Passwort speichern und anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen, Leyla")
    expect(page.get_by_role("main")).to_contain_text("Verband Junger Brückenbauer NRW")
    axe()

    # She invites a colleague.
    page.get_by_role("link", name="Mitglieder einladen oder verwalten").click()
    axe()
    page.get_by_label("E-Mail-Adresse").fill("jonas@bruecken.example")
    page.get_by_role("button", name="Einladung senden").click()
    expect(page.get_by_role("main")).to_contain_text("jonas@bruecken.example")
    axe()
    page.get_by_role("button", name="Abmelden").click()

    # The colleague accepts, creates his account and sees the organisation.
    link = _link_from_last_email("jonas@bruecken.example", r"http://\S+/einladung/\S+")
    page.goto(link.replace("http://testserver", base))
    axe()
    page.get_by_label("Vorname").fill("Jonas")
    page.get_by_label("Nachname").fill("Berger")
    page.get_by_label("Passwort", exact=True).fill("Jonas-lernt-2026")
    page.get_by_label("Passwort wiederholen").fill("Jonas-lernt-2026")
    page.get_by_label("Ich stimme dem Datenschutzhinweis zu.").check()
    page.get_by_role("button", name="Konto anlegen und beitreten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen, Jonas")
    expect(page.get_by_role("main")).to_contain_text("Verband Junger Brückenbauer NRW")
    axe()


def test_language_switch_to_english_and_back(
    page: Page, axe: Any, live_server: Any, site_pages: None
) -> None:
    page.goto(f"{live_server.url}/ueber-das-programm/")
    axe()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/about-the-programme/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the programme")
    axe()
    page.get_by_role("link", name="Organisations", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/organisationen/$"))
    axe()
    page.get_by_role("button", name="Deutsch").click()
    expect(page).to_have_url(re.compile(r"/organisationen/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    axe()
