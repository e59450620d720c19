"""The evidence boundary: the consent and interviewer rules of step 3, in this one module.

Every page, list, filter, export, search, history and dashboard card that shows interview
evidence asks here; nothing else decides who may see a quote or who is an interviewer.

Audiences (:class:`atlasplan.evidence.Audience`):

- research space: consultants, and for one interview its interviewers (Atlas-team
  interviewers until the consent is withdrawn: a withdrawal reaches everyone outside the
  consultants). They see a quote in full: organisation, consent, memo, link to the source.
- Atlas team, and ``Audience.OUTSIDE`` (no user: the PDF for the city, a management
  command): a quote as its interview's consent allows (by name, anonymised, not at all).
- readers (city staff browsing the app): every allowed quote anonymised.

Anonymised means: labelled by sector ("een organisatie uit de sector middenveld"), or
"een organisatie" when the register holds fewer organisations of that sector than
``settings.EVIDENCE_MIN_SECTOR_SIZE``; speaker labels ("Hatice Kaya: ") stripped and every
name the interview records (interviewees, the organisation, its contacts) masked.

API for later steps (``viewer`` is a user, or an :class:`Audience` where there is no user):

- :func:`quotes_for` (viewer, queryset=None) -> list of :class:`atlasplan.evidence.Quote`;
- :func:`visible_excerpts` / :func:`quote_queryset`: the excerpts a viewer may see, as a
  queryset to filter further; :func:`visible_quotes` / :func:`visible_quote` turn them into
  values; :func:`prefetch_paths` lists what a caller's own queryset must prefetch;
- query expressions: :func:`consent_allows_q`, :func:`named_q`, :func:`research_q`,
  :func:`interviewer_q`, :func:`consent_state_q`; per object: :func:`is_interviewer`,
  :func:`in_research_space`, :func:`attribution_for`;
- :func:`raw_interviews` / :func:`may_read_raw`: raw transcripts and notes;
- :func:`nameable_organisations` / :func:`may_name_organisation`: whose position summaries
  a viewer may read by name;
- statements under their own consent (step 6's validation answers):
  :func:`consented_attribution` and :func:`consented_quote` apply the same rules to a scope,
  a refusal and a withdrawal passed in, and :func:`anonymise_text` masks the names given.
"""

import re
from collections.abc import Callable, Iterable
from functools import cache

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from atlasplan.evidence import Attribution, Audience, Quote, ThemeTag
from atlasplan.permissions import can, is_consultant, is_staff_member
from interviews.models import Consent, ConsentScope, Excerpt, Interview
from stakeholders.models import Organisation

__all__ = ["Attribution", "Audience", "Quote"]

QUOTABLE = (ConsentScope.NAMED, ConsentScope.ANONYMOUS)
NOTHING = Q(pk__in=[])


# --- Audiences -----------------------------------------------------------------------------


def audience_of(viewer) -> Audience | None:
    """The viewer's audience in general (for one interview see :func:`in_research_space`)."""
    if viewer is None or isinstance(viewer, Audience):
        return viewer
    if is_consultant(viewer):
        return Audience.RESEARCH
    if is_staff_member(viewer):
        return Audience.ATLAS
    if can(viewer, "interviews.view_results"):
        return Audience.READERS
    return None


def _user(viewer):
    """The user behind ``viewer``, or None for a named audience."""
    return None if viewer is None or isinstance(viewer, Audience) else viewer


# --- Query expressions (``prefix`` is the path to the interview; "" on Interview) ----------


def _at(prefix: str, field: str) -> str:
    return f"{prefix}__{field}" if prefix else field


def consent_allows_q(prefix: str = "interview", scopes=QUOTABLE) -> Q:
    """Rows whose interview's consent is given, not withdrawn and in ``scopes``."""
    return Q(
        **{
            _at(prefix, "consent__given"): True,
            _at(prefix, "consent__withdrawn_on__isnull"): True,
            _at(prefix, "consent__scope__in"): list(scopes),
        }
    )


def consent_state_q(state: str, prefix: str = "interview") -> Q:
    """The quote bank's consent filter: a scope, or "withdrawn" (withdrawn or refused)."""
    if state == "withdrawn":
        return Q(**{_at(prefix, "consent__withdrawn_on__isnull"): False}) | Q(
            **{_at(prefix, "consent__given"): False}
        )
    return consent_allows_q(prefix, [state])


def interviewer_q(user, prefix: str = "interview") -> Q:
    """Rows whose interview ``user`` took part in as an interviewer."""
    if user is None or not user.is_authenticated:
        return NOTHING
    ref = f"{prefix}_id" if prefix else "pk"
    through = Interview.interviewers.through.objects.filter(
        interview_id=OuterRef(ref), user_id=user.pk
    )
    return Q(Exists(through))


def research_q(viewer, prefix: str = "interview") -> Q:
    """Rows in ``viewer``'s research space: everything for consultants; for the Atlas team
    the interviews they held whose consent is not withdrawn."""
    audience = audience_of(viewer)
    if audience == Audience.RESEARCH:
        return Q()
    if audience != Audience.ATLAS:
        return NOTHING
    not_withdrawn = Q(**{_at(prefix, "consent__withdrawn_on__isnull"): True})
    return interviewer_q(_user(viewer), prefix) & not_withdrawn


def names_organisations(audience: Audience | None) -> bool:
    """Whether ``audience`` sees a quote by name where its consent allows it (the Atlas team
    and the plan for the city do; readers browsing the app see every quote anonymised)."""
    return audience in {Audience.ATLAS, Audience.OUTSIDE}


def named_q(viewer, prefix: str = "interview") -> Q:
    """Rows ``viewer`` sees attributed to their organisation by name."""
    if not names_organisations(audience_of(viewer)):
        return research_q(viewer, prefix)
    return consent_allows_q(prefix, [ConsentScope.NAMED]) | research_q(viewer, prefix)


def visible_q(viewer, prefix: str = "interview") -> Q:
    """Rows ``viewer`` may see in any output, by name or anonymised."""
    audience = audience_of(viewer)
    if audience in {None, Audience.RESEARCH}:
        return research_q(viewer, prefix)  # (Q() | x) would be x, not everything
    return consent_allows_q(prefix) | research_q(viewer, prefix)


# --- Per-object decisions ------------------------------------------------------------------


def is_interviewer(user, interview: Interview | None) -> bool:
    """Whether ``user`` took part in ``interview`` as an interviewer (uses a prefetch)."""
    if interview is None or user is None or not user.is_authenticated:
        return False
    cache_ = getattr(interview, "_prefetched_objects_cache", {})
    if "interviewers" in cache_:
        return any(person.pk == user.pk for person in interview.interviewers.all())
    return interview.interviewers.filter(pk=user.pk).exists()


def _consent(interview: Interview) -> Consent | None:
    return getattr(interview, "consent", None)


def in_research_space(viewer, interview: Interview) -> bool:
    audience = audience_of(viewer)
    if audience == Audience.RESEARCH:
        return True
    if audience != Audience.ATLAS or not is_interviewer(_user(viewer), interview):
        return False
    consent = _consent(interview)
    return consent is None or consent.withdrawn_on is None


def attribution_for(excerpt: Excerpt, viewer) -> Attribution:
    """How ``excerpt`` may be attributed for ``viewer`` (needs interview, consent loaded)."""
    interview = excerpt.interview
    if in_research_space(viewer, interview):
        return Attribution.FULL
    consent = _consent(interview)
    if consent is None:
        return Attribution.HIDDEN
    return consented_attribution(
        viewer, scope=consent.scope, given=consent.given, withdrawn=consent.withdrawn_on is not None
    )


def consented_attribution(viewer, *, scope: str, given: bool = True, withdrawn: bool = False):
    """How a statement under its own consent may be attributed outside the research space
    (an interview's quotes, and a validation answer's remarks): by name only where the
    consent says so and the audience names organisations, anonymised where it allows
    quotes, hidden when refused, not quotable or withdrawn. Consultants see it in full."""
    audience = audience_of(viewer)
    if audience == Audience.RESEARCH:
        return Attribution.FULL
    if audience is None or not given or withdrawn or scope not in QUOTABLE:
        return Attribution.HIDDEN
    if scope == ConsentScope.NAMED and names_organisations(audience):
        return Attribution.NAMED
    return Attribution.ANONYMOUS


def consent_label(interview: Interview) -> str:
    """What the interview's consent allows, as the research space is told beside a quote."""
    consent = _consent(interview)
    return _("ontbreekt") if consent is None else str(consent.state_label)


def may_read_raw(user, interview: Interview) -> bool:
    return can(user, "interviews.view_transcript", interview)


# --- Anonymising ---------------------------------------------------------------------------

_PARTICLES = "van|de|der|den|het|ter|ten|el|al|ben|bin|le|la|da|di|du|von|op"
_SPEAKER = re.compile(
    rf"^[ \t]*[A-ZÀ-Þ][\w'’.\-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w'’.\-]*|{_PARTICLES})){{0,4}}[ \t]*:[ \t]*",
    re.MULTILINE,
)
_PARTICLE_SET = set(_PARTICLES.split("|"))


def _word(text: str, flags=0) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", flags)


def _masks(organisation: Organisation, people: Iterable[str]) -> list[tuple[re.Pattern, str]]:
    """The organisation's name and every person's name, longest first, each with its mask."""
    masks = [(organisation.name, _("[organisatie]"), re.IGNORECASE)]
    for name in set(people):
        masks.append((name, _("[naam]"), re.IGNORECASE))
        parts = [p for p in name.split() if len(p) >= 3 and p.lower() not in _PARTICLE_SET]
        masks += [(part, _("[naam]"), 0) for part in parts]  # "Hatice" alone, as written
    masks.sort(key=lambda mask: len(mask[0]), reverse=True)
    return [(_word(text, flags), label) for text, label, flags in masks if text.strip()]


def anonymise_text(text: str, organisation: Organisation, people: Iterable[str]) -> str:
    """``text`` without speaker labels, the organisation's name or any of ``people``."""
    text = _SPEAKER.sub("", text)
    for pattern, label in _masks(organisation, people):
        text = pattern.sub(label, text)
    return text.strip()


def anonymise(text: str, interview: Interview) -> str:
    """``text`` without speaker labels and without any name the interview records."""
    organisation = interview.organisation
    people = {c.name for c in interview.interviewees.all()}
    people |= {c.name for c in organisation.contacts.all()}
    return anonymise_text(text, organisation, people)


def sector_label(organisation: Organisation, sector_sizes: dict[str, int]) -> str:
    if sector_sizes.get(organisation.sector, 0) < settings.EVIDENCE_MIN_SECTOR_SIZE:
        return _("een organisatie")
    return _("een organisatie uit de sector %(sector)s") % {
        "sector": organisation.get_sector_display().lower()
    }


def _sector_group(organisation: Organisation, sector_sizes: dict[str, int]) -> str:
    if sector_sizes.get(organisation.sector, 0) < settings.EVIDENCE_MIN_SECTOR_SIZE:
        return "sector-any"
    return f"sector-{organisation.sector}"


def sector_sizes() -> dict[str, int]:
    """How many organisations the register holds per sector (one query)."""
    rows = Organisation.objects.values_list("sector").annotate(n=Count("pk")).order_by()
    return dict(rows)


# --- Values --------------------------------------------------------------------------------


def _value(excerpt: Excerpt, attribution: Attribution, sizes: Callable[[], dict]) -> Quote:
    interview = excerpt.interview
    organisation = interview.organisation
    full = attribution == Attribution.FULL
    if attribution == Attribution.ANONYMOUS:
        text = anonymise(excerpt.text, interview)
        label, group = sector_label(organisation, sizes()), _sector_group(organisation, sizes())
    else:
        text, label, group = excerpt.text, str(organisation), f"org-{organisation.pk}"
    return Quote(
        text=text,
        attribution=attribution,
        source_label=label,
        group=group,
        themes=tuple(ThemeTag(t.pk, t.name, t.colour) for t in excerpt.themes.all()),
        stance=excerpt.stance,
        stance_label=str(excerpt.get_stance_display()),
        surprising=excerpt.surprising,
        quotable=excerpt.quotable,
        anchor=excerpt.anchor,
        anchor_label=str(excerpt.get_anchor_display()),
        consent_label=consent_label(interview) if full else "",
        memo=excerpt.memo if full else "",
        source_url=f"{excerpt.get_absolute_url()}#excerpt-{excerpt.pk}" if full else "",
    )


def visible_quote(excerpt: Excerpt, viewer) -> Quote | None:
    """The excerpt as ``viewer`` may see it, or None when it must not be shown at all."""
    found = visible_quotes([excerpt], viewer)
    return found[0] if found else None


def visible_quotes(excerpts: Iterable[Excerpt], viewer) -> list[Quote]:
    """Values for the excerpts ``viewer`` may see, in order (sector sizes read once)."""
    sizes = cache(sector_sizes)
    quotes = []
    for excerpt in excerpts:
        attribution = attribution_for(excerpt, viewer)
        if attribution != Attribution.HIDDEN:
            quotes.append(_value(excerpt, attribution, sizes))
    return quotes


def consented_quote(
    text: str,
    viewer,
    *,
    organisation: Organisation,
    people: Iterable[str] = (),
    scope: str,
    given: bool = True,
    withdrawn: bool = False,
    sizes: Callable[[], dict] | None = None,
    **shown,
) -> Quote | None:
    """A statement under its own consent (a validation answer's surprises, remarks or comment
    on an ambition) as ``viewer`` may see it, or None. ``people`` are the names masked when
    anonymised (the organisation's contacts, who answered). ``shown`` passes the value's
    other fields (themes, stance, stance_label; consent_label, memo and source_url are kept
    only in the research space)."""
    if not text.strip():
        return None
    attribution = consented_attribution(viewer, scope=scope, given=given, withdrawn=withdrawn)
    if attribution == Attribution.HIDDEN:
        return None
    sizes = sizes or cache(sector_sizes)
    if attribution == Attribution.ANONYMOUS:
        text = anonymise_text(text, organisation, people)
        label, group = sector_label(organisation, sizes()), _sector_group(organisation, sizes())
    else:
        label, group = str(organisation), f"org-{organisation.pk}"
    if attribution != Attribution.FULL:
        for research_only in ("consent_label", "memo", "source_url"):
            shown.pop(research_only, None)
    return Quote(text=text, attribution=attribution, source_label=label, group=group, **shown)


def quotes_by_pk(excerpts: Iterable[Excerpt], viewer) -> dict[int, Quote]:
    """{excerpt pk: value} for those of ``excerpts`` that ``viewer`` may see."""
    excerpts = list(excerpts)
    allowed = {e.pk: e for e in excerpts if attribution_for(e, viewer) != Attribution.HIDDEN}
    return dict(zip(allowed, visible_quotes(allowed.values(), viewer), strict=True))


# --- Querysets -----------------------------------------------------------------------------


def select_paths(prefix: str = "") -> list[str]:
    return [_at(prefix, "interview__organisation"), _at(prefix, "interview__consent")]


def prefetch_paths(prefix: str = "") -> list:
    """What building values needs beyond :func:`select_paths`, for excerpts at ``prefix``."""
    from atlasplan.models import Theme

    return [
        Prefetch(_at(prefix, "themes"), queryset=Theme.objects.order_by("name")),
        _at(prefix, "interview__interviewers"),
        _at(prefix, "interview__interviewees"),
        _at(prefix, "interview__organisation__contacts"),
    ]


def excerpt_queryset(queryset: QuerySet | None = None) -> QuerySet:
    queryset = Excerpt.objects.all() if queryset is None else queryset
    return queryset.select_related(*select_paths()).prefetch_related(*prefetch_paths())


def visible_excerpts(viewer, queryset: QuerySet | None = None) -> QuerySet:
    """The excerpts ``viewer`` may see in any output (filtering, never copying)."""
    queryset = Excerpt.objects.all() if queryset is None else queryset
    return queryset.filter(visible_q(viewer))


def quote_queryset(viewer) -> QuerySet:
    """Visible excerpts with what attribution and display need, in a constant number of queries."""
    visible = visible_excerpts(viewer, excerpt_queryset())
    audience = audience_of(viewer)
    if audience == Audience.RESEARCH:
        return visible.order_by("interview__organisation__name", "interview", "start", "pk")
    # Outside the research space a quote's place in the list must not tell its organisation:
    # sorted by name, an anonymised quote between two named ones gives away the initials.
    # Named quotes (and an interviewer's own) first by organisation, then the rest by sector.
    by_sector = ["interview__organisation__sector", "interview__held_at", "start", "pk"]
    if not names_organisations(audience):
        return visible.order_by(*by_sector)  # readers see every quote anonymised
    named = named_q(viewer)
    return visible.order_by(
        Case(When(named, then=Value(0)), default=Value(1)),
        Case(When(named, then=F("interview__organisation__name")), default=Value("")),
        *by_sector,
    )


def quotes_for(viewer, queryset: QuerySet | None = None) -> list[Quote]:
    """Every quote ``viewer`` may see (of ``queryset``, if given), as values."""
    excerpts = quote_queryset(viewer)
    if queryset is not None:
        excerpts = excerpts.filter(pk__in=queryset.values("pk"))
    return visible_quotes(excerpts, viewer)


def raw_interviews(user, queryset: QuerySet | None = None) -> QuerySet:
    """Interviews whose raw transcript and notes ``user`` may read."""
    queryset = Interview.objects.all() if queryset is None else queryset
    if is_consultant(user):
        return queryset
    if not is_staff_member(user):
        return queryset.none()
    return queryset.filter(interviewer_q(user, prefix=""))


def quote_organisations(viewer) -> QuerySet:
    """Organisations ``viewer`` may filter quotes by (only those shown by name)."""
    return Organisation.objects.filter(
        interviews__in=Interview.objects.filter(named_q(viewer, prefix=""))
    ).distinct()


def nameable_organisations(viewer) -> QuerySet:
    """Organisations whose position (summaries, cells) ``viewer`` may read by name: every
    coded interview of theirs is quotable by name to this viewer (or in their research space)."""
    coded = Interview.objects.filter(organisation=OuterRef("pk"), excerpts__isnull=False)
    allowed = Interview.objects.filter(named_q(viewer, prefix="")).values("pk")
    return Organisation.objects.filter(Exists(coded)).exclude(Exists(coded.exclude(pk__in=allowed)))


def may_name_organisation(viewer, organisation: Organisation | None) -> bool:
    audience = audience_of(viewer)
    if organisation is None or not (audience == Audience.RESEARCH or names_organisations(audience)):
        return False
    if audience == Audience.RESEARCH:
        return True
    return nameable_organisations(viewer).filter(pk=organisation.pk).exists()


def history_values(pks: Iterable, viewer) -> dict:
    """How a history page shows cited excerpts: a value, or a label when hidden or gone."""
    pks = set(pks)
    excerpts = visible_excerpts(viewer, excerpt_queryset(Excerpt.objects.filter(pk__in=pks)))
    quotes = quotes_by_pk(excerpts, viewer)
    return {pk: quotes.get(pk, _("een fragment dat u niet mag zien")) for pk in pks}
