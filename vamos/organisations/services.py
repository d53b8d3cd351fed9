"""Writes about organisations: applications, reviews, members, invitations, member clubs."""

import secrets
from datetime import timedelta
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vamos.accounts.models import PrivacyConsent, User
from vamos.accounts.services import consent_record, user_create_unverified
from vamos.core.services import audit_log, email_queue

from .models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationApplication,
    invitation_token_hash,
)
from .selectors import name_is_taken

ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "kind",
    "federal_state",
    "city",
    "legal_form",
    "founded",
    "member_clubs_count",
    "members_count",
    "communities",
    "description",
    "website",
    "contact_email",
    "public_profile",
]


# Paths under /organisationen/ that an organisation's slug must not take.
_RESERVED_SLUGS = {"registrieren", "einladung"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 2
    while slug in _RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _absolute(path: str) -> str:
    return f"{settings.VAMOS_BASE_URL}{path}"


def _url_in(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return _absolute(reverse(name, kwargs=kwargs or None))


def password_set_url(user: User) -> str:
    """A link to choose a password; it also proves that the person owns the address."""
    return _url_in(
        user.language,
        "accounts:password-set",
        uidb36=user_pk_to_url_str(user),
        key=default_token_generator.make_token(user),
    )


@transaction.atomic
def organisation_apply(
    *,
    organisation_data: dict[str, Any],
    applicant: User | None,
    applicant_data: dict[str, Any],
    applicant_role: str,
    message: str,
    parent: Organisation | None = None,
) -> OrganisationApplication:
    """A visitor (or a signed-in person) asks to register an organisation.

    A visitor gets an account without password; it becomes usable on approval."""
    if name_is_taken(organisation_data["name"]):
        raise ValidationError(
            {"name": _("An organisation with this name is already registered or has applied.")}
        )
    if applicant is None:
        email = applicant_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                {
                    "email": _(
                        "This email address already has an account. Please sign in and apply "
                        "from there."
                    )
                }
            )
        applicant = user_create_unverified(
            email=email,
            first_name=applicant_data["first_name"],
            last_name=applicant_data["last_name"],
            language=applicant_data.get("language") or translation.get_language() or "de",
        )
        EmailAddress.objects.create(user=applicant, email=email, primary=True, verified=False)
    organisation = Organisation(
        **{
            field: organisation_data.get(field)
            for field in ORGANISATION_FIELDS
            if field in organisation_data
        },
        slug=_unique_slug(organisation_data["name"]),
        status=Organisation.Status.APPLIED,
        parent=parent,
    )
    if organisation.public_profile:
        organisation.public_profile_consented_at = timezone.now()
    for field in ("founded", "member_clubs_count", "members_count"):
        if getattr(organisation, field) == "":
            setattr(organisation, field, None)
    organisation.full_clean()
    organisation.save()
    application = OrganisationApplication.objects.create(
        organisation=organisation,
        applicant=applicant,
        applicant_role=applicant_role,
        message=message,
    )
    consent_record(
        user=applicant,
        kind=PrivacyConsent.Kind.PRIVACY_NOTICE,
        version=settings.VAMOS_PRIVACY_NOTICE_VERSION,
        context="organisation application",
    )
    audit_log(actor=applicant, action="organisation.apply", obj=organisation)
    email_queue(
        to=applicant.email,
        template="organisations/email/application_received",
        context={"organisation": organisation, "user": applicant},
        language=applicant.language,
        recipient=applicant,
    )
    email_queue(
        to=settings.VAMOS_TEAM_EMAIL,
        template="organisations/email/application_team_notice",
        context={
            "organisation": organisation,
            "application": application,
            "review_url": _absolute(reverse("organisations_admin:applications")),
        },
        language=settings.LANGUAGE_CODE,
    )
    return application


@transaction.atomic
def application_approve(*, application: OrganisationApplication, actor: Any) -> Organisation:
    application = OrganisationApplication.objects.select_for_update().get(pk=application.pk)
    if application.decision != OrganisationApplication.Decision.PENDING:
        raise ValidationError(_("The team has already decided on this application."))
    organisation = application.organisation
    organisation.status = Organisation.Status.ACTIVE
    organisation.joined_on = timezone.localdate()
    organisation.save(update_fields=["status", "joined_on", "updated_at"])
    application.decision = OrganisationApplication.Decision.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save(update_fields=["decision", "decided_at", "decided_by"])
    applicant = application.applicant
    if applicant is not None:
        Membership.objects.update_or_create(
            user=applicant, organisation=organisation, defaults={"role": Membership.Role.ADMIN}
        )
        needs_password = not applicant.has_usable_password()
        email_queue(
            to=applicant.email,
            template="organisations/email/application_approved",
            context={
                "organisation": organisation,
                "user": applicant,
                "needs_password": needs_password,
                "action_url": (
                    password_set_url(applicant)
                    if needs_password
                    else _url_in(applicant.language, "dashboard:index")
                ),
            },
            language=applicant.language,
            recipient=applicant,
        )
    audit_log(actor=actor, action="organisation.approve", obj=organisation)
    return organisation


@transaction.atomic
def application_reject(
    *, application: OrganisationApplication, actor: Any, reason: str
) -> Organisation:
    application = OrganisationApplication.objects.select_for_update().get(pk=application.pk)
    if application.decision != OrganisationApplication.Decision.PENDING:
        raise ValidationError(_("The team has already decided on this application."))
    if not reason.strip():
        raise ValidationError({"reason": _("Please give a reason; the applicant will read it.")})
    organisation = application.organisation
    organisation.status = Organisation.Status.REJECTED
    organisation.save(update_fields=["status", "updated_at"])
    application.decision = OrganisationApplication.Decision.REJECTED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.rejection_reason = reason.strip()
    application.save(update_fields=["decision", "decided_at", "decided_by", "rejection_reason"])
    applicant = application.applicant
    if applicant is not None:
        email_queue(
            to=applicant.email,
            template="organisations/email/application_rejected",
            context={"organisation": organisation, "user": applicant, "reason": reason.strip()},
            language=applicant.language,
            recipient=applicant,
        )
    audit_log(actor=actor, action="organisation.reject", obj=organisation, data={"reason": reason})
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: Any, data: dict[str, Any]
) -> Organisation:
    if "name" in data and name_is_taken(data["name"], exclude_pk=organisation.pk):
        raise ValidationError({"name": _("Another organisation already has this name.")})
    changed = []
    for field in ORGANISATION_FIELDS:
        if field in data and getattr(organisation, field) != data[field]:
            setattr(organisation, field, data[field])
            changed.append(field)
    if "public_profile" in changed:
        organisation.public_profile_consented_at = (
            timezone.now() if organisation.public_profile else None
        )
        changed.append("public_profile_consented_at")
    if changed:
        organisation.full_clean()
        organisation.save(update_fields=[*changed, "updated_at"])
        audit_log(
            actor=actor, action="organisation.update", obj=organisation, data={"fields": changed}
        )
    return organisation


