"""Writes of the core layer: the audit log and outgoing email."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import versions
from .models import AuditEntry, FormSubmission, OutgoingEmail

logger = logging.getLogger(__name__)


def audit_log(
    *, actor: Any, action: str, obj: models.Model | None = None, data: dict | None = None
) -> AuditEntry:
    """Record that ``actor`` did ``action`` (e.g. ``organisation.approve``) to ``obj``."""
    entry = AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        data=data or {},
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:255]
    entry.save()
    return entry


def _render_email(template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    context = {"base_url": settings.VAMOS_BASE_URL, **context}
    subject = render_to_string(f"{template}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"{template}.txt", context).strip() + "\n"
    html = render_to_string(f"{template}.html", {**context, "subject": subject})
    return subject, text, html


def email_queue(
    *,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str,
    recipient: Any = None,
    reply_to: str = "",
    attachments: list[dict[str, str]] | None = None,
    key: str = "",
) -> OutgoingEmail:
    """Render ``template`` (``…_subject.txt``, ``….txt``, ``….html``) in ``language`` and send
    it from a background task once the surrounding transaction has committed.

    ``attachments``: small text files, ``{"filename": …, "content": …, "mimetype": …}``.
    ``key``: an idempotency key for the notification; an email with the same key is queued
    only once, however often a (retried) job asks for it."""
    if key:
        existing = OutgoingEmail.objects.filter(key=key).first()
        if existing is not None:
            return existing
    with translation.override(language):
        subject, text, html = _render_email(template, context)
    return _email_create(
        key=key,
        recipient=recipient if getattr(recipient, "pk", None) else None,
        to=to,
        reply_to=reply_to,
        language=language,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        attachments=attachments or [],
    )


def _email_create(*, key: str, **fields: Any) -> OutgoingEmail:
    try:
        # A savepoint, so that losing a race for the same key leaves the caller's
        # transaction usable.
        with transaction.atomic():
            email = OutgoingEmail.objects.create(key=key, **fields)
    except IntegrityError:
        if not key:
            raise
        return OutgoingEmail.objects.get(key=key)
    transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


def email_queue_rendered(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str,
    language: str,
    recipient: Any = None,
) -> OutgoingEmail:
    """Queue an email rendered elsewhere (django-allauth renders its own messages)."""
    return _email_create(
        key="",
        recipient=recipient if getattr(recipient, "pk", None) else None,
        to=to,
        language=language,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
    )


def _enqueue_delivery(email_id: int, run_after: Any = None) -> None:
    from django.tasks import default_task_backend

    from .tasks import email_deliver_task

    task = email_deliver_task
    if run_after is not None:
        if not default_task_backend.supports_defer:
            # Without deferred tasks (the immediate backend), ``send_due_emails`` retries.
            return
        task = task.using(run_after=run_after)
    task.enqueue(email_id=email_id)


def _retry_delay(attempts: int) -> timedelta:
    # 1, 4, 16, 64 … minutes: a mail server that is down for an hour loses nothing.
    return timedelta(minutes=4 ** max(attempts - 1, 0))


def _email_claim(email: OutgoingEmail) -> bool:
    """Take the email for one delivery attempt. A conditional update, so of two workers
    holding the same job (a retried job, a job enqueued twice) exactly one gets it."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email.pk, status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.RETRYING]
    ).update(status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    email.refresh_from_db()
    return bool(claimed)


def email_deliver(*, email: OutgoingEmail) -> OutgoingEmail:
    """Send one queued email; on failure schedule a retry or, after the last attempt, fail.

    Runs outside a transaction in the worker: the claim ("sending") is committed before the
    mail server is asked and "sent" right after it accepted, so that a worker killed in
    between never leads to a second copy (see ``emails_stuck_handle``)."""
    if not _email_claim(email):
        return email  # sent, failed, or another worker has it right now
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={
            "Auto-Submitted": "auto-generated",
            "Content-Language": email.language,
            "Message-ID": email.message_id,
        },
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments or []:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    try:
        message.send()
    except Exception as exc:  # any transport error: keep it, retry later
        logger.warning("Sending email %s failed (attempt %s): %s", email.pk, email.attempts, exc)
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if email.attempts >= settings.VAMOS_EMAIL_MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
            email.next_attempt_at = None
        else:
            email.status = OutgoingEmail.Status.RETRYING
            email.next_attempt_at = timezone.now() + _retry_delay(email.attempts)
        email.save(update_fields=["last_error", "status", "next_attempt_at"])
        if email.status == OutgoingEmail.Status.RETRYING:
            next_attempt = email.next_attempt_at
            transaction.on_commit(lambda: _enqueue_delivery(email.pk, run_after=next_attempt))
        return email
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.save(update_fields=["status", "sent_at", "next_attempt_at"])
    return email


def email_retry(*, email: OutgoingEmail, actor: Any) -> OutgoingEmail:
    """A team member sends a failed or waiting email again now."""
    with transaction.atomic():
        email.status = OutgoingEmail.Status.QUEUED
        email.next_attempt_at = None
        email.save(update_fields=["status", "next_attempt_at"])
        audit_log(actor=actor, action="email.retry", obj=email)
        transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


def form_submit_once(*, key: UUID | None, user: Any, create: Callable[[], str]) -> tuple[str, bool]:
    """Run ``create`` (which makes something and returns the address to show it) unless this
    form, identified by its one-time ``key``, was sent before. Returns the address and
    whether this sending created it. Without a key (an old page), ``create`` always runs."""
    owner = user if getattr(user, "is_authenticated", False) else None
    if key is None:
        return create(), True
    earlier = FormSubmission.objects.filter(key=key, user=owner).first()
    if earlier is not None:
        return earlier.result_url, False
    try:
        with transaction.atomic():
            url = create()
            FormSubmission.objects.create(key=key, user=owner, result_url=url)
    except IntegrityError:
        # The same form sent twice at once: the other request won, and this one's work
        # was rolled back with its transaction.
        earlier = FormSubmission.objects.filter(key=key, user=owner).first()
        if earlier is None:
            raise
        return earlier.result_url, False
    return url, True


def form_submissions_expire(*, now: datetime) -> int:
    """Keys of sent forms are needed for a day at most (a back button, a retry)."""
    deleted, _per_model = FormSubmission.objects.filter(
        created_at__lt=now - timedelta(days=1)
    ).delete()
    return deleted


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Delete personal data whose retention period has passed (every registered rule)."""
    from .privacy import retention_rules

    now = now or timezone.now()
    deleted: dict[str, int] = {}
    for key, apply in retention_rules().items():
        with transaction.atomic():
            deleted[key] = apply(now)
            if deleted[key]:
                versions.bump_on_commit(*versions.names())  # rules delete and update in bulk
    if any(deleted.values()):
        audit_log(actor=None, action="retention.apply", data=deleted)
    return deleted


# A job that has not delivered its email after this long died with its worker.
EMAIL_STUCK_AFTER = timedelta(minutes=15)
INTERRUPTED_WHILE_SENDING = (
    "The worker stopped while handing this email to the mail server. The server may have "
    "accepted it, so it is not sent again automatically: send it again by hand if the "
    "recipient did not get it."
)


def emails_due_enqueue(*, now: datetime | None = None) -> int:
    """Re-enqueue emails whose retry time has passed (safety net for backends without
    defer) and emails whose job was lost with a killed worker."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.RETRYING, next_attempt_at__lte=now)
        | Q(status=OutgoingEmail.Status.QUEUED, created_at__lte=now - EMAIL_STUCK_AFTER)
    ).values_list("pk", flat=True)
    count = 0
    for pk in due:
        _enqueue_delivery(pk)
        count += 1
    emails_stuck_handle(now=now)
    return count


def emails_stuck_handle(*, now: datetime) -> int:
    """Emails a worker took to the mail server and never came back from: whether the server
    accepted them is unknown, so rather than risk a second copy they are marked failed for
    the team (who can send them again in the back office)."""
    return OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENDING, claimed_at__lte=now - EMAIL_STUCK_AFTER
    ).update(
        status=OutgoingEmail.Status.FAILED,
        last_error=INTERRUPTED_WHILE_SENDING,
        next_attempt_at=None,
    )


def tasks_stale_requeue(*, now: datetime | None = None) -> int:
    """Put jobs back in the queue whose worker was killed while running them (they stay
    "running" for ever otherwise). Every job of the platform is safe to run twice: each
    takes primary keys and its service claims what it sends."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.VAMOS_TASK_STALE_MINUTES)
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lt=cutoff)
        .update(status=TaskResultStatus.READY, started_at=None)
    )
