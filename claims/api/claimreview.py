"""schema.org ClaimReview JSON-LD for a claim with a verdict (what search engines read for fact checks).

Verdicts on a 1-5 scale, 5 the most accurate: false 1, misleading 2, needs_context 3, verified 5.
`unverifiable` gets no number: it is not a degree of truth, and a midpoint would read as "half true";
its rating carries only `alternateName`, which schema.org and Google's guidelines allow.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from ..models import Claim, Status

BEST_RATING, WORST_RATING = 5, 1
RATING = {Status.FALSE: 1, Status.MISLEADING: 2, Status.NEEDS_CONTEXT: 3, Status.VERIFIED: 5}

CLAIMREVIEW_SCHEMA = {
    "type": "object",
    "required": ["@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed", "author"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string", "format": "uri", "description": "The claim's page"},
        "claimReviewed": {"type": "string", "description": "The sentence that makes the claim"},
        "datePublished": {"type": "string", "format": "date", "description": "When the verdict was given"},
        "reviewRating": {
            "type": "object",
            "required": ["@type", "bestRating", "worstRating", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5, "description": "Absent: unverifiable"},
                "bestRating": {"type": "integer", "enum": [BEST_RATING]},
                "worstRating": {"type": "integer", "enum": [WORST_RATING]},
                "alternateName": {"type": "string", "description": "The verdict in words"},
            },
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "datePublished": {"type": "string", "format": "date"},
                "appearance": {
                    "type": "object",
                    "properties": {
                        "@type": {"type": "string", "enum": ["NewsArticle"]},
                        "url": {"type": "string"},
                        "headline": {"type": "string"},
                        "datePublished": {"type": "string", "format": "date"},
                        "publisher": {
                            "type": "object",
                            "properties": {
                                "@type": {"type": "string"},
                                "name": {"type": "string"},
                                "url": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
        "author": {
            "type": "object",
            "properties": {"@type": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string"}},
        },
    },
}


def _organisation(name: str, url: str = "") -> dict[str, str]:
    organisation = {"@type": "Organization", "name": name}
    if url:
        organisation["url"] = url
    return organisation


def claim_review(claim: Claim, *, page_url: str) -> dict[str, Any]:
    """The ClaimReview of `claim`, which must have a verdict."""
    assert claim.verdict, "only a claim with a verdict has a review"
    article = claim.article
    rating: dict[str, Any] = {"@type": "Rating", "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if claim.status in RATING:
        rating["ratingValue"] = RATING[claim.status]
    rating["alternateName"] = Status(claim.status).label
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    if article.outlet is not None:
        domain = article.outlet.domain
        appearance["publisher"] = _organisation(article.outlet.name, f"https://{domain}/" if domain else "")
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": claim.sentence,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": _organisation(settings.FACTDESK_ORGANISATION_NAME, settings.FACTDESK_ORGANISATION_URL),
    }
    if claim.reviewed_at:
        review["datePublished"] = claim.reviewed_at.date().isoformat()
    return review
