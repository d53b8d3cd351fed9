from django.tasks import task

from .services import reminders_send


@task()
def event_reminders_task() -> dict[str, int]:
    """The same as ``manage.py send_event_reminders``, for schedulers that enqueue tasks."""
    return reminders_send()
