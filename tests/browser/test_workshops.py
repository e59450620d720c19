"""Live voting as only a browser shows it: phones vote with one tap per statement and follow
the presenter; the presenter screen is driven by the keyboard and read from the back."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import assert_no_axe_violations
from tests.workshops.factories import StatementFactory, WorkshopFactory, votes
from workshops.models import Ballot, Vote, Workshop
from workshops.public_views import COOKIE_NAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
# Readable from the back of a room (about 10 m from a 2 m wide screen showing 1920 px):
# statement text at least 40 CSS px, the numbers at least 48 CSS px, at 1920x1080.
MIN_STATEMENT_PX = 40
MIN_NUMBER_PX = 48
# Every address the page loaded: the page itself, redirects included, and its resources.
VISITED = """() => [location.href, ...performance.getEntriesByType("navigation").map(e => e.name),
    ...performance.getEntriesByType("resource").map(e => e.name)]"""
FONT_SIZE = "e => parseFloat(getComputedStyle(e).fontSize)"


@pytest.fixture
def open_workshop(consultant):
    workshop = WorkshopFactory(title="Stellingen aftoetsen", facilitator=consultant)
    StatementFactory(workshop=workshop, order=1, text="Antwerpen is een stad van iedereen.")
    StatementFactory(workshop=workshop, order=2, text="We benoemen verschillen openlijk.")
    return workshop


def screenshot(page, name: str, tmp_path: Path, **options) -> None:
    """The README's screenshots: written to docs/ when ATLASPLAN_SCREENSHOTS is set."""
    target = Path(os.environ.get("ATLASPLAN_SCREENSHOTS", tmp_path)) / name
    page.screenshot(path=str(target), **options)
    assert target.stat().st_size > 5_000


def open_phone(browser, url: str, **options):
    context = browser.new_context(viewport=PHONE, **options)
    phone = context.new_page()
    phone.goto(url)
    return context, phone


def shown(phone):
    """The one statement the phone shows."""
    return phone.locator("section[data-testid=ballot-statement]:visible")


def tap(phone, answer: str) -> None:
    shown(phone).get_by_text(answer, exact=True).click()


def status(phone):
    return shown(phone).get_by_test_id("vote-status")


def test_three_phones_vote_one_tap_each_while_the_presenter_moves_on(
    browser, page, live_server, consultant, login, open_workshop, tmp_path
):
    first, second = open_workshop.statements.order_by("order")
    page.set_viewport_size(PROJECTOR)
    login(consultant)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/present/")
    expect(page.get_by_test_id("present-code")).to_have_text(open_workshop.code)

    vote_url = f"{live_server.url}/v/{open_workshop.code}/"
    phones = [open_phone(browser, vote_url) for _ in range(3)]
    for _context, phone in phones:  # following the presenter, who still shows the QR code
        expect(phone.get_by_test_id("ballot-waiting")).to_be_visible()
        expect(shown(phone)).to_have_count(0)
    expect(page.get_by_test_id("live-ballots")).to_have_text("3 deelnemers", timeout=8000)

    # The ballot token travels in its cookie only, never in an address the phone visited.
    context, phone = phones[0]
    [cookie] = [c for c in context.cookies() if c["name"] == COOKIE_NAME]
    token = cookie["value"].split(":")[0]
    assert len(token) >= 43
    assert all(token not in entry for entry in phone.evaluate(VISITED))

    # The presenter moves on with the keyboard: every phone shows statement 1 by itself.
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("present-statement")).to_have_text(first.text)
    for _context, phone in phones:
        expect(shown(phone)).to_contain_text(first.text, timeout=8000)
        expect(shown(phone).get_by_test_id("ballot-progress")).to_have_text("1 van 2")
        expect(shown(phone).get_by_role("button", name="Volgende")).to_be_hidden()

    # One phone loses its network: its tap waits, visibly, and arrives once it is back.
    offline_context, offline_phone = phones[2]
    offline_context.set_offline(True)
    tap(phones[0][1], "Eens")
    tap(phones[1][1], "Helemaal eens")
    tap(offline_phone, "Oneens")
    expect(status(phones[0][1])).to_have_text("Bewaard: eens")
    expect(status(phones[1][1])).to_have_text("Bewaard: helemaal eens")
    expect(status(offline_phone).get_by_test_id("vote-pending")).to_contain_text(
        "geen verbinding", timeout=8000
    )
    expect(page.get_by_test_id("live-count")).to_have_text("2 stemmen", timeout=8000)
    assert Vote.objects.filter(statement=first).count() == 2
    screenshot(offline_phone, "workshop-phone-offline.png", tmp_path)
    offline_context.set_offline(False)
    expect(status(offline_phone)).to_have_text("Bewaard: oneens", timeout=15000)
    expect(page.get_by_test_id("live-count")).to_have_text("3 stemmen", timeout=8000)

    # R reveals the results: a bar per answer with its label and its number as text.
    page.keyboard.press("r")
    expect(page.get_by_test_id("present-bar")).to_have_count(6)
    values = page.get_by_test_id("present-value")
    expect(values).to_have_text(["0", "1", "0", "1", "1", "0"])

    # Space: the next statement, results hidden again; the phones follow.
    page.keyboard.press(" ")
    expect(page.get_by_test_id("present-progress")).to_have_text("Stelling 2 van 2")
    expect(page.get_by_test_id("present-bars")).to_have_count(0)
    expect(phones[0][1].locator("#ballot-announce")).to_contain_text(
        f"2 van 2: 2. {second.text}", timeout=8000
    )
    for (_context, phone), answer in zip(
        phones, ["Neutraal", "Eens", "Pas / weet niet"], strict=True
    ):
        expect(shown(phone)).to_contain_text(second.text, timeout=8000)
        tap(phone, answer)
        expect(status(phone)).to_have_text(f"Bewaard: {answer.lower()}")
    expect(page.get_by_test_id("live-count")).to_have_text("3 stemmen", timeout=8000)

    # The last statement answered: the phone shows a summary of its answers.
    summary = phones[1][1].get_by_test_id("ballot-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Helemaal eens")
    expect(summary).to_contain_text("Eens")
    screenshot(phones[1][1], "workshop-phone.png", tmp_path, full_page=True)

    # Every vote stored once: three ballots, two statements, six votes.
    assert Ballot.objects.filter(workshop=open_workshop).count() == 3
    stored = sorted(Vote.objects.values_list("statement__order", "value"))
    assert stored == [(1, 2), (1, 4), (1, 5), (2, 0), (2, 3), (2, 4)]
    for context, _phone in phones:
        context.close()


