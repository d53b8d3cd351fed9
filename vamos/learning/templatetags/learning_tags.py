import datetime
import re
from functools import cache
from typing import Any

from django import template
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def minutes(value: Any) -> str:
    """45 → "45 minutes", 90 → "1 hour 30 minutes"."""
    if value in (None, ""):
        return ""
    total = int(value)
    hours, rest = divmod(total, 60)
    if not hours:
        return ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest}
    text = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    if rest:
        text += " " + ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest}
    return text


@register.filter
def timecode(value: Any) -> str:
    """Seconds → "2:05" or "1:02:05"."""
    seconds = int(float(value or 0))
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


@register.filter
def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


@register.filter
def language_names(codes: Any) -> str:
    return ", ".join(language_name(code) for code in codes or [])


@register.filter
def kind_label(kind: str) -> str:
    return {
        "module": _("E-learning module"),
        "path": _("Learning path"),
        "video": _("Learning video"),
    }.get(kind, kind)


_STRFTIME = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y"}


@cache
def _short_date_pattern(language: str | None) -> str | None:
    """The language's SHORT_DATE_FORMAT as a strftime pattern, if it uses only day, month
    and year with leading zeros (else ``None``: Django's formatter handles it)."""
    with translation.override(language):
        django_format = str(formats.get_format("SHORT_DATE_FORMAT"))
    if re.search(r"[A-Za-z]", re.sub(r"[dmYy]", "", django_format)) or "\\" in django_format:
        return None
    return "".join(_STRFTIME.get(char, char.replace("%", "%%")) for char in django_format)


@register.filter
def short_date(value: Any) -> str:
    """``value|date:"SHORT_DATE_FORMAT"`` in local time, faster for long tables."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    pattern = _short_date_pattern(translation.get_language())
    if pattern is None:
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return value.strftime(pattern)


@register.filter
def certificate_list(certificates: Any) -> SafeString | str:
    """ "Title (date); Title (date)" or "–" (one filter call per person for long tables)."""
    if not certificates:
        return "–"
    return format_html_join(
        "; ",
        "{} ({})",
        ((item.module_title, short_date(item.issued_at)) for item in certificates),
    )
