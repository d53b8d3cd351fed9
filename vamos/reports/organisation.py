"""An organisation's one-page development report: its learning journey, its people's
learning and events, its Verbands-Check over the years and its part in the peer exchange.
For the organisation's admins (and the team); read through the other apps' selectors."""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from vamos.community import selectors as community
from vamos.events import selectors as events
from vamos.events.models import Event
from vamos.journeys import selectors as journeys
from vamos.learning import selectors as learning
from vamos.organisations import selectors as organisations
from vamos.surveys import selectors as surveys

from .data import SCORE, Figure, Row, Stat, _round


@dataclass
class OrganisationReport:
    organisation: Any
    generated_at: Any
    stats: list[Stat]
    journeys: list[Any]
    journey_hours: Figure | None
    learning: Figure
    events: Figure
    self_assessment: Figure | None
    self_assessment_rounds: list[str]
    k: int

    @property
    def figures(self) -> list[Figure]:
        return [
            figure
            for figure in (self.journey_hours, self.learning, self.events, self.self_assessment)
            if figure is not None
        ]


def organisation_report(organisation: Any) -> OrganisationReport:
    learning_summary = learning.organisation_learning_summary(organisation=organisation)
    modules = learning.organisation_module_counts(organisation=organisation)[:10]
    event_figures = events.organisation_event_figures(organisation=organisation)
    exchange = community.organisation_community_figures(organisation=organisation)
    clubs = organisations.organisation_member_clubs(organisation=organisation).count()
    journey_list = journeys.organisation_journey_report(organisation=organisation)
    current = journey_list[0] if journey_list else None
    journey_hours = None
    if current is not None:
        journey_hours = Figure(
            key="organisation.journey_hours",
            title=_("Coaching hours by format"),
            definition=_("Activities held in the current or latest learning journey."),
            columns=[_("Activities"), _("Hours")],
            units=["", "h"],
            series=[1],
            rows=[
                Row(str(row["label"]), [row["count"], _round(row["hours"], 2)])
                for row in journeys.hours_by_format(current)
            ],
        )
    history = surveys.organisation_self_assessment_history(organisation)
    submitted = history.submitted
    self_assessment = None
    rounds = [assessment.wave.label for assessment in submitted]
    if submitted:
        latest = submitted[-1]
        average = latest.average.values if latest.average and not latest.average.suppressed else {}
        self_assessment = Figure(
            key="organisation.self_assessment",
            title=_("Verbands-Check over the years"),
            definition=_(
                "Your organisation's average self-assessment per topic field (1–5) in each "
                "round, and the average of all organisations in the latest round where at "
                "least %(k)s answered."
            )
            % {"k": surveys.min_group_size()},
            columns=[*rounds, _("All organisations %(round)s") % {"round": latest.wave.label}],
            units=[SCORE] * (len(rounds) + 1),
            series=list(range(len(rounds))),
            scale_max=5,
            rows=[
                Row(
                    tf.name,
                    [
                        *[_round(assessment.fields.get(tf.pk), 2) for assessment in submitted],
                        _round(average.get(tf.pk), 2),
                    ],
                )
                for tf in history.topic_fields
            ],
        )
    kinds = dict(Event.Kind.choices)
    return OrganisationReport(
        organisation=organisation,
        generated_at=timezone.localtime(),
        k=surveys.min_group_size(),
        stats=[
            Stat("members", _("People on the platform"), learning_summary["members"]),
            Stat("learners", _("People learning"), learning_summary["learners"]),
            Stat("completions", _("Modules completed"), learning_summary["completions"]),
            Stat("certificates", _("Certificates"), learning_summary["certificates"]),
            Stat("attended", _("Event participations"), event_figures["attended"]),
            Stat("event_people", _("People at events"), event_figures["people"]),
            Stat("published", _("Best practices published"), exchange["published"]),
            Stat("offers", _("Active peer offers"), exchange["offers"]),
            Stat("clubs", _("Member clubs on the platform"), clubs),
        ],
        journeys=journey_list,
        journey_hours=journey_hours,
        learning=Figure(
            key="organisation.learning",
            title=_("Learning of your people"),
            definition=_("People of your organisation who started and completed each module."),
            columns=[_("Started"), _("Completed")],
            series=[0, 1],
            rows=[Row(row.page.title, [row.started, row.completed]) for row in modules],
        ),
        events=Figure(
            key="organisation.events",
            title=_("Event participations by kind"),
            definition=_("Registrations for your organisation marked as attended."),
            columns=[_("Participations")],
            rows=[
                Row(str(label), [event_figures["by_kind"].get(value, 0)])
                for value, label in kinds.items()
            ],
        ),
        self_assessment=self_assessment,
        self_assessment_rounds=rounds,
    )
