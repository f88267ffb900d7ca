"""What a change is measured against: the ``compared_to`` of a claim (EXTRACTION.md).

Two families of words name a baseline. A rate of change says it in one word or phrase ("annual",
"year-on-year", "month-on-month", "on a quarterly basis", "on the month"): the baseline is the
claim's own period moved back by that step. A comparison names it ("up from 28,756 in August",
"compared with the same period last year", "versus 2021", "warmer than the 1991-2020 average", "above
pre-industrial levels"): the baseline is the period its words give. A rate word wins over an earlier
reading named beside it (tests/data/real/README.md: "a rate of change keeps its own baseline").

The times inside a comparison belong to it, not to the quantity it is compared with: ``extract``
keeps them away from other quantities (in "13.1%, compared with 11.8% in September", September is
the 11.8%'s month, not the 13.1%'s).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .numbers import Quantity
from .syntax import token_at
from .timeexpr import TimeExpr, find_times
from .vocabulary import CHANGE_NOUNS, CHANGE_WORDS, TIME_COUNTS, Kind, add_months, alternation, prefix_tree

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Kinds whose figure is itself a rate of change ("up 5%", "doubled"): rate words qualify them.
CHANGE_KINDS = (Kind.PERCENT, Kind.RATIO)
_STEP_MONTHS = {"year": 12, "annual": 12, "month": 1, "quarter": 3, "week": 0}

_RATE_RE = re.compile(
    # The words every alternative starts with, tried first (as _OPENER_RE below).
    r"(?<!\w)(?="
    + prefix_tree("year month quarter week on annual yearly monthly quarterly weekly y/y yoy m/m q/q".split())
    + r")\b(?:(?P<pair>year|month|quarter|week)[-\s]+(?:on|over|by)[-\s]+(?P=pair)"
    r"(?:\s+basis)?|on\s+(?:the\s+)?(?P<on>year|month|quarter|week)"
    r"|(?:on\s+an?\s+)?(?P<basis>annual|yearly|monthly|quarterly|weekly)\s+basis"
    r"|(?P<annual>annual(?:ly|i[sz]ed)?)|(?P<abbr>y/y|yoy|m/m|q/q))\b",
    re.IGNORECASE,
)
_ABBREVIATED_STEPS = {"y/y": "year", "yoy": "year", "m/m": "month", "q/q": "quarter"}
_BASIS_STEPS = {"annual": "year", "yearly": "year", "monthly": "month", "quarterly": "quarter", "weekly": "week"}

# A comparison's opening words, each with the words its object may not start with.
_OPENER_RE = re.compile(
    # The words every alternative starts with, tried first: other positions fail after a letter or two.
    r"(?<!\w)(?="
    + prefix_tree("compared versus vs against on up down from comparing than above over below".split())
    + ")"
    r"(?:\b(?P<compared>compared\s+(?:with|to)|versus|vs\.?|against\s+(?=the\s+same\b)|on\s+(?=(?:19|20)\d\d\b))\s+"
    r"|\b(?P<from>(?:(?:up|down)\s+)?from)\s+"
    r"|\b(?P<comparing>comparing\s+[^,;]{1,40}?\s+with)\s+"
    r"|(?P<than>\bthan)\s+(?!(?:\d|a\s+(?:third|quarter|half)\b|half\b))"
    r"|\b(?P<level>above|over|below)\s+(?=(?:the\s+|those\s+|these\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:levels?|average|baseline|norm|mean|times|period|record)\b))",
    re.IGNORECASE,
)
# What a comparison's object runs to: the end of its clause (not a comma inside a figure: "the ministry's 29,874").
_OBJECT_END_RE = re.compile(
    r"(?<!\d),|,(?!\d)|[;:)(]|\s[–—-]\s|\s+and\s+(?=[\d$€£]|(?:about|around|nearly)\s)|\s+which\b|\s+that\b"
)
# Words between "from" and the figure it starts from: "from a peak of €2.14", "from an annual increase of".
_FROM_LEAD_RE = re.compile(
    r"(?:(?:the|a|an|its|their|revised|peak|high|low|record|level|of|annual|initial|"
    r"estimate[sd]?|increase|rise|fall|drop|growth|expansion|gain|reading|figure)\s+){0,5}",
    re.IGNORECASE,
)
# A change before "from" makes it a baseline: "rose to 10.7 percent in October from 9.9 percent".
_CHANGE_WORDS_RE = re.compile(rf"\b(?:{CHANGE_WORDS})\b(?:[^.;]|\.(?=\d))*$", re.IGNORECASE)
_COMPARATIVE_BEFORE_RE = re.compile(
    r"\b(?:[a-z]+er|more|less|fewer|above|below|higher|lower|warmer|hotter|colder|cooler)\b(?:\s+[\w%°-]+){0,3}\s*$",
    re.IGNORECASE,
)
_BACK_WINDOW_RE = re.compile(
    rf"\bthe\s+(?:previous|preceding|prior|last)\s+(?:(?P<n>\d+|{alternation(TIME_COUNTS)})\s+)?"
    r"(?P<unit>year|month|quarter|week)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Phrase:
    """Words in a sentence that name a baseline. ``step`` (a rate word or a relative window) moves
    the claim's own period back; otherwise ``period`` is the baseline's own."""

    start: int
    end: int
    text: str
    rate: bool = False
    step: tuple[str, int] | None = None  # ("month", 12) for "year-on-year", ("week", 1) for "week-on-week"
    period: tuple[dt.date | None, dt.date | None] = (None, None)
    figure: str = ""  # the kind of the earlier figure it names ("up from 28,756 in August"), if any
    frame: bool = False  # it opens the sentence and applies to each of its quantities
    # A rate word that qualifies a noun governing quantities ("the annual growth target of around 5
    # percent"): the characters of that noun phrase; it qualifies only the quantities inside.
    scope: tuple[int, int] | None = None
    next_only: bool = False  # "exceeded those levels by more than 2°C": it belongs to the quantity after it


@dataclass(frozen=True)
class Baseline:
    """A claim's ``compared_to``: its words and resolved period."""

    text: str
    period_start: dt.date | None
    period_end: dt.date | None


