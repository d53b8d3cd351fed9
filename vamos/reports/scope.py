"""What a report is about: a period and optional filters (organisation kind, federal state,
topic field). Every figure of the dashboard, the XLSX and the PDF is computed for one scope."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.utils.http import urlencode

from vamos.core.models import TopicField
from vamos.organisations import selectors as organisation_selectors

PERIOD_PROGRAMME_YEAR = "programmjahr"
PERIOD_CALENDAR_YEAR = "kalenderjahr"
PERIOD_CUSTOM = "zeitraum"


@dataclass(eq=False)
class Scope:
    start: date
    end: date
    label: str
    kind: str = ""
    state: str = ""
    topic_field: TopicField | None = None
    # How the period was chosen, so links and exports repeat the same choice.
    query: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[Any, ...]:
        return (
            self.start,
            self.end,
            self.kind,
            self.state,
            self.topic_field.pk if self.topic_field else None,
        )

    @property
    def filters_organisations(self) -> bool:
        return bool(self.kind or self.state)

    @cached_property
    def organisations(self) -> QuerySet[Any] | None:
        """The organisations the filters select (``None``: no organisation filter)."""
        if not self.filters_organisations:
            return None
        return organisation_selectors.organisations_matching(
            kind=self.kind, federal_state=self.state
        )

    @cached_property
    def registered(self) -> QuerySet[Any]:
        """Organisations registered at the end of the period that match the filters."""
        return organisation_selectors.registered_organisations_at(
            end=self.end, organisations=self.organisations
        )

    @cached_property
    def learners(self) -> QuerySet[Any]:
        """User ids of the people of those organisations."""
        return organisation_selectors.people_of(organisations=self.registered)

    @property
    def querystring(self) -> str:
        return urlencode(self.query)

    def with_query(self, **extra: str) -> str:
        return urlencode({**self.query, **extra})
