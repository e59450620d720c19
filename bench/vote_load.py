"""Fifty participants vote at once: is any vote lost or stored twice?

A script, not a timed test. It needs a running AtlasPlan server and the same database
settings (DATABASE_URL) as that server, because it creates an open workshop to vote on
and counts what was stored afterwards.

    # terminal 1: a server on PostgreSQL, several workers sharing one cache
    export DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/atlasplan_bench
    export CACHE_URL=filecache:///tmp/atlasplan-bench-cache
    .venv/bin/python manage.py migrate
    .venv/bin/gunicorn atlasplan.wsgi --workers 4 --threads 4 --bind 127.0.0.1:8791

    # terminal 2: the same environment
    .venv/bin/python bench/vote_load.py --url http://127.0.0.1:8791 --participants 50

The same on SQLite, the embedded default (DATABASE_URL=sqlite:////tmp/bench.sqlite3): its
WAL journal, busy timeout and immediate transactions (atlasplan/settings.py) keep every
vote; tests/workshops/test_sqlite_voters.py runs it with 40 participants and 2 statements.

Each participant (a thread with its own cookie jar, stdlib urllib only) opens the voting
address, answers every statement, then changes every answer once. All start together
behind a barrier. Afterwards the script checks that there is exactly one vote per
participant and statement, holding the participant's last answer.

With ``--stuffers N``, N fresh cookie jars then take a ballot at once on a workshop that asks
a role and expects one participant (a limit of 11 ballots): each opens the page, picks a
role, then votes. The script checks that no more than 11 ballots were made.
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atlasplan.settings")
os.environ.setdefault("DEBUG", "true")

import django

django.setup()

from workshops.models import Ballot, Statement, Vote, Workshop  # noqa: E402

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATEMENTS = 12


def first_answer(participant: int, statement: int) -> int:
    return (participant + statement) % 6


def last_answer(participant: int, statement: int) -> int:
    return (participant * 7 + statement * 3 + 1) % 6


class Participant(threading.Thread):
    def __init__(self, number: int, base: str, code: str, statements: list[int], barrier):
        super().__init__(name=f"participant-{number}")
        self.number, self.base, self.code = number, base, code
        self.statements, self.barrier = statements, barrier
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.errors: list[str] = []
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(self, url: str, data: dict | None = None) -> str:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        # Votes are sent as the page's htmx does: the answer is only the status fragment.
        headers = {"HX-Request": "true"} if data is not None else {}
        started = time.perf_counter()
        try:
            request = urllib.request.Request(url, body, headers)
            with self.opener.open(request, timeout=60) as response:
                self.statuses[response.status] += 1
                return response.read().decode()
        except urllib.error.HTTPError as error:
            self.statuses[error.code] += 1
            self.errors.append(f"{url}: {error.code}")
            return ""
        finally:
            self.latencies.append(time.perf_counter() - started)

    def run(self) -> None:
        self.barrier.wait()
        page = self.request(f"{self.base}/v/{self.code}/")  # cookie swap and redirect
        token = CSRF.search(page)
        if not token:
            self.errors.append("no voting page")
            return
        for answer in (first_answer, last_answer):
            for index, pk in enumerate(self.statements):
                self.request(
                    f"{self.base}/v/{self.code}/s/{pk}/",
                    {
                        "csrfmiddlewaretoken": token.group(1),
                        "value": answer(self.number, index),
                        "comment": f"deelnemer {self.number}",
                    },
                )


class Stuffer(Participant):
    """A fresh cookie jar that takes a ballot through the role step or a first vote."""

    def run(self) -> None:
        self.barrier.wait()
        page = self.request(f"{self.base}/v/{self.code}/")
        token = CSRF.search(page)
        if not token:
            return  # refused at the door: the workshop is full
        data = {"csrfmiddlewaretoken": token.group(1)}
        self.request(f"{self.base}/v/{self.code}/role/", {**data, "role": "Beleid"})
        self.request(f"{self.base}/v/{self.code}/s/{self.statements[0]}/", {**data, "value": 4})


def stuff(base: str, stuffers: int) -> list[str]:
    workshop = make_workshop()
    workshop.expected_participants = 1
    workshop.ask_role, workshop.role_options = True, "Communicatie\nBeleid"
    workshop.save()
    statements = list(workshop.statements.values_list("pk", flat=True))
    barrier = threading.Barrier(stuffers)
    crowd = [Stuffer(n, base, workshop.code, statements, barrier) for n in range(stuffers)]
    for stuffer in crowd:
        stuffer.start()
    for stuffer in crowd:
        stuffer.join()
    ballots = Ballot.objects.filter(workshop=workshop).count()
    statuses = sum((s.statuses for s in crowd), Counter())
    print(f"stuffing: {stuffers} cookie jars, status codes {dict(sorted(statuses.items()))}")
    print(f"stuffing: {ballots} ballots on a workshop with a limit of {workshop.ballot_limit()}")
    return [] if ballots <= workshop.ballot_limit() else [f"{ballots} ballots past the limit"]


def make_workshop(statements: int = STATEMENTS) -> Workshop:
    workshop = Workshop.objects.create(
        title=f"Belastingtest {time.strftime('%H:%M:%S')}",
        date="2026-11-27",
        state=Workshop.State.OPEN,
    )
    for order in range(1, statements + 1):
        Statement.objects.create(workshop=workshop, order=order, text=f"Stelling {order}")
    return workshop


def check(workshop: Workshop, participants: int, statements: list[int]) -> list[str]:
    problems = []
    ballots = Ballot.objects.filter(workshop=workshop).count()
    if ballots != participants:
        problems.append(f"{ballots} ballots for {participants} participants")
    votes = list(
        Vote.objects.filter(statement__workshop=workshop).values_list(
            "comment", "statement_id", "value"
        )
    )
    expected = participants * len(statements)
    if len(votes) != expected:
        problems.append(f"{len(votes)} votes stored, {expected} expected")
    seen = Counter((comment, pk) for comment, pk, _value in votes)
    doubles = [key for key, count in seen.items() if count > 1]
    if doubles:
        problems.append(f"{len(doubles)} votes stored twice")
    position = {pk: index for index, pk in enumerate(statements)}
    wrong = [
        (comment, pk, value)
        for comment, pk, value in votes
        if value != last_answer(int(comment.split()[-1]), position[pk])
    ]
    if wrong:
        problems.append(f"{len(wrong)} votes do not hold the last answer given")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--stuffers", type=int, default=0)
    parser.add_argument("--statements", type=int, default=STATEMENTS)
    arguments = parser.parse_args()

    workshop = make_workshop(arguments.statements)
    statements = list(workshop.statements.order_by("order").values_list("pk", flat=True))
    barrier = threading.Barrier(arguments.participants)
    crowd = [
        Participant(number, arguments.url.rstrip("/"), workshop.code, statements, barrier)
        for number in range(arguments.participants)
    ]
    started = time.perf_counter()
    for participant in crowd:
        participant.start()
    for participant in crowd:
        participant.join()
    elapsed = time.perf_counter() - started

    latencies = sorted(t for p in crowd for t in p.latencies)
    statuses = sum((p.statuses for p in crowd), Counter())
    errors = [error for p in crowd for error in p.errors]
    print(
        f"workshop {workshop.code}: {arguments.participants} participants, "
        f"{arguments.statements} statements"
    )
    print(f"requests: {len(latencies)} in {elapsed:.2f} s ({len(latencies) / elapsed:.0f}/s)")
    print(f"status codes: {dict(sorted(statuses.items()))}")
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"latency: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    problems = check(workshop, arguments.participants, statements) + errors[:10]
    if arguments.stuffers:
        problems += stuff(arguments.url.rstrip("/"), arguments.stuffers)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if not problems:
        stored = Vote.objects.filter(statement__workshop=workshop).count()
        print(f"OK: {stored} votes stored, one per participant and statement")
        print("no vote lost, none stored twice, each holds the last answer given")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
