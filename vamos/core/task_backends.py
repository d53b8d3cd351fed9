"""The Redis task queue (``TASKS_BACKEND=redis``): django-tasks-rq for Django's own tasks.

django-tasks-rq 0.12 builds on the ``django_tasks`` backport: its backend makes
``django.tasks.task`` return the backport's ``Task``, whose ``enqueue`` goes through the
backport's backends – which ``CoreConfig`` points at an immediate backend for Wagtail's jobs.
Every platform task would then run inline in the web request. Declaring Django's ``Task`` as
the task class keeps ``enqueue`` on Django's handler and thus on this RQ queue; the worker
(``manage.py rqworker default --with-scheduler``, job class from ``settings.RQ``) accepts
Django's tasks as well.
"""

import django.tasks
from django_tasks_rq.backend import RQBackend as _RQBackend


class RQBackend(_RQBackend):
    task_class = django.tasks.Task  # type: ignore[assignment]
