"""Corrections and URLs (issue 15 item 4): update an article, keep editors' work, one story one article."""

from __future__ import annotations

import pytest

from articles.ingest import ArticleChanged, ArticleInput, ingest_article, url_key
from articles.models import Article
from claims import workflow

from . import factories

BODY = (
    "Some 2,000 people are waiting at the Bruzgi border crossing into Poland.\n"
    "More than 8,000 people have tried to enter the bloc in 2021."
)
CORRECTED = (
    "Some 2,000 people are waiting at the Bruzgi border crossing into Poland, officials said.\n"
    "More than 9,000 people have tried to enter the bloc in 2021."
)
URL = "https://www.aa.com.tr/en/europe/border/1"


@pytest.mark.parametrize(
    "variant",
    [
        "http://www.aa.com.tr/en/europe/border/1",
        "https://aa.com.tr/en/europe/border/1/",
        "https://www.aa.com.tr/en/europe/border/1?utm_source=twitter&utm_medium=social",
        "https://WWW.AA.COM.TR/en/europe/border/1?fbclid=abc#comments",
        "https://www.aa.com.tr:443/en/europe/border/1?gclid=x",
    ],
)
def test_the_same_story_under_another_spelling_of_its_url_is_one_article(variant):
    assert url_key(variant) == url_key(URL) == "aa.com.tr/en/europe/border/1"


def test_parameters_that_name_the_story_are_kept_in_any_order():
    assert url_key("https://x.org/read?id=3&page=2") == url_key("https://x.org/read?page=2&id=3&utm_campaign=a")
    assert url_key("https://x.org/read?id=3") != url_key("https://x.org/read?id=4")


def push(client, url=URL, body=BODY, title="Migrants wait at the border", **query):
    path = "/api/v1/articles/" + ("?update=true" if query.get("update") else "")
    return client.post(path, {"title": title, "body": body, "url": url, "published": "2021-11-21"})


@pytest.fixture
def pushed(api_as, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = push(api_as(alice))
    assert response.status_code == 201
    return Article.objects.get(pk=response.json()["id"])


def test_a_tracking_variant_of_a_known_url_answers_200_with_the_article(api_as, alice, pushed):
    response = push(api_as(alice), url=URL.replace("https://www.", "http://") + "/?utm_source=x")
    assert response.status_code == 200 and response.json()["id"] == pushed.pk
    assert Article.objects.count() == 1 and pushed.url == URL  # stored without tracking parameters


def test_a_corrected_text_at_a_known_url_is_a_409_naming_the_article(api_as, alice, pushed):
    response = push(api_as(alice), body=CORRECTED)
    assert response.status_code == 409
    assert response.json()["code"] == "article_changed" and response.json()["article"] == pushed.pk
    pushed.refresh_from_db()
    assert pushed.body == BODY


def test_update_true_corrects_the_article_and_keeps_the_editors_verdict(
    api_as, alice, pushed, django_capture_on_commit_callbacks
):
    claim = pushed.claims.get(quote__startswith="Some 2,000")
    workflow.transition(claim, to="verified", editor=alice, version=claim.version, note="UNHCR")
    with django_capture_on_commit_callbacks(execute=True):
        response = push(api_as(alice), body=CORRECTED, update=True)
    assert response.status_code == 200 and response.json()["id"] == pushed.pk
    pushed.refresh_from_db()
    assert pushed.body == CORRECTED and pushed.extraction_status == "done"
    claim.refresh_from_db()
    assert claim.status == "verified" and pushed.body[claim.quote_start : claim.quote_end] == claim.quote
    assert claim.sentence.endswith("officials said.")
    assert pushed.claims.filter(quote__contains="9,000").exists() and not pushed.claims.filter(quote__contains="8,000")


def test_patch_corrects_the_title_and_every_claim_records_it(
    api_as, alice, vera, pushed, django_capture_on_commit_callbacks
):
    claim = pushed.claims.first()
    etag = api_as(vera).get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(alice).patch(f"/api/v1/articles/{pushed.pk}/", {"title": "Thousands wait at Bruzgi"})
    assert response.status_code == 200 and response.json()["title"] == "Thousands wait at Bruzgi"
    fresh = api_as(vera).get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh.json()["article"]["title"] == "Thousands wait at Bruzgi"
    assert claim.events.order_by("-id").first().after == {"title": "Thousands wait at Bruzgi"}
    feed = api_as(vera).get("/api/v1/events/", {"type": ["article.updated", "claim.article_changed"]}).json()
    types = [e["type"] for e in feed["results"]]
    assert types[0] == "article.updated" and types.count("claim.article_changed") == pushed.claims.count()
    assert feed["results"][0]["fields"] == ["title"] and feed["results"][0]["actor_name"] == "alice"


def test_patch_of_the_body_re_extracts_and_keeps_notes(api_as, alice, pushed, django_capture_on_commit_callbacks):
    claim = pushed.claims.get(quote__startswith="Some 2,000")
    workflow.annotate(claim, text="Checked with the border guard.", editor=alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(alice).patch(f"/api/v1/articles/{pushed.pk}/", {"body": CORRECTED})
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.annotations.count() == 1 and not claim.orphaned
    assert CORRECTED[claim.quote_start : claim.quote_end] == claim.quote


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "non_field_errors"),
        ({"body": "  "}, "non_field_errors"),
        ({"text": "x"}, "text"),
        ({"url": "ftp://x"}, "url"),
    ],
)
def test_a_bad_correction_changes_nothing(api_as, alice, pushed, payload, field):
    response = api_as(alice).patch(f"/api/v1/articles/{pushed.pk}/", payload)
    assert response.status_code == 400 and field in response.json()["fields"]