def test_a_changed_answer_keeps_its_comment_and_voting_closes_on_the_phone(
    browser, live_server, open_workshop
):
    Workshop.objects.filter(pk=open_workshop.pk).update(follow_presenter=False)
    context, phone = open_phone(browser, f"{live_server.url}/v/{open_workshop.code}/")
    expect(shown(phone).get_by_test_id("ballot-progress")).to_have_text("1 van 2")
    # Typing a comment first, then tapping: the answer is saved, the comment is still there.
    shown(phone).get_by_label("Opmerking (niet verplicht)").fill("Ik twijfel nog")
    tap(phone, "Helemaal oneens")
    expect(status(phone)).to_have_text("Bewaard: helemaal oneens")
    expect(shown(phone).get_by_label("Opmerking (niet verplicht)")).to_have_value("Ik twijfel nog")
    shown(phone).get_by_role("button", name="Bewaar opmerking bij stelling 1").click()
    expect(shown(phone).get_by_test_id("comment-status")).to_have_text("Opmerking bewaard")
    tap(phone, "Oneens")  # changed: the comment stays
    expect(status(phone)).to_have_text("Bewaard: oneens")
    assert list(Vote.objects.values_list("value", "comment")) == [(2, "Ik twijfel nog")]

    # Free browsing: next, and back to the first statement.
    shown(phone).get_by_role("button", name="Volgende").click()
    expect(shown(phone).get_by_test_id("ballot-progress")).to_have_text("2 van 2")
    shown(phone).get_by_role("button", name="Vorige").click()
    expect(shown(phone).get_by_test_id("ballot-progress")).to_have_text("1 van 2")

    # Closing: an answer sent before the phone heard of it is refused, and nothing stored;
    # then the phone learns it by itself and shows the summary.
    phone.route("**/state/", lambda route: route.abort())
    Workshop.objects.filter(pk=open_workshop.pk).update(state=Workshop.State.CLOSED)
    tap(phone, "Neutraal")
    expect(status(phone).get_by_test_id("vote-refused")).to_contain_text("De stemming")
    phone.unroute("**/state/")
    expect(phone.get_by_test_id("ballot-state")).to_contain_text("gesloten", timeout=8000)
    expect(phone.get_by_test_id("ballot-summary")).to_be_visible()
    assert list(Vote.objects.values_list("value", flat=True)) == [2]
    context.close()


def test_voting_page_on_a_phone_has_no_wcag_violations(browser, live_server, open_workshop):
    # Reduced motion: Bootstrap then skips the colour transition of the chosen answer, so
    # axe measures its contrast as the participant sees it, not halfway through a fade.
    Workshop.objects.filter(pk=open_workshop.pk).update(follow_presenter=False)
    context, phone = open_phone(
        browser, f"{live_server.url}/v/{open_workshop.code}/", reduced_motion="reduce"
    )
    expect(phone.get_by_role("heading", name="Stellingen aftoetsen")).to_be_visible()
    assert_no_axe_violations(phone)
    # Large touch targets: every answer at least 48 px high and nearly the phone's width.
    for box in [a.bounding_box() for a in shown(phone).locator("label.ballot-answer").all()]:
        assert box["height"] >= 48 and box["width"] >= 300
    tap(phone, "Pas / weet niet")
    expect(status(phone)).to_have_text("Bewaard: pas / weet niet")
    assert_no_axe_violations(phone)
    context.close()


