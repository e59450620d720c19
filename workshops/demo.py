"""Step 4 of the demo case: a closed workshop with 12 statements, 15 ballots and outcomes.

Deterministic (a seeded generator) and idempotent: once the workshop exists, nothing is
added or changed.
"""

import datetime
import random

from django.contrib.auth.models import User
from django.utils import timezone

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from workshops.models import Ballot, Statement, Vote, Workshop, hash_token

TITLE = "Workshop communicatieteam: stellingen aftoetsen (fictief)"
ROLES = ["Communicatie", "Onthaal en begeleiding", "Beleid"]
BALLOTS = 15

# text, theme, the answers the room leans to (weights for 0 = pass, 1..5), outcome,
# reworded text, notes
STATEMENTS = [
    (
        "Antwerpen is een stad van iedereen die er woont.",
        "Verbindende identiteit",
        (0, 0, 0, 1, 5, 9),
        "kept",
        "",
        "Iedereen herkent zich hierin; geschikt als kernboodschap.",
    ),
    (
        "In onze communicatie benoemen we verschillen tussen groepen openlijk.",
        "Verschillen benoemen",
        (1, 3, 3, 1, 4, 3),
        "reworded",
        "We benoemen verschillen als ze ertoe doen, zonder mensen erop vast te pinnen.",
        "Verdeeld: “openlijk” klonk voor sommigen als “altijd”. Nuance toegevoegd.",
    ),
    (
        "Het woord “allochtoon” hoort niet meer in onze teksten.",
        "Taal",
        (0, 0, 1, 1, 4, 9),
        "kept",
        "",
        "Sluit aan bij de stedelijke taalrichtlijn.",
    ),
    (
        "Beelden in onze campagnes tonen de diversiteit van de stad zoals ze is.",
        "Media en berichtgeving",
        (0, 0, 0, 2, 6, 7),
        "kept",
        "",
        "",
    ),
    (
        "Wie de taal niet spreekt, hoort er nog niet echt bij.",
        "Taal",
        (1, 8, 4, 1, 1, 0),
        "dropped",
        "",
        "Breed afgewezen; klopt niet met de visie van Atlas.",
    ),
    (
        "Positieve verhalen werken beter tegen stereotypen dan cijfers.",
        "Stereotypen",
        (2, 1, 2, 4, 4, 2),
        "reworded",
        "Positieve verhalen en cijfers versterken elkaar in de strijd tegen stereotypen.",
        "Geen duidelijk beeld; het team wil beide gebruiken.",
    ),
    (
        "We spreken over discriminatie ook als het ongemakkelijk is.",
        "Discriminatie",
        (0, 0, 1, 2, 5, 7),
        "kept",
        "",
        "",
    ),
    (
        "Racisme is in Antwerpen vooral een probleem van enkelingen.",
        "Racisme",
        (1, 6, 5, 1, 1, 1),
        "dropped",
        "",
        "Spreekt de interviews en de cijfers tegen.",
    ),
    (
        "Scholen zijn de belangrijkste plek om beeldvorming te veranderen.",
        "Onderwijs",
        (1, 2, 3, 3, 4, 2),
        "reworded",
        "Scholen zijn een belangrijke plek om beeldvorming te veranderen, naast werk en buurt.",
        "“De belangrijkste” was te absoluut.",
    ),
    (
        "Werkgevers moeten zelf zichtbaar maken hoe divers hun personeel is.",
        "Werk",
        (2, 3, 2, 2, 3, 3),
        "",
        "",
        "Verdeeld; bespreken met de partners uit het middenveld.",
    ),
    (
        "Bewoners beslissen mee over hoe hun buurt in beeld komt.",
        "Participatie",
        (1, 0, 1, 2, 6, 5),
        "kept",
        "",
        "",
    ),
    (
        "Een gedeelde “wij” is belangrijker dan het benoemen van verschillen.",
        "Verbindende identiteit",
        (0, 4, 2, 2, 3, 4),
        "",
        "",
        "Sterk verdeeld: komt terug in de visietekst.",
    ),
]


def load(context: DemoContext) -> None:
    if Workshop.objects.filter(title=TITLE).exists():
        context.report(f"= workshop “{TITLE}”")
        return
    workshop = Workshop.objects.create(
        title=TITLE,
        # after the last interview (interviews.demo), before the first vision (plan.demo)
        date=timezone.localdate() - datetime.timedelta(days=20),
        facilitator=User.objects.filter(username="consultant").first(),
        description=(
            "Het communicatieteam van Atlas toetst stellingen over beeldvorming en over het "
            "benoemen van verschillen af. Alle gegevens in deze demo zijn fictief."
        ),
        expected_participants=16,
        ask_role=True,
        role_options="\n".join(ROLES),
        state=Workshop.State.CLOSED,
    )
    rng = random.Random(4)
    statements = _statements(workshop)
    ballots = [
        Ballot.objects.create(
            workshop=workshop,
            token_hash=hash_token(f"demo-ballot-{workshop.pk}-{number}"),
            role=ROLES[number % len(ROLES)],
        )
        for number in range(BALLOTS)
    ]
    votes = [
        Vote(ballot=ballot, statement=statement, value=rng.choices(range(6), weights)[0])
        for statement, weights in statements
        for ballot in ballots
    ]
    Vote.objects.bulk_create(votes)
    context.report(f"+ workshop with {len(statements)} statements, {BALLOTS} ballots")


def _statements(workshop: Workshop) -> list[tuple[Statement, tuple[int, ...]]]:
    themes = {theme.name: theme for theme in Theme.objects.all()}
    found = []
    for order, (text, theme, weights, outcome, reworded, notes) in enumerate(STATEMENTS, 1):
        statement = Statement.objects.create(
            workshop=workshop,
            text=text,
            theme=themes.get(theme),
            order=order,
            outcome=outcome,
            reworded_text=reworded,
            discussion_notes=notes,
        )
        found.append((statement, weights))
    return found
