"""Coded excerpts as XLSX, CSV or DOCX (the REFI-QDA project is in :mod:`interviews.qdpx`).

Every export is built from :func:`interviews.privacy.visible_quotes`, so it shows exactly
what the pages show.
"""

import io

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from atlasplan.spreadsheets import safe_cell
from interviews import privacy
from interviews.privacy import Attribution, VisibleQuote

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _rows(quotes: list[VisibleQuote], user) -> tablib.Dataset:
    full = all(q.attribution == Attribution.FULL for q in quotes)
    any_full = any(q.attribution == Attribution.FULL for q in quotes)
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
        e = quote.excerpt
        row = [
            quote.text, quote.source_label, ", ".join(t.name for t in e.themes.all()),
            e.get_stance_display(), _("ja") if e.surprising else _("nee"),
            _("ja") if e.quotable else _("nee"),
        ]  # fmt: skip
        if full:
            row += [e.memo, e.get_anchor_display()]
        if any_full:
            row += [privacy.consent_label(e) if quote.attribution == Attribution.FULL else ""]
        data.append([safe_cell(str(v)) for v in row])
    return data


def _docx(quotes: list[VisibleQuote]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(_("Citaten uit de diepte-interviews"), level=1)
    for quote in quotes:
        document.add_paragraph(f"“{quote.text}”", style="Quote")
        themes = ", ".join(t.name for t in quote.excerpt.themes.all())
        consent = (
            f" · {privacy.consent_label(quote.excerpt)}"
            if quote.attribution == Attribution.FULL
            else ""
        )
        document.add_paragraph(
            f"— {quote.source_label}{consent} · {themes} · {quote.excerpt.get_stance_display()}"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def quotes_response(quotes: list[VisibleQuote], fmt: str, user) -> HttpResponse:
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
