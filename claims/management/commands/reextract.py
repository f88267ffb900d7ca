"""`manage.py reextract [--all | --outdated | ARTICLE_ID...]`: extract again, keeping editors' work.

Each batch's articles are stored as they are extracted; one that fails is marked failed with its error and
the run goes on (the exit status says how many failed). It is also the recovery for articles left pending,
running or failed: their attempts are counted afresh.
"""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from articles.models import Article
from claims import extraction, lifecycle, sync

logger = logging.getLogger(__name__)

# Articles per pass through the spaCy pipeline: big enough to batch, small enough to show progress.
BATCH = 16


class Command(BaseCommand):
    help = "Re-run claim extraction in this process; claims editors touched keep their reviews, notes and links."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every article")
        which.add_argument(
            "--outdated",
            action="store_true",
            help="articles not yet extracted by this extractor version (including pending and failed ones)",
        )
        which.add_argument("ids", nargs="*", type=int, default=[], metavar="ARTICLE_ID")

    def handle(self, *args, all: bool, outdated: bool, ids: list[int], **options):
        articles = Article.objects.order_by("pk")
        if outdated:
            articles = articles.filter(
                ~Q(extractor_version=extraction.EXTRACTOR_VERSION) | ~Q(extraction_status=Article.ExtractionStatus.DONE)
            )
        elif ids:
            missing = set(ids) - set(Article.objects.filter(pk__in=ids).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no such article: {', '.join(map(str, sorted(missing)))}")
            articles = articles.filter(pk__in=ids)
        to_do = list(articles.values_list("pk", flat=True))
        with tqdm(total=len(to_do), unit="article", disable=len(to_do) < 2, file=self.stderr._out) as bar:
            for start in range(0, len(to_do), BATCH):
                chunk = to_do[start : start + BATCH]
                lifecycle.renew(Article.objects.filter(pk__in=chunk))  # asked for afresh: attempts from zero
                try:
                    sync.extract_articles_claims(chunk)
                except Exception:  # a database error mid-batch: the batch's others one at a time, then on
                    logger.exception("reextract: batch %s failed; extracting its articles one at a time", chunk)
                    for article_id in chunk:
                        self._one(article_id)
                bar.update(len(chunk))
        statuses = Article.objects.filter(pk__in=to_do).values_list("extraction_status", flat=True)
        failed = sum(status == Article.ExtractionStatus.FAILED for status in statuses)
        self.stdout.write(f"{len(to_do)} article(s) extracted, {failed} failed")
        if failed:
            raise CommandError(f"{failed} article(s) failed: see their extraction error in the admin")

    def _one(self, article_id: int) -> None:
        try:
            sync.extract_article_claims(article_id)
        except Exception as exc:
            logger.exception("reextract: article %s failed", article_id)
            error = f"re-extraction failed: {type(exc).__name__}: {exc}"[:2000]
            lifecycle.finish(article_id, Article.ExtractionStatus.FAILED, error)
