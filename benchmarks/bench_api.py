"""How fast the API lists the review queue: GET /api/v1/claims/?status=new, a page of 50, 100,000 claims.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factdesk_bench_api python -m benchmarks.bench_api

Creates the database if missing, migrates it, fills it once (fast, with bulk inserts; runs after the
first reuse the rows), then times the request through the whole Django stack (middleware, token
authentication, permission, throttling, filter, cursor pagination, JSON) in-process. Prints the median,
the 95th percentile, the queries per request and the plan of the list query. Target: median < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from urllib.parse import urlsplit

from benchmarks.machine import describe as describe_machine

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/factdesk_bench_api"
CLAIMS_PER_ARTICLE = 50
# Roughly a desk's queue after a while: most claims never looked at, some in review, some decided.
STATUS_CYCLE = ["new"] * 6 + ["in_review"] * 2 + ["verified", "false"]


def _create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def _fill(total: int) -> None:
    import datetime
    from decimal import Decimal

    from articles.ingest import content_hash
    from articles.models import Article, Outlet
    from claims.models import Claim

    have = Claim.objects.count()
    if have >= total:
        print(f"reusing {have} claims")
        return
    started = time.perf_counter()
    outlet, _ = Outlet.objects.get_or_create(domain="aa.com.tr", defaults={"name": "Anadolu Agency"})
    sentence = "Some 2,000 people are waiting at Belarus' Bruzgi border crossing into Poland."
    n_articles = (total - have + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    first = Article.objects.count()
    articles = [
        Article(
            outlet=outlet,
            title=f"Border report {first + i}",
            body=f"{sentence}\nReport {first + i}.",
            url=f"https://www.aa.com.tr/en/bench/{first + i}",
            published=datetime.date(2021, 1, 1) + datetime.timedelta(days=(first + i) % 700),
            content_hash=content_hash(f"{sentence}\nReport {first + i}."),
            extraction_status="done",
        )
        for i in range(n_articles)
    ]
    articles = Article.objects.bulk_create(articles, batch_size=2000)
    batch: list[Claim] = []
    made = 0
    for article in articles:
        for j in range(CLAIMS_PER_ARTICLE):
            if have + made >= total:
                break
            value = Decimal(1000 + (made % 9000))
            batch.append(
                Claim(
                    article=article,
                    sentence=sentence,
                    sentence_start=0,
                    sentence_end=len(sentence),
                    quote="Some 2,000",
                    quote_start=0,
                    quote_end=10,
                    value=value,
                    value_low=value,
                    value_high=value,
                    qualifier="approx",
                    unit="people",
                    kind="count",
                    places=["Bruzgi", "Belarus", "Poland"],
                    label="Some 2,000 people · Bruzgi",
                    score=(made % 100) / 100,
                    fingerprint=f"bench-{article.pk}-{j}",
                    status=STATUS_CYCLE[made % len(STATUS_CYCLE)],
                )
            )
            made += 1
            if len(batch) >= 5000:
                Claim.objects.bulk_create(batch)
                batch = []
    if batch:
        Claim.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"created {len(articles)} articles and {made} claims in {time.perf_counter() - started:.1f} s")


def _editor_token() -> str:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from factdesk.api.tokens import create_token

    user, created = get_user_model().objects.get_or_create(username="bench-editor")
    if created:
        user.groups.add(Group.objects.get(name="Editors"))
    return create_token(user)[1]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--path", default="/api/v1/claims/?status=new")
    args = parser.parse_args(argv or [])

    url = os.environ.get("DATABASE_URL", "")
    if not (url.startswith("postgres") and "bench" in urlsplit(url).path):
        # It fills the database with 100,000 claims: never a database not named for benchmarks.
        print(f"DATABASE_URL does not name a PostgreSQL benchmark database; using {DEFAULT_DATABASE}")
        url = os.environ["DATABASE_URL"] = DEFAULT_DATABASE
    os.environ.setdefault("DEBUG", "1")  # a development key and hosts; DEBUG itself is switched off below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    _create_database(url)

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    settings.DEBUG = False  # no query log kept in memory while timing
    call_command("migrate", verbosity=0)
    _fill(args.claims)
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {_editor_token()}")

    def get():
        response = client.get(args.path)
        assert response.status_code == 200, response.content[:300]
        return response

    cache.clear()
    for _ in range(5):  # warm caches and the connection
        get()
    timings = []
    for _ in range(args.requests):
        cache.clear()  # stay clear of the throttle, which counts in the cache
        started = time.perf_counter()
        response = get()
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        get()
    rows = len(response.json()["results"])
    list_sql = next(q["sql"] for q in queries.captured_queries if 'FROM "claims_claim"' in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN ANALYZE " + list_sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(describe_machine())
    print(f"GET {args.path}: {rows} rows of {args.claims} claims, {len(queries)} queries per request")
    print(f"median {median:.1f} ms, p95 {p95:.1f} ms, min {min(timings):.1f} ms over {args.requests} requests")
    print(plan)
    return {"median_ms": median, "p95_ms": p95, "queries": len(queries), "rows": rows}


if __name__ == "__main__":
    main(sys.argv[1:])
