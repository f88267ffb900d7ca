"""Peak memory of a 1 MB article: pushed through the API to gunicorn, extracted and linked by a real Celery worker.

    python -m benchmarks.bench_memory [--scenario copy|dense ...]

Starts, on this machine: a redis-server of its own (a free port, no persistence), gunicorn as the README's
production section runs it (2 gthread workers of 4 threads, DEBUG off) and one Celery worker (prefork, one
pool process), all on a PostgreSQL database of the benchmark's own (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/factdesk_bench_memory; dropped and created again). The two seed articles
go in first, so the big one's claims have something to be linked to. Then, per scenario, it POSTs one
article of just under FACTDESK_ARTICLE_MAX_BYTES to /api/v1/articles/, waits for its extraction and its
link suggestions to finish, pages through its claims in the API (200 a page), and reports the peak
resident memory (VmHWM, sampled every 0.2 s, pool processes that were replaced included) of each web and
worker process.

Scenarios: `copy` is the seed articles' text repeated (news copy: about one claim per 600 bytes, under the
claims cap); `dense` is a paragraph of two figures repeated (a table of figures, as the article that once
made 13,096 claims: above the cap, so it ends `failed` with the count; `--max-claims 20000` stores it whole).
Target: < 800 MB per process. A process's VmHWM is its peak since it started: figures of later scenarios
include earlier ones' for the processes that lived through them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.machine import describe as describe_machine

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/factdesk_bench_memory"
QUEUE = "factdesk-bench-memory"
DENSE = (
    "Some 2,000 people are waiting at the Bruzgi border crossing, officials said on Tuesday. "
    "More than 8,000 people have tried to enter the bloc in 2021, up from just 150 last year.\n"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fresh_database(url: str) -> None:
    """Drop and create the benchmark's database: each run starts from the migrations alone."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _wait(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _tree(root: int) -> set[int]:
    """`root` and its descendants."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _parent(int(entry))
            if parent is not None:
                parents[int(entry)] = parent
    found, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        for pid, parent in parents.items():
            if parent == current and pid not in found:
                found.add(pid)
                frontier.append(pid)
    return found


def _peak_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class Sampler(threading.Thread):
    """The peak resident memory of every process under each root, kept after a process is gone."""

    def __init__(self, roots: dict[str, int]):
        super().__init__(daemon=True)
        self.roots = roots
        self.peaks: dict[str, dict[int, int]] = {name: {} for name in roots}
        self.running = True

    def run(self) -> None:
        while self.running:
            self.sample()
            time.sleep(0.2)

    def sample(self) -> None:
        for name, root in self.roots.items():
            for pid in _tree(root):
                peak = _peak_kib(pid)
                if peak is not None:
                    self.peaks[name][pid] = max(peak, self.peaks[name].get(pid, 0))

    def reset(self) -> None:
        self.sample()
        self.peaks = {name: {} for name in self.roots}

    def report(self, name: str) -> tuple[int, int]:
        """(the largest process's peak, the number of processes seen), in MiB."""
        peaks = self.peaks[name]
        return (max(peaks.values()) // 1024 if peaks else 0), len(peaks)


def _body(scenario: str, limit: int) -> str:
    if scenario == "dense":
        unit = DENSE
    else:
        from articles.ingest import parse_document

        parts = []
        for path in sorted((ROOT / "seeds").iterdir()):
            [item] = parse_document(path.name, path.read_bytes())
            parts.append(item.body)
        unit = "\n\n".join(parts) + "\n\n"
    repeats = (limit - 1024) // len(unit.encode())
    return "".join(f"Part {n}.\n{unit}" for n in range(repeats)).strip()[: limit - 1024]


def _request(method: str, url: str, token: str, payload: dict | None = None) -> tuple[int, dict, float]:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Token {token}")
    request.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read()), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, {"error": error.read()[:500].decode(errors="replace")}, time.perf_counter() - started


def _suggestions_outcome(worker_log: Path, log_start: int, article_id: int) -> str:
    """Wait for the article's own suggestion task (the one received after its extraction) to end; how it did."""
    done = f"article={article_id} extraction done"
    received = re.compile(r"Task claims\.tasks\.suggest_links\[([^\]]+)\] received")

    def task_id() -> str | None:
        text = worker_log.read_text()[log_start:]
        at = text.find(done)
        found = received.search(text, at) if at >= 0 else None
        return found.group(1) if found else None

    _wait(lambda: task_id() is not None, timeout=600, what=f"the suggestion task ({worker_log})")
    ended = re.compile(
        rf"suggest_links\[{re.escape(task_id() or '')}\] (succeeded|raised \w+)|(Hard time limit)|(WorkerLostError)"
    )
    _wait(lambda: ended.search(worker_log.read_text()[log_start:]) is not None, timeout=1800, what="suggestions")
    found = ended.search(worker_log.read_text()[log_start:])
    return next(group for group in found.groups() if group) if found else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", action="append", choices=["copy", "dense"])
    parser.add_argument(
        "--max-claims", type=int, help="FACTDESK_MAX_CLAIMS_PER_ARTICLE for the run (to store a dense article whole)"
    )
    args = parser.parse_args(argv)
    scenarios = args.scenario or ["copy", "dense"]
    if shutil.which("redis-server") is None:
        raise SystemExit("needs redis-server on PATH")
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if "bench" not in database:
        raise SystemExit(f"refusing to empty {database}: its name must contain 'bench'")
    _fresh_database(database)
    workdir = Path(tempfile.mkdtemp(prefix="factdesk-bench-memory-"))
    redis_port, web_port = _free_port(), _free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = os.environ | {
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": broker,
        "CELERY_QUEUE": QUEUE,
        "DEBUG": "0",
        "SECRET_KEY": "factdesk-bench-memory-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "INFO",
    }
    if args.max_claims:
        env["FACTDESK_MAX_CLAIMS_PER_ARTICLE"] = str(args.max_claims)
    os.environ.update({"DATABASE_URL": database, "CELERY_BROKER_URL": broker, "CELERY_QUEUE": QUEUE, "DEBUG": "1"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from articles.models import Article
    from claims.models import Claim, ClaimLink

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user("bench-editor", password="not used")
    editor.groups.add(Group.objects.get(name="Editors"))
    from factdesk.api.tokens import create_token

    token = create_token(editor)[1]

    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
    )
    web_log, worker_log = workdir / "web.log", workdir / "worker.log"
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "factdesk.wsgi", "--bind", f"127.0.0.1:{web_port}", "--workers", "2",
         "--worker-class", "gthread", "--threads", "4", "--timeout", "120"],  # fmt: skip
        cwd=ROOT, env=env, stdout=web_log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factdesk", "worker", "-Q", QUEUE, "--concurrency", "1",
         "--without-gossip", "--without-mingle", "-l", "INFO"],  # fmt: skip
        cwd=ROOT, env=env, stdout=worker_log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    sampler = Sampler({"web": web.pid, "worker": worker.pid})
    rows = []
    try:
        base = f"http://127.0.0.1:{web_port}"
        _wait(lambda: "ready." in worker_log.read_text(), timeout=120, what=f"the worker ({worker_log})")
        _wait(lambda: _answers(base, token), timeout=120, what=f"gunicorn ({web_log})")
        sampler.start()
        for path in sorted((ROOT / "seeds").iterdir()):  # something for the big article's claims to link to
            call_command("ingest", str(path), verbosity=0)
        _wait(lambda: not Article.objects.exclude(extraction_status="done").exists(), timeout=300, what="the seeds")
        limit = settings.FACTDESK_ARTICLE_MAX_BYTES
        for scenario in scenarios:
            sampler.reset()
            body = _body(scenario, limit)
            log_start = len(worker_log.read_text())
            size = len(body.encode())
            status, data, post_seconds = _request(
                "POST", f"{base}/api/v1/articles/", token, {"title": f"Bench: {scenario}", "body": body}
            )
            if status != 201:
                raise SystemExit(f"POST answered {status}: {data}")
            article_id = data["id"]
            started = time.perf_counter()
            finished = Article.objects.filter(pk=article_id, extraction_status__in=["done", "failed"])
            _wait(finished.exists, timeout=1800, what=f"extraction of article {article_id} ({worker_log})")
            extracted_seconds = time.perf_counter() - started
            article = Article.objects.get(pk=article_id)
            suggestions = "not run"
            if article.extraction_status == "done":
                suggestions = _suggestions_outcome(worker_log, log_start, article_id)
            linked_seconds = time.perf_counter() - started
            pages, listed, listing_seconds = 0, 0, 0.0
            url = f"{base}/api/v1/claims/?article={article_id}&page_size=200"
            while url:
                status, data, seconds = _request("GET", url, token)
                if status != 200:
                    raise SystemExit(f"GET {url} answered {status}: {data}")
                pages, listed, listing_seconds = pages + 1, listed + len(data["results"]), listing_seconds + seconds
                url = data.get("next")
            time.sleep(0.5)
            sampler.sample()
            web_peak, web_processes = sampler.report("web")
            worker_peak, worker_processes = sampler.report("worker")
            rows.append(
                {
                    "scenario": scenario,
                    "bytes": size,
                    "status": article.extraction_status,
                    "error": article.extraction_error,
                    "claims": Claim.objects.filter(article_id=article_id).count(),
                    "links": ClaimLink.objects.filter(from_claim__article_id=article_id).count()
                    + ClaimLink.objects.filter(to_claim__article_id=article_id).count(),
                    "post_s": round(post_seconds, 2),
                    "extracted_s": round(extracted_seconds, 1),
                    "suggestions": suggestions,
                    "linked_s": round(linked_seconds, 1),
                    "api_pages": pages,
                    "api_claims": listed,
                    "api_s": round(listing_seconds, 2),
                    "web_peak_mib": web_peak,
                    "web_processes": web_processes,
                    "worker_peak_mib": worker_peak,
                    "worker_processes": worker_processes,
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    finally:
        sampler.running = False
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        redis.terminate()
        redis.wait()
    print(describe_machine())
    target = 800
    over = [row for row in rows if max(row["web_peak_mib"], row["worker_peak_mib"]) >= target]
    print(f"target: each process < {target} MiB: {'met' if not over else 'MISSED'}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if over else 0


def _answers(base: str, token: str) -> bool:
    try:
        return _request("GET", f"{base}/api/v1/articles/?page_size=1", token)[0] == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
