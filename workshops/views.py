"""Staff pages of step 4: prepare, run and read a workshop."""

import io

import segno
from django.contrib import messages
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.anonymity import min_group_size
from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import can, require
from interviews import privacy
from workshops import charts, exports, services, stats
from workshops.forms import (
    ManualCountForm,
    OutcomeForm,
    StatementForm,
    StatementPasteForm,
    WorkshopForm,
)
from workshops.models import ManualCount, Statement, Workshop


def get_workshop_for_user(
    request: HttpRequest, pk: int, action: str = "workshops.view"
) -> Workshop:
    """The workshop if the user may see it (else 404) and do ``action`` to it (else 403)."""
    require(request.user, "workshops.view")
    workshop = get_object_or_404(Workshop.objects.select_related("facilitator"), pk=pk)
    if not can(request.user, "workshops.view", workshop):
        raise Http404
    require(request.user, action, workshop)
    return workshop


def get_statement_for_user(
    request: HttpRequest, pk: int, action: str = "workshops.view"
) -> Statement:
    require(request.user, "workshops.view")
    queryset = Statement.objects.select_related("workshop", "workshop__facilitator", "theme")
    statement = get_object_or_404(queryset, pk=pk)
    if not can(request.user, "workshops.view", statement.workshop):
        raise Http404
    require(request.user, action, statement.workshop)
    return statement


# --- Workshops ---------------------------------------------------------------------------

WORKSHOP_SORTS = {"date": "date", "title": "title", "state": "state"}


@require_GET
def workshop_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "workshops.view")
    workshops = (
        Workshop.objects.visible_to(request.user)
        .select_related("facilitator")
        .annotate(
            statement_count=Count("statements", distinct=True),
            ballot_count=Count("ballots", distinct=True),
        )
    )
    workshops, sort = sort_by(request, workshops, WORKSHOP_SORTS, "-date")
    context = {"page_obj": paginate(request, workshops), "sort": sort}
    return render_list(request, "workshops/workshop_list.html", context)


@require_http_methods(["GET", "POST"])
def workshop_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "workshops.change")
    form = WorkshopForm(request.POST or None, initial={"facilitator": request.user})
    if form.is_valid():
        workshop = form.save()
        messages.success(
            request,
            _("Workshop “%(title)s” is aangemaakt. Voeg nu stellingen toe.") % {"title": workshop},
        )
        return redirect(workshop)
    return render(request, "workshops/workshop_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def workshop_update(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.change")
    form = WorkshopForm(request.POST or None, instance=workshop)
    if form.is_valid():
        form.save()
        messages.success(request, _("Workshop “%(title)s” is opgeslagen.") % {"title": workshop})
        return redirect(workshop)
    context = {"form": form, "workshop": workshop}
    return render(request, "workshops/workshop_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def workshop_delete(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.change")
    if request.method == "POST":
        title = str(workshop)
        workshop.delete()
        messages.success(request, _("Workshop “%(title)s” is verwijderd.") % {"title": title})
        return redirect("workshops:workshop_list")
    counts = workshop.statements.aggregate(
        statements=Count("pk", distinct=True), votes=Count("votes", distinct=True)
    )
    return render(
        request, "workshops/workshop_confirm_delete.html", {"workshop": workshop, **counts}
    )


@require_GET
def workshop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk)
    statements = (
        workshop.statements.select_related(
            "theme", "source_passage__document", *privacy.select_paths("source_excerpt")
        )
        .prefetch_related(*privacy.prefetch_paths("source_excerpt"))
        .annotate(vote_count=Count("votes"))
        .order_by("order", "pk")
    )
    page = paginate(request, statements, per_page=50)
    # An interview excerpt is shown only as its interview's consent allows, to this user.
    cited = [s.source_excerpt for s in page.object_list if s.source_excerpt_id]
    quotes = privacy.quotes_by_pk(cited, request.user)
    for statement in page.object_list:
        statement.source_quote = quotes.get(statement.source_excerpt_id)
    context = {
        "workshop": workshop,
        "page_obj": page,
        "ballot_count": workshop.ballots.count(),
        "vote_url": _vote_url(request, workshop),
        "short_url": request.build_absolute_uri(reverse("vote:ballot_start")),
    }
    return render_list(request, "workshops/workshop_detail.html", context)


