"""Number phrases: parse one, or find every quantity in a text.

Pure Python and regular expressions: importing or calling this module never loads spaCy, so
``parse_number`` and ``find_quantities`` are cheap enough for validation code and tests.
``find_quantities`` returns every quantity, claim or not ("the three countries" included); the
claim rules (time windows, names found by the parser, attribution) live in ``extract``.
Dates, years used as dates, times of day, ordinals, list numbering, phone numbers, ids and
numbers glued into names ("G7", "COVID-19", "PT0M56S") are not quantities and are skipped here.
The words it knows (number words, scales, units, currencies, qualifiers) come from ``vocabulary``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from .timeexpr import calendar_spans
from .vocabulary import (
    ABBREVIATED_SCALES,
    BARE_ADJECTIVE_MULTIPLIERS,
    COMPOUND_SCALES,
    CURRENCY_PHRASES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DURATION_SECONDS,
    DURATION_UNITS,
    GLUED_UNITS,
    GROUP_WORDS,
    ISO_CURRENCY_CODES,
    MEASURE_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MULTIPLES,
    MULTIPLIERS,
    OR_AFTER_NUMBER,
    QUALIFIER_PHRASES,
    SCALES,
    SHARED_CURRENCY_NAMES,
    SHORT_SCALES,
    SMALL_NUMBERS,
    SOUTH_ASIAN_SCALES,
    TENS,
    VAGUE,
    WEEKDAYS,
    Kind,
    Qualifier,
    alternation,
    prefix_tree,
    singular,
)


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A number phrase found in a text; offsets index the text given to ``find_quantities``."""

    start: int
    end: int
    text: str
    value: Decimal | None
    value_low: Decimal | None
    value_high: Decimal | None
    qualifier: str
    unit: str
    kind: str
    # Where the bare number ends (before glued units such as "-week"); used by ``extract``.
    number_end: int = 0
    # True when a unit word follows the number phrase directly ("people", "of troops").
    unit_stated: bool = False


# ---------------------------------------------------------------------------------------------
# parse_number
# ---------------------------------------------------------------------------------------------

_SPACES = "\u00a0\u202f\u2009\u2007"
_NORMALISE = str.maketrans({c: " " for c in _SPACES} | {"\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-"})

# Currency codes ("usd", "rs.") are words; the other keys are signs ("$", "a$", "€").
_CURRENCY_CODES = [key for key in CURRENCY_SYMBOLS if key.rstrip(".").isalpha()]
_CURRENCY_SIGNS = [key for key in CURRENCY_SYMBOLS if key not in _CURRENCY_CODES]
# A standalone number phrase may start with the sign of a dollar, euro, pound or rouble.
_PARSED_SIGNS = alternation(key for key in _CURRENCY_SIGNS if CURRENCY_SYMBOLS[key] in ("USD", "EUR", "GBP", "RUB"))
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\ \d{3})+|\d+)"
_PLAIN_NUMBER_RE = re.compile(
    rf"^(?P<cur>{_PARSED_SIGNS})?\s*(?P<sign>[+-])?\s*(?P<cur2>{_PARSED_SIGNS})?(?P<num>{_DIGITS}(?:\.\d+)?|\.\d+)"
    rf"\s*(?P<scale>{alternation([*SCALES, *ABBREVIATED_SCALES])})?$"
)
_DIGIT_FRACTION_RE = re.compile(r"^(?P<sign>[+-])?(?P<n>\d+)\s*/\s*(?P<d>\d+)$")
_WORD_SPLIT_RE = re.compile(r"[\s,\-]+")


def parse_number(text: str) -> Decimal | None:
    """The value of a standalone number phrase, or None when ``text`` is not one.

    >>> parse_number("two hundred and five")
    Decimal('205')
    """
    if not isinstance(text, str):
        return None
    phrase = text.translate(_NORMALISE).strip().lower()
    if not phrase:
        return None
    match = _PLAIN_NUMBER_RE.match(phrase)
    if match:
        return _digits_value(match.group("num"), match.group("sign"), match.group("scale"))
    match = _DIGIT_FRACTION_RE.match(phrase)
    if match:
        denominator = int(match.group("d"))
        if denominator == 0:
            return None
        value = Decimal(int(match.group("n"))) / Decimal(denominator)
        return -value if match.group("sign") == "-" else value
    sign = 1
    if phrase[0] in "+-":
        sign = -1 if phrase[0] == "-" else 1
        phrase = phrase[1:].strip()
    words = [word for word in _WORD_SPLIT_RE.split(phrase) if word]
    if not words:
        return None
    if (words[0][0].isdigit() or words[0][0] == ".") and words[-3:] != ["and", "a", "half"]:
        return _digits_then_scale_words(words, sign)
    total = words_value(words)
    return None if total is None else sign * total


def _digits_then_scale_words(words: list[str], sign: int) -> Decimal | None:
    """ "2 thousand", "1.5 million", "3 hundred thousand"; None for anything else."""
    head = _PLAIN_NUMBER_RE.match(words[0])
    if head is None or head.group("scale") or len(words) < 2:
        return None
    value = _digits_value(head.group("num"), None, None)
    if value is None:
        return None
    for word in words[1:]:
        if word not in SCALES and word != "hundred":
            return None
        value *= SCALES.get(word, 100)
    return _tidy(sign * value)


