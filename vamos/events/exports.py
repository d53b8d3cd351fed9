"""Participant lists as CSV and XLSX, and the attendance certificate as PDF."""

import csv
import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event, Question, Registration

# Spreadsheet programmes run cells starting with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _local(value: Any) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def participant_rows(
    event: Event, registrations: list[Registration], questions: list[Question]
) -> tuple[list[str], list[list[Any]]]:
    header = [
        _("Last name"),
        _("First name"),
        _("Email address"),
        _("Organisation"),
        _("Status"),
        _("Waitlist position"),
        _("Registered"),
        _("Checked in"),
        _("Workshops"),
        *[question.label for question in questions],
    ]
    rows = []
    for registration in registrations:
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        rows.append(
            [
                registration.user.last_name,
                registration.user.first_name,
                registration.user.email,
                registration.organisation.name if registration.organisation else "",
                registration.get_status_display(),
                registration.position
                if registration.status == Registration.Status.WAITLISTED
                else "",
                _local(registration.created_at),
                _local(registration.checked_in_at),
                ", ".join(workshop.title for workshop in registration.workshops.all()),
                *[_answer_label(answers.get(question.pk, "")) for question in questions],
            ]
        )
    return header, rows


def _answer_label(value: str) -> str:
    return {"yes": str(_("Yes")), "no": str(_("No"))}.get(value, value)


def participants_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    # A byte order mark so that spreadsheet programmes read the umlauts correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def participants_xlsx(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    sheet.freeze_panes = "A3"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column[1:]) if len(column) > 1 else 10
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def certificate_pdf(context: dict[str, Any]) -> bytes:
    """The attendance certificate, rendered from HTML with WeasyPrint (fonts shipped with
    KERN, nothing fetched from outside)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string("events/certificate.html", context)
    base = Path(settings.BASE_DIR, "vamos", "static")
    fetcher = URLFetcher(allowed_protocols={"file"})  # nothing is fetched from outside
    return HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher).write_pdf()
