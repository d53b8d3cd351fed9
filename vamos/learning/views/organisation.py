"""An organisation's learning, for its admins (Ansprechpersonen) and the team: counts per
module for everyone, details per person only for members who agreed to share them."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors, services
from ..permissions import get_organisation_for_user

PER_PAGE = 20


@require_GET
def organisation_learning(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request, slug)
    figures = selectors.organisation_learning_figures(organisation=organisation)
    modules = Paginator(figures["modules"], PER_PAGE).get_page(request.GET.get("seite"))
    members, details = selectors.organisation_member_rows(
        organisation=organisation, page=request.GET.get("personen"), per_page=PER_PAGE
    )
    services.organisation_learning_viewed(
        actor=request.user, organisation=organisation, members_shown=len(details)
    )
    return render(
        request,
        "learning/organisation.html",
        {
            "organisation": organisation,
            "summary": figures["summary"],
            "modules_page": modules,
            "members_page": members,
            "details": details,
        },
    )
