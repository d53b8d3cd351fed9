"""Demo programme years (the current three-year phase) and the team's indicators."""

import datetime
from decimal import Decimal

from django.utils import timezone

from vamos.core.models import TopicField
from vamos.reports.models import Indicator, ProgrammeYear

INDICATORS = [
    # name, figure, baseline, target, topic field slug
    ("Organisationen mit aktiver Lernreise", "coaching.organisations", "2", "25", None),
    ("Registrierte Organisationen", "reach.registered", "5", "40", None),
    ("Abgeschlossene E-Learning-Module", "learning.completions", "0", "60", None),
    ("Teilnahmen an Veranstaltungen", "events.attended", "20", "300", None),
    ("Quote der Bedarfserhebung", "needs.needs_rate", "50", "80", None),
    ("Lernbegleitung Finanzierung (Stunden)", "coaching.hours", "0", "40", "finanzierung"),
    ("Veröffentlichte Praxisbeispiele", "exchange.published", "0", "12", None),
]


def seed_reports() -> None:
    """Three programme years around today (the current phase) and indicators for the
    current one. Idempotent."""
    year = timezone.localdate().year
    years = {}
    for offset in (-1, 0, 1):
        current = year + offset
        years[current], _created = ProgrammeYear.objects.get_or_create(
            label=str(current),
            defaults={
                "starts_on": datetime.date(current, 1, 1),
                "ends_on": datetime.date(current, 12, 31),
            },
        )
    for position, (name, metric, baseline, target, topic) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(
            name=name,
            defaults={
                "metric": metric,
                "baseline": Decimal(baseline),
                "target": Decimal(target),
                "programme_year": years[year],
                "topic_field": TopicField.objects.filter(slug=topic).first() if topic else None,
                "position": position,
            },
        )
