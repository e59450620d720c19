"""Background work of the plan (django.tasks; the worker is django-tasks-db's ``db_worker``)."""

import logging

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import timezone

from plan import pdf
from plan.models import ExportState, PlanExport

logger = logging.getLogger(__name__)


def _record(key: str, **fields) -> None:
    PlanExport.objects.filter(key=key).update(**fields)


@task
def render_plan_pdf(key: str) -> str:
    """Render the plan's PDF for the export ``key`` into the default storage (so a
    deployment on S3 works the same), recording its progress as it goes."""
    _record(key, state=ExportState.RUNNING, progress=10)
    try:
        today = timezone.localdate()
        document = pdf.html(today)
        _record(key, progress=40)
        data = pdf.write_pdf(document)
        _record(key, progress=90)
        export = PlanExport.objects.get(key=key)
        export.filename = pdf.filename(today)
        export.file.save(f"{key}/{export.filename}", ContentFile(data), save=False)
        export.state, export.progress, export.finished_at = ExportState.READY, 100, timezone.now()
        export.save(update_fields=["filename", "file", "state", "progress", "finished_at"])
    except Exception:
        logger.exception("The plan's PDF %s could not be rendered", key)
        _record(key, state=ExportState.FAILED, finished_at=timezone.now())
        raise
    return export.file.name
