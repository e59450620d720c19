"""The results page and the exports."""

import csv
import io

from openpyxl import load_workbook

from tests.helpers import queries_for
from tests.workshops.factories import StatementFactory, cited_statements, votes
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
    assert "Iedereen eens" in consensual and "Zaal in tweeën" not in consensual
    assert "Zaal in tweeën" in divisive and "Iedereen eens" not in divisive
    assert "Bijna niemand stemde" not in consensual + divisive
    assert "breed gedragen" in html and "verdeeld" in html and "te weinig stemmen" in html


def test_results_by_role(consultant_client, statement):
    Workshop.objects.filter(pk=statement.workshop_id).update(
        ask_role=True, role_options="Communicatie\nBeleid"
    )
    votes(statement, {5: 3, 4: 2}, role="Communicatie")
    votes(statement, {1: 4, 2: 2}, role="Beleid")
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Rol: Communicatie" in html
    assert "Rol: Beleid" in html


def roles_workshop(statement, roles: str = "Communicatie\nBeleid\nOnthaal\nPers") -> None:
    Workshop.objects.filter(pk=statement.workshop_id).update(ask_role=True, role_options=roles)


def role_rows(html: str) -> list[str]:
    """The role rows of the results table, each from its heading to its verdict."""
    return [part.split("</tr>")[0] for part in html.split("Rol: ")[1:]]


def test_a_role_smaller_than_the_group_threshold_is_not_shown(consultant_client, statement):
    # "Rol: Onthaal, 1 stem: neutraal" gave one person's vote away.
    roles_workshop(statement)
    votes(statement, {5: 4, 4: 2}, role="Communicatie")
    votes(statement, {1: 3, 2: 2}, role="Beleid")
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {4: 1, 2: 1}, role="Pers")
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    rows = role_rows(html)
    assert [row.split("\n")[0].strip() for row in rows] == ["Communicatie", "andere rollen"]
    assert "Onthaal" not in html.split("<table")[1] and "Pers" not in html.split("<table")[1]
    # Onthaal and Pers (3 votes) joined the smallest role shown, Beleid: 8 votes together
    assert "6 oneens, 1 neutraal, 1 eens, 0 pas" in rows[1]


def test_with_no_role_large_enough_the_page_says_how_many_votes_are_not_broken_down(
    consultant_client, statement, settings
):
    settings.EVIDENCE_MIN_GROUP_SIZE = 5
    roles_workshop(statement)
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {5: 2, 1: 1}, role="Beleid")
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Rol: " not in html
    assert "4 stemmen zijn niet per rol uitgesplitst" in html
    assert "minder dan 5" in html


def test_the_group_threshold_is_a_setting(consultant_client, statement, settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 1
    roles_workshop(statement)
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {5: 2}, role="Beleid")
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Rol: Onthaal" in html and "Rol: Beleid" in html


def test_the_votes_export_names_no_role_smaller_than_the_group_threshold(atlas_client, statement):
    roles_workshop(statement)
    votes(statement, {4: 5}, role="Communicatie")
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {2: 2}, role="Pers")
    votes(statement, {1: 3}, role="Beleid")
    for fmt in ("csv", "xlsx"):
        response = atlas_client.get(f"/workshops/{statement.workshop_id}/export/votes.{fmt}")
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        else:
            rows = [list(r) for r in load_workbook(io.BytesIO(response.content)).active.values]
        roles = {row[1]: set() for row in rows[1:]}
        for row in rows[1:]:
            roles[row[1]].add(str(row[5]))
        assert roles == {"Communicatie": {"4"}, "andere rollen": {"1", "2", "3"}}, fmt


def test_the_votes_export_leaves_out_the_role_when_no_group_is_large_enough(
    atlas_client, statement
):
    roles_workshop(statement)
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {2: 2}, role="Pers")
    response = atlas_client.get(f"/workshops/{statement.workshop_id}/export/votes.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["", "", ""]
    assert "Onthaal" not in response.content.decode()


def test_the_presenter_screen_breaks_nothing_down_by_role(consultant_client, statement):
    roles_workshop(statement)
    votes(statement, {3: 1}, role="Onthaal")
    votes(statement, {5: 5}, role="Beleid")
    workshop = statement.workshop
    consultant_client.post(f"/workshops/{workshop.pk}/reveal/", {"reveal": "1"})
    live = consultant_client.get(f"/workshops/{workshop.pk}/present/live/").content.decode()
    assert 'data-testid="result-bar"' in live
    assert "Onthaal" not in live and "Beleid" not in live


def test_ballots_without_a_role_make_no_empty_role_row(consultant_client, statement):
    # Ballots cast before roles were asked (or that skipped the question) have role "":
    # the results showed a row headed "Rol: " with nothing after it.
    Workshop.objects.filter(pk=statement.workshop_id).update(
        ask_role=True, role_options="Communicatie\nBeleid"
    )
    votes(statement, {5: 5}, role="Communicatie")
    votes(statement, {3: 2})
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "Rol: Communicatie" in html
    assert html.count("Rol: ") == 1


def test_results_without_statements_say_what_to_do(consultant_client, workshop):
    html = consultant_client.get(f"/workshops/{workshop.pk}/results/").content.decode()
    assert "Voeg stellingen toe" in html


def test_results_query_count_does_not_grow_with_statements(consultant_client, workshop):
    Workshop.objects.filter(pk=workshop.pk).update(ask_role=True, role_options="A\nB")
    for statement in StatementFactory.create_batch(3, workshop=workshop):
        votes(statement, {4: 1})
    for statement in cited_statements(workshop, 2):
        votes(statement, {4: 5}, role="A")
    few = queries_for(consultant_client, f"/workshops/{workshop.pk}/results/")
    for statement in StatementFactory.create_batch(5, workshop=workshop):
        votes(statement, {2: 1})
    for statement in cited_statements(workshop, 5):
        votes(statement, {1: 5}, role="A")
        votes(statement, {5: 1}, role="B")
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


def test_a_control_character_in_a_comment_does_not_break_the_xlsx_export(atlas_client, statement):
    # Anyone with the voting link can send a comment with a control character; openpyxl
    # refuses those, and the export answered with a server error for everyone.
    votes(statement, {4: 1})
    statement.votes.update(comment="bel\x07 mij")
    response = atlas_client.get(f"/workshops/{statement.workshop_id}/export/votes.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][6] == "bel mij"
