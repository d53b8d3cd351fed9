from typing import Any

import pytest
from django.test import RequestFactory
from django.utils import translation

from vamos.learning import selectors

from . import factories


@pytest.fixture
def course(db: Any) -> dict[str, Any]:
    """A module of two lessons: a text (completed by visiting) and one with a quiz,
    a checklist and a transfer task."""
    quiz = factories.quiz(
        (
            "Welche Mittel sind frei verwendbar?",
            "single",
            [("Spenden", True), ("Zuschüsse", False)],
        ),
        (
            "Was zählt als Eigenanteil?",
            "multiple",
            [("Eigenmittel", True), ("Ehrenamt", True), ("Fördermittel", False)],
        ),
        pass_mark=100,
    )
    checklist = factories.checklist("Frist notiert", "Belege gesammelt")
    transfer = factories.transfer()
    module = factories.module(
        lessons=[[factories.text()], [factories.text(), quiz, checklist, transfer]]
    )
    return {"module": module, "quiz": quiz, "checklist": checklist, "transfer": transfer}


def resolve(user: Any, slug: str = "foerdermittel", language: str = "de") -> Any:
    with translation.override(language):
        return selectors.module_resolve(user=user, slug=slug)


def correct_answers(quiz: dict[str, Any]) -> dict[str, list[str]]:
    return {
        question["id"]: [a["id"] for a in question["value"]["answers"] if a["value"]["correct"]]
        for question in quiz["value"]["questions"]
    }


def wrong_answers(quiz: dict[str, Any]) -> dict[str, list[str]]:
    return {
        question["id"]: [
            next(a["id"] for a in question["value"]["answers"] if not a["value"]["correct"])
        ]
        for question in quiz["value"]["questions"]
    }


@pytest.fixture
def rf() -> RequestFactory:
    return RequestFactory()


@pytest.fixture
def english() -> Any:
    """Messages of services and validators in English (the msgids) for readable assertions."""
    with translation.override("en"):
        yield
