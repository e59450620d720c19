"""The dashboard card of step 3: how many interviews are held and how many are coded."""

from interviews.models import Status
from tests.interviews.factories import ExcerptFactory, InterviewFactory, TranscriptFactory


def card_html(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index('id="step-3-title"') : html.index('id="step-4-title"')]


def test_an_interview_with_coded_passages_counts_as_coded(consultant_client, theme):
    coded = InterviewFactory(status=Status.TRANSCRIBED)
    ExcerptFactory(transcript=TranscriptFactory(interview=coded), themes=[theme])
    InterviewFactory(status=Status.CODED)  # marked coded by hand
    TranscriptFactory(interview=InterviewFactory(status=Status.TRANSCRIBED))  # not coded yet
    InterviewFactory(status=Status.PLANNED)
    assert "4 interviews, 2 gecodeerd" in card_html(consultant_client)
