"""The results page and the exports."""

import csv
import io

from openpyxl import load_workbook

from tests.helpers import queries_for
from tests.workshops.factories import StatementFactory, votes
from workshops.models import Workshop


def test_results_show_figures_bars_and_how_they_are_computed(consultant_client, statement):
    votes(statement, {1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 0: 1})
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Hoe berekenen we eensgezindheid en verdeeldheid?" in html
    assert "Leik" in html and "Wilson" in html
    # the bar: neutral straddles the centre (x 180..220), numbers are written as text too
    assert '<rect x="180.00" y="3" width="40.00"' in html
    assert "helemaal eens: <strong>4</strong>" in html
    assert "pas / weet niet: <strong>1</strong>" in html
    assert "60%" in html  # agree share 6/10
    assert "3,7" in html  # mean (1 + 2 + 6 + 8 + 20) / 10, in Dutch


def test_ranking_of_consensus_and_division(consultant_client, workshop):
    agreed = StatementFactory(workshop=workshop, text="Iedereen eens")
    split = StatementFactory(workshop=workshop, text="Zaal in tweeën")
    tiny = StatementFactory(workshop=workshop, text="Bijna niemand stemde")
    votes(agreed, {5: 9, 4: 3})
    votes(split, {1: 5, 5: 5})
    votes(tiny, {1: 1})
    html = consultant_client.get(f"/workshops/{workshop.pk}/results/").content.decode()
    consensual = html[html.index("Meest eensgezind") : html.index("Meest verdeeld")]
    divisive = html[html.index("Meest verdeeld") : html.index("<table")]
    assert consensual.index("Iedereen eens") < consensual.index("Zaal in tweeën")
    assert divisive.index("Zaal in tweeën") < divisive.index("Iedereen eens")
    assert "Bijna niemand stemde" not in consensual + divisive
    assert "breed gedragen" in html and "verdeeld" in html and "te weinig stemmen" in html


def test_results_by_role(consultant_client, statement):
    Workshop.objects.filter(pk=statement.workshop_id).update(
        ask_role=True, role_options="Communicatie\nBeleid"
    )
    votes(statement, {5: 3}, role="Communicatie")
    votes(statement, {1: 2}, role="Beleid")
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Rol: Communicatie" in html
    assert "Rol: Beleid" in html


def test_results_without_statements_say_what_to_do(consultant_client, workshop):
    html = consultant_client.get(f"/workshops/{workshop.pk}/results/").content.decode()
    assert "Voeg stellingen toe" in html


def test_results_query_count_does_not_grow_with_statements(consultant_client, workshop):
    for statement in StatementFactory.create_batch(3, workshop=workshop):
        votes(statement, {4: 1})
    few = queries_for(consultant_client, f"/workshops/{workshop.pk}/results/")
    for statement in StatementFactory.create_batch(10, workshop=workshop):
        votes(statement, {2: 1})
    assert queries_for(consultant_client, f"/workshops/{workshop.pk}/results/") == few


def test_results_as_csv(consultant_client, statement):
    votes(statement, {4: 3, 0: 1})
    response = consultant_client.get(f"/workshops/{statement.workshop_id}/export/results.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Volgorde", "Stelling", "Thema", "pas / weet niet"]
    assert rows[1][1] == statement.text
    assert rows[1][3] == "1" and rows[1][7] == "3"


def test_votes_as_xlsx_without_formula_injection(atlas_client, statement):
    votes(statement, {2: 1})
    vote = statement.votes.get()
    vote.comment = '=HYPERLINK("http://example.org")'
    vote.save()
    response = atlas_client.get(f"/workshops/{statement.workshop_id}/export/votes.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Stembiljet"
    assert rows[1][4] == "oneens"
    assert rows[1][6].startswith("'=")
