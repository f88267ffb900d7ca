"""A real Celery worker process on the test database and a private Redis queue, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from factdesk.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll `condition` until it holds; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.1)


@contextmanager
def private_queue() -> Iterator[str]:
    """Route tasks sent by this process to a queue no other run shares."""
    queue = f"factdesk-test-{uuid.uuid4().hex[:10]}"
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        yield queue
    finally:
        celery_app.conf.task_default_queue = previous
        _forget_queue(queue)


def _forget_queue(queue: str) -> None:
    """Remove the queue and kombu's bindings for it, so test runs leave Redis as they found it."""
    import redis

    client = redis.Redis.from_url(celery_app.conf.broker_url)
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")


def start_worker(queue: str, log: Path, *, pool: str = "solo", **env: str) -> subprocess.Popen:
    """A worker reading `queue`: one process (`solo`), or `prefork` with one pool child, as in production."""
    # The worker's own follow-up tasks (link suggestions) must stay on the private queue too.
    environment = os.environ | {"DATABASE_URL": test_database_url(), "DEBUG": "1", "CELERY_QUEUE": queue} | env
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factdesk",
            "worker",
            "-Q",
            queue,
            "-P",
            pool,
            *(["-c", "1"] if pool == "prefork" else []),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "INFO",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
