"""Step 3's part of a contact's export and erasure (see :mod:`stakeholders.erasure`)."""

import re

from atlasplan.files import delete_on_commit
from interviews.models import Consent, Excerpt, Interview, NoteAnswer, Transcript
from interviews.search import update_search_vector
from interviews.services import reanchor
from stakeholders import erasure
from stakeholders.models import Contact

SPEAKER = re.compile(r"^[ \t]*([^\n:]{1,80}?)[ \t]*:", re.MULTILINE)


def speaker_at(text: str, offset: int) -> str:
    """The speaker label of the turn that ``offset`` falls in ("" before the first label)."""
    label = ""
    for match in SPEAKER.finditer(text):
        if match.start() > offset:
            break
        label = match.group(1)
    return label


def spoken_by(contact: Contact, excerpts) -> list[Excerpt]:
    needles = erasure.needles_for(contact)
    names = {name.casefold() for name in needles.exact + needles.speaker}
    return [
        excerpt
        for excerpt in excerpts
        if speaker_at(excerpt.transcript.text, excerpt.start).casefold() in names
    ]


def interviews_of(contact: Contact):
    return Interview.objects.filter(interviewees=contact).select_related("organisation")


def export(contact: Contact) -> list[dict]:
    result = []
    for interview in interviews_of(contact).order_by("held_at", "pk"):
        consent = Consent.objects.filter(interview=interview).first()
        excerpts = Excerpt.objects.filter(interview=interview, transcript__isnull=False)
        excerpts = excerpts.select_related("transcript").order_by("start", "pk")
        result.append(
            erasure.row(interview)
            | {
                "organisation": interview.organisation.name,
                "consent": erasure.row(consent) if consent else None,
                "consent_history": erasure.history_rows(consent) if consent else [],
                "excerpts_spoken": [
                    erasure.row(excerpt) | {"themes": [str(t) for t in excerpt.themes.all()]}
                    for excerpt in spoken_by(contact, excerpts)
                ],
            }
        )
    return result


def forget(contact: Contact) -> None:
    """The signed consent forms of their interviews carry their name and signature: the
    files go (after commit), the consent records stay."""
    consents = Consent.objects.filter(interview__in=interviews_of(contact)).exclude(form="")
    for consent in consents:
        delete_on_commit(consent.form.storage, consent.form.name)
    interview_ids = list(consents.values_list("interview_id", flat=True))
    Consent.objects.filter(interview_id__in=interview_ids).update(form="")
    Consent.history.filter(interview_id__in=interview_ids).update(form="")


def repair(changed: erasure.Changed) -> None:
    """Excerpts find their spans again in the changed texts; transcripts get a new vector."""
    for transcript in Transcript.objects.filter(pk__in=changed.get(Transcript, ())):
        for excerpt in transcript.excerpts.all():
            reanchor(excerpt, transcript.text)
        update_search_vector(transcript.pk)
    for note in NoteAnswer.objects.filter(pk__in=changed.get(NoteAnswer, ())):
        for excerpt in note.excerpts.all():
            reanchor(excerpt, note.text)


PART = erasure.Part(name="interviews", export=export, forget=forget, repair=repair)
