"""Step 7 of the demo case (`load_demo`): the communication plan on the vastgestelde vision.

The demo is loaded once for this module, inside a transaction rolled back at the end (as in
``tests/plan/test_demo_plan.py``); each test runs in its own savepoint.
"""

from io import StringIO

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from plan import demo_plan_data as data
from plan.follow_up import Light, attention, follow_up, objectives_with_measurements
from plan.models import (
    Level,
    Measurement,
    Objective,
    PlanText,
    Step,
    StepKind,
    StepPartner,
    TargetGroup,
)
from plan.models.plan import adopted_version
from tests.conftest import client_for

PASSWORD = "demo-wachtwoord-7"


def client_of(username: str) -> Client:
    return client_for(User.objects.get(username=username))


def test_five_target_groups_two_outside_the_own_constituency(demo_db):
    assert TargetGroup.objects.count() == 5
    assert TargetGroup.objects.filter(outside_constituency=True).count() == 2
    assert "communication plan: 5 target groups, 12 objectives, 30 steps" in demo_db


def test_objectives_on_all_three_levels_serve_every_adopted_ambition(demo_db):
    assert Objective.objects.count() == len(data.OBJECTIVES) == 12
    assert set(Objective.objects.values_list("level", flat=True)) == set(Level.values)
    version = adopted_version()
    assert version.number == 2
    for ambition in version.ambitions.all():
        assert ambition.objectives.exists(), ambition.title
    assert not Objective.objects.exclude(ambitions__version=version).exists()


def test_steps_have_partners_from_the_register_over_three_years(demo_db):
    assert Step.objects.count() == len(data.STEPS) == 30
    expected = sum(len(spec["partners"]) for spec in data.STEPS)
    assert StepPartner.objects.count() == expected  # every partner found by its name
    today = timezone.localdate()
    last_end = max(Step.objects.values_list("end", flat=True))
    assert 2.5 * 365 < (last_end - today).days <= 3 * 365
    assert not Step.objects.filter(objectives=None).exists()
    for step in Step.objects.prefetch_related("objectives"):
        for objective in step.objectives.all():
            assert step.end <= objective.deadline, step.title


def test_measurements_show_most_objectives_on_course_and_one_at_risk(demo_db):
    assert Measurement.objects.count() == len(data.MEASUREMENTS)
    lights = {o.pk: follow_up(o).light for o in objectives_with_measurements()}
    measured = [light for light in lights.values() if light != Light.NOT_MEASURED]
    at_risk = Objective.objects.get(indicator__startswith="Meldingen door jongeren")
    assert lights[at_risk.pk] == Light.AT_RISK
    assert measured.count(Light.ON_TRACK) == 5 and Light.BEHIND not in measured
    result = attention()
    assert (result.overdue_steps, result.at_risk, result.behind) == (1, 1, 0)


def test_two_rules_of_the_course_check_are_visibly_broken(demo_db):
    without_behaviour = TargetGroup.objects.exclude(objectives__level=Level.BEHAVIOUR)
    assert list(without_behaviour.values_list("name", flat=True)) == [
        "Medewerkers van de stad en van Atlas"
    ]
    not_smart = [o for o in Objective.objects.all() if not o.is_smart]
    assert [str(o.text) for o in not_smart] == [
        "Kleine ondernemers zien anoniem en op competenties werven als een kans."
    ]
    # The other rules hold: behaviour is carried by structural or recurring work.
    lasting = [StepKind.STRUCTURAL, StepKind.RECURRING]
    for objective in Objective.objects.filter(level=Level.BEHAVIOUR):
        assert objective.steps.filter(kind__in=lasting).exists(), objective.text
    for group in TargetGroup.objects.filter(outside_constituency=True):
        assert Step.objects.filter(objectives__target_group=group).exists()


def test_plan_texts_are_written_and_marked_fictional(demo_db):
    assert PlanText.objects.count() == 3
    for text in PlanText.objects.all():
        assert "Fictieve" in text.text and text.updated_by.username == "consultant"


def test_reader_follows_the_plan_in_the_browserless_pages(demo_db):
    reader = client_of("lezer")
    html = reader.get("/plan/follow-up/").content.decode()
    assert 'data-light="at_risk"' in html and html.count('data-testid="overdue-step"') == 1
    assert escape("Vormingsreeks “Verschillen benoemen”") in html
    texts = reader.get("/plan/texts/").content.decode()
    assert "telt 40 organisaties" in texts and "gegenereerd uit het onderzoek" in texts
    api = reader.get("/plan/api/objectives/").json()
    assert api["count"] == 12


def test_an_objective_cites_interview_evidence_through_the_boundary(demo_db):
    objective = Objective.objects.get(text__startswith="Zelforganisaties voelen zich erkend")
    excerpt = objective.excerpts.get()
    assert "vroeg genoeg betrokken" in excerpt.text
    page = client_of("atlas").get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert 'data-testid="quote"' in page
    assert "vroeg genoeg betrokken" in page


def test_loading_again_adds_nothing(demo_db):
    counts = (TargetGroup.objects.count(), Objective.objects.count(), Step.objects.count())
    out = StringIO()
    call_command("load_demo", "--password", PASSWORD, stdout=out)
    assert "target groups are already there" in out.getvalue()
    after = (TargetGroup.objects.count(), Objective.objects.count(), Step.objects.count())
    assert after == counts
