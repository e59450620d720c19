"""A document's text page by page, and tagging a key passage from text selected on a page."""

import importlib

import pytest
from django.core.management import call_command

from atlasplan.demo import DemoContext
from atlasplan.models import Theme
from policies import demo as policies_demo
from policies.models import DocumentPage, Passage, PolicyDocument
from policies.pages import SECTION_CHARS, split_pages
from policies.services import store_pages
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.policies import files
from tests.policies.factories import PassageFactory, PolicyDocumentFactory

META = {"organisation": "Stad Antwerpen", "level": "city", "kind": "policy_plan", "year": 2025}
PAGE_TWO = "Iedere Antwerpenaar heeft recht op een open en gastvrije stad."


def paged_document(pages: int = 3, **fields) -> PolicyDocument:
    """A PDF-like document whose page N says so (page 2 holds PAGE_TWO)."""
    texts = [f"Dit is pagina {n} van het plan." for n in range(1, pages + 1)]
    texts[1] = f"Tweede hoofdstuk.\n{PAGE_TWO}\nDe stad werkt samen met partners."
    document = PolicyDocumentFactory(
        extracted_text="\f".join(texts), page_count=pages, extraction="text", **fields
    )
    store_pages(document)
    return document


@pytest.fixture
def document(consultant):
    return paged_document(added_by=consultant)


@pytest.fixture
def taal(db):
    return Theme.objects.create(name="Taal", colour="#f4a261")


def tag(client, document, *, page="2", quote=PAGE_TWO, themes=(), note="", htmx=True):
    data = {"page": page, "quote": quote, "themes": [str(t) for t in themes], "note": note}
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(f"/policies/{document.pk}/passages/tag/", data, headers=headers)


# --- Pages are stored when the file comes in --------------------------------------------


def test_a_pdf_upload_keeps_each_page_of_text_on_its_own(consultant_client):
    content = files.paged_pdf_bytes("Eerste pagina over taal.", PAGE_TWO, "Derde pagina.")
    response = consultant_client.post(
        "/policies/upload/", {**META, "files": [files.upload("plan.pdf", content)]}
    )
    assert response.status_code == 302
    document = PolicyDocument.objects.get()
    pages = list(document.pages.order_by("number").values_list("number", "text"))
    assert [number for number, _text in pages] == [1, 2, 3]
    assert PAGE_TWO in pages[1][1] and PAGE_TWO not in pages[0][1]
    page = consultant_client.get(f"/policies/{document.pk}/?page=2").content.decode()
    assert PAGE_TWO in page and "Pagina 2 van 3" in page


def test_a_new_file_replaces_the_pages_and_no_file_leaves_none(consultant, document):
    document.extracted_text, document.page_count = "Een korte tekst.", None
    store_pages(document)
    assert list(document.pages.values_list("number", "text")) == [(1, "Een korte tekst.")]
    document.extracted_text = ""
    assert store_pages(document) == 0
    assert not document.pages.exists()


def test_text_without_pages_is_cut_in_sections_at_paragraph_breaks():
    paragraphs = [f"Alinea {n}: " + "samenleven in de stad " * 20 for n in range(60)]
    text = "\n\n".join(paragraphs)
    sections = split_pages(text, paged=False)
    assert len(sections) > 3
    assert all(len(section) <= SECTION_CHARS for section in sections)
    assert all(section.startswith("Alinea") for section in sections)  # never mid-paragraph
    assert " ".join(" ".join(sections).split()) == " ".join(text.split())  # nothing lost


def test_a_docx_shows_its_sections_as_deel(consultant_client):
    long = [f"Paragraaf {n} over taal en werk in Antwerpen. " * 8 for n in range(40)]
    content = files.docx_bytes(*long)
    consultant_client.post(
        "/policies/upload/", {**META, "files": [files.upload("nota.docx", content)]}
    )
    document = PolicyDocument.objects.get()
    assert document.pages.count() > 1
    page = consultant_client.get(f"/policies/{document.pk}/?page=2").content.decode()
    assert "Deel 2 van" in page


def test_the_command_gives_existing_documents_their_pages(db):
    older = PolicyDocumentFactory(extracted_text="Een\fTwee", page_count=2, extraction="text")
    assert not older.pages.exists()
    call_command("store_pages", stdout=None)
    assert list(older.pages.values_list("number", "text")) == [(1, "Een"), (2, "Twee")]


