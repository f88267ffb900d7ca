"""The desk overview: counts by status, my claims, recent changes, articles needing attention."""

import pytest
from django.urls import reverse

from articles.models import Article
from claims import workflow

from . import factories


def test_the_desk_counts_claims_by_status(client, alice, article):
    claims = [factories.make_claim(article), factories.make_claim(article, quote="More than 8,000")]
    workflow.transition(claims[0], to="in_review", editor=alice, version=1)
    client.force_login(alice)
    response = client.get(reverse("desk"))
    assert response.status_code == 200
    counts = {value: count for value, _, count in response.context["statuses"]}
    assert counts["new"] == 1 and counts["in_review"] == 1 and counts["verified"] == 0
    assert response.context["total"] == 2
    assert 'href="/review/?status=in_review"' in response.content.decode()


def test_the_desk_lists_my_open_claims_only(client, alice, bob, article):
    mine = factories.make_claim(article)
    bobs = factories.make_claim(article, quote="More than 8,000")
    workflow.assign(mine, assignee=alice, editor=alice, version=1)
    workflow.assign(bobs, assignee=bob, editor=alice, version=1)
    client.force_login(alice)
    assert [c.pk for c in client.get(reverse("desk")).context["mine"]] == [mine.pk]


def test_recently_changed_claims_come_first(client, alice, article):
    first = factories.make_claim(article)
    second = factories.make_claim(article, quote="More than 8,000")
    workflow.annotate(first, text="just looked", editor=alice)
    client.force_login(alice)
    assert [c.pk for c in client.get(reverse("desk")).context["recent"]][:2] == [first.pk, second.pk]


def test_articles_with_unreviewed_claims_and_failed_extractions_are_listed(client, alice, article):
    claim = factories.make_claim(article)
    done = factories.make_article()
    reviewed = factories.make_claim(done)
    for to in ("in_review", "unverifiable"):
        workflow.transition(reviewed, to=to, editor=alice, version=reviewed.version)
    failed = factories.make_article(extraction_status=Article.ExtractionStatus.FAILED,
                                    extraction_error="ValueError: spaCy fell over")  # fmt: skip
    client.force_login(alice)
    response = client.get(reverse("desk"))
    assert [(a.pk, a.open_claims) for a in response.context["unreviewed"]] == [(claim.article_id, 1)]
    assert [a.pk for a in response.context["failed"]] == [failed.pk]
    assert (response.context["unreviewed_count"], response.context["failed_count"]) == (1, 1)
    page = response.content.decode()
    assert (
        'href="/articles/?progress=open">all 1</a>' in page
        and 'href="/articles/?extraction=failed">all 1 failed</a>' in page
    )
    assert "ValueError: spaCy fell over" in response.content.decode()


def test_the_desk_shows_the_dismissal_rate_of_each_extractor_version(client, alice, article):
    def claim(n, version):
        made = factories.make_claim(article, fingerprint=f"f{n}", extractor_version=version)
        return made

    old = [claim(n, "1.1.0") for n in range(4)]
    new = [claim(n, "1.2.0") for n in range(4, 6)]
    workflow.transition(old[0], to="dismissed", editor=alice, version=1, reason="not_a_claim")
    workflow.transition(old[1], to="dismissed", editor=alice, version=1, reason="background")
    workflow.transition(old[2], to="verified", editor=alice, version=1)
    workflow.transition(new[0], to="verified", editor=alice, version=1)
    client.force_login(alice)
    response = client.get(reverse("desk"))
    tallies = [(t.version, t.claims, t.decided, t.dismissed, t.not_a_claim) for t in response.context["extractors"]]
    assert tallies == [("1.2.0", 2, 1, 0, 0), ("1.1.0", 4, 3, 2, 1)]
    table = response.content.decode().split('id="extractors"')[1].split("</table>")[0]
    assert "<td>1.1.0</td>" in table and "67 %" in table and "0 %" in table
    counts = {value: count for value, _, count in response.context["statuses"]}
    assert counts["dismissed"] == 2 and counts["new"] == 2


def test_dismissed_claims_do_not_make_an_article_unreviewed(client, alice, article):
    claim = factories.make_claim(article)
    workflow.transition(claim, to="dismissed", editor=alice, version=1)
    client.force_login(alice)
    assert list(client.get(reverse("desk")).context["unreviewed"]) == []


@pytest.mark.parametrize("n", [1, 50])
def test_the_desk_costs_the_same_queries_for_1_and_50_claims(client, alice, django_assert_max_num_queries, n):
    for _ in range(n):
        claim = factories.make_claim(factories.make_article())
        workflow.assign(claim, assignee=alice, editor=alice, version=1)
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("desk"))
    assert len(response.context["mine"]) == min(n, 15) and response.context["mine_count"] == n
    assert f'href="/review/?assignee=mine">all {n} in the queue</a>' in response.content.decode()
