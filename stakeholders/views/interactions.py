from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import require
from stakeholders.filters import (
    InteractionFilter,
)
from stakeholders.forms import (
    InteractionForm,
)
from stakeholders.models import (
    Interaction,
)
from stakeholders.views.access import (
    CHANGE,
    VIEW,
    get_interaction_for_user,
    get_organisation_for_user,
    register_crumb,
)

# --- Interactions -------------------------------------------------------------------------

INTERACTION_SORTS = {"date": "date", "organisation": "organisation__name", "due": "follow_up_due"}


@require_GET
def interaction_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    base = Interaction.objects.select_related("organisation")
    filterset = InteractionFilter(request.GET, queryset=base)
    queryset, sort = sort_by(request, filterset.qs, INTERACTION_SORTS, default="-date")
    context = {"filterset": filterset, "page_obj": paginate(request, queryset), "sort": sort}
    return render_list(request, "stakeholders/interaction_list.html", context)


@require_http_methods(["GET", "POST"])
def interaction_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk, CHANGE)
    form = InteractionForm(request.POST or None)
    if form.is_valid():
        form.instance.organisation = organisation
        form.instance.logged_by = request.user
        form.save()
        messages.success(request, _("Het contactmoment is genoteerd."))
        return redirect(organisation)
    context = {"form": form, "organisation": organisation}
    return render(request, "stakeholders/interaction_form.html", context)


@require_http_methods(["GET", "POST"])
def interaction_update(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = get_interaction_for_user(request, pk, CHANGE)
    form = InteractionForm(request.POST or None, instance=interaction)
    if form.is_valid():
        form.save()
        messages.success(request, _("Het contactmoment is opgeslagen."))
        return redirect(interaction.organisation)
    context = {"form": form, "organisation": interaction.organisation, "interaction": interaction}
    return render(request, "stakeholders/interaction_form.html", context)


@require_POST
def interaction_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a follow-up done; htmx gets the updated row back."""
    interaction = get_interaction_for_user(request, pk, CHANGE)
    interaction.follow_up_done = True
    interaction.save(update_fields=["follow_up_done"])
    if request.htmx:
        # The pressed button goes away with the swap: the new badge takes the focus.
        context = {"interaction": interaction, "may_change": True, "just_done": True}
        return render(request, "stakeholders/interaction_list.html#row", context)
    messages.success(request, _("De opvolging is afgerond."))
    back = request.POST.get("next", "")
    local = back.startswith("/") and url_has_allowed_host_and_scheme(back, {request.get_host()})
    if not local:  # "²" is no URL either (redirect() would look it up as a view name)
        back = interaction.organisation.get_absolute_url()
    return redirect(back)


@require_http_methods(["GET", "POST"])
def interaction_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = get_interaction_for_user(request, pk, CHANGE)
    if request.method == "POST":
        interaction.delete()
        messages.success(request, _("Het contactmoment is verwijderd."))
        return redirect(interaction.organisation)
    context = {"interaction": interaction}
    return render(request, "stakeholders/interaction_confirm_delete.html", context)


@require_GET
def interaction_history(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = get_interaction_for_user(request, pk)
    organisation = interaction.organisation
    parents = [register_crumb(), (organisation.get_absolute_url(), organisation.name)]
    back = reverse("stakeholders:interaction_update", args=[pk])
    return render_history(request, interaction, back, parents)
