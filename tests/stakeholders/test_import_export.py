import csv
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stakeholders.models import Contact, Organisation
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORG_HEADERS = ["naam", "sector", "intern/extern", "website", "beschrijving"]


def xlsx(rows: list[list], headers=ORG_HEADERS) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("stakeholders.xlsx", buffer.getvalue(), content_type=XLSX)


def csv_file(text: str, name: str = "lijst.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def upload(client, file, kind="organisations"):
    return client.post("/stakeholders/import/", {"kind": kind, "file": file})


def test_an_excel_file_of_100_organisations_previews_then_saves(consultant_client, db):
    sectors = ["Middenveld", "onderwijs", "CULTUUR", "media", "welfare"]
    rows = [
        [f"Organisatie {n:03d}", sectors[n % 5], "Extern", f"https://org{n}.example", "Fictief"]
        for n in range(100)
    ]
    response = upload(consultant_client, xlsx(rows))
    assert response["Location"] == "/stakeholders/import/preview/"
    assert not Organisation.objects.exists()

    # The preview survives between requests: it is read again from the stored upload.
    for _ in range(2):
        preview = consultant_client.get("/stakeholders/import/preview/")
        html = preview.content.decode()
        assert "100 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met fouten." in html
        assert html.count('data-testid="import-row"') == 100
    assert not Organisation.objects.exists()

    response = consultant_client.post("/stakeholders/import/confirm/")
    assert response["Location"] == "/stakeholders/"
    assert Organisation.objects.count() == 100
    assert Organisation.objects.get(name="Organisatie 002").sector == "culture"
    follow = consultant_client.get("/stakeholders/").content.decode()
    assert "Import voltooid: 100 nieuw" in follow
    # The stored file is gone once the import is done.
    assert consultant_client.get("/stakeholders/import/preview/").status_code == 302


def test_rows_with_errors_are_shown_and_nothing_is_saved(consultant_client, db):
    OrganisationFactory(name="Bestaat al", sector="media")
    rows = [
        ["Goede rij", "Middenveld", "", "", ""],
        ["Verkeerde sector", "Sport", "", "", ""],
        ["", "media", "", "", ""],
        ["Slechte website", "media", "extern", "geen url", ""],
        ["bestaat AL", "onderwijs", "", "", ""],
    ]
    upload(consultant_client, xlsx(rows))
    html = consultant_client.get("/stakeholders/import/preview/").content.decode()
    assert "onbekende waarde “Sport”" in html
    assert "Voer een geldige URL in." in html
    assert "1 nieuw, 1 bijgewerkt" in html and "3 met fouten" in html
    assert "Bevestigen en opslaan" not in html
    response = consultant_client.post("/stakeholders/import/confirm/")
    assert "Er is niets opgeslagen" in response.content.decode()
    assert list(Organisation.objects.values_list("name", "sector")) == [("Bestaat al", "media")]


def test_a_missing_column_is_named(consultant_client, db):
    response = upload(consultant_client, csv_file("naam,website\nAtheneum,\n"))
    assert response.status_code == 200
    assert "Deze kolommen ontbreken: sector." in response.content.decode()
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("kapot.xlsx", b"PK\x03\x04 geen werkboek"), "kan niet gelezen worden"),
        (SimpleUploadedFile("leeg.csv", b"naam,sector\n"), "geen rijen onder de kopregel"),
    ],
)
def test_a_broken_file_gives_a_clear_message(consultant_client, db, file, message):
    html = upload(consultant_client, file).content.decode()
    assert message in html
    assert not Organisation.objects.exists()


def test_a_dutch_excel_csv_with_semicolons_and_windows_encoding_is_read(consultant_client, db):
    content = "naam;sector;beschrijving\nCafé Çınar;Cultuur;Wijkcafé, met een zaal\n"
    file = SimpleUploadedFile("lijst.csv", content.encode("cp1252", errors="replace"))
    upload(consultant_client, file)
    consultant_client.post("/stakeholders/import/confirm/")
    organisation = Organisation.objects.get()
    assert organisation.name.startswith("Café")
    assert (organisation.sector, organisation.description) == ("culture", "Wijkcafé, met een zaal")


