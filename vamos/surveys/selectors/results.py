"""Results of a round for the team and for reports: distributions, needs, response rates.

Every function here runs a fixed number of queries, whatever the number of responses.
Counts and sums run in the database; what remains in Python works on rows the database has
already aggregated (one per response and topic field for the needs), except for the answer
distributions of ``wave_results``. Anonymous surveys never show a group smaller than
``min_group_size()``; reports use the same threshold for every cross-organisation figure.
"""

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, Exists, FloatField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from vamos.core.models import TopicField
from vamos.organisations.models import FederalState, Membership, Organisation

from ..models import Answer, Participation, Question, Response, Survey, Wave, WaveInvitation
from ..questionnaire import all_topic_fields, ranking_items, wave_questions

GROUP_KINDS = "kind"
GROUP_STATES = "state"


def min_group_size() -> int:
    """The k of k-anonymity: configurable, never below 5."""
    return max(5, int(getattr(settings, "VAMOS_SURVEY_MIN_GROUP_SIZE", 5)))


def threshold_for(survey: Survey) -> int:
    """Groups below this size are hidden: anonymous surveys use k; identified ones are
    open to the team anyway."""
    return min_group_size() if survey.anonymous else 1


def kind_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Organisation.Kind.choices}


def state_labels() -> dict[str, str]:
    return {value: str(label) for value, label in FederalState.choices}


def submitted_responses(wave: Wave, *, kind: str = "", state: str = "") -> QuerySet[Response]:
    responses = Response.objects.filter(wave=wave, status=Response.Status.SUBMITTED)
    if kind:
        responses = responses.filter(segment_kind=kind)
    if state:
        responses = responses.filter(segment_state=state)
    return responses


def _answers_by_response(response_ids: list[Any]) -> dict[Any, dict[int, Any]]:
    table: dict[Any, dict[int, Any]] = defaultdict(dict)
    for response_id, question_id, value in Answer.objects.filter(
        response_id__in=response_ids
    ).values_list("response_id", "question_id", "value"):
        table[response_id][question_id] = value
    return table


# --- Distributions per question ----------------------------------------------------------


@dataclass
class Bar:
    label: str
    count: int
    percent: float


@dataclass
class RankRow:
    topic_field: TopicField
    mean_place: float
    first_places: int
    score: float


@dataclass
class NumberStats:
    count: int
    mean: float
    median: float
    minimum: float
    maximum: float
    total: float


@dataclass
class TextAnswer:
    text: str
    source: str = ""


@dataclass
class QuestionResult:
    question: Question
    answered: int
    suppressed: bool = False
    bars: list[Bar] = field(default_factory=list)
    mean: float | None = None
    ranking: list[RankRow] = field(default_factory=list)
    numbers: NumberStats | None = None
    texts: list[TextAnswer] = field(default_factory=list)


@dataclass
class WaveResults:
    wave: Wave
    responses: int
    min_group: int
    suppressed: bool
    questions: list[QuestionResult]


