"""Sessions end when they should: logout, deactivation, idle timeout, absolute lifetime.

The clock is moved with time-machine (no sleeping): Django's session expiry, the cache's
timeouts and the absolute lifetime all read it.
"""

import datetime

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.test import Client

from atlasplan.models import UserSession
from atlasplan.sessions import session_store
from tests.conftest import PASSWORD

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
CACHE_ENGINE = "django.contrib.sessions.backends.cache"


def signed_in(username: str) -> Client:
    """A browser that logged in through the login page."""
    client = Client()
    response = client.post("/accounts/login/", {"login": username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    return client


def session_key(client: Client) -> str:
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def is_signed_in(client: Client) -> bool:
    response = client.get("/")
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
        return False
    assert response.status_code == 200
    return True


def test_logout_ends_the_session_on_the_server(consultant):
    client = signed_in("consultant")
    key = session_key(client)
    assert session_store().exists(key)
    client.post("/accounts/logout/")
    assert not session_store().exists(key)
    assert not UserSession.objects.filter(session_key=key).exists()
    stolen = Client()  # someone who copied the old cookie gets nothing
    stolen.cookies[django_settings.SESSION_COOKIE_NAME] = key
    assert not is_signed_in(stolen)


@pytest.mark.parametrize("engine", ["django.contrib.sessions.backends.db", CACHE_ENGINE])
def test_deactivating_a_user_ends_every_session(settings, consultant, reader, engine):
    settings.SESSION_ENGINE = engine
    laptop, phone, colleague = signed_in("consultant"), signed_in("consultant"), signed_in("lezer")
    keys = [session_key(laptop), session_key(phone)]
    assert is_signed_in(laptop) and is_signed_in(phone)

    consultant.is_active = False
    consultant.save()

    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert not any(session_store(key).exists(key) for key in keys)
    assert is_signed_in(colleague)  # other users keep theirs
    consultant.is_active = True  # reactivated: the old sessions stay ended
    consultant.save()
    assert not is_signed_in(laptop)


def test_deactivating_in_the_admin_ends_the_sessions(administrator, consultant):
    browser = signed_in("consultant")
    admin = Client()
    admin.force_login(administrator)
    page = admin.get(f"/admin/auth/user/{consultant.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "groups": [g.pk for g in consultant.groups.all()],
            "is_active": "",
            "date_joined_0": consultant.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": consultant.date_joined.strftime("%H:%M:%S"),
            "last_login_0": "",
            "last_login_1": "",
        }
    )
    data = {k: v for k, v in data.items() if k not in {"is_active", "user_permissions"} or v}
    response = admin.post(f"/admin/auth/user/{consultant.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not User.objects.get(pk=consultant.pk).is_active
    assert not is_signed_in(browser)


@pytest.mark.parametrize("engine", ["django.contrib.sessions.backends.db", CACHE_ENGINE])
def test_an_idle_session_ends_and_a_busy_one_goes_on(settings, consultant, engine):
    settings.SESSION_ENGINE = engine
    idle = settings.SESSION_COOKIE_AGE
    with time_machine.travel(START, tick=False) as clock:
        busy, quiet = signed_in("consultant"), signed_in("consultant")
        for _ in range(3):  # three idle periods in all, with a request in each
            clock.shift(idle - 60)
            assert is_signed_in(busy)
        assert not is_signed_in(quiet)
        clock.shift(idle + 60)
        assert not is_signed_in(busy)


def test_a_session_ends_after_its_absolute_lifetime_however_busy(settings, consultant):
    settings.SESSION_ABSOLUTE_SECONDS = 4 * 3600
    with time_machine.travel(START, tick=False) as clock:
        client = signed_in("consultant")
        for _ in range(7):  # a request every half hour for three and a half hours
            clock.shift(1800)
            assert is_signed_in(client)
        clock.shift(1800 + 60)
        response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "Uw sessie is verlopen" in response.content.decode()
    # a fresh login starts a fresh lifetime
    assert is_signed_in(signed_in("consultant"))


def test_session_lifetimes_are_set():
    assert django_settings.SESSION_SAVE_EVERY_REQUEST
    assert 0 < django_settings.SESSION_COOKIE_AGE <= 60 * 60
    assert django_settings.SESSION_COOKIE_AGE < django_settings.SESSION_ABSOLUTE_SECONDS
    assert django_settings.SESSION_ABSOLUTE_SECONDS <= 12 * 60 * 60
