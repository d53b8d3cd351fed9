"""While the database does not answer, pages fail at once with a friendly 503 page.

The real outage (PostgreSQL stopped under load) is ``make fault-test``; here the database
server is replaced by one that refuses connections."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from vamos.core.middleware import DatabaseUnavailableMiddleware


@pytest.fixture
def database_down(db: Any) -> Iterator[None]:
    def refused() -> None:
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    # Undone before the test database rolls back (which needs the real connection).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "ensure_connection", refused)
        yield


def test_every_page_answers_503_in_german_while_the_database_is_down(
    client: Any, database_down: None
) -> None:
    for path in ["/", "/veranstaltungen/", "/mein-bereich/", "/verwaltung/"]:
        response = client.get(path)
        assert response.status_code == 503, path
        assert "Gleich wieder da" in response.content.decode()
        assert response["Retry-After"] == "5"
        assert response["Cache-Control"] == "no-store"


def test_the_page_speaks_english_on_english_addresses(client: Any, database_down: None) -> None:
    response = client.get("/en/veranstaltungen/")
    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()
    assert '<html lang="en"' in response.content.decode()


def test_a_database_failing_in_the_middle_of_a_view_gets_the_same_page() -> None:
    middleware = DatabaseUnavailableMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    request = RequestFactory().get("/en/lernen/")
    response = middleware.process_exception(
        request, OperationalError("server closed the connection")
    )
    assert response is not None and response.status_code == 503
    assert middleware.process_exception(request, ValueError("a bug")) is None


@pytest.mark.django_db
def test_pages_are_served_normally_when_the_database_answers(client: Any) -> None:
    assert client.get("/veranstaltungen/").status_code == 200


@pytest.mark.django_db
def test_a_database_failing_in_a_middleware_further_in_gets_the_same_page() -> None:
    from django.core.handlers.exception import convert_exception_to_response

    def session_middleware(request: Any) -> Any:
        raise OperationalError("server closed the connection unexpectedly")

    def buggy_middleware(request: Any) -> Any:
        raise ValueError("a bug")

    request = RequestFactory().get("/mein-bereich/")
    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(session_middleware))
    assert middleware(request).status_code == 503
    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(buggy_middleware))
    assert middleware(RequestFactory().get("/mein-bereich/")).status_code == 500
