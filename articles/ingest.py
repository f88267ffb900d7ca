"""Ingestion: the one way articles enter factdesk (seeds, command, admin, API).

parse → dedupe (url, content hash) → save Article → extraction scheduled on commit.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from factdesk.api import hostile
from factdesk.celery import enqueue_on_commit
from factdesk.errors import DomainError
from feed import log as feed_log

from .language import detect_language
from .models import Article, Outlet

# Extraction lives in the claims app, above this one: ingestion starts it by name, once the article is committed.
EXTRACT_ARTICLE = "claims.tasks.extract_article"

SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S+)\s*$")
_SPACES = re.compile(r"\s+")
_url_validator = URLValidator(schemes=["http", "https"])
# Query parameters that say how a reader arrived, not which story it is: dropped for dedupe and storage.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|twclid|_ga|_gl|ocid|cmpid)$",
    re.IGNORECASE,
)


class IngestError(ValueError):
    """The input cannot become an article; nothing was saved."""


class ArticleTooLarge(IngestError, DomainError):
    """The body is above FACTDESK_ARTICLE_MAX_BYTES: the API answers 413, the command names the file."""

    code, http_status, field = "article_too_large", 413, "body"

    def __init__(self, size: int):
        limit = settings.FACTDESK_ARTICLE_MAX_BYTES
        super().__init__(f"too large: the body is {size:,} bytes, the limit is {limit:,} (FACTDESK_ARTICLE_MAX_BYTES)")


def check_size(body: str) -> None:
    """Refuse a body above the configured cap (counted in UTF-8 bytes, as it is stored and sent)."""
    size = len(body.encode())
    if size > settings.FACTDESK_ARTICLE_MAX_BYTES:
        raise ArticleTooLarge(size)


@dataclass(frozen=True)
class ArticleInput:
    """One article as read from any format, before it is saved."""

    title: str
    body: str
    url: str = ""
    published: datetime.date | None = None
    outlet: str = ""
    language: str = ""  # as the source declares it; empty: not declared
    published_precision: str = "day"  # day, month or year: "2024-12" is stored as 2024-12-01, month


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    reason: str = field(default="")  # why nothing new was created
    updated: bool = False  # an existing article (same URL) took the new text, title or date

    @property
    def summary(self) -> str:
        if self.created:
            return f"article {self.article.pk}: {self.article.title}"
        return f"{self.reason} (article {self.article.pk})"


def content_hash(body: str) -> str:
    """sha256 of the body with whitespace collapsed: the same text twice is one article."""
    return hashlib.sha256(_SPACES.sub(" ", body).strip().encode()).hexdigest()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _without_tracking(query: str) -> list[tuple[str, str]]:
    return [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if not _TRACKING.match(name)]


def _clean_url(url: str) -> str:
    """The URL as stored: validated, scheme and host in lower case, no fragment, no tracking parameters."""
    url = (url or "").strip()
    if not url:
        return ""
    try:
        _url_validator(url)
    except ValidationError:
        raise IngestError(f"not a valid http(s) URL: {url!r}") from None
    parts = urlsplit(url)
    query = urlencode(_without_tracking(parts.query))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def url_key(url: str) -> str:
    """What two URLs of one story share: no scheme, no `www.`, no default port, no trailing slash, no
    tracking parameters, the others sorted. `http://www.x.org/a/?utm_source=t` and `https://x.org/a` agree."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted(_without_tracking(parts.query)))
    return host + parts.path.rstrip("/") + (f"?{query}" if query else "")


