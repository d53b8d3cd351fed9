"""The Verbands-Check: an organisation's competences per topic field across rounds.

Other apps read these: journeys (the coach looks at an organisation's history at the
kickoff), community (needs per topic field for matching) and reports (change between
rounds, never for groups smaller than the minimum group size).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, FloatField, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from vamos.core.models import TopicField
from vamos.organisations.models import Organisation

from ..models import Answer, Competence, Response, Survey, Wave
from ..questionnaire import all_topic_fields, wave_questions
from .results import min_group_size, need_scores, submitted_responses


def self_assessment_survey() -> Survey | None:
    return Survey.objects.filter(kind=Survey.Kind.SELF_ASSESSMENT).first()


def self_assessment_waves(*, include_upcoming: bool = False) -> list[Wave]:
    """Published rounds of the Verbands-Check, oldest first (those not yet open only on
    request)."""
    waves = Wave.objects.filter(
        survey__kind=Survey.Kind.SELF_ASSESSMENT, is_published=True
    ).select_related("survey")
    if not include_upcoming:
        waves = waves.filter(opens_on__lte=timezone.localdate())
    return list(waves.order_by("opens_on", "pk"))


def _ratings(
    waves: list[Wave], *, organisation: Organisation | None = None, kind: str = "", state: str = ""
) -> list[tuple[Any, int, int, int, str, int]]:
    """(response, wave, organisation, topic field, competence key, rating) of submitted
    responses (of organisations of ``kind`` in ``state`` at submission, where given) – one
    query."""
    answers = Answer.objects.filter(
        response__wave__in=waves,
        response__status=Response.Status.SUBMITTED,
        question__competence__isnull=False,
    )
    if organisation is not None:
        answers = answers.filter(response__organisation=organisation)
    if kind:
        answers = answers.filter(response__segment_kind=kind)
    if state:
        answers = answers.filter(response__segment_state=state)
    return list(
        answers.values_list(
            "response_id",
            "response__wave_id",
            "response__organisation_id",
            "question__competence__topic_field_id",
            "question__competence__key",
            "value",
        )
    )


def _field_means(rows: list[tuple[Any, ...]]) -> dict[Any, dict[int, float]]:
    """response id → topic field id → mean rating."""
    collected: dict[Any, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for response_id, _wave, _org, topic_field_id, _key, value in rows:
        collected[response_id][topic_field_id].append(int(value))
    return {
        response_id: {pk: statistics.fmean(values) for pk, values in fields.items()}
        for response_id, fields in collected.items()
    }


@dataclass
class FieldAverage:
    """The average of all organisations in one round, if enough of them answered."""

    values: dict[int, float]
    n: int
    suppressed: bool


def self_assessment_averages(waves: list[Wave]) -> dict[int, FieldAverage]:
    """Wave id → average per topic field over all organisations that submitted; hidden
    when fewer than the minimum group size did."""
    rows = _ratings(waves)
    means = _field_means(rows)
    by_wave: dict[int, list[dict[int, float]]] = defaultdict(list)
    response_wave = {row[0]: row[1] for row in rows}
    for response_id, fields in means.items():
        by_wave[response_wave[response_id]].append(fields)
    k = min_group_size()
    averages = {}
    for wave in waves:
        fields_list = by_wave.get(wave.pk, [])
        n = len(fields_list)
        if n < k:
            averages[wave.pk] = FieldAverage(values={}, n=n, suppressed=n > 0)
            continue
        collected: dict[int, list[float]] = defaultdict(list)
        for fields in fields_list:
            for pk, value in fields.items():
                collected[pk].append(value)
        averages[wave.pk] = FieldAverage(
            values={pk: round(statistics.fmean(v), 2) for pk, v in collected.items()},
            n=n,
            suppressed=False,
        )
    return averages


@dataclass
class WaveAssessment:
    wave: Wave
    response_id: Any = None
    fields: dict[int, float] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    average: FieldAverage | None = None

    @property
    def submitted(self) -> bool:
        return self.response_id is not None


@dataclass
class FieldSummary:
    topic_field: TopicField
    value: float
    previous: float | None
    average: float | None

    @property
    def change(self) -> float | None:
        return None if self.previous is None else round(self.value - self.previous, 2)


@dataclass
class SelfAssessmentHistory:
    organisation: Organisation
    topic_fields: list[TopicField]
    competences: list[Competence]
    waves: list[WaveAssessment]
    open_wave: Wave | None = None
    draft_id: Any = None

    @property
    def submitted(self) -> list[WaveAssessment]:
        return [wave for wave in self.waves if wave.submitted]

    @property
    def latest(self) -> WaveAssessment | None:
        return self.submitted[-1] if self.submitted else None

    @property
    def before_latest(self) -> WaveAssessment | None:
        submitted = self.submitted
        return submitted[-2] if len(submitted) > 1 else None

    def summary(self) -> list[FieldSummary]:
        """Per topic field: the latest rating, the one before and the average."""
        latest, before = self.latest, self.before_latest
        if latest is None:
            return []
        average = latest.average.values if latest.average else {}
        return [
            FieldSummary(
                topic_field=tf,
                value=round(latest.fields[tf.pk], 2),
                previous=round(before.fields[tf.pk], 2)
                if before and tf.pk in before.fields
                else None,
                average=average.get(tf.pk),
            )
            for tf in self.topic_fields
            if tf.pk in latest.fields
        ]

    def strengths(self, count: int = 2) -> list[FieldSummary]:
        ranked = sorted(self.summary(), key=lambda s: (-s.value, s.topic_field.sort_order))
        return [s for s in ranked[:count] if s.value >= 3]

    def weakest(self, count: int = 3) -> list[FieldSummary]:
        ranked = sorted(self.summary(), key=lambda s: (s.value, s.topic_field.sort_order))
        return ranked[:count]


def organisation_self_assessment_history(organisation: Organisation) -> SelfAssessmentHistory:
    """Everything the result page, the coach and reports need about one organisation's
    Verbands-Check: its ratings per round, per topic field and per competence, and the
    average of all organisations where at least the minimum group size answered."""
    waves = self_assessment_waves()
    topic_fields = all_topic_fields()
    competences = list(
        Competence.objects.select_related("topic_field").order_by(
            "topic_field__sort_order", "position", "pk"
        )
    )
    history = SelfAssessmentHistory(
        organisation=organisation,
        topic_fields=topic_fields,
        competences=competences,
        waves=[WaveAssessment(wave=wave) for wave in waves],
    )
    if not waves:
        return history
    rows = _ratings(waves, organisation=organisation)
    means = _field_means(rows)
    averages = self_assessment_averages(waves)
    by_wave = {assessment.wave.pk: assessment for assessment in history.waves}
    for response_id, wave_id, _org, _tf, key, value in rows:
        assessment = by_wave[wave_id]
        assessment.response_id = response_id
        assessment.ratings[key] = int(value)
    for assessment in history.waves:
        if assessment.response_id is not None:
            assessment.fields = means.get(assessment.response_id, {})
        assessment.average = averages.get(assessment.wave.pk)
    today = timezone.localdate()
    open_waves = [w for w in waves if w.is_published and w.opens_on <= today <= w.closes_on]
    if open_waves:
        history.open_wave = open_waves[-1]
        draft = Response.objects.filter(
            wave=history.open_wave, organisation=organisation, status=Response.Status.DRAFT
        ).values_list("pk", flat=True)
        history.draft_id = draft.first()
    return history


@dataclass
class FieldChange:
    topic_field: TopicField
    before: float | None
    after: float | None
    n: int
    suppressed: bool

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


def _rated(wave: Wave, *, kind: str = "", state: str = "") -> QuerySet[Answer]:
    """Competence ratings of the submitted responses of organisations to ``wave`` (of
    organisations of ``kind`` in ``state`` at submission, where given)."""
    answers = Answer.objects.filter(
        response__wave=wave,
        response__status=Response.Status.SUBMITTED,
        response__organisation__isnull=False,
        question__competence__isnull=False,
    )
    if kind:
        answers = answers.filter(response__segment_kind=kind)
    if state:
        answers = answers.filter(response__segment_state=state)
    return answers


def _paired_field_means(
    previous: Wave, wave: Wave, *, kind: str = "", state: str = ""
) -> dict[tuple[int, int], list[float]]:
    """(wave id, topic field id) → the mean rating per topic field of each organisation
    that rated competences in both rounds – one query. The database pairs the organisations
    and averages each response's ratings per topic field; only the mean of those means (one
    row per response and field) is left to Python."""
    in_both = _rated(previous, kind=kind, state=state).filter(
        response__organisation__in=_rated(wave, kind=kind, state=state).values(
            "response__organisation_id"
        )
    )
    answers = Answer.objects.filter(
        response__wave__in=[previous, wave],
        response__status=Response.Status.SUBMITTED,
        response__organisation__in=in_both.values("response__organisation_id"),
        question__competence__isnull=False,
    )
    if kind:
        answers = answers.filter(response__segment_kind=kind)
    if state:
        answers = answers.filter(response__segment_state=state)
    means: dict[tuple[int, int], list[float]] = defaultdict(list)
    for wave_id, field_id, total, count in (
        answers.order_by()
        .values("response_id", "response__wave_id", "question__competence__topic_field_id")
        .annotate(total=Sum(Cast("value", FloatField())), count=Count("pk"))
        .values_list("response__wave_id", "question__competence__topic_field_id", "total", "count")
    ):
        means[(wave_id, field_id)].append(total / count)
    return means


def self_assessment_change_by_topic_field(
    *, wave: Wave, previous: Wave | None = None, kind: str = "", state: str = ""
) -> list[FieldChange]:
    """Average change per topic field between two rounds, over the organisations that
    answered both (paired; optionally only organisations of ``kind`` in ``state``): the mean
    of each organisation's mean rating in the field. Fewer than the minimum group size:
    suppressed."""
    previous = previous or wave.previous
    topic_fields = all_topic_fields()
    if previous is None:
        return [FieldChange(tf, None, None, 0, False) for tf in topic_fields]
    means = _paired_field_means(previous, wave, kind=kind, state=state)
    k = min_group_size()
    changes = []
    for tf in topic_fields:
        befores = means.get((previous.pk, tf.pk), [])
        afters = means.get((wave.pk, tf.pk), [])
        n = min(len(befores), len(afters))
        if n < k:
            changes.append(FieldChange(tf, None, None, n, n > 0))
            continue
        changes.append(
            FieldChange(
                tf,
                round(statistics.fmean(befores), 2),
                round(statistics.fmean(afters), 2),
                n,
                False,
            )
        )
    return changes


@dataclass(frozen=True)
class TopicFieldNeed:
    """An organisation's need in a topic field: ``score`` 0–100, ``priority`` 1 (some) to
    3 (great), from its latest needs assessment or, lacking one, its Verbands-Check."""

    topic_field: TopicField
    score: float
    priority: int
    source: str
    wave_label: str


def _priority(score: float) -> int:
    if score >= 75:
        return 3
    if score >= 55:
        return 2
    return 1


NEED_THRESHOLD = 40


def organisation_needs_by_topic_field(organisation: Organisation) -> list[TopicFieldNeed]:
    """Topic fields where ``organisation`` needs support, greatest need first.

    Source: the latest identified needs assessment it submitted (its need indicators);
    otherwise its latest Verbands-Check (low ratings = need). Fields scoring below 40 of
    100 are not needs and are left out."""
    response = (
        Response.objects.filter(
            organisation=organisation,
            status=Response.Status.SUBMITTED,
            wave__survey__kind=Survey.Kind.NEEDS,
        )
        .select_related("wave")
        .order_by("-wave__opens_on", "-submitted_at")
        .first()
    )
    topic_fields = all_topic_fields()
    by_pk = {tf.pk: tf for tf in topic_fields}
    scores: dict[int, float] = {}
    source, label = "", ""
    if response is not None:
        questions = wave_questions(response.wave)
        answers = {a.question_id: a.value for a in response.answers.all()}
        scores = need_scores(questions, answers, topic_fields)
        source, label = "needs_assessment", response.wave.label
    if not scores:
        history = organisation_self_assessment_history(organisation)
        latest = history.latest
        if latest is not None:
            scores = {pk: 100 * (5 - value) / 4 for pk, value in latest.fields.items()}
            source, label = "self_assessment", latest.wave.label
    needs = [
        TopicFieldNeed(
            topic_field=by_pk[pk],
            score=round(score, 1),
            priority=_priority(score),
            source=source,
            wave_label=label,
        )
        for pk, score in scores.items()
        if pk in by_pk and score >= NEED_THRESHOLD
    ]
    return sorted(needs, key=lambda n: (-n.score, n.topic_field.sort_order))


def self_assessment_status(*, organisations: list[Organisation]) -> dict[int, str]:
    """Organisation id → "submitted", "draft" or "open" for the current (or latest) round."""
    waves = self_assessment_waves()
    if not waves or not organisations:
        return {}
    wave = waves[-1]
    ids = [o.pk for o in organisations]
    statuses = dict.fromkeys(ids, "open" if wave.is_open else "closed")
    for organisation_id, status in Response.objects.filter(
        wave=wave, organisation_id__in=ids
    ).values_list("organisation_id", "status"):
        statuses[organisation_id] = "submitted" if status == Response.Status.SUBMITTED else "draft"
    return statuses


def submitted_count(wave: Wave) -> int:
    return submitted_responses(wave).count()
