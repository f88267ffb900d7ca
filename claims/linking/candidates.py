"""Which claims of other articles are worth judging against a claim: an index lookup, never a scan."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import connection

from articles.models import Article

from ..models import ArticleStory, Claim, ClaimKey
from .index import FACT_COLUMNS, facts_from
from .rules import BlockKey, ClaimFacts, blocking_keys


@dataclass(frozen=True)
class Candidate:
    """A claim of another article filed under one of the claim's keys, as the rules read it."""

    pk: int
    article_id: int
    facts: ClaimFacts


def _tables() -> dict[str, str]:
    return {
        "claims": Claim._meta.db_table,
        "keys": ClaimKey._meta.db_table,
        "articles": Article._meta.db_table,
        "stories": ArticleStory._meta.db_table,
        "columns": ", ".join(f"c.{name}" for name in FACT_COLUMNS),
    }


# PostgreSQL: one statement whatever the keys (arrays in, rows out), so nothing is compiled per call.
# For each key, each bucket of its window is an index scan of (key, magnitude, claim DESC) that
# stops after the key's per-bucket count of claims from other articles.
_POSTGRES_SQL = """
    SELECT c.id, c.article_id, {columns}, a.published, s.entities
    FROM unnest(%s::text[], %s::int[], %s::int[], %s::int[]) AS wanted(key, low, high, n)
    CROSS JOIN LATERAL generate_series(wanted.low, wanted.high) AS bucket(magnitude)
    CROSS JOIN LATERAL (
        SELECT k.claim_id FROM {keys} k
        WHERE k.key = wanted.key AND k.magnitude = bucket.magnitude AND k.article_id <> %s
        ORDER BY k.claim_id DESC
        LIMIT wanted.n
    ) found
    JOIN {claims} c ON c.id = found.claim_id
    JOIN {articles} a ON a.id = c.article_id
    LEFT JOIN {stories} s ON s.article_id = c.article_id
"""

# Elsewhere (SQLite in development and tests): the same scans as a UNION ALL of limited parts.
_PART_SQL = """
    SELECT * FROM (
        SELECT k.claim_id FROM {keys} k
        WHERE k.key = %s AND k.magnitude = %s AND k.article_id <> %s
        ORDER BY k.claim_id DESC LIMIT %s
    )
"""
_OUTER_SQL = """
    SELECT c.id, c.article_id, {columns}, a.published, s.entities
    FROM ({parts}) found
    JOIN {claims} c ON c.id = found.claim_id
    JOIN {articles} a ON a.id = c.article_id
    LEFT JOIN {stories} s ON s.article_id = c.article_id
"""


def _rows(keys: list[BlockKey], article_id: int) -> list[tuple]:
    tables = _tables()
    if connection.vendor == "postgresql":
        sql = _POSTGRES_SQL.format(**tables)
        params = [
            [key.key for key in keys],
            [key.bucket - key.window for key in keys],
            [key.bucket + key.window for key in keys],
            [key.per_bucket for key in keys],
            article_id,
        ]
    else:
        parts, params = [], []
        for key in keys:
            for bucket in range(key.bucket - key.window, key.bucket + key.window + 1):
                parts.append(_PART_SQL.format(**tables))
                params += [key.key, bucket, article_id, key.per_bucket]
        sql = _OUTER_SQL.format(parts=" UNION ALL ".join(parts), **tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def candidates(claim: Claim, facts: ClaimFacts) -> list[Candidate]:
    """Claims of other articles filed under one of `facts`' blocking keys within its window, each once.

    One query: the newest few claims of each key and value bucket (`rules.blocking_keys`), with
    their articles' publication days and stories. A claim stating no number has none.
    """
    keys = blocking_keys(facts)
    if not keys:
        return []
    found: dict[int, Candidate] = {}
    for pk, article_id, *fields, published, entities in _rows(keys, claim.article_id):
        if pk in found:
            continue
        values = dict(zip(FACT_COLUMNS, fields, strict=True))
        for name in ("places", "counted"):
            if isinstance(values[name], str):
                values[name] = json.loads(values[name])
        if isinstance(entities, str):
            entities = json.loads(entities)
        found[pk] = Candidate(pk, article_id, facts_from(values, published=published, story=entities or ()))
    return list(found.values())
