"""Blocking keys for link suggestions: canonical unit and value bucket, indexed together.

Numbered 0006 because 0004 and 0005 are being written on other branches; the chain is fixed at merge.
"""

from django.db import migrations, models

BATCH = 2000


def backfill(apps, schema_editor):
    from claims.linking.rules import ClaimFacts, blocking_key

    Claim = apps.get_model("claims", "Claim")
    fields = ("value", "value_low", "value_high", "qualifier", "unit", "kind")
    batch = []
    for claim in Claim.objects.only("pk", *fields).iterator(chunk_size=BATCH):
        facts = ClaimFacts(**{name: getattr(claim, name) for name in fields})
        claim.unit_key, claim.magnitude = blocking_key(facts)
        batch.append(claim)
        if len(batch) >= BATCH:
            Claim.objects.bulk_update(batch, ["unit_key", "magnitude"])
            batch = []
    Claim.objects.bulk_update(batch, ["unit_key", "magnitude"])


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
