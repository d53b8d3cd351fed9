from typing import Any

import pytest
from django.urls import reverse

from vamos.journeys.tests import factories as f
from vamos.organisations import services as organisation_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(org_a: Any, coach: Any) -> Any:
    return f.JourneyFactory(organisation=org_a, coaches=[coach])


def _caseload(client: Any, query: str = "") -> str:
    response = client.get(reverse("journeys:index") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_caseload_shows_a_renamed_organisation(
    journey: Any,
    coach: Any,
    org_a: Any,
    org_admin: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = client_for(coach)
    assert "Landesverband A" in _caseload(client)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.organisation_update(
            organisation=org_a, actor=org_admin, data={"name": "Landesverband Neu"}
        )
    assert "Landesverband Neu" in _caseload(client)


def test_each_coach_sees_their_own_caseload(
    journey: Any, coach: Any, other_coach: Any, client_for: Any
) -> None:
    assert "Landesverband A" in _caseload(client_for(coach))
    assert "Landesverband A" not in _caseload(client_for(other_coach))


def test_filters_are_part_of_the_cached_page(journey: Any, coach: Any, client_for: Any) -> None:
    client = client_for(coach)
    assert "Landesverband A" in _caseload(client)
    filtered = _caseload(client, "?q=Nirgendwo")
    assert "Landesverband A" not in filtered and 'value="Nirgendwo"' in filtered
    assert "kern-form-input--error" in _caseload(client, "?status=unbekannt")
