from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .translation import TranslatedField


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TopicField(models.Model):
    """One of the academy's seven topic fields (Themenfelder); everything is tagged with them."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    summary_de = models.CharField(_("short description (German)"), max_length=300, blank=True)
    summary_en = models.CharField(_("short description (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = TranslatedField("name")
    summary = TranslatedField("summary")
    description = TranslatedField("description")

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("topic field")
        verbose_name_plural = _("topic fields")

    def __str__(self) -> str:
        return self.name


class AuditEntry(models.Model):
    """Who did what to which object, when. Written by services, never edited."""

    # A log, not content: Wagtail's "usage" index need not follow its links (3 queries saved
    # on every audited request).
    wagtail_reference_index_ignore = True

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class OutgoingEmail(models.Model):
    """An email rendered in the recipient's language, sent (and retried) by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("being sent")
        RETRYING = "retrying", _("waiting for retry")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("plain text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Small text attachments (e.g. an .ics invitation): [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    # Idempotency key of the notification (e.g. "events.reminder_day:42"): queuing the same
    # key again returns the existing email, so a retried job never sends it twice.
    key = models.CharField(_("idempotency key"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # When a worker took the email to the mail server (status "sending").
    claimed_at = models.DateTimeField(_("handed to the mail server"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="outgoing_email_key_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"

    @property
    def message_id(self) -> str:
        """The same Message-ID on every attempt: receiving servers and mail clients that see
        a message twice recognise it as one."""
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "vamos.invalid"
        return f"<vamos.{self.pk}.{self.created_at:%Y%m%d%H%M%S}@{domain}>"


class FormSubmission(models.Model):
    """A form that creates something, sent once: its one-time key (a hidden field) and where
    the first sending led. A second sending of the same form (double click, back button, a
    retried request) leads there too instead of creating a duplicate."""

    key = models.UUIDField(_("one-time key"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    result_url = models.CharField(_("result"), max_length=500)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return str(self.key)


class DataVersion(models.Model):
    """The current version of one kind of data, for results cached across web processes
    (``vamos.core.versions``). A new random token replaces the old one after each write."""

    name = models.CharField(max_length=60, primary_key=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.name}: {self.token}"
