"""Extraction throughput: plain spaCy ``nlp.pipe`` against factdesk ``extract_many``.

Generates at least 1 MB of news-style text (templated sentences, fixed random seed), then in one
run times the same pipeline twice: spaCy alone (the factdesk components disabled, all model
components that extraction uses enabled) and ``extract_many`` (those components plus ours, and
the claim building). Prints words per second for both, their ratio (target >= 0.85) and the
peak RSS of the process (target < 600 MB).

    python benchmarks/bench_extraction.py [--megabytes 1.0] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extraction import extract_many, load_nlp  # noqa: E402
from claims.extraction.pipeline import BATCH_CHARS, BATCH_SIZE, pipe_in_bounded_batches  # noqa: E402

SUBJECTS = [
    "Police",
    "The ministry",
    "Officials",
    "The border guard service",
    "Local authorities",
    "The central bank",
    "Aid agencies",
    "The health ministry",
    "Analysts",
    "The company",
]
PLACES = [
    "Poland",
    "Belarus",
    "Lithuania",
    "Ukraine",
    "Greece",
    "Italy",
    "Germany",
    "Turkey",
    "the Bruzgi border crossing",
    "Kyiv",
    "Athens",
    "the Middle East",
]
UNITS = [
    "people",
    "migrants",
    "troops",
    "refugees",
    "villages",
    "tonnes of grain",
    "jobs",
    "patients",
    "homes",
    "vehicles",
]
QUALIFIERS = ["", "more than ", "about ", "some ", "nearly ", "at least ", "up to ", "just "]
TIMES = [
    "in 2021",
    "last year",
    "this month",
    "on Tuesday",
    "since August",
    "in the first 10 months of 2022",
    "over the last 24 hours",
    "last week",
]
TEMPLATES = [
    "{subj} said {q}{n} {unit} had crossed into {place} {time}.",
    "{q}{n} {unit} were reported in {place} {time}, up from {m} a year earlier.",
    "According to {subj_l}, {place} spent ${money}bn on the programme {time}.",
    "Turnout in {place} reached {pct}% {time}, the highest in a decade.",
    "{subj} estimated that between {n} and {n2} {unit} were affected near {place}.",
    "The talks in {place} lasted {small} hours and ended without agreement.",
    "Tens of thousands of {unit} gathered in {place} {time}, {subj_l} said.",
    "Prices rose {pct} per cent {time}, while wages grew by {pct2} percent.",
    "{subj} has repeatedly rejected the claims, calling them a provocation.",
    "The {small}-week operation in {place} cost {money} million euros.",
]


def number(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 99999)])
    return f"{n:,}"


def generate(megabytes: float, seed: int = 20211121) -> list[str]:
    rng = random.Random(seed)
    articles: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                subj = rng.choice(SUBJECTS)
                sentences.append(
                    rng.choice(TEMPLATES).format(
                        subj=subj,
                        subj_l=subj[0].lower() + subj[1:] if subj.startswith("The") else subj,
                        q=rng.choice(QUALIFIERS),
                        n=number(rng),
                        n2=f"{rng.randint(100000, 200000):,}",
                        m=number(rng),
                        unit=rng.choice(UNITS),
                        place=rng.choice(PLACES),
                        time=rng.choice(TIMES),
                        money=rng.randint(2, 90),
                        pct=rng.randint(2, 80),
                        pct2=round(rng.uniform(1, 9), 1),
                        small=rng.randint(2, 12),
                    )
                )
            paragraphs.append(" ".join(sentences))
        article = "\n\n".join(paragraphs)
        articles.append(article)
        size += len(article.encode("utf-8"))
    return articles


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2, help="alternating passes of each path")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    articles = generate(args.megabytes)
    words = sum(len(a.split()) for a in articles)
    nbytes = sum(len(a.encode("utf-8")) for a in articles)
    nlp = load_nlp()
    ours = [name for name in nlp.pipe_names if name.startswith("factdesk_")]
    published = dt.date(2021, 11, 21)

    # Warm up both paths so neither pays first-call costs inside the timing.
    list(nlp.pipe(articles[:3], batch_size=BATCH_SIZE))
    extract_many([(a, published) for a in articles[:3]])

    # Alternate the two paths and keep each one's best pass: other processes on a shared
    # machine slow whichever pass they overlap, and the best pass is the least disturbed.
    # CPU time of this process is reported beside wall time for the same reason.
    plain, extracted = [], []
    results = []
    for _ in range(args.rounds):
        with nlp.select_pipes(disable=ours):
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in pipe_in_bounded_batches(nlp, articles):  # the batching extract_many uses
                pass
            plain.append((time.perf_counter() - wall, time.process_time() - cpu))
        wall, cpu = time.perf_counter(), time.process_time()
        results = extract_many([(a, published) for a in articles])
        extracted.append((time.perf_counter() - wall, time.process_time() - cpu))
    plain_wall, plain_cpu = min(w for w, _ in plain), min(c for _, c in plain)
    extract_wall, extract_cpu = min(w for w, _ in extracted), min(c for _, c in extracted)

    report = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": " ".join(platform.uname()),
        "python": platform.python_version(),
        "model": nlp.meta.get("name", "?") + " " + nlp.meta.get("version", ""),
        "components": nlp.pipe_names,
        "batch_size": BATCH_SIZE,
        "batch_chars": BATCH_CHARS,
        "articles": len(articles),
        "bytes": nbytes,
        "words": words,
        "claims": sum(len(r) for r in results),
        "rounds": args.rounds,
        "plain_words_per_second": round(words / plain_wall),
        "extract_words_per_second": round(words / extract_wall),
        "ratio": round(plain_wall / extract_wall, 3),
        "plain_words_per_cpu_second": round(words / plain_cpu),
        "extract_words_per_cpu_second": round(words / extract_cpu),
        "cpu_ratio": round(plain_cpu / extract_cpu, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for key, value in report.items():
            print(f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
