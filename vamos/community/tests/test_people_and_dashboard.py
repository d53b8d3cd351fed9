"""Personal data export and erasure; the "Mein VAMOs" panel; the back-office menu items."""

from typing import Any

import pytest
from django.urls import reverse

from vamos.accounts.services import user_data_export, user_delete
from vamos.community import services
from vamos.community.models import BestPractice, Comment, ContactRequest, Need, Reaction

from .factories import BestPracticeFactory, CommentFactory, PeerOfferFactory, topic_field

pytestmark = pytest.mark.django_db


def test_export_and_erase_cover_what_a_person_wrote(
    org_a: Any, org_b: Any, member: Any, org_admin: Any, other_member: Any
) -> None:
    mine = BestPracticeFactory(
        organisation=org_a, author=member, contact_person=member, public=True
    )
    theirs = BestPracticeFactory(organisation=org_b, author=other_member, public=True)
    CommentFactory(best_practice=theirs, author=member, body="Meine persönliche Frage")
    Reaction.objects.create(best_practice=theirs, user=member)
    services.contact_request_create(
        sender=member,
        organisation=org_b,
        subject="Anfrage",
        message="Private Nachricht",
        best_practice=theirs,
    )
    data = user_data_export(user=member)["community"]
    assert data["comments"][0]["text"] == "Meine persönliche Frage"
    assert data["best_practices_written"][0]["title"] == mine.title
    assert data["contact_requests"][0]["message"] == "Private Nachricht"
    assert data["marked_useful"] == [theirs.title]

    user_delete(user=member)
    comment = Comment.objects.get()
    assert (comment.body, comment.author) == ("", None)
    assert ContactRequest.objects.get().message == ""
    assert BestPractice.objects.get(pk=mine.pk).contact_person is None
    assert Reaction.objects.count() == 1  # the count survives, the account is anonymised


def test_dashboard_shows_matches_own_entries_answers_and_open_requests(
    org_a: Any, org_b: Any, org_admin: Any, other_member: Any, client_for: Any
) -> None:
    Need.objects.create(organisation=org_a, topic_field=topic_field("finanzierung"), priority=3)
    PeerOfferFactory(organisation=org_b, title="Fördermittel-Beratung")
    BestPracticeFactory(
        organisation=org_a, author=org_admin, status="returned", title="Zurückgegebenes Beispiel"
    )
    theirs = BestPracticeFactory(organisation=org_b, author=other_member, published=True)
    question = CommentFactory(best_practice=theirs, author=org_admin)
    CommentFactory(best_practice=theirs, author=other_member, parent=question, body="Gute Frage!")
    services.contact_request_create(
        sender=other_member, organisation=org_a, subject="Bitte um Rückruf", message="Hallo"
    )
    body = client_for(org_admin).get(reverse("dashboard:index")).content.decode()
    assert "Fördermittel-Beratung" in body
    assert "Zurückgegebenes Beispiel" in body and "bitte überarbeiten" in body
    assert "Gute Frage!" in body
    assert "Bitte um Rückruf" in body


def test_dashboard_tells_the_editorial_team_what_waits(
    org_a: Any, member: Any, editor: Any, client_for: Any
) -> None:
    BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    body = client_for(editor).get(reverse("dashboard:index")).content.decode()
    assert "1 Praxisbeispiel wartet auf Prüfung." in body


def test_back_office_menu_links_to_the_review_queue_for_editors(
    org_a: Any, member: Any, editor: Any, client_for: Any
) -> None:
    BestPracticeFactory(organisation=org_a, author=member, submitted=True)
    body = client_for(editor).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("community:review-queue") in body
    assert '"label": "Praxisbeispiele zur Pr\\u00fcfung (1)"' in body
