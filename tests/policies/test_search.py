"""Finding documents: Dutch full-text on PostgreSQL, a simpler search on SQLite."""

import pytest
from django.db import connection

from tests.policies.factories import PassageFactory, PolicyDocumentFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Dutch stemming needs PostgreSQL's text search"
)


def titles(response) -> list[str]:
    return [document.title for document in response.context["page_obj"].object_list]


@postgres_only
def test_dutch_search_finds_inflected_forms(consultant_client):
    PolicyDocumentFactory(title="Buurtnota", summary="Samenleven in de wijk Kiel.")
    PolicyDocumentFactory(title="Werknota", summary="Over de arbeidsmarkt.")
    response = consultant_client.get("/policies/", {"q": "wijken"})
    assert titles(response) == ["Buurtnota"]


@postgres_only
def test_title_match_ranks_above_body_match(consultant_client):
    PolicyDocumentFactory(
        title="Jaarverslag", extracted_text="Een lange tekst over discriminatie op de huurmarkt."
    )
    PolicyDocumentFactory(title="Actieplan discriminatie", summary="Maatregelen.")
    response = consultant_client.get("/policies/", {"q": "discriminatie"})
    assert titles(response) == ["Actieplan discriminatie", "Jaarverslag"]


@postgres_only
def test_passages_are_searched_and_kept_up_to_date(consultant_client):
    document = PolicyDocumentFactory(title="Nota zonder trefwoord")
    assert titles(consultant_client.get("/policies/", {"q": "ambassadeurs"})) == []
    PassageFactory(document=document, quote="Ambassadeurs uit de achterban zijn geloofwaardig.")
    assert titles(consultant_client.get("/policies/", {"q": "ambassadeur"})) == [
        "Nota zonder trefwoord"
    ]


def test_search_finds_title_summary_passage_and_file_text(consultant_client):
    PolicyDocumentFactory(title="Onderwijsplan taal")
    PolicyDocumentFactory(title="B", summary="Een plan over taal op school.")
    PassageFactory(document=PolicyDocumentFactory(title="C"), quote="Taal is een hefboom.")
    PolicyDocumentFactory(title="D", extracted_text="... taal ...")
    PolicyDocumentFactory(title="E", summary="Over werk.")
    found = titles(consultant_client.get("/policies/", {"q": "taal"}))
    assert sorted(found) == ["B", "C", "D", "Onderwijsplan taal"]
    assert found[0] == "Onderwijsplan taal"  # the title match comes first


def test_matches_are_highlighted_and_markup_stays_text(consultant_client):
    PolicyDocumentFactory(title="Nota", summary="<b>vet</b> over taalbeleid in de stad")
    html = consultant_client.get("/policies/", {"q": "taalbeleid"}).content.decode()
    assert "<mark>taalbeleid</mark>" in html
    assert "<b>vet</b>" not in html
    # SQLite shows the markup as text; PostgreSQL's headline drops tags from the snippet.
    assert "&lt;b&gt;vet&lt;/b&gt;" in html or "over <mark>taalbeleid</mark>" in html


def test_search_and_filters_combine_and_stay_in_the_url(consultant_client):
    PolicyDocumentFactory(title="Taal stad", level="city")
    PolicyDocumentFactory(title="Taal Vlaanderen", level="flemish")
    response = consultant_client.get("/policies/", {"q": "taal", "level": "flemish"})
    assert titles(response) == ["Taal Vlaanderen"]
    html = response.content.decode()
    assert 'value="taal"' in html  # the search box keeps the query
    assert "export.xlsx?q=taal&amp;level=flemish" in html  # the export follows the filters


def test_htmx_request_gets_only_the_rows(consultant_client):
    PolicyDocumentFactory(title="Nota")
    response = consultant_client.get("/policies/", {"q": "nota"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Nota" in html
    assert "<html" not in html and 'id="document-filters"' not in html


def test_no_result_says_what_to_do(consultant_client):
    PolicyDocumentFactory(title="Nota")
    html = consultant_client.get("/policies/", {"q": "onvindbaar"}).content.decode()
    assert "Geen documenten gevonden" in html
    assert "Wis de filters" in html


def test_a_word_inside_a_dutch_compound_title_is_found(consultant_client):
    PolicyDocumentFactory(title="Bestuursakkoord Antwerpen")
    PolicyDocumentFactory(title="Jaarverslag")
    assert titles(consultant_client.get("/policies/", {"q": "akkoord"})) == [
        "Bestuursakkoord Antwerpen"
    ]
