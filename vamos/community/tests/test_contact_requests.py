""" "Ask this organisation": addresses stay private until the asked side answers."""

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from vamos.community import services
from vamos.community.models import ContactRequest
from vamos.core.models import AuditEntry

from .factories import BestPracticeFactory, PeerOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(org_b: Any, other_member: Any) -> Any:
    return BestPracticeFactory(organisation=org_b, author=other_member, published=True)


def test_the_request_reaches_the_contact_person_without_the_senders_address(
    practice: Any,
    member: Any,
    org_a: Any,
    other_member: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member).post(
            reverse("community:contact", args=[practice.pk]),
            {"sender_organisation": org_a.pk, "subject": "Tandems", "message": "Hallo!"},
        )
    assert response.status_code == 302
    request_ = ContactRequest.objects.get()
    assert (request_.recipient, request_.sender_organisation) == (other_member, org_a)
    [email] = mail.outbox
    assert email.to == [other_member.email]
    assert member.email not in email.body and member.email not in email.alternatives[0][0]
    assert not email.reply_to
    page = client_for(other_member).get(reverse("community:request-detail", args=[request_.pk]))
    assert member.email not in page.content.decode()
    sender_page = client_for(member).get(reverse("community:request-detail", args=[request_.pk]))
    assert other_member.email not in sender_page.content.decode()


def test_answering_shares_both_addresses_and_is_logged(
    practice: Any,
    member: Any,
    other_member: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    request_ = services.contact_request_create(
        sender=member,
        organisation=practice.organisation,
        subject="Frage",
        message="Hallo",
        best_practice=practice,
    )
    mail.outbox.clear()
    url = reverse("community:request-detail", args=[request_.pk])
    response = client_for(other_member).post(url, {"decision": "answer", "answer": ""})
    assert response.status_code == 200 and response.context["form"].errors["answer"]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other_member).post(url, {"decision": "answer", "answer": "Gern, rufen Sie an."})
    request_.refresh_from_db()
    assert request_.status == "answered"
    [email] = mail.outbox
    assert email.to == [member.email]
    assert email.reply_to == [other_member.email]
    assert other_member.email in email.body
    assert member.email in client_for(other_member).get(url).content.decode()
    assert other_member.email in client_for(member).get(url).content.decode()
    assert AuditEntry.objects.filter(action="contact_request.answer").exists()


def test_declining_shares_no_address(
    practice: Any,
    member: Any,
    other_member: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    request_ = services.contact_request_create(
        sender=member,
        organisation=practice.organisation,
        subject="Frage",
        message="Hallo",
        best_practice=practice,
    )
    mail.outbox.clear()
    url = reverse("community:request-detail", args=[request_.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other_member).post(url, {"decision": "decline", "answer": ""})
    request_.refresh_from_db()
    assert request_.status == "declined"
    [email] = mail.outbox
    assert other_member.email not in email.body and not email.reply_to
    assert member.email not in client_for(other_member).get(url).content.decode()


def test_the_sender_cannot_answer_and_others_cannot_read(
    practice: Any, member: Any, org_admin: Any, editor: Any, client_for: Any
) -> None:
    request_ = services.contact_request_create(
        sender=member,
        organisation=practice.organisation,
        subject="Frage",
        message="Hallo",
        best_practice=practice,
    )
    url = reverse("community:request-detail", args=[request_.pk])
    response = client_for(member).post(url, {"decision": "answer", "answer": "Ich selbst"})
    assert response.status_code == 404
    for outsider in (org_admin, editor):
        assert client_for(outsider).get(url).status_code == 404


def test_nobody_asks_their_own_organisation_and_requests_are_rate_limited(
    practice: Any, member: Any, other_member: Any
) -> None:
    with pytest.raises(Exception, match="eigene Organisation"):
        services.contact_request_create(
            sender=other_member, organisation=practice.organisation, subject="x", message="y"
        )
    for number in range(services.CONTACT_REQUESTS_PER_DAY):
        services.contact_request_create(
            sender=member,
            organisation=practice.organisation,
            subject=f"{number}",
            message="y",
            best_practice=practice,
        )
    with pytest.raises(Exception, match="bis morgen"):
        services.contact_request_create(
            sender=member,
            organisation=practice.organisation,
            subject="zu viel",
            message="y",
            best_practice=practice,
        )


def test_a_request_goes_to_an_admin_when_the_contact_person_left(
    org_b: Any, make_user: Any, member: Any
) -> None:
    from vamos.organisations.tests.factories import MembershipFactory

    admin = make_user(email="admin-b@example.org")
    MembershipFactory(user=admin, organisation=org_b, role="admin")
    former = make_user(email="former@example.org")
    offer = PeerOfferFactory(organisation=org_b, contact_person=former)
    request_ = services.contact_request_create(
        sender=member, organisation=org_b, subject="Frage", message="Hallo", peer_offer=offer
    )
    assert request_.recipient == admin
