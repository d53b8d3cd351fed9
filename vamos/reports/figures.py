"""Every number of the reports for one scope, computed once and kept in the cache.

The dashboard, the XLSX, the PDF and the indicators read the same ``Report``: each area
(reach, learning, events, coaching, needs, peer exchange) is computed by ``areas/`` when
first asked for and kept under the data versions of what it reads (``vamos.core.versions``),
so every process shows the same numbers until a write changes them. Definitions are in
``docs/reports.md``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext_lazy

from vamos.core import versions
from vamos.surveys import selectors as surveys

from .areas import AreaBuilder, build_area, sources
from .data import Area, Number
from .scope import Scope

# Writes make a cached area void at once; this bounds how long figures that depend on the
# clock alone (the attendance rate counts events that have ended) can lag behind.
CACHE_SECONDS = 15 * 60

AREAS = [
    ("reach", pgettext_lazy("report area", "Reach")),
    ("learning", pgettext_lazy("report area", "Learning")),
    ("events", pgettext_lazy("report area", "Events")),
    ("coaching", pgettext_lazy("report area", "Learning support (coaching)")),
    ("needs", pgettext_lazy("report area", "Needs and development")),
    ("exchange", pgettext_lazy("report area", "Peer exchange")),
]


@dataclass(frozen=True)
class Metric:
    """A key figure an indicator can follow: the stat ``stat`` of area ``area``."""

    key: str
    area: str
    stat: str


AREA_KEYS = [key for key, _label in AREAS]


def cached[T](key: str, *, depends_on: Iterable[Any], build: Callable[[], T]) -> T:
    """``versions.cached`` for the reports, kept at most ``CACHE_SECONDS``."""
    return versions.cached(key, depends_on=depends_on, build=build, timeout=CACHE_SECONDS)


class Report:
    """All figures for one scope. Areas are read from the cache, or computed and cached
    when first used; they are plain data (``data.Area``: strings and numbers)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.k = surveys.min_group_size()
        self._areas: dict[str, Area] = {}

    @cached_property
    def _builder(self) -> AreaBuilder:
        return AreaBuilder(self.scope, k=self.k)

    def cache_key(self, area: str) -> str:
        """Everything an area's value depends on besides the data: the period and filters,
        the language of its labels and the minimum group size."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        parts = ("reports", area, *self.scope.key, language, f"k{self.k}")
        return ":".join("" if part is None else str(part) for part in parts)

    def area(self, key: str) -> Area:
        if key not in AREA_KEYS:
            raise KeyError(key)
        if key not in self._areas:
            self._areas[key] = cached(
                self.cache_key(key),
                depends_on=sources(key),
                build=lambda: build_area(self._builder, key),
            )
        return self._areas[key]

    @property
    def areas(self) -> list[Area]:
        return [self.area(key) for key in AREA_KEYS]

    @property
    def sources(self) -> list[str]:
        """The data versions of all areas."""
        return sorted({name for key in AREA_KEYS for name in sources(key)})

    def metric_value(self, metric: Metric) -> Number:
        return self.area(metric.area).stat(metric.stat).value

    @cached_property
    def records_base(self) -> str:
        """The records list of this scope; a figure's ``records`` is added to it."""
        return f"{reverse('reports:records')}?{self.scope.querystring}"

    def records(self, kind: str, group: str = "") -> str:
        return f"{self.records_base}&{self._builder.records(kind, group)}"

    @property
    def reach(self) -> Area:
        return self.area("reach")

    @property
    def learning(self) -> Area:
        return self.area("learning")

    @property
    def events(self) -> Area:
        return self.area("events")

    @property
    def coaching(self) -> Area:
        return self.area("coaching")

    @property
    def needs(self) -> Area:
        return self.area("needs")

    @property
    def exchange(self) -> Area:
        return self.area("exchange")


def metric_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped (area, [(metric key, label)]) for the indicator form."""
    return [
        (str(title), [(key, str(label)) for key, label in items]) for title, items in _METRIC_GROUPS
    ]


_METRIC_GROUPS: list[tuple[Any, list[tuple[str, Any]]]] = [
    (
        pgettext_lazy("report area", "Reach"),
        [
            ("reach.registered", gettext_lazy("Registered organisations")),
            ("reach.new", gettext_lazy("New organisations in the period")),
            ("reach.active", gettext_lazy("Organisations taking part")),
            ("reach.people", gettext_lazy("People of registered organisations")),
            ("reach.active_people", gettext_lazy("Active people")),
            ("reach.clubs", gettext_lazy("Member clubs on the platform")),
        ],
    ),
    (
        pgettext_lazy("report area", "Learning"),
        [
            ("learning.starts", gettext_lazy("Modules started")),
            ("learning.completions", gettext_lazy("Modules completed")),
            ("learning.certificates", gettext_lazy("Certificates issued")),
            ("learning.active_learners", gettext_lazy("People learning")),
        ],
    ),
    (
        pgettext_lazy("report area", "Events"),
        [
            ("events.events", gettext_lazy("Events held or planned")),
            ("events.registrations", gettext_lazy("Registrations")),
            ("events.attended", gettext_lazy("Participations")),
            ("events.attendance_rate", gettext_lazy("Attendance rate")),
            ("events.people", gettext_lazy("People reached")),
            ("events.organisations", gettext_lazy("Organisations reached")),
        ],
    ),
    (
        pgettext_lazy("report area", "Learning support (coaching)"),
        [
            ("coaching.organisations", gettext_lazy("Organisations with a learning journey")),
            ("coaching.under_way", gettext_lazy("Learning journeys under way")),
            ("coaching.activities", gettext_lazy("Activities held")),
            ("coaching.hours", gettext_lazy("Coaching hours")),
            ("coaching.goals_achieved", gettext_lazy("Goals achieved")),
            ("coaching.club_activities", gettext_lazy("Activities with member clubs")),
            ("coaching.club_participants", gettext_lazy("Participants reached in member clubs")),
        ],
    ),
    (
        pgettext_lazy("report area", "Needs and development"),
        [
            ("needs.needs_rate", gettext_lazy("Response rate of the needs assessment")),
            ("needs.self_assessment_rate", gettext_lazy("Response rate of the Verbands-Check")),
        ],
    ),
    (
        pgettext_lazy("report area", "Peer exchange"),
        [
            ("exchange.published", gettext_lazy("Best practices published")),
            ("exchange.offers_active", gettext_lazy("Active peer offers")),
            ("exchange.contacts", gettext_lazy("Contact requests")),
        ],
    ),
]

METRIC_LABELS: dict[str, Any] = {
    key: label for _title, items in _METRIC_GROUPS for key, label in items
}


def metric(key: str) -> Metric:
    if key not in METRIC_LABELS:
        raise KeyError(key)
    area, stat = key.split(".", 1)
    return Metric(key=key, area=area, stat=stat)
