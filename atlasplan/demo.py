"""The registry of the demo case's parts, filled by each app in ``AppConfig.ready()``.

``manage.py load_demo`` runs the parts in order. Each part must be idempotent: loading the
demo again changes nothing that is already there.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoContext:
    password: str  # for the demo users created now
    report: Callable[[str], None]  # one line of progress


@dataclass(frozen=True)
class DemoPart:
    order: int
    name: str
    load: Callable[[DemoContext], None]


_parts: dict[str, DemoPart] = {}


def register(part: DemoPart) -> None:
    _parts[part.name] = part


def all_parts() -> list[DemoPart]:
    return sorted(_parts.values(), key=lambda part: (part.order, part.name))
