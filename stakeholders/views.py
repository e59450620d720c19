import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    OuterRef,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.deletion import ProtectedError
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import can, require
from stakeholders import imports, services
from stakeholders.filters import (
    ContactFilter,
    GridFilter,
    InteractionFilter,
    OrganisationFilter,
)
from stakeholders.forms import (
    AssessmentForm,
    ContactForm,
    DecisionForm,
    ImportForm,
    InteractionForm,
    OrganisationForm,
    ShortlistEntryForm,
    ShortlistForm,
)
from stakeholders.grid import Grid
from stakeholders.models import (
    Assessment,
    Contact,
    Decision,
    Interaction,
    Organisation,
    Sector,
    Shortlist,
    ShortlistEntry,
)
from stakeholders.similarity import similar_names

VIEW, CHANGE = "stakeholders.view", "stakeholders.change"
CONTACTS = "stakeholders.view_contacts"


# --- Access helpers: 403 for a role that may not open the step, 404 for what is not there ---


def get_organisation_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Organisation:
    require(request.user, VIEW)
    queryset = Organisation.objects.with_latest_assessment()
    organisation = get_object_or_404(queryset, pk=pk)
    require(request.user, action, organisation)
    return organisation


def get_contact_for_user(request: HttpRequest, pk: int, action: str = CONTACTS) -> Contact:
    require(request.user, CONTACTS)
    contact = get_object_or_404(Contact.objects.select_related("organisation"), pk=pk)
    require(request.user, action, contact)
    return contact


def get_interaction_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> Interaction:
    require(request.user, VIEW)
    interaction = get_object_or_404(Interaction.objects.select_related("organisation"), pk=pk)
    require(request.user, action, interaction)
    return interaction


def get_entry_for_user(request: HttpRequest, pk: int, action: str = VIEW) -> ShortlistEntry:
    require(request.user, VIEW)
    queryset = ShortlistEntry.objects.select_related("organisation", "contact", "decided_by")
    entry = get_object_or_404(queryset, pk=pk)
    require(request.user, action, entry)
    return entry


def _history(request: HttpRequest, obj, back_url: str, parents: list) -> HttpResponse:
    return render_history(request, obj, back_url, parents)


def _register_crumb() -> tuple[str, str]:
    return (reverse("stakeholders:organisation_list"), _("Stakeholders"))


def _choice_label(field: str, choices: type[TextChoices]) -> Case:
    """The choice's label in the current language, so a list sorts as the user reads it."""
    whens = [When(**{field: value}, then=Value(str(label))) for value, label in choices.choices]
    return Case(*whens, default=Value(""), output_field=CharField())


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
        sector_label=_choice_label("sector", Sector),
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
    return render(request, "stakeholders/organisation_form.html", context)


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
    return _history(request, organisation, organisation.get_absolute_url(), [_register_crumb()])


@require_GET
def organisation_similar(request: HttpRequest) -> HttpResponse:
    """The htmx hint under the name field: existing names close to what is being typed."""
    require(request.user, CHANGE)
    exclude = request.GET.get("exclude", "")
    exclude_pk = int(exclude) if exclude.isascii() and exclude.isdigit() else None  # not "²"
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


# --- Contacts -----------------------------------------------------------------------------

CONTACT_SORTS = {"name": "name", "organisation": "organisation__name", "function": "function"}


@require_GET
def contact_list(request: HttpRequest) -> HttpResponse:
    require(request.user, CONTACTS)
    filterset = ContactFilter(request.GET, queryset=Contact.objects.select_related("organisation"))
    queryset, sort = sort_by(request, filterset.qs, CONTACT_SORTS, default="name")
    context = {"filterset": filterset, "page_obj": paginate(request, queryset), "sort": sort}
    return render_list(request, "stakeholders/contact_list.html", context)


@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request, pk, CHANGE)
    form = ContactForm(request.POST or None, organisation=organisation)
    if form.is_valid():
        contact = form.save()
        messages.success(request, _("Contactpersoon “%(name)s” is toegevoegd.") % {"name": contact})
        return redirect(organisation)
    context = {"form": form, "organisation": organisation}
    return render(request, "stakeholders/contact_form.html", context)


@require_http_methods(["GET", "POST"])
def contact_update(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request, pk, CHANGE)
    form = ContactForm(request.POST or None, instance=contact, organisation=contact.organisation)
    if form.is_valid():
        form.save()
        messages.success(request, _("Contactpersoon “%(name)s” is opgeslagen.") % {"name": contact})
        return redirect(contact.organisation)
    context = {"form": form, "organisation": contact.organisation, "contact": contact}
    return render(request, "stakeholders/contact_form.html", context)


