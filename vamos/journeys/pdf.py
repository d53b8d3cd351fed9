"""The journey summary as PDF (WeasyPrint): goals, activities, hours per format and topic
field. Two versions: for the organisation (shared content only) and for the file (with the
coaches' private notes)."""

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors
from .models import Journey

_FONTS = {
    "regular": "vendor/kern/fonts/fira-sans/FiraSans-Regular.woff2",
    "bold": "vendor/kern/fonts/fira-sans/FiraSans-SemiBold.woff2",
    "italic": "vendor/kern/fonts/fira-sans/FiraSans-Italic.woff2",
}


def _font_urls() -> dict[str, str]:
    urls = {}
    for key, path in _FONTS.items():
        found = finders.find(path)
        if found:
            urls[key] = Path(found).as_uri()
    return urls


def _url_fetcher() -> Any:
    """Only our own font files may be loaded; nothing leaves the machine."""
    from weasyprint.urls import URLFetcher

    allowed = set(_font_urls().values())

    class FontsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError(f"Refusing to fetch {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=["file"])


def journey_summary_context(journey: Journey, *, internal: bool) -> dict[str, Any]:
    journey = selectors.journey_with_figures(journey)
    by_format = selectors.hours_by_format(journey)
    by_topic_field = selectors.hours_by_topic_field(journey)
    figures = selectors.figures_of(journey)
    widest = max([row["hours"] for row in [*by_format, *by_topic_field]] + [1])
    for row in [*by_format, *by_topic_field]:
        row["bar"] = int(row["hours"] * 100 / widest)
    activities = list(selectors.journey_activities(journey))
    notes_by_activity: dict[int, list[Any]] = {}
    journey_notes: list[Any] = []
    if internal:
        for note in selectors.private_notes(journey):
            if note.activity_id:
                notes_by_activity.setdefault(note.activity_id, []).append(note)
            else:
                journey_notes.append(note)
    for activity in activities:
        activity.private_notes = notes_by_activity.get(activity.pk, [])
    return {
        "journey": journey,
        "organisation": journey.organisation,
        "internal": internal,
        "figures": figures,
        "coaches": [a.coach for a in journey.assignments.all()],
        "kickoff": selectors.journey_kickoff(journey),
        "needs": selectors.journey_needs(journey),
        "goals": selectors.journey_goals(journey),
        "activities": activities,
        "reviews": selectors.journey_reviews(journey),
        "follow_ups": selectors.journey_follow_ups(journey),
        "recommendations": selectors.journey_recommendations(journey),
        "hours_by_format": by_format,
        "hours_by_topic_field": by_topic_field,
        "journey_notes": journey_notes,
        "fonts": _font_urls(),
        "generated_at": timezone.localtime(),
    }


def journey_summary_html(journey: Journey, *, internal: bool, request: Any = None) -> str:
    return render_to_string(
        "journeys/pdf/summary.html",
        journey_summary_context(journey, internal=internal),
        request=request,
    )


def journey_summary_pdf(
    journey: Journey, *, internal: bool, request: HttpRequest | None = None
) -> bytes:
    from weasyprint import HTML

    html = journey_summary_html(journey, internal=internal, request=request)
    return HTML(string=html, url_fetcher=_url_fetcher()).write_pdf()
