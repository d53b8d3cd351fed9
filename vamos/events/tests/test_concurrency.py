"""Capacity under concurrency: many people try to take the last seats at the same moment.

Runs on PostgreSQL, where ``SELECT … FOR UPDATE`` on the event row serialises the seat count
(SQLite serialises all writers anyway, and its in-memory test database cannot be shared by
threads reliably).

The threads need committed data, but a transactional test would flush the whole test
database afterwards (and with it the data migrations other tests rely on). So these tests
commit their own rows and delete exactly those rows again.
"""

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, connections

from vamos.accounts.models import User
from vamos.accounts.tests.factories import UserFactory
from vamos.core.models import AuditEntry, OutgoingEmail
from vamos.events import services
from vamos.events.models import Event, Registration, WorkshopChoice
from vamos.organisations.models import Organisation
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import EventFactory, SessionFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
)

_CLEANED = [AuditEntry, OutgoingEmail, Event, User, Organisation]


@pytest.fixture
def committed(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Database access in autocommit mode; every row created meanwhile is removed after."""
    with django_db_blocker.unblock():
        # A transactional test before may have flushed the content types this process cached.
        ContentType.objects.clear_cache()
        before = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in _CLEANED
        }
        try:
            yield
        finally:
            for model in _CLEANED:  # events and people cascade to registrations etc.
                model.objects.filter(pk__gt=before[model]).delete()
            connections.close_all()


@pytest.fixture
def org_a(committed: None) -> Organisation:
    return OrganisationFactory(name="Parallelverband", slug="parallelverband")


@pytest.fixture
def make_user(committed: None) -> Any:
    return UserFactory


ATTEMPTS = 24


def _in_parallel(work: Any, count: int) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # record it; the assertions below judge
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _people(make_user: Any, organisation: Any, count: int) -> list[Any]:
    people = []
    for number in range(count):
        user = make_user(email=f"parallel{number}@example.org")
        MembershipFactory(user=user, organisation=organisation)
        people.append(user)
    return people


def test_parallel_registrations_never_exceed_capacity(make_user: Any, org_a: Any) -> None:
    event = EventFactory(capacity=5)
    people = _people(make_user, org_a, ATTEMPTS)
    results = _in_parallel(
        lambda i: services.registration_create(event=event, user=people[i], organisation=org_a),
        ATTEMPTS,
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 5
    assert statuses.count(Registration.Status.WAITLISTED) == ATTEMPTS - 5


def test_parallel_workshop_choices_never_exceed_workshop_capacity(
    make_user: Any, org_a: Any
) -> None:
    event = EventFactory(capacity=None)
    workshop = SessionFactory(event=event, capacity=3)
    people = _people(make_user, org_a, 12)
    results = _in_parallel(
        lambda i: services.registration_create(
            event=event, user=people[i], organisation=org_a, workshops=[workshop]
        ),
        12,
    )
    refused = [result for result in results if isinstance(result, ValidationError)]
    others = [r for r in results if isinstance(r, Exception) and not isinstance(r, ValidationError)]
    assert not others, others
    assert WorkshopChoice.objects.filter(session=workshop).count() == 3
    assert len(refused) == 9
    assert Registration.objects.filter(event=event).count() == 3  # nothing half-saved


def test_parallel_cancellations_promote_each_waiting_person_once(
    make_user: Any, org_a: Any
) -> None:
    event = EventFactory(capacity=4)
    people = _people(make_user, org_a, 10)
    registrations = [
        services.registration_create(event=event, user=person, organisation=org_a)
        for person in people
    ]
    seated = registrations[:4]
    results = _in_parallel(
        lambda i: services.registration_cancel(registration=seated[i], actor=people[i]), 4
    )
    assert not [r for r in results if isinstance(r, Exception)]
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    assert sorted(confirmed.values_list("user_id", flat=True)) == sorted(
        person.pk for person in people[4:8]
    )
