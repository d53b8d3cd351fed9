"""The surveys' rows of the authorisation matrix, checked on their own for every persona
(the project-wide matrix runs them too, together with every other app's)."""

from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, PERSONAS, World
from vamos.surveys.tests.matrix import ROWS, extend_world

pytestmark = pytest.mark.django_db


def _outcome(response: Any, persona: str) -> str:
    status = response.status_code
    if status in (301, 302, 303):
        if response.headers["Location"].startswith(reverse("account_login")):
            return LOGIN if persona == "anonymous" else DENIED
        return OK
    if status in (403, 404):
        return DENIED
    if status == 405:
        return NOT_ALLOWED
    return OK if 200 <= status < 300 else f"status {status}"


def test_every_survey_url_answers_each_persona_as_declared(
    team_admin: Any,
    coach: Any,
    other_coach: Any,
    editor: Any,
    org_admin: Any,
    member: Any,
    other_member: Any,
    org_a: Any,
    org_b: Any,
) -> None:
    world = World(
        team_admin=team_admin,
        coach=coach,
        other_coach=other_coach,
        editor=editor,
        org_admin=org_admin,
        member=member,
        other_member=other_member,
        org_a=org_a,
        org_b=org_b,
    )
    extend_world(world)
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
    mismatches = []
    with translation.override("de"):
        for row in ROWS:
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            for method, expected in (("get", row.get), ("post", row.post)):
                if expected is None:
                    continue
                for persona in PERSONAS:
                    with transaction.atomic():
                        client = clients[persona]
                        if method == "post":
                            response = client.post(url, row.data(world))
                        else:
                            response = client.get(url)
                        transaction.set_rollback(True)
                    got = _outcome(response, persona)
                    if got != expected[persona]:
                        mismatches.append(
                            f"{method.upper()} {url} as {persona}: expected "
                            f"{expected[persona]}, got {got} ({response.status_code})"
                        )
    assert not mismatches, "\n".join(mismatches)
