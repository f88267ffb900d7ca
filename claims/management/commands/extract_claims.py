"""`manage.py extract_claims PATH [--published YYYY-MM-DD] [--json]`: print an article's claims.

A thin wrapper around `claims.extraction.cli.main`, which needs no Django and touches no database.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import cli


class Command(BaseCommand):
    help = "Print the claims of a text file (or - for standard input); the whole text is the article body."
    requires_system_checks = []  # no database, no models: the extractor alone

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--published", metavar="YYYY-MM-DD")
        parser.add_argument("--json", action="store_true")

    def run_from_argv(self, argv):
        # The extractor's own parser gives the documented exit statuses (2 for unreadable input).
        sys.exit(cli.main(argv[2:]))

    def handle(self, *args, path: str, published: str | None, json: bool, **options):
        argv = [path, *(["--published", published] if published else []), *(["--json"] if json else [])]
        status = cli.main(argv)
        if status:
            raise CommandError(f"extract_claims failed for {path}", returncode=status)
