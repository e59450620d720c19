"""One archive holds everything: ``manage.py export_all FILE`` and ``import_all FILE``.

The archive is a zip file with

- ``data.json``: every row of every model (history, accounts and the audit included), as
  ``dumpdata`` writes it with natural keys, so content types, permissions, the role groups
  and users, which each database may number itself, are matched by name;
- ``media/<name>``: every stored file, read and written through Django's storage (the local
  folder or S3-compatible storage alike);
- ``manifest.json``: per table its row count and a checksum of its rows, per file its
  SHA-256. ``import_all`` recomputes them after loading and refuses a restore that differs.

Restoring goes into an empty, migrated database (SQLite or PostgreSQL, whichever the
archive came from); stored search vectors are recomputed on load by the apps' signals.
"""

import datetime
import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.postgres.search import SearchVectorField
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.test.utils import override_settings

from atlasplan.signals import roles_unrecorded

FORMAT = 1
# Made by ``migrate`` in every database, or only valid in the running one.
NOT_COPIED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    """An archive that cannot be written, read or restored as asked (message for the user)."""


def copied_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in NOT_COPIED
        and model._meta.managed
        and not model._meta.proxy
    ]


def _comparable(model: type[models.Model]) -> list[str]:
    """Fields whose values mean the same in any database (a search vector is recomputed)."""
    return [
        f.name
        for f in model._meta.local_fields + model._meta.local_many_to_many
        if not isinstance(f, SearchVectorField) and not f.primary_key
    ]


def _line(row: dict) -> str:
    """One row as canonical JSON; many-to-many lists sorted (databases return them in any
    order)."""
    fields = {
        name: sorted(value, key=json.dumps) if isinstance(value, list) else value
        for name, value in row["fields"].items()
    }
    return json.dumps([row.get("pk"), fields], sort_keys=True, cls=DjangoJSONEncoder)


def table_checksum(model: type[models.Model]) -> dict:
    rows = serializers.serialize(
        "python",
        model._base_manager.order_by("pk"),
        fields=_comparable(model),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    lines = sorted(_line(row) for row in rows)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return {"rows": len(lines), "sha256": digest}


def checksums() -> dict[str, dict]:
    return {model._meta.label: table_checksum(model) for model in copied_models()}


def stored_files(folder: str = "") -> list[str]:
    """Every file name in the default storage, walked through the storage's own listdir."""
    if folder and not default_storage.exists(folder):
        return []
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += stored_files(f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def export_all(path: Path) -> dict:
    """Write the archive to ``path``; the manifest."""
    labels = [model._meta.label for model in copied_models()]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        call_command(
            "dumpdata", *labels, natural_foreign=True, natural_primary=True,
            output=str(data), verbosity=0,
        )  # fmt: skip
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "tables": checksums(),
            "media": {},
        }
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            for name in stored_files():
                with default_storage.open(name, "rb") as stored:
                    content = stored.read()
                archive.writestr(f"media/{name}", content)
                manifest["media"][name] = _sha256(content)
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return manifest


# Filled by the migrations themselves (the role groups): loaded by name over what is there.
MIGRATION_MADE = {"auth.group"}


def occupied_tables() -> list[str]:
    """Tables of the copied models that hold rows (an empty, migrated database has none)."""
    return [
        m._meta.label
        for m in copied_models()
        if m._meta.label_lower not in MIGRATION_MADE and m._base_manager.exists()
    ]


def _manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("not an AtlasPlan archive: manifest.json is missing or broken") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"archive format {manifest.get('format')!r}, expected {FORMAT}")
    return manifest


def _differences(expected: dict, found: dict) -> list[str]:
    return [
        f"{label}: {expected.get(label)} != {found.get(label)}"
        for label in sorted(set(expected) | set(found))
        if expected.get(label) != found.get(label)
    ]


def _restore_media(archive: zipfile.ZipFile, media: dict[str, str]) -> None:
    for name, digest in sorted(media.items()):
        content = archive.read(f"media/{name}")
        if _sha256(content) != digest:
            raise BackupError(f"media file {name} does not match its checksum")
        if default_storage.exists(name):
            raise BackupError(f"media file {name} already exists in the storage")
        saved = default_storage.save(name, ContentFile(content))
        if saved != name:
            default_storage.delete(saved)
            raise BackupError(f"the storage renamed {name} to {saved}")


def import_all(path: Path) -> dict:
    """Restore the archive at ``path`` into this (empty) database and storage."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"cannot read {path}: {error}") from error
    with archive:
        manifest = _manifest(archive)
        if occupied := occupied_tables():
            raise BackupError(
                "the database is not empty; restore only into a new, migrated database "
                f"(tables with rows: {', '.join(occupied[:5])}{'…' if len(occupied) > 5 else ''})"
            )
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(archive.extract("data.json", tmp))
            # The archive holds the history and the role changes themselves: loading must
            # not record new ones (simple-history would for each many-to-many it sets).
            history_off = override_settings(SIMPLE_HISTORY_ENABLED=False)
            with transaction.atomic(), roles_unrecorded(), history_off:
                # What the migrations made gives way to what the archive holds, so that the
                # restored tables equal the archived ones row for row.
                for label in MIGRATION_MADE:
                    apps.get_model(label)._base_manager.all().delete()
                call_command("loaddata", str(data), verbosity=0)
                if problems := _differences(manifest["tables"], checksums()):
                    raise BackupError("restored data differs: " + "; ".join(problems[:10]))
        _restore_media(archive, manifest["media"])
    return manifest
