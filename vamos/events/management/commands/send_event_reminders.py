"""Send due event reminders (7 days and 1 day before) and feedback requests (after the end).

Run it regularly, e.g. every 15 minutes from cron or a systemd timer. Each reminder is
claimed atomically before it is sent, so overlapping runs never send one twice.
"""

from typing import Any

from django.core.management.base import BaseCommand

from vamos.events.services import reminders_send


class Command(BaseCommand):
    help = "Send due event reminders and feedback requests (safe to run often)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send()
        self.stdout.write(
            f"Reminders sent: {sent['week']} (one week), {sent['day']} (one day); "
            f"feedback requests: {sent['feedback']}."
        )