def rate_phrases(text: str, span: tuple[int, int], quantities: list[Quantity], doc: Doc | None = None) -> list[Phrase]:
    """Rate words in the sentence at ``span``: "year-on-year", "on the month", and "annual" before a
    noun of change ("annual inflation", not "an annual meeting"). ``doc``: the parse, if any."""
    phrases = []
    for match in _RATE_RE.finditer(text, *span):
        word = next(group for group in ("pair", "on", "basis", "annual", "abbr") if match.group(group))
        value = match.group(word).lower()
        unit = _ABBREVIATED_STEPS.get(value) or _BASIS_STEPS.get(value) or ("year" if word == "annual" else value)
        step = ("week", 1) if unit == "week" else ("month", _STEP_MONTHS[unit])
        phrase = Phrase(match.start(), match.end(), match.group(0), rate=True, step=step)
        kept = _qualified_noun(phrase, text, quantities, doc) if word == "annual" else phrase
        if kept is not None:
            phrases.append(kept)
    return phrases


_CHANGE_NOUN_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + alternation(CHANGE_NOUNS, suffix="s?") + r")\b", re.I
)


def _qualified_noun(phrase: Phrase, text: str, quantities: list[Quantity], doc: Doc | None) -> Phrase | None:
    """ "annual" qualifies its noun: kept only before a noun of change, and scoped to the quantities
    that noun governs when it governs any ("the annual growth target of around 5 percent")."""
    if doc is None:
        return phrase if _CHANGE_NOUN_AFTER_RE.match(text, phrase.end) else None
    token = token_at(doc, phrase.start, phrase.end)
    noun = token.head if token is not None else None
    if noun is None or noun.lemma_.lower() not in CHANGE_NOUNS:
        return None
    scope = (noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text))
    governed = any(scope[0] <= quantity.start < scope[1] for quantity in quantities)
    return replace(phrase, scope=scope) if governed else phrase


def comparisons(
    text: str, span: tuple[int, int], quantities: list[Quantity], times: list[TimeExpr], *, published: dt.date | None
) -> list[Phrase]:
    """The comparisons in the sentence at ``span`` of ``text``, each with the period its words give
    (``published`` dates a bare month: "Compared with September")."""
    start, end = span
    phrases = []
    for match in _OPENER_RE.finditer(text, start, end):
        opened_at = match.start()
        if any(quantity.start <= opened_at < quantity.end for quantity in quantities):
            continue  # "more than doubled": the quantity's own qualifier
        if match.lastgroup == "than" and not _COMPARATIVE_BEFORE_RE.search(text, max(start, opened_at - 40), opened_at):
            continue
        object_end = _object_end(text, match, end, nearby=(quantities, times))
        if object_end is None or not _names_a_baseline(text[match.end() : object_end], match.lastgroup or "", times):
            continue
        phrase_start = match.start() if match.lastgroup in ("compared", "from") else match.end()
        inside = [time for time in times if match.end() <= time.start and time.end <= object_end]
        figures = [quantity for quantity in quantities if match.end() <= quantity.start < object_end]
        phrases.append(
            Phrase(
                start=phrase_start,
                end=object_end,
                text=text[phrase_start:object_end],
                step=_back_step(text[match.end() : object_end]),
                period=_period_of(inside) if inside else _month_named(text[match.end() : object_end], published),
                figure=figures[0].kind if figures else "",
                frame=not text[start:opened_at].strip(" \"“‘'(")
                and bool(re.match(r"\s*(?:,|[–—-]\s)", text[object_end : object_end + 3])),
            )
        )
    return phrases + _exceeded_by(text, span, quantities, times) + _ratio_objects(text, span, quantities, times)


