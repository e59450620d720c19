"""The last forms of shared data that refuse a stale save: the transcript, the autosaved
notes (two browsers at once, refused inline) and a position summary created twice at once."""

import re

import pytest

from atlasplan.roles import Role
from interviews.forms import PositionSummaryForm
from interviews.models import ConsentScope, PositionSummary
from interviews.services import save_transcript
from tests.atlasplan.test_stale_saves import form_data
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.interviews.conftest import make_coded
from tests.interviews.factories import GuideQuestionFactory, InterviewFactory
from tests.policies import files


@pytest.fixture
def two_writers(db):
    first = UserFactory(
        username="eerste", first_name="Eva", last_name="Eerst", role=Role.CONSULTANT
    )
    second = UserFactory(username="tweede", role=Role.CONSULTANT)
    return client_for(first), client_for(second)


# --- The transcript -------------------------------------------------------------------------


def transcript_url(interview) -> str:
    return f"/interviews/{interview.pk}/transcript/edit/"


@pytest.mark.parametrize("existing", [True, False], ids=["edited", "first text"])
def test_the_second_transcript_save_is_refused_and_hands_back_what_was_typed(two_writers, existing):
    first, second = two_writers
    interview = InterviewFactory()
    if existing:
        save_transcript(interview, "Anna: Het begin.", None)
    url = transcript_url(interview)
    read_by_first, read_by_second = form_data(first, url), form_data(second, url)

    assert first.post(url, {**read_by_first, "text": "Anna: Van de eerste."}).status_code == 302
    refused = second.post(url, {**read_by_second, "text": "Anna: Van de tweede."})

    assert refused.status_code == 409
    html = refused.content.decode()
    assert 'data-testid="stale-save"' in html
    assert "Anna: Van de tweede." in html and "Anna: Van de eerste." in html
    assert "Eva Eerst" in html
    interview.transcript.refresh_from_db()
    assert interview.transcript.text == "Anna: Van de eerste."
    again = refused.context["form"]["read_at"].value()
    resaved = second.post(url, {**read_by_second, "text": "Anna: Van de tweede.", "read_at": again})
    assert resaved.status_code == 302
    interview.transcript.refresh_from_db()
    assert interview.transcript.text == "Anna: Van de tweede."
    assert interview.transcript.versions.count() == (3 if existing else 2)  # nothing lost


def test_a_stale_upload_hands_back_the_files_text_in_the_box(two_writers):
    first, second = two_writers
    interview = InterviewFactory()
    save_transcript(interview, "Anna: Het begin.", None)
    url = transcript_url(interview)
    read_by_first, read_by_second = form_data(first, url), form_data(second, url)
    assert first.post(url, {**read_by_first, "text": "Anna: Van de eerste."}).status_code == 302
    upload = files.upload("gesprek.txt", b"Bert: Uit het bestand van de tweede.")
    refused = second.post(url, {**read_by_second, "file": upload})
    assert refused.status_code == 409
    assert refused.context["form"]["text"].value() == "Bert: Uit het bestand van de tweede."


def test_a_save_between_the_check_and_the_write_is_refused_too(two_writers, monkeypatch):
    _first, second = two_writers
    interview = InterviewFactory()
    save_transcript(interview, "Anna: Het begin.", None)
    url = transcript_url(interview)
    data = form_data(second, url)
    from interviews.forms import TranscriptForm

    checked = TranscriptForm.clean

    def clean_then_someone_saves(form):
        cleaned = checked(form)
        save_transcript(interview, "Anna: Net ervoor opgeslagen.", None)
        return cleaned

    monkeypatch.setattr(TranscriptForm, "clean", clean_then_someone_saves)
    refused = second.post(url, {**data, "text": "Anna: Van de tweede."})
    assert refused.status_code == 409
    assert "Anna: Net ervoor opgeslagen." in refused.content.decode()
    interview.transcript.refresh_from_db()
    assert interview.transcript.text == "Anna: Net ervoor opgeslagen."


# --- Autosaved notes --------------------------------------------------------------------------

READ_AT = re.compile(r'data-read-at="([^"]*)"')


def note_page_stamp(client, interview, question) -> str:
    page = client.get(f"/interviews/{interview.pk}/notes/").content.decode()
    form = page.split(f'name="question" value="{question.pk}"')[1]
    return re.search(r'name="read_at" value="([^"]*)"', form).group(1)


