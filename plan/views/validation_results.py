"""Step 6's results: endorsement per ambition, surprises by theme, objections and what was
decided about each, and the round's exports.

Staff (consultants, the Atlas team) see everything through the evidence boundary; readers
see only the anonymised figures (see :mod:`plan.endorsement`), no answer's text.
"""

from django.contrib import messages
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan import audit
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list
from atlasplan.models import Theme
from atlasplan.permissions import can, require
from plan import decisions, endorsement, validation_exports
from plan import validation_quotes as vq
from plan.models import (
    AmbitionFeedback,
    ObjectionDecision,
    ValidationResponse,
    ValidationRound,
)
from plan.views.vision import visible_versions


def url_or_none(name: str, *args) -> str | None:
    """A page of the round that may not exist in every deployment of this step yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def get_round_for_user(
    request: HttpRequest, pk: int, action: str = "validation.view"
) -> ValidationRound:
    """The round if the user may see step 6 (else 403) and do ``action`` to it (else 403);
    404 when there is no such round."""
    require(request.user, "validation.view")
    round = get_object_or_404(ValidationRound.objects.select_related("version"), pk=pk)
    require(request.user, action, round)
    # Readers read the vastgestelde vision only: a round on a version they may not read
    # (its ambitions, in the figures' headings) is no page for them.
    if not visible_versions(request.user).filter(pk=round.version_id).exists():
        raise Http404
    return round


def _round_context(round: ValidationRound) -> dict:
    counts = endorsement.round_counts(ValidationRound.objects.filter(pk=round.pk))[round.pk]
    return {
        "round": round,
        "counts": counts,
        "undecided_label": endorsement.undecided_phrase(counts["undecided"]),
        "round_url": url_or_none("plan:validation_detail", round.pk),
        "rounds_url": url_or_none("plan:validation_list"),
    }


# --- Objections with their answer's texts --------------------------------------------------


def objection_rows(feedback, viewer, sizes) -> list[dict]:
    return [
        {
            "feedback": item,
            "source": vq.source_label(item.response, viewer, sizes),
            "comment": vq.comment_quote(item, viewer, sizes),
            "commented": bool(item.comment.strip()),
            "decision": getattr(item, "decision", None),
        }
        for item in feedback
    ]


SURPRISES_PER_THEME = 3  # on the results page; the rest on the surprises page


def visible_surprises(round: ValidationRound, viewer) -> QuerySet:
    """The answers of ``round`` with surprises that ``viewer`` may read (no prefetch)."""
    responses = ValidationResponse.objects.filter(invitee__round=round).exclude(surprises="")
    return responses.filter(vq.visible_q(viewer))


def _first_per_theme(surprises: QuerySet, viewer) -> list[tuple[int | None, int]]:
    """(theme pk or None, answer pk) for the first answers of each theme, in page order, in
    two queries whatever the number of themes or answers."""
    through = ValidationResponse.surprise_themes.through
    order = [F(f"validationresponse__{vq.organisation_order(viewer)}"), F("validationresponse")]
    ranked = (
        through.objects.filter(validationresponse__in=surprises.values("pk"))
        .annotate(rank=Window(RowNumber(), partition_by=F("theme_id"), order_by=order))
        .filter(rank__lte=SURPRISES_PER_THEME)
        .order_by("theme_id", "rank")
        .values_list("theme_id", "validationresponse_id")
    )
    plain = vq.ordered(surprises.filter(surprise_themes__isnull=True), viewer)
    plain = plain.values_list("pk", flat=True)[:SURPRISES_PER_THEME]
    return [*ranked, *((None, pk) for pk in plain)]


def surprise_groups(round: ValidationRound, viewer, sizes) -> list[dict]:
    """The surprises the viewer may read, grouped by theme ("zonder thema" last), each with
    its count (in SQL) and its first few quotes; an answer with two themes counts under both."""
    surprises = visible_surprises(round, viewer)
    counts = dict(
        surprises.values_list("surprise_themes").annotate(n=Count("pk", distinct=True)).order_by()
    )
    firsts = _first_per_theme(surprises, viewer)
    loaded = vq.responses_queryset(round, viewer).filter(pk__in={pk for _t, pk in firsts})
    loaded = {response.pk: response for response in loaded}
    themes = {t.pk: t for t in Theme.objects.filter(pk__in=[k for k in counts if k])}
    groups = {
        key: {
            "label": themes[key].name if key else _("Zonder thema"),
            "theme": themes.get(key),
            "count": count,
            "quotes": [],
            "url": _surprises_url(round, key),
        }
        for key, count in counts.items()
    }
    for key, pk in firsts:
        value = vq.surprises_quote(loaded[pk], viewer, sizes)
        if value is not None:
            groups[key]["quotes"].append(value)
    return sorted(groups.values(), key=lambda g: (g["theme"] is None, g["label"].lower()))


def _surprises_url(round: ValidationRound, theme_pk: int | None) -> str:
    base = reverse("plan:validation_surprises", args=[round.pk])
    return f"{base}?theme={theme_pk or NO_THEME}"


NO_THEME = "geen"


# --- Pages ---------------------------------------------------------------------------------


@require_GET
def validation_results(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_round_for_user(request, pk)
    ambitions = list(round.version.ambitions.all())
    figures = endorsement.ambition_figures(ambitions, request.user, round)
    staff = can(request.user, "validation.change", round)
    context = {
        **_round_context(round),
        "rows": [{"ambition": a, "figures": figures[a.pk]} for a in ambitions],
        "overall": endorsement.overall_figures(round, request.user),
        "staff": staff,
    }
    if staff:  # readers receive the figures only, never an answer's text
        sizes = vq.sizes_once()
        context["surprise_groups"] = surprise_groups(round, request.user, sizes)
        objections = vq.feedback_queryset(round, request.user, objections_only=True)
        page = paginate(request, objections)
        context["page_obj"] = page
        context["objections"] = objection_rows(page.object_list, request.user, sizes)
    return render(request, "plan/validation/results.html", context)


@require_GET
def validation_surprises(request: HttpRequest, pk: int) -> HttpResponse:
    """Every surprise the viewer may read, of one theme (``?theme=<pk>`` or ``geen``) or
    all, a page at a time."""
    round = get_round_for_user(request, pk, "validation.change")
    responses = vq.responses_queryset(round, request.user).filter(
        pk__in=visible_surprises(round, request.user).values("pk")
    )
    chosen = request.GET.get("theme", "")
    theme = None
    if chosen == NO_THEME:
        responses = responses.filter(surprise_themes__isnull=True)
    elif chosen:
        theme = get_object_or_404(Theme, pk=parse_pk(chosen) or 0)
        responses = responses.filter(surprise_themes=theme)
    page = paginate(request, responses)
    sizes = vq.sizes_once()
    quotes = [vq.surprises_quote(r, request.user, sizes) for r in page.object_list]
    context = {
        **_round_context(round),
        "page_obj": page,
        "quotes": [value for value in quotes if value is not None],
        "theme": theme,
        "without_theme": chosen == NO_THEME,
    }
    return render_list(request, "plan/validation/surprises.html", context)


OPEN, DECIDED = "open", "beslist"


def filter_objections(request: HttpRequest, feedback: QuerySet) -> tuple[QuerySet, dict]:
    """The objections of one ambition (``?ambition=<pk>``) and/or decision state
    (``?state=open`` or ``beslist``), with the choice in effect."""
    ambition = parse_pk(request.GET.get("ambition"))
    state = request.GET.get("state", "")
    if ambition:
        feedback = feedback.filter(ambition_id=ambition)
    if state in {OPEN, DECIDED}:
        feedback = feedback.filter(decision__isnull=state == OPEN)
    return feedback, {"ambition": ambition, "state": state if state in {OPEN, DECIDED} else ""}


@require_GET
def validation_objections(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_round_for_user(request, pk, "validation.change")
    feedback = vq.feedback_queryset(round, request.user, objections_only=True)
    feedback, chosen = filter_objections(request, feedback)
    page = paginate(request, feedback)
    context = {
        **_round_context(round),
        "page_obj": page,
        "objections": objection_rows(page.object_list, request.user, vq.sizes_once()),
        "ambitions": round.version.ambitions.order_by("position", "pk"),
        "chosen": chosen,
        "states": [(OPEN, _("nog zonder beslissing")), (DECIDED, _("beslist"))],
    }
    return render_list(request, "plan/validation/objections.html", context)


@require_http_methods(["GET", "POST"])
def objection_decide(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "validation.view")
    queryset = AmbitionFeedback.objects.select_related(
        "ambition", "response__invitee__round__version", *vq.paths("response__", vq.RESPONSE_SELECT)
    ).prefetch_related(*vq.paths("response__", vq.RESPONSE_PREFETCH))
    feedback = get_object_or_404(queryset, pk=pk)
    round = feedback.response.invitee.round
    require(request.user, "validation.change", round)
    back = reverse("plan:validation_objections", args=[round.pk])
    if not feedback.is_objection:
        messages.error(
            request, _("Dit antwoord onderschrijft de ambitie: er is niets te beslissen.")
        )
        return redirect(back)
    item = objection_rows([feedback], request.user, vq.sizes_once())[0]
    decision = item["decision"] or ObjectionDecision(feedback=feedback)
    form = decisions.DecisionForm(request.POST or None, instance=decision, feedback=feedback)
    if form.is_valid():
        decisions.record(form, request.user)
        messages.success(
            request,
            _("De beslissing over het bezwaar op “%(ambition)s” is opgeslagen.")
            % {"ambition": feedback.ambition},
        )
        return redirect(back)
    context = {
        **_round_context(round),
        "form": form,
        "item": item,
        "has_later_version": form.fields["version"].queryset.exists(),
    }
    return render(request, "plan/validation/decision_form.html", context)


@require_GET
def objection_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who decided what about one objection, and every change since."""
    require(request.user, "validation.view")
    queryset = ObjectionDecision.objects.select_related("feedback__response__invitee__round")
    decision = get_object_or_404(queryset, feedback_id=pk)
    round = decision.feedback.response.invitee.round
    require(request.user, "validation.change", round)
    back = reverse("plan:validation_objections", args=[round.pk])
    crumbs = [(back, _("Bezwaren"))]
    return render_history(request, decision, back_url=back, parents=crumbs)


@require_GET
def validation_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    # Readers receive figures, not answers: the export holds answers per organisation.
    round = get_round_for_user(request, pk, "validation.change")
    if fmt not in validation_exports.FORMATS:
        raise Http404
    response = validation_exports.download(round, request.user, fmt)
    audit.record(audit.Kind.EXPORT, request, target=f"validation round {round.pk} ({fmt})")
    return response
