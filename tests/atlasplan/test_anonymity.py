"""The small-group rule of every breakdown: no figure for a group smaller than the minimum."""

import pytest

from atlasplan.anonymity import break_down, min_group_size


def test_groups_large_enough_are_shown_on_their_own():
    result = break_down({"Communicatie": 6, "Beleid": 5}, minimum=5)
    assert result.shown == ("Communicatie", "Beleid")
    assert result.pooled == () and result.withheld == 0


def test_small_groups_are_pooled_when_the_pool_is_large_enough():
    result = break_down({"Communicatie": 6, "Onthaal": 1, "Beleid": 2, "Pers": 3}, minimum=5)
    assert result.shown == ("Communicatie",)
    assert result.pooled == ("Onthaal", "Beleid", "Pers")
    assert result.withheld == 0


def test_a_pool_too_small_takes_in_the_smallest_shown_group():
    # Total minus "Communicatie" would give Onthaal's one vote away: it cannot stand alone.
    result = break_down({"Communicatie": 9, "Beleid": 6, "Onthaal": 1}, minimum=5)
    assert result.shown == ("Communicatie",)
    assert set(result.pooled) == {"Beleid", "Onthaal"}
    assert result.withheld == 0


def test_without_any_group_large_enough_nothing_is_broken_down():
    result = break_down({"Onthaal": 1, "Beleid": 2}, minimum=5)
    assert result.shown == () and result.pooled == ()
    assert result.withheld == 3


def test_empty_groups_are_ignored():
    assert break_down({"Onthaal": 0, "Beleid": 5}, minimum=5).shown == ("Beleid",)
    assert break_down({}, minimum=5).withheld == 0


def test_the_minimum_comes_from_the_settings(settings):
    settings.EVIDENCE_MIN_GROUP_SIZE = 2
    assert min_group_size() == 2
    result = break_down({"Onthaal": 2, "Beleid": 1, "Pers": 1})
    assert (result.shown, result.pooled) == (("Onthaal",), ("Beleid", "Pers"))
    assert break_down({"Onthaal": 1}).withheld == 1


def test_one_group_beside_a_small_pool_is_no_breakdown_at_all():
    # Pooling the only large group with the rest leaves "all roles": that is the total.
    result = break_down({"Communicatie": 9, "Onthaal": 1}, minimum=5)
    assert result.shown == () and result.pooled == ()
    assert result.withheld == 10


@pytest.mark.parametrize("minimum", [0, -1])
def test_a_minimum_below_one_is_refused(minimum):
    with pytest.raises(ValueError):
        break_down({"Onthaal": 1}, minimum=minimum)