# A multiple written before what it multiplies ("four times the September average", "nearly double the number a
# year earlier", "twice that of 2019"): that object is its baseline. Not a verb ("doubled its output": what changed).
_MULTIPLE_END_RE = re.compile(r"\b(?:times|double|triple|treble|quadruple|twice)$", re.IGNORECASE)
_MULTIPLIED_RE = re.compile(
    r"\s+(?P<object>(?:the|that|those|its|their|his|her|our)\b[^,;:()]*?)(?=[,;:()]|\s+and\s|$)"
)


def _ratio_objects(text: str, span: tuple[int, int], quantities: list[Quantity], times: list[TimeExpr]) -> list[Phrase]:
    """What a multiple is taken of, named right after it ("roughly three times the state average"): its baseline,
    with the period its words give ("the number in 2022")."""
    phrases = []
    for quantity in quantities:
        if quantity.kind != Kind.RATIO or not span[0] <= quantity.start < span[1]:
            continue
        if not _MULTIPLE_END_RE.search(quantity.text):
            continue
        found = _MULTIPLIED_RE.match(text[: span[1]].rstrip(" ."), quantity.end)
        if found is None or _FORECAST_RE.search(found.group("object")):
            continue
        start, end = found.span("object")
        inside = [time for time in times if start <= time.start and time.end <= end]
        phrases.append(Phrase(start, end, text[start:end], period=_period_of(inside)))
    return phrases


# "it surpassed those levels by 0.17 degrees": what is exceeded is the baseline of the margin after "by".
_EXCEEDED_BY_RE = re.compile(
    r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped|ping)?|beat(?:s|en|ing)?|top(?:s|ped|ping)?)"
    r"\s+(?P<object>[^;]{2,60}?),?\s+by\s+$",
    re.IGNORECASE,
)
# A forecast or a target is no earlier reading: "compared to the expected 5.3%".
_FORECAST_RE = re.compile(r"\b(?:expect\w*|forecast\w*|consensus|predict\w*|projected|target\w*|goal)\b", re.I)
# What "than" compares a change with: a time, a figure, or a level ("than the 1991-2020 average").
_LEVEL_NOUNS_RE = re.compile(
    r"\b(?:levels?|average|baseline|norm|mean|record|period|times|years?|months?|quarters?|weeks?|era)\b", re.I
)


def _names_a_baseline(words: str, opener: str, times: list[TimeExpr]) -> bool:
    if _FORECAST_RE.search(words):
        return False
    if opener != "than":
        return True
    return bool(re.search(r"\d", words) or _LEVEL_NOUNS_RE.search(words))


