"""ClaimEvents in words, for the claim page's history and the conflict message."""

from __future__ import annotations

from ..models import ClaimEvent, ClaimLink, DismissReason, Status
from ..readable import readable_number

_NUMBERS = frozenset({"value", "value_low", "value_high"})


def _status(value) -> str:
    try:
        return Status(value).label
    except ValueError:
        return str(value)


def _reason(value) -> str:
    try:
        return DismissReason(value).label.lower()
    except ValueError:
        return str(value)


def _status_change(before: dict, after: dict) -> str:
    """ "status New → In review → Verified: “note”": a one-step verdict names the review it passed through."""
    path = [before.get("status"), *([after["via"]] if after.get("via") else []), after.get("status")]
    text = "status " + " → ".join(_status(step) for step in path)
    if after.get("reason"):
        text += f" ({_reason(after['reason'])})"
    if after.get("note"):
        text += f": “{after['note']}”"
    if after.get("group"):
        text += " (verdict for the whole fact group"
        text += f"; its note was “{before['note']}”)" if before.get("note") else ")"
    if after.get("source"):
        text += f" (the verdict of claim #{after['source']}, already checked)"
    return text


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
        return _status_change(before, after)
    if kind == ClaimEvent.Kind.EDIT:
        return "; ".join(_changes(before, after))
    if kind == ClaimEvent.Kind.ASSIGN:
        return f"assignee {_value(before.get('assignee'))} → {_value(after.get('assignee'))}"
    if kind == ClaimEvent.Kind.ANNOTATE:
        url = f" ({after['evidence_url']})" if after.get("evidence_url") else ""
        return f"note: “{after.get('text', '')}”{url}"
    if kind == ClaimEvent.Kind.UNANNOTATE:
        return f"note removed: “{before.get('text', '')}”"
    if kind == ClaimEvent.Kind.LINK:
        return f"link {_relation(after.get('relation'))}{_other(event)}: {after.get('state', '')}"
    if kind == ClaimEvent.Kind.UNLINK:
        return f"link {_relation(before.get('relation'))}{_other(event)} removed"
    if kind == ClaimEvent.Kind.EXTRACT:
        return _extraction(before, after)
    return event.get_kind_display()


def _other(event: ClaimEvent) -> str:
    """The claim at the link's far end; events written before each side named it may name the claim itself."""
    other = (event.after or {}).get("other")
    if not other:
        return ""
    return " with another claim" if other == event.claim_id else f" with claim #{other}"


def _shown(name: str, value) -> str:
    return readable_number(value) if name in _NUMBERS and value not in (None, "") else _value(value)


def _changes(before: dict, after: dict) -> list[str]:
    return [f"{name}: {_shown(name, before.get(name))} → {_shown(name, value)}" for name, value in after.items()]


def _extraction(before: dict, after: dict) -> str:
    """What the extractor did: created the claim, changed fields, moved its anchor, orphaned it."""
    if after.get("created"):
        return "extracted"
    if after.get("orphaned"):
        return "orphaned: its quote is no longer in the article"
    after = dict(after)
    parts = []
    if after.pop("reanchored", False):
        parts.append("re-anchored in the corrected article")
    proposed = after.pop("proposed", {})
    before_proposed = before.get("proposed", {})
    parts += _changes(before, {name: value for name, value in after.items() if name != "orphaned"})
    parts += [f"proposed {text}" for text in _changes(before_proposed, proposed)]
    return "re-extracted: " + "; ".join(parts) if parts else "re-extracted"
