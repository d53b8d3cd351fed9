"""The funder report: the XLSX and the PDF carry exactly the dashboard's figures."""

import io
import re
from html import unescape
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from vamos.core.models import AuditEntry
from vamos.reports.figures import Report
from vamos.reports.models import Indicator
from vamos.reports.numbers import format_number

from .conftest import period, scope

pytestmark = pytest.mark.django_db


def _query() -> str:
    start, end = period()
    return f"zeitraum=zeitraum&von={start.isoformat()}&bis={end.isoformat()}"


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _norm(text: str) -> str:
    return " ".join(text.split())


def _sheet_values(sheet: Any) -> dict[str, list[Any]]:
    """First-column label → the rest of the row (later rows with the same label win)."""
    table: dict[str, list[Any]] = {}
    for row in sheet.iter_rows(values_only=True):
        if row and row[0] is not None:
            table.setdefault(str(row[0]), list(row[1:]))
    return table


def _figure_rows(sheet: Any, title: str) -> dict[str, list[Any]]:
    """The rows of the figure titled ``title`` in a sheet: label → values."""
    found: dict[str, list[Any]] = {}
    state = "search"
    for row in sheet.iter_rows(values_only=True):
        first = row[0] if row else None
        if state == "search" and first == title:
            state = "header"
        elif state == "header" and first == "Bezeichnung":
            state = "rows"
        elif state == "rows":
            if first is None:
                break
            found[str(first)] = list(row[1:])
    return found


@pytest.fixture
def downloads(dataset: Any, team_admin: Any, client_for: Any) -> dict[str, Any]:
    Indicator.objects.create(
        name="Teilnahmen an Veranstaltungen",
        metric="events.attended",
        baseline=1,
        target=4,
        starts_on=period()[0],
        ends_on=period()[1],
    )
    client = client_for(team_admin)
    dashboard = client.get(f"{reverse('reports:dashboard')}?{_query()}")
    xlsx = client.get(f"{reverse('reports:export-xlsx')}?{_query()}")
    pdf = client.get(f"{reverse('reports:export-pdf')}?{_query()}")
    assert dashboard.status_code == xlsx.status_code == pdf.status_code == 200
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    return {
        "dashboard": _text(dashboard.content.decode()),
        "workbook": load_workbook(io.BytesIO(xlsx.content)),
        "pdf": " ".join(" ".join(page.extract_text().split()) for page in pages),
        "xlsx_response": xlsx,
        "pdf_response": pdf,
    }


def test_dashboard_xlsx_and_pdf_show_the_same_figures(downloads: Any) -> None:
    report = Report(scope())
    workbook = downloads["workbook"]
    assert workbook.sheetnames[0] == "Indikatoren"
    assert workbook.sheetnames[1:] == [
        "Reichweite",
        "Lernen",
        "Veranstaltungen",
        "Lernbegleitung (Coaching)",
        "Bedarfe und Entwicklung",
        "Peer-Austausch",
    ]
    checked = 0
    for area, sheet_name in zip(report.areas, workbook.sheetnames[1:], strict=True):
        sheet = _sheet_values(workbook[sheet_name])
        for stat in area.stats:
            shown = _norm(format_number(stat.value, stat.unit))
            assert f"{stat.label} {shown}" in downloads["dashboard"], stat.label
            assert f"{stat.label}" in downloads["pdf"] and shown in downloads["pdf"]
            value = sheet[stat.label][0]
            assert (value is None and stat.value is None) or float(value) == float(stat.value)
            checked += 1
        for figure in area.figures:
            for row in figure.rows:
                cells = [
                    "*"
                    if value is None and row.suppressed
                    else format_number(value, "%" if figure.unit(index) == "%" else "")
                    for index, value in enumerate(row.values)
                ]
                line = _norm(" ".join([row.label, *cells]))
                assert line in downloads["dashboard"], line
                assert line in downloads["pdf"], line
                xlsx_row = _figure_rows(workbook[sheet_name], figure.title)[row.label]
                xlsx_row = xlsx_row[: len(row.values)]
                assert [v if v is None or isinstance(v, str) else float(v) for v in xlsx_row] == [
                    ("verborgen (weniger als 5)" if row.suppressed else None)
                    if v is None
                    else float(v)
                    for v in row.values
                ], row.label
                checked += 1
    assert checked > 80


def test_indicator_table_comes_first_with_the_same_values(downloads: Any) -> None:
    sheet = downloads["workbook"]["Indikatoren"]
    rows = _sheet_values(sheet)
    assert rows["Teilnahmen an Veranstaltungen"][2:] == [1, 2, 4, 50]
    assert "Teilnahmen an Veranstaltungen" in downloads["dashboard"]
    assert "50 % des Ziels" in downloads["dashboard"]
    assert "50 % des Ziels" in downloads["pdf"]


def test_exports_are_german_files_and_audited(downloads: Any, team_admin: Any) -> None:
    xlsx, pdf = downloads["xlsx_response"], downloads["pdf_response"]
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="vamos-bericht-' in xlsx["Content-Disposition"]
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "Wirkungsbericht" in downloads["pdf"]
    entries = AuditEntry.objects.filter(action="reports.export", actor=team_admin)
    assert sorted(entry.data["format"] for entry in entries) == ["pdf", "xlsx"]


def test_export_of_an_invalid_period_goes_back_to_the_form(
    team_admin: Any, client_for: Any
) -> None:
    response = client_for(team_admin).get(
        f"{reverse('reports:export-xlsx')}?zeitraum=zeitraum&von=2026-05-01&bis=2026-01-01"
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reports:dashboard"))
    assert not AuditEntry.objects.filter(action="reports.export").exists()
