import pytest
from django.utils import translation

from atlasplan.roles import Role
from atlasplan.steps import all_steps
from tests.conftest import client_for

STEP_TITLES = [
    "Deskresearch",
    "Stakeholders",
    "Interviews",
    "Workshop",
    "Visie",
    "Aftoetsing",
    "Communicatieplan",
]


def test_the_registry_holds_the_methods_seven_steps_in_order():
    with translation.override("nl"):
        assert [str(step.title) for step in all_steps()] == STEP_TITLES
    assert [step.number for step in all_steps()] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_the_seven_steps_on_the_dashboard(users, role):
    response = client_for(users[role]).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f"{title}\n") for title in STEP_TITLES]
    assert positions == sorted(positions), "steps are shown in the method's order"
    assert html.count('data-testid="step-card"') == 7
    assert str(role.label) in html  # the header says which role the user has


def test_only_the_administrator_gets_the_admin_link(users):
    for role, user in users.items():
        html = client_for(user).get("/").content.decode()
        assert ('href="/admin/"' in html) == (role == Role.ADMINISTRATOR), role


def test_dashboard_refuses_post(consultant_client):
    assert consultant_client.post("/").status_code == 405
