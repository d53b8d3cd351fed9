"""The team's pages: period and filters, bad input, records, indicators, programme years,
query counts; and the organisation report."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from vamos.core.models import AuditEntry
from vamos.reports.models import Indicator, ProgrammeYear

from .conftest import period

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reports:dashboard")


def _range() -> str:
    start, end = period()
    return f"zeitraum=zeitraum&von={start.isoformat()}&bis={end.isoformat()}"


def test_dashboard_defaults_to_the_current_programme_year(team_admin: Any, client_for: Any) -> None:
    today = timezone.localdate()
    ProgrammeYear.objects.create(
        label="Laufendes Jahr",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=300),
    )
    response = client_for(team_admin).get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["report"].scope.label == "Programmjahr Laufendes Jahr"


def test_without_programme_years_the_calendar_year_is_shown(
    team_admin: Any, client_for: Any
) -> None:
    response = client_for(team_admin).get(DASHBOARD)
    scope = response.context["report"].scope
    assert scope.start == datetime.date(timezone.localdate().year, 1, 1)
    assert "Programmjahr anlegen" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("zeitraum=zeitraum&von=2026-05-01&bis=2026-01-31", "bis", "nicht vor dem ersten Tag"),
        ("zeitraum=zeitraum&von=2026-05-01", "bis", "letzten Tag des Zeitraums"),
        ("zeitraum=zeitraum&von=kein-datum&bis=2026-01-31", "von", "gültiges Datum"),
        ("zeitraum=zeitraum&von=2000-01-01&bis=2026-01-31", "bis", "höchstens zehn Jahren"),
        ("zeitraum=kalenderjahr&jahr=zwanzig", "jahr", "ganze Zahl"),
        ("zeitraum=kalenderjahr", "jahr", "zum Beispiel"),
        ("zeitraum=programmjahr&programmjahr=999", "programmjahr", "gültige Auswahl"),
        ("zeitraum=programmjahr", "programmjahr", "Programmjahr"),
        ("zeitraum=irgendwann", "zeitraum", "gültige Auswahl"),
        ("zeitraum=kalenderjahr&jahr=2026&land=XX", "land", "gültige Auswahl"),
    ],
)
def test_bad_period_is_explained_next_to_the_field_and_kept(
    team_admin: Any, client_for: Any, query: str, field: str, message: str
) -> None:
    response = client_for(team_admin).get(f"{DASHBOARD}?{query}")
    assert response.status_code == 200
    assert response.context["report"] is None
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert "data-error-summary" in html
    assert f'href="#id_{field}"' in html
    assert f'id="id_{field}-error"' in html or f"id_{field}" in html
    for part in query.split("&"):
        name, _sep, value = part.partition("=")
        if name in {"von", "bis", "jahr"}:
            assert f'value="{value}"' in html  # what was typed stays in the form


def test_filters_narrow_the_figures_and_are_named(
    dataset: Any, team_admin: Any, client_for: Any
) -> None:
    response = client_for(team_admin).get(f"{DASHBOARD}?{_range()}&land=NW&art=landesverband")
    report = response.context["report"]
    assert report.scope.state == "NW"
    assert report.area("reach").stat("registered").value == 1  # A only (C is a club)
    assert "Filter: Art der Organisation: Landesverband; Bundesland: Nordrhein-Westfalen" in (
        " ".join(response.content.decode().split())
    )
    # Links to the records and the exports keep the period and the filters.
    assert "land=NW" in response.context["report"].records("organisations")
    assert f"{reverse('reports:export-pdf')}?zeitraum=zeitraum" in response.content.decode()


def test_records_behind_a_figure(dataset: Any, team_admin: Any, client_for: Any) -> None:
    client = client_for(team_admin)
    response = client.get(
        f"{reverse('reports:records')}?{_range()}&liste=organisations&gruppe=state:NW"
    )
    names = [organisation.name for organisation in response.context["page_obj"]]
    assert names == ["Club C", "Landesverband A"]
    assert "Nordrhein-Westfalen" in response.content.decode()
    events = client.get(f"{reverse('reports:records')}?{_range()}&liste=events&gruppe=kind:webinar")
    assert [event.title for event in events.context["page_obj"]] == ["Webinar Strategie"]
    journeys = client.get(f"{reverse('reports:records')}?{_range()}&liste=journeys")
    assert journeys.context["page_obj"].paginator.count == 2
    practices = client.get(f"{reverse('reports:records')}?{_range()}&liste=best-practices")
    assert practices.context["page_obj"].paginator.count == 2
    assert client.get(f"{reverse('reports:records')}?liste=people").status_code == 404


def _grow(dataset: Any, times: int) -> None:
    """More of everything: organisations with people, events with registrations, journeys
    with activities, learning progress, best practices."""
    from vamos.community.tests.factories import BestPracticeFactory
    from vamos.events.tests.factories import EventFactory, RegistrationFactory
    from vamos.journeys.tests.factories import ActivityFactory, GoalFactory, JourneyFactory
    from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

    for index in range(times):
        organisation = OrganisationFactory(federal_state=["NW", "BY", "SN"][index % 3])
        person = MembershipFactory(organisation=organisation).user
        event = EventFactory(start=dataset.events["e1"].start, end=dataset.events["e1"].end)
        RegistrationFactory(event=event, user=person, organisation=organisation, status="attended")
        journey = JourneyFactory(organisation=organisation)
        ActivityFactory(journey=journey)
        GoalFactory(journey=journey)
        BestPracticeFactory(organisation=organisation, published=True)


def test_dashboard_query_count_does_not_grow_with_the_data(
    dataset: Any, team_admin: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    from vamos.core.models import TopicField

    for topic_field in (None, TopicField.objects.get(slug="finanzierung")):
        Indicator.objects.create(
            name="Teilnahmen",
            metric="events.attended",
            target=10,
            starts_on=period()[0],
            ends_on=period()[1],
            topic_field=topic_field,
        )
    client = client_for(team_admin)
    url = f"{DASHBOARD}?{_range()}"
    client.get(url)  # warm Django's caches (content types, topic fields of the session)
    cache.clear()  # computed (cold) …
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as warm:  # … and from the cache (warm)
        assert client.get(url).status_code == 200
    assert len(warm.captured_queries) < len(cold.captured_queries) / 5
    _grow(dataset, 12)
    cache.clear()
    with django_assert_max_num_queries(len(cold.captured_queries)):
        response = client.get(url)
    assert response.context["report"].area("events").stat("attended").value == 14
    with django_assert_max_num_queries(len(warm.captured_queries)):
        response = client.get(url)
    assert response.context["report"].area("events").stat("attended").value == 14


def test_team_admin_defines_an_indicator_and_sees_its_progress(
    dataset: Any, team_admin: Any, client_for: Any
) -> None:
    client = client_for(team_admin)
    start, end = period()
    bad = client.post(
        reverse("reports:indicator-create"),
        {
            "name": "Teilnahmen",
            "metric": "events.attended",
            "baseline": "-1",
            "target": "",
            "period": "custom",
            "starts_on": end.isoformat(),
            "ends_on": start.isoformat(),
        },
    )
    assert bad.status_code == 200
    errors = bad.context["form"].errors
    assert set(errors) >= {"baseline", "target", "ends_on"}
    assert 'value="Teilnahmen"' in bad.content.decode()
    assert not Indicator.objects.exists()
    missing = client.post(
        reverse("reports:indicator-create"),
        {"name": "X", "metric": "gibt.es.nicht", "target": "5", "period": "programme_year"},
    )
    assert set(missing.context["form"].errors) == {"metric", "programme_year"}
    good = client.post(
        reverse("reports:indicator-create"),
        {
            "name": "Teilnahmen",
            "metric": "events.attended",
            "baseline": "1",
            "target": "4",
            "period": "custom",
            "starts_on": start.isoformat(),
            "ends_on": end.isoformat(),
            "position": "1",
        },
    )
    assert good.status_code == 302
    indicator = Indicator.objects.get()
    assert indicator.created_by == team_admin
    assert AuditEntry.objects.filter(action="reports.indicator_create").exists()
    listing = client.get(reverse("reports:indicators"))
    progress = listing.context["progress"][0]
    assert progress.value == 2
    assert progress.percent_of_target == Decimal("50")
    assert "50 % des Ziels" in listing.content.decode()
    client.post(reverse("reports:indicator-delete", args=[indicator.pk]))
    assert not Indicator.objects.exists()


def test_indicator_with_filters_counts_its_own_scope(dataset: Any) -> None:
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
    assert indicator_progress([indicator])[0].value == 1


def test_programme_years_must_not_overlap(team_admin: Any, client_for: Any) -> None:
    client = client_for(team_admin)
    created = client.post(
        reverse("reports:programme-year-create"),
        {"label": "2026", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
    )
    assert created.status_code == 302
    overlapping = client.post(
        reverse("reports:programme-year-create"),
        {"label": "2026/27", "starts_on": "2026-07-01", "ends_on": "2027-06-30"},
    )
    assert overlapping.status_code == 200
    assert "überschneidet sich mit dem Programmjahr 2026" in overlapping.content.decode()
    backwards = client.post(
        reverse("reports:programme-year-create"),
        {"label": "2028", "starts_on": "2028-12-31", "ends_on": "2028-01-01"},
    )
    assert "ends_on" in backwards.context["form"].errors
    assert ProgrammeYear.objects.count() == 1


def test_a_programme_year_with_indicators_is_kept(team_admin: Any, client_for: Any) -> None:
    year = ProgrammeYear.objects.create(
        label="2026", starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    Indicator.objects.create(name="X", metric="reach.registered", target=5, programme_year=year)
    response = client_for(team_admin).post(
        reverse("reports:programme-year-delete", args=[year.pk]), follow=True
    )
    assert ProgrammeYear.objects.filter(pk=year.pk).exists()
    assert "Indikatoren beziehen sich auf dieses Programmjahr" in response.content.decode()


def test_mein_vamos_links_to_the_reports(
    team_admin: Any, org_admin: Any, member: Any, client_for: Any
) -> None:
    index = reverse("dashboard:index")
    assert reverse("reports:dashboard") in client_for(team_admin).get(index).content.decode()
    admin_page = client_for(org_admin).get(index).content.decode()
    assert reverse("reports:organisation", args=["landesverband-a"]) in admin_page
    member_page = client_for(member).get(index).content.decode()
    assert "/berichte/" not in member_page


def test_organisation_report_for_its_admin(dataset: Any, org_admin: Any, client_for: Any) -> None:
    client = client_for(org_admin)
    response = client.get(reverse("reports:organisation", args=[dataset.a.slug]))
    assert response.status_code == 200
    report = response.context["report"]
    stats = {stat.key: stat.value for stat in report.stats}
    assert stats["members"] == 2
    assert stats["completions"] == 1  # the member's "Fördermittel"
    assert stats["attended"] == 2  # the member at the event and at the old webinar
    assert stats["published"] == 2
    assert stats["clubs"] == 2  # C and the listed L
    assert report.journeys[0].pk == dataset.journey.pk
    hours = {row.label: row.values for row in report.journey_hours.rows}
    assert hours["Coaching"] == [2, Decimal("6.00")]  # the whole journey, earlier sessions too
    pdf = client.get(reverse("reports:organisation-pdf", args=[dataset.a.slug]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(
        action="reports.organisation_report", actor=org_admin, object_id=str(dataset.a.pk)
    ).exists()
    assert client.get(reverse("reports:organisation", args=[dataset.b.slug])).status_code == 404


def test_self_assessment_over_the_years_in_the_organisation_report(
    org_a: Any, org_admin: Any, client_for: Any
) -> None:
    from vamos.surveys.tests.scenario import other_organisations, self_assessment_rounds

    others = other_organisations(5)
    self_assessment_rounds(answered_last=[org_a, *others], answered_now=[org_a, *others])
    response = client_for(org_admin).get(reverse("reports:organisation", args=[org_a.slug]))
    figure = response.context["report"].self_assessment
    assert figure.columns[:2] == ["2025", "2026"]
    strategy = next(row for row in figure.rows if row.label == "Strategie")
    # Own ratings 3 then 4; the average of all six organisations in 2026 is 4 as well.
    assert strategy.values == [Decimal("3.00"), Decimal("4.00"), Decimal("4.00")]
