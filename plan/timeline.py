"""The plan's timeline as plain geometry for a server-rendered SVG (no JS, no browser).

The steps run left to right on a time axis of whole quarters that always includes today;
each group (a target group, or a term) is a band of rows, one row per step. A bar's state
shows as a fill pattern and as a text label, never by colour alone. The template
``plan/plan/timeline.svg`` draws it; the PDF includes the same template.

A step serving objectives of several target groups appears in each of them; a step missing
a start or an end is listed in its group as "zonder datums" without a bar.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max, Min, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atlasplan.ids import parse_pk
from plan.models import Objective, Step, StepState, TargetGroup
from plan.terms import Term

WIDTH = 960
LABEL_WIDTH = 250
PLOT_LEFT, PLOT_RIGHT = LABEL_WIDTH + 10, WIDTH - 16
AXIS_HEIGHT = 52
GROUP_HEIGHT = 28
ROW_HEIGHT = 24
BAR_HEIGHT = 14
LEGEND_HEIGHT = 52
TITLE_CHARS = 34
CHAR_WIDTH = 6.6  # an estimate of the label font's average glyph width, for placement
MIN_QUARTER_WIDTH = 26  # narrower quarters get no label (the year stays)

GROUP_TARGET, GROUP_TERM = "target", "term"
NO_BAND = "none"  # the band of steps without a target group or without a term
PER_PAGE = 50  # steps per page of the timeline page (the PDF draws them all)
GROUPINGS = {
    GROUP_TARGET: gettext_lazy("per doelgroep"),
    GROUP_TERM: gettext_lazy("per termijn"),
}


@dataclass(frozen=True)
class StateStyle:
    fill: str
    stroke: str
    dash: str = ""


# Each state has its own pattern (defined in the SVG's <defs>) as well as its own colour.
STATE_STYLES = {
    StepState.PLANNED: StateStyle("url(#tl-planned)", "#0b4f6c", "4 2"),
    StepState.RUNNING: StateStyle("#0b4f6c", "#0b4f6c"),
    StepState.DONE: StateStyle("url(#tl-done)", "#1a7f37"),
    StepState.POSTPONED: StateStyle("url(#tl-postponed)", "#5c6670", "2 2"),
}


@dataclass
class Row:
    step: Step
    y: int
    label: str
    state_label: str
    x: float | None = None  # None: the step has no dates and no bar
    width: float = 0
    text_x: float = 0
    text_anchor: str = "start"  # or "end"
    text_width: float = 0
    plate: bool = False  # a white plate behind the label (it sits on a bar)
    style: StateStyle | None = None

    @property
    def bar_y(self) -> float:
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) / 2

    @property
    def text_y(self) -> float:
        """The baseline of the row's texts (no dominant-baseline: PDF renderers differ)."""
        return self.y + ROW_HEIGHT / 2 + 4

    @property
    def plate_x(self) -> float:
        if self.text_anchor == "end":
            return round(self.text_x - self.text_width + 2, 1)
        return round(self.text_x - 2, 1)


@dataclass
class Group:
    label: str | Promise
    y: int
    rows: list[Row] = field(default_factory=list)

    @property
    def text_y(self) -> int:
        return self.y + GROUP_HEIGHT - 9


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Year:
    x: float
    width: float
    label: str

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Timeline:
    grouping: str
    start: datetime.date
    end: datetime.date
    today: datetime.date
    groups: list[Group]
    years: list[Year]
    quarters: list[Tick]
    today_x: float
    height: int
    step_count: int
    undated_count: int
    page: Page | None = None  # the page of steps drawn, when paged
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    plot_left: int = PLOT_LEFT
    plot_right: int = PLOT_RIGHT
    plot_top: int = AXIS_HEIGHT
    group_height: int = GROUP_HEIGHT
    bar_height: int = BAR_HEIGHT

    @property
    def plot_bottom(self) -> int:
        return self.height - LEGEND_HEIGHT

    @property
    def today_label_y(self) -> int:
        return self.plot_bottom + 14

    @property
    def legend_y(self) -> int:
        """The top of the legend's swatches; their labels sit on ``legend_y + 11``."""
        return self.plot_bottom + 26

    @property
    def legend_text_y(self) -> int:
        return self.legend_y + 11

    @property
    def legend(self) -> list[dict]:
        return [
            {
                "label": state.label,
                "style": STATE_STYLES[state],
                "x": PLOT_LEFT + i * 140,
                "text_x": PLOT_LEFT + i * 140 + 30,
            }
            for i, state in enumerate(StepState)
        ]

    @property
    def title(self) -> str:
        return _("Tijdlijn van de stappen, %(grouping)s") % {"grouping": GROUPINGS[self.grouping]}

    @property
    def description(self) -> str:
        return _(
            "%(count)s stappen van %(start)s tot %(end)s, met een lijn voor vandaag "
            "(%(today)s); %(undated)s zonder datums. Dezelfde gegevens staan in de tabel "
            "onder de tijdlijn."
        ) % {
            "count": self.step_count,
            "start": _day(self.start),
            "end": _day(self.end),
            "today": _day(self.today),
            "undated": self.undated_count,
        }


