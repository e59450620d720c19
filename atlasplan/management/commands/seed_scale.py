import time

from django.core.management.base import BaseCommand, CommandError

from atlasplan import scale


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic data at agency scale for benchmarks: at factor 1, "
        "10,000 policy documents, 2,000 organisations, 500 interviews and 100 workshops "
        f"(see atlasplan/scale.py). Every name carries '{scale.MARK}'. Refuses a database "
        "that holds other (real or demo) data unless --force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Scale of the sizes (1 = agency scale; 0.01 for a quick test).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the synthetic data even to a database holding non-synthetic data.",
        )
        parser.add_argument("--seed", type=int, default=16, help="Seed of the random data.")

    def handle(self, *args, factor: float, force: bool, seed: int, **options) -> None:
        if not 0 < factor <= 20:
            raise CommandError("--factor must be above 0 and at most 20.")
        if scale.holds_real_data() and not force:
            raise CommandError(
                "This database holds data that is not synthetic (organisations, documents, "
                f"interviews or workshops without '{scale.MARK}'). seed_scale is meant for a "
                "throwaway database; pass --force to add synthetic data to it anyway."
            )
        started = time.perf_counter()
        scale.run(factor, report=self._report, seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"seed_scale --factor {factor:g}: {elapsed:.1f} s"))

    def _report(self, line: str) -> None:
        self.stdout.write(f"  {line}")