@require_POST
def workshop_state(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    state = request.POST.get("state")
    if state not in Workshop.State.values or state == Workshop.State.PREPARING:
        messages.error(request, _("Deze status bestaat niet."))
        return redirect(workshop)
    if state == Workshop.State.OPEN and not workshop.statements.exists():
        messages.error(
            request, _("Voeg eerst stellingen toe: zonder stellingen valt er niets te stemmen.")
        )
        return redirect(workshop)
    # Closing ends the voting on every phone at once: ask first.
    closing = state == Workshop.State.CLOSED and workshop.state == Workshop.State.OPEN
    if closing and not request.POST.get("confirm"):
        return render(request, "workshops/workshop_close_confirm.html", {"workshop": workshop})
    services.set_state(workshop, state)
    if state == Workshop.State.OPEN:
        messages.success(request, _("De stemming is open. Toon de QR-code aan de deelnemers."))
    else:
        messages.success(request, _("De stemming is gesloten. Er kan niet meer gestemd worden."))
    return redirect(workshop)


@require_GET
def workshop_qr(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk)
    qr = segno.make(_vote_url(request, workshop), error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=8, xmldecl=False, dark="#000000", light="#ffffff")
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_GET
def workshop_history(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk)
    crumbs = [(reverse("workshops:workshop_list"), _("Workshops"))]
    return render_history(request, workshop, parents=crumbs)


def _vote_url(request: HttpRequest, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("vote:ballot_detail", args=[workshop.code]))


# --- Presenter screen ----------------------------------------------------------------------


@require_GET
def workshop_present(request: HttpRequest, pk: int) -> HttpResponse:
    """The projector's page: full screen, no app chrome, driven by the keyboard."""
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    return render(request, "workshops/workshop_present.html", _live_context(request, workshop))


@never_cache
@require_GET
def workshop_live(request: HttpRequest, pk: int) -> HttpResponse:
    """The part of the presenter screen that htmx polls: counts, and results once revealed."""
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    return render(request, "workshops/workshop_present.html#live", _live_context(request, workshop))


@never_cache
@require_GET
def workshop_control(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's small panel (a second window): the controls the room does not see."""
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    template = "workshops/workshop_control.html"
    if request.htmx:
        template += "#panel"
    return render(request, template, _live_context(request, workshop))


@require_POST
def workshop_navigate(request: HttpRequest, pk: int) -> HttpResponse:
    """Next, previous, reveal, hide, follow, free: from the keyboard or the panel."""
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    action = request.POST.get("action", "")
    if action in services.PRESENTER_ACTIONS:
        services.move_presenter(workshop, action)
    if request.htmx:
        return HttpResponse(status=204)
    return redirect("workshops:workshop_control", pk=workshop.pk)


@require_POST
def workshop_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.run")
    workshop.results_revealed = request.POST.get("reveal") == "1"
    statement_pk = request.POST.get("statement", "")
    if statement_pk == "all":
        workshop.presented_statement = None
    elif parse_pk(statement_pk) is not None:
        workshop.presented_statement = get_object_or_404(
            workshop.statements, pk=parse_pk(statement_pk)
        )
    workshop.save(update_fields=["results_revealed", "presented_statement", "updated_at"])
    return redirect("workshops:workshop_control", pk=workshop.pk)


def _live_context(request: HttpRequest, workshop: Workshop) -> dict:
    """What the presenter, its poll and the facilitator's panel show.

    With a statement chosen, that one statement (its place in the list, its large bars);
    without, the join screen: the QR code, the code, and every statement below it.
    """
    all_statements = list(
        workshop.statements.select_related("theme", "source_passage__document").order_by(
            "order", "pk"
        )
    )
    statements = all_statements
    current = next((s for s in all_statements if s.pk == workshop.presented_statement_id), None)
    if current:
        statements = [current]
    results = services.results(workshop, statements)
    rows = [charts.result_row(statement, results[statement.pk]) for statement in statements]
    return {
        "workshop": workshop,
        "rows": rows,
        "current": rows[0] if current else None,
        "position": all_statements.index(current) + 1 if current else 0,
        "answer_bars": charts.answer_bars(rows[0].stats.counts) if current else [],
        "all_statements": all_statements,
        "ballot_count": services.joined_count(workshop),
        "vote_url": _vote_url(request, workshop),
        "short_url": request.build_absolute_uri(reverse("vote:ballot_start")),
    }


# --- Results -------------------------------------------------------------------------------


@require_GET
def workshop_results(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk)
    statements = list(workshop.statements.select_related("theme", "source_passage__document"))
    results = services.results(workshop, statements)
    by_pk = {statement.pk: statement for statement in statements}
    consensual, divisive = stats.rank(results)
    context = {
        "workshop": workshop,
        "rows": [charts.result_row(statement, results[statement.pk]) for statement in statements],
        "consensual": [charts.result_row(by_pk[key], results[key]) for key in consensual],
        "divisive": [charts.result_row(by_pk[key], results[key]) for key in divisive],
        "answers": charts.legend(),
        "ballot_count": workshop.ballots.count(),
        "min_votes": stats.MIN_VOTES,
        "min_group_size": min_group_size(),
    }
    return render(request, "workshops/workshop_results.html", context)


@require_GET
def workshop_export(request: HttpRequest, pk: int, what: str, fmt: str) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk)
    if what not in exports.TABLES or fmt not in exports.FORMATS:
        raise Http404
    return exports.download(workshop, what, fmt)


# --- Statements ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def statement_create(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.change")
    next_order = (workshop.statements.aggregate(last=Max("order"))["last"] or 0) + 1
    form = StatementForm(request.POST or None, initial={"order": next_order})
    if form.is_valid():
        form.instance.workshop = workshop
        form.save()
        messages.success(request, _("De stelling is toegevoegd."))
        return redirect(workshop)
    return render(request, "workshops/statement_form.html", {"form": form, "workshop": workshop})


@require_http_methods(["GET", "POST"])
def statement_paste(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = get_workshop_for_user(request, pk, "workshops.change")
    form = StatementPasteForm(request.POST or None)
    if form.is_valid():
        added = services.add_statements(
            workshop, form.cleaned_data["lines"], form.cleaned_data["theme"]
        )
        messages.success(
            request,
            _("%(count)d stellingen zijn toegevoegd.") % {"count": len(added)},
        )
        return redirect(workshop)
    return render(request, "workshops/statement_paste.html", {"form": form, "workshop": workshop})


@require_http_methods(["GET", "POST"])
def statement_update(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request, pk, "workshops.change")
    form = StatementForm(request.POST or None, instance=statement)
    if form.is_valid():
        form.save()
        messages.success(request, _("De stelling is opgeslagen."))
        return redirect(statement.workshop)
    context = {"form": form, "workshop": statement.workshop, "statement": statement}
    return render(request, "workshops/statement_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def statement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request, pk, "workshops.change")
    workshop = statement.workshop
    if request.method == "POST":
        statement.delete()
        messages.success(request, _("De stelling is verwijderd."))
        return redirect(workshop)
    context = {"statement": statement, "workshop": workshop, "vote_count": statement.votes.count()}
    return render(request, "workshops/statement_confirm_delete.html", context)


@require_http_methods(["GET", "POST"])
def statement_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request, pk, "workshops.run")
    form = OutcomeForm(request.POST or None, instance=statement)
    if form.is_valid():
        form.save()
        messages.success(request, _("De uitkomst is bewaard."))
        results = reverse("workshops:workshop_results", args=[statement.workshop_id])
        return redirect(f"{results}#statement-{statement.pk}")  # back to the one just handled
    context = {"form": form, "workshop": statement.workshop, "statement": statement}
    return render(request, "workshops/statement_outcome.html", context)


@require_http_methods(["GET", "POST"])
def statement_counts(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request, pk, "workshops.run")
    current = dict(ManualCount.objects.filter(statement=statement).values_list("value", "count"))
    form = ManualCountForm(request.POST or None, initial_counts=current)
    if form.is_valid():
        services.set_manual_counts(statement, form.counts())
        messages.success(request, _("De telling is bewaard."))
        results = reverse("workshops:workshop_results", args=[statement.workshop_id])
        return redirect(f"{results}#statement-{statement.pk}")
    phone = dict(statement.votes.values_list("value").annotate(n=Count("pk")).order_by())
    context = {
        "form": form,
        "workshop": statement.workshop,
        "statement": statement,
        "phone_votes": sum(phone.values()),
    }
    return render(request, "workshops/statement_counts.html", context)


@require_GET
def statement_history(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request, pk)
    workshop = statement.workshop
    crumbs = [
        (reverse("workshops:workshop_list"), _("Workshops")),
        (workshop.get_absolute_url(), str(workshop)),
    ]
    return render_history(request, statement, parents=crumbs)
