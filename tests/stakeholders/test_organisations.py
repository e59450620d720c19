import pytest
from django.utils.html import escape

from stakeholders.models import Organisation
from tests.helpers import queries_for, read_at
from tests.stakeholders.factories import (
    AssessmentFactory,
    ContactFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)


def new(client, **data):
    defaults = {"name": "Atheneum Kiel", "sector": "education", "scope": "external"}
    return client.post("/stakeholders/new/", {**defaults, **data})


def test_consultant_adds_an_organisation(consultant_client, db):
    response = new(consultant_client, name="  Atheneum   Kiel ", website="https://kiel.example")
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/stakeholders/{organisation.pk}/"
    assert organisation.name == "Atheneum Kiel"
    html = consultant_client.get(response["Location"]).content.decode()
    assert "Atheneum Kiel" in html and "Onderwijs" in html


def test_a_duplicate_name_is_refused_whatever_its_case(consultant_client, organisation):
    response = new(consultant_client, name="vzw de brug")
    assert "Er bestaat al een organisatie met deze naam." in response.content.decode()
    assert Organisation.objects.count() == 1


def test_a_close_name_warns_and_needs_confirmation(consultant_client, organisation):
    response = new(consultant_client, name="Vzw De Bruggen")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze naam lijkt op: Vzw De Brug" in html
    assert "Ja, dit is een andere organisatie" in html
    assert Organisation.objects.count() == 1
    response = new(consultant_client, name="Vzw De Bruggen", confirm_similar="on")
    assert response.status_code == 302
    assert Organisation.objects.count() == 2


def test_the_name_field_hints_at_similar_names_while_typing(consultant_client, organisation):
    html = consultant_client.get("/stakeholders/similar/", {"name": "vzw de brg"}).content
    assert "Vzw De Brug" in html.decode()
    assert consultant_client.get("/stakeholders/similar/", {"name": "Haven"}).content.strip() == b""


@pytest.mark.parametrize("exclude", ["²", "-1", "abc", "99999999999999999999"])
def test_the_similar_names_hint_ignores_an_odd_exclude(consultant_client, organisation, exclude):
    # "²".isdigit() is True but int("²") fails: the hint answered with a server error.
    response = consultant_client.get(
        "/stakeholders/similar/", {"name": "vzw de brg", "exclude": exclude}
    )
    assert response.status_code == 200
    assert "Vzw De Brug" in response.content.decode()


def test_an_invalid_website_is_refused(consultant_client, db):
    response = new(consultant_client, website="geen url")
    assert response.status_code == 200
    assert not Organisation.objects.exists()