def test_another_file_type_is_refused(consultant_client, db):
    html = upload(consultant_client, SimpleUploadedFile("lijst.pdf", b"%PDF-1.4")).content.decode()
    assert "Kies een .xlsx- of .csv-bestand." in html


def test_contacts_import_from_csv_and_match_organisations_by_name(consultant_client, organisation):
    text = (
        "organisatie,naam,functie,e-mail,taal\n"
        "vzw de brug,Oksana Kovalenko,voorzitter,oksana@example.org,Engels\n"
        "Onbekende vzw,Jan Peeters,,jan@example.org,\n"
        "Vzw De Brug,Mehmet Öztürk,,geen-mail,nl\n"
    )
    upload(consultant_client, csv_file(text), kind="contacts")
    html = consultant_client.get("/stakeholders/import/preview/").content.decode()
    assert "onbekende organisatie “Onbekende vzw”" in html
    assert "Voer een geldig e-mailadres in." in html
    consultant_client.post("/stakeholders/import/confirm/")
    assert not Contact.objects.exists()

    upload(consultant_client, csv_file(text.rsplit("\n", 3)[0] + "\n"), kind="contacts")
    response = consultant_client.post("/stakeholders/import/confirm/")
    assert response["Location"] == "/stakeholders/contacts/"
    contact = Contact.objects.get()
    assert (contact.organisation, contact.language) == (organisation, "en")


def test_cancel_forgets_the_upload(consultant_client, db):
    upload(consultant_client, xlsx([["Een", "media", "", "", ""]]))
    consultant_client.post("/stakeholders/import/cancel/")
    assert consultant_client.get("/stakeholders/import/preview/").status_code == 302
    assert consultant_client.post("/stakeholders/import/confirm/").status_code == 302
    assert not Organisation.objects.exists()


def test_export_to_xlsx_and_csv_reads_back(atlas_client, contact):
    OrganisationFactory(name="Çınar Kultuurvereniging", sector="culture")
    response = atlas_client.get("/stakeholders/export/organisations.xlsx")
    assert response["Content-Type"] == XLSX
    assert 'filename="organisaties.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("naam", "sector")
    assert ("Çınar Kultuurvereniging", "Cultuur") in [r[:2] for r in rows[1:]]

    response = atlas_client.get("/stakeholders/export/contacts.csv")
    records = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert records == [
        {
            "organisatie": "Vzw De Brug",
            "naam": "Fatima Benali",
            "functie": "coördinator",
            "e-mail": "fatima.benali@example.org",
            # a leading ' keeps Excel from reading "+32 ..." as a formula
            "telefoon": "'+32 3 000 00 00",
            "taal": "Nederlands",
            "notities": "",
        }
    ]


def test_an_export_imports_back_without_changes(consultant_client, contact):
    ContactFactory(organisation=contact.organisation, name="Tweede")
    exported = consultant_client.get("/stakeholders/export/contacts.csv").content.decode()
    upload(consultant_client, csv_file(exported), kind="contacts")
    html = consultant_client.get("/stakeholders/import/preview/").content.decode()
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 met fouten." in html


def test_an_unknown_export_is_404(consultant_client, db):
    assert consultant_client.get("/stakeholders/export/users.csv").status_code == 404
    assert consultant_client.get("/stakeholders/export/contacts.pdf").status_code == 404


def test_a_control_character_does_not_break_the_xlsx_export(atlas_client, db):
    OrganisationFactory(name="Vzw Tab", description="eerste\x0bregel")
    response = atlas_client.get("/stakeholders/export/organisations.xlsx")
    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert any(row[0] == "Vzw Tab" for row in rows[1:])


def _workbook_with_padding(padding: int) -> bytes:
    """A valid workbook carrying one more part that unpacks to ``padding`` bytes of zeros."""
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(ORG_HEADERS)
    book.active.append(["Vzw Bom", "Middenveld", "Extern", "", ""])
    book.save(buffer)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/opvulling.bin", b"\0" * padding)
    return buffer.getvalue()


