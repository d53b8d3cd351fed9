import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from vamos.journeys import services
from vamos.journeys.tests import factories as f

pytestmark = pytest.mark.django_db

NOTE = "Vorstand unter Druck"


@pytest.fixture
def journey(org_a: Any, coach: Any, org_admin: Any) -> Any:
    journey = f.JourneyFactory(organisation=org_a, coaches=[coach])
    f.KickoffFactory(journey=journey)
    f.ActivityFactory(journey=journey, title="Coaching Finanzen")
    f.CoachNoteFactory(journey=journey, author=coach, text=NOTE)
    return journey


def _timeline(client: Any, journey: Any, prefix: str = "") -> str:
    url = prefix + reverse("journeys:timeline", kwargs={"pk": journey.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_shows_a_new_follow_up_after_the_write(
    journey: Any, coach: Any, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(coach)
    assert "Satzung prüfen" not in _timeline(client, journey)
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_up_create(
            journey=journey,
            actor=coach,
            description="Satzung prüfen",
            due_on=timezone.localdate() + datetime.timedelta(days=7),
            owner=coach,
        )
    assert "Satzung prüfen" in _timeline(client, journey)


def test_private_notes_are_cached_apart_from_the_shared_timeline(
    journey: Any, coach: Any, org_admin: Any, client_for: Any
) -> None:
    assert NOTE in _timeline(client_for(coach), journey)
    assert NOTE not in _timeline(client_for(org_admin), journey)


def test_the_timeline_is_cached_per_language(journey: Any, coach: Any, client_for: Any) -> None:
    client = client_for(coach)
    assert "Zeitleiste" in _timeline(client, journey)
    english = _timeline(client, journey, prefix="/en")
    assert "Coaching Finanzen" in english and "Aktivität" not in english


@pytest.mark.parametrize("size", [1, 10])
def test_a_warm_timeline_costs_the_same_queries_at_any_size(
    size: int, journey: Any, coach: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    f.ActivityFactory.create_batch(size, journey=journey)
    f.FollowUpFactory.create_batch(size, journey=journey)
    client = client_for(coach)
    _timeline(client, journey)
    with django_assert_max_num_queries(12):
        _timeline(client, journey)
