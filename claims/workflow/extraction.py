"""The extractor's own writes: new claims, fresh fields, re-anchoring and orphaning, each an event.

They go through the same door as an editor's: a changed claim gets a version bump and an event of
kind `extract` with no actor (the history names it "extractor"), so an editor's form or a tool that
read the claim before is refused as stale instead of silently putting old values back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F
from django.utils import timezone

from .. import events
from ..models import Claim, ClaimEvent

EXTRACT = ClaimEvent.Kind.EXTRACT


def create_claims(claims: list[Claim]) -> list[Claim]:
    """Save new extracted claims (version 1), each with an event listing what was extracted."""
    created = Claim.objects.bulk_create(claims)
    shown = (
        *("quote", "value", "value_low", "value_high", "qualifier", "unit", "kind", "period_start", "period_end"),
        "compared_to",
    )
    found = [
        events.event_for(
            claim.pk,
            version=claim.version,
            actor=None,
            kind=EXTRACT,
            before={},
            after={"created": True} | {name: getattr(claim, name) for name in shown},
        )
        for claim in created
    ]
    events.save_all(found)
    return created


def _write(claim: Claim, changes: dict[str, Any], before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """Apply the system's `changes` with a version bump and an `extract` event; never refused."""
    Claim.objects.filter(pk=claim.pk).update(version=F("version") + 1, updated_at=timezone.now(), **changes)
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.version += 1
    events.record(claim, None, EXTRACT, before, after)


def apply_extraction(
    claim: Claim, *, values: Mapping[str, Any], proposal: Mapping[str, Any], extra: Mapping[str, Any]
) -> bool:
    """Bring `claim` in line with a fresh extraction of it; True if anything an editor sees changed.

    `values` are the extracted fields (anchors included); fields an editor corrected keep the editor's
    value, and only their proposal (`claim.extracted`) moves. `extra` are bookkeeping columns written
    without an event when nothing else changed (extractor version, fingerprint).
    """
    kept = set(claim.edited_by_editor)
    fresh = {name: value for name, value in values.items() if name not in kept}
    changed = {name: value for name, value in fresh.items() if getattr(claim, name) != value}
    if claim.orphaned:
        changed["orphaned"] = False
    moved_proposals = {
        name: value for name, value in proposal.items() if name in kept and (claim.extracted or {}).get(name) != value
    }
    columns = dict(extra) | {"extracted": dict(proposal)}
    if not changed and not moved_proposals:
        Claim.objects.filter(pk=claim.pk).update(**columns)
        return False
    before: dict[str, Any] = {name: getattr(claim, name) for name in changed}
    after: dict[str, Any] = dict(changed)
    if moved_proposals:
        before["proposed"] = events.as_json({name: (claim.extracted or {}).get(name) for name in moved_proposals})
        after["proposed"] = moved_proposals
    _write(claim, changed | columns, before, after)
    return True


def reanchor_claim(claim: Claim, *, quote_start: int, sentence_start: int, sentence: str) -> bool:
    """Move `claim`'s anchor to where its quote now stands in a changed body; True if it moved."""
    anchor = {
        "quote_start": quote_start,
        "quote_end": quote_start + len(claim.quote),
        "sentence_start": sentence_start,
        "sentence_end": sentence_start + len(sentence),
        "sentence": sentence,
    }
    changed = {name: value for name, value in anchor.items() if getattr(claim, name) != value}
    if claim.orphaned:
        changed["orphaned"] = False
    if not changed:
        return False
    before = {name: getattr(claim, name) for name in changed if name != "sentence"}
    after = {name: value for name, value in changed.items() if name != "sentence"} | {"reanchored": True}
    _write(claim, changed, before, after)
    return True


def orphan_claim(claim: Claim) -> bool:
    """Mark `claim` orphaned: its quote is gone from the body. Kept, for an editor's work hangs off it."""
    if claim.orphaned:
        return False
    _write(claim, {"orphaned": True}, {"orphaned": False}, {"orphaned": True})
    return True