def _percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def _question_result(
    question: Question,
    values: list[Any],
    *,
    min_group: int,
    topic_fields: list[TopicField],
    sources: list[str],
) -> QuestionResult:
    result = QuestionResult(question=question, answered=len(values))
    if len(values) < min_group:
        result.suppressed = bool(values)
        return result
    kind = question.kind
    if kind == Question.Kind.SCALE:
        counts = Counter(int(v) for v in values)
        labels = question.scale_labels
        result.bars = [
            Bar(
                label=f"{point} – {labels[point - 1]}" if labels[point - 1] else str(point),
                count=counts.get(point, 0),
                percent=_percent(counts.get(point, 0), len(values)),
            )
            for point in range(1, 6)
        ]
        result.mean = round(statistics.fmean(int(v) for v in values), 2)
    elif kind in Question.CHOICE_KINDS:
        tallies: Counter[str] = Counter(
            str(v) for value in values for v in (value if isinstance(value, list) else [value])
        )
        result.bars = [
            Bar(
                label=choice.label,
                count=tallies.get(choice.value, 0),
                percent=_percent(tallies.get(choice.value, 0), len(values)),
            )
            for choice in question.choices.all()
        ]
    elif kind == Question.Kind.RANKING:
        items = ranking_items(question, topic_fields)
        places: dict[str, list[int]] = defaultdict(list)
        for value in values:
            for place, slug in enumerate(value, start=1):
                places[slug].append(place)
        size = max(len(items), 2)
        rows = []
        for item in items:
            item_places = places.get(item.slug, [])
            if not item_places:
                continue
            mean_place = statistics.fmean(item_places)
            rows.append(
                RankRow(
                    topic_field=item,
                    mean_place=round(mean_place, 2),
                    first_places=sum(1 for p in item_places if p == 1),
                    score=round(100 * (size - mean_place) / (size - 1), 1),
                )
            )
        result.ranking = sorted(rows, key=lambda row: row.mean_place)
    elif kind == Question.Kind.NUMBER:
        numbers = []
        for value in values:
            try:
                numbers.append(float(Decimal(str(value))))
            except InvalidOperation:
                continue
        if numbers:
            result.numbers = NumberStats(
                count=len(numbers),
                mean=round(statistics.fmean(numbers), 2),
                median=round(statistics.median(numbers), 2),
                minimum=min(numbers),
                maximum=max(numbers),
                total=round(sum(numbers), 2),
            )
    else:
        texts = [TextAnswer(text=str(v), source=s) for v, s in zip(values, sources, strict=True)]
        # Sorted by text, never by time: the order must not hint at who wrote what.
        result.texts = sorted(texts, key=lambda t: (t.source, t.text.lower()))
    return result


def wave_results(*, wave: Wave, kind: str = "", state: str = "") -> WaveResults:
    """Distributions of every question of ``wave``, optionally for one organisation kind or
    federal state."""
    min_group = threshold_for(wave.survey)
    questions = wave_questions(wave)
    responses = list(
        submitted_responses(wave, kind=kind, state=state).values_list("pk", "organisation__name")
    )
    if len(responses) < min_group:
        return WaveResults(
            wave=wave,
            responses=len(responses),
            min_group=min_group,
            suppressed=bool(responses),
            questions=[QuestionResult(question=q, answered=0) for q in questions],
        )
    names = dict(responses) if not wave.survey.anonymous else {}
    answers = _answers_by_response([pk for pk, _name in responses])
    topic_fields = all_topic_fields()
    results = []
    for question in questions:
        given = [
            (answers[pk][question.pk], names.get(pk) or "")
            for pk, _name in responses
            if question.pk in answers.get(pk, {})
        ]
        results.append(
            _question_result(
                question,
                [value for value, _source in given],
                min_group=min_group,
                topic_fields=topic_fields,
                sources=[source for _value, source in given],
            )
        )
    return WaveResults(
        wave=wave,
        responses=len(responses),
        min_group=min_group,
        suppressed=False,
        questions=results,
    )


# --- Needs per topic field ----------------------------------------------------------------


def need_scores(
    questions: list[Question], answers: dict[int, Any], topic_fields: list[TopicField]
) -> dict[int, float]:
    """One response's need per topic field (id → 0–100) from its need indicators: scale
    answers (1 = no need … 5 = great need) and rankings (first place = greatest need)."""
    contributions: dict[int, list[float]] = defaultdict(list)
    for question in questions:
        if not question.is_need_indicator or question.pk not in answers:
            continue
        value = answers[question.pk]
        if question.kind == Question.Kind.SCALE:
            tags = [tf.pk for tf in question.topic_fields.all()]
            for pk in tags:
                contributions[pk].append(100 * (int(value) - 1) / 4)
        elif question.kind == Question.Kind.RANKING and isinstance(value, list):
            by_slug = {tf.slug: tf.pk for tf in topic_fields}
            size = len(value)
            if size < 2:
                continue
            for place, slug in enumerate(value):
                if slug in by_slug:
                    contributions[by_slug[slug]].append(100 * (size - 1 - place) / (size - 1))
    return {pk: statistics.fmean(values) for pk, values in contributions.items()}


