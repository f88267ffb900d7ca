"""Links between claims of different articles: candidates from the index, suggestions, fact groups.

The rules that judge a pair live in `claims.linking_rules` (no Django); this module asks the
database for the few claims worth judging and stores the outcome through `claims.workflow`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import IntegrityError, connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

from . import workflow
from .linking_rules import BLOCK_WINDOW, ClaimFacts, Proposal, propose, trigram_similarity
from .models import Claim, ClaimLink

logger = logging.getLogger(__name__)

# The newest claims per value bucket that are judged; the rest of a crowded block is older news.
PER_BUCKET = 40
# At most this many suggestions per claim, best first: an editor reads them all.
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Suggestion:
    other: Claim
    proposal: Proposal


def claim_facts(claim: Claim, published=None) -> ClaimFacts:
    """A claim as the rules see it; `published` defaults to the article's (an annotation or the relation)."""
    if published is None:
        published = getattr(claim, "published", None)
        if published is None and "article" in claim._state.fields_cache:
            published = claim.article.published
    if hasattr(published, "date"):
        published = published.date()
    return ClaimFacts(
        value=claim.value,
        value_low=claim.value_low,
        value_high=claim.value_high,
        qualifier=claim.qualifier,
        unit=claim.unit,
        kind=claim.kind,
        period_start=claim.period_start,
        period_end=claim.period_end,
        places=tuple(claim.places or ()),
        sentence=claim.sentence,
        published=published,
    )


def candidates(claim: Claim) -> list[Claim]:
    """Claims of other articles in the same block: same unit key, value bucket within BLOCK_WINDOW.

    One query: per bucket the newest PER_BUCKET claims through the (unit_key, magnitude, -id) index.
    Each candidate carries `published` and, on PostgreSQL, `wording` (pg_trgm similarity of sentences).
    """
    if not claim.unit_key or claim.magnitude is None:
        return []
    base = (
        Claim.objects.filter(unit_key=claim.unit_key)
        .exclude(article_id=claim.article_id)
        .annotate(published=F("article__published"))
    )
    postgres = connection.vendor == "postgresql"
    if postgres:
        base = base.annotate(wording=TrigramSimilarity("sentence", claim.sentence))
    buckets = range(claim.magnitude - BLOCK_WINDOW, claim.magnitude + BLOCK_WINDOW + 1)
    per_bucket = [base.filter(magnitude=bucket).order_by("-id")[:PER_BUCKET] for bucket in buckets]
    if connection.features.supports_slicing_ordering_in_compound:
        return list(per_bucket[0].union(*per_bucket[1:], all=True))
    # SQLite cannot limit inside a UNION: one query per bucket, still a constant number.
    return [candidate for queryset in per_bucket for candidate in queryset]


def rank(claim: Claim, found: list[Claim], *, published=None) -> list[Suggestion]:
    """Judge each candidate against `claim`; the best MAX_SUGGESTIONS proposals, highest score first."""
    mine = claim_facts(claim, published)
    suggestions = []
    for other in found:
        wording = getattr(other, "wording", None)
        if wording is None:
            wording = trigram_similarity(claim.sentence, other.sentence)
        proposal = propose(mine, claim_facts(other), wording=wording)
        if proposal is not None:
            suggestions.append(Suggestion(other, proposal))
    suggestions.sort(key=lambda suggestion: (-suggestion.proposal.score, suggestion.other.pk))
    return suggestions[:MAX_SUGGESTIONS]


def suggest_for_claim(claim: Claim, *, published=None) -> dict[str, int]:
    """Propose and store links from `claim` to claims of other articles. Idempotent."""
    found = candidates(claim)
    suggestions = rank(claim, found, published=published)
    proposals = {suggestion.other.pk: suggestion.proposal for suggestion in suggestions}
    considered = [other.pk for other in found]
    try:
        return workflow.suggest_links(claim, proposals, considered=considered)
    except IntegrityError:
        # Another worker stored the same pair meanwhile (unique per pair and relation): read it and refresh.
        return workflow.suggest_links(claim, proposals, considered=considered)


def suggest_for_article(article_id: int) -> dict[str, int]:
    """Suggest links for every claim of an article; totals of created, refreshed and removed links."""
    totals = {"created": 0, "refreshed": 0, "removed": 0}
    claims = Claim.objects.filter(article_id=article_id).select_related("article").order_by("pk")
    for claim in claims:
        for name, count in suggest_for_claim(claim, published=claim.article.published).items():
            totals[name] += count
    logger.info("article=%s link suggestions: %s", article_id, totals)
    return totals


def fact_group(claim: Claim) -> list[Claim]:
    """`claim` and every claim joined to it by confirmed `same` links, transitively; one query.

    Ordered by id, with article and outlet selected.
    """
    claims, links = Claim._meta.db_table, ClaimLink._meta.db_table
    # The start row comes from the table so both terms have the id column's type (bigint on PostgreSQL).
    reachable = f"""
        WITH RECURSIVE fact(id) AS (
            SELECT id FROM {claims} WHERE id = %s
            UNION
            SELECT CASE WHEN link.from_claim_id = fact.id THEN link.to_claim_id ELSE link.from_claim_id END
            FROM {links} link JOIN fact ON link.from_claim_id = fact.id OR link.to_claim_id = fact.id
            WHERE link.relation = %s AND link.state = %s
        )
        SELECT id FROM fact
    """
    params = (claim.pk, ClaimLink.Relation.SAME.value, ClaimLink.State.CONFIRMED.value)
    return list(Claim.objects.filter(pk__in=RawSQL(reachable, params)).select_related("article__outlet").order_by("pk"))


def suggestions_for(claim: Claim) -> QuerySet[ClaimLink]:
    """The links an editor reviews on a claim's page: suggested ones on either side, best first."""
    return (
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim), state=ClaimLink.State.SUGGESTED)
        .select_related("from_claim__article__outlet", "to_claim__article__outlet")
        .order_by("-score", "pk")
    )
