import pytest

from tests.workshops.factories import StatementFactory, WorkshopFactory
from workshops.models import Workshop


@pytest.fixture
def workshop(db):
    return WorkshopFactory(title="Stellingen beeldvorming")


@pytest.fixture
def statement(workshop):
    return StatementFactory(workshop=workshop, text="Antwerpen is een stad van iedereen.")


@pytest.fixture
def preparing(db):
    return WorkshopFactory(title="Geheime voorbereiding", state=Workshop.State.PREPARING)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The role fixtures hash a password each; a fast hasher keeps these tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