@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request, pk, CHANGE)
    if request.method == "POST":
        services.delete_contact(contact)
        messages.success(request, _("Contactpersoon “%(name)s” is verwijderd.") % {"name": contact})
        return redirect(contact.organisation)
    return render(request, "stakeholders/contact_confirm_delete.html", {"contact": contact})


@require_GET
def contact_history(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request, pk)
    organisation = contact.organisation
    parents = [_register_crumb(), (organisation.get_absolute_url(), organisation.name)]
    return _history(request, contact, reverse("stakeholders:contact_update", args=[pk]), parents)


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
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
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
    parents = [_register_crumb(), (organisation.get_absolute_url(), organisation.name)]
    back = reverse("stakeholders:interaction_update", args=[pk])
    return _history(request, interaction, back, parents)


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
    return _history(request, entry, reverse("stakeholders:shortlist_detail"), parents)


# --- Import and export --------------------------------------------------------------------

IMPORT_SESSION_KEY = "stakeholders_import"
EXPORT_FORMATS = {"xlsx": imports.XLSX_TYPE, "csv": "text/csv; charset=utf-8"}


@require_GET
def organisation_export(request: HttpRequest, kind: str, file_format: str) -> HttpResponse:
    require(request.user, "stakeholders.export")
    if kind == "contacts":
        require(request.user, CONTACTS)
    if kind not in imports.RESOURCES or file_format not in EXPORT_FORMATS:
        raise Http404
    content = imports.export(kind, file_format)
    response = HttpResponse(content, content_type=EXPORT_FORMATS[file_format])
    filename = f"{'organisaties' if kind == 'organisations' else 'contactpersonen'}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def organisation_import(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    form = ImportForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            imports.read_dataset(content, upload.name, form.cleaned_data["kind"])
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            _forget_pending_import(request)
            extension = upload.name.rsplit(".", 1)[-1].lower()
            path = default_storage.save(
                f"stakeholder-imports/{uuid.uuid4().hex}.{extension}", ContentFile(content)
            )
            request.session[IMPORT_SESSION_KEY] = {
                "path": path,
                "name": upload.name,
                "kind": form.cleaned_data["kind"],
            }
            return redirect("stakeholders:organisation_import_preview")
    return render(request, "stakeholders/organisation_import.html", {"form": form})


def _pending_import(request: HttpRequest):
    """The uploaded file waiting for confirmation and its dataset, or (None, None)."""
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or not default_storage.exists(pending["path"]):
        return None, None
    with default_storage.open(pending["path"], "rb") as stored:
        content = stored.read()
    return pending, imports.read_dataset(content, pending["name"], pending["kind"])


def _forget_pending_import(request: HttpRequest) -> None:
    pending = request.session.pop(IMPORT_SESSION_KEY, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])


@require_GET
def organisation_import_preview(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    pending, dataset = _pending_import(request)
    if pending is None:
        messages.info(request, _("Er wacht geen import op bevestiging. Kies een bestand."))
        return redirect("stakeholders:organisation_import")
    context = {"pending": pending, "preview": imports.preview(dataset, pending["kind"])}
    return render(request, "stakeholders/organisation_import_preview.html", context)


@require_POST
def organisation_import_confirm(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    pending, dataset = _pending_import(request)
    if pending is None:
        messages.info(request, _("Er wacht geen import op bevestiging. Kies een bestand."))
        return redirect("stakeholders:organisation_import")
    outcome = imports.run_import(dataset, pending["kind"])
    if outcome.error_count:
        messages.error(request, _("Er is niets opgeslagen: sommige rijen bevatten fouten."))
        context = {"pending": pending, "preview": outcome}
        return render(request, "stakeholders/organisation_import_preview.html", context)
    _forget_pending_import(request)
    messages.success(
        request,
        _("Import voltooid: %(new)s nieuw, %(update)s bijgewerkt, %(skip)s ongewijzigd.")
        % {k: outcome.count(k) for k in ("new", "update", "skip")},
    )
    target = "contact_list" if pending["kind"] == "contacts" else "organisation_list"
    return redirect(f"stakeholders:{target}")


@require_POST
def organisation_import_cancel(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    _forget_pending_import(request)
    messages.info(request, _("De import is geannuleerd; er is niets opgeslagen."))
    return redirect("stakeholders:organisation_list")
