"""Uploaded documents: what a file really is (by its content, not its name) and its text.

Used by the desk-research library (policy documents), by interviews (transcripts) and by the
stakeholder import (spreadsheets: checked here, read as a table by the import). A file
that is not what it claims to be, is empty, too large, corrupt or password-protected is
refused with a message for the form (:class:`UploadRejected`), before anything is stored. A
valid file whose text cannot be read (a scanned PDF, say) is accepted with empty text.
"""

import html
import io
import re
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
# A DOCX or ODT may unpack to at most this many times the upload limit.
MAX_UNPACKED_FACTOR = 4


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    TXT = "txt"
    HTML = "html"
    VTT = "vtt"
    SRT = "srt"
    XLSX = "xlsx"
    CSV = "csv"


EXTENSIONS = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".odt": Kind.ODT,
    ".txt": Kind.TXT,
    ".text": Kind.TXT,
    ".md": Kind.TXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".vtt": Kind.VTT,
    ".srt": Kind.SRT,
    ".xlsx": Kind.XLSX,
    ".csv": Kind.CSV,
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
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_FACTOR * settings.MAX_UPLOAD_SIZE:
            # A "zip bomb": small to upload, huge to read. Refused before anything is read.
            raise UploadRejected(
                _("“%(name)s” wordt na het uitpakken veel te groot en kan niet gelezen worden.")
                % {"name": name}
            )
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


def _read_xlsx(data: bytes, name: str) -> tuple[str, None]:
    """A workbook is checked (a real, not oversized package), not read: its text is ""."""
    archive = _open_zip(data, name, Kind.XLSX)
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= set(archive.namelist()):
        raise _not_what_it_claims(name, Kind.XLSX)
    return "", None


def _read_csv(data: bytes, name: str) -> tuple[str, None]:
    return _clip(_decode_text(data, name, Kind.CSV)), None


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


CUE_TIMING = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->")
VTT_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
SPEAKER_PREFIX = re.compile(r"^([^:\n]{1,60}):\s+(.*)$")


def _read_subtitles(data: bytes, name: str, kind: Kind) -> tuple[str, None]:
    """Subtitles (VTT or SRT) as speaker turns: "Naam: tekst", one paragraph per turn.

    Timings, cue numbers and the VTT header are dropped; consecutive cues of the same
    speaker are joined into one turn, so the transcript reads like a conversation.
    """
    text = _decode_text(data, name, kind).replace("\r\n", "\n")
    if kind == Kind.VTT and not text.lstrip().startswith("WEBVTT"):
        raise _not_what_it_claims(name, kind)
    blocks = [block.strip().splitlines() for block in re.split(r"\n\s*\n", text)]
    if not any(CUE_TIMING.match(line) for block in blocks for line in block):
        raise _not_what_it_claims(name, kind)
    turns: list[list[str]] = []  # [speaker, words]
    for block in blocks:
        if not any(CUE_TIMING.match(line) for line in block):
            continue  # header, NOTE or STYLE blocks
        lines = block[next(i for i, line in enumerate(block) if CUE_TIMING.match(line)) + 1 :]
        speaker, words = _cue_turn(" ".join(line.strip() for line in lines))
        if not words:
            continue
        if turns and (speaker is None or speaker == turns[-1][0]):
            turns[-1][1] += " " + words
        else:
            turns.append([speaker, words])
    paragraphs = [f"{speaker}: {words}" if speaker else words for speaker, words in turns]
    return _clip("\n\n".join(paragraphs).strip()), None


def _cue_turn(cue: str) -> tuple[str | None, str]:
    voice = VTT_VOICE.match(cue)
    if voice:
        return voice.group(1).strip(), _strip_tags(voice.group(2))
    cue = _strip_tags(cue)
    prefixed = SPEAKER_PREFIX.match(cue)
    if prefixed:
        return prefixed.group(1).strip(), prefixed.group(2).strip()
    return None, cue


def _strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _read_vtt(data: bytes, name: str) -> tuple[str, None]:
    return _read_subtitles(data, name, Kind.VTT)


def _read_srt(data: bytes, name: str) -> tuple[str, None]:
    return _read_subtitles(data, name, Kind.SRT)


def _clip(text: str) -> str:
    # NUL characters (PDF extraction yields them) cannot be stored in a PostgreSQL text column.
    return text.replace("\x00", "")[:MAX_TEXT_CHARS]


_READERS = {
    Kind.PDF: _read_pdf,
    Kind.DOCX: _read_docx,
    Kind.ODT: _read_odt,
    Kind.TXT: _read_txt,
    Kind.HTML: _read_html,
    Kind.VTT: _read_vtt,
    Kind.SRT: _read_srt,
    Kind.XLSX: _read_xlsx,
    Kind.CSV: _read_csv,
}