def outlet_domain(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_published(value: str) -> tuple[datetime.date, str]:
    """An ISO date or date-time (precision day), a month `2024-12` or a year `2024`: the first day of it and
    its precision. Raises ValueError."""
    value = value.strip()
    if month := _MONTH.match(value):
        return datetime.date(int(month[1]), int(month[2]), 1), "month"
    if year := _YEAR.match(value):
        return datetime.date(int(year[1]), 1, 1), "year"
    return datetime.datetime.fromisoformat(value).date(), "day"


def _parse_date(value: Any, *, where: str) -> tuple[datetime.date | None, str]:
    if value in (None, ""):
        return None, "day"
    if not isinstance(value, str):
        raise IngestError(f"{where}: 'published' must be an ISO date string")
    try:
        return parse_published(value)
    except ValueError:
        raise IngestError(
            f"{where}: 'published' is not an ISO date (2021-11-21), month (2021-11) or year: {value!r}"
        ) from None


def title_from(body: str) -> str:
    """A missing title: the body's first non-empty line, as text files give it (the body stays whole)."""
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    return first[:500]


def parse_text(text: str) -> ArticleInput:
    """Seed format (first line ` date YYYY-MM-DD URL`) or plain text: title line, then body."""
    lines = normalise_newlines(text).split("\n")
    url, published = "", None
    header = SEED_HEADER.match(lines[0]) if lines else None
    if header:
        published, _ = _parse_date(header.group(1), where="date line")
        url = header.group(2)
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise IngestError("empty: no title and no body")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n").rstrip()
    if not body.strip():
        raise IngestError("no body: the text has a title line only")
    return ArticleInput(title=title, body=body, url=url, published=published)


def parse_json_object(data: Any, *, where: str = "article") -> ArticleInput:
    """One article of a JSON file or an API push; a missing title is the body's first line."""
    if not isinstance(data, dict):
        raise IngestError(f"{where}: expected a JSON object")
    if not isinstance(data.get("body"), str) or not data["body"].strip():
        raise IngestError(f"{where}: 'body' is required and must be non-empty text")
    for name in ("title", "url", "outlet", "language"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise IngestError(f"{where}: '{name}' must be text")
    body = normalise_newlines(data["body"]).strip("\n").rstrip()
    published, precision = _parse_date(data.get("published"), where=where)
    return ArticleInput(
        title=(data.get("title") or "").strip() or title_from(body),
        body=body,
        url=data.get("url") or "",
        published=published,
        published_precision=precision,
        outlet=(data.get("outlet") or "").strip(),
        language=(data.get("language") or "").strip().lower(),
    )


@dataclass(frozen=True)
class ItemFailure:
    """One item of a JSON list that could not be ingested; the list's other items were."""

    index: int  # its place in the list, from 1
    error: IngestError

    @property
    def summary(self) -> str:
        return f"item {self.index}: {self.error}"


def parse_json(text: str) -> list[ArticleInput | ItemFailure]:
    """The articles of a JSON file: one object, or a list whose bad items are reported, not fatal."""
    try:
        data = hostile.loads(text)  # deep nesting or a NUL: a bad file, not a RecursionError
    except hostile.HostileInput as exc:
        raise IngestError(f"invalid JSON: {exc}") from None
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON: {exc}") from None
    if not isinstance(data, list):
        return [parse_json_object(data)]
    if not data:
        raise IngestError("empty: the JSON list has no articles")
    items: list[ArticleInput | ItemFailure] = []
    for index, item in enumerate(data, start=1):
        try:
            items.append(parse_json_object(item, where=f"item {index}"))
        except IngestError as exc:
            items.append(ItemFailure(index, exc))
    return items


def parse_html(text: str) -> ArticleInput:
    """Main text, title, date and canonical URL found by trafilatura."""
    import trafilatura  # loaded only for HTML: it is slow to import
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise IngestError("no body: no main text found in the HTML page")
    body = normalise_newlines(document.text).strip()
    title = (document.title or "").strip() or body.split("\n", 1)[0][:200]
    first_line, _, rest = body.partition("\n")
    if first_line.strip() == title and rest.strip():
        body = rest.strip()  # the headline repeated as the first line of the text
    return ArticleInput(
        title=title,
        body=body,
        url=document.url or "",
        published=_parse_date(document.date, where="HTML page")[0] if document.date else None,
        outlet=(document.sitename or "").strip(),
    )


def parse_document(name: str, data: bytes) -> list[ArticleInput | ItemFailure]:
    """Read a file's bytes by its extension: .txt (seed or plain), .json, .html/.htm."""
    if not data.strip():
        raise IngestError("empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 (byte {exc.start})") from None
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return parse_json(text)
    if suffix in (".html", ".htm"):
        return [parse_html(text)]
    return [parse_text(text)]


def _outlet_for(url: str, name: str) -> Outlet | None:
    domain = outlet_domain(url) if url else ""
    if domain:
        outlet, _ = Outlet.objects.get_or_create(domain=domain, defaults={"name": name or domain})
        return outlet
    if name:
        outlet, _ = Outlet.objects.get_or_create(name=name, domain="")
        return outlet
    return None


class ArticleChanged(IngestError, DomainError):
    """A known URL came with another text: a correction, to apply knowingly (`update`), not to drop."""

    code, http_status, field = "article_changed", 409, "body"

    def __init__(self, article: Article):
        self.article = article
        super().__init__(
            f"article {article.pk} has this URL with another text: send it again with update "
            "(?update=true in the API, --update in the command) to correct it"
        )


class ArticleConflict(DomainError):
    """A correction would make the article another one's duplicate (same text, or same URL)."""

    code, http_status = "duplicate", 409

    def __init__(self, other: Article, what: str):
        self.article = other
        self.field = what
        super().__init__(f"article {other.pk} already has this {what}")


def _existing(url: str, digest: str) -> IngestResult | None:
    if url:
        article = Article.objects.filter(url_key=url_key(url)).first()
        if article:
            return IngestResult(article, created=False, reason="same URL already ingested")
    article = Article.objects.filter(content_hash=digest).first()
    if article:
        return IngestResult(article, created=False, reason="same text already ingested")
    return None


def preflight(item: ArticleInput) -> IngestResult | None:
    """Validate `item` (raise IngestError) and return the article it duplicates, if any."""
    if not item.body.strip():
        raise IngestError("no body")
    if not item.title.strip():
        raise IngestError("no title")
    check_size(item.body)
    return _existing(_clean_url(item.url), content_hash(item.body))


ARTICLE_FIELDS = ("title", "body", "url", "published", "outlet", "language")


def _article_view(article: Article) -> dict[str, Any]:
    """An article's fields as the feed records them (the body by its length and hash: it can be long)."""
    return {
        "title": article.title,
        "url": article.url,
        "published": article.published_text,
        "language": article.language,
        "outlet": article.outlet.name if article.outlet is not None else None,
        "body_length": len(article.body),
        "content_hash": article.content_hash,
    }


def record_article_change(
    article: Article,
    type_: str,
    *,
    actor: User | None = None,
    fields: Sequence[str] = (),
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    system: str = "ingest",
) -> None:
    """The article's entry in the change feed, in the caller's transaction."""
    feed_log.append(
        [
            feed_log.entry(
                type_, article_id=article.pk, actor=actor, fields=fields, before=before, after=after, system=system
            )
        ]
    )


def _languages(item: ArticleInput) -> dict[str, Any]:
    """The text's language as detected (the source's word when the text is too short to tell), what the source
    declared, and whether they disagree."""
    detected = detect_language(item.body)
    declared = item.language
    return {
        "language": detected or declared or "en",
        "declared_language": declared,
        "language_mismatch": bool(detected and declared and detected != declared),
    }


def _correct(found: IngestResult, item: ArticleInput, *, update: bool, actor: User | None) -> IngestResult:
    """The same URL again: unchanged, or another text (refused unless `update`, which corrects it)."""
    article = found.article
    if found.reason != "same URL already ingested":
        return found
    if not update:
        if article.content_hash != content_hash(item.body):
            raise ArticleChanged(article)
        return found
    changes: dict[str, Any] = {"title": item.title, "body": item.body}
    if item.published is not None:
        changes |= {"published": item.published, "published_precision": item.published_precision}
    changed = update_article(article, changes=changes, actor=actor)
    article.refresh_from_db()
    reason = f"updated: {', '.join(changed)}" if changed else found.reason
    return IngestResult(article, created=False, reason=reason, updated=bool(changed))


def ingest_article(
    item: ArticleInput, *, schedule_extraction: bool = True, actor: User | None = None, update: bool = False
) -> IngestResult:
    """Save one article in its own transaction, or return the one already there.

    Extraction is scheduled once the article is committed (before that a worker might not see
    it), unless the caller batches extraction itself (`schedule_extraction=False`). A known URL with
    another text raises ArticleChanged, unless `update`: then the article is corrected (update_article).
    """
    found = preflight(item)
    if found:
        return _correct(found, item, update=update, actor=actor)
    url = _clean_url(item.url)
    digest = content_hash(item.body)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                outlet=_outlet_for(url, item.outlet),
                title=item.title[:500],
                body=item.body,
                url=url,
                url_key=url_key(url),
                published=item.published,
                published_precision=item.published_precision if item.published else "day",
                **_languages(item),
                content_hash=digest,
            )
            record_article_change(
                article, "article.created", actor=actor, fields=ARTICLE_FIELDS, after=_article_view(article)
            )
            if schedule_extraction:
                enqueue_on_commit(EXTRACT_ARTICLE, article.pk)
    except IntegrityError:
        # Another process saved the same article between our check and our insert.
        found = _existing(url, digest)
        if found:
            return found
        raise
    return IngestResult(article, created=True)


def ingest_document(
    name: str, data: bytes, *, schedule_extraction: bool = True, update: bool = False
) -> list[IngestResult | ItemFailure]:
    """Parse a file's bytes and ingest every article in it. An item of a JSON list that fails (unreadable,
    too large, a changed text at a known URL) is reported as an ItemFailure; the others are ingested."""
    items = parse_document(name, data)
    if len(items) == 1 and isinstance(items[0], ArticleInput):  # one article: its failure is the file's
        return [ingest_article(items[0], schedule_extraction=schedule_extraction, update=update)]
    results: list[IngestResult | ItemFailure] = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, ItemFailure):
            results.append(item)
            continue
        try:
            results.append(ingest_article(item, schedule_extraction=schedule_extraction, update=update))
        except IngestError as exc:
            results.append(ItemFailure(index, exc))
        except Exception as exc:  # a database error on one item: the list's others still go in
            results.append(ItemFailure(index, IngestError(f"item {index}: {type(exc).__name__}: {exc}")))
    return results


