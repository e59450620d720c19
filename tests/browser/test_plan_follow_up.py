"""Step 7 follow-up in a real browser: the lights filter with htmx, charts pass axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plan.models import StepState
from tests.helpers import assert_no_axe_violations
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    TargetGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()
YEAR_AGO = TODAY - datetime.timedelta(days=365)
NEXT_YEAR = TODAY + datetime.timedelta(days=365)


@pytest.fixture
def plan(db):
    youth = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    for text, value in [("Meer meldingen", 48), ("Meer verhalen", 10)]:
        objective = ObjectiveFactory(
            target_group=youth,
            text=text,
            baseline=0,
            target=100,
            unit="%",
            baseline_on=YEAR_AGO,
            deadline=NEXT_YEAR,
        )
        MeasurementFactory(objective=objective, measured_on=TODAY, value=value)
    ObjectiveFactory(target_group=youth, text="Nog te meten")
    StepFactory(title="Uitgelopen vorming", start=YEAR_AGO, end=TODAY - datetime.timedelta(days=3))
    StepFactory(title="Lopende werking", start=YEAR_AGO, end=NEXT_YEAR, state=StepState.RUNNING)
    return youth


def test_follow_up_and_charts_have_no_wcag_violations(page, live_server, reader, login, plan):
    login(reader)
    page.goto(f"{live_server.url}/plan/follow-up/")
    expect(page.get_by_test_id("follow-up-row")).to_have_count(3)
    expect(page.get_by_test_id("overdue-step")).to_have_count(1)
    assert_no_axe_violations(page)
    page.get_by_label("Verkeerslicht").select_option("behind")
    expect(page.get_by_test_id("follow-up-row")).to_have_count(1)
    expect(page.get_by_test_id("follow-up-row")).to_contain_text("Meer verhalen")
    assert "light=behind" in page.url
    page.get_by_role("link", name="Meer verhalen").click()
    expect(
        page.get_by_role("img", name="Van nulmeting naar streefwaarde: Meer verhalen")
    ).to_be_visible()
    expect(page.get_by_test_id("traffic-light")).to_have_count(3)
    assert_no_axe_violations(page)