def autosave(client, interview, question, text: str, read_at: str):
    return client.post(
        f"/interviews/{interview.pk}/notes/save/",
        {"question": question.pk, "text": text, "read_at": read_at},
    )


def test_two_browsers_typing_one_note_the_later_save_is_refused_inline(two_writers):
    first, second = two_writers
    question = GuideQuestionFactory(text="Wat valt u op?")
    interview = InterviewFactory(guide=question.guide)
    stamp_first = note_page_stamp(first, interview, question)
    stamp_second = note_page_stamp(second, interview, question)

    saved = autosave(first, interview, question, "Eva: veel verhalen.", stamp_first)
    assert saved.status_code == 200
    stamp_first = READ_AT.search(saved.content.decode()).group(1)
    assert stamp_first  # the next autosave carries the version just stored
    assert autosave(first, interview, question, "Eva: veel verhalen, en trots.", stamp_first)

    refused = autosave(second, interview, question, "Tweede: iets anders.", stamp_second)
    assert refused.status_code == 409
    html = refused.content.decode()
    assert 'data-testid="note-stale"' in html
    assert "Eva: veel verhalen, en trots." in html  # theirs, shown beside the box
    assert "Eva Eerst" in html
    assert "<textarea" not in html  # what the second person typed stays in their box
    assert interview.answers.get().text == "Eva: veel verhalen, en trots."

    # Keeping their own text after seeing the other: saved with the stamp they were shown.
    theirs = re.search(r'data-stale-read-at="([^"]*)"', html).group(1)
    kept = autosave(second, interview, question, "Tweede: iets anders.", theirs)
    assert kept.status_code == 200
    assert interview.answers.get().text == "Tweede: iets anders."
    # ... and now the first browser's next autosave is the stale one.
    latest = READ_AT.search(saved.content.decode()).group(1)
    assert autosave(first, interview, question, "Eva: nog meer.", latest).status_code == 409


def test_one_browser_autosaving_over_and_over_is_never_refused(consultant_client):
    question = GuideQuestionFactory()
    interview = InterviewFactory(guide=question.guide)
    read_at = note_page_stamp(consultant_client, interview, question)
    for n in range(5):
        response = autosave(consultant_client, interview, question, f"Notitie {n}", read_at)
        assert response.status_code == 200
        read_at = READ_AT.search(response.content.decode()).group(1)
    assert interview.answers.get().text == "Notitie 4"
    assert note_page_stamp(consultant_client, interview, question) == read_at


def test_a_note_autosave_without_the_version_it_was_read_at_is_refused(consultant_client):
    question = GuideQuestionFactory()
    interview = InterviewFactory(guide=question.guide)
    autosave(consultant_client, interview, question, "Eerste tekst.", "")
    response = consultant_client.post(
        f"/interviews/{interview.pk}/notes/save/", {"question": question.pk, "text": "Over."}
    )
    assert response.status_code == 409
    assert interview.answers.get().text == "Eerste tekst."


# --- Position summaries -------------------------------------------------------------------------


def test_two_first_summaries_of_one_cell_at_once_make_one_row_and_refuse_the_second(
    two_writers, monkeypatch
):
    first, second = two_writers
    from tests.factories import ThemeFactory

    theme = ThemeFactory()
    excerpt = make_coded(ConsentScope.NAMED, theme, "Vzw Samen")
    organisation = excerpt.interview.organisation
    url = f"/interviews/positions/org-{organisation.pk}/{theme.pk}/"
    data = form_data(second, url)
    checked = PositionSummaryForm.clean
    others = [{**form_data(first, url), "text": "Standpunt van de eerste."}]

    def clean_then_the_other_creates_it(form):
        cleaned = checked(form)
        if others:  # the first person's save lands between this form's check and its insert
            assert first.post(url, others.pop()).status_code == 302
        return cleaned

    monkeypatch.setattr(PositionSummaryForm, "clean", clean_then_the_other_creates_it)
    refused = second.post(url, {**data, "text": "Standpunt van de tweede."})
    monkeypatch.undo()

    assert refused.status_code == 409
    html = refused.content.decode()
    assert 'data-testid="stale-save"' in html
    assert "Standpunt van de eerste." in html and "Standpunt van de tweede." in html
    assert PositionSummary.objects.filter(organisation=organisation, theme=theme).count() == 1
    again = refused.context["form"]["read_at"].value()
    resaved = second.post(url, {**data, "text": "Standpunt van de tweede.", "read_at": again})
    assert resaved.status_code == 302
    assert PositionSummary.objects.get().text == "Standpunt van de tweede."
