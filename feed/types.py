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
