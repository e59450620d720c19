"""Step 6's results: endorsement per ambition, surprises by theme, objections and what was
decided about each, and the round's exports.

Staff (consultants, the Atlas team) see everything through the evidence boundary; readers
see only the anonymised figures (see :mod:`plan.endorsement`), no answer's text.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list
from atlasplan.permissions import can, require
from plan import decisions, endorsement, validation_exports
from plan import validation_quotes as vq
from plan.models import AmbitionFeedback, ObjectionDecision, ValidationRound
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


def surprise_groups(round: ValidationRound, viewer, sizes) -> list[dict]:
    """The surprises the viewer may read, grouped by theme ("zonder thema" last); an answer
    with two themes appears under both."""
    responses = vq.responses_queryset(round, viewer).exclude(surprises="")
    groups: dict[object, dict] = {}
    for response in responses:
        value = vq.surprises_quote(response, viewer, sizes)
        if value is None:
            continue
        themes = sorted(response.surprise_themes.all(), key=lambda t: t.name.lower())
        for theme in themes or [None]:
            key = theme.pk if theme else None
            label = theme.name if theme else _("Zonder thema")
            groups.setdefault(key, {"label": label, "theme": theme, "quotes": []})
            groups[key]["quotes"].append(value)
    return sorted(groups.values(), key=lambda g: (g["theme"] is None, g["label"].lower()))


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
        context["objections"] = objection_rows(objections, request.user, sizes)
    return render(request, "plan/validation/results.html", context)


@require_GET
def validation_objections(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_round_for_user(request, pk, "validation.change")
    page = paginate(request, vq.feedback_queryset(round, request.user, objections_only=True))
    context = {
        **_round_context(round),
        "page_obj": page,
        "objections": objection_rows(page.object_list, request.user, vq.sizes_once()),
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
    return validation_exports.download(round, request.user, fmt)
