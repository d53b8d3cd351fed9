"""The floor view and the query counter exist only under the bench settings."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse

from vamos.bench.middleware import HEADER, QueryCountMiddleware
from vamos.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

BENCH = {
    "VAMOS_BENCH": True,
    "ROOT_URLCONF": "vamos.bench.urls",
    "MIDDLEWARE": ["vamos.bench.middleware.QueryCountMiddleware", *settings.MIDDLEWARE],
}


def test_the_floor_does_not_exist_without_the_bench_settings(client: Client) -> None:
    with pytest.raises(NoReverseMatch):
        reverse("bench-floor")
    assert client.get("/bench/floor/").status_code == 404


def test_the_counter_is_not_used_without_the_bench_setting() -> None:
    from django.core.exceptions import MiddlewareNotUsed

    with pytest.raises(MiddlewareNotUsed):
        QueryCountMiddleware(lambda request: None)  # type: ignore[arg-type, return-value]


@override_settings(**BENCH)
def test_the_floor_runs_one_query_and_renders_fifty_rows(
    client: Client, django_assert_num_queries: object
) -> None:
    OrganisationFactory.create_batch(60)
    with django_assert_num_queries(1):  # type: ignore[operator]
        response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert response.content.count(b"<tr>") == 51  # header + 50 rows
    assert response[HEADER] == "1"


@override_settings(**BENCH)
def test_the_counter_reports_every_query_of_a_request(client: Client, member: object) -> None:
    client.force_login(member)  # type: ignore[arg-type]
    response = client.get("/lernen/mein-lernen/")
    assert response.status_code == 200
    # Session, user and the page's own reads: more than the floor's single query.
    assert int(response[HEADER]) > 3
