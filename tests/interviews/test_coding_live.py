"""Coding from the page without reloading it (htmx): the answer is the page's changing parts
(text with highlights, the list, a quiet message), and the server's rules still hold."""

import pytest

from atlasplan.models import Theme
from interviews.models import Excerpt
from tests.interviews.factories import (
    TRANSCRIPT,
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)

HTMX = {"HTTP_HX_REQUEST": "true"}
PHRASE = "verhalen over de stad"


@pytest.fixture
def interview(db):
    interview = InterviewFactory()
    ConsentFactory(interview=interview)
    TranscriptFactory(interview=interview)
    return interview


def code(client, interview, themes, **data):
    start = TRANSCRIPT.index(PHRASE)
    payload = {"source": "transcript", "themes": [t.pk for t in themes], "stance": "critical",
               "start": start, "end": start + len(PHRASE), **data}  # fmt: skip
    return client.post(f"/interviews/{interview.pk}/excerpts/new/", payload, **HTMX)


def test_coding_from_the_page_answers_the_new_highlight_and_an_undo(
    consultant_client, interview, theme
):
    response = code(consultant_client, interview, [theme])
    assert response.status_code == 200
    html = response.content.decode()
    excerpt = Excerpt.objects.get()
    assert f'data-excerpts="{excerpt.pk}"' in html  # the highlight, in place
    assert f'id="at-excerpt-{excerpt.pk}"' in html  # the list's link target
    assert "Het fragment is gecodeerd." in html
    assert f'data-delete-url="/interviews/excerpts/{excerpt.pk}/delete/"' in html
    assert "<html" not in html  # only the changing parts, not the whole page
    # no message waits for the next page: it was already shown in place
    page = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    assert "Het fragment is gecodeerd." not in page


def test_a_code_without_theme_answers_the_error_and_stores_nothing(consultant_client, interview):
    response = code(consultant_client, interview, [])
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Excerpt.objects.exists()


def test_undo_removes_the_last_code_and_says_so(consultant_client, interview, theme):
    code(consultant_client, interview, [theme])
    excerpt = Excerpt.objects.get()
    response = consultant_client.post(
        f"/interviews/excerpts/{excerpt.pk}/delete/", {"undo": "1"}, **HTMX
    )
    assert response.status_code == 200
    assert "Laatste codering ongedaan gemaakt." in response.content.decode()
    assert "data-excerpts" not in response.content.decode()
    assert not Excerpt.objects.exists()


def test_editing_from_the_highlight_changes_themes_and_stance(consultant_client, interview, theme):
    other = Theme.objects.create(name="Taal")
    code(consultant_client, interview, [theme])
    excerpt = Excerpt.objects.get()
    response = consultant_client.post(
        f"/interviews/excerpts/{excerpt.pk}/edit/",
        {"themes": [theme.pk, other.pk], "stance": "supportive", "memo": "Nuance"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "Het fragment is opgeslagen." in response.content.decode()
    excerpt.refresh_from_db()
    assert set(excerpt.themes.all()) == {theme, other}
    assert (excerpt.stance, excerpt.memo) == ("supportive", "Nuance")
    # an edit keeps the span: offsets are not the page's to change
    assert excerpt.text == PHRASE


def test_the_interviewer_rule_holds_for_coding_from_the_page(atlas_client, interview, theme):
    """An Atlas member who did not attend never sees the raw transcript, htmx or not."""
    assert code(atlas_client, interview, [theme]).status_code == 404
    excerpt = ExcerptFactory(transcript=interview.transcript, themes=[theme])
    url = f"/interviews/excerpts/{excerpt.pk}/delete/"
    assert atlas_client.post(url, {"undo": "1"}, **HTMX).status_code == 404
    assert Excerpt.objects.count() == 1


def test_no_offset_or_occurrence_shows_as_a_field(consultant_client, interview):
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    assert "Hoeveelste keer" not in html
    for name in ["start", "end", "occurrence"]:
        assert f'type="hidden" name="{name}"' in html, name


def test_the_themes_used_last_come_first(consultant_client, interview, theme):
    Theme.objects.create(name="Armoede")  # first in the codebook's alphabetical order
    code(consultant_client, interview, [theme])
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    recent = html.index('data-group="recent"')
    assert recent < html.index(f'id="chip-{theme.pk}"') < html.index("Armoede")
    assert html.count(f'id="chip-{theme.pk}"') == 1  # shown once, not twice


def test_a_note_is_coded_from_its_page_the_same_way(consultant_client, interview, theme):
    from interviews.services import save_note

    note = save_note(interview, None, "Zij wil meer aandacht voor taal.")
    response = consultant_client.post(
        f"/interviews/{interview.pk}/excerpts/new/",
        {"source": f"note:{note.pk}", "themes": [theme.pk], "stance": "neutral", "passage": "taal"},
        **HTMX,
    )
    assert response.status_code == 200
    excerpt = Excerpt.objects.get()
    assert excerpt.note == note
    html = response.content.decode()
    assert "Zij wil meer aandacht voor" in html  # the note's text ...
    assert f'data-excerpts="{excerpt.pk}"' in html and ">taal</mark>" in html  # ... highlighted
    assert "Amina" not in html  # not the transcript's
