"""Storing extraction results: claims upserted by fingerprint, editors' work never lost."""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef

from articles.models import Article
from factdesk.celery import enqueue_on_commit

from . import extraction, lifecycle, workflow
from .drafts import admissible
from .events import jsonable
from .extraction import ClaimDraft
from .linking.index import file_story
from .models import ANCHOR_FIELDS, EDITABLE_FIELDS, Claim, ClaimEvent, clean_places

logger = logging.getLogger(__name__)

# Every field the extractor fills.
_DRAFT_FIELDS = ANCHOR_FIELDS + EDITABLE_FIELDS + ("score", "score_parts")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SyncResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    reanchored: int = 0
    orphaned: int = 0


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def fingerprint(quote: str, sentence: str, occurrence: int) -> str:
    """Identify a claim by its words, not its offsets, so an edit elsewhere keeps it."""
    key = f"{_normalise(quote)}\x1f{_normalise(sentence)}\x1f{occurrence}"
    return hashlib.sha256(key.encode()).hexdigest()


def _fingerprinted(drafts: list) -> list[tuple[str, Any]]:
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for draft in drafts:
        key = (_normalise(draft.quote), _normalise(draft.sentence))
        out.append((fingerprint(draft.quote, draft.sentence, seen[key]), draft))
        seen[key] += 1
    return out


def draft_counted(draft: ClaimDraft) -> tuple[str, ...]:
    """What the draft's count is of (linker evidence, never shown or edited); none from an older draft."""
    return tuple(getattr(draft, "counted", ()))


def _draft_values(draft: ClaimDraft) -> dict[str, Any]:
    values = {name: getattr(draft, name) for name in _DRAFT_FIELDS}
    # Stored places are a list of names (the database checks it): anything else the extractor gave is dropped.
    values["places"] = clean_places(draft.places)
    if values["places"] != list(draft.places):
        logger.warning("Places of %r kept as %r (extracted: %r)", draft.quote, values["places"], draft.places)
    values["score_parts"] = [[name, value] for name, value in draft.score_parts]
    return values


def _sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """A sentence span around [start, end) for a re-anchored quote whose old sentence is gone."""
    left = max(body.rfind(". ", 0, start), body.rfind("\n", 0, start))
    left = 0 if left < 0 else left + (2 if body.startswith(". ", left) else 1)
    ends = [i for i in (body.find(". ", end), body.find("\n", end)) if i >= 0]
    right = min(ends) + 1 if ends else len(body)
    return left, right


def reanchor(body: str, claim: Claim) -> tuple[int, int, int] | None:
    """Find `claim`'s quote in a changed body: (quote_start, sentence_start, sentence_end), or None
    when the quote is no longer in it.

    Among the places the quote stands: the same offset if its surroundings are unchanged; else the
    nearest place with the same surrounding words; else the place whose surroundings are most alike
    (a fuzzy match of the words around it), nearest first on ties.
    """
    quote = claim.quote
    places = [m.start() for m in re.finditer(re.escape(quote), body)]
    if not places:
        return None
    in_sentence = claim.quote_start - claim.sentence_start
    old_left = claim.sentence[:in_sentence][-40:]
    old_right = claim.sentence[in_sentence + len(quote) :][:40]

    def surroundings(start: int) -> str:
        left = body[max(0, start - len(old_left)) : start]
        return left + "|" + body[start + len(quote) : start + len(quote) + len(old_right)]

    def distance(start: int) -> int:
        return abs(start - claim.quote_start)

    same_words = [start for start in places if surroundings(start) == old_left + "|" + old_right]
    if same_words:
        start = min(same_words, key=distance)  # the same offset when nothing moved
    else:
        old = old_left + "|" + old_right

        def likeness(start: int) -> tuple[float, int]:
            return difflib.SequenceMatcher(None, old, surroundings(start)).ratio(), -distance(start)

        start = max(places, key=likeness)
    sentence_at = body.find(claim.sentence, max(0, start - len(claim.sentence)))
    if sentence_at != -1 and sentence_at <= start and start + len(quote) <= sentence_at + len(claim.sentence):
        return start, sentence_at, sentence_at + len(claim.sentence)
    return (start, *_sentence_around(body, start, start + len(quote)))


