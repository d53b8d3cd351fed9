"""The catalogue's cache: what it shows follows every change of the content at once, the
learner's own progress is never cached, and a page's queries do not grow with the content."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vamos.core.models import TopicField
from vamos.learning import services
from vamos.learning.models import VideoCaption

from . import factories
from .conftest import resolve

pytestmark = pytest.mark.django_db


def _titles(client: Any, **query: str) -> list[str]:
    content = client.get("/lernen/", query).content.decode()
    return re.findall(
        r'<h2 class="kern-title"><a class="kern-link" href="[^"]+">([^<]+)</a>', content
    )


def test_a_published_module_appears_at_once(
    client: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    assert _titles(client) == ["Fördermittel beantragen"]
    with django_capture_on_commit_callbacks(execute=True):
        factories.module(slug="projekt", title="Projekte planen", topic="projektmanagement")
    assert _titles(client) == ["Fördermittel beantragen", "Projekte planen"]
    assert _titles(client, thema="projektmanagement") == ["Projekte planen"]


def test_an_unpublished_module_disappears_at_once(
    client: Any, course: dict, django_capture_on_commit_callbacks: Any
) -> None:
    assert _titles(client, format="module") == ["Fördermittel beantragen"]
    with django_capture_on_commit_callbacks(execute=True):
        course["module"].unpublish()
    assert _titles(client, format="module") == []


def test_changed_videos_captions_and_topic_fields_show_at_once(
    client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    video = factories.video(captions=("de",))
    content = client.get("/lernen/", {"format": "video"}).content.decode()
    assert "Fördermittel finden" in content and "<dd>Deutsch</dd>" in content
    assert '<option value="finanzierung">Finanzierung</option>' in content
    with django_capture_on_commit_callbacks(execute=True):
        video.title_de = "Fördermittel suchen"
        video.save()
        VideoCaption.objects.create(video=video, language="en", file="learning/x.en.vtt")
        topic = TopicField.objects.get(slug="finanzierung")
        topic.name_de = "Finanzen"
        topic.save()
    content = client.get("/lernen/", {"format": "video"}).content.decode()
    assert "Fördermittel suchen" in content and "<dd>Deutsch, Englisch</dd>" in content
    # The card's topic field and the filter's option (a cached form) both follow.
    assert '<span class="kern-label kern-label--small">Finanzen</span>' in content
    assert '<option value="finanzierung">Finanzen</option>' in content


def test_english_catalogue_is_cached_apart_from_the_german_one(client: Any, course: dict) -> None:
    factories.module(
        slug="funding-en", title="Applying for funding", code="en", translation_of=course["module"]
    )
    assert _titles(client) == ["Fördermittel beantragen"]
    content = client.get("/en/lernen/").content.decode()
    assert "Applying for funding" in content and 'href="/en/lernen/module/funding-en/"' in content
    assert "All topic fields" in content


def test_progress_on_the_cards_is_the_learners_own(
    client_for: Any,
    member: Any,
    other_member: Any,
    course: dict,
    django_capture_on_commit_callbacks: Any,
) -> None:
    factories.path(modules=[course["module"]])
    mine = client_for(member)
    theirs = client_for(other_member)
    assert "In Bearbeitung" not in mine.get("/lernen/").content.decode()
    assert "In Bearbeitung" not in theirs.get("/lernen/").content.decode()
    module = resolve(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    content = mine.get("/lernen/").content.decode()
    assert "In Bearbeitung (50 %)" in content  # the module: one of two lessons
    assert "In Bearbeitung (0 %)" in content  # its path: none of its modules completed
    assert "In Bearbeitung" not in theirs.get("/lernen/").content.decode()


def test_a_page_number_out_of_range_shows_the_last_page(client: Any, db: Any) -> None:
    for number in range(14):
        factories.module(slug=f"modul-{number}", title=f"Modul {number:02d}")
    for page in ("99", "0", "x"):
        content = client.get("/lernen/", {"seite": page}).content.decode()
        expected = "Seite 1 von 2" if page == "x" else "Seite 2 von 2"
        assert expected in content


def _catalogue_queries(client: Any) -> int:
    client.get("/lernen/")  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/lernen/").status_code == 200
    return len(queries)


def test_catalogue_queries_do_not_grow_with_the_content(
    client_for: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    modules = [factories.module(slug=f"modul-{n}", title=f"Modul {n}") for n in range(2)]
    factories.video(slug="video-0")
    factories.path(modules=modules)
    module = resolve(member, slug="modul-0")
    services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    small = _catalogue_queries(client)
    with django_capture_on_commit_callbacks(execute=True):
        more = [factories.module(slug=f"mehr-{n}", title=f"Mehr {n}") for n in range(14)]
        for n in range(1, 6):
            factories.video(slug=f"video-{n}")
        factories.path(slug="lernpfad-2", modules=more)
    # The first page now shows no video, so the videos' progress is not even asked for.
    assert _catalogue_queries(client) <= small
    assert small <= 20
