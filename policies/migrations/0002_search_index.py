"""A GIN index on the stored search vector, on PostgreSQL only.

The vector column exists on every database (SQLite keeps it empty); the index is what makes
ranked Dutch full-text search fast on PostgreSQL, and SQLite has no GIN indexes.
"""

from django.db import migrations

INDEX = "policies_policydocument_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON policies_policydocument USING gin (search)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
