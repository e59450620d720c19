"""A validation answer's texts (surprises, remarks, comments on ambitions) as a viewer may
see them. The decisions are the evidence boundary's (:func:`interviews.privacy.consented_quote`
with the answer's own consent and withdrawal); this module only gathers what it needs.

A caller loads responses with :data:`RESPONSE_SELECT` and :data:`RESPONSE_PREFETCH` (under
its own prefix) so that building every value costs no further query.
"""

from collections.abc import Callable
from functools import cache

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from atlasplan.evidence import Attribution, Audience, Quote, ThemeTag
from interviews import privacy
from interviews.models import ConsentScope
from plan.models import OBJECTIONS, AmbitionFeedback, Endorsement, ValidationResponse

RESPONSE_SELECT = ("invitee__organisation", "respondent")
RESPONSE_PREFETCH = ("invitee__organisation__contacts", "invitee__contacts", "surprise_themes")


def label(choices, value) -> str:
    """A choice's label in the active language. Django's ``get_FOO_display`` rebuilds the
    field's choices on every call, which an export of thousands of rows feels."""
    return _label(choices, value, get_language())


@cache
def _label(choices, value, language) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def consent_label(response: ValidationResponse) -> str:
    """As ``ValidationResponse.consent_label``, without ``get_FOO_display``."""
    if response.withdrawn_on:
        return str(_("ingetrokken"))
    return label(ConsentScope, response.consent_scope)


def paths(prefix: str, names) -> list[str]:
    return [f"{prefix}{name}" for name in names]


def sizes_once() -> Callable[[], dict]:
    """The register's sector sizes, read at most once per page or export."""
    return cache(privacy.sector_sizes)


def in_research_space(viewer) -> bool:
    return privacy.audience_of(viewer) == Audience.RESEARCH


def people(response: ValidationResponse) -> set[str]:
    """Every name an anonymised text of this answer must not show."""
    invitee = response.invitee
    names = {c.name for c in invitee.organisation.contacts.all()}
    names |= {c.name for c in invitee.contacts.all()}
    if response.respondent is not None:
        names.add(response.respondent.name)
    if response.respondent_name:
        names.add(response.respondent_name)
    return names


def attribution(response: ValidationResponse, viewer) -> Attribution:
    return privacy.consented_attribution(
        viewer, scope=response.consent_scope, withdrawn=response.withdrawn_on is not None
    )


def source_label(response: ValidationResponse, viewer, sizes: Callable[[], dict]) -> str:
    """Who answered, as the viewer may know it: the organisation where the answer may be
    attributed by name, else its sector (also for answers whose texts are hidden)."""
    organisation = response.invitee.organisation
    if attribution(response, viewer) in {Attribution.FULL, Attribution.NAMED}:
        return str(organisation)
    return privacy.sector_label(organisation, sizes())


def quote(
    response: ValidationResponse, text: str, viewer, sizes: Callable[[], dict], **shown
) -> Quote | None:
    """One of the answer's texts as ``viewer`` may see it, or None (not quotable, withdrawn,
    empty)."""
    return privacy.consented_quote(
        text,
        viewer,
        organisation=response.invitee.organisation,
        people=people(response),
        scope=response.consent_scope,
        withdrawn=response.withdrawn_on is not None,
        sizes=sizes,
        consent_label=consent_label(response),
        **shown,
    )


def surprises_quote(response: ValidationResponse, viewer, sizes) -> Quote | None:
    themes = tuple(ThemeTag(t.pk, t.name, t.colour) for t in response.surprise_themes.all())
    return quote(
        response,
        response.surprises,
        viewer,
        sizes,
        themes=themes,
        stance=response.position,
        stance_label=label(Endorsement, response.position),
        surprising=True,
    )


def remarks_quote(response: ValidationResponse, viewer, sizes) -> Quote | None:
    return quote(
        response,
        response.remarks,
        viewer,
        sizes,
        stance=response.position,
        stance_label=label(Endorsement, response.position),
    )


def comment_quote(feedback, viewer, sizes) -> Quote | None:
    """A comment on one ambition (the feedback's response must be loaded as above)."""
    return quote(
        feedback.response,
        feedback.comment,
        viewer,
        sizes,
        stance=feedback.position,
        stance_label=label(Endorsement, feedback.position),
    )


def visible_q(viewer, prefix: str = "") -> Q:
    """The answers whose texts ``viewer`` may see at all, as a filter for counting and paging
    in SQL. The boundary decides: it is asked for every consent scope, withdrawn or not."""
    allowed = Q(pk__in=[])
    for scope in ConsentScope.values:
        for withdrawn in (False, True):
            attribution = privacy.consented_attribution(viewer, scope=scope, withdrawn=withdrawn)
            if attribution != Attribution.HIDDEN:
                allowed |= Q(
                    **{
                        f"{prefix}consent_scope": scope,
                        f"{prefix}withdrawn_on__isnull": not withdrawn,
                    }
                )
    return allowed


def organisation_order(viewer, prefix: str = "") -> str:
    """Answers in an order that does not tell who wrote an anonymised one: by organisation
    in the research space, elsewhere by sector (then entry; a name order would place an
    anonymised answer between two named ones)."""
    organisation = f"{prefix}invitee__organisation"
    return f"{organisation}__name" if in_research_space(viewer) else f"{organisation}__sector"


def ordered(queryset: QuerySet, viewer, prefix: str = "", first=()) -> QuerySet:
    """``queryset`` in that order; ``first``: fields to sort on before."""
    return queryset.order_by(*first, organisation_order(viewer, prefix), "pk")


def feedback_queryset(round, viewer, objections_only: bool = False) -> QuerySet:
    """A round's answers per ambition (or only its objections) with their answer, ambition
    and decision, in a constant number of queries, ordered by ambition."""
    feedback = AmbitionFeedback.objects.filter(response__invitee__round=round)
    if objections_only:
        feedback = feedback.filter(position__in=OBJECTIONS)
    feedback = feedback.select_related(
        "ambition",
        "decision__version",
        "decision__decided_by",
        *paths("response__", RESPONSE_SELECT),
    ).prefetch_related(
        # Only the names an anonymised comment must not show (no surprise themes needed).
        "decision__ambitions__version",
        *paths("response__", ("invitee__organisation__contacts", "invitee__contacts")),
    )
    return ordered(feedback, viewer, "response__", first=("ambition__position", "ambition__pk"))


def responses_queryset(round, viewer) -> QuerySet:
    responses = ValidationResponse.objects.filter(invitee__round=round)
    responses = responses.select_related(*RESPONSE_SELECT).prefetch_related(*RESPONSE_PREFETCH)
    return ordered(responses, viewer)
