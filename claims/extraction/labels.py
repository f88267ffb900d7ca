"""The line an editor scans in a list, and how check-worthy a claim is."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

from .numbers import Quantity
from .timeexpr import TimeExpr
from .vocabulary import Kind, Qualifier, plural, prefix_tree, singular

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
    if start is None:
        return f"to {_day(end)}" if end else ""
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


# ---------------------------------------------------------------------------------------------
# Check-worthiness: a sum of parts an editor can read ("why this score")
# ---------------------------------------------------------------------------------------------

# The score before any part; the parts add to or take from it, and the sum is kept inside (0, 1).
BASE_SCORE = 0.4
# A part: what it says of the claim, and how much it adds (negative: takes away).
ScorePart = tuple[str, float]
# Words that say a figure is disputed or questioned in its sentence.
_CONTESTED_STEMS = (
    "disput den contest contradict question challeng refut reject false misleading inflat exaggerat underestimat "
    "overestimat undercount discrepanc revis conflicting insist claim"
)
_CONTESTED_RE = re.compile(
    # The stems every alternative starts with, tried first: other positions fail after a letter or two.
    r"(?<!\w)(?=" + prefix_tree(_CONTESTED_STEMS.split()) + r")"
    r"\b(?:disput\w*|den(?:y|ies|ied)|contest\w*|contradict\w*|question(?:ed|s)|challeng\w*|refut\w*|"
    r"reject\w*|false(?:ly)?|misleading|inflat(?:ed|ing)|exaggerat\w*|underestimat\w*|overestimat\w*|"
    r"undercount\w*|discrepanc\w*|revis(?:ed|ion)|conflicting|insist\w*|claim(?:ed|s)?)\b",
    re.IGNORECASE,
)
# A figure that sets the scene: how many live somewhere ("a population of 200,000", "where 220,000
# people live", "home to 3 million"), or a yardstick ("a target of 95%", "the threshold of 1.5C").
_POPULATION_RE = re.compile(
    r"\b(?:population|inhabitants|residents|home\s+to|people\s+live|who\s+live|where\s+\S+\s+live)\b",
    re.IGNORECASE,
)
_YARDSTICK_BEFORE_RE = re.compile(
    r"\b(?:target|goal|threshold|benchmark|limit|ceiling|aim|ambition)\s+(?:of\s+|was\s+|is\s+)?"
    r"(?:(?:about|around|some|just|below|under|above|over|at|less\s+than|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_BOUNDS = (Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.AT_LEAST, Qualifier.AT_MOST)
_SHARE_KINDS = (Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.RATIO, Kind.SHARE)


def score_parts_for(
    quantity: Quantity,
    text: str,
    *,
    sentence: tuple[int, int],
    period: tuple[dt.date | None, dt.date | None],
    places: tuple[str, ...],
    attribution: str,
    published: dt.date | None,
    contested: bool | None = None,
) -> tuple[ScorePart, ...]:
    """Why a claim is worth checking, part by part: specific, large, attributed, contested and
    recent figures add; background figures (how many live somewhere, a target, a threshold, a
    pronoun "one", "the three countries") take away. ``text`` is what ``quantity`` and ``sentence``
    (start, end) index; ``period`` is the claim's resolved time; ``contested``, when the caller read
    it once for the sentence, whether the sentence disputes a figure (``is_contested``)."""
    parts: list[ScorePart] = []
    parts.append(("specific figure", _specificity(quantity)))
    size = _size(quantity)
    if size:
        parts.append(("large figure" if quantity.kind not in _SHARE_KINDS else "rate, share or money", size))
    if not quantity.unit and quantity.kind in (Kind.COUNT, Kind.MEASURE):
        parts.append(("says not what it counts", -0.08))
    if attribution:
        parts.append(("attributed to a source", 0.1))
    if period[0] or period[1]:
        parts.append(("dated", 0.04))
    if places:
        parts.append(("placed", 0.03))
    start, end = sentence
    if contested if contested is not None else is_contested(text, start, end):
        parts.append(("contested in its sentence", 0.1))
    recency = _recency(period, published)
    if recency:
        parts.append(("recent" if recency > 0 else "old", recency))
    background = _background(quantity, text, start, end)
    if background:
        parts.append(background)
    rounded = [(name, round(value, 3)) for name, value in parts]
    return tuple(part for part in rounded if part[1])


def is_contested(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` says a figure is disputed or questioned."""
    return _CONTESTED_RE.search(text, start, end) is not None


