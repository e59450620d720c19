"""The privacy rules of step 3, in one place; every page, list, export and search uses them.

- A raw transcript or note is read only by consultants and that interview's interviewers
  (:func:`may_read_raw`, rule ``interviews.view_transcript``).
- Everyone else sees an excerpt only as its interview's consent allows, computed at read
  time (a withdrawal takes effect at once): by name, anonymised by sector ("een
  organisatie uit het middenveld"), or not at all. Readers see every quote anonymised.
- No consent record, consent not given, withdrawn or "niet citeren": the excerpt is not
  shown outside the research space.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from atlasplan.permissions import can, is_consultant, is_staff_member
from interviews.models import ConsentScope, Excerpt, Interview


class Attribution(StrEnum):
    FULL = "full"  # research space: organisation, people, everything
    NAMED = "named"  # organisation by name
    ANONYMOUS = "anonymous"  # sector only
    HIDDEN = "hidden"


@dataclass(frozen=True)
class VisibleQuote:
    excerpt: Excerpt
    text: str
    attribution: Attribution
    source_label: str  # who said it, as far as the reader may know

    @property
    def is_anonymous(self) -> bool:
        return self.attribution == Attribution.ANONYMOUS


def may_read_raw(user, interview: Interview) -> bool:
    return can(user, "interviews.view_transcript", interview)


def _interviewer_of(user) -> Q:
    return Q(
        Exists(
            Interview.interviewers.through.objects.filter(
                interview_id=OuterRef("interview_id"), user_id=user.pk
            )
        )
    )


def _consent_allows() -> Q:
    return Q(
        interview__consent__given=True,
        interview__consent__withdrawn_on__isnull=True,
        interview__consent__scope__in=[ConsentScope.NAMED, ConsentScope.ANONYMOUS],
    )


def visible_excerpts(user, queryset: QuerySet | None = None) -> QuerySet:
    """The excerpts ``user`` may see in any output (filtering, never copying)."""
    queryset = Excerpt.objects.all() if queryset is None else queryset
    if is_consultant(user):
        return queryset
    if not can(user, "interviews.view_results"):
        return queryset.none()
    allowed = _consent_allows()
    if is_staff_member(user) and user.is_authenticated:
        allowed |= _interviewer_of(user)
    return queryset.filter(allowed)


def attribution_for(excerpt: Excerpt, user) -> Attribution:
    """How ``excerpt`` may be attributed for ``user`` (needs interview, consent prefetched)."""
    interview = excerpt.interview
    if is_consultant(user) or _is_interviewer(user, interview):
        return Attribution.FULL
    consent = getattr(interview, "consent", None)
    if consent is None or not consent.allows_quotes:
        return Attribution.HIDDEN
    if consent.scope == ConsentScope.NAMED and is_staff_member(user):
        return Attribution.NAMED
    return Attribution.ANONYMOUS


def consent_label(excerpt: Excerpt) -> str:
    """What the interview's consent allows, as the research space is told beside a quote."""
    consent = getattr(excerpt.interview, "consent", None)
    if consent is None:
        return _("ontbreekt")
    if consent.withdrawn_on:
        return _("ingetrokken")
    if not consent.given:
        return _("geweigerd")
    return str(consent.get_scope_display())


def _is_interviewer(user, interview: Interview) -> bool:
    if not is_staff_member(user):
        return False
    cache = getattr(interview, "_prefetched_objects_cache", {})
    if "interviewers" in cache:
        return any(person.pk == user.pk for person in interview.interviewers.all())
    return interview.interviewers.filter(pk=user.pk).exists()


def sector_label(organisation) -> str:
    return _("een organisatie uit de sector %(sector)s") % {
        "sector": organisation.get_sector_display().lower()
    }


def visible_quote(excerpt: Excerpt, user) -> VisibleQuote | None:
    """The excerpt as ``user`` may see it, or None when it must not be shown at all."""
    attribution = attribution_for(excerpt, user)
    if attribution == Attribution.HIDDEN:
        return None
    organisation = excerpt.interview.organisation
    label = (
        sector_label(organisation) if attribution == Attribution.ANONYMOUS else str(organisation)
    )
    return VisibleQuote(excerpt, excerpt.text, attribution, label)


def visible_quotes(excerpts, user) -> list[VisibleQuote]:
    return [quote for e in excerpts if (quote := visible_quote(e, user)) is not None]


def raw_interviews(user, queryset: QuerySet | None = None) -> QuerySet:
    """Interviews whose raw transcript and notes ``user`` may read."""
    queryset = Interview.objects.all() if queryset is None else queryset
    if is_consultant(user):
        return queryset
    if not is_staff_member(user):
        return queryset.none()
    return queryset.filter(
        pk__in=Interview.interviewers.through.objects.filter(user_id=user.pk).values("interview_id")
    )


def quote_queryset(user) -> QuerySet:
    """Visible excerpts with what attribution and display need, in a constant number of queries."""
    from atlasplan.models import Theme

    base = Excerpt.objects.select_related(
        "interview__organisation", "interview__consent"
    ).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name")), "interview__interviewers"
    )
    visible = visible_excerpts(user, base)
    if is_consultant(user):
        return visible.order_by("interview__organisation__name", "interview", "start", "pk")
    # Outside the research space a quote's place in the list must not tell its organisation:
    # sorted by name, an anonymised quote between two named ones gives away the initials.
    # Named quotes (and an interviewer's own) first by organisation, then the rest by sector.
    by_sector = ["interview__organisation__sector", "interview__held_at", "start", "pk"]
    if not is_staff_member(user):
        return visible.order_by(*by_sector)  # readers see every quote anonymised
    named = Q(interview__consent__scope=ConsentScope.NAMED) | _interviewer_of(user)
    return visible.order_by(
        Case(When(named, then=Value(0)), default=Value(1)),
        Case(When(named, then=F("interview__organisation__name")), default=Value("")),
        *by_sector,
    )
