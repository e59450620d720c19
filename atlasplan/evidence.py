"""What leaves the evidence boundary: audiences and the quote value every output shows.

The boundary itself is :mod:`interviews.privacy` (step 3 owns the consent rules); the core
only defines what crosses it, so that later steps (vision, validation, plan, the PDF) and
the core's own pages show evidence without knowing any step's models:

- :class:`Audience` names who will see a quote. A caller with a user passes the user (the
  boundary works out the audience per interview: a consultant, or an interviewer of that
  interview, sees it in the research space). A caller without a user, such as the PDF for
  the city or a management command, names :attr:`Audience.OUTSIDE`.
- :class:`Quote` is a frozen value holding only what that audience may see: no excerpt, no
  interview, no organisation or person behind it. ``source_url``, ``consent_label`` and
  ``memo`` are empty outside the research space.
- ``{% evidence_quote quote %}`` (``atlasplan/templatetags/evidence.py``, template
  ``templates/includes/quote.html``) renders a :class:`Quote`: every page that shows a quote
  uses it, and exports use the same fields (:func:`Quote.themes_label` and the labels).
- :func:`register_related` lets the step that owns an evidence model tell the history pages
  how to show an object of it to a viewer (a history never prints the object as text).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Audience(StrEnum):
    RESEARCH = "research"  # consultants, and the interview's interviewers for that interview
    ATLAS = "atlas"  # the Atlas team
    READERS = "readers"  # city staff receiving the plan
    OUTSIDE = "outside"  # no user: the PDF for the city, a management command


class Attribution(StrEnum):
    FULL = "full"  # research space: organisation, consent, source, memo
    NAMED = "named"  # the organisation by name
    ANONYMOUS = "anonymous"  # a sector, or "een organisatie" in a small sector
    HIDDEN = "hidden"  # not shown at all


@dataclass(frozen=True)
class ThemeTag:
    pk: int
    name: str
    colour: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: Attribution
    source_label: str  # "Stad Antwerpen, dienst Onderwijs" or "een organisatie uit ..."
    group: str  # the position map's row: "org-<pk>" when named, else "sector-<sector>"
    themes: tuple[ThemeTag, ...] = ()
    stance: str = ""
    stance_label: str = ""
    surprising: bool = False
    quotable: bool = False
    anchor: str = "ok"  # "ok", "reanchored" or "flagged" (the transcript changed)
    anchor_label: str = ""
    consent_label: str = ""  # research space only
    memo: str = ""  # research space only
    source_url: str = ""  # only where the viewer may open the source

    @property
    def is_anonymous(self) -> bool:
        return self.attribution == Attribution.ANONYMOUS

    @property
    def in_research_space(self) -> bool:
        return self.attribution == Attribution.FULL

    def themes_label(self) -> str:
        return ", ".join(theme.name for theme in self.themes)


# --- How history pages show a referenced evidence object ----------------------------------

RelatedRenderer = Callable[[Iterable[Any], Any], dict[Any, Any]]
_related: dict[type, RelatedRenderer] = {}


def register_related(model: type, renderer: RelatedRenderer) -> None:
    """``renderer(pks, viewer)`` answers {pk: Quote or label} for objects of ``model``."""
    _related[model] = renderer


def related_renderer(model: type) -> RelatedRenderer | None:
    return _related.get(model)
