"""Writes of the learning area: progress, quiz attempts, answers, certificates, consent.

Progress writes are idempotent (one row per learner and lesson, module or video, updated in
place) and always for the signed-in learner and a lesson the views fetched through the
permission helpers, so they cannot be forged for someone else or for a hidden lesson.

Completion rules: a lesson is completed when it has been visited and every quiz in it is
passed; a module when all of its lessons are completed. Completing a module issues the
certificate and emails the learner.
"""

import datetime
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vamos.core import versions
from vamos.core.services import audit_log, email_queue
from vamos.organisations.models import Membership, Organisation

from .blocks import QuestionBlock, list_items
from .models import (
    Certificate,
    LessonProgress,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    Video,
    VideoProgress,
)
from .selectors import LessonView, ModuleView, quizzes_passed

ANSWER_MAX_LENGTH = 5000
MAX_VIDEO_SECONDS = 24 * 3600


# --- Lessons and modules ---------------------------------------------------------------------


def _lesson_progress(*, user: Any, module: ModuleView, lesson: LessonView) -> LessonProgress:
    now = timezone.now()
    progress, created = LessonProgress.objects.get_or_create(
        user=user,
        lesson_key=lesson.key,
        defaults={"module_key": module.key, "last_visited_at": now},
    )
    if not created:
        progress.last_visited_at = now
        progress.save(update_fields=["last_visited_at"])
    lesson.progress = progress
    return progress


def _complete_lesson_if_done(
    *, user: Any, lesson: LessonView, progress: LessonProgress, passed: set[str] | None = None
) -> bool:
    """Complete the lesson if every quiz in it is passed (``passed``: the quizzes the caller
    has just read as passed); whether it was completed now."""
    if progress.completed_at is not None:
        return False
    required = {block.id for block in lesson.page.blocks_of("quiz")}
    if required and passed is None:
        passed = quizzes_passed(user=user, lesson_key=lesson.key)
    if required and not required <= (passed or set()):
        return False
    progress.completed_at = timezone.now()
    progress.save(update_fields=["completed_at"])
    return True


def _module_progress_is_current(module: ModuleView) -> bool:
    """Whether the learner's module record (read with the lessons' progress) already counts
    what the lessons' progress says."""
    record = module.progress
    if record is None:
        return False
    total = len(module.lessons)
    return (
        record.lessons_total == total
        and record.lessons_completed == min(module.completed_count, total)
        and (record.completed_at is not None or not module.is_complete)
    )


# A visit's time stamps are recorded to the minute: reloading a lesson within a minute of
# the recorded visit writes nothing (no transaction, no write lock).
VISIT_STAMP_EVERY = datetime.timedelta(minutes=1)


def lesson_visit(
    *,
    user: Any,
    module: ModuleView,
    lesson: LessonView,
    passed_quizzes: set[str] | None = None,
) -> LessonProgress:
    """The learner opened a lesson: it is started (and completed if it has no open quiz).

    A repeated visit of a lesson whose progress the view has just read changes only the
    visit's time stamps (two updates), and nothing within a minute of the last one; the
    module is counted again only when something it counts has changed."""
    if _visit_changes_nothing(user=user, module=module, lesson=lesson, passed=passed_quizzes):
        return lesson.progress  # type: ignore[return-value]
    return _lesson_visit_record(
        user=user, module=module, lesson=lesson, passed_quizzes=passed_quizzes
    )


def _visit_changes_nothing(
    *, user: Any, module: ModuleView, lesson: LessonView, passed: set[str] | None
) -> bool:
    """A reload within a minute of the recorded visit that completes nothing."""
    progress, record = lesson.progress, module.progress
    if (
        progress is None
        or record is None
        or progress.user_id != user.pk
        or progress.lesson_key != lesson.key
        or record.last_lesson_key != lesson.key
    ):
        return False
    now = timezone.now()
    recent = now - progress.last_visited_at < VISIT_STAMP_EVERY
    if not recent or now - record.last_activity_at >= VISIT_STAMP_EVERY:
        return False
    if not _module_progress_is_current(module):
        return False
    if progress.completed_at is not None:
        return True
    # Not completed yet: only a lesson with a quiz still open stays so on this visit.
    required = {block.id for block in lesson.page.blocks_of("quiz")}
    return bool(required) and passed is not None and not required <= passed


