"""Status changes: start a review, give a verdict, dismiss, reopen; one claim or a whole fact group."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from .. import events
from ..models import VERDICTS, Claim, ClaimEvent, DismissReason, Status
from ..queries import fact_group, same_fact_checked
from .errors import GroupChanged, InvalidReason, InvalidTransition, LinkError, NotAVerdict, NoteRequired, SourceChanged
from .versions import bump, check_seen

_MOVES: dict[Status, frozenset[Status]] = {
    # One key per decision: a verdict straight from new passes through review (recorded on its event).
    Status.NEW: frozenset({Status.IN_REVIEW, Status.DISMISSED}) | VERDICTS,
    Status.IN_REVIEW: VERDICTS | {Status.DISMISSED},
    # A dismissal is undone by putting the claim back in the queue.
    Status.DISMISSED: frozenset({Status.NEW, Status.IN_REVIEW}),
} | {verdict: frozenset({Status.IN_REVIEW}) for verdict in VERDICTS}
# The moves by stored value, as a claim's `status` holds it.
NEXT: dict[str, frozenset[str]] = {
    status.value: frozenset(move.value for move in moves) for status, moves in _MOVES.items()
}

# A reader must learn why a claim is false, misleading or lacks context.
NOTE_REQUIRED = frozenset({Status.FALSE, Status.MISLEADING, Status.NEEDS_CONTEXT})


def allowed_transitions(claim: Claim) -> list[str]:
    """The statuses `claim` may move to, in the order of Status."""
    return [status for status in Status.values if status in NEXT[claim.status]]


def _status_changes(to: str, editor: User, note: str, reason: str, now: datetime.datetime) -> dict[str, Any]:
    changes: dict[str, Any] = {"status": to, "dismiss_reason": reason if to == Status.DISMISSED else ""}
    if to in VERDICTS or to == Status.DISMISSED:
        changes |= {"verdict_note": note, "reviewed_by": editor, "reviewed_at": now}
    return changes


def _check_reason(to: str, reason: str) -> None:
    if reason and to != Status.DISMISSED:
        raise InvalidReason("A reason is given only when dismissing a claim.")
    if reason and reason not in DismissReason.values:
        raise InvalidReason(f"Unknown reason {reason!r}: one of {', '.join(DismissReason.values)}.")


def _status_event(current: str, to: str, note: str, reason: str) -> dict[str, Any]:
    after: dict[str, Any] = {"status": to, "note": note}
    if to == Status.DISMISSED:
        after["reason"] = reason
    if current == Status.NEW and to in VERDICTS:
        after["via"] = Status.IN_REVIEW  # decided in one step: the review and the verdict are one event
    return after


def transition(claim: Claim, *, to: str, editor: User, version: int, note: str = "", reason: str = "") -> None:
    """Move `claim` to status `to`, or raise and change nothing.

    `reason` (claims.models.DismissReason) goes with a dismissal only. A verdict given to a new
    claim is one event that records the passage through review (`via`).
    """
    _move(claim, to=to, editor=editor, version=version, note=note, reason=reason)


def _move(claim: Claim, *, to: str, editor: User, version: int, note: str, reason: str = "", **recorded: Any) -> None:
    version = check_seen(claim, version)
    if to not in NEXT.get(claim.status, ()):
        raise InvalidTransition(claim.status, to)
    _check_reason(to, reason)
    note = note.strip()
    if to in NOTE_REQUIRED and not note:
        raise NoteRequired(to)
    before = {"status": claim.status}
    after = _status_event(claim.status, to, note, reason) | recorded
    with transaction.atomic():
        bump(claim, version=version, **_status_changes(to, editor, note, reason, timezone.now()))
        events.record(claim, editor, ClaimEvent.Kind.STATUS, before, after)


def earlier_check_note(source: Claim) -> str:
    """The note a claim takes with an earlier check's verdict: which claim, where, and its own note."""
    article = source.article
    outlet = article.outlet.name if article.outlet else ""
    published = f"{article.published.day} {article.published:%b %Y}" if article.published else ""
    where = ", ".join(part for part in (outlet, published) if part)
    text = f"Same fact as claim #{source.pk}" + (f" ({where})" if where else "")
    text += f", {Status(source.status).label.lower()}"
    return f"{text}: {source.verdict_note}" if source.verdict_note else f"{text}."


def adopt_verdict(claim: Claim, *, source: Claim, editor: User, version: int, seen_status: str) -> None:
    """Give `claim` the verdict of `source`, a claim already checked as the same fact (a confirmed `same`
    link, or a suggestion at queries.ALREADY_CHECKED_MIN_SCORE), with a note naming `source`.

    `seen_status` is the verdict the editor saw on `source`: if it changed since, SourceChanged and
    nothing changes. The event records `source`.
    """
    if not same_fact_checked(claim, source):
        raise LinkError(f"Claim #{source.pk} is not linked to this claim as the same fact.")
    if source.status not in VERDICTS or source.status != seen_status:
        raise SourceChanged(source)
    note = earlier_check_note(source)
    _move(claim, to=source.status, editor=editor, version=version, note=note, source=source.pk)


def transition_group(
    claim: Claim, *, to: str, editor: User, versions: Mapping[int, int], note: str = ""
) -> list[Claim]:
    """Give one verdict to every claim of `claim`'s fact group (confirmed `same` links), or change nothing.

    A group takes a verdict whatever state its claims are in: new, in review, dismissed or already
    decided (no reopening first). Each claim gets its own status event, which keeps the note it had
    (`before.note`), so its history still shows its own earlier verdict. A claim that already has
    this verdict with this note is left alone. `versions` maps each claim id of the group, as the
    editor saw it, to the version they saw. Refused as a whole (GroupChanged, NotAVerdict,
    NoteRequired, StaleClaim) if the group differs, `to` is no verdict or any claim is stale.
    """
    group = fact_group(claim)
    if {member.pk for member in group} != set(versions):
        raise GroupChanged(versions, [member.pk for member in group])
    if to not in VERDICTS:
        raise NotAVerdict(claim.status, to)
    note = note.strip()
    if to in NOTE_REQUIRED and not note:
        raise NoteRequired(to)
    seen = {member.pk: check_seen(member, versions[member.pk]) for member in group}
    now = timezone.now()
    ids = [member.pk for member in group]
    with transaction.atomic():
        for member in group:
            if (member.status, member.verdict_note) == (to, note):
                continue
            before = {"status": member.status, "note": member.verdict_note} if member.verdict_note else {}
            before = {"status": member.status} | before
            after = _status_event(member.status, to, note, "") | {"group": ids}
            bump(member, version=seen[member.pk], **_status_changes(to, editor, note, "", now))
            events.record(member, editor, ClaimEvent.Kind.STATUS, before, after)
    return group
