"""The impact report in the browser: the team admin opens the dashboard from "Mein VAMOs",
tries a bad range, filters to one federal state, follows a figure to its records, defines
an indicator and downloads the funder report as XLSX and PDF; Ayşe, the admin of
Landesverband A, opens her organisation's development report. axe checks every page."""

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from vamos.reports.tests.conftest import build_dataset, period

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


def test_team_admin_filters_and_downloads_and_ayse_reads_her_report(
    page: Page,
    axe: Any,
    live_server: Any,
    site_pages: None,
    org_a: Any,
    org_b: Any,
    org_admin: Any,
    member: Any,
    other_member: Any,
    team_admin: Any,
    e2e_settings: Any,
    tmp_path: Any,
) -> None:
    build_dataset(org_a, org_b, org_admin, member, other_member)
    base = live_server.url
    start, end = period()

    _sign_in(page, axe, base, team_admin.email)
    page.get_by_role("link", name="Wirkungsbericht öffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wirkungs- und Förderbericht")
    axe()

    # A range that ends before it starts is explained, and nothing typed is lost.
    page.get_by_label("Eigener Zeitraum").check()
    page.get_by_label("Von").fill(end.isoformat())
    page.get_by_label("Bis").fill(start.isoformat())
    page.get_by_role("button", name="Zahlen anzeigen").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Der letzte Tag darf nicht vor dem ersten Tag liegen.")
    expect(page.get_by_label("Von")).to_have_value(end.isoformat())
    axe()

    # The right range, one federal state.
    page.get_by_label("Von").fill(start.isoformat())
    page.get_by_label("Bis").fill(end.isoformat())
    page.get_by_label("Bundesland").select_option("NW")
    page.get_by_role("button", name="Zahlen anzeigen").click()
    expect(page.get_by_text("Filter: Bundesland: Nordrhein-Westfalen")).to_be_visible()
    reach = page.locator("#area-reach")
    expect(
        reach.locator(".reports-stat", has_text="Registrierte Organisationen").first
    ).to_contain_text("2")
    table = page.get_by_role("table", name="Tabelle: Registrierte Organisationen nach Bundesland")
    expect(table).to_contain_text("Nordrhein-Westfalen")
    expect(
        page.get_by_role("img", name="Balkendiagramm: Registrierte Organisationen nach Art")
    ).to_be_visible()
    axe()

    # Keyboard: the first download link is reachable and focus is visible.
    xlsx_link = page.get_by_role("link", name="Bericht als XLSX herunterladen")
    xlsx_link.focus()
    expect(xlsx_link).to_be_focused()

    with page.expect_download() as download_info:
        xlsx_link.click()
    target = tmp_path / "bericht.xlsx"
    download_info.value.save_as(target)
    workbook = load_workbook(target)
    assert workbook.sheetnames[0] == "Indikatoren"
    reach_rows = {
        row[0]: row[1:] for row in workbook["Reichweite"].iter_rows(values_only=True) if row
    }
    assert reach_rows["Registrierte Organisationen"][0] == 2
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Bericht als PDF herunterladen").click()
    pdf_path = tmp_path / "bericht.pdf"
    download_info.value.save_as(pdf_path)
    text = " ".join(PdfReader(io.BytesIO(pdf_path.read_bytes())).pages[0].extract_text().split())
    assert "Wirkungsbericht" in text and "Bundesland: Nordrhein-Westfalen" in text

    # The records behind a figure.
    page.get_by_role(
        "link", name="Datensätze zu „Registrierte Organisationen nach Art“ anzeigen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrierte Organisationen")
    expect(page.get_by_role("link", name="Club C")).to_be_visible()
    axe()

    # An indicator with a target; a missing target is explained first.
    page.goto(f"{base}/berichte/indikatoren/neu/")
    axe()
    page.get_by_label("Name").fill("Teilnahmen in NRW")
    page.get_by_label("Kennzahl", exact=True).select_option("events.attended")
    page.get_by_label("Eigener Zeitraum").check()
    page.get_by_label("Erster Tag").fill(start.isoformat())
    page.get_by_label("Letzter Tag").fill(end.isoformat())
    page.get_by_role("button", name="Indikator speichern").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Zielwert")
    axe()
    page.get_by_label("Zielwert").fill("4")
    page.get_by_role("button", name="Indikator speichern").click()
    expect(page.get_by_text("Der Indikator wurde gespeichert.")).to_be_visible()
    expect(page.get_by_text("50 % des Ziels")).to_be_visible()
    axe()

    # Ayşe reads her organisation's development report.
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Anmelden")).to_be_visible()
    axe()
    _sign_in(page, axe, base, org_admin.email)
    page.get_by_role("link", name="Entwicklungsbericht von Landesverband A").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Landesverband A")
    expect(
        page.get_by_role("table", name="Tabelle: Stunden Lernbegleitung nach Format")
    ).to_be_visible()
    axe()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Als PDF herunterladen").click()
    assert download_info.value.suggested_filename == "entwicklungsbericht-landesverband-a.pdf"
