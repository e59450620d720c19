"""Statements: add one, paste many, edit, delete, outcomes and counts by hand."""

import pytest
from django.utils.html import escape

from tests.factories import ThemeFactory
from tests.helpers import read_at
from tests.workshops.factories import StatementFactory, votes
from workshops.models import ManualCount, Statement


def test_paste_many_statements_keeps_their_order(consultant_client, statement):
    theme = ThemeFactory(name="Taal")
    text = "- Eerste stelling\n\n  • Tweede   stelling  \n* Derde stelling\n"
    response = consultant_client.post(
        f"/workshops/{statement.workshop_id}/statements/paste/", {"lines": text, "theme": theme.pk}
    )
    assert response.status_code == 302
    added = list(Statement.objects.exclude(pk=statement.pk).values_list("text", "order", "theme"))
    first = statement.order
    assert added == [
        ("Eerste stelling", first + 1, theme.pk),
        ("Tweede stelling", first + 2, theme.pk),
        ("Derde stelling", first + 3, theme.pk),
    ]


def test_pasting_nothing_is_refused(consultant_client, workshop):
    response = consultant_client.post(
        f"/workshops/{workshop.pk}/statements/paste/", {"lines": " \n - \n"}
    )
    assert "Plak minstens één stelling." in response.content.decode()
    assert not Statement.objects.exists()


def test_add_and_edit_one_statement(consultant_client, consultant, workshop):
    consultant_client.post(
        f"/workshops/{workshop.pk}/statements/new/",
        {"text": "We zeggen “wij”.", "order": 1, "source": "Interview 3, fragment 12"},
    )
    statement = Statement.objects.get()
    assert statement.source == "Interview 3, fragment 12"
    url = f"/workshops/statements/{statement.pk}/edit/"
    consultant_client.post(
        url,
        {"text": "We zeggen “wij Antwerpenaren”.", "order": 2,
         "read_at": read_at(consultant_client, url)},
    )  # fmt: skip
    html = consultant_client.get(f"/workshops/statements/{statement.pk}/history/").content.decode()
    assert "wij Antwerpenaren" in html
    assert escape(consultant.get_full_name()) in html


def test_delete_asks_first(consultant_client, statement):
    votes(statement, {3: 1})
    html = consultant_client.get(f"/workshops/statements/{statement.pk}/delete/").content.decode()
    assert "Er is 1 stem op deze stelling uitgebracht" in html
    consultant_client.post(f"/workshops/statements/{statement.pk}/delete/")
    assert not Statement.objects.exists()


