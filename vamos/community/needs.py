"""An organisation's needs per topic field, gathered from every source that knows them.

Matching peer offers to needs is the peer exchange's own edge. The sources:

- ``stated``: topic fields the organisation marks as needs on the platform (``Need``);
- ``journey``: the needs clarification of its coaching journey's kickoff
  (``vamos.journeys.selectors.organisation_need_ranks``);
- ``needs_assessment`` / ``self_assessment``: its latest annual needs assessment or, lacking
  one, its Verbands-Check (``vamos.surveys.selectors.organisation_needs_by_topic_field``).

An app that is not installed (or does not offer the selector) contributes nothing.

Each source yields ``NeedSignal``s with a priority of 1 (some need) to 3 (urgent); the
strongest signal per topic field wins.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from .models import Need

SOURCE_LABELS = {
    "stated": _("stated by your organisation"),
    "journey": _("from the needs clarification with your coach"),
    "needs_assessment": _("from the annual needs assessment"),
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


def _journey(organisation: Organisation) -> Iterable[NeedSignal]:
    if not apps.is_installed("vamos.journeys"):
        return
    try:
        from vamos.journeys.selectors import organisation_need_ranks
    except ImportError:
        return
    ranks = organisation_need_ranks(organisation)
    topic_fields = TopicField.objects.in_bulk(list(ranks)) if ranks else {}
    for pk, rank in ranks.items():
        if pk in topic_fields and rank:
            yield NeedSignal(topic_fields[pk], max(1, min(3, int(rank))), "journey")


def _surveys(organisation: Organisation) -> Iterable[NeedSignal]:
    if not apps.is_installed("vamos.surveys"):
        return
    try:
        from vamos.surveys.selectors import organisation_needs_by_topic_field
    except ImportError:
        return
    for need in organisation_needs_by_topic_field(organisation):
        source = "self_assessment" if need.source == "self_assessment" else "needs_assessment"
        yield NeedSignal(need.topic_field, max(1, min(3, int(need.priority))), source)


SOURCES = [_stated, _journey, _surveys]


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
