from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from vamos.core.backups import (
    BackupError,
    _models,
    backup_create,
    backup_restore,
    database_empty,
    table_states,
)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_a_restored_backup_of_the_seeded_platform_has_every_row_and_file(
    settings: Any, media: Path, tmp_path: Path
) -> None:
    settings.DEBUG = True  # seed_demo refuses otherwise
    call_command("seed_demo", stdout=None)
    settings.DEBUG = False
    before = table_states()
    files = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    assert files, "the demo data brings uploaded files"
    assert sum(state.rows for state in before.values()) > 1000

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=None)

    # An empty database and an empty media folder ...
    database_empty()
    assert all(state.rows == 0 for state in table_states().values())
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    call_command("restore", archive, interactive=False, stdout=None)

    # ... hold every row of every table and every file again.
    assert table_states() == before
    restored = settings.MEDIA_ROOT
    assert {
        p.relative_to(restored): p.read_bytes() for p in restored.rglob("*") if p.is_file()
    } == files


@pytest.mark.django_db
def test_every_table_of_the_database_is_in_the_backup() -> None:
    tables = set(connection.introspection.table_names())
    covered = {model._meta.db_table for model in _models()}
    # Data versions are renewed after a restore instead (vamos.core.versions).
    left_out = {"django_migrations", "wagtailsearch_indexentry", "core_dataversion"}
    assert tables - covered <= left_out | {
        t for t in tables if t.startswith(("wagtailsearch_indexentry_", "sqlite_"))
    }


@pytest.mark.django_db
def test_restore_refuses_a_media_folder_that_is_not_empty(media: Path, tmp_path: Path) -> None:
    archive = tmp_path / "backup.tar.gz"
    backup_create(target=archive)
    (media / "leftover.txt").parent.mkdir(parents=True, exist_ok=True)
    (media / "leftover.txt").write_text("x")
    with pytest.raises(BackupError, match="not empty"):
        backup_restore(source=archive)


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(media: Path, tmp_path: Path) -> None:
    import tarfile

    archive = tmp_path / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(__file__, arcname="something.py")
    with pytest.raises(BackupError, match="manifest"):
        backup_restore(source=archive)
