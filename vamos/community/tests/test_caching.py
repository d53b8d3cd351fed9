"""What the community pages keep in the cache changes with the data it comes from."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vamos.community import selectors, services
from vamos.community.models import Need
from vamos.organisations.tests.factories import OrganisationFactory

from .factories import BestPracticeFactory, PeerOfferFactory, topic_field

pytestmark = pytest.mark.django_db


def test_the_library_filter_shows_a_renamed_topic_field(
    client_for: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    field = topic_field("finanzierung")
    assert field.name_de in client.get(reverse("community:library")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        field.name_de = "Geld und Förderung"
        field.save()
    assert "Geld und Förderung" in client.get(reverse("community:library")).content.decode()


def test_the_library_filter_keeps_the_chosen_values_and_the_language(
    client_for: Any, member: Any
) -> None:
    client = client_for(member)
    client.get(reverse("community:library"))
    chosen = client.get(reverse("community:library") + "?thema=finanzierung").content.decode()
    assert '<option value="finanzierung" selected>' in chosen
    english = client.get("/en" + reverse("community:library")).content.decode()
    assert "All topic fields" in english


def test_an_invalid_filter_shows_its_error(client_for: Any, member: Any) -> None:
    html = client_for(member).get(reverse("community:library") + "?thema=gibt-es-nicht")
    assert "kern-form-input--error" in html.content.decode()


def _offer_matches_queries(org_a: Any, member: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        _needs, found = selectors.peer_offer_matches(organisation=org_a, user=member, limit=3)
    assert len(found) == 3
    return len(queries.captured_queries)


def test_the_best_matching_offers_come_first_and_cost_the_same_queries_at_any_size(
    org_a: Any, member: Any
) -> None:
    Need.objects.create(organisation=org_a, topic_field=topic_field("finanzierung"), priority=3)
    Need.objects.create(organisation=org_a, topic_field=topic_field("strategie"), priority=1)
    topics = ["finanzierung", "strategie"]
    both = PeerOfferFactory(organisation=OrganisationFactory(), topics=topics)
    for _ in range(3):
        PeerOfferFactory(organisation=OrganisationFactory(), topics=["strategie"])
    high = PeerOfferFactory(organisation=OrganisationFactory(), topics=["finanzierung"])
    PeerOfferFactory(organisation=org_a, topics=["finanzierung"])  # the organisation's own
    _needs, found = selectors.peer_offer_matches(organisation=org_a, user=member, limit=3)
    assert [match.offer for match in found[:2]] == [both, high]
    small = _offer_matches_queries(org_a, member)
    for _ in range(12):
        PeerOfferFactory(organisation=OrganisationFactory(), topics=["finanzierung", "strategie"])
    assert _offer_matches_queries(org_a, member) == small


def test_the_library_counts_a_new_reaction(
    client_for: Any, member: Any, org_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_b, public=True, title="Kassenprüfung")
    client = client_for(member)
    library = reverse("community:library")
    assert "0 Personen fanden das hilfreich" in client.get(library).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.reaction_toggle(practice=practice, user=member)
    assert "1 Person fand das hilfreich" in client.get(library).content.decode()


def test_library_results_are_kept_per_person(
    client_for: Any, member: Any, org_a: Any, org_b: Any
) -> None:
    BestPracticeFactory(organisation=org_b, published=True, title="Nur für Mitglieder")
    library = reverse("community:library")
    assert "Nur für Mitglieder" in client_for(member).get(library).content.decode()
    anonymous = client_for(None).get(library).content.decode()
    assert "Nur für Mitglieder" not in anonymous
