"""Links between claims of different articles: candidates from the index, suggestions, fact groups.

The rules that judge a pair live in `claims.linking_rules` (no Django); this module asks the
database for the few claims worth judging and stores the outcome through `claims.workflow`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.db import IntegrityError, connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from . import workflow
from .linking_rules import BLOCK_WINDOW, ClaimFacts, Proposal, propose, trigram_similarity
from .models import Claim, ClaimLink

logger = logging.getLogger(__name__)

# The newest claims per value bucket that are judged; the rest of a crowded block is older news.
PER_BUCKET = 25
# At most this many suggestions per claim, best first: an editor reads them all.
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Candidate:
    """A claim of another article in the same block, as the rules read it."""

    pk: int
    article_id: int
    facts: ClaimFacts
    wording: float | None = None  # pg_trgm similarity of the sentences; None: computed in Python


@dataclass(frozen=True)
class Suggestion:
    other: Candidate
    proposal: Proposal


_FACT_COLUMNS = (
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
)


def claim_facts(claim: Claim, published=None) -> ClaimFacts:
    """A claim as the rules see it; `published` defaults to its article's."""
    if published is None and "article" in claim._state.fields_cache:
        published = claim.article.published
    return ClaimFacts(
        **{name: getattr(claim, name) for name in _FACT_COLUMNS if name != "places"},
        places=tuple(claim.places or ()),
        published=published,
    )


def _postgres_candidates(claim: Claim) -> list[Candidate]:
    # Per bucket an index scan of (unit_key, magnitude, -id) that stops after PER_BUCKET rows; the SQL
    # is a constant, so nothing is compiled per call. Similarity is computed for those rows only.
    claims, articles = Claim._meta.db_table, Claim._meta.get_field("article").related_model._meta.db_table
    columns = ", ".join(f"c.{name}" for name in _FACT_COLUMNS)
    sql = f"""
        SELECT c.id, c.article_id, {columns}, a.published, similarity(c.sentence, %s)
        FROM generate_series(%s::int, %s::int) AS bucket(magnitude)
        CROSS JOIN LATERAL (
            SELECT * FROM {claims} inner_claim
            WHERE inner_claim.unit_key = %s AND inner_claim.magnitude = bucket.magnitude
              AND inner_claim.article_id <> %s
            ORDER BY inner_claim.id DESC
            LIMIT %s
        ) c
        JOIN {articles} a ON a.id = c.article_id
    """
    params = [
        claim.sentence,
        claim.magnitude - BLOCK_WINDOW,
        claim.magnitude + BLOCK_WINDOW,
        claim.unit_key,
        claim.article_id,
        PER_BUCKET,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = []
    for pk, article_id, *fields, published, wording in rows:
        values = dict(zip(_FACT_COLUMNS, fields, strict=True))
        places = values.pop("places")
        if isinstance(places, str):
            places = json.loads(places)
        facts = ClaimFacts(**values, places=tuple(places or ()), published=published)
        found.append(Candidate(pk, article_id, facts, wording))
    return found


def candidates(claim: Claim) -> list[Candidate]:
    """Claims of other articles in the same block: same unit key, value bucket within BLOCK_WINDOW.

    One query on PostgreSQL (the newest PER_BUCKET claims of each bucket through the
    (unit_key, magnitude, -id) index, with the pg_trgm similarity of their sentences to this one);
    one per bucket on SQLite, which cannot limit inside a union.
    """
    if not claim.unit_key or claim.magnitude is None:
        return []
    if connection.vendor == "postgresql":
        return _postgres_candidates(claim)
    base = (
        Claim.objects.filter(unit_key=claim.unit_key)
        .exclude(article_id=claim.article_id)
        .select_related("article")
        .only("pk", "article_id", "article__published", *_FACT_COLUMNS)
    )
    buckets = range(claim.magnitude - BLOCK_WINDOW, claim.magnitude + BLOCK_WINDOW + 1)
    return [
        Candidate(other.pk, other.article_id, claim_facts(other))
        for bucket in buckets
        for other in base.filter(magnitude=bucket).order_by("-id")[:PER_BUCKET]
    ]


def rank(claim: Claim, found: list[Candidate], *, published=None) -> list[Suggestion]:
    """Judge each candidate against `claim`; the best MAX_SUGGESTIONS proposals, highest score first."""
    mine = claim_facts(claim, published)
    suggestions = []
    for other in found:
        wording = other.wording
        if wording is None:
            wording = trigram_similarity(claim.sentence, other.facts.sentence)
        proposal = propose(mine, other.facts, wording=wording)
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
