"""`manage.py sweep_extraction [--older-than MINUTES]`: queue stuck articles again (run it from cron).

An article left `pending` (its task never reached the broker: the broker was down, or lost its queue in a
restart) or `running` (its worker died) for longer than FACTDESK_EXTRACTION_STUCK_MINUTES is queued again;
one whose extraction already started FACTDESK_EXTRACTION_MAX_ATTEMPTS times without finishing is marked
failed with that reason. Celery beat runs the same sweep (claims.tasks.sweep_extraction).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from claims import lifecycle


class Command(BaseCommand):
    help = "Queue pending/running articles older than FACTDESK_EXTRACTION_STUCK_MINUTES again; fail the spent ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=float,
            metavar="MINUTES",
            help="the age that counts as stuck (default: FACTDESK_EXTRACTION_STUCK_MINUTES)",
        )

    def handle(self, *args, older_than: float | None = None, **options):
        age = None if older_than is None else dt.timedelta(minutes=older_than)
        result = lifecycle.sweep(older_than=age)
        self.stdout.write(
            f"{len(result.requeued)} queued again, {len(result.failed)} failed (out of attempts), "
            f"{len(result.unsent)} not sent (broker unreachable)"
        )
        if result.unsent:
            raise CommandError(
                f"the broker is unreachable: {len(result.unsent)} article(s) stay pending for the next sweep"
            )
