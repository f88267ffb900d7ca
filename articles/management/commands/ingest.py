"""`manage.py ingest PATH...`: ingest files and folders, each article in its own transaction.

Each article's extraction is scheduled as it is saved (when its transaction commits), so a run stopped
half-way leaves nothing unscheduled. A file that cannot be read or ingested, whatever the reason, is reported
with its name and the run goes on; the exit status is non-zero when any failed. With the broker down the
articles are saved and stay `pending`: `manage.py sweep_extraction` queues them once it is back.
"""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import IngestError, ItemFailure, ingest_document
from factdesk.celery import unsent

logger = logging.getLogger(__name__)

SUFFIXES = {".txt", ".json", ".html", ".htm"}
# Below this many files a progress bar is noise; the per-file lines say enough.
PROGRESS_FROM = 5


def collect_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)  # named explicitly: read whatever it is, and fail clearly if we cannot
    return files


class Command(BaseCommand):
    help = "Ingest articles from files (.txt seed or plain text, .json, .html) and folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--update", action="store_true", help="A known URL with another text corrects that article (else: failed)"
        )

    def handle(self, *args, paths: list[str], verbosity: int = 1, update: bool = False, **options):
        files = collect_files(paths)
        if not files:
            raise CommandError(f"no articles found in: {', '.join(paths)}")
        counts = {"created": 0, "unchanged": 0, "failed": 0}
        failed: list[str] = []
        unsent_before = unsent.failed
        bar = tqdm(files, unit="file", disable=len(files) < PROGRESS_FROM, file=self.stderr._out)
        for path in bar:
            try:
                # Each new article's extraction is sent when its own transaction commits.
                results = ingest_document(path.name, path.read_bytes(), update=update)
            except (IngestError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                counts["failed"] += 1
                failed.append(str(path))
                bar.write(self.style.ERROR(f"failed: {path}: {reason}"), file=self.stderr._out)
                continue
            except Exception as exc:  # a bug or a database error on one file: the others still go in
                logger.exception("ingest of %s failed", path)
                counts["failed"] += 1
                failed.append(str(path))
                bar.write(self.style.ERROR(f"failed: {path}: {type(exc).__name__}: {exc}"), file=self.stderr._out)
                continue
            for result in results:
                if isinstance(result, ItemFailure):  # one bad item of a JSON list: the others go in
                    counts["failed"] += 1
                    failed.append(f"{path} ({result.summary.split(':')[0]})")
                    bar.write(self.style.ERROR(f"failed: {path}: {result.summary}"), file=self.stderr._out)
                    continue
                counts["created" if result.created else "unchanged"] += 1
                if verbosity:
                    line = f"{'created' if result.created else 'unchanged'}: {path}: {result.summary}"
                    bar.write(line, file=self.stdout._out)
        self.stdout.write(f"{counts['created']} created, {counts['unchanged']} unchanged, {counts['failed']} failed")
        not_sent = unsent.failed - unsent_before
        if not_sent:
            self.stderr.write(
                self.style.WARNING(
                    f"the broker is unreachable: {not_sent} extraction(s) not sent; those articles stay pending "
                    "until `manage.py sweep_extraction` (cron or Celery beat) queues them"
                )
            )
        if failed:
            raise CommandError("could not ingest: " + ", ".join(failed))
