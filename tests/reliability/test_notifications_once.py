"""Scheduled notifications carry idempotency keys: whatever reruns a job (a killed worker, a
claim lost in a restore from an older backup), a person gets each of them once."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from vamos.core.models import OutgoingEmail
from vamos.events.models import Registration
from vamos.events.services import reminders_send
from vamos.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_event_reminder_is_queued_once_even_when_its_claim_is_lost(member: Any) -> None:
    start = timezone.now() + datetime.timedelta(days=3)
    event = EventFactory(start=start, end=start + datetime.timedelta(hours=2))
    registration = RegistrationFactory(
        event=event, user=member, confirmed_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert reminders_send()["week"] == 1
    Registration.objects.filter(pk=registration.pk).update(reminder_week_sent_at=None)
    assert reminders_send()["week"] == 1  # the job believes it sent one …
    emails = OutgoingEmail.objects.filter(key=f"events.reminder_week:{registration.pk}")
    assert emails.count() == 1  # … but the person gets one email
    assert OutgoingEmail.objects.filter(to=member.email).count() == 1
