"""Who may see and do what in the peer exchange. Default deny; anything invisible is a 404.

- Published best practices: public ones for everyone, members-only ones for people of the
  platform. Drafts are the organisation's own work: only its members see them (not even the
  team). Submitted and returned entries are also seen by the editorial team.
- Comments, reactions, peer offers and contact requests are for people of the platform.
- Contact requests are private between the person asking and the asked organisation.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from vamos.core.permissions import get_for_user, is_editor, is_staff_member, is_team_admin
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import (
    REGISTERED,
    is_member,
    is_organisation_admin,
    is_platform_member,
)

from .models import BestPractice, Comment, ContactRequest, PeerOffer, Resource

S = BestPractice.Status
EDITABLE_BY_ORGANISATION = {S.DRAFT, S.RETURNED}


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _own_organisation_ids(user: Any) -> QuerySet[Membership]:
    """A subquery: the organisations ``user`` belongs to."""
    return Membership.objects.filter(user=user).values("organisation_id")


def writable_organisations(user: Any) -> QuerySet[Organisation]:
    """Registered organisations in whose name ``user`` may write best practices and offers."""
    if not _signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, status__in=REGISTERED).order_by(
        "name"
    )


def is_reviewer(user: Any) -> bool:
    """Editors and team admins review best practices and moderate comments."""
    return is_editor(user)


# --- Best practices ------------------------------------------------------------------------


def visible_best_practices(user: Any) -> QuerySet[BestPractice]:
    practices = BestPractice.objects.all()
    published = Q(status=S.PUBLISHED, organisation__status__in=REGISTERED)
    if not _signed_in(user):
        return practices.filter(published, visibility=BestPractice.Visibility.PUBLIC)
    own = Q(organisation_id__in=_own_organisation_ids(user))
    if is_reviewer(user):
        return practices.filter(own | published | Q(status__in=[S.SUBMITTED, S.RETURNED]))
    if is_platform_member(user):
        return practices.filter(own | published)
    return practices.filter(own | Q(published, visibility=BestPractice.Visibility.PUBLIC))


def can_view_best_practice(user: Any, practice: BestPractice) -> bool:
    return visible_best_practices(user).filter(pk=practice.pk).exists()


def can_create_best_practice(user: Any) -> bool:
    return writable_organisations(user).exists()


def _writes_for(user: Any, practice: BestPractice) -> bool:
    return practice.organisation.is_registered and is_member(user, practice.organisation)


def can_edit_best_practice(user: Any, practice: BestPractice) -> bool:
    if _writes_for(user, practice) and practice.status in EDITABLE_BY_ORGANISATION:
        return True
    # The editorial team corrects entries under review or published (audit-logged).
    return is_reviewer(user) and practice.status in {S.SUBMITTED, S.PUBLISHED}


def can_submit_best_practice(user: Any, practice: BestPractice) -> bool:
    return _writes_for(user, practice) and practice.status in EDITABLE_BY_ORGANISATION


def can_withdraw_best_practice(user: Any, practice: BestPractice) -> bool:
    return _writes_for(user, practice) and practice.status in {S.SUBMITTED, S.PUBLISHED}


def can_delete_best_practice(user: Any, practice: BestPractice) -> bool:
    return _writes_for(user, practice) and practice.status in EDITABLE_BY_ORGANISATION


def can_review_best_practice(user: Any, practice: BestPractice) -> bool:
    return is_reviewer(user) and practice.status in {S.SUBMITTED, S.PUBLISHED}


def can_react_to_best_practice(user: Any, practice: BestPractice) -> bool:
    """People of the platform mark others' published entries as useful (not their own)."""
    return (
        practice.is_published
        and is_platform_member(user)
        and not is_member(user, practice.organisation)
    )


def can_view_comments(user: Any, practice: BestPractice) -> bool:
    """Comments carry people's names: they stay inside the platform, also on public entries."""
    return is_platform_member(user) or is_member(user, practice.organisation)


def can_comment_on_best_practice(user: Any, practice: BestPractice) -> bool:
    return practice.is_published and (
        is_platform_member(user) or is_member(user, practice.organisation)
    )


def can_contact_organisation(user: Any, practice: BestPractice) -> bool:
    return (
        practice.is_published
        and is_platform_member(user)
        and not is_member(user, practice.organisation)
    )


_PRACTICE_ACTIONS = {
    "view": None,
    "edit": can_edit_best_practice,
    "submit": can_submit_best_practice,
    "withdraw": can_withdraw_best_practice,
    "delete": can_delete_best_practice,
    "review": can_review_best_practice,
    "react": can_react_to_best_practice,
    "comment": can_comment_on_best_practice,
    "contact": can_contact_organisation,
}


def get_best_practice_for_user(request: HttpRequest, pk: int, *, action: str) -> BestPractice:
    """The best practice ``pk`` if the user may see it and ``action`` it; otherwise 404."""
    return get_for_user(
        lambda user: visible_best_practices(user).select_related("organisation"),
        request,
        {"pk": pk},
        allowed=_PRACTICE_ACTIONS[action],
    )


