from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from vamos.core.models import OutgoingEmail
from vamos.core.services import email_deliver, email_queue, email_retry, emails_due_enqueue

pytestmark = pytest.mark.django_db


def _queue(language: str = "de", **kwargs: Any) -> OutgoingEmail:
    from vamos.organisations.tests.factories import OrganisationFactory

    return email_queue(
        to="leyla@example.org",
        template="organisations/email/application_received",
        context={"organisation": OrganisationFactory(name="Brückenverband"), "user": None},
        language=language,
        **kwargs,
    )


def test_email_is_rendered_in_the_recipients_language_with_text_and_html(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        english = _queue(language="en")
        german = _queue(language="de")
    english.refresh_from_db()
    german.refresh_from_db()
    assert english.status == german.status == OutgoingEmail.Status.SENT
    assert english.subject == "We have received your application"
    assert german.subject != english.subject
    sent = {message.subject: message for message in mail.outbox}
    message = sent[english.subject]
    assert "Brückenverband" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert message.extra_headers["Content-Language"] == "en"


def test_nothing_is_sent_when_the_transaction_rolls_back() -> None:
    _queue()  # on_commit never fires inside the test's transaction
    assert mail.outbox == []


def test_failed_send_is_retried_with_growing_pauses_then_marked_failed(
    settings: Any, monkeypatch: Any
) -> None:
    settings.VAMOS_EMAIL_MAX_ATTEMPTS = 3
    email = _queue()

    def broken_send(self: Any, fail_silently: bool = False) -> int:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    before = timezone.now()
    email_deliver(email=email)
    assert email.status == OutgoingEmail.Status.RETRYING
    assert email.attempts == 1
    assert "mail server down" in email.last_error
    first_pause = email.next_attempt_at - before
    email_deliver(email=email)
    second_pause = email.next_attempt_at - before
    assert second_pause > first_pause
    email_deliver(email=email)
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.next_attempt_at is None


def test_team_can_send_a_failed_email_again(
    team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    email = _queue()
    email.status = OutgoingEmail.Status.FAILED
    email.save()
    with django_capture_on_commit_callbacks(execute=True):
        email_retry(email=email, actor=team_admin)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_due_retries_are_queued_again(django_capture_on_commit_callbacks: Any) -> None:
    email = _queue()
    email.status = OutgoingEmail.Status.RETRYING
    email.next_attempt_at = timezone.now()
    email.save()
    assert emails_due_enqueue() == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT


def test_team_sees_failed_emails_in_the_back_office(client_for: Any, team_admin: Any) -> None:
    email = _queue()
    email.status = OutgoingEmail.Status.FAILED
    email.last_error = "SMTPServerDisconnected: gone"
    email.save()
    response = client_for(team_admin).get(
        f"/verwaltung/snippets/core/outgoingemail/inspect/{email.pk}/"
    )
    assert "SMTPServerDisconnected" in response.content.decode()
    response = client_for(team_admin).get("/verwaltung/jobs/fehlgeschlagen/")
    assert response.status_code == 200
