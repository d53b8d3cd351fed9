"""Browser journeys: every page a journey visits is checked with axe-core, and no request
may leave 127.0.0.1 (no CDN, no fonts, no trackers)."""

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e


class AccessibilityChecker:
    """``axe(page)`` after each navigation; teardown fails for pages visited unchecked."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.visited: list[str] = []
        self.checked: set[str] = set()
        self.foreign_requests: list[str] = []
        page.on("framenavigated", self._navigated)
        page.on("request", self._request)

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self.visited.append(frame.url)

    def _request(self, request: Any) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in {"127.0.0.1", "localhost"}:
            self.foreign_requests.append(request.url)

    def __call__(self, page: Page | None = None) -> None:
        page = page or self.page
        page.wait_for_load_state("load")
        # Measure the settled page, not a fade-in half way through (e.g. flash messages).
        page.evaluate(
            "Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"
        )
        page.evaluate(AXE_SCRIPT)
        result = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
        )
        problems = [
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result
        ]
        assert not problems, f"axe found violations on {page.url}:\n" + json.dumps(
            problems, indent=2, ensure_ascii=False
        )
        self.checked.add(page.url)

    def assert_all_checked(self) -> None:
        unchecked = [
            url for url in self.visited if url not in self.checked and url != "about:blank"
        ]
        assert not unchecked, f"pages visited without an axe check: {unchecked}"
        assert not self.foreign_requests, f"requests left the machine: {self.foreign_requests}"


@pytest.fixture
def axe(page: Page) -> Iterator[AccessibilityChecker]:
    checker = AccessibilityChecker(page)
    yield checker
    checker.assert_all_checked()


@pytest.fixture(autouse=True)
def _content_types_cached_for_the_next_journey(transactional_db: None) -> Iterator[None]:
    """The next journey's serialized rollback builds Wagtail tasks, whose constructor asks
    for their content type before the content types are restored; with a cold cache that
    inserts a second row and the restore fails. ``create_permissions`` and friends clear the
    cache, so fill it again (the restored ids are the same every time)."""
    yield
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@pytest.fixture
def e2e_settings(settings: Any) -> Any:
    """Browser journeys submit forms faster than people do; the spam timer would hold them."""
    settings.VAMOS_FORM_MIN_SECONDS = 0
    return settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A transactional test flushes the database afterwards; without serialized rollback the
    data of migrations (topic fields, groups, Wagtail's root page) is gone for every later
    test on the same worker. Refuse such journeys instead of letting others fail."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or "tests/e2e/" not in str(item.fspath):
            continue
        if marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: browser journeys need "
                "pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )
