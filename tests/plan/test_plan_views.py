"""Step 7 pages: who may open what, the forms' bad input, refused deletes, query counts."""

import datetime

import pytest
from django.utils.html import escape

from atlasplan.concurrency import stamp
from interviews.models import ConsentScope
from plan.models import (
    Measurement,
    Objective,
    PlanText,
    Step,
    StepPartner,
    TargetGroup,
    VisionState,
)
from plan.terms import Term
from tests.conftest import client_for
from tests.helpers import assert_same_count
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
    TargetGroupFactory,
)
from tests.policies.factories import PassageFactory
from tests.stakeholders.factories import OrganisationFactory
from tests.workshops.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    target = TargetGroupFactory(name="Jongeren uit de wijk", outside_constituency=True)
    objective = ObjectiveFactory(target_group=target, text="Jongeren kennen Atlas")
    step = StepFactory(title="Wijkcampagne", objectives=[objective])
    StepPartnerFactory(step=step, organisation=OrganisationFactory(name="Vzw De Brug"))
    PlanText.objects.create(key="introduction", text="Waarom dit plan")
    MeasurementFactory(objective=ObjectiveFactory(target_group=target))
    return target, objective, step


def pages(target, objective, step) -> dict[str, str]:
    return {
        "target_list": "/plan/targets/",
        "target_detail": f"/plan/targets/{target.pk}/",
        "target_history": f"/plan/targets/{target.pk}/history/",
        "objective_history": f"/plan/objectives/{objective.pk}/history/",
        "step_list": "/plan/steps/",
        "step_detail": f"/plan/steps/{step.pk}/",
        "step_history": f"/plan/steps/{step.pk}/history/",
        "text_list": "/plan/texts/",
        "text_history": "/plan/texts/introduction/history/",
        "text_update": "/plan/texts/introduction/edit/",
        "measurement_create": f"/plan/objectives/{objective.pk}/measurements/new/",
        "measurement_update": f"/plan/measurements/{Measurement.objects.get().pk}/edit/",
        "measurement_delete": f"/plan/measurements/{Measurement.objects.get().pk}/delete/",
        "target_create": "/plan/targets/new/",
        "target_update": f"/plan/targets/{target.pk}/edit/",
        "target_delete": f"/plan/targets/{target.pk}/delete/",
        "objective_create": f"/plan/targets/{target.pk}/objectives/new/",
        "objective_update": f"/plan/objectives/{objective.pk}/edit/",
        "objective_delete": f"/plan/objectives/{objective.pk}/delete/",
        "step_create": "/plan/steps/new/",
        "step_update": f"/plan/steps/{step.pk}/edit/",
        "step_delete": f"/plan/steps/{step.pk}/delete/",
    }


READ = {
    "target_list",
    "target_detail",
    "target_history",
    "objective_history",
    "step_list",
    "step_detail",
    "step_history",
    "text_list",
    "text_history",
}


@pytest.mark.parametrize("who", ["consultant", "atlas_member"])
def test_staff_open_every_page(request, who, plan):
    client = client_for(request.getfixturevalue(who))
    for name, url in pages(*plan).items():
        assert client.get(url).status_code == 200, name


def test_reader_reads_the_plan_but_changes_nothing(reader_client, plan):
    for name, url in pages(*plan).items():
        expected = 200 if name in READ else 403
        assert reader_client.get(url).status_code == expected, name
    target, objective, step = plan
    assert reader_client.post(f"/plan/targets/{target.pk}/edit/", {"name": "X"}).status_code == 403
    assert reader_client.post(f"/plan/steps/{step.pk}/delete/").status_code == 403
    assert Step.objects.filter(pk=step.pk).exists()
    html = reader_client.get(f"/plan/targets/{target.pk}/").content.decode()
    assert "Jongeren kennen Atlas" in html
    assert f"/plan/objectives/{objective.pk}/edit/" not in html


def test_administrator_is_refused_everywhere(admin_client_, plan):
    for name, url in pages(*plan).items():
        assert admin_client_.get(url).status_code == 403, name


def test_unknown_objects_are_404(consultant_client):
    for url in ["/plan/targets/999/", "/plan/steps/999/edit/", "/plan/objectives/999/delete/"]:
        assert consultant_client.get(url).status_code == 404, url


