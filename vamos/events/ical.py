"""iCalendar (RFC 5545) output for one event, a person's feed and the public feed.

Times are written with ``TZID=Europe/Berlin`` and a matching ``VTIMEZONE``, so that Outlook,
Google and Apple calendars show multi-day events and daylight-saving changes correctly.
The online room link goes only into calendars of people who may see it.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import Event

BERLIN = ZoneInfo("Europe/Berlin")


def _uid(event: Event) -> str:
    host = urlsplit(settings.VAMOS_BASE_URL).hostname or "vamos"
    return f"event-{event.pk}@{host}"


def _location(event: Event) -> str:
    parts = []
    if event.is_on_site:
        parts = [event.venue_name, " ".join(event.address.split())]
    if event.format == Event.Format.ONLINE:
        parts = [_("Online")]
    return ", ".join(part for part in parts if part)


def _vevent(event: Event, *, with_online_room: bool, tentative: bool = False) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", _uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    vevent.add("dtstart", event.start.astimezone(BERLIN))
    vevent.add("dtend", event.end.astimezone(BERLIN))
    url = settings.VAMOS_BASE_URL + reverse("events:detail", kwargs={"slug": event.slug})
    vevent.add("url", url)
    location = _location(event)
    if with_online_room and event.online_url and event.format == Event.Format.ONLINE:
        location = event.online_url  # calendar programmes offer a "join" button for it
    if location:
        vevent.add("location", location)
    lines = [event.summary or ""]
    if with_online_room and event.online_url:
        lines.append(_("Online room: %(url)s") % {"url": event.online_url})
        if event.online_access_info:
            lines.append(event.online_access_info)
    lines.append(_("Details: %(url)s") % {"url": url})
    vevent.add("description", "\n\n".join(line for line in lines if line))
    if event.is_cancelled:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    return vevent


def calendar_for(
    events: Iterable[Event],
    *,
    name: str,
    online_room_for: set[int] | None = None,
    tentative: set[int] | None = None,
    language: str | None = None,
) -> bytes:
    """An iCalendar file with ``events``; ``online_room_for`` lists event ids whose room link
    may be included, ``tentative`` those the person is only on the waitlist for."""
    online_room_for = online_room_for or set()
    tentative = tentative or set()
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", "-//VAMOs//Veranstaltungen//DE")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Berlin")
        for event in events:
            calendar.add_component(
                _vevent(
                    event,
                    with_online_room=event.pk in online_room_for,
                    tentative=event.pk in tentative,
                )
            )
        calendar.add_missing_timezones()
        return calendar.to_ical()
