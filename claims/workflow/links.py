"""Links between claims: made by hand, suggested by the linker, confirmed, rejected, removed.

Every change to a link is a change to both claims it joins: each gets an event naming the claim at
the far end, and a version bump, so open pages and polling tools learn of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import events
from ..models import Claim, ClaimEvent, ClaimLink
from ..queries import fact_group
from .errors import LinkError, StaleLink
from .versions import bump_many


def _joins_facts(relation: str, *states: str | None) -> bool:
    """The link takes part in fact groups: a `same` link confirmed before or after the change."""
    return relation == ClaimLink.Relation.SAME and ClaimLink.State.CONFIRMED in states


def _groups_of(claim_link: ClaimLink) -> tuple[set[int], set[int]]:
    ends = (claim_link.from_claim_id, claim_link.to_claim_id)
    return tuple({member.pk for member in fact_group(Claim(pk=end))} for end in ends)  # type: ignore[return-value]


def _record_regrouping(
    claim_link: ClaimLink, link_id: int, before: tuple[set[int], set[int]], editor: User | None
) -> None:
    """Every claim whose fact group changed with `claim_link`, its two ends aside (their link events say
    it), gets a version bump and a `group` event: a tool polling it, or holding its group, learns of it."""
    after = _groups_of(claim_link)

    def group(groups: tuple[set[int], set[int]], member: int) -> set[int]:
        return groups[0] if member in groups[0] else groups[1]

    ends = {claim_link.from_claim_id, claim_link.to_claim_id}
    everyone = before[0] | before[1] | after[0] | after[1]
    moved = sorted(m for m in everyone - ends if group(before, m) != group(after, m))
    if not moved:
        return
    versions = bump_many(moved)
    events.save_all(
        [
            events.event_for(
                member,
                version=versions[member],
                actor=editor,
                kind=ClaimEvent.Kind.GROUP,
                before={"group": sorted(group(before, member))},
                after={"group": sorted(group(after, member)), "link": link_id},
            )
            for member in moved
        ]
    )


def _record_on_both(claim_link: ClaimLink, editor: User | None, kind: str, before: dict, after: dict) -> dict[int, int]:
    """One event on each end of `claim_link`, each naming the other claim, after bumping both; the new
    versions by claim id."""
    sides = (claim_link.from_claim_id, claim_link.to_claim_id)
    versions = bump_many(sides)
    found = []
    for side, other in (sides, sides[::-1]):
        payload = after | {"link": claim_link.pk, "other": other}
        found.append(
            events.event_for(side, version=versions[side], actor=editor, kind=kind, before=before, after=payload)
        )
    events.save_all(found)
    return versions


def link(
    claim: Claim,
    other: Claim,
    *,
    relation: str,
    editor: User | None,
    state: str = ClaimLink.State.CONFIRMED,
    score: float = 1.0,
    reasons: list[str] | None = None,
) -> ClaimLink:
    """Link two claims (an editor confirms by hand); an existing link of that relation takes `state`."""
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
        regrouping = _joins_facts(relation, state, existing.state if existing else None)
        groups_before = _groups_of(existing or ClaimLink(from_claim=claim, to_claim=other)) if regrouping else None
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
        versions = _record_on_both(
            claim_link, editor, ClaimEvent.Kind.LINK, before, {"relation": relation, "state": state}
        )
        if groups_before is not None:
            _record_regrouping(claim_link, claim_link.pk, groups_before, editor)
    claim.version, other.version = versions[claim.pk], versions[other.pk]
    return claim_link


def set_link_state(claim_link: ClaimLink, *, state: str, editor: User, seen_state: str) -> None:
    """Confirm or reject a link; a rejected link stays, so it is never suggested again.

    `seen_state` is the state the editor decided on: refused with StaleLink if another editor changed
    or removed the link meanwhile, so two editors cannot silently overrule each other.
    """
    if state not in ClaimLink.State.values:
        raise LinkError(f"Unknown link state {state!r}.")
    regrouping = _joins_facts(claim_link.relation, state, seen_state)
    with transaction.atomic():
        groups_before = _groups_of(claim_link) if regrouping else None
        rows = ClaimLink.objects.filter(pk=claim_link.pk, state=seen_state).update(
            state=state, updated_at=timezone.now()
        )
        if rows != 1:
            current = ClaimLink.objects.filter(pk=claim_link.pk).values_list("state", flat=True).first()
            raise StaleLink(claim_link, current)
        claim_link.state = state
        after = {"relation": claim_link.relation, "state": state}
        _record_on_both(claim_link, editor, ClaimEvent.Kind.LINK, {"state": seen_state}, after)
        if groups_before is not None:
            _record_regrouping(claim_link, claim_link.pk, groups_before, editor)


def unlink(claim_link: ClaimLink, *, editor: User) -> None:
    """Remove a link; both claims record it."""
    before = {"relation": claim_link.relation, "state": claim_link.state}
    link_id = claim_link.pk
    with transaction.atomic():
        groups_before = _groups_of(claim_link) if _joins_facts(claim_link.relation, claim_link.state) else None
        _record_on_both(claim_link, editor, ClaimEvent.Kind.UNLINK, before, {})
        claim_link.delete()
        if groups_before is not None:
            _record_regrouping(claim_link, link_id, groups_before, editor)


class LinkProposal(Protocol):
    relation: str
    score: float
    reasons: list[str]
    newer_first: bool  # for "updates": the claim the proposal was made for is the newer one


def _existing_links(claim: Claim, considered: set[int]) -> dict[int, list[ClaimLink]]:
    """The links between `claim` and the considered claims, and every system suggestion of `claim`
    (so one to a claim that is no longer a candidate can be withdrawn), by the other claim's id."""
    existing: dict[int, list[ClaimLink]] = defaultdict(list)
    # A claim has few links: read them all by the two indexed ends and keep the wanted ones here, rather than
    # send the considered ids (a hundred or more) twice as query parameters.
    for claim_link in ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim)):
        other = claim_link.to_claim_id if claim_link.from_claim_id == claim.pk else claim_link.from_claim_id
        system_suggestion = claim_link.state == ClaimLink.State.SUGGESTED and claim_link.created_by_id is None
        if other in considered or system_suggestion:
            existing[other].append(claim_link)
    return existing


