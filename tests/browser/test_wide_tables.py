"""Wide tables fit the page: on the demo case, at 1280 wide, the page never scrolls sideways;
the table scrolls inside its own box, and its first column stays in view while it does."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tests.conftest import PASSWORD
from tests.helpers import assert_no_axe_violations
from workshops.models import Workshop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"

# Scroll the table's box to its far right; where the box and the first cell of the first body
# row then are (the cell must still lie inside the box), and whether the box had to scroll.
SCROLL_AND_MEASURE = """(table) => {
  const box = table.closest('.table-responsive');
  box.scrollLeft = box.scrollWidth;
  const cell = table.querySelector('tbody tr > :first-child').getBoundingClientRect();
  const frame = box.getBoundingClientRect();
  return {scrolled: box.scrollLeft, overflows: box.scrollWidth > box.clientWidth,
          cellLeft: cell.left, cellRight: cell.right, boxLeft: frame.left, boxRight: frame.right};
}"""


def wide_pages() -> dict[str, str]:
    workshop = Workshop.objects.get()
    return {
        "position map": "/interviews/positions/",
        "partner matrix": "/plan/partners/",
        "workshop results": f"/workshops/{workshop.pk}/results/",
        "stakeholder register": "/stakeholders/",
        "stakeholder grid": "/stakeholders/grid/",
        "policy map": "/policies/map/",
    }


def test_wide_tables_fit_the_page_and_keep_their_first_column_in_view(page, live_server, login):
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO())
    login(User.objects.get(username="consultant"))
    for name, url in wide_pages().items():
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{live_server.url}{url}")
        table = page.locator("table.table-wide").first
        assert table.is_visible(), name
        assert page.evaluate(PAGE_FITS), f"{name}: the page scrolls sideways at 1280"
        assert_no_axe_violations(page)

        # Narrower (still a laptop-sized layout), every one of these tables must scroll.
        page.set_viewport_size({"width": 800, "height": 800})
        assert page.evaluate(PAGE_FITS), f"{name}: the page scrolls sideways at 800"
        box = table.evaluate(SCROLL_AND_MEASURE)
        if not box["overflows"]:
            continue  # a narrow table (the grid's) fits without scrolling
        assert box["scrolled"] > 0, name
        assert box["boxLeft"] - 1 <= box["cellLeft"] < box["cellRight"] <= box["boxRight"], (
            f"{name}: the first column left the view after scrolling",
            box,
        )


def test_the_position_map_must_scroll_at_800_and_its_headers_wrap(page, live_server, login):
    """The check above is not empty: the position map does overflow a narrow view, and its
    theme headers wrap onto several lines instead of stretching the table."""
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO())
    login(User.objects.get(username="consultant"))
    page.set_viewport_size({"width": 800, "height": 800})
    page.goto(f"{live_server.url}/interviews/positions/")
    table = page.locator("table.table-wide")
    box = table.evaluate(SCROLL_AND_MEASURE)
    assert box["overflows"] and box["scrolled"] > 0
    assert box["boxLeft"] - 1 <= box["cellLeft"]
    header = page.get_by_role("columnheader", name="Verbindende identiteit")
    assert header.bounding_box()["width"] <= 9 * 16 + 1  # 9rem at most: the name wraps
