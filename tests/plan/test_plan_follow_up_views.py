"""The follow-up page, and the traffic light with its chart on an objective's card."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from plan.models import StepState
from tests.helpers import assert_same_count
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db
URL = "/plan/follow-up/"
TODAY = timezone.localdate()
YEAR_AGO = TODAY - datetime.timedelta(days=365)
NEXT_YEAR = TODAY + datetime.timedelta(days=365)


def measured(value, **kwargs):
    """An objective from 0 to 100 over two years, half of the time gone, measured today."""
    defaults = {"baseline": 0, "target": 100, "baseline_on": YEAR_AGO, "deadline": NEXT_YEAR}
    objective = ObjectiveFactory(**(defaults | kwargs))
    MeasurementFactory(objective=objective, measured_on=TODAY, value=value)
    return objective


@pytest.mark.parametrize("name", ["consultant_client", "atlas_client", "reader_client"])
def test_every_role_that_reads_the_plan_sees_the_follow_up(request, name):
    objective = measured(48, text="Meer meldingen van discriminatie")
    html = request.getfixturevalue(name).get(URL).content.decode()
    assert escape("Meer meldingen van discriminatie") in html
    assert 'data-light="on_track"' in html and "op koers" in html
    assert "minstens 90% van de planning" in html  # the rule is stated on the page
    assert f"#objective-{objective.pk}" in html


def test_administrator_is_refused(admin_client_):
    assert admin_client_.get(URL).status_code == 403


def test_post_is_not_allowed(consultant_client):
    assert consultant_client.post(URL).status_code == 405


def test_filter_by_light_and_by_target_group(reader_client):
    measured(48, text="Op koers gebleven")
    behind = measured(10, text="Ver achter gebleven")
    ObjectiveFactory(text="Nog niet gemeten doel")
    html = reader_client.get(URL, {"light": "behind"}).content.decode()
    assert "Ver achter gebleven" in html and "Op koers gebleven" not in html
    html = reader_client.get(URL, {"light": "not_measured"}).content.decode()
    assert "Nog niet gemeten doel" in html and "Ver achter gebleven" not in html
    group = behind.target_group_id
    html = reader_client.get(URL, {"target_group": group}).content.decode()
    assert html.count('data-testid="follow-up-row"') == 1 and "Ver achter gebleven" in html


@pytest.mark.parametrize("odd", ["x", "-1", "99999999999999999999", "١٢"])
def test_odd_filters_never_break_the_page(reader_client, odd):
    measured(48)
    response = reader_client.get(URL, {"light": odd, "target_group": odd, "page": odd})
    assert response.status_code == 200


def test_overdue_steps_are_listed_until_they_are_done(reader_client):
    last_week = TODAY - datetime.timedelta(days=7)
    StepFactory(title="Campagne die uitliep", start=YEAR_AGO, end=last_week)
    StepFactory(title="Afgeronde campagne", start=YEAR_AGO, end=last_week, state=StepState.DONE)
    StepFactory(title="Lopende werking", start=YEAR_AGO, end=NEXT_YEAR)
    html = reader_client.get(URL).content.decode()
    assert html.count('data-testid="overdue-step"') == 1
    assert "Campagne die uitliep" in html and "Afgeronde campagne" not in html


def test_follow_up_list_queries_do_not_grow_with_objectives(
    consultant_client, django_assert_num_queries
):
    group = TargetGroupFactory()
    StepFactory(start=YEAR_AGO, end=TODAY - datetime.timedelta(days=1))

    def add_rows(count):
        for _ in range(count):
            measured(30, target_group=TargetGroupFactory())

    measured(30, target_group=group)
    assert_same_count(
        consultant_client,
        URL,
        add_rows,
        django_assert_num_queries,
        marker='data-testid="follow-up-row"',
    )


def test_target_page_shows_chart_with_text_alternative_and_values(reader_client):
    objective = measured(20, unit="%")
    html = reader_client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert 'data-light="behind"' in html and "achter" in html
    assert "Laatste meting: 20 %" in html and "streefwaarde 100 %" in html


def test_target_page_queries_do_not_grow_with_measured_objectives(
    consultant_client, django_assert_num_queries
):
    group = TargetGroupFactory()
    measured(20, target_group=group)

    def add_rows(count):
        for _ in range(count):
            measured(20, target_group=group)

    assert_same_count(
        consultant_client,
        f"/plan/targets/{group.pk}/",
        add_rows,
        django_assert_num_queries,
        marker='data-testid="follow-up-chart"',
    )


def test_target_page_links_to_the_follow_up(reader_client):
    objective = measured(20)
    html = reader_client.get(f"/plan/targets/{objective.target_group_id}/").content.decode()
    assert f'href="{URL}"' in html


def test_chart_coordinates_are_not_localised(reader_client):
    """Dutch formats 12.5 as "12,5": an SVG coordinate must keep its point."""
    objective = measured(20)
    html = reader_client.get(
        f"/plan/targets/{objective.target_group_id}/", headers={"accept-language": "nl"}
    ).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'cx="\d+\.\d"', svg) and not re.search(r'="\d+,\d', svg)


def test_the_dashboard_card_flags_overdue_steps_and_objectives_behind(atlas_client):
    def card() -> str:
        html = atlas_client.get("/").content.decode()
        start = html.index('id="step-7-title"')
        return html[start : html.index("</section>", start)]

    TargetGroupFactory()
    assert "over tijd" not in card() and "risico of achter" not in card()
    StepFactory(title="Campagne die uitliep", start=YEAR_AGO, end=TODAY - datetime.timedelta(7))
    measured(10)  # half the time gone, a tenth of the way: behind
    measured(50)  # on course
    html = card()
    assert "1 stap over tijd" in html
    assert "1 doelstelling met risico of achter" in html


def test_the_light_filter_finds_objectives_beyond_the_first_page(reader_client):
    group = TargetGroupFactory(name="Buurtwerkers")
    for _n in range(30):
        measured(60, target_group=group)  # on track
    late = measured(5, target_group=group, text="Laatste doelstelling, achter")
    html = reader_client.get(URL).content.decode()
    assert html.count('data-testid="follow-up-row"') == 25 and late.text not in html
    assert late.text in reader_client.get(f"{URL}?page=2").content.decode()
    behind = reader_client.get(f"{URL}?light=behind").content.decode()
    assert behind.count('data-testid="follow-up-row"') == 1 and late.text in behind
    on_track = reader_client.get(f"{URL}?light=on_track").content.decode()
    assert on_track.count('data-testid="follow-up-row"') == 25
    assert "<caption>30 doelstellingen</caption>" in on_track
