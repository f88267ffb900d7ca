"""A real Celery worker on Redis sees an ingested article's extraction finish."""

import pytest

from articles.ingest import ArticleInput, ingest_article
from articles.models import Article

from .worker import private_queue, start_worker, stop, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


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
