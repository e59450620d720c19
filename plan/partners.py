"""The partner matrix: which organisations the plan needs, in which steps, in which role.

At agency scale (thousands of partners, thousands of steps) the matrix is paged by
organisation: a page shows :data:`PER_PAGE` organisations (searchable by name) and only the
steps those organisations are in. Three signals sit next to it, each counted in SQL over the
whole plan, whatever the page, with its first :data:`SIGNAL_LIMIT` items and a link to all:

- stakeholders Atlas shortlisted (approved) or interviewed whom no step involves;
- partners whose latest validation answer was "onderschrijft niet";
- steps without a partner outside Atlas (an organisation not of the sector "Atlas intern").

The first two name organisations from the research (the shortlist, the interviews, the
validation answers): they are shown to the research team and the Atlas team only, as the
evidence boundary decides (``interviews.privacy``). Readers see the matrix and the third.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower
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
PER_PAGE = 25  # organisations per page of the matrix
SIGNAL_LIMIT = 20  # items a signal lists next to the matrix; the rest behind a link
SIGNAL_PER_PAGE = 50  # items per page of one signal's full list

NO_OUTSIDE, OBJECTING, UNINVOLVED = "no_outside", "objecting", "uninvolved"
SIGNALS = (NO_OUTSIDE, OBJECTING, UNINVOLVED)


@dataclass
class Column:
    step: Step
    outside_atlas: bool


@dataclass
class Row:
    organisation: Organisation
    cells: list[str | None]  # the role per column, "" for a partner without role, None if none
    objects: bool = False  # its latest validation answer: "onderschrijft niet"


@dataclass
class Uninvolved:
    organisation: Organisation
    reasons: list[str | Promise] = field(default_factory=list)


@dataclass
class Signal:
    """One signal over the whole plan: how many items, and the first few (or one page)."""

    key: str
    count: int
    items: list

    @property
    def more(self) -> int:
        return self.count - len(self.items)


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]
    page: Page
    query: str
    partner_count: int  # organisations partner in any step (the whole plan)
    step_count: int  # steps of the whole plan
    no_outside: Signal
    objecting: Signal | None  # None: not for this viewer
    uninvolved: Signal | None  # None: not for this viewer

    @property
    def shows_objections(self) -> bool:
        return self.objecting is not None


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


def _is_partner() -> Exists:
    return Exists(StepPartner.objects.filter(organisation=OuterRef("pk")))


def partner_organisations(query: str = "") -> QuerySet[Organisation]:
    """Organisations partner in at least one step, by name (case-insensitive)."""
    organisations = Organisation.objects.filter(_is_partner())
    if query:
        organisations = organisations.filter(name__icontains=query)
    return organisations.order_by(Lower("name"), "pk")


def latest_position() -> Subquery:
    """An organisation's latest validation answer (the latest round, then the latest date)."""
    latest = ValidationResponse.objects.filter(invitee__organisation=OuterRef("pk")).order_by(
        "-invitee__round__opens_on", "-invitee__round__pk", "-answered_on", "-pk"
    )
    return Subquery(latest.values("position")[:1])


def objecting_organisations() -> QuerySet[Organisation]:
    """Partners whose latest validation answer was "onderschrijft niet", with their steps."""
    return (
        Organisation.objects.filter(_is_partner())
        .annotate(latest_position=latest_position())
        .filter(latest_position=Endorsement.NOT)
        .annotate(step_count=Count("plan_step_roles__step", distinct=True))
        .order_by(Lower("name"), "pk")
    )


def _outside_partner() -> Exists:
    return Exists(
        StepPartner.objects.filter(step=OuterRef("pk")).exclude(organisation__sector=Sector.ATLAS)
    )


def steps_without_outside_partner() -> QuerySet[Step]:
    return Step.objects.filter(~_outside_partner()).order_by(
        F("start").asc(nulls_last=True), "title", "pk"
    )


