"""The figures are kept in the cache under the data versions of what they read: a write
through a service shows at once, the dashboard, the XLSX and the indicators read the same
cached numbers, and what is cached is plain data in the language it was drawn in."""

import dataclasses
import io
import pickle
import re
from decimal import Decimal
from html import unescape
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from vamos.reports.figures import Report
from vamos.reports.models import Indicator

from .conftest import period, scope

pytestmark = pytest.mark.django_db


def _query() -> str:
    start, end = period()
    return f"zeitraum=zeitraum&von={start.isoformat()}&bis={end.isoformat()}"


def _text(response: Any) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def _xlsx_attended(client: Any) -> Any:
    workbook = load_workbook(
        io.BytesIO(client.get(f"{reverse('reports:export-xlsx')}?{_query()}").content)
    )
    for row in workbook["Veranstaltungen"].iter_rows(values_only=True):
        if row and row[0] == "Teilnahmen":
            return row[1]
    raise AssertionError("no participations in the XLSX")


def test_the_cached_dashboard_shows_a_new_figure_after_a_write(
    dataset: Any,
    team_admin: Any,
    org_admin: Any,
    client_for: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from vamos.events.models import Registration
    from vamos.events.services import registration_check_in

    start, end = period()
    Indicator.objects.create(
        name="Teilnahmen an Veranstaltungen",
        metric="events.attended",
        target=4,
        starts_on=start,
        ends_on=end,
    )
    client = client_for(team_admin)
    url = f"{reverse('reports:dashboard')}?{_query()}"
    client.get(url)  # computes and caches
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert not [q for q in warm.captured_queries if "events_registration" in q["sql"]]
    assert response.context["report"].events.stat("attended").value == 2
    assert "Teilnahmen 2" in _text(response)
    assert "50 % des Ziels" in _text(response)
    assert _xlsx_attended(client) == 2

    no_show = Registration.objects.get(event=dataset.events["e1"], user=org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        registration_check_in(
            registration=no_show, status=Registration.Status.ATTENDED, actor=team_admin
        )

    response = client.get(url)
    assert response.context["report"].events.stat("attended").value == 3
    assert "Teilnahmen 3" in _text(response)
    assert "75 % des Ziels" in _text(response)
    assert _xlsx_attended(client) == 3


def test_indicators_read_the_figures_of_their_own_scope_from_the_cache(dataset: Any) -> None:
    from vamos.reports.selectors import indicator_progress

    start, end = period()
    indicator = Indicator.objects.create(
        name="NRW",
        metric="events.attended",
        target=2,
        starts_on=start,
        ends_on=end,
        federal_state="NW",
    )
    assert Report(scope(state="NW")).events.stat("attended").value == 1
    with CaptureQueriesContext(connection) as queries:
        assert indicator_progress([indicator])[0].value == 1
    assert not [q for q in queries.captured_queries if "events_registration" in q["sql"]]


def _plain(value: Any) -> None:
    if dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            _plain(getattr(value, item.name))
    elif isinstance(value, list):
        for item in value:
            _plain(item)
    else:
        assert value is None or type(value) in {str, int, float, bool, Decimal}, repr(value)


def test_cached_areas_are_plain_data(dataset: Any) -> None:
    for area in Report(scope()).areas:
        _plain(area)
        assert pickle.loads(pickle.dumps(area)) == area  # noqa: S301 – as the cache stores it


def test_each_language_has_its_own_cached_figures(dataset: Any) -> None:
    with translation.override("de"):
        assert Report(scope()).reach.title == "Reichweite"
    with translation.override("en"):
        assert Report(scope()).reach.title == "Reach"