def test_editing_keeps_the_own_name_and_records_history(
    consultant, consultant_client, organisation
):
    url = f"/stakeholders/{organisation.pk}/edit/"
    response = consultant_client.post(
        url,
        {
            "name": "Vzw De Brug",
            "sector": "culture",
            "scope": "external",
            "description": "Koepel van zelforganisaties",
            "read_at": read_at(consultant_client, url),
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.sector == "culture"
    html = consultant_client.get(f"/stakeholders/{organisation.pk}/history/").content.decode()
    assert escape(consultant.get_full_name()) in html
    assert "<del>Zelforganisatie</del> → <ins>Koepel van zelforganisaties</ins>" in html


def test_delete_asks_for_confirmation_first(consultant_client, organisation):
    html = consultant_client.get(f"/stakeholders/{organisation.pk}/delete/").content.decode()
    assert "Ja, verwijderen" in html
    assert Organisation.objects.exists()
    response = consultant_client.post(f"/stakeholders/{organisation.pk}/delete/")
    assert response.status_code == 302
    assert not Organisation.objects.exists()


def test_the_list_searches_filters_and_sorts(consultant_client, db):
    school = OrganisationFactory(name="Atheneum Kiel", sector="education")
    AssessmentFactory(organisation=school, influence=2, interest=4)
    paper = OrganisationFactory(name="Gazet van de Schelde", sector="media")
    AssessmentFactory(organisation=paper, influence=5, interest=2)
    OrganisationFactory(name="Huis van het Kind", sector="welfare")

    def names(**query):
        response = consultant_client.get("/stakeholders/", query)
        return [o.name for o in response.context["page_obj"]]

    assert names(q="gazet") == ["Gazet van de Schelde"]
    assert names(sector="education") == ["Atheneum Kiel"]
    assert names(sort="-influence") == [
        "Gazet van de Schelde",
        "Atheneum Kiel",
        "Huis van het Kind",
    ]
    assert names(sort="influence") == ["Huis van het Kind", "Atheneum Kiel", "Gazet van de Schelde"]
    assert names(sort="name") == ["Atheneum Kiel", "Gazet van de Schelde", "Huis van het Kind"]


def test_htmx_gets_only_the_rows(consultant_client, organisation):
    response = consultant_client.get(
        "/stakeholders/", {"q": "brug"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="rows">')
    assert "Vzw De Brug" in html and "<html" not in html


def test_the_list_shows_the_latest_assessment_and_shortlist_state(consultant_client, organisation):
    AssessmentFactory(organisation=organisation, influence=2, interest=2, assessed_on="2020-01-01")
    ShortlistEntryFactory(organisation=organisation, decision="proposed")
    row = (
        consultant_client.get("/stakeholders/")
        .content.decode()
        .split('data-testid="organisation-row"')[1]
    )
    assert '<td class="text-end">4</td>' in row and '<td class="text-end">5</td>' in row
    assert "Voorgesteld" in row


def test_an_empty_register_says_what_to_do(consultant_client, atlas_client, db):
    assert (
        "Voeg de eerste organisatie toe" in consultant_client.get("/stakeholders/").content.decode()
    )
    html = atlas_client.get("/stakeholders/").content.decode()
    assert "Een consultant kan organisaties toevoegen." in html
    assert "/stakeholders/new/" not in html


def test_no_match_offers_to_clear_the_filters(consultant_client, organisation):
    html = consultant_client.get("/stakeholders/", {"q": "xyz"}).content.decode()
    assert "Geen organisaties gevonden" in html


def test_atlas_team_sees_contacts_but_no_edit_buttons(atlas_client, organisation, contact):
    html = atlas_client.get(f"/stakeholders/{organisation.pk}/").content.decode()
    assert "fatima.benali@example.org" in html
    assert f"/stakeholders/{organisation.pk}/edit/" not in html
    assert f"/stakeholders/{organisation.pk}/history/" in html


@pytest.mark.parametrize(
    "url", ["/stakeholders/", "/stakeholders/?sort=-interest&sector=civil_society"]
)
def test_list_query_count_does_not_grow_with_rows(consultant_client, db, url):
    def add(count):
        for organisation in OrganisationFactory.create_batch(count):
            AssessmentFactory(organisation=organisation)
            ContactFactory(organisation=organisation)
            ShortlistEntryFactory(organisation=organisation)

    add(3)
    before = queries_for(consultant_client, url)
    add(10)
    assert queries_for(consultant_client, url) == before


def test_detail_query_count_does_not_grow_with_its_rows(consultant_client, organisation):
    url = f"/stakeholders/{organisation.pk}/"
    ContactFactory(organisation=organisation)
    before = queries_for(consultant_client, url)
    ContactFactory.create_batch(10, organisation=organisation)
    AssessmentFactory.create_batch(10, organisation=organisation)
    assert queries_for(consultant_client, url) == before


def test_sorting_by_sector_follows_the_labels_the_user_reads(consultant_client, db):
    OrganisationFactory(name="Stad", sector="city_administration")  # Stedelijke administratie
    OrganisationFactory(name="Atlas", sector="atlas")  # Atlas intern
    OrganisationFactory(name="Krant", sector="media")  # Media
    response = consultant_client.get("/stakeholders/", {"sort": "sector"})
    assert [o.name for o in response.context["page_obj"]] == ["Atlas", "Krant", "Stad"]


def test_a_website_without_https_gets_it(consultant_client, db):
    html = consultant_client.get("/stakeholders/new/").content.decode()
    assert 'type="url"' not in html  # the browser would refuse "www.…" before Django sees it
    assert 'inputmode="url"' in html
    response = new(consultant_client, website="www.atheneumkiel.be")
    assert response.status_code == 302
    assert Organisation.objects.get().website == "https://www.atheneumkiel.be"
