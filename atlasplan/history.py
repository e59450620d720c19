"""Readable change history for any model with django-simple-history's ``history``."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from simple_history.utils import get_m2m_reverse_field_name

from atlasplan import evidence


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


def history_of(obj: models.Model, limit: int = 200, viewer: Any = None) -> list[HistoryEntry]:
    """The object's history, newest first, each entry with what changed since the one before.

    A referenced evidence object (an interview excerpt a statement cites) is shown as the
    evidence boundary lets ``viewer`` see it: a quote value, or a label saying it is hidden.
    """
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:limit])
    pairs = list(zip(records, [*records[1:], None], strict=True))
    deltas = [(newer, newer.diff_against(older).changes if older else []) for newer, older in pairs]
    fields = {f.name: f for f in obj._meta.fields}
    fields |= {f.name: f for f in obj._meta.many_to_many}  # tracked links (``m2m_fields``)
    deltas = [(newer, [_linked(fields, c) for c in changes]) for newer, changes in deltas]
    related = _related_names(fields, deltas, viewer)
    return [
        HistoryEntry(newer, newer.history_type, [_change(fields, related, c) for c in changes])
        for newer, changes in deltas
    ]


def _linked(fields: dict, change):
    """A change of tracked links (rows of the through table) as the sets of linked ids."""
    field = fields.get(change.field)
    if field is None or not field.many_to_many:
        return change
    key = get_m2m_reverse_field_name(field)
    return replace(
        change,
        old=tuple(row[key] for row in change.old or ()),
        new=tuple(row[key] for row in change.new or ()),
    )


def _related_names(fields: dict, deltas, viewer: Any = None) -> dict[tuple[str, Any], Any]:
    """What each referenced object is called, with one query per related model
    (a history shows "Facilitator: Noor → Jozef", not "3 → 5")."""
    wanted: dict[str, set] = {}
    for _record, changes in deltas:
        for change in changes:
            field = fields.get(change.field)
            if field is not None and field.many_to_many:
                wanted.setdefault(change.field, set()).update({*change.old, *change.new})
            elif field is not None and field.is_relation:
                wanted.setdefault(change.field, set()).update({change.old, change.new} - {None})
    names = {}
    for name, pks in wanted.items():
        model = fields[name].related_model
        renderer = evidence.related_renderer(model)
        if renderer is not None:
            names.update({(name, pk): shown for pk, shown in renderer(pks, viewer).items()})
            continue
        for instance in model._default_manager.filter(pk__in=pks):
            names[(name, instance.pk)] = str(instance)
    return names


def _change(fields: dict, related: dict, change) -> Change:
    field = fields.get(change.field)
    if field is None:
        return Change(change.field, change.old, change.new)
    return Change(
        str(field.verbose_name),
        _shown(field, related, change.old),
        _shown(field, related, change.new),
    )


def _shown(field: models.Field, related: dict, value: Any) -> Any:
    """A choice's label rather than its stored value ("Gelezen", not "read"); a related
    object's name rather than its id (or the id, if that object is gone)."""
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.many_to_many:  # the linked objects by name ("—" for none)
        return ", ".join(str(related.get((field.name, pk), pk)) for pk in value) or "—"
    if field.is_relation and value is not None:
        return related.get((field.name, value), value)
    return value


def render_history(
    request: HttpRequest,
    obj: models.Model,
    back_url: str | None = None,
    parents: Sequence[tuple[str, str]] = (),
    shown: Callable[[Change], Change] | None = None,
) -> HttpResponse:
    """The history page of ``obj``; the caller has checked that the user may see ``obj``.

    ``back_url`` is the object's own page (default: its ``get_absolute_url``); ``parents``
    are the breadcrumbs above it, as (url, label) pairs. ``shown`` maps each change to what
    the viewer may see of it (a step's texts under their own consent, such as a validation
    answer's remarks).
    """
    entries = history_of(obj, viewer=request.user)
    if shown is not None:
        entries = [replace(e, changes=[shown(c) for c in e.changes]) for e in entries]
    context = {
        "object": obj,
        "entries": entries,
        "back_url": back_url or obj.get_absolute_url(),
        "parents": parents,
    }
    return render(request, "atlasplan/history.html", context)
