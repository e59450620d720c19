"""Rights per role on the library, the map, the export, history and the dashboard card."""

import csv
import io

import openpyxl
import pytest

from atlasplan.models import Theme
from atlasplan.roles import Role
from atlasplan.services import merge_themes
from policies.models import Passage, PolicyDocument
from tests.conftest import client_for
from tests.helpers import queries_for, read_at
from tests.policies.factories import PassageFactory, PolicyDocumentFactory

FORM = {
    "title": "Nieuwe nota",
    "organisation": "Atlas",
    "level": "atlas",
    "kind": "policy_plan",
    "year": 2025,
    "relevance": 4,
    "status": "to_read",
}


@pytest.fixture
def document(consultant):
    return PolicyDocumentFactory(title="Meerjarenplan Atlas", added_by=consultant)


READ_URLS = ["/policies/", "/policies/map/", "/policies/{pk}/", "/policies/{pk}/history/"]


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.ATLAS, Role.READER])
@pytest.mark.parametrize("url", READ_URLS)
def test_every_research_role_reads_the_library(users, document, role, url):
    response = client_for(users[role]).get(url.format(pk=document.pk))
    assert response.status_code == 200


@pytest.mark.parametrize("url", READ_URLS)
def test_the_administrator_does_not_read_the_research(administrator, document, url):
    assert client_for(administrator).get(url.format(pk=document.pk)).status_code == 403


def test_unknown_document_is_404(consultant_client, db):
    assert consultant_client.get("/policies/999999/").status_code == 404
    assert consultant_client.get("/policies/999999/file/").status_code == 404


def test_document_without_file_has_no_download(consultant_client, document):
    assert consultant_client.get(f"/policies/{document.pk}/file/").status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [(Role.CONSULTANT, 302), (Role.ATLAS, 302), (Role.READER, 403)]
)
def test_who_may_add_a_document(users, role, status):
    response = client_for(users[role]).post("/policies/new/", FORM)
    assert response.status_code == status
    assert PolicyDocument.objects.filter(title="Nieuwe nota").exists() == (status == 302)


def test_added_by_and_history_are_recorded(atlas_member, atlas_client):
    atlas_client.post("/policies/new/", FORM)
    document = PolicyDocument.objects.get()
    assert document.added_by == atlas_member
    url = f"/policies/{document.pk}/edit/"
    atlas_client.post(url, {**FORM, "status": "read", "read_at": read_at(atlas_client, url)})
    html = atlas_client.get(f"/policies/{document.pk}/history/").content.decode()
    assert "Gewijzigd" in html and "Gelezen" in html


def test_atlas_team_edits_only_what_it_added(atlas_client, document):
    assert atlas_client.get(f"/policies/{document.pk}/edit/").status_code == 403
    atlas_client.post("/policies/new/", FORM)
    own = PolicyDocument.objects.get(title="Nieuwe nota")
    assert atlas_client.get(f"/policies/{own.pk}/edit/").status_code == 200


@pytest.mark.parametrize("role", [Role.ATLAS, Role.READER, Role.ADMINISTRATOR])
def test_only_consultants_delete(users, document, role):
    assert client_for(users[role]).post(f"/policies/{document.pk}/delete/").status_code == 403
    assert PolicyDocument.objects.filter(pk=document.pk).exists()


def test_delete_asks_first(consultant_client, document):
    assert (
        "Ja, verwijderen"
        in consultant_client.get(f"/policies/{document.pk}/delete/").content.decode()
    )
    assert PolicyDocument.objects.filter(pk=document.pk).exists()


def test_wrong_methods_are_405(consultant_client, document):
    assert consultant_client.post("/policies/").status_code == 405
    assert consultant_client.post(f"/policies/{document.pk}/").status_code == 405
    assert consultant_client.put(f"/policies/{document.pk}/edit/").status_code == 405
    assert consultant_client.post("/policies/map/").status_code == 405


