"""How long proposing links for one new claim takes as the claim table grows (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factdesk_bench_linking python -m benchmarks.bench_linking

Fills the database (created and migrated if missing) with generated claims in varied units,
values, qualifiers, places, periods and wording, in articles grouped into stories of five (each
article's story names: its story's own name, two places shared across the archive and one of a
wider pool), bulk-loaded with COPY together with their candidate-index rows, up to 10k, 100k and
1,000,000 claims. At each size it times `claims.linking.suggest.suggest_for_claim` for a new claim
in a new article (filing it in the index, the candidate query, judging, storing the suggestions),
each in a transaction rolled back afterwards so every probe sees the same table. Half the probes
restate a random stored claim in another article of the same story, in other words and rounding:
the share of those found among the candidates shows that the index still finds a story's claims
when the archive is large. Prints one line per size; `--sizes` and `--probes` change the run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import random
import statistics
import sys
import time

from benchmarks.bench_api import _create_database
from benchmarks.machine import describe as describe_machine
from claims.linking.rules import ClaimFacts, blocking_keys  # pure Python: no Django needed yet

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/factdesk_bench_linking"
SIZES = (10_000, 100_000, 1_000_000)
CLAIMS_PER_ARTICLE = 8

# (unit, kind, log10 of the smallest and largest usual value, weight): a newsroom's mix, long tail below.
UNITS = [
    ("people", "count", 1, 7, 20),
    ("refugees", "count", 2, 7, 4),
    ("migrants", "count", 1, 6, 3),
    ("troops", "count", 2, 6, 3),
    ("soldiers", "count", 1, 5, 1),
    ("deaths", "count", 0, 5, 3),
    ("children", "count", 0, 6, 2),
    ("percent", "percent", 0, 2, 10),
    ("USD", "money", 3, 11, 6),
    ("EUR", "money", 3, 11, 3),
    ("RUB", "money", 4, 12, 2),
    ("GBP", "money", 3, 10, 1),
    ("km", "measure", 0, 4, 3),
    ("tonne", "measure", 1, 8, 2),
    ("week", "duration", 0, 2, 1),
    ("day", "duration", 0, 3, 2),
    ("year", "duration", 0, 2, 2),
    ("homes", "count", 1, 6, 2),
    ("settlements", "count", 0, 4, 1),
    ("vehicles", "count", 0, 5, 1),
    ("cases", "count", 1, 8, 3),
    ("votes", "count", 3, 8, 2),
    ("jobs", "count", 2, 7, 2),
    ("barrels", "measure", 3, 8, 1),
    ("hectares", "measure", 1, 7, 1),
    ("tanks", "count", 0, 4, 1),
    ("doses", "count", 4, 9, 2),
]
TAIL_UNITS = [(f"item{n}", "count", 0, 6, 0.05) for n in range(200)]
QUALIFIERS = [
    ("exact", 40),
    ("approx", 20),
    ("more_than", 15),
    ("less_than", 4),
    ("at_least", 5),
    ("at_most", 5),
    ("range", 5),
    ("vague", 6),
]
COUNTRIES = (
    "Belarus Poland Lithuania Latvia Estonia Ukraine Russia Germany France Italy Spain Portugal Greece Turkey Syria "
    "Iraq Iran Israel Lebanon Jordan Egypt Libya Tunisia Algeria Morocco Sudan Ethiopia Kenya Nigeria Ghana Mali "
    "Niger Chad Somalia Yemen Afghanistan Pakistan India Bangladesh China Japan Korea Vietnam Thailand Myanmar "
    "Indonesia Philippines Australia Brazil Argentina Chile Peru Colombia Venezuela Mexico Canada Armenia Azerbaijan "
    "Georgia Moldova Romania Hungary Serbia Croatia Austria Sweden Norway Finland Denmark Netherlands Belgium"
).split()
CITIES = (
    "Minsk Warsaw Vilnius Riga Kyiv Moscow Berlin Paris Rome Madrid Lisbon Athens Ankara Damascus Baghdad Tehran "
    "Beirut Cairo Tripoli Khartoum Nairobi Lagos Kabul Karachi Delhi Dhaka Beijing Tokyo Seoul Jakarta Manila Sydney "
    "Brasilia Lima Bogota Caracas Ottawa Yerevan Baku Tbilisi Bucharest Budapest Belgrade Vienna Stockholm Oslo "
    "Helsinki Copenhagen Amsterdam Brussels Bruzgi Kuznica Lviv Kharkiv Odesa Mariupol Aleppo Mosul Gaza Sochi"
).split()
PLACES = COUNTRIES + CITIES
SUBJECTS = [
    "officials said",
    "according to the ministry",
    "the agency reported",
    "data published on Monday show",
    "a spokesperson confirmed",
    "the report estimates",
    "local authorities said",
    "the UN said",
]
VERBS = [
    "were counted",
    "have arrived",
    "were registered",
    "are waiting",
    "were reported",
    "have been recorded",
    "were spent",
    "were lost",
    "were delivered",
    "have crossed",
]
QUALIFIER_WORDS = {
    "exact": "",
    "approx": "some ",
    "more_than": "more than ",
    "less_than": "fewer than ",
    "at_least": "at least ",
    "at_most": "up to ",
}


def _round(value: float, rng: random.Random) -> float:
    digits = 2 if rng.random() < 0.7 else rng.choice((1, 3, 4))
    exponent = math.floor(math.log10(value)) - digits + 1
    return max(1.0, round(value, -exponent))


def generate_claim(rng: random.Random, units: list, weights: list) -> dict:
    unit, kind, low_exp, high_exp, _ = rng.choices(units, weights)[0]
    qualifier = rng.choices([q for q, _ in QUALIFIERS], [w for _, w in QUALIFIERS])[0]
    value = _round(10 ** rng.uniform(low_exp, high_exp), rng)
    low = high = value
    if qualifier in {"more_than", "at_least"}:
        high = None
    elif qualifier in {"less_than", "at_most"}:
        low = None
    elif qualifier == "range":
        low, high, value = value, max(value, _round(value * rng.uniform(1.2, 3), rng)), None
    elif qualifier == "vague":
        scale = 10 ** math.floor(math.log10(value))
        low, high, value = 2 * scale, 10 * scale - 1, None
    places = rng.sample(PLACES, rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0])
    period_start = period_end = None
    roll = rng.random()
    year = rng.randint(2010, 2025)
    if roll < 0.25:
        period_start, period_end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    elif roll < 0.4:
        month = rng.randint(1, 12)
        period_start = datetime.date(year, month, 1)
        period_end = (period_start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    elif roll < 0.5:
        period_start = period_end = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    if value is not None:
        quote = f"{QUALIFIER_WORDS[qualifier]}{value:,.0f}"
    else:
        quote = f"between {low:,.0f} and {high:,.0f}"
    where = f" in {' and '.join(places)}" if places else ""
    when = f" in {period_start.year}" if period_start else ""
    sentence = f"{quote.capitalize()} {unit} {rng.choice(VERBS)}{where}{when}, {rng.choice(SUBJECTS)}."
    return {
        "sentence": sentence,
        "quote": quote,
        "value": value,
        "value_low": low,
        "value_high": high,
        "qualifier": qualifier,
        "unit": unit,
        "kind": kind,
        "period_start": period_start,
        "period_end": period_end,
        "places": places,
    }


CLAIM_COLUMNS = (
    "article_id sentence sentence_start sentence_end quote quote_start quote_end value value_low value_high "
    "qualifier unit kind time_text period_start period_end places attribution label score fingerprint extracted "
    "extractor_version orphaned status verdict_note edited_by_editor version created_at updated_at"
).split()
ARTICLES_PER_STORY = 5
WIDER_POOL = [f"Name{n}" for n in range(2000)]


def story_of(story: int) -> list[str]:
    """A story's names as `rules.story_entities` would read them: its own, two common places, one rarer."""
    rng = random.Random(story)
    return [f"story{story}", *(place.casefold() for place in rng.sample(PLACES, 2)), rng.choice(WIDER_POOL).casefold()]