def test_the_demo_documents_show_their_text_with_their_passages_marked(consultant_client):
    policies_demo.load(DemoContext(password="x", report=lambda line: None))
    documents = PolicyDocument.objects.prefetch_related("passages")
    assert documents.count() == 25
    for document in documents:
        assert document.pages.exists(), document
        page = consultant_client.get(f"/policies/{document.pk}/").content.decode()
        for passage in document.passages.all():  # each on page 1, marked where it stands
            assert f'data-passages="{passage.pk}"' in page, (document, passage.quote)


# --- Reading: one page at a time, whatever the length ------------------------------------


def test_a_long_document_shows_only_the_page_asked_for(consultant_client, db):
    document = paged_document(pages=400)
    response = consultant_client.get(f"/policies/{document.pk}/?page=250")
    page = response.content.decode()
    assert "Dit is pagina 250 van het plan." in page
    assert "Dit is pagina 249 van het plan." not in page
    assert "Pagina 250 van 400" in page
    assert len(response.content) < 60_000  # bounded: the page, not the document


@pytest.mark.parametrize("asked", ["0", "401", "²", "abc", "9" * 30])
def test_a_page_out_of_range_shows_a_page_that_exists(consultant_client, db, asked):
    document = paged_document(pages=400)
    response = consultant_client.get(f"/policies/{document.pk}/", {"page": asked})
    assert response.status_code == 200
    assert response.context["page"] is not None


def test_the_query_count_does_not_grow_with_pages_or_passages(
    consultant_client, document, taal, django_assert_num_queries
):
    url = f"/policies/{document.pk}/"
    PassageFactory(document=document, page=1, quote="Dit is").themes.add(taal)

    def more(count):
        start = document.pages.count() + 1
        DocumentPage.objects.bulk_create(
            DocumentPage(document=document, number=n, text=f"Pagina {n}.")
            for n in range(start, start + 100)
        )
        for n in range(count):
            PassageFactory(document=document, page=1, quote="pagina 1 van").themes.add(taal)
            PassageFactory(document=document, page=2, quote=f"Citaat {n}").themes.add(taal)

    assert_same_count(
        consultant_client, url, more, django_assert_num_queries, marker='data-testid="passage"',
        per_row=2,
    )  # fmt: skip


# --- Who sees the panel, who may tag ------------------------------------------------------


@pytest.mark.parametrize(("fixture", "panel"), [("consultant", True), ("atlas_member", True),
                                                ("reader", False)])  # fmt: skip
def test_who_reads_the_text_and_who_gets_the_panel(request, document, fixture, panel):
    client = client_for(request.getfixturevalue(fixture))
    page = client.get(f"/policies/{document.pk}/?page=2").content.decode()
    assert PAGE_TWO in page
    assert ('data-testid="tag-panel"' in page) is panel


def test_a_reader_cannot_tag_and_nothing_is_saved(reader_client, document, taal):
    assert tag(reader_client, document, themes=[taal.pk]).status_code == 403
    assert not Passage.objects.exists()


def test_the_administrator_and_anonymous_visitors_cannot_tag(administrator, client, document):
    assert tag(client_for(administrator), document).status_code == 403
    response = tag(client, document)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Passage.objects.exists()


def test_tagging_answers_only_to_post(consultant_client, document):
    assert consultant_client.get(f"/policies/{document.pk}/passages/tag/").status_code == 405
    assert consultant_client.post("/policies/999999/passages/tag/").status_code == 404


# --- Tagging -----------------------------------------------------------------------------


def test_selected_text_becomes_a_passage_with_its_page_and_themes(
    atlas_client, atlas_member, document, taal
):
    response = tag(atlas_client, document, themes=[taal.pk], note="Kernbelofte")
    assert response.status_code == 200
    passage = Passage.objects.get()
    assert (passage.page, passage.quote, passage.note) == (2, PAGE_TWO, "Kernbelofte")
    assert list(passage.themes.all()) == [taal]
    assert passage.added_by == atlas_member
    html = response.content.decode()
    assert f'data-passages="{passage.pk}"' in html  # marked in place in the page's text
    assert f'id="passage-{passage.pk}"' in html  # and listed beside it
    assert "De kernpassage is toegevoegd." in html
    assert f'data-new="{passage.pk}"' in html