def _day(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(day: datetime.date) -> datetime.date:
    start = quarter_start(day)
    month = start.month + 3
    return datetime.date(start.year + (month > 12), (month - 1) % 12 + 1, 1)


def axis_range(
    days: list[datetime.date | None], today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Whole quarters from the earliest to the latest of ``days``, today included."""
    days = [today, *(day for day in days if day)]
    return quarter_start(min(days)), next_quarter(max(days))


class Scale:
    def __init__(self, start: datetime.date, end: datetime.date) -> None:
        self.start = start
        self.days = max((end - start).days, 1)

    def x(self, day: datetime.date) -> float:
        fraction = (day - self.start).days / self.days
        return round(PLOT_LEFT + fraction * (PLOT_RIGHT - PLOT_LEFT), 1)


def steps_queryset():
    objectives = Objective.objects.select_related("target_group").order_by("pk")
    # Undated steps last on every database (SQLite sorts NULL first, PostgreSQL last).
    return Step.objects.prefetch_related(Prefetch("objectives", queryset=objectives)).order_by(
        F("start").asc(nulls_last=True), F("end").asc(nulls_last=True), "title", "pk"
    )


def in_band(queryset, grouping: str, band: str):
    """The steps of one band: a target group (its id) or a term ("none": without one)."""
    if grouping == GROUP_TERM:
        if band == NO_BAND:
            return queryset.filter(term="")
        return queryset.filter(term=band) if band in Term.values else None
    if band == NO_BAND:
        return queryset.filter(objectives__isnull=True)
    pk = parse_pk(band)
    return queryset.filter(objectives__target_group=pk).distinct() if pk else None


def bands(grouping: str) -> list[tuple[str, str | Promise]]:
    """The bands a reader can pick for ``grouping``, in the timeline's order."""
    if grouping == GROUP_TERM:
        found = [(term.value, capfirst(term.label)) for term in Term]
        return [*found, (NO_BAND, gettext_lazy("Zonder termijn"))]
    targets = TargetGroup.objects.order_by("position", "name", "pk").values_list("pk", "name")
    return [*((str(pk), name) for pk, name in targets), (NO_BAND, gettext_lazy("Zonder doelgroep"))]


def _by_target(steps: list[Step]) -> list[tuple[str | Promise, list[Step]]]:
    groups: dict[int, list[Step]] = {t.pk: [] for t in TargetGroup.objects.order_by("position")}
    names = {}
    orphans = []
    for step in steps:
        targets = {o.target_group_id: o.target_group for o in step.objectives.all()}
        for pk, target in targets.items():
            groups.setdefault(pk, []).append(step)
            names[pk] = target.name
        if not targets:
            orphans.append(step)
    found = [(names[pk], members) for pk, members in groups.items() if members]
    if orphans:
        found.append((gettext_lazy("Zonder doelgroep"), orphans))
    return found


def _by_term(steps: list[Step]) -> list[tuple[str | Promise, list[Step]]]:
    found = [(capfirst(term.label), [s for s in steps if s.term == term]) for term in Term]
    found.append((gettext_lazy("Zonder termijn"), [s for s in steps if not s.term]))
    return [(label, members) for label, members in found if members]


def state_label(step: Step) -> str:
    label = str(step.get_state_display())
    if step.state == StepState.RUNNING:
        return f"{label} · {step.progress}%"
    return label


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else f"{title[: TITLE_CHARS - 1]}…"


def _place_label(row: Row, today_x: float) -> None:
    """Put the state label where it fits in the plot and does not cross the today line:
    beside the bar, else on a plate inside it, else on a plate beside the today line."""
    left, right, width = row.x, row.x + row.width, row.text_width
    candidates = [
        (right + 5, "start", False),
        (left - 5, "end", False),
        (left + 5, "start", True),
        (right - 5, "end", True),
        (today_x + 5, "start", True),
        (today_x - 5, "end", True),
    ]
    for text_x, anchor, plate in candidates:
        low = text_x - 2 if anchor == "start" else text_x - width + 2
        high = low + width
        fits = low >= PLOT_LEFT - 2 and high <= PLOT_RIGHT + 2
        if fits and not (low - 2 <= today_x <= high + 2):
            row.text_x, row.text_anchor, row.plate = round(text_x, 1), anchor, plate
            return
    row.text_x, row.text_anchor, row.plate = round(left + 5, 1), "start", True


def _row(step: Step, y: int, scale: Scale, today_x: float) -> Row:
    row = Row(step, y, _short(step.title), state_label(step))
    if step.start is None or step.end is None:
        row.state_label = _("zonder datums")
        row.text_x = PLOT_LEFT + 4
        return row
    row.x = scale.x(step.start)
    row.width = max(round(scale.x(step.end) - row.x, 1), 3)
    row.style = STATE_STYLES.get(step.state, STATE_STYLES[StepState.PLANNED])
    row.text_width = round(len(row.state_label) * CHAR_WIDTH + 6, 1)
    _place_label(row, today_x)
    return row


def _quarters(start: datetime.date, end: datetime.date, scale: Scale) -> list[Tick]:
    ticks, day = [], start
    while day < end:
        label = _("K%(quarter)s") % {"quarter": (day.month - 1) // 3 + 1}
        ticks.append(Tick(scale.x(day), label))
        day = next_quarter(day)
    return ticks


def _years(start: datetime.date, end: datetime.date, scale: Scale) -> list[Year]:
    years = []
    for year in range(start.year, end.year + (end.month > 1 or end.day > 1)):
        left = scale.x(max(start, datetime.date(year, 1, 1)))
        right = scale.x(min(end, datetime.date(year + 1, 1, 1)))
        years.append(Year(left, round(right - left, 1), str(year)))
    return years


def build(
    grouping: str = GROUP_TARGET,
    today: datetime.date | None = None,
    steps=None,
    page_number=None,
    per_page: int | None = None,
) -> Timeline:
    """The timeline of ``steps`` (default: every step), grouped by target group or by term.

    With ``per_page`` it draws one page of steps on the axis of all of them, so the pages
    share one time scale (a fixed number of queries whatever the plan's size).
    """
    grouping = grouping if grouping in GROUPINGS else GROUP_TARGET
    today = today or timezone.localdate()
    queryset = steps_queryset() if steps is None else steps
    page = None
    if per_page:
        page = Paginator(queryset, per_page).get_page(page_number)
        shown = list(page.object_list)
        bounds = queryset.order_by().aggregate(
            first=Min("start"),
            last=Max("end"),
            first_end=Min("end"),
            last_start=Max("start"),
            undated=Count("pk", filter=Q(start__isnull=True) | Q(end__isnull=True)),
        )
        start, end = axis_range(
            [bounds[key] for key in ("first", "last", "first_end", "last_start")], today
        )
        step_count, undated = page.paginator.count, bounds["undated"]
    else:
        shown = list(queryset)
        start, end = axis_range([d for s in shown for d in (s.start, s.end)], today)
        step_count = len(shown)
        undated = sum(1 for s in shown if s.start is None or s.end is None)
    scale = Scale(start, end)
    today_x = scale.x(today)
    parts = _by_term(shown) if grouping == GROUP_TERM else _by_target(shown)
    groups, y = [], AXIS_HEIGHT
    for label, members in parts:
        group = Group(label, y)
        y += GROUP_HEIGHT
        for step in members:
            group.rows.append(_row(step, y, scale, today_x))
            y += ROW_HEIGHT
        groups.append(group)
    quarters = _quarters(start, end, scale)
    quarter_width = (PLOT_RIGHT - PLOT_LEFT) / max(len(quarters), 1)
    if quarter_width < MIN_QUARTER_WIDTH:
        quarters = [Tick(tick.x, "") for tick in quarters]
    return Timeline(
        grouping=grouping,
        start=start,
        end=end - datetime.timedelta(days=1),
        today=today,
        groups=groups,
        years=_years(start, end, scale),
        quarters=quarters,
        today_x=today_x,
        height=y + 8 + LEGEND_HEIGHT,
        step_count=step_count,
        undated_count=undated,
        page=page,
    )
