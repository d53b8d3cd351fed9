from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from vamos.core.backups import backup_create, default_backup_path


class Command(BaseCommand):
    help = "Write the database and the uploaded files into one archive (docs/deployment.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Archive to write (default: var/backups/vamos-<time>.tar.gz).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        target = output or default_backup_path()
        manifest = backup_create(target=target, using=options["database"])
        rows = sum(rows for rows, _checksum in manifest["tables"].values())
        self.stdout.write(
            f"Backup written to {target}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{manifest['media_files']} media files."
        )
        if manifest["media"] != "included":
            self.stderr.write("Media files live in remote storage; back up the bucket itself.")
