"""Picking evidence for an ambition: search, theme filter, coded-on-theme first, few rows."""

import dataclasses
import datetime

import pytest

from atlasplan.models import Theme
from interviews import privacy
from interviews.models import ConsentScope
from plan.forms import PICKER_LIMIT
from tests.helpers import assert_same_count
from tests.interviews.factories import (
    ConsentFactory,
    ExcerptFactory,
    InterviewFactory,
    TranscriptFactory,
)
from tests.plan.factories import AmbitionFactory, VisionVersionFactory
from tests.policies.factories import PassageFactory
from tests.stakeholders.factories import OrganisationFactory
from tests.workshops.factories import StatementFactory, votes

pytestmark = pytest.mark.django_db


def excerpt(phrase: str, themes=(), organisation: str = "", **consent):
    interview = InterviewFactory(
        organisation=OrganisationFactory(**({"name": organisation} if organisation else {}))
    )
    ConsentFactory(interview=interview, scope=ConsentScope.NAMED, **consent)
    transcript = TranscriptFactory(interview=interview, text=f"Inleiding. {phrase} Einde.")
    return ExcerptFactory(transcript=transcript, phrase=phrase, themes=list(themes))


@pytest.fixture
def taal():
    return Theme.objects.create(name="Taal")


@pytest.fixture
def ambition(taal):
    linked = excerpt("al gekoppeld fragment", organisation="Vzw Gekoppeld")
    return AmbitionFactory(
        version=VisionVersionFactory(), title="Taal als sleutel", themes=[taal], excerpts=[linked]
    )


def url(ambition) -> str:
    return f"/plan/vision/ambitions/{ambition.pk}/edit/"


def section(html: str, name: str) -> str:
    return html.split(f'data-testid="picker-{name}"')[1].split("</fieldset>")[0]


def test_linked_evidence_is_shown_checked_and_on_theme_excerpts_come_first(
    consultant_client, ambition, taal
):
    excerpt("fragment zonder thema")
    excerpt("fragment over taal", themes=[taal])
    html = section(consultant_client.get(url(ambition)).content.decode(), "excerpts")
    assert html.index("al gekoppeld fragment") < html.index("fragment over taal")
    assert html.index("fragment over taal") < html.index("fragment zonder thema")
    linked = ambition.excerpts.get()
    assert f'value="{linked.pk}" id="pick-excerpts-{linked.pk}" checked' in html
    assert html.count(" checked>") == 1
    assert "op thema" in html.split("fragment over taal")[1].split("</li>")[0]


