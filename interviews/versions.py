"""The versions page of a transcript, with bounded work however long the text is.

A transcript may hold two million characters; a page lists ten versions, each with a short
preview of its text (the whole text on request), and the paragraphs changed since the
version before it. Short texts are compared at once; long ones on request, and then by
section: the unchanged paragraphs at the start and the end are skipped in one pass, and a
middle too large to align is compared as the paragraphs missing on either side. At most
``MAX_SHOWN`` changed paragraphs are shown, with the count of the rest.
"""

import difflib
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import Length, Substr

PER_PAGE = 10
PREVIEW_CHARS = 3_000
# Two versions together up to this size are compared when the page opens; longer ones on request.
COMPARE_AT_ONCE_CHARS = 200_000
# A changed middle with more paragraphs than this is not aligned (quadratic), only matched.
ALIGN_MAX_PARAGRAPHS = 2_000
MAX_SHOWN = 200


@dataclass
class Changes:
    lines: list[tuple[str, str]] = field(default_factory=list)  # ("-" or "+", paragraph)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.lines)


def changed_lines(old: str, new: str) -> Changes:
    """The paragraphs removed ("-") and added ("+") between two versions of a text."""
    before, after = old.splitlines(), new.splitlines()
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    before, after = before[start : len(before) - end], after[start : len(after) - end]
    if len(before) + len(after) <= ALIGN_MAX_PARAGRAPHS:
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        pairs = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                pairs += [("-", line) for line in before[i1:i2]]
                pairs += [("+", line) for line in after[j1:j2]]
    else:
        kept, had = set(after), set(before)
        pairs = [("-", line) for line in before if line not in kept]
        pairs += [("+", line) for line in after if line not in had]
    pairs = [(kind, line) for kind, line in pairs if line.strip()]
    return Changes(pairs[:MAX_SHOWN], len(pairs))


def with_sizes(versions: QuerySet) -> QuerySet:
    """Versions without their text: its length and a preview instead."""
    return versions.defer("text").annotate(
        size=Length("text"), preview=Substr("text", 1, PREVIEW_CHARS)
    )


def compare_page(all_versions: QuerySet, versions: list, older_than_page, requested) -> None:
    """Set ``changes`` (or ``may_compare``) on each version of a page, compared with the one
    before it. The texts read are those of at most one page plus one version."""
    if not versions:
        return
    pairs = list(zip(versions, [*versions[1:], older_than_page], strict=True))
    wanted = [
        (newer, older)
        for newer, older in pairs
        if older is not None
        and (newer.size + older.size <= COMPARE_AT_ONCE_CHARS or newer.number == requested)
    ]
    pks = {v.pk for pair in wanted for v in pair}
    texts = dict(all_versions.filter(pk__in=pks).values_list("pk", "text")) if pks else {}
    for newer, older in pairs:
        newer.changes = None
        newer.may_compare = older is not None
        newer.opened = newer.number == requested
        if (newer, older) in wanted:
            newer.changes = changed_lines(texts[older.pk], texts[newer.pk])
