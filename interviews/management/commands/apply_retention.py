import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from interviews import retention
from stakeholders.imports import clear_stale


def moment(value: str) -> datetime.datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        raise CommandError(f"--now: not a date and time: {value!r} (e.g. 2027-01-31T12:00)")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class Command(BaseCommand):
    help = (
        "Remove raw transcripts and notes of interviews held more than RAW_TEXT_RETENTION_DAYS "
        "ago (the coded excerpts stay, anonymised), and spreadsheet imports abandoned for more "
        "than IMPORT_FILE_RETENTION_HOURS. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", type=moment, help="Act as if it were this moment.")
        parser.add_argument(
            "--days", type=int, help="Override RAW_TEXT_RETENTION_DAYS (0 keeps raw text)."
        )

    def handle(self, *args, now=None, days=None, **options) -> None:
        now = now or timezone.now()
        days = settings.RAW_TEXT_RETENTION_DAYS if days is None else days
        if days > 0:
            count = retention.apply(now, days)
            self.stdout.write(f"raw text removed from {count} interviews (older than {days} days)")
        else:
            self.stdout.write("raw text kept: RAW_TEXT_RETENTION_DAYS is 0")
        hours = settings.IMPORT_FILE_RETENTION_HOURS
        deleted = clear_stale(now - datetime.timedelta(hours=hours))
        self.stdout.write(f"{deleted} abandoned import files deleted (older than {hours} hours)")
