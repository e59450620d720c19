import datetime
import secrets

import factory

from interviews.models import ConsentScope
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


def cited_statements(workshop: Workshop, count: int, interviewer=None) -> list[Statement]:
    """Statements that cite an interview excerpt, each from its own interview, so a page
    takes every branch of showing a cited excerpt: consent by name, anonymous, not quotable,
    withdrawn, none; every other interview with ``interviewer`` among its interviewers."""
    from tests.interviews.factories import ConsentFactory, ExcerptFactory

    consents = [
        {"scope": ConsentScope.NAMED},
        {"scope": ConsentScope.ANONYMOUS},
        {"scope": ConsentScope.NOT_QUOTABLE},
        {"scope": ConsentScope.NAMED, "withdrawn_on": datetime.date.today()},
        None,
    ]
    statements = []
    for index in range(count):
        excerpt = ExcerptFactory()
        if consents[index % len(consents)]:
            ConsentFactory(interview=excerpt.interview, **consents[index % len(consents)])
        if interviewer is not None and index % 2:
            excerpt.interview.interviewers.add(interviewer)
        statements.append(StatementFactory(workshop=workshop, source_excerpt=excerpt))
    return statements
