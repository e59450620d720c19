"""Follow-up of the plan: each objective's traffic light, its chart, and what needs attention.

The traffic light is a pure rule on the objective's baseline, target and latest measurement,
so the objective's card, the follow-up list, the JSON view and the dashboard agree:

* progress = how much of the way from baseline to target the latest measurement covers;
* planned = how much of the time from the baseline date to the deadline had passed on the
  day of that measurement (the "planned" straight line);
* op koers when progress >= 90% of planned, risico when >= 60%, else achter;
  nog niet gemeten without a measurement, niet te beoordelen when a value or date is missing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plan.models import Measurement, Objective, Step, StepState

ON_TRACK_SHARE = Decimal("0.9")
AT_RISK_SHARE = Decimal("0.6")


class Light(models.TextChoices):
    ON_TRACK = "on_track", _("op koers")
    AT_RISK = "at_risk", _("risico")
    BEHIND = "behind", _("achter")
    NOT_MEASURED = "not_measured", _("nog niet gemeten")
    UNKNOWN = "unknown", _("niet te beoordelen")


# Shown next to the colour, so the light never depends on colour alone.
LIGHT_STYLE = {
    Light.ON_TRACK: ("success", "●"),
    Light.AT_RISK: ("warning", "▲"),
    Light.BEHIND: ("danger", "■"),
    Light.NOT_MEASURED: ("secondary", "○"),
    Light.UNKNOWN: ("secondary", "?"),
}


def fraction(part: float, whole: float) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(1)


def planned_share(start: datetime.date, deadline: datetime.date, day: datetime.date) -> Decimal:
    """The share of the time from ``start`` to ``deadline`` that has passed on ``day`` (0-1)."""
    if deadline <= start:
        return Decimal(1)
    share = fraction((day - start).days, (deadline - start).days)
    return min(max(share, Decimal(0)), Decimal(1))


def progress_share(baseline: Decimal, target: Decimal, value: Decimal) -> Decimal:
    """How much of the way from ``baseline`` to ``target`` ``value`` covers (also downwards)."""
    if target == baseline:
        return Decimal(1)
    return (Decimal(value) - baseline) / (target - baseline)


def light_for(progress: Decimal | None, planned: Decimal | None) -> Light:
    """The traffic light for a progress share compared with the planned share."""
    if progress is None or planned is None:
        return Light.NOT_MEASURED
    if progress >= 1 or progress >= ON_TRACK_SHARE * planned:
        return Light.ON_TRACK
    if progress >= AT_RISK_SHARE * planned:
        return Light.AT_RISK
    return Light.BEHIND


@dataclass
class FollowUp:
    """Where one objective stands: its light, the shares behind it, and its chart."""

    objective: Objective
    light: Light
    latest: Measurement | None = None
    progress: Decimal | None = None
    planned: Decimal | None = None
    measurements: list = field(default_factory=list)

    @property
    def style(self) -> str:
        return LIGHT_STYLE[self.light][0]

    @property
    def symbol(self) -> str:
        return LIGHT_STYLE[self.light][1]

    @property
    def progress_percent(self) -> int | None:
        return None if self.progress is None else round(self.progress * 100)

    @property
    def planned_percent(self) -> int | None:
        return None if self.planned is None else round(self.planned * 100)

    @property
    def start(self) -> datetime.date | None:
        return _start(self.objective)

    def chart(self) -> "Chart | None":
        return chart_for(self)


def _start(objective: Objective) -> datetime.date | None:
    return objective.baseline_on or (objective.created_at and objective.created_at.date())


def judge(objective: Objective, value, measured_on) -> tuple[Light, Decimal | None, Decimal | None]:
    """The light, progress and planned share of ``objective`` for its latest measurement
    (``value`` on ``measured_on``; None if not measured)."""
    if objective.baseline is None or objective.target is None or objective.deadline is None:
        return Light.UNKNOWN, None, None
    start = _start(objective)
    if value is None or start is None:
        return Light.NOT_MEASURED, None, None
    progress = progress_share(objective.baseline, objective.target, value)
    planned = planned_share(start, objective.deadline, measured_on)
    return light_for(progress, planned), progress, planned


def follow_up(objective: Objective) -> FollowUp:
    """The follow-up of ``objective``; uses its (prefetched) measurements, in date order."""
    measurements = sorted(objective.measurements.all(), key=lambda m: (m.measured_on, m.pk))
    latest = measurements[-1] if measurements else None
    light, progress, planned = judge(
        objective, latest and latest.value, latest and latest.measured_on
    )
    return FollowUp(objective, light, latest, progress, planned, measurements)


def objectives_with_measurements():
    """Objectives ready for :func:`follow_up`: their target group and measurements loaded."""
    return Objective.objects.select_related("target_group").prefetch_related(
        models.Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
    )


def with_latest(queryset):
    """``queryset`` with each objective's latest measurement (``latest_value``,
    ``latest_on``) computed in SQL, so a light needs no measurement rows."""
    latest = Measurement.objects.filter(objective=OuterRef("pk")).order_by("-measured_on", "-pk")
    return queryset.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_on=Subquery(latest.values("measured_on")[:1]),
    )


def lights(queryset) -> dict[int, Light]:
    """The light of every objective in ``queryset`` (one query, only the fields it needs)."""
    fields = ("pk", "baseline", "target", "deadline", "baseline_on", "created_at")
    objectives = with_latest(queryset.only(*fields)).order_by("pk")
    return {o.pk: judge(o, o.latest_value, o.latest_on)[0] for o in objectives}


def overdue_steps(today: datetime.date | None = None):
    """Steps whose end has passed while they are not afgerond."""
    today = today or timezone.localdate()
    return Step.objects.filter(end__lt=today).exclude(state=StepState.DONE)


@dataclass(frozen=True)
class Attention:
    overdue_steps: int
    at_risk: int
    behind: int

    @property
    def total(self) -> int:
        return self.overdue_steps + self.at_risk + self.behind


def attention() -> Attention:
    """What the dashboard should flag: overdue steps, objectives at risk and behind."""
    found = list(lights(Objective.objects.all()).values())
    return Attention(
        overdue_steps=overdue_steps().count(),
        at_risk=found.count(Light.AT_RISK),
        behind=found.count(Light.BEHIND),
    )


# --- The chart: a small server-rendered SVG ---------------------------------------------------

WIDTH, HEIGHT, PAD_X, PAD_Y = 320, 120, 12, 14


@dataclass
class Chart:
    width: int
    height: int
    planned: tuple  # (x1, y1, x2, y2) of the straight line from baseline to target
    path: str  # the measured path, from the baseline point through every measurement
    points: list  # (x, y, measurement) of each measurement
    baseline: tuple  # (x, y)
    target: tuple  # (x, y)
    today_x: float | None

    @property
    def target_box(self) -> tuple:
        """The top left corner of the square marking the target."""
        return (round(self.target[0] - 5, 1), round(self.target[1] - 5, 1))


def chart_for(result: FollowUp) -> Chart | None:
    """The chart of an objective that has a baseline, a target, a deadline and a start."""
    objective, start = result.objective, result.start
    if None in (objective.baseline, objective.target, objective.deadline, start):
        return None
    end = max([objective.deadline, *(m.measured_on for m in result.measurements)])
    values = [objective.baseline, objective.target, *(m.value for m in result.measurements)]
    low, high = min(values), max(values)
    days = max((end - start).days, 1)

    def x(day: datetime.date) -> float:
        return round(PAD_X + (WIDTH - 2 * PAD_X) * (day - start).days / days, 1)

    def y(value: Decimal) -> float:
        share = (value - low) / (high - low) if high != low else Decimal("0.5")
        return round(HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * float(share), 1)

    baseline = (x(start), y(objective.baseline))
    target = (x(objective.deadline), y(objective.target))
    points = [(x(m.measured_on), y(m.value), m) for m in result.measurements]
    path = " ".join(f"{px},{py}" for px, py in [baseline, *((p[0], p[1]) for p in points)])
    today = timezone.localdate()
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        planned=(*baseline, *target),
        path=path,
        points=points,
        baseline=baseline,
        target=target,
        today_x=x(today) if start <= today <= end else None,
    )
