"""``seed_scale`` builds realistic, deterministic data that every key page can show."""

import datetime
import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client

from vamos.accounts.models import User
from vamos.bench.pages import KEY_PAGES, resolve_pages
from vamos.bench.scale.organisations import PERSONAS
from vamos.events.models import Event, Registration
from vamos.journeys.models import Activity, Journey
from vamos.learning.models import LessonPage, LessonProgress, ModulePage, ModuleProgress
from vamos.organisations.models import Organisation
from vamos.reports.models import Indicator, ProgrammeYear
from vamos.surveys.models import Response, Survey

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 1)
SCALE = 0.05


def _seed() -> None:
    call_command("seed_scale", scale=SCALE, today=TODAY, stdout=io.StringIO())


def _signature() -> dict[str, Any]:
    return {
        "organisations": list(Organisation.objects.order_by("pk").values_list("slug", "kind")),
        "people": list(User.objects.order_by("pk").values_list("email", "language")),
        "lessons": list(LessonPage.objects.order_by("path").values_list("translation_key")),
        "progress": list(
            LessonProgress.objects.order_by("pk").values_list("lesson_key", "completed_at")
        ),
        "registrations": list(
            Registration.objects.order_by("pk").values_list("event__slug", "status")
        ),
        "activities": list(Activity.objects.order_by("pk").values_list("format", "held_on")),
    }


def test_the_same_scale_and_day_give_the_same_data() -> None:
    signatures = []
    for _attempt in range(2):
        with transaction.atomic():
            _seed()
            signatures.append(_signature())
            transaction.set_rollback(True)
    assert signatures[0] == signatures[1]
    assert len(signatures[0]["progress"]) > 1000


def test_the_data_has_the_programme_shape() -> None:
    _seed()
    organisations = Organisation.objects.exclude(status=Organisation.Status.LISTED)
    assert organisations.count() == 15  # 300 at 1×
    clubs = Organisation.objects.filter(status=Organisation.Status.LISTED)
    assert clubs.exists() and not clubs.filter(parent__isnull=True).exists()
    assert User.objects.filter(email__endswith="@scale.vamos.test").count() > 100
    assert ModulePage.objects.live().filter(locale__language_code="de").count() == 3
    assert LessonPage.objects.live().count() == 3 * 6 + 6  # one module also in English
    # Every progress row belongs to a lesson, every module roll-up to a module.
    lesson_keys = set(LessonPage.objects.values_list("translation_key", flat=True))
    assert set(LessonProgress.objects.values_list("lesson_key", flat=True)) <= lesson_keys
    module_keys = set(ModulePage.objects.values_list("translation_key", flat=True))
    assert set(ModuleProgress.objects.values_list("module_key", flat=True)) <= module_keys
    assert Event.objects.filter(kind=Event.Kind.CONFERENCE, start__date__gt=TODAY).exists()
    # 15,000 at 1×; at this small scale a conference may want more people than there are.
    assert 600 <= Registration.objects.count() <= 751
    # Seats are never overbooked.
    for event in Event.objects.exclude(capacity=None):
        assert event.registrations.filter(status__in=Registration.SEATED).count() <= (
            event.capacity or 0
        )
    assert Journey.objects.filter(status=Journey.Status.ACTIVE).exists()
    assert Response.objects.filter(wave__survey__kind=Survey.Kind.NEEDS).count() > 30
    # The reports: the three programme years the data spans, indicators for the current one.
    assert list(ProgrammeYear.objects.order_by("starts_on").values_list("label", flat=True)) == [
        "2024",
        "2025",
        "2026",
    ]
    assert Indicator.objects.filter(programme_year__label="2026").count() >= 5


def test_it_refuses_a_database_with_people(member: User) -> None:
    with pytest.raises(CommandError, match="empty database"):
        _seed()


# Wagtail's generate_rendition_file hands an unclosed SpooledTemporaryFile to the garbage
# collector when a page first shows a cover image; that is Wagtail's, not ours.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_every_key_page_answers_for_its_persona() -> None:
    _seed()
    pages, notes = resolve_pages()
    assert {p["name"] for p in pages} | {n.split(":")[0] for n in notes} == {
        p.name for p in KEY_PAGES
    }
    for page in pages:
        client = Client()
        if page["persona"] != "anonymous":
            client.force_login(User.objects.get(email=PERSONAS[page["persona"]][0]))
        response = client.get(page["url"])
        assert response.status_code == 200, (page, response.status_code)


def test_prepare_prints_sessions_that_sign_the_personas_in() -> None:
    _seed()
    out = io.StringIO()
    call_command("bench_prepare", stdout=out)
    prepared = json.loads(out.getvalue())
    client = Client()
    name, value = prepared["cookies"]["coach"].split("=", 1)
    client.cookies[name] = value
    response = client.get("/lernreisen/")
    assert response.status_code == 200
    assert response.wsgi_request.user.email == PERSONAS["coach"][0]
