"""Review pages under load: median server time of the queue, claim and article pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factdesk_bench_review python -m benchmarks.bench_review

Creates the database if needed, migrates it, fills it once with 100,000 claims in 10,000
articles (bulk inserts; reused on later runs), then requests each page through Django's test
Client in-process, so the figure is the server's time: routing, middleware, queries, templates.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from urllib.parse import urlsplit

from benchmarks.machine import describe as describe_machine

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/factdesk_bench_review"
ARTICLES = 10_000
CLAIMS_PER_ARTICLE = 10
TARGET_MS = 100
PLACES = ["Bruzgi", "Belarus", "Poland", "Lithuania", "Latvia", "Ukraine", "Grodno", "Minsk"]
UNITS = ["people", "troop", "settlement", "percent", "USD", "km", "refugee", "migrant"]


def _ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _setup() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("bench_review measures PostgreSQL: set DATABASE_URL=postgres://...")
    _ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False  # no query log: measure what production runs
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0, interactive=False)


def _line(a: int, j: int, rng: random.Random) -> tuple[str, str]:
    quote = f"Some {rng.randint(2, 999)},{j}00"
    place = rng.choice(PLACES)
    return quote, f"Paragraph {j} of report {a}: {quote} people were counted near {place}, officials said on Monday."


def populate(articles: int = ARTICLES, per_article: int = CLAIMS_PER_ARTICLE, seed: int = 7) -> None:
    """Fill the database with `articles` × `per_article` claims, unless it already holds them."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection, transaction

    from articles.ingest import content_hash
    from articles.models import Article, Outlet
    from claims.models import VERDICTS, Claim, ClaimEvent, ClaimLink, Status

    if Claim.objects.count() >= articles * per_article:
        return
    print(f"populating {articles} articles, {articles * per_article} claims …", file=sys.stderr)
    started = time.perf_counter()
    rng = random.Random(seed)
    User = get_user_model()
    editors = Group.objects.get(name="Editors")
    users = []
    for name in ("alice", "bob", "carol", "dan"):
        user, _ = User.objects.get_or_create(username=name)
        user.groups.add(editors)
        users.append(user)
    with transaction.atomic():
        ClaimEvent.objects.all()._raw_delete(ClaimEvent.objects.db)
        ClaimLink.objects.all().delete()
        Claim.objects.all().delete()
        Article.objects.all().delete()
        outlets = [Outlet.objects.get_or_create(domain=f"outlet{i}.example", defaults={"name": f"Outlet {i}"})[0]
                   for i in range(20)]  # fmt: skip
        statuses = [Status.NEW] * 6 + [Status.IN_REVIEW] * 2 + [Status.VERIFIED, Status.FALSE, Status.MISLEADING]
        statuses += [Status.DISMISSED]
        day = datetime.date(2021, 11, 21)
        for batch_start in range(0, articles, 1000):
            batch, lines_of = [], {}
            for a in range(batch_start, min(batch_start + 1000, articles)):
                lines = [_line(a, j, rng) for j in range(per_article)]
                body = "\n".join(sentence for _, sentence in lines)
                lines_of[a] = lines
                batch.append(Article(
                    outlet=rng.choice(outlets), title=f"Border report {a}", body=body, url=f"https://news.example/{a}",
                    published=day - datetime.timedelta(days=a % 700), content_hash=content_hash(body),
                    extraction_status="done",
                ))  # fmt: skip
            created = Article.objects.bulk_create(batch)
            claims = []
            for article, a in zip(created, lines_of, strict=True):
                offset = 0
                for j, (quote, sentence) in enumerate(lines_of[a]):
                    value = Decimal(quote.split(" ")[1].replace(",", ""))
                    start = offset + sentence.index(quote)
                    claims.append(Claim(
                        article=article, sentence=sentence, sentence_start=offset, sentence_end=offset + len(sentence),
                        quote=quote, quote_start=start, quote_end=start + len(quote), value=value, value_low=value,
                        value_high=value, qualifier="approx", unit=rng.choice(UNITS), kind="count",
                        places=[rng.choice(PLACES)], label=f"{quote} people", score=round(rng.random(), 4),
                        fingerprint=f"{a}-{j}", extracted={"unit": "people", "value": str(value)},
                        status=(status := rng.choice(statuses)), assignee=rng.choice([None, None, *users]),
                        dismiss_reason="not_a_claim" if status == Status.DISMISSED else "",
                        verdict_note="Checked against the agency's figures." if status in VERDICTS else "",
                    ))  # fmt: skip
                    offset += len(sentence) + 1
            Claim.objects.bulk_create(claims, batch_size=5000)
        events = [
            ClaimEvent(claim_id=pk, actor=rng.choice(users), kind="status", version=2,
                       before={"status": "new"}, after={"status": "in_review", "note": ""})
            for pk in Claim.objects.exclude(status=Status.NEW).values_list("pk", flat=True)
        ]  # fmt: skip
        ClaimEvent.objects.bulk_create(events, batch_size=5000)
        # Copy arrives over a month, some every hour: the day's copy and the arrival filters have work.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE articles_article SET ingested_at = now() - (id % 30) * interval '1 day'"
                " - (id % 24) * interval '1 hour'"
            )
        # One open claim in twenty is the same fact as a verified one: the queue shows it already checked.
        open_ids = list(Claim.objects.filter(status=Status.NEW).values_list("pk", flat=True)[::20])
        verified = list(Claim.objects.filter(status=Status.VERIFIED).values_list("pk", flat=True))
        links = [ClaimLink(from_claim_id=pk, to_claim_id=rng.choice(verified), relation="same", state="confirmed",
                           score=0.9) for pk in open_ids]  # fmt: skip
        ClaimLink.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
    with connection.cursor() as cursor:
        # What autovacuum does soon after a load like this: statistics, and the visibility map that lets
        # counts read an index alone. Measured without it, a freshly loaded table reads as slower than it runs.
        cursor.execute("VACUUM ANALYZE")
    print(f"populated in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _median_ms(client, urls: list[str], repeat: int) -> tuple[float, float]:
    timings = []
    for i in range(repeat):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        b"".join(response) if response.streaming else response.content
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def measure(repeat: int = 40) -> list[tuple[str, float, float]]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from articles.models import Article
    from claims.models import Claim, Status

    client = Client()
    client.force_login(get_user_model().objects.get(username="alice"))
    rng = random.Random(11)
    last_claim = Claim.objects.order_by("-pk").values_list("pk", flat=True).first()
    last_article = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    claim_ids = list(Claim.objects.filter(pk__gt=last_claim - 90_000).values_list("pk", flat=True)[:5000])
    article_ids = list(Article.objects.filter(pk__gt=last_article - 9_000).values_list("pk", flat=True)[:2000])
    pages = {
        "queue /review/ (open claims, first page)": ["/review/"],
        "queue, 3rd page": ["/review/?page=3"],
        "queue, every status": ["/review/?" + "&".join(f"status={status}" for status in Status.values)],
        "queue, filtered status=new&unit=people": ["/review/?status=new&unit=people"],
        "queue, unit=refugees (any form, synonyms)": ["/review/?unit=refugees"],
        "queue, place=bruzgi (any form)": ["/review/?place=bruzgi"],
        "queue, search q=Bruzgi (words and headlines)": ["/review/?q=Bruzgi"],
        "queue, search q=2,100 (a number, however written)": ["/review/?q=2%2C100"],
        "queue, assignee=mine": ["/review/?assignee=mine"],
        "queue, newest first": ["/review/?sort=newest"],
        "queue, arrived today": ["/review/?arrived=today"],
        "claim page /claims/<id>/": [f"/claims/{pk}/" for pk in rng.sample(claim_ids, 40)],
        "claim page, opened from the queue": [f"/claims/{pk}/?queue=" for pk in rng.sample(claim_ids, 40)],
        "article page /articles/<id>/": [f"/articles/{pk}/" for pk in rng.sample(article_ids, 40)],
        "articles /articles/ (the day's copy)": ["/articles/"],
        "articles, with open claims, last 24 hours": ["/articles/?progress=open&arrived=24h"],
        "desk /": ["/"],
    }
    results = []
    for name, urls in pages.items():
        _median_ms(client, urls, 3)  # warm caches and connections
        median, p95 = _median_ms(client, urls, repeat)
        results.append((name, median, p95))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=40, help="requests per page (default 40)")
    args = parser.parse_args(argv)
    _setup()
    populate()
    from django.db import connection

    from claims.models import Claim

    print(f"{datetime.date.today()} · {describe_machine()}")
    print(f"PostgreSQL {connection.cursor().connection.info.server_version} · {Claim.objects.count()} claims")
    print("| page | median ms | p95 ms | under 100 ms |\n|---|---:|---:|---|")
    for name, median, p95 in measure(args.repeat):
        print(f"| {name} | {median:.1f} | {p95:.1f} | {'yes' if median < TARGET_MS else 'NO'} |")


if __name__ == "__main__":
    main()
