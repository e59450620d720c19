"""The services of step 3 take model instances and plain values, no forms: the plan, the PDF,
management commands and background tasks call them as the views do."""

import pytest
from django.utils import timezone

from interviews.models import Anchor, Interview, Status
from interviews.services import create_excerpt, save_interview
from stakeholders.models import Decision, Progress
from tests.interviews.factories import ConsentFactory, TranscriptFactory
from tests.stakeholders.factories import (
    ContactFactory,
    OrganisationFactory,
    ShortlistEntryFactory,
)

pytestmark = pytest.mark.django_db


def test_save_interview_from_an_instance(consultant, atlas_member):
    organisation = OrganisationFactory()
    entry = ShortlistEntryFactory(
        organisation=organisation, decision=Decision.APPROVED, decided_at=timezone.now()
    )
    contact = ContactFactory(organisation=organisation)
    interview = Interview(organisation=organisation, held_at=timezone.now(), status=Status.HELD)
    saved = save_interview(
        interview, interviewers=[consultant, atlas_member], interviewees=[contact]
    )
    assert set(saved.interviewers.all()) == {consultant, atlas_member}
    assert list(saved.interviewees.all()) == [contact]
    entry.refresh_from_db()
    assert entry.progress == Progress.INTERVIEWED


def test_create_excerpt_from_values(consultant, theme):
    transcript = TranscriptFactory()
    ConsentFactory(interview=transcript.interview)
    start = transcript.text.index("verhalen")
    excerpt = create_excerpt(
        transcript.interview,
        transcript,
        consultant,
        start=start,
        end=start + len("verhalen"),
        themes=[theme],
        stance="critical",
        quotable=True,
    )
    assert (excerpt.text, excerpt.coder, excerpt.anchor) == ("verhalen", consultant, Anchor.OK)
    assert excerpt.quotable and list(excerpt.themes.all()) == [theme]
