"""ClaimEvents in words, for the claim page's history and the conflict message."""

from __future__ import annotations

from .models import ClaimEvent, ClaimLink, Status


def _status(value) -> str:
    try:
        return Status(value).label
    except ValueError:
        return str(value)


def _value(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _relation(value) -> str:
    try:
        return ClaimLink.Relation(value).label
    except ValueError:
        return str(value)


def describe(event: ClaimEvent) -> str:
    """One line saying what the event changed."""
    before, after = event.before or {}, event.after or {}
    kind = event.kind
    if kind == ClaimEvent.Kind.STATUS:
        text = f"status {_status(before.get('status'))} → {_status(after.get('status'))}"
        return f"{text}: “{after['note']}”" if after.get("note") else text
    if kind == ClaimEvent.Kind.EDIT:
        return "; ".join(f"{name}: {_value(before.get(name))} → {_value(value)}" for name, value in after.items())
    if kind == ClaimEvent.Kind.ASSIGN:
        return f"assignee {_value(before.get('assignee'))} → {_value(after.get('assignee'))}"
    if kind == ClaimEvent.Kind.ANNOTATE:
        url = f" ({after['evidence_url']})" if after.get("evidence_url") else ""
        return f"note: “{after.get('text', '')}”{url}"
    if kind == ClaimEvent.Kind.UNANNOTATE:
        return f"note removed: “{before.get('text', '')}”"
    if kind == ClaimEvent.Kind.LINK:
        other = after.get("other")
        # Both claims record the same event; on the target's side "other" is the claim itself.
        other = "" if not other else (" from another claim" if other == event.claim_id else f" with claim #{other}")
        return f"link {_relation(after.get('relation'))}{other}: {after.get('state', '')}"
    if kind == ClaimEvent.Kind.UNLINK:
        return f"link {_relation(before.get('relation'))} removed"
    if kind == ClaimEvent.Kind.EXTRACT:
        return "re-extracted"
    return event.get_kind_display()
