"""Coding in a real browser: select a passage with the mouse, code it, see the highlight."""

import pytest
from playwright.sync_api import expect

from atlasplan.concurrency import stamp
from atlasplan.models import Theme
from tests.helpers import assert_no_axe_violations
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECT = """([phrase]) => {
  const container = document.getElementById('source-text');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.textContent.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      return true;
    }
  }
  return false;
}"""


@pytest.fixture
def interview(db):
    theme = Theme.objects.create(name="Beeldvorming", colour="#e76f51")
    interview = InterviewFactory()
    ConsentFactory(interview=interview)
    transcript = TranscriptFactory(interview=interview)
    ExcerptFactory(transcript=transcript, phrase="hokjes", themes=[theme])
    return interview


def test_select_code_and_see_the_highlight(page, live_server, consultant, login, interview):
    login(consultant)
    page.goto(f"{live_server.url}/interviews/{interview.pk}/transcript/")
    assert page.evaluate(SELECT, ["verhalen over de stad"])
    expect(page.get_by_test_id("selection-preview")).to_contain_text("verhalen over de stad")
    page.get_by_test_id("theme-chips").get_by_text("Beeldvorming").click()
    page.get_by_test_id("stance-row").get_by_text("Kritisch").click()
    page.get_by_role("button", name="Coderen").click()
    mark = page.locator("#source-text mark", has_text="verhalen over de stad")
    expect(mark).to_have_count(1)
    expect(page.get_by_test_id("excerpt")).to_have_count(2)
    # the theme's colour, from the generated CSS (waits until that stylesheet applies)
    expect(mark).to_have_css("border-bottom-color", "rgb(231, 111, 81)")


def test_interview_pages_have_no_wcag_violations(page, live_server, consultant, login, interview):
    login(consultant)
    org = interview.organisation_id
    theme = Theme.objects.get().pk
    for path in [f"/interviews/{interview.pk}/", f"/interviews/{interview.pk}/transcript/",
                 f"/interviews/{interview.pk}/transcript/history/", f"/interviews/{interview.pk}/consent/",
                 f"/interviews/{interview.pk}/edit/", "/interviews/new/", "/interviews/guides/new/",
                 "/interviews/positions/", f"/interviews/positions/org-{org}/",
                 f"/interviews/positions/org-{org}/{theme}/", "/interviews/quotes/", "/interviews/",
                 "/interviews/codebook/", "/interviews/search/?q=stad"]:  # fmt: skip
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)


def test_notes_are_saved_as_you_type_and_survive_a_dropped_connection(
    page, live_server, consultant, login
):
    from tests.interviews.factories import GuideQuestionFactory

    question = GuideQuestionFactory(text="Hoe kijkt u naar de stad?")
    interview = InterviewFactory(guide=question.guide)
    login(consultant)
    page.goto(f"{live_server.url}/interviews/{interview.pk}/notes/")
    assert_no_axe_violations(page)
    area = page.get_by_label("Hoe kijkt u naar de stad?")
    area.press_sequentially("Open en trots")
    expect(page.get_by_test_id("note-status")).to_contain_text("opgeslagen")
    assert interview.answers.get().text == "Open en trots"
    page.context.set_offline(True)
    with page.expect_event("requestfailed"):  # the autosave was tried, and failed
        area.press_sequentially(", maar bezorgd")
    expect(page.locator("#connection-status")).to_be_visible()
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        f"() => !localStorage.getItem('atlasplan:note-{interview.pk}-{question.pk}')"
    )
    assert interview.answers.get().text == "Open en trots, maar bezorgd"


def test_a_stale_copy_in_the_browser_never_overwrites_a_newer_note(
    page, live_server, consultant, login
):
    from interviews.services import save_note
    from tests.interviews.factories import GuideQuestionFactory

    question = GuideQuestionFactory(text="Wat valt u op?")
    interview = InterviewFactory(guide=question.guide)
    login(consultant)
    page.goto(f"{live_server.url}/interviews/{interview.pk}/notes/")
    key = f"atlasplan:note-{interview.pk}-{question.pk}"
    # This browser kept an unsaved text typed when the note was still empty ...
    page.evaluate(
        "k => localStorage.setItem(k, JSON.stringify({base: '', text: 'Oude offline tekst'}))", key
    )
    # ... and meanwhile a colleague saved the note.
    save_note(interview, question.pk, "Nieuwer van een collega")
    page.reload()
    expect(page.get_by_label("Wat valt u op?")).to_have_value("Nieuwer van een collega")
    expect(page.get_by_text("oudere, niet-opgeslagen tekst")).to_be_visible()
    # the page has dealt with the kept copy (had it resent it, only after the save)
    page.wait_for_function("k => localStorage.getItem(k) === null", arg=key)
    assert interview.answers.get().text == "Nieuwer van een collega"
    page.get_by_text("oudere, niet-opgeslagen tekst").click()
    expect(page.get_by_text("Oude offline tekst")).to_be_visible()  # offered, not lost


def test_two_browsers_on_one_note_the_later_autosave_is_refused_inline_and_kept(
    page, live_server, consultant, login
):
    from interviews.services import save_note
    from tests.interviews.factories import GuideQuestionFactory

    question = GuideQuestionFactory(text="Wat valt u op?")
    interview = InterviewFactory(guide=question.guide)
    login(consultant)
    page.goto(f"{live_server.url}/interviews/{interview.pk}/notes/")
    area = page.get_by_label("Wat valt u op?")
    area.press_sequentially("Mijn eigen notitie")
    expect(page.get_by_test_id("note-status")).to_contain_text("opgeslagen")
    # Another browser saves the note now, after this one last saved it.
    answer = interview.answers.get()
    save_note(interview, question.pk, "Notitie van een collega", read_at=stamp(answer))
    area.press_sequentially(", aangevuld")
    expect(page.get_by_test_id("note-stale")).to_contain_text("Notitie van een collega")
    expect(area).to_have_value("Mijn eigen notitie, aangevuld")  # nothing typed is lost
    assert_no_axe_violations(page)
    assert interview.answers.get().text == "Notitie van een collega"
    page.get_by_role("button", name="Mijn tekst toch opslaan").click()
    expect(page.get_by_test_id("note-status")).to_contain_text("opgeslagen")
    assert interview.answers.get().text == "Mijn eigen notitie, aangevuld"
