from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, per_page: int = 20) -> tuple[Page, str]:
    """The requested page (``?seite=``) and the other query parameters for the page links."""
    page = Paginator(items, per_page).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return page, query.urlencode()


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
