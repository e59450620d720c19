"""Step 7's pure rules and model rules: the term of a step, SMART gaps, refused values."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from plan.models import Step
from plan.smart import smart_gaps
from plan.terms import Term, add_years, derive_term
from tests.plan.factories_plan import (
    MeasurementFactory,
    ObjectiveFactory,
    StepFactory,
    TargetGroupFactory,
)

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "term"),
    [
        (D(2027, 1, 1), D(2027, 1, 1), Term.SHORT),
        (D(2027, 1, 1), D(2028, 1, 1), Term.SHORT),  # exactly one year: still kort
        (D(2027, 1, 1), D(2028, 1, 2), Term.MEDIUM),
        (D(2027, 1, 1), D(2030, 1, 1), Term.MEDIUM),  # exactly three years: middellang
        (D(2027, 1, 1), D(2030, 1, 2), Term.LONG),
        (D(2028, 2, 29), D(2029, 2, 28), Term.SHORT),  # a leap day starts a year to 28 Feb
        (D(2028, 2, 29), D(2029, 3, 1), Term.MEDIUM),
        (None, D(2030, 1, 1), ""),
        (D(2027, 1, 1), None, ""),
    ],
)
def test_term_is_derived_from_the_dates(start, end, term):
    assert derive_term(start, end) == term


def test_add_years_moves_a_leap_day_to_28_february():
    assert add_years(D(2028, 2, 29), 1) == D(2029, 2, 28)
    assert add_years(D(2028, 2, 29), 4) == D(2032, 2, 29)


@pytest.mark.django_db
def test_a_step_stores_its_derived_term_unless_one_is_chosen():
    step = StepFactory(start=D(2027, 1, 1), end=D(2029, 6, 1))
    assert step.term == Term.MEDIUM and step.term_is_derived
    step.term_choice = Term.SHORT
    step.save()
    assert Step.objects.get(pk=step.pk).term == Term.SHORT
    step.term_choice = ""
    step.end = D(2031, 1, 1)
    step.save(update_fields=["end", "term_choice"])
    assert Step.objects.get(pk=step.pk).term == Term.LONG


def test_smart_gaps_name_what_is_missing_in_order():
    assert smart_gaps("", None, None, None) == [
        "indicator",
        "nulmeting",
        "streefwaarde",
        "deadline",
    ]
    assert smart_gaps("  ", Decimal(0), Decimal(5), None) == ["indicator", "deadline"]
    assert smart_gaps("Aandeel", Decimal(0), Decimal(5), D(2028, 1, 1)) == []


@pytest.mark.django_db
def test_an_objective_with_a_zero_baseline_is_smart_and_one_without_target_is_not():
    assert ObjectiveFactory(baseline=0).is_smart
    objective = ObjectiveFactory(target=None, indicator="")
    assert [str(gap) for gap in objective.smart_gaps()] == ["indicator", "streefwaarde"]


@pytest.mark.django_db
def test_target_equal_to_baseline_is_refused_with_a_clear_message():
    objective = ObjectiveFactory.build(target_group=TargetGroupFactory(), baseline=20, target=20)
    with pytest.raises(ValidationError, match="gelijk aan de nulmeting"):
        objective.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        objective.save()


@pytest.mark.django_db
def test_end_before_start_is_refused_with_a_clear_message():
    step = Step(title="Campagne", start=D(2027, 5, 1), end=D(2027, 4, 1))
    with pytest.raises(ValidationError, match="vóór de begindatum"):
        step.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        step.save()


@pytest.mark.django_db
def test_a_measurement_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    measurement = MeasurementFactory.build(objective=ObjectiveFactory(), measured_on=tomorrow)
    with pytest.raises(ValidationError, match="toekomst"):
        measurement.full_clean()


@pytest.mark.django_db
def test_a_measurement_before_the_baseline_is_refused_and_one_after_it_accepted():
    objective = ObjectiveFactory(baseline_on=D(2026, 3, 1))
    with pytest.raises(ValidationError, match="vóór de nulmeting"):
        MeasurementFactory.build(objective=objective, measured_on=D(2026, 2, 28)).full_clean()
    MeasurementFactory.build(objective=objective, measured_on=D(2026, 3, 1)).full_clean()
