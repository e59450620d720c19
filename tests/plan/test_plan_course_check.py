"""The course check ("koerscheck"): each rule on a hand-made plan, holding and broken; the page
per role; its query count; the dashboard card of step 7."""

import datetime

import pytest
from django.utils.html import escape

from plan import course_check
from plan.models import Level, StepKind, VisionState
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.plan.factories_plan import ObjectiveFactory, StepFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    """A small plan that keeps every rule: one target group outside the constituency, one
    SMART behaviour objective serving the adopted vision's only ambition, one structural
    step ending before the objective's deadline."""
    version = VisionVersionFactory(state=VisionState.ADOPTED)
    ambition = AmbitionFactory(version=version, title="Iedereen hoort erbij")
    target = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    objective = ObjectiveFactory(
        target_group=target, text="Jongeren doen mee", ambitions=[ambition]
    )
    step = StepFactory(title="Lerend netwerk", kind=StepKind.STRUCTURAL, objectives=[objective])
    return {"version": version, "target": target, "objective": objective, "step": step}


def rule(key: str) -> course_check.Rule:
    return next(r for r in course_check.check() if r.key == key)


def labels(key: str) -> list[str]:
    return [breach.label for breach in rule(key).breaches]


def test_the_hand_made_plan_keeps_every_rule(plan):
    rules = course_check.check()
    assert [r.key for r in rules if not r.holds] == []
    assert course_check.summary(rules) == (7, 7)


# --- each rule broken ----------------------------------------------------------------------


def test_a_target_group_without_a_behaviour_objective_breaks_the_behaviour_rule(plan):
    parents = TargetGroupFactory(name="Ouders")
    ObjectiveFactory(target_group=parents, level=Level.KNOWLEDGE)
    TargetGroupFactory(name="Scholen")  # no objective at all
    assert labels("behaviour") == ["Ouders", "Scholen"]
    assert rule("behaviour").breaches[0].url == f"/plan/targets/{parents.pk}/objectives/new/"


def test_no_target_group_outside_the_constituency_breaks_the_outside_rule(plan):
    plan["target"].outside_constituency = False
    plan["target"].save()
    assert labels("outside") == ["Nog geen doelgroep buiten de eigen achterban"]
    assert rule("outside").breaches[0].url == "/plan/targets/new/"


def test_a_target_group_outside_the_constituency_without_steps_breaks_the_outside_rule(plan):
    newcomers = TargetGroupFactory(name="Nieuwkomers", outside_constituency=True)
    ObjectiveFactory(target_group=newcomers)
    assert labels("outside") == ["Nieuwkomers"]
    assert rule("outside").breaches[0].detail == "geen stappen"


def test_a_behaviour_objective_carried_only_by_a_campaign_breaks_the_lasting_rule(plan):
    plan["step"].kind = StepKind.ONE_OFF
    plan["step"].save()
    StepFactory(kind=StepKind.ONE_OFF, objectives=[plan["objective"]])
    assert labels("lasting") == ["Jongeren doen mee"]
    assert rule("lasting").breaches[0].detail == "enkel eenmalige acties"


def test_a_behaviour_objective_without_steps_breaks_the_lasting_rule(plan):
    ObjectiveFactory(target_group=plan["target"], text="Jongeren stemmen", ambitions=[])
    ObjectiveFactory(target_group=plan["target"], level=Level.ATTITUDE)  # not on behaviour
    assert labels("lasting") == ["Jongeren stemmen"]
    assert rule("lasting").breaches[0].detail == "nog geen stappen"


def test_a_recurring_step_carries_a_behaviour_objective_too(plan):
    plan["step"].kind = StepKind.RECURRING
    plan["step"].save()
    assert rule("lasting").holds


def test_an_objective_missing_a_measure_breaks_the_smart_rule(plan):
    objective = plan["objective"]
    objective.indicator, objective.deadline = "", None
    objective.save()
    breach = rule("smart").breaches[0]
    assert breach.label == "Jongeren doen mee"
    assert breach.detail == "mist: indicator, deadline"
    assert breach.url == f"/plan/objectives/{objective.pk}/edit/"


def test_an_ambition_without_an_objective_breaks_the_ambitions_rule(plan):
    AmbitionFactory(version=plan["version"], title="Verschillen benoemen")
    AmbitionFactory(title="Een concept-ambitie")  # of a version not adopted: not checked
    assert labels("ambitions") == ["Verschillen benoemen"]


def test_without_an_adopted_vision_the_ambitions_rule_is_broken(plan):
    plan["version"].state = VisionState.VALIDATING
    plan["version"].save()
    assert labels("ambitions") == ["Nog geen vastgestelde visie"]


def test_the_ambitions_rule_reads_the_latest_adopted_version(plan):
    newer = VisionVersionFactory(state=VisionState.ADOPTED)
    copy = AmbitionFactory(
        version=newer, title="Iedereen hoort erbij", origin=plan["objective"].ambitions.get()
    )
    breach = rule("ambitions").breaches[0]
    assert breach.label == copy.title
    assert breach.detail == "enkel gekoppeld in een vorige versie van de visie"
    plan["objective"].ambitions.add(copy)
    assert rule("ambitions").holds


