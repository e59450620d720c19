import pytest

from atlasplan.models import Theme
from interviews.models import ConsentScope
from stakeholders.models import Sector
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def theme(db):
    return Theme.objects.create(name="Beeldvorming", colour="#e76f51")


@pytest.fixture
def interviewer(db):
    from atlasplan.roles import Role
    from tests.factories import UserFactory

    return UserFactory(username="interviewer", role=Role.ATLAS)


def make_coded(scope, theme, name, interviewers=(), sector=Sector.CIVIL_SOCIETY, **consent):
    organisation = OrganisationFactory(name=name, sector=sector)
    interview = InterviewFactory(organisation=organisation, interviewers=list(interviewers))
    if scope is not None:
        ConsentFactory(interview=interview, scope=scope, **consent)
    transcript = TranscriptFactory(interview=interview)
    return ExcerptFactory(transcript=transcript, themes=[theme])


@pytest.fixture
def coded(theme, interviewer):
    """One coded excerpt per consent situation, keyed by the situation."""
    import datetime

    return {
        "named": make_coded(ConsentScope.NAMED, theme, "Vzw Benoemd", [interviewer]),
        "anonymous": make_coded(ConsentScope.ANONYMOUS, theme, "Vzw Anoniem"),
        "not_quotable": make_coded(ConsentScope.NOT_QUOTABLE, theme, "Vzw Zwijgzaam"),
        "withdrawn": make_coded(
            ConsentScope.NAMED,
            theme,
            "Vzw Ingetrokken",
            withdrawn_on=datetime.date.today(),
        ),
    }


@pytest.fixture(autouse=True)
def dutch():
    """Labels built outside a request (privacy, exports) use the active language."""
    from django.utils import translation

    with translation.override("nl"):
        yield