def _digits_value(num: str, sign: str | None, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(num.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= SCALES.get(scale) or ABBREVIATED_SCALES[scale]
    return _tidy(-value if sign == "-" else value)


def _tidy(value: Decimal) -> Decimal:
    """Whole numbers without a trailing ".0" ("1.5 million" is 1500000, not 1500000.0)."""
    exponent = value.as_tuple().exponent  # "n", "N" or "F" for a NaN or an infinity
    if isinstance(exponent, int) and exponent < 0 and value == value.to_integral_value():
        return Decimal(int(value))
    return value


def words_value(words: list[str]) -> Decimal | None:
    """The value of number words already split and lower-cased, or None."""
    if not words:
        return None
    if words[-1] in DENOMINATORS:
        return _fraction_value(words)
    if words[0] == "a" and len(words) >= 2 and words[1] == "couple":
        return Decimal(2) if len(words) == 2 or words[2:] == ["of"] else None
    reader = _NumberWordsReader()
    for position, word in enumerate(words):
        if not reader.read(word, first=position == 0, last=position == len(words) - 1, alone=len(words) == 1):
            return None
    return reader.value()


class _NumberWordsReader:
    """Reads number words left to right ("two hundred and five thousand and one"), refusing any
    word that cannot follow the one before it ("five two", "hundred", "a thousand and")."""

    def __init__(self) -> None:
        self.total = 0  # what closed scale groups add up to: 205000 in "two hundred and five thousand and"
        self.group = 0  # the group being read, before its scale
        self.previous_scale: int | None = None
        # What the last word was: "a", "unit" (one-nine), "teen" (ten-nineteen), "tens", "hundred",
        # "dozen", "scale" or "and"; None before the first word.
        self.last: str | None = None

    def read(self, word: str, *, first: bool, last: bool, alone: bool) -> bool:
        """Take one more word; False when it cannot follow what came before."""
        if word in ("a", "an"):
            return self._article(first=first, alone=alone)
        if word == "and":
            return self._and()
        if word in SMALL_NUMBERS:
            return self._small(SMALL_NUMBERS[word])
        if word in TENS:
            return self._tens(TENS[word])
        if word == "hundred":
            return self._hundred()
        if word == "dozen":
            return self._dozen(last=last)
        if word in SCALES:
            return self._scale(SCALES[word])
        return False

    def value(self) -> Decimal | None:
        if self.last in ("and", "a"):
            return None
        return Decimal(self.total + self.group)

    def _article(self, *, first: bool, alone: bool) -> bool:
        if not first or alone:
            return False
        self.group, self.last = 1, "a"
        return True

    def _and(self) -> bool:
        if self.last not in ("hundred", "scale"):
            return False
        self.last = "and"
        return True

    def _small(self, number: int) -> bool:
        if self.last in ("unit", "teen", "a"):
            return False
        if self.last == "tens" and (number == 0 or number >= 10):
            return False
        if number == 0 and self.last is not None:
            return False
        self.group += number
        self.last = "teen" if number >= 10 else "unit"
        return True

    def _tens(self, number: int) -> bool:
        if self.last in ("unit", "teen", "tens", "a"):
            return False
        self.group += number
        self.last = "tens"
        return True

    def _hundred(self) -> bool:
        if self.last is None:
            self.group = 1  # "hundred million dollars", "the past hundred years": one hundred
        elif self.last not in ("unit", "teen", "a") or self.group >= 100 or self.group == 0:
            return False
        self.group *= GROUP_WORDS["hundred"]
        self.last = "hundred"
        return True

    def _dozen(self, *, last: bool) -> bool:
        if self.last not in ("unit", "teen", "a", "tens") or not last:
            return False
        self.group *= GROUP_WORDS["dozen"]
        self.last = "dozen"
        return True

    def _scale(self, scale: int) -> bool:
        if self.group == 0 or self.last == "and":
            return False
        if self.previous_scale is not None and scale >= self.previous_scale:
            return False
        self.total += self.group * scale
        self.group = 0
        self.previous_scale = scale
        self.last = "scale"
        return True


def _fraction_value(words: list[str]) -> Decimal | None:
    denominator = DENOMINATORS[words[-1]]
    head = words[:-1]
    if not head:
        # "half" alone is a number; "third" alone is an ordinal.
        return Decimal("0.5") if words[-1] == "half" else None
    numerator: Decimal | None
    if head in (["a"], ["an"], ["one"]):
        numerator = Decimal(1)
    elif len(head) >= 3 and head[-2:] == ["and", "a"] and words[-1] == "half":
        whole = parse_number(" ".join(head[:-2]))
        return None if whole is None else whole + Decimal("0.5")
    else:
        numerator = words_value(head) if not head[0][0].isdigit() else parse_number(" ".join(head))
        if numerator is None or numerator == 0:
            return None
    return numerator / Decimal(denominator)


# ---------------------------------------------------------------------------------------------
# find_quantities
# ---------------------------------------------------------------------------------------------

_W = alternation([*SMALL_NUMBERS, *TENS])
_SCALE_W = alternation(["hundred", *SCALES])
# "two hundred and five", "a million and one"; South Asian scales take no "and".
_AFTER_SCALE_AND = "(?:" + "|".join(f"(?<={word})" for word in ("hundred", *SHORT_SCALES)) + r")\s+and\s+"
_WORD_SEQ = (
    rf"(?:(?:a|an)\s+(?=(?:{_SCALE_W}|dozen)\b))?(?:{_W}|{_SCALE_W}|dozen)"
    rf"(?:(?:{_AFTER_SCALE_AND}|[ \t-]+|\ *,\ (?=(?:{_W})\b[ -]*(?:{_SCALE_W})))"
    rf"(?:(?:{_W})(?:-(?:{_W}))?|{_SCALE_W}|dozen)\b)*"
)
_DENOM_W = alternation(DENOMINATORS)
_VAGUE_W = alternation(VAGUE).replace(
    "scores", r"scores(?=\s+of\s+(?!course\b)[a-z])"
)  # "scores of migrants", not "test scores" or "scores of 80%"
_NUM_DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3}){2,}(?![\d])|\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d])"
    r"|\d{1,3}(?:\ \d{3})+(?!\d|,\d)|\d+)(?:\.\d+)?|\.\d+"
)
# After "N in M", words that make M a span or a count of its own ("5 in 10 days"), not a whole.
_NOT_A_WHOLE = (
    "(?:"
    + alternation(
        [
            *(word for word, unit in DURATION_UNITS.items() if unit != "century"),
            *("night", "nights", "game", "games", "matches"),
            *("hundred", *SHORT_SCALES, "per", "percent"),
        ]
    )
    + ")"
)
# Degree signs glue with optional spaces ("30 °C", "30°"); the other units follow the digits directly.
_UNIT_GLUE = "\\ ?[°º]\\s?c|\\ ?[°º]\\s?f|\\ ?[°º]|" + alternation(GLUED_UNITS)
# "half a million", "three quarters of a dozen", "half a percentage point".
_HALF_SCALES = alternation(["dozen", "gross", "hundred", *SHORT_SCALES, "percentage points", "percentage point"])
# "a couple of hundred", "a couple million": the scales this rule reads, trillions not among them.
_COUPLE_SCALES = alternation(["dozen", "hundred", "thousand", "million", "billion"])
# "more than an hour", "up to a week": the units that make "a" a count of one.
_A_UNITS = alternation(["hour", "day", "week", "fortnight", "month", "year", "decade", "century"])
_SCALE_AFTER_DIGITS = alternation([*SHORT_SCALES, *COMPOUND_SCALES, *SOUTH_ASIAN_SCALES, "hundred", "dozen"])

# A race or a wait timed in hours, minutes and seconds ("2:00:35", "2:01:09s"), or in hours and
# minutes after a bound ("under 2:00"): a duration, never a time of day (no "am", no zone after it).
_RACE_TIME = (
    r"(?<![\d:.,])(?:\d{1,2}:[0-5]\d:[0-5]\d|(?:(?<=under\ )|(?<=below\ )|(?<=sub\ )|(?<=sub-))\d{1,2}:[0-5]\d)"
    r"(?![\d:])(?:s\b)?(?!\s?(?:[ap]\.?m\b|[ap]\.m\.|hrs\b|(?-i:[A-Z]{2,3}T|GMT|UTC)\b))"
)

