"""Benchmark: the pages of steps 5-7 (vision, validation round, communication plan) at agency scale.

Usage (from the project root, after `make install`):

    .venv/bin/python bench/plan.py [--scale 1] [--runs 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/atlasplan_bench .venv/bin/python bench/plan.py

It creates a throwaway test database and fills it (bulk_create, no history rows) with, at
scale 1: 2,000 organisations (mixed scope and sector) with 2 contacts each; 300 interview
excerpts and 300 policy passages; 3 vision versions (v1 and v2 vastgesteld, v3 concept) of 8
ambitions, each ambition linked to 20 excerpts and 20 passages; one validation round on v1 with
1,500 invitees and 1,200 responses with feedback on each of the 8 ambitions (9,600 rows, ~40%
objections, half of them decided in v2); 100 target groups, 1,000 objectives, 3,000 steps with
2 partners each and 5,000 measurements. Workshop statements are not filled.

Then it times every page through Django's test client as a consultant and as a reader (median
of N runs after one warm-up), with the peak Python memory of a request (tracemalloc), the number
of queries and the size, and prints each median as a multiple of /healthz (the floor). A page
a role may not open is listed with its status code. Nothing here runs in the test suite.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal
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
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

WORDS = [
    "stad",
    "wijk",
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


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def bulk(model, rows, size: int = 2000):
    return model.objects.bulk_create(rows, batch_size=size)


def fill(scale: int) -> dict:
    from django.contrib.auth import get_user_model

    from atlasplan.models import Theme
    from interviews.models import Consent, ConsentScope, Excerpt, Interview, Transcript
    from plan.models import (
        Ambition,
        AmbitionFeedback,
        Invitee,
        Measurement,
        ObjectionDecision,
        Objective,
        PlanText,
        Step,
        StepPartner,
        TargetGroup,
        ValidationResponse,
        ValidationRound,
        VisionVersion,
    )
    from plan.models.plan import Level, PlanSection, StepKind, StepState
    from plan.models.validation import OBJECTIONS, DecisionOutcome, Endorsement, InviteeState
    from plan.models.vision import VisionState
    from plan.terms import derive_term
    from policies.models import Passage, PolicyDocument
    from stakeholders.models import Contact, Organisation, Scope, Sector

    rng = random.Random(42)
    today = datetime.date.today()
    now = datetime.datetime.now(datetime.UTC)
    themes = [Theme.objects.create(name=f"Thema {i}") for i in range(12)]
    author = get_user_model().objects.create_user("bench-author", first_name="Bench")

    sectors = Sector.values
    organisations = bulk(
        Organisation,
        [
            Organisation(
                name=f"Organisatie {n:05d} {rng.choice(WORDS)}",
                sector=rng.choice(sectors),
                scope=Scope.INTERNAL if n % 5 == 0 else Scope.EXTERNAL,
            )
            for n in range(2000 * scale)
        ],
    )
    contacts = bulk(
        Contact,
        [
            Contact(organisation=org, name=f"Contact {org.pk}-{i}", email=f"c{org.pk}{i}@x.be")
            for org in organisations
            for i in range(2)
        ],
    )
    contacts_of = {}
    for contact in contacts:
        contacts_of.setdefault(contact.organisation_id, []).append(contact)

    # Evidence: a few hundred interview excerpts (with consent) and policy passages.
    interviews = bulk(
        Interview,
        [
            Interview(organisation=organisations[i], held_at=now, status="coded")
            for i in range(60 * scale)
        ],
    )
    bulk(
        Consent,
        [
            Consent(interview=iv, scope=[ConsentScope.NAMED, ConsentScope.ANONYMOUS][i % 2])
            for i, iv in enumerate(interviews)
        ],
    )
    transcripts = bulk(
        Transcript, [Transcript(interview=iv, text=words(rng, 400)) for iv in interviews]
    )
    excerpts = bulk(
        Excerpt,
        [
            Excerpt(
                interview=interviews[i % len(interviews)],
                transcript=transcripts[i % len(transcripts)],
                start=0,
                end=120,
                text=words(rng, 25),
                quotable=True,
            )
            for i in range(300 * scale)
        ],
    )
    documents = bulk(
        PolicyDocument,
        [
            PolicyDocument(title=f"Nota {i}", organisation="Stad", level="city", year=2024)
            for i in range(100 * scale)
        ],
    )
    passages = bulk(
        Passage,
        [Passage(document=documents[i % len(documents)], quote=words(rng, 25)) for i in range(300)],
    )

    # Step 5: three versions of eight ambitions, each traced to 20 excerpts and 20 passages.
    states = [VisionState.ADOPTED, VisionState.ADOPTED, VisionState.CONCEPT]
    versions = [
        VisionVersion.objects.create(
            number=n + 1,
            title=f"Visie {n + 1}",
            state=states[n],
            introduction=words(rng, 80),
            body="## Samenleven\n\n" + words(rng, 400),
            author=author,
            adopted_by=author if states[n] == VisionState.ADOPTED else None,
            adopted_at=now if states[n] == VisionState.ADOPTED else None,
        )
        for n in range(3)
    ]
    ambitions_of = {}
    for n, version in enumerate(versions):
        previous = ambitions_of.get(n - 1, [])
        ambitions_of[n] = bulk(
            Ambition,
            [
                Ambition(
                    version=version,
                    position=i + 1,
                    title=f"Ambitie {i + 1}: {words(rng, 4)}",
                    text=words(rng, 60),
                    origin=previous[i] if previous else None,
                )
                for i in range(8)
            ],
        )
    ambitions = [a for n in range(3) for a in ambitions_of[n]]
    bulk(
        Ambition.excerpts.through,
        [
            Ambition.excerpts.through(ambition_id=a.pk, excerpt_id=e.pk)
            for a in ambitions
            for e in rng.sample(excerpts, 20)
        ],
    )
    bulk(
        Ambition.passages.through,
        [
            Ambition.passages.through(ambition_id=a.pk, passage_id=p.pk)
            for a in ambitions
            for p in rng.sample(passages, 20)
        ],
    )
    bulk(
        Ambition.themes.through,
        [
            Ambition.themes.through(ambition_id=a.pk, theme_id=t.pk)
            for a in ambitions
            for t in rng.sample(themes, 2)
        ],
    )

    # Step 6: one round on v1.
    round_ = ValidationRound.objects.create(
        version=versions[0], title="Aftoetsing visie 1", opens_on=today, created_by=author
    )
    invited = rng.sample(organisations, 1500 * scale)
    answering = set(range(1200 * scale))
    invitees = bulk(
        Invitee,
        [
            Invitee(
                round=round_,
                organisation=org,
                state=InviteeState.ANSWERED if i in answering else InviteeState.INVITED,
                answered_on=today if i in answering else None,
            )
            for i, org in enumerate(invited)
        ],
    )
    bulk(
        Invitee.contacts.through,
        [
            Invitee.contacts.through(invitee_id=inv.pk, contact_id=c.pk)
            for inv in invitees
            for c in contacts_of[inv.organisation_id]
        ],
    )
    positions = Endorsement.values
    responses = bulk(
        ValidationResponse,
        [
            ValidationResponse(
                invitee=invitees[i],
                position=rng.choice(positions),
                surprises=words(rng, 20),
                remarks=words(rng, 30),
                consent_scope=rng.choice(ConsentScope.values),
            )
            for i in sorted(answering)
        ],
    )
    feedback = bulk(
        AmbitionFeedback,
        [
            AmbitionFeedback(
                response=r,
                ambition=a,
                position=(
                    rng.choice([Endorsement.PARTLY, Endorsement.NOT])
                    if rng.random() < 0.4
                    else Endorsement.ENDORSE
                ),
                comment=words(rng, 15),
            )
            for r in responses
            for a in ambitions_of[0]
        ],
    )
    objections = [f for f in feedback if f.position in OBJECTIONS]
    decided = objections[: len(objections) // 2]
    decisions = bulk(
        ObjectionDecision,
        [
            ObjectionDecision(
                feedback=f,
                outcome=rng.choice(DecisionOutcome.values),
                version=versions[1],
                explanation=words(rng, 20),
                decided_by=author,
            )
            for f in decided
        ],
    )
    index = {a.pk: i for i, a in enumerate(ambitions_of[0])}
    bulk(
        ObjectionDecision.ambitions.through,
        [
            ObjectionDecision.ambitions.through(
                objectiondecision_id=d.pk, ambition_id=ambitions_of[1][index[f.ambition_id]].pk
            )
            for d, f in zip(decisions, decided, strict=True)
        ],
    )

    # Step 7: the communication plan.
    targets = bulk(
        TargetGroup,
        [
            TargetGroup(
                name=f"Doelgroep {i:03d}",
                position=i,
                scope=Scope.INTERNAL if i % 4 == 0 else Scope.EXTERNAL,
                know=words(rng, 20),
                feel=words(rng, 20),
                do=words(rng, 20),
            )
            for i in range(100 * scale)
        ],
    )
    levels = Level.values
    objectives = bulk(
        Objective,
        [
            Objective(
                target_group=targets[i % len(targets)],
                text=f"Doelstelling {i}: {words(rng, 15)}",
                level=rng.choice(levels),
                indicator="aandeel" if i % 3 else "",
                baseline=Decimal(10),
                baseline_on=today - datetime.timedelta(days=400),
                target=Decimal(rng.randint(20, 90)),
                unit="%",
                deadline=today + datetime.timedelta(days=rng.randint(-100, 900)),
                position=i,
            )
            for i in range(1000 * scale)
        ],
    )
    bulk(
        Objective.ambitions.through,
        [
            Objective.ambitions.through(objective_id=o.pk, ambition_id=rng.choice(ambitions).pk)
            for o in objectives
        ],
    )
    step_rows = []
    for i in range(3000 * scale):
        start = today + datetime.timedelta(days=rng.randint(-300, 700))
        end = start + datetime.timedelta(days=rng.randint(10, 600))
        step_rows.append(
            Step(
                title=f"Stap {i}: {words(rng, 5)}",
                kind=rng.choice(StepKind.values),
                term=derive_term(start, end),
                start=start,
                end=end,
                owner_name=f"Eigenaar {i % 40}",
                channel=rng.choice(WORDS),
                budget=Decimal(rng.randint(0, 20000)),
                state=rng.choice(StepState.values),
                progress=rng.randint(0, 100),
            )
        )
    steps = bulk(Step, step_rows)
    bulk(
        Step.objectives.through,
        [
            Step.objectives.through(step_id=s.pk, objective_id=objectives[i % len(objectives)].pk)
            for i, s in enumerate(steps)
        ],
    )
    bulk(
        StepPartner,
        [
            StepPartner(step=s, organisation=org, role=rng.choice(WORDS))
            for s in steps
            for org in rng.sample(organisations, 2)
        ],
    )
    bulk(
        Measurement,
        [
            Measurement(
                objective=objectives[i % len(objectives)],
                measured_on=today - datetime.timedelta(days=rng.randint(0, 390)),
                value=Decimal(rng.randint(0, 100)),
                source="enquête",
            )
            for i in range(5000 * scale)
        ],
    )
    for key in PlanSection.values:
        PlanText.objects.create(key=key, text=words(rng, 300))
    return {
        "versions": versions,
        "ambition": ambitions_of[2][0],
        "round": round_,
        "target": targets[0],
    }


SLOW = 10  # seconds: a page whose warm-up takes longer is timed once, not N times


def measure(client: Client, url: str, runs: int) -> dict:
    begun = time.perf_counter()
    try:
        response = client.get(url)  # warm up (and the status check)
    except Exception as error:  # a page that fails is reported, the others still timed
        return {"status": f"error {type(error).__name__}: {str(error)[:100]}"}
    if response.status_code != 200:
        return {"status": response.status_code}
    if response.streaming:
        b"".join(response)
    if time.perf_counter() - begun > SLOW:
        runs = 1  # a page this slow is timed once (its warm-up shows it is no noise)
    timings, peaks = [], []
    for _ in range(runs):
        tracemalloc.start()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
        timings.append((time.perf_counter() - started) * 1000)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1024 / 1024)
        tracemalloc.stop()
    return {
        "status": 200,
        "median": statistics.median(timings),
        "peak": max(peaks),
        "queries": len(queries),
        "size": len(body),
        "streaming": response.streaming,
    }


def profile(client: Client, url: str) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    response = client.get(url)
    if response.streaming:
        b"".join(response)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(8)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--only", default="", help="time only the pages whose label has this (comma: any of)"
    )
    parser.add_argument("--start", default="", help="begin at the page whose label has this")
    parser.add_argument(
        "--profile", action="store_true", help="print the top functions (cProfile) of each page"
    )
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth.models import Group, User

        from atlasplan.roles import GROUP_NAMES, Role

        started = time.perf_counter()
        made = fill(args.scale)
        print(
            f"{connection.vendor}: scale {args.scale} loaded in "
            f"{time.perf_counter() - started:.1f} s; median of {args.runs} runs"
        )
        clients = {}
        for role in (Role.CONSULTANT, Role.READER):
            user = User.objects.create_user(f"bench-{role}")
            user.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[role])[0])
            clients[role] = Client()
            clients[role].force_login(user)
        v1, v2, _v3 = made["versions"]
        r = made["round"].pk
        pages = [
            ("healthz (floor)", "/healthz"),
            ("vision list", "/plan/vision/"),
            ("version detail v1", f"/plan/vision/{v1.pk}/"),
            ("version evidence v1", f"/plan/vision/{v1.pk}/evidence/"),
            ("compare v1-v2", f"/plan/vision/compare/?a={v1.pk}&b={v2.pk}"),
            ("ambition edit (picker)", f"/plan/vision/ambitions/{made['ambition'].pk}/edit/"),
            ("validation list", "/plan/validation/"),
            ("round detail", f"/plan/validation/{r}/"),
            ("round results", f"/plan/validation/{r}/results/"),
            ("round objections", f"/plan/validation/{r}/objections/"),
            ("export.csv", f"/plan/validation/{r}/export.csv"),
            ("export.xlsx", f"/plan/validation/{r}/export.xlsx"),
            ("targets", "/plan/targets/"),
            ("target detail", f"/plan/targets/{made['target'].pk}/"),
            ("steps", "/plan/steps/"),
            ("course check", "/plan/check/"),
            ("partners", "/plan/partners/"),
            ("timeline per target", "/plan/timeline/?group=target"),
            ("timeline per term", "/plan/timeline/?group=term"),
            ("follow-up", "/plan/follow-up/"),
            ("api objectives", "/plan/api/objectives/"),
            ("api steps", "/plan/api/steps/"),
            ("plan texts", "/plan/texts/"),
            ("dashboard", "/"),
        ]
        floor = None
        print(
            f"  {'page':<24} {'role':<10} {'median ms':>10} {'x floor':>8} {'queries':>8} "
            f"{'peak MB':>8} {'kB':>7}"
        )
        for label, url in pages:
            if args.start and args.start in label:
                args.start = ""
            only = [part for part in args.only.split(",") if part]
            skipped = args.start or (only and not any(part in label for part in only))
            if skipped and not label.startswith("healthz"):
                continue
            for role, client in clients.items():
                result = measure(client, url, args.runs)
                if args.profile and result["status"] == 200:
                    profile(client, url)
                if result["status"] != 200:
                    print(f"  {label:<24} {role:<10} status {result['status']}")
                    continue
                if label.startswith("healthz"):  # the lower of the two, the load varies
                    floor = min(floor or result["median"], result["median"])
                streamed = " streamed" if result["streaming"] else ""
                print(
                    f"  {label:<24} {role:<10} {result['median']:10.1f} "
                    f"{result['median'] / floor:8.1f} {result['queries']:8d} "
                    f"{result['peak']:8.1f} {result['size'] / 1024:7.0f}{streamed}",
                    flush=True,
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
