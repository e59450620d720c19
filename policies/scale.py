"""Step 1's part of ``seed_scale``: documents, passages, their themes and search vectors."""

from django.contrib.postgres.search import SearchVector
from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from atlasplan.scale import BATCH, MARK, TOPICS, ScaleContext, spread
from atlasplan.search import CONFIG, indexed, uses_postgres
from policies.models import Kind, Level, Passage, PolicyDocument, ReadingStatus

DOCUMENTS, PASSAGES = 10_000, 30_000
DOCUMENT_WORDS = 600


def holds_real_data() -> bool:
    return PolicyDocument.objects.exclude(title__contains=MARK).exists()


def fill(context: ScaleContext) -> None:
    documents, passages = context.size(DOCUMENTS), context.size(PASSAGES)
    per_document = spread(passages, documents)
    offset, first = PolicyDocument.objects.count(), None
    for start in range(0, documents, BATCH):
        numbers = range(start, min(documents, start + BATCH))
        made = PolicyDocument.objects.bulk_create([_document(context, offset + n) for n in numbers])
        first = first or made[0].pk
        quotes = Passage.objects.bulk_create(
            Passage(document=document, quote=context.sentence(30), page=context.rng.randint(1, 40))
            for document, n in zip(made, numbers, strict=True)
            for _ in range(per_document(n))
        )
        context.tag(PolicyDocument.themes.through, "policydocument", made, 2)
        context.tag(Passage.themes.through, "passage", quotes, 1)
    _fill_search_vectors(first)
    context.report(f"{documents} documents, {passages} passages")


def _document(context: ScaleContext, n: int) -> PolicyDocument:
    rng = context.rng
    return PolicyDocument(
        title=f"Nota {n + 1:05d} over {rng.choice(TOPICS)} {MARK}",
        organisation=rng.choice(["Stad Antwerpen", "Atlas", "Vlaamse overheid"]),
        level=rng.choice(Level.values),
        kind=rng.choice(Kind.values),
        year=rng.randint(2010, 2026),
        summary=context.sentence(60),
        extracted_text=context.sentence(DOCUMENT_WORDS),
        relevance=rng.randint(1, 5),
        status=rng.choice(ReadingStatus.values),
    )


def _fill_search_vectors(first_pk: int) -> None:
    """The vectors ``policies.search.update_search_vector`` builds per document, for every
    new document in one UPDATE."""
    if not uses_postgres():
        return
    passages = (
        Passage.objects.filter(document=OuterRef("pk"))
        .order_by()
        .values("document")
        .annotate(
            text=StringAgg(
                Concat("quote", Value(" "), "note", output_field=TextField()),
                delimiter=Value(" "),
            )
        )
        .values("text")
    )
    PolicyDocument.objects.filter(pk__gte=first_pk).update(
        search=SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("organisation", weight="B", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector(
            Coalesce(Subquery(passages), Value(""), output_field=TextField()),
            weight="B",
            config=CONFIG,
        )
        + SearchVector(indexed("extracted_text"), weight="C", config=CONFIG)
    )
