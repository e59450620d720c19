import datetime
import secrets

import factory

from workshops.models import Ballot, Statement, Vote, Workshop, hash_token


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    title = factory.Sequence(lambda n: f"Workshop {n}")
    date = datetime.date(2026, 11, 27)
    state = Workshop.State.OPEN


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    workshop = factory.SubFactory(WorkshopFactory)
    text = factory.Sequence(lambda n: f"Stelling {n}: we benoemen verschillen openlijk.")
    order = factory.Sequence(lambda n: n + 1)


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ballot

    workshop = factory.SubFactory(WorkshopFactory)
    token_hash = factory.LazyFunction(lambda: hash_token(secrets.token_urlsafe(32)))


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    statement = factory.SubFactory(StatementFactory)
    ballot = factory.LazyAttribute(lambda v: BallotFactory(workshop=v.statement.workshop))
    value = 4


def votes(statement: Statement, counts: dict[int, int], role: str = "") -> None:
    """Give ``statement`` these counts per answer, each from its own ballot."""
    for value, count in counts.items():
        for _ in range(count):
            ballot = BallotFactory(workshop=statement.workshop, role=role)
            VoteFactory(statement=statement, ballot=ballot, value=value)
