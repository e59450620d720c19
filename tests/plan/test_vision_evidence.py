"""Each ambition shows its evidence as the viewer may see it."""

import datetime

import pytest

from interviews.models import ConsentScope
from plan.models import VisionState
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.policies.factories import PassageFactory
from tests.stakeholders.factories import OrganisationFactory
from tests.workshops.factories import StatementFactory

pytestmark = pytest.mark.django_db


def coded(name: str, **consent):
    interview = InterviewFactory(organisation=OrganisationFactory(name=name))
    ConsentFactory(interview=interview, scope=ConsentScope.NAMED, **consent)
    return ExcerptFactory(transcript=TranscriptFactory(interview=interview))


@pytest.fixture
def version():
    version = VisionVersionFactory(state=VisionState.ADOPTED)
    withdrawn = coded("Vzw Ingetrokken", withdrawn_on=datetime.date.today())
    AmbitionFactory(
        version=version,
        excerpts=[coded("Vzw Benoemd"), withdrawn],
        statements=[StatementFactory(text="We benoemen verschillen", outcome="kept")],
        passages=[PassageFactory(quote="Een kernzin uit het beleid")],
    )
    return version


@pytest.mark.parametrize(
    "who, quotes, withdrawn_shown",
    [("consultant", 2, True), ("atlas_member", 1, False), ("reader", 1, False)],
)
def test_a_withdrawn_excerpt_disappears_for_the_atlas_team_and_readers(
    request, version, who, quotes, withdrawn_shown
):
    client = client_for(request.getfixturevalue(who))
    html = client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert html.count('data-testid="quote"') == quotes
    assert ("Vzw Ingetrokken" in html) is withdrawn_shown


def test_statements_show_their_outcome_and_passages_their_document(consultant_client, version):
    html = consultant_client.get(f"/plan/vision/{version.pk}/").content.decode()
    passage = version.ambitions.get().passages.get()
    assert "We benoemen verschillen" in html
    assert str(version.ambitions.get().statements.get().get_outcome_display()) in html
    assert "Een kernzin uit het beleid" in html and passage.document.title in html


def test_detail_query_count_is_constant(consultant_client, version, django_assert_num_queries):
    def add_rows(n):
        for i in range(n):
            AmbitionFactory(
                version=version,
                excerpts=[coded(f"Vzw {i}")],
                statements=[StatementFactory()],
                passages=[PassageFactory()],
            )

    assert_same_count(
        consultant_client,
        f"/plan/vision/{version.pk}/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="ambition"',
    )
