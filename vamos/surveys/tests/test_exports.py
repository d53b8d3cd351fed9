"""Exports: one row per response, labelled columns, logged."""

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vamos.core.models import AuditEntry
from vamos.surveys.exports import wave_export_table
from vamos.surveys.tests.factories import TOPIC_SLUGS
from vamos.surveys.tests.scenario import submit_directly

pytestmark = pytest.mark.django_db


def test_the_export_has_a_labelled_column_per_answer(wave: Any, org_a: Any, org_admin: Any) -> None:
    submit_directly(
        wave=wave,
        organisation=org_a,
        person=org_admin,
        values={
            "bedarf-strategie": 4,
            "hat-personal": "ja",
            "personal-anzahl": "3.5",
            "ranking": list(reversed(TOPIC_SLUGS)),
            "formate": ["coaching"],
            "wuensche": "Mehr Austausch",
        },
    )
    header, rows = wave_export_table(wave)
    assert header[:6] == [
        "Antwortbogen",
        "Organisation",
        "Art der Organisation",
        "Bundesland",
        "Eingereicht",
        "Eingereicht von",
    ]
    row = dict(zip(header, rows[0], strict=True))
    assert row["Organisation"] == org_a.name
    assert row["Bundesland"] == "Nordrhein-Westfalen"
    assert row["Eingereicht von"] == org_admin.display_name
    by_key = {title.split(":")[0]: value for title, value in row.items()}
    assert by_key["bedarf-strategie"] == 4
    assert by_key["hat-personal"] == "Ja"
    assert by_key["personal-anzahl"] == 3.5
    assert by_key["wuensche"] == "Mehr Austausch"
    formats = {t: v for t, v in row.items() if t.startswith("formate")}
    assert list(formats.values()) == [0, 0, 1]
    places = [v for t, v in row.items() if t.startswith("ranking")]
    assert places == [7, 6, 5, 4, 3, 2, 1]


def test_the_team_downloads_csv_and_xlsx_and_it_is_logged(
    wave: Any, org_a: Any, team_admin: Any, client_for: Any
) -> None:
    submit_directly(wave=wave, organisation=org_a, values={"bedarf-strategie": 2})
    client = client_for(team_admin)
    response = client.get(reverse("surveys:wave-export", kwargs={"pk": wave.pk, "fmt": "csv"}))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][1] == org_a.name
    response = client.get(reverse("surveys:wave-export", kwargs={"pk": wave.pk, "fmt": "xlsx"}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=2).value == org_a.name
    assert AuditEntry.objects.filter(action="survey.export", actor=team_admin).count() == 2
    missing = reverse("surveys:wave-export", kwargs={"pk": wave.pk, "fmt": "pdf"})
    assert client.get(missing).status_code == 404