def _month_named(words: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """ "September" alone as what is compared with: the latest September by publication."""
    named = find_times("in " + words.strip(), published)
    if named and named[0].text == "in " + words.strip():
        return named[0].period_start, named[0].period_end
    return None, None


def _exceeded_by(text: str, span: tuple[int, int], quantities: list[Quantity], times: list[TimeExpr]) -> list[Phrase]:
    """ "surpassed those levels by 0.17 degrees", "beat 2016 by 0.2 degrees": what is exceeded (a level, or
    a time: "the previous record year, 2016,") is the baseline of the margin after "by", never its period."""
    phrases = []
    for quantity in quantities:
        if not span[0] <= quantity.start < span[1]:
            continue
        exceeded = _EXCEEDED_BY_RE.search(text, max(span[0], quantity.start - 80), quantity.start)
        if exceeded is None:
            continue
        start, end = exceeded.span("object")
        inside = [time for time in times if start <= time.start and time.end <= end]
        if inside or _LEVEL_NOUNS_RE.search(exceeded.group("object")):
            phrases.append(Phrase(start, end, text[start:end], next_only=True, period=_period_of(inside)))
    return phrases


def _object_end(text: str, match: re.Match, end: int, *, nearby: tuple[list[Quantity], list[TimeExpr]]) -> int | None:
    """Where a comparison's object ends; None when "from" opens no earlier figure or time.
    ``nearby``: the sentence's quantities and times."""
    quantities, times = nearby
    position = match.end()
    if match.lastgroup != "from":
        stop = _OBJECT_END_RE.search(text, position, end)
        object_end = stop.start() if stop else end
        return object_end if text[position:object_end].strip() else None
    if not match.group(0).lower().startswith(("up", "down")) and not _CHANGE_WORDS_RE.search(
        text, max(0, match.start() - 120), match.start()
    ):
        return None  # "rescued 1,046 migrants from 21 boats": an origin, not a baseline
    leading = _FROM_LEAD_RE.match(text, position)  # up to five optional words: it always matches
    lead = leading.end() if leading else position
    figure = next((quantity for quantity in quantities if quantity.start in (position, lead)), None)
    if figure is not None:  # the earlier figure, with its own time if the clause gives one
        after = next((time for time in times if time.start > figure.end), None)
        if after is not None and re.fullmatch(r"[^,;:()–—]{0,25}", text[figure.end : after.start]):
            return after.end
        return figure.end
    time = next((time for time in times if time.start == position), None)
    if time is None and _UP_OR_DOWN_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
        # "down 31% from October": the time reader took "from" into the time; the baseline is that month whole
        time = next((time for time in times if time.start == match.start() and " to " not in time.text), None)
        if time is None:  # "down 6.2 points from the previous vote in 2019": an earlier event its time dates
            stop = _OBJECT_END_RE.search(text, position, end)
            object_end = stop.start() if stop else end
            time = next((time for time in times if position < time.start and time.end == object_end), None)
    return time.end if time is not None else None


# "down 31% from October", "up 2.1 percentage points from June": a change right before "from".
_UP_OR_DOWN_BEFORE_RE = re.compile(
    r"\b(?:up|down)\s+[\d.,]+\s*(?:%|per\s*cent|percent|percentage\s+points?|points?)?\s+$", re.IGNORECASE
)


def _period_of(times: list[TimeExpr]) -> tuple[dt.date | None, dt.date | None]:
    dated = [time for time in times if time.period_start or time.period_end]
    return (dated[-1].period_start, dated[-1].period_end) if dated else (None, None)


def _back_step(words: str) -> tuple[str, int] | None:
    """ "the previous three months" in a comparison: three months before the claim's own period."""
    window = _BACK_WINDOW_RE.search(words)
    if window is None:
        return None
    count = window.group("n")
    number = int(count) if count and count.isdigit() else TIME_COUNTS.get((count or "one").lower(), 1)
    unit = window.group("unit").lower()
    return ("week", number) if unit == "week" else ("month", number * _STEP_MONTHS[unit])


def baseline_for(
    quantity: Quantity,
    phrases: list[Phrase],
    quantities: list[Quantity],
    own: tuple[dt.date | None, dt.date | None],
    *,
    text: str = "",
) -> Baseline | None:
    """``quantity``'s baseline among the sentence's ``phrases``, resolved against its own period (``text``: the text
    the offsets index, to read a change of the quantity told right after it)."""
    phrase = _rate_for(quantity, phrases, quantities) or _comparison_for(quantity, phrases, quantities, text)
    if phrase is None:
        return None
    if phrase.step is not None:
        start, end = (_moved_back(day, phrase.step) for day in own)
    else:
        start, end = phrase.period
    return Baseline(" ".join(phrase.text.split()), start, end)


def _moved_back(day: dt.date | None, step: tuple[str, int]) -> dt.date | None:
    if day is None:
        return None
    unit, count = step
    return day - dt.timedelta(weeks=count) if unit == "week" else add_months(day, -count)


def _rate_for(quantity: Quantity, phrases: list[Phrase], quantities: list[Quantity]) -> Phrase | None:
    """A rate word for a rate of change: right after it, else the nearest before it, else the first
    after it with no other rate of change between."""
    if quantity.kind not in CHANGE_KINDS:
        return None
    inside = [
        phrase
        for phrase in phrases
        if phrase.rate and phrase.scope and phrase.scope[0] <= quantity.start < phrase.scope[1]
    ]
    if inside:
        return inside[-1]
    rates = [phrase for phrase in phrases if phrase.rate and not phrase.scope]
    changes = [other for other in quantities if other.kind in CHANGE_KINDS and other is not quantity]
    after = [phrase for phrase in rates if phrase.start >= quantity.end]
    if after and not any(quantity.end <= other.start < after[0].start for other in changes):
        if after[0].start - quantity.end <= 25:
            return after[0]
    before = [phrase for phrase in rates if phrase.end <= quantity.start]
    if before:
        return before[-1]
    return after[0] if after and not any(quantity.end <= other.start < after[0].start for other in changes) else None


def _comparison_for(
    quantity: Quantity, phrases: list[Phrase], quantities: list[Quantity], text: str = ""
) -> Phrase | None:
    """The comparison that follows ``quantity`` in its sentence before another quantity does (but its own change,
    told right after it: "139,000 crossed in the first five months, up 8% from the same period a year ago"), a
    frame opening the sentence, or a comparison with a time only (no figure) made of an earlier quantity of the same
    kind ("a decrease of 11.6% from the previous year, … a 9.4% decrease")."""
    compared = [phrase for phrase in phrases if not phrase.rate]
    if quantity.kind == Kind.DURATION or any(phrase.start <= quantity.start < phrase.end for phrase in compared):
        return None  # a threshold ("waiting more than 12 hours"), or the earlier figure itself
    for phrase in compared:
        if (phrase.frame and phrase.end <= quantity.start) or (
            phrase.next_only and not quantity.start - phrase.end > 6 and phrase.end <= quantity.start
        ):
            return phrase
    others = [other for other in quantities if other is not quantity and other.kind != Kind.DURATION]
    for phrase in compared:
        if phrase.start < quantity.end or phrase.next_only:
            continue
        if phrase.figure and phrase.figure != quantity.kind:
            continue  # "32,776 people waited more than 12 hours, up from 28,756": the count's baseline
        between = [
            other
            for other in others
            if quantity.end <= other.start < phrase.start
            and (not phrase.figure or other.kind == phrase.figure)
            and not any(inner.start <= other.start < inner.end for inner in compared)
            and not (not phrase.figure and _its_change(quantity, other, text))
        ]
        if not between:
            return phrase
        break
    earlier = [phrase for phrase in compared if phrase.end <= quantity.start and not phrase.figure]
    return _inherited(quantity, earlier, quantities)


# Words that tell a figure's change right after it: "139,000 crossed, up 8%", "4,870, an increase of 12%" (not a
# multiple: "3,905, nearly four times the number a year earlier" compares the multiple, as the team's sets disagree).
_ITS_CHANGE_RE = re.compile(
    r"[^.;:()]*?,\s*(?:up|down|rising|falling|an?\s+(?:increase|decrease|rise|fall|drop|jump|decline)\s+of)\s+"
    r"(?:(?:about|around|nearly|almost|some|roughly|more\s+than|less\s+than|over|just|only)\s+)?$",
    re.IGNORECASE,
)


def _its_change(quantity: Quantity, other: Quantity, text: str) -> bool:
    """Whether ``other`` is ``quantity``'s change, told right after it ("…, up 8% from a year ago"): a comparison after
    the change is the quantity's baseline too. ``text`` holds both (offsets into the article)."""
    if other.kind not in CHANGE_KINDS or quantity.kind in CHANGE_KINDS or not text:
        return False
    return _ITS_CHANGE_RE.fullmatch(text, quantity.end, other.start) is not None


def _inherited(quantity: Quantity, earlier: list[Phrase], quantities: list[Quantity]) -> Phrase | None:
    """A relative comparison ("from the previous year") carried to a later quantity of the same kind
    that names none of its own."""
    for phrase in reversed(earlier):
        owner = [other for other in quantities if other.end <= phrase.start and other.kind != Kind.DURATION]
        if owner and owner[-1].kind == quantity.kind:
            return phrase
    return None


_YEAR_PAIR_RE = re.compile(
    r"(?P<from>(?:from|between)\s+(?P<first>\d{4}))\s+(?P<to>(?:to|and)\s+(?P<second>\d{4}))", re.I
)


def split_years_of_a_change(quantity: Quantity, time: TimeExpr | None) -> tuple[TimeExpr, Baseline] | None:
    """ "dropped 11.6% from 2022 to 2023": the change is 2023's, measured against 2022
    (tests/data/real/README.md). Only for a rate of change; an average "from 2020 to 2022" spans both."""
    if time is None or quantity.kind not in CHANGE_KINDS:
        return None
    pair = _YEAR_PAIR_RE.fullmatch(time.text)
    if pair is None:
        return None
    first, second = int(pair.group("first")), int(pair.group("second"))
    own = replace(
        time,
        start=time.start + pair.start("to"),
        text=pair.group("to"),
        period_start=dt.date(second, 1, 1),
        period_end=dt.date(second, 12, 31),
    )
    return own, Baseline(pair.group("from"), dt.date(first, 1, 1), dt.date(first, 12, 31))
