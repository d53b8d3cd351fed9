"""Learning support (coaching): journeys, activities, hours and goals (definitions in
``docs/reports.md``)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.journeys import selectors as journeys
from vamos.journeys.models import Activity, Journey

from ..data import COUNT, HOURS, Area, Figure, Row, Stat, _round
from .base import AreaBuilder


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
    figures = journeys.journey_report_figures(
        start=scope.start,
        end=scope.end,
        organisations=scope.organisations,
        topic_field=scope.topic_field,
    )
    hours_rows = []
    for tf in builder.topic_fields:
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
                    "Journeys applied for in the period or under way in it, by their status today."
                ),
                columns=[_("Journeys")],
                rows=builder.count_rows(
                    figures["by_status"],
                    Journey.Status.choices,
                    kind="journeys",
                    group="status",
                ),
                records=builder.records("journeys"),
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
                    for tf in builder.topic_fields
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