@transaction.atomic
def _lesson_visit_record(
    *,
    user: Any,
    module: ModuleView,
    lesson: LessonView,
    passed_quizzes: set[str] | None = None,
) -> LessonProgress:
    progress = lesson.progress
    if progress is None or progress.user_id != user.pk or progress.lesson_key != lesson.key:
        progress = _lesson_progress(user=user, module=module, lesson=lesson)
    else:
        progress.last_visited_at = timezone.now()
        LessonProgress.objects.filter(pk=progress.pk).update(
            last_visited_at=progress.last_visited_at
        )
    completed_now = _complete_lesson_if_done(
        user=user, lesson=lesson, progress=progress, passed=passed_quizzes
    )
    record = module.progress
    if completed_now or record is None or not _module_progress_is_current(module):
        module_progress_update(user=user, module=module, last_lesson=lesson)
    else:
        # Only the time stamps: no cached result depends on them (VERSION_IGNORED_FIELDS).
        record.last_activity_at = timezone.now()
        record.last_lesson_key = lesson.key
        ModuleProgress.objects.filter(pk=record.pk).update(
            last_activity_at=record.last_activity_at, last_lesson_key=lesson.key
        )
    return progress


@transaction.atomic
def module_progress_update(
    *, user: Any, module: ModuleView, last_lesson: LessonView | None = None
) -> ModuleProgress:
    """Roll the learner's lessons up into the module; issue the certificate on completion."""
    now = timezone.now()
    keys = [lesson.key for lesson in module.lessons]
    completed = LessonProgress.objects.filter(
        user=user, lesson_key__in=keys, completed_at__isnull=False
    ).count()
    record, _created = ModuleProgress.objects.get_or_create(
        user=user,
        module_key=module.key,
        defaults={"last_activity_at": now, "lessons_total": len(keys)},
    )
    counts = (record.lessons_total, record.lessons_completed, record.completed_at)
    record.last_activity_at = now
    record.lessons_total = len(keys)
    record.lessons_completed = min(completed, len(keys))
    if last_lesson is not None:
        record.last_lesson_key = last_lesson.key
    newly_completed = bool(keys) and completed >= len(keys) and record.completed_at is None
    if newly_completed:
        record.completed_at = now
    fields = ["last_activity_at", "last_lesson_key"]
    if (record.lessons_total, record.lessons_completed, record.completed_at) != counts:
        # Only a change of the counts gives cached figures a new data version.
        fields += ["lessons_total", "lessons_completed", "completed_at"]
    record.save(update_fields=fields)
    module.progress = record
    if newly_completed:
        certificate_issue(user=user, module=module)
    return record


# --- Quizzes ---------------------------------------------------------------------------------


def quiz_grade(block_value: Any, answers: dict[str, list[str]]) -> dict[str, bool]:
    """Question id → answered correctly. ``ValidationError`` keyed by question id for
    questions without an answer, with an unknown answer, or with two single-choice answers."""
    errors: dict[str, str] = {}
    results: dict[str, bool] = {}
    for question_id, question in list_items(block_value["questions"]):
        options = dict(list_items(question["answers"]))
        chosen = answers.get(question_id, [])
        if not chosen:
            errors[question_id] = _("Please choose an answer.")
        elif any(answer not in options for answer in chosen):
            errors[question_id] = _("This answer does not belong to the question.")
        elif question["kind"] == QuestionBlock.SINGLE and len(chosen) > 1:
            errors[question_id] = _("Please choose only one answer.")
        else:
            correct = {key for key, option in options.items() if option["correct"]}
            results[question_id] = set(chosen) == correct
    if errors:
        raise ValidationError(errors)
    return results


