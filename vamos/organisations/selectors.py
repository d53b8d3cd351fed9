"""Reads about organisations, with the joins their pages need already applied."""

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, NullIf
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


# --- For reports (aggregates; the query count does not grow with the data) ---------------

_REGISTERED = [Organisation.Status.ACTIVE, Organisation.Status.PAUSED]
_FEDERATIONS = [Organisation.Kind.FEDERAL, Organisation.Kind.STATE]


def organisations_matching(*, kind: str = "", federal_state: str = "") -> QuerySet[Organisation]:
    """Organisations of ``kind`` in ``federal_state`` (report filters). A member club without
    a federal state of its own counts in its federation's."""
    organisations = Organisation.objects.all()
    if kind:
        organisations = organisations.filter(kind=kind)
    if federal_state:
        organisations = organisations.filter(
            Q(federal_state=federal_state)
            | Q(federal_state="", parent__federal_state=federal_state)
        )
    return organisations


def registered_organisations_at(
    *, end: Any, organisations: QuerySet[Organisation] | None = None
) -> QuerySet[Organisation]:
    """Organisations registered on ``end``: approved (joined) by then and active or paused
    today."""
    registered = Organisation.objects.filter(status__in=_REGISTERED).filter(
        Q(joined_on__lte=end) | Q(joined_on__isnull=True)
    )
    if organisations is not None:
        registered = registered.filter(pk__in=organisations.values("pk"))
    return registered


def organisation_reach_figures(
    *, start: Any, end: Any, organisations: QuerySet[Organisation] | None = None
) -> dict[str, Any]:
    """Registered, active, paused and new organisations, by kind and federal state (member
    clubs without a state of their own in their federation's), and their people."""
    registered = registered_organisations_at(end=end, organisations=organisations)
    counts = registered.aggregate(
        registered=Count("pk"),
        active=Count("pk", filter=Q(status=Organisation.Status.ACTIVE)),
        paused=Count("pk", filter=Q(status=Organisation.Status.PAUSED)),
        new=Count("pk", filter=Q(joined_on__gte=start, joined_on__lte=end)),
    )
    by_kind = dict(
        registered.order_by().values("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    by_state = dict(
        registered.order_by()
        .annotate(
            state=Coalesce(
                NullIf("federal_state", Value("")), NullIf("parent__federal_state", Value(""))
            )
        )
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    people = (
        Membership.objects.filter(organisation__in=registered, user__is_active=True)
        .values("user_id")
        .distinct()
        .count()
    )
    return {**counts, "by_kind": by_kind, "by_state": by_state, "people": people}


def federations_with_member_clubs(
    *, end: Any, organisations: QuerySet[Organisation] | None = None
) -> QuerySet[Organisation]:
    """Registered federations with their member clubs rolled up: clubs registered on the
    platform, clubs the federation listed, and the number of clubs its profile states."""
    return (
        registered_organisations_at(end=end, organisations=organisations)
        .filter(kind__in=_FEDERATIONS)
        .annotate(
            clubs_registered=Count(
                "member_clubs", filter=Q(member_clubs__status__in=_REGISTERED), distinct=True
            ),
            clubs_listed=Count(
                "member_clubs",
                filter=Q(member_clubs__status=Organisation.Status.LISTED),
                distinct=True,
            ),
        )
        .order_by("-clubs_registered", "-clubs_listed", "name")
    )


def member_club_totals(
    *, end: Any, organisations: QuerySet[Organisation] | None = None
) -> dict[str, int]:
    """Totals over ``federations_with_member_clubs``: federations, clubs on the platform
    (registered or listed) and clubs stated in the federations' profiles."""
    federations = registered_organisations_at(end=end, organisations=organisations).filter(
        kind__in=_FEDERATIONS
    )
    clubs = Organisation.objects.filter(parent__in=federations)
    totals = clubs.aggregate(
        registered=Count("pk", filter=Q(status__in=_REGISTERED)),
        listed=Count("pk", filter=Q(status=Organisation.Status.LISTED)),
    )
    stated = federations.aggregate(n=Sum("member_clubs_count"), federations=Count("pk"))
    return {
        "federations": stated["federations"],
        "registered": totals["registered"],
        "listed": totals["listed"],
        "stated": stated["n"] or 0,
    }


def people_of(*, organisations: QuerySet[Organisation]) -> QuerySet[Membership]:
    """User ids (``values("user_id")``) of the people of ``organisations``, for subqueries."""
    return Membership.objects.filter(organisation__in=organisations).values("user_id")


def organisations_of(*, people: QuerySet[Any]) -> QuerySet[Membership]:
    """Organisation ids (``values("organisation_id")``) the people in ``people`` (user ids)
    belong to, for subqueries."""
    return Membership.objects.filter(user_id__in=people).values("organisation_id")
