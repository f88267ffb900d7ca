"""Corrections of a claim's structured fields, and who it is assigned to."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from factdesk.celery import enqueue_on_commit

from .. import events
from ..models import EDITABLE_FIELDS, PUBLICATION_FIELDS, Claim, ClaimEvent, validate_places
from .errors import InvalidEdit
from .versions import bump, check_seen

# The fields link suggestions are judged on: correcting one re-runs the claim's suggestions.
LINKING_FIELDS = frozenset(
    {"value", "value_low", "value_high", "qualifier", "unit", "kind", "period_start", "period_end", "places"}
)


def _check_order(claim: Claim, changed: dict[str, Any]) -> None:
    low = changed.get("value_low", claim.value_low)
    high = changed.get("value_high", claim.value_high)
    if low is not None and high is not None and low > high:
        raise InvalidEdit("The low end of the interval is above the high end.")
    for first, last in (("period_start", "period_end"), ("compared_period_start", "compared_period_end")):
        start = changed.get(first, getattr(claim, first))
        end = changed.get(last, getattr(claim, last))
        if start is not None and end is not None and start > end:
            raise InvalidEdit(f"The {'baseline ' if first.startswith('compared') else ''}period starts after it ends.")


def _check_places(changed: dict[str, Any]) -> None:
    if "places" not in changed:
        return
    try:
        validate_places(changed["places"])
    except ValidationError as exc:
        refusal = InvalidEdit(" ".join(exc.messages))
        refusal.field = "places"
        raise refusal from None


def edit_fields(claim: Claim, *, changes: dict[str, Any], editor: User, version: int) -> None:
    """Correct structured fields; the extractor's proposal stays in `claim.extracted`.

    `changes` holds only what the editor changed (a form's changed_data, the keys a tool sent): a
    field it does not name is never written, so a stale copy cannot put back a value it did not touch.
    """
    version = check_seen(claim, version)
    unknown = set(changes) - set(EDITABLE_FIELDS) - set(PUBLICATION_FIELDS)
    if unknown:
        raise InvalidEdit(f"Not editable: {', '.join(sorted(unknown))}.")
    changed = {name: value for name, value in changes.items() if getattr(claim, name) != value}
    if not changed:
        return
    _check_order(claim, changed)
    _check_places(changed)
    before = {name: getattr(claim, name) for name in changed}
    # Corrections of extracted fields are kept apart from the extractor's; the publication fields are editors' own.
    edited = sorted(set(claim.edited_by_editor) | (set(changed) & set(EDITABLE_FIELDS)))
    with transaction.atomic():
        bump(claim, version=version, edited_by_editor=edited, **changed)
        events.record(claim, editor, ClaimEvent.Kind.EDIT, before, changed)
        if set(changed) & LINKING_FIELDS:
            # The corrected quantity may now match other claims, or no longer match its suggestions;
            # the task files the claim under its new candidate keys first.
            enqueue_on_commit("claims.tasks.suggest_claim_links", claim.pk)


def assign(claim: Claim, *, assignee: User | None, editor: User, version: int) -> None:
    """Give the claim to `assignee` (None: unassign)."""
    version = check_seen(claim, version)
    before = {"assignee": claim.assignee.get_username() if claim.assignee else None}
    after = {"assignee": assignee.get_username() if assignee else None}
    with transaction.atomic():
        bump(claim, version=version, assignee=assignee)
        events.record(claim, editor, ClaimEvent.Kind.ASSIGN, before, after)
