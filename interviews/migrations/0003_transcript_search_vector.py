"""A stored Dutch search vector for transcripts, GIN-indexed on PostgreSQL only.

The column exists on every database (SQLite keeps it empty); on PostgreSQL the vector of
every existing transcript is filled in and indexed, so a search no longer builds it per
transcript at query time (as documents do, see policies 0002).
"""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models.functions import Left

INDEX = "interviews_transcript_search_gin"
MAX_INDEXED_CHARS = 300_000  # as atlasplan.search: to_tsvector refuses inputs over 1 MB


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Transcript = apps.get_model("interviews", "Transcript")
    Transcript.objects.update(
        search=SearchVector(Left("text", MAX_INDEXED_CHARS), config="dutch")
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON interviews_transcript USING gin (search)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ('interviews', '0002_guide_question_retired'),
    ]

    operations = [
        migrations.AddField(
            model_name='transcript',
            name='search',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_and_index, drop_index),
    ]
