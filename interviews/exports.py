"""Coded excerpts as XLSX, CSV or DOCX (the REFI-QDA project is in :mod:`interviews.qdpx`).

Quote exports are built from the values of :func:`interviews.privacy.visible_quotes`, the
same fields the one quote component shows, so an export shows exactly what the pages show.
"""

import io

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from atlasplan.evidence import Quote
from atlasplan.spreadsheets import safe_cell

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _rows(quotes: list[Quote], user) -> tablib.Dataset:
    full = all(q.in_research_space for q in quotes)
    any_full = any(q.in_research_space for q in quotes)
    headers = [
        _("fragment"),
        _("bron"),
        _("thema's"),
        _("standpunt"),
        _("verrassend"),
        _("citeerbaar"),
    ]
    if full:
        headers += [_("memo"), _("verankering")]
    if any_full:  # quotes seen in full travel with what their consent allows
        headers += [_("toestemming")]
    data = tablib.Dataset(headers=[str(h) for h in headers], title=_("Citaten"))
    for quote in quotes:
        row = [
            quote.text, quote.source_label, quote.themes_label(), quote.stance_label,
            _("ja") if quote.surprising else _("nee"), _("ja") if quote.quotable else _("nee"),
        ]  # fmt: skip
        if full:
            row += [quote.memo, quote.anchor_label]
        if any_full:
            row += [quote.consent_label]
        data.append([safe_cell(str(v)) for v in row])
    return data


def _docx(quotes: list[Quote]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(_("Citaten uit de diepte-interviews"), level=1)
    for quote in quotes:
        document.add_paragraph(f"“{quote.text}”", style="Quote")
        consent = f" · {quote.consent_label}" if quote.consent_label else ""
        document.add_paragraph(
            f"— {quote.source_label}{consent} · {quote.themes_label()} · {quote.stance_label}"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def quotes_response(quotes: list[Quote], fmt: str, user) -> HttpResponse:
    if fmt == "docx":
        content = _docx(quotes)
    else:
        content = _rows(quotes, user).export(fmt)
        if fmt == "csv":
            content = "\ufeff" + content  # so spreadsheet programs read UTF-8
    response = HttpResponse(content, content_type=FORMATS[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="citaten-{stamp}.{fmt}"'
    return response
