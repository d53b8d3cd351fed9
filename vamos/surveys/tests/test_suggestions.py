"""Suggestions beside the Verbands-Check: kept for a while, rebuilt after a write."""

from typing import Any

import pytest

from vamos.community.tests.factories import PeerOfferFactory
from vamos.core.models import TopicField
from vamos.surveys.integrations import suggestions_for


def _titles(found: dict[int, list[Any]]) -> list[str]:
    return [suggestion.title for items in found.values() for suggestion in items]


@pytest.mark.django_db
def test_a_new_peer_offer_is_suggested_at_once(
    org_a: Any, org_b: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    finance = [TopicField.objects.get(slug="finanzierung")]
    before = suggestions_for(topic_fields=finance, organisation=org_a, user=member)
    assert "Fördermittel gemeinsam beantragen" not in _titles(before)

    with django_capture_on_commit_callbacks(execute=True):
        PeerOfferFactory(
            organisation=org_b, title="Fördermittel gemeinsam beantragen", topics=["finanzierung"]
        )

    after = suggestions_for(topic_fields=finance, organisation=org_a, user=member)
    assert "Fördermittel gemeinsam beantragen" in _titles(after)
    # Someone else may see other things: the suggestions are kept per person.
    assert suggestions_for(topic_fields=finance, organisation=org_a, user=None) != after
