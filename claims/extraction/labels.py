"""The line an editor scans in a list, and how check-worthy a claim is."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from .numbers import Quantity
from .timeexpr import TimeExpr
from .vocabulary import Kind, Qualifier, plural, singular

_DEFINITE_RE = re.compile(r"\b(?:the|these|those|its|their|both|all|his|her|our)\s+$", re.IGNORECASE)


# The kinds whose label names the unit after the number ("3,000 migrants", "10 seconds"); money,
# percent and ratio quotes carry theirs in the number already ("$5m", "40%", "twice"), and a share
# is its own unit ("more than half", "one in 18").
_KINDS_NAMING_A_UNIT = (Kind.COUNT, Kind.DURATION, Kind.MEASURE, Kind.RATE)
# Units that a label writes in the plural after a number other than one (measures keep their symbol).
_KINDS_PLURAL = (Kind.COUNT, Kind.DURATION)
# Words a quote may open with that say the figure is a sum, not how sure it is: the label leaves them.
_TOTAL_RE = re.compile(r"^(?:a|the)\s+total\s+of\s+", re.IGNORECASE)
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def label_for(quantity: Quantity, time: TimeExpr | None, places: tuple[str, ...]) -> str:
    """ "More than 11,500 migrants · 1 Jan–14 Aug 2022 · Channel": the quote with its unit, the
    period it is about in words (never the relative words of the text), and its main place."""
    head = _TOTAL_RE.sub("", quantity.text) or quantity.text
    unit = quantity.unit
    if unit and quantity.kind in _KINDS_NAMING_A_UNIT and not _names_its_unit(head, unit):
        joiner = " of " if quantity.qualifier == Qualifier.VAGUE and head.lower().endswith("s") else " "
        head += joiner + _unit_words(quantity, unit)
    parts = [head]
    period = period_words(time.period_start, time.period_end) if time else ""
    if period:
        parts.append(period)
    if places:
        parts.append(places[0])
    return " · ".join(parts)


def _names_its_unit(head: str, unit: str) -> bool:
    """The quote already says what is counted ("six-week", "10 km", "three hours")."""
    words = re.findall(r"[^\W\d_]+", head.lower())
    return unit.lower() in head.lower() or any(singular(word) == unit.lower() for word in words)


def _unit_words(quantity: Quantity, unit: str) -> str:
    """The unit as a reader writes it after this number: "people", "one person", "10 seconds"."""
    if quantity.value == 1:
        return "person" if unit == "people" else unit
    return plural(unit) if quantity.kind in _KINDS_PLURAL else unit


def period_words(start: dt.date | None, end: dt.date | None) -> str:
    """A resolved period in words: "2023", "Q4 2023", "Aug 2022", "9 Aug 2023", "Jan–Jun 2023",
    "3 Mar–14 Sep 2022", "to 9 Aug 2023" (as of a day), "from 1 Jan 2022" (open); "" for none."""
    if start is None and end is None:
        return ""
    if start is None:
        return f"to {_day(end)}"
    if end is None:
        return f"from {_day(start)}"
    if end < start:
        start, end = end, start
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if not whole_months:
        if start == end:
            return _day(start)
        if start.year != end.year:
            return f"{_day(start)}–{_day(end)}"
        if start.month == end.month:
            return f"{start.day}–{_day(end)}"
        return f"{start.day} {_MONTH_ABBR[start.month - 1]}–{_day(end)}"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.month == 1 and months % 12 == 0:
        return str(start.year) if months == 12 else f"{start.year}–{end.year}"
    if months == 3 and start.month % 3 == 1:
        return f"Q{start.month // 3 + 1} {start.year}"
    if months == 1:
        return _month(start)
    if start.year == end.year:
        return f"{_MONTH_ABBR[start.month - 1]}–{_month(end)}"
    return f"{_month(start)}–{_month(end)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"


def _month(day: dt.date) -> str:
    return f"{_MONTH_ABBR[day.month - 1]} {day.year}"


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
