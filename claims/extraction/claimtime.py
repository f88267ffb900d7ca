"""Which time a quantity is about: the sentence's time phrases, and the one each quantity takes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .numbers import Quantity
from .parsed import Sentence
from .timeexpr import TimeExpr
from .vocabulary import CALENDAR_UNITS, Kind, add_months, alternation

# Clause boundaries inside a sentence: each part has its own time and places
# ("… in 2021, up sharply from just 150 last year"; "… 2020, and during the war, …").
_SEGMENT_RE = re.compile(
    r",\s+(?=(?:and|but|while|whereas|although|though|up|down|compared|from|against|versus|vs\.?)\b)"
    r"|;\s|\s[–—]\s|\s-\s"
)


_ORDINAL_FRAME_RE = re.compile(r"\btime\s+$", re.IGNORECASE)  # "for the second time this year"


_SUPERLATIVE_RE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|most|least|fastest|slowest|strongest|weakest|"
    r"best|worst|steepest|sharpest|record|first|longest|shortest|deepest|hottest|coldest|wettest|"
    r"driest)\b(?:\s+[\w-]+){0,4}\s+$",
    re.IGNORECASE,
)


_SPEECH_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|wrote|tweeted|warned)\b"
    r"(?:\s+[\w-]+){0,2}\s+$",
    re.IGNORECASE,
)


_BASELINE_RE = re.compile(r"\b(?:from|on|against|over)\s+(?:the\s+)?$", re.IGNORECASE)


# "up 40% on 2021", "over 2019": a baseline; "over the past 18 months", "over four years": a window.
_WINDOW_COUNTS = alternation(
    ["a", "an", *"one two three four five six seven eight nine ten twelve".split(), "several", "few", "a few"]
)


_BASELINE_TIME_RE = re.compile(
    r"(?:from|on|against|over)\b(?!\s+(?:the\s+(?:past|last|previous|next|coming|first|final|same)\b"
    rf"|(?:\d+|{_WINDOW_COUNTS})\s+"
    rf"(?:{alternation([*CALENDAR_UNITS, 'night'], suffix='s?')})\b))",
    re.IGNORECASE,
)


_COMPARISON_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|as\s+in|as\s+(?:many|much|high|low)\s+as)\b[^,;]*$", re.IGNORECASE
)


def clause_starts(text: str, start: int, end: int) -> list[int]:
    return [start] + [boundary.end() for boundary in _SEGMENT_RE.finditer(text, start, end)]


def after_superlative(text: str, sentence_start: int, time: TimeExpr) -> bool:
    superlative = _SUPERLATIVE_RE.search(text, max(sentence_start, time.start - 40), time.start)
    return bool(superlative) and not any(char.isdigit() for char in superlative.group(0))


def resolve_relative(times: list[TimeExpr]) -> list[TimeExpr]:
    """ "a year earlier" after "in April" is April a year before; "the same period last year"
    after "since January" is that span a year before."""
    out: list[TimeExpr] = []
    for time in times:
        if time.relative:
            base = next((earlier for earlier in reversed(out) if earlier.period_start or earlier.period_end), None)
            if base is None:
                continue
            words = time.text.lower().split()
            unit = "month" if "month" in words else "week" if "week" in words else "year"
            time = replace(
                time, period_start=_step_back(base.period_start, unit), period_end=_step_back(base.period_end, unit)
            )
        out.append(time)
    return out


def _step_back(day: dt.date | None, unit: str) -> dt.date | None:
    """The same day one week, month or year earlier (clamped to the month's length)."""
    if day is None:
        return None
    if unit == "week":
        return day - dt.timedelta(weeks=1)
    return add_months(day, -1 if unit == "month" else -12)


def can_be_claim_time(time: TimeExpr, text: str, sentence_start: int, quantities: list[Quantity]) -> bool:
    """Times that frame something else are not a quantity's time: "for the second time this
    year" (an ordinal), "officials said on Sunday" (when it was said), "up 40% from 2021" and
    "compared with the same period of 2019" (a comparison's baseline)."""
    window_start = max(sentence_start, time.start - 40)
    if _ORDINAL_FRAME_RE.search(text, max(sentence_start, time.start - 8), time.start):
        return False
    if _SPEECH_BEFORE_RE.search(text, window_start, time.start):
        return False
    previous = [quantity for quantity in quantities if quantity.end <= time.start]
    since = max(previous[-1].end, window_start) if previous else window_start
    if (
        previous
        and previous[-1].kind in (Kind.PERCENT, Kind.RATIO, Kind.SHARE)
        and (_BASELINE_RE.search(text, since, time.start) or _BASELINE_TIME_RE.match(time.text))
    ):
        return False
    return not _COMPARISON_RE.search(text, since, time.start)


def time_for(
    quantity: Quantity, sentence: Sentence, *, times: list[TimeExpr], quantities: list[Quantity]
) -> TimeExpr | None:
    """The quantity's own time among ``times``: the next time in its clause unless a clause break
    and another of ``quantities`` come first, else the last time before it in the clause, else
    the time of the nearest earlier clause (the sentence's frame). A number inside a time phrase
    ("during the six-week war") gets none: the phrase is where it lives."""
    if any(time.start <= quantity.start and quantity.end <= time.end for time in times):
        return None
    segments = sentence.segments
    own_segment = sentence.segment_of(quantity.start)
    for segment in range(own_segment, -1, -1):
        segment_start = segments[segment]
        segment_end = segments[segment + 1] if segment + 1 < len(segments) else float("inf")
        in_segment = [time for time in times if segment_start <= time.start < segment_end]
        if not in_segment:
            continue
        if segment < own_segment:
            return in_segment[-1]
        others = [
            other
            for other in quantities
            if other is not quantity
            and segment_start <= other.start < segment_end
            and not any(time.start <= other.start and other.end <= time.end for time in in_segment)
        ]
        found = _time_in_own_clause(quantity, sentence.text, in_segment, others)
        if found is not None:
            return found
    return None


def _time_in_own_clause(
    quantity: Quantity, text: str, times: list[TimeExpr], others: list[Quantity]
) -> TimeExpr | None:
    """In the quantity's own clause: the next time, unless another quantity comes first after a
    comma ("2,000 in May, and 3,000 in June"); else the last time before it; else None."""
    after = [time for time in times if time.start >= quantity.end]
    if after:
        time = after[0]
        between = [other for other in others if quantity.end <= other.start < time.start]
        if not between or "," not in text[quantity.end : between[0].start]:
            return time
    before = [time for time in times if time.end <= quantity.start]
    return before[-1] if before else None
