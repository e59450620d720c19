from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from atlasplan.backup import BackupError, import_all


class Command(BaseCommand):
    help = (
        "Restore an archive written by export_all into this database and media storage. The "
        "database must be new and migrated (it refuses one that holds data); every table's "
        "rows and every file are checked against the archive's checksums."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The archive written by export_all")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = import_all(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"restored {rows} rows in {len(manifest['tables'])} tables and "
            f"{len(manifest['media'])} media files; checksums match"
        )
