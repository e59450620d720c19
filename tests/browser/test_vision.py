"""Step 5 in a real browser: the evidence picker's live search, and WCAG checks with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from atlasplan.models import Theme
from interviews.models import ConsentScope
from plan import services
from plan.models import VisionState, VisionVersion
from tests.helpers import assert_no_axe_violations
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.policies.factories import PassageFactory
from tests.workshops.factories import StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def excerpt(phrase: str, themes=()):
    interview = InterviewFactory()
    ConsentFactory(interview=interview, scope=ConsentScope.NAMED)
    transcript = TranscriptFactory(interview=interview, text=f"Begin. {phrase} Einde.")
    return ExcerptFactory(transcript=transcript, phrase=phrase, themes=list(themes))


@pytest.fixture
def vision(consultant):
    taal = Theme.objects.create(name="Taal")
    wonen = Theme.objects.create(name="Wonen")
    linked = excerpt("de taal opent deuren", themes=[taal])
    excerpt("verhalen over de haven")
    excerpt("iets over buurtfeesten")
    excerpt("wonen in de wijk", themes=[wonen])
    StatementFactory(text="We benoemen verschillen", theme=taal, outcome="kept")
    PassageFactory(quote="Kennis van het Nederlands is de sleutel.")
    v1 = VisionVersionFactory(number=1, title="Samen stad", state=VisionState.ADOPTED)
    AmbitionFactory(version=v1, title="Taal als sleutel", themes=[taal], excerpts=[linked])
    v2 = services.new_version(v1, consultant)
    ambition = v2.ambitions.get()
    ambition.text = "Nederlands leren, en meer talen waarderen."
    ambition.save()
    return v1, v2, ambition


def test_typing_a_search_narrows_the_evidence_and_ticked_evidence_stays(
    page, live_server, consultant, login, vision
):
    _, _, ambition = vision
    login(consultant)
    page.goto(f"{live_server.url}/plan/vision/ambitions/{ambition.pk}/edit/")
    excerpts = page.get_by_test_id("picker-excerpts")
    expect(excerpts.get_by_test_id("pick-excerpts")).to_have_count(4)
    page.evaluate("window.notReloaded = true")
    excerpts.get_by_label(re.compile("buurtfeesten")).check()
    page.get_by_label("Zoek in de onderbouwing").fill("haven")
    expect(excerpts.get_by_test_id("pick-excerpts")).to_have_count(3)  # linked, ticked, found
    page.get_by_label("Zoek in de onderbouwing").fill("havenloos")
    expect(excerpts.get_by_test_id("pick-excerpts")).to_have_count(2)  # only what is ticked
    expect(excerpts.get_by_label(re.compile("buurtfeesten"))).to_be_checked()
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the lists only
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("ambition")).to_contain_text("buurtfeesten")


def test_ticking_a_theme_offers_its_excerpts_first(page, live_server, consultant, login, vision):
    _, _, ambition = vision
    login(consultant)
    page.goto(f"{live_server.url}/plan/vision/ambitions/{ambition.pk}/edit/")
    picks = page.get_by_test_id("picker-excerpts").get_by_test_id("pick-excerpts")
    expect(picks.nth(1)).not_to_contain_text("wonen in de wijk")
    page.get_by_role("checkbox", name="Wonen", exact=True).check()
    expect(picks.nth(1)).to_contain_text("wonen in de wijk")
    expect(picks.nth(1)).to_contain_text("op thema")


def test_search_works_with_the_keyboard_alone(page, live_server, consultant, login, vision):
    _, _, ambition = vision
    login(consultant)
    page.goto(f"{live_server.url}/plan/vision/ambitions/{ambition.pk}/edit/")
    page.get_by_label("Thema", exact=True).focus()
    page.keyboard.press("Tab")  # the search button
    expect(page.get_by_role("button", name="Zoeken")).to_be_focused()
    page.get_by_label("Zoek in de onderbouwing").focus()
    page.keyboard.type("haven")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("picker-excerpts").get_by_test_id("pick-excerpts")).to_have_count(2)


def test_step_5_pages_have_no_wcag_violations(page, live_server, consultant, login, vision):
    v1, v2, ambition = vision
    login(consultant)
    for path in [
        f"/plan/vision/compare/?a={v1.pk}&b={v2.pk}",
        "/plan/vision/compare/",
        f"/plan/vision/{v2.pk}/evidence/",
        f"/plan/vision/ambitions/{ambition.pk}/edit/",
        f"/plan/vision/{v2.pk}/",
        "/plan/vision/",
        "/plan/vision/new/",
        f"/plan/vision/{v2.pk}/edit/",
        f"/plan/vision/{v2.pk}/ambitions/new/",
        f"/plan/vision/ambitions/{ambition.pk}/delete/",
        f"/plan/vision/{v2.pk}/history/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)


def test_a_refused_stale_save_shows_both_texts_and_passes_axe(
    page, live_server, consultant, login, vision
):
    _, v2, _ = vision
    login(consultant)
    page.goto(f"{live_server.url}/plan/vision/{v2.pk}/edit/")
    VisionVersion.objects.filter(pk=v2.pk).update(body="Tekst van iemand anders.")
    VisionVersion.objects.get(pk=v2.pk).save()  # a real save: a new stamp
    page.get_by_label("Tekst", exact=True).fill("Mijn eigen tekst.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("stale-save")).to_contain_text("Tekst van iemand anders.")
    expect(page.get_by_label("Tekst", exact=True)).to_have_value("Mijn eigen tekst.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Opslaan").click()  # seen it: save again on purpose
    expect(page.locator(".vision-body")).to_contain_text("Mijn eigen tekst.")
