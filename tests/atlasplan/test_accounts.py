"""Accounts through django-allauth: login by user name, no self-registration, reset by e-mail."""

import re

from django.core import mail

from tests.conftest import PASSWORD


def test_login_by_user_name_leads_to_the_dashboard(client, consultant):
    response = client.post(
        "/accounts/login/", {"login": "consultant", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert "Van onderzoek naar een gedragen plan" in response.content.decode()


def test_wrong_password_gives_a_clear_message(client, consultant):
    response = client.post("/accounts/login/", {"login": "consultant", "password": "nope"})
    assert response.status_code == 200
    assert "incorrect" in response.content.decode()


def test_nobody_can_sign_up(client, db):
    response = client.get("/accounts/signup/")
    html = response.content.decode()
    assert "Registratie gesloten" in html
    assert 'name="password1"' not in html  # no sign-up form is offered
    client.post(
        "/accounts/signup/",
        {
            "username": "nieuw",
            "email": "n@example.org",
            "password1": "x" * 12,
            "password2": "x" * 12,
        },
    )
    from django.contrib.auth.models import User

    assert not User.objects.filter(username="nieuw").exists()


def test_password_reset_sends_a_working_link(client, consultant):
    client.post("/accounts/password/reset/", {"email": consultant.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(1), follow=True)
    new_password = "een nieuw lang wachtwoord 42"
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    consultant.refresh_from_db()
    assert consultant.check_password(new_password)


def test_password_change_requires_the_old_password(consultant_client, consultant):
    response = consultant_client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "wrong",
            "password1": "nieuw wachtwoord 123",
            "password2": "nieuw wachtwoord 123",
        },
    )
    assert response.status_code == 200
    consultant.refresh_from_db()
    assert consultant.check_password(PASSWORD)


def test_logout_needs_a_post(consultant_client):
    consultant_client.get("/accounts/logout/")
    assert consultant_client.get("/").status_code == 200  # a GET does not log out
    consultant_client.post("/accounts/logout/")
    assert consultant_client.get("/").status_code == 302


def test_the_admin_login_is_the_accounts_login(client, db):
    response = client.get("/admin/login/?next=/admin/auth/user/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fauth%2Fuser%2F"
    page = client.get("/admin/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/accounts/login/")
    assert 'name="login"' in page.content.decode()


def test_after_five_failures_the_admin_login_does_not_let_the_password_in(client, administrator):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "beheerder", "password": "fout"})
    locked = client.post("/accounts/login/", {"login": "beheerder", "password": PASSWORD})
    assert "/admin/" not in locked.get("Location", "")
    client.post("/admin/login/", {"username": "beheerder", "password": PASSWORD})
    assert client.get("/admin/auth/user/").status_code == 302  # still not signed in
    assert "_auth_user_id" not in client.session


def test_a_signed_in_user_without_admin_rights_is_refused_the_admin(consultant_client):
    response = consultant_client.get("/admin/", follow=True)
    assert response.status_code == 403
