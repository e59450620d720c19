from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan import audit
from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list
from atlasplan.models import Theme
from atlasplan.permissions import can, require
from atlasplan.search import clean_query
from interviews import exports, positions, privacy, qdpx
from interviews.filters import QuoteFilter
from interviews.forms import (
    PositionSummaryForm,
)
from interviews.models import (
    Excerpt,
    PositionSummary,
)
from interviews.search import search_everything
from interviews.views.access import step_crumb

# --- Results: quote bank, position map, codebook report, exports, search --------------------


@require_GET
def quote_bank(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    filterset = QuoteFilter(
        request.GET, queryset=privacy.quote_queryset(request.user), user=request.user
    )
    page = paginate(request, filterset.qs)
    context = {
        "filterset": filterset,
        "page_obj": page,
        "quotes": privacy.visible_quotes(page.object_list, request.user),
        "filtered": any(v for k, v in request.GET.items() if k != "page"),
    }
    return render_list(request, "interviews/quote_bank.html", context)


@require_GET
def quote_export(request: HttpRequest, fmt: str) -> HttpResponse:
    require(request.user, "interviews.export")
    if fmt not in exports.FORMATS:
        raise Http404
    filterset = QuoteFilter(
        request.GET, queryset=privacy.quote_queryset(request.user), user=request.user
    )
    quotes = privacy.visible_quotes(filterset.qs, request.user)
    response = exports.quotes_response(quotes, fmt, request.user)
    audit.record(audit.Kind.EXPORT, request, target=f"quote bank ({fmt})")
    return response


@require_GET
def project_export(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.export_project")
    response = qdpx.qdpx_response(request.user)
    audit.record(audit.Kind.EXPORT, request, target="project (qdpx)")
    return response


@require_GET
def position_map(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    quotes = privacy.visible_quotes(privacy.quote_queryset(request.user), request.user)
    context = positions.position_map(quotes)
    nameable = set()
    if can(request.user, "interviews.view"):  # an organisation's page only where consent allows
        pks = privacy.nameable_organisations(request.user).values_list("pk", flat=True)
        nameable = {f"org-{pk}" for pk in pks}
    for row in context["rows"]:
        row["may_open"] = row["key"] in nameable
    return render(request, "interviews/position_map.html", context)


@require_http_methods(["GET", "POST"])
def position_cell(request: HttpRequest, row: str, theme_pk: int) -> HttpResponse:
    """The evidence behind one cell of the map, and (for organisations) its written summary."""
    require(request.user, "interviews.view_results")
    theme = get_object_or_404(Theme, pk=theme_pk)
    excerpts = privacy.quote_queryset(request.user).filter(themes=theme)
    quotes = [
        q for q in privacy.visible_quotes(excerpts, request.user) if positions.row_key(q) == row
    ]
    organisation = _nameable_organisation(request, row)
    summary = form = None
    if organisation is not None:
        summary = PositionSummary.objects.filter(organisation=organisation, theme=theme).first()
        if can(request.user, "interviews.change_summary"):
            instance = summary or PositionSummary(organisation=organisation, theme=theme)
            form = PositionSummaryForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form is None:
            require(request.user, "interviews.change_summary")
            raise Http404
        if form.is_valid() and _save_summary(form, request.user):
            messages.success(request, _("De samenvatting is opgeslagen."))
            return redirect(request.path)
    if not quotes and summary is None and form is None:
        raise Http404
    context = {
        "theme": theme,
        "row_label": positions.row_label(row, quotes, organisation),
        "quotes": quotes,
        "summary": summary,
        "form": form,
        "organisation": organisation,
        "row_key": row,
    }
    return render(request, "interviews/position_cell.html", context, status=form_status(form))


def _save_summary(form: PositionSummaryForm, user) -> bool:
    """Save the summary; False when someone else wrote the first summary of this cell after
    the form was read (the unique constraint catches it): the form then shows theirs."""
    summary = form.save(commit=False)
    summary.updated_by = user
    try:
        with transaction.atomic():
            summary.save()
    except IntegrityError:
        stored = PositionSummary.objects.get(
            organisation_id=summary.organisation_id, theme_id=summary.theme_id
        )
        form.instance = stored
        form.refuse_as_stale(stored)
        return False
    return True


def _nameable_organisation(request: HttpRequest, row: str):
    """The organisation of an "org-<pk>" row, if the user may read its position by name."""
    if not can(request.user, "interviews.view"):
        return None
    organisation = positions.organisation_of_row(row)
    return organisation if privacy.may_name_organisation(request.user, organisation) else None


@require_GET
def organisation_positions(request: HttpRequest, row: str) -> HttpResponse:
    """One organisation's written positions per theme, each with its visible evidence."""
    require(request.user, "interviews.view")
    organisation = _nameable_organisation(request, row)
    if organisation is None:
        raise Http404
    excerpts = privacy.quote_queryset(request.user).filter(interview__organisation=organisation)
    quotes = [
        q for q in privacy.visible_quotes(excerpts, request.user) if positions.row_key(q) == row
    ]
    summaries = {s.theme_id: s for s in organisation.position_summaries.select_related("theme")}
    by_theme: dict[int, list] = {}
    for quote in quotes:
        for theme in quote.themes:
            by_theme.setdefault(theme.pk, []).append(quote)
    themes = Theme.objects.filter(pk__in={*by_theme, *summaries}).order_by("name")
    sections = [(theme, summaries.get(theme.pk), by_theme.get(theme.pk, [])) for theme in themes]
    context = {"organisation": organisation, "row_key": row, "sections": sections}
    return render(request, "interviews/organisation_positions.html", context)


@require_GET
def summary_history(request: HttpRequest, row: str, theme_pk: int) -> HttpResponse:
    require(request.user, "interviews.view")
    organisation = _nameable_organisation(request, row)
    theme = get_object_or_404(Theme, pk=theme_pk)  # a pk lookup copes with any number
    summary = get_object_or_404(PositionSummary, organisation=organisation, theme=theme)
    back = reverse("interviews:position_cell", args=[row, theme_pk])
    parents = [step_crumb(), (reverse("interviews:position_map"), _("Standpunten in kaart"))]
    return render_history(request, summary, back, parents)


@require_GET
def codebook_report(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    visible = privacy.visible_excerpts(request.user, Excerpt.objects.all())
    counts = {
        row["themes"]: row
        for row in visible.values("themes").annotate(
            excerpts=Count("pk", distinct=True), interviews=Count("interview", distinct=True)
        )
    }
    rows = [
        (
            theme,
            depth,
            counts.get(theme.pk, {}).get("excerpts", 0),
            counts.get(theme.pk, {}).get("interviews", 0),
        )
        for theme, depth in Theme.objects.tree()
    ]
    return render(request, "interviews/codebook_report.html", {"rows": rows})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    require(request.user, "interviews.view_results")
    text = clean_query(request.GET.get("q", ""))
    results = search_everything(request.user, text) if text else None
    return render(request, "interviews/search.html", {"q": text, "results": results})
