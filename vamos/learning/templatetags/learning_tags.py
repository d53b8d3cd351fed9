from typing import Any

from django import template
from django.conf import settings
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
