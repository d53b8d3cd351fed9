"""A member secures the account with a second factor, downloads their data and leaves."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _code(secret: str) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_member_sets_up_two_factor_downloads_data_and_deletes_account(
    page: Page, axe: Any, live_server: Any, site_pages: None, member: Any, tmp_path: Path
) -> None:
    base = live_server.url
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(member.email)
    page.get_by_label("Passwort", exact=True).fill("correct-horse-battery")
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")
    axe()

    page.get_by_role("link", name="Mein Konto").click()
    axe()
    page.get_by_role("link", name="Zwei-Faktor-Authentifizierung").click()
    axe()
    page.get_by_role("link", name="Aktivieren").click()
    axe()
    # Changing security settings asks for the password once more.
    page.get_by_label("Passwort", exact=True).fill("correct-horse-battery")
    page.get_by_role("button", name="Bestätigen").click()
    axe()
    expect(page.get_by_role("img", name=re.compile("QR"))).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authentifizierungscode").fill(_code(secret))
    page.get_by_role("button", name="Aktivieren").click()
    axe()
    expect(page.get_by_role("main")).to_contain_text("Wiederherstellungs")

    # Signing in again now asks for the code.
    page.get_by_role("button", name="Abmelden").click()
    axe()
    page.goto(f"{base}/konto/login/")
    page.get_by_label("E-Mail").fill(member.email)
    page.get_by_label("Passwort", exact=True).fill("correct-horse-battery")
    page.get_by_role("button", name="Anmelden").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zwei-Faktor-Authentifizierung")
    axe()
    page.get_by_role("textbox").fill(_code(secret))
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen")

    # Download my data.
    page.goto(f"{base}/konto/datenschutz/")
    axe()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Meine Daten herunterladen").click()
    target = tmp_path / "export.json"
    download_info.value.save_as(target)
    data = json.loads(target.read_text())
    assert data["account"]["email"] == member.email
    assert data["account"]["second_factors"][0]["type"] == "totp"

    # Delete the account: wrong password first.
    page.get_by_role("link", name="Mein Konto löschen …").click()
    axe()
    page.get_by_label("Ich verstehe").check()
    page.get_by_label("Ihr Passwort").fill("falsch")
    page.get_by_role("button", name="Mein Konto endgültig löschen").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    axe()
    page.get_by_label("Ihr Passwort").fill("correct-horse-battery")
    page.get_by_role("button", name="Mein Konto endgültig löschen").click()
    expect(page.get_by_text("Ihr Konto wurde gelöscht")).to_be_visible()
    axe()
    expect(page.get_by_role("banner").get_by_role("link", name="Anmelden")).to_be_visible()
