"""Response headers: a strict Content-Security-Policy (Django's own) on the platform, a looser
one only for the back office, no framing, a same-origin referrer, and pages that need no
inline script or style to work. The production values of HSTS and cookies are checked in
``test_authentication.py`` (``check --deploy``)."""

import html.parser
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.test_authorisation_matrix import _rows
from vamos.core.tests.matrix import OK, PERSONAS, World

pytestmark = pytest.mark.django_db


def _policy(response: Any) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", "/en/", "/veranstaltungen/", "/lernen/", "/konto/login/"])
def test_public_pages_carry_a_strict_policy(client: Client, site_pages: None, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_only_the_back_office_allows_inline_code_and_framing_by_itself(
    client_for: Any, editor: Any
) -> None:
    response = client_for(editor).get(reverse("wagtailadmin_home"))
    policy = _policy(response)
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin needs it
    assert policy["frame-ancestors"] == ["'self'"]  # previews open in a frame of the admin
    assert policy["object-src"] == ["'none'"]


def test_https_settings_add_hsts_and_secure_cookies(
    client: Client, settings: Any, member: Any
) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get(reverse("account_login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies[settings.CSRF_COOKIE_NAME]["secure"]
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": "correct-horse-battery"},
        secure=True,
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


class _InlineCode(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        # Data blocks (``json_script``) are not run; any other inline script would be blocked.
        data_block = attributes.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and "src" not in attributes and not data_block:
            self.found.append(f"<script> without src: {attrs}")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name in ("href", "src", "action") and (value or "").lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")


def test_no_page_of_the_platform_needs_inline_code(world: World) -> None:
    """Every page of the matrix outside the back office, as the least privileged persona
    that may open it: what the strict policy would block must not be there at all."""
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
    problems = []
    seen = set()
    with translation.override(settings.LANGUAGE_CODE):
        for row in _rows():
            if row.get is None or row.name.startswith("wagtail"):
                continue
            persona = next((p for p in PERSONAS if row.get[p] == OK), None)
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            if persona is None or url in seen or url.startswith("/verwaltung/"):
                continue
            seen.add(url)
            with transaction.atomic():
                response = clients[persona].get(url)
                transaction.set_rollback(True)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            parser = _InlineCode()
            parser.feed(response.content.decode())
            problems += [f"{url}: {found}" for found in parser.found]
    assert len(seen) > 60
    assert not problems, "\n".join(problems)
