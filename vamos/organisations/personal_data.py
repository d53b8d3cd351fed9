"""What the organisations app stores about a person, and what blocks deleting them."""

from typing import Any

from django.utils.translation import gettext as _

from .models import Invitation, Membership, Organisation, OrganisationApplication


def export_memberships(user: Any) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "since": m.created_at.isoformat(),
            }
            for m in memberships
        ],
        "applications": [
            {
                "organisation": a.organisation.name,
                "submitted_at": a.submitted_at.isoformat(),
                "role_in_organisation": a.applicant_role,
                "message": a.message,
                "decision": a.decision,
            }
            for a in OrganisationApplication.objects.filter(applicant=user).select_related(
                "organisation"
            )
        ],
        "invitations_received": [
            {
                "organisation": i.organisation.name,
                "sent_at": i.created_at.isoformat(),
                "status": i.status_label,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation"
            )
        ],
    }


def erase_memberships(user: Any) -> None:
    Invitation.objects.filter(email__iexact=user.email).delete()
    OrganisationApplication.objects.filter(applicant=user).update(
        applicant=None, applicant_role="", message=""
    )
    Membership.objects.filter(user=user).delete()


def last_admin_blockers(user: Any) -> list[str]:
    """An organisation never ends up without an admin (while it has other members)."""
    reasons = []
    admin_of = Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN
    ).exclude(status__in=[Organisation.Status.LEFT, Organisation.Status.REJECTED])
    for organisation in admin_of:
        admins = organisation.memberships.filter(role=Membership.Role.ADMIN).count()
        others = organisation.memberships.exclude(user=user).count()
        if admins == 1 and others > 0:
            reasons.append(
                _(
                    "You are the only admin of %(organisation)s. Hand the admin role to another "
                    "member first."
                )
                % {"organisation": organisation.name}
            )
        elif admins == 1:
            reasons.append(
                _(
                    "You are the only person in %(organisation)s. Invite a successor as admin, "
                    "or ask the VAMOs team to close the organisation's account."
                )
                % {"organisation": organisation.name}
            )
    return reasons
