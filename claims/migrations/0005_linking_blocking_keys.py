"""Blocking keys for link suggestions: canonical unit and value bucket, indexed together.

Numbered 0006 because 0004 and 0005 are being written on other branches; the chain is fixed at merge.
"""

from django.db import migrations, models

def backfill(apps, schema_editor):
    """Filled these columns once; 0006 replaced them with claims_claimkey and fills that instead."""


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_queue_rank_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="magnitude",
            field=models.SmallIntegerField(
                blank=True, help_text="floor(4·log10 of the representative value)", null=True
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="unit_key",
            field=models.CharField(
                blank=True, default="", help_text="Canonical unit: synonyms share one", max_length=64
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["unit_key", "magnitude", "-id"], name="claim_link_block_idx"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
