"""Fault tests: real PostgreSQL, a Redis server of the test's own and real Celery workers.

Each fault ends with every article `done` or `failed` with its reason. Each test starts its own
redis-server on a free port (never the shared one on 6379, which it may stop and restart) and workers
reading it. Outcomes are written up in docs/reliability.md.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from claims import extraction
from claims.models import Claim
from factdesk.celery import app as celery_app

from . import factories
from .conftest import IN_CI
from .worker import private_queue, start_worker, stop, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DONE, FAILED, PENDING, RUNNING = "done", "failed", "pending", "running"
PARAGRAPH = (
    "Some 2,000 people are waiting at the Bruzgi border crossing, officials said on Tuesday. "
    "More than 8,000 people have tried to enter the bloc in 2021, up from just 150 last year.\n"
)
LONG_BODY = "".join(f"Report {n}. {PARAGRAPH}" for n in range(600))  # seconds of work: long enough to kill


class RedisServer:
    """A redis-server without persistence, as the README's broker was when it lost its queue."""

    def __init__(self, workdir: Path):
        if shutil.which("redis-server") is None:
            reason = "needs redis-server on PATH to start a Redis of the test's own"
            if IN_CI:
                pytest.fail(f"CI must run this test: {reason}")
            pytest.skip(reason)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.workdir = workdir
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, timeout=20, what=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    def queued(self, queue: str) -> int:
        import redis

        return int(redis.Redis.from_url(self.url).llen(queue))


def _reset_producers() -> None:
    """Forget this process's broker connection pools: the next send uses the broker now configured."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def sending_to(server: RedisServer) -> Iterator[None]:
    """This process (the API, the admin, the commands) sends its tasks to `server`."""
    names = ("broker_url", "broker_write_url", "broker_read_url")
    previous = {name: celery_app.conf[name] for name in names}
    celery_app.conf.update({name: server.url for name in names})
    _reset_producers()
    try:
        yield
    finally:
        celery_app.conf.update(previous)
        _reset_producers()


@contextmanager
def broker(tmp_path: Path) -> Iterator[tuple[RedisServer, str]]:
    server = RedisServer(tmp_path)
    server.start()
    try:
        with private_queue() as queue, sending_to(server):
            yield server, queue
    finally:
        server.stop()


@contextmanager
def worker(server: RedisServer, queue: str, log: Path, **options) -> Iterator[subprocess.Popen]:
    process = start_worker(queue, log, CELERY_BROKER_URL=server.url, **options)
    try:
        yield process
    finally:
        for child in _children(process.pid):
            _kill(child)
        stop(process)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _statuses(ids) -> dict[int, tuple[str, str]]:
    return {pk: (status, error) for pk, status, error in
            Article.objects.filter(pk__in=ids).values_list("pk", "extraction_status", "extraction_error")}  # fmt: skip


def _all_finished(ids) -> bool:
    return all(status in (DONE, FAILED) for status, _ in _statuses(ids).values())


def _sweep(capsys) -> str:
    call_command("sweep_extraction", "--older-than", "0")
    return capsys.readouterr().out


def _log(log: Path) -> str:
    return log.read_text()[-3000:] if log.exists() else ""


# ---------------------------------------------------------------- the broker down during ingest


def test_broker_down_during_ingest_through_the_api_the_admin_and_the_command(tmp_path, capsys, api_as, alice):
    staff = factories.make_user("sam", is_staff=True, is_superuser=True)
    files = tmp_path / "files"
    files.mkdir()
    for n in range(3):
        (files / f"{n}.txt").write_text(f"Headline {n}\nSome {2000 + n:,} people waited at Bruzgi, report {n} says.")
    log = tmp_path / "worker.log"
    with broker(tmp_path) as (server, queue):
        server.stop()  # the broker is down from here on

        started = time.monotonic()
        api = api_as(alice).post(
            "/api/v1/articles/",
            {"title": "Border", "body": "More than 8,000 people have tried to enter the bloc in 2021."},
            format="json",
        )
        api_seconds = time.monotonic() - started
        assert api.status_code == 201, api.content
        assert api.json()["extraction_status"] == PENDING

        from django.test import Client

        admin = Client()
        admin.force_login(staff)
        form = {"title": "Camp", "body": "Around 1,500 migrants were in the camp near the border.", "language": "en"}
        response = admin.post(reverse("admin:articles_article_add"), form)
        assert response.status_code == 302, response.content.decode()[-2000:]

        call_command("ingest", str(files))
        out = capsys.readouterr()
        assert "3 created, 0 unchanged, 0 failed" in out.out and "3 extraction(s) not sent" in out.err

        ids = list(Article.objects.values_list("pk", flat=True))
        assert len(ids) == 5 and {status for status, _ in _statuses(ids).values()} == {PENDING}

        swept = _sweep_expecting_failure(capsys)
        assert "5 not sent (broker unreachable)" in swept
        assert {status for status, _ in _statuses(ids).values()} == {PENDING}

        server.start()  # the broker is back, empty: nothing was ever queued
        assert server.queued(queue) == 0
        assert "5 queued again" in _sweep(capsys)
        with worker(server, queue, log):
            wait_until(lambda: _all_finished(ids), timeout=240, what=f"the worker to finish (log: {_log(log)})")
    assert {status for status, _ in _statuses(ids).values()} == {DONE}
    assert Claim.objects.count() >= 5
    print(f"API answered 201 pending in {api_seconds:.2f} s with the broker down")


def _sweep_expecting_failure(capsys) -> str:
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="broker is unreachable"):
        call_command("sweep_extraction", "--older-than", "0")
    return capsys.readouterr().out


# ---------------------------------------------------------------- the worker killed


def test_a_worker_killed_mid_task_leaves_the_article_running_until_the_sweeper_queues_it_again(tmp_path, capsys):
    from articles.ingest import ArticleInput, ingest_article

    log = tmp_path / "worker.log"
    with broker(tmp_path) as (server, queue):
        with worker(server, queue, log) as first:
            article = ingest_article(ArticleInput(title="A long wire digest", body=LONG_BODY)).article
            row = Article.objects.filter(pk=article.pk)
            wait_until(lambda: row.get().extraction_status == RUNNING, timeout=120, what="the worker to start")
            first.send_signal(signal.SIGKILL)  # the whole worker: no chance to give the message back
            first.wait()
        assert (row.get().extraction_status, row.get().extraction_attempts) == (RUNNING, 1)
        assert "1 queued again" in _sweep(capsys)
        with worker(server, queue, log):
            wait_until(lambda: row.get().extraction_status == DONE, timeout=300, what=f"done (log: {_log(log)})")
    assert row.get().extraction_attempts == 2
    expected = extraction.extract(LONG_BODY, None)
    assert article.claims.count() == len(expected)  # stored once, not twice
    assert len(set(article.claims.values_list("quote_start", flat=True))) == len(expected)


# ---------------------------------------------------------------- Redis restarted without persistence


def test_redis_restarted_without_persistence_loses_the_queue_and_the_sweeper_recovers_it(tmp_path, capsys):
    from articles.ingest import ArticleInput, ingest_article

    log = tmp_path / "worker.log"
    with broker(tmp_path) as (server, queue):
        ids = [
            ingest_article(
                ArticleInput(title=f"Crossing {n}", body=f"Some {2000 + n:,} people waited, day {n}.")
            ).article.pk
            for n in range(4)
        ]
        assert server.queued(queue) == 4  # queued, no worker yet
        server.stop()
        server.start()  # a restart without persistence: the queue is gone
        assert server.queued(queue) == 0
        with worker(server, queue, log) as running:
            assert {status for status, _ in _statuses(ids).values()} == {PENDING}
            assert "4 queued again" in _sweep(capsys)
            wait_until(lambda: _all_finished(ids), timeout=240, what=f"the worker to finish (log: {_log(log)})")
            # Redis restarted under a running worker (its last tasks' follow-ups may still be in flight).
            server.stop()
            server.start()
            _reset_producers()
            later = ingest_article(ArticleInput(title="After the restart", body="About 300 people crossed.")).article
            row = Article.objects.filter(pk=later.pk)
            done_or_exited = lambda: row.get().extraction_status == DONE or running.poll() is not None  # noqa: E731
            wait_until(done_or_exited, timeout=120, what=f"done, or the worker to exit (log: {_log(log)})")
            if row.get().extraction_status != DONE:
                _restart_as_the_supervisor_would(running, server, queue, log, row)
    assert {status for status, _ in _statuses(ids).values()} == {DONE}


def _restart_as_the_supervisor_would(exited, server, queue, log, row) -> None:
    """Celery 5.7's worker exits, never hangs, when the restart catches it holding an unacknowledged message.

    Closing the dead connection then tries to give the message back through a transport already closed
    (kombu's `_connparams` reads a client it has set to None): "Unrecoverable error: AttributeError", exit
    code 1. Production runs workers under a supervisor that starts them again (README, Production); this
    does what it would, and the article still gets done.
    """
    assert exited.returncode == 1, f"the worker exited with {exited.returncode} (log: {_log(log)})"
    assert "Unrecoverable error: AttributeError" in log.read_text(), _log(log)
    with worker(server, queue, log):
        wait_until(lambda: row.get().extraction_status == DONE, timeout=120, what=f"done (log: {_log(log)})")


# ---------------------------------------------------------------- poisoned articles


def test_an_article_that_kills_its_worker_every_time_is_failed_after_n_attempts_and_the_queue_goes_on(tmp_path):
    from articles.ingest import ArticleInput, ingest_article

    log = tmp_path / "worker.log"
    attempts = 3
    with broker(tmp_path) as (server, queue):
        with worker(server, queue, log, pool="prefork", FACTDESK_EXTRACTION_MAX_ATTEMPTS=str(attempts)) as main:
            poisoned = ingest_article(ArticleInput(title="Poisoned", body=LONG_BODY)).article
            row = Article.objects.filter(pk=poisoned.pk)
            kills = 0
            # As the kernel's OOM killer would: the pool process dies each time it runs this article.
            for attempt in range(1, attempts + 1):
                wait_until(
                    lambda attempt=attempt: (
                        row.get().extraction_attempts == attempt and row.get().extraction_status == RUNNING
                    ),
                    timeout=120,
                    what=f"attempt {attempt} (log: {_log(log)})",
                )
                for child in _children(main.pid):
                    _kill(child)
                    kills += 1
            wait_until(lambda: row.get().extraction_status == FAILED, timeout=120, what=f"failed (log: {_log(log)})")
            healthy = ingest_article(ArticleInput(title="Healthy", body="Some 2,000 people waited.")).article
            wait_until(
                lambda: Article.objects.get(pk=healthy.pk).extraction_status == DONE,
                timeout=120,
                what=f"the next article (log: {_log(log)})",
            )
            assert main.poll() is None  # the worker itself lives on
    failed = row.get()
    assert failed.extraction_error.startswith(f"gave up after {attempts} attempts")
    assert failed.extraction_attempts == attempts and kills == attempts
    assert not Claim.objects.filter(article=failed).exists()


def test_articles_whose_values_break_the_tables_rules_are_stored_and_the_batch_goes_on(tmp_path, capsys):
    files = tmp_path / "files"
    files.mkdir()
    bodies = {
        "since.txt": " date 2024-12-20 https://example.org/since\nBorder\nSince December 25, more than 300 people "
        "have crossed the border, police said.",
        "huge.txt": "Fund\nThe fund holds 500,000,000,000,000,000,000 dollars, the ministry said. Some 2,000 people "
        "waited.",
        "plain.txt": "Camp\nAround 1,500 migrants were in the camp near the border.",
        "empty.txt": "",
    }
    for name, body in bodies.items():
        (files / name).write_text(body)
    log = tmp_path / "worker.log"
    with broker(tmp_path) as (server, queue), worker(server, queue, log):
        from django.core.management import CommandError

        with pytest.raises(CommandError, match="empty.txt"):
            call_command("ingest", str(files))
        ids = list(Article.objects.values_list("pk", flat=True))
        assert len(ids) == 3
        wait_until(lambda: _all_finished(ids), timeout=240, what=f"the worker to finish (log: {_log(log)})")
    assert {status for status, _ in _statuses(ids).values()} == {DONE}
    since = Claim.objects.get(article__url="https://example.org/since")
    assert str(since.period_start) == "2023-12-25"
    text = log.read_text()
    assert "inverted: start read a year earlier" in text and "out of range" in text
