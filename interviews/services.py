"""Writes that touch several models, and the text logic of coding (offsets, re-anchoring)."""

import re
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from interviews.models import (
    Anchor,
    Excerpt,
    GuideQuestion,
    Interview,
    InterviewGuide,
    NoteAnswer,
    Status,
    Transcript,
    TranscriptVersion,
)
from stakeholders.models import Decision, Progress, ShortlistEntry
from stakeholders.services import record_progress

# NUL (refused by PostgreSQL) and the control characters XML 1.0 forbids (a .qdpx with them
# does not open); a vertical tab or form feed (page break in a Word file) becomes a new line.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def clean_text(text: str) -> str:
    """A text as it may be stored: offsets are taken only after this, so they stay right."""
    return CONTROL.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))


class CodingError(ValueError):
    """The coding request cannot be carried out; the message is meant for the user."""


def advance_progress(organisation, progress: str) -> None:
    """Move the organisation's shortlist entry forward to ``progress``, never back (a
    follow-up interview does not undo "Geïnterviewd" or a later step's "Afgetoetst")."""
    order = list(Progress)
    current = (
        ShortlistEntry.objects.filter(organisation=organisation, decision=Decision.APPROVED)
        .values_list("progress", flat=True)
        .first()
    )
    if current is not None and order.index(Progress(current)) < order.index(Progress(progress)):
        record_progress(organisation, progress)


def shortlist_progress_for(status: str) -> str:
    return Progress.INTERVIEW_PLANNED if status == Status.PLANNED else Progress.INTERVIEWED


@transaction.atomic
def save_interview(
    interview: Interview,
    *,
    interviewers: Iterable | None = None,
    interviewees: Iterable | None = None,
) -> Interview:
    """Save the interview (with its people, when given) and move its organisation's
    shortlist entry along."""
    interview.save()
    if interviewers is not None:
        interview.interviewers.set(interviewers)
    if interviewees is not None:
        interview.interviewees.set(interviewees)
    advance_progress(interview.organisation, shortlist_progress_for(interview.status))
    return interview


@transaction.atomic
def save_guide(guide: InterviewGuide, questions: list[str]) -> InterviewGuide:
    """Save the guide with ``questions`` in this order. A question that leaves the guide is
    kept ``retired`` while notes were typed under it (deleted otherwise) and comes back with
    them when its text returns."""
    guide.save()
    existing = list(guide.questions.all())
    if [q.text for q in existing if not q.retired] == questions:
        return guide
    for question in existing:  # out of the guide first, so the new order never collides
        if not question.retired:
            question.retired = True
            question.save(update_fields=["retired"])
    for position, text in enumerate(questions, start=1):
        match = next((q for q in existing if q.text == text and q.retired), None)
        if match is None:
            GuideQuestion.objects.create(guide=guide, position=position, text=text)
            continue
        match.position, match.retired = position, False
        match.save(update_fields=["position", "retired"])
    for question in existing:
        if question.retired and not question.answers.exists():
            question.delete()
    return guide


@transaction.atomic
def copy_guide(guide: InterviewGuide) -> InterviewGuide:
    """A new guide with the questions of ``guide`` (not its retired ones), titled as a copy."""
    title, n = _("Kopie van %(title)s") % {"title": guide.title}, 1
    while InterviewGuide.objects.filter(title=title[:200]).exists():
        n += 1
        title = _("Kopie %(n)d van %(title)s") % {"n": n, "title": guide.title}
    copy = InterviewGuide.objects.create(title=title[:200], description=guide.description)
    for question in guide.questions.filter(retired=False):
        GuideQuestion.objects.create(guide=copy, position=question.position, text=question.text)
    return copy


def check_span(text: str, start: int, end: int) -> None:
    if start < 0 or end > len(text) or end <= start:
        raise CodingError(
            _(
                "De selectie (%(start)d–%(end)d) valt buiten de tekst (0–%(length)d). "
                "Laad de pagina opnieuw en selecteer opnieuw."
            )
            % {"start": start, "end": end, "length": len(text)}
        )
    if not text[start:end].strip():
        raise CodingError(_("De selectie bevat geen tekst."))


def find_passage(text: str, passage: str, occurrence: int = 1) -> tuple[int, int]:
    """The offsets of the ``occurrence``-th appearance of ``passage`` in ``text``."""
    passage = passage.strip()
    if not passage:
        raise CodingError(_("Typ of plak de passage die u wilt coderen."))
    at = -1
    for _n in range(max(occurrence, 1)):
        at = text.find(passage, at + 1)
        if at < 0:
            raise CodingError(
                _("De passage staat niet (zo vaak) letterlijk in de tekst. Kopieer ze exact.")
            )
    return at, at + len(passage)


