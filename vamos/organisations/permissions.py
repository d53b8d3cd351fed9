"""Who may see and do what with organisations, memberships and invitations."""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from vamos.core import versions
from vamos.core.permissions import get_for_user, is_staff_member, is_team_admin

from .models import Invitation, Membership, Organisation

REGISTERED = [Organisation.Status.ACTIVE, Organisation.Status.PAUSED]


def _membership_facts(user: Any) -> tuple[dict[int, str], bool]:
    """Organisation id → role for the user's memberships, and whether one of those
    organisations is registered. Kept on the user object for the request and in the cache
    until a membership or an organisation changes (vamos.core.versions), so most pages read
    neither."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}, False
    cached = getattr(user, "_vamos_memberships", None)
    if cached is None:

        def build() -> tuple[dict[int, str], bool]:
            rows = Membership.objects.filter(user=user).values_list(
                "organisation_id", "role", "organisation__status"
            )
            roles, registered = {}, False
            for organisation, role, status in rows:
                roles[organisation] = role
                registered = registered or status in REGISTERED
            return roles, registered

        cached = versions.cached(
            f"memberships:{user.pk}",
            depends_on=[Membership, Organisation],
            build=build,
            timeout=300,
        )
        user._vamos_memberships = cached
    return cached


def _memberships(user: Any) -> dict[int, str]:
    """Organisation id → role, for the user's memberships."""
    return _membership_facts(user)[0]


def belongs_to_registered_organisation(user: Any) -> bool:
    """A member of an organisation that is active or paused (not only applied or listed)."""
    return _membership_facts(user)[1]


def is_platform_member(user: Any) -> bool:
    """A person of a registered organisation, or anyone on the team."""
    return is_staff_member(user) or belongs_to_registered_organisation(user)


def is_member(user: Any, organisation: Organisation) -> bool:
    return organisation.pk in _memberships(user)


def is_organisation_admin(user: Any, organisation: Organisation) -> bool:
    return _memberships(user).get(organisation.pk) == Membership.Role.ADMIN


def visible_organisations(user: Any) -> QuerySet[Organisation]:
    """Team admins see all; platform members the registered network and their own; the
    public only registered organisations that consented to a public profile."""
    organisations = Organisation.objects.all()
    if is_team_admin(user):
        return organisations
    own = Q(pk__in=list(_memberships(user)))
    if is_platform_member(user):
        return organisations.filter(Q(status__in=REGISTERED) | own)
    public = Q(status=Organisation.Status.ACTIVE, public_profile=True)
    return organisations.filter(public | own)


def directory_organisations(user: Any) -> QuerySet[Organisation]:
    """The directory lists registered organisations only, never applications or listings."""
    if is_platform_member(user):
        return Organisation.objects.filter(status__in=REGISTERED)
    return Organisation.objects.filter(status=Organisation.Status.ACTIVE, public_profile=True)


def can_view_full_profile(user: Any, organisation: Organisation) -> bool:
    return is_team_admin(user) or is_member(user, organisation) or is_platform_member(user)


def can_edit_organisation(user: Any, organisation: Organisation) -> bool:
    if is_team_admin(user):
        return True
    return organisation.is_registered and is_organisation_admin(user, organisation)


def can_view_members(user: Any, organisation: Organisation) -> bool:
    """Members see who else belongs to their organisation; other organisations never do."""
    return is_team_admin(user) or (organisation.is_registered and is_member(user, organisation))


def can_manage_members(user: Any, organisation: Organisation) -> bool:
    return can_edit_organisation(user, organisation)


def can_manage_member_clubs(user: Any, organisation: Organisation) -> bool:
    return organisation.is_federation and can_edit_organisation(user, organisation)


def can_answer_parent_request(user: Any, organisation: Organisation) -> bool:
    return organisation.parent_request_id is not None and can_edit_organisation(user, organisation)


def can_review_applications(user: Any) -> bool:
    return is_team_admin(user)


def can_accept_invitation(user: Any, invitation: Invitation) -> bool:
    """An open invitation is accepted by the person it was sent to (or anyone signed out,
    who then creates the account for that address)."""
    if not invitation.is_open:
        return False
    if not getattr(user, "is_authenticated", False):
        return True
    return user.email.lower() == invitation.email.lower()


_ACTIONS = {
    "view": None,
    "view_full": can_view_full_profile,
    "edit": can_edit_organisation,
    "members": can_view_members,
    "manage_members": can_manage_members,
    "member_clubs": can_manage_member_clubs,
    "parent_request": can_answer_parent_request,
}


def get_organisation_for_user(request: HttpRequest, slug: str, *, action: str) -> Organisation:
    """The organisation at ``slug`` if the user may ``action`` it; otherwise 404."""
    return get_for_user(visible_organisations, request, {"slug": slug}, allowed=_ACTIONS[action])


def get_membership_for_user(
    request: HttpRequest, organisation: Organisation, pk: int
) -> Membership:
    """A membership of ``organisation`` (already checked by the caller); 404 otherwise."""
    membership = (
        Membership.objects.select_related("user").filter(organisation=organisation, pk=pk).first()
    )
    if membership is None:
        raise Http404
    return membership


def get_own_membership(request: HttpRequest, organisation: Organisation) -> Membership:
    membership = Membership.objects.filter(organisation=organisation, user=request.user).first()
    if membership is None:
        raise Http404
    return membership


def get_invitation_for_user(
    request: HttpRequest, organisation: Organisation, pk: int
) -> Invitation:
    invitation = Invitation.objects.filter(organisation=organisation, pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation
