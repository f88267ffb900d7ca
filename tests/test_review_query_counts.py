"""Every review page costs the same number of queries for 1 row and for 50: each is measured twice and
the counts compared, so a page that starts querying per row fails here whatever its total."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import workflow
from factdesk.celery import app as celery_app
from feed import webhooks

from . import factories
from .conftest import _member

# One worker measures every page (counts, below).
pytestmark = pytest.mark.xdist_group("review_query_counts")


def fill(n: int, alice, bob) -> dict:
    """n articles, each with a claim assigned to alice, one in two decided or dismissed, one in three
    linked as the same fact to a verified claim (an earlier check), plus one claim with n notes and links."""
    claims = []
    for i in range(n):
        outlet = factories.make_outlet(f"o{i}.example", f"Outlet {i}")
        claim = factories.make_claim(factories.make_article(outlet=outlet))
        workflow.assign(claim, assignee=alice, editor=alice, version=claim.version)
        if i % 2:
            to = "dismissed" if i % 4 == 1 else "unverifiable"
            workflow.transition(claim, to=to, editor=bob, version=claim.version)
        if i % 3 == 0:
            earlier = factories.make_claim(factories.make_article(outlet=outlet))
            workflow.transition(earlier, to="verified", editor=bob, version=1, note=f"Checked {i}")
            workflow.link(claim, earlier, relation="same", editor=bob)
        claims.append(claim)
    busy = claims[0]
    for i in range(n):
        workflow.annotate(busy, text=f"Note {i}", editor=alice)
        workflow.link(busy, factories.make_claim(factories.make_article()), relation="supports", editor=alice)
    article = factories.make_article(body="\n".join(f"Line {i}: some {i}00 people waited." for i in range(n)))
    for i in range(n):
        factories.make_claim(article, quote=f"some {i}00 people", fingerprint=f"line-{i}")
    return {"claim": busy, "article": article}


PAGES = {
    "desk": lambda made: reverse("desk"),
    "queue": lambda made: reverse("queue"),
    "queue, every status": lambda made: reverse("queue") + "?status=new&status=unverifiable&status=dismissed",
    "queue, search": lambda made: reverse("queue") + "?q=2,000+people",
    "articles": lambda made: reverse("article-list"),
    "claim page": lambda made: reverse("claim-detail", args=[made["claim"].pk]),
    "article page": lambda made: reverse("article-detail", args=[made["article"].pk]),
}


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """Every page's query count with 1 row and with 50, as alice sees it: the rows are made once for all the
    pages (filling 50 rows of everything was nearly all of each test's time) and rolled back afterwards, as a
    test's own rows are. Like a test, it starts with an empty cache and runs tasks in-process."""
    cache.clear()
    webhooks.forget_active()
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    measured = {page: [] for page in PAGES}
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            alice, bob = _member("alice", "Editors"), _member("bob", "Editors")
            client = Client()
            client.force_login(alice)
            for n in (1, 50):
                made = fill(n, alice, bob)
                for page, path in PAGES.items():
                    measured[page].append(queries_for(client, path(made)))
            transaction.set_rollback(True)
    finally:
        celery_app.conf.task_always_eager = eager
    return measured


@pytest.mark.parametrize("page", PAGES)
def test_a_page_costs_the_same_queries_for_1_row_and_for_50(db, counts, page):  # db: the test database is made
    one, fifty = counts[page]
    assert one == fifty, f"{page}: {one} queries for 1 row, {fifty} for 50"
