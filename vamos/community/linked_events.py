"""The event where a best practice was presented, read through the events app's selectors.

The link is stored as the event's id (no database dependency on the events app); where the
events app is not installed, people name the event in free text only.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.urls import reverse


@dataclass(frozen=True)
class LinkedEvent:
    title: str
    start: Any
    url: str  # empty when the event is not public (the page would not open for everyone)


def events_available() -> bool:
    return apps.is_installed("vamos.events")


def event_choices() -> QuerySet | None:
    """Published events a best practice can name, newest first (None without events app)."""
    if not events_available():
        return None
    from vamos.events.selectors import event_choices as choices

    return choices()


def linked_event(event_id: int | None, *, signed_in: bool) -> LinkedEvent | None:
    if not event_id or not events_available():
        return None
    from vamos.events.selectors import event_get

    event = event_get(pk=event_id)
    if event is None:
        return None
    audience = getattr(event, "audience", "")
    shown_to_all = audience == "public" or (signed_in and audience == "registered")
    url = reverse("events:detail", kwargs={"slug": event.slug}) if shown_to_all else ""
    return LinkedEvent(title=event.title, start=event.start, url=url)
