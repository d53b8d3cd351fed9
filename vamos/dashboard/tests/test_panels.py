import re
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vamos.dashboard.panels import READS, panel_modules
from vamos.journeys import services as journey_services
from vamos.journeys.tests import factories as jf
from vamos.organisations import services as organisation_services
from vamos.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

# Tables the data versions do not track (roles are part of the cache key instead).
UNTRACKED_APPS = {"auth", "contenttypes", "sessions"}


@pytest.fixture
def journey(org_a: Any, coach: Any, org_admin: Any, member: Any, org_b: Any) -> Any:
    journey = jf.JourneyFactory(organisation=org_a, coaches=[coach])
    jf.KickoffFactory(journey=journey)
    jf.GoalFactory(journey=journey, description="Finanzplan beschließen")
    jf.ActivityFactory(journey=journey, title="Coaching Finanzen")
    jf.FollowUpFactory(journey=journey, owner=member, description="Antrag abschicken")
    jf.RecommendationFactory(journey=journey, target_id=org_b.pk, target_title=org_b.name)
    return journey


def _apps_read(queries: list[dict[str, str]]) -> set[str]:
    tables = {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}
    found = set()
    for query in queries:
        for table in re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"]):
            found.add(tables[table]._meta.app_label)
    return found - UNTRACKED_APPS


def test_each_apps_panels_read_only_the_apps_their_cache_depends_on(
    journey: Any, member: Any, org_admin: Any, coach: Any, team_admin: Any
) -> None:
    modules = panel_modules()
    assert {label for label, _module in modules} <= set(READS)
    for user in (member, org_admin, coach, team_admin):
        for label, module in modules:
            request = RequestFactory().get("/")
            request.user = user
            with CaptureQueriesContext(connection) as queries:
                module.dashboard_panels(request)
            assert _apps_read(queries.captured_queries) <= READS[label], (label, user)


def test_query_count_does_not_grow_with_the_data(
    client_for: Any, member: Any, org_a: Any, journey: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for(member)
    client.get(reverse("dashboard:index"))  # fills the cache
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("dashboard:index"))
    MembershipFactory.create_batch(10, organisation=org_a)
    for _ in range(5):
        jf.FollowUpFactory(journey=journey, owner=member)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("dashboard:index"))


def test_a_cached_panel_changes_after_a_write(
    client_for: Any, member: Any, journey: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(member)
    assert "Antrag abschicken" in client.get(reverse("dashboard:index")).content.decode()
    follow_up = journey.follow_ups.get()
    with django_capture_on_commit_callbacks(execute=True):
        journey_services.follow_up_set_done(follow_up=follow_up, actor=member, done=True)
    assert "Antrag abschicken" not in client.get(reverse("dashboard:index")).content.decode()


def test_the_organisation_section_changes_after_a_write(
    client_for: Any, org_admin: Any, org_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_for(org_admin)
    assert "Landesverband A" in client.get(reverse("dashboard:index")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.organisation_update(
            organisation=org_a, actor=org_admin, data={"name": "Landesverband Neu"}
        )
    html = client.get(reverse("dashboard:index")).content.decode()
    assert "Landesverband Neu" in html and "Landesverband A" not in html


def test_cached_panels_are_personal(
    client_for: Any, member: Any, other_member: Any, journey: Any
) -> None:
    assert (
        "Antrag abschicken" in client_for(member).get(reverse("dashboard:index")).content.decode()
    )
    html = client_for(other_member).get(reverse("dashboard:index")).content.decode()
    assert "Antrag abschicken" not in html and "Landesverband A" not in html


def test_the_language_is_part_of_the_cache_key(client_for: Any, member: Any, journey: Any) -> None:
    client = client_for(member)
    assert "Mein VAMOs" in client.get(reverse("dashboard:index")).content.decode()
    english = client.get("/en" + reverse("dashboard:index")).content.decode()
    assert "Open the learning journey" in english and "Lernreise öffnen" not in english


def test_a_follow_up_form_carries_this_sessions_token(
    client_for: Any, member: Any, journey: Any
) -> None:
    first, second = client_for(member), client_for(member)
    first.get(reverse("dashboard:index"))
    second.enforce_csrf_checks = True
    html = second.get(reverse("dashboard:index")).content.decode()
    form = html[html.index('id="follow-up-') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    follow_up = journey.follow_ups.get()
    url = reverse("journeys:follow-up-done", kwargs={"pk": journey.pk, "follow_up": follow_up.pk})
    response = second.post(url, {"csrfmiddlewaretoken": token.group(1), "done": "1"})
    assert response.status_code == 302
