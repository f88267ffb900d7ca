"""When two claims state the same fact, a later figure of it, or a contradiction: pure rules, no Django.

A pair is judged on what survives the extractor's slips on real copy, not on exact unit fields:

- *what is measured*: a dimension (a count, a percentage, a duration, a sum in one currency, ...)
  in which values compare once converted ("almost half" and "48%", "2 hours" and "7,235 seconds");
  the counted noun ("people", "bodies") is evidence, not a gate, since it is often empty or loose;
- *what it is about*: the words around the number in its own sentence, nearest first ("bodies
  recovered" is not "bodies identified"), with place names left to the place test;
- *its figure*: the values the words allow, the writer's rounding granted ("some 2,000" may be
  1,700-2,300; "at least 53" is a figure near 53, not any number above it);
- *its time and place*, compared when both are stated and never required.

Relations: `same` (one figure, in any wording), `updates` (a later figure of a running count, or a
revision of a statistic; the newer claim updates the older) and `contradicts` (figures for the same
time that cannot both be right). The score is a probability, calibrated on the development pairs
(`python -m claims.linking.calibration`), so that a threshold means a precision.

Candidates come through blocking keys (`blocking_keys`): the dimension with a window of value
buckets, and the article's story (its named entities) with a wider one, so that a claim with an
empty or wrong unit is still judged, and a toll that rose a hundredfold is still found. The database side
(`claims.linking.candidates`, `.suggest`) and the evaluation (`claims.linking.evaluation`) both call
this module, so both judge a pair alike.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

# ---------------------------------------------------------------- tunables

# Value buckets: floor(4·log10 v), each 10**0.25 ≈ 1.78× wide.
BUCKETS_PER_DECADE = 4
# Candidates by dimension lie within this many buckets (a factor of about 5.6 either side); by the
# article's story within STORY_WINDOW (a factor of 100, as far as MAX_UPDATE_RATIO lets a running
# count grow: a toll that rose from 30 to 2,862 is still compared).
BLOCK_WINDOW = 3
STORY_WINDOW = 8
STORY_ENTITIES = 5  # story keys per article
# The candidate index returns the newest this many claims per key and bucket: the work per new claim
# is bounded (7 × 10 + 17 × 4 + 4 × 17 × 2 rows at most), whatever the size of the archive. The
# story's first name (the most frequent, the title's) is its own; the others are often places that
# many stories share, whose blocks are crowded.
PER_BUCKET = 10
STORY_PER_BUCKET = (4, 2, 2, 2, 2)

APPROX_TOLERANCE = 0.15  # "some", "about", "nearly": ±15 %
APPROX_UNITS = 2  # … but never more than this many units of the last digit written ("about 5.2" is 5.0–5.4)
EXACT_BELOW = 100  # an exact count below this is read as written, never as rounded to its tens
WORDED_SHARE_POINTS = 0.025  # "a third" told for 31–35 %, "half" for 48–52 %: 2.5 points of a share in words …
ROUNDING_CAP = 0.05  # an exact figure rounded to its last non-zero digit, but never by more than 5 %
CONVERSION_CAP = 0.2  # a figure told in another unit is rounded afresh: "1 km (half a mile)" is 20 % off
OPEN_REACH = 1.3  # "more than 2,000" names a figure up to 30 % above it; "up to 10,000" down to 1/1.3 of it
SAME_DAYS = 3  # two stated periods this close at both ends are the same period
REVISION_GAP = datetime.timedelta(days=7)  # a figure for the same period published this much later revises it
MAX_REVISION_POINTS = 1.0  # a percentage revised moves by at most a point …
MAX_REVISION_RATIO = 1.25  # … and any other statistic by at most a quarter
MAX_UPDATE_RATIO = 100.0  # a later figure of a running count is at most this many times the earlier
MAX_CONTRADICTION_RATIO = 5.0  # two sources disagreeing on one figure are seldom further apart
MAGNITUDE = "measure:magnitude"
MAGNITUDE_SPREAD = 0.5  # institutes' magnitudes of one quake, and its revisions, differ by tenths, not by a whole step
SMALL = 10  # counts under this are so common in a story that two agreeing says little
MIN_CHANGE_SUBJECT = 0.2  # different figures must be about the same thing in words (or count the same thing)

# Suggestions scoring below this are not stored (the score is a calibrated probability).
DEFAULT_THRESHOLD = 0.5

# ---------------------------------------------------------------- facts

_FACT_NAMES = (
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "kind",
    "period_start",
    "period_end",
    "places",
    "sentence",
    "published",
    "quote",
    "quote_offset",
    "story",
    "counted_words",
    "source",
)


def _finite(number):
    if isinstance(number, Decimal):
        return number if number.is_finite() else None
    if isinstance(number, float):
        return number if math.isfinite(number) else None
    if isinstance(number, int) and not isinstance(number, bool):
        return Decimal(number)
    return number


@dataclass(frozen=True)
class ClaimFacts:
    """What the rules read of a claim: its structured fields, its sentence and its article."""

    value: Decimal | float | None
    value_low: Decimal | float | None = None
    value_high: Decimal | float | None = None
    qualifier: str = "exact"
    unit: str = ""
    kind: str = "count"
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    places: tuple[str, ...] = ()
    sentence: str = ""
    published: datetime.date | None = None
    quote: str = ""  # the number phrase, as written
    quote_offset: int | None = None  # where `quote` starts in `sentence`; None: found by search
    story: tuple[str, ...] = ()  # the article's named entities (`story_entities`)
    # What a count is of, read from the parse at extraction: role-tagged lemmas, "n:body", "m:crew",
    # "v:recover" (claims.extraction.counted); empty when unknown.
    counted_words: tuple[str, ...] = ()
    source: str = ""  # who states the figure, as the extractor read it ("the health ministry said"); "" when unsaid
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # A value that is not a finite number (NaN, infinity, out of range) states no number.
        for name in ("value", "value_low", "value_high"):
            object.__setattr__(self, name, _finite(getattr(self, name)))
        # The rules cache what they read of a claim by its facts: hash them once, not at every look-up.
        values = tuple(getattr(self, name) for name in _FACT_NAMES)
        object.__setattr__(self, "_hash", hash(values))

    def __hash__(self) -> int:
        return self._hash


@dataclass(frozen=True)
class Proposal:
    relation: str  # "same", "updates" or "contradicts"
    score: float  # the probability that the link is right
    reasons: list[str] = field(default_factory=list)
    newer_first: bool = False  # for "updates": the first claim judged is the newer one


# ---------------------------------------------------------------- what is measured


@dataclass(frozen=True)
class Measure:
    """A claim's dimension, the factor to its base unit, and what it counts ("" when unknown)."""

    dimension: str
    factor: float = 1.0
    noun: str = ""


_SPACES = re.compile(r"\s+")
_ISO_CODE = re.compile(r"^[A-Z]{3}$")
_MONEY_WORDS = {
    "dollar": "USD",
    "$": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "euro": "EUR",
    "€": "EUR",
    "rouble": "RUB",
    "ruble": "RUB",
    "£": "GBP",
    "pound sterling": "GBP",
    "rupee": "INR",
    "₹": "INR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
}
_PERCENT_WORDS = {"percent", "per cent", "%", "pct", "percentage"}
_FRACTION_WORDS = {"fraction", "share", "proportion"}  # "half", "one in six": a share of one
_POINT_WORDS = {"percentage point", "point", "basis point"}
# Units of measure by dimension, as the factor to the dimension's base unit.
_MEASURES: dict[str, dict[str, float]] = {
    "duration": {
        "second": 1,
        "sec": 1,
        "minute": 60,
        "min": 60,
        "hour": 3600,
        "hr": 3600,
        "day": 86400,
        "week": 604800,
        "month": 2629800,
        "year": 31557600,
        "decade": 315576000,
    },
    "length": {
        "km": 1000,
        "kilometre": 1000,
        "kilometer": 1000,
        "m": 1,
        "metre": 1,
        "meter": 1,
        "cm": 0.01,
        "mm": 0.001,
        "mile": 1609.344,
        "foot": 0.3048,
        "feet": 0.3048,
        "ft": 0.3048,
        "yard": 0.9144,
        "inch": 0.0254,
    },
    "speed": {"km/h": 1, "kph": 1, "kmh": 1, "kmph": 1, "mph": 1.609344, "knot": 1.852, "m/s": 3.6},
    "mass": {
        "tonne": 1000,
        "ton": 1000,
        "metric ton": 1000,
        "t": 1000,
        "kg": 1,
        "kilogram": 1,
        "gram": 0.001,
        "lb": 0.45359237,
        "lbs": 0.45359237,
    },
    "area": {
        "hectare": 1e4,
        "ha": 1e4,
        "acre": 4046.856,
        "km2": 1e6,
        "sq km": 1e6,
        "square kilometre": 1e6,
        "square kilometer": 1e6,
        "square mile": 2.589988e6,
    },
    "temperature": {"celsius": 1, "°c": 1, "degree": 1, "degree celsius": 1, "c": 1},
    "volume": {"litre": 1, "liter": 1, "barrel": 158.987, "cubic metre": 1000, "cubic meter": 1000},
}
_MEASURE_UNITS = {unit: (dimension, factor) for dimension, units in _MEASURES.items() for unit, factor in units.items()}

# Nouns for what is counted that name the same thing; the first of each group is its key. Also used
# for the words around a number, so "killed", "dead" and "fatalities" read as one subject.
NOUN_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "people",
        "person",
        "individual",
        "resident",
        "inhabitant",
        "civilian",
        "citizen",
        "population",
        "migrant",
        "refugee",
        "asylum seeker",
        "asylum-seeker",
        "immigrant",
        "emigrant",
        "traveller",
        "traveler",
        "protester",
        "demonstrator",
    ),
    ("death", "dead", "die", "kill", "fatality", "toll", "life", "perish", "drown", "deadly", "deadliest"),
    ("body", "corpse", "remains"),
    ("injury", "injure", "injured", "hurt", "wound", "wounded"),
    ("missing", "miss", "unaccounted", "unfound", "unrecovered"),
    ("displaced", "displace", "homeless", "evacuate", "evacuation", "evacuee", "flee"),
    ("shelter", "sheltered"),  # those in shelters are some of the displaced, counted apart
    ("rescue", "rescued", "save", "saved", "survivor", "survive", "survived", "alive"),
    ("affected", "affect"),  # people a disaster touched: neither its dead nor those it drove from home
    ("patient", "treat", "hospitalise", "hospitalize", "admit", "admission"),  # those treated, not a toll
    ("arrest", "detain", "detention", "custody"),
    ("crossing", "cross", "arrival", "arrive", "attempt"),
    ("boat", "dinghy", "vessel"),  # the boats that carried people are not the people
    ("passenger", "onboard", "aboard"),
    ("board",),  # "120 people had been on board": those carried, read with the passengers (`_aboard_alone`)
    ("crew",),  # the crew are counted apart from the passengers they carry
    ("troop", "soldier", "serviceman", "servicemen", "service member", "military personnel"),
    ("child", "children", "kid", "minor"),
    ("worker", "employee", "staff", "job", "payroll"),
    ("settlement", "village", "town", "locality"),
    (
        "building",
        "structure",
        "home",
        "house",
        "dwelling",
        "household",
        "flat",
        "apartment",
        "storey",
        "floor",
        "customer",
    ),
    ("case", "infection", "infect", "infected"),
    ("vehicle", "truck", "lorry", "car"),
    ("growth", "grow", "expand", "expansion", "increase", "rise", "climb", "gain", "up"),
    ("economy", "gdp", "output"),
    ("price", "inflation", "cost", "cpi", "hicp"),
    ("temperature", "warm", "warmer", "warming", "hot", "hotter", "heat"),
    ("fall", "drop", "decline", "decrease", "down", "shrink", "contract", "contraction"),
    ("burn", "scorch", "char", "blacken"),  # what a fire did to the land: one area, however it is told
    ("fire", "blaze", "wildfire", "bushfire", "wildland fire"),  # one fire, however it is named
)
# What a count can be of, by the groups above: two counts of different ones are different facts
# ("93 dead" is not "93 injured"), whatever the numbers. Bodies are counted as deaths are.
COUNTED = frozenset(
    {"death", "body", "injury", "missing", "displaced", "shelter", "rescue", "affected", "patient", "arrest",
     "crossing", "passenger", "board", "crew", "troop", "child", "worker", "settlement", "building", "case",
     "vehicle", "boat"}
)  # fmt: skip
_KIN = {"body": "death"}
# What a count of things (or of countries), not of people, is of: never the same quantity as a count of people.
_THINGS = frozenset({"building", "vehicle", "boat", "settlement", "country"})
# What a count of events is of ("more than 30 landslides this season", "120 aftershocks"): things, not people.
_EVENTS = frozenset(
    """landslide aftershock quake earthquake tremor storm fire wildfire blaze attack strike explosion flood accident
    crash incident eruption""".split()
)
# What a disaster's running tolls count: told again on a later day, a count of one of them is a later reading
# even without running words ("2,000 died", then "2,900 died"). The rescued are tallied as the dead are.
TOLLS = frozenset({"death", "injury", "missing", "displaced", "rescue"})
COUNTED_WEIGHT = 0.3  # a word of the number's own clause, not the far end of the sentence
# Nouns that say little of what is counted: what happened to the people is in the other words.
_GENERIC = frozenset({"people"})
GENERIC_WEIGHT = 0.3
_GROUP_OF = {word: group[0] for group in NOUN_GROUPS for word in group}


