"""Compare two vision versions: word-level differences, ambitions paired across versions.

The Markdown source is compared, never the rendered HTML: a difference is shown as plain
text (escaped by the template) inside ``<del>``/``<ins>``. Ambitions are paired through
``Ambition.origin`` (a copy points at the ambition it was copied from), followed over as
many versions as lie between the two, so v1 and v3 pair even when v2 sits between them.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from plan.models import Ambition, DecisionOutcome, ObjectionDecision, VisionVersion

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# The decisions shown beside each ambition (and under "niet overgenomen"); the rest are a
# page at a time on the version's rationale page, so a round of thousands stays one page.
RATIONALE_SHOWN = 5


class Change:
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Segment:
    kind: str  # "equal", "delete" or "insert"
    text: str


@dataclass(frozen=True)
class TextDiff:
    old: list[Segment]  # the old text with its deletions marked
    new: list[Segment]  # the new text with its insertions marked

    @property
    def changed(self) -> bool:
        return any(s.kind != "equal" for s in self.old + self.new)


def tokens(text: str) -> list[str]:
    """Words with the whitespace between them, so joining them gives the text back."""
    return TOKEN.findall(text or "")


def word_diff(old: str, new: str) -> TextDiff:
    """The words deleted from ``old`` and inserted in ``new`` (whitespace counts as equal)."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(Segment("equal", "".join(a[i1:i2])))
            right.append(Segment("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(Segment("delete", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(Segment("insert", "".join(b[j1:j2])))
    return TextDiff(_merged(left), _merged(right))


def _trimmed(segment: Segment) -> list[Segment]:
    """A change without the whitespace around it (that stays unmarked: re-flowing a
    paragraph is no change of words)."""
    if segment.kind == "equal" or not segment.text.strip():
        return [Segment("equal", segment.text)]
    text = segment.text
    core = text.strip()
    start = text.index(core)
    parts = [
        Segment("equal", text[:start]),
        Segment(segment.kind, core),
        Segment("equal", text[start + len(core) :]),
    ]
    return [part for part in parts if part.text]


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbouring segments of one kind as one, changes trimmed of their whitespace, and
    the spaces between two changed words inside the change ("Wat we willen" as one)."""
    parts = [part for s in segments for part in _trimmed(s)]
    for i in range(1, len(parts) - 1):
        between = parts[i - 1].kind == parts[i + 1].kind != "equal"
        if between and parts[i].kind == "equal" and not parts[i].text.strip():
            parts[i] = Segment(parts[i - 1].kind, parts[i].text)
    merged: list[Segment] = []
    for segment in parts:
        if merged and merged[-1].kind == segment.kind:
            merged[-1] = Segment(segment.kind, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


@dataclass
class AmbitionPair:
    old: Ambition | None
    new: Ambition | None
    title: TextDiff
    text: TextDiff
    themes_added: list[str] = field(default_factory=list)
    themes_removed: list[str] = field(default_factory=list)
    decisions: list[ObjectionDecision] = field(default_factory=list)
    decision_count: int = 0

    @property
    def more_decisions(self) -> bool:
        return self.decision_count > len(self.decisions)

    @property
    def change(self) -> str:
        if self.old is None:
            return Change.ADDED
        if self.new is None:
            return Change.REMOVED
        if self.title.changed or self.text.changed or self.themes_added or self.themes_removed:
            return Change.CHANGED
        return Change.UNCHANGED


@dataclass
class Comparison:
    old: VisionVersion
    new: VisionVersion
    title: TextDiff
    introduction: TextDiff
    body: TextDiff
    pairs: list[AmbitionPair]
    rejected: list[ObjectionDecision]
    rejected_count: int = 0

    @property
    def more_rejected(self) -> bool:
        return self.rejected_count > len(self.rejected)

    def count(self, change: str) -> int:
        return sum(1 for pair in self.pairs if pair.change == change)

    @property
    def counts(self) -> dict[str, int]:
        return {name: self.count(value) for name, value in vars(Change).items() if name.isupper()}


def decisions():
    """Decisions with what showing them needs (the objection, its answer's consent)."""
    return (
        ObjectionDecision.objects.select_related(
            "version",
            "feedback__ambition",
            "feedback__response__invitee__organisation",
            "feedback__response__respondent",
        )
        .prefetch_related("feedback__response__invitee__organisation__contacts")
        .order_by("feedback__ambition__position", "feedback__ambition", "pk")
    )


def rejected_in(version: VisionVersion):
    return decisions().filter(version=version, outcome=DecisionOutcome.REJECTED)


def _ambitions(version: VisionVersion):
    counted = version.ambitions.annotate(decision_count=Count("objection_decisions"))
    return counted.order_by("position", "pk").prefetch_related("themes")


def first_decisions(ambition_pks: list[int]) -> dict[int, list[ObjectionDecision]]:
    """{ambition pk: its first ``RATIONALE_SHOWN`` decisions}, in a constant number of
    queries whatever the number of decisions (ranked per ambition in SQL)."""
    through = ObjectionDecision.ambitions.through
    order = [
        F("objectiondecision__feedback__ambition__position"),
        F("objectiondecision__feedback__ambition"),
        F("objectiondecision"),
    ]
    ranked = list(
        through.objects.filter(ambition_id__in=ambition_pks)
        .annotate(rank=Window(RowNumber(), partition_by=F("ambition_id"), order_by=order))
        .filter(rank__lte=RATIONALE_SHOWN)
        .order_by("ambition_id", "rank")
        .values_list("ambition_id", "objectiondecision_id")
    )
    loaded = decisions().in_bulk([pk for _ambition, pk in ranked])
    found: dict[int, list[ObjectionDecision]] = {}
    for ambition, pk in ranked:
        found.setdefault(ambition, []).append(loaded[pk])
    return found


def origins_between(old: VisionVersion, new: VisionVersion) -> dict[int, int | None]:
    """{ambition pk: origin pk} for every ambition of the versions from ``old`` to ``new``."""
    low, high = sorted([old.number, new.number])
    rows = Ambition.objects.filter(version__number__range=(low, high))
    return dict(rows.values_list("pk", "origin_id"))


def ancestor_in(pk: int, targets: set[int], origins: dict[int, int | None]) -> int | None:
    """The ambition of ``targets`` that ``pk`` descends from through its origins, if any."""
    seen: set[int] = set()
    current = origins.get(pk)
    while current is not None and current not in seen:
        if current in targets:
            return current
        seen.add(current)
        current = origins.get(current)
    return None


def compare(old: VisionVersion, new: VisionVersion) -> Comparison:
    """``new`` against ``old`` (the older of the two is passed as ``old`` by the view)."""
    old_ambitions = {a.pk: a for a in _ambitions(old)}
    new_ambitions = list(_ambitions(new))
    firsts = first_decisions([a.pk for a in new_ambitions])
    origins = origins_between(old, new)
    pairs, paired = [], set()
    for ambition in new_ambitions:
        ancestor = ancestor_in(ambition.pk, set(old_ambitions), origins)
        if ancestor is not None and ancestor in paired:
            ancestor = None  # two copies of one ambition: the second counts as added
        paired.add(ancestor)
        pairs.append(_pair(old_ambitions.get(ancestor), ambition, firsts.get(ambition.pk, [])))
    pairs += [_pair(a, None) for pk, a in old_ambitions.items() if pk not in paired]
    rejected = rejected_in(new)
    return Comparison(
        old=old,
        new=new,
        title=word_diff(old.title, new.title),
        introduction=word_diff(old.introduction, new.introduction),
        body=word_diff(old.body, new.body),
        pairs=pairs,
        rejected=list(rejected[:RATIONALE_SHOWN]),
        rejected_count=rejected.count(),
    )


def _pair(old: Ambition | None, new: Ambition | None, decided=()) -> AmbitionPair:
    old_themes = {t.name for t in old.themes.all()} if old else set()
    new_themes = {t.name for t in new.themes.all()} if new else set()
    both = old and new
    return AmbitionPair(
        old=old,
        new=new,
        title=word_diff(old.title if old else "", new.title if new else ""),
        text=word_diff(old.text if old else "", new.text if new else ""),
        themes_added=sorted(new_themes - old_themes) if both else [],
        themes_removed=sorted(old_themes - new_themes) if both else [],
        decisions=list(decided),
        decision_count=new.decision_count if new else 0,
    )
