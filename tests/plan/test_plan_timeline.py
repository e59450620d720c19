"""The timeline: a server-rendered SVG of the steps, grouped by target group or by term, with
a line for today and the steps' states, and the same data as a table."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.utils.html import escape

from plan import timeline
from plan.models import StepState
from tests.helpers import assert_same_count
from tests.plan.factories_plan import ObjectiveFactory, StepFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 5, 15)


@pytest.fixture
def plan():
    youth = TargetGroupFactory(name="Jongeren", position=1)
    employers = TargetGroupFactory(name="Werkgevers", position=2)
    young = ObjectiveFactory(target_group=youth)
    hiring = ObjectiveFactory(target_group=employers)
    StepFactory(
        title="Wijkcampagne",
        start=datetime.date(2027, 1, 1),
        end=datetime.date(2027, 6, 30),
        state=StepState.RUNNING,
        progress=40,
        objectives=[young],
    )
    StepFactory(
        title="Lerend netwerk",
        start=datetime.date(2027, 3, 1),
        end=datetime.date(2029, 6, 30),
        objectives=[young, hiring],
    )
    StepFactory(title="Nog te plannen", start=None, end=None, objectives=[hiring])
    StepFactory(title="Losse actie", start=datetime.date(2028, 1, 1), end=datetime.date(2028, 2, 1))
    return youth, employers


def group_labels(built: timeline.Timeline) -> list[str]:
    return [str(group.label) for group in built.groups]


def titles(group: timeline.Group) -> list[str]:
    return [row.step.title for row in group.rows]


def test_grouped_by_target_group_a_step_shows_under_each_group_it_serves(plan):
    built = timeline.build("target", today=TODAY)
    assert group_labels(built) == ["Jongeren", "Werkgevers", "Zonder doelgroep"]
    assert titles(built.groups[0]) == ["Wijkcampagne", "Lerend netwerk"]
    assert titles(built.groups[1]) == ["Lerend netwerk", "Nog te plannen"]
    assert titles(built.groups[2]) == ["Losse actie"]


def test_grouped_by_term(plan):
    built = timeline.build("term", today=TODAY)
    assert group_labels(built) == ["Kort", "Middellang", "Zonder termijn"]
    assert titles(built.groups[0]) == ["Wijkcampagne", "Losse actie"]
    assert titles(built.groups[1]) == ["Lerend netwerk"]
    assert titles(built.groups[2]) == ["Nog te plannen"]


def test_an_unknown_grouping_falls_back_to_target_groups(plan):
    assert timeline.build("<script>", today=TODAY).grouping == "target"


def test_the_axis_runs_over_whole_quarters_and_includes_today(plan):
    built = timeline.build(today=datetime.date(2030, 2, 3))
    assert built.start == datetime.date(2027, 1, 1)
    assert built.end == datetime.date(2030, 3, 31)
    assert [year.label for year in built.years] == ["2027", "2028", "2029", "2030"]
    assert [tick.label for tick in built.quarters[:5]] == ["K1", "K2", "K3", "K4", "K1"]
    # 3 years and 33 days into an axis of 3 years and 90 days (1186 days)
    plot = timeline.PLOT_RIGHT - timeline.PLOT_LEFT
    assert built.today_x == pytest.approx(timeline.PLOT_LEFT + 1129 / 1186 * plot, abs=0.1)


def test_bars_sit_on_the_axis_and_the_today_line_between_them(plan):
    built = timeline.build(today=TODAY)
    campaign = built.groups[0].rows[0]
    assert campaign.x == timeline.PLOT_LEFT
    assert campaign.x < built.today_x < campaign.x + campaign.width
    assert campaign.state_label == "lopend · 40%"


def test_a_step_without_dates_has_no_bar_and_says_so(plan):
    undated = timeline.build(today=TODAY).groups[1].rows[1]
    assert undated.step.title == "Nog te plannen"
    assert undated.style is None and undated.state_label == "zonder datums"


def test_empty_plan_draws_the_current_year():
    built = timeline.build(today=TODAY)
    assert built.groups == [] and built.step_count == 0
    assert built.start == datetime.date(2027, 4, 1)


def svg_of(html: str) -> str:
    return re.search(r"<svg xmlns.*?</svg>", html, re.S).group(0)


def test_page_renders_a_valid_svg_with_a_text_alternative_and_a_table(consultant_client, plan):
    StepFactory(title="Ouders & <scholen>", objectives=[ObjectiveFactory()])
    html = consultant_client.get("/plan/timeline/").content.decode()
    svg = svg_of(html)
    root = ElementTree.fromstring(svg)  # well-formed XML: the PDF can embed it as is
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "timeline-title timeline-desc"
    assert "Tijdlijn van de stappen, per doelgroep" in svg
    assert escape("Ouders & <scholen>") in svg and "<scholen>" not in html
    assert "<script" not in svg and "<a " not in svg  # nothing for a browser to run or follow
    assert svg.count('data-testid="timeline-bar"') == 5  # "Lerend netwerk" twice, no undated
    assert svg.count('data-testid="timeline-undated"') == 1
    assert 'data-testid="timeline-today"' in svg and ">vandaag<" in svg
    for state in ("gepland", "lopend", "afgerond", "uitgesteld"):
        assert f">{state}</text>" in svg  # the legend: pattern and words, not colour alone
    assert html.count('data-testid="timeline-row"') == 6
    assert "zonder datums" in html[html.index('data-testid="timeline-table"') :]


def test_page_groups_by_term_on_request(reader_client, plan):
    html = reader_client.get("/plan/timeline/?group=term").content.decode()
    assert 'data-grouping="term"' in html
    assert '<option value="term" selected>' in html
    assert "Middellang" in svg_of(html)
    html = reader_client.get("/plan/timeline/?group=nonsense").content.decode()
    assert 'data-grouping="target"' in html


def test_rights_per_role(consultant_client, atlas_client, reader_client, admin_client_, plan):
    for client in (consultant_client, atlas_client, reader_client):
        assert client.get("/plan/timeline/").status_code == 200
    assert admin_client_.get("/plan/timeline/").status_code == 403
    assert reader_client.post("/plan/timeline/").status_code == 405


def test_an_empty_plan_says_what_to_do(consultant_client, reader_client):
    assert "Voeg de eerste stap toe" in consultant_client.get("/plan/timeline/").content.decode()
    html = reader_client.get("/plan/timeline/").content.decode()
    assert "nog geen stappen" in html and "Voeg de eerste stap toe" not in html


@pytest.mark.parametrize("group", ["target", "term"])
def test_timeline_costs_the_same_queries_for_more_steps(
    consultant_client, plan, django_assert_num_queries, group
):
    def add_rows(count: int) -> None:
        for _n in range(count):
            StepFactory(objectives=[ObjectiveFactory()], end=datetime.date(2027, 3, 1))

    assert_same_count(
        consultant_client,
        "/plan/timeline/",
        add_rows,
        django_assert_num_queries,
        params={"group": group},
        marker='data-testid="timeline-row"',
    )


# --- paging, bands and the today line --------------------------------------------------------


def _label_span(row: timeline.Row) -> tuple[float, float]:
    if row.text_anchor == "end":
        return row.text_x - row.text_width, row.text_x
    return row.text_x, row.text_x + row.text_width


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2027, 1, 1), datetime.date(2027, 4, 25)),  # ends shortly before today
        (datetime.date(2027, 6, 5), datetime.date(2030, 12, 31)),  # starts shortly after it
        (datetime.date(2027, 5, 1), datetime.date(2027, 6, 1)),  # short, around today
        (datetime.date(2026, 1, 1), datetime.date(2030, 12, 31)),  # spans the whole axis
    ],
)
def test_no_state_label_crosses_the_today_line(start, end):
    StepFactory(title="Stap", start=start, end=end, state=StepState.RUNNING, progress=50)
    StepFactory(title="As", start=datetime.date(2026, 1, 1), end=datetime.date(2030, 12, 31))
    built = timeline.build(today=TODAY)
    for row in built.groups[0].rows:
        low, high = _label_span(row)
        assert not (low <= built.today_x <= high), (row.step.title, low, high, built.today_x)
        assert low >= timeline.PLOT_LEFT - 2 and high <= timeline.PLOT_RIGHT + 2


def _steps(count: int, **fields) -> None:
    for n in range(count):
        StepFactory(
            title=f"Stap {n:03d}",
            start=datetime.date(2027, 1, 1) + datetime.timedelta(days=n),
            end=datetime.date(2027, 12, 1),
            **fields,
        )


def test_the_51st_step_is_on_page_two_on_the_same_axis(reader_client):
    _steps(50)
    StepFactory(title="Late stap", start=datetime.date(2031, 1, 1), end=datetime.date(2031, 6, 1))
    first = reader_client.get("/plan/timeline/").content.decode()
    second = reader_client.get("/plan/timeline/?page=2").content.decode()
    assert first.count('data-testid="timeline-row"') == 50 and "Late stap" not in first
    assert second.count('data-testid="timeline-row"') == 1 and "Late stap" in second
    # one time axis for all pages: page 1 already runs to the late step's year
    assert 'data-testid="timeline-year">2031<' in svg_of(first)
    assert "51 stappen" in svg_of(first) and 'data-testid="timeline-today"' in svg_of(second)


def test_a_band_shows_the_steps_of_one_target_group_or_term(reader_client, plan):
    youth, _employers = plan
    html = reader_client.get(f"/plan/timeline/?group=target&band={youth.pk}").content.decode()
    table = html[html.index('data-testid="timeline-table"') :]
    assert "Wijkcampagne" in table and "Lerend netwerk" in table
    assert "Nog te plannen" not in table and "Losse actie" not in table
    assert f'<option value="{youth.pk}" selected>' in html
    html = reader_client.get("/plan/timeline/?group=target&band=none").content.decode()
    table = html[html.index('data-testid="timeline-table"') :]
    assert "Losse actie" in table and "Wijkcampagne" not in table
    html = reader_client.get("/plan/timeline/?group=term&band=short").content.decode()
    assert "Losse actie" in html[html.index('data-testid="timeline-table"') :]
    for odd in ("²", "99999999999999999999", "lang'"):  # odd bands show every step
        html = reader_client.get(f"/plan/timeline/?band={odd}").content.decode()
        assert html.count('data-testid="timeline-row"') == 5  # "Lerend netwerk" twice
