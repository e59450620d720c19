"""What only a browser shows: logging in, the language switch, and WCAG checks with axe-core."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.helpers import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_switch_language_and_see_the_dashboard(page, live_server, consultant, login):
    login(consultant)
    expect(page.get_by_role("heading", name="Van onderzoek naar een gedragen plan")).to_be_visible()
    expect(page.get_by_test_id("step-card")).to_have_count(7)
    page.get_by_role("button", name="EN (English)").click()
    expect(page.get_by_role("heading", name="From research to an endorsed plan")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="NL (Nederlands)").click()
    expect(page.get_by_role("heading", name="Van onderzoek naar een gedragen plan")).to_be_visible()


def test_login_page_has_no_wcag_violations(page, live_server, db):
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", name="Aanmelden bij AtlasPlan")).to_be_visible()
    assert_no_axe_violations(page)


def test_dashboard_has_no_wcag_violations_and_is_photographed(page, live_server, login, tmp_path):
    """On the demo case, as after `make run`: every step's card filled in."""
    call_command("load_demo", "--password", PASSWORD, stdout=StringIO())
    page.set_viewport_size({"width": 1280, "height": 900})
    login(User.objects.get(username="consultant"))
    expect(page.get_by_test_id("step-card").first).to_contain_text("documenten")
    assert_no_axe_violations(page)
    # The README's screenshot: written to docs/ when ATLASPLAN_SCREENSHOTS is set.
    target = Path(os.environ.get("ATLASPLAN_SCREENSHOTS", tmp_path)) / "dashboard.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


def test_codebook_keyboard_only(page, live_server, consultant, login):
    login(consultant)
    page.goto(f"{live_server.url}/themes/new/")
    expect(page.get_by_label("Naam")).to_be_focused()  # the form opens with the focus in it
    page.keyboard.type("Taal en labels")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Taal en labels")
    assert_no_axe_violations(page)


def test_signing_out_forgets_unsaved_notes_kept_in_the_browser(
    page, live_server, consultant, login
):
    login(consultant)
    page.evaluate("() => localStorage.setItem('atlasplan:note-1-1', 'interviewmateriaal')")
    page.get_by_role("button", name=consultant.get_full_name()).click()
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", name="Aanmelden bij AtlasPlan")).to_be_visible()
    assert page.evaluate("() => localStorage.getItem('atlasplan:note-1-1')") is None
