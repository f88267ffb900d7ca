"""Re-extraction: batches through the pipeline, keeps editors' work, reports failures."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims import extraction, workflow
from claims.models import Claim

from . import factories
from .test_tasks import use_extractor


@pytest.fixture
def fake_extractor(monkeypatch):
    """Finds 'Some 2,000' wherever it stands; counts the batches it was given."""
    batches = []

    def extract(text, published=None):
        return [factories.make_draft(text, "Some 2,000")] if "Some 2,000" in text else []

    def extract_many(items):
        items = list(items)
        batches.append(len(items))
        return [extract(text, published) for text, published in items]

    monkeypatch.setattr(extraction, "extract", extract)
    monkeypatch.setattr(extraction, "extract_many", extract_many)
    return batches


def test_reextract_all_keeps_the_verdict_an_editor_gave(db, alice, fake_extractor, capsys):
    first, second = factories.make_article(), factories.make_article()
    call_command("reextract", "--all")
    claim = Claim.objects.get(article=first)
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    call_command("reextract", "--all")
    assert "2 article(s) extracted, 0 failed" in capsys.readouterr().out
    claim.refresh_from_db()
    assert claim.status == "in_review" and Claim.objects.count() == 2
    assert fake_extractor == [2, 2]  # one pass through the pipeline for both articles, each time
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}
    assert second.claims.count() == 1


def test_reextract_outdated_takes_only_articles_of_another_version(db, fake_extractor):
    factories.make_article()
    old = factories.make_article()
    call_command("reextract", "--all")
    Article.objects.filter(pk=old.pk).update(extractor_version="0.0.1")
    call_command("reextract", "--outdated")
    assert fake_extractor == [2, 1]


def test_reextract_by_id_refuses_unknown_ids(db, fake_extractor):
    article = factories.make_article()
    with pytest.raises(CommandError, match="no such article: 999999"):
        call_command("reextract", str(article.pk), "999999")
    assert fake_extractor == []


def test_reextract_reports_failed_articles(db, monkeypatch):
    factories.make_article()

    def broken(text, published=None):
        raise RuntimeError("boom")

    use_extractor(monkeypatch, broken)
    with pytest.raises(CommandError, match="1 article"):
        call_command("reextract", "--all")
    assert Article.objects.get().extraction_error == "RuntimeError: boom"


def test_ingest_command_schedules_each_article_as_it_is_saved(
    db, tmp_path, fake_extractor, django_capture_on_commit_callbacks
):
    # One extraction per article, sent when its transaction commits: a run stopped half-way (a crash, a bad
    # file, the broker gone) leaves no saved article unscheduled.
    for n in range(20):
        (tmp_path / f"{n:02}.txt").write_text(f"Headline {n}\nSome 2,000 people waited, report {n} says.")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(tmp_path))
    assert fake_extractor == [1] * 20
    assert Claim.objects.count() == 20
