"""PostgreSQL only: the full-text index for claim search and pg_trgm for wording similarity.

SQLite has neither; there the search falls back to substring matching.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

SEARCH_INDEX = GinIndex(SearchVector("sentence", "label", config="english"), name="claim_search_idx")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.add_index(apps.get_model("claims", "Claim"), SEARCH_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("claims", "Claim"), SEARCH_INDEX)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_editor_and_viewer_groups")]
    operations = [migrations.RunPython(forwards, backwards)]
