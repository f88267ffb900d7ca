"""/api/v1/articles/: pushing articles through the ingestion service, listing and filtering them."""

import datetime

import pytest
from django.test import override_settings

from articles.models import Article
from claims.models import Claim

from . import factories

URL = "/api/v1/articles/"

PUSHED = {
    "title": "Migrants wait at the Belarus-Poland border",
    "body": "Some 2,000 people are waiting at Belarus' Bruzgi border crossing into Poland.",
    "url": "https://www.aa.com.tr/en/europe/border/2021",
    "published": "2021-11-21",
}


def test_an_editor_pushes_an_article_and_gets_it_back_with_its_extraction_status(api_as, alice):
    response = api_as(alice).post(URL, PUSHED, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == PUSHED["title"] and body["extraction_status"] == "pending"
    assert body["outlet"]["domain"] == "aa.com.tr" and body["published"] == "2021-11-21"
    assert response["Location"].endswith(f"{URL}{body['id']}/")
    article = Article.objects.get()
    assert article.pk == body["id"] and article.body == PUSHED["body"]


def test_pushing_schedules_extraction_once_the_article_is_committed(api_as, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = api_as(alice).post(URL, PUSHED, format="json")
    assert response.status_code == 201 and len(callbacks) == 1
    assert Article.objects.get().extraction_status == Article.ExtractionStatus.PENDING
    callbacks[0]()  # the commit happened: extraction runs (in-process here)
    article = Article.objects.get()
    assert article.extraction_status == Article.ExtractionStatus.DONE and article.claims.exists()


def test_the_same_url_pushed_again_answers_200_with_the_existing_article(api_as, alice):
    first = api_as(alice).post(URL, PUSHED, format="json").json()
    again = api_as(alice).post(URL, PUSHED | {"title": "Another headline"}, format="json")
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert Article.objects.count() == 1


def test_the_same_url_with_another_text_is_a_409_not_a_silent_200(api_as, alice):
    first = api_as(alice).post(URL, PUSHED, format="json").json()
    again = api_as(alice).post(URL, PUSHED | {"body": "Another text entirely."}, format="json")
    assert again.status_code == 409 and again.json()["article"] == first["id"]
    assert Article.objects.count() == 1


def test_the_same_text_pushed_again_answers_200_and_creates_nothing(api_as, alice):
    first = api_as(alice).post(URL, PUSHED, format="json").json()
    again = api_as(alice).post(URL, {"title": "Copy", "body": "  " + PUSHED["body"] + "\n"}, format="json")
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": 42, "body": "text"}, "title"),
        ({"title": "t"}, "body"),
        ({"title": "t", "body": "   \n "}, "body"),
        ({"title": "t", "body": "text", "url": "ftp://example.org/x"}, "url"),
        ({"title": "t", "body": "text", "published": "21 November"}, "published"),
        ({"title": "t", "body": 42}, "body"),
        ({"title": "t", "body": "text", "outlet": "x" * 201}, "outlet"),
    ],
)
def test_a_bad_article_gets_a_message_for_its_field_and_saves_nothing(api_as, alice, payload, field):
    response = api_as(alice).post(URL, payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and list(body["fields"]) == [field]
    assert Article.objects.count() == 0


def test_malformed_json_is_a_400_with_a_json_body(api_as, alice):
    response = api_as(alice).post(URL, '{"title": "t", "body": ', content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["code"] == "parse_error"
    assert Article.objects.count() == 0


def test_a_body_that_is_not_json_is_refused_with_415(api_as, alice):
    response = api_as(alice).post(URL, "title=t&body=b", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and response.json()["code"] == "unsupported_media_type"


@override_settings(FACTDESK_API_MAX_BODY_BYTES=1000)
def test_an_article_above_the_size_limit_is_refused_with_413_before_parsing(api_as, alice):
    response = api_as(alice).post(URL, {"title": "t", "body": "x" * 2000}, format="json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert Article.objects.count() == 0


def test_an_article_of_two_megabytes_gets_413_json_not_djangos_error_page(api_as, alice):
    response = api_as(alice).post(URL, {"title": "t", "body": "x" * 3_000_000}, format="json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_a_viewer_cannot_push_articles(api_as, vera):
    response = api_as(vera).post(URL, PUSHED, format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert Article.objects.count() == 0


def test_a_viewer_lists_articles_newest_first_without_bodies(api_as, vera):
    older, newer = factories.make_article(), factories.make_article()
    factories.make_claim(newer)
    response = api_as(vera).get(URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [newer.pk, older.pk]
    assert rows[0]["claim_count"] == 1 and "body" not in rows[0]


def test_one_article_comes_with_its_body(api_as, vera, article):
    response = api_as(vera).get(f"{URL}{article.pk}/")
    assert response.status_code == 200 and response.json()["body"] == article.body


def test_an_unknown_article_is_a_404_in_json(api_as, vera):
    response = api_as(vera).get(f"{URL}999999/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_articles_filter_by_outlet_published_dates_and_extraction_status(api_as, vera):
    other = factories.make_outlet("meduza.io", "Meduza")
    early = factories.make_article(published=datetime.date(2021, 1, 5))
    late = factories.make_article(published=datetime.date(2021, 12, 1), extraction_status="done")
    elsewhere = factories.make_article(outlet=other)
    client = api_as(vera)

    def ids(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(outlet=other.pk) == {elsewhere.pk}
    assert ids(published_after="2021-06-01") == {late.pk, elsewhere.pk}
    assert ids(published_before="2021-06-01") == {early.pk}
    assert ids(extraction_status="done") == {late.pk}


def test_an_unknown_filter_value_is_a_400_naming_the_filter(api_as, vera):
    response = api_as(vera).get(URL, {"extraction_status": "finished", "published_after": "soon"})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"extraction_status", "published_after"}


@pytest.mark.parametrize("rows", [1, 50])
def test_the_article_list_costs_the_same_queries_for_1_and_50_rows(api_as, vera, rows, django_assert_max_num_queries):
    for _ in range(rows):
        factories.make_claim(factories.make_article())
    client = api_as(vera)
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert response.status_code == 200 and len(response.json()["results"]) == rows
    assert Claim.objects.count() == rows


def test_an_article_carries_an_etag_and_answers_304_while_unchanged(api_as, vera, article):
    client = api_as(vera)
    first = client.get(f"/api/v1/articles/{article.pk}/")
    assert client.get(f"/api/v1/articles/{article.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Article.objects.filter(pk=article.pk).update(extraction_status="done")
    assert client.get(f"/api/v1/articles/{article.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
