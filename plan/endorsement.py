"""Step 6's figures: how many stakeholders endorse each ambition, internal and external.

Counting happens in the database (conditional ``Count`` on the answers, one query for all
the ambitions of a page); Python only turns the counted rows into values. A withdrawal
concerns how an answer may be quoted, not whether it counts: a withdrawn answer stays in
the figures, which name nobody.

Readers receive anonymised figures: the internal/external split passes the small-group
rule (:func:`atlasplan.anonymity.break_down`, ``EVIDENCE_MIN_GROUP_SIZE``); when a group is
too small they see only the total. Staff see the split as it is.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlasplan.anonymity import break_down
from atlasplan.permissions import can
from plan.models import (
    OBJECTIONS,
    AmbitionFeedback,
    Endorsement,
    ValidationResponse,
    ValidationRound,
)
from stakeholders.models import Scope

POSITIONS = (Endorsement.ENDORSE, Endorsement.PARTLY, Endorsement.NOT)
# Bar colours (fill, text) with enough contrast for the count written inside.
COLOURS = {
    Endorsement.ENDORSE: ("#146c43", "#ffffff"),
    Endorsement.PARTLY: ("#ffc107", "#000000"),
    Endorsement.NOT: ("#b02a37", "#ffffff"),
}
BAR_WIDTH = 400
GROUPS = {"all": None, "internal": Scope.INTERNAL, "external": Scope.EXTERNAL}


@dataclass(frozen=True)
class Tally:
    """How many answered onderschrijft / deels / niet."""

    endorse: int = 0
    partly: int = 0
    against: int = 0

    @property
    def total(self) -> int:
        return self.endorse + self.partly + self.against

    def count(self, position: str) -> int:
        return {
            Endorsement.ENDORSE: self.endorse,
            Endorsement.PARTLY: self.partly,
            Endorsement.NOT: self.against,
        }[position]

    def phrase(self) -> str:
        """ "6 van 9 stakeholders onderschrijven, 2 deels, 1 niet"."""
        if not self.total:
            return _("Nog geen antwoorden.")
        # The noun agrees with the total, the verb with those who endorse.
        of = ngettext("%(total)d stakeholder", "%(total)d stakeholders", self.total) % {
            "total": self.total
        }
        text = ngettext(
            "%(endorse)d van %(of)s onderschrijft",
            "%(endorse)d van %(of)s onderschrijven",
            self.endorse,
        ) % {"endorse": self.endorse, "of": of}
        if self.partly:
            text += ", " + _("%(count)d deels") % {"count": self.partly}
        if self.against:
            text += ", " + _("%(count)d niet") % {"count": self.against}
        return text

    def segments(self) -> list[dict]:
        """The parts of a stacked SVG bar ``BAR_WIDTH`` wide: position, label, count, and
        where to draw it (attributes as text: the page's CSP allows no inline style)."""
        parts, x = [], 0.0
        for position in POSITIONS:
            count = self.count(position)
            width = BAR_WIDTH * count / self.total if self.total else 0.0
            fill, text_fill = COLOURS[position]
            parts.append(
                {
                    "position": str(position),
                    "label": str(position.label),
                    "count": count,
                    "x": f"{x:.1f}",
                    "width": f"{width:.1f}",
                    "text_x": f"{x + width / 2:.1f}",
                    "labelled": width >= 16,
                    "fill": fill,
                    "text_fill": text_fill,
                }
            )
            x += width
        return parts


@dataclass(frozen=True)
class Figures:
    """The endorsement of one ambition (or of the vision overall) as one viewer may see it.

    ``internal`` and ``external`` are None when the viewer may not see the split (a group
    too small for a reader); ``withheld`` then says so."""

    total: Tally
    internal: Tally | None
    external: Tally | None
    withheld: bool = False

    @property
    def split(self) -> bool:
        return self.internal is not None

    def groups(self) -> list[tuple[str, str, Tally]]:
        """(key, label, tally) for the bars shown side by side."""
        if not self.split:
            return []
        return [
            ("internal", _("Intern"), self.internal),
            ("external", _("Extern"), self.external),
        ]


def _counts(scope_path: str) -> dict[str, Count]:
    """Conditional counts named ``<group>_<position>`` for every group and position."""
    counts = {}
    for group, scope in GROUPS.items():
        for position in POSITIONS:
            condition = Q(position=position)
            if scope is not None:
                condition &= Q(**{scope_path: scope})
            counts[f"{group}_{position}"] = Count("pk", filter=condition)
    return counts


def _tally(row: dict, group: str) -> Tally:
    return Tally(
        endorse=row.get(f"{group}_{Endorsement.ENDORSE}") or 0,
        partly=row.get(f"{group}_{Endorsement.PARTLY}") or 0,
        against=row.get(f"{group}_{Endorsement.NOT}") or 0,
    )


def anonymises(viewer) -> bool:
    """Readers (anyone who does not work on the validation) get anonymised figures."""
    return not can(viewer, "validation.change")


def figures_from(row: dict, anonymised: bool) -> Figures:
    total, internal, external = (_tally(row, g) for g in GROUPS)
    if not anonymised:
        return Figures(total, internal, external)
    shown = break_down({"internal": internal.total, "external": external.total})
    if not shown.shown or shown.pooled:
        return Figures(total, None, None, withheld=bool(total.total))
    return Figures(total, internal, external)


def ambition_figures(
    ambitions: Iterable, viewer, round: ValidationRound | None = None
) -> dict[int, Figures]:
    """{ambition pk: figures} over the answers of ``round`` (or every round of their
    version), in one query whatever the number of ambitions or answers."""
    pks = [a.pk for a in ambitions]
    if not pks:
        return {}
    feedback = AmbitionFeedback.objects.filter(ambition_id__in=pks)
    if round is not None:
        feedback = feedback.filter(response__invitee__round=round)
    scope = "response__invitee__organisation__scope"
    rows = feedback.values("ambition_id").annotate(**_counts(scope)).order_by()
    by_pk = {row["ambition_id"]: row for row in rows}
    anonymised = anonymises(viewer)
    return {pk: figures_from(by_pk.get(pk, {}), anonymised) for pk in pks}


def overall_figures(round: ValidationRound, viewer) -> Figures:
    """The overall positions of a round's answers (one query)."""
    responses = ValidationResponse.objects.filter(invitee__round=round)
    row = responses.aggregate(**_counts("invitee__organisation__scope"))
    return figures_from(row, anonymises(viewer))


# --- Objections ----------------------------------------------------------------------------


def objections(rounds: QuerySet | None = None) -> QuerySet:
    """Every "deels" or "niet" on an ambition (of ``rounds``, if given)."""
    feedback = AmbitionFeedback.objects.filter(position__in=OBJECTIONS)
    if rounds is not None:
        feedback = feedback.filter(response__invitee__round__in=rounds)
    return feedback


def undecided(rounds: QuerySet | None = None) -> QuerySet:
    return objections(rounds).filter(decision__isnull=True)


def undecided_before(version) -> int:
    """Objections without a decision in rounds on ``version`` or an earlier version: what
    setting ``version`` to vastgesteld would leave unanswered."""
    rounds = ValidationRound.objects.filter(version__number__lte=version.number)
    return undecided(rounds).count()


def round_counts(rounds: QuerySet) -> dict[int, dict[str, int]]:
    """{round pk: invited, answered, objections, undecided} in one query per figure set."""
    rows = rounds.annotate(
        invited=Count("invitees", distinct=True),
        answered=Count("invitees__response", distinct=True),
    ).values("pk", "invited", "answered")
    counts = {row["pk"]: {**row, "objections": 0, "undecided": 0} for row in rows}
    objection_rows = (
        objections(rounds)
        .values("response__invitee__round")
        .annotate(
            n=Count("pk"),
            open=Count("pk", filter=Q(decision__isnull=True)),
        )
        .order_by()
    )
    for row in objection_rows:
        entry = counts[row["response__invitee__round"]]
        entry["objections"], entry["undecided"] = row["n"], row["open"]
    return counts


def undecided_phrase(count: int) -> str:
    return ngettext(
        "%(count)d bezwaar zonder beslissing",
        "%(count)d bezwaren zonder beslissing",
        count,
    ) % {"count": count}
