"""The kinds of change the feed carries, by the names tools filter and subscribe on."""

CLAIM_TYPES = (
    "claim.created",
    "claim.extracted",
    "claim.edited",
    "claim.status",
    "claim.assigned",
    "claim.note_added",
    "claim.note_removed",
    "claim.linked",
    "claim.unlinked",
    "claim.group_changed",
    "claim.article_changed",
    "claim.deleted",
)
ARTICLE_TYPES = ("article.created", "article.updated", "article.extracted", "article.deleted")
EVENT_TYPES = CLAIM_TYPES + ARTICLE_TYPES

# What `before` and `after` hold for each type (JSON Schema properties; more keys may appear: ignore them).
_TEXT, _INT, _BOOL = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
_TEXT_OR_NULL = {"type": "string", "nullable": True}
_IDS = {"type": "array", "items": _INT}
_ANY = {"type": "object", "additionalProperties": True, "description": "Changed fields, by the claim's field names"}
_ARTICLE = {
    "title": _TEXT,
    "url": _TEXT,
    "published": {**_TEXT_OR_NULL, "description": "2024-12-05, 2024-12 or 2024"},
    "language": _TEXT,
    "outlet": _TEXT_OR_NULL,
    "body_length": _INT,
    "content_hash": _TEXT,
}
_EXTRACTED = {
    "created": _BOOL,
    "quote": _TEXT,
    "value": _TEXT_OR_NULL,
    "value_low": _TEXT_OR_NULL,
    "value_high": _TEXT_OR_NULL,
    "qualifier": _TEXT,
    "unit": _TEXT,
    "kind": _TEXT,
    "period_start": _TEXT_OR_NULL,
    "period_end": _TEXT_OR_NULL,
}
# For each type: (before, after).
PAYLOADS: dict[str, tuple[dict, dict]] = {
    "claim.created": ({}, _EXTRACTED),
    "claim.extracted": ({}, {"reanchored": _BOOL, "orphaned": _BOOL, "proposed": _ANY}),
    "claim.edited": ({}, {}),
    "claim.status": (
        {"status": _TEXT},
        {"status": _TEXT, "note": _TEXT, "reason": _TEXT, "via": _TEXT, "group": _IDS},
    ),
    "claim.assigned": ({"assignee": _TEXT_OR_NULL}, {"assignee": _TEXT_OR_NULL}),
    "claim.note_added": ({}, {"annotation": _INT, "text": _TEXT, "evidence_url": _TEXT}),
    "claim.note_removed": ({"annotation": _INT, "text": _TEXT}, {}),
    "claim.linked": (
        {"state": _TEXT},
        {"link": _INT, "other": _INT, "relation": _TEXT, "state": _TEXT, "score": {"type": "number"}},
    ),
    "claim.unlinked": (
        {"relation": _TEXT, "state": _TEXT, "link": _INT},
        {"link": _INT, "other": _INT, "deleted": _BOOL},
    ),
    "claim.group_changed": ({"group": _IDS}, {"group": _IDS, "link": _INT}),
    "claim.article_changed": ({}, {"title": _TEXT, "published": _TEXT_OR_NULL, "url": _TEXT}),
    "claim.deleted": ({"status": _TEXT, "quote": _TEXT, "quote_start": _INT}, {}),
    "article.created": ({}, _ARTICLE),
    "article.updated": (_ARTICLE, _ARTICLE),
    "article.extracted": ({}, {"extraction_status": _TEXT, "extraction_error": _TEXT}),
    "article.deleted": (_ARTICLE, {}),
}