def nearest_passage(text: str, passage: str, near: int) -> tuple[int, int]:
    """The offsets of the appearance of ``passage`` in ``text`` nearest ``near``."""
    hits, at = [], text.find(passage)
    while at >= 0:
        hits.append(at)
        at = text.find(passage, at + 1)
    if not hits:
        raise CodingError(
            _(
                "De selectie klopt niet meer met de tekst. Laad de pagina opnieuw en selecteer opnieuw."
            )
        )
    best = min(hits, key=lambda hit: abs(hit - near))
    return best, best + len(passage)


def reanchor(excerpt: Excerpt, new_text: str) -> None:
    """Find the excerpt's stored text in the new version, nearest its old place, or flag it."""
    if new_text[excerpt.start : excerpt.end] == excerpt.text:
        if excerpt.anchor == Anchor.FLAGGED:  # its text is back where it was
            excerpt.anchor = Anchor.REANCHORED
            excerpt.save(update_fields=["anchor"])
        return
    hits, at = [], new_text.find(excerpt.text)
    while at >= 0:
        hits.append(at)
        at = new_text.find(excerpt.text, at + 1)
    if not hits:
        excerpt.anchor = Anchor.FLAGGED
    else:
        best = min(hits, key=lambda hit: abs(hit - excerpt.start))
        excerpt.start, excerpt.end = best, best + len(excerpt.text)
        excerpt.anchor = Anchor.REANCHORED
    excerpt.save(update_fields=["start", "end", "anchor"])


@transaction.atomic
def save_transcript(interview: Interview, text: str, user, filename: str = "") -> Transcript:
    """Store a new text (keeping the previous as a version) and re-anchor its excerpts."""
    transcript = Transcript.objects.select_for_update().filter(interview=interview).first()
    if transcript is None:
        transcript = Transcript(interview=interview)
    elif transcript.text == text:
        return transcript
    transcript.text = text
    if filename:
        transcript.original_filename = filename
    transcript.save()
    last = transcript.versions.order_by("-number").values_list("number", flat=True).first()
    TranscriptVersion.objects.create(
        transcript=transcript, number=(last or 0) + 1, text=text, saved_by=user
    )
    for excerpt in transcript.excerpts.all():
        reanchor(excerpt, text)
    if interview.status in {Status.PLANNED, Status.HELD}:
        interview.status = Status.TRANSCRIBED
        interview.save(update_fields=["status"])
        advance_progress(interview.organisation, Progress.INTERVIEWED)
    return transcript


@transaction.atomic
def save_note(interview: Interview, question_id: int | None, text: str) -> NoteAnswer:
    text = clean_text(text.replace("\r\n", "\n"))  # FormData (notes.js) sends CRLF
    answer, _created = NoteAnswer.objects.get_or_create(
        interview=interview, question_id=question_id
    )
    if answer.text != text:
        answer.text = text
        answer.save()
        for excerpt in answer.excerpts.all():
            reanchor(excerpt, text)
    return answer


def require_consent(interview: Interview) -> None:
    if not hasattr(interview, "consent"):
        raise CodingError(
            _(
                "Er is nog geen toestemming geregistreerd voor dit interview. "
                "Registreer eerst de toestemming; pas daarna kan het gecodeerd worden."
            )
        )


@transaction.atomic
def create_excerpt(
    interview: Interview,
    source: Transcript | NoteAnswer,
    user,
    *,
    start: int,
    end: int,
    themes: Iterable,
    **fields,
) -> Excerpt:
    """Code ``source[start:end]`` with ``themes``; ``fields`` are the excerpt's other values
    (stance, surprising, quotable, memo)."""
    require_consent(interview)
    check_span(source.text, start, end)
    excerpt = Excerpt(interview=interview, coder=user, anchor=Anchor.OK, **fields)
    if isinstance(source, Transcript):
        excerpt.transcript = source
    else:
        excerpt.note = source
    excerpt.start, excerpt.end, excerpt.text = start, end, source.text[start:end]
    excerpt.save()
    excerpt.themes.set(themes)
    if interview.status != Status.CODED:  # the first coded passage makes it "gecodeerd"
        interview.status = Status.CODED
        interview.save(update_fields=["status"])
        advance_progress(interview.organisation, Progress.INTERVIEWED)
    return excerpt
