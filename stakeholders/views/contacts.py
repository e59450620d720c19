from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atlasplan.concurrency import form_status
from atlasplan.history import render_history
from atlasplan.lists import paginate, render_list, sort_by
from atlasplan.permissions import require
from stakeholders import erasure, services
from stakeholders.filters import (
    ContactFilter,
)
from stakeholders.forms import (
    ContactForm,
    ForgetContactForm,
)
from stakeholders.models import (
    Contact,
)
from stakeholders.views.access import (
    CHANGE,
    CONTACTS,
    get_contact_for_user,
    get_organisation_for_user,
    register_crumb,
)

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
    return render(request, "stakeholders/contact_form.html", context, status=form_status(form))


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
    parents = [register_crumb(), (organisation.get_absolute_url(), organisation.name)]
    return render_history(
        request, contact, reverse("stakeholders:contact_update", args=[pk]), parents
    )


# --- A person's requests: everything held about them, and being forgotten -----------------


@require_GET
def contact_export(request: HttpRequest, pk: int) -> JsonResponse:
    contact = get_contact_for_user(request, pk, "stakeholders.export_person")
    data = erasure.export_contact(contact)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="contactpersoon-{contact.pk}.json"'
    return response


@require_http_methods(["GET", "POST"])
def contact_forget(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request, pk, "stakeholders.forget_person")
    form = ForgetContactForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        erasure.forget_contact(contact)
        messages.success(
            request,
            _(
                "De persoonsgegevens zijn gewist: overal staat nu “%(pseudonym)s”. Interviews, "
                "fragmenten en antwoorden blijven bruikbaar voor het onderzoek."
            )
            % {"pseudonym": erasure.pseudonym(contact)},
        )
        return redirect(contact.organisation)
    context = {"form": form, "contact": contact}
    status = 400 if form.is_bound else 200
    return render(request, "stakeholders/contact_confirm_forget.html", context, status=status)
