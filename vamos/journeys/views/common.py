from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from vamos.core.permissions import is_team_admin

from ..models import Journey
from ..permissions import (
    can_change_status,
    can_decide_journey,
    can_set_sharing,
    can_set_support,
    can_view_private_notes,
    can_work_on_journey,
)


def journey_flags(request: HttpRequest, journey: Journey) -> dict[str, Any]:
    """What the user may do on this journey: the templates show actions by these flags."""
    user = request.user
    return {
        "journey": journey,
        "organisation": journey.organisation,
        "can_work": can_work_on_journey(user, journey),
        "can_view_notes": can_view_private_notes(user, journey),
        "can_set_support": can_set_support(user, journey),
        "can_decide": can_decide_journey(user, journey),
        "can_change_status": can_change_status(user, journey),
        "can_set_sharing": can_set_sharing(user, journey),
        "is_team_admin": is_team_admin(user),
    }


def paginate(request: HttpRequest, items: Any, per_page: int = 20) -> tuple[Page, str]:
    page = Paginator(items, per_page).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return page, query.urlencode()


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
