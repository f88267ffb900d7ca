"""Background work: extraction runs here, in a Celery worker or in-process without a broker."""

from celery import shared_task

from . import services


@shared_task(soft_time_limit=600, time_limit=660, acks_late=True, reject_on_worker_lost=True)
def extract_article(article_id: int) -> None:
    """Extract and store one article's claims. Idempotent: safe to run twice or at once."""
    services.extract_article_claims(article_id)


@shared_task(soft_time_limit=1800, time_limit=1860, acks_late=True, reject_on_worker_lost=True)
def extract_articles(article_ids: list[int]) -> None:
    """Extract many articles in one pass through the spaCy pipeline (bulk ingestion, re-extraction)."""
    services.extract_articles_claims(article_ids)
