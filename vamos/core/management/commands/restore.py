from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vamos.core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace every row of the (migrated) database and the media files with those of a "
        "backup archive. The media folder must be empty."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="Archive written by manage.py backup.")
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask before deleting the current data.",
        )

    def handle(self, *args: Any, archive: Path, **options: Any) -> None:
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        if options["interactive"]:
            answer = input(
                "This deletes every row in the database and loads the backup. Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = backup_restore(source=archive, using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(rows for rows, _checksum in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(manifest['tables'])} tables ({rows} rows, every checksum "
                f"matches) and {manifest['media_files']} media files from {archive} "
                f"(made {manifest['created_at']})."
            )
        )