# The words a quantity can start with, for every alternative of _CORE_RE below (a digit, a sign or a
# point otherwise): one look-ahead rejects the other words before thirteen alternatives are tried.
_FIRST_WORDS = prefix_tree(
    ["a", "an", "one", "three", "quarter", "half", "dozen", *SMALL_NUMBERS, *TENS, "hundred", *SCALES]
    + [*DENOMINATORS, *VAGUE, *MULTIPLIERS]
)
_CORE_RE = re.compile(
    # Every alternative starts a token: the look-arounds reject other positions cheaply.
    r"(?<!\w)(?=[\d+\-\u2212.]|(?:" + _FIRST_WORDS + r")\b)(?:"
    r"(?P<racetime>" + _RACE_TIME + r")"
    r"|(?P<vague>\b(?:" + _VAGUE_W + r")\b)"
    r"|(?P<share>\b(?:(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:" + _W + r"|\d+)\b"
    r"|(?:" + _W + r"|\d{1,2})\s+(?:in|out\s+of)\s+(?:" + _W + r"|\d{1,3}(?![\d,.]))\b"
    r"(?!\s+" + _NOT_A_WHOLE + r"\b|-|%)))"
    r"|(?P<qpoint>\b(?:an?\s+)?(?:quarter|half)[\s-](?:percentage[\s-])?point\b)"
    r"|(?P<halfscale>\b(?:(?:an?\s+)?half[\s-]+(?:an?[\s-]+)?|(?:a\s+quarter|three\s+quarters)(?:\s+of)?\s+an?\s+)"
    r"(?:" + _HALF_SCALES + r")\b)"
    r"|(?P<andhalf>\b(?:" + _W + r"|\d+)\s+and\s+a\s+half\b)"
    r"|(?P<frac>\b(?:(?:a|an|" + _W + r"|\d+)[\s-]+|(?<![\w-]))(?:" + _DENOM_W + r")\b)"
    r"|(?P<dfrac>(?<![\w/.,])\d{1,2}/\d{1,2}(?![\w/]))"
    r"|(?P<couple>\ba\s+couple(?:\s+of)?(?:\s+(?:" + _COUPLE_SCALES + r")\b)?)"
    r"|(?P<aunit>\ban?\b(?=\s+(?:" + _A_UNITS + r")\b))"
    r"|(?P<mult>\b(?:" + alternation(MULTIPLIERS) + r")\b)"
    r"|(?P<digits>(?:(?<![\w)\]%])[+\-\u2212](?=\d)|(?<![\w.,/\u2212]))(?:" + _NUM_DIGITS + r")"
    r"(?P<scale>(?:\s*(?:" + _SCALE_AFTER_DIGITS + r")\b)|(?:" + alternation(ABBREVIATED_SCALES) + r")(?![\w]))?"
    r"(?P<glued>(?:" + _UNIT_GLUE + r"|%|pc|bps|bp|p)(?![\w]))?)"
    r"|(?P<words>\b" + _WORD_SEQ + r"\b))",
    re.IGNORECASE,
)
_QUALIFIER_ALT = alternation(QUALIFIER_PHRASES)
_PREFIX_RE = re.compile(
    r"(?:(?<![\w])(?P<q>" + _QUALIFIER_ALT + r")\s*)?"
    r"(?P<cur>" + alternation(_CURRENCY_SIGNS) + r"|(?<![\w])(?:" + alternation(_CURRENCY_CODES) + r")\s?"
    r"|(?<![\w])(?-i:" + prefix_tree(ISO_CURRENCY_CODES) + r")\s)?\s*"
    r"(?P<neg>(?<![\w])minus\s+)?$",
    re.IGNORECASE,
)
_HYPHEN_UNITS = alternation([*DURATION_UNITS, *(key for key in MEASURE_UNITS if " " not in key and len(key) > 1)])
_SUFFIX_RE = re.compile(
    r"(?P<pct>\s*%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b|\s(?-i:bps?)\b)?"
    r"(?P<hyph>-(?P<hunit>" + _HYPHEN_UNITS + r")\b(?:-old\b)?"
    r"|-(?P<hnoun>fold|[a-z]{3,})\b(?!-))?"
    r"(?P<plus>-?plus\b)?",
    re.IGNORECASE,
)
_OR_MORE_RE = re.compile(r"\s+or\s+(?P<w>" + alternation(OR_AFTER_NUMBER) + r")\b", re.IGNORECASE)
# Units the word pattern would cut short ("square kilometres", "km/h"); "square miles" and
# "square metres" are read as counted nouns, as they always were.
_UNITS_OF_MORE_THAN_A_WORD = alternation(
    [
        *(key for key in MEASURE_UNITS if " " in key or "/" in key),
        *(key for key in CURRENCY_PHRASES if "." in key),  # "17.71 trillion U.S. dollars"
        *("square miles", "square metres", "square meters"),
    ]
)
_UNIT_AFTER_RE = re.compile(
    r"(?P<gap>\s+(?:of\s+(?:the\s+|their\s+|its\s+|these\s+|those\s+)?)?)"
    r"(?P<w>(?i:" + _UNITS_OF_MORE_THAN_A_WORD + r")|[A-Za-z][A-Za-z'’-]*)",
)
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_RANGE_GAP_RE = re.compile(r"^\s*(?:-|–|—|~|to|and|through|thru)\s*$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?:\b(?P<w>between|from)\s+)$", re.IGNORECASE)
# A change verb right before a pair of numbers makes them its two states ("rose 5% to 8%", "jumped
# from 24 to 38"), not a range; farther back it governs something else ("whipped up waves of 5 to 6 metres").
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increased?|increasing|decreased?|"
    r"decreasing|grew|grow|growing|jumped|jump|dropped|drop|climbed|climb|surged|declined|"
    r"decline|soared|up|down|went|go|changed?|cut|raised?|lowered?|reduced?)\b"
    r"(?:\s+[a-z]+ly)?(?:\s+(?:by|from))?\s*$",
    re.IGNORECASE,
)
# Before "from N to M" the change verb may stand farther back: "raised the annual allowance from".
_CHANGE_BEFORE_FROM_RE = re.compile(_CHANGE_BEFORE_RE.pattern.split(r"\b(?:\s+")[0] + r"\b[^,;.]*$", re.IGNORECASE)
_LIST_NUMBER_RE = re.compile(r"(?:^|\n)[ \t]*$")
_LIST_AFTER_RE = re.compile(r"[.)][ \t]")
_NAME_WORD_BEFORE_RE = re.compile(
    r"(?<![\w])(?:article|section|chapter|clause|paragraph|resolution|flight|route|highway|"
    r"room|junction|exit|pier|motorway|interstate|no\.|number|nos\.|level|phase|stage|grade|category|type|model|version|season|episode|"
    r"part|vol\.|volume|page|p\.|item|gate|terminal|platform|line|bus|road|street|unit|zone|sector|"
    r"block|division|brigade|regiment|battalion|squad|corps|apollo|windows|iphone|boeing|airbus|"
    r"su|mig|tu|(?<!['’])s|f|t|pp\.|cop|g|covid|sars|mh|pt|id|#)[\s\u00a0]*[-#]?[\s\u00a0]*$",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(
    r"(?=[\d+(])"  # what every alternative starts with: other positions fail at once
    r"(?:(?<![\d,.])0\d{2,4}(?:[ \u00a0.-]\d{2,4}){1,3}(?![\d,])"
    r"|(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,4}[\s.-]\d{2,4}[.-]\d{2,4}(?:[.-]\d{2,4})?"
    r"|\+\d{1,3}[\s.-]\(?\d{2,5}\)?[\s.-]\d{2,4}(?:[\s.-]\d{2,4})*|\(\d{2,5}\)\s?\d{3}[\s.-]?\d{4})"
)
_STOP_UNIT_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being has have "
    "had do does did will would can could may might must shall should this that these those than "
    "then who which whom whose what when where while it its their his her our your my they he she "
    "we you i there here not no so up down out over under into onto about after before since "
    "more less most least per each every all some any other another such only just also very "
    "last next past year's them us those these others".split()
)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text``."""
    if not text:
        return []
    masked = _masked_spans(text)
    # "8.000" means eight thousand only where the text groups thousands with dots elsewhere.
    dot_thousands = bool(_DOT_CONVENTION_RE.search(text))
    found: list[Quantity] = []
    last_end = 0
    for match in _CORE_RE.finditer(text):
        if match.start() < last_end or (match.lastgroup != "racetime" and _inside(masked, match.start(), match.end())):
            continue
        quantity = _quantity_from_match(text, match, dot_thousands)
        if quantity is None:
            continue
        found.append(quantity)
        last_end = quantity.end
    return _merge_ranges(text, _joined_durations(text, found))


_DURATION_WORD_RE = re.compile(r"\s*(?P<w>" + alternation(DURATION_UNITS) + r")\b", re.IGNORECASE)
_DURATION_JOINT_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_DURATION_SPACE_RE = re.compile(r"[ \t]+")  # after a unit word: "2 hours 9 minutes"


def _joined_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "two hours, 42 minutes and 28 seconds", "nine minutes and 19 seconds", "2 hours 9 minutes": one duration in its
    smallest unit, when each part names a smaller unit than the one before."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        joined = _duration_parts(text, previous, quantity) if previous else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(quantity)
    return out


def _duration_parts(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """``first`` and ``second`` read as one compound duration, or None."""
    if not (
        first.kind == second.kind == Kind.DURATION
        and first.unit in DURATION_SECONDS
        and second.unit in DURATION_SECONDS
        and DURATION_SECONDS[first.unit] > DURATION_SECONDS[second.unit]
        and second.qualifier == Qualifier.EXACT
        and first.value is not None
        and second.value is not None
    ):
        return None
    unit_word = _DURATION_WORD_RE.match(text, first.number_end) if first.end == first.number_end else None
    joint_start = unit_word.end() if unit_word else first.end
    joint = _DURATION_JOINT_RE.match(text, joint_start)
    if (joint is None or joint.end() != second.start) and unit_word is not None:
        joint = _DURATION_SPACE_RE.match(text, joint_start)  # "2 hours 9 minutes and 41 seconds"
    if joint is None or joint.end() != second.start:
        return None
    last_word = _DURATION_WORD_RE.match(text, second.end) if second.end == second.number_end else None
    end = last_word.end() if last_word else second.end
    value = first.value * DURATION_SECONDS[first.unit] // DURATION_SECONDS[second.unit] + second.value
    return replace(
        first,
        end=end,
        text=text[first.start : end],
        value=value,
        value_low=value if first.value_low is not None else None,
        value_high=value if first.value_high is not None else None,
        unit=second.unit,
        number_end=end,
        unit_stated=True,
    )


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = list(calendar_spans(text))
    spans.extend(match.span() for match in _PHONE_RE.finditer(text))
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start–end overlaps one of the sorted, non-nested ``spans``."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans):
            span_start, span_end = spans[j]
            if span_start < end and start < span_end:
                return True
    return False


_SCORES_NOUN_BEFORE_RE = re.compile(
    r"\b(?:the|their|his|her|its|our|test|exam|credit|high|top|average|approval|poll|final|record)\s+$", re.IGNORECASE
)
_SENTENCE_START_BEFORE_RE = re.compile(r"(?:^|[.!?:;\n\"“‘'(—–-])[\"“‘'(\s]*$")
# "rose by a third", "cut by a quarter": the fraction measures the change.
_CHANGE_BY_RE = re.compile(r"\bby\s+$")
# "N times" compares only before what it compares with: "times as many", "times higher", "times that of".
_RATIO_TIMES_AFTER_RE = re.compile(
    r"\s+(?:as|the|that|those|what|more|less|fewer|over|its|their|his|her|bigger|greater|[a-z]+er)\b", re.IGNORECASE
)
_UP_AS_PARTICLE_RE = re.compile(
    r"\b(?:edged|edges|edging|ticked|ticks|ticking|crept|creeps|inched|inches|moved|moves|went|goes|gone|shot|"
    r"jumped|jumps|climbed|climbs|rose|rises|risen|nudged|bumped|ratcheted|stepped|revised|revises|pushed|"
    r"pushes|marked|picked|sped|speeded|ramped|scaled|raised|raises|driven|drove|sent)\s+$",
    re.IGNORECASE,
)
_TWICE_COMPARES_RE = re.compile(
    r"\s+(?:as|the|that|what|more|less|fewer|higher|lower|bigger|larger|its|their)\b", re.IGNORECASE
)
_DOT_GROUPS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DOT_CONVENTION_RE = re.compile(r"\d\.\d{3}\.\d{3}(?![\d])")


@dataclass
class _Reading:
    """A quantity being read: what the number phrase itself says, then what the words around it
    add (``_with_context``). Offsets index the text; ``number_end`` is where the number ends."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str = Qualifier.EXACT
    unit: str = ""
    kind: str = Kind.COUNT
    unit_stated: bool = False
    number_end: int = field(init=False)

    def __post_init__(self) -> None:
        self.number_end = self.end