def test_outcome_reworded_needs_the_new_text(consultant_client, statement):
    url = f"/workshops/statements/{statement.pk}/outcome/"
    response = consultant_client.post(url, {"outcome": "reworded"})
    assert "Geef de nieuwe formulering" in response.content.decode()
    response = consultant_client.post(
        url,
        {
            "outcome": "reworded",
            "reworded_text": "Antwerpen is van alle Antwerpenaren.",
            "discussion_notes": "Breed gedragen, maar “iedereen” is vaag.",
        },
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.outcome == Statement.Outcome.REWORDED
    results = consultant_client.get(f"/workshops/{statement.workshop_id}/results/")
    assert "Antwerpen is van alle Antwerpenaren." in results.content.decode()


def test_invalid_outcome_is_refused(consultant_client, statement):
    consultant_client.post(f"/workshops/statements/{statement.pk}/outcome/", {"outcome": "weg"})
    statement.refresh_from_db()
    assert statement.outcome == ""


def test_counts_by_hand_add_to_the_phone_votes(consultant_client, statement):
    votes(statement, {4: 2})
    data = {f"count_{value}": 0 for value in range(6)} | {"count_4": 3, "count_1": 1}
    url = f"/workshops/statements/{statement.pk}/counts/"
    assert "2 stemmen die met de gsm" in consultant_client.get(url).content.decode()
    consultant_client.post(url, data)
    consultant_client.post(url, data)  # saving again does not add up twice
    assert dict(ManualCount.objects.values_list("value", "count"))[4] == 3
    html = consultant_client.get(f"/workshops/{statement.workshop_id}/results/").content.decode()
    assert "eens: <strong>5</strong>" in html
    assert "helemaal oneens: <strong>1</strong>" in html


def test_negative_counts_are_refused(consultant_client, statement):
    data = {f"count_{value}": 0 for value in range(6)} | {"count_2": -3}
    response = consultant_client.post(f"/workshops/statements/{statement.pk}/counts/", data)
    assert response.status_code == 200
    assert not ManualCount.objects.exists()


def test_statement_pages_link_to_their_history(consultant_client, statement):
    html = consultant_client.get(f"/workshops/statements/{statement.pk}/edit/").content.decode()
    assert f"/workshops/statements/{statement.pk}/history/" in html
    detail = consultant_client.get(f"/workshops/{statement.workshop_id}/").content.decode()
    assert f"/workshops/statements/{statement.pk}/history/" in detail


def test_other_workshops_statements_do_not_show(consultant_client, workshop):
    StatementFactory(text="Van een andere workshop")
    html = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "Van een andere workshop" not in html
    assert "Plak uw stellingen, één per regel" in html


def test_a_statement_cites_a_policy_passage_from_the_library(
    atlas_client, consultant_client, workshop
):
    from tests.policies.factories import PassageFactory

    passage = PassageFactory(quote="Iedereen is Antwerpenaar.", document__title="Bestuursakkoord")
    form = consultant_client.get(f"/workshops/{workshop.pk}/statements/new/").content.decode()
    assert "Bestuursakkoord: “Iedereen is Antwerpenaar.”" in form  # offered in the form
    consultant_client.post(
        f"/workshops/{workshop.pk}/statements/new/",
        {"text": "Wij zijn allemaal Antwerpenaren.", "order": 1, "source_passage": passage.pk},
    )
    assert Statement.objects.get().source_passage == passage
    html = atlas_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert f'href="/policies/{passage.document_id}/#passage-{passage.pk}"' in html


def test_the_text_of_a_statement_with_votes_cannot_change(consultant_client, statement):
    votes(statement, {4: 2})
    url = f"/workshops/statements/{statement.pk}/edit/"
    response = consultant_client.post(
        url, {"text": "Iets heel anders.", "order": 1, "read_at": read_at(consultant_client, url)}
    )
    assert response.status_code == 200
    assert "Er is al op deze stelling gestemd" in response.content.decode()
    statement.refresh_from_db()
    assert statement.text == "Antwerpen is een stad van iedereen."


@pytest.mark.parametrize(
    ("scope", "withdrawn", "atlas_sees"),
    [("named", False, "Vzw De Brug"), ("anonymous", False, "sector"), ("anonymous", True, None)],
)
def test_an_excerpt_source_is_shown_only_as_its_consent_allows(
    atlas_client, consultant_client, workshop, scope, withdrawn, atlas_sees
):
    import datetime

    from tests.interviews.factories import ConsentFactory, ExcerptFactory
    from tests.stakeholders.factories import OrganisationFactory

    excerpt = ExcerptFactory(
        transcript__interview__organisation=OrganisationFactory(name="Vzw De Brug")
    )
    OrganisationFactory.create_batch(2)  # a sector of three: large enough to anonymise by
    ConsentFactory(
        interview=excerpt.interview,
        scope=scope,
        withdrawn_on=datetime.date.today() if withdrawn else None,
    )
    consultant_client.post(
        f"/workshops/{workshop.pk}/statements/new/",
        {"text": "De verhalen zijn eenzijdig.", "order": 1, "source_excerpt": excerpt.pk},
    )
    assert Statement.objects.get().source_excerpt == excerpt
    consultant_html = consultant_client.get(f"/workshops/{workshop.pk}/").content.decode()
    assert "verhalen over de stad" in consultant_html and "Vzw De Brug" in consultant_html
    html = atlas_client.get(f"/workshops/{workshop.pk}/").content.decode()
    if atlas_sees is None:
        assert "verhalen over de stad" not in html  # consent withdrawn: gone at once
    else:
        assert "verhalen over de stad" in html and atlas_sees in html
    if scope == "anonymous":
        assert "Vzw De Brug" not in html
