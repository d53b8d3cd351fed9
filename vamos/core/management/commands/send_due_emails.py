from django.core.management.base import BaseCommand

from vamos.core.services import emails_due_enqueue


class Command(BaseCommand):
    help = (
        "Queue emails whose retry time has come or whose job was lost with a killed worker; "
        "mark emails interrupted while being sent as failed (run every 10 minutes)."
    )

    def handle(self, *args: object, **options: object) -> None:
        count = emails_due_enqueue()
        self.stdout.write(f"{count} email(s) queued for another attempt.")
