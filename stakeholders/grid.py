"""The influence/interest grid as plain geometry for a server-rendered SVG (no JS chart).

Interest runs left to right, influence bottom to top, each score 1-5 a band of ``CELL``
pixels. Organisations with the same scores share a cell and are laid out side by side in
it, so every dot stays visible and clickable.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from stakeholders.models import HIGH_FROM, Attitude, Organisation, Quadrant

CELL = 100
LEFT, TOP = 70, 20
SIZE = 5 * CELL
WIDTH, HEIGHT = LEFT + SIZE + 20, TOP + SIZE + 60

# Fill colours per attitude (dark enough for white outlines; the table repeats the data).
ATTITUDE_FILL = {
    Attitude.SUPPORTIVE: "#1a7f37",
    Attitude.NEUTRAL: "#5c6670",
    Attitude.CRITICAL: "#b3261e",
    Attitude.UNKNOWN: "#0b4f6c",
}


@dataclass(frozen=True)
class Dot:
    organisation: Organisation
    x: float
    y: float
    radius: float
    fill: str


@dataclass(frozen=True)
class Area:
    quadrant: Quadrant
    x: int
    y: int
    width: int
    height: int
    label_x: int
    label_y: int
    fill: str


def x_of(interest: int) -> int:
    return LEFT + (interest - 1) * CELL


def y_of(influence: int) -> int:
    return TOP + (5 - influence) * CELL


class Grid:
    width, height, left, top, size = WIDTH, HEIGHT, LEFT, TOP, SIZE
    split_x = x_of(HIGH_FROM)
    split_y = y_of(HIGH_FROM) + CELL
    x_label = _("Belang →")
    y_label = _("Invloed →")

    def __init__(self, organisations: list[Organisation]) -> None:
        cells: dict[tuple[int, int], list[Organisation]] = {}
        for organisation in organisations:
            cells.setdefault((organisation.interest, organisation.influence), []).append(
                organisation
            )
        self.dots = [dot for key, members in cells.items() for dot in _place(key, members)]
        self.ticks = [
            {"value": n, "x": x_of(n) + CELL // 2, "y": y_of(n) + CELL // 2} for n in range(1, 6)
        ]
        self.legend = [
            {"label": attitude.label, "fill": ATTITUDE_FILL[attitude]} for attitude in Attitude
        ]

    @property
    def areas(self) -> list[Area]:
        right, bottom = LEFT + SIZE, TOP + SIZE
        sx, sy = self.split_x, self.split_y
        return [
            Area(
                Quadrant.KEEP_SATISFIED,
                LEFT,
                TOP,
                sx - LEFT,
                sy - TOP,
                LEFT + 8,
                TOP + 22,
                "#fdf1e3",
            ),
            Area(
                Quadrant.MANAGE_CLOSELY, sx, TOP, right - sx, sy - TOP, sx + 8, TOP + 22, "#fde4e1"
            ),
            Area(
                Quadrant.MONITOR, LEFT, sy, sx - LEFT, bottom - sy, LEFT + 8, bottom - 10, "#eef1f4"
            ),
            Area(
                Quadrant.KEEP_INFORMED,
                sx,
                sy,
                right - sx,
                bottom - sy,
                sx + 8,
                bottom - 10,
                "#e3f1f8",
            ),
        ]


def _place(key: tuple[int, int], members: list[Organisation]) -> list[Dot]:
    """Lay out a cell's dots in a small square pattern around the cell's centre."""
    interest, influence = key
    columns = math.ceil(math.sqrt(len(members)))
    step = (CELL - 30) / max(columns, 1)
    radius = min(10.0, step / 2 - 1)
    centre_x, centre_y = x_of(interest) + CELL / 2, y_of(influence) + CELL / 2
    offset = (columns - 1) * step / 2
    dots = []
    for index, organisation in enumerate(members):
        row, column = divmod(index, columns)
        dots.append(
            Dot(
                organisation,
                round(centre_x - offset + column * step, 1),
                round(centre_y - offset + row * step, 1),
                round(radius, 1),
                ATTITUDE_FILL.get(organisation.attitude, ATTITUDE_FILL[Attitude.UNKNOWN]),
            )
        )
    return dots
