"""The plan's method section, generated from the research (steps 1-6), ready for the PDF.

Counts only: how many frameworks were read, stakeholders interviewed, statements tested,
validation responses and how many endorse the vision. No organisation names and no quotes,
so the section may go to every reader. A fixed number of queries, whatever the data.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interviews.models import Excerpt, Interview, Status
from plan.models import Endorsement, Invitee, ValidationResponse, ValidationRound
from policies.models import Passage, PolicyDocument, ReadingStatus
from stakeholders.models import Decision, Organisation, ShortlistEntry
from workshops.models import Ballot, Statement, StatementOutcome, Workshop

DONE = [Status.HELD, Status.TRANSCRIBED, Status.CODED]


@dataclass(frozen=True)
class MethodFigures:
    documents: int
    documents_read: int
    passages: int
    organisations: int
    shortlisted: int
    interviews: int
    interviewed: int  # organisations with at least one interview held
    excerpts: int
    workshops: int
    ballots: int
    statements: int
    kept: int
    reworded: int
    dropped: int
    rounds: int
    invitees: int
    responses: int
    endorse: int
    partly: int
    not_endorse: int


def _counts(queryset, field: str, values) -> dict:
    rows = queryset.values(field).annotate(n=Count("pk")).order_by()
    found = {row[field]: row["n"] for row in rows}
    return {value: found.get(value, 0) for value in values}


def figures() -> MethodFigures:
    """The research in numbers (twelve queries, always)."""
    documents = PolicyDocument.objects.aggregate(
        total=Count("pk"),
        read=Count("pk", filter=Q(status__in=[ReadingStatus.READ, ReadingStatus.SUMMARISED])),
    )
    interviews = Interview.objects.filter(status__in=DONE).aggregate(
        total=Count("pk"), organisations=Count("organisation", distinct=True)
    )
    outcomes = _counts(Statement.objects.all(), "outcome", StatementOutcome.values)
    positions = _counts(ValidationResponse.objects.all(), "position", Endorsement.values)
    return MethodFigures(
        documents=documents["total"],
        documents_read=documents["read"],
        passages=Passage.objects.count(),
        organisations=Organisation.objects.count(),
        shortlisted=ShortlistEntry.objects.filter(decision=Decision.APPROVED).count(),
        interviews=interviews["total"],
        interviewed=interviews["organisations"],
        excerpts=Excerpt.objects.count(),
        workshops=Workshop.objects.count(),
        ballots=Ballot.objects.count(),
        statements=sum(outcomes.values()),
        kept=outcomes[StatementOutcome.KEPT],
        reworded=outcomes[StatementOutcome.REWORDED],
        dropped=outcomes[StatementOutcome.DROPPED],
        rounds=ValidationRound.objects.count(),
        invitees=Invitee.objects.count(),
        responses=sum(positions.values()),
        endorse=positions[Endorsement.ENDORSE],
        partly=positions[Endorsement.PARTLY],
        not_endorse=positions[Endorsement.NOT],
    )


def paragraphs(f: MethodFigures) -> list[str]:
    """The method section in Dutch (or the reader's language), one paragraph per step."""
    return [
        text
        for text in [
            _intro(),
            _desk(f),
            _stakeholders(f),
            _interviews(f),
            _workshops(f),
            _validation(f),
        ]
        if text
    ]


def _intro() -> str:
    return _(
        "Dit plan is het resultaat van een onderzoek in zeven stappen: deskresearch, een "
        "shortlist van stakeholders, diepte-interviews, een workshop met stellingen, een "
        "ontwerp van visie, een aftoetsingsronde en dit communicatieplan. De cijfers hieronder "
        "komen rechtstreeks uit dat onderzoek."
    )


# Each figure agrees with its own noun ("1 kernpassage", "4 kernpassages"), so a sentence
# holds the counted phrases, not bare numbers.


def _desk(f: MethodFigures) -> str:
    if not f.documents:
        return ""
    return _(
        "Voor de deskresearch brachten we %(documents)s in kaart (%(read)d gelezen of "
        "samengevat) en legden we %(passages)s vast."
    ) % {
        "documents": ngettext("%(n)d beleidskader", "%(n)d beleidskaders", f.documents)
        % {"n": f.documents},
        "read": f.documents_read,
        "passages": ngettext("%(n)d kernpassage", "%(n)d kernpassages", f.passages)
        % {"n": f.passages},
    }


def _stakeholders(f: MethodFigures) -> str:
    if not f.organisations:
        return ""
    return _(
        "Het stakeholderregister telt %(organisations)s; samen met het Atlas-team kozen we er "
        "%(shortlisted)d voor een diepte-interview."
    ) % {
        "organisations": ngettext("%(n)d organisatie", "%(n)d organisaties", f.organisations)
        % {"n": f.organisations},
        "shortlisted": f.shortlisted,
    }


def _interviews(f: MethodFigures) -> str:
    if not f.interviews:
        return ""
    return _(
        "We namen %(interviews)s af bij %(interviewed)s en codeerden %(excerpts)s op thema en "
        "standpunt."
    ) % {
        "interviews": ngettext("%(n)d diepte-interview", "%(n)d diepte-interviews", f.interviews)
        % {"n": f.interviews},
        "interviewed": ngettext("%(n)d organisatie", "%(n)d organisaties", f.interviewed)
        % {"n": f.interviewed},
        "excerpts": ngettext("%(n)d fragment", "%(n)d fragmenten", f.excerpts) % {"n": f.excerpts},
    }


def _workshops(f: MethodFigures) -> str:
    if not f.workshops:
        return ""
    return _(
        "In %(workshops)s toetste het communicatieteam van Atlas %(statements)s af, met "
        "%(ballots)s. Uitkomst: %(kept)d behouden, %(reworded)d geherformuleerd en "
        "%(dropped)d geschrapt."
    ) % {
        "workshops": ngettext("%(n)d workshop", "%(n)d workshops", f.workshops)
        % {"n": f.workshops},
        "statements": ngettext("%(n)d stelling", "%(n)d stellingen", f.statements)
        % {"n": f.statements},
        "ballots": ngettext("%(n)d stemformulier", "%(n)d stemformulieren", f.ballots)
        % {"n": f.ballots},
        "kept": f.kept,
        "reworded": f.reworded,
        "dropped": f.dropped,
    }


def _validation(f: MethodFigures) -> str:
    if not f.rounds:
        return ""
    return _(
        "In %(rounds)s legden we de ontwerpvisie voor aan %(invitees)s, intern en extern, en "
        "ontvingen we %(responses)s: %(endorse)d keer “onderschrijft”, %(partly)d keer "
        "“deels” en %(not)d keer “onderschrijft niet”."
    ) % {
        "rounds": ngettext("%(n)d aftoetsingsronde", "%(n)d aftoetsingsrondes", f.rounds)
        % {"n": f.rounds},
        "invitees": ngettext("%(n)d stakeholder", "%(n)d stakeholders", f.invitees)
        % {"n": f.invitees},
        "responses": ngettext("%(n)d antwoord", "%(n)d antwoorden", f.responses)
        % {"n": f.responses},
        "endorse": f.endorse,
        "partly": f.partly,
        "not": f.not_endorse,
    }


def method_section() -> list[str]:
    """The paragraphs of the method section for the plan texts page and the PDF."""
    return paragraphs(figures())
