"""Endorsement figures per ambition, internal and external, on a hand-computed round."""

import pytest

from plan import endorsement
from plan.endorsement import Tally
from plan.models import Endorsement
from tests.plan.factories import AmbitionFactory, ValidationRoundFactory
from tests.plan.results_data import answer, hand_computed_round

pytestmark = pytest.mark.django_db


def test_staff_see_the_hand_computed_figures_internal_and_external(consultant):
    round, first, second = hand_computed_round()
    figures = endorsement.ambition_figures([first, second], consultant, round)

    assert figures[first.pk].total == Tally(6, 2, 1)
    assert figures[first.pk].internal == Tally(3, 1, 1)
    assert figures[first.pk].external == Tally(3, 1, 0)
    assert figures[second.pk].total == Tally(3, 1, 3)
    assert figures[second.pk].internal == Tally(2, 1, 2)
    assert figures[second.pk].external == Tally(1, 0, 1)
    overall = endorsement.overall_figures(round, consultant)
    assert (overall.total, overall.internal, overall.external) == (
        Tally(5, 2, 2),
        Tally(2, 2, 1),
        Tally(3, 0, 1),
    )


def test_the_phrase_says_how_many_endorse_of_how_many(atlas_member):
    round, first, second = hand_computed_round()
    figures = endorsement.ambition_figures([first, second], atlas_member, round)
    assert figures[first.pk].total.phrase() == (
        "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet"
    )
    assert figures[second.pk].total.phrase() == (
        "3 van 7 stakeholders onderschrijven, 1 deels, 3 niet"
    )
    assert Tally(1, 0, 0).phrase() == "1 van 1 stakeholder onderschrijft"
    assert Tally(1, 0, 8).phrase() == "1 van 9 stakeholders onderschrijft, 8 niet"
    assert Tally(6, 2, 0).phrase() == "6 van 8 stakeholders onderschrijven, 2 deels"
    assert Tally().phrase() == "Nog geen antwoorden."


def test_readers_see_only_the_total_when_a_group_is_too_small(reader, settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 5
    round, first, second = hand_computed_round()
    figures = endorsement.ambition_figures([first, second], reader, round)
    # 5 internal, 4 external: the external group is too small, so no split at all
    assert figures[first.pk].total == Tally(6, 2, 1)
    assert figures[first.pk].internal is None and figures[first.pk].external is None
    assert figures[first.pk].withheld

    settings.EVIDENCE_MIN_GROUP_SIZE = 4
    figures = endorsement.ambition_figures([first, second], reader, round)
    assert figures[first.pk].internal == Tally(3, 1, 1)  # 5 and 4: both large enough
    assert figures[first.pk].external == Tally(3, 1, 0)
    assert figures[second.pk].internal is None  # 5 and 2
    assert figures[second.pk].total == Tally(3, 1, 3)


def test_staff_see_the_split_whatever_the_group_size(atlas_member, settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 50
    round, first, _second = hand_computed_round()
    figures = endorsement.ambition_figures([first], atlas_member, round)
    assert figures[first.pk].external == Tally(3, 1, 0)


def test_figures_count_one_round_only_when_asked(consultant):
    round, first, _second = hand_computed_round()
    other = ValidationRoundFactory(version=round.version)
    answer(other, position=Endorsement.NOT, feedback={first: (Endorsement.NOT, "")})
    assert endorsement.ambition_figures([first], consultant, round)[first.pk].total.against == 1
    assert endorsement.ambition_figures([first], consultant)[first.pk].total.against == 2


def test_a_withdrawn_answer_still_counts_it_names_nobody(consultant):
    round = ValidationRoundFactory()
    ambition = AmbitionFactory(version=round.version)
    answer(round, feedback={ambition: (Endorsement.PARTLY, "")}, withdrawn_on="2030-01-01")
    figures = endorsement.ambition_figures([ambition], consultant, round)
    assert figures[ambition.pk].total == Tally(0, 1, 0)


def test_figures_cost_one_query_for_any_number_of_ambitions(consultant, django_assert_num_queries):
    round, first, second = hand_computed_round()
    more = [AmbitionFactory(version=round.version) for _ in range(10)]
    endorsement.anonymises(consultant)  # the user's roles are read once per request
    with django_assert_num_queries(1):
        endorsement.ambition_figures([first, second, *more], consultant, round)
    with django_assert_num_queries(1):
        endorsement.overall_figures(round, consultant)


def test_segments_draw_the_bar_in_proportion():
    segments = Tally(6, 2, 1).segments()
    assert [s["count"] for s in segments] == [6, 2, 1]
    assert [s["width"] for s in segments] == ["266.7", "88.9", "44.4"]
    assert segments[1]["x"] == "266.7"
