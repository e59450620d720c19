"""The partner matrix: which organisations the plan needs, in which steps, in which role.

Three signals sit next to the matrix:

- stakeholders Atlas shortlisted (approved) or interviewed whom no step involves;
- partners whose latest validation answer was "onderschrijft niet";
- steps without a partner outside Atlas (an organisation not of the sector "Atlas intern").

The first two name organisations from the research (the shortlist, the interviews, the
validation answers): they are shown to the research team and the Atlas team only, as the
evidence boundary decides (``interviews.privacy``). Readers see the matrix and the third.
"""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from atlasplan.evidence import Audience
from atlasplan.permissions import can
from interviews import privacy
from interviews.models import Interview, Status
from plan.models import Endorsement, Step, StepPartner, ValidationResponse
from stakeholders.models import Decision, Organisation, Sector, ShortlistEntry

# An interview that took place (planned ones do not count as consulted).
CONSULTED = (Status.HELD, Status.TRANSCRIBED, Status.CODED)


@dataclass
class Column:
    step: Step
    outside_atlas: bool


@dataclass
class Row:
    organisation: Organisation
    cells: list[str | None]  # the role per column, "" for a partner without role, None if none
    objects: bool = False  # its latest validation answer: "onderschrijft niet"

    @property
    def step_count(self) -> int:
        return sum(cell is not None for cell in self.cells)


@dataclass
class Uninvolved:
    organisation: Organisation
    reasons: list[str | Promise] = field(default_factory=list)


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]
    uninvolved: list[Uninvolved] | None  # None: not for this viewer
    shows_objections: bool

    @property
    def steps_without_outside_partner(self) -> list[Step]:
        return [column.step for column in self.columns if not column.outside_atlas]

    @property
    def objecting(self) -> list[Row]:
        return [row for row in self.rows if row.objects] if self.shows_objections else []


def is_outside_atlas(organisation: Organisation) -> bool:
    return organisation.sector != Sector.ATLAS


def shows_objections(viewer) -> bool:
    """Whether ``viewer`` may see which organisations did not endorse the vision: the
    research space and whoever sees organisations named in quotes (not readers)."""
    audience = privacy.audience_of(viewer)
    return audience == Audience.RESEARCH or privacy.names_organisations(audience)


def shows_uninvolved(viewer) -> bool:
    """The shortlist and the interviewed organisations are the register's, read by staff."""
    return can(viewer, "stakeholders.view")


def _steps() -> list[Step]:
    partners = StepPartner.objects.select_related("organisation").order_by(
        "organisation__name", "pk"
    )
    queryset = Step.objects.prefetch_related(Prefetch("step_partners", queryset=partners))
    return list(queryset.order_by(F("start").asc(nulls_last=True), "title", "pk"))


def _objecting_pks() -> set[int]:
    """Organisations whose latest validation answer was "onderschrijft niet"."""
    latest: dict[int, str] = {}
    responses = ValidationResponse.objects.order_by(
        "invitee__round__opens_on", "invitee__round__pk", "answered_on", "pk"
    ).values_list("invitee__organisation_id", "position")
    for organisation_pk, position in responses:
        latest[organisation_pk] = position
    return {pk for pk, position in latest.items() if position == Endorsement.NOT}


def _uninvolved(involved: set[int]) -> list[Uninvolved]:
    found: dict[int, Uninvolved] = {}
    shortlisted = ShortlistEntry.objects.filter(decision=Decision.APPROVED).select_related(
        "organisation"
    )
    for entry in shortlisted.exclude(organisation__in=involved).order_by("organisation__name"):
        found[entry.organisation_id] = Uninvolved(entry.organisation, [_("op de shortlist")])
    interviewed = Organisation.objects.filter(
        pk__in=Interview.objects.filter(status__in=CONSULTED).values("organisation")
    ).exclude(pk__in=involved)
    for organisation in interviewed:
        found.setdefault(organisation.pk, Uninvolved(organisation)).reasons.append(
            _("geïnterviewd")
        )
    return sorted(found.values(), key=lambda item: item.organisation.name.lower())


def build(viewer) -> Matrix:
    """The matrix of organisations by steps as ``viewer`` may see it (a fixed number of queries)."""
    steps = _steps()
    organisations: dict[int, Organisation] = {}
    for step in steps:
        for partner in step.step_partners.all():
            organisations.setdefault(partner.organisation_id, partner.organisation)
    columns = [
        Column(step, any(is_outside_atlas(p.organisation) for p in step.step_partners.all()))
        for step in steps
    ]
    roles = {
        (p.organisation_id, step.pk): p.role for step in steps for p in step.step_partners.all()
    }
    objections = shows_objections(viewer)
    objecting = _objecting_pks() if objections else set()
    rows = [
        Row(
            organisation,
            [roles.get((organisation.pk, step.pk)) for step in steps],
            organisation.pk in objecting,
        )
        for organisation in sorted(organisations.values(), key=lambda o: o.name.lower())
    ]
    uninvolved = _uninvolved(set(organisations)) if shows_uninvolved(viewer) else None
    return Matrix(columns, rows, uninvolved, objections)
