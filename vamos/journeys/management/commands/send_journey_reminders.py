"""Daily reminders of learning journeys: upcoming activities and kickoffs (the day before),
follow-ups that are due and reviews that are due. Run once a day (cron or systemd timer);
running it twice on a day sends nothing twice."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from vamos.journeys.services import reminders_send


class Command(BaseCommand):
    help = "Send the learning-journey reminders that are due today (safe to run repeatedly)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("date"):
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("--date must look like 2026-11-27.") from error
        counts = reminders_send(today=today)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
