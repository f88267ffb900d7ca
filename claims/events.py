"""Recording what happened to a claim: one ClaimEvent per change, its values as JSON, and its entry in
the desk's change feed (`feed`), in the same transaction.

Every write in `claims.workflow` ends here, so the history (page, admin, API), the version a change
produced and the feed tools follow always agree: nothing else saves a ClaimEvent.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from feed import log as feed_log

from .models import EDITABLE_FIELDS, VERDICTS, Claim, ClaimEvent, Status

# How the history names changes made by no person: extraction, re-anchoring, the linker.
SYSTEM_ACTOR = feed_log.SYSTEM_ACTOR

# The feed's name for each kind of claim event (a claim's first extraction is `claim.created`).
FEED_TYPES: dict[str, str] = {
    ClaimEvent.Kind.STATUS: "claim.status",
    ClaimEvent.Kind.EDIT: "claim.edited",
    ClaimEvent.Kind.ASSIGN: "claim.assigned",
    ClaimEvent.Kind.ANNOTATE: "claim.note_added",
    ClaimEvent.Kind.UNANNOTATE: "claim.note_removed",
    ClaimEvent.Kind.LINK: "claim.linked",
    ClaimEvent.Kind.UNLINK: "claim.unlinked",
    ClaimEvent.Kind.EXTRACT: "claim.extracted",
    ClaimEvent.Kind.GROUP: "claim.group_changed",
    ClaimEvent.Kind.ARTICLE: "claim.article_changed",
}
CLAIM_CREATED, CLAIM_DELETED = "claim.created", "claim.deleted"
# Bookkeeping keys of an event's `after` that name no field of the claim.
_NOT_FIELDS = {"created", "proposed", "reanchored", "note", "via", "reason", "group", "link", "other"}


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


def feed_type(event: ClaimEvent) -> str:
    if event.kind == ClaimEvent.Kind.EXTRACT and event.after.get("created"):
        return CLAIM_CREATED
    return FEED_TYPES[event.kind]


def changed_fields(event: ClaimEvent) -> list[str]:
    """The names of the claim's fields (as the API shows a claim) that the change touched."""
    kind, after = event.kind, event.after
    if kind == ClaimEvent.Kind.STATUS:
        decided = after.get("status") in VERDICTS or after.get("status") == Status.DISMISSED
        return ["status", "dismiss_reason"] + (["verdict_note", "reviewed_by", "reviewed_at"] if decided else [])
    named: dict[str, list[str]] = {
        ClaimEvent.Kind.ASSIGN: ["assignee"],
        ClaimEvent.Kind.ANNOTATE: ["annotations"],
        ClaimEvent.Kind.UNANNOTATE: ["annotations"],
        ClaimEvent.Kind.GROUP: ["group"],
        ClaimEvent.Kind.ARTICLE: ["article"],
    }
    if kind in named:
        return named[kind]
    if kind in (ClaimEvent.Kind.LINK, ClaimEvent.Kind.UNLINK):
        contradiction = after.get("relation", event.before.get("relation")) == "contradicts"
        return ["links", "has_contradiction"] if contradiction else ["links"]
    fields = sorted(set(after) - _NOT_FIELDS)
    if "proposed" in after:
        fields.append("extracted")
    if kind == ClaimEvent.Kind.EDIT and set(after) & set(EDITABLE_FIELDS):
        fields.append("edited_by_editor")
    return fields


def save_all(found: list[ClaimEvent]) -> list[ClaimEvent]:
    """Save claim events and their feed entries (one query each, plus one for the claims' articles)."""
    if not found:
        return found
    ClaimEvent.objects.bulk_create(found)
    articles = dict(Claim.objects.filter(pk__in={event.claim_id for event in found}).values_list("pk", "article_id"))
    feed_log.append(
        feed_log.entry(
            feed_type(event),
            claim_id=event.claim_id,
            article_id=articles.get(event.claim_id),
            actor=event.actor,
            version=event.version,
            fields=changed_fields(event),
            before=event.before,
            after=event.after,
            history_id=event.pk,
        )
        for event in found
    )
    return found


def record(
    claim: Claim, actor: User | None, kind: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> ClaimEvent:
    """Save one event for `claim`, stamped with the version the change produced."""
    event = event_for(claim.pk, version=claim.version, actor=actor, kind=kind, before=before, after=after)
    save_all([event])
    return event


def actor_name(event: ClaimEvent) -> str:
    """Who made the change, as the history shows it."""
    return event.actor.get_username() if event.actor is not None else SYSTEM_ACTOR
