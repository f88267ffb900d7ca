"""Writing the change log: every write of the desk (claims.events, articles.ingest) records here.

Rows are saved in the caller's transaction, so a change and its feed entry commit together or not at
all; once committed, webhooks are dispatched by a task (never in the request that made the change).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import User

from factdesk.celery import enqueue_on_commit

from .models import Event
from .webhooks import DISPATCH_TASK
from .webhooks import any_active as webhooks_wanted

# How the feed names changes made by no person: extraction, re-anchoring, the linker, clean-ups.
SYSTEM_ACTOR = "extractor"


def entry(
    type_: str,
    *,
    claim_id: int | None = None,
    article_id: int | None = None,
    actor: User | None = None,
    version: int | None = None,
    fields: Sequence[str] = (),
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    history_id: int | None = None,
    system: str = SYSTEM_ACTOR,
) -> Event:
    """An unsaved change (values must already be JSON: ids, strings, numbers); `system` names a change no
    person made (`actor` None)."""
    return Event(
        type=type_,
        claim_id=claim_id,
        article_id=article_id,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else system,
        version=version,
        fields=list(fields),
        before=before or {},
        after=after or {},
        history_id=history_id,
    )


def append(entries: Iterable[Event]) -> None:
    """Save changes in the current transaction; webhooks go out once it commits."""
    rows = list(entries)
    if not rows:
        return
    Event.objects.bulk_create(rows)
    if webhooks_wanted():
        enqueue_on_commit(DISPATCH_TASK)
