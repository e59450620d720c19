"""The versions page of a transcript answers with bounded work, however long the text."""

import difflib

import pytest

from interviews import versions
from interviews.models import Transcript, TranscriptVersion
from tests.interviews.factories import InterviewFactory

PARAGRAPH = "Anna: Samenleven in de wijk vraagt tijd en geduld van iedereen, echt waar. {n}"


def long_text(paragraphs: int = 25_000, changed: int | None = None) -> str:
    lines = [PARAGRAPH.format(n=n) for n in range(paragraphs)]
    if changed is not None:
        lines[changed] = "Anna: Deze alinea werd herschreven in de nieuwe versie."
    return "\n".join(lines)


@pytest.fixture
def long_transcript(consultant):
    """Two versions of a transcript of two million characters; one paragraph changed."""
    interview = InterviewFactory()
    first, second = long_text(), long_text(changed=12_345)
    assert len(first) > 2_000_000
    transcript = Transcript.objects.create(interview=interview, text=second)
    for number, text in enumerate([first, second], start=1):
        TranscriptVersion.objects.create(
            transcript=transcript, number=number, text=text, saved_by=consultant
        )
    return interview


@pytest.fixture
def aligned(monkeypatch) -> list[int]:
    """The number of paragraphs each alignment (the quadratic part) was given."""
    sizes = []
    original = difflib.SequenceMatcher.set_seqs

    def spy(self, a, b):
        sizes.append(len(a) + len(b))
        return original(self, a, b)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seqs", spy)
    return sizes


def test_a_two_million_character_history_page_shows_previews_and_compares_on_request(
    consultant_client, long_transcript, aligned
):
    url = f"/interviews/{long_transcript.pk}/transcript/history/"
    response = consultant_client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert len(page) < 60_000  # two previews, not four million characters
    assert page.count('data-testid="version"') == 2
    assert "Volledige tekst tonen" in page
    assert "vergelijken op aanvraag" in page
    assert "herschreven" not in page and aligned == []  # nothing compared yet

    compared = consultant_client.get(url, {"changes": 2}).content.decode()
    assert len(compared) < 60_000
    assert "+ Anna: Deze alinea werd herschreven in de nieuwe versie." in compared
    assert f"- {PARAGRAPH.format(n=12_345)}" in compared
    assert aligned == [2]  # only the changed section was aligned, not 50,000 paragraphs


def test_a_long_text_changed_everywhere_is_matched_not_aligned_and_shown_in_part(
    consultant, aligned
):
    old = long_text(10_000)
    new = "\n".join(f"Bert: Een heel andere tekst, alinea {n}." for n in range(10_000))
    changes = versions.changed_lines(old, new)
    assert aligned == []  # 20,000 paragraphs: no quadratic alignment
    assert len(changes.lines) == versions.MAX_SHOWN
    assert changes.total == 20_000 and changes.more == 20_000 - versions.MAX_SHOWN


def test_the_whole_text_of_one_version_is_shown_on_request(consultant_client, long_transcript):
    url = f"/interviews/{long_transcript.pk}/transcript/history/"
    page = consultant_client.get(url, {"text": 1}).content.decode()
    assert PARAGRAPH.format(n=24_999) in page
    assert "herschreven" not in page  # version 1, not the current text
    assert consultant_client.get(url, {"text": 9}).status_code == 404
    assert consultant_client.get(url, {"text": "²"}).status_code == 200  # the list, no error


def test_short_versions_are_compared_at_once_and_the_list_is_paged(consultant_client, consultant):
    interview = InterviewFactory()
    transcript = Transcript.objects.create(interview=interview, text="x")
    for number in range(1, 13):
        TranscriptVersion.objects.create(
            transcript=transcript, number=number, text=f"Anna: begin.\nAnna: stap {number}."
        )
    url = f"/interviews/{interview.pk}/transcript/history/"
    first = consultant_client.get(url).content.decode()
    assert first.count('data-testid="version"') == versions.PER_PAGE
    assert "+ Anna: stap 12." in first and "- Anna: stap 11." in first
    # The last version on the first page is compared with the first one on the next.
    assert "+ Anna: stap 3." in first and "- Anna: stap 2." in first
    second = consultant_client.get(url, {"page": 2}).content.decode()
    assert second.count('data-testid="version"') == 2
    assert "+ Anna: stap 2." in second


def test_the_versions_page_stays_hidden_from_readers_and_the_atlas_team(
    reader_client, atlas_client, long_transcript
):
    url = f"/interviews/{long_transcript.pk}/transcript/history/"
    assert reader_client.get(url, {"text": 1}).status_code == 404
    assert atlas_client.get(url, {"text": 1}).status_code == 404
