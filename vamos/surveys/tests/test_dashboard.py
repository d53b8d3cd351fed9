"""What "Mein VAMOs" shows about surveys."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.surveys.services import response_start
from vamos.surveys.tests.scenario import other_organisations, self_assessment_rounds

pytestmark = pytest.mark.django_db


def test_admins_see_waiting_surveys_drafts_and_the_check_status(
    wave: Any, org_a: Any, org_admin: Any, member: Any, client_for: Any
) -> None:
    self_assessment_rounds(answered_last=[org_a, *other_organisations(1)], answered_now=[])
    response_start(wave=wave, actor=org_admin, organisation=org_a)
    html = client_for(org_admin).get(reverse("dashboard:index")).content.decode()
    assert "Wartet auf Sie" in html
    assert f"{wave.survey.title} {wave.label}" in html
    assert "Entwurf" in html
    assert "Verbands-Check 2026" in html
    assert "noch nicht begonnen" in html
    member_html = client_for(member).get(reverse("dashboard:index")).content.decode()
    assert "Verbands-Check 2026" in member_html


def test_team_admins_see_the_response_rates_of_open_rounds(
    wave: Any, team_admin: Any, client_for: Any
) -> None:
    html = client_for(team_admin).get(reverse("dashboard:index")).content.decode()
    assert "Offene Erhebungsrunden" in html
    assert reverse("surveys:wave-invitations", kwargs={"pk": wave.pk}) in html
