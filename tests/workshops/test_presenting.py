"""The presenter in the room: next and previous move the screen and the phones, R reveals,
the facilitator's panel holds the controls, and the projector shows no app chrome."""

import re

import pytest

from tests.helpers import queries_for
from tests.workshops.factories import StatementFactory, votes
from workshops.models import Workshop

HTMX = {"HX-Request": "true"}


@pytest.fixture
def three(workshop):
    return [
        StatementFactory(workshop=workshop, order=order, text=f"Stelling nummer {order}.")
        for order in (1, 2, 3)
    ]


def go(client, workshop, action, **headers):
    return client.post(f"/workshops/{workshop.pk}/present/go/", {"action": action}, headers=headers)


def shown(workshop) -> int | None:
    workshop.refresh_from_db()
    return workshop.presented_statement_id


def test_next_and_previous_walk_the_statements_from_the_join_screen(
    consultant_client, workshop, three
):
    assert shown(workshop) is None  # the join screen: QR code and code
    for expected in [three[0], three[1], three[2], three[2]]:  # stops at the last one
        assert go(consultant_client, workshop, "next", **HTMX).status_code == 204
        assert shown(workshop) == expected.pk
    for expected in [three[1], three[0], None, None]:  # back to the join screen, no further
        go(consultant_client, workshop, "prev", **HTMX)
        assert shown(workshop) == (expected.pk if expected else None)


def test_moving_on_hides_the_results_until_revealed_again(consultant_client, workshop, three):
    votes(three[0], {4: 2, 1: 1})
    go(consultant_client, workshop, "next")
    go(consultant_client, workshop, "reveal")
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert 'data-testid="present-bars"' in live
    assert "Stelling 1 van 3" in live and "3 stemmen" in live
    go(consultant_client, workshop, "next")
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert "Stelling nummer 2." in live and "Stelling nummer 1." not in live
    assert 'data-testid="present-bars"' not in live
    assert "De resultaten zijn verborgen" in live


def test_revealed_bars_carry_a_legend_and_the_numbers_as_text(consultant_client, workshop, three):
    votes(three[0], {5: 3, 2: 1})
    go(consultant_client, workshop, "next")
    go(consultant_client, workshop, "reveal")
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert live.count('data-testid="present-bar"') == 6  # five answers and the pass
    assert "Helemaal eens" in live and "Pas / weet niet" in live
    assert '<span class="present-number" data-testid="present-value">3</span>' in live
    assert "75%" in live and "25%" in live


def test_moving_on_moves_the_phones_that_follow(client, consultant_client, workshop, three):
    go(consultant_client, workshop, "next")
    go(consultant_client, workshop, "next")
    state = client.get(f"/v/{workshop.code}/state/").content.decode()
    assert f'data-current="{three[1].pk}"' in state and 'data-follow="1"' in state
    client.get(f"/v/{workshop.code}/")
    page = client.get(f"/v/{workshop.code}/?c=1").content.decode()
    assert f'data-start="{three[1].pk}"' in page
    go(consultant_client, workshop, "free")
    assert 'data-follow="0"' in client.get(f"/v/{workshop.code}/state/").content.decode()


def test_a_free_phone_starts_at_its_first_unanswered_statement(client, workshop, three):
    Workshop.objects.filter(pk=workshop.pk).update(follow_presenter=False)
    client.get(f"/v/{workshop.code}/")
    client.post(f"/v/{workshop.code}/s/{three[0].pk}/", {"value": 4})
    page = client.get(f"/v/{workshop.code}/").content.decode()
    assert f'data-start="{three[1].pk}"' in page
    assert "1 van 3" in page and "3 van 3" in page


def test_an_unknown_action_changes_nothing(consultant_client, workshop, three):
    response = go(consultant_client, workshop, "explode")
    assert response.status_code == 302
    assert response["Location"] == f"/workshops/{workshop.pk}/present/control/"
    workshop.refresh_from_db()
    assert (workshop.presented_statement_id, workshop.results_revealed) == (None, False)


def test_the_projector_shows_no_app_chrome(consultant_client, workshop, three):
    html = consultant_client.get(f"/workshops/{workshop.pk}/present/").content.decode()
    assert "breadcrumb" not in html and "<nav" not in html
    assert workshop.code in html and f"/workshops/{workshop.pk}/qr.svg" in html
    assert "js/present.js" in html


def test_the_facilitator_panel_holds_the_controls(consultant_client, workshop, three):
    go(consultant_client, workshop, "next")
    html = consultant_client.get(f"/workshops/{workshop.pk}/present/control/").content.decode()
    assert "Stelling 1 van 3" in html
    for action in ("prev", "next", "reveal", "free"):
        assert f'name="action" value="{action}"' in html
    assert f'href="/workshops/{workshop.pk}/present/"' in html
    panel = consultant_client.get(f"/workshops/{workshop.pk}/present/control/", headers=HTMX)
    assert 'id="panel"' in panel.content.decode() and "<html" not in panel.content.decode()


def test_presenter_poll_on_one_statement_does_not_grow_with_votes(
    consultant_client, workshop, three
):
    go(consultant_client, workshop, "next")
    url = f"/workshops/{workshop.pk}/present/live/"
    votes(three[0], {4: 1})
    few = queries_for(consultant_client, url, HX_Request="true")
    votes(three[0], {1: 5, 5: 5})
    StatementFactory.create_batch(10, workshop=workshop)
    assert queries_for(consultant_client, url, HX_Request="true") == few


def test_the_join_screen_counts_phones_that_opened_the_page(
    client, consultant_client, workshop, three
):
    from django.test import Client

    for phone in (client, Client(), Client()):
        phone.get(f"/v/{workshop.code}/")
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert "3 deelnemers" in live


def test_a_workshop_without_a_projector_lets_phones_browse_from_the_start(consultant_client):
    response = consultant_client.post(
        "/workshops/new/",
        {"title": "Zonder beamer", "date": "2026-12-03", "expected_participants": 8},
    )
    assert response.status_code == 302
    assert not Workshop.objects.get().follow_presenter  # the box was left unticked
    form = consultant_client.get("/workshops/new/").content.decode()
    [checkbox] = re.findall(r'<input[^>]*name="follow_presenter"[^>]*>', form)
    assert "checked" in checkbox  # following the presenter is the default
