"""When two claims can state the same fact, or contradict each other: pure rules, no Django.

Every qualifier gets an *effective interval*: the values the words allow once the writer's
rounding is granted ("2,000" may be 1,900–2,100; "some 2,000" 1,700–2,300; "more than 2,000"
anything above 2,000). Two claims about the same quantity must have overlapping intervals.
Candidates come in blocks of (canonical unit, magnitude bucket), so the database finds them
through an index instead of comparing every pair.

The database side (candidates, storing) is `claims.linking.candidates` and `.suggest`; this module is also
what the evaluation (`claims.linking.evaluation`) runs, so both judge a pair alike.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

# Buckets per decade of the representative value: floor(4 * log10 v), each 10**0.25 ≈ 1.78x wide.
BUCKETS_PER_DECADE = 4
# A candidate lies at most this many buckets away (a factor of about 3 to 6 either side).
BLOCK_WINDOW = 2

APPROX_TOLERANCE = 0.15  # "some", "about", "nearly": ±15 %
ROUNDING_CAP = 0.05  # an exact figure rounded to its last non-zero digit, but never by more than 5 %
UNDATED_WINDOW = datetime.timedelta(days=7)  # an undated claim is about the days around its publication

SAME_MIN_SCORE = 0.6
NEAR_PUBLICATION = datetime.timedelta(days=60)  # published this close, two claims may still report one event
CONTRADICTS_MIN_WORDING = 0.2
# Suggestions scoring below this are not shown; `propose` already drops the weak pairs itself.
DEFAULT_THRESHOLD = 0.0

# Words for what is counted that name the same thing; the first of each group is its key.
UNIT_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "people",
        "person",
        "individual",
        "refugee",
        "migrant",
        "asylum seeker",
        "asylum-seeker",
        "resident",
        "civilian",
        "inhabitant",
        "citizen",
        "immigrant",
        "emigrant",
        "evacuee",
        "displaced person",
        "traveler",
        "traveller",
        "protester",
        "demonstrator",
        # The dead are counted as people as often as deaths: "killed 50,000 people", "a death toll of 50,000".
        "death",
        "fatality",
        "dead",
        "victim",
    ),
    ("troop", "soldier", "serviceman", "servicemen", "service member", "serviceperson", "military personnel"),
    ("child", "children", "kid", "minor"),
    ("worker", "employee", "staff", "job"),
    ("settlement", "village", "town", "locality"),
    ("home", "house", "dwelling", "household"),
    ("percent", "per cent", "%", "pct", "percentage"),
    ("km", "kilometre", "kilometer"),
    ("tonne", "ton", "metric ton", "t"),
    ("case", "infection"),
    ("vehicle", "truck", "lorry"),
)
_MONEY_WORDS = {"dollar": "USD", "$": "USD", "euro": "EUR", "€": "EUR", "rouble": "RUB", "ruble": "RUB", "£": "GBP"}
_SYNONYMS = {word: group[0] for group in UNIT_GROUPS for word in group}
_ISO_CODE = re.compile(r"^[A-Za-z]{3}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ClaimFacts:
    """What the rules read of a claim: its structured fields, its sentence and when it was published."""

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


@dataclass(frozen=True)
class Proposal:
    relation: str  # "same" or "contradicts"
    score: float
    reasons: list[str] = field(default_factory=list)
    newer_first: bool = False  # for "updates": the first claim judged is the newer one


# ---------------------------------------------------------------- units


def _singular(word: str) -> str:
    irregular = {"people": "people", "children": "child", "men": "man", "women": "woman", "lives": "life"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=4096)
def canonical_unit(unit: str, kind: str = "") -> str:
    """The key two claims must share: a synonym group's name, an ISO currency code, or the singular lemma."""
    raw = _SPACES.sub(" ", (unit or "").strip())
    if not raw:
        return ""
    lowered = raw.casefold()
    if lowered in _MONEY_WORDS or _singular(lowered) in _MONEY_WORDS:
        return _MONEY_WORDS.get(lowered) or _MONEY_WORDS[_singular(lowered)]
    if kind == "money" or (raw.isupper() and _ISO_CODE.match(raw)):
        return raw.upper()  # money links only within one currency
    if lowered in _SYNONYMS:
        return _SYNONYMS[lowered]
    words = lowered.split(" ")
    words[-1] = _singular(words[-1])
    singular = " ".join(words)
    return _SYNONYMS.get(singular, singular)


