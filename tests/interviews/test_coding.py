"""Transcripts in (paste, DOCX, VTT), coding by offsets and by passage, re-anchoring, bad input."""

import io
import zipfile

import pytest
import xmlschema
from django.conf import settings

from atlasplan.models import Theme
from interviews.models import Anchor, Excerpt, Status, Transcript
from interviews.qdpx import qdpx_bytes
from tests.interviews.factories import (
    TRANSCRIPT,
    ConsentFactory,
    ExcerptFactory,
    GuideQuestionFactory,
    InterviewFactory,
)
from tests.policies.files import docx_bytes, upload, zip_of_something_else

SCHEMA = settings.BASE_DIR / "interviews/schemas/Project-mrt2019.xsd"


@pytest.fixture
def interview(db):
    interview = InterviewFactory()
    ConsentFactory(interview=interview)
    return interview


def post_transcript(client, interview, **data):
    """Save a transcript as a browser does: with the version the form was opened at."""
    url = f"/interviews/{interview.pk}/transcript/edit/"
    read_at = client.get(url).context["form"]["read_at"].value()
    return client.post(url, {"read_at": read_at, **data})


def code(client, interview, theme, **data):
    payload = {"source": "transcript", "themes": [theme.pk], "stance": "supportive", **data}
    return client.post(f"/interviews/{interview.pk}/excerpts/new/", payload)


def test_docx_transcript_round_trip_keeps_speaker_turns(consultant_client, interview):
    content = docx_bytes("Interviewer: Welkom.", "Yusuf Demir: Dank u, de stad verandert snel.")
    response = post_transcript(consultant_client, interview, file=upload("gesprek.docx", content))
    assert response.status_code == 302
    transcript = Transcript.objects.get(interview=interview)
    assert transcript.text == "Interviewer: Welkom.\nYusuf Demir: Dank u, de stad verandert snel."
    assert transcript.original_filename == "gesprek.docx"
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    assert '<strong class="speaker">Yusuf Demir</strong>' in html
    interview.refresh_from_db()
    assert interview.status == Status.TRANSCRIBED


