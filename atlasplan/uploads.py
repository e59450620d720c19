"""Uploaded documents: what a file really is (by its content, not its name) and its text.

Used by the desk-research library (policy documents), by interviews (transcripts) and by the
stakeholder import (spreadsheets: checked here, read as a table by the import). A file
that is not what it claims to be, is empty, too large, corrupt or password-protected is
refused with a message for the form (:class:`UploadRejected`), before anything is stored. A
valid file whose text cannot be read (a scanned PDF, say) is accepted with empty text.
"""

import codecs
import html
import io
import re
import time
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from xml.etree import ElementTree

import nh3
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

PAGE_BREAK = "\f"
# A DOCX or ODT may unpack to at most this many times the upload limit (and never more than
# settings.EXTRACTION_MAX_UNPACKED_BYTES).
MAX_UNPACKED_FACTOR = 4
# An XML part may hold at most this many tags per paragraph allowed (a real document has a
# few dozen per paragraph); beyond it the part is refused before it is parsed.
TAGS_PER_PARAGRAPH = 40
CHUNK = 1024 * 1024


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
    return Inspected(claimed, *_READERS[claimed](data, name, Budget(name)))


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


class Budget:
    """What reading one file may still cost: characters, paragraphs and time (settings
    ``EXTRACTION_MAX_*``). Every reader spends from it as it goes and stops at the limit."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.deadline = time.monotonic() + settings.EXTRACTION_MAX_SECONDS
        self.chars = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise UploadRejected(
                _(
                    "Het lezen van “%(name)s” duurt te lang (meer dan %(seconds)s seconden). "
                    "Splits het bestand op of laad een eenvoudigere versie op."
                )
                % {"name": self.name, "seconds": _number(int(settings.EXTRACTION_MAX_SECONDS))}
            )

    def take(self, text: str) -> str:
        """Spend one piece of text (a paragraph, a page); refuse once past the limits."""
        self.chars += len(text)
        if self.chars > settings.EXTRACTION_MAX_CHARS:
            raise self.too_long()
        self.tick()
        return text

    def too_long(self) -> UploadRejected:
        return UploadRejected(
            _(
                "“%(name)s” bevat te veel tekst: meer dan %(max)s tekens. "
                "Splits het bestand op of laad een kortere versie op."
            )
            % {"name": self.name, "max": _number(settings.EXTRACTION_MAX_CHARS)}
        )

    def too_many_paragraphs(self) -> UploadRejected:
        return UploadRejected(
            _(
                "“%(name)s” bevat te veel alinea's: meer dan %(max)s. "
                "Splits het bestand op of laad een kortere versie op."
            )
            % {"name": self.name, "max": _number(settings.EXTRACTION_MAX_PARAGRAPHS)}
        )

    def finish(self, text: str) -> str:
        """The whole extracted text, checked against the limits once more."""
        # NUL characters (PDF extraction yields them) cannot be stored in a PostgreSQL text column.
        text = text.replace("\x00", "")
        if len(text) > settings.EXTRACTION_MAX_CHARS:
            raise self.too_long()
        limit = settings.EXTRACTION_MAX_PARAGRAPHS
        if text.count("\n") >= limit and sum(1 for line in text.splitlines() if line) > limit:
            raise self.too_many_paragraphs()
        self.tick()
        return text


def _not_what_it_claims(name: str, kind: Kind) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is geen geldig %(kind)s-bestand: de inhoud klopt niet met de naam.")
        % {"name": name, "kind": kind.upper()}
    )


def _damaged(name: str) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is beschadigd en kan niet gelezen worden.") % {"name": name}
    )


def _read_pdf(data: bytes, name: str, budget: Budget) -> tuple[str, int]:
    if not data.lstrip()[:5] == b"%PDF-":
        raise _not_what_it_claims(name, Kind.PDF)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UploadRejected(
                _("“%(name)s” is beveiligd met een wachtwoord. Laad een onbeveiligde versie op.")
                % {"name": name}
            )
        count = len(reader.pages)
        if count > settings.EXTRACTION_MAX_PAGES:
            raise UploadRejected(
                _(
                    "“%(name)s” telt %(count)s pagina's; het maximum is %(max)s. "
                    "Splits het bestand op of laad een kortere versie op."
                )
                % {
                    "name": name,
                    "count": _number(count),
                    "max": _number(settings.EXTRACTION_MAX_PAGES),
                }
            )
        pages = [budget.take((page.extract_text() or "").strip()) for page in reader.pages]
    except UploadRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise _damaged(name) from error
    return budget.finish(PAGE_BREAK.join(pages)), len(pages)


def _too_big_unpacked(name: str) -> UploadRejected:
    # A "zip bomb": small to upload, huge to read. Refused before anything is read.
    return UploadRejected(
        _("“%(name)s” wordt na het uitpakken veel te groot en kan niet gelezen worden.")
        % {"name": name}
    )


def _open_zip(data: bytes, name: str, kind: Kind) -> zipfile.ZipFile:
    """The archive, once its directory shows it unpacks to a size we are willing to read.

    The check uses only the sizes the zip directory declares; reading a member never yields
    more than its declared size (zipfile stops there), so nothing beyond it is unpacked.
    """
    if not data.startswith(b"PK\x03\x04"):
        raise _not_what_it_claims(name, kind)
    limit = min(
        MAX_UNPACKED_FACTOR * settings.MAX_UPLOAD_SIZE, settings.EXTRACTION_MAX_UNPACKED_BYTES
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > limit:
            raise _too_big_unpacked(name)
        archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
        raise _damaged(name) from error
    return archive


def _check_xml_part(
    archive: zipfile.ZipFile, part: str, paragraph: re.Pattern, budget: Budget
) -> None:
    """Refuse the XML part that holds a document's text when it is too large to parse:
    first on its declared size (zip metadata only), then by counting its paragraphs and
    tags while it streams through in chunks, before any XML parser sees it."""
    if archive.getinfo(part).file_size > settings.EXTRACTION_MAX_XML_BYTES:
        raise _too_big_unpacked(budget.name)
    max_paragraphs = settings.EXTRACTION_MAX_PARAGRAPHS
    paragraphs = tags = 0
    overlap = len(paragraph.pattern) + 8  # a tag cut between two chunks is counted once
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            paragraphs += len(paragraph.findall(window)) - len(paragraph.findall(tail))
            tags += chunk.count(b"<")
            if paragraphs > max_paragraphs or tags > TAGS_PER_PARAGRAPH * max_paragraphs:
                raise budget.too_many_paragraphs()
            tail = window[-overlap:]
            budget.tick()


WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD_PARAGRAPH = re.compile(rb"<w:p[\s/>]")
ODT_PARAGRAPH = re.compile(rb"<text:[ph][\s/>]")


def _read_docx(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    archive = _open_zip(data, name, Kind.DOCX)
    names = set(archive.namelist())
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise _not_what_it_claims(name, Kind.DOCX)
    _check_xml_part(archive, "word/document.xml", WORD_PARAGRAPH, budget)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken package
        raise _damaged(name) from error
    paragraphs = [budget.take(p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(budget.take(" | ".join(cell.text for cell in row.cells)))
    return budget.finish("\n".join(paragraphs).strip()), None


def _read_odt(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    archive = _open_zip(data, name, Kind.ODT)
    try:
        mimetype = archive.read("mimetype").strip()
    except KeyError as error:
        raise _not_what_it_claims(name, Kind.ODT) from error
    if mimetype != ODT_MIMETYPE or "content.xml" not in archive.namelist():
        raise _not_what_it_claims(name, Kind.ODT)
    _check_xml_part(archive, "content.xml", ODT_PARAGRAPH, budget)
    try:
        from odf.opendocument import load

        document = load(io.BytesIO(data))
        text = "\n".join(budget.take(block) for block in _odt_blocks(document.text))
    except UploadRejected:
        raise
    except (ElementTree.ParseError, ValueError, KeyError, AttributeError) as error:
        raise _damaged(name) from error
    return budget.finish(text.strip()), None


def _read_xlsx(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    """A workbook is checked (a real, not oversized package), not read: its text is ""."""
    archive = _open_zip(data, name, Kind.XLSX)
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= set(archive.namelist()):
        raise _not_what_it_claims(name, Kind.XLSX)
    return "", None


def _read_csv(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    return budget.finish(_decode_text(data, name, Kind.CSV)), None


def _odt_blocks(node):
    """The text of each paragraph and heading, in document order."""
    from odf import teletype
    from odf.namespaces import TEXTNS

    for child in node.childNodes:
        if getattr(child, "qname", None) in {(TEXTNS, "p"), (TEXTNS, "h")}:
            yield teletype.extractText(child)
        else:
            yield from _odt_blocks(child)


# A byte order mark says which Unicode encoding a text file uses (Notepad saves "Unicode"
# as UTF-16 with one). UTF-32's marks begin with UTF-16's, so they are tried first.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_text(data: bytes, name: str, kind: Kind) -> str:
    if data.startswith(EXECUTABLE_SIGNATURES):
        raise _not_what_it_claims(name, kind)
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)  # the codec drops the mark itself
            except UnicodeDecodeError as error:
                raise _not_what_it_claims(name, kind) from error
    if b"\x00" in data[:8192]:
        raise _not_what_it_claims(name, kind)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_what_it_claims(name, kind)


def _read_txt(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    text = _decode_text(data, name, Kind.TXT).replace("\r\n", "\n").strip()
    return budget.finish(text), None


# Block elements end a line of text: without it a title runs into the body ("tHallo").
HTML_BLOCK = re.compile(
    r"<(/?)(address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|"
    r"footer|h[1-6]|head|header|hr|li|main|nav|ol|p|pre|section|table|td|th|title|tr|ul)\b",
    re.IGNORECASE,
)


def _read_html(data: bytes, name: str, budget: Budget) -> tuple[str, None]:
    markup = HTML_BLOCK.sub(r"\n<\1\2", _decode_text(data, name, Kind.HTML))
    budget.tick()
    # nh3 with no allowed tags keeps only the text (and drops script and style contents).
    text = html.unescape(nh3.clean(markup, tags=set()))
    lines = (line.strip() for line in text.splitlines())
    return budget.finish("\n".join(line for line in lines if line)), None


CUE_TIMING = re.compile(r"^\s*(\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->")
VTT_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>)?$")
SPEAKER_PREFIX = re.compile(r"^([^:\n]{1,60}):\s+(.*)$")


def _read_subtitles(data: bytes, name: str, kind: Kind, budget: "Budget") -> tuple[str, None]:
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
    return budget.finish("\n\n".join(paragraphs).strip()), None


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


def _read_vtt(data: bytes, name: str, budget: "Budget") -> tuple[str, None]:
    return _read_subtitles(data, name, Kind.VTT, budget)


def _read_srt(data: bytes, name: str, budget: "Budget") -> tuple[str, None]:
    return _read_subtitles(data, name, Kind.SRT, budget)


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
