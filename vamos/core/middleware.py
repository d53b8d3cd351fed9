import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.csp import CSP

from . import versions

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


class DataVersionsMiddleware:
    """Every cached part of a page is checked against the same data versions, read once per
    request (``vamos.core.versions``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with versions.request_scope():
            return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database does not answer (a restart, a failover), every request gets a short
    503 page in the visitor's language at once, instead of a server error or a hang; the
    next request after the database is back is served normally (Django opens a new
    connection, ``CONN_HEALTH_CHECKS`` drops broken persistent ones).

    Sits before the session middleware, so that sessions, sign-in and the views never see a
    missing database; a database that fails in the middle of a view is caught there."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            connection.ensure_connection()
        except (OperationalError, InterfaceError):
            return database_unavailable(request)
        response = self.get_response(request)
        if getattr(request, "_database_unavailable", False):
            # The database went away after the check, in a middleware further in (the
            # session, the sign-in): Django has made a server error of it by now.
            return database_unavailable(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable(request)
        return None


def database_unavailable(request: HttpRequest) -> HttpResponse:
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        response = render(request, "core/database_unavailable.html", status=503)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception)
def _note_database_errors(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Django turns an exception in a middleware into a 500 response before the outer
    middleware sees it; this note (sent while the exception is handled) tells
    ``DatabaseUnavailableMiddleware`` that the cause was the database."""
    if request is not None and isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        request._database_unavailable = True  # type: ignore[attr-defined]