def test_vtt_upload_keeps_speakers(consultant_client, interview):
    vtt = (
        b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lotte>Goeiemorgen.</v>\n\n"
        b"00:02.000 --> 00:04.000\n<v Lotte>Zullen we beginnen?</v>\n\n"
        b"00:04.000 --> 00:06.000\n<v Mehmet>Graag.</v>\n"
    )
    post_transcript(consultant_client, interview, file=upload("opname.vtt", vtt))
    text = Transcript.objects.get(interview=interview).text
    assert text == "Lotte: Goeiemorgen. Zullen we beginnen?\n\nMehmet: Graag."


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("gesprek.docx", zip_of_something_else(), "geen geldig DOCX-bestand"),
        ("gesprek.docx", b"gewoon tekst", "geen geldig DOCX-bestand"),
        ("gesprek.vtt", b"geen ondertitels", "geen geldig VTT-bestand"),
        ("gesprek.pdf", b"%PDF-1.4", "geen toegelaten bestandstype"),
        ("leeg.txt", b"", "is leeg"),
    ],
)
def test_bad_transcript_files_are_refused_and_nothing_is_stored(
    consultant_client, interview, name, content, message
):
    response = post_transcript(consultant_client, interview, file=upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Transcript.objects.filter(interview=interview).exists()


def test_empty_pasted_transcript_is_refused(consultant_client, interview):
    response = post_transcript(consultant_client, interview, text="   \n  ")
    assert "Het transcript is leeg" in response.content.decode()


def test_selection_offsets_are_stored_with_their_text(consultant_client, interview, theme):
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    start = TRANSCRIPT.index("verhalen over de stad")
    response = code(consultant_client, interview, theme, start=start, end=start + 21)
    assert response.status_code == 302
    excerpt = Excerpt.objects.get()
    assert excerpt.text == "verhalen over de stad"
    assert list(excerpt.themes.all()) == [theme]
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    assert f'<mark class="code-mark code-theme-{theme.pk}"' in html


def test_offsets_outside_the_text_are_refused(consultant_client, interview, theme):
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    response = code(consultant_client, interview, theme, start=10, end=len(TRANSCRIPT) + 5)
    assert response.status_code == 400
    assert "valt buiten de tekst" in response.content.decode()
    assert not Excerpt.objects.exists()


def test_keyboard_way_finds_the_passage_and_its_occurrence(consultant_client, interview, theme):
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    response = code(consultant_client, interview, theme, passage="Interviewer:", occurrence=2)
    assert response.status_code == 302
    assert Excerpt.objects.get().start == TRANSCRIPT.index("Interviewer:", 1)
    missing = code(consultant_client, interview, theme, passage="niet in de tekst")
    assert "staat niet (zo vaak) letterlijk in de tekst" in missing.content.decode()


def test_coding_without_consent_is_refused(consultant_client, theme):
    interview = InterviewFactory()
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    response = code(consultant_client, interview, theme, start=0, end=11)
    follow = consultant_client.get(response.url).content.decode()
    assert "nog geen toestemming geregistreerd" in follow
    assert not Excerpt.objects.exists()


def test_excerpts_survive_an_edit_reanchored_or_flagged(consultant_client, interview, theme):
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    moved = ExcerptFactory(transcript=interview.transcript, themes=[theme])
    lost = ExcerptFactory(transcript=interview.transcript, phrase="hokjes", themes=[theme])
    new_text = "Interviewer: Even vooraf.\n" + TRANSCRIPT.replace("hokjes", "vakjes")
    post_transcript(consultant_client, interview, text=new_text)
    moved.refresh_from_db()
    lost.refresh_from_db()
    assert moved.anchor == Anchor.REANCHORED
    assert new_text[moved.start : moved.end] == "verhalen over de stad"
    assert lost.anchor == Anchor.FLAGGED
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/").content.decode()
    assert "Deze fragmenten staan niet meer in de tekst" in html
    assert "niet meer gevonden" in consultant_client.get("/interviews/quotes/").content.decode()
    assert interview.transcript.versions.count() == 2  # the earlier text is kept


def test_edit_and_remove_a_code(consultant_client, interview, theme):
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    excerpt = ExcerptFactory(transcript=interview.transcript, themes=[theme])
    consultant_client.post(
        f"/interviews/excerpts/{excerpt.pk}/edit/",
        {"themes": [theme.pk], "stance": "nuanced", "memo": "Belangrijk", "quotable": "on"},
    )
    excerpt.refresh_from_db()
    assert (excerpt.stance, excerpt.memo, excerpt.quotable) == ("nuanced", "Belangrijk", True)
    consultant_client.post(f"/interviews/excerpts/{excerpt.pk}/delete/")
    assert not Excerpt.objects.exists()


def test_a_theme_in_use_cannot_be_deleted_and_merge_moves_the_tags(consultant_client, theme):
    excerpt = ExcerptFactory(themes=[theme])
    response = consultant_client.post(f"/themes/{theme.pk}/delete/")
    assert "in gebruik" in response.content.decode()
    target = Theme.objects.create(name="Imago")
    consultant_client.post(f"/themes/{theme.pk}/merge/", {"target": target.pk})
    assert list(excerpt.themes.all()) == [target]


def test_notes_autosave_and_can_be_coded(consultant_client, interview, theme):
    question = GuideQuestionFactory()
    interview.guide = question.guide
    interview.save()
    page = consultant_client.get(f"/interviews/{interview.pk}/notes/").content.decode()
    assert 'hx-trigger="input changed delay:800ms"' in page
    response = consultant_client.post(
        f"/interviews/{interview.pk}/notes/save/",
        {"question": question.pk, "text": "Zij wil meer aandacht voor taal."},
    )
    assert "opgeslagen om" in response.content.decode()
    assert "<textarea" not in response.content.decode()  # the textarea is never swapped
    note = interview.answers.get()
    response = consultant_client.post(
        f"/interviews/{interview.pk}/excerpts/new/",
        {
            "source": f"note:{note.pk}",
            "themes": [theme.pk],
            "stance": "critical",
            "passage": "taal",
        },
    )
    assert response.status_code == 302
    assert Excerpt.objects.get().note == note
    quotes = consultant_client.get("/interviews/quotes/").content.decode()
    assert "“taal”" in quotes


def test_qdpx_is_valid_against_the_refi_qda_schema(consultant, theme):
    child = Theme.objects.create(name="Sub", parent=theme, colour="#123456")
    excerpt = ExcerptFactory(themes=[theme, child], memo="Opvallend")
    ConsentFactory(interview=excerpt.interview)
    with zipfile.ZipFile(io.BytesIO(qdpx_bytes(consultant))) as archive:
        names = archive.namelist()
        project = archive.read("project.qde")
        sources = [name for name in names if name.startswith("sources/")]
        assert archive.read(sources[0]).decode() == excerpt.transcript.text
    xmlschema.XMLSchema(SCHEMA).validate(io.BytesIO(project))
    assert b"verhalen over de stad" in project
    assert excerpt.interview.organisation.name.encode() in project  # a case per organisation


def test_an_empty_qdpx_is_still_valid(consultant):
    with zipfile.ZipFile(io.BytesIO(qdpx_bytes(consultant))) as archive:
        xmlschema.XMLSchema(SCHEMA).validate(io.BytesIO(archive.read("project.qde")))


def test_qdpx_download_is_for_consultants(consultant_client, atlas_client):
    assert consultant_client.get("/interviews/export.qdpx").status_code == 200
    assert atlas_client.get("/interviews/export.qdpx").status_code == 403


def test_odt_and_txt_transcripts_are_read(consultant_client, interview):
    from tests.policies.files import odt_bytes

    post_transcript(
        consultant_client, interview, file=upload("g.odt", odt_bytes("A: een", "B: twee"))
    )
    assert Transcript.objects.get(interview=interview).text == "A: een\nB: twee"
    post_transcript(
        consultant_client, interview, file=upload("g.txt", "A: één\r\nB: drie".encode())
    )
    transcript = Transcript.objects.get(interview=interview)
    assert transcript.text == "A: één\nB: drie"
    assert transcript.versions.count() == 2


def test_versions_page_shows_what_changed(consultant_client, interview):
    post_transcript(consultant_client, interview, text="A: een\nB: twee")
    post_transcript(consultant_client, interview, text="A: een\nB: drie")
    html = consultant_client.get(f"/interviews/{interview.pk}/transcript/history/").content.decode()
    assert "<del>- B: twee</del>" in html and "<ins>+ B: drie</ins>" in html


def test_nul_and_control_characters_never_reach_the_database_or_the_qdpx(
    consultant_client, consultant, interview, theme
):
    """PostgreSQL refuses NUL in text (a 500) and XML 1.0 forbids control characters, so a
    .qdpx with them does not open in NVivo: they are dropped when a text comes in, and the
    export cleans what older data may still hold."""
    question = GuideQuestionFactory()
    interview.guide = question.guide
    interview.save()
    response = consultant_client.post(
        f"/interviews/{interview.pk}/notes/save/", {"question": question.pk, "text": "a\x00b\x01c"}
    )
    assert response.status_code == 200
    assert interview.answers.get().text == "abc"
    body = b"A: " + b"x" * 9000 + b"\x00 en\x0bverder"  # a NUL past the sniffed start
    post_transcript(consultant_client, interview, file=upload("t.txt", body))
    assert Transcript.objects.get(interview=interview).text.endswith("x en\nverder")
    excerpt = ExcerptFactory(
        transcript=Transcript.objects.get(interview=interview), phrase="verder", themes=[theme]
    )
    Excerpt.objects.filter(pk=excerpt.pk).update(memo="memo\x02", text="ver\x1fder")
    with zipfile.ZipFile(io.BytesIO(qdpx_bytes(consultant))) as archive:
        xmlschema.XMLSchema(SCHEMA).validate(io.BytesIO(archive.read("project.qde")))


def test_offsets_that_disagree_with_the_selected_text_are_never_stored_silently_wrong(
    consultant_client, interview, theme
):
    """A browser counts an emoji as two characters, Python as one: offsets sent for a
    selection after one are shifted. The selected text travels with them and wins."""
    text = "A: Top 👍 zei ze.\nB: de verhalen over de stad zijn eenzijdig."
    post_transcript(consultant_client, interview, text=text)
    start = text.index("verhalen over de stad") + 1  # as a browser counts (UTF-16)
    response = code(
        consultant_client, interview, theme,
        start=start, end=start + 21, passage="verhalen over de stad",
    )  # fmt: skip
    assert response.status_code == 302
    excerpt = Excerpt.objects.get()
    assert excerpt.text == "verhalen over de stad"
    assert text[excerpt.start : excerpt.end] == excerpt.text
    gone = code(consultant_client, interview, theme, start=3, end=6, passage="niet meer daar")
    assert gone.status_code == 400
    assert Excerpt.objects.count() == 1


def test_a_flagged_excerpt_is_found_again_when_its_text_comes_back(
    consultant_client, interview, theme
):
    """Restoring the earlier text (an edit undone) brings the lost excerpt back in place,
    instead of leaving it flagged, unhighlighted and out of the .qdpx for good."""
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    lost = ExcerptFactory(transcript=interview.transcript, phrase="hokjes", themes=[theme])
    post_transcript(consultant_client, interview, text=TRANSCRIPT.replace("hokjes", "vakjes"))
    lost.refresh_from_db()
    assert lost.anchor == Anchor.FLAGGED
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    lost.refresh_from_db()
    assert lost.anchor != Anchor.FLAGGED
    assert TRANSCRIPT[lost.start : lost.end] == "hokjes"


def test_a_selection_over_two_lines_is_coded_as_the_browser_sends_it(
    consultant_client, interview, theme
):
    """A form sends a textarea's line breaks as CRLF; the stored text has LF."""
    post_transcript(consultant_client, interview, text=TRANSCRIPT)
    phrase = "Wat zou helpen?\nAmina"
    start = TRANSCRIPT.index(phrase)
    sent = phrase.replace("\n", "\r\n")
    response = code(
        consultant_client, interview, theme, start=start, end=start + len(phrase), passage=sent
    )
    assert response.status_code == 302
    assert Excerpt.objects.get().text == phrase
    Excerpt.objects.all().delete()
    assert code(consultant_client, interview, theme, passage=sent).status_code == 302
    assert Excerpt.objects.get().text == phrase


def test_notes_are_stored_with_lf_however_they_are_sent(consultant_client, interview, theme):
    """htmx sends a textarea's LF; notes.js resends after a dropped connection with
    FormData, which sends CRLF. Stored as sent, the offsets of excerpts on the note shift."""
    response = consultant_client.post(
        f"/interviews/{interview.pk}/notes/save/", {"text": "Eerste regel\r\nTweede regel"}
    )
    assert response.status_code == 200
    assert interview.answers.get().text == "Eerste regel\nTweede regel"
