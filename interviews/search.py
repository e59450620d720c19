"""Search within transcripts, notes and excerpts, showing only what the user may see.

On PostgreSQL the ``dutch`` text-search configuration stems the words ("fietsers" finds
"fietser"); on SQLite every word must occur as typed (case-insensitive). Raw transcripts
and notes are searched only among the interviews the user may read raw
(:func:`interviews.privacy.raw_interviews`); excerpts only among the visible ones.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from interviews import privacy
from interviews.models import NoteAnswer, Transcript

CONFIG = "dutch"


@dataclass
class Results:
    quotes: list
    transcripts: list
    notes: list


def _matching(queryset: QuerySet, fields: list[str], text: str) -> QuerySet:
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        vector = SearchVector(*fields, config=CONFIG)
        return queryset.annotate(found=vector).filter(
            Q(found=query) | Q(**{f"{fields[0]}__icontains": text})
        )
    for word in text.split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def snippet(text: str, query: str, width: int = 80) -> SafeString:
    lower = text.lower()
    hits = [lower.find(word.lower()) for word in query.split()]
    hits = [hit for hit in hits if hit >= 0]
    at = min(hits) if hits else 0
    start, end = max(0, at - width), min(len(text), at + width)
    # Mark the words in the text before escaping it, so a word never lands inside an
    # entity ("amp" in "&amp;") or a tag ("mark" in "<mark>"); case as the search finds it.
    words = sorted({w for w in query.split() if w}, key=len, reverse=True)
    raw, parts, last = text[start:end], [], 0
    if words:
        for match in re.finditer("|".join(map(re.escape, words)), raw, re.IGNORECASE):
            parts += [escape(raw[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
    parts.append(escape(raw[last:]))
    piece = "".join(parts)
    return mark_safe(("…" if start else "") + piece + ("…" if end < len(text) else ""))


def search_everything(user, text: str) -> Results:
    excerpts = _matching(privacy.quote_queryset(user), ["text"], text)[:50]
    raw = privacy.raw_interviews(user)
    transcripts = _matching(
        Transcript.objects.filter(interview__in=raw).select_related("interview__organisation"),
        ["text"],
        text,
    )[:50]
    notes = _matching(
        NoteAnswer.objects.filter(interview__in=raw).select_related(
            "interview__organisation", "question"
        ),
        ["text"],
        text,
    )[:50]
    return Results(
        quotes=privacy.visible_quotes(excerpts, user),
        transcripts=[(t, snippet(t.text, text)) for t in transcripts],
        notes=[(n, snippet(n.text, text)) for n in notes],
    )
