"""Placing committed changes in the feed, in the order they became visible.

Ids are handed out when a row is inserted, but transactions commit in another order: a reader that
followed ids could pass id 11 (committed) while id 10 was still open, and never see 10. So each
change gets its `position` after it committed, by one sequencer at a time (a PostgreSQL advisory
lock; SQLite has one writer anyway): a change committed later always gets a higher position.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Case, Max, Value, When

from .models import Event

_LOCK = 0x66656564  # "feed": the advisory lock serialising sequencers
_BATCH = 1000


def sequence() -> int | None:
    """Give every committed change without a position the next ones, oldest id first; the last position
    given out so far (None while the feed is empty)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        last = Event.objects.aggregate(last=Max("position"))["last"] or 0
        while True:
            waiting = list(
                Event.objects.filter(position__isnull=True).order_by("id").values_list("id", flat=True)[:_BATCH]
            )
            if not waiting:
                break
            places = [When(pk=pk, then=Value(last + offset)) for offset, pk in enumerate(waiting, start=1)]
            Event.objects.filter(pk__in=waiting).update(position=Case(*places))
            last += len(waiting)
    return last or None
