"""Live voting as only a browser shows it: two phones vote, the presenter screen follows."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import assert_no_axe_violations
from tests.workshops.factories import StatementFactory, WorkshopFactory, votes
from workshops.models import Vote, Workshop
from workshops.public_views import COOKIE_NAME

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# Every address the page loaded: the page itself, redirects included, and its resources.
VISITED = """() => [location.href, ...performance.getEntriesByType("navigation").map(e => e.name),
    ...performance.getEntriesByType("resource").map(e => e.name)]"""


@pytest.fixture
def open_workshop(consultant):
    workshop = WorkshopFactory(title="Stellingen aftoetsen", facilitator=consultant)
    StatementFactory(workshop=workshop, order=1, text="Antwerpen is een stad van iedereen.")
    StatementFactory(workshop=workshop, order=2, text="We benoemen verschillen openlijk.")
    return workshop


def phone_answers(browser, url: str, answer: str):
    """A participant on a phone opens the QR address and answers the first statement."""
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(url)
    first = phone.get_by_role("group", name=re.compile("^1. Antwerpen"))
    first.get_by_text(answer, exact=True).click()
    phone.get_by_role("button", name="Bewaar antwoord op stelling 1").click()
    expect(phone.get_by_test_id("vote-status").first).to_have_text(f"Bewaard: {answer.lower()}")
    return context, phone


def test_two_phones_vote_while_the_presenter_screen_updates(
    browser, page, live_server, consultant, login, open_workshop
):
    login(consultant)
    page.goto(f"{live_server.url}/workshops/{open_workshop.pk}/present/")
    page.get_by_role("button", name="Toon de resultaten").click()
    counts = page.get_by_test_id("live-count")
    expect(counts.first).to_have_text("0 stemmen")

    vote_url = f"{live_server.url}/v/{open_workshop.code}/"
    first_phone, phone = phone_answers(browser, vote_url, "Eens")
    # The ballot token travels in its cookie only, never in an address the phone visited.
    [ballot] = [c for c in first_phone.cookies() if c["name"] == COOKIE_NAME]
    token = ballot["value"].split(":")[0]
    assert len(token) >= 43
    assert token not in phone.url
    assert all(token not in entry for entry in phone.evaluate(VISITED))
    expect(counts.first).to_have_text("1 stem", timeout=8000)

    # The second participant types a comment on statement 2, then answers statement 1:
    # the answer is saved and what they typed is still there.
    second_phone = browser.new_context(viewport=PHONE)
    other = second_phone.new_page()
    other.goto(vote_url)
    other.get_by_label("Opmerking (niet verplicht)").nth(1).fill("Ik twijfel nog")
    first = other.get_by_role("group", name=re.compile("^1. Antwerpen"))
    first.get_by_text("Helemaal oneens", exact=True).click()
    other.get_by_role("button", name="Bewaar antwoord op stelling 1").click()
    expect(other.get_by_test_id("vote-status").first).to_have_text("Bewaard: helemaal oneens")
    expect(other.get_by_label("Opmerking (niet verplicht)").nth(1)).to_have_value("Ik twijfel nog")

    expect(counts.first).to_have_text("2 stemmen", timeout=8000)
    expect(page.get_by_test_id("result-counts").first).to_contain_text("eens: 1")
    expect(page.get_by_test_id("result-counts").first).to_contain_text("helemaal oneens: 1")
    assert sorted(Vote.objects.values_list("value", flat=True)) == [1, 4]

    # Closing the workshop: the phone learns it by itself, and an answer sent anyway gets a
    # clear refusal; nothing is stored.
    Workshop.objects.filter(pk=open_workshop.pk).update(state=Workshop.State.CLOSED)
    expect(phone.get_by_test_id("ballot-state")).to_contain_text("gesloten", timeout=8000)
    phone.get_by_role("group", name=re.compile("^1. Antwerpen")).get_by_text(
        "Neutraal", exact=True
    ).click()
    phone.get_by_role("button", name="Bewaar antwoord op stelling 1").click()
    expect(phone.get_by_test_id("vote-refused")).to_contain_text("De stemming")
    assert sorted(Vote.objects.values_list("value", flat=True)) == [1, 4]
    first_phone.close()
    second_phone.close()


def test_voting_page_on_a_phone_has_no_wcag_violations(browser, live_server, open_workshop):
    # Reduced motion: Bootstrap then skips the colour transition of the chosen answer, so
    # axe measures its contrast as the participant sees it, not halfway through a fade.
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    phone = context.new_page()
    phone.goto(f"{live_server.url}/v/{open_workshop.code}/")
    expect(phone.get_by_role("heading", name="Stellingen aftoetsen")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.get_by_role("group", name=re.compile("^1. Antwerpen")).get_by_text(
        "Pas / weet niet", exact=True
    ).click()
    phone.keyboard.press("Tab")
    phone.get_by_role("button", name="Bewaar antwoord op stelling 1").press("Enter")
    expect(phone.get_by_test_id("vote-status").first).to_have_text("Bewaard: pas / weet niet")
    assert_no_axe_violations(phone)
    context.close()


def test_an_unexpected_answer_shows_a_short_message(browser, live_server, open_workshop):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/v/{open_workshop.code}/")
    context.clear_cookies(name="csrftoken")  # as if the CSRF token had rotated meanwhile
    phone.get_by_role("group", name=re.compile("^1. Antwerpen")).get_by_text(
        "Eens", exact=True
    ).click()
    phone.get_by_role("button", name="Bewaar antwoord op stelling 1").click()
    expect(phone.get_by_test_id("vote-refused")).to_have_text(
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


def test_results_and_presenter_have_no_wcag_violations(
    page, live_server, consultant, login, open_workshop
):
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
