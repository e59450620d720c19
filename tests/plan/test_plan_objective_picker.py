"""Picking an objective's evidence as an ambition's is picked: a few candidates, a search,
evidence on the themes of the ambitions it serves first, hidden evidence kept on save.

The objective form listed every excerpt, statement and passage as a select option; at agency
scale (10,000 excerpts, 30,000 passages) that is a page no one can use."""

import datetime

import pytest

from atlasplan.models import Theme
from plan.forms import PICKER_LIMIT
from plan.models import VisionState
from tests.helpers import assert_same_count, read_at
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.plan.factories_plan import ObjectiveFactory, TargetGroupFactory
from tests.plan.test_plan_views import objective_data
from tests.plan.test_vision_picker import excerpt, section
from tests.policies.factories import PassageFactory

pytestmark = pytest.mark.django_db


def new_url(target) -> str:
    return f"/plan/targets/{target.pk}/objectives/new/"


def test_the_form_offers_a_bounded_list_and_says_there_is_more(consultant_client):
    target = TargetGroupFactory()
    PassageFactory.create_batch(PICKER_LIMIT + 5, quote="Een passage over beeldvorming")
    html = consultant_client.get(new_url(target)).content.decode()
    passages = section(html, "passages")
    assert passages.count('data-testid="pick-passages"') == PICKER_LIMIT
    assert "Er zijn meer resultaten dan hier staan" in passages
    assert '<select name="passages"' not in html  # no longer one option per passage


def test_a_search_narrows_the_lists_keeps_the_typing_and_saves_nothing(consultant_client):
    target = TargetGroupFactory()
    PassageFactory(quote="Gelijke kansen op de arbeidsmarkt")
    PassageFactory(quote="Iets over het onderwijs")
    data = objective_data(text="Werkgevers werven divers", evidence_q="arbeidsmarkt", _search="1")
    html = consultant_client.post(new_url(target), data).content.decode()
    passages = section(html, "passages")
    assert "Gelijke kansen op de arbeidsmarkt" in passages
    assert "Iets over het onderwijs" not in passages
    assert "Werkgevers werven divers" in html  # what was typed is still in the form
    assert not target.objectives.exists()


def test_htmx_search_returns_only_the_lists(consultant_client):
    target = TargetGroupFactory()
    PassageFactory(quote="Gelijke kansen op de arbeidsmarkt")
    data = objective_data(evidence_q="arbeidsmarkt", _search="1")
    html = consultant_client.post(new_url(target), data, HTTP_HX_REQUEST="true").content.decode()
    assert html.lstrip().startswith('<div id="evidence-lists"')
    assert "Gelijke kansen op de arbeidsmarkt" in html


def test_evidence_on_the_themes_of_the_ticked_ambitions_comes_first(consultant_client):
    taal = Theme.objects.create(name="Taal")
    ambition = AmbitionFactory(
        version=VisionVersionFactory(state=VisionState.ADOPTED), themes=[taal]
    )
    excerpt("fragment zonder thema")
    excerpt("fragment over taal", themes=[taal])
    target = TargetGroupFactory()
    data = objective_data(ambitions=[ambition.pk], _search="1")
    html = consultant_client.post(new_url(target), data).content.decode()
    excerpts = section(html, "excerpts")
    assert excerpts.index("fragment over taal") < excerpts.index("fragment zonder thema")
    assert "op thema" in excerpts.split("fragment zonder thema")[0]


def test_saving_links_the_ticked_evidence(consultant_client):
    target = TargetGroupFactory()
    passage = PassageFactory(quote="Gelijke kansen op de arbeidsmarkt")
    fragment = excerpt("een fragment om te citeren")
    response = consultant_client.post(
        new_url(target), objective_data(passages=[passage.pk], excerpts=[fragment.pk])
    )
    assert response.status_code == 302
    objective = target.objectives.get()
    assert list(objective.passages.all()) == [passage]
    assert list(objective.excerpts.all()) == [fragment]


def test_an_atlas_team_edit_keeps_evidence_it_may_not_see(atlas_client):
    withdrawn = excerpt("ingetrokken fragment", withdrawn_on=datetime.date.today())
    visible = excerpt("zichtbaar fragment")
    objective = ObjectiveFactory(excerpts=[withdrawn, visible])
    url = f"/plan/objectives/{objective.pk}/edit/"
    page = atlas_client.get(url).content.decode()
    assert "ingetrokken fragment" not in page
    assert "1 gekoppeld fragment mag u niet zien" in page
    stamp = read_at(atlas_client, url)
    response = atlas_client.post(url, objective_data(excerpts=[visible.pk], read_at=stamp))
    assert response.status_code == 302
    assert set(objective.excerpts.values_list("pk", flat=True)) == {withdrawn.pk, visible.pk}


def test_the_form_page_query_count_does_not_grow_with_the_evidence(
    consultant_client, django_assert_num_queries
):
    target = TargetGroupFactory()

    def add_rows(n):
        for i in range(n):
            PassageFactory(quote=f"Passage nummer {i}")
            excerpt(f"fragment nummer {i}")

    add_rows(3)

    assert_same_count(
        consultant_client,
        new_url(target),
        add_rows,
        django_assert_num_queries,
        marker='data-testid="pick-passages"',
    )
