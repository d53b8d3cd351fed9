"""What the surveys app reads from its neighbours, in one place.

Journeys (which coach works with which organisation), learning (modules), events (upcoming
events) and community (peer organisations) are read only through those apps'
``selectors.py``. An app that is not installed – or does not offer the selector yet –
simply contributes nothing.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class Suggestion:
    """A module, event or peer organisation that matches a topic field."""

    kind: str
    title: str
    url: str
    detail: str = ""


def _installed(label: str) -> bool:
    return apps.is_installed(f"vamos.{label}")


def coached_organisation_ids(user: Any) -> set[int]:
    """Organisations whose learning journey ``user`` coaches."""
    if not _installed("journeys"):
        return set()
    try:
        from vamos.journeys.selectors import coached_organisation_ids as lookup
    except ImportError:
        return set()
    return set(lookup(user))


def suggestions_for(
    *, topic_fields: list[Any], organisation: Any, user: Any
) -> dict[int, list[Suggestion]]:
    """Topic field id → modules, upcoming events and peer organisations that match it."""
    return {}
