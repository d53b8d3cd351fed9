"""The same form sent twice at the same moment (a double click that reaches two web workers):
one creates, the other is rolled back and leads to the same place.

PostgreSQL only (SQLite serialises all writers anyway); the threads need committed rows, so
this test commits its own and deletes exactly those again (as events' concurrency tests do).
"""

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, connections

from vamos.core.models import AuditEntry, FormSubmission
from vamos.core.services import audit_log, form_submit_once

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent transactions are tested on PostgreSQL"
)


@pytest.fixture
def committed(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        before = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (AuditEntry, FormSubmission)
        }
        try:
            yield
        finally:
            for model, last in before.items():
                model.objects.filter(pk__gt=last).delete()
            connections.close_all()


def test_two_sendings_at_the_same_moment_create_one_thing(committed: None) -> None:
    key = uuid.uuid4()
    both_inside = threading.Barrier(2, timeout=10)
    results: list[tuple[str, bool]] = []
    errors: list[BaseException] = []

    def send(n: int) -> None:
        def create() -> str:
            entry = audit_log(actor=None, action="test.double_click", data={"n": n})
            both_inside.wait()  # both requests have done their work, neither has committed
            return f"/thing/{entry.pk}/"

        try:
            results.append(form_submit_once(key=key, user=None, create=create))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors
    assert sorted(created for _url, created in results) == [False, True]
    assert results[0][0] == results[1][0]
    assert AuditEntry.objects.filter(action="test.double_click").count() == 1
