"""The audit log: every kind of security event is written, with who, what, when and the
client's address, and nobody changes or deletes a row (not even a superuser)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client

from atlasplan.models import AuditEvent
from atlasplan.roles import GROUP_NAMES, Role
from tests.atlasplan.test_roles_admin import change_form_data
from tests.conftest import PASSWORD
from tests.factories import UserFactory
from tests.interviews.factories import ConsentFactory, TranscriptFactory
from tests.plan.factories import InviteeFactory
from tests.stakeholders.factories import OrganisationFactory

Kind = AuditEvent.Kind


def events(kind: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(kind=kind).order_by("pk"))


def login(client: Client, username: str, password: str = PASSWORD, ip: str = "10.1.2.3"):
    return client.post(
        "/accounts/login/", {"login": username, "password": password}, REMOTE_ADDR=ip
    )


# --- Accounts ---------------------------------------------------------------------------


def test_a_login_is_recorded_with_who_and_from_where(client, consultant):
    assert login(client, "consultant").status_code == 302
    [event] = events(Kind.LOGIN)
    assert (event.user, event.username, event.ip_address) == (consultant, "consultant", "10.1.2.3")
    assert event.at is not None


def test_a_failed_login_is_recorded_with_the_name_tried(client, consultant):
    assert login(client, "consultant", "wrong password").status_code == 200
    [event] = events(Kind.LOGIN_FAILED)
    assert (event.user, event.username, event.ip_address) == (None, "consultant", "10.1.2.3")
    assert "wrong password" not in f"{event.detail}{event.path}{event.target}"


def test_a_lockout_after_failed_logins_is_recorded(client, consultant):
    for _ in range(6):
        login(client, "consultant", "wrong password")
    response = login(client, "consultant")  # even the right password is refused now
    assert response.status_code == 200
    assert not events(Kind.LOGIN)
    lockouts = events(Kind.LOCKOUT)
    assert lockouts and lockouts[-1].username == "consultant"


def test_the_behind_proxy_address_is_the_one_the_proxy_added(settings, client, consultant):
    settings.BEHIND_TLS_PROXY = True
    client.post(
        "/accounts/login/",
        {"login": "consultant", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7",
    )
    assert events(Kind.LOGIN)[0].ip_address == "192.0.2.7"


def test_a_logout_is_recorded(consultant_client, consultant):
    consultant_client.post("/accounts/logout/")
    assert [e.user for e in events(Kind.LOGOUT)] == [consultant]


# --- Refused access and role changes ---------------------------------------------------


def test_refused_access_is_recorded(reader_client, reader):
    assert reader_client.get("/stakeholders/").status_code == 403
    [event] = events(Kind.ACCESS_DENIED)
    assert (event.user, event.path) == (reader, "/stakeholders/")


def test_role_changes_are_recorded(consultant, administrator):
    before = AuditEvent.objects.order_by("pk").last().pk
    consultant.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role.ATLAS])[0])
    for flag in ("is_staff", "is_superuser"):
        setattr(consultant, flag, True)
        consultant.save()
    consultant.is_active = False
    consultant.save()
    changes = AuditEvent.objects.filter(kind=Kind.ROLE_CHANGE, pk__gt=before).order_by("pk")
    assert [(e.target, e.detail) for e in changes] == [
        ("consultant", "atlas: added"),
        ("consultant", "administrator: added"),
        ("consultant", "is_superuser: on"),
        ("consultant", "is_active: off"),
    ]


def test_a_change_in_the_admin_names_the_administrator_and_the_address(
    admin_client_, administrator
):
    colleague = UserFactory(username="an.peeters")
    before = AuditEvent.objects.order_by("pk").last().pk
    data = change_form_data(
        colleague, [Group.objects.get_or_create(name=GROUP_NAMES[Role.READER])[0]]
    )
    data["is_active"] = ""
    response = admin_client_.post(
        f"/admin/auth/user/{colleague.pk}/change/", data, REMOTE_ADDR="10.9.8.7"
    )
    assert response.status_code == 302
    changes = AuditEvent.objects.filter(kind=Kind.ROLE_CHANGE, pk__gt=before).order_by("pk")
    assert {(e.user, e.ip_address, e.target, e.detail) for e in changes} == {
        (administrator, "10.9.8.7", "an.peeters", "is_active: off"),
        (administrator, "10.9.8.7", "an.peeters", "reader: added"),
    }


# --- Raw transcripts and notes ---------------------------------------------------------


@pytest.fixture
def interview(db):
    consent = ConsentFactory()
    TranscriptFactory(interview=consent.interview)
    return consent.interview


def test_opening_a_raw_transcript_is_recorded(consultant_client, consultant, interview):
    assert consultant_client.get(f"/interviews/{interview.pk}/transcript/").status_code == 200
    assert consultant_client.get(f"/interviews/{interview.pk}/notes/").status_code == 200
    opened = events(Kind.RAW_OPENED)
    assert [(e.user, e.target) for e in opened] == [(consultant, f"interview {interview.pk}")] * 2
    assert opened[0].path == f"/interviews/{interview.pk}/transcript/"


def test_a_refused_raw_transcript_is_not_an_opening(atlas_client, interview):
    assert atlas_client.get(f"/interviews/{interview.pk}/transcript/").status_code == 404
    assert events(Kind.RAW_OPENED) == []


# --- Exports of personal data ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/interviews/quotes/export.csv", "quote bank (csv)"),
        ("/interviews/export.qdpx", "project (qdpx)"),
        ("/stakeholders/export/contacts.csv", "stakeholders: contacts (csv)"),
        ("/stakeholders/export/organisations.xlsx", "stakeholders: organisations (xlsx)"),
    ],
)
def test_every_export_of_personal_data_is_recorded(consultant_client, consultant, url, target):
    OrganisationFactory()
    response = consultant_client.get(url)
    assert response.status_code == 200
    [event] = events(Kind.EXPORT)
    assert (event.user, event.target, event.path) == (consultant, target, url)


def test_a_validation_export_is_recorded(consultant_client, consultant):
    invitee = InviteeFactory()
    url = f"/plan/validation/{invitee.round.pk}/export.csv"
    assert consultant_client.get(url).status_code == 200
    [event] = events(Kind.EXPORT)
    assert event.target == f"validation round {invitee.round.pk} (csv)"


def test_the_plan_pdf_is_recorded(reader_client, reader):
    response = reader_client.get("/plan/pdf/")
    assert response.status_code == 200
    [event] = events(Kind.EXPORT)
    assert (event.user, event.target) == (reader, "plan PDF")


def test_a_refused_export_is_no_export(reader_client):
    assert reader_client.get("/stakeholders/export/contacts.csv").status_code == 403
    assert events(Kind.EXPORT) == []


# --- Never editable --------------------------------------------------------------------


def test_an_event_cannot_be_changed_or_deleted(consultant_client):
    consultant_client.get("/stakeholders/export/organisations.csv")
    event = AuditEvent.objects.get(kind=Kind.EXPORT)
    event.target = "covered up"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).target == "stakeholders: organisations (csv)"


def test_administrators_read_the_log_in_the_admin_and_change_nothing(
    admin_client_, administrator, reader_client
):
    reader_client.get("/stakeholders/")  # one refused access to show
    event = AuditEvent.objects.get(kind=Kind.ACCESS_DENIED)
    listing = admin_client_.get("/admin/atlasplan/auditevent/")
    assert listing.status_code == 200
    assert "/stakeholders/" in listing.content.decode()
    detail = admin_client_.get(f"/admin/atlasplan/auditevent/{event.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()  # read only, even for a superuser
    assert admin_client_.get("/admin/atlasplan/auditevent/add/").status_code == 403
    delete = f"/admin/atlasplan/auditevent/{event.pk}/delete/"
    assert admin_client_.get(delete).status_code == 403
    admin_client_.post(delete, {"post": "yes"})
    admin_client_.post(f"/admin/atlasplan/auditevent/{event.pk}/change/", {"target": "x"})
    assert AuditEvent.objects.get(pk=event.pk).target == event.target


def test_only_administrators_open_the_log(consultant):
    consultant.is_staff = False
    client = Client()
    client.force_login(consultant)
    assert client.get("/admin/atlasplan/auditevent/").status_code in {302, 403}
