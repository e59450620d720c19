from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.history import render_history
from atlasplan.permissions import require
from stakeholders import services
from stakeholders.forms import (
    DecisionForm,
    ShortlistEntryForm,
    ShortlistForm,
)
from stakeholders.models import (
    Decision,
    Shortlist,
    ShortlistEntry,
)
from stakeholders.pickers import is_refresh, shown_again
from stakeholders.views.access import CHANGE, VIEW, get_entry_for_user

# --- Shortlist ----------------------------------------------------------------------------


@require_GET
def shortlist_detail(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    entries = list(
        ShortlistEntry.objects.select_related(
            "organisation", "contact", "proposed_by", "decided_by"
        )
    )
    shortlist = Shortlist.objects.first() or Shortlist()
    approved = sum(entry.decision == Decision.APPROVED for entry in entries)
    active = sum(entry.decision != Decision.REJECTED for entry in entries)
    context = {
        "entries": entries,
        "shortlist": shortlist,
        "approved": approved,
        "active": active,
        "over_target": active > shortlist.target_size,
    }
    return render(request, "stakeholders/shortlist_detail.html", context)


@require_http_methods(["GET", "POST"])
def shortlist_update(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, CHANGE)
    shortlist = Shortlist.objects.first() or Shortlist(pk=1)  # created on the first save
    form = ShortlistForm(request.POST or None, instance=shortlist)
    if form.is_valid():
        form.save()
        messages.success(request, _("Het streefaantal is opgeslagen."))
        return redirect("stakeholders:shortlist_detail")
    return render(request, "stakeholders/shortlist_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def shortlist_entry_create(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, CHANGE)
    form = ShortlistEntryForm(
        request.POST or None, initial={"organisation": request.GET.get("organisation")}
    )
    if is_refresh(request):  # another organisation chosen: its contacts, nothing saved yet
        form = shown_again(form)
        return render(request, "stakeholders/shortlist_entry_form.html", {"form": form})
    if form.is_valid():
        entry = services.propose_entry(form.instance, request.user)
        messages.success(
            request,
            _("“%(name)s” is voorgesteld voor de shortlist.") % {"name": entry.organisation},
        )
        return redirect("stakeholders:shortlist_detail")
    return render(request, "stakeholders/shortlist_entry_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def shortlist_entry_update(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request, pk, CHANGE)
    form = ShortlistEntryForm(request.POST or None, instance=entry)
    if is_refresh(request):  # another organisation chosen: its contacts, nothing saved yet
        context = {"form": shown_again(form), "entry": entry}
        return render(request, "stakeholders/shortlist_entry_form.html", context)
    if form.is_valid():
        services.reopen_entry_if_changed(entry, form.changed_data)
        form.save()
        messages.success(request, _("Het voorstel is opgeslagen."))
        return redirect("stakeholders:shortlist_detail")
    context = {"form": form, "entry": entry}
    return render(request, "stakeholders/shortlist_entry_form.html", context)


@require_POST
def shortlist_entry_move(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request, pk, CHANGE)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.move_entry(entry, offset)
    return redirect(f"{reverse('stakeholders:shortlist_detail')}#entry-{entry.pk}")


@require_http_methods(["GET", "POST"])
def shortlist_entry_decide(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request, pk, "stakeholders.approve_shortlist")
    form = DecisionForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        services.decide_entry(entry, request.user, data["decision"], data["reason"])
        messages.success(
            request,
            _("“%(name)s”: %(decision)s.")
            % {"name": entry.organisation, "decision": entry.get_decision_display().lower()},
        )
        return redirect("stakeholders:shortlist_detail")
    context = {"form": form, "entry": entry}
    return render(request, "stakeholders/shortlist_entry_decide.html", context)


@require_http_methods(["GET", "POST"])
def shortlist_entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request, pk, CHANGE)
    if request.method == "POST":
        entry.delete()
        messages.success(
            request, _("“%(name)s” is van de shortlist gehaald.") % {"name": entry.organisation}
        )
        return redirect("stakeholders:shortlist_detail")
    return render(request, "stakeholders/shortlist_entry_confirm_delete.html", {"entry": entry})


@require_GET
def shortlist_entry_history(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request, pk)
    parents = [(reverse("stakeholders:shortlist_detail"), _("Shortlist"))]
    return render_history(request, entry, reverse("stakeholders:shortlist_detail"), parents)
