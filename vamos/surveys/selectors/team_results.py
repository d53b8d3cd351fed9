"""The team's result pages as plain data, kept in the cache under data versions.

Results, the needs overview and the response rates aggregate every answer of a round. They
are built once per round, filter and language and kept until a write changes one of the
models they are read from (``vamos.core.versions``): a submitted response, an edited
question, a renamed organisation. The cached values hold only plain data (no model
instances), and only what a page shows: the results page keeps the first few free-text
answers of a question; the text answers page reads all of them, a page at a time.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Model
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.organisations.models import Membership, Organisation

from ..models import (
    Answer,
    Choice,
    Participation,
    Question,
    Response,
    Section,
    Survey,
    Wave,
    WaveInvitation,
)
from .feedback import KindSummary, feedback_results_by_event_kind, feedback_scale_keys
from .results import (
    GROUP_STATES,
    Bar,
    GroupRate,
    HeatCell,
    HeatColumn,
    NumberStats,
    QuestionResult,
    ResponseRate,
    TextAnswer,
    min_group_size,
    needs_heatmap,
    threshold_for,
    wave_organisation_status,
    wave_person_status,
    wave_response_rate,
    wave_response_rates_by,
    wave_results,
)

# Free-text answers the results page shows per question; the rest are a link away.
TEXT_PREVIEW = 5
TEXTS_PER_PAGE = 50
RESPONSES_PER_PAGE = 25

# What results are built from. Organisation names label the free texts and responses of
# identified surveys only.
RESULT_SOURCES: tuple[type[Model], ...] = (
    Survey,
    Wave,
    Section,
    Question,
    Choice,
    TopicField,
    Response,
    Answer,
)


def _language() -> str:
    return get_language() or "de"


def _result_sources(wave: Wave) -> list[type[Model]]:
    return [*RESULT_SOURCES, *([] if wave.survey.anonymous else [Organisation])]


def _key(*parts: Any) -> str:
    return ":".join(["surveys", *(str(part) for part in parts), _language()])


def page_of(count: int, number: Any, per_page: int) -> Page:
    """The page ``number`` (as given in the address) of ``count`` items: a page object for
    the pagination links whose number is always a page that exists."""
    return Paginator(range(count), per_page).get_page(number)


# --- Distributions ---------------------------------------------------------------------


@dataclass
class RankingRow:
    name: str
    mean_place: float
    first_places: int
    score: float


@dataclass
class QuestionSummary:
    pk: int
    text: str
    kind: str
    kind_label: str
    section_id: int
    section_title: str
    answered: int
    suppressed: bool = False
    bars: list[Bar] = field(default_factory=list)
    mean: float | None = None
    ranking: list[RankingRow] = field(default_factory=list)
    numbers: NumberStats | None = None
    texts: list[TextAnswer] = field(default_factory=list)
    text_count: int = 0

    @property
    def more_texts(self) -> bool:
        return self.text_count > len(self.texts)


@dataclass
class ResultsSummary:
    responses: int
    min_group: int
    suppressed: bool
    questions: list[QuestionSummary]
    # New with every build: what is rendered from the results can be cached under it.
    build: str = field(default_factory=lambda: uuid.uuid4().hex)


def _question_summary(result: QuestionResult, *, texts: int | None) -> QuestionSummary:
    question = result.question
    return QuestionSummary(
        pk=question.pk,
        text=str(question.text),
        kind=question.kind,
        kind_label=str(question.get_kind_display()),
        section_id=question.section_id,
        section_title=str(question.section.title),
        answered=result.answered,
        suppressed=result.suppressed,
        bars=result.bars,
        mean=result.mean,
        ranking=[
            RankingRow(
                name=str(row.topic_field.name),
                mean_place=row.mean_place,
                first_places=row.first_places,
                score=row.score,
            )
            for row in result.ranking
        ],
        numbers=result.numbers,
        texts=result.texts[:texts] if texts is not None else result.texts,
        text_count=len(result.texts),
    )


def results_summary(*, wave: Wave, kind: str = "", state: str = "") -> ResultsSummary:
    """What the results page shows of ``wave`` (optionally one organisation kind or federal
    state): the distribution of every question and the first free-text answers."""

    def build() -> ResultsSummary:
        results = wave_results(wave=wave, kind=kind, state=state)
        return ResultsSummary(
            responses=results.responses,
            min_group=results.min_group,
            suppressed=results.suppressed,
            questions=[_question_summary(r, texts=TEXT_PREVIEW) for r in results.questions],
        )

    return versions.cached(
        _key("results", wave.pk, kind, state, threshold_for(wave.survey)),
        depends_on=_result_sources(wave),
        build=build,
    )


def text_answers(
    *, wave: Wave, question_pk: int, kind: str = "", state: str = ""
) -> QuestionSummary | None:
    """Every free-text answer to one question of ``wave`` in the order of the results page;
    ``None`` if the round has no such free-text question."""

    def build() -> QuestionSummary | None:
        results = wave_results(wave=wave, kind=kind, state=state)
        for result in results.questions:
            if result.question.pk == question_pk and result.question.kind in Question.TEXT_KINDS:
                summary = _question_summary(result, texts=None)
                # Below the group size the whole round is hidden, not only the question.
                summary.suppressed = summary.suppressed or results.suppressed
                return summary
        return None

    return versions.cached(
        _key("texts", wave.pk, question_pk, kind, state, threshold_for(wave.survey)),
        depends_on=_result_sources(wave),
        build=build,
    )


# --- Identified responses ----------------------------------------------------------------


@dataclass
class ResponseRow:
    pk: str
    name: str
    kind_label: str
    state_label: str
    submitted_at: datetime | None


@dataclass
class ResponsesPage:
    rows: list[ResponseRow]
    # New with every build: what is rendered from the rows can be cached under it.
    build: str = field(default_factory=lambda: uuid.uuid4().hex)


def identified_responses(
    *, wave: Wave, page: int, kind: str = "", state: str = ""
) -> ResponsesPage:
    """One page of the submitted responses of an identified survey, by organisation or
    person (``page`` from :func:`page_of` with the count of the results)."""

    def build() -> ResponsesPage:
        responses = (
            Response.objects.filter(wave=wave, status=Response.Status.SUBMITTED)
            .select_related("organisation", "respondent")
            .order_by("organisation__name", "respondent__last_name", "submitted_at")
        )
        if kind:
            responses = responses.filter(segment_kind=kind)
        if state:
            responses = responses.filter(segment_state=state)
        start = (page - 1) * RESPONSES_PER_PAGE
        rows = []
        for response in responses[start : start + RESPONSES_PER_PAGE]:
            if response.organisation:
                name = response.organisation.name
            elif response.respondent:
                name = response.respondent.display_name
            else:
                name = _("Deleted account")
            rows.append(
                ResponseRow(
                    pk=str(response.pk),
                    name=name,
                    kind_label=response.segment_kind_label,
                    state_label=response.segment_state_label,
                    submitted_at=response.submitted_at,
                )
            )
        return ResponsesPage(rows=rows)

    return versions.cached(
        _key("responses", wave.pk, kind, state, page),
        depends_on=[Wave, Response, Organisation, get_user_model()],
        build=build,
    )


# --- Needs overview ------------------------------------------------------------------------


@dataclass
class HeatRowSummary:
    name: str
    cells: list[HeatCell]
    overall: HeatCell
    previous: HeatCell | None
    change: float | None


@dataclass
class HeatmapSummary:
    by: str
    columns: list[HeatColumn]
    rows: list[HeatRowSummary]
    responses: int
    min_group: int
    previous_label: str | None
    has_indicators: bool


def heatmap_summary(*, wave: Wave, by: str) -> HeatmapSummary:
    """The needs overview of ``wave`` (topic field × organisation kind or federal state),
    compared with the previous round."""

    def build() -> HeatmapSummary:
        heatmap = needs_heatmap(wave=wave, by=by)
        return HeatmapSummary(
            by=heatmap.by,
            columns=heatmap.columns,
            rows=[
                HeatRowSummary(
                    name=str(row.topic_field.name),
                    cells=row.cells,
                    overall=row.overall,
                    previous=row.previous,
                    change=row.change,
                )
                for row in heatmap.rows
            ],
            responses=heatmap.responses,
            min_group=heatmap.min_group,
            previous_label=heatmap.previous_wave.label if heatmap.previous_wave else None,
            has_indicators=heatmap.has_indicators,
        )

    return versions.cached(
        _key("needs", wave.pk, by, threshold_for(wave.survey)),
        depends_on=[Survey, Wave, Question, TopicField, Response, Answer],
        build=build,
    )


# --- Response rates ----------------------------------------------------------------------


@dataclass
class RatesSummary:
    rate: ResponseRate
    by: list[GroupRate]


def rates_summary(*, wave: Wave, by: str = "kind") -> RatesSummary:
    """The response rate of ``wave``, overall and per organisation kind or federal state."""
    by = GROUP_STATES if by == GROUP_STATES else "kind"
    return versions.cached(
        _key("rates", wave.pk, by),
        depends_on=[
            Survey,
            Wave,
            Participation,
            Response,
            WaveInvitation,
            Organisation,
            Membership,
            get_user_model(),
        ],
        build=lambda: RatesSummary(
            rate=wave_response_rate(wave), by=wave_response_rates_by(wave, by=by)
        ),
    )


# --- Who has answered ------------------------------------------------------------------------


@dataclass
class StatusRow:
    name: str
    kind_label: str
    state_label: str
    invited_at: datetime | None
    reminded_at: datetime | None
    has_submitted: bool
    has_draft: bool


@dataclass
class StatusPage:
    count: int
    number: int
    rows: list[StatusRow]


def status_page(*, wave: Wave, number: Any, per_page: int) -> StatusPage:
    """One page of the organisations (or invited people) a round is meant for, those who
    have not answered first, with their invitation and answer state."""
    try:
        requested = max(1, int(number))
    except (TypeError, ValueError):
        requested = 1

    def build() -> StatusPage:
        if wave.survey.per_organisation:
            organisations = Paginator(wave_organisation_status(wave), per_page).get_page(requested)
            return StatusPage(
                count=organisations.paginator.count,
                number=organisations.number,
                rows=[
                    StatusRow(
                        name=organisation.name,
                        kind_label=str(organisation.get_kind_display()),
                        state_label=str(organisation.get_federal_state_display()),
                        invited_at=organisation.invited_at,  # type: ignore[attr-defined]
                        reminded_at=organisation.reminded_at,  # type: ignore[attr-defined]
                        has_submitted=organisation.has_submitted,  # type: ignore[attr-defined]
                        has_draft=organisation.has_draft,  # type: ignore[attr-defined]
                    )
                    for organisation in organisations
                ],
            )
        invitations = Paginator(wave_person_status(wave), per_page).get_page(requested)
        return StatusPage(
            count=invitations.paginator.count,
            number=invitations.number,
            rows=[
                StatusRow(
                    name=invitation.user.display_name if invitation.user else "",
                    kind_label="",
                    state_label="",
                    invited_at=invitation.created_at,
                    reminded_at=invitation.reminded_at,
                    has_submitted=invitation.has_submitted,  # type: ignore[attr-defined]
                    has_draft=False,
                )
                for invitation in invitations
            ],
        )

    return versions.cached(
        _key("status", wave.pk, per_page, requested),
        depends_on=[
            Survey,
            Wave,
            WaveInvitation,
            Participation,
            Response,
            Organisation,
            get_user_model(),
        ],
        build=build,
    )


# --- Event feedback ----------------------------------------------------------------------


@dataclass
class FeedbackSummary:
    scale_keys: list[tuple[str, str]]
    by_kind: list[KindSummary]


def feedback_summary() -> FeedbackSummary:
    """Event feedback per kind of event, with the default form's scale questions."""
    return versions.cached(
        _key("feedback", min_group_size()),
        depends_on=[Survey, Wave, Question, Response, Answer],
        build=lambda: FeedbackSummary(
            scale_keys=[(key, str(text)) for key, text in feedback_scale_keys()],
            by_kind=feedback_results_by_event_kind(),
        ),
    )
