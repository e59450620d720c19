"""The background-rendered PDFs of the plan do not pile up (issue 12).

``manage.py clear_plan_exports`` (daily, e.g. from cron) calls :func:`clear`: an export is
kept ``PLAN_EXPORT_RETENTION_DAYS`` days; one that is not ready a day after it was asked for
never will be (it failed, or its worker was stopped), so it goes then. A file whose export is
gone (the row was removed while its render was still writing) goes too. Each export's file is
deleted with its row (see :func:`plan.models.export.delete_file_with_export`).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from plan.models import ExportState, PlanExport
from plan.models.export import FOLDER, delete_stored

GIVEN_UP_AFTER = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Cleared:
    expired: int  # ready exports past the retention, with their files
    given_up: int  # failed or abandoned exports
    orphans: int  # files without an export


def clear(now: datetime.datetime | None = None, days: int | None = None) -> Cleared:
    """Remove exports older than ``days`` (default ``PLAN_EXPORT_RETENTION_DAYS``), those
    not ready a day after they were asked for, and stray files, as of ``now``."""
    now = now or timezone.now()
    days = settings.PLAN_EXPORT_RETENTION_DAYS if days is None else days
    expired = Q(requested_at__lt=now - datetime.timedelta(days=days))
    given_up = ~Q(state=ExportState.READY) & Q(requested_at__lt=now - GIVEN_UP_AFTER)
    with transaction.atomic():
        expired_count = PlanExport.objects.filter(expired).count()
        _, deleted = PlanExport.objects.filter(expired | given_up).delete()
    removed = deleted.get(PlanExport._meta.label, 0)
    return Cleared(expired_count, removed - expired_count, clear_orphans(now - GIVEN_UP_AFTER))


def clear_orphans(before: datetime.datetime, storage=default_storage) -> int:
    """Delete files under ``FOLDER`` last written before ``before`` whose export is gone."""
    if not storage.exists(FOLDER):
        return 0
    folders, _files = storage.listdir(FOLDER)
    known = {str(key) for key in PlanExport.objects.values_list("key", flat=True)}
    stray = [
        f"{FOLDER}/{folder}/{name}"
        for folder in folders
        if folder not in known
        for name in storage.listdir(f"{FOLDER}/{folder}")[1]
    ]
    old = [name for name in stray if storage.get_modified_time(name) < before]
    for name in old:
        delete_stored(storage, name)
    return len(old)
