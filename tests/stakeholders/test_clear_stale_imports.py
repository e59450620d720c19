import os
import time
from io import StringIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command


def test_stale_import_files_are_deleted_and_recent_ones_kept(media_root):
    old = default_storage.save("stakeholder-imports/old.csv", ContentFile(b"naam\nX\n"))
    new = default_storage.save("stakeholder-imports/new.csv", ContentFile(b"naam\nY\n"))
    two_days_ago = time.time() - 48 * 3600
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
    out = StringIO()
    call_command("clear_stale_imports", stdout=out)
    assert not default_storage.exists(old)
    assert default_storage.exists(new)
    assert "1 stale import files deleted" in out.getvalue()
