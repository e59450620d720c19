"""Uploads: real files of each format round-trip; bad files are refused with nothing stored."""

from pathlib import Path

import pytest

from policies.models import Extraction, PolicyDocument
from tests.helpers import read_at
from tests.policies import files

META = {"organisation": "Stad Antwerpen", "level": "city", "kind": "policy_plan", "year": 2025}


def stored_files(media_root: Path) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def post_upload(client, *uploads, **extra):
    return client.post("/policies/upload/", {**META, **extra, "files": list(uploads)})


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("actieplan_wijken.pdf", lambda: files.pdf_bytes("Samenleven in de wijk staat centraal.")),
        (
            "actieplan_wijken.docx",
            lambda: files.docx_bytes("Samenleven in de wijk staat centraal."),
        ),
        ("actieplan_wijken.odt", lambda: files.odt_bytes("Samenleven in de wijk staat centraal.")),
        ("actieplan_wijken.txt", lambda: b"Samenleven in de wijk staat centraal."),
        (
            "actieplan_wijken.html",
            lambda: (
                b"<html><body><h1>Plan</h1><p>Samenleven in de wijk staat centraal.</p>"
                b"<script>alert(1)</script></body></html>"
            ),
        ),
    ],
)
def test_upload_round_trip(consultant_client, media_root, name, make):
    content = make()
    response = post_upload(consultant_client, files.upload(name, content))
    assert response.status_code == 302, response.content.decode()[:2000]
    document = PolicyDocument.objects.get()
    assert document.title == "Actieplan wijken"
    assert "Samenleven in de wijk staat centraal." in document.extracted_text
    assert "alert" not in document.extracted_text
    assert document.extraction == Extraction.TEXT
    download = consultant_client.get(f"/policies/{document.pk}/file/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert name in download["Content-Disposition"]


def test_several_files_at_once_each_become_a_document(consultant_client):
    response = post_upload(
        consultant_client,
        files.upload("nota_een.txt", b"Eerste nota over taal."),
        files.upload("nota_twee.docx", files.docx_bytes("Tweede nota over werk.")),
    )
    assert response.status_code == 302
    assert sorted(PolicyDocument.objects.values_list("title", flat=True)) == [
        "Nota een",
        "Nota twee",
    ]


BAD_FILES = [
    ("programma.pdf", lambda: b"MZ\x90\x00\x03" + b"\x00" * 200, "inhoud klopt niet"),
    ("leeg.pdf", lambda: b"", "is leeg"),
    ("kapot.pdf", lambda: files.pdf_bytes("x")[:400], "beschadigd"),
    ("geheim.pdf", files.encrypted_pdf_bytes, "wachtwoord"),
    ("brief.docx", files.zip_of_something_else, "inhoud klopt niet"),
    ("brief.docx", lambda: files.pdf_bytes("Ik ben een PDF"), "inhoud klopt niet"),
    ("notities.txt", lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "inhoud klopt niet"),
    ("script.exe", lambda: b"MZ" + b"\x00" * 100, "geen toegelaten bestandstype"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES)
def test_bad_file_is_refused_and_nothing_is_stored(
    consultant_client, media_root, name, make, message
):
    response = post_upload(consultant_client, files.upload(name, make()))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Er werd niets opgeslagen." in html
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []


def test_one_bad_file_in_a_batch_stores_none_of_them(consultant_client, media_root):
    response = post_upload(
        consultant_client,
        files.upload("goed.txt", b"Een goede nota."),
        files.upload("slecht.pdf", b"geen pdf"),
    )
    assert "slecht.pdf" in response.content.decode()
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []


def test_file_over_the_size_limit_is_refused(consultant_client, media_root, settings):
    settings.MAX_UPLOAD_SIZE = 1000
    response = post_upload(consultant_client, files.upload("groot.txt", b"woord " * 500))
    assert "het maximum is" in response.content.decode()
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []


def test_a_valid_file_without_text_is_saved_and_says_so(consultant_client):
    post_upload(consultant_client, files.upload("scan.pdf", files.image_only_pdf_bytes()))
    document = PolicyDocument.objects.get()
    assert document.extraction == Extraction.NO_TEXT
    html = consultant_client.get(f"/policies/{document.pk}/").content.decode()
    assert "kon geen tekst gelezen worden" in html


def test_single_document_form_with_a_bad_file_keeps_nothing(consultant_client, media_root):
    response = consultant_client.post(
        "/policies/new/",
        {
            **META,
            "title": "Nota",
            "relevance": 3,
            "status": "to_read",
            "file": files.upload("x.pdf", b"nope"),
        },
    )
    assert response.status_code == 200
    assert "inhoud klopt niet" in response.content.decode()
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []


def test_replacing_the_file_reads_the_new_text_and_removes_the_old_file(
    consultant_client, media_root, django_capture_on_commit_callbacks
):
    post_upload(consultant_client, files.upload("oud.txt", b"Oude tekst."))
    document = PolicyDocument.objects.get()
    old_path = Path(document.file.path)
    form = {**META, "title": "Nieuw", "relevance": 3, "status": "read"}
    with django_capture_on_commit_callbacks(execute=True):
        url = f"/policies/{document.pk}/edit/"
        consultant_client.post(
            url,
            {**form, "file": files.upload("nieuw.docx", files.docx_bytes("Nieuwe tekst.")),
             "read_at": read_at(consultant_client, url)},
        )  # fmt: skip
    document.refresh_from_db()
    assert "Nieuwe tekst." in document.extracted_text
    assert not old_path.exists()
    assert len(stored_files(media_root)) == 1


def test_deleting_a_document_removes_its_file(consultant_client, media_root):
    post_upload(consultant_client, files.upload("weg.txt", b"Tijdelijk."))
    document = PolicyDocument.objects.get()
    consultant_client.post(f"/policies/{document.pk}/delete/")
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []


def test_nul_characters_in_the_extracted_text_are_dropped(consultant_client):
    # PDF text extraction can yield NUL characters; PostgreSQL refuses them in a text
    # column, which turned a valid upload into a server error.
    content = b"Samenleven in de wijk. " + b"x" * 9000 + b" slot\x00tekst"
    response = post_upload(consultant_client, files.upload("nota.txt", content))
    assert response.status_code == 302, response.content.decode()[:2000]
    document = PolicyDocument.objects.get()
    assert "\x00" not in document.extracted_text
    assert document.extracted_text.endswith("slottekst")


def test_a_zip_bomb_disguised_as_a_word_file_is_refused(consultant_client, media_root, settings):
    import io
    import zipfile

    settings.MAX_UPLOAD_SIZE = 100_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * 2_000_000)  # 2 MB of zeros, a few kB packed
    content = buffer.getvalue()
    assert len(content) < settings.MAX_UPLOAD_SIZE
    response = post_upload(consultant_client, files.upload("bom.docx", content))
    assert "na het uitpakken veel te groot" in response.content.decode()
    assert not PolicyDocument.objects.exists()
    assert stored_files(media_root) == []
