"""Every editor action on a claim: one function each, one path for pages, admin and API.

Each function checks the action, applies it with a version-checked UPDATE (optimistic locking,
so two editors cannot silently overwrite each other) and writes a ClaimEvent, all in one
transaction. A WorkflowError means nothing changed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .linking_rules import BLOCKING_SOURCE_FIELDS, blocking_fields
from .models import EDITABLE_FIELDS, VERDICTS, Annotation, Claim, ClaimEvent, ClaimLink, Status

NEXT: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.IN_REVIEW}),
    Status.IN_REVIEW: VERDICTS,
} | {verdict: frozenset({Status.IN_REVIEW}) for verdict in VERDICTS}

# A reader must learn why a claim is false, misleading or lacks context.
NOTE_REQUIRED = frozenset({Status.FALSE, Status.MISLEADING, Status.NEEDS_CONTEXT})


class WorkflowError(Exception):
    """An editor action was refused; nothing changed."""


class InvalidTransition(WorkflowError):
    def __init__(self, current: str, to: str, *, claim_id: int | None = None):
        self.current, self.to, self.claim_id = current, to, claim_id
        subject = "A claim" if claim_id is None else f"Claim #{claim_id}"
        super().__init__(f"{subject} cannot go from {current!r} to {to!r}.")


class NoteRequired(WorkflowError):
    def __init__(self, to: str):
        super().__init__(f"A verdict note is required for {Status(to).label.lower()}.")


class StaleClaim(WorkflowError):
    """Another editor saved the claim since this one loaded it."""

    def __init__(self, claim_id: int, current: Claim | None = None):
        self.claim_id = claim_id
        self.current = current
        super().__init__("Another editor changed this claim after you opened it. Review their change and try again.")

    def changes_since(self, version: int) -> list[ClaimEvent]:
        """What was saved after the version the editor saw, oldest first."""
        if self.current is None:
            return []
        return list(self.current.events.filter(version__gt=version).select_related("actor").order_by("at", "id"))


class InvalidEdit(WorkflowError):
    pass


class LinkError(WorkflowError):
    pass


class StaleLink(WorkflowError):
    """Another editor decided the link since this one saw it."""

    def __init__(self, claim_link: ClaimLink, current: str | None):
        self.claim_link, self.current = claim_link, current
        now = "was removed" if current is None else f"is now {current}"
        super().__init__(f"Another editor decided this link after you opened it: it {now}. Nothing was changed.")


class GroupChanged(WorkflowError):
    """The fact group is not the one the editor saw: a claim joined or left it meanwhile."""

    def __init__(self, expected: Iterable[int], actual: Iterable[int]):
        self.expected, self.actual = sorted(expected), sorted(actual)
        super().__init__(
            "The claims linked as this fact changed after you opened them. Review the group and try again."
        )


def allowed_transitions(claim: Claim) -> list[str]:
    """The statuses `claim` may move to, in the order of Status."""
    return [status for status in Status.values if status in NEXT[claim.status]]


def jsonable(value: Any) -> Any:
    """A field value as it is kept in event and proposal JSON."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 2000.0000000000 and 2000 read the same
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


# The fields link suggestions are judged on.
LINKING_FIELDS = frozenset(
    {"value", "value_low", "value_high", "qualifier", "unit", "kind", "period_start", "period_end", "places"}
)


def _check_seen(claim: Claim, version: int) -> None:
    """Refuse first if the editor decided on an older claim than this one (a stale form or tool)."""
    if claim.version != version:
        raise StaleClaim(claim.pk, claim)


