"""The library in a real browser: live filtering with htmx, and WCAG checks with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from atlasplan.models import Theme
from tests.helpers import assert_no_axe_violations
from tests.policies.factories import PassageFactory, PolicyDocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(db):
    taal = Theme.objects.create(name="Taal", colour="#f4a261")
    first = PolicyDocumentFactory(
        title="Vlaamse beleidsnota inburgering", level="flemish", year=2024
    )
    first.themes.add(taal)
    PassageFactory(
        document=first, quote="Kennis van het Nederlands is de sleutel tot participatie."
    )
    PolicyDocumentFactory(title="Bestuursakkoord Antwerpen", level="city", year=2025)
    return first


def test_filtering_updates_the_list_without_a_reload_and_keeps_the_url(
    page, live_server, consultant, login, library
):
    login(consultant)
    page.goto(f"{live_server.url}/policies/")
    expect(page.get_by_test_id("document-row")).to_have_count(2)
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Niveau").select_option("flemish")
    expect(page.get_by_test_id("document-row")).to_have_count(1)
    expect(page.get_by_test_id("document-row")).to_contain_text("Vlaamse beleidsnota inburgering")
    expect(page).to_have_url(re.compile(r"level=flemish"))
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the rows only
    page.reload()
    expect(page.get_by_test_id("document-row")).to_have_count(1)  # the URL kept the filter


def test_typing_a_search_narrows_the_list(page, live_server, consultant, login, library):
    login(consultant)
    page.goto(f"{live_server.url}/policies/")
    page.get_by_role("searchbox", name="Zoeken").fill("akkoord")
    expect(page.get_by_test_id("document-row")).to_have_count(1)
    expect(page.get_by_test_id("result-count")).to_contain_text("1 document")


def test_library_pages_have_no_wcag_violations(page, live_server, consultant, login, library):
    login(consultant)
    for path in ["/policies/", "/policies/?q=sleutel", f"/policies/{library.pk}/", "/policies/new/",
                 "/policies/upload/", "/policies/map/"]:  # fmt: skip
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)


def test_reader_sees_no_edit_controls(page, live_server, reader, login, library):
    login(reader)
    page.goto(f"{live_server.url}/policies/{library.pk}/")
    expect(page.get_by_role("heading", name="Vlaamse beleidsnota inburgering")).to_be_visible()
    expect(page.get_by_role("link", name="Bewerken")).to_have_count(0)
    expect(page.get_by_role("link", name="Passage toevoegen")).to_have_count(0)
