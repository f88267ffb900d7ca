"""Which time a quantity is about: the sentence's time phrases, and the one each quantity takes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .numbers import Quantity
from .parsed import Sentence
from .syntax import (
    anchor,
    clause_chain,
    clause_head,
    governing_clauses,
    governs,
    reported_clause_listed,
    token_at,
)
from .timeexpr import TimeExpr, find_times
from .vocabulary import (
    CALENDAR_UNITS,
    DURATION_SECONDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PART_PREPOSITIONS,
    Kind,
    Qualifier,
    add_months,
    alternation,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token


_YEAR_PAIR_RE = re.compile(r"(?:from|between)\s+\d{4}\s+(?:to|and)\s+\d{4}", re.IGNORECASE)
# Verbs of saying and publishing: a time hanging from one dates the statement, not the figure.
STATEMENT_LEMMAS = frozenset(
    "say tell report state announce add note write confirm warn show reveal find release publish "
    "estimate declare explain emphasize emphasise advance".split()
)

# Clause boundaries inside a sentence: each part has its own time and places
# ("… in 2021, up sharply from just 150 last year"; "… 2020, and during the war, …").
_SEGMENT_RE = re.compile(
    r",\s+(?=(?:and|but|while|whereas|although|though|up|down|compared|from|against|versus|vs\.?)\b)"
    r"|;\s|\s[–—]\s|\s-\s"
)


# "for the second time this year": an ordinal's time frames the count of times, not a figure; "6 p.m. local time on
# Friday" is no ordinal.
_ORDINAL_FRAME_RE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|last|only)\s+time\s+$",
    re.IGNORECASE,
)


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


# A time that names its period ("in October", "in 2023", "in the fourth quarter") dates the figure even
# after a superlative ("the highest annual rate in October"); a length ("in more than two decades") or
# a "since" ("the highest since 2009") measures the record.
_NAMED_PERIOD_RE = re.compile(
    rf"^(?:in|during|for)\s+(?:the\s+)?(?:{alternation(MONTHS)}|{alternation(MONTH_ABBREVIATIONS)}|\d{{4}}\b|"
    r"(?:first|second|third|fourth|final|last)\s+quarter)",
)


def after_superlative(text: str, sentence_start: int, time: TimeExpr) -> bool:
    """ "the highest in more than two decades", "for the first time in three years": a span after a
    superlative is the record's length. A window ahead ("for the first time in the next 12 months") is not:
    nothing has been recorded over it, it is the time the forecast is about."""
    if time.period_start and time.period_end and _NAMED_PERIOD_RE.match(time.text):
        return False
    if _AHEAD_RE.search(time.text):
        return False
    superlative = _SUPERLATIVE_RE.search(text, max(sentence_start, time.start - 40), time.start)
    return superlative is not None and not any(char.isdigit() for char in superlative.group(0))


_AHEAD_RE = re.compile(r"\b(?:next|coming|following)\b", re.IGNORECASE)


def resolve_relative(times: list[TimeExpr], base: TimeExpr | None = None, text: str = "") -> list[TimeExpr]:
    """Relative times read against the period under discussion: the latest dated time before them
    in the sentence, else ``base`` (the previous sentence's). "a year earlier" and "the same period
    last year" move that period back a year; "the previous month" is the calendar month before it;
    "that month" is its month; "a day earlier" is the day before the day the figure was told, when the
    sentence says so after it (``text``: what the times' offsets index; see `_day_told`). One with nothing
    to read against is dropped."""
    out: list[TimeExpr] = []
    for time in times:
        if time.relative:
            earlier = [other for other in out if other.period_start or other.period_end]
            discussed = earlier[-1] if earlier else base
            if discussed is not None and text and _steps_a_day(time):
                discussed = _day_told(times, discussed, text)
            if discussed is None:
                continue
            period_start, period_end = _relative_period(time, discussed)
            time = replace(time, period_start=period_start, period_end=period_end)
        out.append(time)
    return out


def _steps_a_day(time: TimeExpr) -> bool:
    """ "a day earlier", "the day before", "the previous day": a day counted back from the day under discussion."""
    return "day" in time.text.lower().split()


def _day_told(times: list[TimeExpr], discussed: TimeExpr, text: str) -> TimeExpr:
    """The day a figure told "up from 2,012 a day earlier" stood on: the day the sentence says it was told, when that
    is later than the day before the phrase ("the toll from the quake that struck on Friday rose to 2,122, up from 2,012
    a day earlier, the ministry said on Monday": Monday, not Friday), else ``discussed``."""
    told = [
        other
        for other in times
        if not other.relative
        and other.period_start is not None
        and other.period_start == other.period_end
        and _SPEECH_BEFORE_RE.search(text, max(0, other.start - 40), other.start)  # "the ministry said on Monday"
    ]
    if not told or discussed.period_end is None:
        return discussed
    latest = told[-1]
    return latest if latest.period_start and latest.period_start > discussed.period_end else discussed


def _relative_period(time: TimeExpr, discussed: TimeExpr) -> tuple[dt.date | None, dt.date | None]:
    words = time.text.lower().split()
    unit = next((word for word in ("day", "week", "month", "quarter", "year") if word in words), "year")
    day = discussed.period_start or discussed.period_end
    if unit == "day":
        # "up from 1,520 a day earlier", "the previous day": the day before the day under discussion
        if day is None:
            return None, None
        end = discussed.period_end or day
        return day - dt.timedelta(days=1), end - dt.timedelta(days=1)
    year = next((int(word) for word in words if word.isdigit() and len(word) == 4), None)
    if "same" in words and year is not None and day is not None:
        # "the same period of 2024": the period under discussion, in that year
        months = 12 * (day.year - year)
        return _step_back(discussed.period_start, "year", months), _step_back(discussed.period_end, "year", months)
    if "same" in words or "earlier" in words or "before" in words:
        months = 12 if "same" in words else _UNIT_MONTHS[unit]
        return _step_back(discussed.period_start, unit, months), _step_back(discussed.period_end, unit, months)
    steps = 0 if "that" in words else 1
    if day is None:
        return None, None  # the period under discussion has no dates: nothing to count from
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) - dt.timedelta(weeks=steps)
        return monday, monday + dt.timedelta(days=6)
    if unit == "year":
        return dt.date(day.year - steps, 1, 1), dt.date(day.year - steps, 12, 31)
    size = _UNIT_MONTHS[unit]
    first = dt.date(day.year, (day.month - 1) // size * size + 1, 1)
    first = add_months(first, -size * steps)
    return first, add_months(first, size) - dt.timedelta(days=1)


_UNIT_MONTHS = {"week": 0, "month": 1, "quarter": 3, "year": 12}


def _step_back(day: dt.date | None, unit: str, months: int) -> dt.date | None:
    """The same day a week or ``months`` months earlier (clamped to the month's length; a month's last day stays
    one)."""
    if day is None:
        return None
    if unit == "week" and months == 0:
        return day - dt.timedelta(weeks=1)
    if (day + dt.timedelta(days=1)).day == 1:
        # a month's last day steps back to a month's last day: "a month earlier" than the year to February
        # is the year to January, ending on its 31st
        return add_months(day + dt.timedelta(days=1), -months) - dt.timedelta(days=1)
    return add_months(day, -months)


def can_be_claim_time(time: TimeExpr, text: str, sentence_start: int, quantities: list[Quantity]) -> bool:
    """Times that frame something else are not a quantity's time: "for the second time this
    year" (an ordinal), "up 40% from 2021" and "compared with the same period of 2019" (a
    comparison's baseline). When it was said is left to ``time_for``, as a last resort."""
    window_start = max(sentence_start, time.start - 40)
    if _ORDINAL_FRAME_RE.search(text, max(sentence_start, time.start - 20), time.start):
        return False
    previous = [quantity for quantity in quantities if quantity.end <= time.start]
    since = max(previous[-1].end, window_start) if previous else window_start
    if (
        previous
        and not _YEAR_PAIR_RE.fullmatch(time.text)  # "fell 3% from 2022 to 2023": its time and its baseline
        and previous[-1].kind in (Kind.PERCENT, Kind.RATIO, Kind.SHARE)
        and (_BASELINE_RE.search(text, since, time.start) or _BASELINE_TIME_RE.match(time.text))
        and not _on_a_day(time)
    ):
        return False
    return not _COMPARISON_RE.search(text, since, time.start)


def _on_a_day(time: TimeExpr) -> bool:
    """ "cut its rate … to 5.75% on Thursday": a day something happened on, not a baseline as "up 40% on 2021" is."""
    return (
        time.text.lower().startswith("on ") and time.period_start is not None and time.period_start == time.period_end
    )


@dataclass(frozen=True)
class TimeChoice:
    """What choosing a quantity's time needs beyond the sentence: the parse (None without one), the
    spans of comparisons whose times belong to them, and the quantities that are claims."""

    doc: Doc | None
    comparisons: list[tuple[int, int]]
    quantities: list[Quantity]
    published: dt.date | None = None


def time_for(quantity: Quantity, sentence: Sentence, times: list[TimeExpr], choice: TimeChoice) -> TimeExpr | None:
    """The period ``quantity`` is about, among the sentence's ``times``.

    A number inside a time phrase ("during the six-week war") gets none: the phrase is where it
    lives. A duration takes only a time written right after it ("47 minutes in September"): a
    threshold ("waiting more than 12 hours") or a record ("in 2:01:25") dates nothing. The times
    of a comparison stay with it, and the day a statement was made ("officials said on Tuesday")
    is the claim's time only when nothing else dates it. Of the rest, with a parse: a time that
    modifies what governs the quantity in its own clause, the nearest first; then one of its clause
    or a clause above it; without a parse, by clause and order in the text.
    """
    if any(time.start <= quantity.start and quantity.end <= time.end for time in times):
        return None
    own = [span for span in choice.comparisons if span[0] <= quantity.start < span[1]]
    times = [
        time
        for time in times
        if not any(start <= time.start < end for start, end in choice.comparisons if (start, end) not in own)
        and not any(_cuts_into(other, time) for other in choice.quantities)
    ]
    if quantity.kind == Kind.DURATION:
        return _time_of_duration(quantity, sentence.text, times) or _time_of_a_told_duration(quantity, times, choice)
    token = token_at(choice.doc, quantity.start, quantity.number_end or quantity.end) if choice.doc else None
    if token is not None and _a_yardstick(token):
        return None
    statements = [time for time in times if _is_statement_time(time, token, choice.doc, sentence.text)]
    times = [time for time in times if time not in statements]
    if token is not None:
        part_ends = _part_ends(token, choice)
        times = [
            time
            for time in times
            if not _names_another_thing(time, token) and not _right_after(time, part_ends, sentence.text)
        ]
    # A clause opened by "when" right after a date happened then, whatever time the clauses above it have.
    found = _named_by_when(token) if token is not None else None
    if found is None and choice.doc is not None:
        found = _by_parse(quantity, sentence, times, choice)
    if found is None:
        found = _by_order(quantity, sentence, times, choice)
    if token is not None and (found is None or _opens_an_undated_window(found)):
        found = _since_clause(token, times, choice) or found
    if found is None and token is not None:
        found = _time_of_what_was_told(token, times)
    if found is None and statements:
        found = min(statements, key=lambda time: abs(time.start - quantity.start))
    if found is None and token is not None:
        found = _when_clause_time(token, times)
    if found is not None and token is not None:
        found = _date_of_antecedent(found, token) or found
    if found is not None and choice.doc is not None:
        found = _period_it_is_said_of(found, times, choice.doc) or found
    if found is not None and choice.doc is not None and quantity.kind == Kind.COUNT:
        found = _period_so_far(found, times, choice.doc) or found
    return found


def _period_so_far(found: TimeExpr, times: list[TimeExpr], doc: Doc) -> TimeExpr | None:
    """An as-of word and a period that holds its day, in one clause ("have now crossed … this year"): a count
    of the period so far, as "so far this year" reads. None when the time found is not one of such a pair."""
    clause = _clause_of(doc, found)

    def holds(time: TimeExpr, day: dt.date) -> bool:
        return (
            time.period_start is not None
            and time.period_end is not None
            and time.period_start <= day <= time.period_end
        )

    if found.as_of:
        day = found.period_end
        periods = [time for time in times if day is not None and holds(time, day) and _clause_of(doc, time) == clause]
        return replace(periods[0], period_end=day) if periods else None
    for time in times:
        day = time.period_end
        if time.as_of and day is not None and holds(found, day) and _clause_of(doc, time) == clause:
            return replace(found, period_end=day)
    return None


def _opens_an_undated_window(time: TimeExpr) -> bool:
    """ "since the quake struck": a window from an event the phrase does not date."""
    return time.text.lower().startswith("since") and time.period_start is None


def _since_clause(token: Token, times: list[TimeExpr], choice: TimeChoice) -> TimeExpr | None:
    """ "have died since the quake struck on Monday", "has burned 4,200 hectares since it broke out on Friday": a
    clause opened by "since" that hangs from the quantity's own clause, with a date in it, makes the figure a count
    so far, to the day it was told, as "since the quake struck" does; not the day of a statement ("officials said
    on Sunday"). None when no such clause is written.

    Its period's start is left open, as for a window from an undated event: a window from the clause's date, beside
    a later report dated by the day it was told, read as a span beside one day (a week's count, a day's) and lost a
    running count's later reading (docs/linking.md, round 18)."""
    for time, clause, since in _in_clauses_opened_by(token, times, "since", ("mark",)):
        if time.period_end is None or time.relative or clause.i == token.i:
            continue
        end = choice.published if choice.published and choice.published >= time.period_end else time.period_end
        return replace(
            time,
            start=since.idx,
            text=token.doc.text[since.idx : time.end],
            period_start=None,
            period_end=end,
            as_of=True,
        )
    return None


def _time_of_what_was_told(token: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """ "Output in 2031 grew 4.1%, officials said Monday, with the figure beating the annual goal of about 3.5%": a
    clause opened by "with" on a verb of telling goes on with what was told, so a figure in it that nothing of its
    own dates takes the time of the told clause (2031), before the day it was told. None when the figure's clause
    hangs by no "with" on such a verb, or the told clause has no dated time."""
    opener = next((word for word in token.ancestors if word.dep_ == "prep" and word.lower_ == "with"), None)
    if opener is None:
        return None
    verb = opener.head
    if verb.lemma_.lower() not in STATEMENT_LEMMAS or any(
        word.pos_ in ("VERB", "AUX") and word.dep_ not in ("acl", "pcomp")
        for word in opener.subtree
        if word.is_ancestor(token)
    ):
        return None
    told = [child for child in verb.children if child.dep_ == "ccomp"]
    for time in times:
        if time.period_start is None or time.period_end is None:
            continue
        head = anchor(token.doc, time.start, time.end)
        if head is not None and any(clause_head(head).i == other.i for other in told):
            return time
    return None


def _named_by_when(token: Token) -> TimeExpr | None:
    """ "the longest since March 2019, when 310,220 patients were waiting": a clause opened by "when"
    right after a date happened at that date (wherever the parse hangs the clause, and though a date after
    a superlative dates nothing else)."""
    clause = clause_head(token)
    when = next((child for child in clause.children if child.dep_ == "advmod" and child.lower_ == "when"), None)
    if when is None:
        return None
    text = token.doc.text
    window = max(0, when.idx - _WHEN_REACH)
    before = [
        replace(time, start=window + time.start, end=window + time.end)
        for time in find_times(text[window : when.idx], None)
        if not text[window + time.end : when.idx].strip(" ,")
    ]
    if not before:
        return None
    named = _own_date(before[-1]) if before[-1].text.lower().startswith("since") else before[-1]
    return named if named is not None and named.period_start and named.period_end else None


_WHEN_REACH = 60  # characters before "when" in which its date is written


def _own_date(since: TimeExpr) -> TimeExpr | None:
    """The date a "since" phrase names ("since the 2018 Camp Fire": 2018), as a time of its own."""
    offset = len("since")
    own = [other for other in find_times(since.text[offset:], None) if other.period_start and other.period_end]
    if not own:
        return None
    return replace(own[0], start=since.start + offset + own[0].start, end=since.start + offset + own[0].end)


def _date_of_antecedent(time: TimeExpr, token: Token) -> TimeExpr | None:
    """ "the deadliest since the 2018 Camp Fire, which killed 85 people", "tense since 1991, when
    the military occupied seven regions": a quantity in a clause describing what a "since" phrase
    names happened at that thing's own date (2018, 1991), not over the window since then."""
    if not time.text.lower().startswith("since"):
        return None
    for word in [token, *token.ancestors]:
        head = word.head
        if word.dep_ == "relcl" and time.start <= head.idx < time.end:
            return _own_date(time)
    return None


def _period_it_is_said_of(time: TimeExpr, times: list[TimeExpr], doc: Doc) -> TimeExpr | None:
    """ "2022 was the first year when each month stood at least 1C above the mean": a period the phrase does
    not date ("the first year") that is what a dated subject is said to be takes the subject's date."""
    if time.period_start is not None or time.period_end is not None or time.relative:
        return None
    root = token_at(doc, time.start, time.end)
    if root is None or root.dep_ != "attr" or root.head.lemma_ != "be":
        return None
    subjects = [child for child in root.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    for other in times:
        if other is time or other.period_start is None or other.period_end is None:
            continue
        if any(other.start <= subject.idx < other.end for subject in subjects):
            return other
    return None


def _cuts_into(quantity: Quantity, time: TimeExpr) -> bool:
    """Whether a time phrase overlaps a quantity without holding it whole: "in two hours" inside
    "two hours, 13 minutes and 44 seconds" is no time, "during the six-week war" is one."""
    overlaps = quantity.start < time.end and time.start < quantity.end
    return overlaps and not (time.start <= quantity.start and quantity.end <= time.end)


_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?")


def _time_of_duration(quantity: Quantity, text: str, times: list[TimeExpr]) -> TimeExpr | None:
    """An exact duration told in words takes a time written right after it ("47 minutes and 59 seconds in
    September"); one told as a clock reads ("won in 3:41:07 last June") is a race's result, a record that
    the time of the race dates no more than the place it was run in."""
    if quantity.qualifier != Qualifier.EXACT or _CLOCK_RE.match(text, quantity.start):
        return None
    right_after = (time for time in times if time.start > quantity.end and not text[quantity.end : time.start].strip())
    return next(right_after, None)


_YARDSTICKS = frozenset({"target", "goal", "benchmark", "threshold"})


def _a_yardstick(token: Token) -> bool:
    """ "Only 64% of calls were answered within a minute in March, against a 90% target", "set against a target of
    90%": a target a figure is measured against is a standing yardstick, dated by none of the clause's times."""
    noun = token
    while noun.dep_ in ("nummod", "compound", "amod", "quantmod") and noun.head.i != noun.i:
        noun = noun.head  # "a 90% target": up to the noun the figure modifies
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "a target of 90%"
    return noun.lemma_.lower() in _YARDSTICKS and noun.dep_ == "pobj" and noun.head.lower_ == "against"


def _time_of_a_told_duration(quantity: Quantity, times: list[TimeExpr], choice: TimeChoice) -> TimeExpr | None:
    """An exact duration told as the value of a noun takes that noun's time: "The mean queue at the border in
    October was three hours and 10 minutes" (the subject of "be" it is the value of), "a delay for the
    service of two hours and 5 minutes, which happened in June" (a clause on the noun it is "of")."""
    doc = choice.doc
    if doc is None or quantity.qualifier != Qualifier.EXACT:
        return None
    token = token_at(doc, quantity.start, quantity.number_end or quantity.end)
    if token is None:
        return None
    phrase = token.head if token.dep_ == "nummod" else token
    if phrase.lemma_.lower() not in DURATION_SECONDS:
        return None  # "the course record of 2:14:04 set last spring": a clock time is no noun's value
    nouns = [phrase]
    if phrase.dep_ == "attr" and phrase.head.lemma_ == "be":
        nouns += [child for child in phrase.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    elif phrase.dep_ == "pobj" and phrase.head.lower_ == "of":
        nouns.append(phrase.head.head)
    holders = {noun.i for noun in nouns} | {
        child.i for noun in nouns for child in noun.children if child.dep_ == "relcl"
    }
    return next(
        (time for time in times if (word := anchor(doc, time.start, time.end)) is not None and word.i in holders), None
    )


def _is_statement_time(time: TimeExpr, quantity_token: Token | None, doc: Doc | None, text: str) -> bool:
    """ "officials said on Tuesday", "data released on Wednesday showed", "Eurostat noted today":
    a time hanging from a verb of saying that governs the quantity (or from one describing the
    source of such a verb) dates the statement. "$416m reported for 2020" dates the figure."""
    if doc is None or quantity_token is None:
        return bool(_SPEECH_BEFORE_RE.search(text, max(0, time.start - 40), time.start))
    head = anchor(doc, time.start, time.end)
    if head is None or head.lemma_.lower() not in STATEMENT_LEMMAS:
        return False
    speaker = head
    while speaker.dep_ in ("acl", "amod") or speaker.pos_ in ("NOUN", "PROPN"):
        if speaker.head.i == speaker.i:
            break
        speaker = speaker.head  # "data released on Wednesday showed": up to the verb the source speaks by
    return governs(speaker, quantity_token) or governs(head, quantity_token)


def _by_parse(quantity: Quantity, sentence: Sentence, times: list[TimeExpr], choice: TimeChoice) -> TimeExpr | None:
    """The time hanging from the nearest word that governs ``quantity`` within its clause."""
    doc = choice.doc
    token = token_at(doc, quantity.start, quantity.number_end or quantity.end) if doc is not None else None
    if doc is None or token is None:
        return None
    chain = clause_chain(token)
    levels: dict[int, float] = {word.i: level for level, word in enumerate(chain)}
    listed = reported_clause_listed(chain[-2], chain[-1]) if len(chain) > 1 else None
    if listed is not None:  # "…, the minister told parliament on Tuesday, including €1.2bn": the listed spending's
        levels.update({word.i: len(chain) + level for level, word in enumerate(clause_chain(listed))})
    elif chain[-1].dep_ == "acl" and chain[-1].tag_ in ("VBN", "VBG"):
        # "480 firefighters, supported by nine aircraft, were battling … on Thursday", "a boat carrying 147 refugees
        # landed late on Monday": a participle describing a noun happens when that noun's clause does (a relative
        # clause may tell of another time)
        levels.update({word.i: len(chain) + level for level, word in enumerate(clause_chain(chain[-1].head))})
    ranked = []
    for time in times:
        head = anchor(doc, time.start, time.end)
        if head is None:
            continue
        level = levels.get(head.i)
        if level is None and _owns_what_is_measured(doc, time, head, levels):
            level = levels[head.head.i] - 0.5  # "revised April's rate to 6.3% on Friday": April's, whenever said
        described = clause_head(head)
        if level is None and _in_the_figure_s_phrase(time, head, token):
            level = 0.25  # "against nearly 37,000 in the whole of last year": a time in the figure's own phrase
        if level is None and described.dep_ == "relcl" and described.head.i in _counted_by(token):
            # "up from the 81,700 who crossed in 2024", "the nearly 37,000 people who crossed in 2024": a clause on
            # the number itself, or on the noun it counts, dates it
            level = 0.5
        if level is None and described.dep_ == "acl" and described.head.i in levels:
            level = levels[described.head.i] + 0.5  # "a record of 40.4C set in 1947": what dates the noun
        if level is None and described.dep_ == "acl" and (verb := _subject_described(described, levels)) is not None:
            # "the number of people crossing the Channel this year has reached 24,615": the subject says what
            # is counted, and when
            level = levels[verb.i] + 0.75
        if level is None and _infinitive_below(described, levels):
            # "1,204 had been waiting more than a year to begin treatment at the end of March": a "to"
            # clause of the quantity's own verb, which the parse sometimes hangs the verb's time from
            level = levels[described.head.i] + 1.5
        if level is not None:
            # A length with no date ("over three weeks") says how long, not when: a dated time of the same
            # clause ("In 2019, … killed 389 people over three weeks") is the one the claim is about.
            undated = time.period_start is None and time.period_end is None and not time.relative
            ranked.append((level, undated, time.bare, abs(time.start - quantity.start), time.start, time))
    return min(ranked, key=lambda item: item[:5])[-1] if ranked else None


def _in_the_figure_s_phrase(time: TimeExpr, head: Token, token: Token) -> bool:
    """A time phrase hung by a preposition inside the figure's own phrase ("against nearly 37,000 in the whole of
    last year"), not by a clause on it ("12 of the 86 hostages they seized last week")."""
    if head.i != token.i and not token.is_ancestor(head):
        return False
    return head.pos_ == "ADP" or any(child.pos_ == "ADP" and child.idx >= time.start for child in head.children)


def _counted_by(token: Token) -> tuple[int, ...]:
    """The number's token, and the noun it counts when it is that noun's number ("37,000 people")."""
    return (token.i, token.head.i) if token.dep_ == "nummod" else (token.i,)


def _when_clause_time(token: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """ "Rescuers found 40 survivors when they reached the village on Tuesday": the time of a clause opened by "when"
    that hangs from the quantity's own clause chain. Read last, where nothing else dates the figure, not even the
    day it was told: the parser hangs such a clause on the sentence's main verb as often as on the figure's own
    ("of the 27,500 houses destroyed when the quake struck in March, 14% have been rebuilt, the authority said")."""
    for time, clause, _ in _in_clauses_opened_by(token, times, "when", ("advmod", "mark")):
        if clause.dep_ == "advcl" and (time.period_start is not None or time.period_end is not None):
            return time
    return None


def _in_clauses_opened_by(
    token: Token, times: list[TimeExpr], opener: str, deps: tuple[str, ...]
) -> Iterator[tuple[TimeExpr, Token, Token]]:
    """The times in a clause opened by ``opener`` ("since", "when"; a child of the clause's head by one of
    ``deps``) that hangs from the quantity's own clause chain, each with the clause's head and its opener."""
    chain = {word.i for word in clause_chain(token)}
    for time in times:
        head = anchor(token.doc, time.start, time.end)
        if head is None:
            continue
        clause = clause_head(head)
        opened = next((child for child in clause.children if child.dep_ in deps and child.lower_ == opener), None)
        if opened is not None and clause.head.i in chain:
            yield time, clause, opened


def _part_ends(token: Token, choice: TimeChoice) -> list[int]:
    """Where the parts told beside the figure end ("rose to 368, including 56"): a time told right after one is the
    part's ("… 56 in the last seven days"), though the parser hangs it on the figure's verb."""
    ends = []
    for other in choice.quantities:
        part = token_at(choice.doc, other.start, other.number_end or other.end) if choice.doc is not None else None
        if part is None or part.i <= token.i or part.head.lower_ not in PART_PREPOSITIONS:
            continue
        whole = part.head.head  # the figure, or the verb that sets it ("has risen to 1,204, including 310")
        if whole.i == token.i or whole.is_ancestor(token):
            ends.append(other.end)
    return ends


def _right_after(time: TimeExpr, ends: list[int], text: str) -> bool:
    return any(end <= time.start and not text[end : time.start].strip() for end in ends)


def _names_another_thing(time: TimeExpr, token: Token) -> bool:
    """A time in the possessive of a noun in a participle that describes what is counted ("the number of people
    killed by last Friday's earthquake has risen to 2,946, the ministry said on Tuesday"): it says which event
    befell them, not when the count stood. "Turnout in Sunday's elections fell to 58.3%", "took part in Sunday's
    event" and "last year's total of 81,654" keep theirs; a figure outside that total's phrase ("brought the total
    for the year to 29,874, close to last year's figure of 31,500") takes none of it."""
    owner = _possessor_of(token.doc, time)
    if owner is None or token in owner.subtree:
        return False
    if _valued_by_a_number(owner) or _set_beside_the_figure(owner):
        return True
    word = owner
    while word.head.i != word.i and word.dep_ not in ("acl", "relcl"):
        word = word.head
    return word.dep_ == "acl" and word.tag_ == "VBN" and token not in word.subtree


def _set_beside_the_figure(noun: Token) -> bool:
    """Is the noun reached by a preposition on a modifier, not on a noun or a verb of the figure's own clause ("5%
    due mainly to the previous year's weak base", "owing to last year's slump", "thanks to last year's rains", "close
    to last year's level"), or by a preposition of two words ("because of last year's drought")? A cause or a
    yardstick set beside the figure, that the time in its possessive dates, not the figure ("rose 4% in 2031 due to
    last year's weak base" is 2031's)."""
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if any(child.dep_ == "pcomp" and child.pos_ == "ADP" for child in preposition.children):
        return True  # "because of", "instead of"
    modifier = preposition.head
    return preposition.dep_ == "prep" and (
        modifier.pos_ in ("ADJ", "ADV") or modifier.dep_ in ("amod", "advmod", "advcl", "npadvmod")
    )


def _valued_by_a_number(noun: Token) -> bool:
    """Is the noun given its value by a number in its own "of" ("last year's figure of more than 31,500", "the 2023
    total of 81,654"): a figure of its own, that the time in its possessive dates?"""
    return any(
        child.dep_ == "prep" and child.lower_ == "of" and any(word.like_num for word in child.children)
        for child in noun.children
    )


def _owns_what_is_measured(doc: Doc, time: TimeExpr, noun: Token, levels: dict[int, float]) -> bool:
    """A time in the possessive of a noun the quantity's own verb takes ("April's unemployment rate", "last year's
    deficit"): it dates what the figure measures, before any time of the verb (the day it was revised or told)."""
    if noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") or noun.head.i not in levels:
        return False
    owner = _possessor_of(doc, time)
    return owner is not None and owner.i == noun.i


def _possessor_of(doc: Doc, time: TimeExpr) -> Token | None:
    """The noun outside the time phrase that the time is the possessive of ("April's rate", "last Friday's
    earthquake"), or None."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return None
    inside = range(span.start, span.end)
    return next((word.head for word in span if word.dep_ == "poss" and word.head.i not in inside), None)


def _subject_described(clause: Token, levels: dict[int, float]) -> Token | None:
    """The word of the quantity's own clause whose subject ``clause`` (a participle or clause on a noun)
    describes, at any depth of the subject ("the number of people crossing …"), or None."""
    for word in clause.ancestors:
        if word.dep_ in ("nsubj", "nsubjpass") and word.head.i in levels:
            return word.head
    return None


def _infinitive_below(clause: Token, levels: dict[int, float]) -> bool:
    """Whether ``clause`` is a "to" infinitive hanging from a word of the quantity's own clause."""
    return (
        clause.dep_ in ("advcl", "xcomp")
        and clause.head.i in levels
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)
    )


def _by_order(quantity: Quantity, sentence: Sentence, times: list[TimeExpr], choice: TimeChoice) -> TimeExpr | None:
    """By position: times of the quantity's clause or of a clause above it (with a parse), or of its
    segment of the sentence (without): the next one unless another quantity comes first, the last
    one before it, then the nearest earlier segment's."""
    if choice.doc is not None:
        token = token_at(choice.doc, quantity.start, quantity.number_end or quantity.end)
        if token is not None:
            above = {head.i for head in governing_clauses(token)}
            # "… had been waiting more than 30 days to get a place at the end of June, … and is the equivalent of
            # one in 40": a "to" clause of a clause above, which the parse hangs that clause's time from
            above |= {
                child.i
                for head in list(above)
                for child in choice.doc[head].children
                if _infinitive_below(child, {head: 0})
            }
            times = [time for time in times if _clause_of(choice.doc, time) in above]
    return _by_segments(quantity, sentence, times, choice.quantities)


def _clause_of(doc: Doc, time: TimeExpr) -> int | None:
    head = anchor(doc, time.start, time.end)
    return None if head is None else clause_head(head).i


def _by_segments(
    quantity: Quantity, sentence: Sentence, times: list[TimeExpr], quantities: list[Quantity]
) -> TimeExpr | None:
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
