"""Link suggestions: file a claim in the candidate index, judge its candidates, store the best.

The rules that judge a pair live in `claims.linking.rules` (no Django); `index` files claims under
their blocking keys; `candidates` asks the index for the few claims worth judging; the outcome is
stored by `claims.workflow`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.db import IntegrityError, transaction

from articles.models import Article

from .. import workflow
from ..models import Claim
from .candidates import Candidate, candidates
from .index import claim_facts, index_article, index_claim
from .rules import DEFAULT_THRESHOLD, ClaimFacts, Proposal, judge

logger = logging.getLogger(__name__)

# At most this many suggestions per claim, best first: an editor reads them all.
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class Suggestion:
    other: Candidate
    proposal: Proposal


def rank(facts: ClaimFacts, found: list[Candidate], *, threshold: float = DEFAULT_THRESHOLD) -> list[Suggestion]:
    """Judge each candidate against `facts` (the index found them: no block test); the best
    MAX_SUGGESTIONS proposals at or above the threshold, highest score first."""
    suggestions = []
    for other in found:
        proposal = judge(facts, other.facts)
        if proposal is not None and proposal.score >= threshold:
            suggestions.append(Suggestion(other, proposal))
    suggestions.sort(key=lambda suggestion: (-suggestion.proposal.score, suggestion.other.pk))
    return suggestions[:MAX_SUGGESTIONS]


def _store(claim: Claim, facts: ClaimFacts) -> dict[str, int]:
    found = candidates(claim, facts)
    proposals = {suggestion.other.pk: suggestion.proposal for suggestion in rank(facts, found)}
    considered = [other.pk for other in found]
    try:
        return workflow.store_suggestions(claim, proposals, considered=considered)
    except IntegrityError:
        # Another worker stored the same pair meanwhile (unique per pair and relation): read it and refresh.
        return workflow.store_suggestions(claim, proposals, considered=considered)


def suggest_for_claim(claim: Claim) -> dict[str, int]:
    """File `claim` under its current keys, then propose and store links to claims of other articles.
    Idempotent: existing suggestions are refreshed, stale ones withdrawn, rejected ones never back."""
    return _store(claim, index_claim(claim))


def suggest_for_article(article_id: int) -> dict[str, int]:
    """File the article and its claims in the candidate index, then suggest links for each claim;
    totals of created, refreshed and removed links."""
    totals = {"created": 0, "refreshed": 0, "removed": 0}
    article = Article.objects.filter(pk=article_id).only("pk", "title", "published").first()
    if article is None:
        return totals  # deleted meanwhile
    claims = list(Claim.objects.filter(article_id=article_id).order_by("pk"))
    story = index_article(article, claims)
    failed = 0
    for claim in claims:
        # One claim's failure (a value the rules cannot compare, a bug) costs that claim its suggestions only.
        try:
            with transaction.atomic():
                facts = claim_facts(claim, published=article.published, story=story)
                for name, count in _store(claim, facts).items():
                    totals[name] += count
        except SoftTimeLimitExceeded:
            raise  # the task's time is up: it ends here (and is not run again), the claims done so far kept
        except Exception:
            failed += 1
            logger.exception(
                "article=%s claim=%s link suggestions failed; the other claims go on", article_id, claim.pk
            )
    logger.info(
        "article=%s link suggestions: %s%s", article_id, totals, f", {failed} claim(s) failed" if failed else ""
    )
    return totals
