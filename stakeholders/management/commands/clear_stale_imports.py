from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from stakeholders.imports import clear_stale


class Command(BaseCommand):
    help = (
        "Delete uploaded import files that were previewed but never confirmed or cancelled "
        "(they may hold personal data). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--hours",
            type=int,
            default=settings.IMPORT_FILE_RETENTION_HOURS,
            help="Older than this (default IMPORT_FILE_RETENTION_HOURS, 24).",
        )

    def handle(self, *args, hours: int, **options) -> None:
        deleted = clear_stale(timezone.now() - timedelta(hours=hours))
        self.stdout.write(f"{deleted} stale import files deleted")
