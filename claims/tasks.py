"""Background work: extraction and link suggestions run here, in a Celery worker or in-process without a broker.

Each task fetches by id and calls one service; other layers start them by name
(`factdesk.celery.enqueue_on_commit`), so nothing below this module imports it.
"""

from celery import shared_task
from django.contrib.auth import get_user_model

from articles.models import Article

from . import lifecycle, sync, workflow
from .linking import suggest
from .models import Claim


@shared_task(soft_time_limit=600, time_limit=660, acks_late=True, reject_on_worker_lost=True)
def extract_article(article_id: int) -> None:
    """Extract and store one article's claims. Idempotent: safe to run twice or at once."""
    sync.extract_article_claims(article_id)


# Suggestions are derived data, found again at the next extraction or correction: a run whose worker was
# killed (out of memory, the hard time limit) is dropped, not redelivered to be killed again.
@shared_task(soft_time_limit=300, time_limit=330, acks_late=True, reject_on_worker_lost=False)
def suggest_links(article_id: int) -> None:
    """Propose links from an article's claims to claims of other articles. Idempotent: no duplicates,
    existing suggestions refreshed, rejected ones never back. Runs after each extraction commits."""
    suggest.suggest_for_article(article_id)


@shared_task(soft_time_limit=60, time_limit=90, acks_late=True, reject_on_worker_lost=False)
def suggest_claim_links(claim_id: int) -> None:
    """Suggest links for one claim again, after an editor corrected its quantity."""
    claim = Claim.objects.filter(pk=claim_id).select_related("article").defer("article__body").first()
    if claim is not None:  # deleted meanwhile
        suggest.suggest_for_claim(claim)


@shared_task(soft_time_limit=600, time_limit=660, acks_late=True, reject_on_worker_lost=True)
def article_changed(article_id: int, fields: list[str], actor_id: int | None = None) -> None:
    """An article was corrected (articles.ingest.update_article): its claims record what they show of it,
    and a new body or date is extracted again, keeping every editor's work."""
    article = Article.objects.filter(pk=article_id).only("pk", "title", "published", "url").first()
    if article is None:
        return  # deleted meanwhile
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    changed = {name: getattr(article, name) for name in fields if name in workflow.articles.SHOWN}
    workflow.record_article_correction(article_id, changed=changed, actor=actor)
    if {"body", "published"} & set(fields):
        sync.extract_article_claims(article_id)


@shared_task(soft_time_limit=300, time_limit=330)
def sweep_extraction() -> None:
    """Celery beat's sweeper (every FACTDESK_SWEEP_EVERY_MINUTES): queue stuck articles again, fail the ones
    out of attempts. The same as `manage.py sweep_extraction` from cron."""
    lifecycle.sweep()
