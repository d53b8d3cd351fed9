"""Reads of the reports app: programme years, indicators with their current values, and
the records behind a figure (through the other apps' selectors)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from vamos.community import selectors as community
from vamos.events import selectors as events
from vamos.events.models import Event
from vamos.journeys import selectors as journeys
from vamos.journeys.models import Journey
from vamos.organisations.models import FederalState, Organisation

from .figures import METRIC_LABELS, Number, Report, cached, metric
from .models import Indicator, ProgrammeYear
from .scope import Scope


def programme_year_list() -> QuerySet[ProgrammeYear]:
    return ProgrammeYear.objects.order_by("-starts_on")


def programme_year_containing(day: date) -> ProgrammeYear | None:
    return ProgrammeYear.objects.filter(starts_on__lte=day, ends_on__gte=day).first()


def programme_years_overlapping(
    *, starts_on: date, ends_on: date, exclude_pk: int | None = None
) -> QuerySet[ProgrammeYear]:
    years = ProgrammeYear.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
    if exclude_pk:
        years = years.exclude(pk=exclude_pk)
    return years


def indicator_list() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("programme_year", "topic_field")


@dataclass
class IndicatorProgress:
    indicator: Indicator
    start: date
    end: date
    value: Number

    @property
    def label(self) -> str:
        return str(METRIC_LABELS.get(self.indicator.metric, self.indicator.metric))

    @property
    def unit(self) -> str:
        return "%" if self.indicator.metric.endswith("_rate") else ""

    @property
    def percent_of_target(self) -> Decimal | None:
        """The current value as a share of the target (capped at nothing: 120 % is shown)."""
        if self.value is None or not self.indicator.target:
            return None
        share = Decimal(str(self.value)) * 100 / self.indicator.target
        return share.quantize(Decimal("1"))

    @property
    def bar_percent(self) -> Decimal:
        share = self.percent_of_target
        return min(share, Decimal("100")) if share is not None else Decimal("0")

    @property
    def baseline_percent(self) -> Decimal:
        if not self.indicator.target:
            return Decimal("0")
        share = self.indicator.baseline * 100 / self.indicator.target
        return min(share, Decimal("100")).quantize(Decimal("0.1"))

    @property
    def reached(self) -> bool:
        return self.value is not None and Decimal(str(self.value)) >= self.indicator.target


def indicator_progress(
    indicators: list[Indicator], *, reports: dict[tuple[Any, ...], Report] | None = None
) -> list[IndicatorProgress]:
    """Each indicator's current value over its own period and filters, read from the same
    cached figures as the dashboard of that scope. Indicators with the same period and
    filters share one report."""
    reports = {} if reports is None else reports
    result = []
    for indicator in indicators:
        start, end = indicator.period
        scope = Scope(
            start=start,
            end=end,
            label="",
            kind=indicator.organisation_kind,
            state=indicator.federal_state,
            topic_field=indicator.topic_field,
        )
        report = reports.get(scope.key)
        if report is None:
            report = reports[scope.key] = Report(scope)
        try:
            value = report.metric_value(metric(indicator.metric))
        except KeyError:
            value = None
        result.append(IndicatorProgress(indicator=indicator, start=start, end=end, value=value))
    return result


def report_indicator_progress(report: Report) -> list[IndicatorProgress]:
    """The indicators shown with ``report`` (those whose period overlaps its period), each
    with its value over its own period and filters. The values are kept in the cache with
    the figures they come from, so the dashboard and both exports show the same ones."""
    scope = report.scope
    indicators = indicators_for_period(start=scope.start, end=scope.end)

    def values() -> dict[int, Number]:
        progress = indicator_progress(indicators, reports={scope.key: report})
        return {item.indicator.pk: item.value for item in progress}

    known = cached(
        report.cache_key("indicators"),
        depends_on=[*report.sources, Indicator, ProgrammeYear],
        build=values,
    )
    return [
        IndicatorProgress(indicator=indicator, start=start, end=end, value=known.get(indicator.pk))
        for indicator in indicators
        for start, end in [indicator.period]
    ]


def indicators_for_period(*, start: date, end: date) -> list[Indicator]:
    """Indicators whose period overlaps ``start``–``end``."""
    return list(
        indicator_list().filter(
            Q(programme_year__starts_on__lte=end, programme_year__ends_on__gte=start)
            | Q(starts_on__lte=end, ends_on__gte=start)
        )
    )


# --- Records behind a figure --------------------------------------------------------------

RECORD_LISTS = ("organisations", "events", "journeys", "best-practices")


def records(scope: Scope, *, kind: str, group: str = "") -> QuerySet[Any]:
    """The records a figure counts, narrowed to one of its rows by ``group``
    (``"kind:landesverband"``, ``"state:NW"``, ``"format:online"``, ``"status:active"``)."""
    name, _sep, value = group.partition(":")
    if kind == "organisations":
        found = scope.registered.select_related("parent")
        if name == "kind":
            found = found.filter(kind=value)
        elif name == "state":
            found = found.filter(
                Q(federal_state=value) | Q(federal_state="", parent__federal_state=value)
            )
        return found.order_by("name")
    if kind == "events":
        found = events.events_in_period(
            start=scope.start,
            end=scope.end,
            organisations=scope.organisations,
            topic_field=scope.topic_field,
        )
        if name in {"kind", "format"}:
            found = found.filter(**{name: value})
        return found.order_by("start", "pk")
    if kind == "journeys":
        found = journeys.journeys_in_period(
            start=scope.start,
            end=scope.end,
            organisations=scope.organisations,
            topic_field=scope.topic_field,
        ).select_related("organisation")
        if name == "status":
            found = found.filter(status=value)
        return found.order_by("organisation__name", "pk")
    if kind == "best-practices":
        return (
            community.best_practices_published_in(
                start=scope.start,
                end=scope.end,
                organisations=scope.organisations,
                topic_field=scope.topic_field,
            )
            .select_related("organisation")
            .order_by("-first_published_at", "pk")
        )
    raise KeyError(kind)


def group_label(kind: str, group: str) -> str:
    """The row a records list is narrowed to, in words (e.g. "Landesverband")."""
    name, _sep, value = group.partition(":")
    choices: dict[tuple[str, str], Any] = {
        ("organisations", "kind"): Organisation.Kind.choices,
        ("organisations", "state"): FederalState.choices,
        ("events", "kind"): Event.Kind.choices,
        ("events", "format"): Event.Format.choices,
        ("journeys", "status"): Journey.Status.choices,
    }
    return str(dict(choices.get((kind, name), [])).get(value, ""))
