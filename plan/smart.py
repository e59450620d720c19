"""Is an objective SMART? A pure rule: what is still missing to measure it."""

import datetime
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INDICATOR = _("indicator")
BASELINE = _("nulmeting")
TARGET = _("streefwaarde")
DEADLINE = _("deadline")


def smart_gaps(
    indicator: str,
    baseline: Decimal | None,
    target: Decimal | None,
    deadline: datetime.date | None,
) -> list[Promise]:
    """What an objective lacks to be measurable, in the order the form asks for it."""
    gaps = []
    if not (indicator or "").strip():
        gaps.append(INDICATOR)
    if baseline is None:
        gaps.append(BASELINE)
    if target is None:
        gaps.append(TARGET)
    if deadline is None:
        gaps.append(DEADLINE)
    return gaps
