"""The registry of the method's steps.

The shared core knows no step: each app registers its step(s) from ``AppConfig.ready()``,
and the navigation and the dashboard read them from here. Adding a step touches no core file.
A step's dashboard card is the function ``card(request)`` in ``<app>/dashboard.py``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise

from atlasplan.permissions import can


class Progress:
    """Where a step stands in the method, by the step's own rule (``Step.done_rule``)."""

    DONE = "done"
    STARTED = "started"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class Card:
    """What the dashboard shows about a step for one user: where it stands, what is next.

    ``todo`` is a decision that waits for this user (shown first on the dashboard);
    ``warning`` is something that looks wrong (more approved than the target)."""

    state: str | Promise
    next_action: str | Promise
    next_url: str | None = None
    count: int | None = None
    progress: str = Progress.NOT_STARTED
    todo: str | Promise | None = None
    warning: str | Promise | None = None


@dataclass(frozen=True)
class Step:
    number: int
    title: str | Promise  # the Dutch term, through gettext
    summary: str | Promise
    rule: str  # the permission rule that opens this step (atlasplan.permissions)
    url_name: str | None = None  # None while the step has no pages yet
    done_rule: str | Promise = ""  # when the step counts as done, said on the dashboard
    card: Callable[[HttpRequest], Card] | None = field(default=None, compare=False)

    @property
    def url(self) -> str | None:
        if not self.url_name:
            return None
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None

    def opens_for(self, user) -> bool:
        return self.url is not None and can(user, self.rule)


_steps: dict[int, Step] = {}


def register(step: Step) -> None:
    """Register (or replace, on reload) the step with this number."""
    _steps[step.number] = step


def all_steps() -> list[Step]:
    return [_steps[number] for number in sorted(_steps)]
