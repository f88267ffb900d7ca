"""Reads shared by the pages, the API and the workflow: each owns its joins, so lists cost constant queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import OPEN_STATUSES, VERDICTS, Claim, ClaimLink, DismissReason, Status


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


def suggestion_inbox(claims: QuerySet[Claim] | None = None, *, relation: str = "") -> QuerySet[ClaimLink]:
    """Suggestions left to review across claims, best first: those with a claim among `claims` (a
    filtered queue) when given, of one `relation` when given; both claims with articles and outlets."""
    links = ClaimLink.objects.filter(state=ClaimLink.State.SUGGESTED)
    if claims is not None:
        chosen = claims.order_by().values("pk")
        links = links.filter(Q(from_claim__in=chosen) | Q(to_claim__in=chosen))
    if relation:
        links = links.filter(relation=relation)
    return (
        links.select_related("from_claim__article__outlet", "to_claim__article__outlet")
        .defer(*BOTH_BODIES)
        .order_by("-score", "pk")
    )


def updates_chain(claim: Claim) -> list[tuple[Claim, ClaimLink | None]]:
    """The figures of `claim`'s running count, oldest first: every claim joined to it by `updates` links
    (confirmed or still suggested), transitively; each with the link that brought its figure in (None
    for the first). Empty when the claim has no such link. Two queries."""
    claims, links = Claim._meta.db_table, ClaimLink._meta.db_table
    reachable = f"""
        WITH RECURSIVE chain(id) AS (
            SELECT id FROM {claims} WHERE id = %s
            UNION
            SELECT CASE WHEN link.from_claim_id = chain.id THEN link.to_claim_id ELSE link.from_claim_id END
            FROM {links} link JOIN chain ON link.from_claim_id = chain.id OR link.to_claim_id = chain.id
            WHERE link.relation = %s AND link.state IN (%s, %s)
        )
        SELECT id FROM chain
    """
    wanted = (ClaimLink.State.CONFIRMED.value, ClaimLink.State.SUGGESTED.value)
    params = (claim.pk, ClaimLink.Relation.UPDATES.value, *wanted)
    edges = list(
        ClaimLink.objects.filter(
            relation=ClaimLink.Relation.UPDATES,
            state__in=wanted,
            from_claim__in=RawSQL(reachable, params),
        )
        .select_related("from_claim__article__outlet", "to_claim__article__outlet")
        .defer(*BOTH_BODIES)
        .order_by("pk")
    )
    if not edges:
        return []
    return _oldest_first(edges)


def _oldest_first(edges: list[ClaimLink]) -> list[tuple[Claim, ClaimLink | None]]:
    """The claims of `updates` links (each from the newer claim to the older) in time order: a claim
    comes after every claim it updates; among those free to come next, the earliest published."""
    members = {}
    older: dict[int, set[int]] = {}
    brought_by: dict[int, ClaimLink] = {}
    for link in edges:
        members[link.from_claim_id], members[link.to_claim_id] = link.from_claim, link.to_claim
        older.setdefault(link.from_claim_id, set()).add(link.to_claim_id)
        older.setdefault(link.to_claim_id, set())
        current = brought_by.get(link.from_claim_id)
        if current is None or link.state == ClaimLink.State.CONFIRMED and current.state != ClaimLink.State.CONFIRMED:
            brought_by[link.from_claim_id] = link

    def when(pk: int) -> tuple:
        published = members[pk].article.published
        return (published is None, published or members[pk].created_at.date(), pk)

    placed: list[int] = []
    while len(placed) < len(members):
        free = [pk for pk in members if pk not in placed and older[pk] <= set(placed)]
        if not free:  # a cycle (two editors linked both ways): place the rest by date
            free = [pk for pk in members if pk not in placed]
        placed.append(min(free, key=when))
    return [(members[pk], brought_by.get(pk) if index else None) for index, pk in enumerate(placed)]


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
    # COUNT(*), not COUNT(id): the grouping then reads claim_tally_idx alone, never the table.
    for version, status, reason, n in grouped.annotate(n=Count("*")):
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
    for article_id, status, n in grouped.annotate(n=Count("*")):
        item = progress[article_id]
        item.claims += n
        item.reviewed += n if status in VERDICTS else 0
        item.dismissed += n if status == Status.DISMISSED else 0
    return progress


# A `same` suggestion this sure counts as an earlier check, like a confirmed link. The linker's
# scores are probabilities (claims.linking.calibration); it suggests from 0.5 (rules.DEFAULT_THRESHOLD),
# but only a surer suggestion may lend its verdict.
ALREADY_CHECKED_MIN_SCORE = 0.8


def _checked_links() -> QuerySet[ClaimLink]:
    Relation, State = ClaimLink.Relation, ClaimLink.State
    return ClaimLink.objects.filter(relation=Relation.SAME).filter(
        Q(state=State.CONFIRMED) | Q(state=State.SUGGESTED, score__gte=ALREADY_CHECKED_MIN_SCORE)
    )


@dataclass(frozen=True)
class EarlierCheck:
    """A claim already decided that states the same fact as an open claim."""

    source: Claim
    link: ClaimLink

    @property
    def confirmed(self) -> bool:
        return self.link.state == ClaimLink.State.CONFIRMED


def earlier_checks(claims: Iterable[Claim]) -> dict[int, EarlierCheck]:
    """For each open claim among `claims`, the best claim with a verdict linked to it as the same fact:
    a confirmed link before a suggestion, then the surer suggestion, then the latest verdict. One
    query (none when no claim is open)."""
    ids = {claim.pk for claim in claims if claim.status in OPEN_STATUSES}
    if not ids:
        return {}
    links = (
        _checked_links()
        .filter(
            Q(from_claim_id__in=ids, to_claim__status__in=VERDICTS)
            | Q(to_claim_id__in=ids, from_claim__status__in=VERDICTS)
        )
        .select_related("from_claim__article__outlet", "to_claim__article__outlet")
        .defer("from_claim__article__body", "to_claim__article__body")
    )
    return pick_earlier_checks(ids, links)


def pick_earlier_checks(ids: set[int], links: Iterable[ClaimLink]) -> dict[int, EarlierCheck]:
    """From links with both ends loaded, the best earlier check of each open claim in `ids`."""
    best: dict[int, tuple[tuple, EarlierCheck]] = {}
    for link in links:
        sure = link.state == ClaimLink.State.CONFIRMED or (
            link.state == ClaimLink.State.SUGGESTED and link.score >= ALREADY_CHECKED_MIN_SCORE
        )
        if link.relation != ClaimLink.Relation.SAME or not sure:
            continue
        for here, there in ((link.from_claim, link.to_claim), (link.to_claim, link.from_claim)):
            if here.pk not in ids or here.status not in OPEN_STATUSES or there.status not in VERDICTS:
                continue
            decided = there.reviewed_at.timestamp() if there.reviewed_at else 0.0
            rank = (link.state == ClaimLink.State.CONFIRMED, link.score, decided, there.pk)
            if here.pk not in best or rank > best[here.pk][0]:
                best[here.pk] = (rank, EarlierCheck(there, link))
    return {pk: check for pk, (_, check) in best.items()}


def same_fact_checked(claim: Claim, other: Claim) -> bool:
    """Whether `claim` and `other` are linked as the same fact surely enough to share a verdict."""
    pair = Q(from_claim=claim, to_claim=other) | Q(from_claim=other, to_claim=claim)
    return _checked_links().filter(pair).exists()


def articles_with_open_claims() -> int:
    """How many articles have a claim left to review (read from claim_status_article_idx alone)."""
    open_claims = Claim.objects.filter(status__in=OPEN_STATUSES)
    return open_claims.aggregate(n=Count("article", distinct=True))["n"]
