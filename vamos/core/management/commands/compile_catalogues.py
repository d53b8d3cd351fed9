"""Compile the project's translation catalogues (.po → .mo) without GNU gettext.

``make`` runs this on every setup, so compiled catalogues are never committed or stale.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (pure Python; GNU gettext not needed)."
    requires_system_checks: list[str] = []

    def handle(self, *args: object, **options: object) -> None:
        count = 0
        folders = [Path(folder) for folder in settings.LOCALE_PATHS]
        folders += sorted(Path(settings.BASE_DIR, "vamos").glob("*/locale"))
        for folder in folders:
            for po_path in sorted(folder.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
