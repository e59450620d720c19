"""Roles are managed by the administrator, never self-assigned, and every change is kept."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from atlasplan.models import RoleChange
from atlasplan.roles import GROUP_NAMES, Role, roles_of
from tests.conftest import client_for
from tests.factories import UserFactory


def group(role: Role) -> Group:
    # A transactional (browser) test run earlier on the same worker flushes the groups that
    # the migration created; the role's group is what matters here, not who made it.
    return Group.objects.get_or_create(name=GROUP_NAMES[role])[0]


def change_form_data(user, groups: list[Group]) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
        "groups": [g.pk for g in groups],
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
    }


def fresh(user):
    return type(user).objects.get(pk=user.pk)


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.ATLAS, Role.READER])
def test_the_administrator_cannot_give_themselves_a_research_role(
    admin_client_, administrator, role
):
    url = f"/admin/auth/user/{administrator.pk}/change/"
    response = admin_client_.post(url, change_form_data(administrator, [group(role)]))
    assert response.status_code == 200
    assert "Niemand kent zichzelf een onderzoeksrol toe" in response.content.decode()
    assert role not in roles_of(fresh(administrator))
    assert admin_client_.get("/interviews/").status_code == 403


def test_no_other_path_lets_a_user_give_themselves_a_research_role(administrator):
    request = RequestFactory().post("/")
    request.user = administrator
    HistoricalRecords.context.request = request  # as during any request (history middleware)
    try:
        consultants, atlas = group(Role.CONSULTANT), group(Role.ATLAS)
        with pytest.raises(PermissionDenied), transaction.atomic():
            administrator.groups.add(consultants)
        with pytest.raises(PermissionDenied), transaction.atomic():
            atlas.user_set.add(administrator)
    finally:
        del HistoricalRecords.context.request
    assert roles_of(fresh(administrator)) == {Role.ADMINISTRATOR}
    assert not RoleChange.objects.exclude(role=Role.ADMINISTRATOR).exists()


def test_giving_and_taking_a_role_is_recorded_and_shown(admin_client_, administrator):
    colleague = UserFactory(username="an.peeters")
    url = f"/admin/auth/user/{colleague.pk}/change/"
    response = admin_client_.post(url, change_form_data(colleague, [group(Role.CONSULTANT)]))
    assert response.status_code == 302
    assert Role.CONSULTANT in roles_of(fresh(colleague))
    admin_client_.post(url, change_form_data(colleague, [group(Role.READER)]))
    changes = list(RoleChange.objects.filter(user=colleague).order_by("pk"))
    assert [(c.user, c.role, c.action, c.changed_by) for c in changes] == [
        (colleague, Role.CONSULTANT, RoleChange.Action.ADDED, administrator),
        (colleague, Role.CONSULTANT, RoleChange.Action.REMOVED, administrator),
        (colleague, Role.READER, RoleChange.Action.ADDED, administrator),
    ]
    assert all(c.changed_at for c in changes)
    log = admin_client_.get("/admin/atlasplan/rolechange/").content.decode()
    assert "an.peeters" in log
    assert "Lezer" in log and "Consultant" in log
    assert "ingetrokken" in log and "toegekend" in log


def test_the_administrator_role_itself_is_recorded(admin_client_, administrator):
    colleague = UserFactory(username="an.peeters")
    colleague.is_staff = True
    data = change_form_data(colleague, [])
    admin_client_.post(f"/admin/auth/user/{colleague.pk}/change/", data)
    change = RoleChange.objects.get(user=colleague)
    assert (change.user, change.role, change.action) == (
        colleague,
        Role.ADMINISTRATOR,
        RoleChange.Action.ADDED,
    )
    assert change.changed_by == administrator


def test_the_role_log_cannot_be_edited(admin_client_):
    colleague = UserFactory(username="an.peeters", role=Role.READER)
    change = RoleChange.objects.get(user=colleague)
    assert admin_client_.get("/admin/atlasplan/rolechange/add/").status_code == 403
    page = admin_client_.get(f"/admin/atlasplan/rolechange/{change.pk}/change/")
    assert page.status_code == 200
    assert 'name="role"' not in page.content.decode()  # read only
    response = admin_client_.post(
        f"/admin/atlasplan/rolechange/{change.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert RoleChange.objects.filter(pk=change.pk).exists()


def test_other_users_do_not_see_the_role_log(consultant):
    client = client_for(consultant)
    response = client.get("/admin/atlasplan/rolechange/", follow=True)
    assert response.status_code == 403  # not staff
