"""Link suggestions: judge a claim's candidates with the rules and store the best through the workflow.

The rules that judge a pair live in `claims.linking.rules` (no Django); `candidates` asks the
database for the few claims worth judging; the outcome is stored by `claims.workflow`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError

from .. import workflow
from ..models import Claim
from .candidates import Candidate, candidates, claim_facts
from .rules import Proposal, propose, trigram_similarity

logger = logging.getLogger(__name__)

# At most this many suggestions per claim, best first: an editor reads them all.
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Suggestion:
    other: Candidate
    proposal: Proposal


def rank(claim: Claim, found: list[Candidate], *, published=None) -> list[Suggestion]:
    """Judge each candidate against `claim`; the best MAX_SUGGESTIONS proposals, highest score first."""
    mine = claim_facts(claim, published)
    suggestions = []
    for other in found:
        wording = other.wording
        if wording is None:
            wording = trigram_similarity(claim.sentence, other.facts.sentence)
        proposal = propose(mine, other.facts, wording=wording)
        if proposal is not None:
            suggestions.append(Suggestion(other, proposal))
    suggestions.sort(key=lambda suggestion: (-suggestion.proposal.score, suggestion.other.pk))
    return suggestions[:MAX_SUGGESTIONS]


def suggest_for_claim(claim: Claim, *, published=None) -> dict[str, int]:
    """Propose and store links from `claim` to claims of other articles. Idempotent."""
    found = candidates(claim)
    suggestions = rank(claim, found, published=published)
    proposals = {suggestion.other.pk: suggestion.proposal for suggestion in suggestions}
    considered = [other.pk for other in found]
    try:
        return workflow.store_suggestions(claim, proposals, considered=considered)
    except IntegrityError:
        # Another worker stored the same pair meanwhile (unique per pair and relation): read it and refresh.
        return workflow.store_suggestions(claim, proposals, considered=considered)


def suggest_for_article(article_id: int) -> dict[str, int]:
    """Suggest links for every claim of an article; totals of created, refreshed and removed links."""
    totals = {"created": 0, "refreshed": 0, "removed": 0}
    claims = Claim.objects.filter(article_id=article_id).select_related("article").defer("article__body").order_by("pk")
    for claim in claims:
        for name, count in suggest_for_claim(claim, published=claim.article.published).items():
            totals[name] += count
    logger.info("article=%s link suggestions: %s", article_id, totals)
    return totals
