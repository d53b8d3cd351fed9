"""List pages keep their number of queries when the data grows."""

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from vamos.community.models import CommentReport, Need, Reaction
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import (
    BestPracticeFactory,
    CommentFactory,
    ContactRequestFactory,
    PeerOfferFactory,
    topic_field,
)

pytestmark = pytest.mark.django_db


def _grow(size: int, *, org_a: Any, member: Any, org_admin: Any) -> None:
    for number in range(size):
        organisation = OrganisationFactory()
        author = MembershipFactory(organisation=organisation, role="admin").user
        practice = BestPracticeFactory(
            organisation=organisation,
            author=author,
            public=number % 2 == 0,
            published=number % 2 == 1,
            topics=["finanzierung", "strategie"],
        )
        Reaction.objects.create(best_practice=practice, user=member)
        comment = CommentFactory(best_practice=practice, author=org_admin)
        CommentReport.objects.create(comment=comment, reporter=author, reason="spam")
        BestPracticeFactory(organisation=organisation, author=author, submitted=True)
        BestPracticeFactory(organisation=org_a, author=member, status="returned")
        PeerOfferFactory(organisation=organisation, topics=["finanzierung", "strategie"])
        ContactRequestFactory(organisation=org_a, recipient=org_admin, sender=author)
        ContactRequestFactory(organisation=organisation, recipient=author, sender=member)
    Need.objects.get_or_create(
        organisation=org_a, topic_field=topic_field("finanzierung"), defaults={"priority": 3}
    )


PAGES: list[tuple[str, str, str]] = [
    ("community:library", "anonymous", ""),
    ("community:library", "org_admin", ""),
    ("community:mine", "member", ""),
    ("community:offers", "org_admin", ""),
    ("community:matches", "org_admin", ""),
    ("community:requests", "org_admin", ""),
    ("community:requests", "member", "?ansicht=gesendet"),
    ("community:review-queue", "editor", ""),
    ("community:moderation", "editor", ""),
    ("community:presenters", "editor", ""),
]


@pytest.mark.parametrize(("name", "persona", "query"), PAGES)
def test_list_pages_do_not_grow_their_queries_with_the_data(
    name: str,
    persona: str,
    query: str,
    request: Any,
    client_for: Callable[[Any], Any],
    org_a: Any,
    member: Any,
    org_admin: Any,
    editor: Any,
    django_assert_max_num_queries: Any,
) -> None:
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = client_for(user)
    url = reverse(name) + query
    _grow(3, org_a=org_a, member=member, org_admin=org_admin)
    client.get(url)  # warm caches (topic fields, session, permissions)
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    _grow(15, org_a=org_a, member=member, org_admin=org_admin)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_a_best_practice_page_does_not_grow_its_queries_with_comments(
    client_for: Callable[[Any], Any],
    org_a: Any,
    member: Any,
    org_admin: Any,
    other_member: Any,
    django_assert_max_num_queries: Any,
) -> None:
    practice = BestPracticeFactory(organisation=org_a, author=member, public=True)
    client = client_for(other_member)
    url = reverse("community:detail", args=[practice.pk])

    def discuss(count: int) -> None:
        for _number in range(count):
            question = CommentFactory(best_practice=practice, author=other_member)
            CommentFactory(best_practice=practice, author=org_admin, parent=question)
            CommentReport.objects.create(comment=question, reporter=member, reason="other")

    discuss(2)
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    discuss(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