@transaction.atomic
def quiz_submit(
    *,
    user: Any,
    module: ModuleView,
    lesson: LessonView,
    block: Any,
    answers: dict[str, list[str]],
) -> QuizAttempt:
    """Grade and record an attempt; passing the last quiz completes the lesson."""
    results = quiz_grade(block.value, answers)
    questions = len(results)
    correct = sum(1 for ok in results.values() if ok)
    pass_mark = int(block.value["pass_mark"])
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson_key=lesson.key,
        block_id=block.id,
        answers={key: sorted(set(answers.get(key, []))) for key in results},
        correct=correct,
        questions=questions,
        pass_mark=pass_mark,
        passed=questions > 0 and 100 * correct >= pass_mark * questions,
    )
    progress = _lesson_progress(user=user, module=module, lesson=lesson)
    if attempt.passed:
        _complete_lesson_if_done(user=user, lesson=lesson, progress=progress)
    module_progress_update(user=user, module=module, last_lesson=lesson)
    return attempt


# --- Checklists and transfer tasks -----------------------------------------------------------


@transaction.atomic
def checklist_save(
    *, user: Any, module: ModuleView, lesson: LessonView, block: Any, ticked: list[str]
) -> LessonProgress:
    items = [key for key, _value in list_items(block.value["items"])]
    if any(key not in items for key in ticked):
        raise ValidationError(_("This item does not belong to the checklist."))
    progress = _lesson_progress(user=user, module=module, lesson=lesson)
    progress.checklists = {**progress.checklists, block.id: [k for k in items if k in ticked]}
    progress.save(update_fields=["checklists"])
    return progress


@transaction.atomic
def transfer_answer_save(
    *,
    user: Any,
    module: ModuleView,
    lesson: LessonView,
    block: Any,
    answer: str,
    share_with: Organisation | None,
) -> TransferAnswer:
    """Keep the learner's answer; share it with the coach of one of their organisations."""
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Please write your answer first.")})
    if len(answer) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            {
                "answer": _("Please shorten your answer to %(limit)s characters.")
                % {"limit": ANSWER_MAX_LENGTH}
            }
        )
    if (
        share_with is not None
        and not Membership.objects.filter(
            user=user, organisation=share_with, organisation__status__in=["active", "paused"]
        ).exists()
    ):
        raise ValidationError({"share_with": _("You can only share with your own organisation.")})
    existing = TransferAnswer.objects.filter(
        user=user, lesson_key=lesson.key, block_id=block.id
    ).first()
    was_shared_with = existing.shared_with_id if existing else None
    record = existing or TransferAnswer(
        user=user, lesson_key=lesson.key, module_key=module.key, block_id=block.id
    )
    record.module_title = module.title
    record.lesson_title = lesson.title
    record.prompt = block.value["prompt"]
    record.answer = answer
    record.shared_with = share_with
    if share_with is None:
        record.shared_at = None
    elif share_with.pk != was_shared_with or record.shared_at is None:
        record.shared_at = timezone.now()
    record.save()
    if (share_with.pk if share_with else None) != was_shared_with:
        audit_log(
            actor=user,
            action="transfer_answer.share" if share_with else "transfer_answer.unshare",
            obj=record,
            data={"organisation": share_with.name if share_with else ""},
        )
    _lesson_progress(user=user, module=module, lesson=lesson)
    return record


# --- Videos ----------------------------------------------------------------------------------


def _seconds(value: Any, *, field: str, required: bool) -> float | None:
    if value in (None, "") and not required:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise ValidationError({field: _("Enter a number of seconds.")}) from error
    if not math.isfinite(number) or number < 0 or number > MAX_VIDEO_SECONDS:
        raise ValidationError({field: _("Enter a number of seconds.")})
    return number


