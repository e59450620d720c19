"""Preparing and running a workshop: create, edit, delete, open, close, QR, presenter, card."""

import pytest
from django.utils.html import escape

from atlasplan.roles import Role
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.helpers import queries_for, read_at
from tests.workshops.factories import StatementFactory, WorkshopFactory, cited_statements, votes
from workshops.models import Statement, Workshop


def test_consultant_creates_a_workshop(consultant_client, consultant):
    response = consultant_client.post(
        "/workshops/new/",
        {
            "title": "  Stellingen   toetsen ",
            "date": "2026-12-03",
            "facilitator": consultant.pk,
            "expected_participants": 16,
        },
    )
    workshop = Workshop.objects.get()
    assert response["Location"] == f"/workshops/{workshop.pk}/"
    assert workshop.title == "Stellingen toetsen"
    assert workshop.state == Workshop.State.PREPARING
    assert len(workshop.code) == 6
    assert not set(workshop.code) & set("01IO")


def test_asking_a_role_needs_at_least_two_roles(consultant_client):
    response = consultant_client.post(
        "/workshops/new/",
        {"title": "Met rollen", "date": "2026-12-03", "ask_role": "on", "role_options": "Enkel"},
    )
    assert "Geef minstens twee rollen" in response.content.decode()
    assert not Workshop.objects.exists()


def test_facilitators_are_consultants_or_atlas_members(consultant_client, users):
    html = consultant_client.get("/workshops/new/").content.decode()
    assert f'value="{users[Role.ATLAS].pk}"' in html
    assert f'value="{users[Role.READER].pk}"' not in html
    assert f'value="{users[Role.ADMINISTRATOR].pk}"' not in html


def test_edit_keeps_the_history(consultant_client, consultant, workshop):
    url = f"/workshops/{workshop.pk}/edit/"
    consultant_client.post(
        url,
        {"title": "Nieuwe titel", "date": "2026-12-04", "read_at": read_at(consultant_client, url)},
    )
    html = consultant_client.get(f"/workshops/{workshop.pk}/history/").content.decode()
    assert "Nieuwe titel" in html
    assert escape(consultant.get_full_name()) in html
    detail = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert f"/workshops/{workshop.pk}/history/" in detail


def test_delete_asks_for_confirmation(consultant_client, statement):
    workshop = statement.workshop
    votes(statement, {4: 2})
    html = consultant_client.get(f"/workshops/{workshop.pk}/delete/").content.decode()
    assert "Ja, verwijderen" in html
    assert "1 stellingen en 2 stemmen" in html
    assert Workshop.objects.filter(pk=workshop.pk).exists()
    consultant_client.post(f"/workshops/{workshop.pk}/delete/")
    assert not Workshop.objects.exists()
    assert not Statement.objects.exists()


def test_opening_needs_statements(consultant_client, preparing):
    response = consultant_client.post(
        f"/workshops/{preparing.pk}/state/", {"state": "open"}, follow=True
    )
    assert "Voeg eerst stellingen toe" in response.content.decode()
    preparing.refresh_from_db()
    assert preparing.state == Workshop.State.PREPARING


def test_open_shows_the_qr_code_and_close_hides_results_again(consultant_client, preparing):
    StatementFactory(workshop=preparing)
    response = consultant_client.post(
        f"/workshops/{preparing.pk}/state/", {"state": "open"}, follow=True
    )
    html = response.content.decode()
    assert f"/workshops/{preparing.pk}/qr.svg" in html
    assert preparing.code in html
    assert f"http://testserver/v/{preparing.code}/" in html
    Workshop.objects.filter(pk=preparing.pk).update(results_revealed=True)
    consultant_client.post(f"/workshops/{preparing.pk}/state/", {"state": "closed", "confirm": "1"})
    preparing.refresh_from_db()
    assert preparing.state == Workshop.State.CLOSED
    assert not preparing.results_revealed


