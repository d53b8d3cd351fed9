from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from vamos.core.models import OutgoingEmail
from vamos.core.services import email_deliver, email_queue, email_retry, emails_due_enqueue
from vamos.core.tasks import email_deliver_task

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


# --- A worker killed in the middle of a job ------------------------------------------------


def _aged(email: OutgoingEmail, **fields: Any) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(**fields)
    email.refresh_from_db()


def test_a_notification_is_queued_once_per_idempotency_key() -> None:
    first = _queue(key="events.reminder_day:42")
    again = _queue(key="events.reminder_day:42")
    assert again.pk == first.pk
    assert OutgoingEmail.objects.count() == 1
    _queue()
    _queue()
    assert OutgoingEmail.objects.count() == 3  # without a key every call queues


def test_every_attempt_carries_the_same_message_id(monkeypatch: Any) -> None:
    email = _queue()
    calls = {"n": 0}
    real_send = EmailBackend.send_messages

    def flaky_send(self: Any, messages: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            raise ConnectionResetError("mail server went away")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky_send)
    email_deliver(email=email)
    _aged(email, next_attempt_at=timezone.now())
    email_deliver(email=email)
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [email.message_id]


def test_a_job_run_twice_sends_its_email_once() -> None:
    email = _queue()
    assert email_deliver_task.call(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert email_deliver_task.call(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_a_job_lost_with_its_worker_is_retried_and_the_email_goes_out_once() -> None:
    # The worker died after taking the job, before it took the email: it stays queued.
    email = _queue()
    assert emails_due_enqueue() == 0  # a queued email is left to its job at first
    _aged(email, created_at=timezone.now() - timedelta(minutes=20))
    assert emails_due_enqueue() == 1
    assert emails_due_enqueue() == 0
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_a_worker_killed_after_the_mail_server_accepted_never_causes_a_second_copy(
    monkeypatch: Any,
) -> None:
    email = _queue()
    real_send = EmailBackend.send_messages

    def accepted_then_killed(self: Any, messages: Any) -> int:
        real_send(self, messages)
        raise SystemExit("SIGKILL")  # the process ends before it records "sent"

    monkeypatch.setattr(EmailBackend, "send_messages", accepted_then_killed)
    with pytest.raises(SystemExit):
        email_deliver_task.call(email_id=email.pk)
    monkeypatch.undo()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENDING

    # The job is run again (retried, or enqueued once more): the claim holds.
    email_deliver_task.call(email_id=email.pk)
    _aged(email, claimed_at=timezone.now() - timedelta(minutes=20))
    emails_due_enqueue()
    email_deliver_task.call(email_id=email.pk)

    assert len(mail.outbox) == 1
    email.refresh_from_db()
    # Whether the server took it is unknown to the platform: the team decides, in the back office.
    assert email.status == OutgoingEmail.Status.FAILED
    assert "may have accepted" in email.last_error


def _reset_task_backends() -> None:
    from django.tasks import task_backends

    from vamos.core.apps import _run_wagtail_backport_tasks_inline

    _run_wagtail_backport_tasks_inline()
    task_backends._settings = None
    task_backends.__dict__.pop("settings", None)
    if hasattr(task_backends._connections, "default"):
        del task_backends["default"]


def _worker_takes_next_job(worker_id: str) -> bool:
    """What ``manage.py db_worker`` does for one job (its loop also closes the database
    connection, which the test's transaction cannot survive)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    # Wagtail's own jobs land in this queue too in the test (settings overridden); leave them.
    job = DBTaskResult.objects.ready().filter(task_path__startswith="vamos.").get_locked()
    if job is None:
        return False
    job.claim(worker_id)
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    worker.run_task(job)
    return True


def test_a_job_whose_worker_was_killed_runs_again_on_the_database_queue() -> None:
    from django.core.management import call_command
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    email = _queue()  # its job is enqueued on the database queue below
    database_queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    try:
        with override_settings(TASKS=database_queue):
            _reset_task_backends()
            email_deliver_task.enqueue(email_id=email.pk)
            # A worker takes the job and is killed before it starts: the job stays
            # "running" with nobody on it, and no other worker would touch it.
            DBTaskResult.objects.get(task_path__startswith="vamos.").claim("killed-worker")
            DBTaskResult.objects.filter(task_path__startswith="vamos.").update(
                started_at=timezone.now() - timedelta(hours=1)
            )
            assert not _worker_takes_next_job("worker-2")
            assert mail.outbox == []

            call_command("requeue_stale_jobs", stdout=None)
            assert _worker_takes_next_job("worker-2")
            call_command("requeue_stale_jobs", stdout=None)
            assert not _worker_takes_next_job("worker-3")
    finally:
        _reset_task_backends()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1
    job = DBTaskResult.objects.get(task_path__startswith="vamos.")
    assert job.status == "SUCCESSFUL"
    assert job.worker_ids == ["killed-worker", "worker-2"]
