import hashlib
from collections.abc import Callable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model
from django.forms import Form
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from vamos.core import versions


def paginate(request: HttpRequest, items: Any, per_page: int = 20) -> tuple[Page, str]:
    """The requested page (``?seite=``) and the other query parameters for the page links."""
    page = Paginator(items, per_page).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return page, query.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def filter_form_html(form: Form, *, depends_on: list[type[Model]]) -> SafeString | None:
    """A filter form's fields rendered through the shared form template, kept in the cache
    per form, language and submitted values until ``depends_on`` (its choices) change.
    None for a form with errors, which the page renders as usual with its error summary."""
    if form.is_bound and not form.is_valid():
        return None
    values = repr([(name, form[name].value()) for name in form.fields])
    key = ":".join(
        [
            "community:filter-form",
            type(form).__name__,
            translation.get_language() or "",
            hashlib.sha256(values.encode()).hexdigest()[:32],
        ]
    )
    html = versions.cached(
        key,
        depends_on=depends_on,
        build=lambda: str(render_to_string("core/forms/form.html", {"form": form})),
    )
    return mark_safe(html)  # noqa: S308 – rendered by our own template


def request_key(request: HttpRequest) -> str:
    """The query string as part of a cache key (hashed: any parameters, short key)."""
    query = sorted((name, request.GET.getlist(name)) for name in request.GET)
    return hashlib.sha256(repr(query).encode()).hexdigest()[:32]


def cached_html(key: str, *, depends_on: list[type[Model]], build: Callable[[], str]) -> SafeString:
    """HTML rendered by ``build`` (our own templates), kept per language until a write
    changes one of ``depends_on``."""
    html = versions.cached(
        f"community:{key}:{translation.get_language()}",
        depends_on=depends_on,
        build=lambda: str(build()),
    )
    return mark_safe(html)  # noqa: S308 – rendered by our own template
