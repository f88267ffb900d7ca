"""`manage.py ingest PATH...`: ingest files and folders, each article in its own transaction."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import IngestError, ItemFailure, ingest_document
from factdesk.celery import enqueue

# Extraction lives in the claims app, above this one: it is started by name.
EXTRACT_ARTICLES = "claims.tasks.extract_articles"

SUFFIXES = {".txt", ".json", ".html", ".htm"}
# Below this many files a progress bar is noise; the per-file lines say enough.
PROGRESS_FROM = 5
# New articles go to extraction in batches of this many: one pass through spaCy's nlp.pipe each.
EXTRACTION_BATCH = 16


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
        created: list[int] = []
        bar = tqdm(files, unit="file", disable=len(files) < PROGRESS_FROM, file=self.stderr._out)
        for path in bar:
            if len(created) >= EXTRACTION_BATCH:
                enqueue(EXTRACT_ARTICLES, created)
                created = []
            try:
                results = ingest_document(path.name, path.read_bytes(), schedule_extraction=False, update=update)
            except (IngestError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                counts["failed"] += 1
                failed.append(str(path))
                bar.write(self.style.ERROR(f"failed: {path}: {reason}"), file=self.stderr._out)
                continue
            for result in results:
                if isinstance(result, ItemFailure):  # one bad item of a JSON list: the others go in
                    counts["failed"] += 1
                    failed.append(f"{path} ({result.summary.split(':')[0]})")
                    bar.write(self.style.ERROR(f"failed: {path}: {result.summary}"), file=self.stderr._out)
                    continue
                counts["created" if result.created else "unchanged"] += 1
                if result.created:
                    created.append(result.article.pk)
                if verbosity:
                    line = f"{'created' if result.created else 'unchanged'}: {path}: {result.summary}"
                    bar.write(line, file=self.stdout._out)
        if created:
            enqueue(EXTRACT_ARTICLES, created)
        self.stdout.write(f"{counts['created']} created, {counts['unchanged']} unchanged, {counts['failed']} failed")
        if failed:
            raise CommandError("could not ingest: " + ", ".join(failed))