# ---------------------------------------------------------------- intervals


def _float(number: Decimal | float | None) -> float | None:
    return None if number is None else float(number)


def rounding_tolerance(number: Decimal | float) -> float:
    """Half a unit of the last non-zero digit, capped at 5 %: "2,000" may be 1,900–2,100, "150" 145–155."""
    decimal = Decimal(str(number)).normalize()
    exponent = decimal.as_tuple().exponent
    assert isinstance(exponent, int)
    half_unit = 0.5 * 10.0**exponent
    magnitude = abs(float(decimal))
    return min(half_unit, ROUNDING_CAP * magnitude) if magnitude else half_unit


def effective_interval(facts: ClaimFacts) -> Interval | None:
    """The values a claim's words allow, the writer's rounding granted; None when it states no number."""
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    point = value if value is not None else (low if low is not None else high)
    floor = 0.0 if facts.kind not in {"measure", "ratio"} else -math.inf  # counts, sums and shares are never negative
    qualifier = facts.qualifier
    if qualifier in {"range", "vague"}:
        if low is None and high is None:
            if value is None:
                return None
            low = high = value
        low_end = floor if low is None else low - (rounding_tolerance(low) if qualifier == "range" else 0.0)
        high_end = math.inf if high is None else high + (rounding_tolerance(high) if qualifier == "range" else 0.0)
        return Interval(low_end, high_end)
    if point is None:
        return None
    if qualifier == "approx":
        spread = max(APPROX_TOLERANCE * abs(point), rounding_tolerance(point))
        return Interval(point - spread, point + spread)
    if qualifier == "more_than":
        return Interval(point, math.inf, low_open=True)
    if qualifier == "at_least":
        return Interval(point, math.inf)
    if qualifier == "less_than":
        return Interval(min(floor, point), point, high_open=True)
    if qualifier == "at_most":
        return Interval(min(floor, point), point)
    spread = rounding_tolerance(point)  # exact
    return Interval(point - spread, point + spread)


