"""Needs and development: response rates, needs, the Verbands-Check change (definitions in
``docs/reports.md``)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.surveys import selectors as surveys
from vamos.surveys.models import Survey

from ..data import COUNT, PERCENT, SCORE, Area, Figure, Row, Stat, _round
from .base import AreaBuilder


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
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
    wanted = {tf.pk for tf in builder.topic_fields}
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
                        suppressed=rank.suppressed or rank.n < builder.k,
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
    hidden = _("Groups of fewer than %(k)s organisations are not shown.") % {"k": builder.k}
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
