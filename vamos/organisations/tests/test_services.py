from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from vamos.accounts.models import PrivacyConsent, User
from vamos.core.models import AuditEntry
from vamos.organisations import services
from vamos.organisations.models import Invitation, Membership, Organisation
from vamos.organisations.tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

ORGANISATION_DATA = {
    "name": "Verband Junger Brückenbauer",
    "kind": Organisation.Kind.STATE,
    "federal_state": "NW",
    "public_profile": True,
}
APPLICANT = {"email": "Leyla@Example.org", "first_name": "Leyla", "last_name": "Aydin"}


def _apply(**overrides: Any) -> Any:
    params = {
        "organisation_data": ORGANISATION_DATA,
        "applicant": None,
        "applicant_data": {**APPLICANT, "language": "en"},
        "applicant_role": "Vorsitz",
        "message": "Wir möchten wachsen.",
    }
    params.update(overrides)
    return services.organisation_apply(**params)


def test_visitor_application_creates_applied_organisation_and_passwordless_account(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application = _apply()
    organisation = application.organisation
    assert organisation.status == Organisation.Status.APPLIED
    assert organisation.public_profile_consented_at is not None
    applicant = application.applicant
    assert applicant.email == "leyla@example.org"
    assert applicant.language == "en"
    assert not applicant.has_usable_password()
    assert not EmailAddress.objects.get(user=applicant).verified
    consent = PrivacyConsent.objects.get(user=applicant)
    assert consent.version == "2026-01"
    assert not Membership.objects.filter(organisation=organisation).exists()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["leyla@example.org", "team@vamos.test"]
    confirmation = next(m for m in mail.outbox if m.to == ["leyla@example.org"])
    assert confirmation.subject.startswith("We have received")  # the applicant's language
    assert confirmation.alternatives and confirmation.alternatives[0][1] == "text/html"


def test_duplicate_organisation_name_is_refused_case_insensitively() -> None:
    OrganisationFactory(name="Verband Junger Brückenbauer")
    with pytest.raises(ValidationError) as error:
        _apply(organisation_data={**ORGANISATION_DATA, "name": "verband junger brückenbauer"})
    assert "name" in error.value.error_dict
    assert not User.objects.filter(email="leyla@example.org").exists()


def test_rejected_name_may_apply_again(team_admin: Any) -> None:
    first = _apply()
    services.application_reject(application=first, actor=team_admin, reason="Unvollständig")
    second = _apply(applicant_data={**APPLICANT, "email": "other@example.org"})
    assert second.organisation.pk != first.organisation.pk


def test_already_registered_email_gets_a_clear_message(make_user: Any) -> None:
    make_user(email="leyla@example.org")
    with pytest.raises(ValidationError) as error:
        _apply()
    assert "email" in error.value.error_dict
    assert not Organisation.objects.filter(name=ORGANISATION_DATA["name"]).exists()


def test_approval_makes_applicant_admin_and_emails_a_password_link(
    team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = _apply()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.application_approve(application=application, actor=team_admin)
    assert organisation.status == Organisation.Status.ACTIVE
    assert organisation.joined_on == timezone.localdate()
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user == application.applicant
    assert membership.role == Membership.Role.ADMIN
    (message,) = mail.outbox
    assert message.to == ["leyla@example.org"]
    assert "/en/konto/passwort-festlegen/" in message.body
    assert AuditEntry.objects.filter(action="organisation.approve", actor=team_admin).exists()
    with pytest.raises(ValidationError):
        services.application_approve(application=application, actor=team_admin)


def test_rejection_needs_a_reason_and_tells_the_applicant(
    team_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = _apply()
    with pytest.raises(ValidationError):
        services.application_reject(application=application, actor=team_admin, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_reject(
            application=application, actor=team_admin, reason="Kein Verband."
        )
    application.refresh_from_db()
    assert application.organisation.status == Organisation.Status.REJECTED
    assert "Kein Verband." in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="organisation.reject")
    assert entry.data == {"reason": "Kein Verband."}


def test_signed_in_person_applies_without_new_account(make_user: Any) -> None:
    person = make_user(email="known@example.org")
    application = _apply(applicant=person, applicant_data={})
    assert application.applicant == person
    assert User.objects.filter(email="known@example.org").count() == 1


# --- Invitations --------------------------------------------------------------------------


def test_invitation_is_accepted_once_and_confirms_the_address(
    org_a: Any, org_admin: Any, make_user: Any
) -> None:
    invitation, token = services.invitation_create(
        organisation=org_a, email="New@Example.org", role="member", invited_by=org_admin
    )
    assert invitation.email == "new@example.org"
    assert invitation.token_hash != token  # only the hash is stored
    assert services.invitation_by_token(token) == invitation
    person = make_user(email="new@example.org", verified=False)
    EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)
    membership = services.invitation_accept(invitation=invitation, user=person)
    assert membership.role == Membership.Role.MEMBER
    assert EmailAddress.objects.get(user=person).verified
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=person)


def test_invitation_expires_after_fourteen_days(org_a: Any, org_admin: Any) -> None:
    invitation, _token = services.invitation_create(
        organisation=org_a, email="late@example.org", role="member", invited_by=org_admin
    )
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - timedelta(days=14)) < timedelta(seconds=1)
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    with pytest.raises(ValidationError):
        services.invitation_accept_with_new_account(
            invitation=invitation,
            first_name="Zu",
            last_name="Spät",
            password="Lange-genug-2026",
            language="de",
        )
    assert not User.objects.filter(email="late@example.org").exists()


