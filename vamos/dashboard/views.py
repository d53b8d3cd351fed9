from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vamos.core.permissions import is_team_admin
from vamos.dashboard.panels import collect_panels
from vamos.organisations.selectors import (
    application_queue_count,
    parent_requests_for_user,
    user_admin_organisations,
    user_memberships,
    user_open_invitations,
    user_pending_applications,
)


def index(request: HttpRequest) -> HttpResponse:
    """The personal start page: my organisations, what waits for me, and for the team the queue."""
    user = request.user
    context = {
        "memberships": user_memberships(user=user),
        "invitations": user_open_invitations(user=user),
        "admin_organisations": user_admin_organisations(user=user),
        "parent_requests": parent_requests_for_user(user=user),
        "my_applications": user_pending_applications(user=user),
        "is_team_admin": is_team_admin(user),
    }
    if context["is_team_admin"]:
        context["review_queue_count"] = application_queue_count()
    context["panels"] = collect_panels(request)
    return render(request, "dashboard/index.html", context)
