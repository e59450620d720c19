"""The results page and the objections page of a round: figures, surprises by theme and
objections, each text as its answer's consent allows, for every role."""

import dataclasses
import datetime
import re

import pytest
from django.utils.html import escape

from interviews import privacy
from interviews.models import ConsentScope
from plan.models import Endorsement, VisionState, VisionVersion
from tests.conftest import client_for
from tests.factories import ThemeFactory
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFactory, ValidationRoundFactory
from tests.plan.results_data import answer, hand_computed_round, quoted_round
from tests.stakeholders.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

E, P, N = Endorsement.ENDORSE, Endorsement.PARTLY, Endorsement.NOT


@pytest.fixture
def quoted():
    return quoted_round()


def results_url(round) -> str:
    return f"/plan/validation/{round.pk}/results/"


def objections_url(round) -> str:
    return f"/plan/validation/{round.pk}/objections/"


# --- Rights --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["consultant", "atlas_member"])
def test_staff_open_results_and_objections(request, who, quoted):
    client = client_for(request.getfixturevalue(who))
    assert client.get(results_url(quoted["round"])).status_code == 200
    assert client.get(objections_url(quoted["round"])).status_code == 200


def adopted(round):
    """The round's version vastgesteld: readers read only such versions (and their rounds)."""
    VisionVersion.objects.filter(pk=round.version_id).update(state=VisionState.ADOPTED)
    return round


def test_reader_opens_results_but_not_the_objections(reader_client, quoted):
    assert reader_client.get(results_url(quoted["round"])).status_code == 404  # in aftoetsing
    adopted(quoted["round"])
    assert reader_client.get(results_url(quoted["round"])).status_code == 200
    assert reader_client.get(objections_url(quoted["round"])).status_code == 403


def test_administrator_is_refused(admin_client_, quoted):
    assert admin_client_.get(results_url(quoted["round"])).status_code == 403
    assert admin_client_.get(objections_url(quoted["round"])).status_code == 403


def test_unknown_round_is_not_found_and_writes_are_refused(consultant_client, quoted):
    assert consultant_client.get("/plan/validation/999999/results/").status_code == 404
    assert consultant_client.get("/plan/validation/999999/objections/").status_code == 404
    assert consultant_client.post(results_url(quoted["round"])).status_code == 405
    assert consultant_client.post(objections_url(quoted["round"])).status_code == 405


# --- Figures -------------------------------------------------------------------------------


def test_results_show_the_figures_per_ambition_internal_and_external(atlas_client):
    round, _first, _second = hand_computed_round()
    html = atlas_client.get(results_url(round)).content.decode()
    assert "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet" in html
    assert "Intern: 3 van 5 stakeholders onderschrijven, 1 deels, 1 niet" in html
    assert "Extern: 3 van 4 stakeholders onderschrijven, 1 deels" in html
    assert "3 van 7 stakeholders onderschrijven, 1 deels, 3 niet" in html
    assert "5 van 9 stakeholders onderschrijven, 2 deels, 2 niet" in html  # overall
    assert "9 uitgenodigd, 9 beantwoord" in html
    # each bar is an image with its text alternative, and the numbers are also text
    assert html.count('role="img"') == html.count("<title id=")
    assert "onderschrijft: <strong>6</strong>" in html


