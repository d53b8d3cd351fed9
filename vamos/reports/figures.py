"""Every number of the reports, computed once per scope from the other apps' selectors.

The dashboard, the XLSX and the PDF render the same ``Report`` object, so their figures
cannot differ. Each area (reach, learning, events, coaching, needs, peer exchange) is
computed only when first asked for; its aggregates are database queries whose number does
not grow with the data. Definitions are in ``docs/reports.md``.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from vamos.community import selectors as community
from vamos.core.selectors import topic_field_list
from vamos.events import selectors as events
from vamos.events.models import Event
from vamos.journeys import selectors as journeys
from vamos.journeys.models import Activity, Journey
from vamos.learning import selectors as learning
from vamos.organisations import selectors as organisations
from vamos.organisations.models import FederalState, Organisation
from vamos.surveys import selectors as surveys
from vamos.surveys.models import Survey

from .scope import Scope

Number = int | float | Decimal | None

COUNT = ""
PERCENT = "%"
HOURS = "h"
SCORE = "score"


def _round(value: Any, places: int = 1) -> Decimal | None:
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    return _round(100 * Decimal(part) / Decimal(whole)) if whole else None


@dataclass
class Stat:
    key: str
    label: str
    value: Number
    unit: str = COUNT
    help: str = ""


@dataclass
class Row:
    label: str
    values: list[Number]
    url: str = ""
    suppressed: bool = False


@dataclass
class Figure:
    key: str
    title: str
    definition: str
    columns: list[str]
    rows: list[Row]
    units: list[str] = field(default_factory=list)
    # Columns drawn as bars (indices into ``values``); the first is the main series.
    series: list[int] = field(default_factory=lambda: [0])
    scale_max: Number = None
    records_url: str = ""
    records_label: str = ""
    note: str = ""

    def unit(self, index: int) -> str:
        return self.units[index] if index < len(self.units) else COUNT

    @property
    def is_empty(self) -> bool:
        return not any(
            value
            for row in self.rows
            for value in row.values
            if isinstance(value, int | float | Decimal)
        )

    @property
    def series_labels(self) -> list[str]:
        return [self.columns[index] for index in self.series]

    @property
    def maximum(self) -> float:
        if self.scale_max is not None:
            return float(self.scale_max)
        values = [
            float(row.values[index])
            for row in self.rows
            for index in self.series
            if row.values[index] is not None and float(row.values[index]) > 0
        ]
        return max(values, default=0.0)


@dataclass
class Area:
    key: str
    title: str
    stats: list[Stat]
    figures: list[Figure]
    note: str = ""

    def stat(self, key: str) -> Stat:
        return next(stat for stat in self.stats if stat.key == key)


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


def _kind_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Organisation.Kind.choices}


class Report:
    """All figures for one scope. Areas are computed when first used."""

    def __init__(self, scope: Scope, *, team_links: bool = True) -> None:
        self.scope = scope
        self.team_links = team_links
        self.k = surveys.min_group_size()

    # --- helpers -----------------------------------------------------------------------

    def records(self, kind: str, group: str = "") -> str:
        if not self.team_links:
            return ""
        extra = {"liste": kind}
        if group:
            extra["gruppe"] = group
        return f"{reverse('reports:records')}?{self.scope.with_query(**extra)}"

    @property
    def areas(self) -> list[Area]:
        return [getattr(self, key) for key, _label in AREAS]

    def area(self, key: str) -> Area:
        if key not in dict(AREAS):
            raise KeyError(key)
        return getattr(self, key)

    def metric_value(self, metric: Metric) -> Number:
        return self.area(metric.area).stat(metric.stat).value

    @cached_property
    def topic_fields(self) -> list[Any]:
        fields = list(topic_field_list())
        if self.scope.topic_field is not None:
            fields = [tf for tf in fields if tf.pk == self.scope.topic_field.pk]
        return fields

    def _topic_field_note(self) -> str:
        return _("The topic field filter does not apply to these figures.")

    # --- reach -------------------------------------------------------------------------

    @cached_property
    def reach(self) -> Area:
        scope = self.scope
        figures = organisations.organisation_reach_figures(
            start=scope.start, end=scope.end, organisations=scope.organisations
        )
        registered = scope.registered
        learned = learning.lesson_activity_in_period(
            start=scope.start, end=scope.end, user=OuterRef("user_id")
        )
        active = registered.filter(
            Q(
                pk__in=events.event_attendees_in_period(start=scope.start, end=scope.end).values(
                    "organisation_id"
                )
            )
            | Q(pk__in=scope.learners.filter(learned).values("organisation_id"))
            | Q(pk__in=journeys.organisations_coached_in_period(start=scope.start, end=scope.end))
            | Q(pk__in=surveys.organisations_answering_in_period(start=scope.start, end=scope.end))
        ).count()
        active_people = (
            scope.learners.filter(
                Q(
                    user_id__in=events.event_attendees_in_period(
                        start=scope.start, end=scope.end
                    ).values("user_id")
                )
                | Q(learned)
            )
            .distinct()
            .count()
        )
        clubs = organisations.member_club_totals(end=scope.end, organisations=scope.organisations)
        federations = list(
            organisations.federations_with_member_clubs(
                end=scope.end, organisations=scope.organisations
            )[:15]
        )
        by_kind = figures["by_kind"]
        by_state = figures["by_state"]
        state_rows = [
            Row(label, [by_state[code]], self.records("organisations", f"state:{code}"))
            for code, label in FederalState.choices
            if by_state.get(code)
        ]
        if by_state.get(None):
            state_rows.append(Row(_("No federal state given"), [by_state[None]]))
        return Area(
            key="reach",
            title=pgettext("report area", "Reach"),
            note=self._topic_field_note() if scope.topic_field else "",
            stats=[
                Stat("registered", _("Registered organisations"), figures["registered"]),
                Stat("new", _("New organisations in the period"), figures["new"]),
                Stat(
                    "active",
                    _("Organisations taking part"),
                    active,
                    help=_(
                        "Registered organisations with at least one event attendance, lesson "
                        "started or completed, coaching activity held or survey submitted in "
                        "the period."
                    ),
                ),
                Stat("people", _("People of registered organisations"), figures["people"]),
                Stat(
                    "active_people",
                    _("Active people"),
                    active_people,
                    help=_(
                        "People of registered organisations who attended an event or started "
                        "or completed a lesson in the period."
                    ),
                ),
                Stat(
                    "clubs",
                    _("Member clubs on the platform"),
                    clubs["registered"] + clubs["listed"],
                    help=_(
                        "Member clubs of registered federations: registered themselves or "
                        "listed by their federation."
                    ),
                ),
                Stat(
                    "clubs_stated",
                    _("Member clubs according to the federations"),
                    clubs["stated"],
                    help=_("The number of member clubs the federations state in their profile."),
                ),
            ],
            figures=[
                Figure(
                    key="reach.by_kind",
                    title=_("Registered organisations by kind"),
                    definition=_(
                        "Organisations approved by the end of the period and active or paused "
                        "today, by their own kind."
                    ),
                    columns=[_("Organisations")],
                    rows=[
                        Row(
                            label,
                            [by_kind.get(value, 0)],
                            self.records("organisations", f"kind:{value}"),
                        )
                        for value, label in _kind_labels().items()
                    ],
                    records_url=self.records("organisations"),
                ),
                Figure(
                    key="reach.by_state",
                    title=_("Registered organisations by federal state"),
                    definition=_(
                        "Member clubs without a federal state of their own count in their "
                        "federation's."
                    ),
                    columns=[_("Organisations")],
                    rows=state_rows,
                    records_url=self.records("organisations"),
                ),
                Figure(
                    key="reach.federations",
                    title=_("Federations and their member clubs"),
                    definition=_(
                        "Member clubs rolled up to their federation: clubs on the platform "
                        "(registered or listed by the federation) and the number the "
                        "federation states in its profile. The 15 federations with the most "
                        "clubs on the platform."
                    ),
                    columns=[
                        _("Member clubs on the platform"),
                        _("of them registered"),
                        _("Member clubs stated"),
                    ],
                    rows=[
                        Row(
                            federation.name,
                            [
                                federation.clubs_registered + federation.clubs_listed,
                                federation.clubs_registered,
                                federation.member_clubs_count,
                            ],
                            reverse("organisations:detail", args=[federation.slug])
                            if self.team_links
                            else "",
                        )
                        for federation in federations
                    ],
                ),
            ],
        )

    # --- learning ----------------------------------------------------------------------

    @cached_property
    def learning(self) -> Area:
        scope = self.scope
        kwargs = {
            "start": scope.start,
            "end": scope.end,
            "learners": scope.learners,
            "topic_field": scope.topic_field,
        }
        figures = learning.learning_report_figures(**kwargs)
        by_field = figures["by_topic_field"]
        modules = figures["top_modules"]
        videos = list(learning.top_videos(**kwargs))
        return Area(
            key="learning",
            title=pgettext("report area", "Learning"),
            stats=[
                Stat("starts", _("Modules started"), figures["starts"]),
                Stat("completions", _("Modules completed"), figures["completions"]),
                Stat("certificates", _("Certificates issued"), figures["certificates"]),
                Stat("learners", _("People who started a module"), figures["learners"]),
                Stat(
                    "active_learners",
                    _("People learning"),
                    figures["active_learners"],
                    help=_("People who started or completed a lesson in the period."),
                ),
            ],
            figures=[
                Figure(
                    key="learning.by_topic_field",
                    title=_("Module starts and completions by topic field"),
                    definition=_(
                        "Modules started and completed in the period by people of registered "
                        "organisations. A module in several topic fields counts in each."
                    ),
                    columns=[_("Started"), _("Completed")],
                    series=[0, 1],
                    rows=[
                        Row(tf.name, list(by_field.get(tf.pk, (0, 0)))) for tf in self.topic_fields
                    ],
                ),
                Figure(
                    key="learning.modules",
                    title=_("Most used modules"),
                    definition=_("The ten modules started most often in the period."),
                    columns=[_("Started"), _("Completed")],
                    series=[0, 1],
                    rows=[
                        Row(
                            row["page"].title,
                            [row["starts"], row["completions"]],
                            learning.module_url(row["page"]) if self.team_links else "",
                        )
                        for row in modules
                    ],
                ),
                Figure(
                    key="learning.videos",
                    title=_("Most watched videos"),
                    definition=_(
                        "People whose latest viewing falls in the period, and people who "
                        "watched the video to the end in the period."
                    ),
                    columns=[_("Viewers"), _("Watched to the end")],
                    series=[0, 1],
                    rows=[
                        Row(
                            video.title_de,
                            [video.viewers, video.finished],
                            reverse("learning:video", args=[video.slug]) if self.team_links else "",
                        )
                        for video in videos
                    ],
                ),
            ],
        )

    # --- events ------------------------------------------------------------------------

    @cached_property
    def events(self) -> Area:
        scope = self.scope
        kwargs = {
            "start": scope.start,
            "end": scope.end,
            "organisations": scope.organisations,
            "topic_field": scope.topic_field,
        }
        figures = events.event_report_figures(**kwargs)
        forms = surveys.feedback_scores_for_events(events=events.events_in_period(**kwargs))
        attendance = percent(figures["attended"], figures["seats_ended"])
        feedback_rows = []
        for value, label in Event.Kind.choices:
            ratings, mean = figures["feedback_by_kind"].get(value, (0, None))
            form = forms.get(value, {"responses": 0, "mean": None, "suppressed": False})
            hidden = 0 < ratings < self.k
            feedback_rows.append(
                Row(
                    str(label),
                    [
                        form["responses"],
                        form["mean"],
                        ratings,
                        None if hidden or mean is None else _round(mean, 2),
                    ],
                    suppressed=form["suppressed"] or hidden,
                )
            )
        return Area(
            key="events",
            title=pgettext("report area", "Events"),
            stats=[
                Stat("events", _("Events held or planned"), figures["events"]),
                Stat("registrations", _("Registrations"), figures["registrations"]),
                Stat("attended", _("Participations"), figures["attended"]),
                Stat(
                    "attendance_rate",
                    _("Attendance rate"),
                    attendance,
                    PERCENT,
                    help=_("Attended of all seats taken at events that have ended."),
                ),
                Stat("people", _("People reached"), figures["people"]),
                Stat("organisations", _("Organisations reached"), figures["organisations"]),
                Stat(
                    "waitlist",
                    _("Waitlist demand"),
                    figures["waitlist_joined"],
                    help=_("Registrations that joined a waitlist."),
                ),
            ],
            figures=[
                Figure(
                    key="events.by_kind",
                    title=_("Events by kind"),
                    definition=_(
                        "Published events starting in the period (not cancelled ones). With "
                        "an organisation filter: events people of those organisations "
                        "registered for."
                    ),
                    columns=[pgettext_lazy("report column", "Events")],
                    rows=[
                        Row(
                            str(label),
                            [figures["by_kind"].get(value, 0)],
                            self.records("events", f"kind:{value}"),
                        )
                        for value, label in Event.Kind.choices
                    ],
                    records_url=self.records("events"),
                ),
                Figure(
                    key="events.by_format",
                    title=_("Events by format"),
                    definition=_("The same events by format."),
                    columns=[pgettext_lazy("report column", "Events")],
                    rows=[
                        Row(
                            str(label),
                            [figures["by_format"].get(value, 0)],
                            self.records("events", f"format:{value}"),
                        )
                        for value, label in Event.Format.choices
                    ],
                    records_url=self.records("events"),
                ),
                Figure(
                    key="events.participants_by_kind",
                    title=_("Participations by kind of organisation"),
                    definition=_(
                        "Registrations marked as attended, by the kind of organisation the "
                        "person registered for."
                    ),
                    columns=[_("Participations")],
                    rows=[
                        *[
                            Row(label, [figures["participants_by_kind"].get(value, 0)])
                            for value, label in _kind_labels().items()
                        ],
                        *(
                            [
                                Row(
                                    _("Without organisation"),
                                    [figures["participants_by_kind"][None]],
                                )
                            ]
                            if figures["participants_by_kind"].get(None)
                            else []
                        ),
                    ],
                ),
                Figure(
                    key="events.waitlist",
                    title=_("Waitlists"),
                    definition=_(
                        "Registrations that joined a waitlist, how many of them got a seat "
                        "later and how many are still waiting; events with a waitlist."
                    ),
                    columns=[pgettext("report column", "Number")],
                    rows=[
                        Row(_("Joined a waitlist"), [figures["waitlist_joined"]]),
                        Row(_("Got a seat later"), [figures["waitlist_promoted"]]),
                        Row(_("Still waiting"), [figures["waitlist_now"]]),
                        Row(_("Events with a waitlist"), [figures["events_with_waitlist"]]),
                    ],
                ),
                Figure(
                    key="events.feedback",
                    title=_("Feedback by kind of event"),
                    definition=_(
                        "Mean of all scale answers (1 = lowest, 5 = highest) in the feedback "
                        "forms, and the mean short rating, per kind of event. Means of fewer "
                        "than %(k)s answers are not shown."
                    )
                    % {"k": self.k},
                    columns=[
                        _("Feedback forms answered"),
                        _("Mean (forms)"),
                        _("Short ratings"),
                        _("Mean (short rating)"),
                    ],
                    units=[COUNT, SCORE, COUNT, SCORE],
                    series=[1, 3],
                    scale_max=5,
                    rows=feedback_rows,
                ),
            ],
        )

    # --- coaching ----------------------------------------------------------------------

    @cached_property
    def coaching(self) -> Area:
        scope = self.scope
        figures = journeys.journey_report_figures(
            start=scope.start,
            end=scope.end,
            organisations=scope.organisations,
            topic_field=scope.topic_field,
        )
        hours_rows = []
        for tf in self.topic_fields:
            count, hours = figures["by_topic_field"].get(tf.pk, (0, 0.0))
            hours_rows.append(Row(tf.name, [count, _round(hours, 2)]))
        untagged_count, untagged_hours = figures["untagged"]
        if untagged_count and scope.topic_field is None:
            hours_rows.append(Row(_("No topic field"), [untagged_count, _round(untagged_hours, 2)]))
        return Area(
            key="coaching",
            title=pgettext("report area", "Learning support (coaching)"),
            stats=[
                Stat("under_way", _("Learning journeys under way"), figures["under_way"]),
                Stat(
                    "organisations",
                    _("Organisations with a learning journey"),
                    figures["organisations_coached"],
                    help=_(
                        "Organisations whose journey was under way in the period (kickoff "
                        "planned, active or completed)."
                    ),
                ),
                Stat("applications", _("Applications for a journey"), figures["applications"]),
                Stat("activities", _("Activities held"), figures["activities"]),
                Stat("hours", _("Coaching hours"), _round(figures["hours"], 2), HOURS),
                Stat("participants", _("Participants in activities"), figures["participants"]),
                Stat("goals_set", _("Goals set"), figures["goals_set"]),
                Stat("goals_achieved", _("Goals achieved"), figures["goals_achieved"]),
                Stat(
                    "club_activities",
                    _("Activities with member clubs"),
                    figures["club_activities"],
                ),
                Stat(
                    "club_participants",
                    _("Participants reached in member clubs"),
                    figures["club_participants"],
                    help=_("Participants of events with member clubs held in the period."),
                ),
            ],
            figures=[
                Figure(
                    key="coaching.by_status",
                    title=_("Learning journeys by status"),
                    definition=_(
                        "Journeys applied for in the period or under way in it, by their "
                        "status today."
                    ),
                    columns=[_("Journeys")],
                    rows=[
                        Row(
                            str(label),
                            [figures["by_status"].get(value, 0)],
                            self.records("journeys", f"status:{value}"),
                        )
                        for value, label in Journey.Status.choices
                    ],
                    records_url=self.records("journeys"),
                ),
                Figure(
                    key="coaching.hours_by_format",
                    title=_("Coaching hours by format"),
                    definition=_("Activities held in the period and their hours."),
                    columns=[_("Activities"), _("Hours")],
                    units=[COUNT, HOURS],
                    series=[1],
                    rows=[
                        Row(
                            str(label),
                            [
                                figures["by_format"].get(value, (0, 0))[0],
                                _round(figures["by_format"].get(value, (0, 0))[1], 2),
                            ],
                        )
                        for value, label in Activity.Format.choices
                    ],
                ),
                Figure(
                    key="coaching.hours_by_topic_field",
                    title=_("Coaching hours by topic field"),
                    definition=_(
                        "An activity in several topic fields counts in equal parts, so the "
                        "hours add up to the hours held."
                    ),
                    columns=[_("Activities"), _("Hours")],
                    units=[COUNT, HOURS],
                    series=[1],
                    rows=hours_rows,
                ),
                Figure(
                    key="coaching.goals",
                    title=_("Goals set and achieved by topic field"),
                    definition=_(
                        "Goals agreed in the period (not dropped) and goals that reached "
                        "'achieved' in the period."
                    ),
                    columns=[_("Set"), _("Achieved")],
                    series=[0, 1],
                    rows=[
                        Row(
                            tf.name,
                            [
                                figures["goals_set_by_topic_field"].get(tf.pk, 0),
                                figures["goals_achieved_by_topic_field"].get(tf.pk, 0),
                            ],
                        )
                        for tf in self.topic_fields
                    ],
                ),
                Figure(
                    key="coaching.member_clubs",
                    title=_("Reach into the member clubs"),
                    definition=_(
                        "Events with member clubs held as part of learning journeys in the period."
                    ),
                    columns=[pgettext("report column", "Number")],
                    rows=[
                        Row(_("Events with member clubs"), [figures["club_activities"]]),
                        Row(_("Participants"), [figures["club_participants"]]),
                        Row(_("Federations that held them"), [figures["club_organisations"]]),
                    ],
                ),
            ],
        )

    # --- needs and development ---------------------------------------------------------

    @cached_property
    def needs(self) -> Area:
        scope = self.scope
        needs_waves = surveys.report_waves(
            start=scope.start, end=scope.end, survey_kind=Survey.Kind.NEEDS
        )
        check_waves = surveys.report_waves(
            start=scope.start, end=scope.end, survey_kind=Survey.Kind.SELF_ASSESSMENT
        )
        rates = surveys.response_rates_among(
            [*needs_waves, *check_waves], organisations=scope.organisations
        )
        rate_rows = [
            Row(
                f"{wave.survey.title_de} {wave.label}",
                [rates[wave.pk].eligible, rates[wave.pk].submitted, _round(rates[wave.pk].rate)],
                reverse("surveys:wave-results", args=[wave.pk]) if self.team_links else "",
            )
            for wave in [*needs_waves, *check_waves]
        ]
        latest_needs = needs_waves[-1] if needs_waves else None
        latest_check = check_waves[-1] if check_waves else None
        wanted = {tf.pk for tf in self.topic_fields}
        ranking_rows: list[Row] = []
        if latest_needs is not None:
            for rank in surveys.needs_ranking_by_topic_field(
                wave=latest_needs, kind=scope.kind, state=scope.state
            ):
                if rank.topic_field.pk in wanted:
                    ranking_rows.append(
                        Row(
                            rank.topic_field.name,
                            [_round(rank.score), rank.n],
                            suppressed=rank.suppressed or rank.n < self.k,
                        )
                    )
        change_rows: list[Row] = []
        if latest_check is not None:
            for change in surveys.self_assessment_change_by_topic_field(
                wave=latest_check, kind=scope.kind, state=scope.state
            ):
                if change.topic_field.pk in wanted:
                    change_rows.append(
                        Row(
                            change.topic_field.name,
                            [
                                _round(change.before, 2),
                                _round(change.after, 2),
                                _round(change.change, 2),
                                change.n,
                            ],
                            suppressed=change.suppressed,
                        )
                    )
        needs_rate = rates[latest_needs.pk].rate if latest_needs else None
        check_rate = rates[latest_check.pk].rate if latest_check else None
        hidden = _("Groups of fewer than %(k)s organisations are not shown.") % {"k": self.k}
        return Area(
            key="needs",
            title=pgettext("report area", "Needs and development"),
            stats=[
                Stat(
                    "needs_rate",
                    _("Response rate of the needs assessment"),
                    _round(needs_rate),
                    PERCENT,
                    help=latest_needs.label if latest_needs else _("No round in the period"),
                ),
                Stat(
                    "self_assessment_rate",
                    _("Response rate of the Verbands-Check"),
                    _round(check_rate),
                    PERCENT,
                    help=latest_check.label if latest_check else _("No round in the period"),
                ),
            ],
            figures=[
                Figure(
                    key="needs.response_rates",
                    title=_("Response rates"),
                    definition=_(
                        "Rounds of the needs assessment and the Verbands-Check open during the "
                        "period: organisations asked, organisations that submitted."
                    ),
                    columns=[
                        _("Asked"),
                        pgettext("report column", "Submitted"),
                        pgettext("report column", "Response rate"),
                    ],
                    units=[COUNT, COUNT, PERCENT],
                    series=[2],
                    scale_max=100,
                    rows=rate_rows,
                ),
                Figure(
                    key="needs.ranking",
                    title=_("Needs by topic field"),
                    definition=(
                        _(
                            "Average need from 0 (none) to 100 (great) in the round "
                            "%(round)s, greatest first."
                        )
                        % {"round": latest_needs.label}
                        if latest_needs
                        else _("No round of the needs assessment in the period.")
                    ),
                    columns=[_("Need (0–100)"), _("Answers")],
                    units=[SCORE, COUNT],
                    scale_max=100,
                    rows=ranking_rows,
                    note=hidden,
                ),
                Figure(
                    key="needs.self_assessment",
                    title=_("Verbands-Check: change by topic field"),
                    definition=(
                        _(
                            "Average self-assessment (1–5) of the organisations that answered "
                            "both %(before)s and %(after)s."
                        )
                        % {
                            "before": latest_check.previous.label,
                            "after": latest_check.label,
                        }
                        if latest_check and latest_check.previous
                        else _("No two rounds of the Verbands-Check to compare in the period.")
                    ),
                    columns=[
                        _("Before"),
                        _("After"),
                        pgettext("report column", "Change"),
                        _("Organisations"),
                    ],
                    units=[SCORE, SCORE, SCORE, COUNT],
                    series=[0, 1],
                    scale_max=5,
                    rows=change_rows,
                    note=hidden,
                ),
            ],
        )

    # --- peer exchange -----------------------------------------------------------------

    @cached_property
    def exchange(self) -> Area:
        scope = self.scope
        figures = community.community_report_figures(
            start=scope.start,
            end=scope.end,
            organisations=scope.organisations,
            topic_field=scope.topic_field,
        )
        return Area(
            key="exchange",
            title=pgettext("report area", "Peer exchange"),
            stats=[
                Stat("published", _("Best practices published"), figures["published"]),
                Stat("published_public", _("of them public"), figures["published_public"]),
                Stat("offers_new", _("New peer offers"), figures["offers_new"]),
                Stat(
                    "offers_active",
                    _("Active peer offers"),
                    figures["offers_active"],
                    help=_("Offers not paused, made by the end of the period."),
                ),
                Stat("contacts", _("Contact requests"), figures["contacts_sent"]),
                Stat(
                    "contacts_answered",
                    _("Contact requests answered"),
                    figures["contacts_answered"],
                ),
                Stat("useful", _("Marked as useful"), figures["useful_marks"]),
            ],
            figures=[
                Figure(
                    key="exchange.by_topic_field",
                    title=_("Best practices published by topic field"),
                    definition=_(
                        "Best practices first published in the period and still published. "
                        "One in several topic fields counts in each."
                    ),
                    columns=[_("Best practices")],
                    rows=[
                        Row(tf.name, [figures["by_topic_field"].get(tf.pk, 0)])
                        for tf in self.topic_fields
                    ],
                    records_url=self.records("best-practices"),
                ),
                Figure(
                    key="exchange.contacts",
                    title=_("Offers and contacts"),
                    definition=_(
                        "Peer offers made and contact requests sent between organisations in "
                        "the period."
                    ),
                    columns=[pgettext("report column", "Number")],
                    rows=[
                        Row(_("New peer offers"), [figures["offers_new"]]),
                        Row(
                            _("Organisations offering advice"), [figures["offering_organisations"]]
                        ),
                        Row(_("Contact requests"), [figures["contacts_sent"]]),
                        Row(_("Contact requests answered"), [figures["contacts_answered"]]),
                    ],
                ),
            ],
        )


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
