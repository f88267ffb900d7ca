"""Extraction drafts checked against the Claim model's rules before they are stored.

Ordinary text can give values a database rule refuses: "Since December 25, …" in an article published on
20 December gives a period that ends before it starts; a figure of 10^20 or more does not fit the decimal
columns. Such a value made the whole article's insert fail and left it `running` for good. Here each draft
is corrected where the intent is clear, or its bad value (or, when the value is what the claim is, the
draft) dropped, each with a log line naming the article and the quote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from decimal import Decimal
from typing import Any

from .extraction import ClaimDraft
from .models import Claim, Kind, Qualifier

logger = logging.getLogger(__name__)

# The decimal columns hold 30 digits, 10 after the point: 20 before it.
_DECIMAL: Any = Claim._meta.get_field("value")
VALUE_LIMIT = Decimal(10) ** (_DECIMAL.max_digits - _DECIMAL.decimal_places)
_TEXT_FIELDS = ("unit", "time_text", "compared_to", "attribution", "label")
_MAX_LENGTH: dict[str, int] = {
    name: getattr(Claim._meta.get_field(name), "max_length", 0) or 0 for name in (*_TEXT_FIELDS, "quote")
}
_YEAR = re.compile(r"\b\d{4}\b")


def admissible(article_id: int, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """The drafts the Claim table's rules accept: corrected where the intent is clear, else left out."""
    out = []
    for draft in drafts:
        checked = _check(article_id, draft)
        if checked is not None:
            out.append(checked)
    return out


def _say(article_id: int, draft: ClaimDraft, what: str) -> None:
    logger.warning("article=%s claim %r at %d: %s", article_id, draft.quote[:80], draft.quote_start, what)


def _check(article_id: int, draft: ClaimDraft) -> ClaimDraft | None:
    def drop(why: str) -> ClaimDraft | None:
        _say(article_id, draft, f"dropped: {why}")
        return None

    if not (0 <= draft.quote_start < draft.quote_end and 0 <= draft.sentence_start <= draft.sentence_end):
        return drop(f"offsets out of order (quote {draft.quote_start}-{draft.quote_end})")
    if len(draft.quote) > _MAX_LENGTH["quote"]:
        return drop(f"quote longer than {_MAX_LENGTH['quote']} characters")
    if draft.qualifier not in Qualifier.values or draft.kind not in Kind.values:
        return drop(f"unknown qualifier {draft.qualifier!r} or kind {draft.kind!r}")
    for name in ("value", "value_low", "value_high"):
        number = getattr(draft, name)
        if number is not None and (not number.is_finite() or abs(number) >= VALUE_LIMIT):
            return drop(f"{name} {number} is out of range (the limit is 10^20)")
    changes: dict[str, object] = {}
    if draft.value_low is not None and draft.value_high is not None and draft.value_low > draft.value_high:
        changes |= {"value_low": draft.value_high, "value_high": draft.value_low}
        _say(article_id, draft, f"range {draft.value_low}-{draft.value_high} inverted: swapped")
    for prefix in ("", "compared_"):
        changes |= _period(article_id, draft, prefix)
    if not 0 <= draft.score <= 1:
        changes["score"] = min(1.0, max(0.0, draft.score))
        _say(article_id, draft, f"score {draft.score} outside 0-1: clamped")
    for name in _TEXT_FIELDS:
        text, limit = getattr(draft, name), _MAX_LENGTH[name]
        if len(text) > limit:
            changes[name] = text[:limit]
            _say(article_id, draft, f"{name} longer than {limit} characters: cut")
    places = tuple(place for place in draft.places if isinstance(place, str) and place.strip())
    if places != tuple(draft.places):
        changes["places"] = places
        _say(article_id, draft, "places that are not names left out")
    return dataclasses.replace(draft, **changes) if changes else draft  # type: ignore[arg-type]


def _period(article_id: int, draft: ClaimDraft, prefix: str) -> dict[str, object]:
    """An inverted period: a start written without its year and read in the wrong year ("since December 25"
    in an article of 20 December) moves back a year; any other is dropped (the words stay in time_text)."""
    start_name, end_name = f"{prefix}period_start", f"{prefix}period_end"
    start: dt.date | None = getattr(draft, start_name)
    end: dt.date | None = getattr(draft, end_name)
    if start is None or end is None or start <= end:
        return {}
    words = draft.compared_to if prefix else draft.time_text
    earlier = _year_before(start)
    if earlier is not None and earlier <= end and not _YEAR.search(words or ""):
        _say(article_id, draft, f"{prefix}period {start}..{end} inverted: start read a year earlier, {earlier}")
        return {start_name: earlier}
    _say(article_id, draft, f"{prefix}period {start}..{end} inverted: dropped")
    return {start_name: None, end_name: None}


def _year_before(day: dt.date) -> dt.date | None:
    if day.year <= 1:
        return None
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
