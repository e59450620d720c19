from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atlasplan import audit
from atlasplan.permissions import require
from stakeholders import imports
from stakeholders.forms import (
    ImportForm,
)
from stakeholders.views.access import CONTACTS, VIEW

# --- Import and export --------------------------------------------------------------------

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
    audit.record(audit.Kind.EXPORT, request, target=f"stakeholders: {kind} ({file_format})")
    return response


@require_http_methods(["GET", "POST"])
def organisation_import(request: HttpRequest) -> HttpResponse:
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    form = ImportForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        try:
            imports.stage(request.session, form.cleaned_data["file"], form.cleaned_data["kind"])
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("stakeholders:organisation_import_preview")
    return render(request, "stakeholders/organisation_import.html", {"form": form})


def _pending_import(request: HttpRequest):
    """The import waiting for confirmation, or a redirect to the upload with a message."""
    require(request.user, VIEW)
    require(request.user, "stakeholders.import")
    pending, dataset = imports.pending(request.session)
    if pending is None:
        messages.info(request, _("Er wacht geen import op bevestiging. Kies een bestand."))
        return None, None, redirect("stakeholders:organisation_import")
    return pending, dataset, None


@require_GET
def organisation_import_preview(request: HttpRequest) -> HttpResponse:
    pending, dataset, back = _pending_import(request)
    if back:
        return back
    context = {"pending": pending, "preview": imports.preview(dataset, pending["kind"])}
    return render(request, "stakeholders/organisation_import_preview.html", context)


@require_POST
def organisation_import_confirm(request: HttpRequest) -> HttpResponse:
    pending, dataset, back = _pending_import(request)
    if back:
        return back
    outcome = imports.run_import(dataset, pending["kind"])
    if outcome.error_count:
        messages.error(request, _("Er is niets opgeslagen: sommige rijen bevatten fouten."))
        context = {"pending": pending, "preview": outcome}
        return render(request, "stakeholders/organisation_import_preview.html", context)
    imports.forget(request.session)
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
    imports.forget(request.session)
    messages.info(request, _("De import is geannuleerd; er is niets opgeslagen."))
    return redirect("stakeholders:organisation_list")
