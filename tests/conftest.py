"""The cast (alice and bob edit, vera views, nina has no group), service markers, in-process tasks, a fast hasher."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.test.utils import override_settings

from factdesk.celery import app as celery_app

from . import factories

# The groups' permissions as all migrations leave them (0002 makes the groups, later ones grant more);
# read from the test database once it is migrated, so a restore never drops a later grant.
ROLES: dict[str, set[tuple[str, str]]] = {}

IN_CI = bool(os.environ.get("CI"))


def _postgres_available() -> str | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    return None


def _redis_available() -> str | None:
    from django.conf import settings

    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url.startswith("redis://"):
        return "needs Redis: set CELERY_BROKER_URL=redis://..."
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return f"Redis at {url} is not answering: {exc}"
    assert settings.CELERY_BROKER_URL == url
    return None


def _chromium_available() -> str | None:
    if not os.path.exists("/usr/bin/chromium"):
        return "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every browser test is slow (Chromium, a live server, the seeds): `make test-fast` leaves them all out."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    if config.getoption("loadgroup", default=False):  # set in an xdist worker only
        _name_xdist_groups(items)


def _name_xdist_groups(items) -> None:
    """Keep `--dist loadgroup` (make test) working: pytest-xdist 3.8 puts a test's xdist_group in its id by
    setting `item._nodeid`, which pytest 9 no longer reads, so every group was silently spread over the workers.
    The same suffix, set where pytest 9 keeps the id (its structured form unchanged, only its string)."""
    import dataclasses

    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})  # fmt: skip
        if names and "@" not in item.nodeid and hasattr(item, "_id"):
            grouped = dataclasses.replace(item._id)
            object.__setattr__(grouped, "_str_cache", f"{item.nodeid}@{'_'.join(names)}")
            item._id = grouped


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """MD5 instead of PBKDF2's million rounds: every user the tests make and every sign-in hashes a password,
    and with PBKDF2 that was most of the suite's time. Tests only; production keeps Django's default hashers."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def real_extract():
    """The real extractor, each (text, publication date) extracted once per process.

    The extraction and linking evaluations read the same real-copy articles: the second to ask gets the
    first one's claims, frozen drafts from the same pipeline, instead of parsing the article again. Both run
    in one worker (their tests share the xdist group "real_copy").
    """
    import functools

    import claims.extraction

    @functools.cache
    def parsed(text, published):
        return tuple(claims.extraction.extract(text, published))

    def extract(text, published=None):
        return parsed(text, published)

    return extract


CHECKS = {"postgres": _postgres_available, "redis": _redis_available, "browser": _chromium_available}


@pytest.fixture(autouse=True)
def _require_services(request):
    """Skip a test whose service is missing, with the reason; in CI, fail instead."""
    for marker, check in CHECKS.items():
        if request.node.get_closest_marker(marker) is None:
            continue
        if marker == "postgres":
            request.getfixturevalue("db")
        reason = check()
        if reason:
            if IN_CI:
                pytest.fail(f"CI must run this test: {reason}")
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Run Celery tasks in-process, except in tests that start a real worker (marked redis)."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def _migrations_key() -> str:
    """What a migrated database depends on: Django and SQLite, the apps, the text of every migration and of
    every app's models (which migrations import: a check constraint's lookup, a validator)."""
    import django
    from django.apps import apps

    digest = hashlib.sha256(f"{django.get_version()} {sqlite3.sqlite_version}".encode())
    for config in apps.get_app_configs():
        digest.update(f"app {config.label}".encode())
        folder = Path(config.path)
        for path in sorted([*folder.glob("migrations/*.py"), *folder.glob("models.py"), *folder.glob("models/*.py")]):
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()[:20]


def _migrate_from_snapshot(call_command, folder: Path):
    """`call_command` whose `migrate` of an in-memory SQLite test database copies in the database the same
    migrations made before (kept in `folder`), or migrates and keeps a copy: applying the migrations, most of
    it rendering each one's model states, took 3-5 s of CPU in every test process."""

    def call(name, *args, **options):
        from django.db import connections

        connection = connections[options.get("database", "default")]
        if name != "migrate" or connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return call_command(name, *args, **options)
        snapshot = folder / f"{_migrations_key()}.sqlite3"
        connection.ensure_connection()
        if snapshot.exists():
            with sqlite3.connect(snapshot) as source:
                source.backup(connection.connection)
            return None
        result = call_command(name, *args, **options)
        partial = folder / f"{snapshot.stem}.{os.getpid()}.partial"
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        os.replace(partial, snapshot)  # whole or not at all: another worker may be reading it
        for older in folder.glob("*.sqlite3"):
            if older != snapshot:
                older.unlink(missing_ok=True)  # made by migrations as they were
        return result

    return call


_UNPATCHED_CALL_COMMAND = []


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """While the test databases are made (django_db_setup), SQLite's migrate comes from a snapshot in
    .pytest_cache when one was taken of the same migrations; PostgreSQL migrates as before."""
    from django.core import management

    cache = getattr(request.config, "cache", None)
    if cache is not None:
        _UNPATCHED_CALL_COMMAND.append(management.call_command)
        management.call_command = _migrate_from_snapshot(management.call_command, cache.mkdir("migrated-sqlite"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.core import management

    if _UNPATCHED_CALL_COMMAND:  # the databases are made: a test's own migrate is a real one
        management.call_command = _UNPATCHED_CALL_COMMAND.pop()
    with django_db_blocker.unblock():
        for group in Group.objects.prefetch_related("permissions__content_type"):
            ROLES[group.name] = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    assert set(ROLES) >= {"Editors", "Viewers"}, "the migrations made no Editors and Viewers groups"


def _codes(group: Group) -> set[tuple[str, str]]:
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def restore_roles() -> None:
    """The Editors and Viewers groups as the migrations leave them.

    A transactional test (live server, real worker) empties the database after it runs, groups
    included; tests that run after it, in any order or process, put them back.
    """
    for name, codes in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        if created or _codes(group) != codes:
            group.permissions.set([Permission.objects.get(content_type__app_label=a, codename=c) for a, c in codes])


def _member(username: str, group: str):
    if not Group.objects.filter(name=group).exists():
        restore_roles()
    user = factories.make_user(username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def alice(db):
    return _member("alice", "Editors")


@pytest.fixture
def bob(db):
    return _member("bob", "Editors")


@pytest.fixture
def vera(db):
    return _member("vera", "Viewers")


@pytest.fixture
def nina(db):
    """Signed in but in no group: she may read nothing on the desk."""
    return factories.make_user("nina")


@pytest.fixture
def staff(db):
    return factories.make_user("sam", is_staff=True, is_superuser=True)


@pytest.fixture
def article(db):
    return factories.make_article()


@pytest.fixture
def claim(article):
    return factories.make_claim(article)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the API's throttle counts requests there."""
    from django.core.cache import cache

    from feed import webhooks

    cache.clear()
    webhooks.forget_active()  # whether any webhook subscription is on is remembered per process for a few seconds


@pytest.fixture
def api_as(db):
    """`api_as(alice)`: an API client authenticated with alice's token, as a tool would be."""
    from rest_framework.test import APIClient

    from factdesk.api.tokens import create_token

    keys: dict[int, str] = {}  # one token per user, as a tool keeps its own

    def client_for(user):
        client = APIClient()
        if user is not None:
            if user.pk not in keys:
                keys[user.pk] = create_token(user)[1]
            client.credentials(HTTP_AUTHORIZATION=f"Token {keys[user.pk]}")
        return client

    return client_for
