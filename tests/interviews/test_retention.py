"""Past RAW_TEXT_RETENTION_DAYS the raw transcript and notes are gone (history included) and
the coded excerpts stay, anonymised; abandoned import files are cleared by the same command.
The clock is frozen by passing ``--now``."""

import datetime
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from interviews.models import Excerpt, NoteAnswer, Transcript, TranscriptVersion
from interviews.retention import REMOVED
from interviews.services import save_note, save_transcript
from tests.interviews.factories import TRANSCRIPT, ConsentFactory, InterviewFactory
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

NOW = "2030-06-01T12:00:00"
LONG_AGO = datetime.datetime(2029, 4, 1, 10, tzinfo=datetime.UTC)  # 426 days before NOW
RECENTLY = datetime.datetime(2030, 5, 25, 10, tzinfo=datetime.UTC)  # 7 days before NOW
PHRASE = "Amina El Idrissi: Verschillen benoemen"


def coded_interview(held_at, user, organisation_name: str):
    organisation = OrganisationFactory(name=organisation_name)
    interview = InterviewFactory(organisation=organisation, held_at=held_at)
    interview.interviewees.set([ContactFactory(organisation=organisation, name="Amina El Idrissi")])
    ConsentFactory(interview=interview)
    save_transcript(interview, TRANSCRIPT + "\nInterviewer: Dank u.", user)
    save_transcript(interview, TRANSCRIPT, user)
    save_note(interview, None, "Amina El Idrissi wil de verslagen ontvangen.")
    start = TRANSCRIPT.index(PHRASE)
    Excerpt.objects.create(
        interview=interview,
        transcript=interview.transcript,
        start=start,
        end=start + len(PHRASE),
        text=PHRASE,
        memo="Amina benoemt het scherp.",
    )
    return interview


def retention(*args: str) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def interviews(consultant, settings):
    settings.RAW_TEXT_RETENTION_DAYS = 365
    return (
        coded_interview(LONG_AGO, consultant, "Vzw Brugfiguren"),
        coded_interview(RECENTLY, consultant, "Vzw Nieuwe Buren"),
    )


def test_raw_text_past_retention_is_removed_and_excerpts_kept_anonymised(interviews):
    old, recent = interviews
    assert "raw text removed from 1 interviews" in retention("--now", NOW)

    assert Transcript.objects.get(interview=old).text == REMOVED
    assert not TranscriptVersion.objects.filter(transcript__interview=old).exists()
    assert NoteAnswer.objects.get(interview=old).text == ""
    assert set(NoteAnswer.history.filter(interview_id=old.pk).values_list("text", flat=True)) == {
        ""
    }
    excerpt = Excerpt.objects.get(interview=old)
    assert excerpt.text == "Verschillen benoemen"  # no speaker label, still the coded words
    assert excerpt.memo == "[naam] benoemt het scherp."
    for record in Excerpt.history.filter(interview_id=old.pk):
        assert "Amina" not in record.text + record.memo

    # The recent interview keeps everything.
    assert Transcript.objects.get(interview=recent).text == TRANSCRIPT
    assert TranscriptVersion.objects.filter(transcript__interview=recent).count() == 2
    assert Excerpt.objects.get(interview=recent).text == PHRASE


def test_the_search_index_forgets_the_removed_text(interviews):
    old, _recent = interviews
    retention("--now", NOW)
    transcripts = Transcript.objects.filter(interview=old)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery("eenzijdig", config="dutch")
        assert not transcripts.filter(search=query).exists()
        assert Transcript.objects.filter(search=query).count() == 1  # the recent one


def test_retention_runs_again_without_change_and_zero_keeps_everything(interviews, settings):
    retention("--now", NOW)
    assert "raw text removed from 0 interviews" in retention("--now", NOW)
    settings.RAW_TEXT_RETENTION_DAYS = 0
    assert "raw text kept" in retention("--now", "2040-01-01T00:00")
    assert Transcript.objects.filter(text=TRANSCRIPT).count() == 1


def test_pages_of_a_retained_interview_still_open(interviews, consultant_client):
    old, _recent = interviews
    retention("--now", NOW)
    page = consultant_client.get(f"/interviews/{old.pk}/transcript/")
    assert page.status_code == 200
    assert "bewaartermijn" in page.content.decode()
    quotes = consultant_client.get("/interviews/quotes/").content.decode()
    assert "Verschillen benoemen" in quotes


def test_abandoned_import_files_are_cleared_by_the_same_command(media_root, settings):
    settings.IMPORT_FILE_RETENTION_HOURS = 24
    path = default_storage.save("stakeholder-imports/wacht.csv", ContentFile(b"naam\nX\n"))
    soon = (timezone.now() + datetime.timedelta(hours=2)).isoformat()
    assert "0 abandoned import files deleted" in retention("--now", soon)
    assert default_storage.exists(path)
    later = (timezone.now() + datetime.timedelta(hours=25)).isoformat()
    assert "1 abandoned import files deleted" in retention("--now", later)
    assert not default_storage.exists(path)


def test_a_wrong_moment_is_a_clear_error(db):
    with pytest.raises(CommandError, match="not a date and time"):
        retention("--now", "gisteren")
