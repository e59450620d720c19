"""Full-text search of the library, Dutch-aware on PostgreSQL, plain on SQLite.

On PostgreSQL each document keeps a stored ``search`` vector (GIN-indexed, see migration
0002) built with the ``dutch`` configuration, so "wijken" finds "wijk". Title words weigh
most (A), then the summary and the passages (B), then the file's text (C). Results are
ranked, and the rows shown get a snippet with the matches highlighted. On SQLite (a laptop) the same page
searches with a case-insensitive "contains" and ranks title matches first. Query parsing,
prefixes and highlighting are :mod:`atlasplan.search`'s, shared with the interviews.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Left
from django.utils.safestring import SafeString

from atlasplan.search import CONFIG, headline, indexed, marked, rank, search_query, uses_postgres
from atlasplan.search import snippet as text_snippet
from policies.models import PolicyDocument


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
        + SearchVector(indexed("extracted_text"), weight="C", config=CONFIG)
    )


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Documents matching ``text``, annotated with ``rank`` (higher is better)."""
    if uses_postgres():
        return _search_postgres(queryset, text)
    return _search_simple(queryset, text)


def _search_postgres(queryset: QuerySet, text: str) -> QuerySet:
    # Dutch glues words together ("bestuursakkoord"): a title containing the words typed
    # is found too, even when the stemmer sees one long word.
    title_hit = Case(When(title__icontains=text, then=Value(0.5)), default=Value(0.0))
    return queryset.filter(Q(search=search_query(text)) | Q(title__icontains=text)).annotate(
        rank=rank("search", text) + title_hit
    )


def snippets(documents: list[PolicyDocument], text: str) -> dict[int, SafeString]:
    """Highlighted snippets for one page of results, in one query (headlines are costly,
    so they are made for the rows shown, never for every match)."""
    if uses_postgres():
        source = Concat("summary", Value(" … "), Left("extracted_text", 20000))
        rows = PolicyDocument.objects.filter(pk__in=[d.pk for d in documents])
        raw = rows.annotate(headline=headline(source, text)).values_list("pk", "headline")
        return {pk: marked(snippet) for pk, snippet in raw}
    return {d.pk: _simple_snippet(d, text) for d in documents}


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


def _simple_snippet(document: PolicyDocument, text: str) -> SafeString:
    haystack = f"{document.summary} … {document.extracted_text[:20000]}"
    lower = haystack.lower()
    if not any(word.lower() in lower for word in text.split()):
        return SafeString("")
    return text_snippet(haystack.replace("*", ""), text, width=90)
