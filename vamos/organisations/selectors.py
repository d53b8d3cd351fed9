"""Reads about organisations, with the joins their pages need already applied."""

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .models import Invitation, Membership, Organisation, OrganisationApplication
from .permissions import directory_organisations


def organisation_directory(
    *, user: Any, kind: str = "", federal_state: str = "", query: str = ""
) -> QuerySet[Organisation]:
    organisations = directory_organisations(user).select_related("parent")
    if kind:
        organisations = organisations.filter(kind=kind)
    if federal_state:
        organisations = organisations.filter(federal_state=federal_state)
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(short_name__icontains=query) | Q(city__icontains=query)
        )
    return organisations.order_by("name")


def organisation_member_clubs(*, organisation: Organisation) -> QuerySet[Organisation]:
    return organisation.member_clubs.exclude(
        status__in=[Organisation.Status.REJECTED, Organisation.Status.APPLIED]
    ).order_by("name")


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "user__email")
    )


def organisation_open_invitations(*, organisation: Organisation) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            organisation=organisation,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )


def user_memberships(*, user: Any) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .exclude(organisation__status=Organisation.Status.REJECTED)
        .select_related("organisation", "organisation__application")
        .annotate(member_count=Count("organisation__memberships"))
        .order_by("organisation__name")
    )


def user_admin_organisations(*, user: Any) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(
            memberships__user=user,
            memberships__role=Membership.Role.ADMIN,
            status__in=[Organisation.Status.ACTIVE, Organisation.Status.PAUSED],
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("user").order_by(
                    "role", "user__last_name", "user__email"
                ),
            )
        )
        .order_by("name")
    )


def user_open_invitations(*, user: Any) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            email__iexact=user.email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .exclude(organisation__memberships__user=user)
        .select_related("organisation", "invited_by")
    )


def parent_requests_for_user(*, user: Any) -> QuerySet[Organisation]:
    """Organisations the user administers that a federation asked to list as member club."""
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role=Membership.Role.ADMIN,
        parent_request__isnull=False,
    ).select_related("parent_request")


def application_queue() -> QuerySet[OrganisationApplication]:
    return (
        OrganisationApplication.objects.filter(decision=OrganisationApplication.Decision.PENDING)
        .select_related("organisation", "organisation__parent", "applicant")
        .order_by("submitted_at")
    )


def application_queue_count() -> int:
    return OrganisationApplication.objects.filter(
        decision=OrganisationApplication.Decision.PENDING
    ).count()


def federation_choices() -> QuerySet[Organisation]:
    """Registered federations a new organisation may name as the one it belongs to."""
    return Organisation.objects.filter(
        kind__in=[Organisation.Kind.FEDERAL, Organisation.Kind.STATE],
        status__in=[Organisation.Status.ACTIVE, Organisation.Status.PAUSED],
    ).order_by("name")


def name_is_taken(name: str, *, exclude_pk: int | None = None) -> bool:
    organisations = Organisation.objects.filter(name__iexact=name.strip()).exclude(
        status=Organisation.Status.REJECTED
    )
    if exclude_pk:
        organisations = organisations.exclude(pk=exclude_pk)
    return organisations.exists()


def user_pending_applications(*, user: Any) -> QuerySet[OrganisationApplication]:
    return OrganisationApplication.objects.filter(
        applicant=user, decision=OrganisationApplication.Decision.PENDING
    ).select_related("organisation")


def organisation_pending_member_club_requests(
    *, organisation: Organisation
) -> QuerySet[Organisation]:
    return Organisation.objects.filter(parent_request=organisation).order_by("name")


def application_queue_all() -> QuerySet[OrganisationApplication]:
    return OrganisationApplication.objects.select_related(
        "organisation", "organisation__parent", "applicant", "decided_by"
    )


def applications_recently_decided(limit: int = 20) -> QuerySet[OrganisationApplication]:
    return (
        application_queue_all()
        .exclude(decision=OrganisationApplication.Decision.PENDING)
        .order_by("-decided_at")[:limit]
    )