def _quantity_from_match(text: str, match: re.Match, dot_thousands: bool = False) -> Quantity | None:
    """The quantity a ``_CORE_RE`` match reads as, or None when it is not one (an ordinal, a name,
    a year, a list number). ``dot_thousands``: the text groups thousands with dots ("1.250.000")."""
    found: Quantity | _Reading | None
    if match.lastgroup == "digits":
        found = _read_digits(text, match, dot_thousands=dot_thousands)
    else:
        found = _READERS[match.lastgroup or ""](text, match)
    if found is None or isinstance(found, Quantity):
        return found
    return _with_context(text, found)


def _lowered(match: re.Match) -> str:
    return " ".join(match.group(0).lower().split())


@functools.lru_cache(maxsize=64)
def _prefix(text: str, start: int) -> re.Match[str]:
    """Qualifier words, a currency and "minus" right before ``start`` (each group may be empty). The
    readers ask it several times of one number: a few recent answers are kept (a str's hash is
    computed once, and a hit compares the same text object)."""
    low = max(0, start - 40)
    before = text[low:start].rstrip()
    words = before.rsplit(None, 1)
    if words:
        last = words[-1]
        if last.isascii() and not last.lower().endswith(_PREFIX_LAST_WORDS):
            # A match from before the last word would take all of it, and so end with a qualifier's
            # last word, a currency or "minus": it cannot start there, so the search need not try.
            low += len(before) - len(last) + 1
    return _always(_PREFIX_RE.search(text, low, start))


# How a match of _PREFIX_RE ends, whitespace aside (lowercase; ASCII is all ``str.lower`` folds
# as IGNORECASE does).
_PREFIX_LAST_WORDS = tuple(
    {phrase.split()[-1] for phrase in QUALIFIER_PHRASES}
    | set(_CURRENCY_SIGNS)
    | set(_CURRENCY_CODES)
    | {code.lower() for code in ISO_CURRENCY_CODES}
    | {"minus"}
)


def _suffix(text: str, end: int) -> re.Match[str]:
    """A percent, a hyphenated unit or noun and "-plus" right after ``end`` (each group may be empty)."""
    return _always(_SUFFIX_RE.match(text, end))