def _settled(links: list[ClaimLink], proposal: LinkProposal) -> bool:
    """An editor decided this pair: a confirmed link of any relation, or this relation rejected."""
    return any(
        claim_link.state == ClaimLink.State.CONFIRMED
        or (claim_link.relation == proposal.relation and claim_link.state == ClaimLink.State.REJECTED)
        for claim_link in links
    )


class _SuggestionPlan:
    """What storing one claim's proposals will change: links to create, refresh and withdraw."""

    def __init__(self) -> None:
        self.created: list[ClaimLink] = []
        self.refreshed: list[ClaimLink] = []
        self.stale: list[ClaimLink] = []

    def add_pair(self, claim: Claim, other_id: int, links: list[ClaimLink], proposal: LinkProposal | None) -> None:
        ends = _ends_of(claim.pk, other_id, proposal) if proposal is not None else None
        for claim_link in links:
            if claim_link.state == ClaimLink.State.SUGGESTED and claim_link.created_by_id is None:
                if proposal is None or claim_link.relation != proposal.relation or not _runs(claim_link, ends):
                    self.stale.append(claim_link)
        if proposal is None or ends is None or _settled(links, proposal):
            return
        current = next(
            (c for c in links if c.relation == proposal.relation and _runs(c, ends) and c not in self.stale), None
        )
        if current is not None:
            if current.created_by_id is None and (current.score, current.reasons) != (proposal.score, proposal.reasons):
                current.score, current.reasons, current.updated_at = (
                    proposal.score,
                    list(proposal.reasons),
                    timezone.now(),
                )
                self.refreshed.append(current)
            return
        self.created.append(
            ClaimLink(
                from_claim_id=ends[0],
                to_claim_id=ends[1],
                relation=proposal.relation,
                state=ClaimLink.State.SUGGESTED,
                score=proposal.score,
                reasons=list(proposal.reasons),
            )
        )

    def events(self, versions: Mapping[int, int]) -> list[ClaimEvent]:
        found = []
        for claim_link in self.stale:
            before = {"link": claim_link.pk, "relation": claim_link.relation, "state": claim_link.state}
            for side, other in _ends(claim_link):
                # The same shape as an editor's removal: the link and the far claim in `after`.
                removed = {"link": claim_link.pk, "other": other}
                found.append(_system_event(side, versions, ClaimEvent.Kind.UNLINK, before, removed))
        for claim_link in self.created:
            after = {"link": claim_link.pk, "relation": claim_link.relation, "state": claim_link.state}
            for side, other in _ends(claim_link):
                payload = after | {"other": other, "score": claim_link.score}
                found.append(_system_event(side, versions, ClaimEvent.Kind.LINK, {}, payload))
        return found


