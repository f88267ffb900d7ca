"""Recording what happened to a claim: one ClaimEvent per change, its values as JSON.

Every write in `claims.workflow` ends here, so the history (page, admin, API) and the version a
change produced always agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from .models import Claim, ClaimEvent

# How the history names changes made by no person: extraction, re-anchoring, the linker.
SYSTEM_ACTOR = "extractor"


def jsonable(value: Any) -> Any:
    """A field value as it is kept in event and proposal JSON."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 2000.0000000000 and 2000 read the same
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def as_json(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: jsonable(value) for name, value in values.items()}


def event_for(
    claim_id: int,
    *,
    version: int | None,
    actor: User | None,
    kind: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
) -> ClaimEvent:
    """An unsaved event (for bulk_create); `version` is the claim's version after the change."""
    return ClaimEvent(
        claim_id=claim_id, actor=actor, kind=kind, version=version, before=as_json(before), after=as_json(after)
    )


def record(
    claim: Claim, actor: User | None, kind: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> ClaimEvent:
    """Save one event for `claim`, stamped with the version the change produced."""
    event = event_for(claim.pk, version=claim.version, actor=actor, kind=kind, before=before, after=after)
    event.save()
    return event


def actor_name(event: ClaimEvent) -> str:
    """Who made the change, as the history shows it."""
    return event.actor.get_username() if event.actor is not None else SYSTEM_ACTOR
