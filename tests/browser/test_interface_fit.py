"""The English interface fits: the top navigation stays on one row at 1366 wide."""

import pytest
from playwright.sync_api import expect

from atlasplan.roles import Role
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ONE_ROW = """() => {
  const items = [...document.querySelectorAll('#main-nav .nav-item, #main-nav .btn, #main-nav form')]
    .filter((el) => el.offsetParent !== null);
  const tops = items.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2));
  const row = Math.max(...items.map((el) => el.getBoundingClientRect().height));
  return {rows: new Set(tops.map((t) => Math.round(t / 8))).size, spread: Math.max(...tops) - Math.min(...tops),
          height: document.querySelector('#main-nav').getBoundingClientRect().height, row: row,
          items: items.length};
}"""


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_top_navigation_is_one_row_at_1366(page, live_server, login, language):
    # A realistic long name and two roles in the user menu: the widest header there is.
    user = UserFactory(username="kelidrissi", first_name="Karim", last_name="El Idrissi-Vermeulen",
                       role=Role.CONSULTANT)  # fmt: skip
    page.set_viewport_size({"width": 1366, "height": 900})
    login(user)
    if language == "en":
        page.get_by_role("button", name="EN (English)").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    fit = page.evaluate(ONE_ROW)
    assert fit["items"] >= 8
    assert fit["spread"] <= 4, fit  # every link and button on the same line
    assert fit["height"] <= fit["row"] + 8, fit  # the bar is one row high
    # ... and it fits: the page does not scroll sideways for it
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
