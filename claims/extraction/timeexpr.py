"""Time expressions in news text, resolved against the article's publication date.

Pure Python. ``find_times`` returns the expressions a claim can be *about* ("in 2021",
"last year", "this Monday", "since August", "on November 8", "in the first 10 months of 2022",
"over the last 24 hours", "during the six-week war"), each with the period it denotes when the
words and the publication date determine one. ``calendar_spans`` returns the characters that
are calendar notation (dates, years used as dates, times of day, timestamps): numbers there are
never quantities. Month and weekday names, counts and the month arithmetic come from ``vocabulary``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .vocabulary import (
    BODY_NOUNS,
    CALENDAR_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ROLE_NOUNS,
    SEASONS,
    TIME_COUNTS,
    WEEKDAYS,
    add_months,
    alternation,
    month_number,
    month_period,
    prefix_tree,
    shift_month,
    weekday_number,
)

# Month names are matched case-sensitively: "may" and "march" are also ordinary words.
MONTH = r"(?-i:(?:" + alternation(MONTHS) + r")\b|(?:" + alternation(MONTH_ABBREVIATIONS) + r")(?:\.|\b))"
YEAR = r"(?<![\d,.])(?:1[89]\d\d|20\d\d|2100)(?!\d|[,.]\d)"  # "by 2100": climate projections
WEEKDAY = r"(?-i:" + alternation(WEEKDAYS) + r")\b"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
# How many units a window or an "ago" counts: "the last six months", "a few years ago".
_NUM = r"(?:\d+|" + alternation([*TIME_COUNTS, "few", "several", "couple of"]) + ")"
_UNIT = "(?:" + alternation(CALENDAR_UNITS, suffix="s?") + ")"
# A span's length: "in 24 hours", "within a couple of weeks", "over four nights".
_VAGUE_COUNTS = ("few", "several", "a few", "a couple of")
_SPAN_NUM = alternation([*(word for word in TIME_COUNTS if word != "hundred"), *_VAGUE_COUNTS])
_SPAN_UNIT = alternation([*(unit for unit in CALENDAR_UNITS if unit != "quarter"), "night", "fortnight"], suffix="s?")
# "this year", "last spring", "next Monday", "this weekend" (the longer word first, so not "this week").
_RELATIVE_UNIT = "(?:" + alternation(["year", "month", "week", "weekend", *SEASONS, "quarter"]) + r")\b|" + WEEKDAY
# "in the 2022/23 season", "in the 2019 election": a year naming a period, not "the 2000 residents".
_YEAR_NAMED_PERIOD = (
    rf"{YEAR}(?:\s*[-–/]\s*\d{{2,4}})?\s+(?:season|elections?|campaign|census|budget|midterms|harvest|"
    r"(?:financial|tax|academic|school|fiscal|calendar|model)\s+year|World\s+Cup|Olympics|Games)\b"
)


def _prep(name: str) -> str:
    return (
        rf"(?:(?P<{name}>in|on|since|by|until|till|from|before|after|during|through|"
        r"throughout|of|as\s+of|over|for|within)\s+)"
    )


# Every alternative of _CALENDAR_RE starts with a digit, a month name or one of these words: a
# look-ahead for them rejects most positions before the alternatives are tried one by one.
_CALENDAR_WORDS = "in since by until till from before after during through throughout of early late mid year fiscal"
_CALENDAR_START = r"(?=\d|(?-i:[JFMASOND])|" + prefix_tree([*_CALENDAR_WORDS.split(), "between", "and", "to"]) + ")"
_CALENDAR_RE = re.compile(
    r"(?<!\w)(?=\w)"
    + _CALENDAR_START
    + r"(?:\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\s?\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])"
    r"|(?<![\d:.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\d:])"
    # "at 0800 GMT", "(1200 GMT)", "1430 hrs": a 24-hour clock time
    r"|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?-i:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|hrs\b|hours\s+(?:GMT|UTC|local))"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)"
    rf"|{MONTH}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+{YEAR})?"
    rf"|\b{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"
    rf"|{MONTH},?\s+{YEAR}"
    rf"|\b(?:in|since|by|until|till|from|before|after|during|through|throughout|of|early|late|mid-?|year|fiscal|between|and|to)\s+(?:early\s+|late\s+|mid-?)?{YEAR}(?:\s*[-–]\s*(?:{YEAR}|\d{{2}}\b))?"
    rf"|{YEAR}\s*[-–/]\s*(?:{YEAR}|\d{{2}}\b))",
    re.IGNORECASE,
)


def calendar_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every date, year-as-date, timestamp and time of day in ``text``."""
    for m in _CALENDAR_RE.finditer(text):
        yield m.span()