def test_closing_the_voting_asks_for_confirmation_first(consultant_client, workshop):
    detail = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "Sluit de stemming" in detail
    response = consultant_client.post(f"/workshops/{workshop.pk}/state/", {"state": "closed"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "De stemming sluiten?" in html
    assert 'name="confirm" value="1"' in html
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.OPEN  # nothing closed yet
    response = consultant_client.post(
        f"/workshops/{workshop.pk}/state/", {"state": "closed", "confirm": "1"}
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.CLOSED


def test_after_an_outcome_the_results_page_returns_to_that_statement(consultant_client, statement):
    response = consultant_client.post(
        f"/workshops/statements/{statement.pk}/outcome/", {"outcome": "kept"}
    )
    results = f"/workshops/{statement.workshop_id}/results/"
    assert response["Location"] == f"{results}#statement-{statement.pk}"
    html = consultant_client.get(results).content.decode()
    assert f'id="statement-{statement.pk}"' in html


def test_unknown_state_is_refused(consultant_client, workshop):
    consultant_client.post(f"/workshops/{workshop.pk}/state/", {"state": "preparing"})
    consultant_client.post(f"/workshops/{workshop.pk}/state/", {"state": "weg"})
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.OPEN


def test_qr_code_is_an_svg_of_the_voting_address(consultant_client, workshop):
    response = consultant_client.get(f"/workshops/{workshop.pk}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_presenter_hides_results_until_revealed(consultant_client, statement):
    workshop = statement.workshop
    votes(statement, {5: 3, 1: 1})
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert "4 stemmen" in live
    assert 'data-testid="result-bar"' not in live
    assert "De resultaten zijn verborgen" in live
    consultant_client.post(f"/workshops/{workshop.pk}/reveal/", {"reveal": "1"})
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert 'data-testid="result-bar"' in live
    assert 'hx-trigger="every 2s"' in live


def test_presenter_shows_one_statement_or_all(consultant_client, statement):
    workshop = statement.workshop
    other = StatementFactory(workshop=workshop, text="Tweede stelling")
    consultant_client.post(f"/workshops/{workshop.pk}/reveal/", {"statement": other.pk})
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert "Tweede stelling" in live
    assert statement.text not in live
    consultant_client.post(f"/workshops/{workshop.pk}/reveal/", {"statement": "all"})
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert statement.text in live
    foreign = StatementFactory(workshop=WorkshopFactory())
    response = consultant_client.post(
        f"/workshops/{workshop.pk}/reveal/", {"statement": foreign.pk}
    )
    assert response.status_code == 404


def test_empty_list_says_what_to_do(consultant_client, atlas_client):
    assert "Maak de eerste workshop aan" in consultant_client.get("/workshops/").content.decode()
    html = atlas_client.get("/workshops/").content.decode()
    assert "Een consultant bereidt de workshop voor" in html


def test_list_query_count_does_not_grow_with_rows(consultant_client, consultant):
    for workshop in WorkshopFactory.create_batch(3, facilitator=consultant):
        StatementFactory.create_batch(2, workshop=workshop)
        cited_statements(workshop, 2, interviewer=consultant)
    few = queries_for(consultant_client, "/workshops/")
    for workshop in WorkshopFactory.create_batch(10, facilitator=UserFactory()):
        StatementFactory.create_batch(2, workshop=workshop)
        cited_statements(workshop, 2, interviewer=consultant)
    assert queries_for(consultant_client, "/workshops/") == few


def test_list_answers_htmx_with_the_rows_only(consultant_client, workshop):
    response = consultant_client.get("/workshops/?sort=title", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert workshop.title in html
    assert "<html" not in html


@pytest.mark.parametrize("who", ["consultant", "atlas_member"])
def test_detail_query_count_does_not_grow_with_statements(request, who, workshop):
    # Statements citing excerpts under every kind of consent, some of interviews the user
    # held: each branch of showing a cited excerpt is taken, and costs no query per row.
    user = request.getfixturevalue(who)
    client = client_for(user)
    StatementFactory.create_batch(3, workshop=workshop)
    cited_statements(workshop, 5, interviewer=user)
    few = queries_for(client, f"/workshops/{workshop.pk}/")
    StatementFactory.create_batch(5, workshop=workshop)
    cited_statements(workshop, 5, interviewer=user)
    html = client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert html.count('data-testid="excerpt-source"') >= 4  # cited excerpts are shown
    assert queries_for(client, f"/workshops/{workshop.pk}/") == few


def test_dashboard_card_leads_to_the_next_step(consultant_client, atlas_client):
    html = consultant_client.get("/").content.decode()
    assert "/workshops/new/" in html
    assert "Maak een workshop aan" in html
    closed = WorkshopFactory(state=Workshop.State.CLOSED)
    StatementFactory(workshop=closed)
    html = atlas_client.get("/").content.decode()
    assert "1 workshop, 0 open voor stemmen." in html
    assert f"/workshops/{closed.pk}/results/" in html


def test_readers_do_not_get_the_step(reader_client):
    html = reader_client.get("/").content.decode()
    assert "/workshops/" not in html


@pytest.mark.parametrize(
    "role, sees",
    [
        (Role.CONSULTANT, True),
        (Role.ATLAS, True),
        (Role.READER, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_each_role_sees_the_nav_link_only_when_it_may_open_workshops(users, role, sees):
    client = client_for(users[role])
    html = client.get("/").content.decode()
    assert ('href="/workshops/"' in html) is sees
    assert (client.get("/workshops/").status_code == 200) is sees


def test_presenter_poll_query_count_does_not_grow_with_statements(consultant_client, workshop):
    for statement in StatementFactory.create_batch(3, workshop=workshop):
        votes(statement, {4: 1})
    cited_statements(workshop, 2)
    url = f"/workshops/{workshop.pk}/present/live/"
    few = queries_for(consultant_client, url, HX_Request="true")
    for statement in StatementFactory.create_batch(5, workshop=workshop):
        votes(statement, {2: 1})
    for statement in cited_statements(workshop, 5):
        votes(statement, {3: 1})
    assert queries_for(consultant_client, url, HX_Request="true") == few


def test_dashboard_card_leads_to_the_open_workshop(atlas_client, workshop):
    html = atlas_client.get("/").content.decode()
    assert "1 workshop, 1 open voor stemmen." in html
    assert f'href="/workshops/{workshop.pk}/">Naar de open workshop' in html


def test_history_pages_lead_back_to_the_object(consultant_client, statement):
    workshop = statement.workshop
    html = consultant_client.get(f"/workshops/{workshop.pk}/history/").content.decode()
    assert f'href="/workshops/{workshop.pk}/"' in html
    html = consultant_client.get(f"/workshops/statements/{statement.pk}/history/").content.decode()
    assert f'href="/workshops/{workshop.pk}/"' in html
    assert f'href="{statement.get_absolute_url()}"' in html


@pytest.mark.parametrize("value", ["²", "", "abc"])
def test_presenter_ignores_an_odd_statement_choice(consultant_client, statement, value):
    # "²".isdigit() is True but int("²") fails: the presenter's form gave a server error.
    workshop = statement.workshop
    response = consultant_client.post(
        f"/workshops/{workshop.pk}/reveal/", {"statement": value, "reveal": "1"}
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.results_revealed


def test_the_facilitator_sees_the_ballot_limit(consultant_client, workshop, settings):
    settings.WORKSHOP_DEFAULT_BALLOT_LIMIT = 40
    html = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "40 stembiljetten" in html and "standaard" in html
    Workshop.objects.filter(pk=workshop.pk).update(expected_participants=16)
    html = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "32 stembiljetten" in html and "standaard" not in html
