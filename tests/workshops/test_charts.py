"""The geometry of the result bars (server-rendered SVG), apart from any view."""

from tests.workshops.factories import StatementFactory
from workshops import charts, stats


def test_diverging_bar_geometry():
    # n = 10, half width 200 -> 20 per vote; neutral (2) straddles the centre 180..220
    segments = {s.value: s for s in charts.diverging_segments({1: 1, 2: 1, 3: 2, 4: 2, 5: 4})}
    assert (segments[3].x, segments[3].width) == (180, 40)
    assert (segments[2].x, segments[2].width) == (160, 20)
    assert (segments[1].x, segments[1].width) == (140, 20)
    assert (segments[4].x, segments[4].width) == (220, 40)
    assert (segments[5].x, segments[5].width) == (260, 80)
    assert charts.diverging_segments({0: 3}) == []


def test_bars_leave_out_empty_answers_and_carry_label_and_colours():
    bars = charts.bars({1: 2, 3: 0, 5: 2})
    assert [(b.value, b.count, b.label) for b in bars] == [
        (1, 2, "helemaal oneens"),
        (5, 2, "helemaal eens"),
    ]
    assert bars[0].fill == charts.ANSWER_COLOURS[1] and bars[0].text_fill == "#ffffff"
    assert (bars[0].x, bars[0].width, bars[0].text_x) == (100, 100, 150)  # 50 per vote


def test_a_result_row_has_a_bar_per_role_with_its_own_id(db):
    statement = StatementFactory()
    described = stats.describe({4: 5})
    described.by_role["Beleid"] = stats.describe({2: 5})
    row = charts.result_row(statement, described)
    assert row.bar_id == f"bar-{statement.pk}"
    [(role, _stats, role_bars, role_id)] = row.role_rows
    assert (role, role_id, [b.value for b in role_bars]) == ("Beleid", f"bar-{statement.pk}-1", [2])
