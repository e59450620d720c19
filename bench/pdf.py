"""Benchmark: the plan's PDF (issue 12), on the demo plan and on a plan ten times larger.

Usage (from the project root, after `make install`):

    .venv/bin/python bench/pdf.py [--runs 3] [--times 10] [--large-runs 1]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/atlasplan_bench .venv/bin/python bench/pdf.py

It creates a throwaway test database, loads the demo case (``manage.py load_demo``) and times,
for the demo plan and then for the demo plan with its target groups, objectives, measurements,
steps and step partners copied ``--times`` times over (so ten times larger by default):

- the PDF view through Django's test client, as a reader, rendered inline (median of N runs
  after one warm-up, ``--large-runs`` without a warm-up on the larger plan; the
  background-rendering threshold is lifted for the measurement);
- WeasyPrint alone on the same HTML saved to a file (``HTML(filename=...).write_pdf()`` with
  the same URL fetcher and base URL);
- their ratio (target: at most 1.2), the page count and pages per second (target: at least 15).

Nothing here runs in the test suite.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atlasplan.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

RATIO_TARGET = 1.2
PAGES_PER_SECOND_TARGET = 15


def timed(action) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result): on a shared machine the wall
    time follows the load; the CPU time much less."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - started, time.process_time() - cpu, result


def multiply(times: int) -> None:
    """Copy the plan's target groups (with objectives and measurements) and steps (with
    partners and objective links) until there are ``times`` of each."""
    from plan.models import Measurement, Objective, Step, StepPartner, TargetGroup

    Link = Step.objectives.through
    group_pks = list(TargetGroup.objects.values_list("pk", flat=True))
    objective_pks = list(Objective.objects.values_list("pk", flat=True))
    step_pks = list(Step.objects.values_list("pk", flat=True))
    for copy in range(2, times + 1):
        group_map, objective_map, step_map = {}, {}, {}
        for group in TargetGroup.objects.filter(pk__in=group_pks).order_by("pk"):
            old, group.pk, group.name = group.pk, None, f"{group.name} ({copy})"
            group.save()
            group_map[old] = group.pk
        for objective in Objective.objects.filter(pk__in=objective_pks).order_by("pk"):
            old, objective.pk = objective.pk, None
            objective.target_group_id = group_map[objective.target_group_id]
            objective.save()
            objective_map[old] = objective.pk
        measurements = list(Measurement.objects.filter(objective_id__in=objective_pks))
        for measurement in measurements:
            measurement.pk, measurement.objective_id = None, objective_map[measurement.objective_id]
        Measurement.objects.bulk_create(measurements)
        for step in Step.objects.filter(pk__in=step_pks).order_by("pk"):
            old, step.pk, step.title = step.pk, None, f"{step.title} ({copy})"
            step.save()
            step_map[old] = step.pk
        links = Link.objects.filter(step_id__in=step_pks).values_list("step_id", "objective_id")
        Link.objects.bulk_create(
            Link(step_id=step_map[s], objective_id=objective_map[o]) for s, o in links
        )
        partners = list(StepPartner.objects.filter(step_id__in=step_pks).order_by("pk"))
        for partner in partners:
            partner.pk, partner.step_id = None, step_map[partner.step_id]
        StepPartner.objects.bulk_create(partners)


def measure(label: str, client: Client, runs: int, warm_up: bool) -> None:
    """The view and WeasyPrint alone, taken in turn in each run (so both see the same load
    on a shared machine), as medians."""
    from plan import pdf
    from plan.models import Objective, Step, TargetGroup

    counts = (
        f"{TargetGroup.objects.count()} target groups, {Objective.objects.count()} objectives, "
        f"{Step.objects.count()} steps"
    )
    inline = override_settings(
        PLAN_PDF_BACKGROUND_STEPS=10**9, PLAN_PDF_BACKGROUND_OBJECTIVES=10**9
    )
    with tempfile.TemporaryDirectory() as folder, inline:
        path = Path(folder) / "plan.html"
        path.write_text(pdf.html(), encoding="utf-8")

        def view():
            response = client.get("/plan/pdf/")
            assert response.status_code == 200, response.status_code
            assert response["Content-Type"] == "application/pdf", response["Content-Type"]
            return response.content

        def weasyprint_only() -> bytes:
            return HTML(
                filename=str(path), base_url=pdf.BASE_URL, url_fetcher=pdf.StaticFetcher()
            ).write_pdf(pdf_variant="pdf/ua-1")

        if warm_up:  # templates, fonts, caches
            view()
            weasyprint_only()
        views, alone = [], []
        for _ in range(runs):
            *times, content = timed(view)
            views.append(times)
            alone.append(timed(weasyprint_only)[:2])
    pages = len(PdfReader(io.BytesIO(content)).pages)
    view_s, view_cpu = (statistics.median(t[i] for t in views) for i in (0, 1))
    alone_s, alone_cpu = (statistics.median(t[i] for t in alone) for i in (0, 1))
    ratio = view_s / alone_s
    rate = pages / view_s
    ok_ratio = "ok" if ratio <= RATIO_TARGET else "ABOVE TARGET"
    ok_rate = "ok" if rate >= PAGES_PER_SECOND_TARGET else "BELOW TARGET"
    print(f"{label}: {counts}; median of {runs} run(s){', after a warm-up' if warm_up else ''}")
    print(f"  {'':<24} {'wall ms':>8} {'CPU ms':>8}")
    print(f"  {'PDF view (test client)':<24} {view_s * 1000:8.0f} {view_cpu * 1000:8.0f}")
    print(f"  {'WeasyPrint on the file':<24} {alone_s * 1000:8.0f} {alone_cpu * 1000:8.0f}")
    print(
        f"  {'ratio view / WeasyPrint':<24} {ratio:8.2f} {view_cpu / alone_cpu:8.2f}"
        f"    (target <= {RATIO_TARGET}: {ok_ratio})"
    )
    print(f"  {'pages':<24} {pages:8d}")
    print(
        f"  {'pages per second':<24} {rate:8.1f} {pages / view_cpu:8.1f}"
        f"    (target >= {PAGES_PER_SECOND_TARGET}: {ok_rate})"
    )
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--times", type=int, default=10, help="the larger plan: demo x TIMES")
    parser.add_argument("--large-runs", type=int, default=1, help="runs on the larger plan")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth.models import Group, User

        from atlasplan.roles import GROUP_NAMES, Role

        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            call_command("load_demo", "--password", "benchmark-only", stdout=io.StringIO())
            user = User.objects.create_user("bench-reader")
            user.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role.READER])[0])
            client = Client()
            client.force_login(user)
            print(f"{connection.vendor}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}\n")
            measure("demo plan", client, args.runs, warm_up=True)
            multiply(args.times)
            measure(f"demo plan x {args.times}", client, args.large_runs, warm_up=False)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
