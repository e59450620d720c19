"""A document's extracted text in pages, and a page's text with its key passages marked.

A PDF has real pages (its text arrives with a form feed between them, atlasplan.uploads);
DOCX, ODT, TXT and HTML have none, so their text is cut into sections ("deel 1", "deel 2",
...) of at most SECTION_CHARS characters, at a paragraph break where one is near. Every
page is stored on its own (DocumentPage), so the document page reads one page, however
long the document is.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from atlasplan.uploads import PAGE_BREAK

SECTION_CHARS = 4000
# A PDF page with more text than this (a poster, a broken extraction) is cut into parts
# that are still shown as one page: the page is bounded by what was extracted for it.
MAX_PAGE_CHARS = 40_000
# Passages marked on one page: the work to find them stays bounded on a crowded page.
MAX_MARKED = 200


def split_pages(text: str, *, paged: bool) -> list[str]:
    """The text of each page (``paged``: split at the form feeds) or each section."""
    if paged:
        return [page[:MAX_PAGE_CHARS] for page in text.split(PAGE_BREAK)] if text else []
    return list(_sections(text.strip()))


def _sections(text: str) -> Iterable[str]:
    while text:
        if len(text) <= SECTION_CHARS:
            yield text
            return
        cut = _break_before(text, SECTION_CHARS)
        yield text[:cut].rstrip()
        text = text[cut:].lstrip()


def _break_before(text: str, limit: int) -> int:
    """Where to cut ``text`` at or before ``limit``: a paragraph, a line, a space, or hard."""
    window = text[:limit]
    for pattern in (r"\n\s*\n", r"\n", r"\s"):
        matches = [m.end() for m in re.finditer(pattern, window) if m.end() > limit // 2]
        if matches:
            return matches[-1]
    return limit


def normalise(text: str) -> str:
    """Whitespace folded to single spaces: how a selection is compared with a page."""
    return " ".join(text.split())


def marked(text: str, passages) -> SafeString:
    """``text`` escaped, each passage found in it as a <mark> (the first occurrence).

    The HTML holds exactly the page's characters, so what a reader selects in it is text
    of the page (static/js/passages.js). Overlapping passages join one mark.
    """
    spans = []
    for passage in list(passages)[:MAX_MARKED]:
        found = _search(text, passage.quote)
        if found:
            spans.append([found.start(), found.end(), [passage]])
    spans.sort(key=lambda span: (span[0], span[1]))
    merged: list[list] = []
    for start, end, items in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += items
        else:
            merged.append([start, end, items])
    parts, done = [], 0
    for start, end, items in merged:
        parts.append(escape(text[done:start]))
        parts.append(_mark(text[start:end], items))
        done = end
    parts.append(escape(text[done:]))
    return mark_safe("".join(parts))  # every piece of the text is escaped above


def _mark(piece: str, passages: list) -> str:
    """One <mark> for the passages covering ``piece``, coloured by the first one's theme."""
    theme = next(iter(passages[0].themes.all()), None)
    css = "code-mark passage-mark" + (f" code-theme-{theme.pk}" if theme else "")
    if len(passages) > 1:
        css += " code-overlap"
    ids = " ".join(str(passage.pk) for passage in passages)
    anchors = "".join(f'<span class="code-anchor" id="at-passage-{p.pk}"></span>' for p in passages)
    return f'{anchors}<mark class="{css}" data-passages="{ids}">{escape(piece)}</mark>'


def find_on_page(text: str, quote: str) -> str | None:
    """The page's own text of ``quote`` (whitespace may differ: a browser's selection turns
    line breaks and runs of spaces into its own), or None when it is not on the page."""
    found = _search(text, quote)
    return found.group(0) if found else None


def _search(text: str, quote: str) -> re.Match | None:
    """The first occurrence of ``quote``'s words in ``text``, whatever whitespace is between."""
    words = quote.split()
    if not words:
        return None
    return re.search(r"\s+".join(re.escape(word) for word in words), text)
