from django.core.management.base import BaseCommand, CommandError

from plan import exports


class Command(BaseCommand):
    help = (
        "Delete the plan's background-rendered PDFs older than PLAN_EXPORT_RETENTION_DAYS "
        "(default 7) with their files, those that failed or were abandoned, and stray files. "
        "Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days", type=int, default=None, help="Keep this many days (default: the setting)."
        )

    def handle(self, *args, days: int | None, **options) -> None:
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        cleared = exports.clear(days=days)
        self.stdout.write(
            f"{cleared.expired} expired PDF exports deleted, {cleared.given_up} failed or "
            f"abandoned, {cleared.orphans} stray files"
        )
