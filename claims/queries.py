"""Reads shared by the pages, the API and the workflow: each owns its joins, so lists cost constant queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import VERDICTS, Claim, ClaimLink, DismissReason, Status


def reviewers() -> QuerySet:
    """The active users who may be given a claim: those holding claims.review_claim."""
    perm = Permission.objects.filter(codename="review_claim", content_type__app_label="claims").values("pk")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=perm) | Q(user_permissions__in=perm))
        .distinct()
        .order_by("username")
    )


# The queue's orders, each ending in the id so that no two claims tie (the next claim is well defined).
QUEUE_ORDERS = {
    "score": ("-score", "-created_at", "-id"),  # most check-worthy first, then newest
    "newest": ("-created_at", "-id"),
    "changed": ("-updated_at", "-id"),
}


def after_in_queue(claim: Claim, sort: str = "score") -> Q:
    """The claims that come after `claim` in the queue's order (every field descending, id last)."""
    after, same = Q(), {}
    for field in QUEUE_ORDERS.get(sort, QUEUE_ORDERS["score"]):
        name = field.removeprefix("-")
        value = getattr(claim, name)
        after |= Q(**same, **{f"{name}__lt": value})
        same[name] = value
    return after


def queue(sort: str = "score") -> QuerySet[Claim]:
    """The review queue before filters, in one of QUEUE_ORDERS (unknown: by score)."""
    order = QUEUE_ORDERS.get(sort, QUEUE_ORDERS["score"])
    return Claim.objects.for_queue().with_contradiction_flag().order_by(*order)


def fact_group(claim: Claim) -> list[Claim]:
    """`claim` and every claim joined to it by confirmed `same` links, transitively; one query.

    Ordered by id, with article and outlet selected.
    """
    claims, links = Claim._meta.db_table, ClaimLink._meta.db_table
    # The start row comes from the table so both terms have the id column's type (bigint on PostgreSQL).
    reachable = f"""
        WITH RECURSIVE fact(id) AS (
            SELECT id FROM {claims} WHERE id = %s
            UNION
            SELECT CASE WHEN link.from_claim_id = fact.id THEN link.to_claim_id ELSE link.from_claim_id END
            FROM {links} link JOIN fact ON link.from_claim_id = fact.id OR link.to_claim_id = fact.id
            WHERE link.relation = %s AND link.state = %s
        )
        SELECT id FROM fact
    """
    params = (claim.pk, ClaimLink.Relation.SAME.value, ClaimLink.State.CONFIRMED.value)
    group = Claim.objects.filter(pk__in=RawSQL(reachable, params)).select_related("article__outlet")
    return list(group.defer("article__body").order_by("pk"))


# A link list shows both claims with their articles' titles, never the articles' text.
BOTH_BODIES = ("from_claim__article__body", "to_claim__article__body")


def links_of(claim: Claim) -> QuerySet[ClaimLink]:
    """Every link from or to `claim`, with both ends, their articles and outlets."""
    return (
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        .select_related("from_claim__article__outlet", "to_claim__article__outlet", "created_by")
        .defer(*BOTH_BODIES)
    )


def suggestions_for(claim: Claim) -> QuerySet[ClaimLink]:
    """The links an editor reviews on a claim's page: suggested ones on either side, best first."""
    return (
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim), state=ClaimLink.State.SUGGESTED)
        .select_related("from_claim__article__outlet", "to_claim__article__outlet")
        .defer(*BOTH_BODIES)
        .order_by("-score", "pk")
    )


@dataclass
class ExtractorTally:
    """How editors judged one extractor version's claims: dismissals are a sign of its precision."""

    version: str
    claims: int = 0
    decided: int = 0  # a verdict or a dismissal
    dismissed: int = 0
    not_a_claim: int = 0

    @property
    def dismissal_rate(self) -> float | None:
        """Dismissed among the decided claims; None until an editor decided one."""
        return self.dismissed / self.decided if self.decided else None


def desk_counts() -> tuple[dict[str, int], list[ExtractorTally]]:
    """Claims by status, and each extractor version's tally, newest version first; one grouped query."""
    by_status: dict[str, int] = {}
    tallies: dict[str, ExtractorTally] = {}
    grouped = Claim.objects.order_by().values_list("extractor_version", "status", "dismiss_reason")
    for version, status, reason, n in grouped.annotate(n=Count("pk")):
        by_status[status] = by_status.get(status, 0) + n
        tally = tallies.setdefault(version, ExtractorTally(version))
        tally.claims += n
        if status in VERDICTS or status == Status.DISMISSED:
            tally.decided += n
        if status == Status.DISMISSED:
            tally.dismissed += n
            tally.not_a_claim += n if reason == DismissReason.NOT_A_CLAIM else 0
    ordered = sorted(tallies.values(), key=lambda tally: _version_key(tally.version), reverse=True)
    return by_status, ordered


def _version_key(version: str) -> tuple:
    """ "1.10.0" after "1.9.2"; an empty version (claims made by hand or before versions) last."""
    return tuple(int(part) if part.isdigit() else -1 for part in version.split(".")) if version else ()


@dataclass
class ReviewProgress:
    """Where an article's review stands: "3 of 16 reviewed, 2 dismissed"."""

    claims: int = 0
    reviewed: int = 0  # a verdict
    dismissed: int = 0

    @property
    def open(self) -> int:
        return self.claims - self.reviewed - self.dismissed


def review_progress(article_ids: list[int]) -> dict[int, ReviewProgress]:
    """Each article's progress, in one grouped query (articles without claims get an empty one)."""
    progress = {article_id: ReviewProgress() for article_id in article_ids}
    grouped = Claim.objects.filter(article_id__in=article_ids).order_by().values_list("article_id", "status")
    for article_id, status, n in grouped.annotate(n=Count("pk")):
        item = progress[article_id]
        item.claims += n
        item.reviewed += n if status in VERDICTS else 0
        item.dismissed += n if status == Status.DISMISSED else 0
    return progress
