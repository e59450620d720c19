import pytest

from tests.stakeholders.factories import (
    AssessmentFactory,
    ContactFactory,
    InteractionFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded import files go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def organisation(db):
    organisation = OrganisationFactory(name="Vzw De Brug", description="Zelforganisatie")
    AssessmentFactory(organisation=organisation, influence=4, interest=5)
    return organisation


@pytest.fixture
def contact(organisation):
    return ContactFactory(
        organisation=organisation, name="Fatima Benali", email="fatima.benali@example.org"
    )


@pytest.fixture
def interaction(organisation):
    return InteractionFactory(organisation=organisation, summary="Eerste gesprek")


@pytest.fixture
def entry(organisation, contact):
    return ShortlistEntryFactory(organisation=organisation, contact=contact)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The role fixtures hash a password each; a fast hasher keeps these tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
