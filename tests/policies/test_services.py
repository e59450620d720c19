"""The services of step 1 take model instances and plain values, no forms: management
commands and background tasks call them as the views do."""

import pytest

from atlasplan.uploads import Kind, inspect_upload
from policies.models import Extraction, Level, PolicyDocument
from policies.models import Kind as DocumentKind
from policies.services import create_from_uploads, save_document
from tests.factories import ThemeFactory
from tests.policies.files import docx_bytes, upload

pytestmark = pytest.mark.django_db


def test_save_document_from_an_instance_with_a_new_file(consultant):
    theme = ThemeFactory()
    file = upload("nota.docx", docx_bytes("Samenleven in de wijk."))
    document = PolicyDocument(title="Nota", organisation="Stad", level=Level.CITY, year=2025)
    document.file = file
    saved = save_document(
        document, consultant, themes=[theme], new_file=(file, inspect_upload(file, {Kind.DOCX}))
    )
    saved.refresh_from_db()
    assert saved.added_by == consultant and list(saved.themes.all()) == [theme]
    assert "Samenleven in de wijk." in saved.extracted_text
    assert (saved.original_filename, saved.extraction) == ("nota.docx", Extraction.TEXT)


def test_create_from_uploads_from_values(consultant):
    theme = ThemeFactory()
    files = [upload(f"{name}.docx", docx_bytes(f"Over {name}.")) for name in ["taal", "werk"]]
    documents = create_from_uploads(
        [(file, inspect_upload(file, {Kind.DOCX})) for file in files],
        consultant,
        organisation="Stad Antwerpen",
        level=Level.CITY,
        kind=DocumentKind.values[0],
        year=2025,
        themes=[theme],
    )
    assert sorted(d.extracted_text.strip() for d in documents) == ["Over taal.", "Over werk."]
    assert all(list(d.themes.all()) == [theme] for d in documents)
