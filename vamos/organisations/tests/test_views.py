from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from vamos.organisations.models import Membership, Organisation
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_directory_shows_only_consenting_organisations_to_the_public(
    client: Any, client_for: Any, org_a: Any, org_b: Any, member: Any
) -> None:
    org_b.public_profile = False
    org_b.save()
    OrganisationFactory(name="Beantragt e. V.", status=Organisation.Status.APPLIED)
    public = client.get(reverse("organisations:directory")).content.decode()
    assert org_a.name in public
    assert org_b.name not in public
    assert "Beantragt" not in public
    signed_in = client_for(member).get(reverse("organisations:directory")).content.decode()
    assert org_b.name in signed_in
    assert "Beantragt" not in signed_in


def test_directory_filters_by_kind_and_federal_state(client: Any, org_a: Any, org_b: Any) -> None:
    response = client.get(reverse("organisations:directory"), {"federal_state": "BE"})
    content = response.content.decode()
    assert org_b.name in content and org_a.name not in content
    response = client.get(reverse("organisations:directory"), {"kind": "landesverband"})
    content = response.content.decode()
    assert org_a.name in content and org_b.name not in content


def test_directory_query_count_does_not_grow_with_organisations(
    client_for: Any, member: Any, django_assert_max_num_queries: Any
) -> None:
    parent = OrganisationFactory()
    OrganisationFactory.create_batch(3, parent=parent)
    client = client_for(member)
    client.get(reverse("organisations:directory"))  # warm the navigation cache
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("organisations:directory"))
    OrganisationFactory.create_batch(30, parent=parent)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("organisations:directory"))


def test_dashboard_query_count_does_not_grow_with_members(
    client_for: Any, org_admin: Any, org_a: Any, django_assert_max_num_queries: Any
) -> None:
    MembershipFactory.create_batch(2, organisation=org_a)
    client = client_for(org_admin)
    client.get(reverse("dashboard:index"))  # warm the navigation cache
    with django_assert_max_num_queries(60) as small:
        client.get(reverse("dashboard:index"))
    MembershipFactory.create_batch(25, organisation=org_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("dashboard:index"))


def test_profile_of_another_organisation_is_not_editable(
    client_for: Any, other_member: Any, org_a: Any
) -> None:
    response = client_for(other_member).post(
        reverse("organisations:edit", kwargs={"slug": org_a.slug}),
        {"name": "Übernommen", "kind": "landesverband"},
    )
    assert response.status_code == 404
    org_a.refresh_from_db()
    assert org_a.name == "Landesverband A"


def test_membership_id_of_another_organisation_gives_404(
    client_for: Any, org_admin: Any, org_a: Any, other_member: Any
) -> None:
    foreign = Membership.objects.get(user=other_member)
    response = client_for(org_admin).post(
        reverse("organisations:member-remove", kwargs={"slug": org_a.slug, "pk": foreign.pk})
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_application_form_keeps_input_and_saves_nothing_on_error(client: Any) -> None:
    response = client.post(
        reverse("organisations:apply"),
        {"name": "Neuer Verband", "kind": "landesverband", "email": "kaputt", "first_name": "A"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "data-error-summary" in content
    assert 'value="Neuer Verband"' in content
    assert not Organisation.objects.filter(name="Neuer Verband").exists()


def test_application_form_end_to_end(
    client: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.VAMOS_FORM_MIN_SECONDS = 0
    form_page = client.get(reverse("organisations:apply")).content.decode()
    started = form_page.split('name="form_started" value="')[1].split('"')[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:apply"),
            {
                "name": "Neuer Verband",
                "kind": "landesverband",
                "first_name": "Amina",
                "last_name": "Yilmaz",
                "email": "amina@example.org",
                "applicant_role": "Vorsitz",
                "privacy_consent": "on",
                "form_started": started,
            },
        )
    assert response["Location"] == reverse("organisations:apply-done")
    assert Organisation.objects.get(name="Neuer Verband").status == "applied"
    assert {address for message in mail.outbox for address in message.to} == {
        "amina@example.org",
        "team@vamos.test",
    }


def test_invitation_link_creates_account_and_membership(
    client: Any, org_a: Any, org_admin: Any
) -> None:
    from vamos.organisations.services import invitation_create

    _invitation, token = invitation_create(
        organisation=org_a, email="jonas@example.org", role="member", invited_by=org_admin
    )
    url = reverse("organisations:invitation", kwargs={"token": token})
    response = client.post(
        url,
        {
            "first_name": "Jonas",
            "last_name": "Berger",
            "password1": "Jonas-lernt-2026",
            "password2": "Jonas-lernt-2026",
            "privacy_consent": "on",
        },
    )
    assert response["Location"] == reverse("dashboard:index")
    assert Membership.objects.filter(organisation=org_a, user__email="jonas@example.org").exists()
    assert client.get(url).status_code == 410  # used


def test_unknown_invitation_token_is_404(client: Any) -> None:
    url = reverse("organisations:invitation", kwargs={"token": "nicht-echt"})
    assert client.get(url).status_code == 404


def test_review_queue_approves_in_the_back_office(
    client_for: Any, team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from vamos.organisations.tests.factories import ApplicationFactory

    application = ApplicationFactory()
    client = client_for(team_admin)
    queue = client.get(reverse("organisations_admin:applications")).content.decode()
    assert application.organisation.name in queue
    url = reverse("organisations_admin:application", kwargs={"pk": application.pk})
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200  # a reason is required
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    application.organisation.refresh_from_db()
    assert application.organisation.status == Organisation.Status.ACTIVE


def test_removed_member_loses_the_organisations_pages_at_once(
    client_for: Any,
    org_admin: Any,
    member: Any,
    org_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:

    client = client_for(member)
    members = reverse("organisations:members", kwargs={"slug": org_a.slug})
    assert client.get(members).status_code == 200  # memberships now in the cache
    with django_capture_on_commit_callbacks(execute=True):
        client_for(org_admin).post(
            reverse(
                "organisations:member-remove",
                kwargs={"slug": org_a.slug, "pk": Membership.objects.get(user=member).pk},
            )
        )
    assert not Membership.objects.filter(user=member).exists()
    assert client.get(members).status_code == 404
    # Nor is the person a learner any more: they belonged to no other organisation.
    assert client.get(reverse("learning:my-learning")).status_code == 200
    content = client.get(reverse("learning:my-learning")).content.decode()
    assert "Lernen können Haupt- und Ehrenamtliche angemeldeter Organisationen" in content


def test_a_new_member_is_let_in_at_once(
    client_for: Any, member: Any, org_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    detail = reverse("organisations:members", kwargs={"slug": org_b.slug})
    assert client.get(detail).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        MembershipFactory(user=member, organisation=org_b)
    assert client.get(detail).status_code == 200