def uninvolved_organisations() -> QuerySet[Organisation]:
    """Approved on the shortlist or interviewed, yet partner in no step."""
    shortlisted = Exists(
        ShortlistEntry.objects.filter(organisation=OuterRef("pk"), decision=Decision.APPROVED)
    )
    interviewed = Exists(
        Interview.objects.filter(organisation=OuterRef("pk"), status__in=CONSULTED)
    )
    return (
        Organisation.objects.annotate(shortlisted=shortlisted, interviewed=interviewed)
        .filter(Q(shortlisted=True) | Q(interviewed=True))
        .exclude(_is_partner())
        .order_by(Lower("name"), "pk")
    )


def _uninvolved_item(organisation: Organisation) -> Uninvolved:
    item = Uninvolved(organisation)
    if organisation.shortlisted:
        item.reasons.append(_("op de shortlist"))
    if organisation.interviewed:
        item.reasons.append(_("geïnterviewd"))
    return item


def signal_queryset(key: str) -> QuerySet:
    return {
        NO_OUTSIDE: steps_without_outside_partner,
        OBJECTING: objecting_organisations,
        UNINVOLVED: uninvolved_organisations,
    }[key]()


def signal_items(key: str, objects) -> list:
    if key == UNINVOLVED:
        return [_uninvolved_item(organisation) for organisation in objects]
    return list(objects)


def may_see_signal(viewer, key: str) -> bool:
    if key == OBJECTING:
        return shows_objections(viewer)
    if key == UNINVOLVED:
        return shows_uninvolved(viewer)
    return key == NO_OUTSIDE


def signal(key: str) -> Signal:
    """The count over the whole plan and the first :data:`SIGNAL_LIMIT` items (2 queries)."""
    queryset = signal_queryset(key)
    return Signal(key, queryset.count(), signal_items(key, queryset[:SIGNAL_LIMIT]))


def signal_page(key: str, page_number) -> tuple[Page, list]:
    """One page of a signal's full list."""
    page = Paginator(signal_queryset(key), SIGNAL_PER_PAGE).get_page(page_number)
    return page, signal_items(key, page.object_list)


def _columns(organisation_pks: list[int]) -> list[Column]:
    """The steps the given organisations are in, each with whether it has an outside partner
    (over all its partners, not only those on the page)."""
    steps = (
        Step.objects.filter(step_partners__organisation__in=organisation_pks)
        .distinct()
        .annotate(outside_atlas=_outside_partner())
        .order_by(F("start").asc(nulls_last=True), "title", "pk")
    )
    return [Column(step, step.outside_atlas) for step in steps]


def build(viewer, query: str = "", page_number=None) -> Matrix:
    """One page of the matrix as ``viewer`` may see it, with the signals over the whole plan
    (a fixed number of queries, whatever the plan's size)."""
    organisations = partner_organisations(query)
    objections = shows_objections(viewer)
    if objections:
        organisations = organisations.annotate(latest_position=latest_position())
    page = Paginator(organisations, PER_PAGE).get_page(page_number)
    on_page = list(page.object_list)
    pks = [organisation.pk for organisation in on_page]
    columns = _columns(pks)
    roles = {
        (organisation_pk, step_pk): role
        for organisation_pk, step_pk, role in StepPartner.objects.filter(organisation__in=pks)
        .order_by("pk")
        .values_list("organisation_id", "step_id", "role")
    }
    rows = [
        Row(
            organisation,
            [roles.get((organisation.pk, column.step.pk)) for column in columns],
            objections and organisation.latest_position == Endorsement.NOT,
        )
        for organisation in on_page
    ]
    return Matrix(
        columns=columns,
        rows=rows,
        page=page,
        query=query,
        partner_count=page.paginator.count if not query else partner_organisations().count(),
        step_count=Step.objects.count(),
        no_outside=signal(NO_OUTSIDE),
        objecting=signal(OBJECTING) if objections else None,
        uninvolved=signal(UNINVOLVED) if shows_uninvolved(viewer) else None,
    )