def heat_level(score: float | None) -> int:
    """0–4 for the colour of a heatmap cell."""
    if score is None:
        return 0
    return min(4, int(score // 20))


@dataclass
class HeatCell:
    score: float | None
    n: int
    suppressed: bool = False

    @property
    def level(self) -> int:
        return heat_level(self.score)


@dataclass
class HeatRow:
    topic_field: TopicField
    cells: list[HeatCell]
    overall: HeatCell
    previous: HeatCell | None = None

    @property
    def change(self) -> float | None:
        if self.previous is None or self.previous.score is None or self.overall.score is None:
            return None
        return round(self.overall.score - self.previous.score, 1)


@dataclass
class HeatColumn:
    code: str
    label: str
    n: int


@dataclass
class Heatmap:
    wave: Wave
    by: str
    columns: list[HeatColumn]
    rows: list[HeatRow]
    responses: int
    min_group: int
    previous_wave: Wave | None
    has_indicators: bool


def response_key(field: str = "pk") -> Cast:
    """A response's id as text: random ids are slow to turn into ``UUID`` objects and to
    hash, and the needs only use them to match rows of the same query."""
    return Cast(field, CharField())


def response_needs(
    wave: Wave, responses: QuerySet[Response], topic_fields: list[TopicField]
) -> dict[Any, dict[int, float]]:
    """Response id (as text, see ``response_key``) → topic field id → need (0–100) for
    ``responses`` of ``wave``: the same numbers as ``need_scores`` per response, in two
    queries. The database sums each response's scale answers per topic field (one row per
    response and field); the places of a ranking are read from its stored list, which the
    database cannot index portably."""
    answers = Answer.objects.filter(
        response__in=responses.order_by().values("pk"),
        question__wave=wave,
        question__is_need_indicator=True,
    ).annotate(key=response_key("response_id"))
    # Per response and topic field: the exact sum of its scale contributions (multiples
    # of 25, so the float sum is exact) and their number, then the places of its rankings.
    scale: dict[Any, dict[int, tuple[float, int]]] = defaultdict(dict)
    for response_id, field_id, total, count in (
        answers.filter(question__kind=Question.Kind.SCALE)
        .order_by()
        .values("key", "question__topic_fields")
        .annotate(total=Sum(Cast("value", FloatField())), count=Count("pk"))
        .values_list("key", "question__topic_fields", "total", "count")
    ):
        # A scale answer v (1 = no need … 5 = great need) contributes 100 * (v - 1) / 4
        # to each topic field its question is tagged with.
        if field_id is not None:
            scale[response_id][field_id] = (25 * (total - count), count)
    ranked: dict[Any, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_slug = {tf.slug: tf.pk for tf in topic_fields}
    for response_id, value in answers.filter(question__kind=Question.Kind.RANKING).values_list(
        "key", "value"
    ):
        if not isinstance(value, list) or len(value) < 2:
            continue
        size = len(value)
        for place, slug in enumerate(value):
            if slug in by_slug:
                ranked[response_id][by_slug[slug]].append(100 * (size - 1 - place) / (size - 1))
    needs: dict[Any, dict[int, float]] = {}
    for response_id in scale.keys() | ranked.keys():
        sums = scale.get(response_id, {})
        places = ranked.get(response_id, {})
        needs[response_id] = {
            pk: math.fsum([sums.get(pk, (0.0, 0))[0], *places.get(pk, [])])
            / (sums.get(pk, (0.0, 0))[1] + len(places.get(pk, [])))
            for pk in sums.keys() | places.keys()
        }
    return needs


def _wave_need_table(wave: Wave) -> tuple[list[tuple[Any, str, str]], dict[Any, dict[int, float]]]:
    """(response id as text, kind, state) of every submitted response, and its needs."""
    submitted = submitted_responses(wave)
    responses = list(
        submitted.annotate(key=response_key()).values_list("key", "segment_kind", "segment_state")
    )
    needs = response_needs(wave, submitted, all_topic_fields())
    return responses, {pk: needs.get(pk, {}) for pk, _k, _s in responses}


def _cell(scores: list[float], n: int, min_group: int) -> HeatCell:
    if n < min_group:
        return HeatCell(score=None, n=n, suppressed=n > 0)
    return HeatCell(score=round(statistics.fmean(scores), 1) if scores else None, n=n)


def needs_heatmap(*, wave: Wave, by: str = GROUP_KINDS) -> Heatmap:
    """Need per topic field × organisation kind (or federal state), with the change since
    the previous round."""
    min_group = threshold_for(wave.survey)
    topic_fields = all_topic_fields()
    responses, scores = _wave_need_table(wave)
    labels = state_labels() if by == GROUP_STATES else kind_labels()
    index = 2 if by == GROUP_STATES else 1
    groups: dict[str, list[Any]] = defaultdict(list)
    for segment in responses:
        groups[segment[index] or ""].append(segment[0])
    order = [code for code in labels if code in groups] + ([""] if "" in groups else [])
    columns = [
        HeatColumn(code=code, label=labels.get(code, _("not known")), n=len(groups[code]))
        for code in order
    ]
    previous = wave.previous
    previous_scores: dict[Any, dict[int, float]] = {}
    if previous is not None:
        _previous_responses, previous_scores = _wave_need_table(previous)
    rows = []
    for topic_field in topic_fields:
        cells = []
        for column in columns:
            values = [
                scores[pk][topic_field.pk]
                for pk in groups[column.code]
                if topic_field.pk in scores.get(pk, {})
            ]
            cells.append(_cell(values, column.n, min_group))
        overall_values = [s[topic_field.pk] for s in scores.values() if topic_field.pk in s]
        row = HeatRow(
            topic_field=topic_field,
            cells=cells,
            overall=_cell(overall_values, len(responses), min_group),
        )
        if previous is not None:
            before = [s[topic_field.pk] for s in previous_scores.values() if topic_field.pk in s]
            row.previous = _cell(before, len(previous_scores), threshold_for(previous.survey))
        rows.append(row)
    return Heatmap(
        wave=wave,
        by=by,
        columns=columns,
        rows=rows,
        responses=len(responses),
        min_group=min_group,
        previous_wave=previous,
        has_indicators=bool(scores) and any(scores.values()),
    )


@dataclass
class NeedRank:
    topic_field: TopicField
    score: float | None
    n: int
    suppressed: bool


def needs_ranking_by_topic_field(*, wave: Wave, kind: str = "", state: str = "") -> list[NeedRank]:
    """Topic fields by average need (0–100), greatest first – for reports. Groups smaller
    than the minimum group size are suppressed, for identified surveys too."""
    min_group = min_group_size()
    topic_fields = all_topic_fields()
    selected = submitted_responses(wave, kind=kind, state=state)
    n = selected.count()
    needs = response_needs(wave, selected, topic_fields) if n >= min_group else {}
    ranks = []
    for topic_field in topic_fields:
        values = [fields[topic_field.pk] for fields in needs.values() if topic_field.pk in fields]
        cell = _cell(values, n, min_group)
        ranks.append(
            NeedRank(
                topic_field=topic_field, score=cell.score, n=cell.n, suppressed=cell.suppressed
            )
        )
    return sorted(ranks, key=lambda r: (r.score is None, -(r.score or 0), r.topic_field.sort_order))


# --- Response rates -----------------------------------------------------------------------


@dataclass
class ResponseRate:
    eligible: int
    submitted: int
    drafts: int

    @property
    def rate(self) -> float | None:
        return round(min(100.0, 100 * self.submitted / self.eligible), 1) if self.eligible else None


def _eligible_organisations(wave: Wave) -> QuerySet[Organisation]:
    if wave.audience == Wave.Audience.INVITED:
        return Organisation.objects.filter(
            survey_invitations__wave=wave, survey_invitations__user__isnull=True
        )
    return Organisation.objects.filter(status=Organisation.Status.ACTIVE)


def wave_response_rate(wave: Wave) -> ResponseRate:
    """How many of those the round is meant for have submitted, and how many drafts exist."""
    submitted = Participation.objects.filter(wave=wave).count()
    drafts = Response.objects.filter(wave=wave, status=Response.Status.DRAFT).count()
    if wave.survey.per_organisation:
        eligible = _eligible_organisations(wave).count()
    elif wave.audience == Wave.Audience.INVITED:
        eligible = wave.invitations.filter(user__isnull=False).count()
    else:
        eligible = (
            Membership.objects.filter(
                organisation__status=Organisation.Status.ACTIVE, user__is_active=True
            )
            .values("user_id")
            .distinct()
            .count()
        )
    return ResponseRate(eligible=max(eligible, submitted), submitted=submitted, drafts=drafts)


@dataclass
class GroupRate:
    label: str
    eligible: int
    submitted: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.submitted / self.eligible, 1) if self.eligible else None


def wave_response_rates_by(wave: Wave, *, by: str = GROUP_KINDS) -> list[GroupRate]:
    """Response rate per organisation kind or federal state (surveys per organisation)."""
    if not wave.survey.per_organisation:
        return []
    attribute = "federal_state" if by == GROUP_STATES else "kind"
    labels = state_labels() if by == GROUP_STATES else kind_labels()
    answered = set(
        Participation.objects.filter(wave=wave, user__isnull=True).values_list(
            "organisation_id", flat=True
        )
    )
    eligible: Counter[str] = Counter()
    submitted: Counter[str] = Counter()
    for pk, value in _eligible_organisations(wave).values_list("pk", attribute):
        eligible[value or ""] += 1
        if pk in answered:
            submitted[value or ""] += 1
    order = [code for code in labels if code in eligible] + ([""] if "" in eligible else [])
    return [
        GroupRate(
            label=labels.get(code, _("not known")),
            eligible=eligible[code],
            submitted=submitted[code],
        )
        for code in order
    ]


def response_rates_for(waves: list[Wave]) -> dict[int, ResponseRate]:
    """The response rate of many rounds at once, in a fixed number of queries."""
    ids = [wave.pk for wave in waves]
    if not ids:
        return {}
    submitted = Counter(
        dict(
            Participation.objects.filter(wave_id__in=ids)
            .values("wave_id")
            .annotate(n=Count("pk"))
            .values_list("wave_id", "n")
        )
    )
    drafts = Counter(
        dict(
            Response.objects.filter(wave_id__in=ids, status=Response.Status.DRAFT)
            .values("wave_id")
            .annotate(n=Count("pk"))
            .values_list("wave_id", "n")
        )
    )
    invited_orgs: Counter[int] = Counter()
    invited_people: Counter[int] = Counter()
    for wave_id, user_id, n in (
        WaveInvitation.objects.filter(wave_id__in=ids)
        .values("wave_id", "user_id")
        .annotate(n=Count("pk"))
        .values_list("wave_id", "user_id", "n")
    ):
        if user_id is None:
            invited_orgs[wave_id] += n
        else:
            invited_people[wave_id] += n
    active = Organisation.objects.filter(status=Organisation.Status.ACTIVE).count()
    people = 0
    if any(not w.survey.per_organisation and w.audience == Wave.Audience.ALL for w in waves):
        people = (
            Membership.objects.filter(
                organisation__status=Organisation.Status.ACTIVE, user__is_active=True
            )
            .values("user_id")
            .distinct()
            .count()
        )
    rates = {}
    for wave in waves:
        if wave.survey.per_organisation:
            eligible = invited_orgs[wave.pk] if wave.audience == Wave.Audience.INVITED else active
        else:
            eligible = invited_people[wave.pk] if wave.audience == Wave.Audience.INVITED else people
        rates[wave.pk] = ResponseRate(
            eligible=max(eligible, submitted[wave.pk]),
            submitted=submitted[wave.pk],
            drafts=drafts[wave.pk],
        )
    return rates


def wave_response_rates(*, survey_kind: str = "") -> list[tuple[Wave, ResponseRate]]:
    """Every published round with its response rate (for reports)."""
    published = Wave.objects.filter(is_published=True).select_related("survey")
    if survey_kind:
        published = published.filter(survey__kind=survey_kind)
    waves = list(published.order_by("survey__kind", "opens_on"))
    rates = response_rates_for(waves)
    return [(wave, rates[wave.pk]) for wave in waves]


def wave_organisation_status(wave: Wave) -> QuerySet[Organisation]:
    """Organisations a round per organisation is meant for, with invitation, draft and
    submission state as annotations (for the team's tracking list)."""
    invitations = WaveInvitation.objects.filter(
        wave=wave, organisation=OuterRef("pk"), user__isnull=True
    )
    return (
        _eligible_organisations(wave)
        .annotate(
            invited_at=Subquery(invitations.values("created_at")[:1]),
            reminded_at=Subquery(invitations.values("reminded_at")[:1]),
            has_submitted=Exists(
                Participation.objects.filter(
                    wave=wave, organisation=OuterRef("pk"), user__isnull=True
                )
            ),
            has_draft=Exists(
                Response.objects.filter(
                    wave=wave, organisation=OuterRef("pk"), status=Response.Status.DRAFT
                )
            ),
        )
        .order_by("has_submitted", "name")
    )


def wave_person_status(wave: Wave) -> QuerySet[WaveInvitation]:
    """Invited people of a round per person, with whether they have submitted."""
    return (
        wave.invitations.filter(user__isnull=False)
        .select_related("user")
        .annotate(
            has_submitted=Exists(Participation.objects.filter(wave=wave, user=OuterRef("user_id")))
        )
        .order_by("has_submitted", "user__last_name", "user__first_name", "pk")
    )


# --- For reports ---------------------------------------------------------------------------


def report_waves(*, start: Any, end: Any, survey_kind: str) -> list[Wave]:
    """Published rounds of surveys of ``survey_kind`` that were open during the period,
    oldest first."""
    return list(
        Wave.objects.filter(
            survey__kind=survey_kind, is_published=True, opens_on__lte=end, closes_on__gte=start
        )
        .select_related("survey", "previous")
        .order_by("opens_on", "pk")
    )


def response_rates_among(
    waves: list[Wave], *, organisations: QuerySet[Organisation] | None = None
) -> dict[int, ResponseRate]:
    """The response rate of rounds per organisation, counted among ``organisations`` only
    (all when ``None``). A fixed number of queries for any number of rounds."""
    if organisations is None:
        return response_rates_for(waves)
    ids = [wave.pk for wave in waves]
    if not ids:
        return {}
    among = organisations.order_by().values("pk")
    submitted = Counter(
        dict(
            Participation.objects.filter(wave_id__in=ids, user__isnull=True, organisation__in=among)
            .values("wave_id")
            .annotate(n=Count("pk"))
            .values_list("wave_id", "n")
        )
    )
    invited = Counter(
        dict(
            WaveInvitation.objects.filter(
                wave_id__in=ids, user__isnull=True, organisation__in=among
            )
            .values("wave_id")
            .annotate(n=Count("pk"))
            .values_list("wave_id", "n")
        )
    )
    active = Organisation.objects.filter(status=Organisation.Status.ACTIVE, pk__in=among).count()
    rates = {}
    for wave in waves:
        eligible = invited[wave.pk] if wave.audience == Wave.Audience.INVITED else active
        rates[wave.pk] = ResponseRate(
            eligible=max(eligible, submitted[wave.pk]), submitted=submitted[wave.pk], drafts=0
        )
    return rates


def organisations_answering_in_period(*, start: Any, end: Any) -> QuerySet[Any]:
    """Organisation ids (``values("organisation_id")``) that submitted a round per
    organisation in the period, for subqueries in reports."""
    return (
        Participation.objects.filter(
            organisation__isnull=False, submitted_on__gte=start, submitted_on__lte=end
        )
        .order_by()
        .values("organisation_id")
    )