def _ends_of(claim_id: int, other_id: int, proposal: LinkProposal) -> tuple[int, int]:
    """(from, to) of the link a proposal makes: an update runs from the newer claim to the older one;
    a symmetric relation from the claim with the lower id, so two runs racing meet on one unique row."""
    if proposal.relation == ClaimLink.Relation.UPDATES:
        return (claim_id, other_id) if getattr(proposal, "newer_first", False) else (other_id, claim_id)
    low, high = sorted((claim_id, other_id))
    return low, high


def _runs(claim_link: ClaimLink, ends: tuple[int, int] | None) -> bool:
    """Does the link run as proposed? Only an update has a direction."""
    if ends is None or claim_link.relation != ClaimLink.Relation.UPDATES:
        return True
    return (claim_link.from_claim_id, claim_link.to_claim_id) == ends


def _system_event(claim_id: int, versions: Mapping[int, int], kind: str, before: dict, after: dict) -> ClaimEvent:
    return events.event_for(claim_id, version=versions[claim_id], actor=None, kind=kind, before=before, after=after)


def _ends(claim_link: ClaimLink) -> list[tuple[int, int]]:
    """Each claim of the link with the claim at its far end."""
    return [(claim_link.from_claim_id, claim_link.to_claim_id), (claim_link.to_claim_id, claim_link.from_claim_id)]


def store_suggestions(
    claim: Claim, proposals: Mapping[int, LinkProposal], *, considered: Iterable[int]
) -> dict[str, int]:
    """Store the linker's suggestions for `claim` (other claim id -> proposal), writing no duplicate.

    `considered` are the ids of every claim the linker judged (proposed or not). For each pair:
    a pair an editor settled (any confirmed link, or the proposed relation rejected) is left alone,
    so a rejected suggestion never comes back; an existing suggestion gets the new score and
    reasons; a new one is created with an event on both claims (actor: the system); a system
    suggestion no longer proposed (also one to a claim no longer among the candidates, or an update
    that now runs the other way) is removed, with an event. An update runs from the newer claim to
    the older. Claims whose links appear or go get a version bump. A constant number of queries.
    """
    pool = (set(considered) | set(proposals)) - {claim.pk}
    existing = _existing_links(claim, pool)
    plan = _SuggestionPlan()
    for other_id in sorted(pool | set(existing)):
        plan.add_pair(claim, other_id, existing[other_id], proposals.get(other_id))
    with transaction.atomic():
        if plan.stale:
            ClaimLink.objects.filter(pk__in=[claim_link.pk for claim_link in plan.stale]).delete()
        if plan.created:
            ClaimLink.objects.bulk_create(plan.created)
        if plan.refreshed:
            ClaimLink.objects.bulk_update(plan.refreshed, ["score", "reasons", "updated_at"])
        changed = [side for claim_link in plan.stale + plan.created for side, _ in _ends(claim_link)]
        found = plan.events(bump_many(changed))
        events.save_all(found)
    return {"created": len(plan.created), "refreshed": len(plan.refreshed), "removed": len(plan.stale)}
