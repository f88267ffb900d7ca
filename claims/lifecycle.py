"""An article's extraction lifecycle: pending → running → done | failed | unsupported, never stuck.

- Each run that starts counts an attempt; an article whose extraction started
  FACTDESK_EXTRACTION_MAX_ATTEMPTS times without finishing (its worker was killed: out of memory, a time
  limit, a restart) is marked failed with that reason instead of being run again: a dead letter, not a
  message redelivered forever.
- A send that the broker did not take leaves the article `pending`; the sweeper (`sweep`, run by
  `manage.py sweep_extraction` from cron or by Celery beat) queues pending and running articles older than
  FACTDESK_EXTRACTION_STUCK_MINUTES again, and marks failed the ones out of attempts.
- Asking for extraction again (the desk's retry button, a correction, `reextract`) starts the count afresh.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from articles.models import Article
from factdesk.celery import enqueue
from feed import log as feed_log

from . import extraction

logger = logging.getLogger(__name__)

EXTRACT_ARTICLE = "claims.tasks.extract_article"
WAITING = (Article.ExtractionStatus.PENDING, Article.ExtractionStatus.RUNNING)


def gave_up(attempts: int) -> str:
    return (
        f"gave up after {attempts} attempts: extraction started {attempts} times and never finished "
        "(the worker was killed: out of memory, a time limit or a restart); retry it from the desk once the "
        "cause is found"
    )


def finish(article_id: int, status: str, error: str) -> None:
    """Record the outcome on the article, and in the change feed (`article.extracted`)."""
    with transaction.atomic():
        Article.objects.filter(pk=article_id).update(
            extraction_status=status,
            extraction_error=error,
            extraction_status_at=timezone.now(),
            extractor_version=extraction.EXTRACTOR_VERSION,
            extracted_at=timezone.now(),
        )
        feed_log.append(
            [
                feed_log.entry(
                    "article.extracted",
                    article_id=article_id,
                    fields=["extraction_status", "extraction_error", "extractor_version", "extracted_at"],
                    after={"extraction_status": status, "extraction_error": error},
                )
            ]
        )


def start(article_ids: list[int]) -> list[int]:
    """Mark these articles running and count the attempt; the ones out of attempts are marked failed (a dead
    letter) and left out. The ids to extract now."""
    limit = settings.FACTDESK_EXTRACTION_MAX_ATTEMPTS
    spent = dict(
        Article.objects.filter(pk__in=article_ids, extraction_attempts__gte=limit).values_list(
            "pk", "extraction_status"
        )
    )
    for article_id, status in spent.items():
        if status != Article.ExtractionStatus.FAILED:  # a stale copy of the message: already recorded
            error = gave_up(limit)
            finish(article_id, Article.ExtractionStatus.FAILED, error)
            logger.error("article=%s extraction failed: %s", article_id, error)
        else:
            logger.warning("article=%s extraction not run again: out of attempts", article_id)
    runnable = [article_id for article_id in article_ids if article_id not in spent]
    Article.objects.filter(pk__in=runnable).update(
        extraction_status=Article.ExtractionStatus.RUNNING,
        extraction_error="",
        extraction_status_at=timezone.now(),
        extraction_attempts=F("extraction_attempts") + 1,
    )
    return runnable


def renew(articles: QuerySet[Article]) -> int:
    """Extraction asked for afresh (retry, `reextract`): pending, no error, attempts counted from zero."""
    return articles.update(
        extraction_status=Article.ExtractionStatus.PENDING,
        extraction_error="",
        extraction_status_at=timezone.now(),
        extraction_attempts=0,
    )


def retry(article_id: int) -> bool:
    """Queue the article's extraction again from the start (the desk's retry button). False when the broker
    is unreachable: the article is left pending, for the sweeper."""
    renew(Article.objects.filter(pk=article_id))
    logger.info("article=%s extraction asked for again", article_id)
    return enqueue(EXTRACT_ARTICLE, article_id)


def stuck_after() -> dt.timedelta:
    return dt.timedelta(minutes=settings.FACTDESK_EXTRACTION_STUCK_MINUTES)


def stuck(*, older_than: dt.timedelta | None = None, now: dt.datetime | None = None) -> QuerySet[Article]:
    """Articles pending or running for longer than `older_than` (FACTDESK_EXTRACTION_STUCK_MINUTES)."""
    cutoff = (now or timezone.now()) - (stuck_after() if older_than is None else older_than)
    return Article.objects.filter(extraction_status__in=WAITING, extraction_status_at__lt=cutoff)


@dataclass(frozen=True)
class SweepResult:
    requeued: list[int]
    failed: list[int]
    unsent: list[int]  # the broker did not take them: still pending, for the next sweep


def sweep(*, older_than: dt.timedelta | None = None) -> SweepResult:
    """Queue stuck articles again; mark failed the ones whose extraction started too often without finishing."""
    now = timezone.now()
    limit = settings.FACTDESK_EXTRACTION_MAX_ATTEMPTS
    requeued: list[int] = []
    failed: list[int] = []
    unsent: list[int] = []
    for article_id in stuck(older_than=older_than, now=now).order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            # Locked, and still stuck: a worker that finished meanwhile wins.
            article = (
                stuck(older_than=older_than, now=now)
                .select_for_update(skip_locked=True)
                .filter(pk=article_id)
                .only("pk", "extraction_status", "extraction_attempts")
                .first()
            )
            if article is None:
                continue
            if article.extraction_attempts >= limit:
                error = gave_up(article.extraction_attempts)
                finish(article_id, Article.ExtractionStatus.FAILED, error)
                logger.error("article=%s extraction failed: %s", article_id, error)
                failed.append(article_id)
                continue
            was = article.extraction_status
            Article.objects.filter(pk=article_id).update(
                extraction_status=Article.ExtractionStatus.PENDING, extraction_status_at=now
            )
            if enqueue(EXTRACT_ARTICLE, article_id):
                logger.warning(
                    "article=%s extraction queued again: %s since before %s (attempts so far: %d)",
                    article_id,
                    was,
                    (now - (older_than or stuck_after())).isoformat(timespec="seconds"),
                    article.extraction_attempts,
                )
                requeued.append(article_id)
            else:
                transaction.set_rollback(True)  # as it was: the next sweep tries again
                unsent.append(article_id)
    return SweepResult(requeued, failed, unsent)


def waiting_or_failed() -> Q:
    """What the desk lists as needing attention: failed, or stuck (see `stuck`)."""
    return Q(extraction_status=Article.ExtractionStatus.FAILED) | Q(
        extraction_status__in=WAITING, extraction_status_at__lt=timezone.now() - stuck_after()
    )
