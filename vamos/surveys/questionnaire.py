"""The questionnaire of a round as respondents meet it: pages, conditions, valid answers.

Services (to validate and save) and forms and templates (to ask and show) share these rules,
so that what the page accepts is exactly what the service stores.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vamos.core.models import TopicField

from .models import SCALE_POINTS, Choice, Question, Section, Wave

MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 5000


@dataclass
class Page:
    number: int
    section: Section
    questions: list[Question] = field(default_factory=list)


def wave_questions(wave: Wave) -> list[Question]:
    """Every question of ``wave`` in order, with what asking and showing it needs."""
    questions: QuerySet[Question] = (
        Question.objects.filter(wave=wave)
        .select_related("section", "condition_question", "competence__topic_field")
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")),
            "topic_fields",
        )
        .order_by("section__position", "section__pk", "position", "pk")
    )
    return list(questions)


def wave_pages(wave: Wave, questions: list[Question] | None = None) -> list[Page]:
    """One page per section that has questions, numbered from 1."""
    questions = wave_questions(wave) if questions is None else questions
    pages: list[Page] = []
    for question in questions:
        if not pages or pages[-1].section.pk != question.section_id:
            pages.append(Page(number=len(pages) + 1, section=question.section))
        pages[-1].questions.append(question)
    return pages


def all_topic_fields() -> list[TopicField]:
    return list(TopicField.objects.order_by("sort_order", "slug"))


def ranking_items(question: Question, topic_fields: list[TopicField]) -> list[TopicField]:
    """The topic fields a ranking question asks to order: its tags, or all seven."""
    tagged = {tf.pk for tf in question.topic_fields.all()}
    return [tf for tf in topic_fields if tf.pk in tagged] if tagged else list(topic_fields)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def is_visible(question: Question, answers: dict[int, Any]) -> bool:
    """A question with a condition is shown only if the earlier question was answered with
    one of the condition's values (and is itself shown)."""
    if not question.has_condition:
        return True
    parent = question.condition_question
    if parent is None or not is_visible(parent, answers):
        return False
    value = answers.get(parent.pk)
    if is_empty(value):
        return False
    given = value if isinstance(value, list) else [value]
    wanted = {str(v) for v in question.condition_values}
    return any(str(v) in wanted for v in given)


def visible_questions(questions: Iterable[Question], answers: dict[int, Any]) -> list[Question]:
    return [question for question in questions if is_visible(question, answers)]


def parse_number(raw: str) -> Decimal:
    """Numbers as people type them: ``1.500`` and ``1.500,5`` in German, ``1,500.5`` in
    English, ``3,5`` or ``3.5`` for a fraction, spaces ignored."""
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "")
    german = (get_language() or "de").startswith("de")
    grouped = r"-?\d{1,3}(%s\d{3})+"
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        text = (
            text.replace(",", "")
            if not german and re.fullmatch(grouped % ",", text)
            else (text.replace(",", "."))
        )
    elif "." in text and german and re.fullmatch(grouped % r"\.", text):
        text = text.replace(".", "")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValidationError(_("Please enter a number, for example 12 or 3,5.")) from exc
    if not number.is_finite():
        raise ValidationError(_("Please enter a number, for example 12 or 3,5."))
    return number


def number_range_message(question: Question) -> str:
    low, high = question.number_min, question.number_max
    if low is not None and high is not None:
        return _("Please enter a number from %(min)s to %(max)s.") % {
            "min": number_format(low.normalize()),
            "max": number_format(high.normalize()),
        }
    if low is not None:
        return _("Please enter a number of at least %(min)s.") % {
            "min": number_format(low.normalize())
        }
    return _("Please enter a number of at most %(max)s.") % {
        "max": number_format(high.normalize()) if high is not None else ""
    }


def normalise(question: Question, value: Any, topic_fields: list[TopicField]) -> Any:
    """The value to store for ``question``; ``None`` for no answer. Raises ValidationError
    for anything the question does not accept."""
    if is_empty(value):
        return None
    kind = question.kind
    if kind == Question.Kind.SCALE:
        try:
            number = int(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("Please choose a point on the scale.")) from exc
        if number not in SCALE_POINTS:
            raise ValidationError(_("Please choose a point on the scale."))
        return number
    if kind == Question.Kind.SINGLE:
        values = {choice.value for choice in question.choices.all()}
        if str(value) not in values:
            raise ValidationError(_("Please choose one of the answers."))
        return str(value)
    if kind == Question.Kind.MULTIPLE:
        order = [choice.value for choice in question.choices.all()]
        chosen = {str(v) for v in (value if isinstance(value, list) else [value])}
        if not chosen <= set(order):
            raise ValidationError(_("Please choose among the answers shown."))
        return [v for v in order if v in chosen]
    if kind == Question.Kind.RANKING:
        slugs = [tf.slug for tf in ranking_items(question, topic_fields)]
        ranked = [str(v) for v in value] if isinstance(value, list) else []
        if sorted(ranked) != sorted(slugs):
            raise ValidationError(
                _("Please give every topic field its own place from 1 to %(count)s.")
                % {"count": len(slugs)}
            )
        return ranked
    if kind == Question.Kind.NUMBER:
        amount = value if isinstance(value, Decimal) else parse_number(str(value))
        low, high = question.number_min, question.number_max
        if (low is not None and amount < low) or (high is not None and amount > high):
            raise ValidationError(number_range_message(question))
        if abs(amount) >= Decimal("1e10"):
            raise ValidationError(_("This number is too large."))
        return format(amount.normalize(), "f")
    text = str(value).strip()
    limit = MAX_SHORT_TEXT if kind == Question.Kind.SHORT_TEXT else MAX_LONG_TEXT
    if len(text) > limit:
        raise ValidationError(
            _("Please shorten your answer to at most %(limit)s characters.") % {"limit": limit}
        )
    return text or None


def answer_label(question: Question, value: Any, topic_fields: dict[str, TopicField]) -> str:
    """An answer in words, in the active language."""
    if is_empty(value):
        return ""
    kind = question.kind
    if kind == Question.Kind.SCALE:
        labels = question.scale_labels
        label = labels[int(value) - 1] if 0 < int(value) <= len(labels) else ""
        return f"{value} – {label}" if label else str(value)
    if kind in Question.CHOICE_KINDS:
        by_value = {choice.value: choice.label for choice in question.choices.all()}
        values = value if isinstance(value, list) else [value]
        return "; ".join(by_value.get(str(v), str(v)) for v in values)
    if kind == Question.Kind.RANKING:
        return "; ".join(
            f"{place}. {topic_fields[slug].name if slug in topic_fields else slug}"
            for place, slug in enumerate(value, start=1)
        )
    if kind == Question.Kind.NUMBER:
        try:
            return number_format(Decimal(str(value)).normalize())
        except InvalidOperation:
            return str(value)
    return str(value)


def missing_required(questions: Iterable[Question], answers: dict[int, Any]) -> list[Question]:
    """Required questions that are shown (conditions met) and not answered."""
    return [
        question
        for question in visible_questions(questions, answers)
        if question.required and is_empty(answers.get(question.pk))
    ]
