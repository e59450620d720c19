"""Retention of raw interview text (``RAW_TEXT_RETENTION_DAYS``, ``manage.py apply_retention``).

Past the retention period (counted from the day the interview was held) the raw text goes:
the transcript keeps only a notice, its earlier versions are deleted, notes are emptied,
in the history tables too. The coded excerpts stay for the analysis, anonymised the way the
evidence boundary anonymises a quote (no speaker labels, "[naam]", "[organisatie]"), also in
their history; they are marked as no longer found in the (now removed) text.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation

from interviews.models import Anchor, Excerpt, Interview, NoteAnswer, Transcript
from interviews.privacy import anonymise
from interviews.search import update_search_vector

# Stored text, so in the research's language whatever language is active.
REMOVED = "[Ruwe tekst verwijderd na de bewaartermijn; de gecodeerde fragmenten blijven.]"


def expired(now: datetime.datetime, days: int) -> QuerySet:
    """Interviews held more than ``days`` before ``now`` that still hold raw text."""
    cutoff = now - datetime.timedelta(days=days)
    held_long_ago = Interview.objects.filter(held_at__lt=cutoff)
    has_raw = held_long_ago.exclude(transcript__text=REMOVED).filter(transcript__isnull=False)
    has_notes = held_long_ago.filter(answers__text__gt="")
    return (has_raw | has_notes).distinct().order_by("pk")


def _anonymise_excerpts(interview: Interview) -> None:
    for excerpt in Excerpt.objects.filter(interview=interview):
        excerpt.text = anonymise(excerpt.text, interview) or excerpt.text
        excerpt.memo = anonymise(excerpt.memo, interview)
        excerpt.anchor = Anchor.FLAGGED
        excerpt.save(update_fields=["text", "memo", "anchor"])
    for record in Excerpt.history.filter(interview_id=interview.pk):
        Excerpt.history.filter(history_id=record.history_id).update(
            text=anonymise(record.text, interview), memo=anonymise(record.memo, interview)
        )


@transaction.atomic
def remove_raw_text(interview: Interview) -> None:
    with translation.override("nl"):
        _anonymise_excerpts(interview)
    transcript = Transcript.objects.filter(interview=interview).first()
    if transcript is not None:
        transcript.versions.all().delete()
        Transcript.objects.filter(pk=transcript.pk).update(text=REMOVED)
        update_search_vector(transcript.pk)
    NoteAnswer.objects.filter(interview=interview).update(text="")
    NoteAnswer.history.filter(interview_id=interview.pk).update(text="")


def apply(now: datetime.datetime, days: int) -> int:
    """Remove the raw text of every expired interview; how many interviews."""
    interviews = list(expired(now, days))
    for interview in interviews:
        remove_raw_text(interview)
    return len(interviews)
