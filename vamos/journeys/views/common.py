import hashlib
from typing import Any

from django.core.paginator import Page, Paginator
from django.forms import ChoiceField, Field, Form, ModelChoiceField
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe

from vamos.core.permissions import is_team_admin

from .. import selectors
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


def request_key(request: HttpRequest) -> str:
    """The query string as part of a cache key (hashed: any parameters, short key)."""
    query = sorted((name, request.GET.getlist(name)) for name in request.GET)
    return hashlib.sha256(repr(query).encode()).hexdigest()[:32]


def _plain_choices(field: Field) -> list[tuple[str, str]] | None:
    """A choice field's choices set by the view (e.g. the timeline's kinds); those of a
    model choice field come from the database (``apps_read``)."""
    if isinstance(field, ModelChoiceField) or not isinstance(field, ChoiceField):
        return None
    return [(str(value), str(label)) for value, label in list(field.choices)]  # type: ignore[arg-type]


def filter_fields_html(form: Form, *, apps_read: set[str]) -> SafeString | None:
    """A filter form's fields rendered through the shared field template, kept in the cache
    per form, language and submitted values until its choices (``apps_read``) change.
    None for a form with errors, which the page renders as usual."""
    if form.is_bound and not form.is_valid():
        return None
    values = repr(
        [(name, form[name].value(), _plain_choices(field)) for name, field in form.fields.items()]
    )
    key = ":".join(
        [
            "filter-fields",
            type(form).__name__,
            hashlib.sha256(values.encode()).hexdigest()[:32],
        ]
    )
    html = selectors.versioned(
        key,
        apps_read=apps_read,
        build=lambda: str(render_to_string("journeys/includes/filter_fields.html", {"form": form})),
    )
    return mark_safe(html)  # noqa: S308 – rendered by our own template
