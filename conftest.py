"""Fixtures shared by every app's tests and the browser journeys.

Personas (STYLE.md): every permission is tested for each of them.
- ``team_admin``, ``coach``, ``other_coach``, ``editor`` – the VAMOs team
- ``org_a`` with ``org_admin`` (its admin) and ``member`` (a member)
- ``org_b`` with ``other_member`` (a member of another organisation)
- anonymous: Django's test ``client`` without login
"""

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from vamos.core.roles import COACH, EDITOR, TEAM_ADMIN

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


_SERIALIZED_DATABASES: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None) -> None:
    """Keep what pytest-django serialized for the browser journeys' serialized rollback.
    Django keeps connection objects per context, and a journey may be set up in a context
    with a fresh object that lacks it; it would then restore nothing (no root page …)."""
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED_DATABASES[alias] = contents


@pytest.fixture
def _django_db_helper(request: pytest.FixtureRequest, django_db_setup: None) -> None:
    """pytest-django's database helper, after handing the serialized data to this context's
    connection objects."""
    from django.db import connections

    for alias, contents in _SERIALIZED_DATABASES.items():
        connections[alias]._test_serialized_contents = contents
    request.getfixturevalue("_django_db_helper")  # pytest-django's own (overridden here)


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Rate limits and cached lookups must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request to an English page leaves English active in the thread; URLs reversed and
    messages translated outside a request in the next test would follow it."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from vamos.accounts.tests.factories import UserFactory

    return UserFactory


@pytest.fixture
def team_admin(make_user: Callable[..., Any]) -> Any:
    return make_user(email="team@example.org", first_name="Tanja", groups=[TEAM_ADMIN])


@pytest.fixture
def coach(make_user: Callable[..., Any]) -> Any:
    return make_user(email="coach@example.org", first_name="Cem", groups=[COACH])


@pytest.fixture
def other_coach(make_user: Callable[..., Any]) -> Any:
    return make_user(email="coach2@example.org", first_name="Clara", groups=[COACH])


@pytest.fixture
def editor(make_user: Callable[..., Any]) -> Any:
    return make_user(email="redaktion@example.org", first_name="Rana", groups=[EDITOR])


@pytest.fixture
def org_a(db: Any) -> Any:
    from vamos.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Landesverband A", slug="landesverband-a")


@pytest.fixture
def org_b(db: Any) -> Any:
    from vamos.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory(
        name="Bundesverband B", slug="bundesverband-b", kind="bundesverband", federal_state="BE"
    )


@pytest.fixture
def org_admin(make_user: Callable[..., Any], org_a: Any) -> Any:
    from vamos.organisations.tests.factories import MembershipFactory

    user = make_user(email="ayse@example.org", first_name="Ayşe")
    MembershipFactory(user=user, organisation=org_a, role="admin")
    return user


@pytest.fixture
def member(make_user: Callable[..., Any], org_a: Any) -> Any:
    from vamos.organisations.tests.factories import MembershipFactory

    user = make_user(email="mehmet@example.org", first_name="Mehmet")
    MembershipFactory(user=user, organisation=org_a, role="member")
    return user


@pytest.fixture
def other_member(make_user: Callable[..., Any], org_b: Any) -> Any:
    from vamos.organisations.tests.factories import MembershipFactory

    user = make_user(email="dimitri@example.org", first_name="Dimitri")
    MembershipFactory(user=user, organisation=org_b, role="member")
    return user


@pytest.fixture
def client_for(db: Any) -> Callable[[Any], Client]:
    """``client_for(user)``: a test client signed in as ``user`` (anonymous for ``None``)."""

    def build(user: Any) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return build


@pytest.fixture
def site_pages(db: Any) -> None:
    """The demo website (German and English page trees) for tests of public pages."""
    from vamos.demo.content import seed_site

    seed_site()


# --- Browser journeys (Playwright + Debian Chromium + axe-core) ----------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1280, "height": 900}}
