"""The link-candidate index: each claim filed under its blocking keys, each article under its story.

Derived data, rebuilt whenever the linker runs for an article or a claim (`claims.linking.suggest`),
so it follows re-extractions and editors' corrections without any other writer knowing of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from articles.models import Article

from ..models import ArticleStory, Claim, ClaimKey
from .rules import ClaimFacts, blocking_keys, story_entities

# The columns of a claim the rules read.
FACT_COLUMNS = (
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "kind",
    "period_start",
    "period_end",
    "places",
    "sentence",
    "sentence_start",
    "quote",
    "quote_start",
)


def facts_from(values: dict, *, published, story: Iterable[str]) -> ClaimFacts:
    """A claim as the rules see it, from its FACT_COLUMNS and its article's publication day and story."""
    places = values.get("places") or ()
    offset = None
    if values.get("quote_start") is not None and values.get("sentence_start") is not None:
        offset = values["quote_start"] - values["sentence_start"]
    return ClaimFacts(
        value=values.get("value"),
        value_low=values.get("value_low"),
        value_high=values.get("value_high"),
        qualifier=values.get("qualifier") or "exact",
        unit=values.get("unit") or "",
        kind=values.get("kind") or "count",
        period_start=values.get("period_start"),
        period_end=values.get("period_end"),
        places=tuple(places),
        sentence=values.get("sentence") or "",
        published=published,
        quote=values.get("quote") or "",
        quote_offset=offset,
        story=tuple(story),
    )


def claim_facts(claim: Claim, *, published, story: Iterable[str]) -> ClaimFacts:
    return facts_from({name: getattr(claim, name) for name in FACT_COLUMNS}, published=published, story=story)


def index_article(article: Article, claims: list[Claim]) -> tuple[str, ...]:
    """File the article's story and `claims` (its claims) under their keys, replacing what was filed."""
    story = story_entities(article.title, article.body)
    ArticleStory.objects.update_or_create(article=article, defaults={"entities": list(story)})
    _file(claims, published=article.published, story=story)
    return story


def index_claim(claim: Claim) -> ClaimFacts:
    """File one claim under its keys (after an editor corrected it); its facts as the rules read them."""
    article = claim.article
    stored = ArticleStory.objects.filter(article_id=article.pk).values_list("entities", flat=True).first()
    if stored is None:
        story = story_entities(article.title, Article.objects.values_list("body", flat=True).get(pk=article.pk))
        ArticleStory.objects.update_or_create(article_id=article.pk, defaults={"entities": list(story)})
    else:
        story = tuple(stored)
    [facts] = _file([claim], published=article.published, story=story)
    return facts


def _file(claims: list[Claim], *, published, story: tuple[str, ...]) -> list[ClaimFacts]:
    found = []
    rows = []
    for claim in claims:
        facts = claim_facts(claim, published=published, story=story)
        found.append(facts)
        rows += [
            ClaimKey(claim_id=claim.pk, article_id=claim.article_id, key=key.key, magnitude=key.bucket)
            for key in blocking_keys(facts)
        ]
    ClaimKey.objects.filter(claim_id__in=[claim.pk for claim in claims]).delete()
    ClaimKey.objects.bulk_create(rows)
    return found
