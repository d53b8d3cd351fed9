"""The learner's pages: catalogue, module, lesson (with htmx), videos, certificates,
"my learning" and the organisation view."""

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from vamos.core.models import AuditEntry
from vamos.learning.models import (
    Certificate,
    LessonPage,
    LessonProgress,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    VideoProgress,
)

from . import factories
from .conftest import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db

LESSON_2 = "/lernen/module/foerdermittel/lektion-2/"


def _quiz_url(course: dict) -> str:
    return f"{LESSON_2}quiz/{course['quiz']['id']}/"


def _post_answers(answers: dict[str, list[str]]) -> dict[str, list[str]]:
    return {f"q-{question}": chosen for question, chosen in answers.items()}


# --- Catalogue -------------------------------------------------------------------------------


def test_catalogue_lists_modules_paths_and_videos_for_everyone(client: Any, course: dict) -> None:
    factories.video()
    factories.path(modules=[course["module"]])
    response = client.get("/lernen/")
    assert response.status_code == 200
    content = response.content.decode()
    for title in ("Fördermittel beantragen", "Lernpfad Finanzierung", "Fördermittel finden"):
        assert title in content
    assert "3 Angebote gefunden" in content


def test_catalogue_shows_topic_fields_and_caption_languages_of_the_shown_items(
    client: Any, course: dict
) -> None:
    factories.video()
    factories.module(slug="projekt", title="Projekte planen", topic="projektmanagement")
    content = client.get("/lernen/").content.decode()
    cards = content.split('<li class="kern-card learning-card">')[1:]
    by_title = {
        title: card
        for card in cards
        for title in ("Projekte planen", "Fördermittel beantragen", "Fördermittel finden")
        if title in card
    }
    assert "Projektmanagement" in by_title["Projekte planen"]
    assert "Finanzierung" in by_title["Fördermittel beantragen"]
    assert "Englisch" in by_title["Fördermittel finden"]  # a caption language


