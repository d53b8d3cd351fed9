from typing import Any

from django.db.models import QuerySet

from .models import TopicField


def topic_field_list() -> QuerySet[TopicField]:
    return TopicField.objects.all()


def failed_tasks(limit: int = 100) -> list[Any]:
    """The newest background jobs that failed, for the team to look into."""
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.failed().order_by("-finished_at")[:limit])
