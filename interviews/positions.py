"""The position map: rows (organisations, or sectors for anonymised quotes) by themes.

Built from the values of :func:`interviews.privacy.visible_quotes`, so a quote that may
only be shown anonymised counts in its sector's row (or, for a small sector, in the row of
"een organisatie"), never in its organisation's.
"""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from atlasplan.evidence import Quote
from atlasplan.ids import parse_pk
from atlasplan.models import Theme
from interviews.models import Stance
from stakeholders.models import Organisation, Sector

# On a tie the more careful reading wins: nuanced before critical before supportive.
TIE_ORDER = [Stance.NUANCED, Stance.CRITICAL, Stance.SUPPORTIVE, Stance.NEUTRAL]


def row_key(quote: Quote) -> str:
    return quote.group


def organisation_of_row(row: str) -> Organisation | None:
    pk = parse_pk(row.removeprefix("org-")) if row.startswith("org-") else None
    if pk is not None:
        return Organisation.objects.filter(pk=pk).first()
    return None


def row_label(row: str, quotes: list[Quote], organisation: Organisation | None) -> str:
    if organisation is not None:
        return str(organisation)
    if quotes:
        return quotes[0].source_label
    sector = row.removeprefix("sector-")
    if sector == "any":
        return _("een organisatie")
    return _("Anoniem: %(sector)s") % {"sector": dict(Sector.choices).get(sector, sector)}


def prevailing(stances: Counter) -> str:
    top = max(stances.values())
    return next(s for s in TIE_ORDER if stances.get(s) == top)


def position_map(quotes: list[Quote]) -> dict:
    cells: dict[tuple[str, int], Counter] = defaultdict(Counter)
    labels: dict[str, str] = {}
    themes_used: set[int] = set()
    for quote in quotes:
        key = row_key(quote)
        labels[key] = quote.source_label
        for theme in quote.themes:
            cells[key, theme.pk][quote.stance] += 1
            themes_used.add(theme.pk)
    themes = [t for t in Theme.objects.order_by("name") if t.pk in themes_used]
    stance_labels = dict(Stance.choices)
    rows = []
    for key in sorted(labels, key=lambda k: (k.startswith("sector-"), labels[k].lower())):
        row_cells = []
        for theme in themes:
            stances = cells.get((key, theme.pk))
            if stances:
                stance = prevailing(stances)
                row_cells.append(
                    {"theme": theme, "count": sum(stances.values()), "stance": stance,
                     "stance_label": stance_labels[stance]}
                )  # fmt: skip
            else:
                row_cells.append({"theme": theme, "count": 0})
        rows.append({"key": key, "label": labels[key], "cells": row_cells})
    return {"themes": themes, "rows": rows, "stances": Stance.choices}
