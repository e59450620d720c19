# An edit form refuses a save made on a stale copy: these models now record when they changed.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcontact",
            name="updated_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, editable=False, verbose_name="gewijzigd op"),
            preserve_default=False,
        ),
    ]