def get_resource_for_user(request: HttpRequest, practice: BestPractice, pk: int) -> Resource:
    """A resource of ``practice`` (which the caller fetched through a permission helper)."""
    resource = Resource.objects.filter(best_practice=practice, pk=pk).first()
    if resource is None:
        raise Http404
    return resource


# --- Comments ------------------------------------------------------------------------------


def visible_comments(user: Any) -> QuerySet[Comment]:
    if not _signed_in(user):
        return Comment.objects.none()
    practices = visible_best_practices(user).filter(status=S.PUBLISHED)
    if not is_platform_member(user):
        practices = practices.filter(organisation_id__in=_own_organisation_ids(user))
    return Comment.objects.filter(best_practice__in=practices)


def can_report_comment(user: Any, comment: Comment) -> bool:
    return (
        _signed_in(user)
        and not comment.is_removed
        and comment.author_id != user.pk
        and not comment.reports.filter(reporter=user).exists()
    )


def can_delete_comment(user: Any, comment: Comment) -> bool:
    return _signed_in(user) and comment.author_id == user.pk and comment.deleted_at is None


def can_moderate(user: Any) -> bool:
    return is_reviewer(user)


_COMMENT_ACTIONS = {"report": can_report_comment, "delete": can_delete_comment}


def get_comment_for_user(request: HttpRequest, pk: int, *, action: str) -> Comment:
    return get_for_user(
        lambda user: visible_comments(user).select_related("best_practice", "author"),
        request,
        {"pk": pk},
        allowed=_COMMENT_ACTIONS[action],
    )


def get_comment_for_moderation(request: HttpRequest, pk: int) -> Comment:
    if not can_moderate(request.user):
        raise Http404
    comment = Comment.objects.select_related("best_practice", "author").filter(pk=pk).first()
    if comment is None:
        raise Http404
    return comment


# --- Peer offers ---------------------------------------------------------------------------


def visible_peer_offers(user: Any) -> QuerySet[PeerOffer]:
    offers = PeerOffer.objects.all()
    if is_team_admin(user):
        return offers
    if not _signed_in(user):
        return offers.none()
    own = Q(organisation_id__in=_own_organisation_ids(user))
    if is_platform_member(user):
        return offers.filter(own | Q(is_active=True, organisation__status__in=REGISTERED))
    return offers.filter(own)


def can_edit_peer_offer(user: Any, offer: PeerOffer) -> bool:
    if is_team_admin(user):
        return True
    return offer.organisation.is_registered and is_member(user, offer.organisation)


def can_contact_about_peer_offer(user: Any, offer: PeerOffer) -> bool:
    return offer.is_active and is_platform_member(user) and not is_member(user, offer.organisation)


_OFFER_ACTIONS = {
    "view": None,
    "edit": can_edit_peer_offer,
    "delete": can_edit_peer_offer,
    "contact": can_contact_about_peer_offer,
}


def get_peer_offer_for_user(request: HttpRequest, pk: int, *, action: str) -> PeerOffer:
    return get_for_user(
        lambda user: visible_peer_offers(user).select_related("organisation", "contact_person"),
        request,
        {"pk": pk},
        allowed=_OFFER_ACTIONS[action],
    )


def can_view_peer_presenters(user: Any) -> bool:
    """The team plans events and recommends peers: all staff see the presenter lists."""
    return is_staff_member(user)


# --- Needs and matching --------------------------------------------------------------------


def can_view_needs(user: Any, organisation: Organisation) -> bool:
    return is_team_admin(user) or is_member(user, organisation)


def can_edit_needs(user: Any, organisation: Organisation) -> bool:
    if is_team_admin(user):
        return True
    return organisation.is_registered and is_organisation_admin(user, organisation)


def get_needs_organisation_for_user(request: HttpRequest, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not can_edit_needs(request.user, organisation):
        raise Http404
    return organisation


# --- Contact requests ----------------------------------------------------------------------


def visible_contact_requests(user: Any) -> QuerySet[ContactRequest]:
    """Only the two sides: the person who asked, and the asked organisation's contact person
    or admins. The team does not read people's messages."""
    if not _signed_in(user):
        return ContactRequest.objects.none()
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organisation_id"
    )
    return ContactRequest.objects.filter(
        Q(sender=user) | Q(recipient=user) | Q(organisation_id__in=admin_of)
    )


def can_answer_contact_request(user: Any, request_: ContactRequest) -> bool:
    if request_.status != ContactRequest.Status.OPEN:
        return False
    return request_.recipient_id == user.pk or is_organisation_admin(user, request_.organisation)


def is_asked_side(user: Any, request_: ContactRequest) -> bool:
    return request_.recipient_id == user.pk or is_organisation_admin(user, request_.organisation)


_REQUEST_ACTIONS = {"view": None, "answer": can_answer_contact_request}


def get_contact_request_for_user(request: HttpRequest, pk: int, *, action: str) -> ContactRequest:
    return get_for_user(
        lambda user: visible_contact_requests(user).select_related(
            "organisation",
            "sender",
            "recipient",
            "sender_organisation",
            "answered_by",
            "best_practice",
            "peer_offer",
        ),
        request,
        {"pk": pk},
        allowed=_REQUEST_ACTIONS[action],
    )
