# An edit form refuses a save made on a stale copy: these models now record when they changed.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interviews", "0004_transcript_text_stored_once_per_version")]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalinterview",
            name="updated_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, editable=False, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="interviewguide",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalinterviewguide",
            name="updated_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, editable=False, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
    ]
