"""Learning content for tests: a library with modules and lessons (real Wagtail pages) and
videos with real media files (the demo clips)."""

import uuid
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from wagtail.models import Locale, Page

from vamos.core.models import TopicField
from vamos.learning.models import (
    LearningLibraryPage,
    LearningPathModule,
    LearningPathPage,
    LessonPage,
    ModulePage,
    Video,
    VideoCaption,
)

MEDIA = Path(__file__).resolve().parents[1] / "demo_media"


def _id() -> str:
    return str(uuid.uuid4())


def text(html: str = "<p>Ein Absatz.</p>") -> dict[str, Any]:
    return {"type": "text", "value": html, "id": _id()}


def quiz(*questions: tuple[str, str, list[tuple[str, bool]]], pass_mark: int = 100) -> dict:
    """``quiz(("Frage?", "single", [("richtig", True), ("falsch", False)]))``."""
    return {
        "type": "quiz",
        "id": _id(),
        "value": {
            "title": "Quiz",
            "intro": "",
            "pass_mark": pass_mark,
            "questions": [
                {
                    "type": "item",
                    "id": _id(),
                    "value": {
                        "question": question,
                        "kind": kind,
                        "answers": [
                            {
                                "type": "item",
                                "id": _id(),
                                "value": {
                                    "text": answer,
                                    "correct": correct,
                                    "feedback": f"Feedback zu {answer}",
                                },
                            }
                            for answer, correct in answers
                        ],
                    },
                }
                for question, kind, answers in questions
            ],
        },
    }


def single_quiz() -> dict[str, Any]:
    return quiz(("Was ist richtig?", "single", [("Richtig", True), ("Falsch", False)]))


def transfer(prompt: str = "Wie wenden Sie das an?") -> dict[str, Any]:
    return {"type": "transfer_task", "id": _id(), "value": {"prompt": prompt, "hint": ""}}


def checklist(*items: str) -> dict[str, Any]:
    return {
        "type": "checklist",
        "id": _id(),
        "value": {
            "title": "Checkliste",
            "items": [{"type": "item", "value": item, "id": _id()} for item in items],
        },
    }


def video_block(video: Video) -> dict[str, Any]:
    return {"type": "video", "id": _id(), "value": {"video": video.pk, "note": ""}}


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def library(code: str = "de") -> LearningLibraryPage:
    existing = LearningLibraryPage.objects.filter(locale__language_code=code).first()
    if existing is not None:
        return existing
    german = LearningLibraryPage.objects.filter(locale__language_code="de").first()
    page = LearningLibraryPage(
        title="Lernbibliothek" if code == "de" else "Learning library",
        slug="lernbibliothek" if code == "de" else "learning-library",
        locale=locale(code),
        intro="Lernen in Ihrem Tempo.",
        **({"translation_key": german.translation_key} if german and code != "de" else {}),
    )
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    return page


def module(
    *,
    slug: str = "foerdermittel",
    title: str = "Fördermittel beantragen",
    lessons: list[list[dict[str, Any]]] | None = None,
    topic: str = "finanzierung",
    code: str = "de",
    translation_of: ModulePage | None = None,
    duration: int = 45,
    live: bool = True,
) -> ModulePage:
    """A published module with one lesson per entry of ``lessons`` (each a list of blocks)."""
    parent = library(code)
    page = ModulePage(
        title=title,
        slug=slug,
        locale=parent.locale,
        summary=f"Zusammenfassung von {title}",
        duration_minutes=duration,
        objectives="Ziel eins\nZiel zwei",
        **({"translation_key": translation_of.translation_key} if translation_of else {}),
    )
    page.topic_fields = list(TopicField.objects.filter(slug=topic))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save()
    german_lessons = (
        list(LessonPage.objects.child_of(translation_of).order_by("path")) if translation_of else []
    )
    for index, body in enumerate(lessons if lessons is not None else [[text()]]):
        lesson = LessonPage(
            title=f"{title} – Lektion {index + 1}",
            slug=f"lektion-{index + 1}",
            locale=parent.locale,
            body=body,
            duration_minutes=10,
            **(
                {"translation_key": german_lessons[index].translation_key}
                if index < len(german_lessons)
                else {}
            ),
        )
        page.add_child(instance=lesson)
        lesson.save_revision().publish()
    return ModulePage.objects.get(pk=page.pk)


def path(
    *, slug: str = "lernpfad", modules: list[ModulePage], code: str = "de"
) -> LearningPathPage:
    parent = library(code)
    page = LearningPathPage(
        title="Lernpfad Finanzierung", slug=slug, locale=parent.locale, intro="Für Einsteiger."
    )
    page.path_modules = [
        LearningPathModule(module=module_page, sort_order=n)
        for n, module_page in enumerate(modules)
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def video(
    *,
    slug: str = "foerdermittel-finden",
    captions: tuple[str, ...] = ("de", "en"),
    external_url: str = "",
    live: bool = True,
) -> Video:
    item = Video(
        slug=slug,
        title_de="Fördermittel finden",
        title_en="Finding funding",
        description_de="Drei Quellen.",
        transcript_de="Es gibt drei große Quellen.",
        external_url=external_url,
        duration_seconds=15,
        live=live,
    )
    if not external_url:
        item.file.save(
            f"{slug}.webm",
            ContentFile((MEDIA / "foerdermittel-finden.webm").read_bytes()),
            save=False,
        )
    item.save()
    item.topic_fields.set(TopicField.objects.filter(slug="finanzierung"))
    for code in captions:
        caption = VideoCaption(video=item, language=code)
        content = (MEDIA / f"foerdermittel-finden.{code}.vtt").read_bytes()
        caption.file.save(f"{slug}.{code}.vtt", ContentFile(content), save=False)
        caption.save()
    return item
