"""Reports: the current three-year programme phase (the years the rest of the data spans) and
the team's indicators for the current year, as the demo sets them up. The figures themselves
are computed from the other apps' records, so this part is small at every scale."""

import datetime
from decimal import Decimal

from vamos.core.models import TopicField
from vamos.demo.reports import INDICATORS
from vamos.reports.models import Indicator, ProgrammeYear

from .base import Scale, World


def seed(scale: Scale, world: World) -> None:
    years = {}
    for year in (scale.today.year - 2, scale.today.year - 1, scale.today.year):
        years[year] = ProgrammeYear.objects.create(
            label=str(year),
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    for position, (name, metric, baseline, target, topic) in enumerate(INDICATORS):
        Indicator.objects.create(
            name=name,
            metric=metric,
            baseline=Decimal(baseline),
            target=Decimal(target),
            programme_year=years[scale.today.year],
            topic_field=topics.get(topic) if topic else None,
            position=position,
        )
    world.counts["programme years"] = len(years)
    world.counts["indicators"] = len(INDICATORS)
