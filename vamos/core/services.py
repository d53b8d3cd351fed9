"""Writes of the core layer: the audit log and outgoing email."""

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import AuditEntry, OutgoingEmail

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
) -> OutgoingEmail:
    """Render ``template`` (``…_subject.txt``, ``….txt``, ``….html``) in ``language`` and send
    it from a background task once the surrounding transaction has committed.

    ``attachments``: small text files, ``{"filename": …, "content": …, "mimetype": …}``."""
    with translation.override(language):
        subject, text, html = _render_email(template, context)
    email = OutgoingEmail.objects.create(
        recipient=recipient if getattr(recipient, "pk", None) else None,
        to=to,
        reply_to=reply_to,
        language=language,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        attachments=attachments or [],
    )
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
    email = OutgoingEmail.objects.create(
        recipient=recipient if getattr(recipient, "pk", None) else None,
        to=to,
        language=language,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
    )
    transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


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


def email_deliver(*, email: OutgoingEmail) -> OutgoingEmail:
    """Send one queued email; on failure schedule a retry or, after the last attempt, fail."""
    if email.status == OutgoingEmail.Status.SENT:
        return email
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={"Auto-Submitted": "auto-generated", "Content-Language": email.language},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments or []:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.attempts += 1
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
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        if email.status == OutgoingEmail.Status.RETRYING:
            next_attempt = email.next_attempt_at
            transaction.on_commit(lambda: _enqueue_delivery(email.pk, run_after=next_attempt))
        return email
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.next_attempt_at = None
    email.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at"])
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


def emails_due_enqueue() -> int:
    """Re-enqueue emails whose retry time has passed (safety net for backends without defer)."""
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.RETRYING, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    count = 0
    for pk in due:
        _enqueue_delivery(pk)
        count += 1
    return count
