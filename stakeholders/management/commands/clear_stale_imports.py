from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from stakeholders.imports import STAGING_FOLDER as FOLDER


class Command(BaseCommand):
    help = (
        "Delete uploaded import files that were previewed but never confirmed or cancelled "
        "(they may hold personal data). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--hours", type=int, default=24, help="Older than this (default 24).")

    def handle(self, *args, hours: int, **options) -> None:
        if not default_storage.exists(FOLDER):
            self.stdout.write("0 stale import files")
            return
        cutoff = timezone.now() - timedelta(hours=hours)
        _dirs, names = default_storage.listdir(FOLDER)
        stale = [
            f"{FOLDER}/{name}"
            for name in names
            if default_storage.get_modified_time(f"{FOLDER}/{name}") < cutoff
        ]
        for path in stale:
            default_storage.delete(path)
        self.stdout.write(f"{len(stale)} stale import files deleted")
