"""Full-text search of the library, Dutch-aware on PostgreSQL, plain on SQLite.

On PostgreSQL each document keeps a stored ``search`` vector (GIN-indexed, see migration
0002) built with the ``dutch`` configuration, so "wijken" finds "wijk". Title words weigh
most (A), then the summary and the passages (B), then the file's text (C). Results are
ranked, and the rows shown get a snippet with the matches highlighted. On SQLite (a laptop) the same page
searches with a case-insensitive "contains" and ranks title matches first.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from policies.models import PolicyDocument

CONFIG = "dutch"
# to_tsvector refuses inputs over 1 MB; the first part of a long text is enough to find it.
MAX_INDEXED_CHARS = 300_000
SNIPPET_START, SNIPPET_STOP = "\u0002", "\u0003"  # markers that user text cannot contain


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def update_search_vector(document_id: int) -> None:
    """Recompute one document's stored vector (after it or one of its passages changed)."""
    if not uses_postgres():
        return
    quotes = PolicyDocument.objects.filter(pk=document_id).values_list(
        "passages__quote", "passages__note"
    )
    passages = " ".join(part for row in quotes for part in row if part)
    PolicyDocument.objects.filter(pk=document_id).update(
        search=SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("organisation", weight="B", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector(Value(passages), weight="B", config=CONFIG)
        + SearchVector(Left("extracted_text", MAX_INDEXED_CHARS), weight="C", config=CONFIG)
    )


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Documents matching ``text``, annotated with ``rank`` (higher is better)."""
    if uses_postgres():
        return _search_postgres(queryset, text)
    return _search_simple(queryset, text)


def _search_postgres(queryset: QuerySet, text: str) -> QuerySet:
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    # Dutch glues words together ("bestuursakkoord"): a title containing the words typed
    # is found too, even when the stemmer sees one long word.
    title_hit = Case(When(title__icontains=text, then=Value(0.5)), default=Value(0.0))
    return queryset.filter(Q(search=query) | Q(title__icontains=text)).annotate(
        rank=SearchRank(F("search"), query) + title_hit
    )


def snippets(documents: list[PolicyDocument], text: str) -> dict[int, SafeString]:
    """Highlighted snippets for one page of results, in one query (headlines are costly,
    so they are made for the rows shown, never for every match)."""
    if uses_postgres():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        source = Concat("summary", Value(" … "), Left("extracted_text", 20000))
        headline = SearchHeadline(
            source,
            query,
            config=CONFIG,
            start_sel=SNIPPET_START,
            stop_sel=SNIPPET_STOP,
            max_fragments=2,
            max_words=25,
            min_words=10,
            fragment_delimiter=" … ",
        )
        rows = PolicyDocument.objects.filter(pk__in=[d.pk for d in documents])
        raw = dict(rows.annotate(headline=headline).values_list("pk", "headline"))
    else:
        raw = {d.pk: _simple_snippet(d, text) for d in documents}
    return {pk: _marked(snippet) for pk, snippet in raw.items()}


def _search_simple(queryset: QuerySet, text: str) -> QuerySet:
    matching = PolicyDocument.objects.all()
    for word in text.split():
        matching = matching.filter(
            Q(title__icontains=word)
            | Q(organisation__icontains=word)
            | Q(summary__icontains=word)
            | Q(extracted_text__icontains=word)
            | Q(passages__quote__icontains=word)
        )
    # A subquery, so the passage join does not multiply rows or skew counts in the list.
    rank = Case(
        When(title__icontains=text, then=Value(3)),
        When(summary__icontains=text, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=matching.values("pk")).annotate(rank=rank, snippet_raw=Value(""))


def _marked(raw: str) -> SafeString:
    """The snippet with matches in <mark>, everything else escaped."""
    marked = escape(raw or "").replace(SNIPPET_START, "<mark>").replace(SNIPPET_STOP, "</mark>")
    return mark_safe(marked)  # escaped above; only our own markers become tags


def _simple_snippet(document: PolicyDocument, text: str, width: int = 90) -> str:
    words = [word for word in text.split() if word]
    haystack = f"{document.summary} … {document.extracted_text[:20000]}"
    lower = haystack.lower()
    hits = [(lower.find(word.lower()), word) for word in words]
    hits = [(at, word) for at, word in hits if at >= 0]
    if not hits:
        return ""
    at, word = min(hits)
    start, end = max(0, at - width), min(len(haystack), at + len(word) + width)
    piece = haystack[start:end]
    for word in words:
        piece = _mark_word(piece, word)
    return ("…" if start else "") + piece + ("…" if end < len(haystack) else "")


def _mark_word(piece: str, word: str) -> str:
    lower, needle = piece.lower(), word.lower()
    out, pos = [], 0
    while (at := lower.find(needle, pos)) >= 0:
        out += [piece[pos:at], SNIPPET_START, piece[at : at + len(word)], SNIPPET_STOP]
        pos = at + len(word)
    return "".join([*out, piece[pos:]])