def _leftover_pairs(body: str, leftovers: list[Claim], unmatched: dict[str, Any]) -> dict[int, str]:
    """Claims whose fingerprint found no draft, paired with the draft of the same quote at the place the
    claim re-anchors to (a corrected sentence around an unchanged number): claim id -> draft print."""
    by_place = {(_normalise(draft.quote), draft.quote_start): print_ for print_, draft in unmatched.items()}
    pairs = {}
    for claim in leftovers:
        anchor = reanchor(body, claim)
        if anchor is None:
            continue
        print_ = by_place.pop((_normalise(claim.quote), anchor[0]), None)
        if print_ is not None:
            pairs[claim.pk] = print_
    return pairs


def sync_claims(article: Article, drafts: list | None = None) -> SyncResult:
    """Make the article's claims match `drafts` (extracted now when None), keeping editors' work.

    Claims are matched by fingerprint, else (after a body edit) by the same quote at the place the
    claim re-anchors to. A matched claim keeps its id and review state; only the fields no editor
    corrected take the new extraction. A claim that is no longer extracted is deleted if no editor
    touched it; otherwise it is re-anchored in the body or, when its quote is gone, kept and marked
    orphaned. Every change is written through `claims.workflow` (version bump, `extract` event).
    """
    if drafts is None:
        drafts = extraction.extract(article.body, article.published)
    drafts = admissible(article.pk, drafts)  # values the table's rules refuse: corrected or left out, logged
    version = extraction.EXTRACTOR_VERSION
    touched = ClaimEvent.objects.filter(claim=OuterRef("pk"), actor__isnull=False)
    counts: Counter[str] = Counter()
    with transaction.atomic():
        # Lock the article's claims while deciding: an editor's save waits for this sync and then
        # applies on top (or is refused as stale), instead of being overwritten by fields read before it.
        existing = {
            claim.fingerprint: claim
            for claim in Claim.objects.select_for_update().filter(article=article).annotate(touched=Exists(touched))
        }
        fingerprinted = dict(_fingerprinted(drafts))
        matched = {print_: existing.pop(print_) for print_ in list(fingerprinted) if print_ in existing}
        unmatched = {print_: draft for print_, draft in fingerprinted.items() if print_ not in matched}
        leftovers = list(existing.values())
        for claim_pk, print_ in _leftover_pairs(article.body, leftovers, unmatched).items():
            claim = next(claim for claim in leftovers if claim.pk == claim_pk)
            matched[print_] = claim
            del unmatched[print_]
            leftovers.remove(claim)
        for print_, claim in matched.items():
            values = _draft_values(fingerprinted[print_])
            proposal = {name: jsonable(values[name]) for name in EDITABLE_FIELDS}
            extra = {
                "fingerprint": print_,
                "extractor_version": version,
                "counted": list(draft_counted(fingerprinted[print_])),
            }
            changed = workflow.apply_extraction(claim, values=values, proposal=proposal, extra=extra)
            counts["updated"] += changed
        new_claims = [_new_claim(article, print_, draft, version) for print_, draft in unmatched.items()]
        counts["created"] = len(workflow.create_claims(new_claims))
        untouched = [claim.pk for claim in leftovers if not claim.touched]
        counts["removed"] = workflow.delete_claims(untouched, actor=None)
        for claim in leftovers:
            if claim.touched:
                counts[_keep_touched(article.body, claim)] += 1
    return SyncResult(counts["created"], counts["updated"], counts["removed"], counts["reanchored"], counts["orphaned"])


def _new_claim(article: Article, print_: str, draft: ClaimDraft, version: str) -> Claim:
    values = _draft_values(draft)
    proposal = {name: jsonable(values[name]) for name in EDITABLE_FIELDS}
    return Claim(
        article=article,
        fingerprint=print_,
        extracted=proposal,
        extractor_version=version,
        counted=list(draft_counted(draft)),
        **values,
    )


def _keep_touched(body: str, claim: Claim) -> str:
    """Keep a claim an editor touched, whose notes, links and verdict hang off it: re-anchor or orphan it."""
    anchor = reanchor(body, claim)
    if anchor is None:
        workflow.orphan_claim(claim)
        return "orphaned"
    quote_start, sentence_start, sentence_end = anchor
    workflow.reanchor_claim(
        claim, quote_start=quote_start, sentence_start=sentence_start, sentence=body[sentence_start:sentence_end]
    )
    return "reanchored"


def extract_article_claims(article_id: int) -> SyncResult | None:
    """Run extraction for one article and record the outcome on it; None if it is gone or failed."""
    return extract_articles_claims([article_id]).get(article_id)


