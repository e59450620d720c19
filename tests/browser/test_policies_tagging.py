"""Desk research in a real browser: a PDF's text page by page, and a sentence selected on
page 2 tagged as a key passage in the same kind of panel as coding a transcript."""

import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from atlasplan.models import Theme
from atlasplan.uploads import inspect_upload
from policies.forms import ALLOWED_KINDS
from policies.models import Passage
from policies.services import create_from_uploads
from tests.helpers import assert_no_axe_violations
from tests.policies import files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "Taal is de sleutel tot werk, onderwijs en een plaats in de stad."
FILLER = "De stad Antwerpen bouwt haar beleid samen met partners uit het middenveld. " * 6
PAGES = [
    f"Inleiding. {FILLER}",
    f"Hoofdstuk twee. {FILLER} {SENTENCE} {FILLER}",
    f"Hoofdstuk drie. {FILLER}",
]

# The screen points of the first and last character of a phrase in the page's text, for a
# real mouse drag (the text's own line breaks may fall inside the phrase).
LOCATE = """([phrase]) => {
  const container = document.getElementById('page-text');
  const text = container.textContent.replace(/\\s/g, ' ');
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node, seen = 0;
  while ((node = walker.nextNode())) {
    const size = node.textContent.length;
    if (seen <= at && at < seen + size) range.setStart(node, at - seen);
    if (seen < at + phrase.length && at + phrase.length <= seen + size) {
      range.setEnd(node, at + phrase.length - seen);
      break;
    }
    seen += size;
  }
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const first = rects[0], last = rects[rects.length - 1];
  return {x1: first.left + 1, y1: first.top + first.height / 2,
          x2: last.right - 1, y2: last.top + last.height / 2};
}"""

POSITION = "() => [window.scrollX, window.scrollY, document.getElementById('page-text').scrollTop]"


@pytest.fixture
def document(consultant):
    Theme.objects.create(name="Werk", colour="#2a9d8f")
    Theme.objects.create(name="Taal", colour="#8338ec")
    content = files.paged_pdf_bytes(*PAGES, title="Beleidsnota taal")
    upload = SimpleUploadedFile("beleidsnota_taal.pdf", content)
    inspected = inspect_upload(upload, ALLOWED_KINDS)
    assert inspected.pages == 3
    (document,) = create_from_uploads(
        [(upload, inspected)],
        consultant,
        organisation="Stad Antwerpen",
        level="city",
        kind="policy_plan",
        year=2025,
        themes=[],
    )
    return document


def select(page, phrase: str) -> None:
    points = page.evaluate(LOCATE, [phrase])
    assert points, phrase
    page.mouse.move(points["x1"], points["y1"])
    page.mouse.down()
    page.mouse.move(points["x2"], points["y2"], steps=5)
    page.mouse.up()


def test_a_sentence_on_page_two_becomes_a_key_passage_without_the_page_moving(
    page, live_server, consultant, login, document, tmp_path
):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(consultant)
    page.goto(f"{live_server.url}/policies/{document.pk}/")
    expect(page.get_by_test_id("page-label")).to_have_text("Pagina 1 van 3")
    page.get_by_role("link", name="Volgende").click()
    expect(page.get_by_test_id("page-label")).to_have_text("Pagina 2 van 3")
    expect(page.get_by_test_id("page-text")).to_contain_text("Hoofdstuk twee")
    expect(page.get_by_test_id("page-text")).not_to_contain_text("Inleiding")
    expect(page.get_by_test_id("tag-panel")).to_be_hidden()  # until text is selected
    assert_no_axe_violations(page)

    select(page, SENTENCE)
    panel = page.get_by_test_id("tag-panel")
    expect(panel).to_be_visible()
    expect(page.get_by_test_id("selection-preview")).to_contain_text("Taal is de sleutel")
    add = page.get_by_role("button", name="Kernpassage toevoegen")
    expect(add).to_be_in_viewport(ratio=1)
    before = page.evaluate(POSITION)
    # The themes are chips: typing filters them, Enter takes the first match.
    page.keyboard.type("taa")
    expect(page.get_by_label("Werk", exact=True)).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Taal", exact=True)).to_be_checked()
    text_box = page.get_by_test_id("page-text").bounding_box()
    assert panel.bounding_box()["x"] >= text_box["x"] + text_box["width"]  # beside the text
    page.mouse.move(5, 5)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    target = Path(os.environ.get("ATLASPLAN_SCREENSHOTS", tmp_path)) / "policy-select-and-tag.png"
    page.screenshot(path=str(target))
    assert_no_axe_violations(page)

    page.get_by_label("Notitie (optioneel)").fill("Kern van het taalbeleid")
    page.keyboard.press("Enter")  # Enter adds
    expect(page.get_by_test_id("tag-status")).to_contain_text("De kernpassage is toegevoegd.")
    expect(panel).to_be_hidden()
    passage = Passage.objects.get()
    expect(page.locator("#page-text mark", has_text="Taal is de sleutel")).to_have_count(1)
    expect(page.get_by_test_id("passage")).to_have_count(1)
    expect(page.get_by_test_id("passage-side")).to_contain_text("p. 2")
    assert page.evaluate(POSITION) == before  # the reader stays exactly where they were
    assert passage.page == 2
    assert " ".join(passage.quote.split()) == SENTENCE
    assert [t.name for t in passage.themes.all()] == ["Taal"]
    assert passage.note == "Kern van het taalbeleid"
    assert_no_axe_violations(page)

    # The passage is marked again when the page is read later, and only on page 2.
    page.goto(f"{live_server.url}/policies/{document.pk}/?page=1")
    expect(page.locator("#page-text mark")).to_have_count(0)
    page.goto(f"{live_server.url}/policies/{document.pk}/?page=2")
    expect(page.locator("#page-text mark")).to_have_count(1)


def test_a_reader_reads_the_pages_without_the_panel(page, live_server, reader, login, document):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(reader)
    page.goto(f"{live_server.url}/policies/{document.pk}/?page=2")
    expect(page.get_by_test_id("page-text")).to_contain_text("Taal is de sleutel")
    select(page, SENTENCE)
    expect(page.get_by_test_id("tag-panel")).to_have_count(0)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width, height", [(1280, 720), (768, 1024)])
def test_tagging_needs_no_scrolling_on_a_small_laptop_or_a_tablet(
    page, live_server, consultant, login, document, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    login(consultant)
    page.goto(f"{live_server.url}/policies/{document.pk}/?page=2")
    select(page, SENTENCE)
    add = page.get_by_role("button", name="Kernpassage toevoegen")
    expect(add).to_be_in_viewport(ratio=1)  # the panel opens in the window, near the text
    before = page.evaluate(POSITION)
    page.keyboard.type("taa")
    page.keyboard.press("Enter")
    add.click()
    expect(page.get_by_test_id("tag-status")).to_contain_text("De kernpassage is toegevoegd.")
    assert page.evaluate(POSITION) == before
    passage = Passage.objects.get()
    assert (passage.page, [t.name for t in passage.themes.all()]) == (2, ["Taal"])
    assert_no_axe_violations(page)
