"""A validation round as XLSX or CSV: invitees and their states, the answers with their
surprises and remarks, the answers per ambition with the decisions on objections.

Every text of an answer passes the evidence boundary (:mod:`plan.validation_quotes`), as on
the pages: outside the research space a text that may not be quoted, or whose consent was
withdrawn, is left out, and an answer is labelled by its organisation only where it may be
quoted by name. The invitee list names organisations but holds no answer, and the answer
tables carry no date or order that would tie an anonymised answer back to a name.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch
from django.http import FileResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from atlasplan.spreadsheets import safe_cell
from plan import validation_quotes as vq
from plan.models import (
    Ambition,
    AmbitionFeedback,
    DecisionOutcome,
    Endorsement,
    InviteeState,
    ValidationResponse,
    ValidationRound,
    Way,
)
from stakeholders.models import Scope

FORMATS = ("csv", "xlsx")
# Rows are read this many at a time, each chunk with its own prefetch: the memory an export
# needs stays the same whatever the size of the round.
CHUNK = 500
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _date(value) -> str:
    return value.isoformat() if value else ""


def _text(value) -> str:
    """The text of a boundary value, or nothing where the viewer may not see it."""
    return value.text if value is not None else ""


def invitees_table(round: ValidationRound, viewer, sizes) -> Iterator[list]:
    yield [
        _("Organisatie"),
        _("Intern of extern"),
        _("Hoe"),
        _("Status"),
        _("Uitgenodigd op"),
        _("Herinnerd op"),
        _("Beantwoord op"),
    ]
    invitees = round.invitees.select_related("organisation").order_by("organisation__name", "pk")
    for invitee in invitees.iterator(chunk_size=CHUNK):
        yield [
            str(invitee.organisation),
            vq.label(Scope, invitee.organisation.scope),
            vq.label(Way, invitee.way),
            vq.label(InviteeState, invitee.state),
            _date(invitee.invited_on),
            _date(invitee.reminded_on),
            _date(invitee.answered_on),
        ]


def responses_table(round: ValidationRound, viewer, sizes) -> Iterator[list]:
    research = vq.in_research_space(viewer)
    header = [
        _("Bron"),
        _("Algemeen standpunt"),
        _("Waar zaten de verrassingen?"),
        _("Thema's van de verrassingen"),
        _("Opmerkingen"),
    ]
    if research:  # scope and date beside a sector label would point at the organisation
        header += [_("Intern of extern"), _("Datum"), _("Online"), _("Citeren")]
    yield header
    for response in vq.responses_queryset(round, viewer).iterator(chunk_size=CHUNK):
        surprises = vq.surprises_quote(response, viewer, sizes)
        row = [
            vq.source_label(response, viewer, sizes),
            vq.label(Endorsement, response.position),
            _text(surprises),
            surprises.themes_label() if surprises else "",
            _text(vq.remarks_quote(response, viewer, sizes)),
        ]
        if research:
            online = _("ja") if response.online else _("nee")
            scope = vq.label(Scope, response.invitee.organisation.scope)
            row += [scope, _date(response.answered_on), online, vq.consent_label(response)]
        yield row


def feedback_table(round: ValidationRound, viewer, sizes) -> Iterator[list]:
    yield [
        _("Ambitie"),
        _("Bron"),
        _("Standpunt"),
        _("Toelichting"),
        _("Beslissing"),
        _("Verwerkt in versie"),
        _("Gewijzigde ambities"),
        _("Toelichting bij de beslissing"),
    ]
    for feedback in _feedback_by_answer(round, viewer):
        decision = getattr(feedback, "decision", None)
        if decision is not None:
            changed = ", ".join(f"v{a.version.number} {a.title}" for a in decision.ambitions.all())
            decided = [
                vq.label(DecisionOutcome, decision.outcome),
                f"v{decision.version.number}" if decision.version else "",
                changed,
                decision.explanation,
            ]
        elif feedback.is_objection:
            decided = [_("nog geen beslissing"), "", "", ""]
        else:
            decided = ["", "", "", ""]
        yield [
            f"{feedback.ambition.position}. {feedback.ambition.title}",
            vq.source_label(feedback.response, viewer, sizes),
            vq.label(Endorsement, feedback.position),
            _text(vq.comment_quote(feedback, viewer, sizes)),
            *decided,
        ]


def _feedback_by_answer(round: ValidationRound, viewer) -> Iterator:
    """Every answer per ambition, answer by answer (in the answers table's order, which ties
    no anonymised answer to a name), each answer and its names loaded once per chunk rather
    than once per ambition."""
    # Each row needs an ambition's and a version's number and title, not their texts.
    changed = Ambition.objects.select_related("version").only(
        "position", "title", "version__number"
    )
    feedback = AmbitionFeedback.objects.select_related(
        "ambition", "decision__version", "decision__decided_by"
    ).defer("ambition__text", "decision__version__introduction", "decision__version__body")
    feedback = feedback.prefetch_related(Prefetch("decision__ambitions", queryset=changed))
    feedback = feedback.order_by("ambition__position", "ambition__pk", "pk")
    responses = ValidationResponse.objects.filter(invitee__round=round)
    responses = responses.select_related(*vq.RESPONSE_SELECT).prefetch_related(
        "invitee__organisation__contacts",
        "invitee__contacts",
        Prefetch("feedback", queryset=feedback),
    )
    for response in vq.ordered(responses, viewer).iterator(chunk_size=CHUNK // 5):
        yield from response.feedback.all()


def tables(round: ValidationRound, viewer) -> list[tuple[str, Iterable[list]]]:
    """Each table's title and its rows, read lazily (a table is read when it is written)."""
    sizes = vq.sizes_once()
    return [
        (_("Genodigden"), invitees_table(round, viewer, sizes)),
        (_("Antwoorden"), responses_table(round, viewer, sizes)),
        (_("Per ambitie"), feedback_table(round, viewer, sizes)),
    ]


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(round: ValidationRound, viewer) -> Iterator[str]:
    """Each table under its title, a blank line between them (one file, three tables)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so spreadsheet programs read UTF-8
    for number, (title, rows) in enumerate(tables(round, viewer)):
        if number:
            yield writer.writerow([])
        yield writer.writerow([safe_cell(title)])
        for row in rows:
            yield writer.writerow([safe_cell(str(cell)) for cell in row])


def xlsx_file(round: ValidationRound, viewer):
    """The workbook in a temporary file (deleted when closed), written row by row: openpyxl's
    write-only mode keeps no sheet in memory."""
    workbook = Workbook(write_only=True)
    for title, rows in tables(round, viewer):
        sheet = workbook.create_sheet(title[:31])
        for row in rows:
            sheet.append([safe_cell(str(cell)) for cell in row])
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the FileResponse closes it once sent)
    try:
        workbook.save(file)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file


def download(round: ValidationRound, viewer, fmt: str) -> FileResponse | StreamingHttpResponse:
    name = f"{slugify(round.title) or 'aftoetsingsronde'}.{fmt}"
    if fmt == "xlsx":
        file = xlsx_file(round, viewer)
        return FileResponse(
            file, as_attachment=True, filename=name, content_type=CONTENT_TYPES[fmt]
        )
    response = StreamingHttpResponse(csv_lines(round, viewer), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
