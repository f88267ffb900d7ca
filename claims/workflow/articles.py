"""An article corrected: what each of its claims shows of it (title, date, URL) changed too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from .. import events
from ..models import Claim, ClaimEvent
from .versions import bump_many

# What a claim's JSON shows of its article.
SHOWN = ("title", "published", "url")


def record_article_correction(article_id: int, *, changed: Mapping[str, Any], actor: User | None) -> int:
    """Bump every claim of the article with an `article` event naming the new values; how many. A tool
    holding a claim's ETag sees it change, and the feed says why. Constant queries."""
    shown = {name: value for name, value in changed.items() if name in SHOWN}
    if not shown:
        return 0
    with transaction.atomic():
        ids = list(Claim.objects.filter(article_id=article_id).values_list("pk", flat=True))
        versions = bump_many(ids)
        events.save_all(
            [
                events.event_for(
                    claim_id,
                    version=versions[claim_id],
                    actor=actor,
                    kind=ClaimEvent.Kind.ARTICLE,
                    before={},
                    after=shown,
                )
                for claim_id in ids
            ]
        )
    return len(ids)
