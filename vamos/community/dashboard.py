"""The peer exchange on "Mein VAMOs": matching offers, own entries, answers, open requests."""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from vamos.dashboard.panels import Panel
from vamos.organisations.models import Organisation
from vamos.organisations.permissions import REGISTERED

from . import selectors
from .permissions import can_moderate, can_view_peer_presenters, is_reviewer


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    organisations = list(
        Organisation.objects.filter(memberships__user=user, status__in=REGISTERED).order_by("name")[
            :3
        ]
    )
    matches = []
    for organisation in organisations:
        _needs, found = selectors.peer_offer_matches(organisation=organisation, user=user, limit=3)
        if found:
            matches.append((organisation, found))
    data = {
        "matches": matches,
        "has_organisation": bool(organisations),
        "attention": list(selectors.organisation_best_practices_needing_attention(user=user)[:5]),
        "replies": list(
            selectors.replies_to_user(user=user, since=timezone.now() - timedelta(days=30))[:5]
        ),
        "open_requests": list(selectors.open_contact_requests_for(user=user)[:5]),
        "is_reviewer": is_reviewer(user),
        "can_view_presenters": can_view_peer_presenters(user),
    }
    if data["is_reviewer"]:
        data["review_count"] = selectors.review_queue_count()
    if can_moderate(user):
        data["report_count"] = selectors.moderation_queue_count()
    return [Panel(template="community/dashboard/panel.html", data=data, order=40)]
