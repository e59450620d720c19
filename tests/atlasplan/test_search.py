"""The one search module both searches use: query parsing, prefixes, ranking, highlighting."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from atlasplan import search
from interviews.services import save_transcript
from tests.interviews.factories import InterviewFactory
from tests.policies.factories import PolicyDocumentFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Dutch stemming needs PostgreSQL's text search"
)


def test_a_query_is_cleaned_before_it_reaches_the_database():
    assert search.clean_query("  verh\x00alen  ") == "verhalen"  # PostgreSQL refuses NUL
    assert len(search.clean_query("x" * 500)) == search.MAX_QUERY_LENGTH


def test_snippet_marks_words_in_the_text_never_inside_its_markup():
    assert search.snippet("Tom & Jerry <b> zeggen: de mark", "amp mark lt") == (
        "Tom &amp; Jerry &lt;b&gt; zeggen: de <mark>mark</mark>"
    )
    assert search.snippet("De Stad is mooi", "stad") == "De <mark>Stad</mark> is mooi"


def test_snippet_shows_the_text_around_the_first_match():
    text = "a" * 300 + " de wijk Kiel " + "b" * 300
    piece = search.snippet(text, "kiel", width=20)
    assert piece.startswith("…") and piece.endswith("…") and "<mark>Kiel</mark>" in piece
    assert len(piece) < 80


def test_marked_headline_escapes_the_text_and_keeps_only_our_marks():
    raw = f"<b>{search.SNIPPET_START}taal{search.SNIPPET_STOP}</b> & *meer*"
    assert search.marked(raw) == "&lt;b&gt;<mark>taal</mark>&lt;/b&gt; &amp; meer"


@postgres_only
def test_a_word_being_typed_finds_longer_words_in_both_searches(consultant_client):
    """Prefix search: "fietser" finds "fietsersbond", which stemming alone does not."""
    PolicyDocumentFactory(title="Nota", summary="Overleg met de fietsersbond.")
    found = consultant_client.get("/policies/", {"q": "fietser"}).context["page_obj"]
    assert [d.title for d in found.object_list] == ["Nota"]
    interview = InterviewFactory()
    save_transcript(interview, "We spraken met de fietsersbond over de wijk.", None)
    html = consultant_client.get("/interviews/search/", {"q": "wijk fietser"}).content.decode()
    assert f"/interviews/{interview.pk}/transcript/" in html


@postgres_only
def test_transcripts_are_searched_through_their_stored_vector(consultant_client):
    """No Dutch vector is built per transcript at query time: the stored, indexed column is
    kept up to date when a transcript is saved, and the search uses it."""
    interview = InterviewFactory()
    save_transcript(interview, "De verhalen over de stad.", None)
    save_transcript(interview, "Nu gaat het over fietsers in de wijk.", None)
    with CaptureQueriesContext(connection) as captured:
        html = consultant_client.get("/interviews/search/", {"q": "fietser"}).content.decode()
    assert f"/interviews/{interview.pk}/transcript/" in html
    transcript_queries = [q["sql"] for q in captured if '"interviews_transcript"' in q["sql"]]
    assert transcript_queries
    assert not [
        sql for sql in transcript_queries if "to_tsvector" in sql and '_transcript"."text"' in sql
    ]
    assert (
        "/transcript/"
        not in consultant_client.get("/interviews/search/", {"q": "verhalen"}).content.decode()
    )
