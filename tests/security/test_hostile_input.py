"""Hostile input: every form of the platform, filled by hypothesis with what an attacker or a
clumsy paste would send. Never a 500, and text shown back is escaped or sanitised.

The forms are found, not listed: every row of the authorisation matrix with a POST is
submitted by the least privileged persona the matrix lets in, with the field names of the
row's own data plus those of the forms on its page (hidden values such as the spam timer
taken from the page). Every GET page's search and filter forms get the same treatment in
the query string. allauth's public forms (sign-in, sign-up, password reset) are added.
"""

import html.parser
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.security.helpers import close_response
from tests.test_authorisation_matrix import _rows
from vamos.core.tests.matrix import OK, PERSONAS, Row, World

pytestmark = pytest.mark.django_db

# Markers a browser would execute if they came back unescaped.
SCRIPT = "<script>hostile()</script>"
IMAGE = '"><img src=x onerror=hostile()>'
EXECUTABLE = ("<script>hostile()", "<img src=x onerror=hostile()")

HOSTILE_TEXT = [
    SCRIPT,
    IMAGE,
    "javascript:hostile()",
    "' OR 1=1 --",
    "1; DROP TABLE organisations_organisation; --",
    "%s%s%n{0}{{x}}${x}",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "\ufeff\u200b\u200d",
    "e\u0301\u0308",
    "𝕍𝔸𝕄𝕆𝕤 🏳️‍🌈",
    "ـ" * 500,
    "A" * 20_000,
    " ",
    "",
    "\r\n\r\nX-Injected: 1",
    "../../../../etc/passwd",
]
HOSTILE_NUMBERS = [
    "-1",
    "0",
    "-0",
    "1.5",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "0x10",
]
HOSTILE_DATES = [
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "31.12.99999",
    "2026-13-01T25:61",
    "2026-01-01T10:00+99:00",
    "1970-01-01T00:00:00Z",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE_TEXT + HOSTILE_NUMBERS + HOSTILE_DATES),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
EXAMPLES = 8  # per form; the whole file must stay a small part of the suite's time


@dataclass
class FormOnPage:
    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)


class _FormParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[FormOnPage] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(
                FormOnPage(attributes.get("method", "get").lower(), attributes.get("action", ""))
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms:
            name = attributes.get("name")
            if not name or name == "csrfmiddlewaretoken":
                return
            values = self.forms[-1].fields.setdefault(name, [])
            kind = attributes.get("type", "text")
            if tag == "input" and kind == "hidden":
                values.append(attributes.get("value", ""))


def _forms_on(response: Any) -> list[FormOnPage]:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    parser = _FormParser()
    parser.feed(response.content.decode(errors="replace"))
    return parser.forms


def _persona(outcomes: dict[str, str]) -> str | None:
    """The least privileged persona the matrix lets in."""
    return next((persona for persona in PERSONAS if outcomes[persona] == OK), None)


def _client(world: World, persona: str) -> Client:
    client = Client()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


def _assert_safe(response: Any, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if "text/html" in response.get("Content-Type", "") and not response.streaming:
        body = response.content.decode(errors="replace")
        for marker in EXECUTABLE:
            assert marker not in body, f"{where}: {marker!r} rendered unescaped"


@dataclass
class Target:
    label: str
    method: str
    url: str
    persona: str
    base: dict[str, list[str]]  # field → values a valid submission would send


def _targets(world: World) -> Iterator[Target]:
    seen: set[tuple[str, str, str]] = set()
    for row in _rows():
        url = reverse(row.name, kwargs=row.kwargs(world) or None)
        yield from _row_targets(world, row, url, seen)
    for name in ("account_login", "account_signup", "account_reset_password"):
        url = reverse(name)
        page = _client(world, "anonymous").get(url)
        for form in _forms_on(page):
            if form.method == "post" and form.action in ("", url):
                yield Target(name, "post", url, "anonymous", form.fields)


def _row_targets(
    world: World, row: Row, url: str, seen: set[tuple[str, str, str]]
) -> Iterator[Target]:
    page_forms: list[FormOnPage] = []
    if row.get is not None and (reader := _persona(row.get)) is not None:
        try:
            with transaction.atomic():
                page_forms = _forms_on(_client(world, reader).get(url))
                transaction.set_rollback(True)
        except Exception:  # a page that fails on GET is the matrix test's finding
            page_forms = []
        for form in page_forms:
            wanted = form.method == "get" and form.action in ("", url) and form.fields
            if wanted and ("get", url, reader) not in seen:
                seen.add(("get", url, reader))
                yield Target(row.name, "get", url, reader, form.fields)
    if row.post is None or (writer := _persona(row.post)) is None:
        return
    if ("post", url, writer) in seen:
        return
    seen.add(("post", url, writer))
    base: dict[str, list[str]] = {}
    for form in page_forms:
        if form.method == "post" and form.action in ("", url):
            base.update(form.fields)
    for key, value in row.data(world).items():
        base[key] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    yield Target(row.name, "post", url, writer, base)


def _submission(draw: Any, base: dict[str, list[str]]) -> dict[str, list[str]]:
    data = {key: list(values) for key, values in base.items()}
    names = sorted(data) or ["q"]
    for name in draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True)):
        action = draw(st.sampled_from(["replace", "replace", "drop", "duplicate"]))
        if action == "drop":
            data.pop(name, None)
        elif action == "duplicate":
            data[name] = [draw(VALUES), draw(VALUES)]
        else:
            data[name] = [draw(VALUES)]
    if draw(st.booleans()):
        data[draw(st.sampled_from(HOSTILE_TEXT[:6]))] = [SCRIPT]  # a field nobody asked for
    return data