def compatible(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Can both claims be true of one quantity? False also when either states no number."""
    first, second = effective_interval(a), effective_interval(b)
    return first is not None and second is not None and first.overlaps(second)


def representative_value(facts: ClaimFacts) -> float | None:
    """One number standing for the claim: the stated value, or the geometric middle of a range."""
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    if facts.qualifier in {"range", "vague"} and low is not None and high is not None:
        if low > 0 and high > 0:
            return math.sqrt(low * high)
        return (low + high) / 2
    for number in (value, low, high):
        if number is not None:
            return number
    return None


def magnitude(number: float | None) -> int | None:
    """The value bucket: floor(4·log10 v); negatives and zero get buckets of their own far below."""
    if number is None:
        return None
    if number == 0:
        return -1000
    bucket = math.floor(BUCKETS_PER_DECADE * math.log10(abs(number)))
    return bucket if number > 0 else -2000 - bucket


def blocking_key(facts: ClaimFacts) -> tuple[str, int | None]:
    """(unit_key, magnitude) as stored on a claim and indexed for candidate search."""
    return canonical_unit(facts.unit, facts.kind), magnitude(representative_value(facts))


def same_block(a: ClaimFacts, b: ClaimFacts) -> bool:
    unit_a, bucket_a = blocking_key(a)
    unit_b, bucket_b = blocking_key(b)
    return (
        bool(unit_a)
        and unit_a == unit_b
        and None not in (bucket_a, bucket_b)
        and abs(bucket_a - bucket_b) <= BLOCK_WINDOW
    )


# ---------------------------------------------------------------- places, periods, wording


# Names of one place spelled differently; the value is the key both compare as.
PLACE_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
    "uae": "united arab emirates",
}
_PLACE_FILLER = {"the", "of", "border", "region", "city", "province", "district", "and", "crossing"}


def _place_key(place: str) -> str:
    place = place.strip().casefold().replace("’", "'")
    place = re.sub(r"'s?$", "", place)
    place = re.sub(r"^the ", "", place)
    return PLACE_ALIASES.get(place, place)


def _place_words(places: tuple[str, ...]) -> set[str]:
    words = set()
    for place in places:
        key = _place_key(place)
        words.update(
            PLACE_ALIASES.get(word, word) for word in re.split(r"[^\w.]+", key) if word and word not in _PLACE_FILLER
        )
        words.add(key)
    return words


def related_places(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the places share a name or a word ("Belarusian-EU border" and "EU"): not proof, but no conflict."""
    return bool(_place_words(a.places) & _place_words(b.places))


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


def _period(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    if facts.period_start is None and facts.period_end is None:
        return None
    return (facts.period_start or datetime.date.min, facts.period_end or datetime.date.max)


def _implied_period(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    """The stated period, or for an undated claim the days around its publication."""
    period = _period(facts)
    if period is not None:
        return period
    if facts.published is None:
        return None
    return (facts.published - UNDATED_WINDOW, facts.published + UNDATED_WINDOW)


def _overlap(first: tuple[datetime.date, datetime.date], second: tuple[datetime.date, datetime.date]) -> bool:
    return max(first[0], second[0]) <= min(first[1], second[1])


def describe_period(start: datetime.date, end: datetime.date) -> str:
    """ "2021", "November 2021", "8 November 2021" or "1 March 2021 – 4 May 2021"."""
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    next_month = (end.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    if (
        start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end == next_month - datetime.timedelta(1)
    ):
        return f"{start:%B %Y}"
    return f"{describe_period(start, start)} – {describe_period(end, end)}"


def trigram_similarity(first: str, second: str) -> float:
    """pg_trgm's similarity() in Python: shared word trigrams over all trigrams of either text."""

    def trigrams(text: str) -> set[str]:
        grams = set()
        for word in re.findall(r"[^\W_]+", text.casefold()):
            padded = f"  {word} "
            grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
        return grams

    mine, theirs = trigrams(first), trigrams(second)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


# ---------------------------------------------------------------- wording of values


def _number(number: float) -> str:
    if abs(number) >= 1e9 and number == round(number, -7):
        return f"{number / 1e9:g} billion"
    if abs(number) >= 1e6 and number == round(number, -4):
        return f"{number / 1e6:g} million"
    if number == int(number):
        return f"{int(number):,}"
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
    value, low, high = _float(facts.value), _float(facts.value_low), _float(facts.value_high)
    if facts.qualifier in {"range", "vague"} and (low is not None or high is not None):
        return f"{_number(low) if low is not None else '…'}–{_number(high) if high is not None else '…'}"
    point = representative_value(facts)
    if point is None:
        return "no number"
    return _QUALIFIER_WORDS.get(facts.qualifier, "") + _number(value if value is not None else point)


# ---------------------------------------------------------------- the proposal


def _unit_reason(a: ClaimFacts, b: ClaimFacts, key: str) -> str:
    words = {_singular(a.unit.strip().casefold()), _singular(b.unit.strip().casefold())}
    if len(words) == 1 and (key in words or key.upper() == a.unit.strip().upper()):
        return f"same unit: {key}"
    return f"same unit: {key} ({a.unit.strip()} / {b.unit.strip()})"


def _closeness(a: ClaimFacts, b: ClaimFacts) -> float:
    """1 when one value lies in the other's bounded interval ("80,000" in "tens of thousands"), else by ratio."""
    first, second = representative_value(a), representative_value(b)
    if not first or not second or (first < 0) != (second < 0):
        return 0.0
    for value, other in ((first, effective_interval(b)), (second, effective_interval(a))):
        if other is not None and math.isfinite(other.high) and other.low <= value <= other.high:
            return 1.0
    return max(0.0, 1.0 - abs(math.log10(abs(first) / abs(second))) / 0.5)


def _published_near(a: ClaimFacts, b: ClaimFacts) -> bool:
    return a.published is not None and b.published is not None and abs(a.published - b.published) <= NEAR_PUBLICATION


def propose(a: ClaimFacts, b: ClaimFacts, *, wording: float | None = None) -> Proposal | None:
    """Propose a link from `a` to `b`, or None. `wording` is the sentences' trigram similarity (computed if None).

    same: one unit, intervals compatible, places and periods not disjoint, score high enough.
    contradicts: one unit, a shared place and period (stated, or both undated and published in the
    same week), intervals that cannot both hold, and sentences that talk alike.
    """
    if not same_block(a, b):
        return None
    unit = canonical_unit(a.unit, a.kind)
    reasons = [_unit_reason(a, b, unit)]
    places = shared_places(a, b)
    places_disjoint = bool(a.places) and bool(b.places) and not places and not related_places(a, b)
    stated_a, stated_b = _period(a), _period(b)
    periods_disjoint = stated_a is not None and stated_b is not None and not _overlap(stated_a, stated_b)
    implied_a, implied_b = _implied_period(a), _implied_period(b)
    same_time = implied_a is not None and implied_b is not None and _overlap(implied_a, implied_b)
    if wording is None:
        wording = trigram_similarity(a.sentence, b.sentence)
    wording_part = min(1.0, wording / 0.5)

    if places:
        reasons.append(f"both at {' / '.join(places)}")
    if stated_a is not None and stated_b is not None and not periods_disjoint:
        if stated_a == stated_b:
            reasons.append(f"same period: {describe_period(*stated_a)}")
        else:
            reasons.append(f"periods overlap: {describe_period(*stated_a)} / {describe_period(*stated_b)}")
    elif stated_a is None and stated_b is None and same_time:
        reasons.append("both undated, published within a week")

    if compatible(a, b):
        if places_disjoint or periods_disjoint:
            return None
        place_part = 1.0 if places else 0.3
        if stated_a is not None and stated_b is not None:
            time_part = 1.0 if stated_a == stated_b else 0.8
        elif same_time:
            time_part = 0.7
        else:
            time_part = 0.4 if _published_near(a, b) else 0.0
        score = 0.3 * _closeness(a, b) + 0.25 * place_part + 0.2 * time_part + 0.25 * wording_part
        if score < SAME_MIN_SCORE:
            return None
        reasons.insert(1, f"values compatible: {describe_value(a)} vs {describe_value(b)}")
        reasons.append(f"similar wording: {wording:.2f}")
        return Proposal("same", round(score, 3), reasons)

    if not places or not same_time or periods_disjoint or wording < CONTRADICTS_MIN_WORDING:
        return None
    score = 0.5 + 0.5 * wording_part
    reasons.insert(1, f"values cannot both be true: {describe_value(a)} vs {describe_value(b)}")
    reasons.append(f"similar wording: {wording:.2f}")
    return Proposal("contradicts", round(score, 3), reasons)


BLOCKING_SOURCE_FIELDS = ("value", "value_low", "value_high", "qualifier", "unit", "kind")


def blocking_fields(fields: dict) -> dict:
    """{"unit_key": …, "magnitude": …} for a claim whose fields (BLOCKING_SOURCE_FIELDS) are `fields`."""
    facts = ClaimFacts(**{name: fields.get(name) for name in BLOCKING_SOURCE_FIELDS})
    unit_key, bucket = blocking_key(facts)
    return {"unit_key": unit_key, "magnitude": bucket}
