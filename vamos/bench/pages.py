"""The key pages the benchmark measures, each as the persona who uses it.

A page is resolved against the programme-scale data (``seed_scale``): the benchmark's learner
continues their current lesson, the coach opens the timeline of the journey they lead, the
team reads the results of the latest closed needs assessment, and so on. A page of an app that
is not installed (yet) is left out with a note.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from .scale.organisations import PERSONAS

ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class KeyPage:
    name: str
    persona: str
    app: str
    resolve: Callable[[dict[str, Any]], str]


def _user(role: str) -> Any:
    from vamos.accounts.models import User

    return User.objects.get(email=PERSONAS[role][0])


def _event(_people: dict[str, Any]) -> str:
    from vamos.events.models import Event

    event = (
        Event.objects.filter(kind=Event.Kind.CONFERENCE, status=Event.Status.PUBLISHED)
        .filter(start__gte=_now())
        .order_by("start")
        .first()
    )
    return reverse("events:detail", kwargs={"slug": event.slug})  # type: ignore[union-attr]


def _lesson(people: dict[str, Any]) -> str:
    from vamos.learning.selectors import continue_lesson

    found = continue_lesson(user=people["member"])
    if found is None:
        raise LookupError("The benchmark's learner has no lesson to continue.")
    module, lesson, _record = found
    return reverse(
        "learning:lesson", kwargs={"module_slug": module.slug, "lesson_slug": lesson.slug}
    )


def _organisation(people: dict[str, Any]) -> str:
    membership = people["org_admin"].memberships.get(role="admin")
    return reverse("learning:organisation", kwargs={"slug": membership.organisation.slug})


def _journey(people: dict[str, Any]) -> str:
    from vamos.journeys.models import Journey

    journey = Journey.objects.get(
        organisation__memberships__user=people["org_admin"], status=Journey.Status.ACTIVE
    )
    return reverse("journeys:timeline", kwargs={"pk": journey.pk})


def _wave(_people: dict[str, Any]) -> str:
    from vamos.surveys.models import Survey, Wave

    wave = (
        Wave.objects.filter(survey__kind=Survey.Kind.NEEDS, closes_on__lt=_today())
        .order_by("-closes_on")
        .first()
    )
    return reverse("surveys:wave-results", kwargs={"pk": wave.pk})  # type: ignore[union-attr]


def _reports(_people: dict[str, Any]) -> str:
    for name in ("reports:index", "reports:dashboard", "reports:team"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    raise LookupError("The reports app has no dashboard URL (reports:index) yet.")


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()


def _today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


KEY_PAGES = [
    KeyPage("home", ANONYMOUS, "website", lambda p: "/"),
    KeyPage("event calendar", ANONYMOUS, "events", lambda p: reverse("events:list")),
    KeyPage("event page", "member", "events", _event),
    KeyPage("module catalogue", "member", "learning", lambda p: reverse("learning:catalogue")),
    KeyPage("lesson", "member", "learning", _lesson),
    KeyPage("learner dashboard", "member", "learning", lambda p: reverse("learning:my-learning")),
    KeyPage("Mein VAMOs", "member", "dashboard", lambda p: reverse("dashboard:index")),
    KeyPage("organisation view", "org_admin", "learning", _organisation),
    KeyPage("coach caseload", "coach", "journeys", lambda p: reverse("journeys:index")),
    KeyPage("journey timeline", "coach", "journeys", _journey),
    KeyPage("survey results", "team_admin", "surveys", _wave),
    KeyPage("best-practice library", "member", "community", lambda p: reverse("community:library")),
    KeyPage("team report dashboard", "team_admin", "reports", _reports),
]


def resolve_pages() -> tuple[list[dict[str, str]], list[str]]:
    """(pages with their URL and persona, notes on pages left out)."""
    people = {role: _user(role) for role in PERSONAS}
    pages, notes = [], []
    with translation.override("de"):
        for page in KEY_PAGES:
            if not apps.is_installed(f"vamos.{page.app}"):
                notes.append(f"{page.name}: the app vamos.{page.app} is not installed yet.")
                continue
            try:
                url = page.resolve(people)
            except (LookupError, NoReverseMatch, AttributeError) as exc:
                notes.append(f"{page.name}: {exc}")
                continue
            pages.append({"name": page.name, "persona": page.persona, "url": url})
    return pages, notes
