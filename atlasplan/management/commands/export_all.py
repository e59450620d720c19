from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from atlasplan.backup import BackupError, export_all


class Command(BaseCommand):
    help = (
        "Write one archive (zip) with all data (every table, history and accounts included) "
        "and every media file; import_all restores it into an empty database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The archive to write, e.g. atlasplan.zip")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = export_all(file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"{file}: {rows} rows in {len(manifest['tables'])} tables, "
            f"{len(manifest['media'])} media files"
        )