def test_the_phone_votes_in_english(browser, live_server, open_workshop):
    Workshop.objects.filter(pk=open_workshop.pk).update(follow_presenter=False)
    context, phone = open_phone(browser, f"{live_server.url}/v/{open_workshop.code}/")
    phone.get_by_role("button", name="EN (English)").click()
    expect(shown(phone).get_by_test_id("ballot-progress")).to_have_text("1 of 2")
    tap(phone, "Agree")
    expect(status(phone)).to_have_text("Saved: agree")
    assert_no_axe_violations(phone)
    context.close()


def test_an_unexpected_answer_shows_a_short_message(browser, live_server, open_workshop):
    Workshop.objects.filter(pk=open_workshop.pk).update(follow_presenter=False)
    context, phone = open_phone(browser, f"{live_server.url}/v/{open_workshop.code}/")
    context.clear_cookies(name="csrftoken")  # as if the CSRF token had rotated meanwhile
    tap(phone, "Eens")
    expect(status(phone).get_by_test_id("vote-refused")).to_have_text(
        "Uw antwoord is niet bewaard. Herlaad de pagina en probeer opnieuw."
    )
    expect(phone.locator("h1")).to_have_count(1)  # no page swapped into the page
    assert not Vote.objects.exists()
    context.close()


def test_short_address_page_has_no_wcag_violations(browser, live_server, open_workshop):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/v/")
    phone.get_by_label("Code").fill(open_workshop.code.lower())
    phone.get_by_role("button", name="Verder").click()
    expect(phone.get_by_role("heading", name="Stellingen aftoetsen")).to_be_visible()
    assert_no_axe_violations(phone)
    context.close()


def test_the_presenter_is_driven_by_the_keyboard_and_read_from_the_back(
    page, live_server, consultant, login, open_workshop, tmp_path
):
    first, second = open_workshop.statements.order_by("order")
    votes(first, {5: 6, 4: 3, 3: 1, 2: 2, 0: 1})
    page.set_viewport_size(PROJECTOR)
    login(consultant)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/present/")
    # The join screen: a large QR code and the code, no app chrome.
    qr = page.get_by_role("img", name="QR-code naar de stempagina")
    assert qr.bounding_box()["width"] >= 480
    assert page.get_by_test_id("present-code").evaluate(FONT_SIZE) >= MIN_NUMBER_PX
    expect(page.locator("nav, .breadcrumb, header")).to_have_count(0)
    assert_no_axe_violations(page)
    screenshot(page, "workshop-present-join.png", tmp_path, scale="css")

    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("present-progress")).to_have_text("Stelling 1 van 2")
    expect(page.get_by_test_id("present-bars")).to_have_count(0)  # hidden until revealed
    page.keyboard.press("R")
    expect(page.get_by_test_id("present-bar")).to_have_count(6)
    expect(page.get_by_test_id("present-value")).to_have_text(["0", "2", "1", "3", "6", "1"])
    statement = page.get_by_test_id("present-statement")
    assert statement.evaluate(FONT_SIZE) >= MIN_STATEMENT_PX
    for number in page.locator(".present-number").all():
        assert number.evaluate(FONT_SIZE) >= MIN_NUMBER_PX
    assert_no_axe_violations(page)
    screenshot(page, "workshop-present-results.png", tmp_path, scale="css")
    page.keyboard.press("r")  # R again hides them
    expect(page.get_by_test_id("present-bars")).to_have_count(0)

    page.keyboard.press("PageDown")  # a presentation clicker sends Page Down
    expect(page.get_by_test_id("present-statement")).to_have_text(second.text)
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_test_id("present-statement")).to_have_text(first.text)
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_test_id("present-code")).to_be_visible()  # back to the join screen

    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === null")


def test_the_facilitator_panel_moves_the_screen_in_another_window(
    page, live_server, consultant, login, open_workshop
):
    login(consultant)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/present/control/")
    with page.context.expect_page() as opened:
        page.get_by_test_id("open-presenter").click()
    screen = opened.value
    expect(screen.get_by_test_id("present-code")).to_be_visible()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_test_id("control-panel")).to_contain_text("Stelling 1 van 2")
    expect(screen.get_by_test_id("present-progress")).to_have_text("Stelling 1 van 2", timeout=8000)
    page.get_by_role("button", name="Toon de resultaten").click()
    expect(screen.get_by_test_id("present-bars")).to_be_visible(timeout=8000)
    assert_no_axe_violations(page)


def test_results_page_has_no_wcag_violations(page, live_server, consultant, login, open_workshop):
    Workshop.objects.filter(pk=open_workshop.pk).update(
        ask_role=True, role_options="Communicatie\nBeleid", results_revealed=True
    )
    first, second = open_workshop.statements.all()
    votes(first, {5: 6, 4: 3, 3: 1, 0: 1}, role="Communicatie")
    votes(second, {1: 4, 2: 2, 4: 2, 5: 4}, role="Beleid")
    page.set_viewport_size({"width": 1280, "height": 900})
    login(consultant)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/results/")
    expect(page.get_by_role("heading", name="Meest verdeeld")).to_be_visible()
    expect(page.get_by_test_id("result-bar")).to_have_count(4)  # 2 statements + 2 roles
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/present/")
    expect(page.get_by_test_id("result-bar")).to_have_count(2)
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/")
    assert_no_axe_violations(page)
