"""Rows with realistic defaults, from the seed documents' world."""

import dataclasses
import datetime
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model

from articles.ingest import content_hash, url_key
from articles.models import Article, Outlet
from claims.extraction import ClaimDraft
from claims.linking.index import index_claim
from claims.models import Claim
from claims.sync import fingerprint

_numbers = itertools.count(1)

BODY = (
    "MOSCOW (AA) – Russian President Vladimir Putin on Tuesday discussed the migration crisis.\n"
    "Some 2,000 people are waiting at Belarus’ Bruzgi border crossing into Poland without housing.\n"
    "More than 8,000 people have tried to enter the bloc via the Belarusian-EU border in 2021."
)


PASSWORD = "correct horse battery"  # every made user's


def make_user(username: str, **fields):
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)


def make_outlet(domain: str = "aa.com.tr", name: str = "Anadolu Agency") -> Outlet:
    outlet, _ = Outlet.objects.get_or_create(domain=domain, defaults={"name": name})
    return outlet


def make_article(*, body: str | None = None, title: str | None = None, url: str | None = None, **fields) -> Article:
    n = next(_numbers)
    fields.setdefault("outlet", make_outlet())
    fields.setdefault("published", datetime.date(2021, 11, 21))
    body = body if body is not None else f"{BODY}\nUpdated {n} times."
    url = url if url is not None else f"https://www.aa.com.tr/en/europe/migration-crisis/{n}"
    return Article.objects.create(
        title=title or f"Putin and Macron discuss the migration crisis ({n})",
        body=body,
        url=url,
        url_key=url_key(url),
        content_hash=content_hash(body),
        **fields,
    )


def _line_around(text: str, position: int) -> tuple[int, int]:
    """The line holding `position`: the factories' sentences are lines."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end == -1 else end


def make_claim(article: Article, *, quote: str = "Some 2,000", **fields) -> Claim:
    print_ = fields.pop("fingerprint", None)
    start = article.body.index(quote)
    sentence_start, sentence_end = _line_around(article.body, start)
    sentence = article.body[sentence_start:sentence_end]
    values = {
        "value": Decimal(2000),
        "value_low": Decimal(2000),
        "value_high": Decimal(2000),
        "qualifier": "approx",
        "unit": "people",
        "kind": "count",
        "places": ["Bruzgi", "Belarus", "Poland"],
        "label": "Some 2,000 people · Bruzgi",
        "score": 0.7,
    } | fields
    claim = Claim.objects.create(
        article=article,
        sentence=sentence,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        quote=quote,
        quote_start=start,
        quote_end=start + len(quote),
        fingerprint=print_ or fingerprint(quote, sentence, 0),
        **values,
    )
    index_claim(claim)  # filed for link candidates, as its article's suggestion task does after extraction
    return claim


def make_draft(text: str, quote: str, **fields) -> ClaimDraft:
    """What the extractor would hand sync_claims for `quote` in `text` (its line is the sentence)."""
    start = text.index(quote)
    sentence_start, sentence_end = _line_around(text, start)
    values = {
        "value": Decimal(2000),
        "value_low": Decimal(2000),
        "value_high": Decimal(2000),
        "qualifier": "approx",
        "unit": "people",
        "kind": "count",
        "time_text": "",
        "period_start": None,
        "period_end": None,
        "places": ("Bruzgi", "Belarus", "Poland"),
        "attribution": "",
        "label": quote,
        "score": 0.5,
    } | fields
    return ClaimDraft(
        sentence=text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        quote=quote,
        quote_start=start,
        quote_end=start + len(quote),
        **values,
    )


def draft_of(claim: Claim, **changes) -> ClaimDraft:
    """The draft an extractor would produce for `claim` as it stands, with `changes`."""
    names = [field.name for field in dataclasses.fields(ClaimDraft)]
    fields = {name: getattr(claim, name) for name in names} | {"places": tuple(claim.places)}
    return ClaimDraft(**(fields | changes))


def admin_claim_form(claim: Claim, **changes) -> dict:
    """The admin's claim change form as a browser would post it for `claim` (the version it loaded,
    its fields as they stand, no inline rows), with `changes` applied."""
    form = {
        "version": claim.version,
        "value": "2000",
        "value_low": "2000",
        "value_high": "2000",
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "kind": claim.kind,
        "time_text": "",
        "places": "\n".join(claim.places),
        "attribution": "",
        "label": claim.label,
        "compared_to": "",
        "assignee": claim.assignee_id or "",
        **{
            f"{prefix}-{key}": value
            for prefix in ("annotations", "links_from", "links_to", "events")
            for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
        },
    }
    return form | changes