def extract_articles_claims(article_ids: list[int]) -> dict[int, SyncResult]:
    """Extract several articles in one batch through the spaCy pipeline and store each one's claims.

    The outcome is recorded on each article: done, failed with its error, or unsupported (language).
    A failure in one article (its text, a value the database refuses, a bug) marks that one failed and the
    others go on; an article whose extraction started too often without finishing is failed, not run
    (claims.lifecycle). The slow part (spaCy) runs outside any lock; each write locks its article row, so
    two runs for the same article, one after the other or at once, store its claims once.
    """
    found = list(Article.objects.filter(pk__in=article_ids).only("pk", "body", "published", "language"))
    # The text's language was detected at ingestion: another language is never extracted as English.
    articles = [article for article in found if article.language == "en"]
    for article in found:
        if article.language != "en":
            lifecycle.finish(
                article.pk,
                Article.ExtractionStatus.UNSUPPORTED,
                f"language not supported: the text is {article.language!r}",
            )
            logger.warning("article=%s extraction skipped: language %s", article.pk, article.language)
    gone = set(article_ids) - {a.pk for a in found}
    for article_id in sorted(gone):
        logger.info("article=%s extraction skipped: article deleted", article_id)
    runnable = set(lifecycle.start([article.pk for article in articles]))
    articles = [article for article in articles if article.pk in runnable]
    if not articles:
        return {}
    for article in articles:
        logger.info("article=%s extraction started", article.pk)
    try:
        batches: list[list | None] = list(extraction.extract_many((a.body, a.published) for a in articles))
    except SoftTimeLimitExceeded:
        for article in articles:
            _fail(article.pk, "timed out: extraction took longer than the task's time limit")
        return {}
    except Exception:
        # One article the batch cannot take (another language, a parser error): go one at a time.
        batches = [_extract_one(article) for article in articles]
    results: dict[int, SyncResult] = {}
    for article, drafts in zip(articles, batches, strict=True):
        if drafts is None or not _within_cap(article.pk, drafts):
            continue
        try:
            result = _store(article.pk, drafts)
        except SoftTimeLimitExceeded:
            _fail(article.pk, "timed out: storing its claims took longer than the task's time limit")
            raise
        except Exception as exc:
            # A rule the checks missed, a bug: this article fails with its error; the batch goes on.
            logger.exception("article=%s extraction failed while storing its claims", article.pk)
            _fail(article.pk, f"storing its claims failed: {type(exc).__name__}: {exc}"[:2000])
            continue
        if result is not None:  # None: deleted meanwhile
            results[article.pk] = result
    return results


def _fail(article_id: int, error: str) -> None:
    lifecycle.finish(article_id, Article.ExtractionStatus.FAILED, error)
    logger.error("article=%s extraction failed: %s", article_id, error)


def _within_cap(article_id: int, drafts: list) -> bool:
    """False, with the article marked failed, when it holds more claims than an article may have."""
    cap = settings.FACTDESK_MAX_CLAIMS_PER_ARTICLE
    if len(drafts) <= cap:
        return True
    error = (
        f"too many claims: {len(drafts):,} found, the limit is {cap:,} (FACTDESK_MAX_CLAIMS_PER_ARTICLE); "
        "none were stored"
    )
    lifecycle.finish(article_id, Article.ExtractionStatus.FAILED, error)
    logger.warning("article=%s extraction failed: %s", article_id, error)
    return False


def _extract_one(article: Article) -> list | None:
    try:
        return extraction.extract(article.body, article.published)
    except extraction.UnsupportedLanguage as exc:
        lifecycle.finish(article.pk, Article.ExtractionStatus.UNSUPPORTED, f"language not supported: {exc}")
        logger.warning("article=%s extraction skipped: language not supported", article.pk)
    except Exception as exc:
        lifecycle.finish(article.pk, Article.ExtractionStatus.FAILED, f"{type(exc).__name__}: {exc}"[:2000])
        logger.exception("article=%s extraction failed", article.pk)
    return None


def _store(article_id: int, drafts: list) -> SyncResult | None:
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        result = sync_claims(article, drafts)
        file_story(article)  # the linker's view of the story, read while the body is at hand
        lifecycle.finish(article_id, Article.ExtractionStatus.DONE, "")
        enqueue_on_commit("claims.tasks.suggest_links", article_id)
    logger.info(
        "article=%s extraction done: %d claims (%d new, %d updated, %d removed, %d re-anchored, %d orphaned)",
        article_id,
        len(drafts),
        result.created,
        result.updated,
        result.removed,
        result.reanchored,
        result.orphaned,
    )
    return result
