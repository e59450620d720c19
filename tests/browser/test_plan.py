"""Step 7 in a real browser: the plan's lists filter with htmx and pass axe-core."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.helpers import assert_no_axe_violations
from tests.plan.factories_plan import (
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
    TargetGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(db):
    youth = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    employers = TargetGroupFactory(name="Werkgevers")
    smart = ObjectiveFactory(target_group=youth, text="Jongeren kennen het aanbod")
    ObjectiveFactory(target_group=youth, text="Jongeren nemen deel", indicator="", target=None)
    hiring = ObjectiveFactory(target_group=employers, text="Werkgevers werven divers")
    campaign = StepFactory(title="Wijkcampagne", objectives=[smart])
    StepPartnerFactory(step=campaign, role="gastheer")
    StepFactory(
        title="Lerend netwerk",
        objectives=[hiring],
        kind="structural",
        state="running",
        end=datetime.date(2030, 12, 31),
    )
    return youth


def test_target_groups_and_objectives_have_no_wcag_violations(
    page, live_server, consultant, login, plan
):
    login(consultant)
    page.get_by_role("link", name="Communicatieplan").first.click()
    expect(page.get_by_test_id("target-row")).to_have_count(2)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Jongeren uit de wijk").click()
    expect(page.get_by_test_id("objective")).to_have_count(2)
    expect(page.get_by_test_id("not-smart")).to_contain_text("indicator, streefwaarde")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Doelstelling toevoegen").click()
    expect(page.get_by_role("heading", name="Nieuwe doelstelling")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/plan/texts/")
    expect(page.get_by_test_id("plan-text")).to_have_count(3)
    assert_no_axe_violations(page)


def test_steps_filter_with_htmx_and_the_step_form_has_no_wcag_violations(
    page, live_server, atlas_member, login, plan
):
    login(atlas_member)
    page.goto(f"{live_server.url}/plan/steps/")
    expect(page.get_by_test_id("step-row")).to_have_count(2)
    assert_no_axe_violations(page)
    page.get_by_label("Termijn", exact=True).select_option("long")
    expect(page.get_by_test_id("step-row")).to_have_count(1)
    expect(page.get_by_test_id("step-row")).to_contain_text("Lerend netwerk")
    assert "term=long" in page.url
    page.get_by_label("Zoeken", exact=True).fill("zzz")
    expect(page.get_by_text("Geen stappen gevonden")).to_be_visible()
    page.goto(f"{live_server.url}/plan/steps/new/")
    assert_no_axe_violations(page)
