"""A sign-in flood against a production-like server: does the API stay fast? (issue 16 item 5)

Starts gunicorn (2 sync workers, DEBUG off, Django's production PBKDF2 hasher) on the database in
DATABASE_URL, measures the median latency of an API read alone, then while FLOODERS threads post wrong
passwords to the sign-in page as fast as they can, first with sign-in throttling as configured, then
with the limit set out of reach (LOGIN_FAILURE_LIMIT=1000000: every guess is hashed, as before
django-axes). Run: `DATABASE_URL=postgres://… python benchmarks/bench_login_flood.py`.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FLOODERS = 4
READS = 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CACHE_URL", "CELERY_BROKER_URL"}}
    env |= {
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_USER": "1000000/hour",
        "LOG_LEVEL": "WARNING",
    }
    return env | extra


def prepare() -> str:
    """Migrated database, static files, an editor with a PBKDF2 password and an API token: the key."""
    env = environment()
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from factdesk.api.tokens import create_token\n"
        "User = get_user_model()\n"
        "u, _ = User.objects.get_or_create(username='flood-target', defaults={'is_superuser': True})\n"
        "u.set_password('the right one'); u.save()\n"
        "from axes.models import AccessAttempt; AccessAttempt.objects.all().delete()\n"
        "print(create_token(u)[1])\n"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def serve(port: int, **extra: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "factdesk.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=environment(**extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10)
            return server
        except OSError:  # not listening yet (URLError, ConnectionError and timeouts are all OSErrors)
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def api_median(port: int, key: str) -> float:
    times = []
    for _ in range(READS):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/claims/?limit=5", headers={"Authorization": f"Token {key}"}
        )
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def flood(port: int, stop: threading.Event, counts: dict[str, int]) -> None:
    base = f"http://127.0.0.1:{port}/accounts/login/"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookie = next(c.value for c in jar if c.name == "csrftoken")
    n = 0
    while not stop.is_set():
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": "flood-target", "password": f"guess {n}"}
        ).encode()
        request = urllib.request.Request(base, data=body, headers={"Cookie": f"csrftoken={cookie}", "Referer": base})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        counts[str(status)] = counts.get(str(status), 0) + 1
        n += 1


def measure(label: str, key: str, **extra: str) -> None:
    port = free_port()
    server = serve(port, **extra)
    try:
        quiet = api_median(port, key)
        stop, counts = threading.Event(), {}
        threads = [threading.Thread(target=flood, args=(port, stop, counts)) for _ in range(FLOODERS)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        started = time.perf_counter()
        loaded = api_median(port, key)
        elapsed = time.perf_counter() - started
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    answers = ", ".join(f"{n} × {code}" for code, n in sorted(counts.items()))
    print(
        f"{label}: API median {quiet:.0f} ms alone, {loaded:.0f} ms during the flood "
        f"({READS} reads in {elapsed:.1f} s); sign-in answers: {answers}"
    )


def main() -> None:
    key = prepare()
    measure("throttled (LOGIN_FAILURE_LIMIT=10)", key)
    key = prepare()
    measure("unthrottled (LOGIN_FAILURE_LIMIT=1000000)", key, LOGIN_FAILURE_LIMIT="1000000")


if __name__ == "__main__":
    main()
