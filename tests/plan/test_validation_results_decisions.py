"""Closing the loop: a decision on each objection, the confirmation before adopting a
version with objections undecided, the endorsement on the vision page, the dashboard card."""

import pytest
from django.test import RequestFactory

from plan import dashboard
from plan.models import DecisionOutcome, Endorsement, ObjectionDecision, VisionState
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFactory, ValidationRoundFactory, VisionVersionFactory
from tests.plan.results_data import answer, hand_computed_round

pytestmark = pytest.mark.django_db

E, P, N = Endorsement.ENDORSE, Endorsement.PARTLY, Endorsement.NOT


@pytest.fixture
def loop():
    """Version 1 in a round with one objection, version 2 with its copy of the ambition."""
    round = ValidationRoundFactory(version=VisionVersionFactory(number=1, state="validating"))
    ambition = AmbitionFactory(version=round.version, title="Verschillen benoemen")
    objection = answer(round, feedback={ambition: (N, "Te vaag")}).feedback.get()
    v2 = VisionVersionFactory(number=2)
    changed = AmbitionFactory(version=v2, title="Verschillen open benoemen", origin=ambition)
    v3 = VisionVersionFactory(number=3)
    elsewhere = AmbitionFactory(version=v3, title="Nog later")
    return {
        "round": round,
        "objection": objection,
        "v2": v2,
        "changed": changed,
        "v3": v3,
        "elsewhere": elsewhere,
    }


def decide_url(feedback) -> str:
    return f"/plan/validation/feedback/{feedback.pk}/decide/"


# --- Rights --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("consultant_client", 200),
        ("atlas_client", 200),
        ("reader_client", 403),
        ("admin_client_", 403),
    ],
)
def test_who_may_decide(request, who, status, loop):
    client = request.getfixturevalue(who)
    assert client.get(decide_url(loop["objection"])).status_code == status
    response = client.post(
        decide_url(loop["objection"]), {"outcome": "rejected", "explanation": "x"}
    )
    assert response.status_code == (302 if status == 200 else status)


def test_unknown_objection_and_wrong_method(consultant_client, loop):
    assert consultant_client.get("/plan/validation/feedback/999999/decide/").status_code == 404
    assert consultant_client.put(decide_url(loop["objection"])).status_code == 405


# --- Deciding ------------------------------------------------------------------------------


