"""One rule for every record of consent: a withdrawal cannot lie before the consent was given.

It holds for an interview's consent and for a validation answer's own consent, in the form
(a clear message) and in the database (no row can break it)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.interviews.factories import ConsentFactory
from tests.plan.factories import ValidationResponseFactory

pytestmark = pytest.mark.django_db

GIVEN = datetime.date(2026, 3, 10)
BEFORE = datetime.date(2026, 3, 9)


@pytest.mark.parametrize(
    ("factory", "given_field"),
    [(ConsentFactory, "date"), (ValidationResponseFactory, "consent_on")],
)
def test_a_withdrawal_before_the_consent_is_refused_with_a_message(factory, given_field):
    record = factory(**{given_field: GIVEN})
    record.withdrawn_on = BEFORE
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "Een intrekking kan niet vóór de toestemming liggen." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


@pytest.mark.parametrize(
    ("factory", "given_field"),
    [(ConsentFactory, "date"), (ValidationResponseFactory, "consent_on")],
)
def test_a_withdrawal_on_the_day_of_the_consent_is_kept(factory, given_field):
    record = factory(**{given_field: GIVEN})
    record.withdrawn_on = GIVEN
    record.full_clean()
    record.save()
    record.refresh_from_db()
    assert record.withdrawn_on == GIVEN
