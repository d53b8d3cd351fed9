"""Reads about event feedback forms, for the events app and the team."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Avg, Count, FloatField, Q, QuerySet
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import translation

from ..models import Answer, Question, Response, Survey, Wave
from .results import min_group_size, threshold_for


def feedback_form_for(event: Any) -> Survey | None:
    """The feedback form of ``event`` (any model object), if one was created."""
    content_type = ContentType.objects.get_for_model(event, for_concrete_model=False)
    return Survey.objects.filter(context_type=content_type, context_id=event.pk).first()


def feedback_wave_for(event: Any) -> Wave | None:
    survey = feedback_form_for(event)
    if survey is None:
        return None
    return survey.waves.order_by("-opens_on", "-pk").first()


def feedback_form_url(*, event: Any, language: str | None = None) -> str | None:
    """The path where participants answer the event's feedback form (in ``language``)."""
    wave = feedback_wave_for(event)
    if wave is None:
        return None
    with translation.override(language or translation.get_language()):
        return reverse("surveys:wave", kwargs={"pk": wave.pk})


def feedback_forms() -> QuerySet[Survey]:
    """Every event feedback form with its number of submitted responses."""
    return (
        Survey.objects.filter(kind=Survey.Kind.FEEDBACK)
        .annotate(
            submitted=Count(
                "waves__responses",
                filter=Q(waves__responses__status=Response.Status.SUBMITTED),
                distinct=True,
            ),
            invited=Count("waves__invitations", distinct=True),
        )
        .prefetch_related("waves")
        .order_by("-created_at", "-pk")
    )


@dataclass
class KindSummary:
    """Feedback for one kind of event: how many forms and answers, and the average of each
    scale question of the default form (hidden below the minimum group size)."""

    kind: str
    label: str = ""
    forms: int = 0
    responses: int = 0
    means: dict[str, float | None] = field(default_factory=dict)

    @property
    def mean_list(self) -> list[float | None]:
        return list(self.means.values())


def _kind_labels(content_type_ids: set[int]) -> dict[str, str]:
    """The labels of the events' ``kind`` choices, read from the event model itself."""
    labels: dict[str, str] = {}
    for content_type in ContentType.objects.filter(pk__in=content_type_ids):
        model = content_type.model_class()
        try:
            field = model._meta.get_field("kind") if model else None
            choices = getattr(field, "flatchoices", [])
        except FieldDoesNotExist:
            choices = []
        labels.update({str(value): str(label) for value, label in choices})
    return labels


def feedback_scale_keys() -> list[tuple[str, str]]:
    """(key, question text) of the default feedback form's scale questions."""
    template = Survey.objects.filter(kind=Survey.Kind.FEEDBACK_TEMPLATE).first()
    wave = template.waves.order_by("-opens_on").first() if template else None
    if wave is None:
        return []
    return [
        (q.key, q.text)
        for q in Question.objects.filter(wave=wave, kind=Question.Kind.SCALE).order_by(
            "section__position", "position"
        )
    ]


def feedback_results_by_event_kind() -> list[KindSummary]:
    """Per event kind: forms, responses and the mean of the common scale questions."""
    keys = [key for key, _text in feedback_scale_keys()]
    forms = list(
        Survey.objects.filter(kind=Survey.Kind.FEEDBACK).values_list(
            "context_kind", "context_type_id"
        )
    )
    labels = _kind_labels({type_id for _kind, type_id in forms if type_id})
    summaries: dict[str, KindSummary] = {}
    for kind, _type_id in forms:
        summary = summaries.setdefault(kind, KindSummary(kind=kind))
        summary.forms += 1
    responses = Response.objects.filter(
        wave__survey__kind=Survey.Kind.FEEDBACK, status=Response.Status.SUBMITTED
    ).values_list("wave__survey__context_kind", flat=True)
    for kind in responses:
        summaries.setdefault(kind, KindSummary(kind=kind)).responses += 1
    values: dict[tuple[str, str], list[int]] = defaultdict(list)
    for kind, key, value in Answer.objects.filter(
        response__wave__survey__kind=Survey.Kind.FEEDBACK,
        response__status=Response.Status.SUBMITTED,
        question__kind=Question.Kind.SCALE,
        question__key__in=keys,
    ).values_list("response__wave__survey__context_kind", "question__key", "value"):
        values[(kind, key)].append(int(value))
    k = min_group_size()
    for kind, summary in summaries.items():
        summary.label = labels.get(kind) or kind or "–"
        for key in keys:
            given = values.get((kind, key), [])
            summary.means[key] = round(statistics.fmean(given), 2) if len(given) >= k else None
    return sorted(summaries.values(), key=lambda s: s.kind)


def feedback_event_summary(*, event: Any) -> dict[str, Any] | None:
    """Responses and the mean of each scale question of one event's form (for the events
    app's event page), hidden below the group-size threshold for anonymous forms."""
    wave = feedback_wave_for(event)
    if wave is None:
        return None
    submitted = Response.objects.filter(wave=wave, status=Response.Status.SUBMITTED)
    count = submitted.count()
    means: list[tuple[str, float | None]] = []
    enough = count >= threshold_for(wave.survey)
    scale_values: dict[int, list[int]] = defaultdict(list)
    questions = list(
        Question.objects.filter(wave=wave, kind=Question.Kind.SCALE).order_by(
            "section__position", "position"
        )
    )
    if enough:
        for question_id, value in Answer.objects.filter(
            response__in=submitted, question__in=questions
        ).values_list("question_id", "value"):
            scale_values[question_id].append(int(value))
    for question in questions:
        given = scale_values.get(question.pk, [])
        means.append((question.text, round(statistics.fmean(given), 2) if given else None))
    return {
        "wave": wave,
        "responses": count,
        "suppressed": not enough and count > 0,
        "means": means,
    }


def feedback_scores_for_events(*, events: QuerySet[Any]) -> dict[str, dict[str, Any]]:
    """Per event kind (the kind kept on the form): submitted responses to the feedback forms
    of ``events`` (a queryset of any model) and the mean of all their scale answers (1–5),
    ``None`` below the minimum group size – for reports. Two queries."""
    content_type = ContentType.objects.get_for_model(events.model, for_concrete_model=False)
    forms = {
        "wave__survey__kind": Survey.Kind.FEEDBACK,
        "wave__survey__context_type": content_type,
        "wave__survey__context_id__in": events.order_by().values("pk"),
    }
    responses = dict(
        Response.objects.filter(**forms, status=Response.Status.SUBMITTED)
        .order_by()
        .values("wave__survey__context_kind")
        .annotate(n=Count("pk"))
        .values_list("wave__survey__context_kind", "n")
    )
    means = dict(
        Answer.objects.filter(
            **{f"response__{key}": value for key, value in forms.items()},
            response__status=Response.Status.SUBMITTED,
            question__kind=Question.Kind.SCALE,
        )
        .order_by()
        .values("response__wave__survey__context_kind")
        .annotate(mean=Avg(Cast("value", FloatField())))
        .values_list("response__wave__survey__context_kind", "mean")
    )
    k = min_group_size()
    return {
        kind: {
            "responses": n,
            "mean": round(means[kind], 2) if n >= k and means.get(kind) is not None else None,
            "suppressed": 0 < n < k,
        }
        for kind, n in responses.items()
    }
