"""An organisation's needs per topic field, gathered from every source that knows them.

Matching peer offers to needs is the peer exchange's own edge. The sources:

- ``stated``: topic fields the organisation marks as needs on the platform (``Need``);
- coaching journeys and self-assessments, read through those apps' ``selectors.py`` once
  they provide needs per topic field (see ``docs/community.md``).

Each source yields ``NeedSignal``s with a priority of 1 (some need) to 3 (urgent); the
strongest signal per topic field wins.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from .models import Need

SOURCE_LABELS = {
    "stated": _("stated by your organisation"),
    "journey": _("from the needs clarification with your coach"),
    "self_assessment": _("from your self-assessment"),
}


@dataclass(frozen=True)
class NeedSignal:
    topic_field: TopicField
    priority: int
    source: str
    note: str = ""

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS.get(self.source, self.source))

    @property
    def priority_label(self) -> str:
        return str(Need.Priority(self.priority).label)


def _stated(organisation: Organisation) -> Iterable[NeedSignal]:
    for need in Need.objects.filter(organisation=organisation).select_related("topic_field"):
        yield NeedSignal(need.topic_field, need.priority, "stated", need.note)


# Further sources (coaching journeys, self-assessment) are added here once those apps'
# selectors exist; each returns NeedSignals for one organisation.
SOURCES = [_stated]


def organisation_need_signals(organisation: Organisation) -> list[NeedSignal]:
    """The strongest need per topic field, highest first (ties: the topic fields' order)."""
    strongest: dict[int, NeedSignal] = {}
    for source in SOURCES:
        for signal in source(organisation):
            current = strongest.get(signal.topic_field.pk)
            if current is None or signal.priority > current.priority:
                strongest[signal.topic_field.pk] = signal
    return sorted(
        strongest.values(),
        key=lambda s: (-s.priority, s.topic_field.sort_order, s.topic_field.slug),
    )
