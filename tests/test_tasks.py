"""The extraction task: status on the article, failures recorded, idempotent."""

import dataclasses
import logging
import os
import subprocess
import sys

import pytest

from articles.models import Article
from claims import extraction, sync, tasks
from claims.models import Claim

from . import factories


def use_extractor(monkeypatch, extract) -> None:
    """Replace the extractor, single and batch, with `extract` (text, published) -> drafts."""
    monkeypatch.setattr(extraction, "extract", extract)
    monkeypatch.setattr(extraction, "extract_many", lambda items: [extract(*item) for item in items])


def test_task_records_done_and_the_extractor_version(article, caplog):
    caplog.set_level(logging.INFO, logger="claims.services")
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.extractor_version == extraction.EXTRACTOR_VERSION and article.extracted_at is not None
    assert all(f"article={article.pk}" in line for line in caplog.messages)


def test_task_records_a_failure_with_its_error_and_keeps_the_article(article, monkeypatch):
    def broken(text, published=None):
        raise RuntimeError("parser exploded")

    use_extractor(monkeypatch, broken)
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert article.extraction_error == "RuntimeError: parser exploded"


def test_task_marks_other_languages_unsupported(article, monkeypatch):
    def russian(text, published=None):
        raise extraction.UnsupportedLanguage("ru")

    use_extractor(monkeypatch, russian)
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.UNSUPPORTED
    assert "language not supported" in article.extraction_error
    assert not Claim.objects.exists()


def test_task_for_a_deleted_article_does_nothing(db):
    tasks.extract_article(987654)
    assert not Article.objects.exists()


def test_running_twice_stores_each_claim_once(article, monkeypatch):
    use_extractor(
        monkeypatch,
        lambda text, published=None: [
            factories.make_draft(text, "Some 2,000"),
            factories.make_draft(text, "More than 8,000"),
        ],
    )
    tasks.extract_article(article.pk)
    first = set(Claim.objects.values_list("pk", flat=True))
    tasks.extract_article(article.pk)
    assert set(Claim.objects.values_list("pk", flat=True)) == first and len(first) == 2


def test_sync_keeps_an_edited_claim_and_removes_untouched_ones(article, alice, monkeypatch):
    from claims import workflow

    drafts = [factories.make_draft(article.body, "Some 2,000"), factories.make_draft(article.body, "More than 8,000")]
    sync.sync_claims(article, drafts)
    kept = Claim.objects.get(quote="Some 2,000")
    workflow.transition(kept, to="in_review", editor=alice, version=kept.version)
    workflow.edit_fields(kept, changes={"unit": "migrant"}, editor=alice, version=kept.version)
    # The article changes: both quotes vanish from extraction, one still stands in the text.
    article.body = "Breaking.\n" + article.body
    article.save()
    result = sync.sync_claims(article, [])
    assert result.removed == 1 and result.reanchored == 1
    kept.refresh_from_db()
    assert kept.status == "in_review" and kept.unit == "migrant" and not kept.orphaned
    assert article.body[kept.quote_start : kept.quote_end] == "Some 2,000"
    assert article.body[kept.sentence_start : kept.sentence_end] == kept.sentence


def test_sync_orphans_an_edited_claim_whose_quote_is_gone(article, alice):
    claim = factories.make_claim(article)
    workflow_note(claim, alice)
    article.body = article.body.replace("Some 2,000", "Roughly 1,500")
    article.save()
    result = sync.sync_claims(article, [])
    claim.refresh_from_db()
    assert result.orphaned == 1 and claim.orphaned and claim.annotations.count() == 1


def test_sync_never_overwrites_a_field_an_editor_corrected(article, alice):
    draft = factories.make_draft(article.body, "Some 2,000")
    sync.sync_claims(article, [draft])
    claim = Claim.objects.get()
    from claims import workflow

    workflow.edit_fields(claim, changes={"unit": "migrant"}, editor=alice, version=claim.version)
    sync.sync_claims(article, [dataclasses.replace(draft, unit="person", score=0.9)])
    claim.refresh_from_db()
    assert claim.unit == "migrant" and claim.score == 0.9 and claim.extracted["unit"] == "person"


