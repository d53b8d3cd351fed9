"""The authorisation matrix: who may do what, declared once per URL.

Every app lists its URLs in ``vamos/<app>/tests/matrix.py``::

    ROWS = [
        Row("organisations:detail", lambda w: {"slug": w.org_a.slug}, get=expect(OK)),
        Row("organisations:member-remove", lambda w: {...},
            post=expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK)),
    ]

and may add objects to the shared world with ``extend_world(world)``.
``tests/test_authorisation_matrix.py`` enumerates every URL pattern of the project and fails
for any pattern that has no row (or no third-party rule), so no page can be added without
deciding who sees it.

Outcomes: ``OK`` (2xx, or a redirect that is not to the sign-in page), ``LOGIN`` (redirect
to sign in), ``DENIED`` (404 – the object's existence is not revealed – or 403), ``GONE``
(410), ``NOT_ALLOWED`` (405 for a method the view does not accept).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

OK = "ok"
LOGIN = "login"
DENIED = "denied"
GONE = "gone"
NOT_ALLOWED = "not_allowed"

PERSONAS = [
    "anonymous",
    "member",
    "org_admin",
    "other_member",
    "coach",
    "other_coach",
    "editor",
    "team_admin",
]
TEAM = {"coach", "other_coach", "editor", "team_admin"}


def expect(default: str, **overrides: str) -> dict[str, str]:
    """``expect(DENIED, anonymous=LOGIN, org_admin=OK, team_admin=OK)``: one outcome per
    persona, ``default`` for those not named."""
    unknown = set(overrides) - set(PERSONAS)
    if unknown:
        raise ValueError(f"unknown personas: {sorted(unknown)}")
    return {persona: overrides.get(persona, default) for persona in PERSONAS}


World = SimpleNamespace


@dataclass
class Row:
    name: str
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    get: dict[str, str] | None = None
    post: dict[str, str] | None = None
    data: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    note: str = ""


@dataclass
class ThirdPartyRule:
    """URLs of a third-party app (Wagtail admin, allauth …), matched by name pattern.

    ``probe`` lists parameterless URL names requested for every persona with ``get``;
    the other patterns of the app share the app's own access check.
    """

    pattern: str
    reason: str
    probe: list[str] = field(default_factory=list)
    get: dict[str, str] | None = None


ROWS = [
    Row("health", get=expect(OK)),
    Row("core_failed_tasks", get=expect(DENIED, anonymous=LOGIN, team_admin=OK)),
    Row(
        "core_email_retry",
        lambda w: {"pk": w.failed_email.pk},
        get=expect(
            NOT_ALLOWED,
            anonymous=LOGIN,
            member=DENIED,
            org_admin=DENIED,
            other_member=DENIED,
            coach=DENIED,
            other_coach=DENIED,
        ),
        post=expect(DENIED, anonymous=LOGIN, team_admin=OK),
        note="the back office turns away people without access before the method check",
    ),
    Row(
        "wagtailsnippets_core_outgoingemail:inspect",
        lambda w: {"pk": w.failed_email.pk},
        get=expect(DENIED, anonymous=LOGIN, team_admin=OK),
    ),
]


def extend_world(world: World) -> None:
    from vamos.core.models import OutgoingEmail

    world.failed_email = OutgoingEmail.objects.create(
        to="x@example.org",
        language="de",
        subject="Test",
        body_text="Hallo",
        status=OutgoingEmail.Status.FAILED,
        attempts=5,
    )
