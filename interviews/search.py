"""Search within transcripts, notes and excerpts, showing only what the user may see.

On PostgreSQL the ``dutch`` text-search configuration stems the words ("fietsers" finds
"fietser"), transcripts through their stored, indexed vector; on SQLite every word must
occur as typed (case-insensitive); see :mod:`atlasplan.search`. Raw transcripts and notes
are searched only among the interviews the user may read raw
(:func:`interviews.privacy.raw_interviews`); excerpts only among the visible ones.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector

from atlasplan.search import CONFIG, indexed, matching, snippet, uses_postgres
from interviews import privacy
from interviews.models import NoteAnswer, Transcript

MAX_RESULTS = 50


@dataclass
class Results:
    quotes: list
    transcripts: list
    notes: list


def update_search_vector(transcript_id: int) -> None:
    """Recompute one transcript's stored vector (after its text changed)."""
    if uses_postgres():
        Transcript.objects.filter(pk=transcript_id).update(
            search=SearchVector(indexed("text"), config=CONFIG)
        )


def search_everything(user, text: str) -> Results:
    excerpts = matching(privacy.quote_queryset(user), text, ["text"])[:MAX_RESULTS]
    raw = privacy.raw_interviews(user)
    transcripts = matching(
        Transcript.objects.filter(interview__in=raw).select_related("interview__organisation"),
        text,
        ["text"],
        vector="search",
    )[:MAX_RESULTS]
    notes = matching(
        NoteAnswer.objects.filter(interview__in=raw).select_related(
            "interview__organisation", "question"
        ),
        text,
        ["text"],
    )[:MAX_RESULTS]
    return Results(
        quotes=privacy.visible_quotes(excerpts, user),
        transcripts=[(t, snippet(t.text, text)) for t in transcripts],
        notes=[(n, snippet(n.text, text)) for n in notes],
    )