def test_a_correction_that_would_duplicate_another_article_is_a_409(api_as, alice, pushed):
    other = factories.make_article(body="Another story entirely, about 40 boats.")
    response = api_as(alice).patch(f"/api/v1/articles/{other.pk}/", {"url": URL + "/?utm_source=x"})
    assert (
        response.status_code == 409
        and response.json()["code"] == "duplicate"
        and response.json()["article"] == pushed.pk
    )


def test_a_viewer_cannot_correct_an_article(api_as, vera, pushed):
    assert api_as(vera).patch(f"/api/v1/articles/{pushed.pk}/", {"title": "x"}).status_code == 403
    assert push(api_as(vera), body=CORRECTED, update=True).status_code == 403


def test_an_article_is_looked_up_by_any_spelling_of_its_url(api_as, vera, pushed):
    found = api_as(vera).get("/api/v1/articles/", {"url": "http://aa.com.tr/en/europe/border/1/?utm_medium=x"}).json()
    assert [a["id"] for a in found["results"]] == [pushed.pk]
    assert api_as(vera).get("/api/v1/articles/", {"url": "https://aa.com.tr/other"}).json()["results"] == []


def test_the_admin_corrects_an_article_through_the_service(client, staff, pushed, django_capture_on_commit_callbacks):
    client.force_login(staff)
    data = {"title": pushed.title, "body": CORRECTED, "url": pushed.url, "published": "2021-11-22"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/articles/article/{pushed.pk}/change/", data | {"claims-TOTAL_FORMS": 0, "claims-INITIAL_FORMS": 0}
        )
    assert response.status_code == 302, response.content[:2000]
    pushed.refresh_from_db()
    assert pushed.body == CORRECTED and str(pushed.published) == "2021-11-22"
    assert pushed.claims.filter(quote__contains="9,000").exists()


def test_the_ingest_command_refuses_a_changed_text_unless_told_to_update(tmp_path, db):
    from django.core.management import CommandError, call_command

    first = ingest_article(ArticleInput(title="Border", body=BODY, url=URL))
    path = tmp_path / "again.json"
    path.write_text(f'{{"title": "Border", "body": {CORRECTED!r}, "url": "{URL}?utm_source=rss"}}'.replace("'", '"'))
    with pytest.raises(CommandError):
        call_command("ingest", str(path), verbosity=0)
    call_command("ingest", str(path), "--update", verbosity=0)
    first.article.refresh_from_db()
    assert first.article.body == CORRECTED


def test_ingest_without_update_raises_article_changed(db):
    ingest_article(ArticleInput(title="Border", body=BODY, url=URL))
    with pytest.raises(ArticleChanged):
        ingest_article(ArticleInput(title="Border", body=CORRECTED, url=URL))
