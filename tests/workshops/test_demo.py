from io import StringIO

from django.core.management import call_command

from workshops.demo import TITLE
from workshops.models import Ballot, Statement, Vote, Workshop


def load() -> str:
    out = StringIO()
    call_command("load_demo", "--password", "demo-wachtwoord-1", stdout=out)
    return out.getvalue()


def test_the_demo_holds_a_workshop_with_votes_and_outcomes(db):
    load()
    workshop = Workshop.objects.get(title=TITLE)
    assert workshop.state == Workshop.State.CLOSED
    assert workshop.statements.count() == 12
    assert Ballot.objects.filter(workshop=workshop).count() == 15
    assert Vote.objects.filter(statement__workshop=workshop).count() == 12 * 15
    assert workshop.statements.exclude(outcome="").count() >= 9
    reworded = workshop.statements.filter(outcome=Statement.Outcome.REWORDED)
    assert all(statement.reworded_text for statement in reworded)
    assert workshop.statements.filter(theme__isnull=False).count() == 12


def test_loading_the_demo_twice_changes_nothing(db):
    load()
    before = list(Vote.objects.order_by("pk").values_list("statement__text", "value"))
    Statement.objects.filter(order=1).update(discussion_notes="Door de gebruiker aangepast")
    output = load()
    assert list(Vote.objects.order_by("pk").values_list("statement__text", "value")) == before
    assert Workshop.objects.count() == 1
    assert Statement.objects.get(order=1).discussion_notes == "Door de gebruiker aangepast"
    assert "= workshop" in output


def test_the_demo_results_show_consensus_and_division(db, consultant_client):
    load()
    workshop = Workshop.objects.get(title=TITLE)
    html = consultant_client.get(f"/workshops/{workshop.pk}/results/").content.decode()
    assert "breed gedragen" in html
    assert "breed afgewezen" in html
    assert "verdeeld" in html
    assert "Rol: Communicatie" in html
