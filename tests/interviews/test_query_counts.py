"""Pages of step 3 cost the same number of queries with ten more rows (no query per row)."""

import itertools

import pytest

from atlasplan.models import Theme
from interviews.models import ConsentScope, NoteAnswer, PositionSummary
from tests.helpers import assert_same_count
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    GuideFactory,
    GuideQuestionFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.stakeholders.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def coded_interview(theme, interviewers=(), scope=ConsentScope.NAMED, organisation=None):
    interview = InterviewFactory(
        organisation=organisation or OrganisationFactory(), interviewers=list(interviewers)
    )
    ConsentFactory(interview=interview, scope=scope)
    transcript = TranscriptFactory(interview=interview)
    ExcerptFactory(transcript=transcript, themes=[theme])
    return interview


@pytest.fixture
def other_theme(db):
    return Theme.objects.create(name="Taal", colour="#2a9d8f")


def test_interview_page_answers_and_quotes(
    consultant_client, theme, other_theme, django_assert_num_queries
):
    guide = GuideFactory()
    interview = coded_interview(theme)
    interview.guide = guide
    interview.save()

    def add_rows(n):
        for _i in range(n):
            question = GuideQuestionFactory(guide=guide, text="Vraag naar het onthaal?")
            NoteAnswer.objects.create(interview=interview, question=question, text="Notitie")
            ExcerptFactory(transcript=interview.transcript, themes=[theme, other_theme])

    add_rows(1)
    assert_same_count(
        consultant_client,
        f"/interviews/{interview.pk}/",
        add_rows,
        django_assert_num_queries,
        marker="Vraag naar het onthaal?",
    )


def test_guide_list(consultant_client, django_assert_num_queries):
    def add_rows(n):
        for _i in range(n):
            guide = GuideFactory()
            GuideQuestionFactory.create_batch(2, guide=guide)

    add_rows(2)
    assert_same_count(
        consultant_client,
        "/interviews/guides/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="guide-row"',
    )


def test_codebook_report(atlas_client, atlas_member, theme, django_assert_num_queries):
    def add_rows(n):
        for _i in range(n):
            child = Theme.objects.create(
                name=f"Subthema {next(numbers)}", colour="#264653", parent=theme
            )
            coded_interview(child, interviewers=[atlas_member], scope=ConsentScope.ANONYMOUS)

    add_rows(1)
    assert_same_count(
        atlas_client,
        "/interviews/codebook/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="codebook-row"',
    )


@pytest.mark.parametrize("role", ["consultant", "atlas"])
def test_search(
    role, consultant_client, atlas_client, atlas_member, theme, django_assert_num_queries
):
    client = consultant_client if role == "consultant" else atlas_client

    def add_rows(n):
        for i in range(n):
            scope = ConsentScope.ANONYMOUS if i % 2 else ConsentScope.NAMED
            interview = coded_interview(theme, interviewers=[atlas_member], scope=scope)
            NoteAnswer.objects.create(interview=interview, text="Over de verhalen in de stad.")
            coded_interview(theme, scope=scope)  # not an interviewer: quotes only

    add_rows(2)  # named and anonymised quotes from the start: the count covers both branches
    assert_same_count(
        client,
        "/interviews/search/",
        add_rows,
        django_assert_num_queries,
        params={"q": "verhalen"},
        marker="<mark>verhalen</mark>",
        per_row=3 if role == "consultant" else 2,  # transcripts and notes one may read
    )


def test_organisation_positions(consultant_client, theme, other_theme, django_assert_num_queries):
    organisation = OrganisationFactory(name="Vzw De Brug")
    coded_interview(theme, organisation=organisation)

    def add_rows(n):
        for _i in range(n):
            own = Theme.objects.create(name=f"Thema {next(numbers):03d}", colour="#e9c46a")
            interview = coded_interview(own, organisation=organisation)
            ExcerptFactory(transcript=interview.transcript, themes=[own, other_theme])
            PositionSummary.objects.create(organisation=organisation, theme=own, text="Standpunt")

    add_rows(1)
    assert_same_count(
        consultant_client,
        f"/interviews/positions/org-{organisation.pk}/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="position-summary"',
    )
