"""The link-candidate index: each claim filed under its blocking keys, each article under its story.

Derived data, rebuilt whenever the linker runs for an article or a claim (`claims.linking.suggest`),
so it follows re-extractions and editors' corrections without any other writer knowing of it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from articles.models import Article

from ..models import ArticleStory, Claim, ClaimKey
from .rules import ClaimFacts, blocking_keys, story_entities

logger = logging.getLogger(__name__)

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
    "counted",
    "attribution",
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
        counted_words=tuple(values.get("counted") or ()),
        source=values.get("attribution") or "",
    )


def claim_facts(claim: Claim, *, published, story: Iterable[str]) -> ClaimFacts:
    return facts_from({name: getattr(claim, name) for name in FACT_COLUMNS}, published=published, story=story)


def file_story(article: Article) -> tuple[str, ...]:
    """Read and keep the names the article's story goes by; done where the body is read anyway (at
    extraction), so the linker never reads a body."""
    story = story_entities(article.title, article.body)
    ArticleStory.objects.update_or_create(article_id=article.pk, defaults={"entities": list(story)})
    return story


def story_of(article: Article) -> tuple[str, ...]:
    """The article's story as filed; read from its body (once) when it was never filed."""
    stored = ArticleStory.objects.filter(article_id=article.pk).values_list("entities", flat=True).first()
    if stored is not None:
        return tuple(stored)
    body = Article.objects.values_list("body", flat=True).get(pk=article.pk)
    story = story_entities(article.title, body)
    ArticleStory.objects.update_or_create(article_id=article.pk, defaults={"entities": list(story)})
    return story


def index_article(article: Article, claims: list[Claim]) -> tuple[str, ...]:
    """File `claims` (the article's claims) under their keys, replacing what was filed; the story used."""
    story = story_of(article)
    _file(claims, published=article.published, story=story)
    return story


def index_claim(claim: Claim) -> ClaimFacts:
    """File one claim under its keys (after an editor corrected it); its facts as the rules read them."""
    [facts] = _file([claim], published=claim.article.published, story=story_of(claim.article))
    return facts


def _file(claims: list[Claim], *, published, story: tuple[str, ...]) -> list[ClaimFacts]:
    found = []
    rows = []
    for claim in claims:
        try:
            facts = claim_facts(claim, published=published, story=story)
        except Exception:
            if len(claims) == 1:
                raise  # one claim filed alone (an editor's correction): its caller reports it
            # A claim whose facts cannot be read is left out of the index; the article's others are filed.
            logger.exception("claim=%s left out of the candidate index: its facts cannot be read", claim.pk)
            continue
        found.append(facts)
        rows += [
            ClaimKey(claim_id=claim.pk, article_id=claim.article_id, key=key.key, magnitude=key.bucket)
            for key in blocking_keys(facts)
        ]
    ClaimKey.objects.filter(claim_id__in=[claim.pk for claim in claims]).delete()
    ClaimKey.objects.bulk_create(rows)
    return found
