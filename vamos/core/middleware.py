from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP

# The Wagtail back office still relies on inline styles and scripts; only its own pages get
# this looser policy, the public site and the platform keep the strict one from settings.
BACK_OFFICE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "media-src": [CSP.SELF, "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
BACK_OFFICE_PREFIX = "/verwaltung/"


class BackOfficeCSPMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(BACK_OFFICE_PREFIX):
            response._csp_config = BACK_OFFICE_CSP  # type: ignore[attr-defined]
        return response
