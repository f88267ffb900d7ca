"""A claim's places are a list of names: validated on the model (and by the database, 0018).

Rows stored before that may hold any JSON (`5` broke the claim list, the export and the linker): each
is cleaned first, keeping its names (a bare string becomes a list of it, anything else is dropped), with
a version bump, an `extract` event (no person made the change) and its entry in the change feed.
"""

from django.db import migrations, models
from django.utils import timezone

import claims.models

MAX_PLACES, MAX_PLACE_LENGTH = 50, 200  # as claims.models says at this migration


def _names(value):
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    names = [item.strip() for item in items if isinstance(item, str) and item.strip()]
    return [name for name in names if len(name) <= MAX_PLACE_LENGTH][:MAX_PLACES]


def _valid(value):
    return isinstance(value, list) and _names(value) == value


def clean_places(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    ClaimEvent = apps.get_model("claims", "ClaimEvent")
    FeedEvent = apps.get_model("feed", "Event")
    rows = Claim.objects.all()
    if schema_editor.connection.vendor == "postgresql":  # the database finds them; elsewhere, every row is read
        rows = rows.exclude(claims.models.IsListOfStrings("places"))
    bad = [
        (pk, article_id, version, places)
        for pk, article_id, version, places in rows.values_list("pk", "article_id", "version", "places").iterator()
        if not _valid(places)
    ]
    now = timezone.now()
    for pk, article_id, version, places in bad:
        names = _names(places)
        Claim.objects.filter(pk=pk).update(places=names, version=version + 1, updated_at=now)
        event = ClaimEvent.objects.create(
            claim_id=pk, actor=None, kind="extract", version=version + 1, before={"places": places}, after={"places": names}
        )
        FeedEvent.objects.create(
            type="claim.extracted",
            claim_id=pk,
            article_id=article_id,
            actor=None,
            actor_name="extractor",
            version=version + 1,
            fields=["places"],
            before={"places": places},
            after={"places": names},
            history_id=event.pk,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_published_precision_and_languages"),
        ("claims", "0016_score_parts"),
        ("feed", "0002_webhooks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="claim",
            name="places",
            field=models.JSONField(blank=True, default=list, validators=[claims.models.validate_places]),
        ),
        migrations.RunPython(clean_places, migrations.RunPython.noop, elidable=True),
    ]
