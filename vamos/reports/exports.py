"""The funder report as XLSX (a sheet per area, the indicators first) and as PDF
(WeasyPrint, with the charts). Both render the same ``Report`` as the dashboard, in German."""

import io
import re
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vamos.core.pdf import font_urls, html_to_pdf
from vamos.organisations.models import FederalState, Organisation

from .data import PERCENT, Figure
from .figures import Report
from .selectors import IndicatorProgress

LANGUAGE = "de"
# Spreadsheet programmes run cells starting with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def _sheet_title(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "-", title)[:31]
    candidate, number = name, 2
    while candidate in used:
        suffix = f" {number}"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def report_filename(report: Report, extension: str) -> str:
    scope = report.scope
    return f"vamos-bericht-{scope.start:%Y-%m-%d}-{scope.end:%Y-%m-%d}.{extension}"


def filter_lines(report: Report) -> list[str]:
    """The filters of the report in words (empty when none is set)."""
    scope = report.scope
    lines = []
    if scope.kind:
        lines.append(f"{_('Kind of organisation')}: {Organisation.Kind(scope.kind).label}")
    if scope.state:
        lines.append(f"{_('Federal state')}: {FederalState(scope.state).label}")
    if scope.topic_field is not None:
        lines.append(f"{_('Topic field')}: {scope.topic_field.name}")
    return lines


def report_xlsx(report: Report, indicators: list[IndicatorProgress]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    with translation.override(LANGUAGE):
        workbook = Workbook()
        used: set[str] = set()
        sheet = workbook.active
        sheet.title = _sheet_title(_("Indicators"), used)
        _heading(sheet, report, _("Indicators"))
        sheet.append(
            [
                _("Indicator"),
                _("Figure"),
                _("Period"),
                _("Baseline"),
                _("Current value"),
                _("Target"),
                _("Share of target (%)"),
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for progress in indicators:
            sheet.append(
                [
                    _text(progress.indicator.name),
                    _text(progress.label),
                    f"{progress.start:%d.%m.%Y} – {progress.end:%d.%m.%Y}",
                    _number(progress.indicator.baseline),
                    _number(progress.value),
                    _number(progress.indicator.target),
                    _number(progress.percent_of_target),
                ]
            )
        if not indicators:
            sheet.append([_("No indicators for this period.")])
        _widths(sheet)
        for area in report.areas:
            sheet = workbook.create_sheet(_sheet_title(area.title, used))
            _heading(sheet, report, area.title)
            if area.note:
                sheet.append([area.note])
            sheet.append([_("Key figure"), _("Value"), _("Unit"), _("Explanation")])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for stat in area.stats:
                sheet.append(
                    [
                        _text(stat.label),
                        _number(stat.value),
                        "%" if stat.unit == PERCENT else (_("hours") if stat.unit == "h" else ""),
                        _text(stat.help),
                    ]
                )
            for figure in area.figures:
                _figure(sheet, figure, report, bold)
            _widths(sheet)
            for row in sheet.iter_rows():
                for cell in row:
                    cell.alignment = Alignment(vertical="top", wrap_text=False)
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def _heading(sheet: Any, report: Report, title: str) -> None:
    from openpyxl.styles import Font

    sheet.append([f"VAMOs – {title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"{_('Period')}: {report.scope.label}"])
    for line in filter_lines(report):
        sheet.append([line])
    sheet.append(
        [_("Created on %(date)s") % {"date": timezone.localtime().strftime("%d.%m.%Y %H:%M")}]
    )
    sheet.append([])


def _figure(sheet: Any, figure: Figure, report: Report, bold: Any) -> None:
    from openpyxl.styles import Font

    sheet.append([])
    sheet.append([_text(figure.title)])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
    sheet.append([_text(figure.definition)])
    if figure.note:
        sheet.append([_text(figure.note)])
    sheet.append([_("Label"), *[str(column) for column in figure.columns]])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    if not figure.rows:
        sheet.append([_("No data for this period.")])
    for row in figure.rows:
        values = []
        for value in row.values:
            if value is None and row.suppressed:
                values.append(_("hidden (fewer than %(k)s)") % {"k": report.k})
            else:
                values.append(_number(value))
        sheet.append([_text(row.label), *values])


def _widths(sheet: Any) -> None:
    for column in sheet.columns:
        lengths = [len(str(cell.value)) for cell in column[3:] if cell.value is not None]
        width = max(lengths, default=10)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 12), 60)


# --- PDF ------------------------------------------------------------------------------------


def report_html(report: Report, indicators: list[IndicatorProgress]) -> str:
    with translation.override(LANGUAGE):
        return render_to_string(
            "reports/pdf/report.html",
            {
                "report": report,
                "areas": report.areas,
                "indicators": indicators,
                "filters": filter_lines(report),
                "fonts": font_urls(),
                "generated_at": timezone.localtime(),
            },
        )


def report_pdf(report: Report, indicators: list[IndicatorProgress]) -> bytes:
    return html_to_pdf(report_html(report, indicators), tagged=True)


def organisation_html(context: dict[str, Any]) -> str:
    """The organisation report for print, in the reader's language."""
    return render_to_string("reports/pdf/organisation.html", {**context, "fonts": font_urls()})
