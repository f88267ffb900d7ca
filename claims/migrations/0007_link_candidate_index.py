"""The link-candidate index moves out of the claim row into its own table: several keys per claim
(its dimension, and its dimension within each of its article's story entities), so claims with an
empty or wrong unit, and tolls that rose tenfold, are still found. Fills it for existing claims."""

import django.db.models.deletion
from django.db import migrations, models

COLUMNS = (
    "value", "value_low", "value_high", "qualifier", "unit", "kind", "period_start", "period_end", "places",
    "sentence", "sentence_start", "quote", "quote_start",
)  # fmt: skip


def fill_index(apps, schema_editor):
    from claims.linking.rules import ClaimFacts, blocking_keys, story_entities

    Article = apps.get_model("articles", "Article")
    Claim = apps.get_model("claims", "Claim")
    ClaimKey = apps.get_model("claims", "ClaimKey")
    ArticleStory = apps.get_model("claims", "ArticleStory")
    with_claims = Claim.objects.values("article_id").distinct()
    for article in Article.objects.filter(pk__in=with_claims).only("pk", "title", "body", "published").iterator(100):
        story = story_entities(article.title, article.body)
        ArticleStory.objects.update_or_create(article_id=article.pk, defaults={"entities": list(story)})
        rows = []
        for claim in Claim.objects.filter(article_id=article.pk).only("pk", *COLUMNS):
            facts = ClaimFacts(
                **{name: getattr(claim, name) for name in COLUMNS[:8]},
                places=tuple(claim.places or ()),
                sentence=claim.sentence,
                published=article.published,
                quote=claim.quote,
                quote_offset=claim.quote_start - claim.sentence_start,
                story=story,
            )
            rows += [
                ClaimKey(claim_id=claim.pk, article_id=article.pk, key=key.key, magnitude=key.bucket)
                for key in blocking_keys(facts)
            ]
        ClaimKey.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0002_arrival_index'),
        ('claims', '0006_dismissed_status'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleStory',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='link_story', serialize=False, to='articles.article')),
                ('entities', models.JSONField(blank=True, default=list)),
            ],
        ),
        migrations.CreateModel(
            name='ClaimKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(help_text='d:<dimension> or s:<story entity>:<dimension>', max_length=120)),
                ('magnitude', models.SmallIntegerField(help_text='floor(4·log10 of the representative value)')),
            ],
        ),
        migrations.RemoveIndex(
            model_name='claim',
            name='claim_link_block_idx',
        ),
        migrations.RemoveField(
            model_name='claim',
            name='magnitude',
        ),
        migrations.RemoveField(
            model_name='claim',
            name='unit_key',
        ),
        migrations.AddField(
            model_name='claimkey',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article'),
        ),
        migrations.AddField(
            model_name='claimkey',
            name='claim',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='link_keys', to='claims.claim'),
        ),
        migrations.AddIndex(
            model_name='claimkey',
            index=models.Index(fields=['key', 'magnitude', '-claim', 'article'], name='claimkey_block_idx'),
        ),
        migrations.RunPython(fill_index, migrations.RunPython.noop),
    ]
