"""Authoring in the back office: video uploads are checked by content, broken captions are
reported with their line, publishing without captions warns, drafts are previewed."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vamos.learning.models import LessonPage, LessonProgress, Video

from . import factories

pytestmark = pytest.mark.django_db

WEBM = (factories.MEDIA / "foerdermittel-finden.webm").read_bytes()
VTT = (factories.MEDIA / "foerdermittel-finden.de.vtt").read_bytes()


def _form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title_de": "Fördermittel finden",
        "title_en": "",
        "slug": "neues-video",
        "language": "de",
        "description_de": "",
        "description_en": "",
        "external_url": "",
        "duration_seconds": "",
        "transcript_de": "",
        "transcript_en": "",
        "captions-TOTAL_FORMS": "1",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        "captions-0-language": "de",
        "captions-0-ORDER": "1",
        "captions-0-id": "",
        "chapters-TOTAL_FORMS": "0",
        "chapters-INITIAL_FORMS": "0",
        "chapters-MIN_NUM_FORMS": "0",
        "chapters-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def _files(video: bytes = WEBM, captions: bytes = VTT) -> dict[str, Any]:
    return {
        "file": SimpleUploadedFile("clip.webm", video),
        "captions-0-file": SimpleUploadedFile("de.vtt", captions),
    }


def _post(client: Any, data: dict[str, Any], files: dict[str, Any], **extra: Any) -> Any:
    url = reverse(Video.snippet_viewset.get_url_name("add"))
    return client.post(url, {**data, **files, **extra})


def test_editor_uploads_and_publishes_a_captioned_video(client_for: Any, editor: Any) -> None:
    client = client_for(editor)
    response = _post(client, _form_data(), _files(), **{"action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(slug="neues-video")
    assert video.live
    assert video.duration_seconds == 15  # read from the file
    caption = video.captions.get().file
    with caption.storage.open(caption.name, "rb") as file:
        assert file.read().startswith(b"WEBVTT")
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == []


def test_publishing_without_captions_warns_the_editor(client_for: Any, editor: Any) -> None:
    data = _form_data(**{"captions-TOTAL_FORMS": "0"})
    response = _post(
        client_for(editor),
        data,
        {"file": SimpleUploadedFile("clip.webm", WEBM)},
        **{"action-publish": "publish"},
    )
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("ohne Untertitel veröffentlicht" in warning for warning in warnings)


def test_a_file_that_is_not_a_video_is_rejected(client_for: Any, editor: Any) -> None:
    response = _post(
        client_for(editor), _form_data(), _files(video=b"%PDF-1.7 kein Video" + bytes(100))
    )
    assert response.status_code == 200
    assert "Diese Datei ist kein MP4- oder WebM-Video" in response.content.decode()
    assert not Video.objects.exists()


def test_a_broken_caption_file_is_rejected_with_its_line(client_for: Any, editor: Any) -> None:
    broken = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nHallo\n"
    response = _post(client_for(editor), _form_data(), _files(captions=broken))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 4:" in content and "00:00:0x.000" in content
    assert not Video.objects.exists()


def test_two_caption_files_for_one_language_are_rejected(client_for: Any, editor: Any) -> None:
    data = _form_data(
        **{
            "captions-TOTAL_FORMS": "2",
            "captions-1-language": "de",
            "captions-1-ORDER": "2",
            "captions-1-id": "",
        }
    )
    files = {**_files(), "captions-1-file": SimpleUploadedFile("de2.vtt", VTT)}
    response = _post(client_for(editor), data, files)
    assert "Für diese Sprache gibt es schon eine Untertiteldatei." in response.content.decode()


def test_external_video_must_be_youtube_or_vimeo(client_for: Any, editor: Any) -> None:
    data = _form_data(external_url="https://example.org/film.mp4", **{"captions-TOTAL_FORMS": "0"})
    response = _post(client_for(editor), data, {})
    assert "Eingebettet werden können nur Adressen von YouTube und Vimeo" in (
        response.content.decode()
    )


def test_members_cannot_reach_the_video_admin(client_for: Any, member: Any) -> None:
    url = reverse(Video.snippet_viewset.get_url_name("list"))
    response = client_for(member).get(url)
    assert response.status_code in (302, 403)


def test_editing_a_published_video_keeps_uploaded_files_of_the_draft(
    client_for: Any, editor: Any
) -> None:
    """Drafts of a live video are revisions; their new files must exist in storage."""
    client = client_for(editor)
    _post(client, _form_data(), _files(), **{"action-publish": "publish"})
    video = Video.objects.get()
    url = reverse(Video.snippet_viewset.get_url_name("edit"), args=[video.pk])
    caption = video.captions.get()
    data = _form_data(
        **{
            "captions-TOTAL_FORMS": "2",
            "captions-INITIAL_FORMS": "1",
            "captions-0-id": str(caption.pk),
            "captions-1-language": "en",
            "captions-1-ORDER": "2",
            "captions-1-id": "",
        }
    )
    english = (factories.MEDIA / "foerdermittel-finden.en.vtt").read_bytes()
    response = client.post(url, {**data, "captions-1-file": SimpleUploadedFile("en.vtt", english)})
    assert response.status_code == 302
    draft = Video.objects.get().latest_revision.as_object()
    [new_caption] = [c for c in draft.captions.all() if c.language == "en"]
    assert new_caption.file.storage.exists(new_caption.file.name)


def test_lesson_preview_renders_the_draft(course: dict) -> None:
    lesson = LessonPage.objects.get(slug="lektion-2")
    lesson.title = "Entwurf der zweiten Lektion"  # not saved: the preview shows the draft
    response = lesson.make_preview_request()
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vorschau: Antworten werden hier nicht gespeichert." in content
    assert "Entwurf der zweiten Lektion" in content
    assert "Welche Mittel sind frei verwendbar?" in content
    assert not LessonProgress.objects.exists()


def test_module_and_path_previews_render(course: dict) -> None:
    module = course["module"]
    assert "Vorschau" in module.make_preview_request().content.decode()
    path = factories.path(modules=[module])
    assert "Fördermittel beantragen" in path.make_preview_request().content.decode()


def test_translating_a_module_keeps_block_ids_and_progress(course: dict, member: Any) -> None:
    """Wagtail's "Translate" copies pages into the English tree; quizzes keep their ids, so a
    quiz passed in German counts for the English version too."""
    from django.utils import translation
    from wagtail.models import Locale

    from vamos.learning import selectors, services

    from .conftest import correct_answers, resolve

    english = Locale.objects.get_or_create(language_code="en")[0]
    module = course["module"]
    copy = module.copy_for_translation(english, copy_parents=True)
    copy.title = "Applying for funding"
    copy.save_revision().publish()
    for lesson in LessonPage.objects.child_of(module):
        translated = lesson.copy_for_translation(english)
        translated.save_revision().publish()

    german = resolve(member)
    lesson = german.lessons[1]
    services.quiz_submit(
        user=member,
        module=german,
        lesson=lesson,
        block=lesson.page.blocks_of("quiz")[0],
        answers=correct_answers(course["quiz"]),
    )
    shown = resolve(member, language="en")
    assert shown.page.title == "Applying for funding"
    assert shown.lessons[1].page.locale.language_code == "en"
    english_quiz = shown.lessons[1].page.blocks_of("quiz")[0]
    with translation.override("en"):
        assert english_quiz.id in selectors.quizzes_passed(user=member, lesson_key=lesson.key)


def test_video_preview_renders(editor: Any) -> None:
    video = factories.video()
    video.title_de = "Noch nicht gespeichert"
    response = video.make_preview_request()
    assert response.status_code == 200
    assert "Noch nicht gespeichert" in response.content.decode()
