"""Load the desk-research part of the demo case (idempotent: existing titles are skipped)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from atlasplan.uploads import inspect_upload
from policies.demo_data import DOCUMENTS, PASSAGE_THEMES
from policies.forms import ALLOWED_KINDS
from policies.models import Passage, PolicyDocument
from policies.services import apply_inspection

FICTIONAL = "Fictief demodocument voor AtlasPlan: deze tekst en organisatie zijn verzonnen."


def load(context: DemoContext) -> None:
    themes = {theme.name: theme for theme in Theme.objects.all()}
    created = 0
    for entry in DOCUMENTS:
        title = entry[0]
        if PolicyDocument.objects.filter(title=title).exists():
            continue
        _create(entry, themes)
        created += 1
    context.report(f"+ {created} policy documents ({len(DOCUMENTS)} in the demo library)")


def _create(entry, themes: dict[str, Theme]) -> None:
    title, organisation, level, kind, year, relevance, status, file_kind, theme_names = entry[:9]
    summary, quotes = entry[9], entry[10]
    content = (_pdf if file_kind == "pdf" else _docx)(title, organisation, year, summary, quotes)
    filename = f"{_slug(title)}.{file_kind}"
    upload = SimpleUploadedFile(filename, content)
    document = PolicyDocument(
        title=title,
        organisation=organisation,
        level=level,
        kind=kind,
        year=year,
        relevance=relevance,
        status=status,
        summary=f"{summary}\n\n*{FICTIONAL}*",
    )
    apply_inspection(document, upload, inspect_upload(upload, ALLOWED_KINDS))
    document.file.save(filename, upload, save=False)
    document.save()
    document.themes.set([themes[name] for name in theme_names if name in themes])
    for quote in quotes:
        passage = Passage.objects.create(document=document, quote=quote, page=1)
        passage.themes.set([themes[name] for name in PASSAGE_THEMES[quote] if name in themes])


def _slug(title: str) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(part for part in keep.split("-") if part)[:60]


def _body(summary: str, quotes: list[str]) -> list[str]:
    plain = summary.replace("**", "")
    return [
        plain,
        "Deze tekst bundelt de uitgangspunten en de concrete engagementen die voor het "
        "diversiteitsbeleid in Antwerpen van belang zijn.",
        *quotes,
        "Opvolging gebeurt jaarlijks, in overleg met de betrokken partners en diensten.",
    ]


def _pdf(title: str, organisation: str, year: int, summary: str, quotes: list[str]) -> bytes:
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{escape(text)}</p>" for text in _body(summary, quotes))
    markup = (
        f"<html lang='nl'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        "<style>body{font-family: DejaVu Sans, sans-serif; font-size: 11pt}</style></head><body>"
        f"<p><em>{escape(FICTIONAL)}</em></p><h1>{escape(title)}</h1>"
        f"<p>{escape(organisation)}, {year}</p>{paragraphs}</body></html>"
    )
    return HTML(string=markup).write_pdf()


def _docx(title: str, organisation: str, year: int, summary: str, quotes: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(FICTIONAL).runs[0].italic = True
    document.add_heading(title, level=1)
    document.add_paragraph(f"{organisation}, {year}")
    for text in _body(summary, quotes):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
