"""Two people edit the same objective or step: the later save on a stale copy is refused
with both versions shown, and nothing typed is lost."""

import pytest

from tests.plan.factories_plan import ObjectiveFactory, StepFactory
from tests.plan.test_plan_views import objective_data, step_data

pytestmark = pytest.mark.django_db


def opened(client, url: str) -> str:
    """The stamp the form carried when ``client`` opened it."""
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]["read_at"].value()


def test_second_save_of_an_objective_is_refused_and_shows_both_texts(
    consultant_client, atlas_client
):
    objective = ObjectiveFactory(text="Jongeren doen mee")
    url = f"/plan/objectives/{objective.pk}/edit/"
    by_atlas, by_consultant = opened(atlas_client, url), opened(consultant_client, url)
    first = atlas_client.post(url, objective_data(text="Tekst van Atlas", read_at=by_atlas))
    assert first.status_code == 302
    second = consultant_client.post(
        url, objective_data(text="Tekst van de consultant", read_at=by_consultant)
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert 'data-testid="stale-save"' in html
    assert "Tekst van de consultant" in html and "Tekst van Atlas" in html
    objective.refresh_from_db()
    assert objective.text == "Tekst van Atlas"
    # saved again after seeing the other change: a deliberate overwrite goes through
    again = consultant_client.post(url, second.context["form"].data)
    assert again.status_code == 302
    objective.refresh_from_db()
    assert objective.text == "Tekst van de consultant"


def test_second_save_of_a_step_is_refused_and_keeps_what_was_typed(consultant_client, atlas_client):
    step = StepFactory(title="Wijkcampagne")
    url = f"/plan/steps/{step.pk}/edit/"
    by_atlas, by_consultant = opened(atlas_client, url), opened(consultant_client, url)
    assert (
        atlas_client.post(url, step_data(title="Buurtcampagne", read_at=by_atlas)).status_code
        == 302
    )
    second = consultant_client.post(url, step_data(title="Stadscampagne", read_at=by_consultant))
    assert second.status_code == 409
    html = second.content.decode()
    assert 'data-testid="stale-save"' in html
    assert "Stadscampagne" in html and "Buurtcampagne" in html
    step.refresh_from_db()
    assert step.title == "Buurtcampagne"