def test_history_pages_refuse_post(consultant_client, plan):
    target, _objective, _step = plan
    assert consultant_client.post(f"/plan/targets/{target.pk}/history/").status_code == 405
    assert consultant_client.post("/plan/steps/").status_code == 405


# --- Target groups -------------------------------------------------------------------------


def test_empty_plan_says_what_to_do_next(consultant_client, reader_client):
    html = consultant_client.get("/plan/targets/").content.decode()
    assert "Voeg de eerste doelgroep toe" in html
    assert (
        "Voeg de eerste doelgroep toe" not in reader_client.get("/plan/targets/").content.decode()
    )
    assert "Voeg de eerste stap toe" in consultant_client.get("/plan/steps/").content.decode()


def test_consultant_creates_a_target_group_outside_the_constituency(consultant_client):
    response = consultant_client.post(
        "/plan/targets/new/",
        {
            "name": "  Nieuwkomers   zonder netwerk ",
            "scope": "external",
            "outside_constituency": "on",
            "estimated_size": "1200",
            "know": "Waar ze terecht kunnen",
            "feel": "Welkom",
            "do": "Langskomen",
            "position": "1",
        },
    )
    target = TargetGroup.objects.get()
    assert response.status_code == 302 and response.url == f"/plan/targets/{target.pk}/"
    assert target.name == "Nieuwkomers zonder netwerk" and target.outside_constituency
    html = consultant_client.get("/plan/targets/").content.decode()
    assert "buiten de eigen achterban" in html


def test_a_duplicate_target_group_name_is_refused(consultant_client):
    TargetGroupFactory(name="Ouders")
    response = consultant_client.post(
        "/plan/targets/new/", {"name": "ouders", "scope": "external", "position": "2"}
    )
    assert response.status_code == 200
    assert "Er bestaat al een doelgroep met deze naam." in response.content.decode()
    assert TargetGroup.objects.count() == 1


def test_target_list_counts_the_objectives_not_yet_smart(consultant_client):
    target = TargetGroupFactory(name="Ouders")
    ObjectiveFactory(target_group=target)
    ObjectiveFactory(target_group=target, deadline=None)
    ObjectiveFactory(target_group=target, indicator="")
    ObjectiveFactory(target_group=TargetGroupFactory(name="Scholen"))
    html = consultant_client.get("/plan/targets/").content.decode()
    assert "2 nog niet SMART" in html and "alle SMART" in html


def test_target_list_search(consultant_client):
    TargetGroupFactory(name="Ouders", description="van schoolgaande kinderen")
    TargetGroupFactory(name="Werkgevers")
    html = consultant_client.get("/plan/targets/?q=school").content.decode()
    assert html.count('data-testid="target-row"') == 1 and "Ouders" in html
    html = consultant_client.get("/plan/targets/?q=zzz").content.decode()
    assert "Geen doelgroepen gevonden" in html


def test_deleting_a_target_group_with_objectives_is_refused_listing_them(consultant_client, plan):
    target, _objective, _step = plan
    page = consultant_client.get(f"/plan/targets/{target.pk}/delete/").content.decode()
    assert "kan niet verwijderd worden" in page and "Jongeren kennen Atlas" in page
    response = consultant_client.post(f"/plan/targets/{target.pk}/delete/")
    assert response.status_code == 409
    assert "Jongeren kennen Atlas" in response.content.decode()
    assert TargetGroup.objects.filter(pk=target.pk).exists()


def test_deleting_an_empty_target_group_asks_then_deletes(consultant_client):
    target = TargetGroupFactory(name="Sportclubs")
    page = consultant_client.get(f"/plan/targets/{target.pk}/delete/").content.decode()
    assert "Ja, verwijderen" in page
    assert TargetGroup.objects.filter(pk=target.pk).exists()
    response = consultant_client.post(f"/plan/targets/{target.pk}/delete/")
    assert response.status_code == 302 and not TargetGroup.objects.exists()


# --- Objectives ----------------------------------------------------------------------------


def objective_data(**overrides) -> dict:
    data = {
        "text": "Werkgevers werven divers",
        "level": "behaviour",
        "indicator": "Aandeel diverse aanwervingen",
        "baseline": "12,5",
        "baseline_on": "2026-01-15",
        "target": "25",
        "unit": "%",
        "deadline": "2029-12-31",
        "measured_how": "Jaarlijkse bevraging",
        "position": "1",
    }
    return {**data, **overrides}


