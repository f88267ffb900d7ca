"""Optimistic locking: a change applies only to the version the editor saw, and every change bumps it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import F, Q
from django.utils import timezone

from ..models import Claim, ClaimEvent
from .errors import StaleClaim

# Changes that cannot have changed an editor's mind about this claim: the linker suggesting or
# withdrawing a link, and the claim's fact group changing through links between other claims (a group
# verdict checks the group itself). They bump the version (pages and tools learn of them) but do not
# make an editor's decision stale.
_HARMLESS = Q(actor__isnull=True, kind__in=[ClaimEvent.Kind.LINK, ClaimEvent.Kind.UNLINK]) | Q(
    kind=ClaimEvent.Kind.GROUP
)


def _only_suggestions_since(claim: Claim, seen: int) -> bool:
    return not ClaimEvent.objects.filter(claim_id=claim.pk, version__gt=seen).exclude(_HARMLESS).exists()


def check_seen(claim: Claim, version: int) -> int:
    """The version to apply a change against; refuse if the editor decided on an older claim than this
    one (a stale form or tool), unless all that happened since is link suggestions."""
    if claim.version == version:
        return version
    if version < claim.version and _only_suggestions_since(claim, version):
        return claim.version
    raise StaleClaim(claim.pk, claim)


def _update_at(claim: Claim, version: int, changes: dict[str, Any]) -> bool:
    rows = Claim.objects.filter(pk=claim.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    return rows == 1


def bump(claim: Claim, *, version: int, **changes: Any) -> None:
    """Apply `changes` if the claim is still at `version` (or moved on only by link suggestions since),
    else raise StaleClaim."""
    if not _update_at(claim, version, changes):
        current = Claim.objects.filter(pk=claim.pk).first()
        if current is None or current.version < version or not _only_suggestions_since(claim, version):
            raise StaleClaim(claim.pk, current)
        version = current.version
        if not _update_at(claim, version, changes):  # changed again, in the instant between
            raise StaleClaim(claim.pk, Claim.objects.filter(pk=claim.pk).first())
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.version = version + 1


def bump_unchecked(claim: Claim, **changes: Any) -> None:
    """Count a change that cannot conflict (a note, the system's own) so open copies learn of it."""
    Claim.objects.filter(pk=claim.pk).update(version=F("version") + 1, updated_at=timezone.now(), **changes)
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.refresh_from_db(fields=["version", "updated_at"])


def bump_many(claim_ids: Iterable[int]) -> dict[int, int]:
    """Bump each claim once (a batch of system changes); their new versions by id, in two queries."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    Claim.objects.filter(pk__in=ids).update(version=F("version") + 1, updated_at=timezone.now())
    return dict(Claim.objects.filter(pk__in=ids).values_list("pk", "version"))
