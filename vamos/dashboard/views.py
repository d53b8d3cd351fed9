from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vamos.core.permissions import is_team_admin
from vamos.dashboard.panels import Panel, dashboard_sections
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
    sections = dashboard_sections(request, own=lambda: organisation_panels(request))
    return render(request, "dashboard/index.html", {"sections": sections})


def organisation_panels(request: HttpRequest) -> list[Panel]:
    """The built-in sections around the apps' panels: the team's queue and my invitations
    first, requests to confirm (a form), my organisations, and last the members of the
    organisations I administer."""
    user = request.user
    team = is_team_admin(user)
    head = {
        "is_team_admin": team,
        "review_queue_count": application_queue_count() if team else 0,
        "invitations": list(user_open_invitations(user=user)),
    }
    parent_requests = [
        {
            "pk": club.pk,
            "slug": club.slug,
            "name": club.name,
            "federation": club.parent_request.name if club.parent_request else "",
        }
        for club in parent_requests_for_user(user=user)
    ]
    mine = {
        "memberships": list(user_memberships(user=user)),
        "applications": list(user_pending_applications(user=user)),
    }
    panels = [
        Panel(template="dashboard/sections/head.html", data=head, order=-30),
        Panel(template="dashboard/sections/organisations.html", data=mine, order=-10),
        Panel(
            template="dashboard/sections/members.html",
            data={"organisations": list(user_admin_organisations(user=user))},
            order=1000,
        ),
    ]
    if parent_requests:
        panels.append(
            Panel(
                template="dashboard/sections/parent_requests.html",
                data={"clubs": parent_requests},
                order=-20,
                per_request=True,
            )
        )
    return panels
