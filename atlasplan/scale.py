"""Synthetic data at agency scale, for benchmarks and scale tests (``manage.py seed_scale``).

The registry of the parts, filled by each step app in ``AppConfig.ready()`` (as the demo's),
so the core names no step. Each part declares its sizes at factor 1 (issue 16: 10,000 policy
documents with 30,000 passages, 2,000 organisations with 4,000 contacts and 6,000
interactions, 500 interviews with 445 transcripts of about 2,300 words and 10,000 excerpts,
100 workshops with 1,200 statements and 23,000 votes) and fills them with ``bulk_create`` in
batches: no signals, no history rows; stored search vectors are filled with one UPDATE per
table afterwards (PostgreSQL).

Everything made here is marked: names and titles carry :data:`MARK`, so a part can tell a
benchmark database from one holding real research (``holds_real_data``).
"""

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from atlasplan.demo_core import _load_themes
from atlasplan.models import Theme

MARK = "(synthetisch)"
BATCH = 1000

# Common Dutch words of the field, the first ones most frequent (Zipf-like weights), so a
# search for "stad" finds a realistic share of everything, as in the real library.
_WORD_LIST = (
    "de het een en van in is op dat met voor zijn niet ook aan bij als er om we die "
    "stad wijk mensen buurt samenleven diversiteit beeldvorming taal onderwijs werk "
    "discriminatie racisme participatie inburgering nieuwkomers school ouders jongeren "
    "vereniging cultuur media verhalen ontmoeting gelijke kansen beleid actieplan "
    "Antwerpen Atlas organisatie middenveld bewoners stadsbestuur welzijn armoede "
    "identiteit verschillen benoemen stereotypen vooroordelen respect vertrouwen "
    "communicatie campagne doelgroep partners netwerk samenwerking gedragsverandering "
    "huisvesting wonen arbeidsmarkt aanwerving loopbaan opleiding Nederlands meertaligheid "
    "religie levensbeschouwing vrijwilligers sport jeugdwerk bibliotheek district "
    "integratie burgerschap gemeenschap achterban visie ambitie strategie draagvlak "
    "verbinding toekomst evaluatie resultaten indicatoren monitoring uitdaging kansarm "
    "superdiversiteit migratie herkomst generatie gezinnen kinderen senioren vrouwen"
)
WORDS = _WORD_LIST.split()
TOPICS = WORDS[20:]  # the content words, for titles
WEIGHTS = [1 / (rank + 5) for rank in range(len(WORDS))]


@dataclass
class ScaleContext:
    """What every part needs: the factor, a seeded generator, the codebook, and the rows
    earlier parts made (``made["organisations"]``) for later parts to refer to."""

    factor: float
    report: Callable[[str], None]
    rng: random.Random
    themes: list[int] = field(default_factory=list)
    made: dict[str, list] = field(default_factory=dict)
    today: datetime.date = field(default_factory=timezone.localdate)
    now: datetime.datetime = field(default_factory=timezone.now)

    def size(self, base: int) -> int:
        """``base`` rows at factor 1, scaled; at least one."""
        return max(1, round(base * self.factor))

    def words(self, count: int) -> str:
        return " ".join(self.rng.choices(WORDS, WEIGHTS, k=count))

    def sentence(self, count: int) -> str:
        text = self.words(count)
        return f"{text[0].upper()}{text[1:]}."

    def days_ago(self, most: int) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(0, most))

    def tag(self, through, name: str, rows: list, count: int) -> None:
        """Give each row ``count`` distinct themes of the codebook (``through`` is the M2M
        table, ``name`` its column for the row)."""
        count = min(count, len(self.themes))
        through.objects.bulk_create(
            (
                through(**{f"{name}_id": row.pk, "theme_id": theme})
                for row in rows
                for theme in self.rng.sample(self.themes, count)
            ),
            batch_size=BATCH,
        )


@dataclass(frozen=True)
class ScalePart:
    order: int
    name: str
    fill: Callable[[ScaleContext], None]
    holds_real_data: Callable[[], bool]


_parts: dict[str, ScalePart] = {}


def register(part: ScalePart) -> None:
    _parts[part.name] = part


def all_parts() -> list[ScalePart]:
    return sorted(_parts.values(), key=lambda part: (part.order, part.name))


def holds_real_data() -> bool:
    """Whether the database holds research that is not synthetic (a real or demo case)."""
    return any(part.holds_real_data() for part in all_parts())


def run(factor: float, report: Callable[[str], None], seed: int = 16) -> None:
    """Fill every part at ``factor``, in the method's order, in one transaction."""
    _load_themes(lambda line: None)
    context = ScaleContext(factor=factor, report=report, rng=random.Random(seed))
    context.themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        for part in all_parts():
            part.fill(context)


def spread(total: int, over: int) -> Callable[[int], int]:
    """How many of ``total`` rows the n-th of ``over`` parents gets: as even as can be."""
    base, extra = divmod(total, max(1, over))
    return lambda n: base + (1 if n < extra else 0)


def pairs(first: list, second: list, wanted: int) -> Iterator[tuple]:
    """The first ``wanted`` pairs of ``first`` x ``second``, first by first."""
    made = 0
    for a in first:
        for b in second:
            if made == wanted:
                return
            yield a, b
            made += 1
