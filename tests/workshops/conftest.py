import pytest

from tests.workshops.factories import StatementFactory, WorkshopFactory
from workshops.models import Workshop


@pytest.fixture
def workshop(db, consultant):
    return WorkshopFactory(title="Stellingen beeldvorming", facilitator=consultant)


@pytest.fixture
def statement(workshop):
    return StatementFactory(workshop=workshop, text="Antwerpen is een stad van iedereen.")


@pytest.fixture
def preparing(db, consultant):
    return WorkshopFactory(
        title="Geheime voorbereiding", state=Workshop.State.PREPARING, facilitator=consultant
    )
