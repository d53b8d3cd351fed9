"""Dates of events as people read them: one day with times, or a range of days."""

from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


def _day(value: Any) -> str:
    return f"{formats.date_format(value, 'D')}, {formats.date_format(value, 'DATE_FORMAT')}"


@register.filter
def when(item: Any) -> str:
    """'Thu, 4 December 2026, 10:00–12:00' or '4 December 2026, 10:00 – 5 December 2026, 16:00'."""
    start, end = timezone.localtime(item.start), timezone.localtime(item.end)
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": _day(start),
            "start": formats.time_format(start, "H:i"),
            "end": formats.time_format(end, "H:i"),
        }
    return _("%(start_day)s, %(start)s – %(end_day)s, %(end)s") % {
        "start_day": _day(start),
        "start": formats.time_format(start, "H:i"),
        "end_day": _day(end),
        "end": formats.time_format(end, "H:i"),
    }


@register.filter
def time_range(item: Any) -> str:
    start, end = timezone.localtime(item.start), timezone.localtime(item.end)
    return f"{formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')}"


@register.filter
def seats_left(event: Any) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - getattr(event, "seats_taken", 0), 0)
