"""Every URL of the project, requested as every persona, against the declared matrix.

The rows live beside each app (``vamos/<app>/tests/matrix.py``); third-party URL groups are
declared below. A URL pattern that has neither fails ``test_every_url_pattern_is_declared``.
"""

import fnmatch
import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from vamos.core.tests.matrix import (
    DENIED,
    GONE,
    LOGIN,
    NOT_ALLOWED,
    OK,
    PERSONAS,
    Row,
    ThirdPartyRule,
    World,
    expect,
)

pytestmark = pytest.mark.django_db

BACK_OFFICE_TEAM = expect(DENIED, anonymous=LOGIN, editor=OK, team_admin=OK)
SIGNED_IN = expect(OK, anonymous=LOGIN)

# Third-party URL groups, matched on the route. The probes are requested for every persona;
# the group's other URLs sit behind the same access check of their app.
THIRD_PARTY = [
    ThirdPartyRule(
        "verwaltung/*",
        "Wagtail back office: only people with 'access admin' (team admins, editors)",
        probe=["wagtailadmin_home", "wagtailadmin_explore_root", "wagtailimages:index"],
        get=BACK_OFFICE_TEAM,
    ),
    ThirdPartyRule(
        "konto/2fa/*",
        "allauth MFA management: signed-in people manage their own second factor",
        probe=["mfa_index", "mfa_activate_totp"],
        get=SIGNED_IN,
    ),
    ThirdPartyRule(
        "konto/*",
        "allauth account pages: sign-in and recovery are public, management needs sign-in",
        probe=["account_email", "account_change_password"],
        get=SIGNED_IN,
    ),
    ThirdPartyRule(
        "dokumente/*",
        "Wagtail documents: served with Wagtail's collection privacy",
    ),
    ThirdPartyRule(
        "*",
        "Wagtail page serving (catch-all): page privacy is Wagtail's",
        probe=["/", "/ueber-das-programm/", "/en/topic-fields/strategie/"],
        get=expect(OK),
    ),
]
PUBLIC_ALLAUTH = ["account_login", "account_reset_password", "account_reset_password_done"]


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, str]]:
    """(qualified name, route, module of the view) for every URL pattern."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            child_ns = namespace
            if pattern.namespace:
                child_ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, route, child_ns)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or ""
            qualified = f"{namespace}:{name}" if namespace and name else name
            view = pattern.callback
            module = getattr(view, "view_class", view).__module__
            yield qualified, route.replace("^", "").replace("$", ""), module


def _rows() -> list[Row]:
    rows: list[Row] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("vamos."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        rows.extend(getattr(module, "ROWS", []))
    return rows


def _world_extenders() -> list[Any]:
    extenders = []
    for config in apps.get_app_configs():
        if not config.name.startswith("vamos."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "extend_world"):
            extenders.append(module.extend_world)
    return extenders


def _rule_for(route: str) -> ThirdPartyRule | None:
    return next((rule for rule in THIRD_PARTY if fnmatch.fnmatch(route, rule.pattern)), None)


def test_every_url_pattern_is_declared() -> None:
    declared = {row.name for row in _rows()}
    missing = []
    for name, route, module in _walk(get_resolver().url_patterns):
        if name in declared:
            continue
        if module.startswith("vamos."):
            missing.append((name, route))  # the platform's own URLs always need a row
            continue
        if _rule_for(route.removeprefix("en/")) is None:
            missing.append((name, route))
    assert not missing, f"URL patterns without a row in the authorisation matrix: {missing}"


def test_every_row_names_a_real_url() -> None:
    names = {name for name, _route, _module in _walk(get_resolver().url_patterns)}
    unknown = sorted({row.name for row in _rows()} - names)
    assert not unknown, f"matrix rows for URLs that do not exist: {unknown}"


@pytest.fixture
def world(
    team_admin: Any,
    coach: Any,
    other_coach: Any,
    editor: Any,
    org_admin: Any,
    member: Any,
    other_member: Any,
    org_a: Any,
    org_b: Any,
    make_user: Any,
    site_pages: None,
) -> World:
    world = World(
        team_admin=team_admin,
        coach=coach,
        other_coach=other_coach,
        editor=editor,
        org_admin=org_admin,
        member=member,
        other_member=other_member,
        org_a=org_a,
        org_b=org_b,
        applicant=make_user(email="applicant@example.org"),
    )
    for extend in _world_extenders():
        extend(world)
    return world


def _outcome(response: Any, persona: str) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        login_urls = {reverse("account_login"), reverse("wagtailadmin_login")}
        if any(location.startswith(url) for url in login_urls):
            return LOGIN if persona == "anonymous" else DENIED
        if location == reverse("wagtailadmin_home"):
            return DENIED  # Wagtail sends people without the permission back to its start page
        return OK
    if status in (403, 404):
        return DENIED
    if status == 405:
        return NOT_ALLOWED
    if status == 410:
        return GONE
    if 200 <= status < 300 or status == 400:
        # 400: a valid route answering an invalid token/link with an explanation page.
        return OK
    return f"status {status}"


def _request(client: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    with transaction.atomic():
        response = client.post(url, data) if method == "post" else client.get(url)
        transaction.set_rollback(True)
    return response


def test_authorisation_matrix(world: World) -> None:
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
    mismatches = []
    checked = 0
    with translation.override(settings.LANGUAGE_CODE):
        for row in _rows():
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            for method, expected in (("get", row.get), ("post", row.post)):
                if expected is None:
                    continue
                data = row.data(world) if method == "post" else {}
                for persona in PERSONAS:
                    response = _request(clients[persona], method, url, data)
                    got = _outcome(response, persona)
                    checked += 1
                    if got != expected[persona]:
                        mismatches.append(
                            f"{method.upper()} {url} ({row.name}) as {persona}: "
                            f"expected {expected[persona]}, got {got} ({response.status_code})"
                        )
        for rule in THIRD_PARTY:
            for name in rule.probe:
                url = name if name.startswith("/") else reverse(name)
                for persona in PERSONAS:
                    got = _outcome(_request(clients[persona], "get", url, {}), persona)
                    checked += 1
                    if rule.get and got != rule.get[persona]:
                        mismatches.append(
                            f"GET {url} ({name}) as {persona}: expected {rule.get[persona]}, "
                            f"got {got}"
                        )
        for name in PUBLIC_ALLAUTH:
            got = _outcome(_request(clients["anonymous"], "get", reverse(name), {}), "anonymous")
            if got != OK:
                mismatches.append(f"GET {reverse(name)} as anonymous: expected ok, got {got}")
    assert checked > 100
    assert not mismatches, "\n".join(mismatches)