_IRREGULAR_PLURALS = {"people": "people", "children": "child", "men": "man", "women": "woman", "lives": "life"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _noun_key(words: str) -> str:
    words = _SPACES.sub(" ", words.strip().casefold())
    if not words:
        return ""
    if words in _GROUP_OF:
        return _GROUP_OF[words]
    parts = words.split(" ")
    parts[-1] = _singular(parts[-1])
    singular = " ".join(parts)
    if singular in _GROUP_OF:
        return _GROUP_OF[singular]
    last = _stem(parts[-1])
    return last if last in _GROUP_OF.values() else singular


@functools.lru_cache(maxsize=4096)
def measure_of(unit: str, kind: str = "count") -> Measure:
    """What a claim measures, read from its unit and kind, whichever of them the extractor got right."""
    raw = _SPACES.sub(" ", (unit or "").strip())
    lowered = raw.casefold()
    single = _singular(lowered)
    if raw.isupper() and _ISO_CODE.match(raw):
        return Measure(f"money:{raw}")
    for word in (lowered, single, lowered.removeprefix("us ")):
        if word in _MONEY_WORDS:
            return Measure(f"money:{_MONEY_WORDS[word]}")
    if kind == "money":
        return Measure(f"money:{raw.upper() or '?'}")
    if lowered in _POINT_WORDS or single in _POINT_WORDS:
        return Measure("point")
    if lowered in _FRACTION_WORDS or single in _FRACTION_WORDS or (kind == "share" and not lowered):
        return Measure("percent", 100.0)  # "almost half" is 50 %
    if lowered in _PERCENT_WORDS or single in _PERCENT_WORDS or kind in {"percent", "share"}:
        return Measure("percent")
    if lowered == "times" or kind == "ratio":
        return Measure("times")
    for word in (lowered, single):
        if word in _MEASURE_UNITS:
            dimension, factor = _MEASURE_UNITS[word]
            return Measure(dimension, factor)
    if kind == "rate":
        # "81.3 offenses per 100,000" and "81.3 per 100,000": the base makes the rate; what it counts may be unsaid
        thing, per, base = lowered.rpartition("per ")
        if per and thing.strip():
            return Measure(f"rate:per {base}", 1.0, _noun_key(thing.strip()))
        return Measure(f"rate:{lowered}")
    if kind in {"measure", "duration"}:
        return Measure(f"{kind}:{single or '?'}")  # a unit we cannot convert: comparable only to itself
    return Measure("count", 1.0, _noun_key(lowered))


_UNIT_WORD = re.compile(r"\s*([^\W\d_][\w/°.]*)")


@functools.lru_cache(maxsize=8192)
def claim_measure(facts: ClaimFacts) -> Measure:
    """What a claim measures: its unit field, or when the extractor left it empty, the word that
    follows the number when that names a unit ("about 275 kph", "0.5 miles", "41 per cent")."""
    measure = measure_of(facts.unit, facts.kind)
    if facts.unit.strip():
        return measure
    start, end = _quote_span(facts)
    match = _UNIT_WORD.match(facts.sentence, end)
    if match is None:
        return measure
    word = match.group(1).rstrip(".").casefold()
    if word in _MEASURE_UNITS or _singular(word) in _MEASURE_UNITS or word in _MONEY_WORDS or word in _PERCENT_WORDS:
        return measure_of(word, facts.kind)
    return measure


def canonical_unit(unit: str, kind: str = "") -> str:
    """A short name of what a claim measures: the counted noun's group, else the dimension."""
    measure = measure_of(unit, kind or "count")
    return measure.noun or measure.dimension.removeprefix("money:")


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def unit_spellings(unit: str, kind: str = "count") -> frozenset[str]:
    """Every unit word naming what `unit` names, lower-cased, singular and plural: its synonym group's
    nouns, a currency's code and words, or one measure unit's spellings (never another unit's: "km"
    is not "mile"). For filters that take any form of a word: "refugees" finds "refugee" and "migrant"."""
    lowered = _SPACES.sub(" ", (unit or "").strip().casefold())
    if not lowered:
        return frozenset()
    measure = measure_of(unit, kind)
    words = {lowered, _singular(lowered)}
    if measure.noun:
        words |= {word for word, group in _GROUP_OF.items() if group == measure.noun} | {measure.noun}
    elif measure.dimension.startswith("money:"):
        code = measure.dimension.removeprefix("money:")
        words |= {code.casefold()} | {word for word, found in _MONEY_WORDS.items() if found == code}
    elif measure.dimension == "percent":
        words |= _PERCENT_WORDS
    else:
        same = (measure.dimension, measure.factor)
        words |= {word for word, found in _MEASURE_UNITS.items() if found == same}
    singular = words - {lowered} if _singular(lowered) != lowered else words  # a plural is not pluralised
    return frozenset(words | {_plural(word) for word in singular if word[-1:].isalpha()})


# ---------------------------------------------------------------- intervals


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


# ---------------------------------------------------------------- the words around the number

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.&/-]*[^\W_])?|\d[\d,.]*|[();:–—\"“”]")
_CLAUSE_MARKS = set('();:–—"“”')
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but nor as is are was were be been being am has have had
    having it its it's this that these those which who whom whose what when where why how while than then there
    their they them he she his her hers we our you your i me my mine not no so such into onto upon out about
    around over under above below up down off again further once here all any both each few more most other
    some own same too very can will just should now also only would could may might must shall do does did
    done doing said says say saying told tells according reported report reports reporting announced added
    noted stated showed shows show data figures figure official officials per cent percent pct number numbers
    total year years month months week weeks day days today yesterday tomorrow time times one two three four
    five six seven eight nine ten eleven twelve hundred thousand million billion trillion dozen dozens nearly
    almost roughly approximately estimated estimate some least less fewer greater than within just about
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms
    dr new first second third last previous next earlier later ago since until till still yet even already
    among between through during before after against amid via including include includes like well
    compared compare comparison versus following follow followed despite respectively whereas although though
    however meanwhile elsewhere instead overall making make made came come get got go going put set see saw
    seen show shown take taken give given note notes add adds announce release released claim claims accord
    accordingly partly slightly largely marginally mainly mostly nearly broadly roughly significantly sharply
    substantially respectively rate level amount""".split()
)
# Words that mark a figure as not (yet) measured: a forecast, an expectation, a target.
_NOT_ACTUAL = frozenset(
    {"forecast", "forecasted", "expect", "expected", "expectation", "predict", "predicted", "prediction",
     "project", "projected", "projection", "target", "goal", "consensus", "estimate", "anticipate",
     "anticipated", "outlook", "aim", "limit", "threshold"}
)  # fmt: skip
# Of those, the words that make the figure itself no measurement when they stand right by it
# ("the predicted 2.9%", "a target of 95%", "limit warming to 1.5 degrees").
_NOT_MEASURED = frozenset(
    {"forecast", "forecasted", "predict", "predicted", "prediction", "project", "projected", "projection",
     "target", "goal", "consensus", "aim", "limit", "threshold"}
)  # fmt: skip
# Words by a figure that make it an increment on a count, not the count: "one more body", "another 12".
_INCREMENT_AFTER = frozenset({"more", "additional", "further", "extra", "new"})
_INCREMENT_FOLLOWS = re.compile(rf"[ \t]+(?:{'|'.join(sorted(_INCREMENT_AFTER))})\b", re.IGNORECASE)
_INCREMENT_BEFORE = frozenset({"another", "additional", "further", "extra"})
# "more … than" within the clause: a comparison, not an increment ("1,100 more people died than in a normal July").
_COMPARED = re.compile(r"(?:[ \t]+[^\s,;.]+){0,6}?[ \t]+than\b", re.IGNORECASE)
# A figure its sentence goes on to add to a count: "arrested 420 people overnight, bringing the total to 1,300".
_ADDING_VERBS = r"\b(?:bringing|taking|pushing|raising|lifting)\b"
_ADDING_TO = rf"{_ADDING_VERBS}(?:\s+\S+){{0,8}}?\s+to"
_ADDED_TO = re.compile(rf"{_ADDING_TO}\b", re.IGNORECASE)
# Words near a number that say it is a running count: "so far", "has risen to", "the toll", "a total of".
_RUNNING = (
    r"so far|till now|until now|to date|as of|thus far|up to now|the latest|latest|updated|revised|revision"
    r"|toll|tally|total|cumulative|rose to|risen to|grew to|grown to|swelled to|climbed|jumped|surged|mounted|reached"
    r"|rising|climbing"
    r"|remain|remains|remained|remaining|still|confirmed|officially"
    r"|(?:bringing|brings|bring)(?:\s+\S+){0,5}?\s+to"  # "bringing the number of dead to 45", "brings the total to 60"
    r"|in all(?=[,.;]|$)|all told"  # "In all, 920 homes were flooded"
    r"|(?:has|have|had)\s+(?:now\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t)"
)
_RUNNING_PATTERN = re.compile(rf"\b(?:{_RUNNING})\b")
RUNNING_REACH = (60, 50)  # characters before and after the number that are read for those words


_IRREGULAR = {
    "grew": "grow",
    "grown": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "died": "die",
    "dying": "die",
    "killed": "kill",
    "lost": "lose",
    "went": "go",
    "gone": "go",
    "stood": "stand",
    "led": "lead",
    "made": "make",
    "took": "take",
    "taken": "take",
    "saw": "see",
    "seen": "see",
    "hit": "hit",
    "left": "leave",
    "found": "find",
    "put": "put",
    "set": "set",
}
# Names of one subject in several words, read as one word before the words are weighed.
_PHRASES = (
    (re.compile(r"\bgross domestic product\b", re.IGNORECASE), "GDP"),
    (re.compile(r"\bconsumer price index\b", re.IGNORECASE), "CPI"),
    (re.compile(r"\bdeath toll\b", re.IGNORECASE), "toll"),
    (re.compile(r"\bper cent\b", re.IGNORECASE), "percent"),
)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light stem: lower case, no possessive, singular, without -ed/-ing, irregular verbs read."""
    word = word.casefold().replace("’", "'")
    word = re.sub(r"'s?$", "", word).strip(".'-")
    word = _IRREGULAR.get(word, word)
    if word in _GROUP_OF:
        return _GROUP_OF[word]
    word = _singular(word)
    if word in _GROUP_OF:
        return _GROUP_OF[word]
    if word + "d" in _GROUP_OF:
        return _GROUP_OF[word + "d"]  # the parser's lemma of an adjective it does not know: "unaccounte"
    for suffix in ("ing", "ed", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            root = word[: -len(suffix)]
            for candidate in (root, root + "e", root[:-1] if root[-1:] == root[-2:-1] else root):
                if candidate in _GROUP_OF:
                    return _GROUP_OF[candidate]
            if suffix != "d" and len(root) >= 4:
                return root
    return _GROUP_OF.get(word, word)


@functools.lru_cache(maxsize=8192)
def _quote_span(facts: ClaimFacts) -> tuple[int, int]:
    sentence, quote = facts.sentence, facts.quote
    start = facts.quote_offset
    if start is None or not (0 <= start <= len(sentence)) or (quote and sentence[start : start + len(quote)] != quote):
        start = sentence.find(quote) if quote else -1
    if start < 0:
        return len(sentence), len(sentence)  # unknown: every word counts as "before"
    return start, start + len(quote)


def _place_words(facts: ClaimFacts) -> set[str]:
    words = set()
    for name in facts.places:
        words.update(_stem(word) for word in re.findall(r"[^\W\d_]+", name))
    return words


def _sentence_words(facts: ClaimFacts) -> tuple[str, int, int]:
    """The sentence with multi-word names read as one word, and the quote's span in it."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    before, quote, after = sentence[:start], sentence[start:end], sentence[end:]
    for pattern, word in _PHRASES:
        before, after = pattern.sub(word, before), pattern.sub(word, after)
    return before + quote + after, len(before), len(before) + len(quote)


_GROUP_KEYS = frozenset(_GROUP_OF.values())
_SENTENCE_OPENING = re.compile(r"^[\W\d]*$")


def _in_a_name(sentence: str, at: int, word: str) -> bool:
    """A capitalised word inside its sentence ("the Ministry of Home Security", "a Rescue Service spokesman"): a
    word of a name, not a noun of what a figure counts. Not an abbreviation ("3.8% of GDP")."""
    return word[:1].isupper() and not word.isupper() and not _SENTENCE_OPENING.match(sentence[:at])


@functools.lru_cache(maxsize=8192)
def _context_of(facts: ClaimFacts) -> dict[str, float]:
    """The words about the number, each weighted by its nearness: the counted noun and the words of its
    own clause weigh most, the rest of the sentence little. Place names are left to the place test."""
    sentence, start, end = _sentence_words(facts)
    before = [(m.start(), m.group()) for m in _TOKEN.finditer(sentence, 0, start)]
    after = [(m.start(), m.group()) for m in _TOKEN.finditer(sentence, end)]
    places = _place_words(facts)
    weights: dict[str, float] = {}

    def add(word: str, weight: float, at: int = 0) -> None:
        if word.casefold().endswith("ly") and len(word) > 4 and word.casefold() not in _GROUP_OF:
            return  # an adverb says how, not what is counted
        stem = _stem(word)
        if _in_a_name(sentence, at, word) and stem in _GROUP_KEYS:
            stem = word.casefold()  # "the Ministry of Home Security", "the House": a name, not homes or buildings
        if len(stem) < 2 or stem in _STOPWORDS or word.casefold() in _STOPWORDS or stem in places or stem[0].isdigit():
            return
        if stem in _GENERIC:
            weight = min(weight, GENERIC_WEIGHT)  # "people" says who, not what happened to them
        if weight > weights.get(stem, 0.0):
            weights[stem] = weight

    others = _coordinated_others(before, after) | _asides(sentence, start, end)
    # What a number is about mostly comes before it ("China's GDP grew 5.2%"); after it, only the
    # counted noun and its complement ("16 bodies", "5.2 percent growth"), then causes and times.
    for tokens, reaches in ((reversed(before), (3, 6, 10)), (after, (2, 4, 7))):
        distance, crossed = 0, 0
        for at, token in tokens:
            if token in _CLAUSE_MARKS:
                crossed += 1
                continue
            distance += 1
            if token[0].isdigit():
                crossed += 1  # words past another number are more that number's than this one's
                continue
            reach = distance + 4 * crossed + 100 * (at in others)
            near, middle, far = reaches
            add(token, 1.0 if reach <= near else 0.6 if reach <= middle else 0.3 if reach <= far else 0.1, at)
    noun = claim_measure(facts).noun
    if noun:
        add(noun, 1.0)
    return weights


# A relative clause set off by commas ("the centre, which has become the largest shelter, …"): of the noun before it.
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;.\d]*,", re.IGNORECASE)


def _asides(sentence: str, start: int, end: int) -> frozenset[int]:
    """Where a relative clause set off by commas, not holding the figure, stands: it tells of the noun before it, not
    of what the figure counts ("At the town hall, which has been turned into a shelter, volunteers handed out 900
    blankets": the blankets are no shelter). Positions in the sentence, of the aside's own words."""
    spans = [m.span() for m in _ASIDE.finditer(sentence) if not (m.start() <= start and end <= m.end())]
    return frozenset(i for first, last in spans for i in range(first, last))


_COORDINATING = frozenset({"and", "or"})


def _coordinated_others(before: list[tuple[int, str]], after: list[tuple[int, str]]) -> frozenset[int]:
    """Where the words of another figure coordinated with this one stand: in "40 people were killed and 120 injured",
    "were killed" is the 40's own clause, not the 120's; in "killed 40 and injured 120", "injured" is the 120's, not
    the 40's. Read, within one clause, between another number and the "and" ("or", "with") that joins its clause to
    this number's: those words weigh as the far end of the sentence. A day or a year ("on September 12") is no such
    figure. Positions in the sentence."""
    others: set[int] = set()

    def a_date(tokens: list[tuple[int, str]], i: int) -> bool:
        near = {tokens[j][1].casefold() for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        return bool(near & set(_MONTH_NAMES)) or bool(re.fullmatch(r"(?:19|20)\d\d", tokens[i][1]))

    # before: the nearest other number, then a coordinator between it and this number
    tokens = before
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i][1]
        if token in _CLAUSE_MARKS:
            break
        if token[0].isdigit() and not a_date(tokens, i):
            joins = [j for j in range(i + 1, len(tokens)) if tokens[j][1].casefold() in _COORDINATING]
            if joins:
                others.update(at for at, _ in tokens[i + 1 : joins[0]])
            break
    tokens = after
    for i, (_, token) in enumerate(tokens):
        if token in _CLAUSE_MARKS:
            break
        if token[0].isdigit() and not a_date(tokens, i):
            joins = [j for j in range(i) if tokens[j][1].casefold() in _COORDINATING]
            if joins:
                others.update(at for at, _ in tokens[joins[-1] + 1 : i])
            break
    return frozenset(others)


def trigram_similarity(first: str, second: str) -> float:
    """pg_trgm's similarity() in Python: shared word trigrams over all trigrams of either text."""
    mine, theirs = _trigrams(first), _trigrams(second)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


@functools.lru_cache(maxsize=8192)
def _trigrams(text: str) -> frozenset[str]:
    grams = set()
    for word in re.findall(r"[^\W_]+", text.casefold()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def specificity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How unlikely it is that two figures agree by chance: -log10 of the wider one's relative width,
    0–3. "387,257" twice is 3 (one fact, surely); "4" and "4", or "about 2,000", below 1."""
    widths = []
    for facts in (a, b):
        interval = figure_interval(facts)
        point = representative_value(facts)
        if interval is None or not point or not math.isfinite(interval.high - interval.low):
            return 0.0
        widths.append(max((interval.high - interval.low) / abs(point), 1e-3))
    return max(0.0, min(3.0, -math.log10(max(widths))))


def subject_similarity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How alike the words about the two numbers are: the cosine of their weighted words, 0–1."""
    first, second = _context_of(a), _context_of(b)
    if not first or not second:
        return 0.0
    shared = sum(weight * second[word] for word, weight in first.items() if word in second)
    norm = math.sqrt(sum(w * w for w in first.values()) * sum(w * w for w in second.values()))
    return shared / norm if norm else 0.0


def shared_subject_words(a: ClaimFacts, b: ClaimFacts, limit: int = 3) -> list[str]:
    """The heaviest words both numbers are about, for the reasons."""
    first, second = _context_of(a), _context_of(b)
    shared = sorted((-(first[w] * second[w]), w) for w in first if w in second)
    return [word for _, word in shared[:limit]]


def _counted_groups(words: Iterable[str]) -> frozenset[str]:
    """The things of COUNTED these group words name, bodies read as deaths (`_KIN`)."""
    return frozenset(_KIN.get(word, word) for word in words if word in COUNTED)


@functools.lru_cache(maxsize=8192)
def counted(facts: ClaimFacts) -> frozenset[str]:
    """What the number counts, by the groups of the words nearest it (COUNTED): {"death"}, {"building"}."""
    near = {word for word, weight in _context_of(facts).items() if weight >= COUNTED_WEIGHT}
    return _counted_groups(near)


def counted_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared" (both count one thing), "conflict" (both say what they count, never the same) or "open"."""
    first, second = counted(a), counted(b)
    if not first or not second:
        return "open"
    if first & second:
        return "shared"
    # the words nearest the figures name different things, but the parse finds one thing both count ("9,500 people
    # evacuated", "9,000 residents left their homes"): a place left or a means is no other count
    return "open" if one_counted_thing(a, b) else "conflict"


# Words the parse gives for what a figure counts that say nothing of which thing it is.
_EMPTY_COUNTED = frozenset({"people", "number", "total", "figure", "count", "tally", "percent", "%", "rate", "level"})


# Head nouns that say only that a group is counted, its modifier saying which: "crew members" count the crew,
# "the number of dead" the dead, "the tally of missing" the missing.
_STAND_IN_NOUNS = frozenset({"number", "total", "tally", "count", "figure"})
# Places whose people the parse names by the place ("in hospital", "in custody"): who they are.
_IN_STATE = {"hospital": "patient", "custody": "detention"}
_NAMED_BY_MODIFIERS = _STAND_IN_NOUNS | {"member"}
# The verb of a building's word ("housed", "homed"): those it counts are sheltered, not buildings.
_HOUSED = {"building": "shelter"}
# The figure's people lost their lives, a few words after it ("88 people had lost their lives in the storm"): the verb
# "lose" then counts the dead, not jobs or homes lost ("1,200 jobs were lost").
_LIVES_LOST = re.compile(r"(?:\s+[^\s,;.\d]+){0,4}?\s+lost\s+(?:their|his|her|its)\s+li(?:fe|ves)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _parsed(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What the parse says a figure counts, as stems: (the counted noun, the verb that governs it,
    the noun's own modifiers), place names left to the place test."""
    places = _place_words(facts) | _place_tokens(facts.story)
    found: dict[str, set[str]] = {"n": set(), "v": set(), "m": set()}
    named_by_modifiers = False
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        named_by_modifiers |= role == "n" and _stem(lemma) in _NAMED_BY_MODIFIERS
        if role in found:
            # The extractor already left out the verbs that say nothing (claims.extraction.counted); a verb
            # such as "take" is a stopword of the bag of words, not of the parse ("bodies taken to a hospital").
            dropped = _EMPTY_COUNTED | places if role == "v" else _STOPWORDS | _EMPTY_COUNTED | places
            stems = {_stem(part) for part in lemma.split()} - dropped
            if role == "v":
                # a verb of a thing's word puts people in it ("24,910 were housed in shelters"): not the thing
                stems = {_HOUSED.get(stem, stem) for stem in stems if stem not in _THINGS or stem in _HOUSED}
            found[role] |= stems
    # the state an empty verb puts a count in ("260 people remain in hospital"): those in hospital are patients
    found["m"] = {_IN_STATE.get(word, word) for word in found["m"]}
    if "lose" in found["v"] and _LIVES_LOST.match(facts.sentence, _quote_span(facts)[1]):
        found["v"] = (found["v"] - {"lose"}) | {"death"}  # "88 people had lost their lives": the dead
    found["v"] |= _bidden_deed(facts, found["v"])
    if "fall" in found["v"] and _FELL_ILL.search(facts.sentence[_quote_span(facts)[1] :]):
        found["v"] = (found["v"] - {"fall"}) | {"case"}  # "2,300 people have fallen ill": the sick, counted as cases
    if _TAKEN_TO_HOSPITAL.match(facts.sentence, _quote_span(facts)[1]):
        found["v"].add("patient")  # "11 people were taken to hospital": those brought in for treatment
    fate = _FATE_AFTER.match(facts.sentence, _quote_span(facts)[1])
    if fate and not found["n"]:
        found["v"].add(_stem(fate.group(1)))  # "had left more than 2,000 dead": the dead, whatever the verb
    if in_shelter(facts):
        found["v"].add(_stem("shelter"))  # "17,480 are staying in public shelters": the sheltered, whatever the verb
    if _by_rescuers(facts, found):
        found["v"].add("rescue")
    if sent_back(facts):
        found["v"].add("return")
    modifiers = found["m"] - found["n"] - found["v"]
    if named_by_modifiers and found["m"]:
        # "the number of dead", "crew members": the modifier says what is counted, and stands as the noun
        found["n"] = (found["n"] - _NAMED_BY_MODIFIERS) | found["m"]
    return frozenset(found["n"]), frozenset(found["v"]), frozenset(modifiers)


@functools.lru_cache(maxsize=8192)
def in_shelter(facts: ClaimFacts) -> bool:
    """The words right after the figure say its people stay, sleep or live in shelters ("17,480 of them are staying in
    public shelters", "about 6,500 people are sleeping in schools turned into shelters"): those in shelters, a stock
    of the displaced, however the parse reads the verb. Not a place's people ("a town where 9,000 people live")."""
    return bool(_STAYING_IN_SHELTER.match(facts.sentence, _quote_span(facts)[1]))


# Verbs by which those counted were made or told to do something ("were ordered to evacuate", "forced to flee").
_BIDDING = frozenset({"order", "force", "tell", "urge", "ask", "advise", "compel"})
_BIDDEN = re.compile(
    r"^[^,;.\d]{0,50}?\b(?:ordered|forced|told|urged|asked|advised|compelled)\s+to\s+([^\W\d_]+)", re.IGNORECASE
)


def _bidden_deed(facts: ClaimFacts, verbs: frozenset[str] | set[str]) -> set[str]:
    """The deed a count's verb bids its people do, right after the figure ("80,000 residents were ordered to
    evacuate": evacuate; "1,500 were forced to flee": flee): what the sentence says befell them. Empty when the
    count's verb bids nothing."""
    if not verbs & _BIDDING:
        return set()
    found = _BIDDEN.search(facts.sentence[_quote_span(facts)[1] :])
    return {_stem(found.group(1))} if found else set()


# The figure's people brought to a hospital, right after it ("11 people were taken to hospital", "40 were rushed to
# a hospital"): patients, whatever the light verb.
_TAKEN_TO_HOSPITAL = re.compile(
    r"[^,;.\d]{0,40}?\b(?:taken|brought|rushed|flown|airlifted|admitted)\s+to\s+(?:an?\s+|the\s+|local\s+)*hospitals?\b",
    re.IGNORECASE,
)
_FELL_ILL = re.compile(r"^[^,;.\d]{0,30}?\b(?:fallen|fell|falling)\s+(?:ill|sick)\b", re.IGNORECASE)
# A word of what befell people right after the figure, where the parse hangs no noun on it: "had left more than 2,000
# dead", "leaving 40 injured", "left 3,000 homeless".
_FATE_AFTER = re.compile(r"[ \t]+(dead|injured|wounded|homeless|missing)\b(?![ \t]+(?:and|or)\b)", re.IGNORECASE)
# The figure's people staying in shelters, right after it ("17,480 of them are staying in public shelters", "6,500
# people are sleeping in schools turned into shelters", "9,200 were living in shelters"): the sheltered.
_STAYING_IN_SHELTER = re.compile(
    r"[^,;.\d]{0,40}?\b(?:stay|stays|staying|stayed|sleep|sleeps|sleeping|slept|live|lives|living|lived)\b"
    r"[^,;.\d]{0,50}?\bshelters?\b",
    re.IGNORECASE,
)
# A verb of moving people told with "back" right after the figure ("140 people have been flown back", "412 were sent
# back"): they were returned.
_SENT_BACK = re.compile(r"^[^,;.\d]{0,40}?\b(?:been|were|was|are|is|be|being)\s+[^\W\d_]+\s+back\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def sent_back(facts: ClaimFacts) -> bool:
    """A count of people told as moved back where they came from ("140 people have been flown back", "412 people
    were sent back last year"): returns, whatever the verb of moving."""
    return bool(_SENT_BACK.search(facts.sentence[_quote_span(facts)[1] :]))


RESCUER_REACH = 10  # words before a count, in its clause, in which those who brought its people out are read


def _by_rescuers(facts: ClaimFacts, found: dict[str, set[str]]) -> bool:
    """A count of the living whose clause names rescuers as those who brought them out ("Rescuers had pulled 97
    people from the water", "rescue crews in boats lifted 2,340 people from rooftops"): the rescued, whatever the
    verb. Not bodies nor the dead ("rescuers pulled 11 more bodies from the mud")."""
    if _counted_groups(word for role in found.values() for word in role) & {"death", "body", "missing"}:
        return False
    clause = own_clause(facts)[0]
    words = _WORD.findall(clause.casefold())[-RESCUER_REACH:]
    if not any(word.startswith("n:") for word in facts.counted_words) or {"body", "death"} & {_stem(w) for w in words}:
        return False  # "retrieved the bodies of 70": the dead, named before the figure
    # "rescuers", or "rescue" naming who did it ("rescue crews", "rescue teams"); not "survivors", who are the rescued
    return any(word in ("rescuer", "rescuers") for word in words) or "rescue" in words[:-1]


def parsed_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "same" when the counted nouns and their verbs have a word in common ("bodies … recovered",
    "recovered 70 bodies"); "conflict" when both say what they count and nothing is common (passengers
    on board, bodies recovered); else "open". A verb alone is no conflict: outlets tell one fact with
    other verbs (recovered, retrieved; clocked, ran), and counting verbs as a conflict measured worse."""
    nouns_a, verbs_a, _ = _parsed(a)
    nouns_b, verbs_b, _ = _parsed(b)
    what_a, what_b = nouns_a | verbs_a, nouns_b | verbs_b
    if not what_a or not what_b:
        return "open"
    return "same" if what_a & what_b else "conflict"


@functools.lru_cache(maxsize=8192)
def parsed_counted(facts: ClaimFacts) -> frozenset[str]:
    """What the parse says a figure counts, among the things a count can be of (COUNTED): {"passenger"}."""
    nouns, verbs, modifiers = _parsed(facts)
    found = set(_counted_groups(nouns | verbs))
    if "remain" in modifiers or any(_GROUP_OF.get(word) == "missing" for word in modifiers | nouns):
        found.add("missing")  # the bodies that remain (are unfound, unaccounted for) are those not yet found
    return _aboard_alone(frozenset(found))


def one_counted_thing(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says both figures count one thing (deaths, bodies, the missing …), as words near the number
    would (`counted_relation`) where the sentence has none of its own ("It rose from 24 to 38")."""
    return bool(parsed_counted(a) & parsed_counted(b))


@functools.lru_cache(maxsize=8192)
def of_population(facts: ClaimFacts) -> bool:
    """The figure is a place's population ("a population of 200,000 people", "40 of the hamlet's 350 residents
    drowned"): a standing number, never a toll, a tally or anything that befell the people counted."""
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - 40) : end + 25].casefold()
    if ("v:live" in facts.counted_words and not in_shelter(facts)) or _POPULATION.search(near):
        return True
    before = facts.sentence[max(0, start - 40) : start].casefold()
    if _OF_ITS.search(before) and _RESIDENTS.match(facts.sentence, end):
        return True  # "40 of its roughly 350 residents drowned": the place's people, of whom some died
    if _HAS_BEFORE.search(before) and _HAS_RESIDENTS.match(facts.sentence, end):
        return True  # "the district has about 41,000 permanent residents": whom it has, not what befell them
    return bool(_PLACE_OF.search(before))


_POPULATION = re.compile(r"\b(?:population|inhabitants)\b")
_PLACE_OF = re.compile(r"\b(?:city|town|capital|village|country|nation|island|metropolis) of\s*$")
_OF_ITS = re.compile(r"\bof\s+(?:its|their|the\s+[\w-]+['’]s)\s*$")  # "of its", "of the town's"
_RESIDENTS = re.compile(r"\s+(?:residents|people)\b")
_HAS_BEFORE = re.compile(r"\b(?:has|had|have)\s*$")  # "the town has about 12,000 residents"
_HAS_RESIDENTS = re.compile(r"\s+(?:[\w-]+\s+)?(?:residents|inhabitants)\b")  # "… 41,000 permanent residents"


@functools.lru_cache(maxsize=8192)
def nationalities(facts: ClaimFacts) -> frozenset[str]:
    """The nationality the parse says a count is of ("five Indians": {"indians"}); empty for most counts."""
    return frozenset(word[2:] for word in facts.counted_words if word.startswith("g:"))


def nations_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts are of a nationality, and of two ("9 Morvanian citizens", "four Belvanians"): two groups of the
    story's people, whatever the figures; "Morvanian" and "Morvanians" are one."""
    first, second = ({_stem(word) for word in nationalities(facts)} for facts in (a, b))
    return bool(first) and bool(second) and not first & second


_NAMED_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


@functools.lru_cache(maxsize=8192)
def named_group(facts: ClaimFacts) -> str:
    """The capitalised word right after a count, naming whom it counts by their nation or people ("one Irish",
    "five Indians", "five Indian nationals"): singular and case-folded ("indian"); "" when none is."""
    match = _NAMED_AFTER.match(facts.sentence, _quote_span(facts)[1])
    if not match:
        return ""
    word = _singular(match.group(1).casefold())
    return "" if word in _MONTH_NAMES or word in _WEEKDAY_NAMES else word


def one_named_group(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts name whom they count by one nation or people ("one Irish on board", "one Irish among the
    dead"): small counts that agree by more than chance."""
    group = named_group(a)
    return bool(group) and group == named_group(b)


def _head_noun(facts: ClaimFacts) -> str:
    """The parse's head noun of what a count counts, singular and case-folded ("two dams": "dam"); "" when none."""
    nouns = [word[2:] for word in facts.counted_words if word.startswith("n:")]
    return _singular(nouns[0].casefold()) if nouns else ""


def one_story_thing(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts name by one head noun a thing the story itself is named by ("two dams burst" and "the two dams were
    built" in the story of a dam burst, "three trains" in a train crash's): the story's own things, counted alike by
    more than chance, whatever else each sentence says of them."""
    noun = _head_noun(a)
    if not noun or noun in _GENERIC or noun != _head_noun(b):
        return False
    named = {_singular(word) for entity in a.story + b.story for word in _WORD.findall(entity.casefold())}
    return noun in named


_MARKS = frozenset({"mark", "barrier", "milestone"})
_ONES_OWN = frozenset({"his", "her", "my"})


@functools.lru_cache(maxsize=8192)
def ones_own(facts: ClaimFacts) -> bool:
    """A count of one person's own, a possessive right before it ("who survived with his two children", "her three
    brothers"): a family's members or a person's things, never a count of the story's."""
    before, _ = _words_beside(facts)
    return bool(before) and before[-1] in _ONES_OWN


def is_threshold(facts: ClaimFacts) -> bool:
    """A duration with an open bound ("waiting more than 12 hours", "within four hours") is a threshold
    that sets a group apart, as the extractor reads it (a background figure): no fact to link. So is one
    that names a mark ("broke the two-hour barrier"): a yardstick, not a time anyone took. So is a magnitude told
    with "or more" (`magnitude_bar`)."""
    if claim_measure(facts).dimension == MAGNITUDE:
        return magnitude_bar(facts)
    if claim_measure(facts).dimension != "duration":
        return False
    if facts.qualifier in _LOWER_BOUNDS | _UPPER_BOUNDS:
        return True
    after = _words_beside(facts)[1]
    return bool(after) and _singular(after[0]) in _MARKS


# "or more" and its kin, right after a figure or ending its quote: "magnitude 4 or more", "4.5 or above".
_OR_MORE = re.compile(r"\b(?:or|and)\s+(?:more|above|greater|higher|over|stronger|larger)\b", re.IGNORECASE)


def magnitude_bar(facts: ClaimFacts) -> bool:
    """A magnitude told with "or more" ("41 earthquakes of magnitude 4 or more", "tremors of magnitude 4 or above"): the
    bar that picks out the quakes counted, never any quake's magnitude."""
    _, end = _quote_span(facts)
    return bool(_OR_MORE.search(facts.quote) or _OR_MORE.match(facts.sentence, end, end + 14))


def _of_missing(facts: ClaimFacts) -> bool:
    """The figure counts the missing and nothing else the words name: the parse says so, or "missing" is the
    only thing counted near it ("the death toll rose to 100, with dozens still missing" counts the dead)."""
    found = parsed_counted(facts)
    if sought(facts):
        return True
    return "missing" in found or counted(facts) == {"missing"} or (not found and counted_thing(facts) == "missing")


# What a search is still for, right before the figure: "deployed to find the bodies of four others", "the search for
# 12 fishermen", "divers trying to locate three", "the search for the remaining nine".
_SOUGHT = re.compile(
    r"\b(?:(?:to|trying to|tried to|still) (?:find|locate|reach|trace)|(?:search|searching|hunt|looking) for)"
    r"(?:\s+(?:the|a|an))?(?:\s+(?:remaining|other|missing))?(?:\s+(?:bodies|remains)\s+of)?\s*$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def sought(facts: ClaimFacts) -> bool:
    """The figure is what a search is still for ("police personnel have deployed to find the bodies of four others",
    "the search for 12 fishermen resumed"): those not yet found, the missing, whatever the verb of finding makes the
    parse read them as."""
    start, _ = _quote_span(facts)
    return bool(_SOUGHT.search(facts.sentence[:start]))


_NUMBER_WORDS = {
    "a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip
_THRESHOLD = re.compile(
    r"\b(?:more than|longer than|at least)\s+"
    r"(\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def group_thresholds(facts: ClaimFacts) -> frozenset[tuple[str, str]]:
    """The durations the sentence sets its group apart by, outside the figure's own quote: {("52", "week")}
    for people "waiting more than 52 weeks"; empty when it names none. Only lower bounds: "within 24 hours"
    and "in less than a day" more often say how fast something happened than whom a count is of."""
    start, end = _quote_span(facts)
    text = f"{facts.sentence[:start]} {facts.sentence[end:]}"
    return frozenset(
        (_NUMBER_WORDS.get(number.casefold(), number.replace(",", "")), unit.casefold())
        for number, unit in _THRESHOLD.findall(text)
    )


# Words that take components out of a statistic: "excluding energy and food", "without the most volatile items".
_EXCLUDING = re.compile(r"\b(?:without|excluding|excludes|exclude|stripping out|strips out)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def excluding(facts: ClaimFacts) -> bool:
    """The sentence takes components out of the figure's statistic ("prices excluding energy and food rose 0.6%",
    "without the most volatile items, prices rose 0.7%", "core inflation, which excludes energy, eased to 5.0%"): a
    narrower statistic than one told without such words, never its revision."""
    return bool(_EXCLUDING.search(facts.sentence))


THRESHOLD_REACH = 60  # characters after a count in which the bar that sets its group apart is read
# The marks that close a figure's clause, for the readings of what its own clause says ("…, 240 seriously injured;").
_CLAUSE_SPLIT = re.compile(r"[,;:()]")


@functools.lru_cache(maxsize=8192)
def own_clause(facts: ClaimFacts) -> tuple[str, str]:
    """The figure's own clause, before and after its quote: the words up to the nearest comma, semicolon, colon or
    bracket each way ("Police said 380 more were detained overnight, bringing the total to 1,720": "Police said " and
    " more were detained overnight")."""
    start, end = _quote_span(facts)
    return _CLAUSE_SPLIT.split(facts.sentence[:start])[-1], _CLAUSE_SPLIT.split(facts.sentence[end:])[0]


@functools.lru_cache(maxsize=8192)
def own_threshold(facts: ClaimFacts) -> bool:
    """A count whose own clause sets its group apart by a duration ("4,100 patients had been waiting more than 52
    weeks", `_THRESHOLD`), right after it and before any comma: a part of those counted without the bar ("7.1
    million were waiting"), never a reading of them. A bar elsewhere in the sentence is another figure's ("…, and
    62% of them had slept out for more than a year")."""
    if claim_measure(facts).dimension != "count":
        return False
    _, end = _quote_span(facts)
    clause = _CLAUSE_SPLIT.split(facts.sentence[end : end + THRESHOLD_REACH], maxsplit=1)[0]
    found = _THRESHOLD.search(clause)
    # not a time still to run ("… of 31,500, with more than two months still to go")
    return found is not None and _WORD.findall(clause[: found.start()].casefold())[-1:] != ["with"]


@functools.lru_cache(maxsize=8192)
def _fates(facts: ClaimFacts) -> frozenset[str]:
    """What the parse's words say a count is of, among COUNTED: `parsed_counted`, and the noun's modifiers."""
    _, _, modifiers = _parsed(facts)
    found = _aboard_alone(parsed_counted(facts) | _counted_groups(modifiers))
    return found | {"missing"} if sought(facts) else found  # "to find the bodies of four others": still missing


def _aboard_alone(groups: frozenset[str]) -> frozenset[str]:
    """Being on board names what is counted only when nothing else does: "120 people on board" are those
    carried, as passengers are (a crew is counted apart); but "four crew members on board" are the crew, and
    "68 passengers on board" the passengers."""
    if len(groups) > 1:
        return groups - {"board"}
    return groups | {"passenger"} if groups == {"board"} else groups


# What the words beside a count of people say of where they were put ("moved to evacuation centres", "in shelters").
_PLACED = frozenset({"displaced", "shelter"})


@functools.lru_cache(maxsize=8192)
def counted_thing(facts: ClaimFacts) -> str:
    """What a count counts, in one word: its unit's group ("building" for structures and homes); for
    people, what the parse says befell them (people who died, people confirmed dead and a death toll all
    count deaths), or, where it says nothing, where the words beside them say they were put (`_PLACED`: "120,000
    people were moved to evacuation centres" counts the displaced); bodies are counted as deaths are. "" when
    unknown."""
    noun = claim_measure(facts).noun
    if noun in _GENERIC or noun in _STAND_IN_NOUNS or not noun:
        nouns, verbs, modifiers = _parsed(facts)
        fates = _counted_groups(nouns | verbs | modifiers)
        if len(fates) == 1:
            return next(iter(fates))
        if noun in _STAND_IN_NOUNS:
            return ""  # "the number freed": a noun that says only that something is counted
    if _GROUP_OF.get(noun) in _GENERIC:
        nouns, verbs, modifiers = _parsed(facts)
        near = counted(facts) & _PLACED
        if not _counted_groups(nouns | verbs | modifiers) and len(near) == 1:
            return next(iter(near))  # "120,000 people were moved to evacuation centres": where the people went
    return _KIN.get(noun, noun)


# What became of those a count counts, by the verb that governs it: the dead are found, then named,
# then handed to their families and buried; each stage is its own count, never one of the others.
# Verbs outside these families (killed, died, confirmed) tell nothing of the stage.
STAGES: tuple[tuple[str, ...], ...] = (
    ("recover", "retrieve", "find", "pull", "discover", "locate", "exhume", "extract", "recovery"),
    ("identify", "identification", "name"),
    ("hand", "handover", "release", "return", "repatriate", "deliver", "send", "transfer", "take"),
    ("bury", "burial", "cremate", "inter"),
)
_STAGE_OF = {verb: family[0] for family in STAGES for verb in family}
_FOUND = STAGES[0][0]  # the first stage, the bodies found


# Nouns that name a stage and nothing else, which put a count in their clause at it ("a mass burial … for 100 people").
_STAGE_NOUNS = {
    "burial": "bury",
    "burials": "bury",
    "cremation": "bury",
    "identification": "identify",
    "handover": "hand",
}


@functools.lru_cache(maxsize=8192)
def stages(facts: ClaimFacts) -> frozenset[str]:
    """The stages the parse's verb puts a count at (STAGES): {"identify"} for a dozen named. A noun of a stage in
    the figure's own clause, before it, does too ("a mass burial became the resting place for 100 of the dead")."""
    found = {_STAGE_OF[verb] for verb in _parsed(facts)[1] if verb in _STAGE_OF}
    start, _ = _quote_span(facts)
    clause = re.split(r"[,;:()—–]", facts.sentence[:start])[-1]
    found |= {_STAGE_NOUNS[word] for word in _WORD.findall(clause.casefold()) if word in _STAGE_NOUNS}
    return frozenset(found)


def counts_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says the two figures count different things: passengers on board and bodies recovered,
    the missing and the dead, bodies recovered and bodies identified. Stronger than the words around the
    number (`counted`), which mix every noun of the sentence; so the pair is never linked. So are two
    counts of which one only is of the missing (bodies still sought are not bodies recovered), and two
    counts of groups set apart by different thresholds (waiting more than 12 hours, more than 52 weeks)."""
    first, second = parsed_counted(a), parsed_counted(b)
    if first and second and not first & second:
        return True
    first, second = _fates(a), _fates(b)
    if first and second and not first & second:
        return True  # "61 migrants drowned" (the parse hangs the verb on the noun) and "saved 104 people"
    noun_a, noun_b = (_KIN.get(noun, noun) for noun in (claim_measure(a).noun, claim_measure(b).noun))
    if noun_a and noun_b and (noun_a in _THINGS | _EVENTS) != (noun_b in _THINGS | _EVENTS):
        return True  # "40 homes destroyed" and "1,500 residents under evacuation orders": things are not people
    if counts_areas(a) != counts_areas(b) and all(claim_measure(f).noun or _head_noun(f) for f in (a, b)):
        return True  # "floods hit 131 municipalities" and "the toll rose to 153": areas are not people
    if claim_measure(a).dimension == "count" == claim_measure(b).dimension:
        if _of_missing(a) != _of_missing(b):
            return True
        limits_a, limits_b = group_thresholds(a), group_thresholds(b)
        if limits_a and limits_b and not limits_a & limits_b:
            return True
    if _stock_beside_tally(a, b) or _stock_beside_tally(b, a):
        return True
    stage_a, stage_b = stages(a), stages(b)
    return bool(stage_a) and bool(stage_b) and not stage_a & stage_b


# The areas a country is governed by, counted as such ("64 of the state's 497 municipalities", "131 districts
# affected"): places, not people nor what befell them.
_AREAS = frozenset({"municipality", "district", "county", "province", "commune", "prefecture", "governorate"})


@functools.lru_cache(maxsize=8192)
def counts_areas(facts: ClaimFacts) -> bool:
    """The figure counts areas a country is governed by (`_AREAS`): its unit says so, or the parse's head noun
    does where the extractor gave the figure the people of its sentence ("flooding was reported in 64 of the
    state's 497 municipalities, and another 41 people were hurt"). A count of places, never of people."""
    if _singular(claim_measure(facts).noun) in _AREAS:
        return True
    return any(word.startswith("n:") and _singular(word[2:].casefold()) in _AREAS for word in facts.counted_words)


# What befell people, tallied: the dead, the injured, the saved. No one "remains" in these.
_TALLIES = frozenset({"death", "injury", "rescue"})


def _fate_of_some(group: ClaimFacts, some: ClaimFacts) -> bool:
    """The parse says one count is of those a vehicle carried and nothing else ("the bus was carrying 45 passengers":
    passengers), the other of them and of what befell them ("16 passengers were taken to hospital": passengers,
    patients): those to whom something happened are some of those on board, not another count of them."""
    whole, part = _fates(group), _fates(some)
    if not (whole and whole <= _GROUPS_CARRIED and whole < part and part - _GROUPS_CARRIED):
        return False
    before, after = own_clause(group)
    return bool(_CARRIED.search(before + " " + after))


_GROUPS_CARRIED = frozenset({"passenger", "board", "crew"})
_CARRIED = re.compile(r"\b(?:carr(?:y|ies|ied|ying)|on board|aboard)\b", re.IGNORECASE)


def _stock_beside_tally(stock: ClaimFacts, tally: ClaimFacts) -> bool:
    """Those still in a state ("22 remain underground") beside a tally of what befell people ("four have
    died", "27 saved"): a stock and a tally are two quantities, however alike their words. A tally told as
    standing ("the toll still stands at 44") is still the tally."""
    if sought(tally):
        return False  # "divers were sent to find the bodies of five": those still missing, no tally
    return standing(stock) and not standing(tally) and bool(_fates(tally) & _TALLIES) and not _fates(stock) & _TALLIES


# Words of what a statistic is that name no statistic of their own: how it moved ("growth slowed to 2.1%"), what
# kind of figure it is ("the annual rate"), its time basis and the words of the percentage itself.
_NO_STATISTIC = frozenset(
    """growth fall rate level figure number total share change estimate forecast reading print percent cent per
    pct point % annual annualised annualized monthly quarterly yearly year month quarter week headline overall
    flash final preliminary provisional official adjusted seasonally consumer dollar euro yuan renminbi pound
    yen rupee franc peso rouble ruble""".split()
) | frozenset(_stem(word) for word in ("growth", "fall", "quarter"))


# The extractor's tags of a statistic (`claims.extraction.counted.SUBJECT`, `SUBJECT_MODIFIER`), written again
# because the import contracts keep the rules and the extractor apart; a test keeps them equal.
STATISTIC_HEAD, STATISTIC_MODIFIER = "s:", "sm:"


@functools.lru_cache(maxsize=8192)
def statistic(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    """What a figure that is no count measures, as the parse tells it (the extractor's ``s:`` and ``sm:``): the
    stems of the head noun, and of the modifiers that set it apart. "Core inflation eased to 2.5%": ({"price"},
    {"core"}); "the annual inflation rate … 2.4%": ((), {"price"}), a head that names only a kind of figure.
    Places, time bases and the words of change are left out; empty for a count."""
    if claim_measure(facts).dimension == "count":
        return frozenset(), frozenset()
    dropped = _NO_STATISTIC | _STOPWORDS | _place_words(facts) | _place_tokens(facts.places)
    found: dict[str, set[str]] = {STATISTIC_HEAD: set(), STATISTIC_MODIFIER: set()}
    for word in facts.counted_words:
        tag, _, lemma = word.partition(":")
        if f"{tag}:" in found:
            found[f"{tag}:"] |= {_stem(part) for part in lemma.split()}
    heads = {_GROUP_OF.get(head, head) for head in found[STATISTIC_HEAD] - dropped}  # "the blaze", "the fire"
    # "China's economy": the story's names set no figure apart
    modifiers = found[STATISTIC_MODIFIER] - dropped - _place_tokens(facts.story) - heads
    return frozenset(heads), frozenset(modifiers)


_CHANGE_NOUNS = r"(?:decrease|increase|rise|fall|drop|decline|jump|gain|reduction|growth)"
# What a change told as a noun is of: "a 2.8% decrease in aggravated assault", "a decrease of 9.4% in rapes".
_CHANGE_AFTER = re.compile(
    rf"\s*{_CHANGE_NOUNS}\s+in\s+([a-z][a-z' -]*?)\s*(?=[,;.:()]|\band\b|\bfrom\b|\bcompared\b|\bto\b|$)"
)
_CHANGE_BEFORE = re.compile(rf"\b{_CHANGE_NOUNS}\s+of\s+$")
_IN_WHAT = re.compile(r"\s*in\s+([a-z][a-z' -]*?)\s*(?=[,;.:()]|\band\b|\bfrom\b|\bcompared\b|\bto\b|$)")
_TIME_NOUNS = frozenset({"year", "month", "quarter", "week", "day", "period"})


@functools.lru_cache(maxsize=8192)
def _changed_in(facts: ClaimFacts) -> frozenset[str]:
    """What a change told as a noun is a change in, by the words right after it ("a 2.8% decrease in aggravated
    assault", "a decrease of 9.4% in rapes": {"aggravat", "assault"}, {"rape"}): the statistic it moves, when the
    parse names none. Empty for a time ("a 3% rise in the year to March") or a name ("in Ruvania")."""
    start, end = _quote_span(facts)
    found = _CHANGE_AFTER.match(facts.sentence, end)
    if found is None and _CHANGE_BEFORE.search(facts.sentence[max(0, start - 30) : start].casefold()):
        found = _IN_WHAT.match(facts.sentence, end)
    if found is None:
        return frozenset()
    words = {_stem(word) for word in _WORD.findall(found.group(1))} - _STOPWORDS
    return frozenset() if words & _TIME_NOUNS else frozenset(words)


_PERCENT_FIGURE = r"\d[\d.,]*\s*(?:%|percent|per cent)"
# A change in a series, told as a noun: "a 9.4% decrease in rape", "a decrease of 0.3% in robberies".
_CHANGE_IN = re.compile(
    rf"{_PERCENT_FIGURE}\s+{_CHANGE_NOUNS}\s+in\s+[a-z]|\b{_CHANGE_NOUNS}\s+of\s+{_PERCENT_FIGURE}\s+in\s+[a-z]"
)


@functools.lru_cache(maxsize=8192)
def _listed_changes(facts: ClaimFacts) -> bool:
    """The sentence lists changes in several series, each told as a noun ("a 9.4% decrease in rape, a 0.3%
    decrease in robberies and a 2.8% decrease in aggravated assault"): each figure is one component's."""
    return len(_CHANGE_IN.findall(facts.sentence)) >= 2


def changed_in_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is one of the changes its sentence lists, each told as a noun in what it moves (`_listed_changes`,
    `_changed_in`: "a 9.4% decrease in rape and a 2.8% decrease in aggravated assault"), and the other's words name
    what it moves, with nothing in common ("overall violent crime dropped about 3%"): one series of several beside
    another, though the figures agree."""
    first, second = (_changed_in(facts) if _listed_changes(facts) else frozenset() for facts in (a, b))
    if not first and not second:
        return False
    named_a, named_b = first or _statistic_named(a), second or _statistic_named(b)
    return bool(named_a) and bool(named_b) and not named_a & named_b


def _statistic_named(facts: ClaimFacts) -> frozenset[str]:
    """The words that name a figure's statistic: its head, else (a head that names only a kind of figure, "the
    annual inflation rate") its modifiers."""
    heads, modifiers = statistic(facts)
    return heads or modifiers


def _set_apart(facts: ClaimFacts) -> frozenset[str]:
    """The modifiers that set a figure's statistic apart from its head ("core"); none for a statistic named only
    by modifiers ("the annual inflation rate": the headline rate)."""
    heads, modifiers = statistic(facts)
    return modifiers if heads else frozenset()


def statistics_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says two figures that are no counts measure different statistics: other heads ("the economy
    grew 0.6%", "household spending grew 0.3%"), or one statistic set apart by a modifier the other lacks
    ("inflation eased to 2.3%", "core inflation eased to 2.5%"). Two different figures of them are neither a
    revision nor a contradiction. A statistic named only by modifiers ("the biggest annual price growth") is
    told apart by its modifiers, never by another head."""
    named_a, named_b = _statistic_named(a), _statistic_named(b)
    if not named_a or not named_b:
        return False
    heads_a, heads_b = statistic(a)[0], statistic(b)[0]
    if heads_a and heads_b and not heads_a & heads_b:
        return True
    return bool(named_a & named_b) and _set_apart(a) != _set_apart(b)


def one_statistic(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says two figures that are no counts measure one statistic ("consumer prices rose 2.3%",
    "February's annual inflation rate … 2.4%"), though the words near the numbers may share little: outlets name
    a statistic in many ways."""
    return bool(_statistic_named(a) & _statistic_named(b)) and not statistics_differ(a, b)


def modifier_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """The counted nouns' own modifiers: "same" (a word in common), "conflict" (both have some, none in
    common: "Indian passengers" and "Korean passengers"), or "open"."""
    first, second = _parsed(a)[2], _parsed(b)[2]
    if not first or not second:
        return "open"
    return "same" if first & second else "conflict"


@functools.lru_cache(maxsize=8192)
def not_actual(facts: ClaimFacts) -> bool:
    """The figure is a forecast, an expectation or a target, by the words near it."""
    start, end = _quote_span(facts)
    after = facts.sentence[end:]
    reach = re.match(r"\S*(?:\s+\S+)*?(?=\s|$)", after[30:]) if len(after) > 30 else None
    after = after[: 30 + (reach.end() if reach else 0)]  # whole words: "forecasters" is not "forecast"
    after = _CLAUSE_BREAK.split(after, maxsplit=1)[0]  # "…, but forecasters said it would bring …" is another's
    after = _OTHER_FIGURE_AFTER.split(after, maxsplit=1)[0]  # "up to 0.7% from its flash estimate of 0.6%"
    near = (facts.sentence[max(0, start - 60) : end] + after).casefold()
    words = {word for word in re.findall(r"[^\W\d_]+", near) if _stem(word) in _NOT_ACTUAL or word in _NOT_ACTUAL}
    if _closed(facts):
        words -= _ESTIMATING  # "economists estimate December's inflation was 137%": a reckoning of a period over
    return bool(words)


_ESTIMATING = frozenset({"estimate", "estimates", "estimated"})


_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:but|while|whereas|although)\b|;")
# Words after a figure that open another figure it is set beside: what follows is that figure's ("revised up to 0.7%
# from its flash estimate of 0.6%", "grew 0.6%, above the 0.5% forecast", "2.4%, against expectations of 2.2%").
_OTHER_FIGURE_AFTER = re.compile(
    r"\b(?:from|than|above|below|beating|beat|missing|compared (?:with|to)|against|versus)\b", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)
def _words_beside(facts: ClaimFacts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the sentence before the figure's quote and after it, case-folded, digits left out."""
    start, end = _quote_span(facts)
    return tuple(_WORD.findall(facts.sentence[:start].casefold())), tuple(
        _WORD.findall(facts.sentence[end:].casefold())
    )


_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8192)
def not_measured(facts: ClaimFacts) -> bool:
    """A word right by the figure (four words before it, two after) makes it a forecast, a target or a
    limit, not a measurement: it is never the same fact as a measured figure. Not a limit told as what was passed,
    on the occasions the figure counts (`_limit_crossed_on`: "exceeded the limit on 40 days")."""
    before, after = _words_beside(facts)
    if any(_forecasting(word) for word in after[:2]):
        return True
    if any(_forecasting(word) for word in before[-4:]) and not _limit_crossed_on(before):
        return True
    opening = itertools.pairwise(before[-FORECAST_REACH:])
    if any(_forecasting(word) and following == "that" for word, following in opening):
        return True  # "ministers had forecast that arrivals would fall below 30,000": the clause is what was forecast
    # "analysts had expected a profit of 575 million": an expectation, where "was expected" is a flash estimate's
    return any(first in _PERFECT and second == "expected" for first, second in itertools.pairwise(before[-5:]))


# A verb of going past a level ("exceeded", "breaching", "above"), then the level's word and a preposition of the
# occasions it was passed on ("exceeded the limit on 40 days", "breaching the threshold in a third of the months").
_PAST_A_LEVEL = re.compile(
    r"(?:exceed|surpass|breach|overshoot|overshot)\w*|(?:pass|cross)(?:e[sd]|ing)?|top(?:s|ped|ping)?|"
    r"break(?:s|ing)?|broke|broken|beat(?:s|en)?|above"
)
_OCCASIONS = frozenset({"on", "in", "during", "across"})
LIMIT_CROSSER_REACH = 3  # words before the limit's word that may hold the verb going past it


def _limit_crossed_on(before: tuple[str, ...]) -> bool:
    """The limit's word by the figure is what was passed, and the figure tells the occasions it was passed on
    ("river levels exceeded the flood threshold on 40 days", "breached the limit in 40% of the samples"): a count or
    share measured, not the limit itself (not "exceeded the target of 2%", where the figure is the target, nor "a
    limit of 1.5C")."""
    for at in range(max(0, len(before) - 4), len(before) - 1):
        if not _forecasting(before[at]) or before[at + 1] not in _OCCASIONS:
            continue
        if any(_PAST_A_LEVEL.fullmatch(word) for word in before[max(0, at - LIMIT_CROSSER_REACH) : at]):
            return True
    return False


def _forecasting(word: str) -> bool:
    """A word of forecasting, targeting or expecting ("forecast", "target", "expects")."""
    return word in _NOT_MEASURED or word in _EXPECTING or _stem(word) in _NOT_MEASURED


FORECAST_REACH = 7  # words before the figure in which "forecast that" opens the clause it stands in


# Someone expecting a figure ("the government expects growth of 2.2%", "economists expect"); not "is expected to
# have", the words of a flash estimate of a measured figure.
_EXPECTING = frozenset({"expect", "expects", "expecting"})
_PERFECT = frozenset({"had", "have", "has"})


# Words of a change in value: the extractor's `claims.extraction.vocabulary.CHANGE_WORDS`, written again because
# the import contracts keep the rules and the extractor apart (pyproject.toml); a test keeps the two equal.
CHANGE_WORDS = (
    r"r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|increas\w*|decreas\w*|gr[eo]w\w*|jump\w*|drop\w*|climb\w*|"
    r"declin\w*|soar\w*|surg\w*|plung\w*|slow\w*|accelerat\w*|advanc\w*|gain\w*|moved|went|chang\w*|revis\w*|"
    r"expan\w*|shr[aiu]nk\w*|contract\w*|dipped|edged|eased|tumbled|slid|slumped|doubled|tripled|halved|"
    r"higher|lower|up|down"
)
_CHANGED = re.compile(rf"\b(?:{CHANGE_WORDS})\b")
_BASELINE = re.compile(
    r"(?:\bfrom|\bcompared (?:with|to)|\bthan|\bversus|\bvs\.?|\bfollowing)(?:\s+(?:the|a|an|its|their))?"
    r"(?:\s+(?:provisional|preliminary|revised|initial|earlier|previous|first|original|record))?"
    r"(?:\s+(?:peak|high|low)\s+of)?\s*$"  # "down from a peak of 230,000"
)


# A modal, then a verb of reaching, right before the figure: "the toll could reach 15,000", "may rise to 100",
# "arrivals would fall below 30,000".
_PROJECTED = re.compile(
    r"\b(?:could|may|might|would|will|(?:set|expected|likely|feared|bound) to)\s+(?:well\s+|even\s+|soon\s+)?"
    r"(?:reach|rise|climb|exceed|top|surpass|hit|pass|increase|grow|double|soar|jump|mount|fall|drop|decline)\w*"
    r"(?:\s+(?:to|above|beyond|over|past|below|under))?\s*$"
)


@functools.lru_cache(maxsize=8192)
def projected(facts: ClaimFacts) -> bool:
    """Someone says the figure could be reached ("the toll could reach 15,000", "is expected to rise to 3%"): a
    projection of the count, not a reading of it, so neither its update nor updated by it."""
    start, _ = _quote_span(facts)
    return bool(_PROJECTED.search(facts.sentence[:start].casefold()))


@functools.lru_cache(maxsize=8192)
def baseline(facts: ClaimFacts) -> bool:
    """The figure is the baseline of a comparison in its sentence ("up from 9.9% in September", "compared
    with 5.5%", "faster than the 4.3% increase"): an earlier or other value the news is measured against."""
    start, _ = _quote_span(facts)
    found = _BASELINE.search(facts.sentence[max(0, start - 40) : start].casefold())
    if found is None:
        return False
    if not found.group(0).lstrip().startswith("from"):
        return True
    # "from" opens a baseline only after a change or a level ("rose to 5.0 from 4.8", "came in at 5.1 percent
    # from 5 percent"); "12 people from 3 families" is an origin
    before = facts.sentence[max(0, start - 120) : start].casefold()
    return bool(_CHANGED.search(before) or re.search(r"\bat\s+\d(?:[^.;]|\.(?=\d)){0,40}\bfrom\b\D*$", before))


# A baseline a revision was made from: "a revision from the 10.7% reported earlier", "revised up from 1,612".
_REVISED_FROM = re.compile(
    r"\b(?:revis\w*|restat\w*|correct(?:ed|ion))\b(?:\s+(?:up|upwards?|down|downwards?))?\s+from\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def revised_from(facts: ClaimFacts) -> bool:
    """The figure is the one a revision was made from ("this marked a revision from the 10.7% reading reported
    previously", "revised up from a provisional 1,612"): the statistic's earlier reading, not another period's."""
    start, _ = _quote_span(facts)
    return bool(_REVISED_FROM.search(facts.sentence[max(0, start - 60) : start]))


_ALL_BEFORE = re.compile(r"(?<![Ii]n )\ball[ \t]+$", re.IGNORECASE)


def part_of_group(facts: ClaimFacts) -> bool:
    """The figure is a part of a group its sentence has just counted ("2,108 people were injured, 1,390 of
    them seriously"): what befell the group befell only some of it. Read from the parse at extraction
    (`claims.extraction.counted`, its "p:group" tag); or from a counted group that opens the sentence ("Of the 103
    survivors, 12 remain in hospital")."""
    if "p:group" in facts.counted_words:
        return True
    start, _ = _quote_span(facts)
    return bool(_FRONTED_COUNTED_GROUP.search(facts.sentence[:start]))


# "Of the 103 survivors, ": a group counted in figures, opening the sentence, that the figure after it is taken from.
_FRONTED_COUNTED_GROUP = re.compile(r"^\s*Of (?:the |those |these |its |their )?\d[\d,]*(?: [^\W\d_]+){1,3},\s*$")


# "… retrieved the bodies of 70 out of the ": a figure, then "out of", right before the whole it is a part of.
_OUT_OF = re.compile(r"\d[\d,.]*\s+out\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# The people a toll counts, named as a group a figure is taken from ("88 of the dead", "Of the victims, 40 were").
_TOLLED_GROUP = r"(?:the |those |these )(?:\w+ )?(?:dead|deaths|fatalities|victims|casualties|injured|wounded|missing)"
_PART_OF_TOLLED = re.compile(r"^\s+of " + _TOLLED_GROUP + r"\b")
_FRONTED_GROUP = re.compile(r"^\s*Of " + _TOLLED_GROUP + r"\b[^,;\d]{0,40},\s*$")


# A share of a toll, said of the figure after it ("…, well over half of the national total").
_SHARE_OF_WHOLE = re.compile(
    r"\b(?:half|a third|a quarter|two-thirds|three-quarters|most|the bulk) of (?:the |all )(?:\w+ )?(?:total|toll|dead"
    r"|deaths|figure|count)\b"
)


@functools.lru_cache(maxsize=8192)
def part_of_toll(facts: ClaimFacts) -> bool:
    """The figure is a part of a toll's people, named as the group it is taken from ("Talmar province accounted
    for 288 of the fatalities", "Of the dead, 140 were in Orvel"), or told as a share of it ("officials in Orvel
    counted 610 bodies, more than half of the national toll"): a breakdown of the toll, never its reading."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    if _PART_OF_TOLLED.search(sentence[end:]) or _FRONTED_GROUP.search(sentence[:start]):
        return True
    _, high = _own_stretch(facts)
    return bool(_SHARE_OF_WHOLE.search(sentence[end:high]))


# "… in 64 of the state's ", "shut 85 of its ": a figure, then "of" and whose, right before the whole it is a part of.
_OF_ITS_WHOLE = re.compile(r"\d[\d,.]*\s+of\s+(?:its|their|the\s+[^\W\d_]+['’]s)\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def whole_group(facts: ClaimFacts) -> bool:
    """ "all 72 people on board": the figure is a whole group, counted once, not a reading of a tally. So is the
    whole that a count of bodies found is told out of ("rescuers have recovered the bodies of 70 out of the 72
    people who died"), where the whole is at no stage itself (`stages`): everyone the tally of the found runs up
    to, not one of its readings."""
    start, _ = _quote_span(facts)
    if facts.quote.casefold().startswith("all "):
        return True
    if _ALL_BEFORE.search(facts.sentence[max(0, start - 12) : start]):  # not "In all, 72 died": a total
        return True
    before = facts.sentence[:start]
    if _OF_ITS_WHOLE.search(before):
        return True
    if not _OUT_OF.search(before) or stages(facts):
        return False
    words = _WORD.findall(before.casefold())
    return any(_stem(word) in STAGES[0] or word.startswith(STAGES[0]) for word in words)


# A whole's figure and its noun, then the mark that opens its breakdown: "killing all 72 people — ", "61 dead: ".
_WHOLE_THEN_PARTS = re.compile(r"\d[\d,.]*(?:[ \t]+[^\W\d_][\w'’-]*){1,4}[ \t]*[—–:][ \t]*$")
# … and a first part told, then "and": "killing all 72 people — 68 passengers and ".
_FIRST_PART_AND = re.compile(r"[—–:][ \t]*\d[\d,.]*(?:[ \t]+[^\W\d_][\w'’-]*){1,3}[ \t]+and[ \t]+$")


# Those aboard told as the passengers and the crew, side by side: "112 passengers and nine crew members".
_PASSENGERS_AND_CREW = re.compile(r"[ \t]+passengers[ \t]+and[ \t]+(?:\d[\d,]*|[a-z-]+)[ \t]+crew\b", re.IGNORECASE)
_CREW_AFTER_PASSENGERS = re.compile(r"\bpassengers[ \t]+and[ \t]+$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def breakdown_part(facts: ClaimFacts) -> bool:
    """The figure is one of the parts its sentence splits a whole just counted into, after a dash or a colon ("the
    crash killed all 40 people on board — 36 passengers and four crew members"), or one of the two parts those aboard
    are told as ("the 36 passengers and four crew died"): what befell the whole befell it, but it counts a part (the
    passengers, the crew), never the whole's toll nor a reading of it."""
    start, end = _quote_span(facts)
    before = facts.sentence[max(0, start - 80) : start]
    if _PASSENGERS_AND_CREW.match(facts.sentence, end) or _CREW_AFTER_PASSENGERS.search(before):
        return True  # "the 112 passengers and nine crew drowned": those aboard told as their two parts
    return bool(_WHOLE_THEN_PARTS.search(before) or _FIRST_PART_AND.search(before))


def _dated_baseline_beside_news(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure only is a baseline, for a stated period; the other states no period. But a count told without a
    period stands on the day it was told (on a page without a date, the weekday its sentence names): a baseline
    whose period holds that day recalls it ("Police made 14 arrests", told on Saturday, beside "31 arrested, up
    from 14 on Saturday"). A statistic told within its own period is not yet its figure (a forecast of the month's
    rate), so only counts, and levels (`LEVELS`), read on a day as counts are ("peaked at 5.35 metres on Sunday",
    beside "down from 5.35 metres on Sunday")."""
    if baseline(a) == baseline(b):
        return False
    base, other = (a, b) if baseline(a) else (b, a)
    period = _period(base)
    if period is None or _period(other) is not None:
        return False
    if claim_measure(other).dimension not in ("count", *LEVELS):
        return True  # a statistic; but a level is read on a day, as a count is ("peaked at 5.35 metres on Sunday")
    if other.published is None and recalled(other):
        return False  # "last year 81,654 crossed", on a page without a date: a year gone, as the baseline's is
    if other.published is None:
        # on a page without a date, the weekday its sentence names ("rose to 1,037 on Saturday evening")
        named = {day.casefold() for day in _WEEKDAY.findall(other.sentence)}
        return not (_length(period) == 1 and period[0].strftime("%A").casefold() in named)
    return not period[0] <= other.published <= period[1]


# Another figure told as an addition ("a further 20 branches", "another two"): a "taking … to" after it adds that one.
_ANOTHER_ADDITION = re.compile(
    rf"\b(?:{'|'.join(sorted(_INCREMENT_BEFORE))})\s+"
    rf"(?:\d|(?:{'|'.join(sorted(set(_NUMBER_WORDS) - {'a', 'an'}))}|dozen)\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def increment(facts: ClaimFacts) -> bool:
    """The figure is an increment on a count ("one more body was found", "another 12", "a further 300"),
    not the count itself. Not for the missing: "two more are still missing" are the others still sought."""
    if _of_missing(facts):
        return False
    if claim_measure(facts).dimension != "count":
        return False  # "5.2 percent, more than expected" is no increment
    if step_after_total(facts):
        return True
    _, end = _quote_span(facts)
    before = _words_beside(facts)[0]
    if bool(before) and before[-1] in _INCREMENT_BEFORE:
        return not _besides_another_fate(facts)
    follows = _INCREMENT_FOLLOWS.match(facts.sentence, end)
    if follows and _COMPARED.match(facts.sentence, follows.end()):
        follows = None  # "1,100 more people died than usual": an excess over a norm, the count itself
    # "bringing the total to 1,300", unless another figure told as an addition comes first ("to 1,650, … a further
    # 20 branches, taking closures to 105" adds the 20, not the 1,650)
    addition = _ANOTHER_ADDITION.search(facts.sentence, end)
    stretch = facts.sentence[end : addition.start() if addition else len(facts.sentence)]
    return bool(follows or _ADDED_TO.search(stretch + " "))


# "after", right before the figure ("after two injured workers died", "after a record 2,086 people landed").
_AFTER_BEFORE = re.compile(r"\bafter\s+(?:a\s+(?:record|further|new)\s+)?$", re.IGNORECASE)
STEP_SHARE = 0.5  # a step is at most this share of the count it moved; "430 by Wednesday, after nearly 400 were
# cancelled on Monday and Tuesday" tells the count's earlier reading, not a step


@functools.lru_cache(maxsize=8192)
def step_after_total(facts: ClaimFacts) -> bool:
    """The figure is the step that moved a running count its sentence has just told ("the death toll has risen to
    seven after two injured workers died overnight", "more than 1,700 people have been detained since the riots
    began, after 380 arrests overnight"): "after" right before it, and before that a figure read as a running count
    (`_RUNNING`) that the figure is at most half of (`STEP_SHARE`): what was added, never the count nor its reading.
    "430 flights had been cancelled by Wednesday, after nearly 400 were scrapped on Monday and Tuesday" tells the
    count's earlier reading."""
    start, _ = _quote_span(facts)
    before = facts.sentence[:start]
    found = _AFTER_BEFORE.search(before)
    if found is None:
        return False
    head = before[: found.start()]
    if not _RUNNING_PATTERN.search(head.casefold()):
        return False
    totals = [number for _, last, number in sorted(_numbers_beside(facts)) if last <= found.start()]
    value = representative_value(facts)
    return bool(totals) and value is not None and abs(value) <= STEP_SHARE * abs(totals[-1])


def _besides_another_fate(facts: ClaimFacts) -> bool:
    """ "Another 171 were injured" after "312 people were killed": the parse's ``a:`` word (what befell the count
    before it, claims.extraction.counted) names another fate than this count's, so "another" means besides
    those, not more of them."""
    earlier = _counted_groups(_stem(word[2:]) for word in facts.counted_words if word.startswith("a:"))
    if not earlier:
        # the parse names none: the fates the words before it tell ("the toll rose to 1,037, with a further 1,204
        # people injured")
        start, _ = _quote_span(facts)
        earlier = _counted_groups(_stem(word) for word in re.findall(r"[\w'’-]+", facts.sentence[:start]))
    own = _fates(facts)
    return bool(earlier) and bool(own) and not earlier & own


@functools.lru_cache(maxsize=8192)
def running(facts: ClaimFacts) -> bool:
    """The words around the figure read it as a running count: "so far", "has risen to", "the toll",
    "have been recovered", "at least". Never a quake's magnitude, one shock's, whatever words stand near it ("more
    than 150 aftershocks since the 6.8 main shock")."""
    if claim_measure(facts).dimension == MAGNITUDE:
        return False
    if facts.qualifier == "at_least":
        return True
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - RUNNING_REACH[0]) : end + RUNNING_REACH[1]].casefold()
    return bool(_RUNNING_PATTERN.search(near))


# ---------------------------------------------------------------- time and place


def _stated_period(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    """The figure's period as stated, (start, end), open ends at date.min and date.max."""
    if facts.period_start is None and facts.period_end is None:
        return None
    start, end = facts.period_start or datetime.date.min, facts.period_end or datetime.date.max
    return (start, end) if start <= end else (end, start)


@functools.lru_cache(maxsize=8192)
def _period(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    """The period the figure covers: as stated, but a count told before its period is over ("24,615 have
    crossed this year", told in September) counts only the days so far, to the day it was published."""
    period = _stated_period(facts)
    if period is not None and _so_far(facts, *period):
        return period[0], facts.published
    if period is not None and _told_when_after(facts):
        return None
    return period


# A verb of telling right after a figure, and the recent time it names: "the 3.1 percent published last week".
_TOLD_WHEN_AFTER = re.compile(
    r"\W*(?:\w+\W+)?(?:reported|published|announced|released|given|stated|cited)\s+(?:last\s+(?:week|month)|a\s+"
    r"(?:week|month|fortnight)\s+(?:ago|earlier)|earlier\s+(?:this|that|in\s+the)\s+(?:week|month))\b",
    re.IGNORECASE,
)


def _told_when_after(facts: ClaimFacts) -> bool:
    """The figure's time is named only as when it was told, by a verb of telling right after it ("rather than the
    3.1 percent published last week", "the 4,100 first given a week ago"): the time of its telling, no period the
    figure is of."""
    return bool(_TOLD_WHEN_AFTER.match(facts.sentence, _quote_span(facts)[1])) and _length(_stated_period(facts)) != 1


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = tuple("january february march april may june july august september october november december".split())


# A verb of telling and the day it names: "the office said on Monday", "saying on Wednesday".
_TOLD_ON = re.compile(
    r"\b(?:said|says|saying|told|announced|announcing|reported|added|stated|confirmed)\b(?:\W+\w+){0,2}?\W+on "
    rf"(?:{'|'.join(_WEEKDAY_NAMES)})\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def _dated_by_its_telling(facts: ClaimFacts) -> bool:
    """The figure's one day is only the day someone told it: every weekday its sentence names follows a verb of
    telling ("an appeal for 40 million dollars is half funded, the agency said on Monday"). Told again on another
    day, a sum, a rate, a plan or a settled count is the same figure; a running count or measure is of the day it
    was told ("the toll has risen to 1,210", "45% contained")."""
    if _length(_stated_period(facts)) != 1 or running(facts):
        return False
    told = len(_TOLD_ON.findall(facts.sentence))
    return told > 0 and told == len(_WEEKDAY.findall(facts.sentence))


def _baseline_of_its_day(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A later sentence's baseline dated to the one day the other figure is told for, at another figure ("gave a
    toll of 1,450 on Tuesday"; later, "a toll of 3,100 on Wednesday, up from 2,300 on Tuesday"): two counts of that
    day, never one's later reading. On pages without their days, the one day is the weekday each figure names as its
    own ("a toll of 1,450 on Tuesday", "up from 2,300 on Tuesday": `_own_weekday`)."""
    if reading.equal_values or baseline(a) == baseline(b) or revised(a) or revised(b):
        return False
    if reading.period == "same":
        return _length(_stated_period(a)) == 1
    if reading.days_apart is not None or reading.period == "disjoint":
        return False
    day = _own_weekday(a)
    return day is not None and day == _own_weekday(b)


# A weekday right after a figure, before any comma: "a toll of 1,450 on Tuesday", "climbed from 61 on Saturday".
_OWN_WEEKDAY = re.compile(rf"\s+(?:[^\W\d_]+\s+){{0,2}}?on\s+({'|'.join(_WEEKDAY_NAMES)})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _own_weekday(facts: ClaimFacts) -> str | None:
    """The weekday the figure is told for, named right after it ("a lower toll of 1,450 on Tuesday", "rose to 57 on
    Saturday", "up from 2,300 on Tuesday"); None when no weekday follows it in its own words."""
    found = _OWN_WEEKDAY.match(facts.sentence, _quote_span(facts)[1])
    return found.group(1).casefold() if found else None


def _so_far(facts: ClaimFacts, start: datetime.date, end: datetime.date) -> bool:
    published = facts.published
    if published is None or not start <= published < end or end == datetime.date.max:
        return False
    return claim_measure(facts).dimension == "count" and not not_actual(facts)


def _day_beside_span(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is of a single day and the other of a week or more, or of a week and the other of a month or
    more ("more than 5,000 crossed in the past week" beside "78,000 so far this year"), or of a month over when told
    and the other of a quarter or more ("the busiest month, with 6,100 arrivals" beside "37,000 in 2024"), both
    bounded: a flow beside the count it runs into. Each length as the periods give it, else as the words tell it
    (`told_length`)."""
    lengths = told_length(a), told_length(b)
    if None in lengths:
        return False
    short, long = sorted(lengths)
    if short == 1 and long > ALONE_DAYS and _read_on_its_day(a if lengths[0] == 1 else b):
        return False  # a running count read on its day beside the count of a longer stretch: not a day's flow
    if (short == 1 and long >= 7) or (short <= ALONE_DAYS and long >= LONG_PERIOD):
        return True
    # a month that was over when told ("6,100 crossed in August") beside a count of a quarter or more; but not a
    # count so far, which runs to its day ("12,000 so far this year", told at January's end)
    part = a if lengths[0] == short else b
    return (
        short <= MONTH_DAYS
        and long >= QUARTER_DAYS
        and claim_measure(part).dimension == "count"
        and part.published is not None
        and (
            short == MONTH_DAYS  # the words tell one month ("the busiest month, with 6,100"), whatever its period
            if _length(_period(part)) is None
            else not (as_of_reading(part) or running(part))
        )
    )


# The words right before a figure that read a count where it stood: "the tally stood at", "reached", "now stands at".
_READ_AT = re.compile(
    r"\b(?:stood|stands|standing|reached|reaches|hit|hits)(?:\s+at)?"
    r"(?:\s+(?:about|some|around|roughly|nearly|almost|more than|over|at least|just))?\s*$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def _read_on_its_day(facts: ClaimFacts) -> bool:
    """A one-day figure whose day is the day a running count was read, not a day's flow: the count is said to have
    risen to or passed it (`risen_to`), or to have stood at or reached it ("the number crossing this year passed
    17,000 on Monday", "the tally stood at 9,236 at the end of April", "the agency's own tally reached 930 on
    Thursday"). A day's "said on Tuesday" alone does not say so ("some 2,000 are camped at the crossing, the ministry
    said on Saturday" is a stock, not a reading of the year's attempts to cross)."""
    if _length(_stated_period(facts)) != 1 or told_as_days(facts):
        return False
    start, _ = _quote_span(facts)
    return risen_to(facts) or bool(_READ_AT.search(facts.sentence[:start]))


# A figure's own words telling it as a few days' count, right after it: "in a single day", "in one day", "in 24
# hours", "in seven days".
_TOLD_AS_DAYS = re.compile(
    r"^[^\d;,.]{0,60}?\b(?:in|within) (?:a single|one|just one|a|24 hours|(?:two|three|four|five|six|seven|\d) days)"
    r"(?: day)?\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def told_as_days(facts: ClaimFacts) -> bool:
    """The words right after the figure tell it as the count of a day or a few days ("1,012 people arrived in a
    single day", "brought 1,480 arrivals in seven days"): a flow, never the running count's reading."""
    _, end = _quote_span(facts)
    found = _TOLD_AS_DAYS.search(facts.sentence[end:])
    return bool(found) and not found.group(0).rstrip().casefold().endswith((" a", " one"))


def _days_beside_count(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure told as a few days' count (`told_as_days`, `days_record`) beside one neither so told nor dated to a
    week or less ("37,690 arrivals in all"): a part of the count, not its reading."""
    if _days_flow(a) == _days_flow(b):
        return False
    other = b if _days_flow(a) else a
    length = _length(_stated_period(other))
    if length is None and _own_weekdays(other):
        return False  # "95 trucks entered on Monday", on a page without its day: a day's count too
    return length is None or length > ALONE_DAYS


_ALONE = re.compile(r"\balone\b", re.IGNORECASE)
# Words that tell a figure as one day's: "a record for a single day", "the highest daily figure of the winter", "the
# most on any single day".
_ONE_DAYS = re.compile(r"\b(?:single|one)[- ]day\b|\bdaily\s+(?:figure|record|high|total|count)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def day_alone(facts: ClaimFacts) -> bool:
    """A figure of a day or a week that its sentence sets apart as that day's or week's ("3,500 crossed on Saturday
    alone", "41 cases in the past week alone"): a flow, never a reading of the running count it adds to, whatever
    that count's period."""
    length = _length(_stated_period(facts))
    if length is None or length > ALONE_DAYS:
        return False
    # not a place's "alone" ("rose to 88 on Tuesday, with 61 of the dead in the Alto Marañón region alone")
    places = {match.end() for match in _PLACE_ALONE.finditer(facts.sentence)}
    return any(match.end() not in places for match in _ALONE.finditer(facts.sentence))


@functools.lru_cache(maxsize=8192)
def days_record(facts: ClaimFacts) -> bool:
    """A figure of one stated day that its sentence, with no other figure between, calls a day's ("412 crossed on
    Sunday, the highest daily figure of the winter", "the record for a single day remains the 1,195 who arrived on
    May 24"): that day's flow, never a reading of the running count it adds to. Not another figure's ("passed 17,000
    on Monday, after 1,012 arrived in a single day")."""
    if _length(_stated_period(facts)) != 1:
        return False
    start, end = _quote_span(facts)
    before, after = re.split(r"\d", facts.sentence[:start])[-1], re.split(r"\d", facts.sentence[end:])[0]
    return bool(_ONE_DAYS.search(before) or _ONE_DAYS.search(after))


def _days_flow(facts: ClaimFacts) -> bool:
    """A day's or a few days' flow, by the words right after the figure or further on (`told_as_days`,
    `days_record`)."""
    return told_as_days(facts) or days_record(facts)


# "In Tazrout province alone", "in Tacloban alone": a place's name (its noun after it or not), set apart.
_PLACE_ALONE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]or) (?:the )?"
    # "the northern province of"
    r"(?:(?:[a-z]+ )?(?:province|region|district|county|city|town|village|state|area) of )?"
    r"(?:[A-Z][\w’'-]+ ){1,3}"
    r"(?:(?:province|region|district|county|city|town|village|state|area) )?alone\b"
)
PLACE_ALONE_REACH = 40  # characters between the phrase and the figure it sets apart


@functools.lru_cache(maxsize=8192)
def place_alone(facts: ClaimFacts) -> bool:
    """A figure its sentence sets apart as one place's ("In Tazrout province alone 694 people were killed", "in
    Tacloban alone, 10,000 may have died", "in the northern province of Orvel alone, 3,100 cases"): a part of the
    story's count, never a reading of it. A month so named ("In January alone, 1,204 arrived") is read the same way,
    and is as much a part of the year's count."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    for match in _PLACE_ALONE.finditer(sentence):
        if match.start() >= end:  # the phrase after the figure: "10,000 in Tacloban alone"
            gap = sentence[end : match.start()]
        elif match.end() <= start:  # before it, unless it is another figure's ("including 90 in X alone, and 1,100 …")
            gap = sentence[match.end() : start]
            if _FIGURE_END.search(sentence, 0, match.start()):
                continue
        else:
            continue
        if len(gap) <= PLACE_ALONE_REACH and not _DIGIT.search(gap):
            return True
    return False


_FIGURE_END = re.compile(r"\d\s*$")  # a figure right before the phrase, which the phrase then sets apart

_DIGIT = re.compile(r"\d")


_DIVISIONS = ("city", "town", "village", "province", "region", "district", "county", "state", "area")
_DIVISION = "|".join(_DIVISIONS)
_DIVISION_PLURAL = "|".join(("cities", *(f"{word}s" for word in _DIVISIONS if word != "city")))
# A place set apart by its kind rather than its name: "in the city alone", "in just one coastal town", "in a single
# province", and "in Orvel, one of the hardest-hit towns" (one of several of its kind). Named groups: the place's
# name, when the phrase gives one, and its kind.
_KIND_ALONE = re.compile(
    rf"\b(?:[Ii]n|[Aa]t|[Ff]or) the (?:[a-z]+ )?(?P<kind>{_DIVISION}) alone\b"
    rf"|\b(?:just |only )?(?:one|a single) (?:(?P<name>[A-Z][\w’'-]+) )?(?:[a-z]+ )?(?P<kind2>{_DIVISION})\b"
)
_ONE_OF_KIND = re.compile(
    rf"\b[Ii]n (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), one of the (?:[\w-]+ ){{0,2}}(?P<kinds>{_DIVISION_PLURAL})\b"
)
ONE_OF_REACH = 100  # characters from "In Orvel, one of the hardest-hit towns," to the figure its sentence tells


def _place_named(match: re.Match) -> list[str]:
    """The name and the kind of the place a set-apart phrase names, as written ("Tacloban", "city")."""
    if match.re is _PLACE_ALONE:
        words = _WORD.findall(match.group(0))
        return [word for word in words[1:] if word[0].isupper() or word in _DIVISIONS]
    found = match.groupdict()
    kind = found.get("kind") or found.get("kind2") or ""
    plural = found.get("kinds")
    if plural:
        kind = "city" if plural == "cities" else plural.removesuffix("s")
    return [word for word in (found.get("name"), kind) if word]


_SETTING_APART_WORDS = frozenset({"alone", "one", "single"})


@functools.lru_cache(maxsize=8192)
def set_apart_place(facts: ClaimFacts) -> frozenset[str]:
    """The words that name the one place a figure's sentence sets it apart as the count of (`place_alone`: "in
    Tacloban alone, 10,000 may have died"; by its kind: "the toll in the city alone could reach 900", "as many as
    900 feared dead in just one coastal town"; or as one of several: "In Orvel, one of the hardest-hit towns, the
    mayor said 900 may have died"): the place's name and its kind, as written. Empty when the figure is not set
    apart so (a phrase beyond its reach, or with another figure between, is that figure's)."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    named: list[str] = []
    if not _SETTING_APART_WORDS & set(_WORD.findall(sentence.casefold())):
        return frozenset()  # each phrase names "alone", "one" or "single": most sentences are spared the patterns
    phrases = itertools.chain(
        _PLACE_ALONE.finditer(sentence), _KIND_ALONE.finditer(sentence), _ONE_OF_KIND.finditer(sentence)
    )
    for match in phrases:
        if match.start() >= end:
            gap = sentence[end : match.start()]
        elif match.end() <= start:
            gap = sentence[match.end() : start]
            if _FIGURE_END.search(sentence, 0, match.start()):
                continue
        else:
            continue
        reach = ONE_OF_REACH if match.re is _ONE_OF_KIND else PLACE_ALONE_REACH
        if len(gap) <= reach and not _DIGIT.search(gap):
            named.extend(_place_named(match))
    return frozenset(named)


def _names_place(facts: ClaimFacts, words: frozenset[str]) -> bool:
    """Does the sentence name one of these places ("Tacloban"), or kinds of place, in the singular or the plural
    ("city": "one of the hardest-hit cities")?"""
    for word in words:
        if word in _DIVISIONS:
            plural = "cities" if word == "city" else f"{word}s"
            pattern = rf"\b(?:{word}|{plural})\b"
        else:
            pattern = rf"\b{re.escape(word)}\b"
        if re.search(pattern, facts.sentence, re.IGNORECASE if word in _DIVISIONS else 0):
            return True
    return False


def part_beside_whole(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is set apart as one place's (`set_apart_place`: "the toll in the city alone could reach 900") and
    the other is not, nor does its sentence name that place or its kind ("900 died across the province"): a part of
    the story's count beside the count, or another part. Two figures both set apart are left to the other readings."""
    first, second = set_apart_place(a), set_apart_place(b)
    if bool(first) == bool(second):
        return False
    return not _names_place(b if first else a, first or second)


ALONE_DAYS = 8  # a day, or a week counted to the day told ("the past week": the publication day and the 7 before)


YEAR_DAYS = 365  # a year's count, told so ("the annual record of 33,000", "734 vessels over the year")
MONTH_DAYS = 31  # a month's count ("6,100 crossed in August", "the busiest month, with 6,100") ...
QUARTER_DAYS = 90  # ... beside one of a quarter or more, which it runs into, is a part of it
LONG_PERIOD = 28  # days: a month or more is a period a count is kept for, not the day it was told


# Words that tell how long a figure's period is, whatever day its page was told: one day's ("in a single day", "the
# highest daily figure"), a week's ("in the past week", "the week to Sunday"), or a count kept since the year began
# ("so far this year", "since January"), which runs for weeks or months.
_TOLD_SPANS = (
    (1, re.compile(
        r"\b(?:in (?:a|one) (?:single )?day|a single day|(?:a|one) day's|daily (?:figure|record|number|total|high)"
        r"|(?:highest|record|busiest|biggest) daily|in (?:the (?:past|last) )?24 hours)\b")),
    (ALONE_DAYS - 1, re.compile(
        r"\b(?:(?:in|over|during) the (?:past|last|previous) (?:week|seven days)|in seven days|(?:in|over) the week to"
        r"|(?:busiest|record) week|(?:in|over|during) the (?:first|past|last|previous) (?:few|two|three|four|five|six)"
        r" days)\b")),
    (MONTH_DAYS, re.compile(
        r"\b(?:(?:busiest|record|worst|biggest) (?:single )?month|in (?:a|one) (?:single )?month"
        r"|monthly (?:figure|record|total|high))\b")),
    (YEAR_DAYS, re.compile(
        r"\b(?:annual (?:high|record|total|figure|count|number|tally)|(?:in|over) the (?:whole|entire) year"
        r"|over the year)\b")),
    (LONG_PERIOD, re.compile(
        r"\b(?:so far this year|this year so far|since (?:january|the (?:start|beginning) of the year)"
        r"|year to date)\b")),
)  # fmt: skip
SPAN_REACH = (60, 90)  # characters before and after the figure read for them ("…, the highest daily number since …")


@functools.lru_cache(maxsize=8192)
def _own_stretch(facts: ClaimFacts) -> tuple[int, int]:
    """Where the figure's own stretch of its sentence begins and ends: up to the other figures written in digits
    before and after it ("in seven days" is no other figure's), or the sentence's ends."""
    start, end = _quote_span(facts)
    low, high = 0, len(facts.sentence)
    for first, last, _ in _figures_beside(facts):
        if last <= start:
            low = max(low, last)
        elif first >= end:
            high = min(high, first)
    return low, high


@functools.lru_cache(maxsize=8192)
def told_length(facts: ClaimFacts) -> int | None:
    """How many days the figure's period covers: as its period gives it, else as the words of its own stretch of the
    sentence (`_own_stretch`) tell it, though its page gives no day to date them by (`_TOLD_SPANS`: "840 landed in a
    single day", "1,900 arrived in the week to Friday", "15,300 so far this year", at least a month). None when
    neither tells, or the words tell two lengths."""
    length = _length(_period(facts))
    if length is not None:
        return length
    start, end = _quote_span(facts)
    low, high = _own_stretch(facts)
    stretch = facts.sentence[max(low, start - SPAN_REACH[0]) : min(high, end + SPAN_REACH[1])].casefold()
    found = {days for days, pattern in _TOLD_SPANS if pattern.search(stretch)}
    return found.pop() if len(found) == 1 else None


# Words that set a figure at the same point of an earlier year, before it ("at the same point in 2023, when 4,104").
_SAME_POINT_BEFORE = re.compile(
    r"\b(?:at the same (?:point|time|stage)|(?:in|over|during) the same (?:period|weeks?|months?))"
    r"(?: (?:in|of|last) (?:\d{4}|the previous year|last year|year)| last year)?,? (?:when|as|with) [^\d]{0,12}$"
)


@functools.lru_cache(maxsize=8192)
def same_point_earlier(facts: ClaimFacts) -> bool:
    """The words before the figure set it at the same point of an earlier year ("29% more than at the same point in
    2023, when 4,104 had crossed"): that year's count so far, a baseline, never that year's total nor the story's
    own count."""
    start, _ = _quote_span(facts)
    return bool(_SAME_POINT_BEFORE.search(facts.sentence[max(0, start - 60) : start]))


def _long_periods(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are of a stated period a month or longer ("in 2024", "so far this year")."""
    return all((_length(_stated_period(facts)) or 0) >= LONG_PERIOD for facts in (a, b))


def as_of_reading(facts: ClaimFacts) -> bool:
    """The figure's period runs to the day it was told ("so far this year", "now … this year"): a reading of a
    running count on that day, not the count of a period that was over."""
    period = _period(facts)
    return period is not None and facts.published is not None and period[1] == facts.published


def _overlap(first: tuple[datetime.date, datetime.date], second: tuple[datetime.date, datetime.date]) -> bool:
    return max(first[0], second[0]) <= min(first[1], second[1])


def _days(first: datetime.date, second: datetime.date) -> int:
    return abs(first.toordinal() - second.toordinal())


def _length(period: tuple[datetime.date, datetime.date] | None) -> int | None:
    """How many days a period covers, both ends counted; None when there is none or it is open-ended."""
    if period is None or datetime.date.min in period or datetime.date.max in period:
        return None
    return period[1].toordinal() - period[0].toordinal() + 1


_TIME_WORDS = re.compile(
    rf"\b(?:(?:19|20)\d\d|year|years|month|months|quarter|week|weeks|day|days|earlier|ago|last|previous|prior|"
    rf"{'|'.join(_WEEKDAY_NAMES)}|{'|'.join(_MONTH_NAMES)})\b"
)
_CHANGED_FROM = re.compile(r"\bfrom(?:\s+(?:the|a|an|its|their))?\s*$")
_CLAUSE_END = re.compile(r"[,;:.]\s|[,;:]|\.$")


@functools.lru_cache(maxsize=8192)
def period_of_its_news(facts: ClaimFacts) -> bool:
    """The figure a change is from ("down from 83.2%", "rose to 5% from 4.8%"), naming no time of its own up to the
    end of its clause: the period its sentence names is the news figure's, not the baseline's ("81% passed this
    year, down from 83.2%": 83.2% is not this year's). Not a revision ("revised up from a provisional 1,612"), which
    is of the same period."""
    start, end = _quote_span(facts)
    before = facts.sentence[max(0, start - 60) : start].casefold()
    if _stated_period(facts) is None or not _CHANGED_FROM.search(before) or not _CHANGED.search(before):
        return False  # a change from the figure ("down from 83.2%"), not a figure compared or revised
    if "revis" in before:
        return False
    clause_end = _CLAUSE_END.search(facts.sentence, end)
    own = facts.sentence[end : clause_end.start() if clause_end else len(facts.sentence)].casefold()
    return not _TIME_WORDS.search(own)


def _period_before(period: tuple[datetime.date, datetime.date]) -> tuple[datetime.date, datetime.date] | None:
    """The calendar year or month before a period that is a whole year or month; None for any other period."""
    start, end = period
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year > datetime.MINYEAR:
        return start.replace(year=start.year - 1), end.replace(year=end.year - 1)
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and start > datetime.date.min:
        last = start - datetime.timedelta(days=1)
        if (end + datetime.timedelta(days=1)).day == 1:
            return last.replace(day=1), last
    return None


def _compared_period(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    """The figure's period, but for a baseline whose period its news figure gave (`period_of_its_news`) the year or
    month before it ("81% passed this year, down from 83.2%": 83.2% was last year's)."""
    period = _period(facts)
    if period is None or not period_of_its_news(facts):
        return period
    return _period_before(period) or period


# A month named as one, not as a bound of a longer span ("since January", "by the end of April").
_MONTH_WORD = re.compile(
    r"(?<!\bsince )(?<!\bfrom )(?<!\buntil )(?<!\btill )(?<!\bby )(?<!\bthrough )(?<!\bto )(?<!\bafter )"
    r"(?<!\bbefore )(?<!\bend of )(?<!\bstart of )(?<!\bbetween )(?<!\band )(?<!- )(?<!– )"
    rf"\b(?:{'|'.join(_MONTH_NAMES)})\b(?!\s*(?:and|to|through|until|-|–)\s)",
    re.IGNORECASE,
)


def _month_named_undated(undated: ClaimFacts, period: tuple[datetime.date, datetime.date]) -> str | None:
    """A figure on a page without its day whose own clause names one month ("January's figure was revised up to 1.86
    million", "in February"), beside a figure stated for a calendar month ("1.84 million visitors in January"): the
    pages of one story are told days apart, so the month named is that month of that year ("same"), and another month
    named is another month ("disjoint"). None when the page gives its day, or the clause names no month or several."""
    if undated.published is not None or _stated_period(undated) is not None or not _spans(period, "month"):
        return None
    named = {month.casefold() for month in _MONTH_WORD.findall(" ".join(own_clause(undated)))}
    if len(named) != 1:
        return None
    return "same" if _MONTH_NAMES.index(named.pop()) + 1 == period[0].month else "disjoint"


def _told_after_its_period(
    facts: ClaimFacts, period: tuple[datetime.date, datetime.date], other: tuple[datetime.date, datetime.date]
) -> tuple[datetime.date, datetime.date] | None:
    """The figure's period, or None when its one day is only the day someone told it (`_dated_by_its_telling`:
    "murders fell to 3,480, the ministry said on Monday") and the other figure's period was over by then ("3,480
    murders in 2025"): a figure of a period past, told that day, is of no day of its own."""
    if other[1] < period[0] and _dated_by_its_telling(facts):
        return None
    return period


def period_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "same", "overlap", "disjoint", "one" (only one states a period) or "none"; a baseline is read for the period
    before its news figure's (`_compared_period`)."""
    first, second = _compared_period(a), _compared_period(b)
    if first is not None and second is not None:
        first, second = _told_after_its_period(a, first, second), _told_after_its_period(b, second, first)
    if first is None and second is None:
        return "none"
    if first is None or second is None:
        named = _month_named_undated(b if second is None else a, first or second)
        return "one" if named is None else named
    if not _overlap(first, second):
        return "disjoint"
    if _days(first[0], second[0]) <= SAME_DAYS and _days(first[1], second[1]) <= SAME_DAYS:
        return "same"
    if _year_to_its_month(a, b):
        return "same"
    return "overlap"


def _shorter_and_longer(
    a: ClaimFacts, b: ClaimFacts
) -> tuple[tuple[datetime.date, datetime.date], tuple[datetime.date, datetime.date]] | None:
    """The two figures' bounded periods, the shorter first; None unless both state one."""
    first, second = _period(a), _period(b)
    if first is None or second is None or _length(first) is None or _length(second) is None:
        return None
    shorter, longer = sorted((first, second), key=lambda period: _length(period) or 0)
    return shorter, longer


def _spans(period: tuple[datetime.date, datetime.date], span: str) -> bool:
    """Does the period last a calendar month ("month"), a quarter or a year (`_SPANS`)?"""
    low, high = _SPANS[span]
    return low <= (_length(period) or 0) <= high


def _month_and_its_end(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure of a month ("the list fell to 7.48 million in December") and one of its last day ("7.5 million
    were waiting at the end of December"): a level read at the month's end, told two ways."""
    periods = _shorter_and_longer(a, b)
    if periods is None:
        return False
    day, month = periods
    return _length(day) == 1 and _spans(month, "month") and day[1] == month[1]


def _year_to_its_month(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two figures that are no counts, one of the year to a month ("prices rose 2.3% in the year to February") and
    one of that month ("inflation eased to 2.3% in February"): the month's annual rate (or level), told two ways."""
    periods = _shorter_and_longer(a, b)
    if claim_measure(a).dimension == "count" or periods is None:
        return False
    month, year = periods
    if not _spans(month, "month") or not _spans(year, "year"):
        return False
    return year[0].month != 1 and _days(year[1], month[1]) <= SAME_DAYS


SPAN_RATIO = 2.5  # a stated period this many times longer than the other's is another period: a quarter and its year


_PART_OF_YEAR = re.compile(
    r"\b(?:(?:in|for|during) the (?:first|second|third|fourth|final|last) quarter|in q[1-4]"
    rf"|(?:in|for|during) (?:{'|'.join(_MONTH_NAMES)})(?! \d{{4}}))\b"
)


@functools.lru_cache(maxsize=8192)
def _undated_part_of_year(facts: ClaimFacts) -> bool:
    """The figure's own clause names a quarter or a month the extractor could not date ("In the fourth
    quarter, the economy expanded 5.2%", in an article without a publication date): before the figure, or after
    it with no comma between."""
    if _period(facts) is not None:
        return False
    start, end = _quote_span(facts)
    if _PART_OF_YEAR.search(facts.sentence[max(0, start - 60) : start].casefold()):
        return True
    after = _PART_OF_YEAR.search(facts.sentence[end : end + 30].casefold())
    # after the figure, a month past a comma is another clause's ("cut its forecast to 20 million tonnes, citing
    # heat in July")
    return after is not None and not re.search(r"[,;:]", facts.sentence[end : end + after.start()])


def _names_its_last_month(part: ClaimFacts, year: tuple[datetime.date, datetime.date]) -> bool:
    """The undated figure's clause names the month a year that is no calendar year ends in ("rose 3.1% in the year
    to June" beside "3.1% higher in June than a year earlier"): that month's annual rate, as `_year_to_its_month`."""
    if year[0].month == 1:
        return False
    month = year[1].strftime("%B").casefold()
    start, end = _quote_span(part)
    return bool(re.search(rf"\b(?:in|for|during) {month}\b", part.sentence[max(0, start - 60) : end + 30].casefold()))


def _one_count_retold(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two counts stating one exact figure: one dated by a day or a month within the other's period is that count
    told again with a coarser date ("a record 1,126 crossed on Saturday", later "the record of 1,126 in October"). A
    part of a period and its whole hold one exact count only when nothing happened in the rest of the whole."""
    if claim_measure(a).dimension != "count" or claim_measure(b).dimension != "count":
        return False
    return a.qualifier == b.qualifier == "exact" and a.value is not None and a.value == b.value


def spans_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures state a bounded period, and one is much longer than the other (a quarter's growth
    and the year's, a month's inflation and the year's): two quantities, even when their figures agree.
    So are a period and a part of it that ends before it ("in the first 11 months" and "in 2023"), and a
    figure of an undated quarter or month and one stated for a whole year. A month's annual rate told as the
    year to that month is one figure (`_year_to_its_month`)."""
    if _year_to_its_month(a, b) or _month_and_its_end(a, b):
        return False
    first, second = _period(a), _period(b)
    for part, whole in ((a, second), (b, first)):
        if _undated_part_of_year(part) and _length(whole) in (365, 366) and not _names_its_last_month(part, whole):
            return True
    long_a, long_b = _length(first), _length(second)
    if long_a is None or long_b is None or first is None or second is None:
        return False
    inner, outer = (first, second) if long_a < long_b else (second, first)
    if outer[0] <= inner[0] and inner[1] <= outer[1] and _one_count_retold(a, b):
        return False
    if long_a != long_b and outer[0] <= inner[0] and inner[1] < outer[1]:
        # the first eleven months and the year: a running total before its end; but a count read so far
        # ("20,000 so far this year") and read again later is one running count, read twice
        inner_facts = a if inner is first else b
        return not (claim_measure(a).dimension == "count" and as_of_reading(inner_facts))
    return max(long_a, long_b) >= SPAN_RATIO * min(long_a, long_b)


# Words near a figure that give its time basis: what span it covers, or what it is compared with.
_BASIS_WORDS = (
    ("quarter", re.compile(r"\b(?:quarter|quarterly|q/q|q[1-4]|three months|quarter-on-quarter|quarter-by-quarter)\b")),
    ("month", re.compile(r"\b(?:month-on-month|monthly|m/m|on the month|a month earlier|month earlier)\b")),
    (
        "year",
        re.compile(
            r"\b(?:year-on-year|y/y|annual|annually|yearly|on year|full[- ]year|entire year|for the year"
            r"|a year earlier|whole year)\b"
        ),
    ),
)
BASIS_REACH = (70, 50)


@functools.lru_cache(maxsize=8192)
def time_basis(facts: ClaimFacts) -> frozenset[str]:
    """The time bases the words near a figure name ("quarter", "month", "year"), and the span of its
    stated period when that is a month, a quarter or a year."""
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - BASIS_REACH[0]) : end + BASIS_REACH[1]].casefold()
    found = {name for name, pattern in _BASIS_WORDS if pattern.search(near)}
    days = _length(_period(facts))
    if days is not None:
        found |= {name for name, (low, high) in _SPANS.items() if low <= days <= high}
    return frozenset(found)


_SPANS = {"month": (28, 31), "quarter": (89, 92), "year": (365, 366)}


def basis_conflict(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures name a time basis and they share none: a quarter's growth is not a year's."""
    first, second = time_basis(a), time_basis(b)
    return bool(first) and bool(second) and not (first & second)


def far_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The figures stood more than half a year apart: another event, or another edition of a statistic."""
    when_a, when_b = _as_of(a), _as_of(b)
    return when_a is not None and when_b is not None and _days(when_a, when_b) > 183


def told_far_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """`far_apart`, but when only one figure states when it stood, by the two reports' days: the other may be that
    very figure told later without its period ("a crime rate of 14.9% in 2023", "the rate was 15%"), so its
    publication day says nothing of when it stood, only the reports' distance does."""
    if (_period(a) is None) != (_period(b) is None) and a.published and b.published:
        return _days(a.published, b.published) > 183
    return far_apart(a, b)


PAST = datetime.timedelta(days=183)  # a figure whose stated period ended this long before its article is history


def past(facts: ClaimFacts) -> bool:
    """The figure's stated period ended more than half a year before its article was published: an
    earlier event the story recalls (a fire of five years before, set beside this one's toll), not a
    reading of its own running counts."""
    period = _period(facts)
    if period is None or facts.published is None or period[1] == datetime.date.max:
        return False
    return facts.published - period[1] > PAST


def _past_beside(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """On a page without its day, a figure whose stated period ended more than `PAST` before the day of the other
    figure's page ("in 2016, a mudslide in the same valley killed 48 people", "the 1979 quake, which killed about
    2,400"), beside a figure that is not itself of such a time: an earlier event the story recalls, as `past` reads
    it on a page with its day. Two pages of one story are told days apart, not years."""
    period = _period(facts)
    if facts.published is not None or other.published is None or period is None or period[1] == datetime.date.max:
        return False
    return other.published - period[1] > PAST and not past(other)


# Last year named as the year a figure is of; not a basis it is compared with ("up 6% on a year earlier", "from last
# year").
_LAST_YEARS = re.compile(
    r"(?<!\bfrom )(?<!\bon )(?<!\bthan )(?<!\bwith )(?<!\bover )(?<!\bsince )(?<!\bagainst )"
    r"\b(?:last|previous|prior) year\b|\bthe year before\b"
)
_THIS_YEAR = re.compile(r"\bthis year\b")
LAST_YEAR_WORDS = 6  # words right before or after the figure that may name the year it is of


@functools.lru_cache(maxsize=8192)
def recalled(facts: ClaimFacts) -> bool:
    """A figure of an earlier event or year the story recalls: one whose period ended half a year before its page
    (`past`), or one with no period the extractor could date whose own words say it is last year's ("Last year, 14
    climbers died", "last year's total of about 9,200", "nearly 9,000 in the whole of last year") on a page that
    gives no day to date that year by. Not a figure that only sets last year's beside its own ("12,000 have
    crossed, passing last year's total of 9,150"): the words must stand in its own stretch (`_own_stretch`)."""
    if past(facts) or _in_a_years_when_clause(facts):
        return True
    if _stated_period(facts) is not None or "year" not in facts.sentence.casefold():
        return False  # every phrase of last year's names "year"; the test spares most candidates reading the rest
    start, end = _quote_span(facts)
    low, high = _own_stretch(facts)
    before = " ".join(_WORD.findall(facts.sentence[low:start].casefold())[-LAST_YEAR_WORDS:])
    after = " ".join(_WORD.findall(facts.sentence[end:high].casefold())[:LAST_YEAR_WORDS])
    # the nearer year named wins: "8,950 crossing so far this year against nearly 9,000 in the whole of last year"
    # after the figure, "last year's" names another figure ("12,000 crossed, passing last year's total of 9,150")
    last = next((match for match in _LAST_YEARS.finditer(after) if not after.startswith(" s", match.end())), None)
    this = _THIS_YEAR.search(after)
    if last or this:
        return bool(last) and not (this and this.start() < last.start())
    last, this = list(_LAST_YEARS.finditer(before)), list(_THIS_YEAR.finditer(before))
    return bool(last) and not (this and this[-1].start() > last[-1].start())


# A year, then a clause that tells what happened in it: "since 2011, when a dam burst upstream, killing".
_YEAR_WHEN = re.compile(r"\b((?:19|20)\d\d),?\s+when\b[^;.!?]*$", re.IGNORECASE)


def _in_a_years_when_clause(facts: ClaimFacts) -> bool:
    """The figure stands in a clause that a year long gone opens with "when" ("the deadliest flood since 2011, when a
    dam burst upstream, killing 63 people"): that year's event, recalled, though no period was read for
    the figure itself, or only the open span "since 2011" gives."""
    if facts.published is None:
        return False
    found = _YEAR_WHEN.search(facts.sentence[: _quote_span(facts)[0]])
    if not found:
        return False
    year, period = int(found.group(1)), _stated_period(facts)
    if period is not None and (period[0] != datetime.date(year, 1, 1) or period[1] < facts.published):
        return False
    return facts.published - datetime.date(year, 12, 31) > PAST


def _closed(facts: ClaimFacts) -> bool:
    """The figure's stated period, a month or longer, was over before its article was published ("830 cases in
    all of 2023", told in March 2024): a period's total, which no later reading of a running count updates. Not a
    day's count told the next day ("40 fell ill on Saturday")."""
    period = _stated_period(facts)
    if period is None or facts.published is None or datetime.date.max == period[1]:
        return False
    return period[1] < facts.published and (_length(period) or 0) >= LONG_PERIOD


def _as_of(facts: ClaimFacts) -> datetime.date | None:
    """When the figure stood: the end of its stated period, else the day it was published."""
    period = _period(facts)
    if period is not None and period[1] != datetime.date.max:
        return period[1]
    return facts.published


def describe_period(start: datetime.date, end: datetime.date) -> str:
    """ "2021", "November 2021", "8 November 2021", "1 March 2021 – 4 May 2021", "since 2000", "until 1990"."""
    if start > end:
        start, end = end, start
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if start == datetime.date.min and end == datetime.date.max:
        return "any time"
    if start == datetime.date.min:
        return f"until {describe_period(end, end)}"
    if end == datetime.date.max:
        return f"since {describe_period(start, start)}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end.day == month_end:
        return f"{start:%B %Y}"
    return f"{describe_period(start, start)} – {describe_period(end, end)}"


# Names of one place spelled differently; the value is the key both compare as.
PLACE_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
    "uae": "united arab emirates",
}
_PLACE_FILLER = {"the", "of", "border", "region", "city", "province", "state", "district", "and", "crossing", "island"}


def _place_key(place: str) -> str:
    place = place.strip().casefold().replace("’", "'")
    place = re.sub(r"'s?$", "", place)
    place = re.sub(r"^the ", "", place)
    place = re.sub(r"\s+alone$", "", place)  # "in Imlal province alone": the province, set apart
    place = _DIVISION_AFTER.sub("", place)  # "Alto Marañón region" is Alto Marañón
    return PLACE_ALIASES.get(place, place)


# A country's divisions, by the noun a place's name takes ("Alto Marañón region", "the province of Talmar").
_DIVISION_NOUNS = ("region", "province", "state", "district", "county", "governorate", "prefecture")
_DIVISION_AFTER = re.compile(rf"(?<=\w) (?:{'|'.join(_DIVISION_NOUNS)})$")


# Words that tell a figure is a whole country's: "across Ruvania", "nationwide".
_NATIONWIDE = re.compile(r"\b(?:[Nn]ationwide|[Cc]ountrywide|[Aa]cross the (?:country|nation)|[Aa]cross [A-Z])")
# A division named by its noun before it: "the southern district of Orvel", "the province of Talmar".
_DIVISION_OF = re.compile(rf"\b(?:{'|'.join((*_DIVISION_NOUNS, 'municipality'))}) of (?:the )?[A-Z]")


@functools.lru_cache(maxsize=8192)
def nationwide(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as the whole country's ("Across Ruvania, cases passed 2,400", "1,900 cases
    nationwide")."""
    return bool(_NATIONWIDE.search(facts.sentence))


@functools.lru_cache(maxsize=8192)
def in_division(facts: ClaimFacts) -> bool:
    """The figure is set in a division of a country, named with its noun ("Orvel district had 610 cases", "in the
    southern district of Orvel"): beside a figure told as the whole country's (`nationwide`), a part of it."""
    return any(_DIVISION_AFTER.search(place) for place in facts.places) or bool(_DIVISION_OF.search(facts.sentence))


def _division_beside_place(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is told of a place named as a division, its noun after its name ("Orvel province has recorded 610
    deaths"), the other of another place named without one ("Ruvania's toll rose to 1,900"): the division's part
    beside the country's count, or another place's. Not a division named by its noun before ("the province of
    Orvel"), which more often says where the story's event struck ("the quake hit the region of Orvel, killing
    42")."""
    for part, other in ((a, b), (b, a)):
        if not any(_DIVISION_AFTER.search(place) for place in part.places) or in_division(other):
            continue
        if (other.places and not related_places(part, other)) or "m:national" in other.counted_words:
            return True  # … or told as the country's ("a national toll of 1,900")
    return False


# A sentence that opens by setting its figure in a settlement named with its kind: "In the nearby town of Wadi Kharruba,
# …", "In Tizi Ouzmar, the village closest to the epicentre, …".
_SETTLEMENT_KIND = r"(?:town|village|city|district|neighbourhood|neighborhood)"
_SETTLEMENT_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
_SETTLEMENT_OPENING = re.compile(
    rf"^In (?:(?:the|a) (?:[\w-]+ ){{0,2}}{_SETTLEMENT_KIND} of (?P<one>{_SETTLEMENT_NAME})"
    rf"|(?P<two>{_SETTLEMENT_NAME}), (?:the|a|one) [^,]{{0,50}}?\b{_SETTLEMENT_KIND}\b[^,]{{0,60}}),"
)


# A settlement named with its kind, then a clause of what happened there: "in the mountain town of Chacas, where about
# 600 houses collapsed".
_SETTLEMENT_WHERE = re.compile(rf"\b{_SETTLEMENT_KIND} of (?P<name>{_SETTLEMENT_NAME}),? where\b[^,;.\d]*$")


@functools.lru_cache(maxsize=8192)
def settlement_opening(facts: ClaimFacts) -> str:
    """The name of the settlement a sentence opens by setting its figure in, named with its kind ("In the nearby town
    of Wadi Kharruba, 170 people were killed"; "In Tizi Ouzmar, the village closest to the epicentre, 212 … were
    killed"); or that the figure's clause tells of, opening with "where" right after the settlement ("most of the dead
    were in the town of Chacas, where about 600 houses collapsed"): that place's part of the story's count. "" when
    the sentence opens otherwise, or the figure comes before the opening's end."""
    found = _SETTLEMENT_OPENING.search(facts.sentence)
    start, _ = _quote_span(facts)
    where = _SETTLEMENT_WHERE.search(facts.sentence[:start])
    if where is not None:
        return where.group("name")  # "in the mountain town of Chacas, where about 600 houses collapsed"
    if found is None or start < found.end():
        return ""
    return found.group("one") or found.group("two")


def _settlement_beside_count(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is a settlement's (`settlement_opening`), the other's sentence opens with none and names no place
    of that name: the settlement's part beside the story's count, or another place's."""
    first, second = settlement_opening(a), settlement_opening(b)
    if bool(first) == bool(second):
        return False
    name, other = (first, b) if first else (second, a)
    return name.casefold() not in other.sentence.casefold()


@functools.lru_cache(maxsize=8192)
def _place_tokens(places: tuple[str, ...]) -> frozenset[str]:
    words = set()
    for place in places:
        key = _place_key(place)
        words.update(
            PLACE_ALIASES.get(word, word) for word in re.split(r"[^\w.]+", key) if word and word not in _PLACE_FILLER
        )
        words.add(key)
    return frozenset(words)


def related_places(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the places share a name or a word ("Belarusian-EU border" and "EU"): not proof, but no conflict."""
    return bool(_place_tokens(a.places) & _place_tokens(b.places))


def shared_places(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """The places both claims name, in the first claim's spelling and order."""
    theirs = {_place_key(place) for place in b.places}
    shared, seen = [], set()
    for place in a.places:
        key = _place_key(place)
        if key in theirs and key not in seen:
            shared.append(place.rstrip("’'"))
            seen.add(key)
    return shared


def part_named_as(facts: ClaimFacts) -> str:
    """What a part of a group is, as the words after it in its own clause name it ("17,480 of them are staying in
    public shelters": shelter; "24 of them were admitted to hospital": patient), one thing of COUNTED; "" when the
    figure is no part of a group, or its words name none or several ("1,390 of them seriously")."""
    if not part_of_group(facts):
        return ""
    clause = own_clause(facts)[1]
    words = [_stem(word) for word in _WORD.findall(clause.casefold())]
    found = _counted_groups(_HOUSED.get(word, _IN_STATE.get(word, word)) for word in words)
    return next(iter(found)) if len(found) == 1 else ""


def _stock_of_part_told_again(part: ClaimFacts, other: ClaimFacts) -> bool:
    """A part of a group that its words name as a stock (`part_named_as`, `STOCKS`: "17,480 of them are staying in
    public shelters", "24 of them were admitted to hospital"), beside a count of that stock told on its own ("24,910
    were being housed in shelters", "31 people are being treated in hospital"): the stock's own count, read again,
    not a part set beside its whole."""
    named = part_named_as(part)
    return named in STOCKS and (named == counted_thing(other) or named in _fates(other))


def _division_told_again(part: ClaimFacts, other: ClaimFacts) -> bool:
    """A division's part of a toll ("Orvel province accounted for 288 of the dead") beside a count told of that
    division and no other place ("officials in Orvel have recovered 610 bodies"), not told as the country's ("the
    national toll rose to 900, 610 of them in Orvel"): the division's own count, read again."""
    keys = [{_place_key(place) for place in facts.places} for facts in (part, other)]
    return (
        (in_division(part) or in_division(other))
        and bool(keys[0])
        and keys[0] == keys[1]
        and "m:national" not in other.counted_words
    )


def story_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared" (the two articles go by a common name), "different" or "unknown" (either has none)."""
    if not a.story or not b.story:
        return "unknown"
    return "shared" if set(a.story) & set(b.story) else "different"


def place_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared", "disjoint" (both name places, none in common) or "open"."""
    if not a.places or not b.places:
        return "open"
    if related_places(a, b):
        return "shared"
    # A place one sentence names may be another's story ("Maui" of a Lahaina claim in a Maui story).
    if _place_tokens(a.places) & _place_tokens(b.story) or _place_tokens(b.places) & _place_tokens(a.story):
        return "open"
    return "disjoint"


# ---------------------------------------------------------------- the story and the blocking keys

_ENTITY = re.compile(r"(?<=[\w,;:)”’\"] )([A-Z][\w’'-]*[A-Za-z0-9])")
_GENERIC_TITLE_WORDS = frozenset(
    """live update updates news breaking report reports latest world national international government
    european union central bank new year day week says said video photo photos watch read more""".split()
)


def story_entities(title: str | None, body: str, *, limit: int = STORY_ENTITIES) -> tuple[str, ...]:
    """The names an article's story goes by: words written with a capital inside its sentences (not
    starting one), most frequent first, those of the title counted thrice ("maui", "lahaina")."""
    counts: dict[str, int] = {}
    for match in _ENTITY.finditer(body[:20000]):
        word = re.sub(r"['’]s$", "", match.group(1)).casefold()
        word = word.split("-")[0] if re.match(r"^[a-z]{3,}-", word) else word
        if len(word) < 3 or word in _STOPWORDS or word in _GENERIC_TITLE_WORDS:
            continue
        counts[word] = counts.get(word, 0) + 1
    title_words = set(re.findall(r"[\w'’]+", (title or "").casefold()))
    title_words |= {word.split("-")[0] for word in title_words}
    ranked = sorted(counts, key=lambda word: (-counts[word] * (3 if word in title_words else 1), word))
    return tuple(ranked[:limit])


@dataclass(frozen=True)
class BlockKey:
    key: str
    bucket: int
    window: int  # candidates lie within this many buckets
    per_bucket: int  # the index returns the newest this many claims of each bucket


def blocking_keys(facts: ClaimFacts) -> list[BlockKey]:
    """Where the candidate index files a claim: its dimension, and its dimension within each story entity.

    A claim stating no number is filed nowhere.
    """
    return list(_blocking_keys(facts))


@functools.lru_cache(maxsize=8192)
def _blocking_keys(facts: ClaimFacts) -> tuple[BlockKey, ...]:
    bucket = magnitude(representative_value(facts))
    if bucket is None:
        return ()
    dimension = _block_dimension(facts)
    keys = [BlockKey(f"d:{dimension}"[:120], bucket, BLOCK_WINDOW, PER_BUCKET)]
    keys += [
        BlockKey(f"s:{entity[:60]}:{dimension}"[:120], bucket, STORY_WINDOW, per_bucket)
        for entity, per_bucket in zip(facts.story[:STORY_ENTITIES], STORY_PER_BUCKET, strict=False)
    ]
    return tuple(keys)


def _block_dimension(facts: ClaimFacts) -> str:
    dimension = claim_measure(facts).dimension
    # A unit we cannot convert still meets claims of its kind: a speed without its unit, an empty duration.
    return dimension.split(":")[0] if dimension.startswith(("measure:", "duration:")) else dimension


def same_block(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Would the candidate index find `b` for `a` (or `a` for `b`)?"""
    theirs = {key.key: key.bucket for key in _blocking_keys(b)}
    return any(key.key in theirs and abs(key.bucket - theirs[key.key]) <= key.window for key in _blocking_keys(a))


# ---------------------------------------------------------------- wording of values


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


# ---------------------------------------------------------------- judging a pair


def value_ratio(value_a: float, value_b: float) -> float:
    """The larger of two figures over the smaller, by size: 1 when equal (both zero included), infinite when their
    signs differ or one alone is zero."""
    if (value_a < 0) != (value_b < 0):
        return math.inf
    if value_a == 0 or value_b == 0:
        return 1.0 if value_a == value_b else math.inf
    return max(abs(value_a), abs(value_b)) / min(abs(value_a), abs(value_b))


class Reading:
    """What the rules read of a pair, before deciding.

    The figures' dimension, ratio and days apart are read at once; each other part is read the first time a rule
    asks for it and kept (most pairs the index brings are refused on a few of them, and reading the words is the
    dearer part of judging a pair). A reading of a pair is the same whichever parts were asked for first.
    """

    def __init__(self, a: ClaimFacts, b: ClaimFacts, *, dimension: str, value_a: float, value_b: float) -> None:
        self._a, self._b = a, b
        self.dimension = dimension
        self.ratio = value_ratio(value_a, value_b)
        self.days_apart = _days(a.published, b.published) if a.published and b.published else None
        # both figures are counts under SMALL: such figures agree by chance all the time
        self.small = dimension == "count" and max(abs(value_a), abs(value_b)) < SMALL
        # the numbers in one unit are equal ("5.2%", "5.2 percent"), not merely compatible
        self.equal_values = math.isclose(value_a, value_b, rel_tol=1e-9)

    def __repr__(self) -> str:
        return f"Reading({self._a.quote!r}, {self._b.quote!r})"

    @functools.cached_property
    def same_figure(self) -> bool:
        return same_figure(self._a, self._b)

    @functools.cached_property
    def subject(self) -> float:
        return subject_similarity(self._a, self._b)

    @functools.cached_property
    def wording(self) -> float:
        return trigram_similarity(self._a.sentence, self._b.sentence)

    @functools.cached_property
    def specificity(self) -> float:
        return specificity(self._a, self._b)

    @functools.cached_property
    def nouns(self) -> str:
        """One of "same", "open" (one or both unknown) or "different"."""
        thing_a, thing_b = counted_thing(self._a), counted_thing(self._b)
        if not (thing_a and thing_b):
            return "open"
        first, second = claim_measure(self._a), claim_measure(self._b)
        return "same" if thing_a == thing_b or first.noun == second.noun or _one_head(thing_a, thing_b) else "different"

    @functools.cached_property
    def counted(self) -> str:
        return counted_relation(self._a, self._b)

    @functools.cached_property
    def period(self) -> str:
        return period_relation(self._a, self._b)

    @functools.cached_property
    def places(self) -> str:
        return place_relation(self._a, self._b)

    @functools.cached_property
    def story(self) -> str:
        """One of "shared" (the articles share a story entity), "different" or "unknown"."""
        return story_relation(self._a, self._b)

    @functools.cached_property
    def not_actual(self) -> bool:
        """Exactly one of the two is a forecast, expectation or target."""
        return not_actual(self._a) != not_actual(self._b)

    @functools.cached_property
    def basis_conflict(self) -> bool:
        return basis_conflict(self._a, self._b)

    @functools.cached_property
    def far_apart(self) -> bool:
        return far_apart(self._a, self._b)

    @functools.cached_property
    def far_told(self) -> bool:
        """told_far_apart: what the score of "same" weighs as far_apart."""
        return told_far_apart(self._a, self._b)

    @functools.cached_property
    def running(self) -> bool:
        """Either sentence reads its figure as a running count."""
        return running(self._a) or running(self._b)

    @functools.cached_property
    def both_running(self) -> bool:
        """Each sentence reads its own figure as a running count ("so far", "rose to")."""
        return running(self._a) and running(self._b)

    @functools.cached_property
    def parsed(self) -> str:
        """parsed_relation: what the parse says each figure counts."""
        return parsed_relation(self._a, self._b)

    @functools.cached_property
    def modifiers(self) -> str:
        return modifier_relation(self._a, self._b)

    @functools.cached_property
    def one_thing(self) -> bool:
        """one_counted_thing: the parse says both count one thing (deaths, bodies, the missing …)."""
        return one_counted_thing(self._a, self._b)

    @functools.cached_property
    def bodies(self) -> bool:
        """sources_differ: two named bodies give the figures ("the ministry said", "the UN said")."""
        return sources_differ(self._a, self._b)

    @functools.cached_property
    def against(self) -> bool:
        """set_against: one sentence sets the other figure against its own ("while", "than the")."""
        return set_against(self._a, self._b)

    @functools.cached_property
    def told_order(self) -> bool:
        """A page without its day says itself which figure came first (`_ordered_by_words`)."""
        return _ordered_by_words(self._a, self._b, self)

    @functools.cached_property
    def tally_told_twice(self) -> bool:
        """Two counts of one tally on pages of which one or both give no day, each told as running, whose sizes say
        which came later (`_tallies_undated`: "arrivals have passed 14,000" beside "some 17,500 have arrived")."""
        return _tallies_undated(self._a, self._b, self)


def _one_head(first: str, second: str) -> bool:
    """One noun is the other narrowed by a modifier ("vaccine doses", "doses"): its head is the other."""
    return first.rsplit(" ", 1)[-1] == second or second.rsplit(" ", 1)[-1] == first


def read_pair(a: ClaimFacts, b: ClaimFacts) -> Reading | None:
    """The pair as the rules read it; None when the claims cannot be about one quantity at all."""
    first, second = claim_measure(a), claim_measure(b)
    if first.dimension != second.dimension:
        return None
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None:
        return None
    return Reading(a, b, dimension=first.dimension, value_a=value_a, value_b=value_b)


# The score is a logistic function of the reading, one per relation, fitted on the development pairs by
# `python -m claims.linking.calibration` (never on the held-out pairs; contradictions also on the audit of the
# linker's own suggestions and on the team's stories, rounds 37, 43 and 44 left out); the weights are its output.
FEATURES = (
    "bias",
    "subject",
    "no_subject",
    "wording",
    "specificity",
    "nouns_same",
    "nouns_different",
    "counted_shared",
    "counted_conflict",
    "period_same",
    "period_overlap",
    "period_one",
    "places_shared",
    "places_disjoint",
    "story_different",
    "not_actual",
    "basis_conflict",
    "far_apart",
    "running",
    "count",
    "count_running",
    "published_apart",
    "parsed_same",
    "parsed_conflict",
    "modifiers_same",
    "modifiers_conflict",
    "revision",
    "small",
    "one_thing",
    "both_running",
    "same_day",
    "equal_values",
    "bodies",
    "magnitude",
    "against",
)
SAME_WEIGHTS: dict[str, float] = {
    "bias": -0.147,
    "subject": 0.956,
    "no_subject": -0.491,
    "wording": 0.576,
    "specificity": 1.121,
    "nouns_same": -0.174,
    "nouns_different": -0.234,
    "counted_shared": 0.177,
    "counted_conflict": -0.77,
    "period_same": 1.302,
    "period_overlap": -0.101,
    "period_one": -0.587,
    "places_shared": 2.246,
    "places_disjoint": -2.731,
    "story_different": -0.655,
    "not_actual": -0.22,
    "basis_conflict": 0.313,
    "far_apart": -1.201,
    "running": 0.069,
    "count": -0.078,
    "count_running": 0.0,
    "published_apart": -1.474,
    "parsed_same": 0.316,
    "parsed_conflict": 0.085,
    "modifiers_same": 0.188,
    "modifiers_conflict": -0.501,
    "revision": 0.0,
    "small": 0.374,
    "one_thing": 0.141,
    "both_running": 0.416,
    "same_day": -0.139,
    "equal_values": 1.695,
    "bodies": 0.0,
    "magnitude": 0.0,
    "against": 0.0,
}
CHANGE_WEIGHTS: dict[str, float] = {
    "bias": 0.68,
    "subject": 0.319,
    "no_subject": -0.141,
    "wording": 0.34,
    "specificity": 0.494,
    "nouns_same": -0.342,
    "nouns_different": -0.093,
    "counted_shared": -0.322,
    "counted_conflict": 0.157,
    "period_same": 0.407,
    "period_overlap": 0.182,
    "period_one": 0.474,
    "places_shared": 0.123,
    "places_disjoint": -0.68,
    "story_different": -1.868,
    "not_actual": 0.19,
    "basis_conflict": 0.0,
    "far_apart": -1.67,
    "running": 0.069,
    "count": -0.436,
    "count_running": -0.172,
    "published_apart": 0.718,
    "parsed_same": 0.777,
    "parsed_conflict": -0.385,
    "modifiers_same": 0.0,
    "modifiers_conflict": -0.2,
    "revision": 0.172,
    "small": 0.335,
    "one_thing": -0.044,
    "both_running": 1.142,
    "same_day": 0.152,
    "equal_values": 0.0,
    "bodies": 0.0,
    "magnitude": 0.0,
    "against": 0.0,
}

CONTRADICTION_WEIGHTS: dict[str, float] = {
    "bias": -2.466,
    "subject": -0.841,
    "no_subject": 0.18,
    "wording": 0.909,
    "specificity": -0.293,
    "nouns_same": 0.848,
    "nouns_different": -0.866,
    "counted_shared": 0.871,
    "counted_conflict": 0.0,
    "period_same": 0.435,
    "period_overlap": 0.0,
    "period_one": -0.53,
    "places_shared": 1.562,
    "places_disjoint": 0.0,
    "story_different": 0.0,
    "not_actual": -0.578,
    "basis_conflict": 0.0,
    "far_apart": 0.0,
    "running": -0.552,
    "count": 0.367,
    "count_running": 0.225,
    "published_apart": 1.248,
    "parsed_same": 0.063,
    "parsed_conflict": -0.034,
    "modifiers_same": 0.269,
    "modifiers_conflict": -0.153,
    "revision": 0.0,
    "small": -1.327,
    "one_thing": 0.831,
    "both_running": 0.151,
    "same_day": 0.718,
    "equal_values": 0.0,
    "bodies": 1.292,
    "magnitude": 2.717,  # fitted alone, the others held (docs/linking.md): a full refit added an audit look-alike
    "against": 1.734,
}
# The weights the score of each relation is computed with (`judge`); the calibration fits and swaps them.
WEIGHTS = {"same": SAME_WEIGHTS, "updates": CHANGE_WEIGHTS, "contradicts": CONTRADICTION_WEIGHTS}


def _told_apart_undated(reading: Reading, relation: str) -> bool:
    """An update on a page without its day whose own words say which figure came first (`Reading.told_order`: "rose
    to", "now", "in all", a step told as a step), or whose two figures are one tally told as running, which only
    grows (`Reading.tally_told_twice`: "arrivals have passed 14,000" beside "some 17,500 have arrived"), the two within
    `UNDATED_TALLY_RATIO` of each other: told on two occasions, which the score weighs as it weighs two days apart
    ("risen to 70" beside "four still sought" are seldom one count's readings, so far apart)."""
    told = reading.told_order or reading.tally_told_twice
    return relation == "updates" and told and reading.ratio <= UNDATED_TALLY_RATIO


def reading_features(reading: Reading, relation: str = "") -> dict[str, float]:
    """The reading as the numbers the score weighs (names as in SAME_WEIGHTS, CHANGE_WEIGHTS and
    CONTRADICTION_WEIGHTS, one set per relation), with the relation the rules chose: a revised statistic
    is other evidence than a running count's later figure."""
    return {
        "revision": float(relation == "updates" and not (reading.dimension == "count" and reading.running)),
        "bias": 1.0,
        "subject": reading.subject,
        "no_subject": float(reading.subject < 0.1),
        "wording": reading.wording,
        "specificity": reading.specificity,
        "nouns_same": float(reading.nouns == "same"),
        "nouns_different": float(reading.nouns == "different"),
        "counted_shared": float(reading.counted == "shared"),
        "counted_conflict": float(reading.counted == "conflict"),
        "period_same": float(reading.period == "same"),
        "period_overlap": float(reading.period == "overlap"),
        "period_one": float(reading.period == "one"),
        "places_shared": float(reading.places == "shared"),
        "places_disjoint": float(reading.places == "disjoint"),
        "story_different": float(reading.story == "different"),
        "not_actual": float(reading.not_actual),
        "basis_conflict": float(reading.basis_conflict),
        "far_apart": float(reading.far_told if relation == "same" else reading.far_apart),
        "running": float(reading.running),
        "count": float(reading.dimension == "count"),
        "count_running": float(reading.dimension == "count" and reading.running),
        "published_apart": float(
            (reading.days_apart is not None and reading.days_apart >= 1) or _told_apart_undated(reading, relation)
        ),
        "parsed_same": float(reading.parsed == "same"),
        "parsed_conflict": float(reading.parsed == "conflict"),
        "modifiers_same": float(reading.modifiers == "same"),
        "modifiers_conflict": float(reading.modifiers == "conflict"),
        "small": float(reading.small),
        "one_thing": float(reading.one_thing),
        "both_running": float(reading.both_running),
        # a contradiction on a page without its day: its model is fitted on the team's stories too, every page of
        # which gives its day, and learned what one day and two days weigh (both for it), not what an unknown day
        # does; the reports came out on one day or on two, and the lesser of the two weights, one day's, is counted
        "same_day": float(reading.days_apart == 0 or (relation == "contradicts" and reading.days_apart is None)),
        "equal_values": float(reading.equal_values),
        "bodies": float(reading.bodies),
        "magnitude": float(reading.dimension == MAGNITUDE),
        "against": float(reading.against),
    }


def probability(weights: dict[str, float], features: dict[str, float]) -> float:
    """The logistic score of a relation's features under its weights: the probability a calibrated model gives."""
    total = sum(weight * features.get(name, 0.0) for name, weight in weights.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))


def one_toll(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures count one of a disaster's tolls (`TOLLS`): by what each counts in one word ("a death toll of
    93", "93 died"), or by what the parse says befell both ("23 officers were hurt", "26 officers injured")."""
    thing = counted_thing(a)
    return (thing in TOLLS and thing == counted_thing(b)) or bool(parsed_counted(a) & parsed_counted(b) & TOLLS)


# What a count of those in a place or a state is of ("410 patients in hospital", "54,000 in shelters"): a stock that
# rises and falls as people enter and leave it, read again on a later day.
STOCKS = frozenset({"patient", "shelter"})
_ENTERING = frozenset({"admit", "admission", "hospitalise", "hospitalize"})  # a flow into the stock, not the stock


def one_stock(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures count one stock of people (`STOCKS`), neither told as the people who entered it that day."""
    thing = counted_thing(a)
    if thing not in STOCKS or thing != counted_thing(b):
        return False
    return not any(_verb_lemmas(facts) & _ENTERING or day_alone(facts) for facts in (a, b))


def _verb_lemmas(facts: ClaimFacts) -> frozenset[str]:
    """The verbs the parse gives for what befell a count, as the extractor wrote them ("v:admit": admit)."""
    return frozenset(word[2:] for word in facts.counted_words if word.startswith("v:"))


def _newer_first(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure? By the periods they state, else by publication, else (for a count,
    which runs up) by value; None when nothing tells. Size orders only counts of one thing (one toll, the
    missing, or counts the parse reads alike): without their days, two counts of different things would
    always read as one that grew."""
    first, second = _period(a), _period(b)
    if first is not None and second is not None and datetime.date.max not in (first[1], second[1]):
        if first[1] != second[1]:
            return first[1] > second[1]
    if a.published is not None and b.published is not None and a.published != b.published:
        return a.published > b.published
    if a.published is None or b.published is None:
        told = _ordered_by_own_words(a, b, reading)
        if told is not None:
            return told  # an undated page: its own words say which figure came first
    if revised(a) != revised(b):
        return revised(a)  # "the USGS later revised the magnitude to 7.0": the figure set again is the later one
    value_a, value_b = representative_value(a), representative_value(b)
    if reading.dimension != "count" or value_a is None or value_b is None or value_a == value_b:
        return None
    toll, missing = one_toll(a, b), _of_missing(a) or _of_missing(b)
    reckoned = reading.days_apart is None and (
        _reckoned_on_a_page_without_its_day(a, b) or _reckoned_on_a_page_without_its_day(b, a)
    )
    if not (toll or missing or reading.parsed == "same" or _tallies_undated(a, b, reading) or reckoned):
        return None
    if _stages_apart(a, b):
        return None  # "900 bodies have been buried" beside "1,700 killed": a part of the toll, not its reading
    state = not toll or counted_thing(a) == counted_thing(b) == "displaced"  # the displaced go home, the dead stay
    if state and standing(a) != standing(b) and (value_a < value_b) == standing(a):
        # "1.6 million remained without power", told after the cut that left 2.1 million; "11,200 remain displaced"
        return standing(a)
    # A toll only rises; the missing fall as they are found, and those still in a state as they leave it.
    falls = missing or (standing(a) and standing(b))
    return (value_a < value_b) if falls else (value_a > value_b)


UNDATED_TALLY_RATIO = 3.0  # two readings of one tally on pages without their days: the later at most thrice


def _tallies_undated(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of one thing (not named apart) on pages of which one or both give no day, each told as a running
    tally ("more than 4,100 have now crossed", "the tally stood at 7,350") or one said to have risen to its figure
    ("the number of cases has climbed to 410", beside "520 cases"), within `UNDATED_TALLY_RATIO` of each other: one
    tally read on two occasions, whose size says which came later. Named apart only by a parse of "the total" that a
    sentence adds a step to, where the step did what the other counts (`_total_of_step_alike`: "detained 260 as
    protests spread to a dozen cities, bringing the total to more than 900" beside "1,450 have been detained"). Not
    when either fell to its figure, is of those still in a state ("79 remained inside"), a recalled or closed period's
    total, a forecast, or one day's count."""
    if reading.days_apart is not None or (reading.nouns == "different" and not _total_of_step_alike(a, b)):
        return False
    if not (reading.both_running or risen_to(a) or risen_to(b)) or fallen_to(a) or fallen_to(b):
        return False
    if reading.ratio > UNDATED_TALLY_RATIO:
        return False
    if any(standing(facts) for facts in (a, b)):
        return False  # those still in a state leave it: the smaller may be the later
    return not any(recalled(f) or _closed(f) or not_actual(f) or day_alone(f) or projected(f) for f in (a, b))


_FALLS = frozenset(
    "fell fallen fall falls dropped drop drops declined decline declines decreased decrease eased dipped slipped "
    "shrank shrunk sank sunk down weakened".split()
)


def fallen_to(facts: ClaimFacts) -> bool:
    """The sentence says the count fell to its figure ("the number of patients in hospital fell to 470", "has
    dropped to about 120")."""
    before = _words_beside(facts)[0]
    return bool(before) and before[-1] == "to" and bool(set(before[-3:-1]) & _FALLS)


def _ordered_by_own_words(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by what the sentences themselves say: a step between the two (`_told_after`), a count
    that fell to a figure below the other's (`_fallen_later`: "fell to 470" beside 530), or rose to one above it
    (`_risen_later`: "has climbed to 410" beside 250)? None when they say nothing."""
    told = _told_after(a, b)
    if told is None:
        told = _revision_after_a_move(a, b)
    if told is None:
        told = _fallen_later(a, b)
    if told is None:
        told = _risen_later(a, b, reading)
    if told is None:
        told = _left_in_state_later(a, b, reading)
    if told is None:
        told = _final_later(a, b)
    if told is None:
        told = _settled_later(a, b, reading)
    if told is None:
        told = _now_later(a, b, reading)
    if told is None:
        told = _weekday_later(a, b, reading)
    return told


WEEKDAY_GAP = 2  # two readings told by their weekdays alone are at most this many days apart


def _own_weekdays(facts: ClaimFacts) -> set[str]:
    """The weekdays named in the figure's own clause, with no other number between ("peaking at 4.6 metres on Monday
    morning"; not "by Tuesday" of "crested at 5.35 metres on May 4 and had fallen to 2.4 metres by Tuesday", which is
    another figure's)."""
    before, after = own_clause(facts)
    before, after = re.split(r"\d", before)[-1], re.split(r"\d", after)[0]
    return {day.casefold() for day in _WEEKDAY.findall(before + " " + after)}


def _told_on_weekdays(facts: ClaimFacts) -> set[str]:
    """The weekdays the sentence names as the day its figure was told ("the water authority said on Monday")."""
    return {match.group().rsplit(" ", 1)[-1].casefold() for match in _TOLD_ON.finditer(facts.sentence)}


def _weekday_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later reading of a level (`LEVELS`: a river's height, a storm's winds) or of a store's fill
    (`store_level`: "reservoirs were 41% full"), by the one weekday each sentence names for its figure ("reached 4.2
    metres on Sunday", "peaking at 4.6 metres on Monday morning"), else as the day it was told (`_told_on_weekdays`:
    "have fallen to 47% of capacity, the water board said on Monday")? A level is read day by day as it moves, so the
    weekday at most `WEEKDAY_GAP` days after the other's is the later. None when either names no weekday or more than
    one, both name the same, or the two are as far apart either way."""
    if reading.dimension not in LEVELS and not (store_level(a) and store_level(b)):
        return None
    first, second = _own_weekdays(a) or _told_on_weekdays(a), _own_weekdays(b) or _told_on_weekdays(b)
    if len(first) != 1 or len(second) != 1 or first == second:
        return None
    gap = (_WEEKDAY_NAMES.index(next(iter(first))) - _WEEKDAY_NAMES.index(next(iter(second)))) % 7
    if gap <= WEEKDAY_GAP:
        return True
    return False if 7 - gap <= WEEKDAY_GAP else None


NOW_REACH = (8, 4)  # words of the figure's own clause before and after it in which its "now" is read


@functools.lru_cache(maxsize=8192)
def told_now(facts: ClaimFacts) -> bool:
    """The figure's own clause tells it as where the count stands now ("the government has now paid 260 million",
    "Chad now hosts more than 118,000 refugees", "some 3,000 people have now been evacuated"); not "until now" or
    "from now", which name another time."""
    before, after = (_WORD.findall(part.casefold()) for part in own_clause(facts))
    before, after = before[-NOW_REACH[0] :], after[: NOW_REACH[1]]
    words = [*before, "", *after]
    return any(
        word == "now" and (i == 0 or words[i - 1] not in ("until", "till", "from", "up", "than"))
        for i, word in enumerate(words)
    )


def _now_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that tells its count as where it now stands (`told_now`) above the
    other's figure of one thing told without it ("has now paid 260 million marks" beside "has paid 210 million")?
    A count that only grows reached the larger figure last. None when both or neither say "now", the "now" figure is
    the smaller, the two are not told as one thing, or either may fall (those still in a state, the missing) or is
    another time's (a recalled or closed total, a forecast)."""
    if told_now(a) == told_now(b) or reading.dimension in ("percent", MAGNITUDE):
        return None
    one = reading.parsed == "same" or (reading.nouns == "same" and reading.counted == "shared")
    if reading.parsed == "conflict" or not one:
        return None  # "orders for 2,000 residents were lifted" beside "3,000 have now been evacuated": other fates
    if any(standing(f) or _of_missing(f) or recalled(f) or _closed(f) or not_actual(f) or projected(f) for f in (a, b)):
        return None
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    now, other = (value_a, value_b) if told_now(a) else (value_b, value_a)
    return told_now(a) if now > other else None


# What an election's count is told in: "with 62% of ballots counted", "with all precincts in".
_BALLOTS = r"(?:votes?|ballots?|precincts?|polling stations?|returns|count)"


# Words that tell a figure as the count's last reading: "In all, 19 were rescued", "with all ballots counted",
# "37,690 arrivals in all", "the strike ended on Wednesday after 590 flights were cancelled" (not "the year ended
# March", a period's name, nor "ended up").
_FINAL = re.compile(
    r"\bin all\b(?!\s+(?:of|the|but)\b)|\ball told\b"
    r"|(?<!year )(?<!quarter )(?<!period )(?<!months )\bended\b(?!\s+up\b)"
    rf"|\bwith all(?: the)? {_BALLOTS} (?:counted|in|tallied)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def told_final(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as the count's last reading ("In all, 12 miners died and 19 were rescued",
    "the party won 36.9% with all ballots counted", "the campaign ended on Sunday after reaching 4.3 million"): what
    the count came to, told after its readings under way."""
    return bool(_FINAL.search(facts.sentence)) and not provisional(facts)


def _final_later(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by a sentence that tells it as the count's last reading (`told_final`) beside one
    that does not? None when both or neither are so told, or either is a count of those still in a state."""
    if standing(a) or standing(b):
        return None  # "79 remained inside" beside "in all, 154 are now free": those left, not the count's reading
    first, second = told_final(a), told_final(b)
    return first if first != second else None


def _settled_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that reads the other's count while it is under way (`provisional`:
    "with 62% of ballots counted, the party was on 24.1%", "a preliminary estimate put the deficit at 3.8%") beside
    one of the same period told without it ("the party took 25.6%")? A provisional reading is told before the count
    is settled. None when both or neither are so told, the two are not of one period, or they are counts, whose
    early tallies are as often a part told first as a reading the settled count replaces."""
    first, second = provisional(a), provisional(b)
    if first == second or reading.period not in ("same", "none", "one") or reading.dimension == "count":
        return None
    return second


def _left_in_state_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that tells its count as those still in a state ("1,500 residents remain
    under evacuation orders", "about 500 people remained in shelters") beside a larger count of one thing told
    without it ("some 4,200 people are under evacuation orders")? Those left are what remains of the larger figure,
    so they are told after it. None when both or neither are so told, the standing count is not well below the other
    (`STANDING_DRAINED`), the other says it rose to its figure, either is another time's (a baseline, a count of
    weeks), the two are not named alike, or they are a toll ("100 dead, with dozens still missing": its "still" is
    another's), but for the displaced, who go home ("1,900 residents remain under evacuation orders")."""
    homes_left = counted_thing(a) == counted_thing(b) == "displaced"  # the displaced go home, the dead stay
    if standing(a) == standing(b) or (one_toll(a, b) and not homes_left) or reading.dimension != "count":
        return None
    if not (one_stock(a, b) or (reading.nouns == "same" and reading.counted == "shared")):
        return None
    if baseline(a) or baseline(b) or not _told_on_their_days(a, b):
        return None  # "down from a peak of 230,000", "8,000 tried to cross this year": another time's figure
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    held = a if standing(a) else b
    other = b if held is a else a
    if representative_value(held) * STANDING_DRAINED > representative_value(other):
        return None  # "260 remain in hospital" beside "310 are being treated": a stock that rises and falls
    if risen_to(other):
        return None  # "the number in shelters has risen to 3,900": it says itself it was reached later
    return held is a


STANDING_DRAINED = 1.5  # those left in a state are told after a figure of it at least half as large again


def _ordered_by_words(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """On a page without its day, the sentences themselves say which figure came later (`_ordered_by_own_words`:
    "winds dropped to 90 km/h" beside 150): told on two occasions, as days apart would say."""
    if reading.days_apart is not None or (a.published is not None and b.published is not None):
        return False
    return _ordered_by_own_words(a, b, reading) is not None


def _stages_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure counts the dead at a stage after their bodies were found (named, handed over, buried: `STAGES`)
    and the other at another stage or none ("900 bodies have been buried", "1,700 killed"): a stage's count is a
    part of the toll, never a reading of it, so their sizes say nothing of which was told later. Bodies recovered
    are how a toll is told ("six bodies recovered", then "41 died")."""
    first, second = stages(a), stages(b)
    return first != second and bool((first | second) - {_FOUND})


# What a count the stages of a toll may befall counts (`counted_thing`): the dead, by any name, or people at large;
# "" when the parse says nothing.
_STAGED = frozenset({"", "death", "people", "victim"})


def _staged_toll(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Either count is of the dead, or of people (`_STAGED`), whom a verb of STAGES may put at a stage of a toll
    ("the bodies of 40 victims were taken to the morgue"); not a count of other things, where it says only where they
    went ("120 oiled birds have been taken to rescue centres", "the number of oiled birds … has risen to 410")."""
    return bool({counted_thing(a), counted_thing(b)} & _STAGED or one_toll(a, b))


def _revision_after_a_move(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by one sentence that sets its figure again (`revised`: "revised March's jobless rate
    up to 6.2%") beside one that says its figure moved (`fallen_to`, `risen_to`: "fell to 6.1 percent in March from
    6.4 percent")? The move tells how the figure changed from the period before, not from the other account; the
    revision sets again a figure told before, so it is the later. None unless exactly one is a revision and the
    other a move."""
    first = revised(a) and not revised(b) and (fallen_to(b) or risen_to(b))
    second = revised(b) and not revised(a) and (fallen_to(a) or risen_to(a))
    return first if first != second else None


def _fallen_later(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by a sentence that says its count fell to a figure below the other's? The other is
    then its earlier reading, whatever size would say (a count that only grows needs no such word). None when
    neither says so, or both do."""
    return _said_moved(a, b, fallen_to, up=False)


def _said_moved(a: ClaimFacts, b: ClaimFacts, said: Callable[[ClaimFacts], bool], *, up: bool) -> bool | None:
    """Is `a` the later figure, by a sentence that `said` moved its count up (or down) to a figure beyond the
    other's? None when neither says so, or both do, or the figures are equal."""
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    first = said(a) and (value_a > value_b) == up
    second = said(b) and (value_b > value_a) == up
    return first if first != second else None


_RISES = frozenset(
    "rose risen rise rises grew grown grow grows climbed climb climbs increased increase increases jumped jump "
    "jumps swelled swollen doubled tripled surged soared mounted".split()
)
_PASSES = frozenset("passed pass passes surpassed surpass surpasses exceeded exceed exceeds topped tops".split())
# Words of a figure's qualifier, which stand between the verb and the number ("has grown to about 2,600").
_QUALIFYING = frozenset("about some around roughly nearly almost more than over at least just".split())
RISEN_REACH = 4  # words before "to" that may hold the verb: "has doubled in a week to 26,000"


@functools.lru_cache(maxsize=8192)
def risen_to(facts: ClaimFacts) -> bool:
    """The sentence says the count rose to its figure ("the number of cases has climbed to 410", "has doubled in a
    week to 18,000") or went past it ("complaints have passed 7,000", "arrivals now exceed 12,000"), the verb
    before the figure or in its quote ("passed 7,000"): a count read as it grows, above its earlier readings."""
    start, _ = _quote_span(facts)
    quoted = [word for word in _WORD.findall(facts.quote.casefold()) if word not in _SCALE_WORDS]  # "3 million"
    words = _WORD.findall(facts.sentence[:start].casefold()) + quoted
    while words and words[-1] in _QUALIFYING:
        words.pop()
    if not words:
        return False
    if words[-1] in _PASSES:
        return True
    return words[-1] == "to" and bool(set(words[-1 - RISEN_REACH : -1]) & _RISES)


def _risen_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that says its count rose to (or went past) a figure above the
    other's (`risen_to`), both counting one thing? The other is then its earlier reading: the mirror of
    `_fallen_later`. None when neither says so."""
    level = reading.dimension in LEVELS and reading.parsed == "same"  # "the ash column rose to 12 km", "8 km"
    if (reading.nouns != "same" and not level) or (not level and _stages_apart(a, b) and _staged_toll(a, b)):
        return None  # a count that rose beside a count of something else ("cases passed 3,000", "45 died")
    if any(standing(facts) or _of_missing(facts) for facts in (a, b)):
        return None  # those still in a state ("6,400 remain displaced") leave it: the smaller may be the later
    if any(_closed(facts) for facts in (a, b)):
        return None  # "830 in all of 2023", told in 2024: a period's total, no reading of a running count
    return _said_moved(a, b, risen_to, up=True)


_MORE_NUMBER_WORDS = {
    **{word: float(number) for word, number in _NUMBER_WORDS.items() if word not in ("a", "an")},
    "thirteen": 13.0, "fourteen": 14.0, "fifteen": 15.0, "sixteen": 16.0, "seventeen": 17.0, "eighteen": 18.0,
    "nineteen": 19.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "dozen": 12.0,
}  # fmt: skip
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_MORE_NUMBER_WORDS))})\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _numbers_beside(facts: ClaimFacts) -> tuple[tuple[int, int, float], ...]:
    """The other numbers of the figure's sentence, in digits or words, scaled ("900,000", "2.3 million", "two"):
    (start, end, value)."""
    start, end = _quote_span(facts)
    found = []
    for first, last, number in _figures_beside(facts):
        scale = _SCALE_AFTER.match(facts.sentence, last)
        found.append((first, last, number * _SCALE_WORDS[scale.group(1).casefold()] if scale else number))
    for match in _NUMBER_WORD.finditer(facts.sentence):
        if match.start() < end and match.end() > start:
            continue
        found.append((match.start(), match.end(), _MORE_NUMBER_WORDS[match.group().casefold()]))
    return tuple(found)


_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b|\byear\s+(?:before|earlier)\b|\b(?:19|20)\d\d\b")


def _names_year_before(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence names beside its own figure another year's, the one `other` states ("31,260 crossed in
    2025, compared with 23,870 in 2024" beside "nearly 24,000 in the whole of last year"; "61 drowned in 2025,
    against 42 the year before" beside "last year, 42 drowned"): `other` is that year's figure, not a reading of
    this one."""
    value = representative_value(other)
    if value is None:
        return False
    for first, last, number in _numbers_beside(facts):
        if abs(number - value) > max(rounding_tolerance(number), rounding_tolerance(value), 1e-9):
            continue
        if _LAST_YEAR.search(facts.sentence[max(0, first - 40) : last + 40]):
            return True
    return False


# The figure a sentence adds a step to ("… bringing the total to 630", "leaving 22 still trapped").
_TOTAL_BEFORE = re.compile(rf"(?:{_ADDING_TO}|\bleaving)\s*$", re.IGNORECASE)


def _names_earlier(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence tells how its figure came from `other`'s: it names the step between them, told as a step
    ("another 290 flights were cancelled, bringing the total to 630" beside 340; "brought nine to the surface, leaving
    22 still trapped" beside 31), or names `other`'s figure as the one it moved from ("down from a peak of 2,600", "up
    from 1,520 a day earlier"), with no other figure between. Not a figure of last year ("compared with 11,900 at the
    same point last year"), which is another period's, not the count's earlier reading."""
    own, value = representative_value(facts), representative_value(other)
    if own is None or value is None or own == value:
        return False
    step = abs(own - value)
    start, end = _quote_span(facts)
    numbers = _numbers_beside(facts)
    total = bool(_TOTAL_BEFORE.search(facts.sentence[:start]))
    for first, last, number in numbers:
        low, high = min(first, end), max(last, start)
        if any(low <= other < high for other, _, _ in numbers if other != first):
            continue  # another figure between: the number belongs to it
        window = facts.sentence[max(0, first - 40) : last + 40]
        if _LAST_YEAR.search(window):
            continue
        before = _WORD.findall(facts.sentence[max(0, first - 30) : first].casefold())
        after = _WORD.findall(facts.sentence[last:].casefold())[:4]
        if number > 0 and abs(number - step) <= max(0.5, 0.005 * max(abs(own), abs(value))):
            told_as_step = (before and before[-1] in _INCREMENT_BEFORE) or (after and after[0] in _INCREMENT_AFTER)
            if told_as_step or total:
                return True  # the step between the two figures
        if abs(number - value) <= max(rounding_tolerance(number), rounding_tolerance(value), 1e-9):
            if first >= end:
                moved_from = "from" in before[-4:]  # "1,800, down from a peak of 2,600"
            else:  # "revised from 4,125 to 3,845": the figure it was set from, then the figure it was set to
                between = _WORD.findall(facts.sentence[last:start].casefold())
                moved_from = "from" in before[-2:] and between[-1:] == ["to"] and len(between) <= 3
            if moved_from or ({"earlier", "ago", "previous", "previously", "before"} & set(after) and first >= end):
                return True  # the figure it moved from
    return False


@functools.lru_cache(maxsize=8192)
def _told_after(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by what the sentences say of each other (`_names_earlier`)? None when neither
    sentence tells, or both do. Cached: `_newer_first` asks it at several gates of one undated pair."""
    first, second = _names_earlier(a, b), _names_earlier(b, a)
    return first if first != second else None


def named_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both units name one group of people, and not people at large ("68,900 refugees", "41,300 refugees"): what
    the figures count, though their sentences share few words."""
    if a.kind != "count" or b.kind != "count":
        return False  # "percent" and "percent" say nothing of what is measured
    first, second = (_singular(facts.unit.strip().casefold()) for facts in (a, b))
    if not first or {first, second} & (_GENERIC | {"person"}):
        return False
    return first == second or _one_head(first, second)  # "malaria vaccine doses", "doses"


# Verbs by which a count named only by a stand-in reaches its figure ("the total has now passed 3,000").
_REACHING = frozenset("pass reach rise climb double triple stand grow hit top exceed surpass swell jump".split())
STAND_IN_REACH = 6  # words before the figure in which a stand-in noun ("the total for the season has") is read


@functools.lru_cache(maxsize=8192)
def stand_in_count(facts: ClaimFacts) -> bool:
    """The parse names what a count counts only by a stand-in ("the tally stood at 4,120", "the governor put the
    number at 7,500", "the agency's own tally reached 640"), or by nothing but a verb of reaching after one ("the
    total for the season has now passed 3,000"): the story's running count, told without its noun. Whose count it
    is ("the agency's") says nothing of what it counts; "the number of arrests" names it, and is no stand-in."""
    if claim_measure(facts).dimension != "count":
        return False
    roles: dict[str, list[str]] = {}
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        roles.setdefault(role, []).append(lemma)
    nouns, verbs, modifiers = roles.pop("n", []), roles.pop("v", []), roles.pop("m", [])
    if roles or not set(nouns) <= _STAND_IN_NOUNS or not set(verbs) <= _REACHING:
        return False
    if not nouns and not (verbs and _STAND_IN_NOUNS & set(_words_beside(facts)[0][-STAND_IN_REACH:])):
        return False
    whose = (re.search(rf"\b{re.escape(word)}['’]s\b", facts.sentence, re.IGNORECASE) for word in modifiers)
    return all(word == "own" or found for word, found in zip(modifiers, whose, strict=True))


def _told_by_stand_in(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One of two counts is the story's count told by a stand-in (`stand_in_count`: "the tally stood at 4,120"),
    and neither is of those still in a state ("80,000 remain displaced"): a stock is no tally the story keeps."""
    return (stand_in_count(a) or stand_in_count(b)) and not (standing(a) or standing(b))


def change_relation(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """`_change_relation`, but a pair whose words say nothing alike and that one sentence only sets against the other
    (`set_against`) is a contradiction or nothing: the comparison says they are one quantity, not that one ran on."""
    reckoned, tally = _one_reckoning(a, b, reading), _one_tally_told(a, b, reading)
    apart = _words_apart(a, b, reading, told_as_one=reckoned or tally)
    found = _change_relation(a, b, reading, reckoned=reckoned, tally=tally, apart=apart)
    if found is not None and found[0] == "updates" and reading.against and apart:
        return None
    return found


# The words by which a sentence adds its step to a total ("…, bringing the total since Saturday to"), at the end of
# what comes before the total's figure.
_ADDING_TO_TOTAL = re.compile(rf"{_ADDING_TO}\s*$", re.IGNORECASE)
_ADDING_VERB = re.compile(_ADDING_VERBS, re.IGNORECASE)


def added_total_thing(facts: ClaimFacts) -> str:
    """What a total its sentence adds a step to counts: the one thing of COUNTED the words before the step name
    ("police detained 380 more people overnight, bringing the total to 1,720" counts arrests, however the parse
    reads "the total"). "" when the figure is no such total, or the words before name no one thing."""
    start, _ = _quote_span(facts)
    before = facts.sentence[:start]
    if not _ADDING_TO_TOTAL.search(before):
        return ""
    verb = list(_ADDING_VERB.finditer(before))[-1]
    words = _WORD.findall(before[: verb.start()].casefold())
    things = _counted_groups(_GROUP_OF.get(_stem(word), _stem(word)) for word in words)
    return next(iter(things)) if len(things) == 1 else ""


def _total_of_step_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One count is a total its sentence adds a step to (`added_total_thing`), and the step did what the other
    count's parse says befell its people ("detained 380 more, bringing the total to 1,720" beside "1,650 people have
    been arrested"): the parse of "the total" says nothing of what it counts, the step does."""
    first, second = added_total_thing(a), added_total_thing(b)
    return bool(first and first == counted_thing(b)) or bool(second and second == counted_thing(a))


# The endings by which English makes a noun of a verb's deed or of the one it befell: "cancellation", "arrival",
# "departure", "displacement", "evacuee". Not the doer's ("rescuer", "protester"): the doers are other people.
_DEED_ENDINGS = ("ation", "ition", "sion", "tion", "ion", "ment", "ure", "al", "ee")
_VERB_ENDINGS = ("ate", "e")  # "evacuate" and "evacuation", "arrive" and "arrival" share "evacu", "arriv"
# Verbs that say how a count moved or was kept, not what befell those it counts: "cases fell to 300" and "deaths
# fell to 12", "recorded 1,204 cases" and "recorded 23 deaths" are two things; nor do light verbs ("taken to
# hospital", "taken captive").
_NO_DEED = _REACHING | frozenset(
    "fall drop decline decrease dip shrink ease slip sink slow approach near hover total number record register log "
    "document list tally count estimate report confirm take give get keep hold see".split()
)
# Nouns that are their verb's deed with no ending ("returns reached 305", "140 were returned").
_BARE_DEEDS = frozenset({"return"})
MIN_DEED_ROOT = 4  # letters a shared root must have: "land" and "landing", not "pass" and "passage"


def _deed_root(lemma: str, *, noun: bool) -> str:
    """The root a verb shares with the noun of its deed: "cancel" for "cancel" and "cancellation", "evacu" for
    "evacuate", "evacuation" and "evacuee", "arriv" for "arrive" and "arrival". A noun with none of those endings
    has no root here ("flight", "passenger"); "" when the root is too short to say anything."""
    word = lemma.casefold()
    endings = _DEED_ENDINGS if noun else _VERB_ENDINGS
    ending = next((end for end in endings if word.endswith(end) and len(word) - len(end) >= MIN_DEED_ROOT), None)
    if noun and ending is None:
        return ""
    root = word[: -len(ending)] if ending else word
    if noun and root.endswith("e") and len(root) > MIN_DEED_ROOT:
        root = root[:-1]  # "displace"ment, as "displace" is read
    if len(root) > MIN_DEED_ROOT and root[-1] == root[-2] and root[-1] not in "aeiou":
        root = root[:-1]  # "cancell"ation
    return root if len(root) >= MIN_DEED_ROOT else ""


@functools.lru_cache(maxsize=8192)
def deed_roots(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    """What the parse says befell those a count counts, as roots (`_deed_root`): (by its verb or a participle on its
    noun, by its noun). "1,150 flights were cancelled" and "4,150 cancelled operations" give ({"cancel"}, {}),
    "about 1,500 cancellations" ({}, {"cancel"}); "8,000 evacuees" ({}, {"evacu"})."""
    verbs, nouns = set(), set()
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        if role in ("v", "m") and " " not in lemma and lemma not in _NO_DEED:
            root = _deed_root(lemma, noun=False)
            if root:
                verbs.add(root)
        elif role == "n":
            root = _deed_root(lemma, noun=True) or (lemma if lemma in _BARE_DEEDS else "")
            if root:
                nouns.add(root)
    if sent_back(facts):
        verbs.add("return")
    return frozenset(verbs), frozenset(nouns)


def last_of_group(facts: ClaimFacts) -> bool:
    """A count told as the last of its group ("released the last 54 hostages", "the last 12 miners were brought
    up"): the step that ends a tally, not the tally read again."""
    return "m:last" in facts.counted_words


def one_deed(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two counts, one told by what befell its people and the other by the noun of that deed: "airlines cancelled
    1,150 flights" and "about 1,500 cancellations", "5,300 people had arrived" and "6,100 arrivals", "4,000
    residents were evacuated" and "4,600 evacuees". The two name one thing in other words."""
    if claim_measure(a).dimension != "count" or claim_measure(b).dimension != "count":
        return False
    if last_of_group(a) or last_of_group(b):
        return False
    (verbs_a, nouns_a), (verbs_b, nouns_b) = deed_roots(a), deed_roots(b)
    return bool(verbs_a & nouns_b or verbs_b & nouns_a or verbs_a & verbs_b)


def _statistic_republished(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two rates of one stated period, told a week or more apart and within a revision of each other: the period's
    statistic published again ("inflation is expected to be 10.7% in October", then "annual inflation rose to 10.6
    percent in October"), however differently the two sentences word it."""
    return (
        reading.dimension == "percent"
        and reading.period == "same"
        and reading.days_apart is not None
        and reading.days_apart >= REVISION_GAP.days
        and _revision_sized(a, b, reading)
    )


def _people_of_one_place(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of people that name one place, one told by what befell them (a thing of COUNTED: "12,000 people
    have fled into Sulen") and the other by no more than who they are ("41,300 refugees had now reached Sulen",
    "the UN agency has registered 68,900 refugees in Sulen"): one group told in other words. Not two counts that
    both say nothing of what befell them ("2,000 people waiting at the border", "8,000 tried to enter"), nor two
    that say different things (the dead and the displaced of one town, which the later gates tell apart)."""
    if reading.dimension != "count" or reading.places != "shared":
        return False
    things = {counted_thing(a), counted_thing(b)}
    return "people" in things and len(things & COUNTED) == 1


def _words_apart(a: ClaimFacts, b: ClaimFacts, reading: Reading, *, told_as_one: bool) -> bool:
    """Two different figures, and nothing in the words or the parse says they are of one thing; but "June's figure
    was revised down to 3.0%" says it is the period's figure, set again, however few words it shares. ``told_as_one``:
    the two are one count reckoned from one day or one tally told twice (`_one_reckoning`, `_one_tally_told`). Nor
    is a count told by a stand-in for the story's (`_told_by_stand_in`) beside another."""
    thing = counted_thing(a)
    one_kind = thing in COUNTED and thing == counted_thing(b)  # "a death toll of 93 individuals" and "it rose to 53"
    return (
        reading.subject < MIN_CHANGE_SUBJECT
        and reading.counted != "shared"
        and not reading.one_thing
        and not one_kind
        and not named_alike(a, b)
        and not one_statistic(a, b)
        and not (of_population(a) and of_population(b))
        and not (reading.period == "same" and (revised(a) or revised(b)))
        and not _progress(a, b, reading)
        and not _store_read_again(a, b, reading)
        and not _told_by_stand_in(a, b)
        and not told_as_one
        and not one_deed(a, b)
        and not _statistic_republished(a, b, reading)
        and not _people_of_one_place(a, b, reading)
    )


# Words after a count that make it a flow each day ("2,000 people arriving every day", "some 300 a day").
_PER_DAY = re.compile(
    r"^[^,;.\d]{0,40}?\b(?:(?:every|each|per|a) (?:single )?day|daily)\b(?!\s+(?:earlier|before|ago|later|after))",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def per_day(facts: ClaimFacts) -> bool:
    """A count its own clause tells as a flow each day ("with up to 2,000 people arriving every day", "about 300 a
    day", "1,100 crossings per day"): a rate, never a total's reading, nor one a total could refute."""
    if claim_measure(facts).dimension != "count":
        return False
    _, end = _quote_span(facts)
    return bool(_PER_DAY.search(facts.sentence[end:]))


def _one_deed_of_one_group(a: ClaimFacts, b: ClaimFacts) -> bool:
    """A part of a group told by what befell it ("22 of the victims have been identified"), beside a count of that
    group told by the same deed ("nine victims had been identified"): both count those the deed befell, one tally."""
    (nouns_a, verbs_a, _), (nouns_b, verbs_b, _) = _parsed(a), _parsed(b)
    return bool(nouns_a & nouns_b) and bool((verbs_a & verbs_b) - _NO_DEED)


def _change_relation(
    a: ClaimFacts, b: ClaimFacts, reading: Reading, *, reckoned: bool, tally: bool, apart: bool
) -> tuple[str, bool] | None:
    """For two different figures of one subject: ("updates", a is newer), ("contradicts", False), or None.

    An update is a later figure: of a running count (tolls, totals, "so far"), or a statistic revised
    for the same period a week or more after it was first published. A running count only grows, so a
    later, smaller count is of something else (a part, another place), unless what it counts is what
    is still missing, those still in a state, or a stock of people (`STOCKS`: patients in hospital) that
    rises and falls. A share of work under way (`_progress`) is read again as it grows. Two figures of one
    time (stated alike, or both undated and published the same day) that are neither are a contradiction.
    Figures for different periods are different facts, unless both are as-of readings of one running count; a
    figure of an earlier event (`past`) is neither an update nor a contradiction of one of the story's own.
    Nor is a part set beside a whole, or a standing number beside a count: a nationality's count, everyone
    in a group ("all 72"), a place's population, a statistic's baseline. A toll (`TOLLS`) told again on a
    later day is read as running whatever its words, and so are two counts reckoned from one day (`_one_reckoning`).
    Two magnitudes of one quake are its revision or two institutes' contradiction (`one_quake`), and no two figures
    that could both be right contradict each other (`_contradiction`). ``reckoned``, ``tally`` and ``apart`` are
    `change_relation`'s readings of the pair (`_one_reckoning`, `_one_tally_told`, `_words_apart`).
    """
    if reading.ratio > MAX_UPDATE_RATIO:
        return None
    if one_quake(a, b, reading):
        newer = _newer_first(a, b, reading)
        if newer is not None and revised(a if newer else b):
            return "updates", newer  # "the institute revised the quake's magnitude down to 6.9"
        return _contradiction(a, b, reading)  # "a magnitude 7.0 earthquake, the institute said"; "the USGS: 6.8"
    if per_day(a) != per_day(b):
        return None  # "up to 2,000 arriving every day" beside "118,000 refugees": a flow beside a total
    if reading.dimension == MAGNITUDE:
        return None  # an aftershock's magnitude beside the quake's or another's, or an earlier quake's: other shocks
    replaced = _told_in_place_of(a, b), _told_in_place_of(b, a)
    if replaced[0] != replaced[1] and reading.ratio <= MAX_LEVEL_RATIO:
        return "updates", replaced[0]  # "grew 2.7 percent, rather than the 3.1 percent first published"
    against = reading.against
    if not against and apart:
        return None
    recalls = recalled(a) or _past_beside(a, b), recalled(b) or _past_beside(b, a)
    if recalls[0] != recalls[1] and reading.period != "same":
        # a figure of an earlier event the story recalls, set beside one of its own; but last year's figure beside a
        # total of a period over when told ("visitors rose to 2.1 million last year", "revised 2024's visitors to 2.14
        # million") may be of one year, unless the total's sentence names the year before's figure, and it is that;
        # and last year's figure told as set again ("raised its count of 2024's arrests to 3,410") is the news, not a
        # recollection
        old, total = (a, b) if recalls[0] else (b, a)
        if (not _closed(total) or _names_year_before(total, old)) and not revised(old):
            return None
    if bool(nationalities(a)) != bool(nationalities(b)):
        return None  # a nationality's count ("five Indians") is a group within a story's people, not their whole
    if nations_apart(a, b):
        return None  # "9 Morvanian citizens" beside "four Belvanians": two nations' people
    if projected(a) != projected(b):
        return None  # what someone says the count could reach beside the count as told
    if of_time_to_come(a) != of_time_to_come(b):
        return None  # "schools in 58 districts will stay shut next week" beside "136 districts were hit"
    parts = part_of_group(a) or part_of_toll(a), part_of_group(b) or part_of_toll(b)
    if (
        parts[0] != parts[1]
        and not (_division_told_again(a, b) if parts[0] else _division_told_again(b, a))
        and not (_stock_of_part_told_again(a, b) if parts[0] else _stock_of_part_told_again(b, a))
        and not _one_deed_of_one_group(a, b)
    ):
        # a part of a group ("1,390 of them seriously", "Of the dead, 140 were in Orvel") beside a count of the whole,
        # or another; but a division's part, beside that division's own count told again, is its reading
        return None
    if same_point_earlier(a) != same_point_earlier(b):
        return None  # "at the same point in 2023, when 4,100 had crossed" beside 2023's total, or this year's count
    if _stages_apart(a, b) and one_toll(a, b):
        return None  # "1,700 bodies have been buried" beside "4,125 confirmed dead": a stage's count, a part
    if whole_group(a) != whole_group(b):
        return None  # everyone in a group ("all 72 on board") beside a tally of what befell them so far
    if _fate_of_some(a, b) or _fate_of_some(b, a):
        return None  # "the bus was carrying 45 passengers" beside "16 passengers were taken to hospital"
    if breakdown_part(a) != breakdown_part(b):
        return None  # a part of a whole just counted ("all 40 killed — 36 passengers and four crew") beside a toll
    if reading.dimension == "percent" and excluding(a) != excluding(b):
        return None  # "prices excluding energy and food rose 0.6%" beside "consumer prices rose 1.5%"
    if own_threshold(a) != own_threshold(b):
        return None  # "4,100 had waited more than 52 weeks" beside "7.1 million were waiting": a part of the whole
    if of_population(a) != of_population(b):
        return None  # a place's population beside a toll or another count of what befell its people
    if of_population(a) and reading.ratio > MAX_REVISION_RATIO:
        # a population is a standing number, counted again only to be revised a little: "a town of about 9,000
        # people" beside "a town of 38,000 inhabitants" are two places' people
        return None
    if _one_population(a, b, reading):
        return _contradiction(a, b, reading)  # "a city of 200,000 people"; days later, "the city of 220,000"
    if (
        baseline(a) != baseline(b)
        and not (reading.dimension == "count" and reading.running)
        and reading.period != "same"
        and not (reading.dimension in LEVELS and _levels_on_their_days(a, b))
    ):
        # a statistic's baseline ("up from 9.9% in September") is another period's figure, neither updated nor
        # refuted by the news; a running count's ("jumped from 36 to 53") is its earlier reading, and one dated
        # as the other figure is ("fell to 2.2% in March from 2.4% in February") that period's figure read again;
        # so is a level's that names its day ("down from 5.35 metres on Sunday"), as it stood that day
        earlier = a if baseline(a) else b
        if revised_from(earlier) and _revision_sized(a, b, reading):
            return "updates", earlier is b  # "a revision from the 10.7% reported previously": its earlier reading
        return None
    newer = _newer_first(a, b, reading)
    republished = reading.days_apart is not None and reading.days_apart >= REVISION_GAP.days
    set_undated = False  # a page without its day beside a figure one sentence says was set again
    if (
        reading.days_apart is None
        and newer is not None
        and revised(a) != revised(b)
        and newer == revised(a)
        and _told_after(a, b) in (None, newer)
        and not (not_actual(a if newer else b) and not not_actual(b if newer else a))
    ):
        # a page without its day, beside a figure one sentence says was set again ("revised second-quarter growth up
        # to 0.7%", "cut the fine to 36 million"): the set figure is the other's later reading, whatever the days
        republished = set_undated = True
    # "January's figure was revised up to 1.86 million": the period's figure set again, however it is named
    set_again = reading.period == "same" and (revised(a) or revised(b))
    if set_again and revised(a) != revised(b) and newer == revised(a) and reading.days_apart is not None:
        # one period's figure told as revised ("the revised 1.5% gain in the previous quarter") beside the same
        # period's figure told without it, on any day ("slowing from the 1.3% expansion"): its earlier reading
        republished = True
    if (
        reading.nouns == "different"
        and reading.counted != "shared"
        and not reading.one_thing
        # a figure set again moves a little: "raised its count of robberies to 9,870" is no "412,300 burglaries"
        and not (tally or (set_again and _revision_sized(a, b, reading)))
        and not one_deed(a, b)
    ):
        return None  # two different figures of things named apart, nothing saying they are one thing
    if reading.period == "disjoint" and _long_periods(a, b):
        return None  # last year's total beside this year's count so far: two quantities, however they run
    if place_alone(a) != place_alone(b) and not shared_places(a, b):
        return None  # one place's part of a count ("in Tazrout province alone 694 died") beside the count
    if nationwide(a) != nationwide(b) and in_division(b if nationwide(a) else a):
        return None  # "across Ruvania, cases passed 2,400" beside "610 cases in Orvel district"
    if _division_beside_place(a, b) or _settlement_beside_count(a, b):
        return None  # "Orvel province has recorded 610 deaths" beside "Ruvania's toll rose to 1,900"
    if (_day_beside_span(a, b) and not one_toll(a, b)) or day_alone(a) != day_alone(b) or _days_beside_count(a, b):
        # one day's count ("1,180 on Monday alone") beside a count of weeks or more, running or not; but a toll of
        # the day an event struck, beside its toll dated by the event's week ("died in last week's crash"), is one
        return None
    if all(day_alone(f) or days_record(f) for f in (a, b)) and reading.period == "disjoint":
        # two days' own flows ("412 crossed on Sunday alone", "1,195 on Saturday, a record for a single day"): neither
        # is a reading of the other
        return None
    # two parts of a toll told of one division ("Of the dead, 410 were in Imlal province"; "Imlal province accounted
    # for 688 of the fatalities"), or one such part beside the division's own count ("In Imlal province alone, more
    # than 1,300 people died"): the division's own toll, read again
    division_again = any(parts) and _division_told_again(*((a, b) if parts[0] else (b, a)))
    tolled = (one_toll(a, b) or one_stock(a, b) or division_again) and (
        (reading.days_apart is not None and reading.days_apart >= 1) or _undated_toll(a, b, reading)
    )
    if statistics_differ(a, b):
        return None  # the economy's growth beside household spending's, or core inflation beside inflation
    now = reading.days_apart is None and _now_later(a, b, reading) is not None  # "has now paid 260 million"
    now = now or _both_read_now(a, b, reading)  # "6,000 rescuers are now deployed", "9,000 are now at work"
    if reading.dimension == "count" and (reading.running or tolled or reckoned or now) and newer is not None:
        # A running count moves between reports, and within a day: whatever the periods say, a later,
        # larger figure updates it; a later, smaller one is of something else. Two different figures
        # published the same day are a tally's two readings only when both are told as a tally ("so far",
        # "rose to"); otherwise they are most often two groups of one event (passengers and crew, bodies
        # recovered and the dead).
        # two days each figure states, within a week, though both were told on one day ("at least 820 killed on
        # Friday", "1,037 by Saturday evening"): the tally's two readings; a weekday both sentences name, on pages
        # without their days, is the one day both were told
        stated_apart = _stated_apart(a, b) and _days(_stated_period(a)[0], _stated_period(b)[0]) < REVISION_GAP.days
        one_day = (
            reading.days_apart == 0 or (reading.days_apart is None and _one_weekday(a, b)) or _day_before_named(a, b)
        )
        set_later = bool(reading.days_apart) and revised(a if newer else b) and not revised(b if newer else a)
        if set_later and against and not reading.bodies:
            # "the manifest shows 6, while the embassy says 8", then "the revised manifest shows 8": the figure set
            # again is the contested one's later reading
            return "updates", newer
        if (one_day and reading.bodies and not stated_apart) or (against and reading.period != "disjoint"):
            # two bodies' counts of one toll on one day ("the ministry said 1,541", "the Red Crescent said 1,900"), or
            # one sentence sets the other's count against its own ("61 deaths, higher than the 48 reported by …")
            found = _contradiction(a, b, reading)
            if found is not None or against or not _bound_then_count(a, b, newer):
                return found
        if _baseline_of_its_day(a, b, reading):
            return _contradiction(a, b, reading)
        if reading.days_apart == 0 and not reading.both_running and not stated_apart:
            return None
        if _grows(a, b, newer):
            return "updates", newer
        if _smaller_for_its_day(a, b, reading):
            return _contradiction(a, b, reading)  # "more than 5,000 died on Wednesday"; later, "3,100 on Wednesday"
        return None
    if (
        newer is not None
        and (reading.days_apart is not None or set_undated)
        and revised(a if newer else b)
        and _told_on_their_days(a, b)
    ):
        # the later sentence says the figure was set again ("a court cut the fine to 36 million"): its update,
        # however far it moved, where the periods are only the days each was told; on a page without its day, the
        # figure set again is the later (`set_undated`)
        return ("updates", newer) if reading.ratio <= MAX_RESET_RATIO else None
    if _average_so_far(a, b) and newer is not None and reading.days_apart:
        return "updates", newer  # "an average of 52 people per boat so far this year", in October "61 this year"
    if spans_differ(a, b):
        return None
    grown = _grown_later(a, b, reading) if reading.days_apart is None else None
    if grown is not None and newer is None:
        newer = grown  # the days cannot say which was told later, but a total that only grows can
    told_apart = bool(reading.days_apart) or grown is not None or _ordered_by_words(a, b, reading)
    if (
        _running_measure(a, b, reading)
        and newer is not None
        and told_apart
        and not against  # "a depth of 11 km, shallower than the 18.5 km estimated by the survey": a dispute
        and (reading.period != "disjoint" or (as_of_reading(a) and as_of_reading(b)) or _told_on_their_days(a, b))
    ):
        # a running measure (barrels leaked, acres burned, kilometres of coast fouled), told again on a later day;
        # each dated to the day it was told ("has burned 2,300 acres since Tuesday", "by Thursday … 3,900 acres")
        return ("updates", newer) if reading.ratio <= MAX_LEVEL_RATIO else None
    if _gathered(a, b, reading) and newer is not None and told_apart:
        # a sum an appeal or a fund gathers, told again on a later day ("raised £2.3 million", "passed £5 million"):
        # it only grows
        return ("updates", newer) if _grows(a, b, newer) and reading.ratio <= MAX_LEVEL_RATIO else None
    if (
        _progress(a, b, reading)
        and newer is not None
        and ((reading.days_apart and reading.days_apart <= PROGRESS_DAYS) or grown is not None)
    ):
        # a share of work under way read again on a later day (or on a page without its day): it only grows
        return ("updates", newer) if _grows(a, b, newer) else None
    if _store_read_again(a, b, reading) and newer is not None:
        # a store's fill read again on a later day ("41% full on Monday", "fallen to 37% of capacity"): up or down
        return "updates", newer
    if reading.period == "disjoint":
        return None
    if republished and newer is not None:
        # A statistic for the same period, published again a week or more later; a figure that moved more
        # than a revision does is another measure of that period (a component, another basis).
        return ("updates", newer) if _revision_sized(a, b, reading) else None
    final = reading.days_apart is None and newer is not None and not provisional(a if newer else b)
    if newer is not None and (reading.days_apart or final) and provisional(b if newer else a):
        # a count still under way ("with 62% of ballots counted"), told again on a later day, or on a page without its
        # day as the count's last reading ("with all ballots counted") or as settled (`_settled_later`: "the party
        # took 25.6%"): its later reading
        return ("updates", newer) if reading.ratio <= MAX_REVISION_RATIO else None
    if reading.period != "same" and not (reading.period == "none" and reading.days_apart == 0) and not against:
        # A contradiction is two figures for one time: stated alike, or both told as of the day both were
        # published. Without that, two different figures are most often of two things.
        return None
    return _contradiction(a, b, reading)


_WEEKDAY = re.compile(rf"\b(?:{'|'.join(_WEEKDAY_NAMES)})\b", re.IGNORECASE)


def _one_weekday(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both sentences name one weekday, the same ("said on Tuesday", "by Tuesday evening"): on pages whose days are
    unknown, the figures of one day's reports."""
    first = {day.casefold() for day in _WEEKDAY.findall(a.sentence)}
    second = {day.casefold() for day in _WEEKDAY.findall(b.sentence)}
    return len(first) == 1 and first == second


def _day_before_named(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two pages a day apart whose sentences both name one weekday, the earlier page's own, as the day someone told
    the figure ("the coast guard said on Tuesday", in Tuesday's page; "the disaster office said late on Tuesday", in
    Wednesday's): the figures of that day's reports."""
    if a.published is None or b.published is None or abs((a.published - b.published).days) != 1:
        return False
    first = {day.casefold() for day in _WEEKDAY.findall(a.sentence)}
    earlier = min(a.published, b.published)
    if not (_one_weekday(a, b) and first == {_WEEKDAY_NAMES[earlier.weekday()]}):
        return False
    return all(_TOLD_ON.search(facts.sentence) for facts in (a, b))  # not the event's day ("in Tuesday's blast")


MAX_LEVEL_RATIO = 5.0  # a running measure moves by at most this much between two readings


def _one_tally_told(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts each told as a running tally ("so far", "rose to", "have now been"), on different days, the later
    not below the earlier, whose parse says they count one thing (a noun or verb in common: "victims had been buried",
    "bodies have been buried"): one tally read twice, however few other words their sentences share or however
    differently each names what it counts. A total its sentence adds a step to counts what the step did
    (`_total_of_step_alike`), whatever the parse makes of "the total"."""
    if reading.dimension != "count" or not reading.both_running:
        return False
    if reading.parsed != "same" and not _total_of_step_alike(a, b):
        return False
    if not ((reading.days_apart or 0) >= 1 or _ordered_by_words(a, b, reading) or reading.tally_told_twice):
        # told on one day; but a page without its day may say itself which came first ("climbed to 97"), or be one
        # tally whose size says it (`Reading.tally_told_twice`)
        return False
    newer = _newer_first(a, b, reading)
    if newer is None:
        return False
    later, earlier = (figure_interval(a), figure_interval(b)) if newer else (figure_interval(b), figure_interval(a))
    return later is not None and earlier is not None and later.high >= earlier.low  # a tally only grows


def _one_reckoning(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of one story reckoned from one day, each to the day it was told ("more than 5,300 have crossed so
    far this year" in March, "17,106 people have made the journey since January" in June): one running count read
    twice, however differently each names what it counts. Not when the parse says they count different things."""
    if reading.dimension != "count" or reading.story == "different" or reading.parsed == "conflict":
        return False
    if reading.nouns == "different":
        return False
    if reading.days_apart is None:
        return _reckoned_on_a_page_without_its_day(a, b) or _reckoned_on_a_page_without_its_day(b, a)
    if not reading.days_apart >= 1:
        return False
    first, second = _stated_period(a), _stated_period(b)
    if first is None or second is None or first[0] != second[0] or datetime.date.min == first[0]:
        return False
    if any((_length(_period(facts)) or 0) < RECKONING_DAYS for facts in (a, b)):
        return False  # "800 troops were deployed in November", told on the 12th: what befell them that month
    return as_of_reading(a) and as_of_reading(b)


RECKONING_DAYS = 60  # a count reckoned so far from one day runs over months ("this year", "since January")


def _reckoned_on_a_page_without_its_day(dated: ClaimFacts, undated: ClaimFacts) -> bool:
    """One count reckoned over months from the first of a month ("more than 5,300 have crossed so far this year", in
    March), the other, on a page without its day, reckoned in its own clause from that month ("17,106 people have
    made the journey since January"; "so far this year" for January): one running count read twice."""
    period = _stated_period(dated)
    if undated.published is not None or _period(undated) is not None or period is None:
        return False
    if datetime.date.min == period[0] or period[0].day != 1 or (_length(_period(dated)) or 0) < RECKONING_DAYS:
        return False
    clause = " ".join(own_clause(undated))
    month = period[0].strftime("%B")
    said = rf"\bsince (?:the start of |the beginning of )?{month}\b"
    if period[0].month == 1:
        said += r"|\bso far this year\b|\bsince the (?:start|beginning) of the year\b"
    return bool(re.search(said, clause, re.IGNORECASE)) and as_of_reading(dated)


def _contradiction(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """Two figures of one quantity at one time contradict each other only when both cannot be right: "more than
    5,000" and "at least 5,300" can (a count of 5,400 makes both true), so neither refutes the other; nor do figures
    too far apart to be one quantity's (MAX_CONTRADICTION_RATIO). A plain figure beside a finer one told as "about"
    it, beyond the plain one's rounding ("200,000", "about 220,000"), is refuted, though the spread "about" grants
    meets it (`_about_finer_than_plain`)."""
    if reading.ratio > MAX_CONTRADICTION_RATIO or (compatible(a, b) and not _about_finer_than_plain(a, b)):
        return None
    return "contradicts", False


_AFTERSHOCK_WORDS = frozenset({"aftershock", "aftershocks", "foreshock", "foreshocks"})
# The parse's tags of a shock that is not the quake: the noun the figure counts ("a 5.6 aftershock"), its modifier
# ("an aftershock of magnitude 4.9": magnitude, of an aftershock) or what its verb set ("recorded 300 aftershocks,
# the strongest of them a 4.9").
_AFTERSHOCK_TAGS = frozenset(
    f"{tag}{word}" for tag in ("n:", "m:", STATISTIC_HEAD) for word in ("aftershock", "foreshock")
)


def _aftershock(facts: ClaimFacts) -> bool:
    """The magnitude is an aftershock's or a foreshock's ("a magnitude 5.6 aftershock", "a 6.1-magnitude
    aftershock"): what the parse says it counts, or a noun within two words after the figure. Not "the tremor",
    which names the quake as often as a smaller shock (`MAGNITUDE_SPREAD` keeps those apart)."""
    if _AFTERSHOCK_TAGS & set(facts.counted_words):
        return True
    after = facts.sentence[_quote_span(facts)[1] :]
    return bool(_AFTERSHOCK_WORDS & set(_WORD.findall(after.casefold())[:2]))


def one_quake(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two magnitudes of the story's quake: a quake has one magnitude, so two figures for it, within a step of each
    other (`_cannot_link`), told days apart or not, are one quantity: a revision or two institutes' readings. Not an
    aftershock's beside the quake's, nor another story's quake."""
    if reading.dimension != MAGNITUDE or reading.equal_values or reading.story == "different":
        return False
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or abs(value_a - value_b) > MAGNITUDE_SPREAD:
        return False  # a whole step apart: a quake and a smaller shock the words do not call an aftershock
    return not (_aftershock(a) or _aftershock(b)) and not (past(a) or past(b))


def _one_population(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two figures for one place's population (`of_population`: "a city of 200,000 people", "the city, where about
    220,000 people live"), in places that do not exclude each other, told within a week or on pages without their
    days: a population is a standing number, the same on every day of a story, so the two are one quantity at one
    time, whatever days they were told; a census published a season later revises it (`REVISION_GAP`)."""
    if not (of_population(a) and of_population(b)) or "disjoint" in (reading.places, reading.period):
        return False
    return reading.days_apart is None or reading.days_apart < REVISION_GAP.days


def _undated_toll(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two figures of one toll whose days are unknown, read as two readings of it: each a number (not "thousands",
    nor a range, which size cannot order); at one stage (recovered, identified …) or none; neither a whole group
    ("all 72 on board"); not stated for one same period (two outlets' toll of a past year disagree, not update)."""
    if reading.days_apart is not None or reading.period == "same":
        return False
    if "vague" in (a.qualifier, b.qualifier) or "range" in (a.qualifier, b.qualifier):
        return False
    return stages(a) == stages(b) and not (whole_group(a) or whole_group(b))


# Running measures of what piles up and is never taken back (tonnes of aid delivered, acres burned, barrels leaked),
# unlike a level (`LEVELS`: a river's height, a storm's winds) or a temperature, which rise and fall.
ACCUMULATING = frozenset({"mass", "area", "volume"})


def _grown_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later of two figures of a total that only grows, told without the days that would order them (a
    running measure of what piles up, `ACCUMULATING`, a sum gathered, `_gathered`, or a share of work under way,
    `_progress`, told as a level: "the blaze was 20% contained", "is 75 percent contained")? The larger is the later;
    None when the figures are not such a total, or are equal."""
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    if not (
        _gathered(a, b, reading)
        or (reading.dimension in ACCUMULATING and _running_measure(a, b, reading))
        or (_progress(a, b, reading) and not (_told_as_change(a) or _told_as_change(b)))
    ):
        return None
    return value_a > value_b


_SIDE_WORDS = frozenset({"up", "down", "higher", "lower"})


def _told_as_change(facts: ClaimFacts) -> bool:
    """The words tell the percentage as a change, not a level ("rents rose 0.6%", "eased to 3.1%", "down 1.7 per
    cent", "0.9 percent higher than a year earlier"): a rate that moves either way, never work under way."""
    before, after = _words_beside(facts)
    if any(_stem(word) in _MOVED for word in before[-4:]) or _SIDE_WORDS & set(before[-2:] + after[:2]):
        return True
    return bool(_parsed(facts)[1] & _MOVED)


def _running_measure(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A physical measure (a volume, an area, a length: no count, share, sum or duration) that one sentence reads
    as running ("6,500 barrels have leaked"), and whose parse words beyond its unit say what the other's do
    ("barrels … leaked", "kilometres of coastline"): a slick 12 km long is not the coast it reached."""
    if reading.dimension in ("count", "percent", "duration") or reading.dimension.startswith("money"):
        return False
    # a level that moves (a storm's winds, a river's height) is read as running when one verb says it moved, whatever
    # the other says of where it stood ("peaked at 5.35 metres", "stood at 4.9 metres", "was packing winds of 185")
    said = [_parsed(facts)[1] for facts in (a, b)]  # each figure's verbs
    moving = reading.dimension in LEVELS and (any(verbs & _MOVED for verbs in said) or _levels_on_their_days(a, b))
    if not (reading.running or moving):
        return False
    if reading.dimension in LEVELS and any(_moved_by(facts) or _beyond_a_mark(facts) for facts in (a, b)):
        return False  # "the water rose nearly two metres", "five metres above flood level": no level's reading
    words = []
    for facts in (a, b):
        nouns, verbs, modifiers = _parsed(facts)
        unit = {_stem(spelling) for spelling in unit_spellings(facts.unit, facts.kind)}
        told = (nouns | verbs | modifiers) - unit - (_MOVED if moving else frozenset())
        words.append({_GROUP_OF.get(word, word) for word in told})  # "burned 5,200 acres", "charred 6,900 acres"
    return bool(words[0] & words[1]) or not (words[0] and words[1])


def _levels_on_their_days(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two readings of a level (`LEVELS`), each dated by its sentence to one day, and the days differ ("stood at 4.9
    metres on Thursday", "measured 3.6 metres on Wednesday"; "packing winds of 185 km/h on Monday", "made landfall on
    Wednesday with winds of 150 km/h"): the level as it stood on each day, read again, whatever the verbs say. Not a
    change ("rose two metres"), a bound ("mud up to half a metre deep") or a baseline ("down from 5.35 metres")."""
    first, second = _stated_period(a), _stated_period(b)
    return (
        first is not None
        and second is not None
        and _length(first) == _length(second) == 1
        and first != second
        and not any(
            _undated_baseline(facts) or facts.qualifier in _UPPER_BOUNDS or _change_told(facts) for facts in (a, b)
        )
    )


def _undated_baseline(facts: ClaimFacts) -> bool:
    """A baseline ("down from 5.35 metres") whose own clause names no day of its own: the level before the news, of
    no day the rules could set beside another reading. One that names its day ("down from 5.35 metres on Sunday") is
    the level as it stood that day."""
    return baseline(facts) and not _own_weekdays(facts)


_ABOVE_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:above|below|over|under|higher than|lower than)\b", re.IGNORECASE)


def _beyond_a_mark(facts: ClaimFacts) -> bool:
    """The figure, with its unit, is how far a level stood beyond a mark ("more than five metres above the level at
    which it floods", "two metres below normal"): a gap, not the level."""
    _, end = _quote_span(facts)
    return bool(_ABOVE_AFTER.match(facts.sentence[end:]))


def _moved_by(facts: ClaimFacts) -> bool:
    """A verb of change stands right before the figure ("the water rose nearly two metres", "fell 4%"): the figure is
    how far it moved, never where it stood ("peaked at 5.35 metres", "dropped to 7.9 metres")."""
    before, _ = _words_beside(facts)
    return bool(before) and _stem(before[-1]) in _MOVED


def _change_told(facts: ClaimFacts) -> bool:
    """The figure is told as a change ("the water rose nearly two metres"), not as the level a change reached ("had
    dropped to 7.9 metres") or left ("down from 5.35 metres on Sunday")."""
    return _told_as_change(facts) and _words_beside(facts)[0][-1:] not in (("to",), ("from",))


# Words of a sum that people give and a fund gathers: "an appeal raised £2.3 million", "donations passed £5 million".
_GATHERING = re.compile(r"\b(?:rais(?:e|ed|es|ing)|donat\w*|appeal|fundrais\w*|crowdfund\w*|collect(?:ed|ion|ions)?)\b")


# Verbs of a sum promised, not gathered: "will match donations up to £5 million", "pledged £2 million".
_PROMISING = frozenset({"match", "pledge", "promise", "offer", "commit", "earmark"})


@functools.lru_cache(maxsize=8192)
def gathered(facts: ClaimFacts) -> bool:
    """A sum of money the sentence says was given or gathered (raised, donated, collected, an appeal's): a total
    that grows as people give, read again on later days. Not a sum promised (`_PROMISING`) nor a cap ("up to")."""
    if facts.kind != "money" or facts.qualifier in _UPPER_BOUNDS or _parsed(facts)[1] & _PROMISING:
        return False
    return bool(_GATHERING.search(facts.sentence.casefold()))


def _gathered(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two sums in one currency, both gathered (`gathered`)."""
    return reading.dimension.startswith("money") and gathered(a) and gathered(b)


LEVELS = frozenset({"speed", "length"})  # measures of a level that rises and falls: winds, a river's height


# Work under way (a fire contained, ballots cast, a vote counted) is read again within days; shares told weeks
# apart are more often of two events ("turnout was 31% in the May local elections", "64% in the June election").
PROGRESS_DAYS = 14


@functools.lru_cache(maxsize=8192)
def _share_words(facts: ClaimFacts) -> frozenset[str]:
    """What a percentage is a share of, as the parse tells it (its counted noun, verb, modifiers and statistic),
    each word cut to its root ("containment", "contained": contain)."""
    nouns, verbs, modifiers = _parsed(facts)
    heads, _ = statistic(facts)
    words = nouns | verbs | modifiers | heads
    if not words:
        # the parse names nothing ("was 5% contained on Saturday"): the words of the figure's own clause
        words = {word for word, weight in _context_of(facts).items() if weight >= SHARE_CLAUSE_WEIGHT} - {"percent"}
    words = {re.sub(r"(?:ment|ion)$", "", word) for word in words}
    return frozenset(words - _CHANGE_WORDS)


SHARE_CLAUSE_WEIGHT = 0.6  # `_context_of`'s weight of a word of the figure's own clause


# Words of a change, which say how a figure moved, never what it is a share of ("fell 4.5%", "grew 5%").
_CHANGE_WORDS = frozenset(
    "fall rise grow growth drop increase decrease climb jump decline slow gain lose loss cut raise surge "
    "slip sink soar plunge edge weaken intensify strengthen ease".split()
)
# What a level's verbs say of it: that it moved, or peaked, crested or receded (where it stood is an empty verb).
_MOVED = _CHANGE_WORDS | {"peak", "crest", "recede", "ebb"}


def _progress(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A share that grows as work goes on, told on the day it stood ("the fire was 10% contained", then "crews
    have contained 60%"; "turnout stood at 23.4%", then "final turnout was 58.2%"): percentages that state no
    period beyond the day they were told, whose parse says they are shares of one thing."""
    if (
        reading.dimension != "percent"
        or reading.places == "disjoint"
        or (reading.period == "disjoint" and not (as_of_reading(a) and as_of_reading(b)))
        or not (_told_on_their_days(a, b) or (as_of_reading(a) and as_of_reading(b)))
    ):
        return False  # but "containment stood at 15% on Monday" and "60% on Thursday" are read on their days
    if reading.modifiers == "conflict":
        return False  # "90% of structures" and "70% of the area" were destroyed: shares of two wholes
    if provisional(a) or provisional(b):
        return False  # a party's share while votes are counted moves either way
    if any(_stated_period(facts) is not None and not as_of_reading(facts) for facts in (a, b)):
        return False  # "2.3% in March": a period's statistic, not a reading of work under way
    return bool(_share_words(a) & _share_words(b))


# What a store's fill is told by: "full", or "of (its) capacity", right after the percentage ("41% full", "fallen to 37%
# of capacity"); or "level(s)" in the clause before it ("water levels in the reservoirs stood at 33 percent").
_FULL_AFTER = re.compile(r"^\s*(?:full\b|of\s+(?:its\s+|their\s+|total\s+|storage\s+)?capacity\b)", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\blevels?\b[^,;:.\d]{0,50}$", re.IGNORECASE)
STORE_DAYS = 7  # a store's fill is read on the day it is told: a stated period of a week or less, never a month's


@functools.lru_cache(maxsize=8192)
def store_level(facts: ClaimFacts) -> bool:
    """The percentage is how full a store stands ("reservoirs were 41% full on Monday", "have fallen to 37% of
    capacity", "water levels in the dams stood at 33 percent"): a level read again day by day, that falls and rises
    (a dry month, then rain), never a rate or a change. Not a baseline it is set against ("down from 58% a year
    ago"), nor a change ("fell 4%"), though a level moved to is one ("fallen to 37% of capacity"), nor a figure of a
    period longer than a week."""
    if claim_measure(facts).dimension != "percent" or baseline(facts):
        return False
    if _change_told(facts):
        return False  # "fell 4%" is a change; "fallen to 37% of capacity" the level it reached
    if (_length(_stated_period(facts)) or 1) > STORE_DAYS:
        return False
    _, end = _quote_span(facts)
    clause_before = own_clause(facts)[0]
    return bool(_FULL_AFTER.match(facts.sentence[end:]) or _LEVEL_BEFORE.search(clause_before))


def _store_read_again(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two fills of one store (`store_level`), in places that do not exclude each other, told on different days
    ("41% full on Monday", a week later "fallen to 37% of capacity"), or on pages without their days whose words
    say which came later (`Reading.told_order`: "fallen to 27%" beside "31% full"; not when both say they moved,
    `_both_said_moved`): the later reading updates the
    earlier, up or down, however few words the two share."""
    return (
        store_level(a)
        and store_level(b)
        and reading.places != "disjoint"
        and (bool(reading.days_apart) or (reading.told_order and not _both_said_moved(a, b)))
        and reading.ratio <= MAX_LEVEL_RATIO
    )


def _both_said_moved(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both sentences say their level moved to its figure ("have fallen to 27%", "rose to 29% of capacity"): each
    came from a reading the other may be, so the words do not say which was told first."""
    return all(risen_to(facts) or fallen_to(facts) for facts in (a, b))


MAX_RESET_RATIO = 2.0  # a figure set again (a fine cut on appeal, a toll revised down) moves by at most half


def _told_on_their_days(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Neither figure states a period longer than a day, or than the night before its page's day: what dates them
    is the day each was told."""
    return all((_length(_stated_period(facts)) or 1) == 1 or _overnight(facts) for facts in (a, b))


def _overnight(facts: ClaimFacts) -> bool:
    """The figure's period runs from the day before its page's day to that day: "overnight" ("the blaze grew to
    18,500 acres overnight, with containment at 10%", on a page of 21 July: 20 to 21 July), the night the page
    tells, as much its day as "on Sunday" is."""
    period = _stated_period(facts)
    return period is not None and facts.published is not None and period[1] == facts.published and _length(period) == 2


def _direction(facts: ClaimFacts) -> int:
    """Which way the words right before a figure say its change went: +1 ("rose 1.8%"), -1 ("fell 2.5%"), 0 when
    they say neither or both."""
    stems = {_stem(word) for word in _words_beside(facts)[0][-3:] if word not in ("up", "down")}  # "revised down"
    up, down = "growth" in stems, "fall" in stems
    return 0 if up == down else (1 if up else -1)


def _revision_sized(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Could one figure be the other revised? Revisions move a statistic a little (a flash estimate of
    10.7 % is revised to 10.6 %, not to 5.5 %): at most MAX_REVISION_POINTS for a percentage, at most
    MAX_REVISION_RATIO for anything else; and never from a fall to a rise ("exports fell 2.5%", "exports
    rose 1.8%": two months' changes)."""
    if _direction(a) * _direction(b) < 0:
        return False
    if reading.dimension == "percent":
        first, second = representative_value(a), representative_value(b)
        return first is not None and second is not None and abs(first - second) <= MAX_REVISION_POINTS
    return reading.ratio <= MAX_REVISION_RATIO


# Verbs that say a count was set again, lower as well as higher: "revised its toll down to 3,874".
_REVISING = frozenset({"revise", "revised", "lower", "lowered", "downgrade", "downgraded", "reduce", "reduced",
                       "correct", "corrected", "cut", "raise", "raised", "increase", "increased", "upgrade",
                       "upgraded"})  # fmt: skip
# Of those, the verbs that also name what a count is of ("will cut 1,200 jobs", "raised £2 million"): a figure set
# again only when the words say what it was set to ("cut the fine to 36 million", "raised the number to 1,650").
_SET_TO = frozenset({"lower", "lowered", "reduce", "reduced", "cut", "raise", "raised", "increase", "increased"})


# Words that say a figure is read while its count is under way: "with 62% of ballots counted", "partial results".
_PROVISIONAL = re.compile(
    r"\b(?:preliminary|provisional|partial|incomplete|early (?:results|returns|count)"
    r"|with\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more than\s+)?\d[\d.,]*\s*(?:%|per ?cent)\s+of\s+(?:the\s+)?"
    rf"{_BALLOTS}\s+(?:counted|tallied|in|reported|processed))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def provisional(facts: ClaimFacts) -> bool:
    """The sentence reads the figure while its count is under way ("with 62% of ballots counted, the party led
    with 38.4%", "preliminary results"): a later reading of it may have moved by more than a revision does."""
    return bool(_PROVISIONAL.search(facts.sentence))


@functools.lru_cache(maxsize=8192)
def revised(facts: ClaimFacts) -> bool:
    """The sentence says the figure is a count set again ("revised its death toll down to 3,874", "lowered the
    toll to 3,851"): a later, smaller figure is then the count's update, not a part of it."""
    before, _ = _words_beside(facts)
    near = before[-REVISED_REACH:]
    found = [i for i, word in enumerate(near) if word in _REVISING]
    if not found:
        return False
    # "revised up from a provisional 1,612": the figure it was revised from, not the one it was set to; but
    # "revised down from 3,900 to 3,874" reads to the figure
    after = list(near[found[-1] :])
    if near[found[-1]] in _SET_TO and "to" not in after:
        return False  # "will cut about 1,200 jobs": what is cut, not a figure set again
    return "from" not in after or "to" in after[len(after) - after[::-1].index("from") :]


REVISED_REACH = 12  # words before the figure: "cut the fine imposed on the group by the regulator to 36 million"


_STILL = frozenset({"still", "remain", "remained", "remains", "remaining"})


@functools.lru_cache(maxsize=8192)
def standing(facts: ClaimFacts) -> bool:
    """The count is of those still in a state ("1.6 million customers remained without power", "54,000 are
    still in shelters"): a stock that falls as the state ends, not a tally that only grows."""
    before, after = _words_beside(facts)
    # "power was restored to all but 3,000 homes": those the state has not yet left
    if _STILL.intersection(before[-3:] + after[:3]) or tuple(before[-2:]) == ("all", "but"):
        return True
    # "610,000 homes and businesses were still without power": the verb after a longer noun phrase, in the
    # figure's own stretch of the sentence (up to a punctuation mark or another figure)
    _, end = _quote_span(facts)
    stretch = _OWN_STRETCH.match(facts.sentence, end)
    return stretch is not None and bool(_STILL.intersection(_WORD.findall(stretch.group(0).casefold())[:6]))


_OWN_STRETCH = re.compile(r"[^,;:.\d]*")


# Words of a source phrase that name no one in particular, or only how the figure was told. "Police" names a body:
# the force whose count of a crowd the organisers' is set against ("police said 45,000", "organisers said 180,000").
_UNNAMED_SOURCES = frozenset(
    """official officials authority authorities source sources report reports data figure figures statement
    government spokesperson spokesman spokeswoman media he she they it who we this that these new latest
    according accord as per to the a an of from by on in at also said says say told tell reported report
    showed shows show added adds noted notes quoted saying confirmed confirm stated state""".split()
)
# The verbs of telling a figure, which end the words naming who gave it ("the ministry put the toll at").
_TELLING_VERBS = frozenset(
    """put puts gave give gives found find finds recorded records counted counts estimate estimates estimated
    published publishes released releases announced announces declared declares revealed reveals explained
    claimed claims determined warned confirms emphasizes set have has had was were been is are be""".split()
)
# Words of a source phrase that say how or when a figure was given, not who gave it ("the UN put the toll at",
# "the ministry gave a lower toll", "Copernicus also found"): two bodies that both "put" a toll are still two.
_TELLING_WORDS = _TELLING_VERBS | frozenset(
    """which where and for since now just over earlier late later also additionally its their toll number
    numbers""".split()
)


_WEEKDAYS = frozenset({*_WEEKDAY_NAMES, "today", "yesterday"})


@functools.lru_cache(maxsize=8192)
def source_words(facts: ClaimFacts) -> frozenset[str]:
    """The words that name who states the figure ("the health ministry said": health, ministry), or nothing
    when the sentence names no one in particular ("officials said", "according to reports")."""
    return frozenset(_naming(_who_told(_WORD.findall(facts.source.casefold()))))


def _naming(words: list[str]) -> list[str]:
    """The words of a source phrase that can name someone: not "officials", "said", "put", "on Monday"."""
    return [word for word in words if len(word) > 1 and word not in _UNNAMED_SOURCES | _TELLING_WORDS | _WEEKDAYS]


def _who_told(words: list[str]) -> list[str]:
    """The words of a source phrase before its verb of telling, when some of them name someone ("the education
    ministry put the share of striking teachers at": the education ministry): what follows the verb says what the
    figure is of, not who gave it, and two bodies' phrases that share only that ("teachers' unions claimed", "the
    ministry put the share of striking teachers at") are still two bodies. "according to the UN" keeps its name."""
    for index, word in enumerate(words):
        if word in _TELLING_VERBS:
            return words[:index] if _naming(words[:index]) else words
    return words


def sources_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are told by someone named, and by two different ones ("the health ministry said", "the Red
    Crescent said"): two counts of one thing on one day are then two bodies' counts, not one count's readings. Two
    names that share a word are still two bodies when neither holds all of the other's ("the World Health
    Organization said", "the provincial health department reported"); "the ministry" is "the health ministry"."""
    first, second = source_words(a), source_words(b)
    return bool(first) and bool(second) and not (first <= second or second <= first)


def _refined_later(new: ClaimFacts, old: ClaimFacts, reading: Reading) -> bool:
    """A figure told again a week or more later, more precisely and not at the old stated value ("some 1,600" in
    February, "1,634" in September): the count was refined (a final figure, a revision), a later reading of it."""
    if reading.equal_values or reading.days_apart is None or reading.days_apart < REVISION_GAP.days:
        return False
    if reading.period != "same" or baseline(new):
        return False  # one stated period, and the new figure its own ("up from a provisional 1,612" is the old one)
    if new.value is None or old.value is None or new.value == old.value:
        return False
    return rounding_unit(new.value) < rounding_unit(old.value) or (old.qualifier != "exact" == new.qualifier)


# Words that set one figure against another in one sentence: "38,000 took part, while the unions put the turnout at
# 120,000", "705 cases, fewer than the 760 the ministry reported", "disputing the ministry's count of 4,600".
_SETTING_AGAINST = frozenset({"than", "while", "whereas", "but", "against", "disputing", "disputed", "unlike"})
_EARLIER = frozenset({*"earlier before previous ago last yesterday week month year".split(), *_WEEKDAY_NAMES})
_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|(?<![\d.,])\d+(?:\.\d+)?(?!\d|,\d)")


@functools.lru_cache(maxsize=8192)
def _figures_beside(facts: ClaimFacts) -> tuple[tuple[int, int, float], ...]:
    """The other numbers written in digits in the figure's sentence: (start, end, value). Read once per claim: a new
    claim meets a hundred candidates."""
    start, end = _quote_span(facts)
    found = []
    for match in _FIGURE.finditer(facts.sentence):
        if match.start() < end and match.end() > start:
            continue  # the figure's own number
        found.append((match.start(), match.end(), float(match.group().replace(",", ""))))
    return tuple(found)


def _event_days_dropped(words: list[str]) -> list[str]:
    """The words after a figure without a weekday that names the event it counts ("45,000 joined Saturday's march"):
    a day's possessive there names the event, not another day the figure is of ("against 3,100 on Wednesday")."""
    return [
        word
        for word, following in zip(words, [*words[1:], ""], strict=False)
        if not (word in _WEEKDAY_NAMES and following == "s")
    ]


def _sets_against(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence states `other`'s figure too, set against its own by a word that contrasts them ("while",
    "but", "fewer than the", "against"), not as the figure it moved from ("up from 14") nor qualified ("more than
    2,300"): the sentence itself says the two figures are two accounts of one quantity."""
    if other.value is None or facts.value is None:
        return False
    value, own = float(other.value), float(facts.value)
    if value == own:
        return False
    start, end = _quote_span(facts)
    for first, last, number in _figures_beside(facts):
        if number != value:
            continue
        between = facts.sentence[end:first] if first >= end else facts.sentence[last:start]
        words = _WORD.findall(between.casefold())
        before = _WORD.findall(facts.sentence[max(0, first - 30) : first].casefold())
        if before and before[-1] == "than" and first >= end:
            words = words[:-1]  # "more than 2,300": a figure's qualifier, not a comparison
        if "from" in before[-4:]:
            continue  # "up from 14", "revised up to 0.7% from its flash estimate of 0.6%"
        after = _event_days_dropped(_WORD.findall(facts.sentence[last:].casefold())[:5])
        if _EARLIER & set(before[-3:] + after):
            continue  # "fewer than the 45,000 a week earlier", "against 3,100 on Wednesday": the figure of another day
        if _SETTING_AGAINST & set(words) or _told_side_by_side(facts.sentence, (start, end), (first, last)):
            return True
    return False


# Verbs by which a clause tells whose figure it gives ("the ministry counted 40,000", "the unions claimed 70 per cent").
_TELLING_CLAUSE = re.compile(
    r"\b(?:said|says|say|put|puts|counted|counts|claimed|claims|estimated|estimates|reported|reports|according to)\b",
    re.IGNORECASE,
)


def _told_side_by_side(sentence: str, own: tuple[int, int], other: tuple[int, int]) -> bool:
    """The sentence gives the two figures in two clauses a semicolon parts, each telling whose figure it is
    ("Organisers said some 120,000 joined the march; the interior ministry counted 40,000", "the ministry put the
    share at 24 per cent; the unions claimed it was 70 per cent"): two accounts of one quantity, set side by side."""
    first, second = sorted((own, other))
    between = sentence[first[1] : second[0]]
    if between.count(";") != 1:
        return False
    start = sentence.rfind(";", 0, first[0]) + 1
    end = sentence.find(";", second[1])
    parted = between.index(";") + first[1]
    clauses = (sentence[start:parted], sentence[parted + 1 : end if end >= 0 else len(sentence)])
    return all(_TELLING_CLAUSE.search(clause) for clause in clauses)


# Words that name a figure as the one another takes the place of, right before it: "rather than the", "instead of its".
_IN_PLACE_OF = re.compile(
    r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|replacing)\s+(?:the|its|their|a)\s+\W*$", re.IGNORECASE
)


def _told_in_place_of(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence names `other`'s figure as the one its own figure takes the place of ("exports grew 2.7
    percent, rather than the 3.1 percent first published", "4,310, instead of the 4,100 first given"): its later
    reading, whatever the periods each was read for."""
    if other.value is None or facts.value is None or float(other.value) == float(facts.value):
        return False
    value, (_, end) = float(other.value), _quote_span(facts)
    for first, _, number in _figures_beside(facts):
        # after its own figure: "imports grew 1.9 percent" beside "2.7 percent, rather than the 3.1" replaces none
        if number == value and first >= end and _IN_PLACE_OF.search(facts.sentence[max(end, first - 40) : first]):
            return True
    return False


def set_against(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One sentence sets the other figure against its own (`_sets_against`), or against the count of the body that
    told the other (`_against_whose_count`)."""
    return _sets_against(a, b) or _sets_against(b, a) or _against_whose_count(a, b) or _against_whose_count(b, a)


# A comparison with someone's count named by whose it is, not by its figure: "far fewer than the UN's count", "well
# above the ministry's tally" (but not "the ministry's estimate of 6,500", whose figure `_sets_against` reads).
_AGAINST_WHOSE = re.compile(
    r"\b(?:than|above|below|beyond|short of)\s+(?:the\s+)?(?P<whose>(?:[\w-]+\s+){0,3}?[\w-]+?)['’]s?\s+"
    r"(?:own\s+|official\s+)?(?:tally|count|figure|toll|estimate|number)s?\b(?!\s+(?:of|at)\b)",
    re.IGNORECASE,
)


def _against_whose_count(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence, after its figure, sets it against the count of whoever told `other`'s figure, named by
    whose it is ("more than 500 flights were grounded, well above the ministry's tally", beside "430 flights, the
    transport ministry said"): the sentence says the two are two bodies' accounts of one quantity. Not another day's
    count ("more than double the previous day's count"), whose name is no one's who told the other, nor a figure the
    body told of a day before its page's ("after nearly 400 were scrapped on Monday"): the tally named is the body's
    count as it stood when told."""
    if facts.value is None or other.value is None or facts.value == other.value:
        return False
    named = source_words(other)
    if not named:
        return False
    period = _stated_period(other)
    if period is not None and other.published is not None and period[1] < other.published:
        return False
    _, end = _quote_span(facts)
    for found in _AGAINST_WHOSE.finditer(facts.sentence, end):
        if named & set(_naming(_WORD.findall(found.group("whose").casefold()))):
            return True
    return False


def _bodies_disagree(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two named bodies state one quantity of one time at the same precision and differently ("1.55C", said one;
    "about 1.53C", said another): their rounding makes the figures agree, their words do not. So do two bodies'
    plain counts of one day, of which neither is the other's rounding (`_both_plain`), and, on a page without its
    day, two such counts that neither dates."""
    if reading.equal_values or not reading.bodies or a.value is None or b.value is None:
        return False
    if reading.period == "same" and rounding_unit(a.value) == rounding_unit(b.value):
        return a.value != b.value
    # told on one day: published on it, or on pages without their days whose sentences name one weekday as the day
    # both bodies told their figures ("the minister said on Tuesday", "the Red Crescent said on Tuesday")
    told_together = reading.days_apart == 0 or (reading.days_apart is None and _one_weekday(a, b))
    one_day = told_together and reading.period != "disjoint"
    plain = _both_plain(a, b)
    if plain and reading.days_apart is None and reading.period == "none":
        return True  # two bodies' plain counts, neither dated, on a page without its day: nothing sets them apart
    return (reading.period == "same" or one_day) and (plain or _not_its_rounding(a, b))


def _both_plain(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are told plainly, neither "about" nor bounded ("police said 38,000 took part", "the ministry
    counted 40,000"): each named body gives its own count as it stands, so the rounder is not the other's figure
    rounded (`_not_its_rounding`), but another count."""
    return a.qualifier == b.qualifier == "exact"


def _not_its_rounding(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Of two figures written to different precisions ("some 9,000", "10,100"), the finer, rounded to the coarser's
    last digit, is not the coarser (10,100 is "10,000", not "9,000"): what the coarser allows ("some" is ±15 %) makes
    them agree, but the figure it would be written as does not. Only for a coarse figure told as it is or as about
    it ("9,000", "some 9,000"), never a bound ("more than 9,000")."""
    unit_a, unit_b = rounding_unit(a.value), rounding_unit(b.value)
    coarse, fine = (a, b) if unit_a > unit_b else (b, a)
    unit = max(unit_a, unit_b)
    if coarse.qualifier not in ("exact", "approx") or fine.qualifier not in ("exact", "approx") or not unit:
        return False
    return Decimal(round(float(fine.value) / unit)) * Decimal(str(unit)) != coarse.value


def _smaller_for_its_day(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A report told days later gives a smaller count for the one day the earlier figure stood on ("more than 5,000
    people had died", a body said on Wednesday; on Saturday, "the ministry's own count stood at 3,100 on
    Wednesday"): a count does not shrink within the day it is of, so the later is another account of that day's
    count, not its update. Both figures state the day, or one is told as of its page's day and the other states
    that day; a span ("this week") may hold two readings."""
    if not reading.days_apart:
        return False
    first, second = _stated_period(a), _stated_period(b)
    if reading.period == "one":
        # one figure told as of its page's day, the other dated to that day by a later page ("some 5,300 had died",
        # the mayor said on Wednesday; on Thursday, "on Wednesday the ministry had put the toll at 3,840")
        stated, told = (a, b) if first is not None else (b, a)
        period = _stated_period(stated)
        return _length(period) == 1 and told.published is not None and period[0] == told.published
    if reading.period == "overlap" and _as_of_its_day(first, second):
        return True  # "88 bodies on Sunday", later "had pulled 81 bodies from the lake by Sunday evening"
    if reading.period != "same":
        return False
    return first is not None and second is not None and _length(first) == 1


def _as_of_its_day(
    first: tuple[datetime.date, datetime.date] | None, second: tuple[datetime.date, datetime.date] | None
) -> bool:
    """One period is a single day and the other runs up to that day from no stated start ("on Sunday", "by
    Sunday evening"): both figures stand as of that day."""
    if first is None or second is None or first[1] != second[1]:
        return False
    return {_length(first), _length(second)} == {1, None} and datetime.date.min in (first[0], second[0])


def _bound_then_count(a: ClaimFacts, b: ClaimFacts, a_newer: bool) -> bool:
    """The older figure is a lower bound and the newer an exact count it allows ("at least six killed", police
    said; later that day "has risen to nine", the mayor said): two bodies, but both can be right, and the count
    reads on as the bound's later reading rather than nothing."""
    newer, older = (a, b) if a_newer else (b, a)
    return older.qualifier in _LOWER_BOUNDS and newer.qualifier == "exact"


_PEAK_BEFORE = re.compile(r"\bfrom\s+(?:a|its|their|the)\s+peak\s+of\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def peak_baseline(facts: ClaimFacts) -> bool:
    """The figure is the peak its sentence's count fell from ("about 1.6 million customers remained without power,
    down from a peak of 2.3 million"): the stock's highest reading, which the sentence's own figure has already
    taken up; a later, smaller count reads on from that figure, not from the peak."""
    start, _ = _quote_span(facts)
    return bool(_PEAK_BEFORE.search(facts.sentence[max(0, start - 40) : start]))


def _grows(a: ClaimFacts, b: ClaimFacts, a_newer: bool) -> bool:
    """Does the newer figure of a count stand at or above the older one (or is it a count of the missing, or
    of those still in a state, or one the sentence says was revised, beside an older figure that is no peak a stock
    fell from: `peak_baseline`)?"""
    newer, older = (a, b) if a_newer else (b, a)
    falls = _of_missing(newer) or _of_missing(older) or revised(newer) or standing(newer) or one_stock(a, b)
    if falls and not peak_baseline(older):
        return True
    first, second = figure_interval(newer), figure_interval(older)
    return first is not None and second is not None and first.high >= second.low


def _reasons(a: ClaimFacts, b: ClaimFacts, reading: Reading, relation: str) -> list[str]:
    words = shared_subject_words(a, b) or sorted(parsed_counted(a) & parsed_counted(b))
    what = " ".join(words) if words else canonical_unit(a.unit, a.kind) or reading.dimension
    reasons = []
    if relation == "same":
        reasons.append(f"same figure: {describe_value(a)} vs {describe_value(b)}")
    elif relation == "updates":
        reasons.append(f"a later figure: {describe_value(a)} vs {describe_value(b)}")
    else:
        reasons.append(f"figures cannot both be right: {describe_value(a)} vs {describe_value(b)}")
    reasons.append(f"about the same thing: {what} (words alike {reading.subject:.2f})")
    unit_a, unit_b = a.unit.strip(), b.unit.strip()
    if unit_a and unit_b and unit_a.casefold() != unit_b.casefold():
        reasons.append(f"units read alike: {unit_a} / {unit_b}")
    places = shared_places(a, b)
    if places:
        reasons.append(f"both at {' / '.join(places)}")
    first, second = _stated_period(a), _stated_period(b)  # as the articles state them, for the editor
    if reading.period == "same" and first is not None:
        reasons.append(f"same period: {describe_period(*first)}")
    elif reading.period == "overlap" and first is not None and second is not None:
        reasons.append(f"periods overlap: {describe_period(*first)} / {describe_period(*second)}")
    elif reading.period == "disjoint" and first is not None and second is not None:
        reasons.append(f"as of {describe_period(*first)} / {describe_period(*second)}")
    if a.published and b.published:
        if a.published == b.published:
            reasons.append(f"both published {describe_period(a.published, a.published)}")
        else:
            reasons.append(
                f"published {describe_period(a.published, a.published)} / {describe_period(b.published, b.published)}"
            )
    return reasons


_VAGUE_AMOUNT = re.compile(
    r"(?:several |many |some )?(?:dozens|scores|hundreds|thousands|millions)(?: of (?:thousands|millions))?", re.I
)


def vague_amount(facts: ClaimFacts) -> bool:
    """The figure is told by a plural of a round number, with no number of its own ("dozens of residents", "hundreds
    fled"): a size in passing, never a reading of a count told in figures, nor that count's earlier reading."""
    return bool(_VAGUE_AMOUNT.fullmatch(facts.quote.strip()))


def _cannot_link(a: ClaimFacts, b: ClaimFacts) -> bool:
    """What the cheap fields alone rule out, before the words are read (most candidates of a busy
    index): another dimension, a size told in passing beside a figure (`vague_amount`), or figures too far apart
    to be one fact or a contradiction and not a running count, or a toll told on another day, that could have
    grown that much. The same answer
    `read_pair` and `change_relation` would give, sooner."""
    first, second = claim_measure(a), claim_measure(b)
    if first.dimension != second.dimension or vague_amount(a) != vague_amount(b):
        return True
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None:
        return True
    if same_figure(a, b):
        return False
    if first.dimension == MAGNITUDE and abs(value_a - value_b) > MAGNITUDE_SPREAD:
        return True  # a logarithmic scale: 5.6 and 6.9 are an aftershock and its quake, never one quake's readings
    if value_a == 0 or value_b == 0 or (value_a < 0) != (value_b < 0):
        return False  # left to the full reading
    ratio = value_ratio(value_a, value_b)
    if ratio > MAX_UPDATE_RATIO:
        return True
    if first.dimension == "percent" and ratio > MAX_CONTRADICTION_RATIO:
        return not _told_on_their_days(a, b)  # a share of work under way may grow from 5% to 65% (`_progress`)
    if ratio <= MAX_CONTRADICTION_RATIO or first.dimension != "count":
        return ratio > MAX_CONTRADICTION_RATIO
    return not (running(a) or running(b) or (a.published != b.published and (one_toll(a, b) or one_stock(a, b))))


def propose(a: ClaimFacts, b: ClaimFacts) -> Proposal | None:
    """Propose a link between `a` and `b`, or None. Symmetric: `propose(b, a)` gives the same relation
    and score, with `newer_first` read for its own order.

    Only a pair the candidate index would bring together (`same_block`) is judged (`judge`).
    """
    return judge(a, b) if same_block(a, b) else None


def judge(a: ClaimFacts, b: ClaimFacts) -> Proposal | None:
    """Judge a pair the candidate index brought together (see `propose`).

    same: one figure (`same_figure`) of one subject, in periods and places that do not exclude each
    other. updates and contradicts: different figures of one subject (see `change_relation`).
    The score is the calibrated probability that the suggestion is right.
    """
    if _cannot_link(a, b) or kept_apart(a, b):
        return None
    reading = read_pair(a, b)
    if reading is None:
        return None
    found = _relation_of_read(a, b, reading)
    if found is None:
        return None
    relation, newer = found
    weights = WEIGHTS[relation]
    score = probability(weights, reading_features(reading, relation))
    return Proposal(relation, round(score, 3), _reasons(a, b, reading, relation), newer_first=newer)


def _stood_still(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """One figure of a running count, dated to two days less than a week apart: the count stood still (or
    one outlet dated it by the day it was told), so it is still one fact."""
    first, second = _period(a), _period(b)
    if reading.dimension != "count" or not reading.running or first is None or second is None:
        return False
    return datetime.date.max not in (first[1], second[1]) and _days(first[1], second[1]) < REVISION_GAP.days


def _moved_on(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """A running count told on a later day at a figure the earlier report's words allowed but did not state
    ("at least 2,380 injured", then "2,655 injured"): the count moved on, and the later figure updates the
    earlier. So does a running measure of what piles up (`ACCUMULATING`, `_running_measure`: "6,500 barrels have
    leaked", a week later "the total leaked at about 7,000 barrels"). Returns whether `a` is the newer claim; None
    when the two are one figure told twice."""
    piled = reading.dimension in ACCUMULATING and _running_measure(a, b, reading)  # "6,500 barrels have leaked"
    if (reading.dimension != "count" and not piled) or reading.equal_values:
        return None
    if of_population(a) and of_population(b):
        return None  # "a town of some 12,000 people", "a town of about 12,400 people": a standing number, told twice
    if not (reading.days_apart or _stated_apart(a, b)):
        return None
    # the toll of the day an event struck, told on two days; not a count told as where it stood on a day
    event_day = one_toll(a, b) and _length(_period(a)) == 1 and not _stood_at(a, b)
    one_time = reading.period == "same" and not (as_of_reading(a) and as_of_reading(b)) and not event_day
    if one_time or past(a) or past(b):
        # one stated time (but two readings of a count so far, told on their days, are two times, and so are a
        # toll of the day an event struck told on two days), or an earlier event the story recalls: its toll no
        # longer runs
        return None
    if not (reading.running or one_toll(a, b)):
        return None
    newer = _newer_first(a, b, reading)
    if newer is None:
        return None
    new, old = (a, b) if newer else (b, a)
    if _recalls_its_day(new, old):
        return None
    stated_new, stated_old = _float(new.value), _float(old.value)
    if stated_new is None or stated_old is None:
        return None
    if _of_missing(new) or _of_missing(old) or standing(new):
        # the missing are found, and those still in a state ("about 1,800 remained at the camp") leave it
        return newer if stated_new != stated_old else None
    return newer if stated_new > stated_old else None


_STOOD_AT = re.compile(r"\b(?:stood|stands|stand|standing)\s+at\s*$", re.IGNORECASE)


def _stood_at(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is told as where the count stood on its day ("on Thursday the death toll stood at 2,012"): the
    count as of that day, not the toll of the day an event struck."""
    return any(_STOOD_AT.search(facts.sentence[: _quote_span(facts)[0]]) for facts in (a, b))


def _recalls_its_day(new: ClaimFacts, old: ClaimFacts) -> bool:
    """The later page's figure is a baseline dated to the day the earlier figure was told, or before it ("fallen to
    13,200 from nearly 25,000 on Tuesday", beside Tuesday's "24,910 in shelters"): that day's figure recalled, not a
    later one."""
    period = _stated_period(new)
    if not baseline(new) or (_length(period) or ALONE_DAYS + 1) > ALONE_DAYS or old.published is None:
        return False
    return period[0] <= old.published and (_period(old) is None or period[0] <= _period(old)[1])


def _average_so_far(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two averages of one period so far, from one start, each read to the day it was told ("each boat has carried an
    average of 52 people so far this year", in October "an average of 61 people per boat this year"), neither period
    over when told: one average read again as the period runs, up or down."""
    first, second = _period(a), _period(b)
    if first is None or second is None or first[0] != second[0] or first[0] == datetime.date.min:
        return False
    return all(
        "m:average" in facts.counted_words and facts.published is not None and _period(facts)[1] >= facts.published
        for facts in (a, b)
    )


def _both_read_now(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Both figures are told as they stand on the day each was told, with no start ("more than 6,000 rescuers are now
    deployed", the next day "some 9,000 are now at work"), and the days differ: two readings of one count as it moves,
    running words or none. Not a named period told while under way ("800 troops were deployed in November")."""
    return bool(reading.days_apart) and all(
        as_of_reading(f) and _stated_period(f)[0] == datetime.date.min for f in (a, b)
    )


def _stated_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures state the day they stood, and the days differ ("at least 820 killed on Friday", "1,037 by
    Saturday evening"), though the two reports were published on one day."""
    first, second = _stated_period(a), _stated_period(b)
    return first is not None and second is not None and _length(first) == _length(second) == 1 and first != second


# A share of a group, then the verb that says what sets its members apart: "almost half the days were ", "about 30% of
# the wells had ". The figure that follows is the bar the group is picked by.
_SHARE_OF_GROUP = re.compile(
    r"\b(?:half|third|quarter|majority|most|\d+(?:\.\d+)?\s*(?:%|per ?cent))\s+(?:of\s+)?the\s+[^\W\d_]+s\b"
    r"[^,;.:]{0,40}?\s(?:were|was|are|is|had|have|has)\s+(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def group_criterion(facts: ClaimFacts) -> bool:
    """The figure is the bar that picks out a share of a group ("almost half the days were 1.5C hotter", "about 30%
    of the wells had more than 10 mg of nitrate"): it says what the counted members exceed, not a measure of
    anything told; only a like bar is its fact."""
    start, _ = _quote_span(facts)
    return bool(_SHARE_OF_GROUP.search(facts.sentence[max(0, start - 120) : start]))


# "would" among the words right before a figure, and an "if" in its sentence: "the toll would be over 900 if the early
# reports hold", "if the rate holds, arrivals would top 50,000".
_WOULD = frozenset({"would", "wouldn't"})
_IF = re.compile(r"\b(?:if|unless|provided|assuming)\b", re.IGNORECASE)
WOULD_REACH = 4  # words before the figure that may hold the "would"


@functools.lru_cache(maxsize=8192)
def conditional(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as what would hold under a condition ("the toll for the whole country would
    be over 900 if the first reports are right"): the writer's inference, not a figure anyone gave, and never the
    same fact as one told, nor its reading."""
    before, _ = _words_beside(facts)
    return bool(_WOULD & set(before[-WOULD_REACH:])) and bool(_IF.search(facts.sentence))


# "will" or "likely", then a verb of crossing a level, in one clause with the figure: "the 12-month average will pass
# 1.5C", "is likely to exceed that level by 1.5C", "the 1.5C mark will be crossed", "likely to breach 2%".
_FORESEEN_CROSSING = re.compile(
    r"\b(?:will|likely)\b(?:\s+[^\W\d_]+){0,2}?\s+(?:pass|surpass|exceed|cross|breach|top|break)\w*", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)
def foreseen_crossing(facts: ClaimFacts) -> bool:
    """The figure's own clause forecasts that a level will be crossed ("the 12-month average will surpass 1.5C",
    "is likely to exceed the old level by 1.5C", "the 1.5C mark will be passed next year"): the forecast of a
    crossing, never the same fact as a figure measured or a limit set. Not what could be reached ("the toll could
    pass 900"), someone's estimate of a count as it stands."""
    folded = facts.sentence.casefold()
    if "will" not in folded and "likely" not in folded:
        return False  # the pattern needs one of them: most sentences are spared the split and the search
    before, after = own_clause(facts)
    clause = before + facts.quote + after
    return bool(_FORESEEN_CROSSING.search(clause))


def of_time_to_come(facts: ClaimFacts) -> bool:
    """The figure's stated period begins after the day it was told ("schools in 58 municipalities would remain closed
    until the end of next week", told on a Saturday): what is planned or foreseen for a time to come, neither updated
    nor refuted by a measurement of what has happened (though told again, it is still one figure)."""
    return facts.period_start is not None and facts.published is not None and facts.period_start > facts.published


# What befell a building, by grade: brought down, or harmed and left standing ("destroyed" / "damaged").
_RUIN_GRADES = {
    "destroy": "ruined",
    "destroyed": "ruined",
    "collapse": "ruined",
    "collapsed": "ruined",
    "flatten": "ruined",
    "raze": "ruined",
    "damage": "damaged",
    "damaged": "damaged",
}


def ruin_grade(facts: ClaimFacts) -> frozenset[str]:
    """The grades of harm the parse tells of the counted things ("830 buildings were destroyed": ruined; "2,150
    damaged": damaged; "3,000 homes damaged or destroyed": both), from its verbs and modifiers; empty when none."""
    return frozenset(
        _RUIN_GRADES[word[2:]]
        for word in facts.counted_words
        if word[:2] in ("v:", "m:", "a:") and word[2:] in _RUIN_GRADES
    )


_GRADE_WORDS = {
    "ruined": re.compile(r"\b(?:destroy|collaps|flatten|raz)\w*", re.IGNORECASE),
    "damaged": re.compile(r"\bdamag\w*", re.IGNORECASE),
}
_EITHER_GRADE = re.compile(r"\b(?:damag\w*|destroy\w*)\s+(?:and/)?or\s+(?:damag|destroy)", re.IGNORECASE)


def grades_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two counts of things harmed to different grades ("830 buildings were destroyed and 2,150 damaged", beside
    "about 3,900 damaged"), where a sentence of the pair names both grades as counts apart: its writer tells the
    ruined from the damaged. An early report's "271 structures damaged", beside a later "2,200 destroyed", names one
    grade only and may be the loose first word on one count; "damaged or destroyed" counts both grades together."""
    grade_a, grade_b = ruin_grade(a), ruin_grade(b)
    if not grade_a or not grade_b or grade_a == grade_b or len(grade_a) > 1 or len(grade_b) > 1:
        return False
    if any(_EITHER_GRADE.search(facts.sentence) for facts in (a, b)):
        return False
    return bool(
        _GRADE_WORDS[next(iter(grade_b))].search(a.sentence) or _GRADE_WORDS[next(iter(grade_a))].search(b.sentence)
    )


# A degree of harm told of a figure's people ("40 people were seriously injured", "left 12 critically ill").
_SEVERITY = r"(?:seriously|critically|severely|gravely|badly|slightly|lightly|minor|serious|critical|severe)"
_HARMED = r"(?:injur\w*|wound\w*|hurt|burn\w*|ill|condition|injur(?:y|ies))"
_SEVERITY_AFTER = re.compile(
    r"^[^,;.\d]{0,40}?\b(?:" + _SEVERITY + r"(?:ly)?\s+(?:\w+\s+)?" + _HARMED + r"|in intensive care)\b",
    re.IGNORECASE,
)
_SEVERITY_BEFORE = re.compile(r"\b" + _SEVERITY + r"\s+" + _HARMED + r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def harm_of_degree(facts: ClaimFacts) -> bool:
    """The figure counts the people harmed to a told degree ("40 people were seriously injured", "it left 12
    critically hurt", "8 remain in critical condition", "six in intensive care"): some of the injured, never all of
    them."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    return bool(_SEVERITY_AFTER.search(sentence[end:]) or _SEVERITY_BEFORE.search(sentence[max(0, start - 60) : start]))


def kept_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """What refuses a pair whatever its reading: `judge` asks it before reading the pair (most candidates the
    index brings are refused here, and reading a pair is the dearer part of judging it)."""
    if counts_differ(a, b):
        return True  # two counts of different things, whatever the figures
    if part_beside_whole(a, b):
        return True  # "the toll in the city alone could reach 900" beside "900 killed in the province"
    if grades_apart(a, b):
        return True  # "830 buildings were destroyed and 2,150 damaged" beside "3,900 damaged": two grades of harm
    if harm_of_degree(a) != harm_of_degree(b):
        return True  # "40 people were seriously injured" beside "150 injured": a part of the injured
    if group_criterion(a) != group_criterion(b):
        return True  # "half the days were 1.5C hotter" beside "the year was 1.48C hotter"
    if conditional(a) != conditional(b):
        return True  # "the toll would be over 900 if the reports hold" beside "900 died, officials said"
    if foreseen_crossing(a) != foreseen_crossing(b):
        return True  # "the average will pass 1.5C next year" beside "2023 was 1.48C warmer"
    if is_threshold(a) or is_threshold(b):
        return True  # a yardstick that sets a group apart ("more than 12 hours"), not a fact of the story
    if ones_own(a) != ones_own(b):
        return True  # "he climbed onto the roof with his two children" beside "150 children were treated"
    # a forecast, target or limit beside a measurement: neither the same fact, nor updated or refuted
    return not_measured(a) != not_measured(b)


def relation_of(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """The relation a read pair would get, and whether `a` is the newer claim (for updates); or None."""
    return None if kept_apart(a, b) else _relation_of_read(a, b, reading)


def _one_day_figure(reading: Reading) -> bool:
    """Equal figures of one stated period, or, where one or neither states a period, with words alike: a day's
    figure told once as added to a total and once alone ("2,086 crossed on Monday, taking arrivals to 40,000", "a
    record 2,086 landed on Monday")."""
    if not reading.equal_values:
        return False
    return reading.period == "same" or (reading.period in ("one", "none") and reading.subject >= MIN_CHANGE_SUBJECT)


def _relation_of_read(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """`relation_of` for a pair `kept_apart` let through."""
    if (increment(a) or increment(b)) and not (
        reading.same_figure and ((increment(a) and increment(b)) or _one_day_figure(reading))
    ):
        # an increment ("one more body") is neither the count it adds to nor its update; but a day's figure told as
        # added to a total ("2,086 crossed on Monday, taking arrivals to 40,000") is still that day's figure
        return None
    if reading.same_figure:
        if _dated_baseline_beside_news(a, b):
            return None  # "up from 6.8 million in July" is last month's figure, not "seven million" of the news
        told_day = _dated_by_its_telling(a) or _dated_by_its_telling(b)
        if reading.period == "disjoint" and not _stood_still(a, b, reading) and not told_day:
            return None  # another time
        # "one Irish", "one Irish": a group named alike; "two dams", "the two dams": the story's own things
        named = reading.small and (one_named_group(a, b) or one_story_thing(a, b))
        if reading.small and reading.subject < MIN_CHANGE_SUBJECT and reading.counted != "shared" and not named:
            return None  # two small counts agree all the time; with nothing alike in their words, by chance
        if reading.small and reading.parsed == "conflict" and not reading.one_thing and not named:
            # … and when the parse says they count different things ("one Irish", "one Argentinian"); but not other
            # words for one thing ("9 bodies recovered", "the number of dead at nine")
            return None
        if spans_differ(a, b) and not told_day:
            return None  # a part of the period and its whole, though their figures agree
        if changed_in_apart(a, b):
            return None  # "a 2.8% decrease in aggravated assault" beside "violent crime fell about 3%"
        moved = _moved_on(a, b, reading)
        if moved is not None:
            return "updates", moved  # "at least 2,380 injured", then "2,655 injured" the next day
        newer = _newer_first(a, b, reading)
        set_undated = reading.days_apart is None and revised(a) != revised(b)
        if (
            newer is not None
            and (reading.days_apart or set_undated)
            and not reading.equal_values
            and revised(a if newer else b)
        ):
            # "some 1,600 died", then "1,634, revised up from a provisional 1,612"; on a page without its day, the
            # figure set again is the later (`set_undated`: "just over 81%", "the board raised the pass rate to 82.0%")
            return "updates", newer
        if newer is not None and _refined_later(a if newer else b, b if newer else a, reading):
            return "updates", newer  # "some 1,600 killed in 2024" in February, "1,634" in September's final figures
        if _bodies_disagree(a, b, reading):
            return "contradicts", False  # "1.55C, Copernicus said", "about 1.53C, the WMO said"
        if not reading.equal_values and reading.against:
            return "contradicts", False  # "1.6C, … slightly higher than the 1.55C reported by Copernicus"
        return "same", False
    return change_relation(a, b, reading)
