"""Step 4's part of ``seed_scale``: workshops, statements, ballots and votes."""

import hashlib
import math
import secrets

from atlasplan.scale import BATCH, MARK, TOPICS, ScaleContext, pairs, spread
from workshops.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    Ballot,
    Statement,
    StatementOutcome,
    Vote,
    Workshop,
    WorkshopState,
)

WORKSHOPS, STATEMENTS, VOTES = 100, 1_200, 23_000
# How often each answer is given, in Answer.values' order (pass, 1 … 5): leaning to agree.
ANSWER_WEIGHTS = [1, 1, 2, 3, 5, 3]


def holds_real_data() -> bool:
    return Workshop.objects.exclude(title__contains=MARK).exists()


def fill(context: ScaleContext) -> None:
    count, rng = context.size(WORKSHOPS), context.rng
    workshops = Workshop.objects.bulk_create(
        Workshop(
            title=f"Workshop {n + 1} over {rng.choice(TOPICS)} {MARK}",
            date=context.days_ago(700),
            state=WorkshopState.CLOSED if n % 10 else WorkshopState.OPEN,
            expected_participants=25,
            code=code,
        )
        for n, code in enumerate(_codes(context, count))
    )
    per_workshop = spread(context.size(STATEMENTS), len(workshops))
    statements = Statement.objects.bulk_create(
        (
            Statement(
                workshop=workshop,
                text=context.sentence(rng.randint(8, 20)),
                theme_id=rng.choice(context.themes),
                order=i,
                outcome=rng.choice(StatementOutcome.values),
            )
            for n, workshop in enumerate(workshops)
            for i in range(per_workshop(n))
        ),
        batch_size=BATCH,
    )
    _ballots_and_votes(context, workshops, statements)
    context.report(
        f"{count} workshops, {context.size(STATEMENTS)} statements, {context.size(VOTES)} votes"
    )


def _codes(context: ScaleContext, count: int) -> list[str]:
    taken = set(Workshop.objects.values_list("code", flat=True))
    codes: list[str] = []
    while len(codes) < count:
        code = "".join(context.rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _ballots_and_votes(context: ScaleContext, workshops: list, statements: list) -> None:
    """Each workshop's votes come from enough ballots that no ballot votes twice on one
    statement."""
    of_workshop: dict[int, list[Statement]] = {}
    for statement in statements:
        of_workshop.setdefault(statement.workshop_id, []).append(statement)
    votes_of = spread(context.size(VOTES), len(workshops))
    for n, workshop in enumerate(workshops):
        own, wanted = of_workshop.get(workshop.pk, []), votes_of(n)
        if not own or not wanted:
            continue
        ballots = Ballot.objects.bulk_create(
            Ballot(workshop=workshop, token_hash=_token_hash())
            for _ in range(math.ceil(wanted / len(own)))
        )
        Vote.objects.bulk_create(
            (
                Vote(
                    ballot=ballot,
                    statement=statement,
                    value=context.rng.choices(Answer.values, ANSWER_WEIGHTS)[0],
                )
                for ballot, statement in pairs(ballots, own, wanted)
            ),
            batch_size=BATCH,
        )


def _token_hash() -> str:
    # Not from the seeded generator: a second run must not repeat the first one's hashes.
    return hashlib.sha256(secrets.token_bytes(32)).hexdigest()
