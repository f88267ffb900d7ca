"""The tunables of the linking rules, and the facts of a claim they read (`ClaimFacts`) and what they
propose (`Proposal`).
"""

from __future__ import annotations

import datetime
import functools
import math
from dataclasses import dataclass, field
from decimal import Decimal

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


@functools.lru_cache(maxsize=8192)
def _quote_span(facts: ClaimFacts) -> tuple[int, int]:
    sentence, quote = facts.sentence, facts.quote
    start = facts.quote_offset
    if start is None or not (0 <= start <= len(sentence)) or (quote and sentence[start : start + len(quote)] != quote):
        start = sentence.find(quote) if quote else -1
    if start < 0:
        return len(sentence), len(sentence)  # unknown: every word counts as "before"
    return start, start + len(quote)