def test_search_narrows_the_candidates_and_keeps_what_was_typed(consultant_client, ambition):
    excerpt("verhalen over de haven")
    excerpt("iets over wonen")
    response = consultant_client.post(
        url(ambition),
        {
            "_search": "1",
            "evidence_q": "haven",
            "title": "Nieuwe titel, nog niet bewaard",
            "position": 1,
            "excerpts": [ambition.excerpts.get().pk],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "verhalen over de haven" in html and "iets over wonen" not in html
    assert "al gekoppeld fragment" in html  # what is ticked stays, whatever the search
    assert 'value="Nieuwe titel, nog niet bewaard"' in html
    ambition.refresh_from_db()
    assert ambition.title == "Taal als sleutel"  # a search saves nothing


def test_search_with_htmx_returns_only_the_lists(consultant_client, ambition):
    excerpt("verhalen over de haven")
    response = consultant_client.post(
        url(ambition),
        {"_search": "1", "evidence_q": "haven", "title": "x", "position": 1},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="evidence-lists"')
    assert "verhalen over de haven" in html and "<html" not in html


def test_theme_filter_narrows_every_kind(consultant_client, ambition):
    wonen = Theme.objects.create(name="Wonen")
    excerpt("fragment over wonen", themes=[wonen])
    excerpt("fragment over iets anders")
    StatementFactory(text="Stelling over wonen", theme=wonen)
    StatementFactory(text="Stelling over iets anders")
    on_theme = PassageFactory(quote="Passage over wonen")
    on_theme.themes.add(wonen)
    PassageFactory(quote="Passage over iets anders")
    html = consultant_client.get(url(ambition), {"evidence_theme": wonen.pk}).content.decode()
    assert "fragment over wonen" in html and "fragment over iets anders" not in html
    assert "Stelling over wonen" in html and "Stelling over iets anders" not in html
    assert "Passage over wonen" in html and "Passage over iets anders" not in html


@pytest.mark.parametrize("theme", ["abc", "999999", "²"])
def test_an_unknown_theme_filter_says_so_and_filters_nothing(consultant_client, ambition, theme):
    excerpt("een ander fragment")
    response = consultant_client.get(url(ambition), {"evidence_theme": theme})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit thema bestaat niet" in html and "een ander fragment" in html


def test_at_most_the_limit_of_candidates_is_listed(consultant_client, ambition):
    for i in range(PICKER_LIMIT + 3):
        excerpt(f"fragment nummer {i}")
    html = section(consultant_client.get(url(ambition)).content.decode(), "excerpts")
    assert html.count('data-testid="pick-excerpts"') == PICKER_LIMIT + 1  # + the linked one
    assert "Er zijn meer resultaten" in html


def test_statements_show_their_outcome_and_result(consultant_client, ambition):
    statement = StatementFactory(text="We benoemen verschillen", outcome="reworded")
    votes(statement, {5: 6})
    html = section(consultant_client.get(url(ambition)).content.decode(), "statements")
    assert "We benoemen verschillen" in html
    assert "herformuleerd" in html and "breed gedragen" in html


def test_ticking_evidence_links_it(consultant_client, ambition):
    new, linked = excerpt("een nieuw fragment"), ambition.excerpts.get()
    statement, passage = StatementFactory(), PassageFactory()
    form = consultant_client.get(url(ambition)).context["form"]
    response = consultant_client.post(
        url(ambition),
        {
            "title": "Taal als sleutel",
            "position": 1,
            "read_at": form["read_at"].value(),
            "excerpts": [linked.pk, new.pk],
            "statements": [statement.pk],
            "passages": [passage.pk],
        },
    )
    assert response.status_code == 302
    assert set(ambition.excerpts.values_list("pk", flat=True)) == {linked.pk, new.pk}
    assert list(ambition.statements.all()) == [statement]
    assert list(ambition.passages.all()) == [passage]


def test_the_atlas_team_sees_and_picks_only_what_consent_allows(atlas_client, ambition):
    withdrawn = excerpt(
        "ingetrokken fragment", organisation="Vzw Weg", withdrawn_on=datetime.date.today()
    )
    html = atlas_client.get(url(ambition)).content.decode()
    assert "ingetrokken fragment" not in html and "Vzw Weg" not in html
    assert html.count('data-testid="quote"') == 1  # excerpts only through the component
    form = atlas_client.get(url(ambition)).context["form"]
    response = atlas_client.post(
        url(ambition),
        {
            "title": "Taal",
            "position": 1,
            "read_at": form["read_at"].value(),
            "excerpts": [withdrawn.pk],
        },
    )
    assert response.status_code == 200
    assert "ingetrokken fragment" not in response.content.decode()
    assert not ambition.excerpts.filter(pk=withdrawn.pk).exists()


@pytest.mark.parametrize("bad", ["²", "abc", "99999999999999999999999"])
def test_odd_evidence_ids_are_a_form_error(consultant_client, ambition, bad):
    form = consultant_client.get(url(ambition)).context["form"]
    response = consultant_client.post(
        url(ambition),
        {"title": "Taal", "position": 1, "read_at": form["read_at"].value(), "passages": [bad]},
    )
    assert response.status_code == 200
    assert 'role="alert"' in section(response.content.decode(), "passages")


def test_picker_query_count_is_constant(
    consultant_client, ambition, taal, django_assert_num_queries
):
    excerpt("eerste kandidaat", themes=[taal])  # with none, no prefetch would be run at all
    StatementFactory()
    PassageFactory()

    def add_rows(n):
        for i in range(n):
            excerpt(f"extra fragment {i}", themes=[taal])

    assert_same_count(
        consultant_client,
        url(ambition),
        add_rows,
        django_assert_num_queries,
        marker='data-testid="pick-excerpts"',
    )


def test_new_ambition_form_has_the_picker(consultant_client, ambition):
    excerpt("kandidaat voor een nieuwe ambitie")
    html = consultant_client.get(f"/plan/vision/{ambition.version_id}/ambitions/new/").content
    assert "kandidaat voor een nieuwe ambitie" in html.decode()


def test_a_search_without_javascript_keeps_the_stamp_so_a_stale_save_is_still_refused(
    consultant_client, atlas_client, ambition
):
    read = consultant_client.get(url(ambition)).context["form"]["read_at"].value()
    other = atlas_client.get(url(ambition)).context["form"]["read_at"].value()
    atlas_client.post(url(ambition), {"title": "Van Atlas", "position": 1, "read_at": other})
    typed = {"title": "Van mij", "position": 1, "read_at": read, "evidence_q": "x"}
    searched = consultant_client.post(url(ambition), {**typed, "_search": "1"})
    assert searched.context["form"]["read_at"].value() == read
    response = consultant_client.post(url(ambition), typed)
    assert response.status_code == 409
    ambition.refresh_from_db()
    assert ambition.title == "Van Atlas"


def test_excerpts_on_the_picker_leave_only_through_the_quote_component(
    monkeypatch, atlas_client, ambition
):
    """Every excerpt text on the form is a value of the evidence boundary, in the component."""
    from tests.interviews.test_quote_component import MARK, assert_only_in_component

    original = privacy._value

    def value(*args, **kwargs):
        quote = original(*args, **kwargs)
        return dataclasses.replace(quote, text=f"{MARK}{quote.text}")

    monkeypatch.setattr(privacy, "_value", value)
    excerpt("verhalen over de stad")
    assert_only_in_component(atlas_client.get(url(ambition)).content.decode(), "picker")
