"""Cached results keyed by data versions: rebuilt after any write, in any process."""

import pytest
from django.core.cache import cache
from django.db import transaction

from vamos.core import versions
from vamos.core.models import DataVersion, TopicField

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracked_topic_fields():
    saved = dict(versions._TRACKED), dict(versions._IGNORED), set(versions._NAMES)
    versions.track(TopicField, ignore=("sort_order",))
    yield
    versions._TRACKED.clear()
    versions._TRACKED.update(saved[0])
    versions._IGNORED.clear()
    versions._IGNORED.update(saved[1])
    versions._NAMES.clear()
    versions._NAMES.update(saved[2])


def _count_builder(calls: list[int]):
    def build() -> int:
        calls.append(1)
        return TopicField.objects.count()

    return build


def test_cached_result_is_built_once_until_the_data_changes(
    tracked_topic_fields, django_capture_on_commit_callbacks
):
    calls: list[int] = []
    build = _count_builder(calls)
    first = versions.cached("fields", depends_on=[TopicField], build=build)
    assert versions.cached("fields", depends_on=[TopicField], build=build) == first
    assert len(calls) == 1

    with django_capture_on_commit_callbacks(execute=True):
        TopicField.objects.create(slug="neu", name_de="Neu", name_en="New", sort_order=99)

    assert versions.cached("fields", depends_on=[TopicField], build=build) == first + 1
    assert len(calls) == 2


def test_a_token_written_by_another_process_voids_this_process_cache(tracked_topic_fields):
    calls: list[int] = []
    build = _count_builder(calls)
    versions.cached("fields", depends_on=[TopicField], build=build)
    # Another web process committed a change: only the database row tells this one.
    DataVersion.objects.update_or_create(name="core.topicfield", defaults={"token": "other"})
    versions.cached("fields", depends_on=[TopicField], build=build)
    assert len(calls) == 2


def test_many_writes_in_one_transaction_write_the_token_once(
    tracked_topic_fields, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for n in range(3):
            TopicField.objects.create(slug=f"f{n}", name_de="F", name_en="F", sort_order=n)
    assert not DataVersion.objects.filter(name="core.topicfield").exists()
    with django_assert_num_queries(1):
        for callback in callbacks:
            callback()
    assert DataVersion.objects.filter(name="core.topicfield").exists()


def test_a_rolled_back_write_keeps_the_token(
    tracked_topic_fields, django_capture_on_commit_callbacks
):
    versions.bump(TopicField)
    before = versions.tokens(TopicField)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        TopicField.objects.create(slug="weg", name_de="Weg", name_en="Gone", sort_order=1)
        raise RuntimeError
    assert versions.tokens(TopicField) == before


def test_saves_of_ignored_fields_only_keep_the_token(
    tracked_topic_fields, django_capture_on_commit_callbacks
):
    field = TopicField.objects.order_by("pk").first()
    versions.bump(TopicField)
    before = versions.tokens(TopicField)
    with django_capture_on_commit_callbacks(execute=True):
        field.sort_order += 1
        field.save(update_fields=["sort_order"])
    assert versions.tokens(TopicField) == before
    with django_capture_on_commit_callbacks(execute=True):
        field.save()
    assert versions.tokens(TopicField) != before


def test_bump_all_renews_every_tracked_token(tracked_topic_fields):
    versions.bump_all()
    first = versions.tokens(TopicField)
    versions.bump_all()
    assert versions.tokens(TopicField) != first
    cache.clear()


def test_a_request_reads_the_tokens_once_and_again_after_its_own_write(
    tracked_topic_fields, django_assert_num_queries
):
    versions.bump(TopicField)
    with versions.request_scope():
        with django_assert_num_queries(1):
            first = versions.tokens(TopicField)
            assert versions.tokens(TopicField, "events.event") == f"{first}.0"
        versions.bump(TopicField)
        with django_assert_num_queries(1):
            assert versions.tokens(TopicField) != first
