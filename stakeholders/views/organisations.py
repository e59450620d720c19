from django.contrib import messages
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Subquery,
)
from django.db.models.deletion import ProtectedError
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.ids import parse_pk
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import can, require
from stakeholders import services
from stakeholders.filters import (
    GridFilter,
    OrganisationFilter,
)
from stakeholders.forms import (
    AssessmentForm,
    OrganisationForm,
)
from stakeholders.grid import Grid
from stakeholders.models import (
    Assessment,
    Organisation,
    Sector,
    ShortlistEntry,
)
from stakeholders.similarity import similar_names
from stakeholders.views.access import (
    CHANGE,
    CONTACTS,
    VIEW,
    choice_label,
    get_organisation_for_user,
    register_crumb,
)

# --- Organisations ------------------------------------------------------------------------

ORGANISATION_SORTS = {
    "name": "name",
    "sector": "sector_label",
    "influence": "influence_rank",
    "interest": "interest_rank",
    "updated": "updated_at",
}


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    base = Organisation.objects.with_latest_assessment().annotate(
        # Unassessed sorts as 0 on every database (PostgreSQL puts NULL first descending).
        influence_rank=Coalesce("influence", 0),
        sector_label=choice_label("sector", Sector),
        interest_rank=Coalesce("interest", 0),
        contact_count=Count("contacts", distinct=True),
        shortlist_decision=Subquery(
            ShortlistEntry.objects.filter(organisation=OuterRef("pk")).values("decision")[:1]
        ),
    )
    filterset = OrganisationFilter(request.GET, queryset=base)
    queryset, sort = sort_by(request, filterset.qs, ORGANISATION_SORTS, default="name")
    context = {
        "filterset": filterset,
        "page_obj": paginate(request, queryset),
        "sort": sort,
        "total": Organisation.objects.count(),
    }
    return render_list(request, "stakeholders/organisation_list.html", context)


@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk)
    context = {
        "organisation": organisation,
        "assessments": organisation.assessments.select_related("assessed_by"),
        "interactions": organisation.interactions.select_related("logged_by"),
        "entry": ShortlistEntry.objects.filter(organisation=organisation)
        .select_related("contact", "decided_by", "proposed_by")
        .first(),
        "contacts": organisation.contacts.all() if can(request.user, CONTACTS) else None,
    }
    return render(request, "stakeholders/organisation_detail.html", context)


@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    require(request.user, CHANGE)
    form = OrganisationForm(request.POST or None)
    if form.is_valid():
        organisation = form.save()
        messages.success(
            request, _("Organisatie “%(name)s” is toegevoegd.") % {"name": organisation}
        )
        return redirect(organisation)
    return render(request, "stakeholders/organisation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def organisation_update(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk, CHANGE)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if form.is_valid():
        form.save()
        messages.success(
            request, _("Organisatie “%(name)s” is opgeslagen.") % {"name": organisation}
        )
        return redirect(organisation)
    context = {"form": form, "organisation": organisation}
    return render(request, "stakeholders/organisation_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk, CHANGE)
    if request.method == "POST":
        try:
            services.delete_organisation(organisation)
        except ProtectedError:  # a later step (its interviews) still holds it: nothing lost
            messages.error(
                request,
                _(
                    "Organisatie “%(name)s” wordt nog gebruikt in een latere stap (bijvoorbeeld "
                    "haar interviews) en kan niet verwijderd worden."
                )
                % {"name": organisation},
            )
            return redirect(organisation)
        messages.success(
            request, _("Organisatie “%(name)s” is verwijderd.") % {"name": organisation}
        )
        return redirect("stakeholders:organisation_list")
    counts = {
        "contacts": organisation.contacts.count(),
        "assessments": organisation.assessments.count(),
        "interactions": organisation.interactions.count(),
    }
    context = {"organisation": organisation, "counts": counts}
    return render(request, "stakeholders/organisation_confirm_delete.html", context)


@require_GET
def organisation_history(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk)
    return render_history(
        request, organisation, organisation.get_absolute_url(), [register_crumb()]
    )


@require_GET
def organisation_similar(request: HttpRequest) -> HttpResponse:
    """The htmx hint under the name field: existing names close to what is being typed."""
    require(request.user, CHANGE)
    exclude_pk = parse_pk(request.GET.get("exclude"))
    names = similar_names(request.GET.get("name", ""), exclude_pk)
    return render(request, "stakeholders/organisation_similar.html", {"names": names})


@require_GET
def organisation_grid(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    assessed = Organisation.objects.with_latest_assessment().filter(influence__isnull=False)
    filterset = GridFilter(request.GET, queryset=assessed)
    organisations = list(filterset.qs.order_by("name"))
    context = {
        "filterset": filterset,
        "grid": Grid(organisations),
        "organisations": organisations,
        "unassessed": Organisation.objects.exclude(
            Exists(Assessment.objects.filter(organisation=OuterRef("pk")))
        ).count(),
    }
    return render(request, "stakeholders/organisation_grid.html", context)


# --- Assessments --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk, CHANGE)
    latest = organisation.assessments.first()
    initial = (
        {"influence": latest.influence, "interest": latest.interest, "attitude": latest.attitude}
        if latest
        else {}
    )
    form = AssessmentForm(request.POST or None, initial=initial)
    if form.is_valid():
        form.instance.organisation = organisation
        form.instance.assessed_by = request.user
        form.save()
        messages.success(
            request, _("De beoordeling van “%(name)s” is opgeslagen.") % {"name": organisation}
        )
        return redirect(organisation)
    context = {"form": form, "organisation": organisation, "latest": latest}
    return render(request, "stakeholders/assessment_form.html", context)
