"""The small-group rule of every breakdown of votes or answers.

A breakdown by group (workshop votes by role, later the validation round's answers by kind
of stakeholder) shows no figure for a group smaller than ``EVIDENCE_MIN_GROUP_SIZE``: "Rol:
Onthaal, 1 stem: neutraal" gives one person's vote away. Groups too small are pooled into one
"other" group. A pool still too small would be read off as the total minus the groups shown,
so the smallest shown group joins it; when that leaves no group on its own, nothing is broken
down and the caller says how many are not (``withheld``).
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.conf import settings


def min_group_size() -> int:
    return settings.EVIDENCE_MIN_GROUP_SIZE


@dataclass(frozen=True)
class Breakdown[K: Hashable]:
    shown: tuple[K, ...]  # groups shown on their own, in the order given
    pooled: tuple[K, ...]  # groups shown together as one "other" group
    withheld: int  # members not broken down at all (no group large enough)


def break_down[K: Hashable](sizes: Mapping[K, int], minimum: int | None = None) -> Breakdown[K]:
    """Which groups of these sizes (members per group) a breakdown may show, and how."""
    minimum = min_group_size() if minimum is None else minimum
    if minimum < 1:
        raise ValueError("The smallest group shown has at least one member.")
    sizes = {key: size for key, size in sizes.items() if size > 0}
    shown = [key for key, size in sizes.items() if size >= minimum]
    pooled = [key for key, size in sizes.items() if size < minimum]
    pool = sum(sizes[key] for key in pooled)
    if 0 < pool < minimum and shown:
        smallest = min(reversed(shown), key=sizes.__getitem__)
        shown.remove(smallest)
        pooled.append(smallest)
        pool += sizes[smallest]
    if not shown:  # then the pool holds everyone
        return Breakdown((), (), pool)
    return Breakdown(tuple(shown), tuple(pooled), 0)