def score_from(parts: tuple[ScorePart, ...]) -> float:
    """The score the parts add up to, kept strictly inside 0–1 (three decimals: continuous, not steps)."""
    return round(min(0.99, max(0.01, BASE_SCORE + sum(value for _, value in parts))), 3)


def _specificity(quantity: Quantity) -> float:
    """Up to 0.15 for an exact figure with many significant digits ("387,257"); less for a bound, an
    approximation or a range, least for a vague magnitude ("thousands")."""
    value = quantity.value if quantity.value is not None else quantity.value_low
    if quantity.qualifier == Qualifier.VAGUE or value is None:
        return 0.01
    written = str(abs(value).normalize())
    digits = len(written.replace(".", "").replace("-", "").strip("0")) or 1
    if "E" in written:  # 2E+3: one significant digit
        digits = len(written.split("E")[0].replace(".", ""))
    share = min(1.0, digits / 4)
    if quantity.qualifier == Qualifier.EXACT:
        return 0.05 + 0.1 * share
    return 0.03 + 0.06 * share


def _size(quantity: Quantity) -> float:
    """Up to 0.15 for a large count or measure (log scale: 1 million and more gives it all); a rate,
    share or sum of money is news whatever its size; a duration is rarely the news."""
    if quantity.kind in _SHARE_KINDS:
        return 0.1
    if quantity.kind == Kind.DURATION:
        return -0.05
    value = quantity.value if quantity.value is not None else (quantity.value_high or quantity.value_low)
    if value is None or value == 0:
        return 0.0
    return 0.15 * min(1.0, math.log10(float(abs(value)) + 1) / 6)


def _recency(period: tuple[dt.date | None, dt.date | None], published: dt.date | None) -> float:
    """A figure about the days before publication is news (+0.08, fading over two years); one about
    a period long before it is history (down to -0.12 at ten years and more)."""
    day = period[1] or period[0]
    if day is None or published is None:
        return 0.0
    years = max(0.0, (published - day).days / 365.25)
    if years <= 2:
        return 0.08 * (1 - years / 2)
    return -0.12 * min(1.0, (years - 2) / 8)


def _background(quantity: Quantity, text: str, start: int, end: int) -> ScorePart | None:
    """A figure that sets the scene rather than states the news, and how much it takes away."""
    if quantity.text.lower() == "one" and text.startswith(" of", quantity.end):
        return ("pronoun “one of”", -0.3)
    if quantity.kind == Kind.COUNT and _DEFINITE_RE.search(text, max(start, quantity.start - 8), quantity.start):
        return ("refers back (“the three countries”)", -0.25)
    window = text[max(start, quantity.start - 40) : min(end, quantity.end + 30)]
    if quantity.kind == Kind.COUNT and _POPULATION_RE.search(window):
        return ("background: how many live there", -0.3)
    if _YARDSTICK_BEFORE_RE.search(text, max(start, quantity.start - 30), quantity.start):
        return ("background: a target or threshold", -0.25)
    if quantity.kind == Kind.DURATION and quantity.qualifier in _BOUNDS:
        return ("background: a threshold (“more than 12 hours”)", -0.2)
    return None


def repeat_part(
    earlier: list[tuple[str, Decimal | None, str]], kind: str, value: Decimal | None, unit: str
) -> ScorePart | None:
    """A claim that repeats a figure the article already stated (a headline copied into the body, a
    second source quoting the same number): ``earlier`` holds (kind, value, unit) of the claims before."""
    if value is None or (kind == Kind.COUNT and abs(value) < 10):
        return None  # "two people", "three infants": small counts recur without repeating anything
    for other_kind, other_value, other_unit in earlier:
        # A figure of 100 or more said twice is the same fact whatever noun each sentence counts it by
        # ("kills 1,418" in the headline, "1,418 people" below).
        same_unit = not unit or not other_unit or unit == other_unit or abs(value) >= 100
        if other_kind == kind and other_value == value and same_unit:
            return ("repeats a figure stated earlier in the article", -0.3)
    return None
