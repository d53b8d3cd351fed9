"""URL helpers shared by the project's URL configuration."""

from collections.abc import Iterable

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver


def mark_public(patterns: Iterable[URLPattern | URLResolver], names: set[str] | None) -> None:
    """Exempt third-party views from ``LoginRequiredMiddleware``.

    ``names`` lists the URL names to open up; ``None`` opens every pattern (for apps such as
    Wagtail's page serving, which decide about privacy themselves).
    """
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            mark_public(pattern.url_patterns, names)
        elif names is None or pattern.name in names:
            login_not_required(pattern.callback)
