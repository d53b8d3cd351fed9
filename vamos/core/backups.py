"""Backups: the whole database plus uploaded files in one archive, restorable anywhere.

The database is written with Django's serialisation, so one format serves SQLite and
PostgreSQL alike (and moves a platform from one to the other). An archive is a gzipped tar:

    manifest.json   format, time, database engine, and a row count and checksum per table
    data.json       every row of every table (``dumpdata`` of all models)
    media/…         the files under ``MEDIA_ROOT`` (local storage only)

``restore`` empties the database (schema from ``migrate``), loads every row with its
original key, resets the sequences and checks each table against the manifest.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

from . import versions

FORMAT = "vamos-backup/1"
# Derived data, rebuilt after a restore instead of copied: the search index (PostgreSQL's
# search vectors do not survive serialisation; on SQLite its full-text table is filled by
# triggers and would clash with a copy).
# The data versions of cached results are renewed instead (vamos.core.versions).
SKIPPED_MODELS = {
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "core.dataversion",
}


class BackupError(Exception):
    pass


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps them to the microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


@dataclass(frozen=True)
class TableState:
    rows: int
    checksum: str


def _models() -> list[type[models.Model]]:
    """Every concrete model with a table, auto-created many-to-many tables included."""
    found: list[type[models.Model]] = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in SKIPPED_MODELS:
            continue
        found.append(model)
    return found


def _plain(value: Any) -> Any:
    if hasattr(value, "get_prep_value"):  # Wagtail's StreamValue: its stored JSON
        value = value.get_prep_value()
    if isinstance(value, datetime | date | time | Decimal | UUID):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def table_states(using: str = DEFAULT_DB_ALIAS) -> dict[str, TableState]:
    """Row count and a checksum of every row's values, per table, in key order."""
    states: dict[str, TableState] = {}
    for model in _models():
        fields = [field.attname for field in model._meta.concrete_fields]
        if model._meta.auto_created:
            # Many-to-many rows are recreated on load with new ids; only the pairs count.
            fields = [name for name in fields if name != model._meta.pk.attname]
        digest = hashlib.sha256()
        rows = 0
        queryset = model._base_manager.using(using).order_by(*fields).values_list(*fields)
        for row in queryset.iterator(chunk_size=2000):
            digest.update(json.dumps([_plain(v) for v in row], sort_keys=True).encode())
            digest.update(b"\n")
            rows += 1
        states[model._meta.db_table] = TableState(rows=rows, checksum=digest.hexdigest())
    return states


def _media_root() -> Path | None:
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def _media_files(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def backup_create(*, target: Path, using: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Write a backup archive to ``target``; returns its manifest."""
    connection = connections[using]
    with tempfile.TemporaryDirectory() as work:
        data_path = Path(work) / "data.json"
        # One snapshot: the rows and the checksums come from the same transaction.
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            with data_path.open("w", encoding="utf-8") as out:
                serializers.serialize(
                    "json",
                    _all_objects(using),
                    stream=out,
                    cls=_ExactEncoder,
                )
            states = table_states(using)
        media_root = _media_root()
        media = (
            [path.relative_to(media_root) for path in _media_files(media_root)]
            if media_root
            else []
        )
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "tables": {table: [s.rows, s.checksum] for table, s in states.items()},
            "media": "included" if media_root else "not included (remote storage)",
            "media_files": len(media),
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            archive.add(data_path, arcname="data.json")
            for relative in media:
                archive.add(media_root / relative, arcname=f"media/{relative.as_posix()}")
        os.replace(partial, target)  # never leave a half-written file under the final name
    return manifest


def _all_objects(using: str) -> Iterable[models.Model]:
    # Content types first: anything loaded later that looks one up finds it instead of
    # creating it under a new key.
    for model in sorted(_models(), key=lambda m: m._meta.label_lower != "contenttypes.contenttype"):
        if model._meta.auto_created:
            continue  # many-to-many rows travel with their models
        yield from model._base_manager.using(using).order_by("pk").iterator(chunk_size=2000)


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile("manifest.json")
    except KeyError as exc:
        raise BackupError("Not a VAMOs backup: manifest.json is missing.") from exc
    manifest = json.load(member)  # type: ignore[arg-type]
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format: {manifest.get('format')!r}")
    return manifest


def backup_restore(*, source: Path, using: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """Replace the database's rows and the media files with those of the archive at
    ``source``. The schema must be migrated; the media folder must be empty."""
    media_root = _media_root()
    if media_root and any(_media_files(media_root)):
        raise BackupError(f"The media folder {media_root} is not empty; restore into an empty one.")
    with tarfile.open(source, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        manifest = _read_manifest(archive)
        archive.extract("data.json", path=work, filter="data")
        with transaction.atomic(using=using):
            # Empty every table, then load each row with its original key (content types
            # and permissions too, so every reference to them stays right).
            database_empty(using=using)
            call_command(
                "loaddata",
                str(Path(work) / "data.json"),
                database=using,
                verbosity=0,
            )
            ContentType.objects.clear_cache()
            _check_tables(manifest, using)
        if media_root:
            members = [m for m in archive.getmembers() if m.name.startswith("media/")]
            with tempfile.TemporaryDirectory() as media_work:
                archive.extractall(media_work, members=members, filter="data")
                media_root.mkdir(parents=True, exist_ok=True)
                extracted = Path(media_work) / "media"
                if extracted.is_dir():
                    shutil.copytree(extracted, media_root, dirs_exist_ok=True)
    call_command("update_index", verbosity=0)  # Wagtail's search index, left out of the dump
    versions.bump_all()  # results cached from the data before the restore are void
    return manifest


def database_empty(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Delete every row of every table, without recreating anything after it."""
    connection = connections[using]
    # The search index first, through the ORM, so that SQLite's full-text table (filled
    # by triggers) is emptied along with its entries.
    apps.get_model("wagtailsearch.indexentry")._base_manager.using(using).all().delete()
    deferred = connection.vendor == "postgresql" and connection.in_atomic_block
    if deferred:
        # TRUNCATE refuses tables with deferred foreign-key checks still pending.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", database=using, interactive=False, inhibit_post_migrate=True, verbosity=0)
    if deferred:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _check_tables(manifest: dict[str, Any], using: str) -> None:
    expected = {table: TableState(*state) for table, state in manifest["tables"].items()}
    actual = table_states(using)
    wrong = sorted(t for t, state in expected.items() if actual.get(t) != state)
    if wrong:
        raise BackupError("Restored tables differ from the backup: " + ", ".join(wrong))


def default_backup_path() -> Path:
    folder = Path(getattr(settings, "VAMOS_BACKUP_DIR", settings.VAR_DIR / "backups"))
    return folder / f"vamos-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