def test_year_is_taken_from_the_date(consultant_client):
    consultant_client.post("/policies/new/", {**FORM, "year": "", "published_on": "2023-05-04"})
    assert PolicyDocument.objects.get().year == 2023


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"relevance": 6}, "hoogstens 5"),
        ({"year": "", "published_on": ""}, "Vul een jaar of een datum in."),
        ({"year": 2020, "published_on": "2023-01-01"}, "verschilt van het jaar"),
        ({"url": "geen url"}, "geldige URL"),
    ],
)
def test_bad_metadata_gets_a_clear_message(consultant_client, changes, message):
    response = consultant_client.post("/policies/new/", {**FORM, **changes})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PolicyDocument.objects.exists()


def test_summary_markdown_is_rendered_and_sanitised(consultant_client):
    summary = "**Kern** van het plan <script>alert(1)</script> [link](javascript:alert(1))"
    consultant_client.post("/policies/new/", {**FORM, "summary": summary})
    html = consultant_client.get(f"/policies/{PolicyDocument.objects.get().pk}/").content.decode()
    assert "<strong>Kern</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert 'href="javascript' not in html


def test_passages_add_edit_delete(consultant_client, document):
    theme = Theme.objects.create(name="Taal")
    consultant_client.post(
        f"/policies/{document.pk}/passages/new/",
        {"quote": "Taal is een hefboom.", "page": 2, "themes": [theme.pk]},
    )
    passage = Passage.objects.get()
    assert list(passage.themes.all()) == [theme]
    html = consultant_client.get(f"/policies/{document.pk}/").content.decode()
    assert "Taal is een hefboom." in html
    consultant_client.post(f"/policies/{document.pk}/passages/{passage.pk}/delete/")
    assert not Passage.objects.exists()


def test_passage_page_beyond_the_document_is_refused(consultant_client, document):
    document.page_count = 3
    document.save()
    response = consultant_client.post(
        f"/policies/{document.pk}/passages/new/", {"quote": "X", "page": 7}
    )
    assert "Het document heeft 3 pagina" in response.content.decode()
    assert not Passage.objects.exists()


def test_reader_cannot_add_passages(reader_client, document):
    assert (
        reader_client.post(f"/policies/{document.pk}/passages/new/", {"quote": "X"}).status_code
        == 403
    )


def test_passage_of_another_document_is_404(consultant_client, document):
    other = PassageFactory()
    url = f"/policies/{document.pk}/passages/{other.pk}/edit/"
    assert consultant_client.get(url).status_code == 404


def test_map_counts_documents_per_level_and_theme(consultant_client):
    taal, werk = Theme.objects.create(name="Taal"), Theme.objects.create(name="Werk")
    for level, themes in [("city", [taal]), ("city", [taal, werk]), ("flemish", [werk])]:
        PolicyDocumentFactory(level=level).themes.set(themes)
    response = consultant_client.get("/policies/map/")
    rows = {row["level"]: {t.name: n for t, n in row["cells"]} for row in response.context["rows"]}
    assert rows["city"] == {"Taal": 2, "Werk": 1}
    assert rows["flemish"] == {"Taal": 0, "Werk": 1}
    assert f'?level=city&amp;theme={taal.pk}"' in response.content.decode()


