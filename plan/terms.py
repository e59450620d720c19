"""The term of a step (kort, middellang, lang), derived from its dates.

A pure rule, so the step form, the list filter and the timeline agree: a step that ends
within a year of its start is kort, within three years middellang, beyond that lang.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

SHORT_YEARS = 1
MEDIUM_YEARS = 3


class Term(models.TextChoices):
    SHORT = "short", _("kort")
    MEDIUM = "medium", _("middellang")
    LONG = "long", _("lang")


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def derive_term(start: datetime.date | None, end: datetime.date | None) -> str:
    """The term of a step running from ``start`` to ``end``, or "" when a date is missing.

    Ending exactly one year after the start is still kort; exactly three years, middellang.
    """
    if start is None or end is None:
        return ""
    if end <= add_years(start, SHORT_YEARS):
        return Term.SHORT
    if end <= add_years(start, MEDIUM_YEARS):
        return Term.MEDIUM
    return Term.LONG
