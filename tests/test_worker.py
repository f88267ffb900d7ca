"""A real Celery worker on Redis sees an ingested article's extraction finish."""

import pytest

from articles.ingest import ArticleInput, ingest_article
from articles.models import Article

from .worker import private_queue, start_worker, stop, wait_until

# Each test starts a real Celery worker process: seconds apiece.
pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_extracts_an_ingested_article(tmp_path):
    log = tmp_path / "worker.log"
    with private_queue() as queue:
        worker = start_worker(queue, log)
        try:
            result = ingest_article(
                ArticleInput(
                    title="Border crossing",
                    body="Some 2,000 people are waiting at Belarus' Bruzgi border crossing.",
                )
            )

            def finished() -> bool:
                return Article.objects.get(pk=result.article.pk).extraction_status == Article.ExtractionStatus.DONE

            wait_until(finished, timeout=120, what=f"the worker to finish extraction (log: {log.read_text()[-2000:]})")
        finally:
            stop(worker)
    assert f"article={result.article.pk} extraction done" in log.read_text()


def test_a_worker_killed_mid_extraction_is_replaced_and_claims_are_stored_once(tmp_path):
    from claims import extraction

    paragraph = (
        "Some 2,000 people are waiting at the Bruzgi border crossing, officials said on Tuesday. "
        "More than 8,000 people have tried to enter the bloc in 2021, up from just 150 last year.\n"
    )
    body = "".join(f"Report {n}. {paragraph}" for n in range(600))  # seconds of work: long enough to kill mid-way
    log = tmp_path / "worker.log"
    # A message a killed worker held returns to the queue after this many seconds.
    env = {"CELERY_VISIBILITY_TIMEOUT": "3"}
    with private_queue() as queue:
        first = start_worker(queue, log, **env)
        try:
            result = ingest_article(ArticleInput(title="A long wire digest", body=body))
            article = Article.objects.filter(pk=result.article.pk)
            wait_until(
                lambda: article.get().extraction_status == Article.ExtractionStatus.RUNNING,
                timeout=120,
                what="the first worker to start extracting",
            )
            first.kill()
            first.wait()
            assert article.get().extraction_status == Article.ExtractionStatus.RUNNING
            second = start_worker(queue, log, **env)
            try:
                wait_until(
                    lambda: article.get().extraction_status == Article.ExtractionStatus.DONE,
                    timeout=300,
                    what=f"the second worker to finish (log: {log.read_text()[-2000:]})",
                )
            finally:
                stop(second)
        finally:
            stop(first)
    expected = extraction.extract(body, None)
    stored = result.article.claims.all()
    assert stored.count() == len(expected)
    assert len(set(stored.values_list("quote_start", flat=True))) == len(expected)
