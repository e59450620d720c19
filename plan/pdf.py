"""The plan as a PDF for the city (issue 12): the context, the HTML and WeasyPrint.

The document leaves the research space, so every quote passes the evidence boundary as
:attr:`Audience.OUTSIDE` and every endorsement figure is the anonymised one a reader sees.
WeasyPrint fetches nothing but the project's own static files (:class:`StaticFetcher`).
"""

import datetime
import gc
import mimetypes
from collections import defaultdict
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

import pydyf
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from atlasplan.evidence import Audience
from interviews import privacy
from interviews.models import ConsentScope, Excerpt, Interview
from plan import course_check, endorsement, method, timeline, validation_quotes
from plan.follow_up import follow_up
from plan.models import (
    AmbitionFeedback,
    Objective,
    PlanSection,
    PlanText,
    Step,
    StepPartner,
    TargetGroup,
    ValidationRound,
    VisionState,
    VisionVersion,
)
from plan.terms import Term
from policies.models import Passage, PolicyDocument
from workshops.models import Statement, Workshop
from workshops.services import results

OUTSIDE = Audience.OUTSIDE
# Endorsement figures as a reader sees them: no staff rights, so the small-group rule applies.
READER_LIKE = AnonymousUser()


BASE_URL = "https://atlasplan.invalid/"  # a host no one has: relative URLs resolve here


class FetchRefused(ValueError):
    """WeasyPrint asked for something that is not one of the project's static files."""


def static_path(url: str) -> str | None:
    """The file behind ``BASE_URL/static/...``, found by the staticfiles finders, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        return None
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not parts.path.startswith(prefix):
        return None
    relative = unquote(parts.path[len(prefix) :])
    if ".." in relative.split("/") or relative.startswith("/"):
        return None
    return finders.find(relative)


class StaticFetcher(URLFetcher):
    """Serves the project's static files to WeasyPrint and refuses everything else (no
    network, no ``file://``): an image a user linked in a text is simply left out."""

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = static_path(url)
        if path is None:
            raise FetchRefused(url)
        with open(path, "rb") as handle:
            body = handle.read()
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": kind})


# --- What the document shows -------------------------------------------------------------


def vision_version() -> VisionVersion | None:
    """The latest vastgestelde version, else the latest version."""
    versions = VisionVersion.objects.order_by("-number")
    return versions.filter(state=VisionState.ADOPTED).first() or versions.first()


def ambitions(version: VisionVersion | None) -> list:
    if version is None:
        return []
    excerpts = privacy.excerpt_queryset(Excerpt.objects.order_by("pk"))
    found = list(
        version.ambitions.select_related("origin__version").prefetch_related(
            Prefetch("excerpts", queryset=excerpts),
            Prefetch("passages", queryset=Passage.objects.select_related("document")),
            Prefetch("statements", queryset=Statement.objects.order_by("pk")),
        )
    )
    cited = {e.pk: e for a in found for e in a.excerpts.all()}
    quotes = privacy.quotes_by_pk(cited.values(), OUTSIDE)
    figures = endorsement.ambition_figures(found, READER_LIKE)
    # An ambition not validated itself shows how its earlier wording was received.
    unvalidated = [a for a in found if a.origin and not figures[a.pk].total.total]
    earlier = endorsement.ambition_figures([a.origin for a in unvalidated], READER_LIKE)
    for ambition in found:
        ambition.quotes = [quotes[e.pk] for e in ambition.excerpts.all() if e.pk in quotes]
        ambition.endorsement = figures[ambition.pk]
        ambition.earlier_endorsement = earlier.get(ambition.origin_id)
    comments = validation_comments([*found, *(a.origin for a in unvalidated)])
    for ambition in found:
        ambition.comments = comments.get(ambition.pk) or comments.get(ambition.origin_id, [])
    return found


def validation_comments(ambitions: list) -> dict[int, list]:
    """{ambition pk: the validation round's comments on it}, each as the city may read it
    (by name, anonymised, or left out: the answer's own consent and withdrawal decide)."""
    feedback = (
        AmbitionFeedback.objects.filter(ambition__in=ambitions)
        .exclude(comment="")
        .select_related(*validation_quotes.paths("response__", validation_quotes.RESPONSE_SELECT))
        .prefetch_related(
            *validation_quotes.paths("response__", validation_quotes.RESPONSE_PREFETCH)
        )
    )
    feedback = validation_quotes.ordered(feedback, OUTSIDE, "response__")
    sizes = validation_quotes.sizes_once()
    found: dict[int, list] = defaultdict(list)
    for item in feedback:
        if quote := validation_quotes.comment_quote(item, OUTSIDE, sizes):
            found[item.ambition_id].append(quote)
    return found


def validation_round(version: VisionVersion | None) -> ValidationRound | None:
    """The latest validation round on the shown version or on an earlier one."""
    if version is None:
        return None
    rounds = ValidationRound.objects.filter(version__number__lte=version.number)
    return rounds.select_related("version").order_by("-version__number", "-opens_on", "-pk").first()


def surprises(round: ValidationRound | None) -> list:
    """ "Waar zaten de verrassingen?": the round's surprises, each as the city may read it
    (by name, anonymised, or left out: the answer's own consent and withdrawal decide)."""
    if round is None:
        return []
    responses = validation_quotes.responses_queryset(round, OUTSIDE).exclude(surprises="")
    sizes = validation_quotes.sizes_once()
    found = (validation_quotes.surprises_quote(r, OUTSIDE, sizes) for r in responses)
    return [quote for quote in found if quote is not None]


def target_groups() -> list[TargetGroup]:
    objectives = Objective.objects.prefetch_related("measurements").order_by("position", "pk")
    groups = TargetGroup.objects.prefetch_related(Prefetch("objectives", queryset=objectives))
    found = list(groups)
    for group in found:
        for objective in group.objectives.all():
            objective.result = follow_up(objective)
    return found


def steps_by_term() -> list[tuple[str, list[Step]]]:
    steps = Step.objects.select_related("owner_user").prefetch_related(
        Prefetch("step_partners", queryset=StepPartner.objects.select_related("organisation"))
    )
    by_term: dict[str, list[Step]] = defaultdict(list)
    for step in steps.order_by("start", "pk"):
        by_term[step.term].append(step)
    labels = dict(Term.choices)
    order = [*Term.values, ""]
    return [
        (labels.get(term, _("zonder termijn")), by_term[term]) for term in order if by_term[term]
    ]


def partners() -> list[StepPartner]:
    return list(
        StepPartner.objects.select_related("organisation", "step").order_by(
            "organisation__name", "step__title"
        )
    )


def consulted() -> tuple[list[str], int]:
    """Organisations interviewed that may be named outside (consent "bij naam", not
    withdrawn), and how many others took part without being named."""
    interviews = Interview.objects.filter(status__in=method.DONE).select_related(
        "organisation", "consent"
    )
    named, others = set(), set()
    for interview in interviews:
        consent = getattr(interview, "consent", None)
        if (
            consent is not None
            and consent.given
            and consent.withdrawn_on is None
            and consent.scope == ConsentScope.NAMED
        ):
            named.add(interview.organisation.name)
        else:
            others.add(interview.organisation_id)
    others -= {i.organisation_id for i in interviews if i.organisation.name in named}
    return sorted(named), len(others)


def workshops() -> list[Workshop]:
    found = list(
        Workshop.objects.prefetch_related(
            Prefetch("statements", queryset=Statement.objects.order_by("order", "pk"))
        ).order_by("pk")
    )
    for workshop in found:
        statements = list(workshop.statements.all())
        stats = results(workshop, statements)
        for statement in statements:
            statement.stats = stats[statement.pk]
        workshop.statement_list = statements
    return found


def plan_texts() -> dict[str, str]:
    return {text.key: text.text for text in PlanText.objects.all()}


def chapters() -> list[tuple[str, str]]:
    """(anchor, title) of every chapter, for the table of contents."""
    return [
        ("samenvatting", _("Samenvatting")),
        ("aanpak", _("Aanpak")),
        ("visie", _("Visie en ambities")),
        ("doelgroepen", _("Doelgroepen")),
        ("doelstellingen", _("Doelstellingen per doelgroep")),
        ("stappenplan", _("Stappenplan")),
        ("partners", _("Partners")),
        ("opvolging", _("Opvolging")),
        ("bijlage-stakeholders", _("Bijlage A. Geraadpleegde stakeholders")),
        ("bijlage-beleid", _("Bijlage B. Beleidskaders")),
        ("bijlage-stellingen", _("Bijlage C. Stellingen uit de workshops")),
        ("bijlage-koerscontrole", _("Bijlage D. Koerscontrole")),
    ]