def facts_of(claim: dict, *, published, story) -> ClaimFacts:
    return ClaimFacts(
        **{name: claim[name] for name in ("value", "value_low", "value_high", "qualifier", "unit", "kind")},
        period_start=claim["period_start"],
        period_end=claim["period_end"],
        places=tuple(claim["places"]),
        sentence=claim["sentence"],
        published=published,
        quote=claim["quote"],
        quote_offset=0,
        story=tuple(story),
    )


ARTICLE_COLUMNS = (
    "title body url published language content_hash ingested_at extraction_status extraction_error extractor_version"
).split()


# What to write in a NOT NULL column the benchmark does not fill itself (one added since it was written).
FILLERS = {
    "character varying": "",
    "text": "",
    "jsonb": "[]",
    "boolean": False,
    "smallint": 0,
    "integer": 0,
    "bigint": 0,
    "double precision": 0.0,
    "timestamp with time zone": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    "date": datetime.date(2020, 1, 1),
}


def _other_columns(raw, table: str, known: list[str]) -> list[tuple[str, object]]:
    raw.execute(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL AND column_name <> 'id'",
        (table,),
    )
    return [(name, FILLERS.get(kind, "")) for name, kind in raw.fetchall() if name not in known]


def load(count: int, rng: random.Random) -> None:
    """Append `count` generated claims (and their articles, stories and index rows) with COPY."""
    from django.db import connection

    units = UNITS + TAIL_UNITS
    weights = [unit[4] for unit in units]
    now = datetime.datetime.now(datetime.UTC)
    articles = math.ceil(count / CLAIMS_PER_ARTICLE)
    with connection.cursor() as cursor:
        raw = cursor.connection.cursor()
        raw.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        first_article = raw.fetchone()[0] + 1
        dates = []
        article_others = _other_columns(raw, "articles_article", ARTICLE_COLUMNS)
        article_columns = ARTICLE_COLUMNS + [name for name, _ in article_others]
        article_fillers = tuple(value for _, value in article_others)
        with raw.copy(f"COPY articles_article ({', '.join(article_columns)}) FROM STDIN") as copy:
            for n in range(first_article, first_article + articles):
                published = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5800))
                dates.append(published)
                row = (
                    f"Bench article {n}",
                    f"Bench article {n}.",
                    "",
                    published,
                    "en",
                    f"{n:064x}",
                    now,
                    "done",
                    "",
                    "",
                )
                copy.write_row(row + article_fillers)
        raw.execute("SELECT id FROM articles_article WHERE id >= %s ORDER BY id", (first_article,))
        article_ids = [row[0] for row in raw.fetchall()]  # ids follow the sequence: probes leave gaps
        published_of = dict(zip(article_ids, dates, strict=True))
        stories = {article: story_of(article // ARTICLES_PER_STORY) for article in article_ids}
        with raw.copy("COPY claims_articlestory (article_id, entities) FROM STDIN") as copy:
            for article in article_ids:
                copy.write_row((article, json.dumps(stories[article])))
        raw.execute("SELECT coalesce(max(id), 0) FROM claims_claim")
        first_claim = raw.fetchone()[0] + 1
        keys = []
        others = _other_columns(raw, "claims_claim", CLAIM_COLUMNS)
        columns = CLAIM_COLUMNS + [name for name, _ in others]
        with raw.copy(f"COPY claims_claim ({', '.join(columns)}) FROM STDIN") as copy:
            for n in range(count):
                claim = generate_claim(rng, units, weights)
                article = article_ids[n // CLAIMS_PER_ARTICLE]
                facts = facts_of(claim, published=published_of[article], story=stories[article])
                keys += [(n, article, key.key, key.bucket) for key in blocking_keys(facts)]
                sentence = claim["sentence"]
                copy.write_row(
                    (
                        article,
                        sentence,
                        0,
                        len(sentence),
                        claim["quote"],
                        0,
                        max(1, len(claim["quote"])),
                        claim["value"],
                        claim["value_low"],
                        claim["value_high"],
                        claim["qualifier"],
                        claim["unit"],
                        claim["kind"],
                        "",
                        claim["period_start"],
                        claim["period_end"],
                        json.dumps(claim["places"]),
                        "",
                        f"{claim['quote']} {claim['unit']}"[:300],
                        round(rng.random(), 3),
                        f"{n:064x}",
                        "{}",
                        "bench",
                        False,
                        "new",
                        "",
                        "[]",
                        1,
                        now,
                        now,
                        *(value for _, value in others),
                    )
                )
        raw.execute("SELECT id FROM claims_claim WHERE id >= %s ORDER BY id", (first_claim,))
        claim_ids = [row[0] for row in raw.fetchall()]  # in the order written; probes leave gaps
        assert len(claim_ids) == count
        with raw.copy("COPY claims_claimkey (claim_id, article_id, key, magnitude) FROM STDIN") as copy:
            for n, article, key, bucket in keys:
                copy.write_row((claim_ids[n], article, key, bucket))
        for table in ("articles_article", "claims_claim", "claims_claimkey", "claims_articlestory"):
            raw.execute(f"ANALYZE {table}")


def probe(rng: random.Random, stored: int) -> tuple[float, int, int, bool | None, float]:
    """Seconds to suggest links for one new claim, candidates judged, suggestions stored, (for a
    restatement of a stored claim) whether that claim was among the candidates, and the seconds of
    this process's CPU it took (what other load on the machine does not inflate); rolled back."""
    from django.db import transaction

    from articles.models import Article
    from claims.linking import candidates, index, suggest
    from claims.models import ArticleStory, Claim

    units = UNITS
    claim_fields = generate_claim(rng, units, [unit[4] for unit in units])
    story = [f"story{rng.randrange(10**9)}", "Minsk", "Name1"]
    restated = None
    if rng.random() < 0.5:  # restate a stored claim in another article of its story
        restated = Claim.objects.filter(pk__gte=rng.randint(1, stored)).order_by("pk").first()
        story = ArticleStory.objects.get(article_id=restated.article_id).entities
        value = float(restated.value or restated.value_low or restated.value_high)
        claim_fields |= {
            "value": value * 1.01,
            "value_low": value * 1.01,
            "value_high": value * 1.01,
            "qualifier": "approx",
            "unit": restated.unit,
            "kind": restated.kind,
            "quote": f"about {value * 1.01:,.0f}",
        }
        claim_fields["sentence"] = f"About {value * 1.01:,.0f} {restated.unit} were counted, reports say."
    names = " and ".join(name.capitalize() for name in story)
    # The story's own name comes up most, as in a real article; the places it shares with others less.
    body = f"Reports from {names} say so. News from {story[0].capitalize()} follows. {claim_fields['sentence']}"
    with transaction.atomic():
        article = Article.objects.create(
            title=f"Probe: {names}", body=body, published=datetime.date(2021, 11, 21), content_hash="probe"
        )
        sentence = claim_fields["sentence"]
        start = body.index(sentence)
        claim = Claim.objects.create(
            article=article,
            sentence_start=start,
            sentence_end=start + len(sentence),
            quote_start=start,
            quote_end=start + max(1, len(claim_fields["quote"])),
            fingerprint="probe",
            **claim_fields,
        )
        started, cpu = time.perf_counter(), time.process_time()
        result = suggest.suggest_for_claim(claim)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        found = candidates.candidates(claim, index.index_claim(claim))  # counted outside the timing
        transaction.set_rollback(True)
    hit = None if restated is None else any(candidate.pk == restated.pk for candidate in found)
    return elapsed, len(found), result["created"], hit, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--probes", type=int, default=60)
    args = parser.parse_args(argv)
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench_linking measures PostgreSQL: set DATABASE_URL=postgres://...")
    call_command("migrate", verbosity=0)
    from claims.linking import rules

    print(f"# {datetime.date.today()} · {describe_machine()}")
    print(
        f"# PostgreSQL {connection.pg_version}; dimension key ±{rules.BLOCK_WINDOW} buckets × {rules.PER_BUCKET}"
        f" newest, {rules.STORY_ENTITIES} story keys ±{rules.STORY_WINDOW} buckets × {rules.STORY_PER_BUCKET} newest"
    )
    rng = random.Random(7)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_claim")
        if cursor.fetchone()[0] > min(args.sizes):
            # Start from empty so each size is measured at that size (this database is the benchmark's own).
            cursor.execute(
                "TRUNCATE claims_claimkey, claims_articlestory, claims_claim, articles_article RESTART IDENTITY CASCADE"
            )
    for size in sorted(args.sizes):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM claims_claim")
            present = cursor.fetchone()[0]
        if present < size:
            started = time.perf_counter()
            load(size - present, rng)
            print(f"# loaded {size - present} claims in {time.perf_counter() - started:.0f} s", flush=True)
        probe_rng = random.Random(size)
        probe(probe_rng, size)  # warm the connection and caches
        timings = [probe(probe_rng, size) for _ in range(args.probes)]
        seconds = sorted(t for t, _, _, _, _ in timings)
        p90 = seconds[int(0.9 * (len(seconds) - 1))]
        hits = [hit for _, _, _, hit, _ in timings if hit is not None]
        cpu = statistics.median(c for _, _, _, _, c in timings)
        with open("/proc/loadavg") as loadavg:
            load_average = loadavg.read().split()[0]
        print(
            f"claims={size:>9,}  median={statistics.median(seconds) * 1000:6.1f} ms  "
            f"p90={p90 * 1000:6.1f} ms  max={seconds[-1] * 1000:6.1f} ms  python-cpu(median)={cpu * 1000:5.1f} ms  "
            f"candidates(median)={statistics.median(c for _, c, _, _, _ in timings):.0f}  "
            f"suggestions(median)={statistics.median(s for _, _, s, _, _ in timings):.0f}  "
            f"restatements found={sum(hits)}/{len(hits)}  probes={len(timings)}  load={load_average}",
            flush=True,
        )


if __name__ == "__main__":
    main()
