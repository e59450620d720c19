"""Uploaded documents: what a file really is (by its content, not its name) and its text.

Used by the desk-research library (policy documents) and by interviews (transcripts). A file
that is not what it claims to be, is empty, too large, corrupt or password-protected is
refused with a message for the form (:class:`UploadRejected`), before anything is stored. A
valid file whose text cannot be read (a scanned PDF, say) is accepted with empty text.
"""

import html
import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from xml.etree import ElementTree

import nh3
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# Extracted text beyond this is not kept (search and display need no more).
MAX_TEXT_CHARS = 2_000_000
PAGE_BREAK = "\f"


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    TXT = "txt"
    HTML = "html"


EXTENSIONS = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".odt": Kind.ODT,
    ".txt": Kind.TXT,
    ".text": Kind.TXT,
    ".md": Kind.TXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe")


class UploadRejected(ValueError):
    """The file cannot be accepted; the message is meant for the user."""


@dataclass(frozen=True)
class Inspected:
    kind: Kind
    text: str  # pages separated by PAGE_BREAK for PDFs; "" when no text could be read
    pages: int | None = None


def inspect_upload(upload: UploadedFile, allowed: set[Kind]) -> Inspected:
    """Check an uploaded file and read its text, or raise UploadRejected."""
    name = upload.name or ""
    if upload.size == 0:
        raise UploadRejected(_("“%(name)s” is leeg.") % {"name": name})
    if upload.size > settings.MAX_UPLOAD_SIZE:
        raise UploadRejected(
            _("“%(name)s” is %(size)s; het maximum is %(max)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.MAX_UPLOAD_SIZE),
            }
        )
    claimed = EXTENSIONS.get(PurePath(name).suffix.lower())
    if claimed is None or claimed not in allowed:
        raise UploadRejected(
            _("“%(name)s” heeft geen toegelaten bestandstype (%(allowed)s).")
            % {"name": name, "allowed": ", ".join(sorted(kind.upper() for kind in allowed))}
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return Inspected(claimed, *_READERS[claimed](data, name))


def _not_what_it_claims(name: str, kind: Kind) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is geen geldig %(kind)s-bestand: de inhoud klopt niet met de naam.")
        % {"name": name, "kind": kind.upper()}
    )


def _read_pdf(data: bytes, name: str) -> tuple[str, int]:
    if not data.lstrip()[:5] == b"%PDF-":
        raise _not_what_it_claims(name, Kind.PDF)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UploadRejected(
                _("“%(name)s” is beveiligd met een wachtwoord. Laad een onbeveiligde versie op.")
                % {"name": name}
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UploadRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise UploadRejected(
            _("“%(name)s” is beschadigd en kan niet gelezen worden.") % {"name": name}
        ) from error
    return _clip(PAGE_BREAK.join(page.strip() for page in pages)), len(pages)


def _open_zip(data: bytes, name: str, kind: Kind) -> zipfile.ZipFile:
    if not data.startswith(b"PK\x03\x04"):
        raise _not_what_it_claims(name, kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
        raise UploadRejected(
            _("“%(name)s” is beschadigd en kan niet gelezen worden.") % {"name": name}
        ) from error
    return archive


WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(data: bytes, name: str) -> tuple[str, None]:
    archive = _open_zip(data, name, Kind.DOCX)
    names = set(archive.namelist())
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise _not_what_it_claims(name, Kind.DOCX)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise UploadRejected(
            _("“%(name)s” is beschadigd en kan niet gelezen worden.") % {"name": name}
        ) from error
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return _clip("\n".join(paragraphs).strip()), None


def _read_odt(data: bytes, name: str) -> tuple[str, None]:
    archive = _open_zip(data, name, Kind.ODT)
    try:
        mimetype = archive.read("mimetype").strip()
    except KeyError as error:
        raise _not_what_it_claims(name, Kind.ODT) from error
    if mimetype != ODT_MIMETYPE or "content.xml" not in archive.namelist():
        raise _not_what_it_claims(name, Kind.ODT)
    try:
        from odf.opendocument import load

        document = load(io.BytesIO(data))
        text = "\n".join(_odt_blocks(document.text))
    except (ElementTree.ParseError, ValueError, KeyError, AttributeError) as error:
        raise UploadRejected(
            _("“%(name)s” is beschadigd en kan niet gelezen worden.") % {"name": name}
        ) from error
    return _clip(text.strip()), None


def _odt_blocks(node):
    """The text of each paragraph and heading, in document order."""
    from odf import teletype
    from odf.namespaces import TEXTNS

    for child in node.childNodes:
        if getattr(child, "qname", None) in {(TEXTNS, "p"), (TEXTNS, "h")}:
            yield teletype.extractText(child)
        else:
            yield from _odt_blocks(child)


def _decode_text(data: bytes, name: str, kind: Kind) -> str:
    if data.startswith(EXECUTABLE_SIGNATURES) or b"\x00" in data[:8192]:
        raise _not_what_it_claims(name, kind)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_what_it_claims(name, kind)


def _read_txt(data: bytes, name: str) -> tuple[str, None]:
    return _clip(_decode_text(data, name, Kind.TXT).replace("\r\n", "\n").strip()), None


def _read_html(data: bytes, name: str) -> tuple[str, None]:
    markup = _decode_text(data, name, Kind.HTML)
    # nh3 with no allowed tags keeps only the text (and drops script and style contents).
    text = html.unescape(nh3.clean(markup.replace("</p>", "</p>\n"), tags=set()))
    lines = (line.strip() for line in text.splitlines())
    return _clip("\n".join(line for line in lines if line)), None


def _clip(text: str) -> str:
    return text[:MAX_TEXT_CHARS]


_READERS = {
    Kind.PDF: _read_pdf,
    Kind.DOCX: _read_docx,
    Kind.ODT: _read_odt,
    Kind.TXT: _read_txt,
    Kind.HTML: _read_html,
}
