"""Keeping bots out of public forms without third parties: a hidden field people never fill,
a signed start time (bots submit instantly) and a per-connection rate limit."""

import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website_url"
STARTED = "form_started"
_SALT = "vamos.core.spam"


def add_spam_fields(form: forms.Form) -> None:
    form.fields[HONEYPOT] = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form.fields[STARTED] = forms.CharField(
        required=False,
        widget=forms.HiddenInput,
        initial=signing.dumps(time.time(), salt=_SALT),
    )


def is_spam(form: forms.Form) -> bool:
    data = form.cleaned_data
    if data.get(HONEYPOT):
        return True
    try:
        started = float(signing.loads(data.get(STARTED) or "", salt=_SALT, max_age=86400))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < settings.VAMOS_FORM_MIN_SECONDS


def strip_spam_fields(form: forms.Form) -> None:
    form.cleaned_data.pop(HONEYPOT, None)
    form.cleaned_data.pop(STARTED, None)


def is_rate_limited(request: HttpRequest, *, key: str, limit: int = 5, seconds: int = 600) -> bool:
    client = request.META.get("REMOTE_ADDR", "unknown")
    cache_key = f"ratelimit:{key}:{client}"
    count: Any = cache.get(cache_key, 0)
    if count >= limit:
        return True
    cache.set(cache_key, count + 1, seconds)
    return False
