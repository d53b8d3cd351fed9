"""Who may open the reports: the dashboard, its exports, records, indicators and programme
years are for team admins only; an organisation's report for its admins and team admins."""

import datetime

from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect

TEAM_ONLY = expect(DENIED, anonymous=LOGIN, team_admin=OK)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
ORG_ADMINS = expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK)


def extend_world(world: World) -> None:
    from vamos.reports.models import Indicator, ProgrammeYear

    world.programme_year = ProgrammeYear.objects.create(
        label="2026", starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    world.spare_year = ProgrammeYear.objects.create(
        label="2030", starts_on=datetime.date(2030, 1, 1), ends_on=datetime.date(2030, 12, 31)
    )
    world.indicator = Indicator.objects.create(
        name="Organisationen mit Lernreise",
        metric="coaching.organisations",
        baseline=2,
        target=25,
        programme_year=world.programme_year,
    )


def _indicator_data(world: World) -> dict[str, str]:
    return {
        "name": "Teilnahmen",
        "metric": "events.attended",
        "baseline": "0",
        "target": "100",
        "period": "programme_year",
        "programme_year": str(world.programme_year.pk),
        "position": "0",
    }


def _year_data(world: World) -> dict[str, str]:
    return {"label": "2031", "starts_on": "2031-01-01", "ends_on": "2031-12-31"}


ROWS = [
    Row("reports:dashboard", get=TEAM_ONLY),
    Row("reports:export-xlsx", get=TEAM_ONLY),
    Row("reports:export-pdf", get=TEAM_ONLY),
    Row(
        "reports:records",
        get=expect(DENIED, anonymous=LOGIN),
        note="without a list name: 404 for everyone, team admins included",
    ),
    Row("reports:indicators", get=TEAM_ONLY),
    Row("reports:indicator-create", get=TEAM_ONLY, post=TEAM_ONLY, data=_indicator_data),
    Row(
        "reports:indicator-edit",
        lambda w: {"pk": w.indicator.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=_indicator_data,
    ),
    Row(
        "reports:indicator-delete",
        lambda w: {"pk": w.indicator.pk},
        get=POST_ONLY,
        post=TEAM_ONLY,
    ),
    Row("reports:programme-years", get=TEAM_ONLY),
    Row("reports:programme-year-create", get=TEAM_ONLY, post=TEAM_ONLY, data=_year_data),
    Row(
        "reports:programme-year-edit",
        lambda w: {"pk": w.spare_year.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=_year_data,
    ),
    Row(
        "reports:programme-year-delete",
        lambda w: {"pk": w.spare_year.pk},
        get=POST_ONLY,
        post=TEAM_ONLY,
    ),
    Row("reports:organisation", lambda w: {"slug": w.org_a.slug}, get=ORG_ADMINS),
    Row("reports:organisation-pdf", lambda w: {"slug": w.org_a.slug}, get=ORG_ADMINS),
    Row(
        "reports:organisation",
        lambda w: {"slug": w.org_b.slug},
        get=expect(DENIED, anonymous=LOGIN, team_admin=OK),
        note="an organisation's admins never see another organisation's report",
    ),
]
