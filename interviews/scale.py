"""Step 3's part of ``seed_scale``: interviews with mixed consent, transcripts of about
2,300 words, and coded excerpts whose offsets point into their transcript."""

import datetime

from django.contrib.postgres.search import SearchVector

from atlasplan.scale import BATCH, MARK, ScaleContext, spread
from atlasplan.search import CONFIG, indexed, uses_postgres
from interviews.models import (
    Consent,
    ConsentScope,
    Excerpt,
    Interview,
    Stance,
    Status,
    Transcript,
    TranscriptVersion,
)

INTERVIEWS, TRANSCRIPTS, EXCERPTS = 500, 445, 10_000
TRANSCRIPT_WORDS = 2300


def holds_real_data() -> bool:
    return Interview.objects.exclude(organisation__name__contains=MARK).exists()


def fill(context: ScaleContext) -> None:
    count = context.size(INTERVIEWS)
    transcribed = min(count, context.size(TRANSCRIPTS))
    interviews = Interview.objects.bulk_create(
        (_interview(context, n < transcribed) for n in range(count)), batch_size=BATCH
    )
    _interviewees(interviews, context.made["contacts"])
    Consent.objects.bulk_create(
        (_consent(interview, n) for n, interview in enumerate(interviews)), batch_size=BATCH
    )
    _transcripts(context, interviews[:transcribed])
    context.report(
        f"{count} interviews, {transcribed} transcripts, {context.size(EXCERPTS)} excerpts"
    )


def _interview(context: ScaleContext, transcribed: bool) -> Interview:
    return Interview(
        organisation=context.rng.choice(context.made["organisations"]),
        held_at=context.now - datetime.timedelta(days=context.rng.randint(1, 700)),
        status=Status.CODED if transcribed else Status.PLANNED,
        duration=context.rng.randint(45, 120),
    )


def _interviewees(interviews: list[Interview], contacts: list) -> None:
    first_contact: dict[int, int] = {}
    for contact in contacts:
        first_contact.setdefault(contact.organisation_id, contact.pk)
    through = Interview.interviewees.through
    through.objects.bulk_create(
        (
            through(interview_id=iv.pk, contact_id=first_contact[iv.organisation_id])
            for iv in interviews
            if iv.organisation_id in first_contact
        ),
        batch_size=BATCH,
    )


def _consent(interview: Interview, n: int) -> Consent:
    """Mixed, so the evidence boundary has work: named or anonymous mostly, some not
    quotable, a few refused or withdrawn."""
    scope = [ConsentScope.NAMED, ConsentScope.ANONYMOUS, ConsentScope.ANONYMOUS][n % 3]
    if n % 10 == 7:
        scope = ConsentScope.NOT_QUOTABLE
    date = interview.held_at.date()
    withdrawn = date + datetime.timedelta(days=30) if n % 25 == 13 else None
    return Consent(
        interview=interview, given=n % 25 != 11, date=date, scope=scope, withdrawn_on=withdrawn
    )


def _transcripts(context: ScaleContext, interviews: list[Interview]) -> None:
    per_transcript = spread(context.size(EXCERPTS), len(interviews))
    first = None
    for start in range(0, len(interviews), 50):
        batch = interviews[start : start + 50]
        transcripts = Transcript.objects.bulk_create(
            Transcript(interview=iv, text=_transcript_text(context)) for iv in batch
        )
        first = first or transcripts[0].pk
        TranscriptVersion.objects.bulk_create(
            TranscriptVersion(transcript=t, number=1, text=t.text) for t in transcripts
        )
        excerpts = Excerpt.objects.bulk_create(
            _excerpt(context, transcript)
            for n, transcript in enumerate(transcripts)
            for _ in range(per_transcript(start + n))
        )
        context.tag(Excerpt.themes.through, "excerpt", excerpts, context.rng.randint(1, 2))
    if first and uses_postgres():
        # The vector interviews.search.update_search_vector builds, for all in one UPDATE.
        Transcript.objects.filter(pk__gte=first).update(
            search=SearchVector(indexed("text"), config=CONFIG)
        )


def _transcript_text(context: ScaleContext) -> str:
    """About 2,300 words in speaker turns, as a transcript reads."""
    turns, written = [], 0
    while written < TRANSCRIPT_WORDS:
        length = context.rng.randint(20, 90)
        speaker = "Interviewer" if len(turns) % 2 == 0 else "Respondent"
        turns.append(f"{speaker}: {context.sentence(length)}")
        written += length
    return "\n\n".join(turns)


def _excerpt(context: ScaleContext, transcript: Transcript) -> Excerpt:
    """A span of 15-60 words on word boundaries: ``text`` is exactly
    ``transcript.text[start:end]``."""
    rng, text = context.rng, transcript.text
    start = text.rfind(" ", 0, rng.randrange(0, max(1, len(text) - 400))) + 1
    end = start
    for _ in range(rng.randint(15, 60)):
        following = text.find(" ", end + 1)
        end = len(text) if following == -1 else following
    return Excerpt(
        interview_id=transcript.interview_id,
        transcript=transcript,
        start=start,
        end=end,
        text=text[start:end],
        stance=rng.choice(Stance.values),
        surprising=rng.random() < 0.1,
        quotable=rng.random() < 0.7,
    )