def test_consultant_adds_a_smart_objective_serving_the_adopted_vision(consultant_client):
    target = TargetGroupFactory()
    ambition = AmbitionFactory(
        title="Iedereen aan de slag",
        version=VisionVersionFactory(state=VisionState.ADOPTED),
    )
    response = consultant_client.post(
        f"/plan/targets/{target.pk}/objectives/new/",
        objective_data(ambitions=[ambition.pk]),
    )
    assert response.status_code == 302
    objective = Objective.objects.get()
    assert objective.target_group == target and str(objective.baseline) == "12.50"
    assert list(objective.ambitions.all()) == [ambition]
    html = consultant_client.get(f"/plan/targets/{target.pk}/").content.decode()
    assert 'data-testid="smart-ok"' in html and "Iedereen aan de slag" in html


def test_ambitions_of_a_concept_or_older_version_cannot_be_chosen(consultant_client):
    target = TargetGroupFactory()
    old = AmbitionFactory(version=VisionVersionFactory(state=VisionState.ADOPTED))
    AmbitionFactory(version=VisionVersionFactory(state=VisionState.ADOPTED))  # the newest
    concept = AmbitionFactory(version=VisionVersionFactory(state=VisionState.CONCEPT))
    for ambition in [old, concept]:
        response = consultant_client.post(
            f"/plan/targets/{target.pk}/objectives/new/", objective_data(ambitions=[ambition.pk])
        )
        assert response.status_code == 200
        assert not Objective.objects.exists()


def test_an_objective_missing_measures_shows_nog_niet_smart_with_what_is_missing(
    consultant_client,
):
    target = TargetGroupFactory()
    consultant_client.post(
        f"/plan/targets/{target.pk}/objectives/new/",
        objective_data(indicator="", deadline="", target=""),
    )
    html = consultant_client.get(f"/plan/targets/{target.pk}/").content.decode()
    assert "nog niet SMART" in html
    assert "indicator, streefwaarde, deadline" in html


def test_target_equal_to_baseline_is_refused_and_nothing_is_lost(consultant_client):
    target = TargetGroupFactory()
    response = consultant_client.post(
        f"/plan/targets/{target.pk}/objectives/new/", objective_data(baseline="20", target="20,00")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "gelijk aan de nulmeting" in html
    assert "Werkgevers werven divers" in html  # what was typed is still in the form
    assert not Objective.objects.exists()


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "abc"])
def test_odd_evidence_ids_are_a_form_error_not_a_500(consultant_client, value):
    target = TargetGroupFactory()
    response = consultant_client.post(
        f"/plan/targets/{target.pk}/objectives/new/", objective_data(excerpts=[value])
    )
    assert response.status_code == 200 and not Objective.objects.exists()


def coded(name: str, **consent):
    interview = InterviewFactory(organisation=OrganisationFactory(name=name))
    ConsentFactory(interview=interview, scope=ConsentScope.NAMED, **consent)
    return ExcerptFactory(transcript=TranscriptFactory(interview=interview))


@pytest.mark.parametrize(
    "who, quotes, withdrawn_shown",
    [("consultant", 2, True), ("atlas_member", 1, False), ("reader", 1, False)],
)
def test_evidence_is_shown_through_the_evidence_boundary(request, who, quotes, withdrawn_shown):
    withdrawn = coded("Vzw Ingetrokken", withdrawn_on=datetime.date.today())
    objective = ObjectiveFactory(excerpts=[coded("Vzw Benoemd"), withdrawn])
    objective.statements.set([StatementFactory(text="We benoemen verschillen")])
    objective.passages.set([PassageFactory(quote="Een kernzin uit het beleid")])
    client = client_for(request.getfixturevalue(who))
    html = client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert html.count('data-testid="quote"') == quotes
    assert ("Vzw Ingetrokken" in html) is withdrawn_shown
    assert "We benoemen verschillen" in html and "Een kernzin uit het beleid" in html


