"""Matching an organisation's highest needs with other organisations' peer offers; peer
presenters for the team; offers and needs forms."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.community import selectors
from vamos.community.models import Need, PeerOffer
from vamos.core.models import AuditEntry

from .factories import BestPracticeFactory, PeerOfferFactory, topic_field

pytestmark = pytest.mark.django_db


def _need(organisation: Any, slug: str, priority: int) -> Need:
    return Need.objects.create(
        organisation=organisation, topic_field=topic_field(slug), priority=priority
    )


def test_offers_for_the_highest_needs_come_first(
    org_a: Any, org_b: Any, org_admin: Any, make_user: Any
) -> None:
    from vamos.organisations.tests.factories import OrganisationFactory

    org_c = OrganisationFactory(name="Verband C", slug="verband-c")
    _need(org_a, "finanzierung", 1)
    _need(org_a, "oeffentlichkeitsarbeit", 3)
    _need(org_a, "strategie", 2)
    funding = PeerOfferFactory(organisation=org_b, topics=["finanzierung"])
    pr = PeerOfferFactory(organisation=org_c, topics=["oeffentlichkeitsarbeit"])
    strategy_and_funding = PeerOfferFactory(
        organisation=org_b, topics=["strategie", "finanzierung"]
    )
    strategy = PeerOfferFactory(organisation=org_c, topics=["strategie"])
    PeerOfferFactory(organisation=org_b, topics=["mitgliedermanagement"])  # no need there
    PeerOfferFactory(organisation=org_c, topics=["oeffentlichkeitsarbeit"], is_active=False)
    PeerOfferFactory(organisation=org_a, topics=["oeffentlichkeitsarbeit"])  # own offer

    needs, matches = selectors.peer_offer_matches(organisation=org_a, user=org_admin)
    assert [n.topic_field.slug for n in needs] == [
        "oeffentlichkeitsarbeit",
        "strategie",
        "finanzierung",
    ]
    assert [m.offer for m in matches] == [pr, strategy_and_funding, strategy, funding]
    assert [n.topic_field.slug for n in matches[1].needs] == ["strategie", "finanzierung"]


def test_without_needs_there_are_no_matches(org_a: Any, org_b: Any, org_admin: Any) -> None:
    PeerOfferFactory(organisation=org_b)
    assert selectors.peer_offer_matches(organisation=org_a, user=org_admin) == ([], [])


def test_the_matches_page_shows_needs_and_offers_of_the_chosen_organisation(
    org_a: Any, org_b: Any, org_admin: Any, client_for: Any
) -> None:
    _need(org_a, "finanzierung", 3)
    offer = PeerOfferFactory(organisation=org_b, title="Anträge schreiben")
    response = client_for(org_admin).get(reverse("community:matches"))
    assert [m.offer for m in response.context["page_obj"]] == [offer]
    body = response.content.decode()
    assert "dringender Bedarf" in body and "Anträge schreiben" in body
    assert (
        client_for(org_admin)
        .get(reverse("community:matches") + "?organisation=bundesverband-b")
        .status_code
        == 404
    )


def test_the_admin_states_needs_and_bad_input_is_refused(
    org_a: Any, org_admin: Any, member: Any, client_for: Any
) -> None:
    url = reverse("community:needs", args=[org_a.slug])
    strategy, funding = topic_field("strategie"), topic_field("finanzierung")
    assert client_for(member).get(url).status_code == 404
    response = client_for(org_admin).post(url, {f"priority_{strategy.pk}": "9"})
    assert response.status_code == 200
    assert f"priority_{strategy.pk}" in response.context["form"].errors
    assert not Need.objects.exists()
    client_for(org_admin).post(
        url,
        {
            f"priority_{strategy.pk}": "3",
            f"note_{strategy.pk}": "Leitbild",
            f"priority_{funding.pk}": "",
        },
    )
    need = Need.objects.get()
    assert (need.topic_field, need.priority, need.note) == (strategy, 3, "Leitbild")
    client_for(org_admin).post(url, {f"priority_{strategy.pk}": ""})
    assert not Need.objects.exists()
    assert AuditEntry.objects.filter(action="community.needs_set").count() == 2


def test_peer_offer_form_keeps_input_and_names_the_gaps(
    org_b: Any, other_member: Any, client_for: Any
) -> None:
    client = client_for(other_member)
    response = client.post(
        reverse("community:offer-create"),
        {"title": "Social Media", "description": "", "topic_fields": [], "formats": []},
    )
    assert response.status_code == 200
    assert {"description", "topic_fields", "formats"} <= set(response.context["form"].errors)
    assert 'value="Social Media"' in response.content.decode()
    assert not PeerOffer.objects.exists()
    response = client.post(
        reverse("community:offer-create"),
        {
            "title": "Social Media",
            "description": "Mehrsprachig posten",
            "topic_fields": [topic_field("oeffentlichkeitsarbeit").pk],
            "formats": ["call", "presentation"],
            "is_active": "on",
        },
    )
    offer = PeerOffer.objects.get()
    assert response.status_code == 302
    assert (offer.offers_call, offer.offers_visit, offer.offers_presentation) == (True, False, True)
    assert offer.contact_person == other_member


def test_peer_presenters_put_presentation_offers_first(
    org_a: Any, org_b: Any, member: Any, other_member: Any, client_for: Any, coach: Any
) -> None:
    BestPracticeFactory(organisation=org_a, author=member, published=True, topics=["strategie"])
    BestPracticeFactory(organisation=org_a, author=member, published=True, topics=["strategie"])
    PeerOfferFactory(
        organisation=org_b, topics=["strategie"], offers_call=False, offers_presentation=True
    )
    rows = {tf.slug: presenters for tf, presenters in selectors.peer_presenters()}
    strategy = rows["strategie"]
    assert [p.organisation for p in strategy] == [org_b, org_a]
    assert (strategy[0].presents, strategy[1].best_practices) == (True, 2)
    response = client_for(coach).get(reverse("community:presenters"))
    assert response.status_code == 200 and org_b.name in response.content.decode()
    assert client_for(member).get(reverse("community:presenters")).status_code == 404
