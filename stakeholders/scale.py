"""Step 2's part of ``seed_scale``: organisations with an assessment, contacts, interactions."""

import datetime

from atlasplan.scale import BATCH, MARK, TOPICS, ScaleContext, spread
from stakeholders.models import (
    Assessment,
    Attitude,
    Contact,
    Interaction,
    InteractionKind,
    Organisation,
    Scope,
    Sector,
)

ORGANISATIONS, CONTACTS, INTERACTIONS = 2_000, 4_000, 6_000


def holds_real_data() -> bool:
    return Organisation.objects.exclude(name__contains=MARK).exists()


def fill(context: ScaleContext) -> None:
    count, offset = context.size(ORGANISATIONS), Organisation.objects.count()
    orgs = Organisation.objects.bulk_create(
        (_organisation(context, offset + n) for n in range(count)), batch_size=BATCH
    )
    contacts = spread(context.size(CONTACTS), len(orgs))
    context.made["organisations"] = orgs
    context.made["contacts"] = Contact.objects.bulk_create(
        (
            Contact(organisation=org, name=f"Contact {i + 1} van {org.name}"[:200])
            for n, org in enumerate(orgs)
            for i in range(contacts(n))
        ),
        batch_size=BATCH,
    )
    Assessment.objects.bulk_create((_assessment(context, org) for org in orgs), batch_size=BATCH)
    interactions = spread(context.size(INTERACTIONS), len(orgs))
    Interaction.objects.bulk_create(
        (_interaction(context, org) for n, org in enumerate(orgs) for _ in range(interactions(n))),
        batch_size=BATCH,
    )
    context.report(
        f"{count} organisations, {context.size(CONTACTS)} contacts, "
        f"{context.size(INTERACTIONS)} interactions"
    )


def _organisation(context: ScaleContext, n: int) -> Organisation:
    sector = context.rng.choice(Sector.values)
    return Organisation(
        name=f"Organisatie {n + 1:05d} {context.rng.choice(TOPICS)} {MARK}",
        sector=sector,
        scope=Scope.INTERNAL if sector == Sector.ATLAS else Scope.EXTERNAL,
        description=context.sentence(20),
    )


def _assessment(context: ScaleContext, org: Organisation) -> Assessment:
    return Assessment(
        organisation=org,
        assessed_on=context.days_ago(700),
        influence=context.rng.randint(1, 5),
        interest=context.rng.randint(1, 5),
        attitude=context.rng.choice(Attitude.values),
    )


def _interaction(context: ScaleContext, org: Organisation) -> Interaction:
    rng = context.rng
    follow_up = rng.random() < 0.3
    due = context.today + datetime.timedelta(days=rng.randint(-30, 60))
    return Interaction(
        organisation=org,
        date=context.days_ago(700),
        kind=rng.choice(InteractionKind.values),
        summary=context.sentence(25),
        follow_up=context.sentence(6) if follow_up else "",
        follow_up_due=due if follow_up else None,
        follow_up_done=follow_up and rng.random() < 0.5,
    )
