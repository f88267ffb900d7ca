"""Ingestion: every format, both seeds, bad input, idempotency, the command."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles import ingest
from articles.ingest import IngestError, ingest_article, ingest_document, parse_document
from articles.models import Article, Outlet
from claims import tasks

ROOT = Path(__file__).resolve().parent.parent
SEED_WITH_HEADER = ROOT / "seeds" / "000_8f2e4d9718bdb8d5.txt"
SEED_WITHOUT_HEADER = ROOT / "seeds" / "004_b9e9a157dd8c293d.txt"
HTML = Path(__file__).parent / "data" / "article.html"


def test_seed_header_gives_date_url_title_and_body():
    [item] = parse_document(SEED_WITH_HEADER.name, SEED_WITH_HEADER.read_bytes())
    assert item.published == datetime.date(2021, 11, 21)
    assert item.url == "https://ria.ru/20211121/situatsiya-1760048644.html"
    assert item.title == "French Foreign Minister called on Putin to intervene in the situation on the Polish border"
    assert item.body.startswith("French Foreign Minister Jean-Yves Le Drian hopes")
    assert item.body.endswith("PT0M56S")


def test_seed_without_header_still_gets_a_title_and_no_date():
    [item] = parse_document(SEED_WITHOUT_HEADER.name, SEED_WITHOUT_HEADER.read_bytes())
    assert (
        item.title
        == "Crisis must be resolved within framework of international humanitarian norms, according to Kremlin."
    )
    assert item.published is None and item.url == ""
    assert item.body.startswith("MOSCOW (AA) – Russian President")
    assert "Some 2,000 people are waiting at Belarus’ Bruzgi border crossing" in item.body


def test_plain_text_windows_line_endings_are_normalised():
    [item] = parse_document("note.txt", b"Headline here\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n")
    assert item.title == "Headline here"
    assert item.body == "First paragraph.\nSecond paragraph."


def test_json_object_and_list():
    one = {
        "title": "Budget",
        "body": "The council approved a budget of $3bn.",
        "url": "https://news.example.org/a",
        "published": "2024-05-02T10:00:00+02:00",
        "outlet": "Example News",
        "language": "en",
    }
    [item] = parse_document("a.json", json.dumps(one).encode())
    assert item.published == datetime.date(2024, 5, 2) and item.outlet == "Example News"
    items = parse_document("many.json", json.dumps([one, {"title": "B", "body": "Two."}]).encode())
    assert [i.title for i in items] == ["Budget", "B"]


def test_html_page_main_text_title_date_and_url_by_trafilatura():
    [item] = parse_document(HTML.name, HTML.read_bytes())
    assert item.title == "Harbour authority reports record cargo year"
    assert item.published == datetime.date(2024, 3, 14)
    assert item.url == "https://www.coastalcourier.example.com/business/2024/03/harbour-record-cargo"
    assert item.body.startswith("The port handled more than 41 million tonnes")
    assert "Cookie settings" not in item.body and "Home" not in item.body


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n  ", "empty"),
        ("latin1.txt", "Caf\u00e9 prices rose 5%".encode("latin-1"), "not UTF-8"),
        ("title-only.txt", b"Just a headline\n", "no body"),
        ("no-body.json", b'{"title": "x"}', "'body' is required"),
        ("broken.json", b'{"title": ', "invalid JSON"),
        ("wrong-type.json", b'{"title": "x", "body": 5}', "'body' is required"),
        ("bad-date.json", b'{"title": "x", "body": "y", "published": "yesterday"}', "not an ISO date"),
        ("empty.html", b"<html><head><title>x</title></head><body></body></html>", "no body"),
    ],
)
def test_bad_input_is_refused_with_a_reason(name, data, message):
    with pytest.raises(IngestError, match=message):
        parse_document(name, data)


def test_ingest_creates_article_with_outlet_from_url_domain(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_document(SEED_WITH_HEADER.name, SEED_WITH_HEADER.read_bytes())[0]
    assert result.created
    article = Article.objects.get()
    assert article.outlet.domain == "ria.ru" and article.outlet.name == "ria.ru"
    assert article.extraction_status == Article.ExtractionStatus.DONE  # the task ran on commit, in-process


def test_same_url_or_same_text_twice_creates_nothing(db):
    first = ingest_document(SEED_WITH_HEADER.name, SEED_WITH_HEADER.read_bytes())[0]
    again = ingest_document(SEED_WITH_HEADER.name, SEED_WITH_HEADER.read_bytes())[0]
    assert not again.created and again.article.pk == first.article.pk and "same URL" in again.reason
    [item] = parse_document("copy.txt", SEED_WITHOUT_HEADER.read_bytes())
    ingest_article(item)
    same_text = ingest_article(ingest.ArticleInput(title="Other headline", body=item.body + "\n  "))
    assert not same_text.created and "same text" in same_text.reason
    assert Article.objects.count() == 2 and Outlet.objects.count() == 1


def test_invalid_url_is_refused_and_saves_nothing(db):
    with pytest.raises(IngestError, match="not a valid http"):
        ingest_article(ingest.ArticleInput(title="t", body="b", url="javascript:alert(1)"))
    assert Article.objects.count() == 0


def test_extraction_is_scheduled_only_after_commit(db, django_capture_on_commit_callbacks, monkeypatch):
    scheduled = []
    monkeypatch.setattr(tasks.extract_article, "apply_async", lambda args, *rest, **options: scheduled.extend(args))
    with django_capture_on_commit_callbacks() as callbacks:
        result = ingest_article(ingest.ArticleInput(title="t", body="Some 2,000 people waited."))
        assert scheduled == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert scheduled == [result.article.pk]


def test_ingest_command_reports_each_file_and_ingests_the_good_ones(db, tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Headline\nBody with 300 settlements.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes("Titre\nCaf\u00e9".encode("latin-1"))
    (tmp_path / "title-only.txt").write_text("Only a title")
    (tmp_path / "ignored.csv").write_text("a,b")
    missing = tmp_path / "missing.txt"
    with pytest.raises(CommandError) as error:
        call_command("ingest", str(tmp_path), str(missing))
    out, err = capsys.readouterr()
    for name in ("empty.txt", "latin1.txt", "title-only.txt", "missing.txt"):
        assert name in str(error.value)
        assert f"failed: {tmp_path / name if name != 'missing.txt' else missing}" in err
    assert "good.txt" not in str(error.value)
    assert "created: " in out and "1 created, 0 unchanged, 4 failed" in out
    assert Article.objects.get().title == "Headline"


def test_ingest_command_seeds_twice_is_idempotent(db, capsys):
    call_command("ingest", str(ROOT / "seeds"))
    call_command("ingest", str(ROOT / "seeds"))
    out = capsys.readouterr().out
    assert "2 created, 0 unchanged, 0 failed" in out and "0 created, 2 unchanged, 0 failed" in out
    assert Article.objects.count() == 2


def test_ingest_command_shows_a_progress_bar_on_many_files(db, tmp_path, capsys):
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"Headline {n}\nBody number {n} with {n * 7} people.")
    call_command("ingest", str(tmp_path))
    err = capsys.readouterr().err
    assert "6/6" in err and "file" in err
    assert Article.objects.count() == 6
