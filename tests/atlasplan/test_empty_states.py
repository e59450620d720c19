"""An empty project (no demo) walks a first user through step 1: the dashboard welcomes and
points at the library, and each empty page says what it is for and what to do next, with
the action button only for the roles that may do it."""

import pytest

from atlasplan.roles import Role
from tests.conftest import client_for
from tests.policies.factories import PolicyDocumentFactory

EMPTY_STATE = 'data-testid="empty-state"'


def empty_state(html: str) -> str:
    start = html.index(EMPTY_STATE)
    return html[start : html.index("</section>", start)]


def test_a_consultant_is_welcomed_and_sent_to_step_one(consultant_client, db):
    block = empty_state(consultant_client.get("/").content.decode())
    assert "Welkom: het project is nog leeg" in block
    assert "stap 1, de deskresearch" in block
    assert 'class="btn btn-primary" href="/policies/new/"' in block
    assert "Voeg het eerste beleidsdocument toe" in block


def test_a_reader_is_welcomed_without_a_button(reader_client, db):
    block = empty_state(reader_client.get("/").content.decode())
    assert "Welkom: het project is nog leeg" in block
    assert "btn" not in block
    assert "de consultants beginnen met de deskresearch" in block


def test_the_welcome_goes_once_the_project_has_started(consultant_client, db):
    PolicyDocumentFactory()
    assert EMPTY_STATE not in consultant_client.get("/").content.decode()


@pytest.mark.parametrize(
    ("url", "title", "action", "may"),
    [
        (
            "/policies/",
            "De bibliotheek is nog leeg",
            'href="/policies/upload/"',
            {Role.CONSULTANT, Role.ATLAS},
        ),
        ("/themes/", "Het codeboek is nog leeg", 'href="/themes/new/"', {Role.CONSULTANT}),
        (
            "/stakeholders/",
            "Het register is nog leeg",
            'href="/stakeholders/new/"',
            {Role.CONSULTANT},
        ),
    ],
)
def test_each_empty_page_says_what_to_do_with_the_button_for_who_may(
    users, url, title, action, may
):
    for role in (Role.CONSULTANT, Role.ATLAS, Role.READER):
        response = client_for(users[role]).get(url)
        if response.status_code in (403, 404):  # not for this role at all (the register)
            assert role == Role.READER and url == "/stakeholders/"
            continue
        block = empty_state(response.content.decode())
        assert title in block, role
        assert (action in block and "btn btn-primary" in block) == (role in may), role
