"""The evidence overview of a vision version: per theme, what the research holds against
what the version's ambitions use of it.

Counts only (no quotes), each figure one SQL aggregate over all themes, so the page costs
the same number of queries for 5 themes or 500. A theme the interviews raised (coded
excerpts) that no ambition of the version uses is flagged: the vision ignores it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from atlasplan.models import Theme
from interviews.models import Excerpt, Stance
from plan.models import Ambition, VisionVersion
from policies.models import Passage
from workshops.models import ManualCount, Statement, StatementOutcome, Vote
from workshops.stats import Verdict, describe

# As the workshop results page names them.
VERDICT_LABELS = (
    (Verdict.ENDORSED, _("breed gedragen")),
    (Verdict.DIVIDED, _("verdeeld")),
    (Verdict.REJECTED, _("breed afgewezen")),
    (Verdict.UNCLEAR, _("geen duidelijk beeld")),
    (Verdict.TOO_FEW, _("te weinig stemmen")),
)


@dataclass
class ThemeRow:
    theme: Theme
    depth: int
    passages: int = 0
    excerpts: dict[str, int] = field(default_factory=dict)  # stance -> count
    statements: dict[str, int] = field(default_factory=dict)  # outcome -> count
    results: dict[str, int] = field(default_factory=dict)  # verdict -> count
    ambitions: int = 0
    linked_passages: int = 0
    linked_excerpts: int = 0
    linked_statements: int = 0

    @property
    def excerpt_total(self) -> int:
        return sum(self.excerpts.values())

    @property
    def statement_total(self) -> int:
        return sum(self.statements.values())

    @property
    def evidence_total(self) -> int:
        return self.passages + self.excerpt_total + self.statement_total

    @property
    def ignored(self) -> bool:
        """Raised in the interviews, used by no ambition of this version."""
        return self.excerpt_total > 0 and self.ambitions == 0

    def excerpts_by_stance(self) -> list[tuple[str, int]]:
        """(stance, count) for the stances that occur, in the codebook's order."""
        pairs = [
            (str(label).lower(), self.excerpts.get(value, 0)) for value, label in Stance.choices
        ]
        return [(label, n) for label, n in pairs if n]

    def statements_by_outcome(self) -> list[tuple[str, int]]:
        pairs = [(str(label), self.statements.get(v, 0)) for v, label in StatementOutcome.choices]
        return [(label, n) for label, n in pairs if n]

    def statements_by_result(self) -> list[tuple[str, int]]:
        """(verdict label, count) for the workshop results that occur."""
        return [(str(label), self.results[v]) for v, label in VERDICT_LABELS if self.results.get(v)]


def _pairs(rows, key: str, by: str | None = None) -> dict:
    """{theme pk: n} or {theme pk: {by: n}} from rows of an aggregate."""
    if by is None:
        return {row[key]: row["n"] for row in rows}
    found: dict = defaultdict(dict)
    for row in rows:
        found[row[key]][row[by] or ""] = row["n"]
    return found


def statement_verdicts(statements) -> dict[int, str]:
    """{statement pk: verdict} from phone votes and hand counts (two queries)."""
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    votes = Vote.objects.filter(statement__in=statements).values("statement", "value")
    for row in votes.annotate(n=Count("pk")).order_by():
        counts[row["statement"]][row["value"]] += row["n"]
    manual = ManualCount.objects.filter(statement__in=statements)
    for statement_pk, value, count in manual.values_list("statement", "value", "count"):
        counts[statement_pk][value] += count
    return {pk: describe(c).verdict for pk, c in counts.items()}


def overview(version: VisionVersion) -> list[ThemeRow]:
    """One row per theme of the codebook, in tree order."""
    passage_themes = Passage.themes.through.objects
    excerpt_themes = Excerpt.themes.through.objects
    passages = _pairs(_count(passage_themes.values("theme")), "theme")
    excerpts = _pairs(
        _count(excerpt_themes.values("theme", "excerpt__stance")), "theme", "excerpt__stance"
    )
    themed = Statement.objects.filter(theme__isnull=False)
    outcomes = _pairs(_count(themed.values("theme", "outcome")), "theme", "outcome")
    verdicts = statement_verdicts(themed)
    results: dict = defaultdict(lambda: defaultdict(int))
    for pk, theme in themed.values_list("pk", "theme"):
        results[theme][verdicts.get(pk, Verdict.TOO_FEW)] += 1
    ambitions = _pairs(
        _count(Ambition.themes.through.objects.filter(ambition__version=version).values("theme")),
        "theme",
    )
    linked = Ambition.objects.filter(version=version)
    linked_passages = _pairs(
        _count(passage_themes.filter(passage__ambitions__in=linked).values("theme"), "passage"),
        "theme",
    )
    linked_excerpts = _pairs(
        _count(excerpt_themes.filter(excerpt__ambitions__in=linked).values("theme"), "excerpt"),
        "theme",
    )
    linked_statements = _pairs(
        _count(themed.filter(ambitions__in=linked).values("theme"), "pk"), "theme"
    )
    return [
        ThemeRow(
            theme=theme,
            depth=depth,
            passages=passages.get(theme.pk, 0),
            excerpts=excerpts.get(theme.pk, {}),
            statements=outcomes.get(theme.pk, {}),
            results=dict(results.get(theme.pk, {})),
            ambitions=ambitions.get(theme.pk, 0),
            linked_passages=linked_passages.get(theme.pk, 0),
            linked_excerpts=linked_excerpts.get(theme.pk, 0),
            linked_statements=linked_statements.get(theme.pk, 0),
        )
        for theme, depth in Theme.objects.tree()
    ]


def _count(values, distinct: str | None = None):
    """Rows of ``values`` with ``n``: how many rows (or distinct ``distinct``) each holds."""
    n = Count(distinct, distinct=True) if distinct else Count("pk")
    return values.annotate(n=n).order_by()
