"""The read-only JSON view of the plan: its shape, its access and its query counts."""

import datetime

import pytest
from django.utils import timezone

from tests.helpers import assert_same_count
from tests.interviews.factories import ExcerptFactory
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    StepPartnerFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def objective():
    objective = ObjectiveFactory(
        text="Meer jongeren melden discriminatie",
        indicator="Meldingen door jongeren per jaar",
        baseline=40,
        target=80,
        unit="meldingen",
        baseline_on=TODAY - datetime.timedelta(days=100),
        deadline=TODAY + datetime.timedelta(days=100),
    )
    MeasurementFactory(
        objective=objective, measured_on=TODAY, value=60, source="Meldpunt", note="Na de campagne"
    )
    return objective


def test_objective_detail_has_indicator_values_measurements_and_light(reader_client, objective):
    data = reader_client.get(f"/plan/api/objectives/{objective.pk}/").json()
    assert data["text"] == "Meer jongeren melden discriminatie"
    assert data["indicator"] == "Meldingen door jongeren per jaar"
    assert (data["baseline"], data["target"], data["unit"]) == (40.0, 80.0, "meldingen")
    assert data["deadline"] == objective.deadline.isoformat()
    assert data["measurements"] == [
        {"date": TODAY.isoformat(), "value": 60.0, "source": "Meldpunt", "note": "Na de campagne"}
    ]
    assert data["traffic_light"]["code"] == "on_track"
    assert data["traffic_light"]["progress"] == 0.5 and data["smart"] is True
    assert data["target_group"]["id"] == objective.target_group_id


def test_no_quote_or_evidence_text_leaves_through_the_api(reader_client, objective):
    excerpt = ExcerptFactory(text="Een vertrouwelijke uitspraak uit het interview")
    objective.excerpts.add(excerpt)
    for url in ["/plan/api/objectives/", f"/plan/api/objectives/{objective.pk}/"]:
        assert b"vertrouwelijke uitspraak" not in reader_client.get(url).content


def test_objective_list_is_paginated(reader_client, objective):
    for _ in range(50):
        ObjectiveFactory(target_group=objective.target_group)
    first = reader_client.get("/plan/api/objectives/").json()
    assert first["count"] == 51 and first["num_pages"] == 2 and len(first["results"]) == 50
    assert first["previous"] is None and first["next"].endswith("?page=2")
    second = reader_client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_step_list_has_partners_objectives_and_dates(atlas_client, objective):
    step = StepFactory(title="Campagne meldpunt", objectives=[objective])
    StepPartnerFactory(step=step, organisation__name="Meldpunt Gelijke Kansen", role="meldt")
    data = atlas_client.get("/plan/api/steps/").json()
    (row,) = data["results"]
    assert row["title"] == "Campagne meldpunt" and row["objectives"] == [objective.pk]
    assert row["partners"][0]["name"] == "Meldpunt Gelijke Kansen"
    assert row["partners"][0]["role"] == "meldt"
    assert row["start"] == step.start.isoformat() and row["term"] == "short"


@pytest.mark.parametrize(
    "url", ["/plan/api/objectives/", "/plan/api/steps/", "/plan/api/objectives/{pk}/"]
)
def test_administrator_gets_a_json_refusal(admin_client_, objective, url):
    response = admin_client_.get(url.format(pk=objective.pk))
    assert response.status_code == 403 and "error" in response.json()


@pytest.mark.parametrize("url", ["/plan/api/objectives/", "/plan/api/steps/"])
def test_anonymous_visitor_is_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_unknown_objective_is_a_json_404(consultant_client):
    response = consultant_client.get("/plan/api/objectives/999999/")
    assert response.status_code == 404 and "error" in response.json()


def test_api_is_read_only(consultant_client, objective):
    assert consultant_client.post("/plan/api/objectives/").status_code == 405
    assert consultant_client.post(f"/plan/api/objectives/{objective.pk}/").status_code == 405


def test_odd_page_gives_a_page_not_an_error(reader_client, objective):
    for page in ["x", "-1", "99999999999999999999"]:
        assert reader_client.get("/plan/api/steps/", {"page": page}).status_code == 200


def test_objective_list_queries_do_not_grow(
    consultant_client, objective, django_assert_num_queries
):
    StepFactory(objectives=[objective])

    def add_rows(count):
        for _ in range(count):
            other = ObjectiveFactory()
            MeasurementFactory(objective=other)
            StepFactory(objectives=[other])

    assert_same_count(
        consultant_client,
        "/plan/api/objectives/",
        add_rows,
        django_assert_num_queries,
        marker='"traffic_light"',
    )


def test_step_list_queries_do_not_grow(consultant_client, objective, django_assert_num_queries):
    StepPartnerFactory(step=StepFactory(objectives=[objective]))

    def add_rows(count):
        for _ in range(count):
            StepPartnerFactory(step=StepFactory(objectives=[objective]))

    assert_same_count(
        consultant_client,
        "/plan/api/steps/",
        add_rows,
        django_assert_num_queries,
        marker='"partners"',
    )


@pytest.mark.parametrize("name", ["consultant_client", "atlas_client", "reader_client"])
@pytest.mark.parametrize(
    "url", ["/plan/api/objectives/", "/plan/api/steps/", "/plan/api/objectives/{pk}/"]
)
def test_every_role_that_reads_the_plan_reads_the_api(request, name, objective, url):
    response = request.getfixturevalue(name).get(url.format(pk=objective.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
