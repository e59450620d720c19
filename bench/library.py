"""Benchmark: the desk-research library with many documents (speed and memory).

Usage (from the project root, after `make install`):

    .venv/bin/python bench/library.py [--documents 5000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/atlasplan_bench .venv/bin/python bench/library.py

It creates a throwaway test database, fills it with synthetic Dutch documents (each with a
few pages of text and three passages), then times the list page, a full-text search, a
filtered list and the map through Django's test client, and reports the peak Python memory
of each request (tracemalloc). Nothing here runs in the test suite.
"""

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WORDS = [
    "stad",
    "wijk",
    "wijken",
    "buurt",
    "samenleven",
    "diversiteit",
    "beeldvorming",
    "taal",
    "onderwijs",
    "werk",
    "discriminatie",
    "racisme",
    "participatie",
    "inburgering",
    "nieuwkomers",
    "school",
    "ouders",
    "jongeren",
    "vereniging",
    "cultuur",
    "media",
    "verhalen",
    "ontmoeting",
    "gelijke",
    "kansen",
    "beleid",
    "actieplan",
]


def fill(count: int) -> None:
    from atlasplan.models import Theme
    from policies.models import Level, Passage, PolicyDocument

    rng = random.Random(42)
    themes = [Theme.objects.create(name=f"Thema {i}") for i in range(12)]
    levels = Level.values
    for start in range(0, count, 500):
        batch = []
        for n in range(start, min(count, start + 500)):
            text = " ".join(rng.choice(WORDS) for _ in range(1500))
            batch.append(
                PolicyDocument(
                    title=f"Nota {n} over {rng.choice(WORDS)}",
                    organisation="Stad Antwerpen",
                    level=rng.choice(levels),
                    year=rng.randint(2015, 2026),
                    summary=" ".join(rng.choice(WORDS) for _ in range(60)),
                    extracted_text=text,
                )
            )
        created = PolicyDocument.objects.bulk_create(batch)
        for document in created:
            document.themes.set(rng.sample(themes, 2))
            Passage.objects.bulk_create(
                Passage(document=document, quote=" ".join(rng.choice(WORDS) for _ in range(25)))
                for _ in range(3)
            )
            document.save()  # the post_save signal builds the search vector on PostgreSQL


def measure(client: Client, url: str, runs: int = 7) -> tuple[float, float, int]:
    client.get(url)  # warm up
    timings, peaks = [], []
    for _ in range(runs):
        tracemalloc.start()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1024 / 1024)
        tracemalloc.stop()
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), max(peaks), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=5000)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.contrib.auth.models import Group, User

        started = time.perf_counter()
        fill(args.documents)
        print(
            f"{connection.vendor}: {args.documents} documents loaded in {time.perf_counter() - started:.1f} s"
        )
        user = User.objects.create_user("bench")
        user.groups.add(Group.objects.get_or_create(name="Consultant")[0])
        client = Client()
        client.force_login(user)
        for label, url in [
            ("list, first page", "/policies/"),
            ("list, page 50", "/policies/?page=50"),
            ("filter level+year", "/policies/?level=city&year=2020"),
            ("search 'wijken'", "/policies/?q=wijken"),
            ("search two words", "/policies/?q=gelijke+kansen"),
            ("map level x theme", "/policies/map/"),
        ]:
            median, peak, size = measure(client, url)
            print(
                f"  {label:<20} median {median:7.1f} ms   peak memory {peak:6.1f} MB   {size / 1024:6.0f} kB"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
