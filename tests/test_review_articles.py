"""The day's copy (/articles/): articles as they came in, newest first, with their review progress."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from claims import workflow

from . import factories


def arrived(article: Article, *, hours_ago: float) -> Article:
    Article.objects.filter(pk=article.pk).update(ingested_at=timezone.now() - datetime.timedelta(hours=hours_ago))
    article.refresh_from_db()
    return article


def listed(response) -> list[int]:
    return [article.pk for article, _ in response.context["rows"]]


@pytest.fixture
def copy(alice):
    """Today's article half reviewed; yesterday's done; last month's untouched; a failed one."""
    today = factories.make_article(title="Today: migrants at the border")
    claims = [factories.make_claim(today, quote=q, fingerprint=q) for q in ("Some 2,000", "More than 8,000", "MOSCOW")]
    workflow.transition(claims[0], to="verified", editor=alice, version=1)
    workflow.transition(claims[1], to="dismissed", editor=alice, version=1, reason="background")
    yesterday = arrived(factories.make_article(title="Yesterday: the camp"), hours_ago=30)
    done = factories.make_claim(yesterday)
    workflow.transition(done, to="unverifiable", editor=alice, version=1)
    outlet = factories.make_outlet("ria.ru", "RIA Novosti")
    old = arrived(factories.make_article(title="Last month", outlet=outlet), hours_ago=24 * 30)
    factories.make_claim(old)
    failed = arrived(
        factories.make_article(title="Broken", extraction_status="failed", extraction_error="ValueError"), hours_ago=2
    )
    return today, yesterday, old, failed


def test_articles_come_newest_first_with_outlet_times_and_review_progress(client, vera, copy):
    today, yesterday, old, failed = copy
    client.force_login(vera)
    response = client.get(reverse("article-list"))
    assert response.status_code == 200
    assert listed(response) == [today.pk, failed.pk, yesterday.pk, old.pk]
    row = response.content.decode().split(f'id="article-row-{today.pk}"')[1].split("</tr>")[0]
    assert "1 of 3 reviewed, 1 dismissed" in row and f'href="/review/?article={today.pk}">1 open</a>' in row
    assert "Anadolu Agency" in row and "published 21 Nov 2021" in row
    assert timezone.localtime(today.ingested_at).strftime("%-d %b %Y, %H:%M") in row


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"arrived": "today"}, {"today"}),  # the test may run just after midnight: only today's is sure
        ({"arrived": "24h"}, {"today", "failed"}),
        ({"arrived_after": "2000-01-01", "arrived_before": "2000-01-02"}, set()),
        ({"progress": "open"}, {"today", "old"}),
        ({"progress": "done"}, {"yesterday"}),
        ({"progress": "none"}, {"failed"}),
        ({"extraction": "failed"}, {"failed"}),
        ({"q": "camp"}, {"yesterday"}),
    ],
)
def test_the_copy_filters_by_arrival_outlet_progress_and_title(client, vera, copy, params, expected):
    by_name = dict(zip(["today", "yesterday", "old", "failed"], copy, strict=True))
    client.force_login(vera)
    found = set(listed(client.get(reverse("article-list"), params)))
    if params == {"arrived": "today"}:
        assert by_name["today"].pk in found and by_name["old"].pk not in found
    else:
        assert found == {by_name[name].pk for name in expected}


def test_the_outlet_filter_and_a_range_of_days_pick_the_articles(client, vera, copy):
    today, yesterday, old, failed = copy
    client.force_login(vera)
    assert listed(client.get(reverse("article-list"), {"outlet": old.outlet_id})) == [old.pk]
    day = timezone.localtime(old.ingested_at).date()
    assert listed(client.get(reverse("article-list"), {"arrived_after": day, "arrived_before": day})) == [old.pk]


@pytest.mark.parametrize("n", [1, 50])
def test_the_copy_costs_the_same_queries_for_1_and_50_articles(client, vera, alice, n, django_assert_num_queries):
    for i in range(n):
        article = factories.make_article(outlet=factories.make_outlet(f"o{i}.example", f"Outlet {i}"))
        claim = factories.make_claim(article)
        workflow.transition(claim, to="verified", editor=alice, version=1)
    client.force_login(vera)
    with django_assert_num_queries(8):  # session, user, count, page, progress, 2 × permissions (menu), outlets
        response = client.get(reverse("article-list"))
    assert len(response.context["rows"]) == n