def test_a_selection_across_lines_is_kept_as_the_page_says_it(consultant_client, document):
    # A browser may turn the page's line break into a space, or add spaces around it.
    response = tag(consultant_client, document, quote=f"Tweede hoofdstuk.  {PAGE_TWO[:19]}")
    assert response.status_code == 200
    assert Passage.objects.get().quote == f"Tweede hoofdstuk.\n{PAGE_TWO[:19]}"


def test_without_javascript_the_form_redirects_back_to_the_page(consultant_client, document):
    response = tag(consultant_client, document, htmx=False)
    passage = Passage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/policies/{document.pk}/?page=2#passage-{passage.pk}"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": "   "}, "Selecteer eerst een passage"),
        ({"quote": "Deze zin staat nergens."}, "staat niet op pagina 2"),
        ({"page": "1"}, "staat niet op pagina 1"),  # the text of page 2, sent as page 1
        ({"page": "4"}, "het document heeft 3 pagina"),
        ({"page": "²"}, "het document heeft 3 pagina"),
        ({"page": "9" * 40}, "het document heeft 3 pagina"),
        ({"themes": ["999999"]}, "Thema"),
        ({"themes": ["abc"]}, "Thema"),
        ({"quote": "x" * 6000}, "Passage"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(consultant_client, document, changes, message):
    data = {"page": "2", "quote": PAGE_TWO, **changes}
    response = consultant_client.post(
        f"/policies/{document.pk}/passages/tag/", data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Passage.objects.exists()


def test_bad_input_without_javascript_shows_the_page_with_the_error(consultant_client, document):
    response = tag(consultant_client, document, quote="Deze zin staat nergens.", htmx=False)
    assert response.status_code == 400
    page = response.content.decode()
    assert "staat niet op pagina 2" in page and PAGE_TWO in page
    assert "Deze zin staat nergens." in page  # what was typed stays in the form


def test_the_same_passage_twice_is_kept_once_with_both_themes_and_notes(
    consultant_client, atlas_client, document, taal
):
    werk = Theme.objects.create(name="Werk", colour="#2a9d8f")
    tag(consultant_client, document, themes=[taal.pk], note="Eerste lezing")
    response = tag(atlas_client, document, themes=[werk.pk], note="Ook over werk")
    assert response.status_code == 200
    assert "al gemarkeerd" in response.content.decode()
    passage = Passage.objects.get()
    assert sorted(t.name for t in passage.themes.all()) == ["Taal", "Werk"]
    assert "Eerste lezing" in passage.note and "Ook over werk" in passage.note


def test_a_passage_added_elsewhere_meanwhile_shows_after_tagging(consultant_client, document, taal):
    other = PassageFactory(document=document, page=2, quote="De stad werkt samen met partners.")
    html = tag(consultant_client, document, themes=[taal.pk]).content.decode()
    assert f'data-passages="{other.pk}"' in html
    assert Passage.objects.count() == 2


def test_page_text_is_escaped(consultant_client, db):
    document = PolicyDocumentFactory(
        extracted_text="<script>alert(1)</script> gewone tekst", page_count=None
    )
    store_pages(document)
    page = consultant_client.get(f"/policies/{document.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; gewone tekst" in page


def test_the_typed_passage_form_knows_the_sections_of_a_file_without_pages(consultant_client):
    document = PolicyDocumentFactory(extracted_text="Een korte nota.", page_count=None)
    store_pages(document)  # one section
    url = f"/policies/{document.pk}/passages/new/"
    response = consultant_client.post(url, {"quote": "Een korte nota.", "page": "2"})
    assert response.status_code == 200
    assert "heeft 1 pagina" in response.content.decode()
    assert not Passage.objects.exists()


def test_the_data_migration_gives_documents_their_pages(db):
    from django.apps import apps

    migration = importlib.import_module("policies.migrations.0004_fill_document_pages")
    pdf = PolicyDocumentFactory(extracted_text="Een\fTwee\fDrie", page_count=3)
    text = PolicyDocumentFactory(extracted_text="Alleen tekst.", page_count=None)
    empty = PolicyDocumentFactory(extracted_text="", page_count=None)
    migration.fill_pages(apps, None)
    assert list(pdf.pages.values_list("text", flat=True)) == ["Een", "Twee", "Drie"]
    assert list(text.pages.values_list("number", "text")) == [(1, "Alleen tekst.")]
    assert not empty.pages.exists()
