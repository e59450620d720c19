"""A round's exports (CSV streamed, XLSX): every text of an answer as its consent allows."""

import csv
import dataclasses
import io

import openpyxl
import pytest

from interviews import privacy
from plan.models import Endorsement, ObjectionDecision
from tests.conftest import client_for
from tests.plan.factories import ValidationRoundFactory
from tests.plan.results_data import answer, quoted_round

pytestmark = pytest.mark.django_db

KEYS = ["named", "anonymous", "refused", "withdrawn"]


@pytest.fixture
def quoted():
    return quoted_round()


def export_url(round, fmt: str) -> str:
    return f"/plan/validation/{round.pk}/export.{fmt}"


def csv_tables(response) -> dict[str, list[list[str]]]:
    """{table title: rows (header first)} from the streamed CSV."""
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    tables, current = {}, None
    for row in csv.reader(io.StringIO(text)):
        if not row:
            current = None
        elif current is None:
            current = tables.setdefault(row[0], [])
        else:
            current.append(row)
    return tables


def xlsx_tables(response) -> dict[str, list[list[str]]]:
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return {
        sheet.title: [[c if c is not None else "" for c in row] for row in sheet.values]
        for sheet in book.worksheets
    }


def get_tables(client, round, fmt):
    response = client.get(export_url(round, fmt))
    assert response.status_code == 200
    return csv_tables(response) if fmt == "csv" else xlsx_tables(response)


def flat(rows) -> str:
    return "\n".join(" | ".join(str(c) for c in row) for row in rows)


# --- Rights --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_readers_and_the_administrator_get_no_export_of_answers(
    reader_client, admin_client_, quoted, fmt
):
    assert reader_client.get(export_url(quoted["round"], fmt)).status_code == 403
    assert admin_client_.get(export_url(quoted["round"], fmt)).status_code == 403


def test_unknown_format_or_round_is_not_found(consultant_client, quoted):
    assert consultant_client.get(export_url(quoted["round"], "pdf")).status_code == 404
    assert consultant_client.get("/plan/validation/999999/export.csv").status_code == 404
    assert consultant_client.post(export_url(quoted["round"], "csv")).status_code == 405


# --- Content -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_holds_invitees_answers_surprises_and_decisions(consultant, quoted, fmt):
    feedback = quoted["named"].feedback.get()
    ObjectionDecision.objects.create(
        feedback=feedback, outcome="rejected", explanation="Buiten de opdracht"
    )
    tables = get_tables(client_for(consultant), quoted["round"], fmt)
    assert list(tables) == ["Genodigden", "Antwoorden", "Per ambitie"]
    invitees = flat(tables["Genodigden"])
    assert all(
        f"Vereniging {k.capitalize()} | Extern | gesprek | beantwoord" in invitees for k in KEYS
    )
    answers = flat(tables["Antwoorden"])
    assert "Verrassing named bij Vereniging Named | Beeldvorming" in answers
    assert "Opmerking named van Vereniging Named" in answers
    per_ambition = flat(tables["Per ambitie"])
    assert "Buiten de opdracht" in per_ambition and "niet overgenomen" in per_ambition
    assert per_ambition.count("nog geen beslissing") == 3


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_consultants_export_every_text_with_its_consent(consultant, quoted, fmt):
    tables = get_tables(client_for(consultant), quoted["round"], fmt)
    answers, per_ambition = flat(tables["Antwoorden"]), flat(tables["Per ambitie"])
    for key in KEYS:
        assert f"Verrassing {key} bij Vereniging {key.capitalize()}" in answers
        assert f"Bezwaar {key}: Ann {key.capitalize()}s" in per_ambition
    assert "Citeren" in tables["Antwoorden"][0]
    assert "ingetrokken" in answers and "Niet citeren" in answers


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_atlas_team_exports_texts_as_their_consent_allows(atlas_member, quoted, fmt):
    tables = get_tables(client_for(atlas_member), quoted["round"], fmt)
    answers = flat(tables["Antwoorden"] + tables["Per ambitie"])
    assert "Verrassing named bij Vereniging Named" in answers
    assert "Verrassing anonymous bij [organisatie]" in answers
    assert "Bezwaar anonymous: [naam] van [organisatie]" in answers
    assert "Opmerking anonymous van [organisatie]" in answers
    for key in ["anonymous", "refused", "withdrawn"]:
        # the answer tables never tie a name to an answer that may not be quoted by name
        assert f"Vereniging {key.capitalize()}" not in answers
        assert f"Ann {key.capitalize()}s" not in answers
    for key in ["refused", "withdrawn"]:
        assert f"Verrassing {key}" not in answers and f"Bezwaar {key}" not in answers
        assert f"Opmerking {key}" not in answers
    assert "Citeren" not in tables["Antwoorden"][0]
    assert "Intern of extern" not in tables["Antwoorden"][0]
    assert len(tables["Per ambitie"]) == 1 + 4  # the rows stay, their hidden texts are empty


def test_a_withdrawal_takes_the_texts_out_of_the_next_export(atlas_member, quoted):
    client = client_for(atlas_member)
    assert "Verrassing named" in flat(get_tables(client, quoted["round"], "csv")["Antwoorden"])
    quoted["named"].withdrawn_on = quoted["named"].consent_on
    quoted["named"].save()
    answers = get_tables(client, quoted["round"], "csv")
    assert "Verrassing named" not in flat(answers["Antwoorden"] + answers["Per ambitie"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_text_in_the_export_comes_from_the_boundary(monkeypatch, atlas_member, fmt):
    original = privacy.consented_quote

    def marked(*args, **kwargs):
        value = original(*args, **kwargs)
        return value and dataclasses.replace(value, text=f"⟦b⟧{value.text}")

    monkeypatch.setattr(privacy, "consented_quote", marked)
    quoted = quoted_round()
    tables = get_tables(client_for(atlas_member), quoted["round"], fmt)
    text = "\n".join(flat(rows) for rows in tables.values())
    for phrase in ["Verrassing named", "Opmerking named", "Bezwaar named"]:
        assert text.count(phrase) == text.count(f"⟦b⟧{phrase}") == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_formula_typed_in_an_answer_stays_text(consultant, fmt):
    round = ValidationRoundFactory()
    answer(round, position=Endorsement.NOT, surprises='=HYPERLINK("http://x","klik")')
    answers = get_tables(client_for(consultant), round, fmt)["Antwoorden"]
    assert answers[1][2] == '\'=HYPERLINK("http://x","klik")'