def test_revoked_invitation_cannot_be_used(org_a: Any, org_admin: Any, make_user: Any) -> None:
    invitation, _token = services.invitation_create(
        organisation=org_a, email="gone@example.org", role="member", invited_by=org_admin
    )
    services.invitation_revoke(invitation=invitation, actor=org_admin)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=make_user(email="gone@example.org"))


def test_invitation_for_another_address_is_refused(
    org_a: Any, org_admin: Any, other_member: Any
) -> None:
    invitation, _token = services.invitation_create(
        organisation=org_a, email="someone@example.org", role="member", invited_by=org_admin
    )
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=other_member)


def test_inviting_again_replaces_the_open_invitation(org_a: Any, org_admin: Any) -> None:
    first, _token = services.invitation_create(
        organisation=org_a, email="twice@example.org", role="member", invited_by=org_admin
    )
    second, _token = services.invitation_create(
        organisation=org_a, email="twice@example.org", role="admin", invited_by=org_admin
    )
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.is_open


def test_inviting_a_member_is_refused(org_a: Any, org_admin: Any, member: Any) -> None:
    with pytest.raises(ValidationError):
        services.invitation_create(
            organisation=org_a, email=member.email, role="member", invited_by=org_admin
        )


def test_new_account_from_invitation_is_verified_and_records_consent(
    org_a: Any, org_admin: Any
) -> None:
    invitation, _token = services.invitation_create(
        organisation=org_a, email="jonas@example.org", role="admin", invited_by=org_admin
    )
    user = services.invitation_accept_with_new_account(
        invitation=invitation,
        first_name="Jonas",
        last_name="Berger",
        password="Jonas-lernt-2026",
        language="en",
    )
    assert user.check_password("Jonas-lernt-2026")
    assert EmailAddress.objects.get(user=user).verified
    assert PrivacyConsent.objects.filter(user=user, context="invitation").exists()
    assert Membership.objects.get(user=user, organisation=org_a).role == Membership.Role.ADMIN


# --- Members: an organisation never ends up without an admin ------------------------------


def test_last_admin_cannot_step_down_or_be_removed(org_a: Any, org_admin: Any) -> None:
    membership = Membership.objects.get(user=org_admin, organisation=org_a)
    with pytest.raises(ValidationError):
        services.membership_role_set(membership=membership, role="member", actor=org_admin)
    with pytest.raises(ValidationError):
        services.membership_remove(membership=membership, actor=org_admin)


def test_admin_role_can_be_handed_over(org_a: Any, org_admin: Any, member: Any) -> None:
    new_admin = Membership.objects.get(user=member, organisation=org_a)
    services.membership_role_set(membership=new_admin, role="admin", actor=org_admin)
    old_admin = Membership.objects.get(user=org_admin, organisation=org_a)
    services.membership_role_set(membership=old_admin, role="member", actor=org_admin)
    assert set(org_a.memberships.values_list("role", flat=True)) == {"admin", "member"}


def test_removing_a_member_is_audited(org_a: Any, org_admin: Any, member: Any) -> None:
    services.membership_remove(
        membership=Membership.objects.get(user=member, organisation=org_a), actor=org_admin
    )
    assert not Membership.objects.filter(user=member).exists()
    assert AuditEntry.objects.filter(action="membership.remove", actor=org_admin).exists()


# --- Member clubs -------------------------------------------------------------------------


def test_federation_lists_a_club_without_account(org_a: Any, org_admin: Any) -> None:
    club = services.member_club_add_listed(
        federation=org_a, name="Kulturverein Bonn", city="Bonn", federal_state="NW", actor=org_admin
    )
    assert club.status == Organisation.Status.LISTED
    assert club.parent == org_a
    with pytest.raises(ValidationError):
        services.member_club_add_listed(
            federation=org_a, name="kulturverein bonn", city="", federal_state="", actor=org_admin
        )
    services.member_club_remove(federation=org_a, club=club, actor=org_admin)
    assert not Organisation.objects.filter(pk=club.pk).exists()


def test_registered_club_confirms_before_it_is_linked(
    org_a: Any, org_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    club = OrganisationFactory(kind=Organisation.Kind.CLUB)
    club_admin = MembershipFactory(organisation=club, role="admin").user
    with django_capture_on_commit_callbacks(execute=True):
        services.member_club_request(federation=org_a, club=club, actor=org_admin)
    club.refresh_from_db()
    assert club.parent is None
    assert club.parent_request == org_a
    assert mail.outbox[-1].to == [club_admin.email]
    services.member_club_request_answer(club=club, accept=True, actor=club_admin)
    club.refresh_from_db()
    assert club.parent == org_a
    assert club.parent_request is None


def test_declined_club_request_leaves_no_link(org_a: Any, org_admin: Any) -> None:
    club = OrganisationFactory(kind=Organisation.Kind.CLUB)
    services.member_club_request(federation=org_a, club=club, actor=org_admin)
    services.member_club_request_answer(club=club, accept=False, actor=org_admin)
    club.refresh_from_db()
    assert club.parent is None and club.parent_request is None


def test_pending_application_is_in_the_queue(team_admin: Any) -> None:
    from vamos.organisations.selectors import application_queue, application_queue_count

    application = ApplicationFactory()
    assert list(application_queue()) == [application]
    assert application_queue_count() == 1
    services.application_approve(application=application, actor=team_admin)
    assert application_queue_count() == 0
    assert Invitation.objects.count() == 0
