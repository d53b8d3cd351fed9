"""How a questionnaire is laid out for people: which questions a page shows, which pages
count, and answers in words page by page (review page, read-only copy, results)."""

from dataclasses import dataclass, field
from typing import Any

from .models import Question, Response, Section, Wave
from .questionnaire import Page, all_topic_fields, answer_label, is_empty, is_visible, wave_pages


def displayable_questions(page: Page, stored: dict[int, Any]) -> list[Question]:
    """Questions of ``page`` to put on screen: unconditional ones, those whose condition
    is met by earlier answers, and those that depend on a question of the same page (the
    browser shows or hides them as the person answers)."""
    on_page = {question.pk for question in page.questions}
    return [
        question
        for question in page.questions
        if not question.has_condition
        or question.condition_question_id in on_page
        or is_visible(question, stored)
    ]


def page_numbers(pages: list[Page], stored: dict[int, Any]) -> list[int]:
    """The pages that have something to ask, given the answers so far."""
    return [page.number for page in pages if displayable_questions(page, stored)]


@dataclass
class AnswerRow:
    question: Question
    answer: str
    missing: bool


@dataclass
class AnswerPage:
    number: int
    section: Section
    rows: list[AnswerRow] = field(default_factory=list)


def answer_pages(
    wave: Wave,
    questions: list[Question],
    stored: dict[int, Any],
    *,
    response: Response | None = None,
) -> list[AnswerPage]:
    """Every shown question with its answer in words, page by page."""
    topic_fields = {tf.slug: tf for tf in all_topic_fields()}
    result = []
    for page in wave_pages(wave, questions):
        rows = [
            AnswerRow(
                question=question,
                answer=answer_label(question, stored.get(question.pk), topic_fields),
                missing=question.required and is_empty(stored.get(question.pk)),
            )
            for question in page.questions
            if is_visible(question, stored)
        ]
        if rows:
            result.append(AnswerPage(number=page.number, section=page.section, rows=rows))
    return result


@dataclass
class RankingRow:
    topic_field: Any
    name: str
    id: str
    selected: str


@dataclass
class PageItem:
    question: Question
    field: Any
    condition_field: str = ""
    condition_values: str = ""
    condition_hint: str = ""
    last_year: str | None = None
    ranking: list[RankingRow] = field(default_factory=list)
    places: list[int] = field(default_factory=list)


def _condition_hint(question: Question) -> str:
    from django.utils.translation import gettext as _

    from .services.authoring import condition_values_allowed

    parent = question.condition_question
    assert parent is not None
    labels = dict(condition_values_allowed(parent))
    chosen = " / ".join(f"“{labels.get(str(v), v)}”" for v in question.condition_values)
    return _("Please answer only if you chose %(answers)s for “%(question)s”.") % {
        "answers": chosen,
        "question": parent.text,
    }


def page_items(
    form: Any,
    questions: list[Question],
    *,
    earlier_answers: dict[str, str],
    has_previous: bool,
    topic_fields: list[Any],
) -> list[PageItem]:
    """What the page template needs for each question: the bound field (KERN-styled), the
    condition it depends on, last round's answer and, for rankings, one select per item."""
    from vamos.core.forms import kern_bound_field

    from .questionnaire import ranking_items

    on_page = {question.pk for question in questions}
    items = []
    for question in questions:
        name = f"q{question.pk}"
        item = PageItem(question=question, field=kern_bound_field(form[name]))
        if question.has_condition and question.condition_question_id in on_page:
            item.condition_field = f"q{question.condition_question_id}"
            item.condition_values = " ".join(str(v) for v in question.condition_values)
            item.condition_hint = _condition_hint(question)
        if has_previous:
            item.last_year = earlier_answers.get(question.key, "")
        if question.kind == Question.Kind.RANKING:
            ranked = ranking_items(question, topic_fields)
            if form.is_bound:
                selected = {tf.slug: form.data.get(f"{name}_{tf.slug}", "") for tf in ranked}
            else:
                initial = form.initial.get(name) or []
                selected = {slug: str(place) for place, slug in enumerate(initial, start=1)}
            item.ranking = [
                RankingRow(
                    topic_field=tf,
                    name=f"{name}_{tf.slug}",
                    id=f"id_{name}_{tf.slug}",
                    selected=selected.get(tf.slug, ""),
                )
                for tf in ranked
            ]
            item.places = list(range(1, len(ranked) + 1))
        items.append(item)
    return items
