"""The survey journey: Ayşe answers this year's needs assessment over two sessions (the
draft is resumed on "another device"), submits, fills in the Verbands-Check and compares
her radar with last year and with the average; the team reads the needs heatmap, downloads
the XLSX export and reads all free-text answers to a question. Every page is checked with
axe."""

import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from vamos.surveys.tests.scenario import needs_rounds, other_organisations, self_assessment_rounds

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def _sign_in(page: Page, axe: Any, base: str, email: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")
    axe()


def _rank(page: Page, order: list[str]) -> None:
    for place, name in enumerate(order, start=1):
        page.get_by_label(name, exact=True).select_option(str(place))


TOPIC_FIELDS = [
    "Finanzierung",
    "Strategie",
    "Außendarstellung und Öffentlichkeitsarbeit",
    "Projektmanagement",
    "Mitgliedermanagement",
    "Organisation & Führung",
    "Netzwerkmanagement & Interessenvertretung",
]


def test_ayse_answers_needs_and_self_assessment_and_the_team_reads_the_results(
    page: Page,
    browser: Browser,
    axe: Any,
    live_server: Any,
    site_pages: None,
    org_a: Any,
    org_admin: Any,
    team_admin: Any,
    e2e_settings: Any,
) -> None:
    base = live_server.url
    others = other_organisations(6)
    needs_rounds(organisation=org_a, others=others)
    self_assessment_rounds(answered_last=[org_a, *others[:5]], answered_now=others[:5])

    # Session 1: Ayşe opens this year's needs assessment from the navigation.
    _sign_in(page, axe, base, org_admin.email)
    page.get_by_role("link", name="Umfragen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Umfragen")
    axe()
    page.get_by_role("link", name="Bedarfserhebung 2026").first.click()
    axe()
    page.get_by_role("button", name="Beginnen oder fortsetzen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Verband heute")
    expect(page.get_by_text("Ihre Antwort 2025:").first).to_be_visible()
    axe()

    # Bad input: a number out of range and a required answer missing.
    staff = page.get_by_label("Wie viele hauptamtliche Mitarbeitende hat Ihr Verband?")
    staff.fill("9999")
    page.get_by_role("button", name="Speichern und weiter").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Bitte geben Sie eine Zahl von 0 bis 500 ein.")
    expect(summary).to_contain_text("Bitte beantworten Sie diese Frage.")
    expect(staff).to_have_value("9999")
    axe()
    staff.fill("4")
    page.get_by_label("2 bis 5 Stunden").check()
    page.get_by_role("button", name="Speichern und weiter").click()

    # Page 2: needs per topic field.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Unterstützungsbedarf")
    expect(page.get_by_text("Seite 2 von 4")).to_be_visible()
    axe()
    for group in page.get_by_role("group").all():
        group.get_by_label("3 – mittlerer Bedarf").check()
    page.get_by_role("group", name=re.compile("Finanzierung")).get_by_label(
        "5 – sehr großer Bedarf"
    ).check()
    page.get_by_role("button", name="Entwurf speichern und später weitermachen").click()
    expect(page.get_by_text("Ihr Entwurf ist gespeichert")).to_be_visible()
    axe()
    page.get_by_role("button", name="Abmelden").first.click()
    page.wait_for_load_state("load")
    axe()

    # Session 2 on "another device": the draft is waiting where she left it.
    other_device = browser.new_context(locale="de-DE", viewport={"width": 360, "height": 800})
    second = other_device.new_page()
    second_axe = type(axe)(second)
    _sign_in(second, second_axe, base, org_admin.email)
    second.goto(f"{base}/umfragen/")
    expect(second.get_by_text("Gespeichert bis Seite 2 von 4")).to_be_visible()
    second_axe()
    second.get_by_role("link", name=re.compile("Weiter – Bedarfserhebung 2026")).click()
    second_axe()
    second.get_by_role("button", name="Beginnen oder fortsetzen").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Ihr Unterstützungsbedarf")
    expect(
        second.get_by_role("group", name=re.compile("Finanzierung")).get_by_label(
            "5 – sehr großer Bedarf"
        )
    ).to_be_checked()
    second_axe()
    second.get_by_role("button", name="Speichern und weiter").click()

    # Page 3: ranking, formats and a condition.
    expect(second.get_by_role("heading", level=1)).to_have_text("Prioritäten und Formate")
    second_axe()
    _rank(second, TOPIC_FIELDS[:2] + TOPIC_FIELDS[:1] + TOPIC_FIELDS[3:])  # a place twice
    second.get_by_label("Webinare").check()
    second.get_by_label("Ja", exact=True).check()
    topic = second.get_by_label("Zu welchem Thema vor allem?")
    expect(topic).to_be_visible()
    topic.fill("Fördermittel für Landesverbände")
    second.get_by_role("button", name="Speichern und weiter").click()
    expect(second.locator("[data-error-summary]")).to_contain_text("eigenen Platz von 1 bis 7")
    expect(topic).to_have_value("Fördermittel für Landesverbände")
    second_axe()
    _rank(second, TOPIC_FIELDS)
    second.get_by_role("button", name="Speichern und weiter").click()
    expect(second.get_by_role("heading", level=1)).to_have_text("Ihre Anregungen")
    second_axe()
    second.get_by_label("Welche Veranstaltungen oder Inhalte").fill("Ein Webinar zu Stiftungen.")
    second.get_by_role("button", name="Weiter zur Übersicht").click()

    # Review and submit; afterwards a read-only copy.
    expect(second.get_by_role("heading", level=1)).to_have_text("Ihre Antworten prüfen")
    expect(second.get_by_text("Fördermittel für Landesverbände")).to_be_visible()
    second_axe()
    second.get_by_role("button", name="Antworten einreichen").click()
    expect(second.get_by_text("Vielen Dank! Ihre Antworten wurden eingereicht.")).to_be_visible()
    expect(second.get_by_text("Kopie zum Lesen")).to_be_visible()
    second_axe()
    second_axe.assert_all_checked()
    other_device.close()

    # The Verbands-Check: seven pages of three competences each.
    _sign_in(page, axe, base, org_admin.email)
    page.goto(f"{base}/umfragen/verbands-check/")
    expect(page.get_by_role("heading", level=1)).to_have_text(org_a.name)
    axe()
    page.get_by_role("link", name="Selbsteinschätzung ausfüllen").click()
    axe()
    page.get_by_role("button", name="Beginnen oder fortsetzen").click()
    for number in range(1, 8):
        expect(page.get_by_text(f"Seite {number} von 7")).to_be_visible()
        axe()
        for group in page.get_by_role("group").all():
            group.get_by_label("5 – trifft voll zu").check()
        label = "Weiter zur Übersicht" if number == 7 else "Speichern und weiter"
        page.get_by_role("button", name=label).click()
    axe()
    page.get_by_role("button", name="Antworten einreichen").click()
    axe()
    page.get_by_role("link", name="Ergebnisse des Verbands-Checks ansehen").click()
    expect(page.get_by_role("img", name="Selbsteinschätzung nach Themenfeld")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Durchschnittliche Einschätzung"))
    expect(table.get_by_role("columnheader", name="2025", exact=True)).to_be_visible()
    expect(table.get_by_role("columnheader", name="2026", exact=True)).to_be_visible()
    expect(
        table.get_by_role("columnheader", name="Alle Organisationen 2026", exact=True)
    ).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("Strategie"))).to_contain_text("5,0")
    expect(page.get_by_text("Der Durchschnitt beruht auf 6 Organisationen.")).to_be_visible()
    axe()
    page.get_by_role("button", name="Abmelden").first.click()
    page.wait_for_load_state("load")
    axe()

    # The team: needs heatmap and the XLSX export.
    _sign_in(page, axe, base, team_admin.email)
    page.goto(f"{base}/umfragen/team/")
    axe()
    page.get_by_role("link", name="2026").first.click()
    axe()
    page.get_by_role("link", name="Bedarfsübersicht").click()
    heatmap = page.get_by_role("table", name=re.compile("Bedarf je Themenfeld"))
    expect(heatmap.get_by_role("row", name=re.compile("Finanzierung"))).to_be_visible()
    expect(heatmap.get_by_role("columnheader", name="Alle 2025", exact=True)).to_be_visible()
    axe()
    page.get_by_role("link", name="Ergebnisse", exact=True).click()
    axe()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX exportieren").first.click()
    content = download_info.value.path().read_bytes()
    sheet = load_workbook(io.BytesIO(content)).active
    header = [cell.value for cell in sheet[1]]
    assert "Organisation" in header
    organisations = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert org_a.name in organisations
    assert len(organisations) == 7

    # Free texts: the results show the first few answers; all of them are a link away.
    all_texts = re.compile(r"^Alle 7 Antworten lesen\W+Welche Veranstaltungen")
    page.get_by_role("link", name=all_texts).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welche Veranstaltungen")
    answers = page.get_by_role("list", name=re.compile("Antworten: Welche Veranstaltungen"))
    expect(answers.get_by_role("listitem")).to_have_count(7)
    expect(answers).to_contain_text("Ein Webinar zu Stiftungen.")
    axe()
    page.get_by_role("link", name="Zurück zu allen Ergebnissen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026")
    axe()
