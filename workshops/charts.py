"""The result bars as plain geometry for a server-rendered SVG (no JS chart).

A diverging stacked bar per statement (and per role shown): disagreement grows to the left
of the centre line, agreement to the right, and the neutral answers straddle it. The results
page and the presenter screen draw it with ``workshop_results.html#bar``.
"""

from dataclasses import dataclass

from workshops.models import Answer, Statement
from workshops.stats import SCALE, StatementStats

# Colours of the five answers, from red (disagree) through grey to blue (agree); each has
# AA contrast with the white or black text written on it in the bars.
ANSWER_COLOURS = {1: "#a4161a", 2: "#e5989b", 3: "#adb5bd", 4: "#8ecae6", 5: "#0b4f6c"}
ANSWER_TEXT_COLOURS = {1: "#ffffff", 2: "#000000", 3: "#000000", 4: "#000000", 5: "#ffffff"}
BAR_HALF_WIDTH = 200.0


@dataclass(frozen=True)
class Segment:
    value: int
    count: int
    x: float
    width: float


def diverging_segments(counts: dict[int, int], half_width: float = 200.0) -> list[Segment]:
    """Geometry of a diverging stacked bar centred on the middle of the scale.

    Disagreement grows to the left of the centre, agreement to the right, and the neutral
    answers straddle it. ``half_width`` stands for 100% of the votes on the scale (passes
    are shown apart), so bars of different statements compare at a glance.
    """
    n = sum(counts.get(value, 0) for value in SCALE)
    if n == 0:
        return []
    unit = half_width / n
    neutral = counts.get(3, 0) * unit
    segments = []
    x = half_width - neutral / 2
    for value in (2, 1):
        width = counts.get(value, 0) * unit
        x -= width
        segments.append(Segment(value, counts.get(value, 0), x, width))
    segments.append(Segment(3, counts.get(3, 0), half_width - neutral / 2, neutral))
    x = half_width + neutral / 2
    for value in (4, 5):
        width = counts.get(value, 0) * unit
        segments.append(Segment(value, counts.get(value, 0), x, width))
        x += width
    return sorted(segments, key=lambda segment: segment.value)


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    value: int
    count: int
    label: str
    fill: str
    text_fill: str

    @property
    def text_x(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class ResultRow:
    statement: Statement
    stats: StatementStats
    bars: list[Bar]
    role_rows: list[tuple[str, StatementStats, list[Bar], str]]

    @property
    def bar_id(self) -> str:
        return f"bar-{self.statement.pk}"


def bars(counts: dict[int, int]) -> list[Bar]:
    """The drawn segments of one bar (answers nobody gave are left out)."""
    labels = dict(Answer.choices)
    return [
        Bar(
            s.x,
            s.width,
            s.value,
            s.count,
            str(labels[s.value]),
            ANSWER_COLOURS[s.value],
            ANSWER_TEXT_COLOURS[s.value],
        )
        for s in diverging_segments(counts, BAR_HALF_WIDTH)
        if s.count
    ]


def result_row(statement: Statement, described: StatementStats) -> ResultRow:
    """A statement's bar, and one per role shown, each with an id for its SVG title."""
    role_rows = [
        (role, s, bars(s.counts), f"bar-{statement.pk}-{index}")
        for index, (role, s) in enumerate(described.by_role.items(), start=1)
    ]
    return ResultRow(statement, described, bars(described.counts), role_rows)


def legend() -> list[tuple[int, str, str]]:
    """Each answer on the scale with its label and colour."""
    return [(value, label, ANSWER_COLOURS[value]) for value, label in Answer.choices[1:]]


@dataclass(frozen=True)
class AnswerBar:
    """One answer of the presenter's large bars: its legend, its count and its length."""

    value: int
    label: str
    fill: str
    count: int
    share: float  # of all answers, passes included
    length: float  # 0-100, relative to the answer given most, so the longest bar is full

    @property
    def percent(self) -> int:
        return round(self.share * 100)


PASS_COLOUR = "#6c757d"


def answer_bars(counts: dict[int, int]) -> list[AnswerBar]:
    """One bar per answer, "helemaal oneens" to "helemaal eens", then the pass; each with
    its count and share, so the room reads the numbers as well as the lengths."""
    total = sum(counts.values())
    most = max(counts.values(), default=0)
    order = [*range(1, 6), 0]
    labels = dict(Answer.choices)
    return [
        AnswerBar(
            value,
            str(labels[value]),
            ANSWER_COLOURS.get(value, PASS_COLOUR),
            counts.get(value, 0),
            counts.get(value, 0) / total if total else 0.0,
            100 * counts.get(value, 0) / most if most else 0.0,
        )
        for value in order
    ]
