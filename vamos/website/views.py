from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from .selectors import legal_page_get


@login_not_required
def legal_page(request: HttpRequest, role: str) -> HttpResponse:
    """Stable addresses for the imprint, privacy notice and accessibility statement, whatever
    the editors call the pages: ``/rechtliches/datenschutz/`` leads to the page marked as
    privacy notice."""
    page = legal_page_get(role=role)
    if page is None:
        raise Http404
    return redirect(page.url)
