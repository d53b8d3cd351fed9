"""A form sent twice — a double click, the back button, a retried request — creates one
thing: one registration, one survey response, one journey activity, one best practice."""

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from vamos.community.models import BestPractice
from vamos.core.services import form_submit_once
from vamos.events.models import Registration
from vamos.events.tests.factories import EventFactory
from vamos.journeys.models import Activity
from vamos.journeys.tests import factories as journeys
from vamos.surveys.models import Response
from vamos.surveys.tests.factories import needs_wave, question

pytestmark = pytest.mark.django_db


def _key(client: Any, url: str) -> str:
    form = client.get(url).context["form"]
    key = form["submission_key"].value()
    assert key, "the form carries a one-time key"
    return str(key)


def test_a_best_practice_sent_twice_is_created_once(
    client_for: Any, member: Any, org_a: Any
) -> None:
    client = client_for(member)
    url = reverse("community:create")
    data = {
        "title": "Ehrenamtliche über WhatsApp gewinnen",
        "intent": "draft",
        "submission_key": _key(client, url),
    }
    first = client.post(url, data)
    second = client.post(url, data)  # double click / back button and send again
    practice = BestPractice.objects.get()
    assert first.status_code == second.status_code == 302
    detail = reverse("community:detail", args=[practice.pk])
    assert first["Location"] == second["Location"] == detail
    # A new form (a fresh key) is a new entry.
    client.post(url, {**data, "submission_key": _key(client, url)})
    assert BestPractice.objects.count() == 2


def test_a_journey_activity_sent_twice_is_recorded_once(
    client_for: Any, coach: Any, org_a: Any
) -> None:
    journey = journeys.JourneyFactory(organisation=org_a, coaches=[coach])
    journeys.KickoffFactory(journey=journey)
    client = client_for(coach)
    url = reverse("journeys:activity-create", kwargs={"pk": journey.pk})
    data = {
        "format": "coaching",
        "status": "held",
        "held_on": timezone.localdate().isoformat(),
        "hours": "1.5",
        "shared_summary": "Haushaltsplan besprochen",
        "submission_key": _key(client, url),
    }
    first = client.post(url, data)
    second = client.post(url, data)
    activity = Activity.objects.get(journey=journey)
    assert first["Location"] == second["Location"]
    assert str(activity.pk) in first["Location"]


def test_an_event_registration_sent_twice_registers_once(
    client_for: Any, member: Any, org_a: Any
) -> None:
    event = EventFactory()
    client = client_for(member)
    url = reverse("events:register", kwargs={"slug": event.slug})
    first = client.post(url, {"organisation": org_a.pk})
    second = client.post(url, {"organisation": org_a.pk})
    assert first.status_code == 302
    assert second.status_code in (200, 302)
    assert Registration.objects.filter(event=event, user=member).count() == 1


def test_a_survey_started_and_submitted_twice_gives_one_response(
    client_for: Any, org_admin: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    wave = needs_wave(label="2026")
    client = client_for(org_admin)
    start = reverse("surveys:wave", kwargs={"pk": wave.pk})
    first = client.post(start, {"organisation": org_a.pk})
    second = client.post(start, {"organisation": org_a.pk})
    response = Response.objects.get(wave=wave, organisation=org_a)
    assert first["Location"] == second["Location"]
    page = reverse("surveys:page", kwargs={"pk": response.pk, "page": 1})
    answers = {
        f"q{question(wave, 'bedarf-strategie').pk}": "4",
        f"q{question(wave, 'hat-personal').pk}": "nein",
        "action": "next",
    }
    client.post(page, answers)
    client.post(page, answers)
    review = reverse("surveys:review", kwargs={"pk": response.pk})
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(review)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(review)
    assert done["Location"] == again["Location"]
    assert Response.objects.filter(wave=wave).count() == 1
    assert response.answers.count() == 2
    assert len(mail.outbox) == 1  # one confirmation


def test_a_form_whose_work_failed_can_be_sent_again(member: Any) -> None:
    import uuid

    from django.core.exceptions import ValidationError

    key = uuid.uuid4()

    def refuse() -> str:
        raise ValidationError("nope")

    with pytest.raises(ValidationError):
        form_submit_once(key=key, user=member, create=refuse)
    assert form_submit_once(key=key, user=member, create=lambda: "/done/") == ("/done/", True)
    assert form_submit_once(key=key, user=member, create=refuse) == ("/done/", False)