@dataclass(frozen=True)
class TimeExpr:
    """A time phrase; offsets index the text given to ``find_times``."""

    start: int
    end: int
    text: str
    period_start: dt.date | None
    period_end: dt.date | None
    # "a year earlier", "the same period last year", "the previous month", "that month": read
    # against the period under discussion (``claimtime`` resolves it).
    relative: bool = False
    # A year or span of years standing alone ("2023 was the hottest year", "the 2018 Camp Fire",
    # "the 1850-1900 average"): it dates what it is said of, after any phrase with a preposition.
    bare: bool = False
    # An as-of word ("so far", "to date", "now", "already", "still"): the count stands on the day it was told.
    as_of: bool = False


# The words a time phrase can start with, one list for every alternative of _TIME_RE below: a
# position where none of them stands is rejected by one look-ahead instead of thirty alternatives.
_FIRST_WORDS = prefix_tree(
    [
        *"in on at by for of to up as so over during until till before after since from through throughout".split(),
        *"within inside between the a an one that this last next past early mid late earlier later currently".split(),
        *"now already still year fiscal first second third fourth yesterday today tonight few several couple".split(),
        "overnight",
        *TIME_COUNTS,
    ]
)
_TIME_START = rf"(?=(?:{_FIRST_WORDS})\b|mid-|\d|(?-i:Q)[1-4]|(?-i:FY)|{MONTH}|{WEEKDAY})"
_TIME_RE = re.compile(
    # Every alternative starts a word: the look-arounds reject other positions cheaply.
    rf"(?<!\w)(?=\w){_TIME_START}(?:"
    # "in the 12 months to May", "in the three months to April 28", "in the year to September"
    # "in the week to Sunday", "in the 24 hours to 8 a.m. on Tuesday": a window that ends on a weekday
    rf"(?P<to>(?:(?:in|over|during)\s+)?the\s+(?:(?P<ton>{_NUM})\s+)?(?P<tounit>hours?|days?|months?|weeks?|years?|quarter)\s+"
    rf"(?:to|ending|ended|through)\s+(?:(?P<tom>{MONTH})(?:\s+(?P<tod>\d{{1,2}})\b)?(?:,?\s+(?P<toy>{YEAR}))?"
    rf"|(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)\s*(?:local\s+time\s+)?)?(?:on\s+)?(?P<towd>{WEEKDAY})))"
    # "in the first quarter (of 2023)", "in the second half of the year"
    rf"|(?P<quarter>(?:(?:in|during|for)\s+)?the\s+(?P<qwhich>first|second|third|fourth|final|last)\s+(?P<qunit>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<qyear>{YEAR})|(?P<qrel>the\s+year|this\s+year|last\s+year)))?)"
    # "Q3", "in Q1 2024", "third-quarter": a quarter written the business-page way
    rf"|(?P<qq>(?:(?:in|during|for)\s+)?(?:(?-i:Q)(?P<qqn>[1-4])|(?P<qqw>first|second|third|fourth)-quarter)"
    rf"(?:\s+(?P<qqy>{YEAR}))?\b)"
    r"|(?P<sofar>(?:so\s+far\s+this\s+year|this\s+year\s+so\s+far|year[-\s]to[-\s]date"
    # "brought the total for the year to 29,874": a tally's year, the one it is being kept in, so far
    r"|(?:(?<=total\s)|(?<=tally\s)|(?<=count\s))for\s+the\s+year\b(?!\s+(?:ending|ended|through)\b|\s+to\s+(?-i:[A-Z]))))"
    # "at the end of August", "by the end of the year": the last (or first) day of a period
    rf"|(?P<endof>(?:(?P<eoprep>at|by|until|till|before|since)\s+)?the\s+(?P<eowhich>end|close|start|beginning)\s+of\s+"
    rf"(?:(?P<eom>{MONTH})(?:,?\s+(?P<eoy>{YEAR}))?|(?P<eoyear>{YEAR})|(?P<eorel>(?:this|last|next|the)\s+(?:year|month)))\b)"
    # as-of words: the count stands at publication ("so far", "to date", "now", "already", "still")
    r"|(?P<asof>(?:so\s+far|to\s+date|till\s+now|until\s+now|up\s+to\s+now|up\s+until\s+now|as\s+of\s+now"
    r"|currently|now|already|still)\b)"
    # "since the fires started", "since the invasion", "since the war began": an as-of window from an event
    r"|(?P<sinceevent>since\s+(?:the|its|their|his|her|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:war|invasion|conflict|fighting|pandemic|crisis|outbreak|attack|attacks|disaster|earthquake|quake|"
    r"floods?|flooding|storm|typhoon|hurricane|cyclone|fires?|wildfires?|blaze|crash|eruption|start|beginning|"
    r"offensive|occupation|ceasefire|truce|lockdown|collapse|explosion|shooting)"
    r"(?:\s+(?:began|started|erupted|broke\s+out|struck|hit|began|took\s+place))?\b)"
    # "the same period last year", "a year earlier": relative to the sentence's other time
    rf"|(?P<earlier>(?:in\s+)?the\s+same\s+(?:period|month|quarter|week)\s+(?:last\s+year|a\s+year\s+(?:earlier|before|ago)"
    rf"|(?:of|in)\s+{YEAR}\b)"
    r"|(?:a|one)\s+(?:year|month|quarter|week|day)\s+(?:earlier|before)"
    r"|the\s+(?:year|day)\s+before(?!\s+(?:the|a|an|his|her|its|their|this|that|last)\b)"
    # "in the previous quarter", "the prior month", "the previous day", "that month": counted from the period under
    # discussion
    r"|(?:(?:in|for|during|over|on)\s+)?the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|week|day)\b(?!\s+of\b)"
    r"|(?:in\s+)?that\s+(?:year|month|quarter|week)\b)"
    # "in 24 hours", "in under three weeks", "over four nights", "within a decade"
    rf"|(?P<span>(?P<sprep>in|over|within|inside)\s+(?:(?:under|less\s+than|more\s+than|just|only|about)\s+)?"
    rf"(?P<sn>\d+|{_SPAN_NUM})\s+"
    rf"(?P<sunit>{_SPAN_UNIT})\b(?!\s+(?:ago|earlier|of\s+(?:the|his|her|their)\b)))"
    # windows: "in the first 10 months of 2022", "over the last 24 hours", "for the past seven years"
    rf"|(?P<window>(?:(?:in|over|during|for|within|throughout)\s+)?the\s+(?P<which>first|last|past|previous|next|coming|final)\s+"
    rf"(?:(?P<wn>{_NUM})\s+)?(?P<wunit>{_UNIT})(?:\s+of\s+(?P<wyear>{YEAR}))?)"
    rf"|(?P<half>(?:(?:in|during)\s+)?the\s+(?P<hwhich>first|second)\s+half\s+of\s+(?P<hyear>{YEAR}))"
    rf"|(?P<ago>(?P<agon>{_NUM})\s+(?P<agounit>{_UNIT})\s+ago\b)"
    # "on 2024-03-03": an ISO date
    rf"|(?P<iso>{_prep('p4')}?(?P<isoy>(?:1[89]|20)\d\d)-(?P<isom>[01]\d)-(?P<isod>[0-3]\d)\b)"
    # "between August 2021 and July 2022", "from March to May", "the April-June period"
    rf"|(?P<mrange>(?:(?:between|from)\s+(?P<mra>{MONTH})(?:,?\s+(?P<mray>{YEAR}))?\s+(?:and|to|until|through)\s+"
    rf"|(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?P<mrh>{MONTH})\s*[-–]\s*"
    # "in July and September", "April, May and June 2021": months listed, from the first to the last
    rf"|(?:(?P<mrlp>in|during|for|over)\s+)?(?P<mrl>{MONTH})(?:,\s+{MONTH})*,?\s+and\s+)"
    rf"(?P<mrb>{MONTH})(?:,?\s+(?P<mrby>{YEAR}))?(?:\s+(?:period|quarter))?)"
    # "in the 1990s", "since the early 2000s"
    rf"|(?P<decade>(?:(?P<dprep>in|since|during|by|until|from|through|throughout|of)\s+)?(?:the\s+)?"
    rf"(?:(?P<dmod>early|mid|late)[\s-]+)?(?P<dec>1[89]\d0|20\d0)s\b)"
    # "in fiscal 2024", "FY2025": fiscal years start in different months, so no period
    rf"|(?P<fiscal>(?:(?:in|for|during|of)\s+)?(?:fiscal(?:\s+year)?\s+{YEAR}(?:\s*[-–/]\s*\d{{2,4}}\b)?"
    rf"|(?-i:FY)\s?(?:20)?\d\d\b))"
    rf"|(?P<mdy>{_prep('p1')}?(?:(?P<m1>{MONTH})\s+(?P<d1>{_DAY})(?:\s*[-–]\s*(?P<d1b>{_DAY}))?"
    rf"|(?P<d2>{_DAY})(?:\s*[-–]\s*(?P<d2b>{_DAY}))?\s+(?:of\s+)?(?P<m2>{MONTH}))(?:,?\s+(?P<y1>{YEAR}))?)"
    rf"|(?P<my>{_prep('p2')}?(?:(?P<mymod>early|late|mid-?)\s*)?(?P<m3>{MONTH}),?\s+(?P<y2>{YEAR}))"
    rf"|(?P<yrange>(?:(?P<rprep>between|from)\s+)(?P<ya>{YEAR})\s+(?:and|to)\s+(?P<yb>{YEAR}))"
    rf"|(?P<year>{_prep('p3')}(?:the\s+(?={_YEAR_NAMED_PERIOD}))?(?:(?:early|late|mid-?)\s*)?(?P<y3>{YEAR})"
    rf"(?:\s*[-–/]\s*(?P<y4>{YEAR}|\d{{2}}\b(?!-\d)))?)"
    rf"|(?P<rel>(?:(?P<relmod>earlier|later)\s+)?(?P<reldet>this|last|next|past)\s+(?P<relunit>{_RELATIVE_UNIT}))"
    rf"|(?P<month>(?:(?P<mprep>in|since|by|until|from|during|before|after|last|this|next)\s+)?"
    rf"(?:(?P<mmod>early|mid|late)-?\s*|(?<![\w-]))(?P<m4>{MONTH})(?P<mposs>['’]s\b)?)"
    rf"|(?P<wd>(?:(?P<wdprep>on|since|from|by|until|as\s+of)\s+)?(?:(?:early|late|earlier|later)\s+)?(?P<wdname>{WEEKDAY}))"
    rf"|(?P<wdrange>between\s+(?P<wda>{WEEKDAY})\s+and\s+(?P<wdb>{WEEKDAY}))"
    r"|(?P<deixis>\b(?:yesterday|today|tonight)\b"
    # "overnight" as an adverb, not as an adjective before its noun ("overnight stays", "an overnight train")
    r"|\bovernight(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|to|from|into|off|near|along|across|and|as|after|before|when|while"
    r"|but|the|a|an|with|by|until|following|amid)\b))"
    r"|(?P<wkend>(?:over|during|at|on)\s+the\s+weekend\b)"
    r"|(?P<during>during\s+(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:war|conflict|fighting|pandemic|crisis|campaign|lockdown|period|summit|talks|offensive|"
    r"siege|occupation|elections?|visit|protests?|season|outbreak|blockade|ceasefire|truce)\b)"
    # a year or a span of years with no preposition: "2023 was", "the 1991-2020 average"
    rf"|(?P<bare>(?<![\w$€£.,/-]){YEAR}(?:\s*[-–]\s*(?P<bareb>{YEAR}))?"
    # but not a count before its plural noun: "the 2000 residents", "2000 people"; a year of events ("the 2022 floods",
    # "the 2019 protests") is a year
    r"(?!\s+(?:people\b|(?!(?:was|is|has|saw|sees|marks|witnessed|records|ends|begins|floods|fires|wildfires|"
    r"elections|protests|riots|attacks|games|olympics|polls|talks|storms|earthquakes|quakes|strikes|clashes|"
    r"bombings|shootings|midterms|playoffs|finals)\b)(?-i:[a-z]+s)\b))))",
    re.IGNORECASE,
)