@transaction.atomic
def video_position_save(
    *, user: Any, video: Video, position: Any, duration: Any = None, ended: bool = False
) -> VideoProgress:
    """Remember where the learner is in a video (resume on any device)."""
    position_s = _seconds(position, field="position", required=True) or 0.0
    duration_s = _seconds(duration, field="duration", required=False)
    if duration_s is not None and position_s > duration_s + 1:
        raise ValidationError({"position": _("The position lies after the end of the video.")})
    record, _created = VideoProgress.objects.get_or_create(user=user, video=video)
    record.position_seconds = position_s
    if duration_s:
        record.duration_seconds = duration_s
    if record.watched_at is None and (ended or (duration_s and position_s >= 0.9 * duration_s)):
        record.watched_at = timezone.now()
    record.save(update_fields=["position_seconds", "duration_seconds", "watched_at", "updated_at"])
    return record


# --- Certificates ----------------------------------------------------------------------------


def _learner_organisation(user: Any) -> str:
    membership = (
        Membership.objects.filter(user=user, organisation__status__in=["active", "paused"])
        .select_related("organisation")
        .order_by("created_at", "pk")
        .first()
    )
    return membership.organisation.name if membership else ""


@transaction.atomic
def certificate_issue(*, user: Any, module: ModuleView) -> Certificate:
    """The certificate for a completed module (issued once; texts in the learner's language)."""
    existing = Certificate.objects.filter(user=user, module_key=module.key).first()
    if existing is not None:
        return existing
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        page = module.page if module.page.locale.language_code == language else module.canonical
        topics = ", ".join(str(topic.name) for topic in module.canonical.topic_fields.all())
    for _attempt in range(3):  # the code is random; retry on the (unlikely) clash
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    module_key=module.key,
                    issued_at=timezone.now(),
                    language=language,
                    learner_name=user.get_full_name() or user.email,
                    organisation_name=_learner_organisation(user),
                    module_title=page.title,
                    topic_fields=topics,
                    duration_minutes=module.canonical.duration_minutes,
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover
        raise RuntimeError("could not create a unique certificate code")
    audit_log(actor=user, action="certificate.issue", obj=certificate)
    with translation.override(language):
        context = {
            "name": user.first_name or user.get_full_name() or user.email,
            "module_title": certificate.module_title,
            "code": certificate.code,
            "download_url": settings.VAMOS_BASE_URL
            + reverse("learning:certificate", kwargs={"code": certificate.code}),
            "verify_url": settings.VAMOS_BASE_URL
            + reverse("learning:verify-code", kwargs={"code": certificate.code}),
        }
    email_queue(
        to=user.email,
        template="learning/email/certificate_issued",
        context=context,
        language=language,
        recipient=user,
    )
    return certificate


def certificates_withdraw(*, user: Any) -> int:
    """Withdraw the person's certificates (account deletion): verification then answers
    "withdrawn" and shows no name."""
    versions.bump_on_commit(Certificate)
    return Certificate.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), learner_name="", organisation_name=""
    )


# --- Sharing with the organisation -----------------------------------------------------------


@transaction.atomic
def sharing_consent_set(*, user: Any, organisation: Organisation, share: bool) -> bool:
    """Let (or stop letting) the organisation's admins see the learner's learning details."""
    if not Membership.objects.filter(
        user=user, organisation=organisation, organisation__status__in=["active", "paused"]
    ).exists():
        raise ValidationError(_("You can only share with your own organisation."))
    existing = SharingConsent.objects.filter(user=user, organisation=organisation)
    if share and not existing.exists():
        SharingConsent.objects.create(user=user, organisation=organisation)
        audit_log(actor=user, action="learning.sharing_on", obj=organisation)
        return True
    if not share and existing.exists():
        existing.delete()
        audit_log(actor=user, action="learning.sharing_off", obj=organisation)
        return True
    return False


def organisation_learning_viewed(
    *, actor: Any, organisation: Organisation, members_shown: int
) -> None:
    """Reading members' learning details is access to personal data: it goes to the log."""
    if members_shown:
        audit_log(
            actor=actor,
            action="learning.organisation_view",
            obj=organisation,
            data={"members_shown": members_shown},
        )
