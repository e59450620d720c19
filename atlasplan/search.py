"""Full-text search for every step: Dutch-aware on PostgreSQL, word by word on SQLite.

One place for what every search needs, so the library, the interviews and a later global
search find and highlight alike:

- :func:`clean_query`: what the user typed, as it may reach the database (no NUL, capped).
- :func:`search_query`: the PostgreSQL query with the ``dutch`` configuration ("wijken"
  finds "wijk"). Plain words also match as prefixes while being typed ("fietser" finds
  "fietsersbond"); a query with quotes, ``-word`` or ``or`` is read as a web search.
- :func:`matching`: rows whose stored vector (or, without one, the given fields) match, plus
  a case-insensitive "contains" on the first field (Dutch glues words together:
  "akkoord" in "bestuursakkoord"); on SQLite every word must occur in one of the fields.
- :func:`rank`: the relevance of a stored vector (``F()``: a field name ranks 0.0).
- :func:`snippet` (in Python) and :func:`headline` + :func:`marked` (PostgreSQL): the text
  around the matches with them in ``<mark>``, everything else escaped.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import Expression, F, Q, QuerySet
from django.db.models.functions import Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "dutch"
MAX_QUERY_LENGTH = 200
# to_tsvector refuses inputs over 1 MB; the first part of a long text is enough to find it.
MAX_INDEXED_CHARS = 300_000
SNIPPET_START, SNIPPET_STOP = "\u0002", "\u0003"  # markers that stored text cannot contain
WEB_SEARCH = re.compile(r'"|(?:^|\s)-\w|\sor\s', re.IGNORECASE)
WORD = re.compile(r"\w+")


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def clean_query(text: str) -> str:
    """The query as it may reach the database: PostgreSQL refuses a NUL (a 500)."""
    return (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def search_query(text: str) -> SearchQuery:
    """Plain words: all of them, each also as a prefix; otherwise a web search."""
    words = WORD.findall(text)
    if WEB_SEARCH.search(text) or not words:
        return SearchQuery(text, search_type="websearch", config=CONFIG)
    prefixes = " & ".join(f"{word}:*" for word in words)  # \w+ only: no tsquery syntax
    return SearchQuery(prefixes, search_type="raw", config=CONFIG)


def indexed(field: str) -> Expression:
    """The part of a text field that goes into a vector."""
    return Left(field, MAX_INDEXED_CHARS)


def matching(
    queryset: QuerySet, text: str, fields: list[str], vector: str | None = None
) -> QuerySet:
    """The rows of ``queryset`` matching ``text`` in ``fields``; on PostgreSQL through the
    stored ``vector`` field when there is one (built per row from ``fields`` otherwise)."""
    if uses_postgres():
        query = search_query(text)
        if vector is None:
            queryset = queryset.annotate(found=SearchVector(*fields, config=CONFIG))
            vector = "found"
        return queryset.filter(Q(**{vector: query}) | Q(**{f"{fields[0]}__icontains": text}))
    for word in text.split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def rank(vector: str, text: str) -> SearchRank:
    return SearchRank(F(vector), search_query(text))


def headline(expression: Expression, text: str) -> SearchHeadline:
    """PostgreSQL's snippet of ``expression`` for ``text``; pass it through :func:`marked`."""
    return SearchHeadline(
        expression,
        search_query(text),
        config=CONFIG,
        start_sel=SNIPPET_START,
        stop_sel=SNIPPET_STOP,
        max_fragments=2,
        max_words=25,
        min_words=10,
        fragment_delimiter=" … ",
    )


def marked(raw: str) -> SafeString:
    """A headline with its matches in <mark>, everything else escaped."""
    plain = (raw or "").replace("*", "")  # Markdown emphasis marks mean nothing in a snippet
    marked = escape(plain).replace(SNIPPET_START, "<mark>").replace(SNIPPET_STOP, "</mark>")
    return mark_safe(marked)  # escaped above; only our own markers become tags


def snippet(text: str, query: str, width: int = 80) -> SafeString:
    """The text around the first word of ``query`` found in it, words marked wherever they
    occur (case-insensitive, as the search finds them), everything else escaped."""
    words = sorted({word for word in query.split() if word}, key=len, reverse=True)
    lower = text.lower()
    hits = [at for word in words if (at := lower.find(word.lower())) >= 0]
    at = min(hits) if hits else 0
    start, end = max(0, at - width), min(len(text), at + width)
    # Mark the words in the text before escaping it, so a word never lands inside an
    # entity ("amp" in "&amp;") or a tag ("mark" in "<mark>").
    raw, parts, last = text[start:end], [], 0
    if words:
        for match in re.finditer("|".join(map(re.escape, words)), raw, re.IGNORECASE):
            parts += [escape(raw[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
    parts.append(escape(raw[last:]))
    piece = "".join(parts)
    return mark_safe(("…" if start else "") + piece + ("…" if end < len(text) else ""))