def workflow_note(claim, editor):
    from claims import workflow

    workflow.annotate(claim, text="Checked with UNHCR", editor=editor)


def test_a_german_article_is_marked_unsupported_by_the_real_extractor(db):
    body = (
        "Mehr als 8.000 Menschen haben in diesem Jahr versucht, über die Grenze zu Belarus in die EU zu gelangen.\n"
        "Nach Angaben der Behörden warten derzeit etwa 2.000 Menschen am Grenzübergang Brusgi."
    )
    article = factories.make_article(body=body)
    tasks.extract_article(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.UNSUPPORTED
    assert article.extraction_error.startswith("language not supported") and not article.claims.exists()


def _touched_claim(article, editor, quote):
    from claims import workflow

    claim = factories.make_claim(article, quote=quote)
    workflow.annotate(claim, text="Checked", editor=editor)
    return claim


def test_reanchoring_prefers_the_place_with_the_same_surrounding_words(db, alice):
    article = factories.make_article(body="Some 2,000 people waited at Bruzgi.\nSome 2,000 people marched in Minsk.")
    claim = _touched_claim(article, alice, "Some 2,000")  # the first line: Bruzgi
    article.body = "Some 2,000 people marched in Minsk.\nBreaking.\nSome 2,000 people waited at Bruzgi."
    article.save()
    assert sync.sync_claims(article, []).reanchored == 1
    claim.refresh_from_db()
    assert claim.quote_start == article.body.index("Some 2,000 people waited")
    assert claim.sentence == "Some 2,000 people waited at Bruzgi."


def test_reanchoring_falls_back_to_the_most_alike_surroundings_when_the_words_changed(db, alice):
    article = factories.make_article(body="Officials said some 2,000 people waited at Bruzgi.\nIt rained.")
    claim = _touched_claim(article, alice, "2,000")
    article.body = "It rained 2,000 times.\nOfficials said that some 2,000 people were waiting at Bruzgi."
    article.save()
    sync.sync_claims(article, [])
    claim.refresh_from_db()
    assert claim.quote_start == article.body.index("2,000 people") and not claim.orphaned
    assert article.body[claim.sentence_start : claim.sentence_end] == claim.sentence


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_for_one_article_store_its_claims_once(monkeypatch):
    import threading

    from django.db import connection

    article = factories.make_article()
    both_extracted = threading.Barrier(2, timeout=30)

    def extract(text, published=None):
        both_extracted.wait()  # both runs hold their drafts before either writes
        return [factories.make_draft(text, "Some 2,000"), factories.make_draft(text, "More than 8,000")]

    use_extractor(monkeypatch, extract)
    errors = []

    def run():
        try:
            sync.extract_article_claims(article.pk)
        except Exception as exc:  # surfaced below: a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(Claim.objects.values_list("quote", flat=True)) == ["More than 8,000", "Some 2,000"]
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE


def test_every_task_sent_by_name_is_known_to_a_fresh_process_once_django_is_set_up():
    """Tasks are sent by name; without a broker they run in-process only if the process has imported
    them. A web process or a command imports no task module itself, so the apps must."""
    names = [
        "claims.tasks.extract_article",
        "claims.tasks.article_changed",
        "claims.tasks.suggest_links",
        "claims.tasks.suggest_claim_links",
        "feed.tasks.deliver_webhook",
        "feed.tasks.dispatch_webhooks",
    ]
    script = (
        "import django, sys; django.setup(); from factdesk.celery import app; "
        "print(' '.join(n for n in sys.argv[1:] if n not in app.tasks))"
    )
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "factdesk.settings"}
    result = subprocess.run([sys.executable, "-c", script, *names], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == []
