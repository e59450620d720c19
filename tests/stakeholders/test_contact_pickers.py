"""The contact pickers offer the chosen organisation's people only, labelled with it."""

import pytest

from stakeholders.models import ShortlistEntry
from tests.interviews.factories import InterviewFactory
from tests.stakeholders.factories import ContactFactory, OrganisationFactory


@pytest.fixture
def two_organisations(db):
    brug = OrganisationFactory(name="Vzw De Brug")
    kompas = OrganisationFactory(name="Kompas")
    ContactFactory(organisation=brug, name="Fatima Benali", function="coördinator")
    ContactFactory(organisation=brug, name="Jan Peeters", function="")
    ContactFactory(organisation=kompas, name="Ayşe Yılmaz")
    return brug, kompas


def test_shortlist_proposal_offers_only_the_chosen_organisations_contacts(
    consultant_client, two_organisations
):
    brug, _kompas = two_organisations
    html = consultant_client.get(f"/stakeholders/shortlist/new/?organisation={brug.pk}")
    html = html.content.decode()
    assert "Fatima Benali, coördinator (Vzw De Brug)" in html
    assert "Jan Peeters (Vzw De Brug)" in html
    assert "Ayşe Yılmaz" not in html
    assert html.count("Fatima Benali") == 1  # never the same person twice


def test_before_an_organisation_is_chosen_no_contacts_are_offered(
    consultant_client, two_organisations
):
    html = consultant_client.get("/stakeholders/shortlist/new/").content.decode()
    assert "Fatima Benali" not in html and "Ayşe Yılmaz" not in html


def test_changing_the_organisation_refreshes_the_contacts_without_saving(
    consultant_client, two_organisations
):
    """What htmx posts on a change, and what the <noscript> button posts without JS."""
    _brug, kompas = two_organisations
    html = consultant_client.get("/stakeholders/shortlist/new/").content.decode()
    assert 'hx-post=""' in html and "refresh_contacts" in html
    assert "<noscript>" in html  # the button for browsers without JavaScript
    response = consultant_client.post(
        "/stakeholders/shortlist/new/",
        {"organisation": kompas.pk, "rationale": "Wat ik al typte", "refresh_contacts": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ayşe Yılmaz, coördinator (Kompas)" in html
    assert "Fatima Benali" not in html
    assert "Wat ik al typte" in html  # nothing typed is lost
    assert "is-invalid" not in html  # not judged yet
    assert not ShortlistEntry.objects.exists()


def test_interview_picker_refreshes_and_refuses_a_stranger(consultant_client, two_organisations):
    brug, kompas = two_organisations
    response = consultant_client.post(
        "/interviews/new/", {"organisation": brug.pk, "refresh_contacts": "1"}
    )
    html = response.content.decode()
    assert "Fatima Benali, coördinator (Vzw De Brug)" in html
    assert "Ayşe Yılmaz" not in html
    stranger = kompas.contacts.get()
    response = consultant_client.post(
        "/interviews/new/",
        {"organisation": brug.pk, "interviewees": [stranger.pk], "mode": "on_site",
         "status": "planned"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Kies enkel contactpersonen van de gekozen organisatie." in response.content.decode()
    assert not brug.interviews.exists()


def test_interview_edit_offers_its_organisations_contacts(consultant_client, two_organisations):
    brug, _kompas = two_organisations
    interview = InterviewFactory(organisation=brug)
    html = consultant_client.get(f"/interviews/{interview.pk}/edit/").content.decode()
    assert "Jan Peeters (Vzw De Brug)" in html
    assert "Ayşe Yılmaz" not in html
