from typing import Any

from django.core.management.base import BaseCommand

from vamos.core.services import retention_apply


class Command(BaseCommand):
    help = (
        "Delete personal data kept long enough: accounts never activated, answers to event "
        "registration questions (periods in settings; run daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for key, count in retention_apply().items():
            self.stdout.write(f"{key}: {count} deleted")