def test_deleting_an_objective_served_by_steps_or_measured_is_refused(consultant_client, plan):
    _target, objective, _step = plan
    MeasurementFactory(objective=objective)
    response = consultant_client.post(f"/plan/objectives/{objective.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 409
    assert "Wijkcampagne" in html and "1 meting" in html
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_deleting_a_free_objective_works(consultant_client):
    objective = ObjectiveFactory()
    response = consultant_client.post(f"/plan/objectives/{objective.pk}/delete/")
    assert response.status_code == 302 and not Objective.objects.exists()


# --- Steps ---------------------------------------------------------------------------------


def step_data(**overrides) -> dict:
    data = {
        "title": "Buurtgesprekken",
        "description": "Elke maand",
        "kind": "recurring",
        "start": "2027-01-01",
        "end": "2029-06-30",
        "term_choice": "",
        "owner_name": "Team communicatie",
        "channel": "Buurthuis",
        "budget": "1500,50",
        "state": "planned",
        "progress": "0",
        "partners-TOTAL_FORMS": "2",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


def test_consultant_creates_a_step_with_partners_and_a_derived_term(
    consultant_client, atlas_member
):
    objective = ObjectiveFactory()
    brug = OrganisationFactory(name="Vzw De Brug")
    response = consultant_client.post(
        "/plan/steps/new/",
        step_data(
            objectives=[objective.pk],
            owner_user=atlas_member.pk,
            **{"partners-0-organisation": brug.pk, "partners-0-role": "gastheer"},
        ),
    )
    step = Step.objects.get()
    assert response.status_code == 302 and response.url == f"/plan/steps/{step.pk}/"
    assert step.term == Term.MEDIUM and str(step.budget) == "1500.50"
    assert step.owner_user == atlas_member
    assert list(step.objectives.all()) == [objective]
    assert [(p.organisation, p.role) for p in step.step_partners.all()] == [(brug, "gastheer")]
    html = consultant_client.get(step.get_absolute_url()).content.decode()
    assert "middellang" in html and "afgeleid uit de data" in html and "Vzw De Brug" in html


def test_end_before_start_is_refused_and_nothing_is_lost(consultant_client):
    response = consultant_client.post("/plan/steps/new/", step_data(end="2026-12-31"))
    html = response.content.decode()
    assert response.status_code == 200 and "vóór de begindatum" in html
    assert "Buurtgesprekken" in html and not Step.objects.exists()


@pytest.mark.parametrize("value", ["999999", "²", "abc"])
def test_a_partner_not_in_the_register_is_refused(consultant_client, value):
    response = consultant_client.post(
        "/plan/steps/new/", step_data(**{"partners-0-organisation": value})
    )
    assert response.status_code == 200
    assert "staat niet in het register" in response.content.decode()
    assert not Step.objects.exists()


def test_the_same_partner_twice_is_refused(consultant_client):
    brug = OrganisationFactory()
    response = consultant_client.post(
        "/plan/steps/new/",
        step_data(**{"partners-0-organisation": brug.pk, "partners-1-organisation": brug.pk}),
    )
    assert response.status_code == 200
    assert "staat al bij de partners" in response.content.decode()
    assert not Step.objects.exists()


def test_progress_beyond_100_is_refused(consultant_client):
    response = consultant_client.post("/plan/steps/new/", step_data(progress="120"))
    assert response.status_code == 200 and not Step.objects.exists()


def test_editing_a_step_removes_a_partner_and_chooses_a_term(consultant_client, plan):
    _target, _objective, step = plan
    partner = step.step_partners.get()
    response = consultant_client.post(
        f"/plan/steps/{step.pk}/edit/",
        step_data(
            title="Wijkcampagne",
            term_choice="long",
            read_at=stamp(step),  # the form as opened (a stale copy is refused)
            **{
                "partners-TOTAL_FORMS": "1",
                "partners-INITIAL_FORMS": "1",
                "partners-0-id": partner.pk,
                "partners-0-step": step.pk,
                "partners-0-organisation": partner.organisation_id,
                "partners-0-DELETE": "on",
            },
        ),
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.term == Term.LONG and not step.term_is_derived
    assert not StepPartner.objects.exists()


def test_step_delete_asks_for_confirmation(consultant_client, plan):
    _target, _objective, step = plan
    html = consultant_client.get(f"/plan/steps/{step.pk}/delete/").content.decode()
    assert "Ja, verwijderen" in html and Step.objects.exists()
    assert consultant_client.post(f"/plan/steps/{step.pk}/delete/").status_code == 302
    assert not Step.objects.exists() and not StepPartner.objects.exists()


def test_step_list_filters_by_term_state_target_group_and_search(consultant_client):
    youth = TargetGroupFactory(name="Jongeren")
    short = StepFactory(title="Flyeractie", start=datetime.date(2027, 1, 1))
    short.objectives.set([ObjectiveFactory(target_group=youth)])
    StepFactory(title="Netwerk", end=datetime.date(2031, 1, 1), state="running")

    def rows(query: str) -> str:
        html = consultant_client.get(f"/plan/steps/?{query}").content.decode()
        return html.count('data-testid="step-row"'), html

    assert rows("term=short")[0] == 1 and "Flyeractie" in rows("term=short")[1]
    assert rows("term=long")[0] == 1 and "Netwerk" in rows("term=long")[1]
    assert rows("state=running")[0] == 1
    assert rows(f"target_group={youth.pk}")[0] == 1
    assert rows("q=netw")[0] == 1
    assert "Geen stappen gevonden" in rows("q=zzz")[1]


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "x"])
def test_step_list_survives_odd_filter_values(consultant_client, value):
    StepFactory()
    assert consultant_client.get(f"/plan/steps/?target_group={value}").status_code == 200
    assert consultant_client.get(f"/plan/steps/?term={value}&page={value}").status_code == 200


def test_htmx_gets_only_the_rows(consultant_client):
    StepFactory(title="Flyeractie")
    response = consultant_client.get("/plan/steps/?q=fly", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Flyeractie" in html and "<html" not in html


def test_owner_names_are_escaped(consultant_client, atlas_member):
    atlas_member.first_name = "Jan <b>"
    atlas_member.save()
    StepFactory(owner_user=atlas_member)
    assert escape("Jan <b>") in consultant_client.get("/plan/steps/").content.decode()


# --- Query counts --------------------------------------------------------------------------


def test_target_list_query_count_is_constant(consultant_client, django_assert_num_queries):
    ObjectiveFactory()

    def add_rows(n):
        for _ in range(n):
            StepFactory(objectives=[ObjectiveFactory()])

    assert_same_count(
        consultant_client,
        "/plan/targets/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="target-row"',
    )


def test_step_list_query_count_is_constant(consultant_client, django_assert_num_queries):
    StepPartnerFactory()

    def add_rows(n):
        for _ in range(n):
            partner = StepPartnerFactory()
            partner.step.objectives.set([ObjectiveFactory()])

    assert_same_count(
        consultant_client,
        "/plan/steps/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="step-row"',
    )


def test_target_detail_query_count_is_constant(consultant_client, django_assert_num_queries):
    target = TargetGroupFactory()
    ObjectiveFactory(target_group=target)

    def add_rows(n):
        for _ in range(n):
            objective = ObjectiveFactory(target_group=target)
            StepFactory(objectives=[objective])

    assert_same_count(
        consultant_client,
        f"/plan/targets/{target.pk}/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="objective"',
    )


@pytest.mark.parametrize(
    "url",
    [
        "/plan/targets/99999999999999999999999/",
        "/plan/steps/99999999999999999999999/edit/",
        "/plan/objectives/99999999999999999999999/delete/",
        "/plan/objectives/99999999999999999999999/measurements/new/",
    ],
)
def test_huge_ids_in_urls_are_404_not_500(consultant_client, url):
    assert consultant_client.get(url).status_code == 404


def test_an_objective_linked_to_an_older_vision_says_so_and_keeps_the_link(consultant_client):
    old = AmbitionFactory(title="Oude ambitie", version=VisionVersionFactory(state="adopted"))
    AmbitionFactory(version=VisionVersionFactory(state=VisionState.ADOPTED))
    objective = ObjectiveFactory(ambitions=[old])
    html = consultant_client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert "Oude ambitie" in html and "niet de vastgestelde visie" in html
    response = consultant_client.post(
        f"/plan/objectives/{objective.pk}/edit/",
        objective_data(ambitions=[old.pk], read_at=stamp(objective)),
    )
    assert response.status_code == 302
    assert list(objective.ambitions.all()) == [old]
