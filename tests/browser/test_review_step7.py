"""Step 7 reviewed in a real browser: axe-core on every page of the plan not covered
elsewhere (as a consultant, and the read pages as a reader), the partner matrix of a
real-sized plan and the timeline on a phone."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plan.models import PlanText, StepKind, StepState
from tests.helpers import assert_no_axe_violations
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
    TargetGroupFactory,
)
from tests.stakeholders.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()
PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def plan(consultant):
    youth = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    objective = ObjectiveFactory(
        target_group=youth,
        text="Jongeren melden discriminatie",
        baseline_on=TODAY - datetime.timedelta(days=300),
        deadline=TODAY + datetime.timedelta(days=700),
    )
    objective.text = "Jongeren uit de wijk melden discriminatie"
    objective.save()  # a second history entry, with a change to show
    measurement = MeasurementFactory(
        objective=objective,
        measured_on=TODAY - datetime.timedelta(days=30),
        value=14,
        source="Bevraging cursisten maatschappelijke oriëntatie, voorjaar",
    )
    organisations = [OrganisationFactory(name=f"Partnerorganisatie {n:02d}") for n in range(12)]
    steps = []
    # A plan of real size: thirty steps over three years, each with partners.
    for n in range(30):
        start = TODAY + datetime.timedelta(days=40 * n - 200)
        step = StepFactory(
            title=f"Stap {n:02d} met een titel van gewone lengte",
            objectives=[objective],
            kind=StepKind.STRUCTURAL if n % 3 else StepKind.ONE_OFF,
            start=start,
            end=start + datetime.timedelta(days=180),
            state=StepState.RUNNING if n < 5 else StepState.PLANNED,
        )
        StepPartnerFactory(step=step, organisation=organisations[n % 12], role="co-organisator")
        steps.append(step)
    steps[0].title = "Wijkcampagne"
    steps[0].save()
    PlanText.objects.create(key="introduction", text="Eerste versie.", updated_by=consultant)
    text = PlanText.objects.get(key="introduction")
    text.text = "Tweede versie van de inleiding."
    text.save()
    return {"target": youth, "objective": objective, "measurement": measurement, "step": steps[0]}


def _pages(plan, *, writer: bool) -> list[str]:
    target, objective, step = plan["target"], plan["objective"], plan["step"]
    read = [
        "/plan/targets/",
        f"/plan/targets/{target.pk}/",
        f"/plan/targets/{target.pk}/history/",
        f"/plan/objectives/{objective.pk}/history/",
        "/plan/steps/",
        f"/plan/steps/{step.pk}/",
        f"/plan/steps/{step.pk}/history/",
        "/plan/check/",
        "/plan/partners/",
        "/plan/timeline/",
        "/plan/timeline/?group=term",
        "/plan/timeline/?band=none",
        "/plan/partners/?signal=no_outside",
        "/plan/check/?rule=smart",
        "/plan/follow-up/",
        "/plan/texts/",
        "/plan/texts/introduction/history/",
    ]
    write = [
        "/plan/targets/new/",
        f"/plan/targets/{target.pk}/edit/",
        f"/plan/targets/{target.pk}/delete/",
        f"/plan/objectives/{objective.pk}/edit/",
        f"/plan/objectives/{objective.pk}/delete/",
        f"/plan/objectives/{objective.pk}/measurements/new/",
        f"/plan/measurements/{plan['measurement'].pk}/edit/",
        f"/plan/measurements/{plan['measurement'].pk}/delete/",
        f"/plan/steps/{step.pk}/edit/",
        f"/plan/steps/{step.pk}/delete/",
        "/plan/texts/introduction/edit/",
        "/plan/partners/?signal=objecting",
        "/plan/partners/?signal=uninvolved",
    ]
    return read + write if writer else read


def test_every_step7_page_passes_axe_for_a_consultant(page, live_server, consultant, login, plan):
    login(consultant)
    for url in _pages(plan, writer=True):
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert_no_axe_violations(page)


def test_every_read_page_passes_axe_for_a_reader(page, live_server, reader, login, plan):
    login(reader)
    for url in _pages(plan, writer=False):
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert_no_axe_violations(page)


def test_the_partner_matrix_of_thirty_steps_stays_in_its_box(
    page, live_server, reader, login, plan
):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(reader)
    page.goto(f"{live_server.url}/plan/partners/")
    expect(page.get_by_test_id("partner-row")).to_have_count(12)
    # The matrix scrolls inside its own box; the page itself does not grow sideways.
    assert page.evaluate(PAGE_OVERFLOW) == 0
    box = page.locator(".table-responsive").filter(has=page.get_by_test_id("partner-matrix"))
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    first = page.get_by_test_id("partner-row").first.locator("th")
    left = first.bounding_box()["x"]
    box.evaluate("e => { e.scrollLeft = 1500; }")
    # The organisation column stays in view while the steps scroll by.
    expect(first).to_be_in_viewport()
    assert abs(first.bounding_box()["x"] - left) < 2

    # On a phone that column would fill the screen: there it scrolls along with the steps.
    page.set_viewport_size({"width": 390, "height": 844})
    box.evaluate("e => { e.scrollLeft = 0; }")
    left = first.bounding_box()["x"]
    box.evaluate("e => { e.scrollLeft = 300; }")
    assert first.bounding_box()["x"] < left - 250
    assert page.evaluate(PAGE_OVERFLOW) == 0


def test_on_a_phone_the_timeline_scrolls_in_its_own_box(page, live_server, consultant, login, plan):
    page.set_viewport_size({"width": 390, "height": 844})
    login(consultant)
    page.goto(f"{live_server.url}/plan/timeline/")
    timeline = page.get_by_role("img", name="Tijdlijn van de stappen, per doelgroep")
    expect(timeline).to_be_visible()
    assert page.evaluate(PAGE_OVERFLOW) == 0
    # Drawn at a readable size (not shrunk to a third), so it scrolls sideways in its box.
    assert timeline.bounding_box()["width"] >= 800
    scroll = page.get_by_role("region", name="Tijdlijn, schuif opzij op een smal scherm")
    scroll.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    scroll.evaluate("e => new Promise(r => setTimeout(r, 400))")  # the browser scrolls smoothly
    assert scroll.evaluate("e => e.scrollLeft") > 0
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/plan/targets/{plan['target'].pk}/")
    expect(page.get_by_test_id("measurement")).to_have_count(1)
    assert page.evaluate(PAGE_OVERFLOW) == 0


def test_the_pdf_progress_page_passes_axe_in_each_state(page, live_server, consultant, login):
    """A large plan's PDF is made in the background: its page, waiting and failed, is usable."""
    from plan.models import ExportState, PlanExport

    login(consultant)
    for state in (ExportState.WAITING, ExportState.FAILED):
        export = PlanExport.objects.create(requested_by=consultant, state=state)
        response = page.goto(f"{live_server.url}/plan/pdf/{export.key}/")
        assert response.status == 200
        assert_no_axe_violations(page)