def test_export_xlsx_and_csv_with_passages(consultant_client, document):
    PassageFactory(document=document, quote="Iedereen is Antwerpenaar.", page=4)
    xlsx = consultant_client.get("/policies/export.xlsx")
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert "titel" in rows[0] and "passages" in rows[0]
    assert rows[1][rows[0].index("titel")] == "Meerjarenplan Atlas"
    assert "Iedereen is Antwerpenaar. (p. 4)" in rows[1][rows[0].index("passages")]
    text = consultant_client.get("/policies/export.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1][1] == "Meerjarenplan Atlas"
    assert consultant_client.get("/policies/export.pdf").status_code == 404


def test_export_follows_the_filters(consultant_client):
    PolicyDocumentFactory(title="Gemeentenota", level="city")
    PolicyDocumentFactory(title="Europa", level="european")
    text = consultant_client.get("/policies/export.csv", {"level": "european"}).content.decode(
        "utf-8-sig"
    )
    assert "Europa" in text and "Gemeentenota" not in text


def test_merging_themes_moves_document_and_passage_tags(document):
    old, new = Theme.objects.create(name="Beeldvorming"), Theme.objects.create(name="Imago")
    document.themes.set([old, new])
    passage = PassageFactory(document=document)
    passage.themes.set([old])
    merge_themes(old, new)
    assert list(document.themes.all()) == [new]
    assert list(passage.themes.all()) == [new]


def test_list_query_count_does_not_grow_with_rows(consultant_client):
    theme = Theme.objects.create(name="Taal")
    for _ in range(3):
        PassageFactory().document.themes.add(theme)
    few = queries_for(consultant_client, "/policies/")
    few_found = queries_for(consultant_client, "/policies/?q=kernzin")  # snippets per row
    for _ in range(10):
        PassageFactory().document.themes.add(theme)
    assert queries_for(consultant_client, "/policies/") == few
    assert queries_for(consultant_client, "/policies/?q=kernzin") == few_found


def test_map_query_count_does_not_grow_with_documents(consultant_client):
    theme = Theme.objects.create(name="Taal")
    PolicyDocumentFactory().themes.add(theme)
    few = queries_for(consultant_client, "/policies/map/")
    for _ in range(10):
        PolicyDocumentFactory(level="european").themes.add(theme)
    assert queries_for(consultant_client, "/policies/map/") == few


def test_dashboard_card_shows_the_library_state(consultant_client):
    PolicyDocumentFactory(status="to_read")
    PassageFactory()
    html = consultant_client.get("/").content.decode()
    assert "2 documenten, 1 kernpassages" in html
    assert "/policies/?status=to_read" in html


def test_a_form_feed_pasted_from_a_pdf_does_not_break_the_xlsx_export(consultant_client):
    # Text copied from a PDF often holds a form feed; openpyxl refuses control characters.
    PassageFactory(quote="Eerste pagina\x0cTweede pagina")
    response = consultant_client.get("/policies/export.xlsx")
    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert any("Tweede pagina" in str(cell) for cell in rows[1])


def test_exported_text_never_becomes_a_spreadsheet_formula(consultant_client):
    PolicyDocumentFactory(title='=HYPERLINK("http://evil.example","klik")', summary="@SUM(1)")
    sheet = openpyxl.load_workbook(
        io.BytesIO(consultant_client.get("/policies/export.xlsx").content)
    ).active
    header, row = list(sheet.values)[:2]
    assert row[header.index("titel")] == '\'=HYPERLINK("http://evil.example","klik")'
    assert row[header.index("samenvatting")] == "'@SUM(1)"


def test_atlas_team_corrects_the_passages_it_marked_itself(
    atlas_member, atlas_client, consultant, document
):
    theirs = PassageFactory(document=document, added_by=consultant)
    atlas_client.post(f"/policies/{document.pk}/passages/new/", {"quote": "Eigen passage."})
    own = Passage.objects.get(quote="Eigen passage.")
    assert own.added_by == atlas_member
    html = atlas_client.get(f"/policies/{document.pk}/").content.decode()
    assert f"/passages/{own.pk}/edit/" in html and f"/passages/{theirs.pk}/edit/" not in html
    response = atlas_client.post(
        f"/policies/{document.pk}/passages/{own.pk}/edit/", {"quote": "Verbeterd."}
    )
    assert response.status_code == 302
    assert (
        atlas_client.post(f"/policies/{document.pk}/passages/{theirs.pk}/delete/").status_code
        == 403
    )
    own.refresh_from_db()
    assert own.quote == "Verbeterd."
    assert Passage.objects.filter(pk=theirs.pk).exists()


def test_htmx_search_announces_the_result_count(consultant_client):
    PolicyDocumentFactory(title="Taalnota")
    response = consultant_client.get(
        "/policies/", {"q": "taalnota"}, headers={"HX-Request": "true"}
    )
    assert 'id="result-status"' in response.content.decode()
    assert "1 document gevonden" in response.content.decode()
