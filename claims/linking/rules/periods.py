"""Time: the period and days a claim states or implies (`as_of_reading`, `told_length`), and how two
claims' periods relate (`period_relation`, `spans_differ`, `far_apart`).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

from .context_words import (
    _CHANGED,
    _CLAUSE_BREAK,
    _MONTH_NAMES,
    _NOT_ACTUAL,
    _OTHER_FIGURE_AFTER,
    _SCALE_WORDS,
    _WORD,
    _own_stretch,
    baseline,
    running,
)
from .counted_groups import _WEEKDAY_NAMES, own_clause
from .measure import LEVELS, _stem, claim_measure
from .place_names import _PLACE_ALONE
from .tunables import SAME_DAYS, ClaimFacts, _quote_span


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
    period, published = _stated_period(facts), facts.published
    # `_so_far` is False on a page without its day: the published check only says so to the type checker
    if period is not None and published is not None and _so_far(facts, *period):
        return period[0], published
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
    length_a, length_b = told_length(a), told_length(b)
    if length_a is None or length_b is None:
        return False
    lengths = length_a, length_b
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
    return found is not None and not found.group(0).rstrip().casefold().endswith((" a", " one"))


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


@functools.lru_cache(maxsize=8192)
def _days_flow(facts: ClaimFacts) -> bool:
    """A day's or a few days' flow, by the words right after the figure or further on (`told_as_days`,
    `days_record`)."""
    return told_as_days(facts) or days_record(facts)


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
        own_a, own_b = _told_after_its_period(a, first, second), _told_after_its_period(b, second, first)
        first, second = own_a, own_b
    if first is None and second is None:
        return "none"
    if first is None or second is None:
        if first is not None:
            named = _month_named_undated(b, first)
        elif second is not None:
            named = _month_named_undated(a, second)
        else:
            return "none"
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
        if (
            _undated_part_of_year(part)
            and whole is not None
            and _length(whole) in (365, 366)
            and not _names_its_last_month(part, whole)
        ):
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
    if past(facts) or _in_a_years_when_clause(facts) or _that_event(facts):
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
        return last is not None and not (this and this.start() < last.start())
    lasts, these = list(_LAST_YEARS.finditer(before)), list(_THIS_YEAR.finditer(before))
    return bool(lasts) and not (these and these[-1].start() > lasts[-1].start())


# A sentence that opens by pointing back at an event by "that" ("That quake killed some 900 people", "That year's flood
# left 40 dead"): the event the sentence before it named, which the story's own would call "the quake".
_THAT_EVENT = re.compile(
    r"^\s*That (?:year['’]s |[\w-]+ )?(?:earthquake|quake|flood|floods|storm|hurricane|typhoon|cyclone|tsunami|fire|"
    r"wildfire|blaze|eruption|disaster|crash|attack|outbreak|epidemic|famine|drought|landslide|war)\b"
)


def _that_event(facts: ClaimFacts) -> bool:
    """The figure's sentence opens by pointing back at an event with "that" ("That quake killed some 900 people"): an
    earlier event its page has just recalled, told of in passing; the story's own event is "the quake"."""
    return bool(_THAT_EVENT.match(facts.sentence)) and _quote_span(facts)[0] > 0


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


_WEEKDAY = re.compile(rf"\b(?:{'|'.join(_WEEKDAY_NAMES)})\b", re.IGNORECASE)
