"""What the learning area stores about a person, and how it is erased.

Erasing keeps the counts (lessons and modules completed, quiz scores) on the anonymised
account, so organisation and programme figures stay true; it deletes what the person wrote
(transfer-task answers), their checklists and sharing choices, and withdraws certificates.
"""

from typing import Any

from .models import (
    Certificate,
    LessonProgress,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    VideoProgress,
)
from .services import certificates_withdraw


def _time(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_learning(user: Any) -> dict[str, Any]:
    return {
        "modules": [
            {
                "module": str(record.module_key),
                "started": _time(record.started_at),
                "last_activity": _time(record.last_activity_at),
                "lessons_completed": record.lessons_completed,
                "lessons": record.lessons_total,
                "completed": _time(record.completed_at),
            }
            for record in ModuleProgress.objects.filter(user=user)
        ],
        "lessons": [
            {
                "lesson": str(record.lesson_key),
                "module": str(record.module_key),
                "started": _time(record.started_at),
                "last_visited": _time(record.last_visited_at),
                "completed": _time(record.completed_at),
                "checklists": record.checklists,
            }
            for record in LessonProgress.objects.filter(user=user)
        ],
        "quiz_attempts": [
            {
                "lesson": str(attempt.lesson_key),
                "quiz": attempt.block_id,
                "time": _time(attempt.created_at),
                "answers": attempt.answers,
                "correct": attempt.correct,
                "questions": attempt.questions,
                "passed": attempt.passed,
            }
            for attempt in QuizAttempt.objects.filter(user=user)
        ],
        "videos": [
            {
                "video": record.video.title_de,
                "position_seconds": round(record.position_seconds),
                "watched_to_the_end": _time(record.watched_at),
            }
            for record in VideoProgress.objects.filter(user=user).select_related("video")
        ],
        "transfer_task_answers": [
            {
                "module": answer.module_title,
                "lesson": answer.lesson_title,
                "task": answer.prompt,
                "answer": answer.answer,
                "shared_with_coach_of": answer.shared_with.name if answer.shared_with else None,
                "updated": _time(answer.updated_at),
            }
            for answer in TransferAnswer.objects.filter(user=user).select_related("shared_with")
        ],
        "certificates": [
            {
                "code": certificate.code,
                "module": certificate.module_title,
                "issued": _time(certificate.issued_at),
                "name": certificate.learner_name,
                "organisation": certificate.organisation_name,
                "withdrawn": _time(certificate.withdrawn_at),
            }
            for certificate in Certificate.objects.filter(user=user)
        ],
        "sharing_with_organisations": [
            {"organisation": consent.organisation.name, "since": _time(consent.given_at)}
            for consent in SharingConsent.objects.filter(user=user).select_related("organisation")
        ],
    }


def erase_learning(user: Any) -> None:
    TransferAnswer.objects.filter(user=user).delete()
    SharingConsent.objects.filter(user=user).delete()
    VideoProgress.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).update(checklists={})
    QuizAttempt.objects.filter(user=user).update(answers={})
    certificates_withdraw(user=user)
