import re

import pytest

from stakeholders.grid import CELL, LEFT, TOP, Grid
from stakeholders.models import Organisation, Quadrant, quadrant_for
from tests.helpers import queries_for
from tests.stakeholders.factories import AssessmentFactory, OrganisationFactory


@pytest.mark.parametrize(
    ("influence", "interest", "quadrant"),
    [
        (5, 5, Quadrant.MANAGE_CLOSELY),
        (3, 3, Quadrant.MANAGE_CLOSELY),
        (5, 1, Quadrant.KEEP_SATISFIED),
        (3, 2, Quadrant.KEEP_SATISFIED),
        (1, 5, Quadrant.KEEP_INFORMED),
        (2, 3, Quadrant.KEEP_INFORMED),
        (2, 2, Quadrant.MONITOR),
        (1, 1, Quadrant.MONITOR),
    ],
)
def test_scores_fall_in_the_right_quadrant(influence, interest, quadrant):
    assert quadrant_for(influence, interest) == quadrant


def assessed(name, influence, interest, sector="media", attitude="supportive"):
    organisation = OrganisationFactory(name=name, sector=sector)
    AssessmentFactory(
        organisation=organisation, influence=influence, interest=interest, attitude=attitude
    )
    return organisation


def test_the_grid_draws_each_organisation_in_its_quadrant_as_a_link(consultant_client, db):
    paper = assessed("Gazet van de Schelde", 5, 1)
    club = assessed("Judoclub Ōkami", 1, 2)
    html = consultant_client.get("/stakeholders/grid/").content.decode()
    for quadrant in ["Nauw betrekken", "Tevreden houden", "Informeren", "Monitoren"]:
        assert quadrant in html
    assert f'href="/stakeholders/{paper.pk}/"' in html and 'data-quadrant="keep_satisfied"' in html
    assert f'href="/stakeholders/{club.pk}/"' in html and 'data-quadrant="monitor"' in html
    # Coordinates are SVG numbers, never localised ("120,5" would hide every dot in Dutch).
    assert re.search(r'<circle cx="\d+(\.\d+)?" cy="\d+(\.\d+)?" r="\d+(\.\d+)?"', html)
    table = html.split("Dezelfde gegevens als tabel")[1]
    assert "Gazet van de Schelde" in table and "Tevreden houden" in table


def test_a_dot_sits_in_the_cell_of_its_scores(db):
    organisation = assessed("Gazet", 5, 1)
    annotated = Organisation.objects.with_latest_assessment().get(pk=organisation.pk)
    (dot,) = Grid([annotated]).dots
    assert LEFT <= dot.x <= LEFT + CELL  # interest 1: the first column
    assert TOP <= dot.y <= TOP + CELL  # influence 5: the top row
    assert dot.fill == "#1a7f37"  # supportive


def test_dots_with_equal_scores_do_not_overlap(db):
    for n in range(5):
        assessed(f"Organisatie {n}", 4, 4)
    grid = Grid(list(Organisation.objects.with_latest_assessment()))
    positions = {(dot.x, dot.y) for dot in grid.dots}
    assert len(positions) == 5
    assert all(LEFT + 3 * CELL < dot.x < LEFT + 4 * CELL for dot in grid.dots)


def test_the_grid_uses_the_latest_assessment(consultant_client, db):
    organisation = assessed("Gazet", 5, 1)
    AssessmentFactory(organisation=organisation, influence=1, interest=5, assessed_on="2020-01-01")
    html = consultant_client.get("/stakeholders/grid/").content.decode()
    assert 'data-quadrant="keep_satisfied"' in html and 'data-quadrant="keep_informed"' not in html


def test_the_grid_filters_by_sector(atlas_client, db):
    assessed("Gazet", 5, 1, sector="media")
    assessed("Atheneum", 2, 4, sector="education")
    response = atlas_client.get("/stakeholders/grid/", {"sector": "education"})
    assert [o.name for o in response.context["organisations"]] == ["Atheneum"]
    assert response.content.decode().count('data-testid="grid-dot"') == 1


def test_an_empty_grid_says_what_to_do(consultant_client, db):
    OrganisationFactory(name="Nog niet beoordeeld")
    html = consultant_client.get("/stakeholders/grid/").content.decode()
    assert "Nog geen beoordeelde organisaties" in html
    assert "1 organisatie is nog niet beoordeeld" in html


def test_grid_query_count_does_not_grow_with_rows(consultant_client, db):
    for n in range(3):
        assessed(f"A{n}", 1 + n, 5 - n)
    before = queries_for(consultant_client, "/stakeholders/grid/")
    for n in range(10):
        assessed(f"B{n}", 1 + n % 5, 1 + n % 4)
    assert queries_for(consultant_client, "/stakeholders/grid/") == before
