"""The surveys' rows of the authorisation matrix, checked on their own for every persona.

The world is the project-wide one (every app's objects; the coach coaches org A's
journey), so this is the project matrix restricted to the surveys' URLs – quick to run
while working on this app."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.test_authorisation_matrix import _outcome, _request, world  # noqa: F401 (fixture)
from vamos.core.tests.matrix import PERSONAS, World
from vamos.surveys.tests.matrix import ROWS

pytestmark = pytest.mark.django_db


def test_every_survey_url_answers_each_persona_as_declared(world: World) -> None:  # noqa: F811
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        if persona != "anonymous":
            client.force_login(getattr(world, persona))
    mismatches = []
    with translation.override(settings.LANGUAGE_CODE):
        for row in ROWS:
            url = reverse(row.name, kwargs=row.kwargs(world) or None)
            for method, expected in (("get", row.get), ("post", row.post)):
                if expected is None:
                    continue
                data = row.data(world) if method == "post" else {}
                for persona in PERSONAS:
                    response = _request(clients[persona], method, url, data)
                    got = _outcome(response, persona)
                    if got != expected[persona]:
                        mismatches.append(
                            f"{method.upper()} {url} as {persona}: expected "
                            f"{expected[persona]}, got {got} ({response.status_code})"
                        )
    assert not mismatches, "\n".join(mismatches)
