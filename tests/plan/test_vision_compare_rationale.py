"""The rationale beside a comparison at agency scale: the first decisions per ambition and
the first not taken over, their counts, and the rest a page at a time."""

import pytest

from interviews.models import ConsentScope
from plan.compare import RATIONALE_SHOWN
from plan.models import DecisionOutcome, Endorsement, ObjectionDecision, VisionState
from tests.helpers import assert_same_count
from tests.plan.factories import (
    AmbitionFactory,
    AmbitionFeedbackFactory,
    ValidationResponseFactory,
    ValidationRoundFactory,
    VisionVersionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    v1 = VisionVersionFactory(number=1, title="Samen stad", state=VisionState.ADOPTED)
    v2 = VisionVersionFactory(number=2, title="Samen open stad")
    old = AmbitionFactory(version=v1, title="Verschillen benoemen", text="We benoemen.")
    new = AmbitionFactory(version=v2, title="Verschillen benoemen", text="Openlijk.", origin=old)
    return v1, v2, old, new, ValidationRoundFactory(version=v1)


def decide(round_, old, new, version, count, outcome=DecisionOutcome.PROCESSED, start=1):
    for number in range(start, start + count):
        feedback = AmbitionFeedbackFactory(
            response=ValidationResponseFactory(
                invitee__round=round_, consent_scope=ConsentScope.NAMED
            ),
            ambition=old,
            position=Endorsement.PARTLY,
            comment=f"Opmerking {number:03d}",
        )
        decision = ObjectionDecision.objects.create(
            feedback=feedback, outcome=outcome, version=version, explanation=f"Uitleg {number:03d}"
        )
        if outcome == DecisionOutcome.PROCESSED:
            decision.ambitions.add(new)


def compare_url(v1, v2) -> str:
    return f"/plan/vision/compare/?a={v1.pk}&b={v2.pk}"


def test_compare_shows_the_first_decisions_and_links_to_all(consultant_client, versions):
    v1, v2, old, new, round_ = versions
    decide(round_, old, new, v2, RATIONALE_SHOWN + 2)
    decide(round_, old, new, v2, RATIONALE_SHOWN + 1, DecisionOutcome.REJECTED, start=100)

    html = consultant_client.get(compare_url(v1, v2)).content.decode()

    rationale = html.split('data-testid="rationale"')[1].split("</aside>")[0]
    assert rationale.count('data-testid="decision"') == RATIONALE_SHOWN
    assert f"/plan/vision/{v2.pk}/rationale/?ambition={new.pk}" in rationale
    assert f"Alle {RATIONALE_SHOWN + 2} bezwaren" in rationale
    rejected = html.split('data-testid="rejected"')[1]
    assert rejected.count('data-testid="decision"') == RATIONALE_SHOWN
    assert f"Alle {RATIONALE_SHOWN + 1} niet overgenomen bezwaren" in rejected


def test_rationale_page_lists_every_decision_a_page_at_a_time(consultant_client, versions):
    _v1, v2, old, new, round_ = versions
    decide(round_, old, new, v2, 26)
    url = f"/plan/vision/{v2.pk}/rationale/"

    first = consultant_client.get(url, {"ambition": new.pk}).content.decode()
    second = consultant_client.get(url, {"ambition": new.pk, "page": 2}).content.decode()

    assert first.count('data-testid="decision"') == 25
    assert second.count('data-testid="decision"') == 1 and "Uitleg 026" in second
    assert "Opmerking 026" in second  # the comment through the boundary, in full here


def test_rationale_page_lists_what_was_not_taken_over(atlas_client, versions):
    _v1, v2, old, new, round_ = versions
    decide(round_, old, new, v2, 2, DecisionOutcome.REJECTED)

    html = atlas_client.get(f"/plan/vision/{v2.pk}/rationale/").content.decode()

    assert html.count('data-testid="decision"') == 2 and "Uitleg 002" in html


def test_rationale_page_refuses_an_ambition_of_another_version_and_hides_concepts(
    consultant_client, reader_client, versions
):
    _v1, v2, old, _new, _round = versions
    url = f"/plan/vision/{v2.pk}/rationale/"

    assert consultant_client.get(url, {"ambition": old.pk}).status_code == 404
    assert consultant_client.get(url, {"ambition": "abc"}).status_code == 404
    assert reader_client.get(url).status_code == 404  # v2 is a concept
    assert consultant_client.post(url).status_code == 405


def test_rationale_page_query_count_is_constant(
    consultant_client, versions, django_assert_num_queries
):
    _v1, v2, old, new, round_ = versions
    counter = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            decide(round_, old, new, v2, 1, start=next(counter))

    add(2)
    assert_same_count(
        consultant_client,
        f"/plan/vision/{v2.pk}/rationale/",
        add,
        django_assert_num_queries,
        params={"ambition": new.pk},
        marker='data-testid="decision"',
    )


def test_compare_query_count_does_not_grow_with_decisions(
    consultant_client, versions, django_assert_num_queries
):
    v1, v2, old, new, round_ = versions
    counter = iter(range(1, 1000))

    def add(n):
        for _ in range(n):
            decide(round_, old, new, v2, 1, start=next(counter))

    add(2)
    assert_same_count(consultant_client, compare_url(v1, v2), add, django_assert_num_queries)
