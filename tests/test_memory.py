"""Bounded memory: no list, task or export copies an article's body into each of its claims, and an
article's size and claim count have caps.

A 200 KB article's claims listed with their article selected cost 1,768 MB against 86 MB with the body
left out; so every claim list below is read through its SQL: the body column must not be in it.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.ingest import ArticleInput, ArticleTooLarge, ingest_article
from articles.models import Article
from claims import queries, sync
from claims.linking import candidates, suggest
from claims.models import Claim, ClaimLink

from . import factories

BODY_COLUMN = '"articles_article"."body"'


class BodyReads(CaptureQueriesContext):
    """Queries run inside the block; `.reading_body` are those that read an article's body."""

    def __init__(self):
        super().__init__(connection)

    @property
    def reading_body(self) -> list[str]:
        """Queries whose selected columns include the body (SQLite also groups by it: no copy in Python)."""
        return [query["sql"] for query in self.captured_queries if BODY_COLUMN in query["sql"].split(" FROM ")[0]]


@pytest.fixture
def linked(alice):
    """Two articles with claims of the same fact: a confirmed link and a suggestion."""
    here, there = factories.make_article(), factories.make_article()
    mine = factories.make_claim(here)
    same = factories.make_claim(there)
    other = factories.make_claim(there, quote="More than 8,000", value=8000, value_low=8001, value_high=None)
    ClaimLink.objects.create(from_claim=mine, to_claim=same, relation="same", state="confirmed", created_by=alice)
    ClaimLink.objects.create(from_claim=mine, to_claim=other, relation="contradicts", state="suggested")
    return mine


def test_the_reads_behind_claim_lists_leave_the_article_body_out(linked):
    with BodyReads() as reads:
        list(queries.queue())
        queries.fact_group(linked)
        list(queries.links_of(linked))
        list(queries.suggestions_for(linked))
        list(Claim.objects.for_queue())
        candidates.candidates(linked)
    assert len(reads.captured_queries) >= 6
    assert reads.reading_body == []


def test_link_suggestions_for_a_whole_article_never_read_its_body(linked):
    with BodyReads() as reads:
        suggest.suggest_for_article(linked.article_id)
    assert reads.reading_body == []


@pytest.mark.parametrize(
    "url",
    [
        reverse("desk"),
        reverse("queue"),
        reverse("queue") + "?status=new&status=in_review&status=verified&q=people",
        reverse("queue-export"),
        reverse("article-list"),
        "/api/v1/claims/",
        "/api/v1/articles/",
    ],
)
def test_list_pages_the_export_and_the_api_lists_leave_the_body_out(client, alice, linked, url):
    client.force_login(alice)
    with BodyReads() as reads:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    assert reads.reading_body == []


def test_the_claim_page_reads_its_own_article_once_and_no_other(client, alice, linked):
    client.force_login(alice)
    with BodyReads() as reads:
        response = client.get(reverse("claim-detail", args=[linked.pk]) + "?link_q=people")
    assert response.status_code == 200
    assert len(reads.reading_body) == 1  # the paragraph around this claim


def test_the_link_search_box_leaves_the_body_out(client, alice, linked):
    client.force_login(alice)
    with BodyReads() as reads:
        response = client.get(reverse("claim-link-search", args=[linked.pk]), {"link_q": "people"})
    assert response.status_code == 200 and b"#" in response.content
    assert reads.reading_body == []


@pytest.mark.parametrize("url", ["/admin/claims/claim/", "/admin/articles/article/", "/admin/claims/claimlink/"])
def test_admin_lists_leave_the_body_out(admin_client, linked, url):
    with BodyReads() as reads:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert reads.reading_body == []


def test_an_article_with_many_claims_links_to_them_in_the_admin_instead_of_listing_them(admin_client, monkeypatch):
    from claims import admin as claims_admin

    article = factories.make_article()
    factories.make_claim(article)
    factories.make_claim(article, quote="More than 8,000")
    page = admin_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert b'name="claims-TOTAL_FORMS"' in page.content  # few claims: listed inline
    monkeypatch.setattr(claims_admin, "INLINE_CLAIMS", 1)
    page = admin_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert page.status_code == 200 and b'name="claims-TOTAL_FORMS"' not in page.content
    assert f"?article__id__exact={article.pk}".encode() in page.content
    assert b"2 claim(s) in the list of claims" in page.content


# Caps


def test_an_article_above_the_size_cap_is_refused_by_the_service(db, settings):
    settings.FACTDESK_ARTICLE_MAX_BYTES = 100
    with pytest.raises(ArticleTooLarge, match="the body is 101 bytes, the limit is 100"):
        ingest_article(ArticleInput(title="Too long", body="x" * 101))
    ingest_article(ArticleInput(title="Just fits", body="y" * 100))
    assert list(Article.objects.values_list("title", flat=True)) == ["Just fits"]


def test_the_cap_counts_bytes_not_characters(db, settings):
    settings.FACTDESK_ARTICLE_MAX_BYTES = 100
    with pytest.raises(ArticleTooLarge):
        ingest_article(ArticleInput(title="Accents", body="é" * 51))  # 102 bytes in UTF-8


def test_the_api_answers_413_for_an_article_above_the_cap(api_as, alice, settings):
    settings.FACTDESK_ARTICLE_MAX_BYTES = 100
    response = api_as(alice).post("/api/v1/articles/", {"title": "Too long", "body": "z" * 150}, format="json")
    assert response.status_code == 413
    assert response.json()["code"] == "article_too_large"
    assert "FACTDESK_ARTICLE_MAX_BYTES" in response.json()["fields"]["body"][0]
    assert not Article.objects.exists()


def test_the_ingest_command_refuses_the_same_article_and_goes_on(db, settings, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    settings.FACTDESK_ARTICLE_MAX_BYTES = 100
    (tmp_path / "big.txt").write_text("A long title\n" + "z" * 150)
    (tmp_path / "small.txt").write_text("A short title\nSome 2,000 people are waiting.")
    with pytest.raises(CommandError, match="big.txt"):
        call_command("ingest", str(tmp_path))
    assert "too large: the body is 150 bytes" in capsys.readouterr().err
    assert list(Article.objects.values_list("title", flat=True)) == ["A short title"]


def test_an_article_with_more_claims_than_the_cap_fails_with_the_count_and_stores_none(db, settings):
    settings.FACTDESK_MAX_CLAIMS_PER_ARTICLE = 2
    body = "Some 2,000 people waited. More than 8,000 people tried. About 150 people crossed."
    article = factories.make_article(body=body)
    sync.extract_article_claims(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert article.extraction_error.startswith("too many claims: 3 found, the limit is 2")
    assert not article.claims.exists()
    settings.FACTDESK_MAX_CLAIMS_PER_ARTICLE = 3
    sync.extract_article_claims(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE and article.claims.count() == 3


def test_workers_replace_a_pool_process_that_grew_past_the_memory_limit():
    from factdesk.celery import app

    assert app.conf.worker_max_memory_per_child == 800_000  # KiB, CELERY_WORKER_MAX_MEMORY_PER_CHILD