def _always(found: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern whose every part is optional: it matches, if only the empty string."""
    if found is None:
        raise AssertionError("a pattern of optional parts failed to match")
    return found


def _percentage_points(match: re.Match, value: Decimal) -> Quantity:
    """A central-bank move read whole: nothing around it changes it."""
    start, end = match.span()
    return Quantity(
        start=start,
        end=end,
        text=match.group(0),
        value=value,
        value_low=value,
        value_high=value,
        qualifier=Qualifier.EXACT,
        unit="percentage point",
        kind=Kind.PERCENT,
        number_end=end,
        unit_stated=True,
    )


def _read_vague(text: str, match: re.Match) -> _Reading | None:
    """ "dozens", "hundreds of thousands", "scores of": an interval, no value."""
    start = match.start()
    words = _lowered(match)
    if words == "scores" and _SCORES_NOUN_BEFORE_RE.search(text, max(0, start - 20), start):
        return None  # "test scores of students", "their scores of 80": marks, not a magnitude
    low, high = VAGUE[words]
    return _Reading(start, match.end(), None, low=Decimal(low), high=Decimal(high), qualifier=Qualifier.VAGUE)


def _read_share(text: str, match: re.Match) -> _Reading | None:
    """ "one in five", "3 out of 10": a proper fraction of a whole."""
    parts = _lowered(match).split()
    numerator, denominator = parse_number(parts[0]), parse_number(parts[-1])
    if not denominator or numerator is None or not 0 < numerator < denominator:
        return None
    return _Reading(match.start(), match.end(), numerator / denominator, kind=Kind.SHARE)


def _read_word_fraction(text: str, match: re.Match) -> _Reading | None:
    """ "two thirds", "a quarter", "half": a share, unless the words are an ordinal or a time."""
    start, end = match.span()
    lowered = _lowered(match)
    before = text[max(0, start - 12) : start].lower()
    words = lowered.replace("-", " ").split()
    if (
        words[0] in ("a", "an", "one")
        and words[-1] not in ("half", "halves")
        and not re.match(r"\s+of\b|\s*[.,;:)]|\s*$", text[end : end + 4])
        and not _prefix(text, start).group("q")
        and not _CHANGE_BY_RE.search(before)
    ):
        return None  # "a third decade", "for a third day": ordinals
    if match.group(0).startswith("0") or re.match(r"/\d", text[end : end + 2]):
        return None
    if lowered.split()[-1].split("-")[-1] != "half" and not re.search(r"[\s-]", lowered):
        return None
    if re.search(r"\b(?:first|second|the|latter|other)\s+$", before):
        return None  # "the first half of 2022": a time window, not a share
    return _share_of(match)


def _read_digit_fraction(text: str, match: re.Match) -> _Reading | None:
    """ "3/4": a share; "9/11", "7/7" and "24/7" are names of events and round-the-clock."""
    if match.group(0).startswith("0") or re.match(r"/\d", text[match.end() : match.end() + 2]):
        return None
    if not _is_proper_small_fraction(match.group(0)):
        return None
    return _share_of(match)


def _share_of(match: re.Match) -> _Reading | None:
    value = parse_number(match.group(0))
    return None if value is None else _Reading(match.start(), match.end(), value, kind=Kind.SHARE)


def _read_race_time(text: str, match: re.Match) -> _Reading:
    """ "2:00:35" is 7235 seconds; "under 2:00" is under two hours."""
    parts = [int(part) for part in match.group(0).rstrip("s").split(":")]
    hours, minutes, seconds = (parts + [0])[:3]
    reading = _Reading(match.start(), match.end(), Decimal(hours * 3600 + minutes * 60 + seconds))
    reading.unit, reading.kind, reading.unit_stated = "second", Kind.DURATION, True
    return reading


def _read_and_a_half(text: str, match: re.Match) -> _Reading | None:
    """ "one and a half", "2 and a half": a whole and a half, counted like any number."""
    value = parse_number(match.group(0))
    return None if value is None else _Reading(match.start(), match.end(), value)


def _read_couple(text: str, match: re.Match) -> _Reading:
    """ "a couple of", "a couple of dozen", "a couple of hundred"."""
    scale = _lowered(match).split()[-1]
    return _Reading(match.start(), match.end(), Decimal(2) * MULTIPLES.get(scale, 1))


def _read_quarter_point(text: str, match: re.Match) -> Quantity:
    """ "a quarter-point cut", "a half-point rise": central-bank moves."""
    return _percentage_points(match, Decimal("0.25") if "quarter" in _lowered(match) else Decimal("0.5"))


_HALF_SCALE_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.75")}


def _read_half_scale(text: str, match: re.Match) -> _Reading | Quantity:
    """ "half a million", "a half-dozen", "half a gross", "three quarters of a billion", "half a
    percentage point"."""
    words = [word for word in re.split(r"[\s-]+", _lowered(match)) if word not in ("a", "an", "of")]
    # "a quarter of a million": "quarter" comes first; "three quarters of a billion": second
    fraction = next(_HALF_SCALE_FRACTIONS[word] for word in words if word in _HALF_SCALE_FRACTIONS)
    if words[-2] == "percentage":
        return _percentage_points(match, fraction)
    return _Reading(match.start(), match.end(), _tidy(fraction * MULTIPLES[words[-1]]))


def _read_a_unit(text: str, match: re.Match) -> _Reading | None:
    """ "more than an hour", "up to a year": one unit, when a qualifier bounds it."""
    start, end = match.span()
    qualifier_words = _prefix(text, start).group("q")
    if (
        not qualifier_words
        or QUALIFIER_PHRASES[" ".join(qualifier_words.lower().split())] == Qualifier.EXACT
        or re.match(r"\s+\w+\s+(?:earlier|ago|before|later)\b", text[end : end + 30])
    ):
        return None  # "a day" is a time; "more than an hour" is a duration
    return _Reading(start, end, Decimal(1))


def _read_multiplier(text: str, match: re.Match) -> _Reading | None:
    """ "doubled", "threefold", "nearly triple", "twice as many": a ratio."""
    start, end = match.span()
    word = _lowered(match)
    if word in BARE_ADJECTIVE_MULTIPLIERS and not _prefix(text, start).group("q"):
        return None
    if word == "twice" and not _TWICE_COMPARES_RE.match(text, end):
        return None  # "twice a week" is a frequency; "twice as many" is a ratio
    return _Reading(start, end, Decimal(MULTIPLIERS[word]), kind=Kind.RATIO)


def _read_words(text: str, match: re.Match) -> _Reading | None:
    """ "two hundred and five", "a dozen", "three million"."""
    start = match.start()
    if match.group(0)[:1].isupper() and not _SENTENCE_START_BEFORE_RE.search(text, max(0, start - 4), start):
        return None  # "Formula One", "Five Star Movement", "World War Two": a capitalised number word names
    value = parse_number(match.group(0))
    return None if value is None else _Reading(start, match.end(), value)


_SCALE_VALUES = SCALES | COMPOUND_SCALES | ABBREVIATED_SCALES | GROUP_WORDS


def _read_digits(text: str, match: re.Match, *, dot_thousands: bool) -> _Reading | None:
    """ "12,500", "1.5 million", "$3bn", "40km", "6.7pc", "145.9p": digits with their scale and a
    unit glued on; None for names ("COVID-19"), codes, list numbers, ages and years."""
    start, end = match.span()
    core = match.group(0)
    if _glued_to_name(text, start, end, match) or _is_list_number_age_or_code(text, start, end, core):
        return None
    glued = match.group("glued") or ""
    scale_text = match.group("scale") or ""
    number_text = core[: len(core) - len(glued) - len(scale_text)]
    value = _digits_number(number_text, dot_thousands=dot_thousands)
    if value is None:
        return None
    scale = " ".join(scale_text.lower().split())
    if scale == "m" and _m_means_metres(text, start, end):
        glued, scale = "m", ""  # "100m" without a currency is metres, "12.5m passengers" millions
        end = start + len(number_text) + 1
    elif scale:
        value = _tidy(value * _SCALE_VALUES[scale])
    reading = _Reading(start, end, value)
    if glued and not _read_glued_unit(reading, glued, number_text):
        return None
    if not scale and not glued and _looks_like_year_or_list(text, start, end, number_text):
        return None
    return reading


def _digits_number(number_text: str, *, dot_thousands: bool) -> Decimal | None:
    if _DOT_GROUPS_RE.fullmatch(number_text) and (number_text.count(".") > 1 or dot_thousands):
        return Decimal(number_text.replace(".", ""))  # "1.250.000": dots group thousands here
    return parse_number(number_text)


def _m_means_metres(text: str, start: int, end: int) -> bool:
    """ "100m" is metres unless a currency comes before it ("$100m") or people are counted after it
    ("12.5m passengers", "1.2m eligible voters", "10m-12m people")."""
    prefix = _prefix(text, start)
    after = _UNIT_AFTER_RE.match(text, end)
    counted = (
        after
        and after.group("gap") == " "
        and (_is_count_noun(after.group("w")) or _noun_after_adjective(text, after) is not None)
    )
    if not counted and (ranged := _M_RANGE_THEN_NOUN_RE.match(text, end)):
        counted = _is_count_noun(ranged.group("w"))  # "10m-12m people": millions
    return not (prefix and prefix.group("cur")) and not counted


def _read_glued_unit(reading: _Reading, glued: str, number_text: str) -> bool:
    """Sets the unit written against the digits; False when it makes the number a name."""
    if glued.lower() in ("%", "pc"):  # "6.7pc": the Telegraph's and FT's percent
        reading.unit, reading.kind = "percent", Kind.PERCENT
    elif glued.lower() in ("bp", "bps"):  # "cut by 25bp": basis points
        reading.unit, reading.kind = "basis point", Kind.PERCENT
    elif glued == "p":  # "145.9p a litre": pence, as pounds
        if number_text in _VIDEO_LINES:
            return False  # "1080p": a video resolution
        pence = reading.value
        reading.value, reading.unit, reading.kind = (
            None if pence is None else _tidy(pence / 100),
            "GBP",
            Kind.MONEY,
        )
    else:
        reading.unit, reading.kind = MEASURE_UNITS["".join(glued.lower().split())], Kind.MEASURE
    return True


def _is_proper_small_fraction(core: str) -> bool:
    numerator, denominator = (int(part) for part in core.split("/"))
    return 0 < numerator < denominator <= 10


def _glued_to_name(text: str, start: int, end: int, match: re.Match) -> bool:
    before = text[max(0, start - 2) : start]
    # "COVID-19", "Su-35", "MH-17": letters, a hyphen, digits.
    if (
        before.endswith("-")
        and len(before) == 2
        and before[0].isalpha()
        and not _RANGE_END_BEFORE_RE.search(text, max(0, start - 8), start)
    ):
        return True  # but "10m-12m", "5km-10km": the second end of a range
    after = text[end : end + 2]
    glued_letters = after[:1] in ".-" and after[1:2].isalpha() and not match.group("glued")
    if after[:1].isalnum() or (after and after[0] in "_/@") or glued_letters:
        if after[:1] == "-" and re.match(r"-[A-Za-z]", after):
            # "six-week", "10-year", "45-fold" are quantities; other letters glued on are names.
            return not _suffix(text, end).group("hyph") and not re.match(
                r"-(?:plus|odd|strong|fold)\b", text[end : end + 7], re.I
            )
        return True
    return bool(_NAME_WORD_BEFORE_RE.search(text, max(0, start - 14), start))


_LIST_BEFORE_RE = re.compile(r"(?:^|[\n:;(])[ \t]*$")
_LIST_MARK_RE = re.compile(r"[.)](?:[ \t]|$)")
_AGE_BEFORE_RE = re.compile(r"[A-Za-z]\w*,[ \t]*$")
_AGE_AFTER_RE = re.compile(r"[ \t]*,")
_CAPITALISED_BEFORE_RE = re.compile(r"(?<![.!?:;\n\"“(])\s(?P<w>[A-Z][\w&-]*)\s+$")  # "S&P 500" too
_NOT_NAME_WORDS = frozenset(
    [*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS]
    + "I The A An In On At By Of For From To And Or But Some About Around Over "
    "Under Nearly Almost Only Just More Less Fewer USD EUR GBP RUB".split()
)


# A capitalised word opening a sentence right before a number names it ("Channel 4 was", "Title 42
# allowed", "Paris 2024 organisers") unless it is a function or qualifier word ("Nearly 3,000", "Among 40").
_SENTENCE_START_WORD_RE = re.compile(r"(?:^|\n|[.!?][\"”’)]?[ \t]+)(?P<w>[A-Z][a-z]+)[ \t]+$")
_SENTENCE_OPENERS = frozenset(
    {w.capitalize() for w in _STOP_UNIT_WORDS}
    | {q.split()[0].capitalize() for q in QUALIFIER_PHRASES}
    | set(
        "Among Another Between Within Across Including Despite Overall Altogether Combined Perhaps Maybe "
        "Barely Precisely Fully Roughly Approximately Estimated Exactly Total Like Unlike Outside Inside "
        "Through During Until Till Beyond Below Above Nearly Almost Around Roughly Only Just Last Next First "
        "Second Third Fully Of Per Each Every With Without After Before Since Then Now Today Yesterday "
        "Police Officials Authorities Troops Workers Researchers Scientists Doctors Analysts Voters "
        "Residents People Some Many Most Several".split()
    )
    | _NOT_NAME_WORDS
)


def _sentence_start_name(text: str, start: int) -> re.Match | None:
    opener = _SENTENCE_START_WORD_RE.search(text, max(0, start - 30), start)
    return opener if opener and opener.group("w") not in _SENTENCE_OPENERS else None


_RANGE_END_BEFORE_RE = re.compile(r"\d(?:[a-zA-Z]{1,3})[-–]$")
_M_RANGE_THEN_NOUN_RE = re.compile(r"\s*[-–]\s*\d+(?:\.\d+)?m\s+(?P<w>[a-z]+)")
_VIDEO_LINES = frozenset("144 240 360 480 720 1080 1440 2160 4320".split())
_MODEL_AFTER_RE = re.compile(r"[ \t]+[A-Z]{2,}[ \t-]+\d")
_STREET_AFTER_RE = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Place|Square|Terrace)\b"
)
# The rest of a telephone number after its first group: a leading-zero group, or NNN-NNNN.
_PHONE_REST_RE = re.compile(r"[-. ](?:0\d{2,}|\d{4}(?![\d,]))(?:[-. ]\d{3,4})?\b")