# What a correction may change, and what a claim shows of its article (a change there is one of each claim's).
CORRECTABLE = ("title", "body", "published", "url")
ARTICLE_CHANGED = "claims.tasks.article_changed"


def _corrections(changes: dict[str, Any]) -> dict[str, Any]:
    """The stored values of a correction, checked as ingestion checks them."""
    unknown = set(changes) - set(CORRECTABLE) - {"published_precision"}
    if unknown:
        raise IngestError(f"not correctable: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    if "title" in changes:
        if not (changes["title"] or "").strip():
            raise IngestError("no title")
        values["title"] = changes["title"].strip()[:500]
    if "body" in changes:
        body = normalise_newlines(changes["body"] or "").strip("\n").rstrip()
        if not body.strip():
            raise IngestError("no body")
        check_size(body)
        values |= {"body": body, "content_hash": content_hash(body)}
    if "published" in changes:
        values["published"] = changes["published"]
        values["published_precision"] = changes.get("published_precision") or "day"
    if "url" in changes:
        values["url"] = _clean_url(changes["url"])
        values["url_key"] = url_key(values["url"])
    return values


def _check_unique(article: Article, values: dict[str, Any]) -> None:
    others = Article.objects.exclude(pk=article.pk)
    if "content_hash" in values and (other := others.filter(content_hash=values["content_hash"]).first()):
        raise ArticleConflict(other, "body")
    if values.get("url_key") and (other := others.filter(url_key=values["url_key"]).first()):
        raise ArticleConflict(other, "url")


def check_correction(article: Article, changes: dict[str, Any]) -> None:
    """Raise what update_article would raise for these changes (IngestError, ArticleConflict); save nothing."""
    _check_unique(article, _corrections(changes))


def update_article(article: Article, *, changes: dict[str, Any], actor: User | None = None) -> list[str]:
    """Correct an article's title, body, publication date or URL; the names of what changed.

    One transaction with its `article.updated` feed entry. Once committed, the claims layer records the
    change on each claim of the article and, for a new body or date, extracts it again (editors' work is
    kept: re-anchored or orphaned, never lost).
    """
    values = _corrections(changes)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        changed = {name: value for name, value in values.items() if getattr(article, name) != value}
        names = [name for name in CORRECTABLE if name in changed]
        if not names:
            return []
        _check_unique(article, changed)
        before = {name: value for name, value in _article_view(article).items() if _shown_by(name, names)}
        if {"body", "published"} & set(names):
            # Extraction asked for afresh: pending from now, its attempts counted from zero.
            changed |= {
                "extraction_status": Article.ExtractionStatus.PENDING,
                "extraction_status_at": timezone.now(),
                "extraction_attempts": 0,
            }
        for name, value in changed.items():
            setattr(article, name, value)
        article.save(update_fields=list(changed))
        after = {name: value for name, value in _article_view(article).items() if _shown_by(name, names)}
        record_article_change(article, "article.updated", actor=actor, fields=names, before=before, after=after)
        enqueue_on_commit(ARTICLE_CHANGED, article.pk, names, actor.pk if actor is not None else None)
    return names


def _shown_by(view_name: str, changed: list[str]) -> bool:
    """Whether an entry of _article_view reflects one of the changed fields."""
    return view_name in changed or (view_name in ("body_length", "content_hash") and "body" in changed)


def delete_article(article: Article, *, actor: User | None = None) -> None:
    """Delete an article, recorded in the change feed (`article.deleted`). Its claims are removed first by
    the claims layer, which records each (a claim's deletion is its own change)."""
    with transaction.atomic():
        record_article_change(article, "article.deleted", actor=actor, before=_article_view(article))
        article.delete()