def _bump(claim: Claim, *, version: int, **changes: Any) -> None:
    """Apply `changes` if the claim is still at `version`, else raise StaleClaim."""
    rows = Claim.objects.filter(pk=claim.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if rows != 1:
        raise StaleClaim(claim.pk, Claim.objects.filter(pk=claim.pk).first())
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.version = version + 1


def _bump_unchecked(claim: Claim) -> None:
    """Count a change that cannot conflict (a note) so other open copies learn of it."""
    Claim.objects.filter(pk=claim.pk).update(version=F("version") + 1, updated_at=timezone.now())
    claim.refresh_from_db(fields=["version", "updated_at"])


def _record(claim: Claim, editor: AbstractBaseUser | None, kind: str, before: dict, after: dict) -> ClaimEvent:
    return ClaimEvent.objects.create(
        claim=claim,
        actor=editor,
        kind=kind,
        version=claim.version,
        before={k: jsonable(v) for k, v in before.items()},
        after={k: jsonable(v) for k, v in after.items()},
    )


def transition(claim: Claim, *, to: str, editor: AbstractBaseUser, version: int, note: str = "") -> None:
    """Move `claim` to status `to`, or raise and change nothing."""
    _check_seen(claim, version)
    if to not in NEXT.get(claim.status, ()):
        raise InvalidTransition(claim.status, to)
    note = note.strip()
    if to in NOTE_REQUIRED and not note:
        raise NoteRequired(to)
    changes: dict[str, Any] = {"status": to}
    if to in VERDICTS:
        changes |= {"verdict_note": note, "reviewed_by": editor, "reviewed_at": timezone.now()}
    before = {"status": claim.status}
    with transaction.atomic():
        _bump(claim, version=version, **changes)
        _record(claim, editor, ClaimEvent.Kind.STATUS, before, {"status": to, "note": note})


def transition_group(
    claim: Claim, *, to: str, editor: AbstractBaseUser, versions: Mapping[int, int], note: str = ""
) -> list[Claim]:
    """Give one verdict to every claim of `claim`'s fact group (confirmed `same` links), or change nothing.

    `versions` maps each claim id of the group, as the editor saw it, to the version they saw. Each
    claim gets its own status event. Refused as a whole (GroupChanged, InvalidTransition,
    NoteRequired, StaleClaim) if the group differs, any claim cannot make the move or any is stale.
    """
    from .linking import fact_group  # linking stores its suggestions through this module

    group = fact_group(claim)
    if {member.pk for member in group} != set(versions):
        raise GroupChanged(versions, [member.pk for member in group])
    note = note.strip()
    for member in group:
        if to not in NEXT.get(member.status, ()):
            raise InvalidTransition(member.status, to, claim_id=member.pk)
    if to in NOTE_REQUIRED and not note:
        raise NoteRequired(to)
    now = timezone.now()
    ids = [member.pk for member in group]
    with transaction.atomic():
        for member in group:
            changes: dict[str, Any] = {"status": to}
            if to in VERDICTS:
                changes |= {"verdict_note": note, "reviewed_by": editor, "reviewed_at": now}
            before = {"status": member.status}
            _bump(member, version=versions[member.pk], **changes)
            _record(member, editor, ClaimEvent.Kind.STATUS, before, {"status": to, "note": note, "group": ids})
    return group


def edit_fields(claim: Claim, *, changes: dict[str, Any], editor: AbstractBaseUser, version: int) -> None:
    """Correct structured fields; the extractor's proposal stays in `claim.extracted`."""
    _check_seen(claim, version)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidEdit(f"Not editable: {', '.join(sorted(unknown))}.")
    changed = {name: value for name, value in changes.items() if getattr(claim, name) != value}
    if not changed:
        return
    low = changed.get("value_low", claim.value_low)
    high = changed.get("value_high", claim.value_high)
    if low is not None and high is not None and low > high:
        raise InvalidEdit("The low end of the interval is above the high end.")
    start = changed.get("period_start", claim.period_start)
    end = changed.get("period_end", claim.period_end)
    if start is not None and end is not None and start > end:
        raise InvalidEdit("The period starts after it ends.")
    before = {name: getattr(claim, name) for name in changed}
    edited = sorted(set(claim.edited_by_editor) | set(changed))
    derived: dict[str, Any] = {}
    if set(changed) & set(BLOCKING_SOURCE_FIELDS):
        # Keep link candidates findable under the corrected unit and value.
        derived = blocking_fields({name: changed.get(name, getattr(claim, name)) for name in BLOCKING_SOURCE_FIELDS})
    with transaction.atomic():
        _bump(claim, version=version, edited_by_editor=edited, **changed, **derived)
        _record(claim, editor, ClaimEvent.Kind.EDIT, before, changed)
        if set(changed) & LINKING_FIELDS:
            # The corrected quantity may now match other claims, or no longer match its suggestions.
            transaction.on_commit(lambda: _suggest_links_for(claim.pk))


def _suggest_links_for(claim_id: int) -> None:
    from .tasks import suggest_claim_links  # tasks imports linking, which imports this module

    suggest_claim_links.delay(claim_id)


def assign(claim: Claim, *, assignee: AbstractBaseUser | None, editor: AbstractBaseUser, version: int) -> None:
    """Give the claim to `assignee` (None: unassign)."""
    _check_seen(claim, version)
    before = {"assignee": claim.assignee.get_username() if claim.assignee else None}
    after = {"assignee": assignee.get_username() if assignee else None}
    with transaction.atomic():
        _bump(claim, version=version, assignee=assignee)
        _record(claim, editor, ClaimEvent.Kind.ASSIGN, before, after)


def annotate(claim: Claim, *, text: str, editor: AbstractBaseUser, evidence_url: str = "") -> Annotation:
    """Add a note. Notes never conflict, so they do not check the version; they still bump it."""
    text = text.strip()
    if not text:
        raise WorkflowError("A note needs some text.")
    with transaction.atomic():
        annotation = Annotation.objects.create(claim=claim, author=editor, text=text, evidence_url=evidence_url)
        _bump_unchecked(claim)
        _record(
            claim,
            editor,
            ClaimEvent.Kind.ANNOTATE,
            {},
            {"annotation": annotation.pk, "text": text, "evidence_url": evidence_url},
        )
    return annotation


def remove_annotation(annotation: Annotation, *, editor: AbstractBaseUser) -> None:
    """Delete one's own note; the event keeps its text."""
    if annotation.author_id != editor.pk:
        raise WorkflowError("Only the author can remove a note.")
    claim = annotation.claim
    with transaction.atomic():
        _bump_unchecked(claim)
        _record(claim, editor, ClaimEvent.Kind.UNANNOTATE, {"annotation": annotation.pk, "text": annotation.text}, {})
        annotation.delete()


def link(
    claim: Claim,
    other: Claim,
    *,
    relation: str,
    editor: AbstractBaseUser | None,
    state: str = ClaimLink.State.CONFIRMED,
    score: float = 1.0,
    reasons: list[str] | None = None,
) -> ClaimLink:
    """Link two claims (an editor confirms by hand; the linker suggests with editor=None)."""
    if claim.pk == other.pk:
        raise LinkError("A claim cannot be linked to itself.")
    if relation not in ClaimLink.Relation.values:
        raise LinkError(f"Unknown relation {relation!r}.")
    existing = ClaimLink.objects.filter(from_claim=claim, to_claim=other, relation=relation).first() or (
        ClaimLink.objects.filter(from_claim=other, to_claim=claim, relation=relation).first()
        if relation != ClaimLink.Relation.UPDATES
        else None
    )
    with transaction.atomic():
        if existing is not None:
            before = {"state": existing.state}
            existing.state = state
            existing.save(update_fields=["state", "updated_at"])
            claim_link = existing
        else:
            before = {}
            claim_link = ClaimLink.objects.create(
                from_claim=claim,
                to_claim=other,
                relation=relation,
                state=state,
                score=score,
                reasons=reasons or [],
                created_by=editor,
            )
        after = {"link": claim_link.pk, "other": other.pk, "relation": relation, "state": state}
        for side in (claim, other):
            _record(side, editor, ClaimEvent.Kind.LINK, before, after)
    return claim_link


def set_link_state(
    claim_link: ClaimLink, *, state: str, editor: AbstractBaseUser, seen_state: str | None = None
) -> None:
    """Confirm or reject a suggested link; a rejected link stays, so it is never suggested again.

    With `seen_state` (the state the editor decided on), refused with StaleLink if another editor
    changed or removed the link meanwhile, so two editors cannot silently overrule each other.
    """
    if state not in ClaimLink.State.values:
        raise LinkError(f"Unknown link state {state!r}.")
    before = {"state": claim_link.state if seen_state is None else seen_state}
    with transaction.atomic():
        rows = ClaimLink.objects.filter(pk=claim_link.pk)
        if seen_state is not None:
            rows = rows.filter(state=seen_state)
        if rows.update(state=state, updated_at=timezone.now()) != 1 and seen_state is not None:
            current = ClaimLink.objects.filter(pk=claim_link.pk).values_list("state", flat=True).first()
            raise StaleLink(claim_link, current)
        claim_link.state = state
        sides = (claim_link.from_claim_id, claim_link.to_claim_id)
        for side_id, other_id in (sides, sides[::-1]):  # each history names the claim at the far end
            after = {"link": claim_link.pk, "other": other_id, "relation": claim_link.relation, "state": state}
            ClaimEvent.objects.create(
                claim_id=side_id, actor=editor, kind=ClaimEvent.Kind.LINK, before=before, after=after
            )


def unlink(claim_link: ClaimLink, *, editor: AbstractBaseUser) -> None:
    """Remove a link an editor made; both claims record it."""
    before = {"link": claim_link.pk, "relation": claim_link.relation, "state": claim_link.state}
    with transaction.atomic():
        for side_id in (claim_link.from_claim_id, claim_link.to_claim_id):
            ClaimEvent.objects.create(
                claim_id=side_id, actor=editor, kind=ClaimEvent.Kind.UNLINK, before=before, after={}
            )
        claim_link.delete()


class LinkProposal(Protocol):
    relation: str
    score: float
    reasons: list[str]


def suggest_links(claim: Claim, proposals: Mapping[int, LinkProposal], *, considered: Iterable[int]) -> dict[str, int]:
    """Store the linker's suggestions for `claim` (other claim id -> proposal), writing no duplicate.

    `considered` are the ids of every claim the linker judged (proposed or not). For each pair:
    a pair an editor settled (any confirmed link, or the proposed relation rejected) is left alone,
    so a rejected suggestion never comes back; an existing suggestion gets the new score and
    reasons; a new one is created with an event on both claims (actor: the system); a system
    suggestion no longer proposed is removed, with an event. A constant number of queries.
    """
    considered = set(considered) | set(proposals)
    considered.discard(claim.pk)
    existing: dict[int, list[ClaimLink]] = defaultdict(list)
    for claim_link in ClaimLink.objects.filter(
        Q(from_claim=claim, to_claim_id__in=considered) | Q(to_claim=claim, from_claim_id__in=considered)
    ):
        other = claim_link.to_claim_id if claim_link.from_claim_id == claim.pk else claim_link.from_claim_id
        existing[other].append(claim_link)
    now = timezone.now()
    created: list[ClaimLink] = []
    refreshed: list[ClaimLink] = []
    stale: list[ClaimLink] = []
    for other_id in sorted(considered):
        links = existing[other_id]
        proposal = proposals.get(other_id)
        for claim_link in links:
            if claim_link.state == ClaimLink.State.SUGGESTED and claim_link.created_by_id is None:
                if proposal is None or claim_link.relation != proposal.relation:
                    stale.append(claim_link)
        if proposal is None:
            continue
        if any(
            claim_link.state == ClaimLink.State.CONFIRMED
            or (claim_link.relation == proposal.relation and claim_link.state == ClaimLink.State.REJECTED)
            for claim_link in links
        ):
            continue  # an editor decided this pair
        current = next((c for c in links if c.relation == proposal.relation and c not in stale), None)
        if current is not None:
            if current.created_by_id is None and (current.score, current.reasons) != (proposal.score, proposal.reasons):
                current.score, current.reasons, current.updated_at = proposal.score, list(proposal.reasons), now
                refreshed.append(current)
            continue
        # Symmetric relations are stored from the older claim, so two runs racing meet on one unique row.
        low, high = sorted((claim.pk, other_id))
        created.append(
            ClaimLink(
                from_claim_id=low,
                to_claim_id=high,
                relation=proposal.relation,
                state=ClaimLink.State.SUGGESTED,
                score=proposal.score,
                reasons=list(proposal.reasons),
            )
        )
    with transaction.atomic():
        if stale:
            ClaimLink.objects.filter(pk__in=[claim_link.pk for claim_link in stale]).delete()
        if created:
            ClaimLink.objects.bulk_create(created)
        if refreshed:
            ClaimLink.objects.bulk_update(refreshed, ["score", "reasons", "updated_at"])
        events = []
        for claim_link in stale:
            before = {"link": claim_link.pk, "relation": claim_link.relation, "state": claim_link.state}
            for side in (claim_link.from_claim_id, claim_link.to_claim_id):
                events.append(ClaimEvent(claim_id=side, actor=None, kind=ClaimEvent.Kind.UNLINK, before=before))
        for claim_link in created:
            sides = (claim_link.from_claim_id, claim_link.to_claim_id)
            for side, other in (sides, sides[::-1]):
                after = {
                    "link": claim_link.pk,
                    "other": other,
                    "relation": claim_link.relation,
                    "state": claim_link.state,
                    "score": claim_link.score,
                }
                events.append(ClaimEvent(claim_id=side, actor=None, kind=ClaimEvent.Kind.LINK, after=after))
        if events:
            ClaimEvent.objects.bulk_create(events)
    return {"created": len(created), "refreshed": len(refreshed), "removed": len(stale)}
