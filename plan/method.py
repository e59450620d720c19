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


def _desk(f: MethodFigures) -> str:
    if not f.documents:
        return ""
    return ngettext(
        "Voor de deskresearch brachten we %(documents)d beleidskader in kaart "
        "(%(read)d gelezen of samengevat) en legden we %(passages)d kernpassages vast.",
        "Voor de deskresearch brachten we %(documents)d beleidskaders in kaart "
        "(%(read)d gelezen of samengevat) en legden we %(passages)d kernpassages vast.",
        f.documents,
    ) % {"documents": f.documents, "read": f.documents_read, "passages": f.passages}


def _stakeholders(f: MethodFigures) -> str:
    if not f.organisations:
        return ""
    return ngettext(
        "Het stakeholderregister telt %(organisations)d organisatie; samen met het Atlas-team "
        "kozen we er %(shortlisted)d voor een diepte-interview.",
        "Het stakeholderregister telt %(organisations)d organisaties; samen met het Atlas-team "
        "kozen we er %(shortlisted)d voor een diepte-interview.",
        f.organisations,
    ) % {"organisations": f.organisations, "shortlisted": f.shortlisted}


def _interviews(f: MethodFigures) -> str:
    if not f.interviews:
        return ""
    return ngettext(
        "We namen %(interviews)d diepte-interview af bij %(interviewed)d organisatie en "
        "codeerden %(excerpts)d fragmenten op thema en standpunt.",
        "We namen %(interviews)d diepte-interviews af bij %(interviewed)d organisaties en "
        "codeerden %(excerpts)d fragmenten op thema en standpunt.",
        f.interviews,
    ) % {"interviews": f.interviews, "interviewed": f.interviewed, "excerpts": f.excerpts}


def _workshops(f: MethodFigures) -> str:
    if not f.workshops:
        return ""
    return ngettext(
        "In %(workshops)d workshop toetste het communicatieteam van Atlas %(statements)d "
        "stellingen af, met %(ballots)d stemformulieren. Uitkomst: %(kept)d behouden, "
        "%(reworded)d geherformuleerd en %(dropped)d geschrapt.",
        "In %(workshops)d workshops toetste het communicatieteam van Atlas %(statements)d "
        "stellingen af, met %(ballots)d stemformulieren. Uitkomst: %(kept)d behouden, "
        "%(reworded)d geherformuleerd en %(dropped)d geschrapt.",
        f.workshops,
    ) % {
        "workshops": f.workshops,
        "statements": f.statements,
        "ballots": f.ballots,
        "kept": f.kept,
        "reworded": f.reworded,
        "dropped": f.dropped,
    }


def _validation(f: MethodFigures) -> str:
    if not f.rounds:
        return ""
    return ngettext(
        "In %(rounds)d aftoetsingsronde legden we de ontwerpvisie voor aan %(invitees)d "
        "stakeholders, intern en extern, en ontvingen we %(responses)d antwoorden: "
        "%(endorse)d keer “onderschrijft”, %(partly)d keer “deels” en %(not)d keer "
        "“onderschrijft niet”.",
        "In %(rounds)d aftoetsingsrondes legden we de ontwerpvisie voor aan %(invitees)d "
        "stakeholders, intern en extern, en ontvingen we %(responses)d antwoorden: "
        "%(endorse)d keer “onderschrijft”, %(partly)d keer “deels” en %(not)d keer "
        "“onderschrijft niet”.",
        f.rounds,
    ) % {
        "rounds": f.rounds,
        "invitees": f.invitees,
        "responses": f.responses,
        "endorse": f.endorse,
        "partly": f.partly,
        "not": f.not_endorse,
    }


def method_section() -> list[str]:
    """The paragraphs of the method section for the plan texts page and the PDF."""
    return paragraphs(figures())