def _nothing_staged(client) -> bool:
    from django.core.files.storage import default_storage

    _folders, files = (
        default_storage.listdir("stakeholder-imports")
        if default_storage.exists("stakeholder-imports")
        else ([], [])
    )
    preview = client.get("/stakeholders/import/preview/")
    return not files and preview.status_code == 302 and not Organisation.objects.exists()


def test_a_zip_bomb_posing_as_a_workbook_is_refused_and_nothing_is_kept(
    consultant_client, settings, db
):
    settings.MAX_UPLOAD_SIZE = 100_000
    bomb = _workbook_with_padding(4 * settings.MAX_UPLOAD_SIZE + 1)
    assert len(bomb) < settings.MAX_UPLOAD_SIZE  # small to upload, huge to unpack
    response = upload(consultant_client, SimpleUploadedFile("lijst.xlsx", bomb, content_type=XLSX))
    assert response.status_code == 200
    assert "wordt na het uitpakken veel te groot" in response.content.decode()
    assert _nothing_staged(consultant_client)


@pytest.mark.parametrize("name", ["lijst.xlsx", "lijst.csv"])
def test_a_renamed_executable_is_refused_and_nothing_is_kept(consultant_client, db, name):
    program = b"MZ" + b"\0" * 58 + b"naam,sector\nThis program cannot be run in DOS mode.\n"
    response = upload(consultant_client, SimpleUploadedFile(name, program))
    assert response.status_code == 200
    assert "de inhoud klopt niet met de naam" in response.content.decode()
    assert _nothing_staged(consultant_client)


def test_another_zip_named_xlsx_is_refused(consultant_client, db):
    from tests.policies.files import zip_of_something_else

    response = upload(consultant_client, SimpleUploadedFile("lijst.xlsx", zip_of_something_else()))
    assert "de inhoud klopt niet met de naam" in response.content.decode()
    assert _nothing_staged(consultant_client)


def test_staging_an_import_needs_no_request_and_keeps_one_file(db):
    """The staging lives in stakeholders/imports.py: any caller with a session-like mapping
    can stage, read back and forget an upload; a new upload replaces the waiting one."""
    from django.core.files.storage import default_storage

    from stakeholders import imports

    session: dict = {}
    imports.stage(session, csv_file("naam,sector\nEen,media\n"), "organisations")
    first = session[imports.SESSION_KEY]["path"]
    imports.stage(session, csv_file("naam,sector\nTwee,media\nDrie,cultuur\n"), "organisations")
    assert not default_storage.exists(first)
    staged, dataset = imports.pending(session)
    assert staged["name"] == "lijst.csv"
    assert [row["naam"] for row in dataset.dict] == ["Twee", "Drie"]
    imports.forget(session)
    assert imports.pending(session) == (None, None)
    assert not default_storage.exists(staged["path"])
    assert not Organisation.objects.exists()


def test_a_nul_in_an_imported_cell_is_dropped_on_every_database(consultant_client, db):
    """PostgreSQL refused the row with its own English error; SQLite stored the NUL."""
    filler = "".join(f"Vzw Vulling {n};Cultuur;Een rij\n" for n in range(400))  # past 8 kB
    content = f"naam;sector;beschrijving\n{filler}Vzw Nul\x00punt;Cultuur;Met\x00 een NUL\n"
    assert content.index("\x00") > 8192
    response = upload(consultant_client, csv_file(content))
    assert response.status_code in {200, 302}
    preview = consultant_client.get("/stakeholders/import/preview/").content.decode()
    assert "null character" not in preview.lower() and "NUL" not in preview
    consultant_client.post("/stakeholders/import/confirm/")
    organisation = Organisation.objects.get(name__startswith="Vzw Nul")
    assert (organisation.name, organisation.description) == ("Vzw Nulpunt", "Met een NUL")
    assert Organisation.objects.count() == 401