def _submitter(target: Target, clients: dict[str, Client]) -> Any:
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        phases=[Phase.explicit, Phase.generate],  # report the failure as found: no shrinking
        report_multiple_bugs=False,
    )
    @given(st.data())
    def submit(data: Any) -> None:
        submission = _submission(data.draw, target.base)
        cache.clear()  # rate limits of public forms would end the run early
        client = clients[target.persona]
        with transaction.atomic():
            method = client.post if target.method == "post" else client.get
            response = method(target.url, submission, follow=True)
            transaction.set_rollback(True)
        close_response(response)
        _assert_safe(response, f"{target.method.upper()} {target.url} ({target.label})")

    return submit


def test_every_form_survives_hostile_input(world: World, settings: Any) -> None:
    settings.VAMOS_FORM_MIN_SECONDS = 0
    settings.ACCOUNT_RATE_LIMITS = False
    checked: list[str] = []
    failures: list[str] = []
    with translation.override(settings.LANGUAGE_CODE):
        targets = list(_targets(world))
        clients = {persona: _client(world, persona) for persona in PERSONAS}

        for target in targets:
            submit = _submitter(target, clients)
            try:
                submit()
            except Exception as error:  # every broken form in one run, not just the first
                failures.append(f"{target.method.upper()} {target.url}: {error!r}"[:500])
            checked.append(f"{target.method} {target.label}")
    assert not failures, "\n".join(failures)
    posts = [label for label in checked if label.startswith("post")]
    assert len(posts) > 80, posts
    assert any(label.startswith("get") for label in checked)


def test_stored_hostile_text_is_shown_escaped(world: World, settings: Any) -> None:
    """Every POST form filled with script in every text-like field, then the page it leads
    to: the script appears only escaped (or sanitised away)."""
    settings.VAMOS_FORM_MIN_SECONDS = 0
    with translation.override(settings.LANGUAGE_CODE):
        clients = {persona: _client(world, persona) for persona in PERSONAS}
        for target in _targets(world):
            if target.method != "post":
                continue
            submission = {
                key: values if key in _KEEP else [f"{SCRIPT} {IMAGE} {values[0] if values else ''}"]
                for key, values in target.base.items()
            }
            cache.clear()
            with transaction.atomic():
                response = clients[target.persona].post(target.url, submission, follow=True)
                transaction.set_rollback(True)
            close_response(response)
            _assert_safe(response, f"POST {target.url} ({target.label})")


# Fields whose values must stay intact for the form to get as far as storing text.
_KEEP = {"form_started", "organisation", "status", "language", "format", "kind", "visibility"}


QUERY_STRINGS = [
    {"seite": "99999999999999999999", "q": SCRIPT, "next": "//evil.example/", "von": "2026-13-45"},
    {"seite": ["-1", "x"], "q": "\x00' OR 1=1 --", "next": "https://evil.example/"},
]


def test_every_page_survives_hostile_query_strings(world: World) -> None:
    """Pagination, search and filters read from the query string, and ``next`` never sends
    anyone off the site."""
    clients = {persona: _client(world, persona) for persona in PERSONAS}
    problems = []
    seen = set()
    with translation.override(settings.LANGUAGE_CODE):
        for row in _rows():
            persona = _persona(row.get) if row.get else None
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            if persona is None or url in seen:
                continue
            seen.add(url)
            for query in QUERY_STRINGS:
                try:
                    with transaction.atomic():
                        response = clients[persona].get(url, query)
                        transaction.set_rollback(True)
                    close_response(response)
                    _assert_safe(response, f"GET {url}")
                    location = urlsplit(response.get("Location", ""))
                    assert location.netloc in ("", "testserver"), f"GET {url}: to {location}"
                except Exception as error:
                    problems.append(f"GET {url} as {persona} with {query}: {error!r}"[:400])
    assert len(seen) > 100
    assert not problems, "\n".join(problems)
