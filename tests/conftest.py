"""The cast (alice and bob edit, vera views, nina has no group), service markers, in-process tasks, a fast hasher."""

import os

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
def pytest_collection_modifyitems(items):
    """Every browser test is slow (Chromium, a live server, the seeds): `make test-fast` leaves them all out."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
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
