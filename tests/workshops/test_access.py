"""Every staff view per role: allowed 200, hidden 404, forbidden 403, wrong method 405."""

import pytest

from atlasplan.roles import Role
from tests.conftest import client_for
from tests.workshops.factories import StatementFactory
from workshops.models import Workshop

# Pages that read: consultants and the Atlas team.
READ = [
    "/workshops/",
    "/workshops/{w}/",
    "/workshops/{w}/history/",
    "/workshops/{w}/qr.svg",
    "/workshops/{w}/results/",
    "/workshops/{w}/export/results.csv",
    "/workshops/{w}/export/votes.xlsx",
    "/workshops/statements/{s}/history/",
]
# Pages that prepare: consultants only.
CHANGE = [
    "/workshops/new/",
    "/workshops/{w}/edit/",
    "/workshops/{w}/delete/",
    "/workshops/{w}/statements/new/",
    "/workshops/{w}/statements/paste/",
    "/workshops/statements/{s}/edit/",
    "/workshops/statements/{s}/delete/",
]
# Pages that run the workshop: consultants and the facilitator.
RUN = [
    "/workshops/{w}/present/",
    "/workshops/{w}/present/live/",
    "/workshops/{w}/present/control/",
    "/workshops/statements/{s}/outcome/",
    "/workshops/statements/{s}/counts/",
]
RUN_POST = ["/workshops/{w}/state/", "/workshops/{w}/reveal/", "/workshops/{w}/present/go/"]
OBJECT_URLS = [u for u in READ + CHANGE + RUN + RUN_POST if "{" in u]


def url(template: str, statement) -> str:
    return template.format(w=statement.workshop_id, s=statement.pk)


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CONSULTANT, 200), (Role.ATLAS, 200), (Role.READER, 403), (Role.ADMINISTRATOR, 403)],
)
def test_reading_per_role(users, statement, role, status):
    client = client_for(users[role])
    for template in READ:
        assert client.get(url(template, statement)).status_code == status, template


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CONSULTANT, 200), (Role.ATLAS, 403), (Role.READER, 403), (Role.ADMINISTRATOR, 403)],
)
def test_preparing_and_running_per_role(users, statement, role, status):
    client = client_for(users[role])
    for template in CHANGE + RUN:
        assert client.get(url(template, statement)).status_code == status, template


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CONSULTANT, 302), (Role.ATLAS, 403), (Role.READER, 403), (Role.ADMINISTRATOR, 403)],
)
def test_running_posts_per_role(users, statement, role, status):
    client = client_for(users[role])
    for template in RUN_POST:
        response = client.post(
            url(template, statement), {"state": "closed", "confirm": "1", "reveal": "1"}
        )
        assert response.status_code == status, template


def test_an_atlas_member_who_facilitates_may_run_the_workshop(atlas_member, statement):
    Workshop.objects.filter(pk=statement.workshop_id).update(facilitator=atlas_member)
    client = client_for(atlas_member)
    for template in RUN:
        assert client.get(url(template, statement)).status_code == 200, template
    for template in RUN_POST:
        response = client.post(url(template, statement), {"state": "closed", "confirm": "1"})
        assert response.status_code == 302, template


def test_a_facilitating_atlas_member_still_does_not_prepare(atlas_member, statement):
    Workshop.objects.filter(pk=statement.workshop_id).update(facilitator=atlas_member)
    client = client_for(atlas_member)
    for template in CHANGE[1:]:
        assert client.get(url(template, statement)).status_code == 403, template


def test_the_atlas_team_reads_a_workshop_in_preparation_but_does_not_prepare_it(
    atlas_member, preparing
):
    statement = StatementFactory(workshop=preparing)
    client = client_for(atlas_member)
    assert "Geheime voorbereiding" in client.get("/workshops/").content.decode()
    assert client.get(f"/workshops/{preparing.pk}/").status_code == 200
    for template in CHANGE[1:]:
        assert client.get(url(template, statement)).status_code == 403, template


def test_the_consultant_sees_workshops_in_preparation(consultant_client, preparing):
    assert "Geheime voorbereiding" in consultant_client.get("/workshops/").content.decode()
    assert consultant_client.get(f"/workshops/{preparing.pk}/").status_code == 200


def test_unknown_objects_are_404(consultant_client):
    for template in OBJECT_URLS:
        send = consultant_client.post if template in RUN_POST else consultant_client.get
        assert send(template.format(w=99999, s=99999)).status_code == 404, template


def test_unknown_export_is_404(consultant_client, workshop):
    assert consultant_client.get(f"/workshops/{workshop.pk}/export/votes.pdf").status_code == 404
    assert consultant_client.get(f"/workshops/{workshop.pk}/export/all.csv").status_code == 404


def test_wrong_methods_are_405(consultant_client, statement):
    for template in READ:
        assert consultant_client.post(url(template, statement)).status_code == 405, template
    for template in CHANGE + RUN:
        assert consultant_client.put(url(template, statement)).status_code == 405, template
        assert consultant_client.delete(url(template, statement)).status_code == 405, template
    for template in RUN_POST:
        assert consultant_client.get(url(template, statement)).status_code == 405, template
