"""Results and votes of a workshop as CSV or XLSX (openpyxl, installed with import-export)."""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from atlasplan.spreadsheets import safe_cell
from workshops import services
from workshops.models import Answer, Vote, Workshop

TABLES = ("results", "votes")
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _share(value: float | None) -> float | str:
    return "" if value is None else round(value, 3)


def results_table(workshop: Workshop) -> list[list]:
    statements = list(workshop.statements.select_related("theme"))
    results = services.results(workshop, statements)
    labels = [str(label) for _value, label in Answer.choices]
    header = [
        _("Volgorde"),
        _("Stelling"),
        _("Thema"),
        *labels,
        _("Stemmen (zonder pas)"),
        _("Gemiddelde"),
        _("Aandeel eens"),
        _("Aandeel oneens"),
        _("Aandeel pas"),
        _("Verdeeldheid (Leik D)"),
        _("Uitkomst"),
        _("Geherformuleerde tekst"),
        _("Notities"),
    ]
    rows = [header]
    for statement in statements:
        s = results[statement.pk]
        rows.append(
            [
                statement.order,
                statement.text,
                statement.theme.name if statement.theme else "",
                *[s.counts[value] for value in Answer.values],
                s.n,
                _share(s.mean),
                _share(s.agree_share),
                _share(s.disagree_share),
                _share(s.pass_share),
                _share(s.dispersion),
                str(statement.get_outcome_display()) if statement.outcome else "",
                statement.reworded_text,
                statement.discussion_notes,
            ]
        )
    return rows


def votes_table(workshop: Workshop) -> list[list]:
    """One row per phone vote; the ballot is a number within this workshop, nothing more,
    and its role only when enough ballots share it (see :func:`services.shown_roles`)."""
    votes = (
        Vote.objects.filter(statement__workshop=workshop)
        .select_related("statement", "ballot")
        .order_by("statement__order", "statement__pk", "ballot__pk")
    )
    numbers: dict[int, int] = {}
    roles = services.shown_roles(workshop)
    rows = [
        [
            _("Stembiljet"),
            _("Rol"),
            _("Volgorde"),
            _("Stelling"),
            _("Antwoord"),
            _("Waarde"),
            _("Opmerking"),
        ]
    ]
    for vote in votes:
        number = numbers.setdefault(vote.ballot_id, len(numbers) + 1)
        rows.append(
            [
                number,
                roles.get(vote.ballot.role, ""),
                vote.statement.order,
                vote.statement.text,
                str(vote.get_value_display()),
                vote.value,
                vote.comment,
            ]
        )
    return rows


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode()  # the BOM makes Excel read UTF-8


def _xlsx(rows: list[list], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(workshop: Workshop, what: str, fmt: str) -> HttpResponse:
    rows = results_table(workshop) if what == "results" else votes_table(workshop)
    title = _("resultaten") if what == "results" else _("stemmen")
    content = _csv(rows) if fmt == "csv" else _xlsx(rows, title)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    filename = f"{slugify(workshop.title) or 'workshop'}-{title}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
