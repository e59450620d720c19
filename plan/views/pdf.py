"""Issue 12: the plan as a PDF for the city, for every role that reads the plan."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from atlasplan.permissions import require
from plan import pdf


@require_GET
def plan_pdf(request: HttpRequest) -> HttpResponse:
    require(request.user, "plan.export_pdf")
    today = timezone.localdate()
    response = HttpResponse(pdf.render(today), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(today)}"'
    return response
