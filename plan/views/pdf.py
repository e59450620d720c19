"""Issue 12: the plan as a PDF for the city, for every role that reads the plan.

A small plan is rendered while the reader waits; a large one (see
``PLAN_PDF_BACKGROUND_STEPS`` and ``PLAN_PDF_BACKGROUND_OBJECTIVES``) goes to the background
worker, and the reader follows its progress on a page that offers the download when ready."""

from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.utils import timezone
from django.views.decorators.http import require_GET

from atlasplan import audit
from atlasplan.permissions import require
from plan import pdf
from plan.models import ExportState, PlanExport
from plan.tasks import render_plan_pdf


@require_GET
def plan_pdf(request: HttpRequest) -> HttpResponse:
    require(request.user, "plan.export_pdf")
    if pdf.is_large():
        export = PlanExport.objects.create(requested_by=request.user)
        result = render_plan_pdf.enqueue(str(export.key))
        PlanExport.objects.filter(pk=export.pk).update(task_id=result.id)
        audit.record(audit.Kind.EXPORT, request, target=f"plan PDF (queued {export.key})")
        return redirect("plan:pdf_export", key=export.key)
    today = timezone.localdate()
    response = HttpResponse(pdf.render(today), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(today)}"'
    audit.record(audit.Kind.EXPORT, request, target="plan PDF")
    return response


def get_export_for_user(request: HttpRequest, key: UUID) -> PlanExport:
    """The export ``key``, for users who may read the plan (403 for the others)."""
    require(request.user, "plan.export_pdf")
    export = get_object_or_404(PlanExport, key=key)
    if not export.done and worker_gave_up(export):
        export.state = ExportState.FAILED
        PlanExport.objects.filter(pk=export.pk).update(state=ExportState.FAILED)
    return export


def worker_gave_up(export: PlanExport) -> bool:
    """True when the task failed outside the render itself (e.g. the worker stopped it)."""
    if not export.task_id:
        return False
    try:
        status = render_plan_pdf.get_result(export.task_id).status
    except TaskResultDoesNotExist:
        return False
    return status == TaskResultStatus.FAILED


@require_GET
def plan_pdf_export(request: HttpRequest, key: UUID) -> HttpResponse:
    export = get_export_for_user(request, key)
    template = "plan/pdf/export.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"export": export})


@require_GET
def plan_pdf_download(request: HttpRequest, key: UUID) -> FileResponse:
    export = get_export_for_user(request, key)
    if export.state != ExportState.READY or not export.file:
        raise Http404
    audit.record(audit.Kind.EXPORT, request, target=f"plan PDF ({export.key})")
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type="application/pdf",
    )