def _is_list_number_age_or_code(text: str, start: int, end: int, core: str) -> bool:
    """List numbering ("1. ", "2) "), a person's age between commas ("the gunman, 18, was"),
    codes with a leading zero ("0800 555 0199", "0457") and numbers after a capitalised name
    ("Formula 1", "MAX 9", "Flight 1282")."""
    digits = core.lstrip("+-\u2212")
    if digits[:1] == "0" and digits[1:2].isdigit():
        return True
    if digits.isdigit() and _MODEL_AFTER_RE.match(text, end):
        return True  # "the 737 MAX 9", "the 747 SP 2": a model name, letters then a number
    if digits.isdigit() and _STREET_AFTER_RE.match(text, end):
        return True  # "10 Downing Street", "1600 Pennsylvania Avenue": an address
    if _PHONE_REST_RE.match(text, end) and digits.isdigit() and len(digits) <= 4:
        return True  # "555-0199", "020 7946 0958": a telephone number
    if digits.isdigit() and len(digits) <= 2:
        if _LIST_BEFORE_RE.search(text, max(0, start - 4), start) and _LIST_MARK_RE.match(text, end):
            return True
        if (
            int(digits) <= 120
            and _AGE_BEFORE_RE.search(text, max(0, start - 30), start)
            and _AGE_AFTER_RE.match(text, end)
        ):
            return True
    name = _CAPITALISED_BEFORE_RE.search(text, max(0, start - 30), start) or _sentence_start_name(text, start)
    if name and core.isdigit() and name.group("w") not in _NOT_NAME_WORDS and not _suffix(text, end).group(0):
        after = text[end : end + 12]
        # "Boeing 737", "Formula 1": a name; "Ukraine 2,000 people" never occurs in news prose.
        return not re.match(r"\s*(?:%|per\s?cent|percent)", after)
    return False


def _looks_like_year_or_list(text: str, start: int, end: int, number_text: str) -> bool:
    if _LIST_NUMBER_RE.search(text, max(0, start - 20), start) and _LIST_AFTER_RE.match(text, end):
        return True  # list numbering "1. ", "2) "
    digits = number_text.lstrip("+-\u2212")
    if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
        prefix = _PREFIX_RE.search(text, max(0, start - 40), start)
        if prefix and (prefix.group("q") or prefix.group("cur")):
            return False
        nxt = _UNIT_AFTER_RE.match(text, end)
        if nxt and not nxt.group("gap").strip() and _is_count_noun(nxt.group("w")):
            return False
        return True
    # Long bare digit runs are ids ("1760048644"), not counts.
    return len(digits) >= 7 and digits.isdigit() and not _UNIT_AFTER_RE.match(text, end)


# "1.25m overnight stays", "1.2m eligible voters": one adjective between a number and its plural noun
# (known by its ending, or a common news one); "2.5m high wall", "400m freestyle heats" stay metres.
_MODIFIER_THEN_NOUN_RE = re.compile(r"\s+(?P<w>[a-z][a-z-]*)\b")
_ADJECTIVE_RE = re.compile(
    r"[a-z-]{2,}(?:al|ible|able|ive|ic|ous|ful|less|ary|ent|ant|ed|ing|ese|ian|ish)|new|more|other|extra|"
    r"overnight|daily|monthly|weekly|annual|young|old|poor|rich|unique|active|foreign|domestic|illegal|"
    r"first-time|full-time|part-time|low-income"
)


