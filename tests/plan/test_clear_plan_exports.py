"""Issue 12: the plan's background-rendered PDFs do not pile up. An export's file goes with
its row; ``manage.py clear_plan_exports`` removes old, failed and abandoned exports and stray
files. Every time here is relative to the moment of the test, or a clock passed in."""

import datetime
import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from plan import exports
from plan.models import ExportState, PlanExport
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def export(age: datetime.timedelta, state: str = ExportState.READY) -> PlanExport:
    """An export asked for ``age`` ago; a ready one has its file in storage."""
    made = PlanExport.objects.create(state=state)
    if state == ExportState.READY:
        made.filename = "communicatieplan.pdf"
        made.file.save(f"{made.key}/{made.filename}", ContentFile(b"%PDF-1.7 plan"))
    PlanExport.objects.filter(pk=made.pk).update(requested_at=timezone.now() - age)
    made.refresh_from_db()
    return made


def clear_command(*args: str) -> str:
    out = StringIO()
    call_command("clear_plan_exports", *args, stdout=out)
    return out.getvalue()


def stray_file(age: datetime.timedelta) -> str:
    """A file in the exports' folder whose export row is gone, last written ``age`` ago."""
    name = default_storage.save(
        "plan-pdf/0b5e6f4e-8c1d-4f7a-9a51-6e0c1f2d3a4b/x.pdf", ContentFile(b"%PDF")
    )
    written = time.time() - age.total_seconds()
    os.utime(default_storage.path(name), (written, written))
    return name


def test_a_deleted_export_takes_its_file_and_folder_with_it(django_capture_on_commit_callbacks):
    made = export(age=datetime.timedelta(0))
    name = made.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        made.delete()
    assert not default_storage.exists(name)
    assert not os.path.exists(os.path.dirname(default_storage.path(name)))


def test_a_deletion_that_is_rolled_back_keeps_the_file(django_capture_on_commit_callbacks):
    made = export(age=datetime.timedelta(0))
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        made.delete()
        raise RuntimeError("rollback")
    assert PlanExport.objects.filter(key=made.key).exists()
    assert default_storage.exists(made.file.name)


def test_exports_past_the_retention_go_with_their_files(django_capture_on_commit_callbacks):
    old, recent = export(age=8 * DAY), export(age=6 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        out = clear_command()
    assert "1 expired PDF exports deleted" in out
    assert list(PlanExport.objects.all()) == [recent]
    assert not default_storage.exists(old.file.name)
    assert default_storage.exists(recent.file.name)


def test_the_retention_follows_the_setting_and_the_option(settings):
    settings.PLAN_EXPORT_RETENTION_DAYS = 2
    export(age=3 * DAY)
    one_day = export(age=DAY)
    clear_command()
    assert list(PlanExport.objects.all()) == [one_day]
    clear_command("--days", "0")
    assert not PlanExport.objects.exists()


def test_a_clock_passed_in_decides_what_is_old():
    """A frozen clock: the same export is kept on day 6 and removed on day 8 after it was
    asked for, whatever today's date is."""
    made = export(age=datetime.timedelta(0))
    assert exports.clear(now=made.requested_at + 6 * DAY).expired == 0
    assert PlanExport.objects.filter(pk=made.pk).exists()
    assert exports.clear(now=made.requested_at + 8 * DAY).expired == 1
    assert not PlanExport.objects.exists()


@pytest.mark.parametrize("state", [ExportState.FAILED, ExportState.WAITING, ExportState.RUNNING])
def test_an_export_not_ready_a_day_after_it_was_asked_for_goes(state):
    export(age=2 * DAY, state=state)
    young = export(age=datetime.timedelta(hours=1), state=state)
    out = clear_command()
    assert "1 failed or abandoned" in out
    assert list(PlanExport.objects.all()) == [young]


def test_the_reader_of_a_removed_export_is_told_it_is_not_there(reader):
    made = export(age=8 * DAY)
    client = client_for(reader)
    assert client.get(f"/plan/pdf/{made.key}/download/").status_code == 200
    clear_command()
    assert client.get(f"/plan/pdf/{made.key}/").status_code == 404
    assert client.get(f"/plan/pdf/{made.key}/download/").status_code == 404


def test_stray_files_go_once_old_and_an_exports_file_stays():
    kept = export(age=datetime.timedelta(0))
    old = stray_file(age=2 * DAY)
    out = clear_command()
    assert "1 stray files" in out
    assert not default_storage.exists(old)
    assert default_storage.exists(kept.file.name)
    fresh = stray_file(age=datetime.timedelta(minutes=5))  # a render may still be saving it
    clear_command()
    assert default_storage.exists(fresh)


def test_nothing_to_clear_is_said_plainly():
    assert clear_command().strip() == (
        "0 expired PDF exports deleted, 0 failed or abandoned, 0 stray files"
    )


def test_a_negative_retention_is_refused():
    with pytest.raises(CommandError, match="--days"):
        clear_command("--days", "-1")
