"""Shared fixtures: one user (and logged-in client) per role, the demo case loaded once per
module, and the browser set-up."""

import os
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from atlasplan.roles import Role
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and the joined-phone counts live in the cache (per process under xdist, where
    ids repeat from test to test); every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's language (Dutch): a request or command in English
    earlier in the same worker leaves its language active in the thread otherwise."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def media_root(request, settings, tmp_path):
    """Uploaded files go to a fresh folder per test, never into the project's media/; with the
    demo case loaded, to the folder where the demo stored its documents."""
    if "demo" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("demo_media")
    else:
        settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- The demo case, loaded once per module that asks for ``demo`` or ``demo_db`` ----------


def load_demo(*args: str) -> str:
    """``manage.py load_demo`` with ``args``; what it printed."""
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def demo(request, django_db_setup, django_db_blocker, demo_media) -> str:
    """The demo loaded once for this module (with its ``PASSWORD``), inside a transaction
    rolled back when the module ends; what the command printed."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            output = load_demo("--password", request.module.PASSWORD)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield output
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(demo, db) -> str:
    """The loaded demo, in a savepoint of its own for this test."""
    return demo


@pytest.fixture
def consultant(db):
    return UserFactory(username="consultant", role=Role.CONSULTANT)


@pytest.fixture
def atlas_member(db):
    return UserFactory(username="atlas", role=Role.ATLAS)


@pytest.fixture
def reader(db):
    return UserFactory(username="lezer", role=Role.READER)


@pytest.fixture
def administrator(db):
    return UserFactory(username="beheerder", role=Role.ADMINISTRATOR)


@pytest.fixture
def users(consultant, atlas_member, reader, administrator) -> dict[Role, object]:
    return {
        Role.CONSULTANT: consultant,
        Role.ATLAS: atlas_member,
        Role.READER: reader,
        Role.ADMINISTRATOR: administrator,
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def consultant_client(consultant) -> Client:
    return client_for(consultant)


@pytest.fixture
def atlas_client(atlas_member) -> Client:
    return client_for(atlas_member)


@pytest.fixture
def reader_client(reader) -> Client:
    return client_for(reader)


@pytest.fixture
def admin_client_(administrator) -> Client:
    return client_for(administrator)


# --- Browser tests (Playwright driving the machine's Chromium) -----------------------------

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from
# the test (fixtures) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if not os.path.exists(path):
        message = f"Chromium not found at {path} (set CHROMIUM_PATH or apt-get install chromium)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)  # CI must not pass with browser tests silently skipped
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture
def login(page, live_server):
    """Log a user in through the real login form; returns a function taking the user."""

    def do_login(user, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_url(f"{live_server.url}/")

    return do_login


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time_on_sqlite():
    """The live server shares the test's in-memory SQLite connection with its threads, and two
    requests at once on one SQLite connection fail ("bad parameter or other API misuse") when
    a page fires several htmx requests together. On SQLite it serves one request at a time
    (Django then closes each connection, so nothing waits on a kept-alive one); PostgreSQL
    keeps the threaded server."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    class OneAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    if connection.vendor == "sqlite":
        LiveServerThread.server_class = OneAtATime
    yield