def test_catalogue_filters(
    client: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    factories.video()
    factories.module(
        slug="projekt", title="Projekte planen", topic="projektmanagement", duration=90
    )
    factories.module(
        slug="funding-en", title="Applying for funding", code="en", translation_of=course["module"]
    )

    def titles(prefix: str = "", **query: str) -> list[str]:
        response = client.get(f"{prefix}/lernen/", query)
        return re.findall(
            r'<h2 class="kern-title"><a class="kern-link" href="[^"]+">([^<]+)</a>',
            response.content.decode(),
        )

    assert titles(thema="projektmanagement") == ["Projekte planen"]
    assert titles(format="video") == ["Fördermittel finden"]
    assert titles(format="module", dauer="long") == ["Projekte planen"]
    assert titles(format="module", dauer="medium") == ["Fördermittel beantragen"]
    assert titles(format="module", sprache="en") == ["Fördermittel beantragen"]
    assert titles(q="Projekt") == ["Projekte planen"]
    # A word that only occurs in a lesson finds its module (published after the catalogue
    # was cached: the publication's new data version makes it rebuild).
    with django_capture_on_commit_callbacks(execute=True):
        factories.module(
            slug="presse",
            title="Pressearbeit",
            lessons=[[factories.text("<p>Die Pressemitteilung beantwortet die W-Fragen.</p>")]],
        )
    assert titles(q="W-Fragen") == ["Pressearbeit"]
    assert titles("/en", format="module", sprache="en") == ["Applying for funding"]


def test_catalogue_rejects_unknown_filters_with_a_message_and_still_lists(
    client: Any, course: dict
) -> None:
    response = client.get("/lernen/", {"thema": "gibt-es-nicht", "format": "podcast"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Eingaben" in content
    assert "Fördermittel beantragen" in content


def test_catalogue_is_paginated(client: Any, db: Any) -> None:
    for number in range(14):
        factories.module(slug=f"modul-{number}", title=f"Modul {number:02d}")
    first = client.get("/lernen/").content.decode()
    second = client.get("/lernen/", {"seite": 2}).content.decode()
    assert "Seite 1 von 2" in first and "Modul 11" in first and "Modul 13" not in first
    assert "Modul 13" in second


@pytest.mark.parametrize("size", [2, 8])
def test_catalogue_query_count_does_not_grow(
    client_for: Any, member: Any, size: int, django_assert_max_num_queries: Any
) -> None:
    modules = [factories.module(slug=f"modul-{n}", title=f"Modul {n}") for n in range(size)]
    for n in range(size // 2):
        factories.video(slug=f"video-{n}")
    factories.path(modules=modules)
    client = client_for(member)
    client.get("/lernen/")  # warm caches (site, locales, the catalogue)
    # Session, person, data versions, the learner's stamp and their videos: the cards, their
    # covers and the learner's progress come from the cache.
    with django_assert_max_num_queries(5):
        assert client.get("/lernen/").status_code == 200


@pytest.mark.parametrize("lessons", [2, 8])
def test_module_and_lesson_query_counts_do_not_grow(
    client_for: Any, member: Any, lessons: int, django_assert_max_num_queries: Any
) -> None:
    video = factories.video()
    bodies = [
        [factories.text(), factories.single_quiz(), factories.video_block(video)]
        for _ in range(lessons)
    ]
    factories.module(lessons=bodies)
    client = client_for(member)
    client.get("/lernen/module/foerdermittel/lektion-1/")
    with django_assert_max_num_queries(25):
        assert client.get("/lernen/module/foerdermittel/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get("/lernen/module/foerdermittel/lektion-2/").status_code == 200


# --- Module and lessons ----------------------------------------------------------------------


def test_module_page_shows_lessons_and_invites_visitors_to_register(
    client: Any, course: dict
) -> None:
    content = client.get("/lernen/module/foerdermittel/").content.decode()
    assert "Fördermittel beantragen – Lektion 2" in content
    assert "Für angemeldete Organisationen" in content
    assert "/lernen/module/foerdermittel/lektion-1/" not in content  # no lesson links


def test_lessons_need_a_learner(client: Any, client_for: Any, course: dict, make_user: Any) -> None:
    response = client.get(LESSON_2)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    outsider = make_user(email="ohne-organisation@example.org")
    assert client_for(outsider).get(LESSON_2).status_code == 404


def test_unpublished_modules_and_unknown_lessons_are_404(client_for: Any, member: Any) -> None:
    factories.module(slug="entwurf", live=False)
    client = client_for(member)
    assert client.get("/lernen/module/entwurf/").status_code == 404
    assert client.get("/lernen/module/entwurf/lektion-1/").status_code == 404
    factories.module()
    assert client.get("/lernen/module/foerdermittel/lektion-9/").status_code == 404


def test_opening_a_lesson_records_progress(client_for: Any, member: Any, course: dict) -> None:
    response = client_for(member).get("/lernen/module/foerdermittel/lektion-1/")
    assert response.status_code == 200
    assert "1 von 2 Lektionen abgeschlossen" in response.content.decode()
    assert LessonProgress.objects.get(user=member).completed_at is not None


def test_quiz_via_htmx_wrong_then_right_completes_the_module(
    client_for: Any, member: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    client.get("/lernen/module/foerdermittel/lektion-1/")
    client.get(LESSON_2)
    headers = {"HX-Request": "true"}
    wrong = client.post(
        _quiz_url(course), _post_answers(wrong_answers(course["quiz"])), headers=headers
    )
    content = wrong.content.decode()
    assert "Noch nicht bestanden: 0 von 2 Fragen richtig" in content
    assert "Feedback zu Zuschüsse" in content  # per-answer feedback for the chosen answer
    assert 'hx-swap-oob="true"' in content and "<html" not in content
    with django_capture_on_commit_callbacks(execute=True):
        right = client.post(
            _quiz_url(course), _post_answers(correct_answers(course["quiz"])), headers=headers
        )
    content = right.content.decode()
    assert "Bestanden: 2 von 2 Fragen richtig (100 %)" in content
    assert "Modul abgeschlossen" in content
    assert ModuleProgress.objects.get(user=member).completed_at is not None
    assert Certificate.objects.filter(user=member).exists()
    assert len(mail.outbox) == 1


def test_quiz_without_answers_shows_errors_next_to_questions_and_on_top(
    client_for: Any, member: Any, course: dict
) -> None:
    client = client_for(member)
    response = client.post(_quiz_url(course), {}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Eingaben" in content
    assert content.count("Bitte wählen Sie eine Antwort.") == 4  # summary and field, twice
    # Without htmx the whole lesson comes back, with the answers kept.
    answers = correct_answers(course["quiz"])
    first_question = next(iter(answers))
    response = client.post(_quiz_url(course), {f"q-{first_question}": answers[first_question]})
    content = response.content.decode()
    assert "<html" in content and "Bitte prüfen Sie Ihre Eingaben" in content
    assert f'value="{answers[first_question][0]}" id=' in content
    assert re.search(rf'value="{answers[first_question][0]}"[^>]*checked', content)
    assert not QuizAttempt.objects.exists()


def test_quiz_without_javascript_redirects_back_to_the_quiz(
    client_for: Any, member: Any, course: dict
) -> None:
    response = client_for(member).post(
        _quiz_url(course), _post_answers(correct_answers(course["quiz"]))
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#block-{course['quiz']['id']}")


def test_forged_block_ids_are_404(client_for: Any, member: Any, course: dict) -> None:
    client = client_for(member)
    assert client.post(f"{LESSON_2}quiz/not-a-block/", {}).status_code == 404
    # A checklist id is not a quiz.
    assert client.post(f"{LESSON_2}quiz/{course['checklist']['id']}/", {}).status_code == 404
    assert (
        client.post(
            f"{LESSON_2}checkliste/{course['checklist']['id']}/", {"item": "erfunden"}
        ).status_code
        == 404
    )


def test_checklist_saves_via_htmx(client_for: Any, member: Any, course: dict) -> None:
    item = course["checklist"]["value"]["items"][1]["id"]
    response = client_for(member).post(
        f"{LESSON_2}checkliste/{course['checklist']['id']}/",
        {"item": item},
        headers={"HX-Request": "true"},
    )
    assert "Gespeichert." in response.content.decode()
    assert LessonProgress.objects.get(user=member).checklists == {course["checklist"]["id"]: [item]}


def test_transfer_answer_bad_input_keeps_the_text_and_saves_nothing(
    client_for: Any, member: Any, org_b: Any, course: dict
) -> None:
    prefix = f"transfer-{course['transfer']['id']}"
    url = f"{LESSON_2}transferaufgabe/{course['transfer']['id']}/"
    client = client_for(member)
    response = client.post(url, {f"{prefix}-answer": "x" * 5001}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "Bitte prüfen Sie Ihre Eingaben" in content
    assert "x" * 5001 in content
    response = client.post(
        url,
        {f"{prefix}-answer": "Mein Plan", f"{prefix}-share_with": str(org_b.pk)},
        headers={"HX-Request": "true"},
    )
    assert "Bitte prüfen Sie Ihre Eingaben" in response.content.decode()
    assert "Mein Plan" in response.content.decode()
    assert not TransferAnswer.objects.exists()


def test_transfer_answer_is_saved_and_shared(
    client_for: Any, member: Any, org_a: Any, course: dict
) -> None:
    prefix = f"transfer-{course['transfer']['id']}"
    url = f"{LESSON_2}transferaufgabe/{course['transfer']['id']}/"
    response = client_for(member).post(
        url,
        {f"{prefix}-answer": "Mein Plan", f"{prefix}-share_with": str(org_a.pk)},
        headers={"HX-Request": "true"},
    )
    assert "Gespeichert und mit dem Coach von Landesverband A geteilt." in response.content.decode()
    assert TransferAnswer.objects.get().shared_with == org_a


def test_lesson_in_english_falls_back_to_german_content(
    client_for: Any, member: Any, course: dict
) -> None:
    response = client_for(member).get("/en/lernen/module/foerdermittel/lektion-1/")
    content = response.content.decode()
    assert '<html lang="en"' in content
    assert 'lang="de"' in content  # the lesson itself is marked German
    assert "Lesson 1 of 2" in content


# --- Videos ----------------------------------------------------------------------------------


def test_video_file_supports_range_requests(client_for: Any, member: Any) -> None:
    factories.video()
    client = client_for(member)
    url = "/lernen/videos/foerdermittel-finden/datei/"
    size = (factories.MEDIA / "foerdermittel-finden.webm").stat().st_size
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "video/webm" and int(whole["Content-Length"]) == size
    assert len(b"".join(whole.streaming_content)) == size
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{size}"
    assert (
        b"".join(part.streaming_content)
        == (factories.MEDIA / "foerdermittel-finden.webm").read_bytes()[100:200]
    )
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and len(b"".join(tail.streaming_content)) == 10
    assert client.get(url, headers={"Range": f"bytes={size}-"}).status_code == 416


def test_captions_are_served_as_webvtt(client_for: Any, member: Any) -> None:
    factories.video(captions=("de",))
    client = client_for(member)
    response = client.get("/lernen/videos/foerdermittel-finden/untertitel/de.vtt")
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content.startswith(b"WEBVTT")
    assert client.get("/lernen/videos/foerdermittel-finden/untertitel/en.vtt").status_code == 404


def test_unpublished_video_is_hidden_from_learners(client_for: Any, member: Any) -> None:
    factories.video(live=False)
    assert client_for(member).get("/lernen/videos/foerdermittel-finden/").status_code == 404


def test_video_position_endpoint(client_for: Any, member: Any) -> None:
    factories.video()
    client = client_for(member)
    url = "/lernen/videos/foerdermittel-finden/position/"
    assert client.post(url, {"position": "8.2", "duration": "15"}).status_code == 204
    assert client.post(url, {"position": "kaputt"}).status_code == 400
    assert VideoProgress.objects.get(user=member).position_seconds == 8.2
    page = client.get("/lernen/videos/foerdermittel-finden/").content.decode()
    assert 'data-resume="8"' in page
    assert "geht weiter bei 0:08" in page


def test_external_video_is_not_loaded_before_consent(client_for: Any, member: Any) -> None:
    factories.video(slug="extern", external_url="https://youtu.be/dQw4w9WgXcQ", captions=())
    response = client_for(member).get("/lernen/videos/extern/")
    content = response.content.decode()
    assert "<iframe" not in content
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in content
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


# --- Certificates ----------------------------------------------------------------------------


def _certificate(user: Any, **fields: Any) -> Certificate:
    values = {
        "module_key": "8f1d5f4e-1f2a-4b6c-9d0e-123456789abc",
        "issued_at": timezone.now(),
        "language": "de",
        "learner_name": "Mehmet Yilmaz",
        "organisation_name": "Landesverband A",
        "module_title": "Fördermittel beantragen",
        "topic_fields": "Finanzierung",
        "duration_minutes": 90,
        **fields,
    }
    return Certificate.objects.create(user=user, **values)


def test_certificate_pdf_for_its_owner_and_audited_for_the_team(
    client_for: Any, member: Any, team_admin: Any, other_member: Any
) -> None:
    certificate = _certificate(member)
    url = reverse("learning:certificate", kwargs={"code": certificate.code})
    response = client_for(member).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not AuditEntry.objects.filter(action="certificate.download").exists()
    assert client_for(other_member).get(url).status_code == 404
    assert client_for(team_admin).get(url).status_code == 200
    assert AuditEntry.objects.filter(action="certificate.download", actor=team_admin).exists()


def test_public_verification_shows_only_the_certificate(client: Any, member: Any) -> None:
    certificate = _certificate(member)
    response = client.get(f"/lernen/zertifikat-pruefen/{certificate.code.lower()}/")
    assert response.status_code == 302  # normalised to the canonical spelling
    response = client.get(response["Location"])
    content = response.content.decode()
    assert "Dieses Zertifikat ist echt." in content
    assert "Mehmet Yilmaz" in content and "Fördermittel beantragen" in content
    assert member.email not in content


def test_verification_form_validates_and_unknown_codes_are_404(client: Any, member: Any) -> None:
    response = client.get("/lernen/zertifikat-pruefen/", {"code": "123"})
    content = response.content.decode()
    assert "Ein Code hat 12 Buchstaben und Ziffern" in content
    assert 'value="123"' in content
    response = client.get("/lernen/zertifikat-pruefen/", {"code": "abcd efgh jkmn"})
    assert response["Location"].endswith("/zertifikat-pruefen/ABCD-EFGH-JKMN/")
    response = client.get("/lernen/zertifikat-pruefen/ABCD-EFGH-JKMN/")
    assert response.status_code == 404
    assert "Es gibt kein Zertifikat mit dem Code ABCD-EFGH-JKMN." in response.content.decode()


def test_withdrawn_certificate_is_reported_without_name(client: Any, member: Any) -> None:
    certificate = _certificate(member, withdrawn_at=timezone.now(), learner_name="")
    content = client.get(f"/lernen/zertifikat-pruefen/{certificate.code}/").content.decode()
    assert "Dieses Zertifikat wurde zurückgezogen." in content


# --- My learning, sharing, organisation view -------------------------------------------------


def test_my_learning_lists_progress_certificates_and_answers(
    client_for: Any, member: Any, course: dict
) -> None:
    client = client_for(member)
    client.get("/lernen/module/foerdermittel/lektion-1/")
    prefix = f"transfer-{course['transfer']['id']}"
    client.post(
        f"{LESSON_2}transferaufgabe/{course['transfer']['id']}/", {f"{prefix}-answer": "Mein Plan"}
    )
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Fördermittel beantragen" in content
    assert "1 von 2 Lektionen" in content
    assert "Mein Plan" in content
    assert "Landesverband A" in content  # the sharing choice


def test_sharing_is_only_possible_with_own_organisation(
    client_for: Any, member: Any, org_a: Any, org_b: Any
) -> None:
    client = client_for(member)
    assert (
        client.post(
            "/lernen/mein-lernen/freigabe/", {"organisation": org_b.pk, "share": "1"}
        ).status_code
        == 404
    )
    assert client.post("/lernen/mein-lernen/freigabe/", {"organisation": "x"}).status_code == 404
    response = client.post(
        "/lernen/mein-lernen/freigabe/", {"organisation": org_a.pk, "share": "1"}
    )
    assert response.status_code == 302
    assert SharingConsent.objects.filter(user=member, organisation=org_a).exists()


def test_organisation_view_shows_counts_and_only_consenting_members(
    client_for: Any, member: Any, org_admin: Any, org_a: Any, course: dict, make_user: Any
) -> None:
    from vamos.organisations.tests.factories import MembershipFactory

    quiet = make_user(email="leise@example.org", first_name="Lea", last_name="Leise")
    MembershipFactory(user=quiet, organisation=org_a)
    for user in (member, quiet):
        client_for(user).get("/lernen/module/foerdermittel/lektion-1/")
    SharingConsent.objects.create(user=member, organisation=org_a)
    response = client_for(org_admin).get(f"/lernen/organisationen/{org_a.slug}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert member.get_full_name() in content
    assert "Lea Leise" not in content
    assert "1 von 3 Mitgliedern hat zugestimmt" in content
    assert AuditEntry.objects.filter(action="learning.organisation_view", actor=org_admin).exists()


@pytest.mark.parametrize("members", [2, 12])
def test_organisation_view_query_count_does_not_grow(
    client_for: Any,
    org_admin: Any,
    org_a: Any,
    course: dict,
    make_user: Any,
    members: int,
    django_assert_max_num_queries: Any,
) -> None:
    from vamos.organisations.tests.factories import MembershipFactory

    for number in range(members):
        user = make_user(email=f"person{number}@verband-a.example")
        MembershipFactory(user=user, organisation=org_a)
        SharingConsent.objects.create(user=user, organisation=org_a)
        client_for(user).get("/lernen/module/foerdermittel/lektion-1/")
    client = client_for(org_admin)
    client.get(f"/lernen/organisationen/{org_a.slug}/")  # fills the cache
    with django_assert_max_num_queries(20):
        assert client.get(f"/lernen/organisationen/{org_a.slug}/").status_code == 200


def test_dashboard_shows_the_learning_card(client_for: Any, member: Any, course: dict) -> None:
    client = client_for(member)
    client.get("/lernen/module/foerdermittel/lektion-1/")
    content = client.get("/mein-bereich/").content.decode()
    assert "Weiterlernen, wo Sie aufgehört haben" in content
    assert "/lernen/module/foerdermittel/lektion-2/" in content


def test_dashboard_links_organisation_admins_to_their_learning_view(
    client_for: Any, org_admin: Any, org_a: Any
) -> None:
    content = client_for(org_admin).get("/mein-bereich/").content.decode()
    assert f"/lernen/organisationen/{org_a.slug}/" in content


def test_lesson_list_follows_a_newly_published_lesson(
    client_for: Any, member: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    content = client.get("/lernen/module/foerdermittel/lektion-1/").content.decode()
    assert "1 von 2 Lektionen abgeschlossen" in content
    assert "lektion-3" not in content
    with django_capture_on_commit_callbacks(execute=True):
        lesson = LessonPage(
            title="Fördermittel beantragen – Lektion 3",
            slug="lektion-3",
            locale=course["module"].locale,
            body=[factories.text()],
        )
        course["module"].add_child(instance=lesson)
        lesson.save_revision().publish()
    content = client.get("/lernen/module/foerdermittel/lektion-1/").content.decode()
    assert "1 von 3 Lektionen abgeschlossen" in content
    assert "/lernen/module/foerdermittel/lektion-3/" in content
    assert client.get("/lernen/module/foerdermittel/lektion-3/").status_code == 200


def test_organisation_figures_follow_progress_and_consent(
    client_for: Any,
    member: Any,
    org_admin: Any,
    org_a: Any,
    course: dict,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from vamos.learning import services

    from .conftest import resolve

    client = client_for(org_admin)
    url = f"/lernen/organisationen/{org_a.slug}/"
    content = client.get(url).content.decode()
    assert "Noch kein Mitglied hat ein Modul begonnen." in content
    assert "0 von 2 Mitgliedern haben zugestimmt" in content
    with django_capture_on_commit_callbacks(execute=True):
        module = resolve(member)
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
        services.sharing_consent_set(user=member, organisation=org_a, share=True)
    content = client.get(url).content.decode()
    assert 'href="/lernen/module/foerdermittel/">Fördermittel beantragen</a>' in content
    assert "1 von 2 Mitgliedern hat zugestimmt" in content
    assert member.get_full_name() in content
    # The module's title follows the language of the page.
    english = client.get(f"/en{url}").content.decode()
    assert 'href="/en/lernen/module/foerdermittel/">Fördermittel beantragen</a>' in english


def _queries_of(client: Any, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # fills the caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_learning_queries_do_not_grow_with_modules_and_answers(
    client_for: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from vamos.learning import services

    from .conftest import resolve

    def learn(count: int, start: int) -> None:
        for number in range(start, start + count):
            factories.module(
                slug=f"modul-{number}",
                title=f"Modul {number:02d}",
                lessons=[[factories.text(), factories.transfer()]],
            )
            module = resolve(member, slug=f"modul-{number}")
            lesson = module.lessons[0]
            services.lesson_visit(user=member, module=module, lesson=lesson)
            services.transfer_answer_save(
                user=member,
                module=module,
                lesson=lesson,
                block=lesson.page.blocks_of("transfer_task")[0],
                answer="Mein Plan",
                share_with=None,
            )

    client = client_for(member)
    learn(2, 0)
    small = _queries_of(client, "/lernen/mein-lernen/")
    with django_capture_on_commit_callbacks(execute=True):
        learn(12, 2)
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Modul 13" in content and "Seite 1 von 2" in content  # most recent first
    assert _queries_of(client, "/lernen/mein-lernen/") == small
    assert small <= 5  # session, person, data versions, the learner's stamp


def test_my_learning_shows_a_renamed_module_at_once(
    client_for: Any, member: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    client.get("/lernen/module/foerdermittel/lektion-1/")
    assert "Fördermittel beantragen</a>" in client.get("/lernen/mein-lernen/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = course["module"]
        page.title = "Fördermittel einwerben"
        page.save_revision().publish()
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Fördermittel einwerben</a>" in content


# --- The learner's own pages follow their progress at once ------------------------------------


def _visit(member: Any, slug: str, number: int = 0) -> None:
    """A lesson visit as another web process records it: no data version is renewed here
    (the test transaction never commits), so only the learner's stamp tells the pages."""
    from vamos.learning import services

    from .conftest import resolve

    module = resolve(member, slug=slug)
    services.lesson_visit(user=member, module=module, lesson=module.lessons[number])


def test_my_learning_and_the_catalogue_follow_the_learners_own_progress(
    client_for: Any, member: Any, course: dict
) -> None:
    factories.module(slug="vereinsrecht", title="Vereinsrecht", lessons=[[factories.text()]] * 2)
    client = client_for(member)
    _visit(member, "foerdermittel")
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Weiter: Fördermittel beantragen – Lektion 2 (Fördermittel beantragen)" in content
    assert "Begonnene Module: 1" in content
    catalogue = client.get("/lernen/").content.decode()
    assert catalogue.count("In Bearbeitung (50 %)") == 1

    _visit(member, "vereinsrecht")
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Weiter: Vereinsrecht – Lektion 2 (Vereinsrecht)" in content
    assert "Begonnene Module: 2" in content
    assert content.index("Vereinsrecht</a>") < content.index("Fördermittel beantragen</a>")
    catalogue = client.get("/lernen/").content.decode()
    assert catalogue.count("In Bearbeitung (50 %)") == 2
    assert "Weiter: Vereinsrecht – Lektion 2" in catalogue

    # Back to the first module a while later, a visit that only moves the time stamps.
    earlier = timezone.now() - timezone.timedelta(minutes=5)
    LessonProgress.objects.filter(user=member).update(last_visited_at=earlier)
    ModuleProgress.objects.filter(user=member, module_key=course["module"].translation_key).update(
        last_activity_at=earlier
    )
    _visit(member, "foerdermittel")
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Weiter: Fördermittel beantragen – Lektion 2 (Fördermittel beantragen)" in content
    assert content.index("Fördermittel beantragen</a>") < content.index("Vereinsrecht</a>")

    _visit(member, "vereinsrecht", 1)
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Abgeschlossen" in content and "Zertifikate: 1" in content
    assert "Vereinsrecht</a> – ausgestellt am" in content


def test_my_learning_shows_withdrawn_certificates_answers_and_sharing_at_once(
    client_for: Any,
    member: Any,
    org_a: Any,
    course: dict,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from vamos.learning import services

    factories.module(slug="vereinsrecht", title="Vereinsrecht", lessons=[[factories.text()]])
    _visit(member, "vereinsrecht")
    client = client_for(member)
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Zertifikate: 1" in content and "nur Gesamtzahlen" in content
    with django_capture_on_commit_callbacks(execute=True):
        services.certificates_withdraw(user=member)
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Zertifikate: 0" in content and "ausgestellt am" not in content

    prefix = f"transfer-{course['transfer']['id']}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{LESSON_2}transferaufgabe/{course['transfer']['id']}/",
            {f"{prefix}-answer": "Unser Plan für 2027"},
        )
        client.post("/lernen/mein-lernen/freigabe/", {"organisation": org_a.pk, "share": "1"})
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Unser Plan für 2027" in content
    assert "Details nicht mehr teilen" in content and "nur Gesamtzahlen" not in content


# Wagtail draws a rendition into a SpooledTemporaryFile it never closes (wagtail.images.models,
# generate_rendition_file); the warning comes when the garbage collector meets it.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_catalogue_covers_come_from_the_cache_and_follow_a_new_image(
    client_for: Any, member: Any, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    import io

    from django.core.files.base import ContentFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    def png() -> ContentFile:
        buffer = io.BytesIO()
        PillowImage.new("RGB", (960, 540), (200, 30, 30)).save(buffer, "PNG")
        return ContentFile(buffer.getvalue(), name="titelbild.png")

    module = factories.module()
    image = Image.objects.create(title="Titelbild", file=png(), width=960, height=540)
    module.cover_image = image
    module.save_revision().publish()
    client = client_for(member)
    content = client.get("/lernen/").content.decode()
    found = re.search(r'<img alt="" class="learning-card__image" src="([^"]+)"', content)
    assert found and "fill-480x270" in found.group(1)
    assert 'width="480" height="270"' in content
    with django_capture_on_commit_callbacks(execute=True):
        image.file = png()
        image.save()
        image.renditions.all().delete()
    content = client.get("/lernen/").content.decode()
    renewed = re.search(r'<img alt="" class="learning-card__image" src="([^"]+)"', content)
    assert renewed and renewed.group(1) != found.group(1)


def test_learning_ends_when_the_organisation_leaves(
    client_for: Any,
    member: Any,
    org_a: Any,
    team_admin: Any,
    course: dict,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from vamos.organisations import services as organisations

    client = client_for(member)
    assert client.get("/lernen/module/foerdermittel/lektion-1/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        organisations.organisation_status_set(organisation=org_a, status="left", actor=team_admin)
    assert client.get("/lernen/module/foerdermittel/lektion-1/").status_code in (403, 404)
    content = client.get("/lernen/mein-lernen/").content.decode()
    assert "Lernen können Haupt- und Ehrenamtliche angemeldeter Organisationen" in content
