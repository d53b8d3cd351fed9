"""Needs and development: response rates, the needs ranking and the Verbands-Check change,
never for groups smaller than VAMOS_SURVEY_MIN_GROUP_SIZE (k = 5)."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from vamos.reports.figures import Report

from .conftest import period, scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def surveys(org_a: Any) -> list[Any]:
    from vamos.surveys.tests.scenario import (
        needs_rounds,
        other_organisations,
        self_assessment_rounds,
    )

    # States NW, BE, HH, SN, BY, HE; kinds Landesverband, Bundesverband, Mitgliedsverein …
    others = other_organisations(6)
    needs_rounds(organisation=org_a, others=others)
    self_assessment_rounds(answered_last=[org_a, *others[:5]], answered_now=others[:5])
    return others


def _rows(report: Report, key: str) -> dict[str, Any]:
    figure = next(f for f in report.needs.figures if f.key == key)
    return {row.label: row for row in figure.rows}


def test_response_rates_needs_ranking_and_change(surveys: Any) -> None:
    report = Report(scope())
    # This year's rounds only: last year's closed before the period. Seven active
    # organisations were asked (Landesverband A and the six others).
    assert report.needs.stat("needs_rate").value == Decimal("85.7")  # 6 of 7
    assert report.needs.stat("self_assessment_rate").value == Decimal("71.4")  # 5 of 7
    rates = _rows(report, "needs.response_rates")
    assert rates["Bedarfserhebung 2026"].values == [7, 6, Decimal("85.7")]
    ranking = _rows(report, "needs.ranking")
    assert next(iter(ranking)) == "Finanzierung"  # rated 5 and ranked first by everyone
    assert ranking["Finanzierung"].values == [Decimal("100.0"), 6]
    change = _rows(report, "needs.self_assessment")
    # Five organisations answered both rounds: 3 before, 4 after in every topic field.
    assert change["Strategie"].values == [Decimal("3.00"), Decimal("4.00"), Decimal("1.00"), 5]
    assert not change["Strategie"].suppressed


def test_groups_below_k_are_suppressed_everywhere(
    surveys: Any, team_admin: Any, client_for: Any
) -> None:
    report = Report(scope(state="NW"))  # one organisation answered in NRW
    ranking = _rows(report, "needs.ranking")
    assert all(row.suppressed and row.values[0] is None for row in ranking.values())
    change = _rows(report, "needs.self_assessment")
    assert all(row.suppressed and row.values[:3] == [None] * 3 for row in change.values())
    start, end = period()
    query = f"zeitraum=zeitraum&von={start.isoformat()}&bis={end.isoformat()}&land=NW"
    client = client_for(team_admin)
    html = client.get(f"{reverse('reports:dashboard')}?{query}").content.decode()
    assert "verborgen: weniger als 5" in html
    assert "Gruppen mit weniger als 5 Organisationen werden nicht gezeigt." in html
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(
        BytesIO(client.get(f"{reverse('reports:export-xlsx')}?{query}").content)
    )
    values = [
        cell
        for row in workbook["Bedarfe und Entwicklung"].iter_rows(values_only=True)
        for cell in row
    ]
    assert "verborgen (weniger als 5)" in values


def test_k_follows_the_setting(surveys: Any, settings: Any) -> None:
    settings.VAMOS_SURVEY_MIN_GROUP_SIZE = 7
    change = _rows(Report(scope()), "needs.self_assessment")
    assert change["Strategie"].suppressed  # five organisations are now too few
