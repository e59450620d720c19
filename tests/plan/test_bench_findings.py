"""Findings of bench/plan.py (the pages of steps 5-7 at agency scale), kept fixed by tests."""

import pytest

from interviews.models import ConsentScope
from plan.models import DecisionOutcome, Endorsement, ObjectionDecision, VisionState
from tests.helpers import assert_same_count
from tests.plan.factories import AmbitionFeedbackFactory, ValidationResponseFactory
from tests.plan.test_vision_compare import decided as decided
from tests.plan.test_vision_compare import three_versions  # noqa: F401

pytestmark = pytest.mark.django_db


def test_reader_compare_counts_sectors_once_not_per_anonymised_comment(
    reader_client,
    decided,
    django_assert_num_queries,
):
    """At 1,900 decided objections the reader's compare page ran one query per anonymised
    comment (2,056 queries, 16 s); the sector sizes are now counted once for the page."""
    v1, _, v3 = decided
    v3.state = VisionState.ADOPTED
    v3.save()
    objected = v1.ambitions.get(title="Verschillen benoemen")
    round_ = ObjectionDecision.objects.first().feedback.response.invitee.round

    def add_rows(n):
        for i in range(n):
            feedback = AmbitionFeedbackFactory(
                response=ValidationResponseFactory(
                    invitee__round=round_, consent_scope=ConsentScope.ANONYMOUS
                ),
                ambition=objected,
                position=Endorsement.PARTLY,
                comment=f"Bezwaar nummer {i}.",
            )
            ObjectionDecision.objects.create(
                feedback=feedback,
                outcome=DecisionOutcome.REJECTED,
                version=v3,
                explanation="Niet overgenomen.",
            )

    # The comparison shows the first few decisions (and how many there are); every one of
    # them, anonymised, is on the version's rationale page, a page at a time.
    assert_same_count(
        reader_client,
        "/plan/vision/compare/",
        add_rows,
        django_assert_num_queries,
        params={"a": v1.pk, "b": v3.pk},
    )
    assert_same_count(
        reader_client,
        f"/plan/vision/{v3.pk}/rationale/",
        add_rows,
        django_assert_num_queries,
        marker="Bezwaar nummer",
    )
