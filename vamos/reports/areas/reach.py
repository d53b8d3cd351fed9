"""Reach: registered organisations, their people and member clubs (definitions in
``docs/reports.md``)."""

from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.events import selectors as events
from vamos.journeys import selectors as journeys
from vamos.learning import selectors as learning
from vamos.organisations import selectors as organisations
from vamos.organisations.models import FederalState
from vamos.surveys import selectors as surveys

from ..data import Area, Figure, Row, Stat
from .base import AreaBuilder, kind_labels


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
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
        Row(str(label), [by_state[code]], records=builder.records("organisations", f"state:{code}"))
        for code, label in FederalState.choices
        if by_state.get(code)
    ]
    if by_state.get(None):
        state_rows.append(Row(_("No federal state given"), [by_state[None]]))
    return Area(
        key="reach",
        title=pgettext("report area", "Reach"),
        note=builder.topic_field_note() if scope.topic_field else "",
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
                rows=builder.count_rows(
                    by_kind,
                    kind_labels().items(),
                    kind="organisations",
                    group="kind",
                ),
                records=builder.records("organisations"),
            ),
            Figure(
                key="reach.by_state",
                title=_("Registered organisations by federal state"),
                definition=_(
                    "Member clubs without a federal state of their own count in their federation's."
                ),
                columns=[_("Organisations")],
                rows=state_rows,
                records=builder.records("organisations"),
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
