"""The line an editor scans in a list, and how check-worthy a claim is."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .numbers import Quantity
from .timeexpr import TimeExpr
from .vocabulary import Kind, Qualifier, plural

_DEFINITE_RE = re.compile(r"\b(?:the|these|those|its|their|both|all|his|her|our)\s+$", re.IGNORECASE)


# The kinds whose label names the unit after the number ("3,000 migrants"); money, percent and
# ratio quotes carry theirs in the number already ("$5m", "40%", "twice").
_KINDS_NAMING_A_UNIT = (Kind.COUNT, Kind.DURATION, Kind.MEASURE, Kind.RATE, Kind.SHARE)


def label_for(quantity: Quantity, time: TimeExpr | None, places: tuple[str, ...]) -> str:
    """ "More than 11,500 migrants · since January · Channel": the quote with its unit, its time
    (a whole calendar year as the year) and its first place."""
    head, unit = quantity.text, quantity.unit
    if unit and quantity.kind in _KINDS_NAMING_A_UNIT and unit.lower() not in head.lower():
        joiner = " of " if quantity.qualifier == Qualifier.VAGUE and head.lower().endswith("s") else " "
        head += joiner + (plural(unit) if quantity.kind == Kind.COUNT and quantity.value != 1 else unit)
    parts = [head]
    first, last = (time.period_start, time.period_end) if time else (None, None)
    if first and last and first.month == 1 and first.day == 1 and last == dt.date(first.year, 12, 31):
        parts.append(str(first.year))
    elif time and time.text:
        parts.append(" ".join(time.text.split()))
    if places:
        parts.append(places[0])
    return " · ".join(parts)


def score_for(quantity: Quantity, text: str, *, has_time: bool, places: tuple[str, ...], attribution: str) -> float:
    """How check-worthy: specific, attributed, large or contested numbers score higher."""
    score = 0.35
    if attribution:
        score += 0.15
    if has_time:
        score += 0.1
    if places:
        score += 0.1
    magnitude = quantity.value
    if magnitude is None:
        magnitude = quantity.value_high or quantity.value_low or Decimal(0)
    if quantity.kind in (Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.RATIO, Kind.SHARE):
        score += 0.15
    elif abs(magnitude) >= 1000:
        score += 0.15
    elif abs(magnitude) >= 100:
        score += 0.1
    if quantity.qualifier != Qualifier.EXACT:  # a bound, an approximation, a range or a vague magnitude
        score += 0.05
    if quantity.kind == Kind.DURATION:
        score -= 0.1
    if quantity.kind == Kind.COUNT and _DEFINITE_RE.search(text, max(0, quantity.start - 8), quantity.start):
        score -= 0.25  # "the three countries" refers back; it asserts little
    return round(min(1.0, max(0.05, score)), 2)
