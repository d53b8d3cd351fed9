"""CSV and XLSX exports of a round: one row per submitted response, labelled columns.

Multiple choice gets a column per option (1 = chosen), a ranking a column per topic field
(its place). Anonymous surveys are exported without any identifier – no organisation, no
person, no time, no kind or federal state – in random order."""

import csv
import io
from datetime import datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vamos.core.models import TopicField

from .models import Answer, Question, Response, Wave
from .questionnaire import all_topic_fields, answer_label, ranking_items, wave_questions
from .selectors.results import kind_labels, state_labels

FORMATS = {"csv", "xlsx"}


def _columns(
    questions: list[Question], topic_fields: list[TopicField]
) -> list[tuple[str, Question, str]]:
    """(header, question, option value or topic field slug or "")."""
    columns = []
    for question in questions:
        base = f"{question.key}: {question.text}"
        if question.kind == Question.Kind.MULTIPLE:
            columns += [
                (f"{base} – {choice.label}", question, choice.value)
                for choice in question.choices.all()
            ]
        elif question.kind == Question.Kind.RANKING:
            columns += [
                (f"{base} – {_('place of')} {item.name}", question, item.slug)
                for item in ranking_items(question, topic_fields)
            ]
        else:
            columns.append((base, question, ""))
    return columns


def _cell(question: Question, part: str, value: Any, by_slug: dict[str, TopicField]) -> Any:
    if value is None:
        return ""
    if question.kind == Question.Kind.MULTIPLE:
        return 1 if part in value else 0
    if question.kind == Question.Kind.RANKING:
        return value.index(part) + 1 if part in value else ""
    if question.kind == Question.Kind.SCALE:
        return int(value)
    if question.kind == Question.Kind.NUMBER:
        try:
            return float(value)
        except (TypeError, ValueError):
            return value
    if question.kind == Question.Kind.SINGLE:
        return answer_label(question, value, by_slug)
    return str(value)


def wave_export_table(wave: Wave) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of every submitted response of ``wave``."""
    questions = wave_questions(wave)
    topic_fields = all_topic_fields()
    by_slug = {tf.slug: tf for tf in topic_fields}
    columns = _columns(questions, topic_fields)
    anonymous = wave.survey.anonymous
    responses = Response.objects.filter(wave=wave, status=Response.Status.SUBMITTED)
    if anonymous:
        # The id is random, so this order says nothing about who answered when.
        responses = responses.order_by("pk")
        header: list[str] = []
    else:
        responses = responses.select_related("organisation", "respondent", "submitted_by")
        responses = responses.order_by("organisation__name", "respondent__email", "submitted_at")
        header = [
            _("Response"),
            _("Organisation"),
            _("Kind of organisation"),
            _("Federal state"),
            _("Submitted"),
            _("Submitted by"),
        ]
    header += [title for title, _q, _part in columns]
    answers: dict[Any, dict[int, Any]] = {}
    for response_id, question_id, value in (
        Answer.objects.filter(response__in=responses)
        .values_list("response_id", "question_id", "value")
        .iterator()
    ):
        answers.setdefault(response_id, {})[question_id] = value
    kinds, states = kind_labels(), state_labels()
    rows = []
    for response in responses:
        given = answers.get(response.pk, {})
        row: list[Any] = []
        if not anonymous:
            who = response.respondent or response.submitted_by
            row = [
                str(response.pk),
                response.organisation.name if response.organisation else "",
                kinds.get(response.segment_kind, response.segment_kind),
                states.get(response.segment_state, response.segment_state),
                timezone.localtime(response.submitted_at).replace(tzinfo=None)
                if response.submitted_at
                else "",
                who.display_name if who else "",
            ]
        row += [
            _cell(question, part, given.get(question.pk), by_slug)
            for _title, question, part in columns
        ]
        rows.append(row)
    return header, rows


def _filename(wave: Wave, fmt: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{slugify(wave.survey.title_de)[:40]}-{slugify(wave.label)}-{stamp}.{fmt}"


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [value.isoformat(sep=" ") if isinstance(value, datetime) else value for value in row]
        )
    # With a byte order mark, spreadsheet programs read the umlauts correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(header: list[str], rows: list[list[Any]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31] or "Export"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, title_text in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(45, len(str(title_text)) // 2 + 8))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def wave_export_response(*, wave: Wave, fmt: str) -> HttpResponse:
    header, rows = wave_export_table(wave)
    if fmt == "xlsx":
        content = _xlsx(header, rows, wave.label)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = _csv(header, rows)
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(wave, fmt)}"'
    response["Cache-Control"] = "no-store"
    return response
