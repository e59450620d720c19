"""Step 7's overviews in a real browser: the course check, the partner matrix and the
timeline pass axe-core, and the timeline is drawn without any script."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plan.models import Endorsement, StepKind, StepState
from stakeholders.models import Decision, Sector
from tests.conftest import PASSWORD
from tests.helpers import assert_no_axe_violations
from tests.plan.factories import InviteeFactory, ValidationResponseFactory
from tests.plan.factories_plan import (
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
    TargetGroupFactory,
)
from tests.stakeholders.factories import OrganisationFactory, ShortlistEntryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(db):
    youth = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    objective = ObjectiveFactory(target_group=youth, text="Jongeren nemen deel", indicator="")
    today = timezone.localdate()
    campaign = StepFactory(
        title="Wijkcampagne",
        objectives=[objective],
        start=today - datetime.timedelta(days=60),
        end=today + datetime.timedelta(days=60),
        state=StepState.RUNNING,
        progress=50,
    )
    StepFactory(
        title="Lerend netwerk",
        kind=StepKind.STRUCTURAL,
        objectives=[objective],
        start=today,
        end=today + datetime.timedelta(days=700),
    )
    StepFactory(title="Nog te plannen", start=None, end=None)
    brug = OrganisationFactory(name="Vzw De Brug")
    StepPartnerFactory(step=campaign, organisation=brug, role="gastheer")
    StepPartnerFactory(
        step=campaign, organisation=OrganisationFactory(name="Atlas", sector=Sector.ATLAS)
    )
    ValidationResponseFactory(invitee=InviteeFactory(organisation=brug), position=Endorsement.NOT)
    ShortlistEntryFactory(
        organisation=OrganisationFactory(name="Stadsbibliotheek"),
        decision=Decision.APPROVED,
        decided_at=timezone.now(),
    )
    return youth


def test_course_check_partners_and_timeline_have_no_wcag_violations(
    page, live_server, consultant, login, plan
):
    login(consultant)
    page.goto(f"{live_server.url}/plan/check/")
    expect(page.get_by_test_id("check-rule")).to_have_count(7)
    expect(page.get_by_test_id("check-summary")).to_contain_text("regels in orde")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Partners", exact=True).click()
    expect(page.get_by_test_id("partner-row")).to_have_count(2)
    expect(page.get_by_test_id("flag-objecting")).to_contain_text("Vzw De Brug")
    expect(page.get_by_test_id("flag-uninvolved")).to_contain_text("Stadsbibliotheek")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Tijdlijn", exact=True).click()
    timeline = page.get_by_role("img", name="Tijdlijn van de stappen, per doelgroep")
    expect(timeline).to_be_visible()
    expect(page.get_by_test_id("timeline-bar")).to_have_count(2)
    expect(page.get_by_test_id("timeline-undated")).to_have_text("zonder datums")
    assert_no_axe_violations(page)

    page.get_by_label("Groeperen", exact=True).select_option("term")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("img", name="Tijdlijn van de stappen, per termijn")).to_be_visible()
    assert "group=term" in page.url
    assert_no_axe_violations(page)


def test_timeline_draws_without_javascript(browser, live_server, reader, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(reader.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/plan/timeline/")
    expect(page.get_by_test_id("timeline-today")).to_have_count(1)
    expect(page.get_by_test_id("timeline-bar")).to_have_count(2)
    context.close()
