"""Reading an upload's text costs bounded work: a zip bomb, a flood of paragraphs or text, too
many pages or too much time are refused with a message, and nothing already saved is lost."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atlasplan.uploads import Kind, UploadRejected, inspect_upload
from policies.models import PolicyDocument
from tests.interviews.factories import InterviewFactory
from tests.policies import files

ALL_TEXT_KINDS = {Kind.PDF, Kind.DOCX, Kind.ODT, Kind.TXT, Kind.HTML}
META = {"organisation": "Stad Antwerpen", "level": "city", "kind": "policy_plan", "year": 2025}
PARAGRAPH = b"<w:p><w:r><w:t>Samenleven in de wijk.</w:t></w:r></w:p>"


def docx_bomb(paragraphs: int = 2_500_000) -> bytes:
    """A real Word file whose document.xml holds millions of paragraphs (about 85 MB
    unpacked), written in chunks and compressed to a few hundred kB."""
    package = zipfile.ZipFile(io.BytesIO(files.docx_bytes("Inleiding")))
    document = package.read("word/document.xml")
    head, tail = document.split(b"<w:body>")[0] + b"<w:body>", b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in package.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, package.read(info.filename))
        with bomb.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            block = PARAGRAPH * 10_000
            for _ in range(paragraphs // 10_000):
                part.write(block)
            part.write(tail)
    return out.getvalue()


def read(name: str, content: bytes):
    return inspect_upload(SimpleUploadedFile(name, content), ALL_TEXT_KINDS)


def refused(name: str, content: bytes) -> str:
    with pytest.raises(UploadRejected) as error:
        read(name, content)
    return str(error.value)


@pytest.fixture
def nothing_may_be_unpacked(monkeypatch):
    """From here on, any attempt to unpack a zip member or parse a Word file fails the test."""

    def never(*args, **kwargs):
        raise AssertionError("a member was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    monkeypatch.setattr(zipfile.ZipFile, "testzip", never)
    monkeypatch.setattr("docx.Document", never)


def test_a_docx_bomb_is_refused_on_its_zip_directory_without_unpacking_anything(
    consultant_client, media_root, request
):
    content = docx_bomb()
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert len(content) < 1_000_000 and unpacked > 80_000_000  # small to send, huge to read
    request.getfixturevalue("nothing_may_be_unpacked")
    response = consultant_client.post(
        "/policies/upload/", {**META, "files": [files.upload("bom.docx", content)]}
    )
    assert response.status_code == 200
    assert "“bom.docx” wordt na het uitpakken veel te groot" in response.content.decode()
    assert not PolicyDocument.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_a_refused_bomb_leaves_the_saved_transcript_and_the_typed_text(consultant_client):
    interview = InterviewFactory()
    url = f"/interviews/{interview.pk}/transcript/edit/"
    consultant_client.post(url, {"text": "Anna: Het eerste verhaal."})
    read_at = consultant_client.get(url).context["form"]["read_at"].value()
    response = consultant_client.post(
        url,
        {
            "text": "Anna: Wat ik net typte.",
            "read_at": read_at,
            "file": files.upload("bom.docx", docx_bomb(500_000)),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200  # refused for the file, not as a stale save
    assert "na het uitpakken veel te groot" in page
    assert "Anna: Wat ik net typte." in page  # handed back in the form
    assert interview.transcript.text == "Anna: Het eerste verhaal."
    assert interview.transcript.versions.count() == 1


def test_a_text_part_over_its_limit_is_refused_before_it_is_parsed(settings, monkeypatch):
    settings.EXTRACTION_MAX_XML_BYTES = 50_000
    content = files.docx_bytes(*["Een gewone alinea over samenleven."] * 2_000)
    monkeypatch.setattr("docx.Document", lambda *a: pytest.fail("the part was parsed"))
    assert "na het uitpakken veel te groot" in refused("lang.docx", content)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("veel.docx", lambda n: files.docx_bytes(*["Alinea."] * n)),
        ("veel.odt", lambda n: files.odt_bytes(*["Alinea."] * n)),
        ("veel.txt", lambda n: "\n".join(["Alinea."] * n).encode()),
        ("veel.html", lambda n: "".join(["<p>Alinea.</p>"] * n).encode()),
    ],
)
def test_too_many_paragraphs_are_refused(settings, monkeypatch, name, make):
    settings.EXTRACTION_MAX_PARAGRAPHS = 100
    content = make(150)
    # A Word or OpenDocument file is refused on a count made while its XML streams by.
    monkeypatch.setattr("docx.Document", lambda *a: pytest.fail("the part was parsed"))
    monkeypatch.setattr("odf.opendocument.load", lambda *a: pytest.fail("the part was parsed"))
    assert f"“{name}” bevat te veel alinea's: meer dan 100." in refused(name, content)
    settings.EXTRACTION_MAX_PARAGRAPHS = 200
    monkeypatch.undo()
    assert read(name, content).text.count("Alinea.") == 150


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("lang.pdf", lambda text: files.pdf_bytes(text)),
        ("lang.docx", lambda text: files.docx_bytes(text)),
        ("lang.odt", lambda text: files.odt_bytes(text)),
        ("lang.txt", lambda text: text.encode()),
        ("lang.html", lambda text: f"<p>{text}</p>".encode()),
    ],
)
def test_too_much_text_is_refused_in_every_format(settings, name, make):
    settings.EXTRACTION_MAX_CHARS = 1_000
    text = "samenleven " * 150  # 1,650 characters
    assert f"“{name}” bevat te veel tekst: meer dan 1.000 tekens." in refused(name, make(text))
    settings.EXTRACTION_MAX_CHARS = 5_000
    assert "samenleven" in read(name, make(text)).text


def test_a_pdf_with_too_many_pages_is_refused_before_its_text_is_read(settings, monkeypatch):
    from weasyprint import HTML

    pages = "".join(f"<section class='p'>Pagina {n}</section>" for n in range(3))
    style = "<style>.p { break-after: page }</style>"
    content = HTML(string=f"<html><head>{style}</head><body>{pages}</body></html>").write_pdf()
    settings.EXTRACTION_MAX_PAGES = 2
    monkeypatch.setattr("pypdf.PageObject.extract_text", lambda *a, **k: pytest.fail("read"))
    assert "“boek.pdf” telt 3 pagina's; het maximum is 2." in refused("boek.pdf", content)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("traag.pdf", lambda: files.pdf_bytes("Tekst")),
        ("traag.docx", lambda: files.docx_bytes("Tekst")),
        ("traag.odt", lambda: files.odt_bytes("Tekst")),
        ("traag.txt", lambda: b"Tekst"),
        ("traag.html", lambda: b"<p>Tekst</p>"),
    ],
)
def test_reading_past_the_time_limit_is_refused(settings, name, make):
    content = make()
    settings.EXTRACTION_MAX_SECONDS = -1  # the deadline has passed before the first step
    assert f"Het lezen van “{name}” duurt te lang" in refused(name, content)


def test_a_utf16_text_file_with_a_byte_order_mark_is_read():
    text = "Samenleven in de wijk: Zoë, Łukasz en Мария.\r\nTweede regel."
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        content = text.encode(encoding)
        if encoding == "utf-16-be":
            content = b"\xfe\xff" + content
        assert read("notities.txt", content).text == text.replace("\r\n", "\n")


def test_a_binary_file_named_txt_is_still_refused():
    assert "inhoud klopt niet" in refused("notities.txt", b"\x00\x01\x02" * 100)
    assert "inhoud klopt niet" in refused("notities.txt", b"\xff\xfe\x00\xd8")  # a lone surrogate


def test_an_html_title_and_its_body_are_separate_lines():
    page = b"<html><head><title>t</title></head><body><div>Hallo</div>wereld<br>verder</body>"
    text = read("pagina.html", page).text
    assert text.splitlines() == ["t", "Hallo", "wereld", "verder"]
    assert "tHallo" not in text
