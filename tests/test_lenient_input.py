"""Lenient where real feeds are messy, strict where it matters (issue 15 item 5)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from articles.ingest import ArticleInput, ingest_article, parse_json_object
from articles.language import detect_language
from articles.models import Article

ENGLISH = "Some 2,000 people are waiting at the Bruzgi border crossing into Poland, officials said."
GERMAN = "Rund 2.000 Menschen warten am Grenzübergang Bruzgi."


def test_a_push_without_a_title_takes_the_first_line_and_keeps_the_body_whole(api_as, alice):
    body = "Migrants wait at Bruzgi\n" + ENGLISH
    response = api_as(alice).post("/api/v1/articles/", {"body": body})
    assert response.status_code == 201
    assert response.json()["title"] == "Migrants wait at Bruzgi" and response.json()["body"] == body


@pytest.mark.parametrize(
    "sent, stored, precision, shown",
    [
        ("2024-12", "2024-12-01", "month", "Dec 2024"),
        ("2024", "2024-01-01", "year", "2024"),
        ("2024-12-05", "2024-12-05", "day", "5 Dec 2024"),
        ("2024-12-05T09:30:00+01:00", "2024-12-05", "day", "5 Dec 2024"),
    ],
)
def test_a_month_or_a_year_is_accepted_with_its_precision_kept_and_shown(
    api_as, alice, client, sent, stored, precision, shown
):
    response = api_as(alice).post("/api/v1/articles/", {"title": "t", "body": ENGLISH, "published": sent})
    assert response.status_code == 201
    data = response.json()
    assert (data["published"], data["published_precision"]) == (stored, precision)
    client.force_login(alice)
    assert shown in client.get(f"/articles/{data['id']}/").content.decode()


def test_a_month_date_can_be_corrected_to_a_day(api_as, alice):
    article_id = api_as(alice).post("/api/v1/articles/", {"body": ENGLISH, "published": "2024-12"}).json()["id"]
    data = api_as(alice).patch(f"/api/v1/articles/{article_id}/", {"published": "2024-12-05"}).json()
    assert (data["published"], data["published_precision"]) == ("2024-12-05", "day")


def test_a_json_list_ingests_every_good_item_and_names_each_bad_one_by_index(tmp_path, db, capsys):
    items = [
        {"title": "Good one", "body": ENGLISH},
        {"title": "No body"},
        {"body": "A second good one: 300 boats crossed the Channel on Tuesday, the ministry said."},
        {"title": "Bad date", "body": "Some 40 people waited, officials said.", "published": "last week"},
    ]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(items))
    with pytest.raises(CommandError) as refused:
        call_command("ingest", str(path), "--verbosity", "0")
    err = capsys.readouterr().err
    assert "item 2: item 2: 'body' is required" in err and "item 4" in err and "'published'" in err
    assert "(item 2)" in str(refused.value) and "(item 4)" in str(refused.value)
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "A second good one: 300 boats crossed the Channel on Tuesday, the ministry said.",
        "Good one",
    ]


@pytest.mark.parametrize(
    "text, language",
    [
        (ENGLISH, "en"),
        (GERMAN, "de"),
        ("Plus de 8 000 personnes ont tenté d'entrer dans l'Union européenne cette année.", "fr"),
        ("Около 2000 человек ждут на границе с Польшей.", "ru"),
        ("2,000", None),
    ],
)
def test_the_language_is_read_from_the_text(text, language):
    assert detect_language(text) == language


def test_english_text_declared_german_is_extracted_and_the_mismatch_recorded(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_article(parse_json_object({"title": "t", "body": ENGLISH, "language": "de"}))
    article = Article.objects.get(pk=result.article.pk)
    assert (article.language, article.declared_language, article.language_mismatch) == ("en", "de", True)
    assert article.extraction_status == "done" and article.claims.exists()


def test_a_short_german_text_sent_as_english_is_never_extracted_as_english(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_article(ArticleInput(title="Grenze", body=GERMAN, language="en"))
    article = Article.objects.get(pk=result.article.pk)
    assert (article.language, article.language_mismatch) == ("de", True)
    assert article.extraction_status == "unsupported" and not article.claims.exists()
    assert "'de'" in article.extraction_error


def test_the_api_shows_the_detected_and_the_declared_language(api_as, alice):
    data = api_as(alice).post("/api/v1/articles/", {"title": "t", "body": GERMAN}).json()
    assert (data["language"], data["declared_language"], data["language_mismatch"]) == ("de", "", False)