def is_large() -> bool:
    """True when the plan is large enough to render in the background (settings
    ``PLAN_PDF_BACKGROUND_STEPS`` and ``PLAN_PDF_BACKGROUND_OBJECTIVES``)."""
    return (
        Step.objects.count() >= settings.PLAN_PDF_BACKGROUND_STEPS
        or Objective.objects.count() >= settings.PLAN_PDF_BACKGROUND_OBJECTIVES
    )


def context(today: datetime.date | None = None) -> dict:
    version = vision_version()
    rules = course_check.check(limit=0)  # the PDF shows the counts
    texts = plan_texts()
    named, unnamed = consulted()
    round = validation_round(version)
    return {
        "today": today or timezone.localdate(),
        "organisation_name": settings.PLAN_ORGANISATION_NAME,
        "logo": settings.PLAN_LOGO,
        "author": settings.PLAN_ORGANISATION_NAME,
        "version": version,
        "chapters": chapters(),
        "draft": version is None or version.state != VisionState.ADOPTED,
        "ambitions": ambitions(version),
        "round": round,
        "surprises": surprises(round),
        "introduction": texts.get(PlanSection.INTRODUCTION, ""),
        "context_text": texts.get(PlanSection.CONTEXT, ""),
        "summary": texts.get(PlanSection.SUMMARY, ""),
        "method": method.method_section(),
        "target_groups": target_groups(),
        "terms": steps_by_term(),
        "timeline": timeline.build(timeline.GROUP_TERM),
        "partners": partners(),
        "consulted": named,
        "unnamed": unnamed,
        "documents": PolicyDocument.objects.order_by("organisation", "year", "title"),
        "workshops": workshops(),
        "rules": rules,
        "rules_summary": course_check.summary(rules),
    }


def html(today: datetime.date | None = None) -> str:
    """The document's HTML, in Dutch whatever the requester's language: it goes to the city
    as one document (``lang="nl"``)."""
    with translation.override("nl"):
        return render_to_string("plan/pdf/document.html", context(today))


def render(today: datetime.date | None = None) -> bytes:
    """The plan as PDF/UA-1 bytes."""
    return write_pdf(html(today))


def write_pdf(document: str) -> bytes:
    """WeasyPrint with the static-only fetcher, as tagged PDF/UA-1 (with the /Scope of
    every table header cell, see :func:`scope_table_headers`)."""
    with collector_paused():
        html_document = HTML(string=document, base_url=BASE_URL, url_fetcher=StaticFetcher())
        return html_document.write_pdf(finisher=scope_table_headers, **WRITE_OPTIONS)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused for one render. WeasyPrint builds hundreds
    of thousands of objects that all live until the PDF is written, so each collection
    walks them for nothing: pausing it saves 8-20 % of the render's CPU (bench/pdf.py) for
    about 10 MB more at the peak. The garbage is collected once, afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


WRITE_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def scope_table_headers(document, pdf: pydyf.PDF) -> None:
    """Give every /TH structure element its /Scope, which PDF/UA-1 (7.5) asks for and
    WeasyPrint 70 does not write: /Row for a header that a data cell of its own row names
    in its /Headers (WeasyPrint lists a ``<th scope="row">`` there), else /Column.

    A WeasyPrint ``finisher``: it edits the structure tree before the file is written."""
    elements = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and "S" in o]
    row_headers = set()
    for cell in elements:
        if cell["S"] == "/TD" and isinstance(attributes := cell.get("A"), pydyf.Dictionary):
            row_headers.update((cell["P"], h.string) for h in attributes.get("Headers", ()))
    for cell in elements:
        if cell["S"] != "/TH":
            continue
        key = (cell["P"], cell["ID"].string) if "ID" in cell else None
        scope = "/Row" if key in row_headers else "/Column"
        cell.setdefault("A", pydyf.Dictionary({"O": "/Table"}))["Scope"] = scope


def filename(today: datetime.date | None = None) -> str:
    return f"communicatieplan-atlas-{(today or timezone.localdate()).isoformat()}.pdf"
