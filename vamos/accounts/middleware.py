from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from vamos.core.permissions import is_staff_member

# Paths a staff member without a second factor may still use: to set one up, or leave.
_ALWAYS_ALLOWED = (
    "/static/",
    "/media/",
    "/konto/2fa/",
    "/konto/reauthenticate/",
    "/konto/logout/",
    "/sprache/",
)
_SESSION_KEY = "vamos_mfa_ok"


class StaffMFAMiddleware:
    """With ``VAMOS_REQUIRE_STAFF_MFA`` on, staff must set up TOTP before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.VAMOS_REQUIRE_STAFF_MFA and self._must_set_up(request):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up(self, request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated or request.session.get(_SESSION_KEY):
            return False
        path = request.path_info
        language_prefix = f"/{request.LANGUAGE_CODE}/"
        if path.startswith(language_prefix):
            path = path[len(language_prefix) - 1 :]
        if path.startswith(_ALWAYS_ALLOWED):
            return False
        if not (is_staff_member(user) or user.is_superuser):
            return False
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            request.session[_SESSION_KEY] = True
            return False
        return True
