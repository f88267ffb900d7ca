"""Removing claims: the extractor's clean-up after re-extraction, an administrator, an article deleted.

A deleted claim's history goes with it (it hangs off the claim), so its deletion is recorded where it
stays: the desk's change feed, as `claim.deleted`. Claims linked to it lose a link: each gets a version
bump and an `unlink` event, as when a link is removed by hand.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q

from feed import log as feed_log

from .. import events
from ..models import Claim, ClaimEvent, ClaimLink
from .versions import bump_many


def _unlink_survivors(doomed: set[int], actor: User | None) -> None:
    """Claims that stay but lose a link to a deleted claim learn of it, as from any removed link."""
    lost = [
        (claim_link, survivor, gone)
        for claim_link in ClaimLink.objects.filter(Q(from_claim_id__in=doomed) | Q(to_claim_id__in=doomed))
        for survivor, gone in (
            (claim_link.from_claim_id, claim_link.to_claim_id),
            (claim_link.to_claim_id, claim_link.from_claim_id),
        )
        if survivor not in doomed
    ]
    if not lost:
        return
    versions = bump_many(survivor for _, survivor, _ in lost)
    events.save_all(
        [
            events.event_for(
                survivor,
                version=versions[survivor],
                actor=actor,
                kind=ClaimEvent.Kind.UNLINK,
                before={"relation": claim_link.relation, "state": claim_link.state},
                after={"link": claim_link.pk, "other": gone, "deleted": True},
            )
            for claim_link, survivor, gone in lost
        ]
    )


def delete_claims(claim_ids: Iterable[int], *, actor: User | None) -> int:
    """Delete these claims, each with a `claim.deleted` feed entry; the number deleted. Constant queries."""
    ids = set(claim_ids)
    if not ids:
        return 0
    with transaction.atomic():
        doomed = list(
            Claim.objects.select_for_update()
            .filter(pk__in=ids)
            .values("pk", "article_id", "version", "status", "quote", "quote_start")
        )
        if not doomed:
            return 0
        _unlink_survivors({row["pk"] for row in doomed}, actor)
        feed_log.append(
            feed_log.entry(
                events.CLAIM_DELETED,
                claim_id=row["pk"],
                article_id=row["article_id"],
                actor=actor,
                version=row["version"],
                before={name: row[name] for name in ("status", "quote", "quote_start")},
            )
            for row in doomed
        )
        Claim.objects.filter(pk__in=[row["pk"] for row in doomed]).delete()
    return len(doomed)
