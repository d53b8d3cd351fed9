"""List and result pages cost the same number of queries for little and for much data."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse

from vamos.accounts.models import User
from vamos.organisations.tests.factories import MembershipFactory
from vamos.surveys.dashboard import dashboard_panels
from vamos.surveys.services import feedback_form_create
from vamos.surveys.tests.factories import TOPIC_SLUGS, question
from vamos.surveys.tests.scenario import (
    needs_rounds,
    other_organisations,
    self_assessment_rounds,
    submit_directly,
)

pytestmark = pytest.mark.django_db


def _grow(org_a: Any, others: list[Any], waves: tuple[Any, Any], person: Any) -> None:
    """More organisations with answers, and more rounds the person took part in."""
    for organisation in others:
        MembershipFactory(user=person, organisation=organisation, role="admin")
    _last, now = waves
    for organisation in others[1:]:
        submit_directly(
            wave=now,
            organisation=organisation,
            values={"bedarf-finanzierung": 4, "rangfolge": TOPIC_SLUGS, "wuensche": "Mehr"},
        )


def _pages(wave: Any, org: Any) -> list[str]:
    return [
        reverse("surveys:index"),
        reverse("surveys:self-assessment", kwargs={"slug": org.slug}),
        reverse("surveys:team-index"),
        reverse("surveys:wave-invitations", kwargs={"pk": wave.pk}),
        reverse("surveys:wave-results", kwargs={"pk": wave.pk}),
        reverse(
            "surveys:wave-text-answers",
            kwargs={"pk": wave.pk, "question_pk": question(wave, "wuensche").pk},
        ),
        reverse("surveys:wave-needs", kwargs={"pk": wave.pk}),
        reverse("surveys:feedback-overview"),
        reverse("surveys:self-assessment-index"),
    ]


LIMITS = {
    "index": 28,
    "self-assessment": 32,
    "team-index": 10,
    "wave-invitations": 15,
    "wave-results": 16,
    "wave-text-answers": 14,
    "wave-needs": 22,
    "feedback-overview": 20,
    "self-assessment-index": 14,
}
PANEL_LIMIT = 16


@pytest.mark.parametrize("size", [1, 12])
def test_survey_pages_do_not_grow_with_their_data(
    size: int,
    org_a: Any,
    org_admin: Any,
    team_admin: Any,
    client_for: Callable[[Any], Any],
    django_assert_max_num_queries: Any,
) -> None:
    others = other_organisations(size, prefix="Weitere")
    waves = needs_rounds(organisation=org_a, others=others[:1])
    self_assessment_rounds(answered_last=[org_a, *others], answered_now=others)
    for organisation in others[: min(size, 6)]:
        feedback_form_create(event=organisation)
    _grow(org_a, others, waves, org_admin)
    for user in (org_admin, team_admin):
        client = client_for(user)
        for url, name in zip(_pages(waves[1], org_a), LIMITS, strict=True):
            if user is org_admin and name not in {"index", "self-assessment"}:
                continue
            with django_assert_max_num_queries(LIMITS[name]):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        request = RequestFactory().get("/")
        request.user = User.objects.get(pk=user.pk)
        with django_assert_max_num_queries(PANEL_LIMIT):
            panels = dashboard_panels(request)
        assert panels
