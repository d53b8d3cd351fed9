"""The journey summary as PDF (WeasyPrint): goals, activities, hours per format and topic
field. Two versions: for the organisation (shared content only) and for the file (with the
coaches' private notes)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from vamos.core.pdf import font_urls, html_to_pdf

from . import selectors
from .models import Journey


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
        "fonts": font_urls(),
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
    return html_to_pdf(journey_summary_html(journey, internal=internal, request=request))
