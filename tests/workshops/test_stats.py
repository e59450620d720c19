"""The statistics on examples computed by hand (the arithmetic is in the comments)."""

import pytest

from workshops import stats

approx = pytest.approx


def test_wilson_interval_of_twelve_out_of_fifteen():
    # p = .8, z²/n = .25611; centre = (.8 + .12805) / 1.25611 = .73883;
    # half = 1.96 * sqrt(.16/15 + 3.8416/900) / 1.25611 = .19069
    assert stats.wilson_interval(12, 15) == (approx(0.5481, abs=1e-4), approx(0.9295, abs=1e-4))


def test_wilson_interval_of_ten_out_of_fifteen():
    # centre = (.66667 + .12805) / 1.25611 = .63269; half = 1.96 * .13814 / 1.25611 = .21555
    assert stats.wilson_interval(10, 15) == (approx(0.4171, abs=1e-4), approx(0.8483, abs=1e-4))


def test_wilson_interval_never_leaves_zero_to_one():
    # p = 0: centre = half = (3.8416/20) / 1.38416 = .13877, so the interval is [0, .2775]
    assert stats.wilson_interval(0, 10) == (approx(0.0, abs=1e-9), approx(0.2775, abs=1e-4))
    assert stats.wilson_interval(0, 0) == (0.0, 1.0)


def test_leik_dispersion_from_unanimous_to_polarised():
    assert stats.leik_dispersion({4: 9}) == 0
    assert stats.leik_dispersion({1: 5, 5: 5}) == approx(1.0)
    # uniform: F = .2 .4 .6 .8 -> min(F, 1-F) = .2 .4 .4 .2, sum 1.2, D = 2 * 1.2 / 4
    assert stats.leik_dispersion({1: 2, 2: 2, 3: 2, 4: 2, 5: 2}) == approx(0.6)
    # F = .1 .3 .6 .8 -> .1 .3 .4 .2, sum 1.0, D = .5
    assert stats.leik_dispersion({1: 1, 2: 2, 3: 3, 4: 2, 5: 2}) == approx(0.5)


def test_passes_do_not_count_in_dispersion_or_shares():
    assert stats.leik_dispersion({0: 7, 4: 3}) == 0
    assert stats.leik_dispersion({0: 4}) is None


def test_describe_a_statement():
    s = stats.describe({0: 1, 1: 2, 2: 1, 3: 2, 4: 5, 5: 3})
    assert (s.n, s.passes, s.total) == (13, 1, 14)
    assert s.mean == approx(45 / 13)  # (1*2 + 2*1 + 3*2 + 4*5 + 5*3) / 13
    assert (s.agree, s.disagree, s.neutral) == (8, 3, 2)
    assert s.agree_share == approx(8 / 13)
    assert s.disagree_share == approx(3 / 13)
    assert s.pass_share == approx(1 / 14)


def test_an_empty_statement_has_no_figures():
    s = stats.describe({})
    assert (s.n, s.mean, s.agree_share, s.dispersion) == (0, None, None, None)
    assert s.verdict == stats.Verdict.TOO_FEW


def test_twelve_of_fifteen_agreeing_is_endorsed_ten_is_not_yet():
    assert stats.describe({4: 6, 5: 6, 3: 2, 2: 1}).verdict == stats.Verdict.ENDORSED
    assert stats.describe({4: 5, 5: 5, 3: 3, 2: 2}).verdict == stats.Verdict.UNCLEAR


def test_broad_rejection():
    # 12 of 13 disagree: Wilson lower bound .667 > .5
    assert stats.describe({1: 8, 2: 4, 3: 1}).verdict == stats.Verdict.REJECTED


def test_a_polarised_room_is_divided():
    # F = 4/12, 6/12, 6/12, 8/12 -> D = 2 * (1/3 + 1/2 + 1/2 + 1/3) / 4 = .8333
    s = stats.describe({1: 4, 2: 2, 4: 2, 5: 4})
    assert s.dispersion == approx(5 / 6)
    assert s.verdict == stats.Verdict.DIVIDED


def test_fewer_than_five_votes_get_no_verdict():
    assert stats.describe({5: 4, 0: 3}).verdict == stats.Verdict.TOO_FEW


def test_ranking_leaves_out_statements_with_too_few_votes():
    described = {
        "unanimous": stats.describe({5: 8}),
        "split": stats.describe({1: 4, 5: 4}),
        "mixed": stats.describe({2: 3, 3: 2, 4: 3}),
        "tiny": stats.describe({1: 1, 5: 1}),
    }
    consensual, divisive = stats.rank(described)
    assert described["split"].verdict == stats.Verdict.DIVIDED
    assert described["unanimous"].verdict == stats.Verdict.ENDORSED
    # a divided statement is never "consensual", an endorsed one never "divisive"
    assert consensual == ["unanimous", "mixed"]
    assert divisive == ["split", "mixed"]


def test_ties_are_ranked_by_the_number_of_votes():
    described = {"small": stats.describe({4: 5}), "large": stats.describe({4: 9})}
    assert stats.rank(described)[0] == ["large", "small"]
