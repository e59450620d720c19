"""Statistics of a statement's votes, for the small groups of a workshop (8 to 25 people).

Pure Python, no Django: the results page, the presenter screen and the exports use it, and
the tests check it on hand-computed examples.

Answers are 1 (strongly disagree) to 5 (strongly agree) and 0 for a pass. Passes are counted
but left out of every share, mean and measure: "I don't know" is neither agreement nor
disagreement.

Why these measures (and not Pol.is's): Pol.is clusters hundreds of participants and calls a
statement consensual when every opinion group agrees; with 8 to 25 people there are no
stable groups to find. In a workshop the people in the room are the whole communication
team, so we describe that group as it is and guard against reading too much into few votes:

- **Division** is Leik's ordinal dispersion D (Leik 1966). With the cumulative shares
  F1..F4 of the five answers, D = 2/(k-1) x sum(min(Fi, 1-Fi)), k = 5. D is 0 when everyone
  gives the same answer and 1 when the room is split in two halves at both ends of the
  scale; a uniform spread gives 0.6. It uses the order of the answers (unlike a variance it
  does not pretend the steps are equal distances), is bounded, and is defined exactly for
  any number of votes, so it does not need a large crowd.
- **Consensus** is judged on the share that agrees (4 or 5) or disagrees (1 or 2), with a
  95% Wilson score interval: the interval stays honest for small n and for shares near 0 or
  1, where the usual p +/- 1.96 se breaks down. A statement is *broadly endorsed* only when
  even the lower bound of its agree share is above one half (12 of 15 agree: yes, 10 of 15:
  not yet), and *broadly rejected* likewise for disagreement.
- A statement is *divided* when D >= 0.5 and at least a quarter agrees and a quarter
  disagrees. Fewer than 5 votes (without passes) give *too few votes* and no verdict.
"""

import math
from dataclasses import dataclass, field

SCALE = (1, 2, 3, 4, 5)
PASS = 0
Z_95 = 1.959963984540054
MIN_VOTES = 5
DIVIDED_D = 0.5
DIVIDED_SHARE = 0.25


class Verdict:
    ENDORSED = "endorsed"
    REJECTED = "rejected"
    DIVIDED = "divided"
    UNCLEAR = "unclear"
    TOO_FEW = "too_few"


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion; (0, 1) when there is nothing to go on."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def leik_dispersion(counts: dict[int, int]) -> float | None:
    """Leik's ordinal dispersion D of the answers 1-5 (0 = unanimous, 1 = polarised)."""
    n = sum(counts.get(value, 0) for value in SCALE)
    if n == 0:
        return None
    cumulative = 0
    total = 0.0
    for value in SCALE[:-1]:
        cumulative += counts.get(value, 0)
        share = cumulative / n
        total += min(share, 1 - share)
    return 2 * total / (len(SCALE) - 1)


@dataclass(frozen=True)
class StatementStats:
    counts: dict[int, int]  # answer (0 = pass, 1-5) -> number of votes
    n: int  # votes on the scale (passes left out)
    passes: int
    mean: float | None
    agree: int
    disagree: int
    neutral: int
    agree_share: float | None
    disagree_share: float | None
    pass_share: float | None  # of all answers, passes included
    agree_interval: tuple[float, float]
    disagree_interval: tuple[float, float]
    dispersion: float | None
    verdict: str
    by_role: dict[str, "StatementStats"] = field(default_factory=dict)
    not_by_role: int = 0  # answers not broken down by role: every role too small a group

    @property
    def total(self) -> int:
        return self.n + self.passes

    @property
    def consensus(self) -> float | None:
        """1 - D: how much the room gives the same answer, whatever it is."""
        return None if self.dispersion is None else 1 - self.dispersion


def describe(counts: dict[int, int]) -> StatementStats:
    """Every figure of one statement from its counts per answer."""
    counts = {value: int(counts.get(value, 0)) for value in (PASS, *SCALE)}
    n = sum(counts[value] for value in SCALE)
    agree = counts[4] + counts[5]
    disagree = counts[1] + counts[2]
    total = n + counts[PASS]
    dispersion = leik_dispersion(counts)
    return StatementStats(
        counts=counts,
        n=n,
        passes=counts[PASS],
        mean=sum(value * counts[value] for value in SCALE) / n if n else None,
        agree=agree,
        disagree=disagree,
        neutral=counts[3],
        agree_share=agree / n if n else None,
        disagree_share=disagree / n if n else None,
        pass_share=counts[PASS] / total if total else None,
        agree_interval=wilson_interval(agree, n),
        disagree_interval=wilson_interval(disagree, n),
        dispersion=dispersion,
        verdict=_verdict(n, agree, disagree, dispersion),
    )


def _verdict(n: int, agree: int, disagree: int, dispersion: float | None) -> str:
    if n < MIN_VOTES or dispersion is None:
        return Verdict.TOO_FEW
    if wilson_interval(agree, n)[0] > 0.5:
        return Verdict.ENDORSED
    if wilson_interval(disagree, n)[0] > 0.5:
        return Verdict.REJECTED
    if dispersion >= DIVIDED_D and min(agree, disagree) / n >= DIVIDED_SHARE:
        return Verdict.DIVIDED
    return Verdict.UNCLEAR


def rank(stats: dict[object, StatementStats], limit: int = 3) -> tuple[list, list]:
    """The most consensual and the most divisive statements (keys), best first.

    Statements with too few votes are not ranked; a statement judged divided is never
    listed as consensual, nor one broadly endorsed or rejected as divisive. Ties on D go to
    the one with more votes, as it says more about the room.
    """
    ranked = [(key, s) for key, s in stats.items() if s.verdict != Verdict.TOO_FEW]
    clear = {Verdict.ENDORSED, Verdict.REJECTED}
    consensual = sorted(
        [item for item in ranked if item[1].verdict != Verdict.DIVIDED],
        key=lambda item: (item[1].dispersion, -item[1].n),
    )
    divisive = sorted(
        [item for item in ranked if item[1].verdict not in clear],
        key=lambda item: (-item[1].dispersion, -item[1].n),
    )
    return [key for key, _ in consensual[:limit]], [key for key, _ in divisive[:limit]]
