"""Real small files of every accepted format, made on the spot for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes(*paragraphs: str, title: str = "Testdocument") -> bytes:
    from weasyprint import HTML

    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return HTML(
        string=f"<html lang='nl'><title>{title}</title><body>{body}</body></html>"
    ).write_pdf()


def image_only_pdf_bytes() -> bytes:
    """A valid PDF without any text (like a scan)."""
    from weasyprint import HTML

    svg = "<svg width='200' height='100'><rect width='200' height='100' fill='#333'/></svg>"
    return HTML(string=f"<html><body>{svg}</body></html>").write_pdf()


def encrypted_pdf_bytes() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes("Geheim"))))
    writer.encrypt("wachtwoord")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for text in paragraphs:
        document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def zip_of_something_else() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff\xe0 not really a photo")
        archive.writestr("readme.txt", "Dit is geen Word-bestand.")
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def paged_pdf_bytes(*pages: str, title: str = "Testdocument") -> bytes:
    """A PDF with one page per text (a page break before each but the first)."""
    from weasyprint import HTML

    body = "".join(
        f"<p style='break-before: page'>{text}</p>" if index else f"<p>{text}</p>"
        for index, text in enumerate(pages)
    )
    return HTML(
        string=f"<html lang='nl'><title>{title}</title><body>{body}</body></html>"
    ).write_pdf()