def test_processed_in_a_later_version_citing_its_changed_ambition(
    consultant_client, consultant, loop
):
    response = consultant_client.post(
        decide_url(loop["objection"]),
        {
            "outcome": DecisionOutcome.PROCESSED,
            "version": loop["v2"].pk,
            "ambitions": [loop["changed"].pk],
            "explanation": "Concreter geformuleerd",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "is opgeslagen" in html
    decision = ObjectionDecision.objects.get()
    assert decision.version == loop["v2"] and decision.decided_by == consultant
    assert list(decision.ambitions.all()) == [loop["changed"]]
    assert "in versie 2" in html and "v2 Verschillen open benoemen" in html
    assert "0 bezwaren zonder beslissing" in html


def test_processed_needs_a_later_version(consultant_client, loop):
    url = decide_url(loop["objection"])
    base = {"outcome": DecisionOutcome.PROCESSED, "explanation": "Aangepast"}
    html = consultant_client.post(url, base).content.decode()
    assert "Kies de versie waarin het bezwaar verwerkt is" in html
    same = {**base, "version": loop["round"].version_id}
    assert "Selecteer een geldige keuze" in consultant_client.post(url, same).content.decode()
    assert not ObjectionDecision.objects.exists()


def test_changed_ambitions_must_belong_to_that_version(consultant_client, loop):
    data = {
        "outcome": DecisionOutcome.PROCESSED,
        "version": loop["v2"].pk,
        "ambitions": [loop["elsewhere"].pk],
        "explanation": "Aangepast",
    }
    html = consultant_client.post(decide_url(loop["objection"]), data).content.decode()
    assert "Kies enkel ambities van versie 2." in html
    assert not ObjectionDecision.objects.exists()


def test_not_taken_over_keeps_the_reason_and_no_version(consultant_client, loop):
    data = {
        "outcome": DecisionOutcome.REJECTED,
        "version": loop["v2"].pk,
        "ambitions": [loop["changed"].pk],
        "explanation": "Buiten de opdracht van Atlas",
    }
    assert consultant_client.post(decide_url(loop["objection"]), data).status_code == 302
    decision = ObjectionDecision.objects.get()
    assert decision.version is None and not decision.ambitions.exists()
    assert decision.explanation == "Buiten de opdracht van Atlas"


def test_a_decision_needs_an_explanation(consultant_client, loop):
    data = {"outcome": DecisionOutcome.REJECTED, "explanation": "   "}
    html = consultant_client.post(decide_url(loop["objection"]), data).content.decode()
    assert "waarom het niet overgenomen is" in html
    assert not ObjectionDecision.objects.exists()


def test_odd_ids_are_a_form_error_not_a_crash(consultant_client, loop):
    data = {
        "outcome": DecisionOutcome.PROCESSED,
        "version": "²",
        "ambitions": ["99999999999999999999999"],
        "explanation": "x",
    }
    response = consultant_client.post(decide_url(loop["objection"]), data)
    assert response.status_code == 200
    assert not ObjectionDecision.objects.exists()


def test_a_decision_can_be_changed(consultant_client, loop):
    url = decide_url(loop["objection"])
    consultant_client.post(url, {"outcome": "rejected", "explanation": "Eerst niet"})
    consultant_client.post(
        url, {"outcome": "processed", "version": loop["v2"].pk, "explanation": "Toch wel"}
    )
    decision = ObjectionDecision.objects.get()
    assert (decision.outcome, decision.explanation) == ("processed", "Toch wel")


def test_an_endorsement_is_no_objection_to_decide_on(consultant_client, loop):
    ambition = loop["objection"].ambition
    endorsing = answer(loop["round"], feedback={ambition: (E, "")}).feedback.get()
    response = consultant_client.post(
        decide_url(endorsing), {"outcome": "rejected", "explanation": "x"}, follow=True
    )
    assert "er is niets te beslissen" in response.content.decode()
    assert not ObjectionDecision.objects.exists()


def test_without_a_later_version_the_form_says_so(consultant_client):
    round = ValidationRoundFactory()
    ambition = AmbitionFactory(version=round.version)
    objection = answer(round, feedback={ambition: (P, "")}).feedback.get()
    html = consultant_client.get(decide_url(objection)).content.decode()
    assert "Er is nog geen versie na versie" in html


# --- Adopting with objections undecided ----------------------------------------------------


def test_adopting_with_undecided_objections_asks_for_confirmation(atlas_client, loop):
    v2 = loop["v2"]
    response = atlas_client.post(f"/plan/vision/{v2.pk}/state/", {"state": "adopted"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog 1 bezwaar uit de aftoetsing zonder beslissing." in html
    v2.refresh_from_db()
    assert v2.state == VisionState.CONCEPT

    atlas_client.post(f"/plan/vision/{v2.pk}/state/", {"state": "adopted", "confirm": "1"})
    v2.refresh_from_db()
    assert v2.state == VisionState.ADOPTED and v2.adopted_at is not None


def test_adopting_without_undecided_objections_needs_no_confirmation(atlas_client, loop):
    ObjectionDecision.objects.create(
        feedback=loop["objection"], outcome="rejected", explanation="Nee"
    )
    v2 = loop["v2"]
    response = atlas_client.post(f"/plan/vision/{v2.pk}/state/", {"state": "adopted"})
    assert response.status_code == 302
    v2.refresh_from_db()
    assert v2.state == VisionState.ADOPTED


def test_a_consultant_still_cannot_adopt(consultant_client, loop):
    url = f"/plan/vision/{loop['v2'].pk}/state/"
    assert consultant_client.post(url, {"state": "adopted", "confirm": "1"}).status_code == 403


# --- The vision page -----------------------------------------------------------------------


def test_vision_page_shows_each_ambitions_endorsement(atlas_client):
    round, _first, _second = hand_computed_round()
    html = atlas_client.get(f"/plan/vision/{round.version_id}/").content.decode()
    assert "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet" in html
    assert "Intern: 3 van 5 stakeholders onderschrijven, 1 deels, 1 niet" in html
    assert "3 van 7 stakeholders onderschrijven, 1 deels, 3 niet" in html


def test_reader_sees_anonymised_figures_on_an_adopted_version(reader_client, settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 5
    round, _first, _second = hand_computed_round()
    round.version.state = VisionState.ADOPTED
    round.version.save()
    html = reader_client.get(f"/plan/vision/{round.version_id}/").content.decode()
    assert "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet" in html
    assert "Intern:" not in html
    assert "Organisatie I1" not in html


def test_an_ambition_without_answers_shows_no_figures(atlas_client):
    version = AmbitionFactory().version
    html = atlas_client.get(f"/plan/vision/{version.pk}/").content.decode()
    assert 'data-testid="endorsement"' not in html


def test_vision_page_query_count_does_not_grow_with_answers(
    atlas_client, django_assert_num_queries
):
    round = ValidationRoundFactory()
    ambitions = [AmbitionFactory(version=round.version) for _ in range(2)]

    def add(n):
        for _ in range(n):
            answer(round, feedback=dict.fromkeys(ambitions, (P, "")))

    add(1)
    assert_same_count(
        atlas_client, f"/plan/vision/{round.version_id}/", add, django_assert_num_queries
    )


# --- Dashboard card ------------------------------------------------------------------------


def card_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return dashboard.card_validation(request)


def test_card_tells_staff_to_decide_on_objections(consultant, loop):
    card = card_for(consultant)
    assert "1 uitgenodigd, 1 beantwoord" in card.state
    assert "1 bezwaar zonder beslissing" in card.state
    assert card.next_action == "Beslis over de bezwaren"
    assert card.next_url == f"/plan/validation/{loop['round'].pk}/objections/"


def test_card_gives_readers_the_figures_and_nothing_to_do(reader, loop):
    card = card_for(reader)
    assert "bezwaar" not in card.state
    assert card.next_action == "Bekijk het draagvlak"
    assert card.next_url == f"/plan/validation/{loop['round'].pk}/results/"


def test_card_without_a_round(consultant, reader):
    assert card_for(consultant).next_action == "Start een aftoetsingsronde"
    assert card_for(reader).state == "Nog geen aftoetsingsronde."
    assert card_for(reader).next_url is None


def test_vision_page_links_to_the_results_of_its_rounds(atlas_client):
    round, _first, _second = hand_computed_round()
    html = atlas_client.get(f"/plan/vision/{round.version_id}/").content.decode()
    assert f'href="/plan/validation/{round.pk}/results/"' in html


def test_readers_reach_only_the_results_of_a_version_they_may_read(reader_client, atlas_client):
    round, _first, _second = hand_computed_round()  # on a version in aftoetsing
    url, link = f"/plan/validation/{round.pk}/results/", f'href="/plan/vision/{round.version_id}/"'
    assert link in atlas_client.get(url).content.decode()
    assert reader_client.get(url).status_code == 404
    round.version.state = VisionState.ADOPTED
    round.version.save()
    assert link in reader_client.get(url).content.decode()


def test_an_adopted_version_shows_how_its_earlier_wording_was_received(reader_client):
    round, first, _second = hand_computed_round()
    adopted = VisionVersionFactory(number=round.version.number + 1, state=VisionState.ADOPTED)
    AmbitionFactory(version=adopted, title="Verschillen open benoemen", origin=first)
    html = reader_client.get(f"/plan/vision/{adopted.pk}/").content.decode()
    assert f"Draagvlak in de aftoetsing van versie {round.version.number}" in html
    assert "deze ambitie is sindsdien herschreven" in html
    assert "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet" in html
    assert "Organisatie I1" not in html


def test_a_new_decision_suggests_the_next_version_and_its_copy_of_the_ambition(
    consultant_client, loop
):
    form = consultant_client.get(decide_url(loop["objection"])).context["form"]
    assert form.initial["version"] == loop["v2"].pk
    assert form.initial["ambitions"] == [loop["changed"].pk]


def test_a_decisions_history_shows_who_changed_what(
    consultant_client, atlas_client, reader_client, consultant, loop
):
    url = decide_url(loop["objection"])
    consultant_client.post(url, {"outcome": "rejected", "explanation": "Eerst niet"})
    atlas_client.post(url, {"outcome": "rejected", "explanation": "Toch niet, want te duur"})
    history = f"/plan/validation/feedback/{loop['objection'].pk}/history/"
    html = consultant_client.get(history).content.decode()
    assert "Eerst niet" in html and "Toch niet, want te duur" in html
    assert reader_client.get(history).status_code == 403
    other = answer(loop["round"], feedback={loop["objection"].ambition: (P, "")})
    undecided = f"/plan/validation/feedback/{other.feedback.get().pk}/history/"
    assert consultant_client.get(undecided).status_code == 404