@transaction.atomic
def organisation_status_set(*, organisation: Organisation, status: str, actor: Any) -> Organisation:
    """The team pauses, reactivates or closes an organisation's registration."""
    previous = organisation.status
    organisation.status = status
    if status == Organisation.Status.ACTIVE and not organisation.joined_on:
        organisation.joined_on = timezone.localdate()
    organisation.save(update_fields=["status", "joined_on", "updated_at"])
    audit_log(
        actor=actor,
        action="organisation.status",
        obj=organisation,
        data={"from": previous, "to": status},
    )
    return organisation


# --- Members ------------------------------------------------------------------------------


def _admin_count(organisation: Organisation) -> int:
    return organisation.memberships.filter(role=Membership.Role.ADMIN).count()


@transaction.atomic
def membership_role_set(*, membership: Membership, role: str, actor: Any) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return membership
    if membership.is_admin and _admin_count(membership.organisation) <= 1:
        raise ValidationError(
            _("An organisation needs at least one admin. Make someone else admin first.")
        )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit_log(
        actor=actor,
        action="membership.role",
        obj=membership.organisation,
        data={"member": membership.user_id, "role": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Any) -> None:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.is_admin and _admin_count(membership.organisation) <= 1:
        raise ValidationError(
            _("An organisation needs at least one admin. Make someone else admin first.")
        )
    organisation = membership.organisation
    user_id = membership.user_id
    membership.delete()
    audit_log(
        actor=actor,
        action="membership.leave" if actor and actor.pk == user_id else "membership.remove",
        obj=organisation,
        data={"member": user_id},
    )


# --- Invitations --------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, email: str, role: str, invited_by: Any
) -> tuple[Invitation, str]:
    """Invite ``email``; an earlier open invitation to the same address is replaced."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member.")})
    now = timezone.now()
    Invitation.objects.filter(
        organisation=organisation,
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=invitation_token_hash(token),
        invited_by=invited_by,
        expires_at=now + timedelta(days=settings.VAMOS_INVITATION_DAYS),
    )
    existing = User.objects.filter(email__iexact=email).first()
    language = existing.language if existing else (translation.get_language() or "de")
    email_queue(
        to=email,
        template="organisations/email/invitation",
        context={
            "organisation": organisation,
            "invitation": invitation,
            "inviter": invited_by,
            "accept_url": _url_in(language, "organisations:invitation", token=token),
        },
        language=language,
        recipient=existing,
    )
    audit_log(actor=invited_by, action="invitation.create", obj=organisation, data={"role": role})
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: Any) -> Invitation:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_log(actor=actor, action="invitation.revoke", obj=invitation.organisation)
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation was sent to another email address."))
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    # The link reached this address, so the address is confirmed.
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    audit_log(actor=user, action="invitation.accept", obj=invitation.organisation)
    return membership


@transaction.atomic
def invitation_accept_with_new_account(
    *,
    invitation: Invitation,
    first_name: str,
    last_name: str,
    password: str,
    language: str,
) -> User:
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this email address exists. Please sign in."))
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    consent_record(
        user=user,
        kind=PrivacyConsent.Kind.PRIVACY_NOTICE,
        version=settings.VAMOS_PRIVACY_NOTICE_VERSION,
        context="invitation",
    )
    invitation_accept(invitation=invitation, user=user)
    return user


# --- Member clubs -------------------------------------------------------------------------


@transaction.atomic
def member_club_add_listed(
    *, federation: Organisation, name: str, city: str, federal_state: str, actor: Any
) -> Organisation:
    """A federation lists a member club that has no account on the platform itself."""
    if federation.member_clubs.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("This member club is already listed.")})
    club = Organisation.objects.create(
        name=name.strip(),
        slug=_unique_slug(name),
        kind=Organisation.Kind.CLUB,
        city=city,
        federal_state=federal_state,
        status=Organisation.Status.LISTED,
        parent=federation,
    )
    audit_log(actor=actor, action="member_club.add", obj=federation, data={"club": club.pk})
    return club


@transaction.atomic
def member_club_request(
    *, federation: Organisation, club: Organisation, actor: Any
) -> Organisation:
    """Ask a registered organisation to confirm that it is a member club of ``federation``."""
    if club.pk == federation.pk:
        raise ValidationError({"club": _("An organisation cannot be its own member club.")})
    if club.parent_id == federation.pk:
        raise ValidationError({"club": _("This organisation is already a member club.")})
    club.parent_request = federation
    club.save(update_fields=["parent_request", "updated_at"])
    for membership in club.memberships.filter(role=Membership.Role.ADMIN).select_related("user"):
        email_queue(
            to=membership.user.email,
            template="organisations/email/member_club_request",
            context={
                "federation": federation,
                "club": club,
                "dashboard_url": _url_in(membership.user.language, "dashboard:index"),
            },
            language=membership.user.language,
            recipient=membership.user,
        )
    audit_log(actor=actor, action="member_club.request", obj=federation, data={"club": club.pk})
    return club


@transaction.atomic
def member_club_request_answer(*, club: Organisation, accept: bool, actor: Any) -> Organisation:
    federation = club.parent_request
    if federation is None:
        raise ValidationError(_("There is no request to answer."))
    if accept:
        club.parent = federation
    club.parent_request = None
    club.save(update_fields=["parent", "parent_request", "updated_at"])
    audit_log(
        actor=actor,
        action="member_club.accept" if accept else "member_club.decline",
        obj=club,
        data={"federation": federation.pk},
    )
    return club


@transaction.atomic
def member_club_remove(*, federation: Organisation, club: Organisation, actor: Any) -> None:
    if club.parent_id != federation.pk:
        raise ValidationError(_("This organisation is not a member club of yours."))
    audit_log(actor=actor, action="member_club.remove", obj=federation, data={"club": club.pk})
    if club.status == Organisation.Status.LISTED:
        club.delete()
    else:
        club.parent = None
        club.save(update_fields=["parent", "updated_at"])
