"""The Django admin is the administrator's tool for users and roles, not a way into the research.

The tests walk ``admin.site._registry``: a model registered later is research (consultants
only) unless it is named below as user management, so a new ModelAdmin without the guard fails.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from atlasplan.models import Theme
from tests.conftest import client_for
from tests.factories import ThemeFactory
from tests.policies.factories import PolicyDocumentFactory
from tests.stakeholders.factories import ContactFactory
from tests.workshops.factories import WorkshopFactory

# What the administrator manages: model label -> may they change it (False: read only).
USER_MANAGEMENT = {
    "auth.user": True,
    "auth.group": True,
    "account.emailaddress": True,
    "atlasplan.rolechange": False,
    "atlasplan.auditevent": False,
}

REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)
RESEARCH = [label for label in REGISTERED if label not in USER_MANAGEMENT]


def admin_url(label: str, action: str) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{action}")


@pytest.fixture
def staff_consultant(consultant):
    consultant.is_staff = consultant.is_superuser = True
    consultant.save()
    return consultant


def test_the_walk_covers_the_research_models():
    assert {"atlasplan.theme", "stakeholders.contact", "workshops.vote"} <= set(RESEARCH)
    assert set(USER_MANAGEMENT) <= set(REGISTERED)


@pytest.mark.parametrize("label", RESEARCH)
def test_the_administrator_cannot_reach_a_research_model(admin_client_, label):
    ContactFactory(email="fatima.benali@example.org")
    PolicyDocumentFactory(title="Geheime nota")
    WorkshopFactory(title="Geheime workshop")
    ThemeFactory(name="Geheim thema")
    for action in ["changelist", "add"]:
        response = admin_client_.get(admin_url(label, action))
        assert response.status_code == 403, (label, action)
        html = response.content.decode()
        assert "fatima.benali@example.org" not in html
        assert "Geheim" not in html
    index = admin_client_.get("/admin/").content.decode()
    assert admin_url(label, "changelist") not in index


@pytest.mark.parametrize("label", RESEARCH)
def test_a_consultant_who_is_staff_reaches_a_research_model(staff_consultant, label):
    response = client_for(staff_consultant).get(admin_url(label, "changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize(("label", "may_change"), USER_MANAGEMENT.items())
def test_the_administrator_manages_users_and_roles(admin_client_, label, may_change):
    assert admin_client_.get(admin_url(label, "changelist")).status_code == 200
    assert admin_client_.get(admin_url(label, "add")).status_code == (200 if may_change else 403)
    assert admin_url(label, "changelist") in admin_client_.get("/admin/").content.decode()


def test_a_contact_in_the_admin_is_not_reachable_by_its_id(admin_client_):
    contact = ContactFactory(email="fatima.benali@example.org")
    response = admin_client_.get(f"/admin/stakeholders/contact/{contact.pk}/change/")
    assert response.status_code in {302, 403, 404}
    assert b"fatima.benali@example.org" not in response.content


def test_the_administrator_cannot_delete_a_theme_in_the_admin(admin_client_):
    theme = ThemeFactory(name="Beeldvorming")
    response = admin_client_.post(f"/admin/atlasplan/theme/{theme.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_a_theme_in_use_is_not_deleted_in_the_admin(staff_consultant):
    from tests.policies.factories import PassageFactory

    theme = ThemeFactory(name="Beeldvorming")
    passage = PassageFactory()
    passage.themes.add(theme)
    client = client_for(staff_consultant)
    response = client.post(f"/admin/atlasplan/theme/{theme.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    client.post(
        "/admin/atlasplan/theme/",
        {"action": "delete_selected", "_selected_action": [theme.pk], "post": "yes"},
    )
    assert list(passage.themes.all()) == [theme]  # the tag is still there
