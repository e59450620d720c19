"""The traffic-light rule of an objective, its chart and the dashboard's attention counts."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from plan.follow_up import (
    Light,
    attention,
    follow_up,
    light_for,
    planned_share,
    progress_share,
)
from plan.models import StepState
from tests.plan.factories_plan import MeasurementFactory, ObjectiveFactory, StepFactory

D = Decimal
START, DEADLINE = datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("progress", "planned", "light"),
    [
        (D("0.45"), D("0.5"), Light.ON_TRACK),  # exactly 90% of plan
        (D("0.44"), D("0.5"), Light.AT_RISK),
        (D("0.30"), D("0.5"), Light.AT_RISK),  # exactly 60% of plan
        (D("0.29"), D("0.5"), Light.BEHIND),
        (D("-0.1"), D("0.5"), Light.BEHIND),  # went the wrong way
        (D("1.2"), D("1"), Light.ON_TRACK),  # target passed
        (D("0"), D("0"), Light.ON_TRACK),  # measured on the baseline day
        (None, None, Light.NOT_MEASURED),
    ],
)
def test_light_compares_progress_with_plan(progress, planned, light):
    assert light_for(progress, planned) == light


def test_planned_share_is_the_elapsed_time_clipped_to_the_deadline():
    assert planned_share(START, DEADLINE, datetime.date(2026, 7, 2)) == D(182) / D(365)
    assert planned_share(START, DEADLINE, datetime.date(2028, 1, 1)) == 1
    assert planned_share(START, START, START) == 1


def test_progress_share_works_for_a_target_below_the_baseline():
    assert progress_share(D(40), D(20), D(30)) == D("0.5")
    assert progress_share(D(10), D(30), D(15)) == D("0.25")


@pytest.mark.django_db
def test_objective_light_uses_its_latest_measurement():
    objective = ObjectiveFactory(baseline=10, target=30, baseline_on=START, deadline=DEADLINE)
    MeasurementFactory(objective=objective, measured_on=datetime.date(2026, 7, 2), value=18)
    MeasurementFactory(objective=objective, measured_on=datetime.date(2026, 3, 1), value=25)
    result = follow_up(objective)
    assert result.latest.value == 18  # the last by date, not the last entered
    assert result.progress == D("0.4") and result.light == Light.AT_RISK
    assert result.progress_percent == 40 and result.planned_percent == 50


@pytest.mark.django_db
def test_objective_without_measurement_or_values_has_no_colour():
    assert follow_up(ObjectiveFactory()).light == Light.NOT_MEASURED
    objective = ObjectiveFactory(target=None)
    MeasurementFactory(objective=objective)
    result = follow_up(objective)
    assert result.light == Light.UNKNOWN and result.chart() is None


@pytest.mark.django_db
def test_chart_puts_baseline_left_and_target_right():
    objective = ObjectiveFactory(baseline=10, target=30, baseline_on=START, deadline=DEADLINE)
    MeasurementFactory(objective=objective, measured_on=datetime.date(2026, 7, 2), value=20)
    chart = follow_up(objective).chart()
    assert chart.baseline[0] < chart.points[0][0] < chart.target[0]
    # SVG y grows downwards: the target (highest value) is drawn highest.
    assert chart.target[1] < chart.points[0][1] < chart.baseline[1]
    assert chart.path.count(",") == 2  # baseline point and one measurement


@pytest.mark.django_db
def test_attention_counts_overdue_steps_and_objectives_at_risk_or_behind():
    today = timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    soon = today + datetime.timedelta(days=1)
    behind = ObjectiveFactory(baseline=0, target=100, baseline_on=year_ago, deadline=soon)
    MeasurementFactory(objective=behind, measured_on=today, value=5)
    on_track = ObjectiveFactory(baseline=0, target=100, baseline_on=year_ago, deadline=soon)
    MeasurementFactory(objective=on_track, measured_on=today, value=99)
    ObjectiveFactory()  # not measured yet
    last_week = today - datetime.timedelta(days=7)
    StepFactory(start=year_ago, end=last_week, state=StepState.RUNNING)
    StepFactory(start=year_ago, end=last_week, state=StepState.DONE)
    StepFactory(start=year_ago, end=today, state=StepState.RUNNING)  # ends today: not overdue
    result = attention()
    assert (result.overdue_steps, result.at_risk, result.behind) == (1, 0, 1)
    assert result.total == 2
