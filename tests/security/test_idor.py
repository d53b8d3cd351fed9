"""IDOR: every id or slug of organisation A in a URL or a form, swapped for organisation B's,
must not reach B's record. Derived from the authorisation matrix: each row's URL and form
data are rebuilt with one of A's records replaced by its twin in B (``TWINS``), and requested
as A's ordinary people (member and admin) wherever the original row lets them in.

- A swapped URL answers 404 – not 403, not a redirect – so nobody learns that B's record
  exists, unless the matrix itself declares the very same URL open to them.
- A swapped form value never creates or attaches anything to organisation B.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.test_authorisation_matrix import _outcome, _rows
from vamos.core.tests.matrix import DENIED, OK, Row, World

pytestmark = pytest.mark.django_db

# A's record in the shared world → B's record of the same kind (see conftest.py).
TWINS = {
    "org_a": "org_b",
    "member_membership": "b_membership",
    "invitation": "b_invitation",
    "listed_club": "b_listed_club",
    "journey_a": "journey_b",
    "journey_a_old": "journey_b",
    "goal_a": "goal_b",
    "activity_a": "activity_b",
    "note_a": "note_b",
    "review_a": "review_b",
    "follow_up_a": "follow_up_b",
    "recommendation_a": "recommendation_b",
    "webinar_a": "webinar_b",
    "survey_draft": "survey_draft_b",
    "survey_submitted": "survey_submitted_b",
    "bp_draft": "bp_draft_b",
    "bp_submitted": "bp_submitted_b",
    "resource_draft": "resource_draft_b",
    "comment": "comment_b",
    "contact_request": "contact_request_b",
    "learning_certificate": "certificate_b",
    "registration": "registration_b",
    "event_coached": "event_invited_b",
}
# A's ordinary people: the "ordinary users" (staff see across organisations by role).
ORDINARY = ("member", "org_admin")


class Recorder:
    """The world, noting which attributes a row reads, with some of them swapped."""

    def __init__(self, world: World, swap: dict[str, str] | None = None) -> None:
        self._world = world
        self._swap = swap or {}
        self.read: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.read.append(name)
        return getattr(self._world, self._swap.get(name, name))


def _read_by(build: Any, world: World) -> list[str]:
    recorder = Recorder(world)
    build(recorder)
    return list(dict.fromkeys(recorder.read))


def _declared(rows: list[Row], name: str, kwargs: dict, world: World, method: str) -> Any:
    """The matrix's own outcome for this exact URL, if it declares one."""
    for row in rows:
        if row.name == name and row.kwargs(world) == kwargs:
            outcome = getattr(row, method)
            if outcome is not None:
                return outcome
    return None


def _organisation_fks() -> list[tuple[type[models.Model], str]]:
    from vamos.organisations.models import Organisation

    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey | models.OneToOneField)
        and field.related_model is Organisation
        and not field.auto_created
    ]


def _attached_to(organisation: Any, fks: list[tuple[type[models.Model], str]]) -> int:
    return sum(model._default_manager.filter(**{fk: organisation}).count() for model, fk in fks)


def _swaps(rows: list[Row], world: World) -> Iterator[tuple[str, Row, str, str]]:
    for row in rows:
        for part in ("kwargs", "data"):
            for name in _read_by(getattr(row, part), world):
                if name in TWINS:
                    yield part, row, name, TWINS[name]


def _clients(world: World) -> dict[str, Client]:
    clients = {}
    for persona in ORDINARY:
        clients[persona] = Client()
        clients[persona].force_login(getattr(world, persona))
    return clients


def test_every_twin_exists_and_belongs_to_organisation_b(security_world: World) -> None:
    for a_name, b_name in TWINS.items():
        assert getattr(security_world, a_name) != getattr(security_world, b_name), a_name


def test_swapped_ids_in_urls_answer_404(security_world: World) -> None:
    world = security_world
    rows = _rows()
    clients = _clients(world)
    problems: list[str] = []
    checked = 0
    with translation.override(settings.LANGUAGE_CODE):
        for part, row, a_name, b_name in _swaps(rows, world):
            if part != "kwargs":
                continue
            if (row.get or row.post or {}).get("anonymous") == OK:
                continue  # a public URL (e.g. a certificate check by its code) hides nothing
            original = row.kwargs(world)
            swapped = row.kwargs(Recorder(world, {a_name: b_name}))
            if swapped == original:
                continue
            try:
                url = reverse(row.name, kwargs=swapped)
            except NoReverseMatch:
                continue  # e.g. a token-only URL: nothing to swap into
            for method in ("get", "post"):
                declared = getattr(row, method)
                if declared is None:
                    continue
                expected = _declared(rows, row.name, swapped, world, method) or {}
                data = row.data(Recorder(world, {a_name: b_name})) if method == "post" else {}
                for persona in ORDINARY:
                    if declared[persona] != OK:
                        continue
                    want = expected.get(persona, DENIED)
                    with transaction.atomic():
                        client = clients[persona]
                        response = getattr(client, method)(url, data)
                        transaction.set_rollback(True)
                    checked += 1
                    got = _outcome(response, persona)
                    if want == DENIED and response.status_code != 404:
                        problems.append(
                            f"{method.upper()} {url} ({row.name}, {a_name}→{b_name}) as "
                            f"{persona}: {response.status_code}, expected 404"
                        )
                    elif want != DENIED and got != want:
                        problems.append(f"{method.upper()} {url} as {persona}: {got} ≠ {want}")
    assert checked > 80
    assert not problems, "\n".join(problems)


def test_swapped_ids_in_forms_attach_nothing_to_organisation_b(security_world: World) -> None:
    world = security_world
    fks = _organisation_fks()
    clients = _clients(world)
    problems: list[str] = []
    checked = 0
    with translation.override(settings.LANGUAGE_CODE):
        for part, row, a_name, b_name in _swaps(_rows(), world):
            if part != "data" or row.post is None:
                continue
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            data = row.data(Recorder(world, {a_name: b_name}))
            for persona in ORDINARY:
                if row.post[persona] != OK:
                    continue
                with transaction.atomic():
                    before = _attached_to(world.org_b, fks)
                    response = clients[persona].post(url, data)
                    after = _attached_to(world.org_b, fks)
                    transaction.set_rollback(True)
                checked += 1
                if after != before or response.status_code >= 500:
                    problems.append(
                        f"POST {url} ({row.name}) with {a_name}→{b_name} as {persona}: "
                        f"{response.status_code}, records of B {before}→{after}"
                    )
    assert checked >= 8
    assert not problems, "\n".join(problems)
