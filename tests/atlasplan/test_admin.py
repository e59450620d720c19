"""The Django admin is the administrator's tool for users and roles, not a way into the research."""

import pytest

from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import ContactFactory
from tests.workshops.factories import WorkshopFactory

RESEARCH_ADMIN_URLS = [
    "/admin/stakeholders/contact/",
    "/admin/stakeholders/organisation/",
    "/admin/policies/policydocument/",
    "/admin/workshops/workshop/",
    "/admin/workshops/vote/",
]


@pytest.mark.parametrize("url", RESEARCH_ADMIN_URLS)
def test_the_administrator_cannot_read_research_in_the_admin(admin_client_, url):
    ContactFactory(email="fatima.benali@example.org")
    PolicyDocumentFactory(title="Geheime nota")
    WorkshopFactory(title="Geheime workshop")
    response = admin_client_.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "fatima.benali@example.org" not in html
    assert "Geheime" not in html


def test_the_administrator_still_manages_users_and_roles(admin_client_):
    assert admin_client_.get("/admin/auth/user/").status_code == 200
    assert admin_client_.get("/admin/auth/group/").status_code == 200
    index = admin_client_.get("/admin/").content.decode()
    assert "/admin/auth/user/" in index
    assert "/admin/stakeholders/contact/" not in index


def test_a_contact_in_the_admin_is_not_reachable_by_its_id(admin_client_):
    contact = ContactFactory(email="fatima.benali@example.org")
    response = admin_client_.get(f"/admin/stakeholders/contact/{contact.pk}/change/")
    assert response.status_code in {302, 403, 404}
    assert b"fatima.benali@example.org" not in response.content


def test_a_consultant_who_is_staff_still_reaches_research_in_the_admin(consultant):
    from tests.conftest import client_for

    consultant.is_staff = consultant.is_superuser = True
    consultant.save()
    ContactFactory(email="fatima.benali@example.org")
    response = client_for(consultant).get("/admin/stakeholders/contact/")
    assert response.status_code == 200
    assert "fatima.benali@example.org" in response.content.decode()
