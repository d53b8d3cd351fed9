import datetime
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from vamos.accounts.models import User
from vamos.accounts.tests.factories import UserFactory
from vamos.core.models import AuditEntry
from vamos.core.roles import COACH
from vamos.core.services import retention_apply
from vamos.events.models import Answer, Question, Registration
from vamos.events.tests.factories import EventFactory, QuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _joined(days_ago: int, **kwargs: Any) -> User:
    user = UserFactory(verified=False, **kwargs)
    User.objects.filter(pk=user.pk).update(date_joined=NOW - datetime.timedelta(days=days_ago))
    return user


def test_accounts_never_activated_are_deleted_after_30_days() -> None:
    expired = _joined(31, email="never@example.org")
    fresh = _joined(29, email="fresh@example.org")
    active = UserFactory(email="active@example.org")  # address confirmed
    User.objects.filter(pk=active.pk).update(date_joined=NOW - datetime.timedelta(days=400))
    signed_in = _joined(400, email="signed-in@example.org", last_login=NOW)
    confirmed = _joined(400, email="confirmed@example.org")
    EmailAddress.objects.create(user=confirmed, email=confirmed.email, verified=True)
    unconfirmed = _joined(400, email="unconfirmed@example.org")
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False)
    team = _joined(400, email="coach-to-be@example.org", groups=[COACH])

    assert retention_apply(now=NOW)["unactivated_accounts"] == 2

    remaining = set(User.objects.values_list("email", flat=True))
    assert expired.email not in remaining
    assert unconfirmed.email not in remaining
    kept = {fresh.email, signed_in.email, confirmed.email, team.email, "active@example.org"}
    assert kept <= remaining
    entry = AuditEntry.objects.get(action="retention.apply")
    assert entry.data["unactivated_accounts"] == 2
    assert "never@example.org" not in str(entry.data)


def test_the_account_period_is_a_setting(settings: Any) -> None:
    settings.VAMOS_RETENTION_UNACTIVATED_ACCOUNT_DAYS = 60
    kept = _joined(31)
    retention_apply(now=NOW)
    assert User.objects.filter(pk=kept.pk).exists()


def _registration_with_answers(event_end_days_ago: int) -> Registration:
    end = NOW - datetime.timedelta(days=event_end_days_ago)
    event = EventFactory(start=end - datetime.timedelta(hours=3), end=end)
    dietary = QuestionFactory(event=event, label="Ernährungswünsche?")
    consent = QuestionFactory(event=event, kind=Question.Kind.CONSENT, label="Fotos erlaubt")
    registration = RegistrationFactory(event=event, status=Registration.Status.ATTENDED)
    Answer.objects.create(
        registration=registration,
        question=dietary,
        question_text=dietary.label,
        kind=dietary.kind,
        value="vegetarisch, Nussallergie",
    )
    Answer.objects.create(
        registration=registration,
        question=consent,
        question_text=consent.label,
        kind=consent.kind,
        value="yes",
    )
    return registration


def test_registration_answers_are_deleted_90_days_after_the_event_attendance_stays() -> None:
    old = _registration_with_answers(91)
    recent = _registration_with_answers(89)

    assert retention_apply(now=NOW)["registration_answers"] == 1

    old.refresh_from_db()
    assert old.status == Registration.Status.ATTENDED
    assert list(old.answers.values_list("kind", flat=True)) == [Question.Kind.CONSENT]
    assert recent.answers.count() == 2
    assert not Answer.objects.filter(value__contains="Nussallergie", registration=old).exists()


def test_the_answers_period_is_a_setting(settings: Any) -> None:
    settings.VAMOS_RETENTION_REGISTRATION_ANSWERS_DAYS = 30
    recent = _registration_with_answers(31)
    retention_apply(now=NOW)
    assert recent.answers.count() == 1


def test_the_daily_command_applies_every_rule_and_is_idempotent() -> None:
    _joined(31)
    _registration_with_answers(91)
    call_command("apply_retention", stdout=None)
    again = retention_apply()
    assert again["unactivated_accounts"] == again["registration_answers"] == 0
