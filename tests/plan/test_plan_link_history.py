"""The history of an objective and of a step keeps which ambitions and objectives they were
linked to: who changed the links, when, from what to what."""

import pytest

from atlasplan.concurrency import stamp
from plan.models import VisionState
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.plan.factories_plan import ObjectiveFactory, StepFactory
from tests.plan.test_plan_views import objective_data, step_data

pytestmark = pytest.mark.django_db


def test_objective_history_shows_the_ambitions_it_was_linked_to(consultant_client):
    version = VisionVersionFactory(state=VisionState.ADOPTED)
    first = AmbitionFactory(version=version, title="Iedereen hoort erbij")
    second = AmbitionFactory(version=version, title="Werk voor iedereen")
    objective = ObjectiveFactory(ambitions=[first])
    response = consultant_client.post(
        f"/plan/objectives/{objective.pk}/edit/",
        objective_data(ambitions=[second.pk], read_at=stamp(objective)),
    )
    assert response.status_code == 302
    latest = objective.history.order_by("-history_date", "-history_id").first()
    assert [link.ambition_id for link in latest.ambitions.all()] == [second.pk]
    html = consultant_client.get(f"/plan/objectives/{objective.pk}/history/").content.decode()
    assert "Iedereen hoort erbij" in html and "Werk voor iedereen" in html
    assert "{&#x27;" not in html and "ambition&#x27;" not in html  # names, not raw rows


def test_step_history_shows_the_objectives_it_served(consultant_client):
    kept = ObjectiveFactory(text="Jongeren doen mee")
    added = ObjectiveFactory(text="Ouders kennen Atlas")
    step = StepFactory(objectives=[kept])
    response = consultant_client.post(
        f"/plan/steps/{step.pk}/edit/",
        step_data(objectives=[kept.pk, added.pk], read_at=stamp(step)),
    )
    assert response.status_code == 302
    latest = step.history.order_by("-history_date", "-history_id").first()
    assert {link.objective_id for link in latest.objectives.all()} == {kept.pk, added.pk}
    html = consultant_client.get(f"/plan/steps/{step.pk}/history/").content.decode()
    assert "Ouders kennen Atlas" in html
