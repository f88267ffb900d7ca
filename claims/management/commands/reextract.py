"""`manage.py reextract [--all | --outdated | ARTICLE_ID...]`: extract again, keeping editors' work."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from articles.models import Article
from claims import extraction, sync

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
                sync.extract_articles_claims(chunk)
                bar.update(len(chunk))
        statuses = Article.objects.filter(pk__in=to_do).values_list("extraction_status", flat=True)
        failed = sum(status == Article.ExtractionStatus.FAILED for status in statuses)
        self.stdout.write(f"{len(to_do)} article(s) extracted, {failed} failed")
        if failed:
            raise CommandError(f"{failed} article(s) failed: see their extraction error in the admin")