def _noun_after_adjective(text: str, after: re.Match[str]) -> str | None:
    """The count noun after an adjective ("eligible voters" gives "voters"), or None."""
    if not _ADJECTIVE_RE.fullmatch(after.group("w")):
        return None
    nxt = _MODIFIER_THEN_NOUN_RE.match(text, after.end())
    return nxt.group("w") if nxt is not None and _is_count_noun(nxt.group("w")) else None


def _is_count_noun(word: str) -> bool:
    """Whether ``word`` looks like a plural noun a number counts ("people", "voters")."""
    lowered = word.lower()
    return lowered == "people" or (
        lowered.endswith("s")
        and not lowered.endswith("ss")
        and lowered not in _STOP_UNIT_WORDS
        and lowered not in ("was", "has", "is", "its", "this", "thus", "as")
    )


# The reader of each alternative of _CORE_RE but "digits", which also needs the text's dot convention.
_READERS = {
    "vague": _read_vague,
    "share": _read_share,
    "qpoint": _read_quarter_point,
    "halfscale": _read_half_scale,
    "racetime": _read_race_time,
    "andhalf": _read_and_a_half,
    "frac": _read_word_fraction,
    "dfrac": _read_digit_fraction,
    "couple": _read_couple,
    "aunit": _read_a_unit,
    "mult": _read_multiplier,
    "words": _read_words,
}


_DOZENS_AFTER_RE = re.compile(r"\s+dozens\b", re.IGNORECASE)


def _with_context(text: str, reading: _Reading) -> Quantity:
    """The quantity once the words around the number are read: a qualifier, currency or "minus"
    before it; a percent sign, hyphenated unit, "-plus" or "or more" after it; then its unit."""
    dozens = _DOZENS_AFTER_RE.match(text, reading.end)
    if dozens and reading.value is not None and reading.kind == Kind.COUNT:
        reading.value, reading.end = reading.value * GROUP_WORDS["dozen"], dozens.end()  # "4 dozens": 48
        reading.number_end = reading.end
    _read_prefix(text, reading)
    _read_suffix(text, reading)
    or_more = _OR_MORE_RE.match(text, reading.end)
    if or_more:
        reading.qualifier = OR_AFTER_NUMBER[or_more.group("w").lower()]
        reading.end = or_more.end()
    if not reading.unit_stated and reading.kind in (Kind.COUNT, Kind.SHARE, Kind.MONEY, Kind.RATIO):
        _read_unit_after(text, reading)
    value, low, high = reading.value, reading.low, reading.high
    if reading.qualifier == Qualifier.VAGUE:
        value = None
    elif value is not None:
        low, high = {
            Qualifier.MORE_THAN: (value, None),
            Qualifier.AT_LEAST: (value, None),
            Qualifier.LESS_THAN: (None, value),
            Qualifier.AT_MOST: (None, value),
        }.get(reading.qualifier, (value, value))
    return Quantity(
        start=reading.start,
        end=reading.end,
        text=text[reading.start : reading.end],
        value=value,
        value_low=low,
        value_high=high,
        qualifier=reading.qualifier,
        unit=reading.unit,
        kind=reading.kind,
        number_end=reading.number_end,
        unit_stated=reading.unit_stated,
    )


def _read_prefix(text: str, reading: _Reading) -> None:
    """Qualifier words, currency signs and "minus" before the number belong to the quote."""
    prefix = _prefix(text, reading.start)
    qualifier_words = prefix.group("q")
    if (
        qualifier_words
        and _UP_AS_PARTICLE_RE.search(text, max(0, prefix.start("q") - 20), prefix.start("q"))
        and re.match(r"up\s+to", qualifier_words, re.I)
    ):
        return  # "the rate edged up to 4.1%": a change's new level, exact
    if not prefix.group(0):
        return
    if prefix.group("cur"):
        reading.unit, reading.kind = _currency(prefix.group("cur").strip()), Kind.MONEY
    if qualifier_words:
        reading.qualifier = QUALIFIER_PHRASES[" ".join(qualifier_words.lower().split())]
    if prefix.group("neg") and reading.value is not None:
        reading.value = -reading.value
    present = [name for name in ("q", "cur", "neg") if prefix.group(name)]
    if present:
        reading.start = min(prefix.start(name) for name in present)


def _currency(written: str) -> str:
    """The ISO code of a currency written before an amount: a sign or code we spell out ("$", "Rs"), else the ISO
    code itself, as written ("SEK 640 million")."""
    return CURRENCY_SYMBOLS.get(written.lower()) or written


def _read_suffix(text: str, reading: _Reading) -> None:
    """A percent sign or word, a hyphenated unit or noun ("six-week", "736-seat", "3,000-strong")
    and "-plus" after the number."""
    suffix = _suffix(text, reading.end)
    if suffix.group("pct"):
        pct = suffix.group("pct").lower()
        reading.unit = "percentage point" if "point" in pct else "basis point" if "bp" in pct else "percent"
        reading.kind = Kind.PERCENT
        reading.end = suffix.end("pct")
        reading.unit_stated = True
    noun = (suffix.group("hnoun") or "").lower()
    if noun in ("strong", "odd"):
        # "a 3,000-strong force", "50-odd people": a size or an approximation; the noun after is the unit.
        if noun == "odd":
            reading.qualifier = Qualifier.APPROX
        reading.end = suffix.end("hyph")
    elif noun:
        # Hyphenated compounds used as adjectives: "736-seat", "45-fold", "7.8-magnitude".
        if noun == "fold":
            reading.kind = Kind.RATIO
        else:
            reading.unit = singular(noun)
        reading.end = suffix.end("hyph")
        reading.unit_stated = True
    elif suffix.group("hyph"):
        word = suffix.group("hunit").lower()
        if word in DURATION_UNITS:
            reading.unit, reading.kind = DURATION_UNITS[word], Kind.DURATION
        else:
            reading.unit, reading.kind = MEASURE_UNITS[word], Kind.MEASURE
        reading.end = suffix.end("hyph")
        reading.unit_stated = True
    if suffix.group("plus"):
        reading.qualifier = Qualifier.AT_LEAST
        reading.end = suffix.end("plus")


def _read_unit_after(text: str, reading: _Reading) -> None:
    """The unit a word after the number names: a currency ("euros", "Swedish crowns"), a duration,
    a measure, "times", or the counted noun ("people", "of the troops", "eligible voters")."""
    after = _UNIT_AFTER_RE.match(text, reading.end)
    if not after:
        return
    word = " ".join(after.group("w").lower().split())
    if word in CURRENCY_PHRASES:  # written as one: "U.S. dollars"
        reading.unit, reading.kind, reading.unit_stated = CURRENCY_PHRASES[word], Kind.MONEY, True
        return
    has_of = "of" in after.group("gap")
    following = _NEXT_WORD_RE.match(text, after.end())
    phrase = f"{word} {following.group(1).lower()}" if following else ""
    counting = reading.kind == Kind.COUNT
    if phrase in CURRENCY_PHRASES:
        reading.unit, reading.kind, reading.unit_stated = CURRENCY_PHRASES[phrase], Kind.MONEY, True
    elif word in CURRENCY_WORDS and not (word.startswith("pound") and re.match(r"\s+of\b", text[after.end() :])):
        reading.unit, reading.kind, reading.unit_stated = CURRENCY_WORDS[word], Kind.MONEY, True
    elif word in SHARED_CURRENCY_NAMES and not has_of:  # "1.2 billion pesos": money, whose nation goes untold
        reading.unit, reading.kind, reading.unit_stated = SHARED_CURRENCY_NAMES[word], Kind.MONEY, True
    elif word in DURATION_UNITS and counting:
        reading.unit, reading.kind, reading.unit_stated = DURATION_UNITS[word], Kind.DURATION, True
    elif word in MEASURE_UNITS and counting and not has_of:
        reading.unit, reading.kind, reading.unit_stated = _measure_unit(text, word, after), Kind.MEASURE, True
    elif word == "times" and counting and not has_of:
        if _RATIO_TIMES_AFTER_RE.match(text, after.end()):
            reading.kind, reading.unit_stated = Kind.RATIO, True
            reading.end = after.end()  # "eleven times the number", "1.5 times higher": the quote names the ratio
        else:
            reading.unit, reading.unit_stated = "time", True  # "arrested 12 times", "expelled 2.8 million times"
    elif (
        word not in _STOP_UNIT_WORDS
        and (counting or (reading.kind == Kind.SHARE and has_of))
        and after.group("w")[0].islower()
    ):
        word = _noun_after_adjective(text, after) or word  # "1.2m eligible voters": the noun
        reading.unit, reading.unit_stated = singular(word), True


