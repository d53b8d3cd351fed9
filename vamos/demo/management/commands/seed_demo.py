"""Demo data for ``make run``: a German and English website, organisations and people.

Idempotent: running it again changes nothing that is already there. Refuses to run with
DEBUG off, so the fixed demo passwords never reach a production database.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from vamos.core import versions
from vamos.demo import content, people
from vamos.demo.community import seed_community
from vamos.demo.events import seed_events
from vamos.demo.journeys import seed_journeys
from vamos.demo.learning import seed_learning
from vamos.demo.reports import seed_reports
from vamos.demo.surveys import seed_surveys

DEMO_PASSWORD = "vamos-demo"  # noqa: S105 – only ever set by this command, only with DEBUG on


class Command(BaseCommand):
    help = "Create demo content, organisations and logins (only with DEBUG on)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo refuses to run with DEBUG off (demo passwords).")
        with transaction.atomic():
            content.seed_site()
            logins = people.seed_people(password=DEMO_PASSWORD)
            seed_events()
            seed_learning()
            seed_community()
            seed_journeys()
            seed_surveys()
            seed_reports()
            versions.bump_all()  # bulk inserts send no signals
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, role in logins:
            self.stdout.write(f"  {email:<28} {role}")
        self.stdout.write("")
