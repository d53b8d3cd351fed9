"""What the learning area exports and erases for "download my data" / "delete my account"."""

import json
from typing import Any

import pytest
from django.utils import timezone

from vamos.accounts.services import user_data_export, user_delete
from vamos.learning import services
from vamos.learning.models import (
    Certificate,
    LessonProgress,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    VideoProgress,
)

from . import factories
from .conftest import correct_answers, resolve

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(course: dict, member: Any, org_a: Any) -> Any:
    module = resolve(member)
    services.lesson_visit(user=member, module=module, lesson=module.lessons[0])
    lesson = module.lessons[1]
    services.quiz_submit(
        user=member,
        module=module,
        lesson=lesson,
        block=lesson.page.blocks_of("quiz")[0],
        answers=correct_answers(course["quiz"]),
    )
    services.transfer_answer_save(
        user=member,
        module=module,
        lesson=lesson,
        block=lesson.page.blocks_of("transfer_task")[0],
        answer="Wir laden die Jugendgruppen ein.",
        share_with=org_a,
    )
    services.video_position_save(user=member, video=factories.video(), position="5")
    services.sharing_consent_set(user=member, organisation=org_a, share=True)
    return member


def test_export_contains_everything_learning_keeps(history: Any) -> None:
    data = user_data_export(user=history)["learning"]
    json.dumps(data)  # JSON-ready
    assert data["modules"][0]["completed"] is not None
    assert len(data["lessons"]) == 2
    assert data["quiz_attempts"][0]["passed"] is True
    assert data["videos"][0]["position_seconds"] == 5
    assert data["transfer_task_answers"][0]["answer"] == "Wir laden die Jugendgruppen ein."
    assert data["transfer_task_answers"][0]["shared_with_coach_of"] == "Landesverband A"
    assert data["certificates"][0]["module"] == "Fördermittel beantragen"
    assert data["sharing_with_organisations"][0]["organisation"] == "Landesverband A"


def test_erasing_keeps_counts_but_removes_what_identifies(history: Any) -> None:
    certificate = Certificate.objects.get(user=history)
    user_delete(user=history)
    # Counts survive on the anonymised account …
    assert ModuleProgress.objects.get(user=history).completed_at is not None
    assert LessonProgress.objects.filter(user=history).count() == 2
    assert QuizAttempt.objects.filter(user=history).count() == 1
    # … what the person wrote, chose or is named in does not.
    assert not TransferAnswer.objects.exists()
    assert not SharingConsent.objects.exists()
    assert not VideoProgress.objects.exists()
    assert QuizAttempt.objects.get().answers == {}
    certificate.refresh_from_db()
    assert certificate.learner_name == "" and certificate.withdrawn_at is not None
    assert certificate.withdrawn_at <= timezone.now()