def _measure_unit(text: str, word: str, after: re.Match) -> str:
    """The unit a measure word names; "degrees" followed by a scale ("degrees Celsius") names the scale."""
    if word.startswith("degree"):
        scale_word = re.match(r"\s+(celsius|fahrenheit|c|f)\b", text[after.end() : after.end() + 12], re.I)
        if scale_word:
            return MEASURE_UNITS[scale_word.group(1).lower()]
    return MEASURE_UNITS[word]


_TRAILING_SCALE_RE = re.compile(
    r"(?:\d|\s)(?P<s>" + alternation([*SHORT_SCALES, "crore", "lakh", "k", "m", "mn", "bn", "tn"]) + ")$", re.I
)


def _with_borrowed_scale(text: str, first: Quantity, second: Quantity) -> Quantity:
    """ "between 3 and 4 million", "$2-3 billion": the first end of a range borrows the second's scale."""
    gap = text[first.end : second.start]
    if first.value is None or second.value is None or not _RANGE_GAP_RE.match(gap) or "\n" in gap:
        return first
    mine, theirs = _TRAILING_SCALE_RE.search(first.text), _TRAILING_SCALE_RE.search(second.text)
    if (
        mine
        or not theirs
        or first.kind not in (Kind.COUNT, Kind.MONEY)
        or first.unit_stated
        or first.text.endswith("%")
    ):
        return first
    value = first.value * _SCALE_VALUES[theirs.group("s").lower()]
    if not (value < second.value <= value * 1000):
        return first
    return replace(first, value=value, value_low=value, value_high=value)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "between 2,000 and 4,000", "2,000-4,000", "from 10 to 15" into one range; drop scores
    and codes ("won 3-1")."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        first = found[i]
        if i + 1 < len(found):
            first = _with_borrowed_scale(text, first, found[i + 1])
            second = found[i + 1]
            if first.kind == Kind.MONEY and second.kind == Kind.COUNT and not second.unit_stated:
                second = replace(second, unit=first.unit, kind=Kind.MONEY)  # "$2-3 billion"
            joined = _range(text, first, second)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
            if _is_score(text, first, found[i + 1]):
                i += 2  # a score ("won 3-1") or a code, not two quantities
                continue
        out.append(first)
        i += 1
    return out


_LOWER_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
_UPPER_BOUNDS = (Qualifier.LESS_THAN, Qualifier.AT_MOST)
_BOUNDS_GAP_RE = re.compile(r"\s*,?\s*(?:and|but)\s+$", re.IGNORECASE)


def _range_of_bounds(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """ "no more than 80 and no less than 30", "larger than 15 and smaller than 40": two bounds
    of one quantity, a range between them."""
    bounds = {first.qualifier, second.qualifier}
    if not (
        first.value is not None
        and second.value is not None
        and len(bounds & set(_LOWER_BOUNDS)) == 1
        and len(bounds & set(_UPPER_BOUNDS)) == 1
        and _BOUNDS_GAP_RE.fullmatch(text, first.end, second.start)
        and first.kind in (Kind.COUNT, second.kind)
    ):
        return None
    low, high = (first, second) if first.qualifier in _LOWER_BOUNDS else (second, first)
    if low.value is None or high.value is None or not low.value < high.value:
        return None
    return replace(
        second,
        start=first.start,
        text=text[first.start : second.end],
        value=None,
        value_low=low.value,
        value_high=high.value,
        qualifier=Qualifier.RANGE,
        unit=second.unit or first.unit,
    )


def _without_tilde(text: str, first: Quantity, second: Quantity) -> Quantity:
    """ "30~60": the tilde joins a range; read as a prefix it made the second end approximate."""
    if second.qualifier == Qualifier.APPROX and text[second.start] == "~" and second.start == first.end:
        return replace(second, start=second.start + 1, text=second.text[1:], qualifier=Qualifier.EXACT)
    return second


def _range(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """The range two neighbouring quantities state together, or None when they are two facts."""
    bounded = _range_of_bounds(text, first, second)
    if bounded is not None:
        return bounded
    second = _without_tilde(text, first, second)
    gap = text[first.number_end if first.number_end else first.end : second.start]
    # "Some 100-150 people": an approximate range is still a range.
    if not (
        first.value is not None
        and second.value is not None
        and first.qualifier in (Qualifier.EXACT, Qualifier.APPROX)
        and second.qualifier == Qualifier.EXACT
        and _RANGE_GAP_RE.match(gap)
        and first.value < second.value
        and first.kind in (Kind.COUNT, second.kind)
        and "\n" not in gap
    ):
        return None
    opener = _BETWEEN_RE.search(text, max(0, first.start - 12), first.start)
    if not _joined_as_range(text, first, second, opener):
        return None
    start = opener.start() if opener else first.start
    return Quantity(
        start=start,
        end=second.end,
        text=text[start : second.end],
        value=None,
        value_low=first.value,
        value_high=second.value,
        qualifier=Qualifier.RANGE,
        unit=second.unit or first.unit,
        kind=second.kind if second.kind != Kind.COUNT else first.kind,
        number_end=second.number_end,
        unit_stated=second.unit_stated,
    )


def _joined_as_range(text: str, first: Quantity, second: Quantity, opener: re.Match | None) -> bool:
    """Whether the words between two numbers (and "between"/"from" before them) make a range."""
    word = text[first.number_end if first.number_end else first.end : second.start].strip().lower()
    opening = opener.group("w").lower() if opener else ""
    joined = (word in ("-", "–", "—", "~", "through", "thru") and opening != "between") or (
        (opening == "between" and word in ("and", "-", "–", "—")) or (opening == "from" and word in ("to", "-", "–"))
    )
    if word == "to" and not opener:
        # "10 to 15 people" is a range; "by 0.5 points to 3%", "rose 5% to 8%" and
        # "by 219 votes to 212" are changes or tallies.
        joined = (
            (first.kind == second.kind or (first.kind == Kind.COUNT and not first.unit))
            and not first.unit_stated
            and not _CHANGE_BEFORE_RE.search(text, max(0, first.start - 60), first.start)
            and not re.search(r"\bby\s+$", text[max(0, first.start - 4) : first.start])
        )
    if (
        opener is not None
        and opening == "from"
        and _CHANGE_BEFORE_FROM_RE.search(text, max(0, opener.start() - 60), opener.start())
    ):
        joined = False  # "rose from 150 to 8,000": a change, two quantities
    return bool(joined)


def _is_score(text: str, first: Quantity, second: Quantity) -> bool:
    """ "won 3-1", "a 5-2 vote": two counts joined by a hyphen, the first not smaller."""
    return (
        text[first.end : second.start] == "-"
        and first.value is not None
        and second.value is not None
        and first.value >= second.value
        and first.kind == second.kind == Kind.COUNT
    )
