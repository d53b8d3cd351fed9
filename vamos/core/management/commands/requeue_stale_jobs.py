from typing import Any

from django.core.management.base import BaseCommand

from vamos.core.services import tasks_stale_requeue


class Command(BaseCommand):
    help = (
        "Queue background jobs again whose worker was killed while running them "
        "(running longer than VAMOS_TASK_STALE_MINUTES)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = tasks_stale_requeue()
        self.stdout.write(f"{count} job(s) queued again.")
