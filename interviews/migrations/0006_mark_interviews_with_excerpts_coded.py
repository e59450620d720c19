"""Interviews with coded passages get the status "gecodeerd" (coding now sets it; before,
it was set by hand and often lagged)."""

from django.db import migrations


def mark_coded(apps, schema_editor) -> None:
    Interview = apps.get_model("interviews", "Interview")
    Interview.objects.filter(excerpts__isnull=False).exclude(status="coded").update(
        status="coded"
    )


class Migration(migrations.Migration):
    dependencies = [("interviews", "0005_updated_at_for_stale_saves")]

    operations = [migrations.RunPython(mark_coded, migrations.RunPython.noop)]
