"""PostgreSQL only: the full-text index on headlines, so a claim search finds claims by their article's title.

SQLite has no full-text index; there the search falls back to substring matching.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

TITLE_INDEX = GinIndex(SearchVector("title", config="english"), name="article_title_search_idx")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), TITLE_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), TITLE_INDEX)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_arrival_index")]
    operations = [migrations.RunPython(forwards, backwards)]
