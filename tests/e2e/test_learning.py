"""The learning journey: Dimitri (English) finds a funding module, learns, watches a video
with captions, fails and then passes the quiz, gets and verifies his certificate; Ayşe, the
contact person of his organisation, sees the completion."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from vamos.learning.models import Certificate, ModuleProgress, VideoProgress
from vamos.learning.tests import factories
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Lernen-mit-VAMOs-2026"


def _sign_in(page: Page, axe: Any, base: str, email: str) -> None:
    page.goto(f"{base}/konto/login/")
    axe()
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").last.click()
    page.wait_for_load_state("load")
    axe()


@pytest.fixture
def learning_world(make_user: Any, site_pages: None) -> dict[str, Any]:
    lamo = OrganisationFactory(name="LaMO NRW", slug="lamo-nrw")
    nemo = OrganisationFactory(name="NeMO", slug="nemo", kind="bundesverband")
    dimitri = make_user(
        email="dimitri@example.org", first_name="Dimitri", last_name="Petrov", language="en"
    )
    ayse = make_user(email="ayse@example.org", first_name="Ayşe", last_name="Demir")
    for user in (dimitri, ayse):
        user.set_password(PASSWORD)
        user.save()
    # Dimitri works for NeMO and volunteers in a member club of LaMO NRW.
    MembershipFactory(user=dimitri, organisation=nemo)
    MembershipFactory(user=dimitri, organisation=lamo)
    MembershipFactory(user=ayse, organisation=lamo, role="admin")
    video = factories.video()
    quiz = factories.quiz(
        (
            "Which money may an association spend most freely?",
            "single",
            [("A grant from a federal programme", False), ("Donations without a purpose", True)],
        )
    )
    factories.module(
        title="Fördermittel finden und beantragen",
        lessons=[
            [factories.text("<p>Es gibt drei große Quellen.</p>"), factories.video_block(video)],
            [factories.text("<p>Freie Spenden sind nicht zweckgebunden.</p>"), quiz],
        ],
    )
    factories.module(slug="projekte", title="Projekte planen", topic="projektmanagement")
    return {"dimitri": dimitri, "ayse": ayse, "lamo": lamo}


def test_dimitri_completes_a_module_and_ayse_sees_it(
    page: Page, axe: Any, live_server: Any, learning_world: dict[str, Any], e2e_settings: Any
) -> None:
    base = live_server.url
    _sign_in(page, axe, base, "dimitri@example.org")
    expect(page).to_have_url(re.compile(r"/en/mein-bereich/$"))

    # The catalogue, filtered by the topic field "Finanzierung" (Funding).
    page.get_by_role("link", name="Learning", exact=True).first.click()
    axe()
    page.get_by_role("combobox", name="Topic field").select_option("finanzierung")
    page.get_by_role("combobox", name="Format").select_option("module")
    page.get_by_role("button", name="Show").click()
    axe()
    cards = page.locator(".learning-card")
    expect(cards).to_have_count(1)
    cards.get_by_role("link", name="Fördermittel finden und beantragen").click()
    axe()
    expect(page.get_by_text("This module is not available in your language yet")).to_be_visible()
    page.get_by_role("link", name="Start the module").click()
    axe()

    # Lesson 1: the video, with English captions on, played by keyboard and paused.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Fördermittel finden und beantragen – Lektion 1"
    )
    video = page.locator("video")
    video.evaluate(
        "v => new Promise(r => v.readyState >= 1 ? r() : v.addEventListener('loadedmetadata', r))"
    )
    assert video.evaluate(
        "v => Array.from(v.textTracks).filter(t => t.mode === 'showing').map(t => t.language)"
    ) == ["en"]
    video.focus()
    page.keyboard.press("k")
    for _ in range(100):  # the strict CSP forbids wait_for_function's eval
        if video.evaluate("v => v.currentTime") > 1.5:
            break
        page.wait_for_timeout(100)
    with page.expect_response(lambda r: r.url.endswith("/position/") and r.status == 204):
        page.keyboard.press("k")
    assert VideoProgress.objects.get().position_seconds > 1
    page.locator("summary", has_text="Show the transcript").click()
    expect(page.get_by_text("Es gibt drei große Quellen.").first).to_be_visible()
    axe()
    page.get_by_role("link", name=re.compile("^Next")).click()
    axe()

    # Lesson 2: a wrong answer first (htmx, no reload), then the right one.
    page.get_by_role("button", name="Check my answers").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please choose an answer.")
    axe()
    page.get_by_label("A grant from a federal programme").check()
    page.get_by_role("button", name="Check my answers").click()
    result = page.get_by_role("status").filter(has_text="Not passed yet")
    expect(result).to_be_focused()
    expect(page.get_by_text("Feedback zu A grant from a federal programme")).to_be_visible()
    axe()
    page.get_by_label("Donations without a purpose").check()
    page.get_by_role("button", name="Check my answers again").click()
    expect(page.get_by_role("status").filter(has_text="Passed: 1 of 1")).to_be_focused()
    expect(page.locator("#module-progress")).to_contain_text("2 of 2 lessons completed")
    expect(page.locator("#module-progress")).to_contain_text("Module completed")
    axe()
    assert ModuleProgress.objects.get().completed_at is not None

    # The certificate: download and code.
    page.get_by_role("link", name="Go to the certificate").click()
    axe()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    certificate = Certificate.objects.get()
    expect(page.get_by_text(certificate.code)).to_be_visible()

    # He lets LaMO NRW see his learning in detail.
    page.get_by_role("link", name="My VAMOs").click()
    axe()
    page.get_by_role("link", name="All my modules and certificates").click()
    axe()
    modules = page.get_by_role("table", name="My modules and my progress")
    expect(modules.get_by_role("row", name=re.compile("Fördermittel finden"))).to_contain_text(
        "Completed"
    )
    expect(page.get_by_role("status").filter(has_text="Modules started: 1")).to_contain_text(
        "certificates: 1"
    )
    page.get_by_role("button", name="Share my progress in detail – LaMO NRW").click()
    expect(page.get_by_text("can now see your learning progress")).to_be_visible()
    expect(page.get_by_role("button", name="Stop sharing details – LaMO NRW")).to_be_visible()
    axe()
    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_load_state("load")
    axe()

    # Anyone can verify the certificate by its code.
    page.goto(f"{base}/lernen/zertifikat-pruefen/")
    axe()
    page.get_by_label("Prüfcode").fill(certificate.code.replace("-", " ").lower())
    page.get_by_role("button", name="Prüfen").click()
    axe()
    expect(page.get_by_text("Dieses Zertifikat ist echt.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Dimitri Petrov")
    expect(page.get_by_role("main")).not_to_contain_text("dimitri@example.org")

    # Ayşe sees the completion in her organisation's learning.
    _sign_in(page, axe, base, "ayse@example.org")
    page.get_by_role("link", name="Lernen in LaMO NRW").first.click()
    axe()
    table = page.get_by_role("table", name="Mitglieder je Modul: begonnen und abgeschlossen")
    expect(
        table.get_by_role("row", name=re.compile("Fördermittel finden und beantragen"))
    ).to_contain_text("1")
    members = page.get_by_role("table", name=re.compile("dem Teilen zugestimmt"))
    expect(members).to_contain_text("Dimitri Petrov")
    expect(members).to_contain_text("Fördermittel finden und beantragen")
