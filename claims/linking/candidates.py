"""Which claims of other articles are worth judging against a claim: an index lookup, never a scan."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import connection

from ..models import Claim
from .rules import BLOCK_WINDOW, ClaimFacts

# The newest claims per value bucket that are judged; the rest of a crowded block is older news.
PER_BUCKET = 25


@dataclass(frozen=True)
class Candidate:
    """A claim of another article in the same block, as the rules read it."""

    pk: int
    article_id: int
    facts: ClaimFacts
    wording: float | None = None  # pg_trgm similarity of the sentences; None: computed in Python


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
