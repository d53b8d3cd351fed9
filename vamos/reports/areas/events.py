"""Events: registrations, participations, waitlists and feedback (definitions in
``docs/reports.md``)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.events import selectors as events
from vamos.events.models import Event
from vamos.surveys import selectors as surveys

from ..data import COUNT, PERCENT, SCORE, Area, Figure, Row, Stat, _round, percent
from .base import AreaBuilder, kind_labels


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
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
        hidden = 0 < ratings < builder.k
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
                rows=builder.count_rows(
                    figures["by_kind"],
                    Event.Kind.choices,
                    kind="events",
                    group="kind",
                ),
                records=builder.records("events"),
            ),
            Figure(
                key="events.by_format",
                title=_("Events by format"),
                definition=_("The same events by format."),
                columns=[pgettext("report column", "Events")],
                rows=builder.count_rows(
                    figures["by_format"],
                    Event.Format.choices,
                    kind="events",
                    group="format",
                ),
                records=builder.records("events"),
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
                        for value, label in kind_labels().items()
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
                % {"k": builder.k},
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
