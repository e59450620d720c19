"""Shared fixtures: one user (and logged-in client) per role, and the browser set-up."""

import os

import pytest
from django.test import Client

from atlasplan.roles import Role
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a fresh folder per test, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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
