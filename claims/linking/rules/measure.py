"""What a figure measures: its dimension, unit and counted noun (`claim_measure`, `measure_of`), and the
spellings of units and nouns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .tunables import ClaimFacts, _quote_span


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
    ("homicide", "murder"),  # one crime statistic, by either name: not a disaster's dead
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


LEVELS = frozenset({"speed", "length"})  # measures of a level that rises and falls: winds, a river's height
