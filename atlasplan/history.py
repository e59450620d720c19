"""Readable change history for any model with django-simple-history's ``history``."""

from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    record: Any
    kind: str  # "+", "~" or "-", as simple-history stores it
    changes: list[Change]


def history_of(obj: models.Model, limit: int = 200) -> list[HistoryEntry]:
    """The object's history, newest first, each entry with what changed since the one before."""
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:limit])
    entries = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        entries.append(HistoryEntry(newer, newer.history_type, _changes(newer, older)))
    return entries


def _changes(newer, older) -> list[Change]:
    if older is None:
        return []
    fields = {f.name: f for f in newer.instance_type._meta.fields}
    delta = newer.diff_against(older)
    return [
        Change(
            str(fields[c.field].verbose_name),
            _shown(fields[c.field], c.old),
            _shown(fields[c.field], c.new),
        )
        if c.field in fields
        else Change(c.field, c.old, c.new)
        for c in delta.changes
    ]


def _shown(field: models.Field, value: Any) -> Any:
    """A choice's label rather than its stored value ("Gelezen", not "read")."""
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return value
