import secrets

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from atlasplan.demo import DemoContext, all_parts
from atlasplan.demo_core import DEMO_USERS


class Command(BaseCommand):
    help = (
        "Load the fictional Atlas demo case (users per role, codebook, and each step's part). "
        "Idempotent: what is already there is left as it is."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password",
            help="Password for demo users created now (default: a generated one, printed).",
        )

    def handle(self, *args, password: str | None = None, **options) -> None:
        generated = not password
        password = password or secrets.token_urlsafe(12)
        context = DemoContext(password=password, report=self._report)
        usernames = [username for username, *_rest in DEMO_USERS]
        existing = set(
            User.objects.filter(username__in=usernames).values_list("username", flat=True)
        )
        with transaction.atomic():
            for part in all_parts():
                self.stdout.write(self.style.MIGRATE_HEADING(f"Demo: {part.name}"))
                part.load(context)
        self._print_logins(password, generated, existing)

    def _report(self, line: str) -> None:
        self.stdout.write(f"  {line}")

    def _print_logins(self, password: str, generated: bool, existing: set[str]) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("AtlasPlan demo: http://127.0.0.1:8000/"))
        for username, _first, _last, role in DEMO_USERS:
            if username in existing:
                shown = "(unchanged: the password set when the demo was first loaded)"
            else:
                shown = f"{password}{'  (generated)' if generated else ''}"
            self.stdout.write(f"  {role.label:<12} user: {username:<11} password: {shown}")
