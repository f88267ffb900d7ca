"""schema.org ClaimReview JSON-LD for a claim with a verdict (what search engines read for fact checks).

Verdicts on a 1-5 scale, 5 the most accurate: false 1, misleading 2, needs_context 3, verified 5.
`unverifiable` gets no number: it is not a degree of truth, and a midpoint would read as "half true";
its rating carries only its name, which schema.org and Google's guidelines allow.

Google's fact-check markup asks for `url` (the published fact check: the verdict's `factcheck_url`),
`claimReviewed` (short: the editors' `claim_reviewed`, else the sentence) and `reviewRating`; it
recommends `author`, `datePublished` and `itemReviewed` (a Claim with its author, the attribution,
and where it appeared: every article of the claim's fact group, the earliest as `firstAppearance`).
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from rest_framework.renderers import JSONRenderer

from articles.models import Article

from ..models import Claim, Status

BEST_RATING, WORST_RATING = 5, 1
RATING = {Status.FALSE: 1, Status.MISLEADING: 2, Status.NEEDS_CONTEXT: 3, Status.VERIFIED: 5}
# Attributions that name a body rather than a person ("the UN refugee agency", "Poland's border guard").
_ORGANISATION = re.compile(
    r"\b(agency|ministry|government|office|police|guard|army|service|council|commission|committee|bank|"
    r"institute|organi[sz]ation|union|authority|authorities|department|bureau|court|company|group|news|"
    r"association|university|hospital|UN|EU|NATO|[A-Z]{3,})\b"
)


# A CMS pastes the ClaimReview into a <script type="application/ld+json"> element: text from an article
# ("</script>", "<!--") must not end or bend that element. In JSON these characters only occur inside
# strings, where the \u escapes mean the same text.
_EMBED_ESCAPES = {
    b"<": b"\\u003c",
    b">": b"\\u003e",
    b"&": b"\\u0026",
    "\u2028".encode(): b"\\u2028",
    "\u2029".encode(): b"\\u2029",
}


def escape_for_embedding(rendered: bytes) -> bytes:
    """JSON made safe to embed in an HTML <script> element: <, >, & (and the JS line separators) escaped."""
    for raw, escaped in _EMBED_ESCAPES.items():
        rendered = rendered.replace(raw, escaped)
    return rendered


class EmbeddableJSONRenderer(JSONRenderer):
    """The API's JSON with <, > and & as \\u escapes: the same data, safe inside an HTML page."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return escape_for_embedding(super().render(data, accepted_media_type, renderer_context))


class JSONLDRenderer(EmbeddableJSONRenderer):
    """JSON-LD as its own media type, so a CMS can tell it from the API's other JSON."""

    media_type = "application/ld+json"
    format = "jsonld"


CLAIMREVIEW_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed", "author"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string", "format": "uri", "description": "The published fact check, else the claim's page"},
        "claimReviewed": {"type": "string", "description": "The claim in a short sentence (75 characters or fewer)"},
        "datePublished": {"type": "string", "description": "When the verdict was given (ISO date)"},
        "reviewRating": {
            "type": "object",
            "required": ["@type", "name", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "name": {"type": "string", "description": "The verdict in words"},
                "alternateName": {"type": "string", "description": "The verdict in words (Google reads this)"},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5, "description": "Absent: unverifiable"},
                "bestRating": {"type": "integer", "enum": [BEST_RATING]},
                "worstRating": {"type": "integer", "enum": [WORST_RATING]},
                "ratingExplanation": {"type": "string", "description": "The verdict note"},
            },
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                "author": {"type": "object", "description": "Who made the claim (the attribution)"},
                "datePublished": {"type": "string"},
                "firstAppearance": {"type": "object", "description": "The earliest article of the fact group"},
                "appearance": {"type": "array", "items": {"type": "object"}},
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


def _speaker(attribution: str) -> dict[str, str]:
    kind = "Organization" if _ORGANISATION.search(attribution) else "Person"
    return {"@type": kind, "name": attribution}


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published_text
    if article.outlet is not None:
        domain = article.outlet.domain
        work["publisher"] = _organisation(article.outlet.name, f"https://{domain}/" if domain else "")
    return work


def _rating(claim: Claim) -> dict[str, Any]:
    label = Status(claim.status).label
    rating: dict[str, Any] = {"@type": "Rating", "name": label, "alternateName": label}
    if claim.status in RATING:
        rating |= {"ratingValue": RATING[claim.status], "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if claim.verdict_note:
        rating["ratingExplanation"] = claim.verdict_note
    return rating


def claim_review(claim: Claim, *, page_url: str, group: list[Claim]) -> dict[str, Any]:
    """The ClaimReview of `claim`, which must have a verdict. `group` is its fact group (itself included),
    with articles and outlets: every article the claim appeared in."""
    assert claim.verdict, "only a claim with a verdict has a review"
    articles = {member.article_id: member.article for member in group} | {claim.article_id: claim.article}
    # Oldest first; undated articles after the dated ones, by arrival.
    ordered = sorted(articles.values(), key=lambda a: (a.published is None, a.published or a.ingested_at, a.pk))
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(article) for article in ordered]}
    item["firstAppearance"] = item["appearance"][0]
    if claim.attribution:
        item["author"] = _speaker(claim.attribution)
    if ordered[0].published:
        item["datePublished"] = ordered[0].published_text
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim.factcheck_url or page_url,
        "claimReviewed": claim.claim_reviewed or claim.sentence,
        "reviewRating": _rating(claim),
        "itemReviewed": item,
        "author": _organisation(settings.FACTDESK_ORGANISATION_NAME, settings.FACTDESK_ORGANISATION_URL),
    }
    if claim.reviewed_at:
        review["datePublished"] = claim.reviewed_at.date().isoformat()
    return review
