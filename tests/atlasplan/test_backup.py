"""``export_all`` writes one archive (data and media) and ``import_all`` restores it into an
empty database: here from the test database (SQLite unless DATABASE_URL says otherwise) into
a fresh PostgreSQL database, compared table by table and file by file."""

import json
import os
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from atlasplan.backup import checksums
from tests.stakeholders.test_erasure import person  # noqa: F401  (a graph over every step)

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
TARGET = "atlasplan_erase15_restore"


def fresh_pg_database() -> str:
    """A new, empty PostgreSQL database for the restore; skipped when PostgreSQL cannot be
    reached, except under CI."""
    try:
        import psycopg2

        connection = psycopg2.connect(dbname="postgres", connect_timeout=3, **PG)
    except Exception as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL unreachable: {error}")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{TARGET}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{TARGET}"')
    connection.close()
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{TARGET}"


def manage(database_url: str, media: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media), "DEBUG": "true"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_an_archive_restores_into_postgresql_row_for_row(person, media_root, tmp_path):  # noqa: F811
    archive = tmp_path / "atlasplan.zip"
    out = StringIO()
    call_command("export_all", str(archive), stdout=out)
    assert "media files" in out.getvalue()
    source = checksums()
    assert source["interviews.Excerpt"]["rows"] == 3  # the graph is in it, history too
    assert source["interviews.HistoricalExcerpt"]["rows"] >= 3
    assert source["stakeholders.HistoricalContact"]["rows"] == 3  # two contacts, one renamed

    url, restored = fresh_pg_database(), tmp_path / "restored-media"
    migrated = manage(url, restored, "migrate", "--no-input", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    result = manage(url, restored, "import_all", str(archive))
    assert result.returncode == 0, result.stderr
    assert "checksums match" in result.stdout

    shell = "import json; from atlasplan.backup import checksums; print(json.dumps(checksums()))"
    printed = manage(url, restored, "shell", "-v0", "-c", shell).stdout
    target = json.loads(printed.strip().splitlines()[-1])
    assert target == source  # every table: the same number of rows, the same rows
    assert files_under(restored) == files_under(Path(media_root))
    assert len(files_under(restored)) == 2  # the signed consent form, the waiting import

    again = manage(url, restored, "import_all", str(archive))
    assert again.returncode != 0
    assert "database is not empty" in again.stderr


def test_import_refuses_a_database_that_holds_data(person, tmp_path):  # noqa: F811
    archive = tmp_path / "a.zip"
    call_command("export_all", str(archive), stdout=StringIO())
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("import_all", str(archive), stdout=StringIO())


def test_import_refuses_what_is_not_an_archive(db, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_all", str(broken))
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("data.json", "[]")
    with pytest.raises(CommandError, match=r"manifest\.json is missing"):
        call_command("import_all", str(other))
