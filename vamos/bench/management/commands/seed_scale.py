"""``manage.py seed_scale [--scale N]``: programme-scale data for the benchmark.

Deterministic (fixed random seed; time stamps relative to ``--today``), bulk-inserted, and
realistic in shape – see ``vamos/bench/scale/`` and docs/bench.md. Refuses to run on a database
that already has organisations or people, so it can never mix with real data.
"""

import datetime
import importlib
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from vamos.accounts.models import User
from vamos.bench.scale import Scale, World, installed_parts
from vamos.core import versions
from vamos.organisations.models import Organisation


class Command(BaseCommand):
    help = "Fill an empty database with programme-scale data (for the benchmark)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplier of the volumes (1 = 300 organisations, 3,000 people …).",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day the data is built around (YYYY-MM-DD); default: today.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        factor = options["scale"]
        if factor < 0.01 or factor > 100:
            raise CommandError("--scale must be between 0.01 and 100.")
        if Organisation.objects.exists() or User.objects.exists():
            raise CommandError(
                "seed_scale only fills an empty database (it found organisations or people)."
            )
        today = options["today"] or datetime.date.today()
        scale = Scale(factor, today)
        world = World()
        started, cpu_started = time.monotonic(), time.process_time()
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            # One large transaction: in WAL mode SQLite would write it all to the -wal file
            # and slow down with every row (hours at 10×); a rollback journal in memory and a
            # large page cache keep 10× in minutes. A failed seed still rolls back.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=MEMORY")
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-1000000")
        with transaction.atomic():
            for part in installed_parts():
                begun, cpu_begun = time.monotonic(), time.process_time()
                module = importlib.import_module(f"vamos.bench.scale.{part}")
                module.seed(scale, world)
                self.stdout.write(
                    f"  {part:<14} {time.monotonic() - begun:6.1f} s "
                    f"({time.process_time() - cpu_begun:.1f} s CPU)"
                )
            versions.bump_all()  # bulk inserts send no signals: no cached result stays valid
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale {factor:g} ready in {time.monotonic() - started:.0f} s "
                f"({time.process_time() - cpu_started:.0f} s CPU; the rest was waiting for a "
                f"busy machine or the disk), around {today}."
            )
        )
        for name, count in world.counts.items():
            self.stdout.write(f"  {name:<20} {count:>9,}")
