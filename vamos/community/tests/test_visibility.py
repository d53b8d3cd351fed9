"""Who sees which best practice, in lists and in detail, for every persona."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from vamos.community.models import BestPractice
from vamos.community.permissions import visible_best_practices

from .factories import BestPracticeFactory, CommentFactory

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "member",
    "org_admin",
    "other_member",
    "coach",
    "other_coach",
    "editor",
    "team_admin",
]

# Entries of organisation A by state → personas that see them.
EXPECTED = {
    "public": set(PERSONAS),
    "members": set(PERSONAS) - {"anonymous"},
    "draft": {"member", "org_admin"},
    "submitted": {"member", "org_admin", "editor", "team_admin"},
    "returned": {"member", "org_admin", "editor", "team_admin"},
}


@pytest.fixture
def entries(org_a: Any, member: Any) -> dict[str, BestPractice]:
    return {
        "public": BestPracticeFactory(organisation=org_a, author=member, public=True),
        "members": BestPracticeFactory(organisation=org_a, author=member, published=True),
        "draft": BestPracticeFactory(organisation=org_a, author=member),
        "submitted": BestPracticeFactory(organisation=org_a, author=member, submitted=True),
        "returned": BestPracticeFactory(
            organisation=org_a, author=member, status=BestPractice.Status.RETURNED
        ),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_exactly_the_entries_it_may(
    persona: Any, entries: dict[str, BestPractice], request: Any, client_for: Any
) -> None:
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = client_for(user)
    for state, practice in entries.items():
        response = client.get(reverse("community:detail", args=[practice.pk]))
        allowed = persona in EXPECTED[state]
        assert response.status_code == (200 if allowed else 404), (persona, state)
    visible = set(visible_best_practices(user or AnonymousUser()).values_list("pk", flat=True))
    expected = {p.pk for state, p in entries.items() if persona in EXPECTED[state]}
    assert visible == expected


def test_the_library_lists_only_published_entries(
    entries: dict[str, BestPractice], client: Any, client_for: Any, org_admin: Any
) -> None:
    anonymous = client.get(reverse("community:library"))
    assert list(anonymous.context["page_obj"]) == [entries["public"]]
    signed_in = client_for(org_admin).get(reverse("community:library"))
    assert set(signed_in.context["page_obj"]) == {entries["public"], entries["members"]}


def test_organisation_b_never_sees_organisation_a_drafts(
    entries: dict[str, BestPractice], client_for: Any, other_member: Any
) -> None:
    client = client_for(other_member)
    for state in ("draft", "submitted", "returned"):
        practice = entries[state]
        for name in ("detail", "edit", "resources", "delete"):
            response = client.get(reverse(f"community:{name}", args=[practice.pk]))
            assert response.status_code == 404, (state, name)


def test_entries_of_an_organisation_that_left_disappear(
    entries: dict[str, BestPractice], org_a: Any, client: Any
) -> None:
    org_a.status = "left"
    org_a.save()
    response = client.get(reverse("community:detail", args=[entries["public"].pk]))
    assert response.status_code == 404


def test_comments_stay_inside_the_platform_even_on_public_entries(
    client: Any, client_for: Any, other_member: Any, org_a: Any, member: Any
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, public=True)
    CommentFactory(best_practice=practice, author=other_member, body="Tolle Idee, danke!")
    url = reverse("community:detail", args=[practice.pk])
    assert "Tolle Idee" not in client.get(url).content.decode()
    assert "Tolle Idee" in client_for(member).get(url).content.decode()


def test_visitors_do_not_see_the_contact_persons_name(
    client: Any, client_for: Any, org_a: Any, member: Any, other_member: Any
) -> None:
    member.first_name, member.last_name = "Mehmet", "Kontaktperson"
    member.save()
    practice = BestPracticeFactory(organisation=org_a, author=member, public=True)
    url = reverse("community:detail", args=[practice.pk])
    assert "Kontaktperson" not in client.get(url).content.decode()
    assert "Kontaktperson" in client_for(other_member).get(url).content.decode()


def test_public_entries_are_indexable_but_others_are_not(
    entries: dict[str, BestPractice], client: Any, client_for: Any, other_member: Any
) -> None:
    public = client.get(reverse("community:detail", args=[entries["public"].pk]))
    assert 'name="robots"' not in public.content.decode()
    members = client_for(other_member).get(
        reverse("community:detail", args=[entries["members"].pk])
    )
    assert 'content="noindex"' in members.content.decode()


def test_the_library_searches_and_filters_by_topic_field_kind_and_federal_state(
    client: Any, org_a: Any, org_b: Any, member: Any, other_member: Any, make_user: Any
) -> None:
    from vamos.community.models import Reaction

    nrw = BestPracticeFactory(
        organisation=org_a,
        author=member,
        public=True,
        title="Tandem-Anträge",
        topics=["finanzierung"],
    )
    berlin = BestPracticeFactory(
        organisation=org_b,
        author=other_member,
        public=True,
        title="Mehrsprachige Redaktion",
        approach="Wir posten auf Arabisch und Deutsch.",
        topics=["oeffentlichkeitsarbeit"],
    )
    for number in range(2):
        Reaction.objects.create(
            best_practice=berlin, user=make_user(email=f"leser{number}@example.org")
        )
    url = reverse("community:library")

    def titles(**params: str) -> list[str]:
        return [p.title for p in client.get(url, params).context["page_obj"]]

    assert titles(q="arabisch") == ["Mehrsprachige Redaktion"]
    assert titles(q="Landesverband") == ["Tandem-Anträge"]
    assert titles(thema="finanzierung") == ["Tandem-Anträge"]
    assert titles(art="bundesverband") == ["Mehrsprachige Redaktion"]
    assert titles(land="NW") == ["Tandem-Anträge"]
    assert titles(sortierung="useful")[0] == "Mehrsprachige Redaktion"
    assert set(titles(thema="gibt-es-nicht")) == {nrw.title, berlin.title}  # bad filter: ignored
    assert titles(land="NW", q="Redaktion") == []
