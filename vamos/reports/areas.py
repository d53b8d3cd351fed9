"""How each area of the report is computed from the other apps' selectors (definitions in
``docs/reports.md``). An area's aggregates are database queries whose number does not grow
with the data; the result is plain data (``data.Area``), which ``figures.Report`` keeps in
the cache until a write changes what the area reads (``SOURCES``)."""

from functools import cached_property
from typing import Any

from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.community import selectors as community
from vamos.core import versions
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

from .data import COUNT, HOURS, PERCENT, SCORE, Area, Figure, Row, Stat, _round, percent
from .scope import Scope

# The apps whose data each area reads (through their selectors, and the topic fields and
# organisations of the scope): a write to any of their models, pages included, makes the
# area's cached figures void. Wider than needed rather than stale.
SOURCES: dict[str, tuple[str, ...]] = {
    "reach": ("core", "accounts", "organisations", "events", "learning", "journeys", "surveys"),
    "learning": ("core", "accounts", "organisations", "learning", "wagtailcore"),
    "events": ("core", "accounts", "organisations", "events", "surveys"),
    "coaching": ("core", "organisations", "journeys"),
    "needs": ("core", "accounts", "organisations", "surveys"),
    "exchange": ("core", "accounts", "organisations", "community", "wagtailcore"),
}


def sources(area: str) -> list[str]:
    """The data versions (``vamos.core.versions``) an area depends on."""
    apps = SOURCES[area]
    return sorted(name for name in versions.names() if name.partition(".")[0] in apps)


def _kind_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Organisation.Kind.choices}


class AreaBuilder:
    """Computes the areas of one scope; the topic fields are read once for all of them."""

    def __init__(self, scope: Scope, *, k: int) -> None:
        self.scope = scope
        self.k = k

    def build(self, key: str) -> Area:
        area: Area = getattr(self, key)()
        return area

    def records(self, kind: str, group: str = "") -> str:
        """The records list behind a figure or one of its rows, as the query the page adds
        to the scope's own (so that one cached area serves every way of choosing the same
        period)."""
        query = {"liste": kind, "gruppe": group} if group else {"liste": kind}
        return urlencode(query)

    @cached_property
    def topic_fields(self) -> list[Any]:
        fields = list(topic_field_list())
        if self.scope.topic_field is not None:
            fields = [tf for tf in fields if tf.pk == self.scope.topic_field.pk]
        return fields

    def _topic_field_note(self) -> str:
        return _("The topic field filter does not apply to these figures.")

    # --- reach -------------------------------------------------------------------------

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
            Row(
                str(label), [by_state[code]], records=self.records("organisations", f"state:{code}")
            )
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
                            records=self.records("organisations", f"kind:{value}"),
                        )
                        for value, label in _kind_labels().items()
                    ],
                    records=self.records("organisations"),
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
                    records=self.records("organisations"),
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
                            reverse("organisations:detail", args=[federation.slug]),
                        )
                        for federation in federations
                    ],
                ),
            ],
        )

    # --- learning ----------------------------------------------------------------------

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
                            learning.module_url(row["page"]),
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
                            reverse("learning:video", args=[video.slug]),
                        )
                        for video in videos
                    ],
                ),
            ],
        )

    # --- events ------------------------------------------------------------------------

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
                    columns=[pgettext("report column", "Events")],
                    rows=[
                        Row(
                            str(label),
                            [figures["by_kind"].get(value, 0)],
                            records=self.records("events", f"kind:{value}"),
                        )
                        for value, label in Event.Kind.choices
                    ],
                    records=self.records("events"),
                ),
                Figure(
                    key="events.by_format",
                    title=_("Events by format"),
                    definition=_("The same events by format."),
                    columns=[pgettext("report column", "Events")],
                    rows=[
                        Row(
                            str(label),
                            [figures["by_format"].get(value, 0)],
                            records=self.records("events", f"format:{value}"),
                        )
                        for value, label in Event.Format.choices
                    ],
                    records=self.records("events"),
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
                            records=self.records("journeys", f"status:{value}"),
                        )
                        for value, label in Journey.Status.choices
                    ],
                    records=self.records("journeys"),
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
                reverse("surveys:wave-results", args=[wave.pk]),
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
                    records=self.records("best-practices"),
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