def find_times(text: str, published: dt.date | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved against ``published`` where needed."""
    out = []
    for match in _TIME_RE.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum()):
            continue
        groups: Groups = match.groupdict("")
        try:
            period_start, period_end = _resolve(groups, published)
        except (ValueError, OverflowError, TypeError):
            period_start, period_end = _UNKNOWN
        if groups["month"] and not (groups["mprep"] or groups["mmod"] or _possessive_month(groups)):
            continue  # a bare month name ("May") is too ambiguous to be a time on its own
        if _possessive_month(groups) and _a_person_s(text, match.start("m4"), match.end("mposs")):
            continue  # "Theresa May's government": a person's possessive, not the month's
        if groups["mrl"] and not (groups["mrlp"] or groups["mrby"]):
            continue  # so are months listed with neither a preposition nor a year ("May and June")
        out.append(
            TimeExpr(
                start=start,
                end=match.end(),
                text=match.group(0),
                period_start=period_start,
                period_end=period_end,
                relative=bool(groups["earlier"]),
                bare=bool(groups["bare"]),
                as_of=bool(groups["asof"]),
            )
        )
    return out


# A period as (first day, last day); either end is None where the words leave it open.
Period = tuple[dt.date | None, dt.date | None]
# A _TIME_RE match's named groups; a group that did not take part is "".
Groups = dict[str, str]
_UNKNOWN: Period = (None, None)


def _resolve(groups: Groups, published: dt.date | None) -> Period:
    """The period a ``_TIME_RE`` match denotes: the resolver of the one alternative that matched."""
    for name, resolver in _RESOLVERS:
        if groups[name]:
            return resolver(groups, published)
    return _UNKNOWN  # "during the war": a time, with no dates the words give


# ---------------------------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------------------------


def _year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _half_year(year: int, *, first: bool) -> tuple[dt.date, dt.date]:
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def _quarter_period(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """Quarter 1–4 of a calendar year."""
    return dt.date(year, 3 * quarter - 2, 1), month_period(year, 3 * quarter)[1]


def _latest_year(month: int, published: dt.date) -> int:
    """The year of the latest such month up to publication: "in May" read in March is last May."""
    return published.year if month <= published.month else published.year - 1


def _count(word: str | None) -> int | None:
    """How many units "the last six months" counts: 1 when no number is written, None for "few"."""
    if not word:
        return 1
    normalised = " ".join(word.lower().split())
    if normalised.isdigit():
        return int(normalised)
    return TIME_COUNTS.get(normalised)


def _shift(day: dt.date, unit: str, count: int) -> dt.date:
    """``count`` units ("hours", "week", "quarters") before ``day``; negative counts go forward.
    Hours round up to whole days."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return day - dt.timedelta(days=-(-count // 24))
    if unit == "day":
        return day - dt.timedelta(days=count)
    if unit in ("week", "fortnight"):
        return day - dt.timedelta(weeks=count * (2 if unit == "fortnight" else 1))
    months = {"month": count, "quarter": 3 * count, "year": 12 * count, "decade": 120 * count}[unit]
    return add_months(day, -months)


def _with_prep(prep: str | None, period: Period, published: dt.date | None) -> Period:
    """The part of ``period`` a preposition before it leaves: "since May" runs to publication,
    "from May" is open-ended, "by May" and "until May" end with it, "after May" starts after it."""
    start, end = period
    prep = (prep or "").lower()
    if prep == "since":
        return start, published
    if prep == "from":
        return start, None
    if prep == "by":
        return (published if published and end and published <= end else None), end
    if prep in ("until", "till", "before") or " ".join(prep.split()) == "as of":
        return None, end
    if prep == "after":
        return (end + dt.timedelta(days=1) if end else None), None
    return start, end


# ---------------------------------------------------------------------------------------------
# One resolver per alternative of _TIME_RE, each given the match's groups and the publication date
# ---------------------------------------------------------------------------------------------

_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


def _months_to(groups: Groups, published: dt.date | None) -> Period:
    """ "in the 12 months to May", "in the three months to April 28", "in the year to September"."""
    count = _count(groups["ton"])
    if groups["towd"]:
        return _days_to(count, groups["tounit"].lower(), groups["towd"], published)
    month = month_number(groups["tom"])
    if groups["toy"]:
        year = int(groups["toy"])
    elif published is not None:
        year = _latest_year(month, published)
    else:
        return _UNKNOWN
    end = dt.date(year, month, int(groups["tod"])) if groups["tod"] else month_period(year, month)[1]
    if count is None:
        return None, end  # "in the few months to March": the end is known, the start is not
    unit = groups["tounit"].lower()
    months = {"month": count, "months": count, "quarter": 3, "year": 12 * count, "years": 12 * count}.get(unit)
    if months is None:  # weeks
        return end - dt.timedelta(weeks=count) + dt.timedelta(days=1), end
    if not groups["tod"]:  # "the 12 months to May": whole months, June to May
        return month_period(*shift_month(end.year, end.month, 1 - months))[0], end
    return add_months(end, -months) + dt.timedelta(days=1), end


def _days_to(count: int | None, unit: str, weekday_name: str, published: dt.date | None) -> Period:
    """ "in the week to Sunday", "in the 24 hours to 8 a.m. on Tuesday": the days that end on the latest such
    weekday up to publication."""
    weekday = weekday_number(weekday_name)
    if published is None or weekday is None:
        return _UNKNOWN
    end = _latest_weekday(weekday, published)
    days = None if count is None else {"hour": -(-count // 24), "day": count, "week": 7 * count}.get(unit.rstrip("s"))
    if days is None:  # "the few days to Sunday", or months to a weekday: the end is known, the start is not
        return None, end
    return end - dt.timedelta(days=max(days, 1) - (0 if unit.startswith("hour") else 1)), end


def _quarter(groups: Groups, published: dt.date | None) -> Period:
    """ "in the first quarter (of 2023)", "the final quarter of last year", "the second half of the year".
    Without a year, the latest such quarter up to publication."""
    if groups["qyear"]:
        year = int(groups["qyear"])
    elif published is None:
        return _UNKNOWN
    else:
        relative_year = (groups["qrel"] or "").lower()
        year = published.year - 1 if relative_year.startswith("last") else published.year
    which = groups["qwhich"].lower()
    if groups["qunit"].lower() == "half":
        return _half_year(year, first=which == "first")
    quarter = _ORDINAL_QUARTERS[which]
    undated = not groups["qyear"] and not groups["qrel"]  # so published is not None
    if undated and published is not None and dt.date(year, 3 * quarter - 2, 1) > published:
        year -= 1  # "the third quarter" read in May: last year's
    return _quarter_period(year, quarter)


def _business_quarter(groups: Groups, published: dt.date | None) -> Period:
    """ "Q3", "in Q1 2024", "third-quarter"; without a year, the latest one begun by publication."""
    quarter = int(groups["qqn"]) if groups["qqn"] else _ORDINAL_QUARTERS[groups["qqw"].lower()]
    if groups["qqy"]:
        year = int(groups["qqy"])
    elif published is None:
        return _UNKNOWN
    else:
        year = published.year if dt.date(published.year, 3 * quarter - 2, 1) <= published else published.year - 1
    return _quarter_period(year, quarter)


def _so_far_this_year(groups: Groups, published: dt.date | None) -> Period:
    return _UNKNOWN if published is None else (dt.date(published.year, 1, 1), published)


def _not_dated(groups: Groups, published: dt.date | None) -> Period:
    """ "a year earlier" (the extractor resolves it against the sentence's other time) and
    "fiscal 2024" (fiscal years start in different months)."""
    return _UNKNOWN


def _span(groups: Groups, published: dt.date | None) -> Period:
    """ "within a decade", "inside 48 hours": from publication on. "in 24 hours" and "over four
    nights" measure a length, not a period."""
    count = _count(groups["sn"].replace("a few", "few").replace("a couple of", "two"))
    if groups["sprep"].lower() in ("within", "inside") and published is not None and count:
        unit = groups["sunit"].lower()
        unit = "day" if unit.startswith("night") else unit  # "four nights" are days; a fortnight two weeks
        return published, _shift(published, unit, -count)
    return _UNKNOWN


def _window(groups: Groups, published: dt.date | None) -> Period:
    """ "over the last 24 hours", "for the next two years", "in the first 10 months of 2022"."""
    count = _count(groups["wn"])
    unit = groups["wunit"].lower()
    which = groups["which"].lower()
    if count is None:
        return _UNKNOWN
    if groups["wyear"]:
        year: int | None = int(groups["wyear"])
    elif published is not None and unit.rstrip("s") in ("month", "quarter"):
        year = published.year
    else:
        year = None
    if which == "first" and year is not None:
        # "the first 11 months" read in January 2024: of 2023, the latest that has ended
        start = dt.date(year, 1, 1)
        end = _shift(start, unit, -count) - dt.timedelta(days=1)
        if not groups["wyear"] and published is not None and end > published:
            start = dt.date(year - 1, 1, 1)
            end = _shift(start, unit, -count) - dt.timedelta(days=1)
        return start, end
    if published is None or which in ("first", "final"):
        return _UNKNOWN
    if which in ("next", "coming"):
        return published, _shift(published, unit, -count)
    return _shift(published, unit, count), published


def _half(groups: Groups, published: dt.date | None) -> Period:
    """ "in the first half of 2022"."""
    return _half_year(int(groups["hyear"]), first=groups["hwhich"].lower() == "first")


def _ago(groups: Groups, published: dt.date | None) -> Period:
    """ "three days ago" is one day; "a month ago" the calendar month that holds the day that many
    units before publication (as "last month" is), "a year ago" that calendar year."""
    count = _count(groups["agon"])
    if count is None or published is None:
        return _UNKNOWN
    unit = groups["agounit"].lower().rstrip("s")
    day = _shift(published, unit, count)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return _quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit in ("year", "decade"):
        return _year_period(day.year)
    return day, day


def _iso_date(groups: Groups, published: dt.date | None) -> Period:
    date = dt.date(int(groups["isoy"]), int(groups["isom"]), int(groups["isod"]))
    return _with_prep(groups["p4"], (date, date), published)


def _month_range(groups: Groups, published: dt.date | None) -> Period:
    """ "between August 2021 and July 2022", "from March to May", "the April-June period", "in July and
    September"."""
    first, last = month_number(groups["mra"] or groups["mrh"] or groups["mrl"]), month_number(groups["mrb"])
    if groups["mrby"]:
        end_year = int(groups["mrby"])
    elif published is None:
        return _UNKNOWN
    else:
        end_year = _latest_year(last, published)
    start_year = int(groups["mray"]) if groups["mray"] else end_year - (1 if first > last else 0)
    return month_period(start_year, first)[0], month_period(end_year, last)[1]


_PARTS_OF_A_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def _decade(groups: Groups, published: dt.date | None) -> Period:
    """ "in the 1990s", "since the early 2000s"."""
    decade = int(groups["dec"])
    first, last = _PARTS_OF_A_DECADE.get((groups["dmod"] or "").lower(), (0, 9))
    period = dt.date(decade + first, 1, 1), dt.date(decade + last, 12, 31)
    return _with_prep(groups["dprep"], period, published)


def _day_number(day: str) -> int:
    """12 for "12", "12th"."""
    found = re.match(r"\d+", day)
    if found is None:
        raise ValueError(f"no day number in {day!r}")
    return int(found.group(0))


def _month_day(groups: Groups, published: dt.date | None) -> Period:
    """ "on November 8", "3-5 March 2023". Without a year, the latest such day, or one at most a
    week after publication (an announced date)."""
    month = month_number(groups["m1"] or groups["m2"])
    day = _day_number(groups["d1"] or groups["d2"])
    if groups["y1"]:
        date = dt.date(int(groups["y1"]), month, day)
    elif published is not None:
        date = dt.date(published.year, month, day)
        if date > published + dt.timedelta(days=7):
            date = dt.date(published.year - 1, month, day)
    else:
        return _UNKNOWN
    last = groups["d1b"] or groups["d2b"]  # "March 3-5", "3-5 March": a span of days
    end = date.replace(day=_day_number(last)) if last else date
    return _with_prep(groups["p1"], (date, end if end >= date else date), published)


def _month_of_year(groups: Groups, published: dt.date | None) -> Period:
    """ "in March 2020", "since early May 2022"."""
    return _with_prep(groups["p2"], month_period(int(groups["y2"]), month_number(groups["m3"])), published)


def _year_range(groups: Groups, published: dt.date | None) -> Period:
    """ "between 2019 and 2021"."""
    return dt.date(int(groups["ya"]), 1, 1), dt.date(int(groups["yb"]), 12, 31)


def _year(groups: Groups, published: dt.date | None) -> Period:
    """ "in 2021", "since 2019", "in 2022-23", "in the 2019 election"."""
    year = int(groups["y3"])
    if groups["y4"]:
        other = int(groups["y4"]) if len(groups["y4"]) == 4 else year // 100 * 100 + int(groups["y4"])
        return dt.date(year, 1, 1), dt.date(other, 12, 31)
    return _with_prep(groups["p3"], _year_period(year), published)


_STEPS = {"this": 0, "last": -1, "past": -1, "next": 1}


def _relative(groups: Groups, published: dt.date | None) -> Period:
    """ "this year", "last month", "next quarter", "past week", "last Monday", "next spring"."""
    if published is None:
        return _UNKNOWN
    determiner = groups["reldet"].lower()
    unit = groups["relunit"].lower()
    step = _STEPS[determiner]
    if unit == "year":
        return _year_period(published.year + step)
    if unit == "month":
        return month_period(*shift_month(published.year, published.month, step))
    if unit == "quarter":
        index = (published.month - 1) // 3 + step  # zero-based, may leave the year
        return _quarter_period(published.year + index // 4, index % 4 + 1)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    weekday = weekday_number(unit)
    if weekday is not None:
        day = _relative_weekday(published, determiner, weekday)
        return day, day
    return _season(unit, determiner, published)


def _relative_weekday(published: dt.date, determiner: str, weekday: int) -> dt.date:
    """ "this Friday" is in the week of publication, "next Friday" in the week after, "last
    Friday" the latest one before publication."""
    monday = published - dt.timedelta(days=published.weekday())
    if determiner == "this":
        return monday + dt.timedelta(days=weekday)
    if determiner == "next":
        return monday + dt.timedelta(days=7 + weekday)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)


def _season(name: str, determiner: str, published: dt.date) -> Period:
    """ "this summer", "last winter", "next spring" (northern seasons; winter spans the new year)."""
    first, last = SEASONS[name]

    def bounds(year):
        if name == "winter":
            return month_period(year, 12)[0], month_period(year + 1, 2)[1]
        return dt.date(year, first, 1), month_period(year, last)[1]

    year = published.year
    start, end = bounds(year)
    if determiner in ("last", "past"):
        if end >= published:
            start, end = bounds(year - 1)
    elif determiner == "next" and start <= published:
        start, end = bounds(year + 1)
    return start, end


# The first and last day of part of a month: "early May" is 1–10, "mid-May" 15–20, "late May" 21 on.
_PARTS_OF_A_MONTH = {"early": (1, 10), "mid": (15, 20), "late": (21, None)}


def _month(groups: Groups, published: dt.date | None) -> Period:
    """ "in May", "since March", "next June", "by late September": the month the preposition
    points to from publication. A bare "May" is no time (``find_times`` drops it)."""
    month = month_number(groups["m4"])
    # "after January's gap was revised": the preposition governs what the month's possessive qualifies, not the month
    prep = "" if _possessive_month(groups) else (groups["mprep"] or "").lower()
    if published is None or not (prep or groups["mmod"] or _possessive_month(groups)):
        return _UNKNOWN
    year = _year_of_month(month, prep, published)
    start, end = month_period(year, month)
    if groups["mmod"]:
        first_day, last_day = _PARTS_OF_A_MONTH[groups["mmod"].lower()]
        start = dt.date(year, month, first_day)
        end = dt.date(year, month, last_day) if last_day else end
    return _with_prep(prep, (start, end), published)


def _possessive_month(groups: Groups) -> bool:
    """ "February's inflation rate" names the month as surely as "in February" does, and so does "May's figure was
    revised" (the capitalised "May" in the possessive is no verb); a person's "May's" is told by the words around it
    (`_a_person_s`)."""
    return bool(groups["mposs"])


# Words that may open a sentence or a clause, capitalised, before a month's possessive ("While May's figure …").
_CLAUSE_OPENERS = frozenset(
    "and but while whereas yet so as since though although because after before when then also meanwhile by in "
    "of for from until at on with the this that last next".split()
)


def _a_person_s(text: str, month_start: int, possessive_end: int) -> bool:
    """Is the possessive of a month name ("May's") a person's: right after a capitalised word that opens no clause,
    a given name or a title ("Theresa May's cabinet", "Mrs May's deal"), or on a body or a role, which a month has
    none of ("May's government", "May's spokesman")? "May's figure was revised", "while May's rate held" are the
    month's."""
    before = re.search(r"([A-Z][\w.'’-]*)\s+$", text[max(0, month_start - 40) : month_start])
    if before is not None and before.group(1).rstrip(".").lower() not in _CLAUSE_OPENERS:
        return True
    after = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?", text[possessive_end : possessive_end + 40])
    return after is not None and bool(set(after.groups()) & (BODY_NOUNS | ROLE_NOUNS))


def _year_of_month(month: int, prep: str, published: dt.date) -> int:
    """Which year's ``month`` the words mean: "next June" is ahead, "last May" behind, "from" and
    "by" a month at most six ahead are the coming one; otherwise the latest up to publication."""
    if prep == "next":
        return published.year if month > published.month else published.year + 1
    if prep == "last" and month >= published.month:
        return published.year - 1
    if prep in ("from", "by", "until") and 0 < (month - published.month) % 12 <= 6:
        return published.year + (1 if month < published.month else 0)
    return _latest_year(month, published)


def _weekday(groups: Groups, published: dt.date | None) -> Period:
    """ "on Monday", "since Friday": the latest such day up to publication."""
    if published is None:
        return _UNKNOWN
    weekday = weekday_number(groups["wdname"])
    if weekday is None:
        return _UNKNOWN
    day = _latest_weekday(weekday, published)
    return _with_prep(groups["wdprep"], (day, day), published)


def _latest_weekday(weekday: int, published: dt.date) -> dt.date:
    """The latest day of that weekday (0 Monday … 6 Sunday) up to publication, publication's own day included."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_range(groups: Groups, published: dt.date | None) -> Period:
    """ "between Monday and Wednesday": from the first day to the second, the latest such days up to publication."""
    if published is None:
        return _UNKNOWN
    first, last = weekday_number(groups["wda"]), weekday_number(groups["wdb"])
    if first is None or last is None:
        return _UNKNOWN
    end = _latest_weekday(last, published)
    return end - dt.timedelta(days=(last - first) % 7), end


def _weekend(groups: Groups, published: dt.date | None) -> Period:
    """ "over the weekend": the latest Saturday and Sunday up to publication."""
    if published is None:
        return _UNKNOWN
    saturday = _latest_weekday(5, published)
    return saturday, saturday + dt.timedelta(days=1)


def _end_of(groups: Groups, published: dt.date | None) -> Period:
    """ "at the end of August" is August's last day, "at the start of 2023" its first; "since the start of the
    year" runs from that first day to publication."""
    period: Period
    if groups["eom"]:
        month = month_number(groups["eom"])
        if groups["eoy"]:
            year = int(groups["eoy"])
        elif published is None:
            return _UNKNOWN
        else:
            year = _latest_year(month, published)
        period = month_period(year, month)
    elif groups["eoyear"]:
        period = _year_period(int(groups["eoyear"]))
    else:
        period = _end_of_relative(groups["eorel"], published)
    if period == _UNKNOWN:
        return _UNKNOWN
    day = period[0] if groups["eowhich"].lower() in ("start", "beginning") else period[1]
    if (groups["eoprep"] or "").lower() in ("since", "by"):
        # "since the start of the year": to publication; "by the end of 2025": from publication, as "by 2025"
        return _with_prep(groups["eoprep"], (day, day), published)
    return day, day


def _end_of_relative(words: str, published: dt.date | None) -> Period:
    """The period "this year", "last month" or "the year" (this one) names, from publication."""
    if published is None:
        return _UNKNOWN
    determiner, unit = words.lower().split()
    step = _STEPS.get(determiner, 0)
    if unit == "year":
        return _year_period(published.year + step)
    return month_period(*shift_month(published.year, published.month, step))


def _as_of(groups: Groups, published: dt.date | None) -> Period:
    """ "so far", "to date", "now", "already", "since the fires started": up to publication."""
    return None, published


def _bare_year(groups: Groups, published: dt.date | None) -> Period:
    """ "2023 was", "the 1850-1900 level": the year, or the years from one to the other."""
    first = int(groups["bare"][:4])
    last = int(groups["bareb"]) if groups["bareb"] else first
    return (dt.date(first, 1, 1), dt.date(last, 12, 31)) if first <= last else _UNKNOWN


def _deixis(groups: Groups, published: dt.date | None) -> Period:
    """ "yesterday", "today", "tonight"; "overnight": the night before publication, to its day."""
    if published is None:
        return _UNKNOWN
    word = groups["deixis"].lower()
    if word == "overnight":
        return published - dt.timedelta(days=1), published  # the night before the day it was told
    day = published - dt.timedelta(days=1) if word == "yesterday" else published
    return day, day


# In the order the alternatives were always tried; one match fills exactly one of them.
_RESOLVERS = (
    ("to", _months_to),
    ("quarter", _quarter),
    ("qq", _business_quarter),
    ("sofar", _so_far_this_year),
    ("endof", _end_of),
    ("asof", _as_of),
    ("sinceevent", _as_of),
    ("earlier", _not_dated),
    ("span", _span),
    ("window", _window),
    ("half", _half),
    ("ago", _ago),
    ("iso", _iso_date),
    ("mrange", _month_range),
    ("decade", _decade),
    ("fiscal", _not_dated),
    ("mdy", _month_day),
    ("my", _month_of_year),
    ("yrange", _year_range),
    ("year", _year),
    ("rel", _relative),
    ("month", _month),
    ("wdrange", _weekday_range),
    ("wd", _weekday),
    ("wkend", _weekend),
    ("deixis", _deixis),
    ("bare", _bare_year),
)
