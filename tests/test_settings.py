"""Settings come from the environment; production-like variables pass `check --deploy`."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from factdesk.settings import env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_with_production_variables_prints_no_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="factdesk.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_secret_key_is_required_when_debug_is_off():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0 and "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_typed_readers_refuse_what_they_cannot_understand(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be a boolean"):
        env_bool("FLAG", False)
    with pytest.raises(ImproperlyConfigured, match="COUNT must be an integer"):
        env_int("COUNT", 1)
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG", False) is True


def test_database_url_selects_the_engine(settings):
    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_cache_url_shares_the_cache_through_redis_and_refuses_other_schemes():
    shared = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        DEBUG="1",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert shared.returncode == 0 and shared.stdout.strip().endswith("RedisCache"), shared.stderr
    wrong = manage("check", DEBUG="1", CACHE_URL="memcached://127.0.0.1:11211")
    assert wrong.returncode != 0 and "CACHE_URL must be a redis:// URL" in wrong.stderr


def test_manage_py_defaults_to_debug_but_the_wsgi_server_does_not():
    # A developer's machine: no variables needed (the settings' own checks; the deploy test above runs them all).
    assert manage("check", "--tag", "security").returncode == 0
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    server = subprocess.run(
        [sys.executable, "-c", "import factdesk.wsgi"], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert server.returncode != 0 and "SECRET_KEY is required when DEBUG is off" in server.stderr


def test_tests_hash_passwords_fast_but_production_keeps_pbkdf2():
    from django.contrib.auth.hashers import get_hasher

    assert get_hasher().algorithm == "md5"  # tests/conftest.py: the suite makes and signs in many users
    result = manage("shell", "-c", "from django.contrib.auth.hashers import get_hasher; print(get_hasher().algorithm)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "pbkdf2_sha256"
