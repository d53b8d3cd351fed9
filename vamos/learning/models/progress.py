"""What learners do: progress per lesson and module, quiz attempts, video positions,
transfer-task answers, certificates, and whether they share details with their organisation.

Lessons and modules are referred to by their Wagtail ``translation_key``: a learner who
switches between the German and English version of a module keeps one progress.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import Video

# Unambiguous characters (no 0/O, 1/I/L): codes are read from paper and typed in.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class LessonProgress(models.Model):
    # Written on every visit; no cached result counts visits (vamos.core.versions).
    VERSION_IGNORED_FIELDS = ("last_visited_at",)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_key = models.UUIDField(_("lesson"))
    module_key = models.UUIDField(_("module"), db_index=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_visited_at = models.DateTimeField(_("last visited"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # {checklist block id: [ticked item ids]}
    checklists = models.JSONField(_("checklists"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="learning_one_per_lesson")
        ]
        indexes = [
            models.Index(fields=["user", "module_key"]),
            # "Did this person learn in the period?" (reports) reads only the period's rows.
            models.Index(fields=["user", "started_at"], name="learning_lesson_user_started"),
            models.Index(fields=["user", "completed_at"], name="learning_lesson_user_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.lesson_key}"


class ModuleProgress(models.Model):
    """The roll-up of a learner's lessons in one module (kept by the progress services)."""

    # Written on every visit; no cached result shows them (vamos.core.versions).
    VERSION_IGNORED_FIELDS = ("last_activity_at", "last_lesson_key")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module_key = models.UUIDField(_("module"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"))
    last_lesson_key = models.UUIDField(_("last lesson"), null=True, blank=True)
    lessons_completed = models.PositiveSmallIntegerField(_("lessons completed"), default=0)
    lessons_total = models.PositiveSmallIntegerField(_("lessons"), default=0)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="learning_one_per_module"),
            models.CheckConstraint(
                condition=models.Q(lessons_completed__lte=models.F("lessons_total")),
                name="learning_completed_within_total",
            ),
        ]
        indexes = [models.Index(fields=["module_key", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.module_key}"

    @property
    def percent(self) -> int:
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_completed / self.lessons_total)


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson_key = models.UUIDField(_("lesson"))
    block_id = models.CharField(_("quiz"), max_length=64)
    # {question id: [chosen answer ids]}
    answers = models.JSONField(_("answers"), default=dict)
    correct = models.PositiveSmallIntegerField(_("questions answered correctly"))
    questions = models.PositiveSmallIntegerField(_("questions"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (percent)"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "lesson_key", "block_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(correct__lte=models.F("questions")),
                name="learning_score_within_questions",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.block_id} {self.correct}/{self.questions}"

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.questions) if self.questions else 0


class VideoProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="video_progress"
    )
    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="progress")
    position_seconds = models.FloatField(_("position (seconds)"), default=0)
    duration_seconds = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    watched_at = models.DateTimeField(_("watched to the end"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("video position")
        verbose_name_plural = _("video positions")
        constraints = [
            models.UniqueConstraint(fields=["user", "video"], name="learning_one_per_video")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.video_id} {self.position_seconds:.0f}s"


class TransferAnswer(models.Model):
    """A learner's answer to a transfer task; theirs unless they share it with the coach."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transfer_answers"
    )
    lesson_key = models.UUIDField(_("lesson"))
    module_key = models.UUIDField(_("module"))
    block_id = models.CharField(_("task"), max_length=64)
    # Kept so that the answer stays readable if the lesson changes or is removed.
    module_title = models.CharField(_("module"), max_length=255)
    lesson_title = models.CharField(_("lesson"), max_length=255)
    prompt = models.TextField(_("task"))
    answer = models.TextField(_("answer"), max_length=5000)
    shared_with = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("shared with the coach of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("shared"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("transfer task answer")
        verbose_name_plural = _("transfer task answers")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="learning_one_answer_per_task"
            )
        ]
        indexes = [models.Index(fields=["shared_with", "shared_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.lesson_title}"


class Certificate(models.Model):
    """Issued once per learner and module; the texts are kept as they were on the day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_certificates"
    )
    module_key = models.UUIDField(_("module"))
    code = models.CharField(
        _("verification code"), max_length=14, unique=True, default=new_certificate_code
    )
    issued_at = models.DateTimeField(_("issued"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    learner_name = models.CharField(_("name"), max_length=255)
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    module_title = models.CharField(_("module"), max_length=255)
    topic_fields = models.CharField(_("topic fields"), max_length=500, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key"], name="learning_one_certificate_per_module"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.module_title}"

    @property
    def is_valid(self) -> bool:
        return self.withdrawn_at is None


class SharingConsent(models.Model):
    """The learner lets the admins of one organisation see their learning in detail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_sharing"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    given_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent to share learning progress")
        verbose_name_plural = _("consents to share learning progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="learning_one_consent_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.organisation_id}"
