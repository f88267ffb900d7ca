"""A figure's values: the interval its words allow (`effective_interval`, `figure_interval`),
whether two figures are one (`same_figure`), how far apart they are (`value_ratio`), and a value in words
(`describe_value`).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .measure import _MEASURES, claim_measure, measure_of
from .tunables import (
    APPROX_TOLERANCE,
    APPROX_UNITS,
    BUCKETS_PER_DECADE,
    CONVERSION_CAP,
    EXACT_BELOW,
    MAGNITUDE,
    OPEN_REACH,
    ROUNDING_CAP,
    WORDED_SHARE_POINTS,
    ClaimFacts,
)


def _float(number: Decimal | float | None) -> float | None:
    if number is None:
        return None
    try:
        result = float(number)
    except (InvalidOperation, OverflowError, ValueError):
        return None
    return result if math.isfinite(result) else None


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        low, low_open = max((self.low, self.low_open), (other.low, other.low_open), key=lambda end: (end[0], end[1]))
        high, high_open = min(
            (self.high, self.high_open), (other.high, other.high_open), key=lambda end: (end[0], not end[1])
        )
        if low < high:
            return True
        return low == high and not low_open and not high_open

    def scaled(self, factor: float) -> Interval:
        return Interval(self.low * factor, self.high * factor, self.low_open, self.high_open)


def rounding_tolerance(number: Decimal | float) -> float:
    """Just under half a unit of the last non-zero digit, capped at 5 %: "2,000" may be 1,900–2,100, "150"
    145–155, and "10.7" never reaches "10.6"."""
    half_unit = 0.49 * rounding_unit(number)
    magnitude = abs(float(number))
    return min(half_unit, ROUNDING_CAP * magnitude) if magnitude else half_unit


def rounding_unit(number: Decimal | float) -> float:
    """The unit of the last non-zero digit written: 1,000 for "2,000", 0.1 for "5.2"; 0 when unreadable."""
    try:
        decimal = Decimal(str(number)).normalize()
    except InvalidOperation:
        return 0.0
    exponent = decimal.as_tuple().exponent
    if not isinstance(exponent, int) or not decimal.is_finite():
        return 0.0
    return 10.0 ** max(-300, min(300, exponent))


_WRITTEN_DECIMALS = re.compile(r"\d+(?:,\d{3})*\.(\d*0)(?!\d)")


def _written_unit(facts: ClaimFacts, point: float) -> float:
    """The unit of the last digit the quote writes, trailing zeros counted: "7.0" is told to a tenth, which the value
    (7) no longer says; infinity when the quote writes no trailing decimal zero."""
    match = _WRITTEN_DECIMALS.search(facts.quote)
    if match is None:
        return math.inf
    written = float(match.group(0).replace(",", ""))
    if not written:
        return math.inf
    return abs(point / written) * 10.0 ** -len(match.group(1))  # "1.50 million": a hundredth of a million


def _point(facts: ClaimFacts) -> float | None:
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    for number in (value, low, high):
        if number is not None:
            return number
    return None


@functools.lru_cache(maxsize=8192)
def effective_interval(facts: ClaimFacts) -> Interval | None:
    """The values a claim's words allow, the writer's rounding granted; None when it states no number.

    In the claim's own unit. "More than 2,000" allows anything above 2,000: two claims whose
    effective intervals do not meet cannot both be true (`compatible`).
    """
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    floor = -math.inf if facts.kind in {"measure", "ratio"} else 0.0  # counts, sums and shares are never negative
    qualifier = facts.qualifier
    if qualifier in {"range", "vague"}:
        if low is None and high is None:
            if value is None:
                return None
            low = high = value
        low_end = floor if low is None else low - (rounding_tolerance(low) if qualifier == "range" else 0.0)
        high_end = math.inf if high is None else high + (rounding_tolerance(high) if qualifier == "range" else 0.0)
        return Interval(min(low_end, high_end), max(low_end, high_end))
    point = _point(facts)
    if point is None:
        return None
    if qualifier == "approx":
        # "About 2,000" may be 1,700; "about 12,400" is not 10,600: the writer's last digit says how near.
        spread = max(min(APPROX_TOLERANCE * abs(point), APPROX_UNITS * rounding_unit(point)), rounding_tolerance(point))
        # "about a third" is 28–38 %: twice a share in words' rounding, but never past APPROX_TOLERANCE of it
        spread = max(spread, min(2 * _worded_share_spread(facts, point), APPROX_TOLERANCE * abs(point)))
        return Interval(point - spread, point + spread)
    if qualifier == "more_than":
        return Interval(point, math.inf, low_open=True)
    if qualifier == "at_least":
        return Interval(point, math.inf)
    if qualifier == "less_than":
        return Interval(min(floor, point), point, high_open=True)
    if qualifier == "at_most":
        return Interval(min(floor, point), point)
    spread = min(rounding_tolerance(point), 0.49 * _written_unit(facts, point))  # exact
    dimension = measure_of(facts.unit, facts.kind).dimension
    if dimension == "count" and abs(point) < EXACT_BELOW and point == int(point):
        spread = min(spread, 0.49)  # "70 bodies" is seventy, not 68 rounded: small counts are written out exactly
    elif dimension == MAGNITUDE:
        spread = min(spread, 0.049)  # a quake's magnitude is told to a tenth: "7" is 7.0, never 6.8 rounded
    spread = max(spread, _worded_share_spread(facts, point))
    return Interval(point - spread, point + spread)


_DIGIT = re.compile(r"\d")


def _worded_share_spread(facts: ClaimFacts, point: float) -> float:
    """How far a share told in words may be from the percentage it rounds: "a third" is told for 31–35 %, "half" for
    48–52 %, "one in five" for 18–22 % (WORDED_SHARE_POINTS, never more than APPROX_TOLERANCE of the share: "one in
    ten" is 8.5–11.5 %). Zero for a figure in digits ("0.33", "33%"), whose last digit says its rounding."""
    if claim_measure(facts).factor != 100.0 or _DIGIT.search(facts.quote):
        return 0.0
    return min(WORDED_SHARE_POINTS, APPROX_TOLERANCE * abs(point))


_AS_MANY_AS = re.compile(r"\s*as (?:many|much|high) as\b", re.IGNORECASE)


_UP_TO = re.compile(r"\s*up to\b", re.IGNORECASE)


def _peak_reached(facts: ClaimFacts) -> bool:
    """ "Winds of up to 170 mph", "waves up to 6 metres": a measure "up to" a number names the peak it reached, the
    number itself, where a count "up to 10,000" is the ceiling of an estimate."""
    return facts.kind == "measure" and bool(_UP_TO.match(facts.quote))


@functools.lru_cache(maxsize=8192)
def figure_interval(facts: ClaimFacts) -> Interval | None:
    """The figure a claim names, in its dimension's base unit: like the effective interval, but an open
    end reaches only OPEN_REACH past its bound ("at least 53" names a figure near 53, and a later
    "at least 110" is another figure, not the same one)."""
    interval = effective_interval(facts)
    if interval is None:
        return None
    point = _point(facts)
    if point is not None and facts.qualifier in {"more_than", "at_least"} and point > 0:
        interval = Interval(interval.low, point * OPEN_REACH, interval.low_open)
    elif point is not None and facts.qualifier in {"less_than", "at_most"} and point > 0:
        if _AS_MANY_AS.match(facts.quote) or _peak_reached(facts):
            # "as many as 68 passengers" stresses how many there are: it names 68, not anything up to it
            spread = rounding_tolerance(point)
            interval = Interval(point - spread, point + spread)
        else:
            interval = Interval(point / OPEN_REACH, interval.high, False, interval.high_open)
    return interval.scaled(claim_measure(facts).factor)


def compatible(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Can both claims be true of one quantity? False also when either states no number."""
    first, second = effective_interval(a), effective_interval(b)
    if first is None or second is None:
        return False
    return first.scaled(claim_measure(a).factor).overlaps(second.scaled(claim_measure(b).factor))


_LOWER_BOUNDS, _UPPER_BOUNDS = {"more_than", "at_least"}, {"less_than", "at_most"}


def same_figure(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Do both claims name one figure, each in its own words and rounding? Two bounds the same way
    name one figure only when they name the same number ("over 2,000" and "more than 2,000", not
    "more than 2,200" and a later "more than 2,700"); two approximations only when either falls within the
    other ("about 2,000" and "roughly 1,800", not "about 90,000" and "some 120,000", whose spreads just meet)."""
    first, second = _figure_named(a), _figure_named(b)
    if first is None or second is None:
        return False
    if _converted_alike(a, b):
        return True
    if _about_finer_than_plain(a, b):
        return False  # "about 220,000" beside "200,000": the plain figure's rounding does not reach the other
    both_bounds = {a.qualifier, b.qualifier}
    if both_bounds <= _LOWER_BOUNDS or both_bounds <= _UPPER_BOUNDS:
        point_a, point_b = representative_value(a), representative_value(b)
        if point_a is not None and point_b is not None:
            tolerance = max(rounding_tolerance(point_a), rounding_tolerance(point_b))
            return abs(point_a - point_b) <= tolerance
    if both_bounds == {"approx"} or (both_bounds == {"exact"} and claim_measure(a).dimension == "count"):
        # either figure within the other's rounding: "81,700" is 81,654 rounded, but "3,840" is not 3,845
        point_a, point_b = representative_value(a), representative_value(b)
        if point_a is not None and point_b is not None:
            return first.overlaps(Interval(point_b, point_b)) or second.overlaps(Interval(point_a, point_a))
    if _beyond_its_bound(a, b) or _beyond_its_bound(b, a):
        return False
    return first.overlaps(second)


def _about_finer_than_plain(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is "about" a number written to a finer digit than the other's plain figure ("about 220,000" beside
    "200,000"), and the plain figure's own rounding (`rounding_tolerance`) does not reach it: the writer of "about"
    knew the figure to its ten thousands, so the plain one is not its rounding but another figure, though the spread
    "about" grants makes the two meet. "$117 billion" beside "about $117.2bn" is one figure, rounded. Only figures in
    digits, in one unit."""
    about, plain = (a, b) if a.qualifier == "approx" else (b, a)
    if about.qualifier != "approx" or plain.qualifier != "exact" or about.value is None or plain.value is None:
        return False
    if not (_DIGIT.search(about.quote) and _DIGIT.search(plain.quote)):
        return False
    if not math.isclose(claim_measure(about).factor, claim_measure(plain).factor):
        return False
    if not 0 < rounding_unit(about.value) < rounding_unit(plain.value):
        return False
    point, written = float(about.value), float(plain.value)
    return abs(point - written) > rounding_tolerance(plain.value)


BOUND_REACH = 1.05  # an exact figure is what a lower bound of its number names only up to a twentieth above it


def _beyond_its_bound(bound: ClaimFacts, exact: ClaimFacts) -> bool:
    """An exact figure well above a lower bound in digits ("the total has passed 20,000" beside "24,615", "more than
    5,000 cases" beside "5,930"): a writer who knew the exact figure would have bounded it closer ("more than
    24,000"), so the bound names a figure just past its number, not the exact one (`BOUND_REACH`); "more than 2,000"
    still names 2,012. Not a share in words ("more than a fifth"), which rounds by its spread."""
    if bound.qualifier not in _LOWER_BOUNDS or exact.qualifier != "exact":
        return False
    point, value = _point(bound), _point(exact)
    if point is None or value is None or point <= 0 or _worded_share_spread(bound, point):
        return False
    return value * claim_measure(exact).factor > point * claim_measure(bound).factor * BOUND_REACH


_BOUND_SIDE = {"more_than": "lower", "at_least": "lower", "less_than": "upper", "at_most": "upper"}


def told_in_other_units(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Do the claims measure one dimension in two units that convert ("100 miles" and "160 km", "300 acres" and
    "120 hectares")? Never currencies: their rates move, and a converted sum is not the one told."""
    first, second = claim_measure(a), claim_measure(b)
    return (
        first.dimension == second.dimension
        and first.dimension in _MEASURES
        and not math.isclose(first.factor, second.factor)
    )


def conversion_tolerance(facts: ClaimFacts) -> float:
    """How far a figure told in its own unit may be from the same figure told in another, in the base unit: half
    a unit of its last digit, as the writer who converted rounded afresh, but never more than CONVERSION_CAP of it
    ("about 1 km" may be "half a mile"; "100 miles" is "160 km", not "200 km")."""
    point = representative_value(facts)
    if point is None:
        return 0.0
    own = _point(facts) or 0.0
    half_unit = 0.49 * rounding_unit(own) * claim_measure(facts).factor
    return min(half_unit, CONVERSION_CAP * abs(point))


def _converted_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure told in two units, each rounded in its own ("flooded up to one kilometre inland" and "as far as
    half a mile inland"): the claims bound it the same way, or neither bounds it, and their figures lie within
    the rounding a conversion allows."""
    if not told_in_other_units(a, b) or _BOUND_SIDE.get(a.qualifier) != _BOUND_SIDE.get(b.qualifier):
        return False
    point_a, point_b = representative_value(a), representative_value(b)
    if point_a is None or point_b is None:
        return False
    return abs(point_a - point_b) <= max(conversion_tolerance(a), conversion_tolerance(b))


@functools.lru_cache(maxsize=8192)
def _figure_named(facts: ClaimFacts) -> Interval | None:
    """`figure_interval`, but a lower bound names the figure its writer rounded down, and "nearly" one short of its
    number (`_rounded_down`, `_short_of`): what `same_figure` compares."""
    interval = figure_interval(facts)
    return None if interval is None else _short_of(facts, _rounded_down(facts, interval))


_NEARLY = re.compile(r"\s*(?:nearly|almost|just (?:under|below|short of)|not quite)\b", re.IGNORECASE)


def _short_of(facts: ClaimFacts, interval: Interval) -> Interval:
    """ "Nearly 4.8 million" names a figure short of 4.8 million, not 4.86 million: an approximation from below, its
    number's rounding granted."""
    point = _point(facts)
    if point is None or facts.qualifier != "approx" or not _NEARLY.match(facts.quote):
        return interval
    high = (point + rounding_tolerance(point)) * claim_measure(facts).factor  # "nearly ₹600 crore" for 615 crore
    return Interval(interval.low, min(interval.high, high), interval.low_open, False)


def _rounded_down(facts: ClaimFacts, interval: Interval) -> Interval:
    """A lower bound names the figure its writer rounded down to the bound's last digit: "more than 2,150" is 2,150
    to 2,160, not 2,790; "at least 61" is 61, not 78; "more than 2,000" still reaches 2,012 (never past OPEN_REACH).
    A later, larger figure is then the count's next reading, not the same one."""
    point = _point(facts)
    if point is None or facts.qualifier not in _LOWER_BOUNDS or point <= 0:
        return interval
    # "more than a quarter" is 25–30 %: a share in words rounds by its spread, not by the digits of its value
    unit = 2 * _worded_share_spread(facts, point) or rounding_unit(point)
    high = min(interval.high, (point + unit) * claim_measure(facts).factor)
    return Interval(interval.low, high, interval.low_open, high < interval.high or interval.high_open)


@functools.lru_cache(maxsize=8192)
def representative_value(facts: ClaimFacts) -> float | None:
    """One number standing for the claim, in its dimension's base unit: the stated value, or the
    geometric middle of a range."""
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    number = None
    if facts.qualifier in {"range", "vague"} and low is not None and high is not None:
        number = math.sqrt(low * high) if low > 0 and high > 0 else (low + high) / 2
    else:
        number = next((n for n in (value, low, high) if n is not None), None)
    if number is None:
        return None
    scaled = number * claim_measure(facts).factor
    return scaled if math.isfinite(scaled) else None


def magnitude(number: float | None) -> int | None:
    """The value bucket: floor(4·log10 v); negatives and zero get buckets of their own far below."""
    if number is None or not math.isfinite(number):
        return None
    if number == 0:
        return -1000
    bucket = max(-999, min(999, math.floor(BUCKETS_PER_DECADE * math.log10(abs(number)))))
    return bucket if number > 0 else -2000 - bucket


def _number(number: float) -> str:
    if abs(number) >= 1e9 and number == round(number, -7):
        return f"{number / 1e9:g} billion"
    if abs(number) >= 1e6 and number == round(number, -4):
        return f"{number / 1e6:g} million"
    if abs(number) < 1e15 and number == int(number):
        return f"{int(number):,}"
    if abs(number) >= 1e15:
        return f"{number:.3g}"
    return f"{number:,.3f}".rstrip("0").rstrip(".")


_QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "less_than": "less than ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def describe_value(facts: ClaimFacts) -> str:
    """ "more than 2,000", "about 2,000", "2,000–9,999"."""
    low, high = _float(facts.value_low), _float(facts.value_high)
    if facts.qualifier in {"range", "vague"} and (low is not None or high is not None):
        return f"{_number(low) if low is not None else '…'}–{_number(high) if high is not None else '…'}"
    point = _point(facts)
    if point is None:
        return "no number"
    return _QUALIFIER_WORDS.get(facts.qualifier, "") + _number(point)


def value_ratio(value_a: float, value_b: float) -> float:
    """The larger of two figures over the smaller, by size: 1 when equal (both zero included), infinite when their
    signs differ or one alone is zero."""
    if (value_a < 0) != (value_b < 0):
        return math.inf
    if value_a == 0 or value_b == 0:
        return 1.0 if value_a == value_b else math.inf
    return max(abs(value_a), abs(value_b)) / min(abs(value_a), abs(value_b))