def test_a_step_serving_no_objective_breaks_the_steps_rule(plan):
    loose = StepFactory(title="Losse actie")
    assert labels("steps_serve") == ["Losse actie"]
    assert rule("steps_serve").breaches[0].url == f"/plan/steps/{loose.pk}/edit/"


def test_a_step_ending_after_its_objectives_deadline_breaks_the_deadlines_rule(plan):
    plan["step"].end = datetime.date(2029, 3, 31)  # the deadline is 31-12-2028
    plan["step"].save()
    StepFactory(title="Zonder einde", end=None, objectives=[plan["objective"]])
    breach = rule("deadlines").breaches[0]
    assert labels("deadlines") == ["Lerend netwerk"]
    assert "31-3-2029" in breach.detail and "31-12-2028" in breach.detail
    assert "Jongeren doen mee" in breach.detail


# --- the page ------------------------------------------------------------------------------


def test_page_shows_every_rule_and_what_breaks_it(consultant_client, plan):
    StepFactory(title="Losse <actie>")
    html = consultant_client.get("/plan/check/").content.decode()
    assert "6 van 7 regels in orde." in html
    assert html.count('data-testid="check-rule"') == 7
    assert html.count('data-holds="false"') == 1
    assert escape("Losse <actie>") in html and "Losse <actie>" not in html
    assert "Koppel een doelstelling" in html


def test_reader_sees_the_check_without_links_to_fix(reader_client, plan):
    StepFactory(title="Losse actie")
    html = reader_client.get("/plan/check/").content.decode()
    assert "Losse actie" in html and "6 van 7 regels in orde." in html
    assert "/edit/" not in html


@pytest.mark.parametrize(
    "who, status",
    [("consultant_client", 200), ("atlas_client", 200), ("reader_client", 200)],
)
def test_every_role_with_plan_view_opens_the_check(request, who, status):
    assert request.getfixturevalue(who).get("/plan/check/").status_code == status


def test_administrator_is_refused_and_post_is_not_allowed(admin_client_, consultant_client):
    assert admin_client_.get("/plan/check/").status_code == 403
    assert consultant_client.post("/plan/check/").status_code == 405


def test_check_costs_the_same_queries_for_a_larger_plan(
    consultant_client, plan, django_assert_num_queries
):
    from tests.helpers import assert_same_count

    def add_rows(count: int) -> None:
        for _n in range(count):
            target = TargetGroupFactory()
            objective = ObjectiveFactory(target_group=target, level=Level.KNOWLEDGE, indicator="")
            StepFactory(end=datetime.date(2030, 1, 1), objectives=[objective])
            StepFactory()
            AmbitionFactory(version=plan["version"])

    # per row: a target without behaviour, a non-SMART objective, an ambition not served,
    # a step serving nothing, a step ending after the deadline
    assert_same_count(
        consultant_client,
        "/plan/check/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="check-breach"',
        per_row=5,
    )


# --- the dashboard card --------------------------------------------------------------------


def card_html(client) -> str:
    html = client.get("/").content.decode()
    start = html.index('id="step-7-title"')
    return html[start : html.index("</section>", start)]


def test_card_counts_the_rules_that_hold_and_leads_staff_to_the_first_broken_one(
    consultant_client, plan
):
    assert "7 van 7 regels in orde" in card_html(consultant_client)
    StepFactory(title="Losse actie")
    html = card_html(consultant_client)
    assert "6 van 7 regels in orde" in html
    assert "Werk de koerscheck bij: Elke stap dient een doelstelling" in html
    assert 'href="/plan/check/#rule-steps_serve"' in html


def test_card_gives_readers_no_to_do(reader_client, plan):
    StepFactory(title="Losse actie")
    html = card_html(reader_client)
    assert "6 van 7 regels in orde" in html
    assert "Lees het plan" in html and "Werk de koerscheck bij" not in html


def test_card_on_an_empty_plan_asks_for_the_first_target_group(atlas_client):
    html = card_html(atlas_client)
    assert "Voeg de eerste doelgroep toe" in html and 'href="/plan/targets/new/"' in html


def test_a_long_rule_lists_its_first_breaches_and_links_to_all(consultant_client, plan):
    for n in range(25):
        StepFactory(title=f"Losse stap {n:03d}")
    html = consultant_client.get("/plan/check/").content.decode()
    assert "25 problemen" in html
    assert html.count('data-testid="check-breach"') == 20
    assert 'href="?rule=steps_serve"' in html and "Toon alle 25" in html
    full = consultant_client.get("/plan/check/?rule=steps_serve").content.decode()
    assert full.count('data-testid="check-breach"') == 25 and "Losse stap 024" in full
    assert course_check.check(limit=0)[5].count == 25  # the card and the PDF: counts only


def test_a_rules_full_list_costs_the_same_queries_for_more_breaches(
    consultant_client, plan, django_assert_num_queries
):
    def add_rows(count: int) -> None:
        for _n in range(count):
            StepFactory()

    add_rows(2)
    assert_same_count(
        consultant_client,
        "/plan/check/",
        add_rows,
        django_assert_num_queries,
        params={"rule": "steps_serve"},
        marker='data-testid="check-breach"',
    )