def test_reader_sees_the_total_only_where_a_group_is_small(reader_client, settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 5
    round, _first, _second = hand_computed_round()
    html = reader_client.get(results_url(adopted(round))).content.decode()
    assert "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet" in html
    assert "Intern:" not in html and "Extern:" not in html
    assert 'data-testid="endorsement-withheld"' in html
    assert "Organisatie I1" not in html and "Organisatie E1" not in html


def test_reader_sees_no_text_of_any_answer(reader_client, quoted):
    html = reader_client.get(results_url(adopted(quoted["round"]))).content.decode()
    assert "1 van 4" not in html  # nobody endorses the ambition
    assert "0 van 4 stakeholders onderschrijven" in html
    for key in ["named", "anonymous", "refused", "withdrawn"]:
        assert f"Verrassing {key}" not in html
        assert f"Bezwaar {key}" not in html
        assert f"Vereniging {key.capitalize()}" not in html
    assert "Exporteren" not in html


# --- Texts through the evidence boundary ---------------------------------------------------


def test_consultant_sees_every_text_in_full(consultant_client, quoted):
    html = consultant_client.get(results_url(quoted["round"])).content.decode()
    for key in ["named", "anonymous", "refused", "withdrawn"]:
        organisation = f"Vereniging {key.capitalize()}"
        assert escape(f"Verrassing {key} bij {organisation}") in html
        assert escape(f"Bezwaar {key}: Ann {key.capitalize()}s van {organisation}") in html
    assert "ingetrokken" in html  # the research space is told the consent beside the quote


def test_atlas_team_sees_texts_as_their_consent_allows(atlas_client, quoted):
    html = atlas_client.get(results_url(quoted["round"])).content.decode()
    # by name
    assert escape("Verrassing named bij Vereniging Named") in html
    assert escape("Bezwaar named: Ann Nameds van Vereniging Named") in html
    # anonymised: the organisation and the people masked, labelled by sector
    assert escape("Verrassing anonymous bij [organisatie]") in html
    assert escape("Bezwaar anonymous: [naam] van [organisatie]") in html
    assert "Vereniging Anonymous" not in html and "Ann Anonymouss" not in html
    # not quotable, and withdrawn: no text at all; the objection is still listed
    for key in ["refused", "withdrawn"]:
        assert f"Verrassing {key}" not in html and f"Bezwaar {key}" not in html
        assert f"Vereniging {key.capitalize()}" not in html
    assert html.count('data-testid="objection"') == 4
    assert html.count("geen toelichting die u mag lezen") == 2


def test_surprises_are_grouped_by_theme_with_a_group_without_theme(consultant_client, quoted):
    html = consultant_client.get(results_url(quoted["round"])).content.decode()
    groups = re.findall(r'data-testid="surprise-group".*?<h3[^>]*>([^<]+)<', html, re.DOTALL)
    assert [g.strip() for g in groups] == ["Beeldvorming", "Zonder thema"]
    themed, unthemed = html.split('data-testid="surprise-group"')[1:3]
    assert "Verrassing named" in themed and "Verrassing anonymous" not in themed
    assert "Verrassing anonymous" in unthemed


def test_a_withdrawal_takes_the_texts_off_the_page(atlas_client, quoted):
    named = quoted["named"]
    assert "Verrassing named" in atlas_client.get(results_url(quoted["round"])).content.decode()
    named.withdrawn_on = datetime.date.today()
    named.save()
    html = atlas_client.get(results_url(quoted["round"])).content.decode()
    assert "Verrassing named" not in html and "Bezwaar named" not in html


MARK = "⟦boundary⟧"


def test_every_answer_text_on_the_pages_passes_the_boundary_and_the_component(
    monkeypatch, atlas_client, consultant_client, quoted
):
    original = privacy.consented_quote

    def marked(*args, **kwargs):
        value = original(*args, **kwargs)
        return value and dataclasses.replace(value, text=f"{MARK}{value.text}")

    monkeypatch.setattr(privacy, "consented_quote", marked)
    component = re.compile(r'<figure[^>]*data-testid="quote">.*?</figure>', re.DOTALL)
    feedback = quoted["named"].feedback.get()
    for client in [atlas_client, consultant_client]:
        for url in [
            results_url(quoted["round"]),
            objections_url(quoted["round"]),
            f"/plan/validation/feedback/{feedback.pk}/decide/",
        ]:
            html = client.get(url).content.decode()
            assert f"{MARK}Bezwaar named" in html, url
            outside = component.sub("", html)
            assert "Bezwaar named" not in outside and "Verrassing named" not in outside, url


# --- Objections ----------------------------------------------------------------------------


def test_objections_page_lists_every_partly_and_not_with_its_decision_state(
    consultant_client, quoted
):
    ambition = quoted["ambition"]
    answer(quoted["round"], feedback={ambition: (E, "Helemaal mee eens")})
    html = consultant_client.get(objections_url(quoted["round"])).content.decode()
    assert html.count('data-testid="objection"') == 4
    assert "Helemaal mee eens" not in html
    assert html.count("nog geen beslissing") == 4
    assert "4 bezwaren zonder beslissing" in html


def test_results_page_query_count_is_constant(atlas_client, django_assert_num_queries):
    round = ValidationRoundFactory()
    ambitions = [AmbitionFactory(version=round.version) for _ in range(3)]
    theme = ThemeFactory()

    def add(n):
        for i in range(n):
            organisation = OrganisationFactory()
            ContactFactory(organisation=organisation)
            response = answer(
                round,
                organisation,
                P,
                {ambitions[0]: (N, f"Rij-bezwaar {i}"), ambitions[1]: (E, "")},
                surprises=f"Rij-verrassing {i}",
                consent_scope=ConsentScope.NAMED,
            )
            response.surprise_themes.add(theme)

    add(2)
    assert_same_count(
        atlas_client, results_url(round), add, django_assert_num_queries, marker="Rij-bezwaar"
    )


def test_objections_page_query_count_is_constant(consultant_client, django_assert_num_queries):
    from plan.models import ObjectionDecision

    round = ValidationRoundFactory()
    ambition = AmbitionFactory(version=round.version)

    def add(n):
        for i in range(n):
            response = answer(round, feedback={ambition: (P, f"Rij-bezwaar {i}")})
            ObjectionDecision.objects.create(
                feedback=response.feedback.get(), outcome="rejected", explanation="Nee"
            )

    add(2)
    assert_same_count(
        consultant_client,
        objections_url(round),
        add,
        django_assert_num_queries,
        marker="Rij-bezwaar",
    )


def test_an_objection_without_comment_says_so_rather_than_hiding_one(atlas_client):
    round = ValidationRoundFactory()
    ambition = AmbitionFactory(version=round.version)
    answer(round, feedback={ambition: (P, "")}, consent_scope=ConsentScope.NOT_QUOTABLE)
    answer(round, feedback={ambition: (N, "Iets")}, consent_scope=ConsentScope.NOT_QUOTABLE)
    html = atlas_client.get(objections_url(round)).content.decode()
    assert html.count("zonder toelichting.") == 1
    assert html.count("geen toelichting die u mag lezen") == 1
