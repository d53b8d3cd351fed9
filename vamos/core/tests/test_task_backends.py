"""The Redis queue option keeps the platform's tasks on Django's task handler."""

import django.tasks

from vamos.core.task_backends import RQBackend


def test_tasks_for_the_redis_queue_are_djangos_own() -> None:
    # With django-tasks-rq's own task class, enqueue would go through the backport's handler,
    # which runs tasks inline (see CoreConfig); the worker would never see them.
    assert RQBackend.task_class is django.tasks.Task
