"""Time expressions in news text, resolved against the article's publication date.

Pure Python. ``find_times`` returns the expressions a claim can be *about* ("in 2021",
"last year", "this Monday", "since August", "on November 8", "in the first 10 months of 2022",
"over the last 24 hours", "during the six-week war"), each with the period it denotes when the
words and the publication date determine one. ``calendar_spans`` returns the characters that
are calendar notation (dates, years used as dates, times of day, timestamps): numbers there are
never quantities.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .vocabulary import (
    CALENDAR_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SEASONS,
    TIME_COUNTS,
    WEEKDAYS,
    add_months,
    alternation,
    month_number,
    month_period,
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
_SPAN_UNIT = alternation([*(unit for unit in CALENDAR_UNITS if unit != "quarter"), "night"], suffix="s?")
# "this year", "last spring", "next Monday". Order matters, the first unit that fits wins: "this
# weekend" reads as "this week", as it always has.
_RELATIVE_UNIT = "|".join(["year", "month", "week", "weekend", *SEASONS, "quarter", WEEKDAY])
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


_CALENDAR_RE = re.compile(
    r"(?<!\w)(?=\w)(?:\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\s?\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
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


def calendar_spans(text: str):
    """(start, end) of every date, year-as-date, timestamp and time of day in ``text``."""
    for m in _CALENDAR_RE.finditer(text):
        yield m.span()


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    period_start: dt.date | None
    period_end: dt.date | None
    # "a year earlier", "the same period last year": shifts the sentence's previous time.
    relative: bool = False


_TIME_RE = re.compile(
    # Every alternative starts a word: the look-arounds reject other positions cheaply.
    r"(?<!\w)(?=\w)(?:"
    # "in the 12 months to May", "in the three months to April 28", "in the year to September"
    rf"(?P<to>(?:(?:in|over|during)\s+)?the\s+(?:(?P<ton>{_NUM})\s+)?(?P<tounit>months?|weeks?|years?|quarter)\s+"
    rf"(?:to|ending|ended|through)\s+(?P<tom>{MONTH})(?:\s+(?P<tod>\d{{1,2}})\b)?(?:,?\s+(?P<toy>{YEAR}))?)"
    # "in the first quarter (of 2023)", "in the second half of the year"
    rf"|(?P<quarter>(?:(?:in|during|for)\s+)?the\s+(?P<qwhich>first|second|third|fourth|final|last)\s+(?P<qunit>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<qyear>{YEAR})|(?P<qrel>the\s+year|this\s+year|last\s+year)))?)"
    # "Q3", "in Q1 2024", "third-quarter": a quarter written the business-page way
    rf"|(?P<qq>(?:(?:in|during|for)\s+)?(?:(?-i:Q)(?P<qqn>[1-4])|(?P<qqw>first|second|third|fourth)-quarter)"
    rf"(?:\s+(?P<qqy>{YEAR}))?\b)"
    r"|(?P<sofar>(?:so\s+far\s+this\s+year|this\s+year\s+so\s+far|year[-\s]to[-\s]date))"
    # "the same period last year", "a year earlier": relative to the sentence's other time
    r"|(?P<earlier>(?:in\s+)?the\s+same\s+(?:period|month|quarter|week)\s+(?:last\s+year|a\s+year\s+(?:earlier|before|ago))"
    r"|(?:a|one)\s+(?:year|month|week)\s+(?:earlier|before)|the\s+(?:previous|prior)\s+(?:year|month)|the\s+year\s+before)"
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
    rf"|(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?P<mrh>{MONTH})\s*[-–]\s*)"
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
    rf"(?:(?P<mmod>early|mid|late)-?\s*|(?<![\w-]))(?P<m4>{MONTH}))"
    rf"|(?P<wd>(?:(?P<wdprep>on|since|from|by|until)\s+)?(?P<wdname>{WEEKDAY}))"
    r"|(?P<deixis>\b(?:yesterday|today|tonight)\b)"
    r"|(?P<wkend>(?:over|during|at|on)\s+the\s+weekend\b)"
    r"|(?P<during>during\s+(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:war|conflict|fighting|pandemic|crisis|campaign|lockdown|period|summit|talks|offensive|"
    r"siege|occupation|elections?|visit|protests?|season|outbreak|blockade|ceasefire|truce)\b))",
    re.IGNORECASE,
)


def find_times(text: str, published: dt.date | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, resolved against ``published`` where needed."""
    out = []
    for m in _TIME_RE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum()):
            continue
        try:
            period = _resolve(m, published)
        except (ValueError, OverflowError):
            period = (None, None)
        if m.group("month") and not (m.group("mprep") or m.group("mmod")):
            continue  # a bare month name ("May") is too ambiguous to be a time on its own
        out.append(TimeExpr(start, m.end(), m.group(0), period[0], period[1], bool(m.group("earlier"))))
    return out


def _year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _count(word: str | None) -> int | None:
    if not word:
        return 1
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return TIME_COUNTS.get(w)


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return day - dt.timedelta(days=-(-n // 24))
    if unit == "day":
        return day - dt.timedelta(days=n)
    if unit == "week":
        return day - dt.timedelta(weeks=n)
    months = {"month": n, "quarter": 3 * n, "year": 12 * n, "decade": 120 * n}[unit]
    return add_months(day, -months)


def _with_prep(prep: str | None, period, published):
    start, end = period
    prep = (prep or "").lower()
    if prep == "since":
        return start, published
    if prep == "from":
        return start, None
    if prep == "by":
        return (published if published and published <= end else None), end
    if prep in ("until", "till", "before"):
        return None, end
    if prep == "after":
        return end + dt.timedelta(days=1), None
    return start, end


def _resolve(m: re.Match, published: dt.date | None):
    g = m.groupdict()
    if g["to"]:
        n = _count(g["ton"])
        month = month_number(g["tom"])
        if g["toy"]:
            year = int(g["toy"])
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        else:
            return None, None
        end = dt.date(year, month, int(g["tod"])) if g["tod"] else month_period(year, month)[1]
        unit = g["tounit"].lower()
        months = {"month": n, "months": n, "quarter": 3, "year": 12 * n, "years": 12 * n}.get(unit)
        if months is None:  # weeks
            return end - dt.timedelta(weeks=n) + dt.timedelta(days=1), end
        if g["tod"] is None:  # "the 12 months to May": whole months, June to May
            return month_period(*shift_month(end.year, end.month, 1 - months))[0], end
        return add_months(end, -months) + dt.timedelta(days=1), end
    if g["quarter"]:
        if g["qyear"]:
            year = int(g["qyear"])
        elif published is None:
            return None, None
        else:
            rel = (g["qrel"] or "").lower()
            year = published.year - 1 if rel.startswith("last") else published.year
        which = g["qwhich"].lower()
        if g["qunit"].lower() == "half":
            if which == "first":
                return dt.date(year, 1, 1), dt.date(year, 6, 30)
            return dt.date(year, 7, 1), dt.date(year, 12, 31)
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[which]
        if not g["qyear"] and not g["qrel"] and published is not None and dt.date(year, 3 * q - 2, 1) > published:
            year -= 1
        return dt.date(year, 3 * q - 2, 1), month_period(year, 3 * q)[1]
    if g["qq"]:
        q = int(g["qqn"]) if g["qqn"] else {"first": 1, "second": 2, "third": 3, "fourth": 4}[g["qqw"].lower()]
        if g["qqy"]:
            year = int(g["qqy"])
        elif published is None:
            return None, None
        else:
            year = published.year if dt.date(published.year, 3 * q - 2, 1) <= published else published.year - 1
        return dt.date(year, 3 * q - 2, 1), month_period(year, 3 * q)[1]
    if g["sofar"]:
        if published is None:
            return None, None
        return dt.date(published.year, 1, 1), published
    if g["earlier"]:
        return None, None  # resolved against the sentence's other time by the extractor
    if g["span"]:
        n = _count(g["sn"].replace("a few", "few").replace("a couple of", "two"))
        if g["sprep"].lower() in ("within", "inside") and published is not None and n:
            unit = g["sunit"].lower().replace("night", "day")
            return published, _shift(published, unit, -n)
        return None, None
    if g["window"]:
        n = _count(g["wn"])
        unit = g["wunit"].lower()
        which = g["which"].lower()
        if n is None:
            return None, None
        if which in ("first",) and g["wyear"]:
            year = int(g["wyear"])
            start = dt.date(year, 1, 1)
            after = _shift(start, unit, -n)
            return start, after - dt.timedelta(days=1)
        if published is None or which in ("first", "final"):
            return None, None
        if which in ("next", "coming"):
            return published, _shift(published, unit, -n)
        return _shift(published, unit, n), published
    if g["half"]:
        year = int(g["hyear"])
        if g["hwhich"].lower() == "first":
            return dt.date(year, 1, 1), dt.date(year, 6, 30)
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    if g["ago"]:
        n = _count(g["agon"])
        if n is None or published is None:
            return None, None
        day = _shift(published, g["agounit"], n)
        return day, day
    if g["iso"]:
        date = dt.date(int(g["isoy"]), int(g["isom"]), int(g["isod"]))
        return _with_prep(g["p4"], (date, date), published)
    if g["mrange"]:
        first, last = month_number(g["mra"] or g["mrh"]), month_number(g["mrb"])
        if g["mrby"]:
            end_year = int(g["mrby"])
        elif published is None:
            return None, None
        else:
            end_year = published.year if last <= published.month else published.year - 1
        start_year = int(g["mray"]) if g["mray"] else end_year - (1 if first > last else 0)
        return month_period(start_year, first)[0], month_period(end_year, last)[1]
    if g["decade"]:
        decade = int(g["dec"])
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get((g["dmod"] or "").lower(), (0, 9))
        period = dt.date(decade + first, 1, 1), dt.date(decade + last, 12, 31)
        return _with_prep(g["dprep"], period, published)
    if g["fiscal"]:
        return None, None
    if g["mdy"]:
        month = month_number(g["m1"] or g["m2"])
        day = int(re.match(r"\d+", g["d1"] or g["d2"]).group(0))
        if g["y1"]:
            date = dt.date(int(g["y1"]), month, day)
        elif published is not None:
            date = dt.date(published.year, month, day)
            if date > published + dt.timedelta(days=7):
                date = dt.date(published.year - 1, month, day)
        else:
            return None, None
        last = g["d1b"] or g["d2b"]  # "March 3-5", "3-5 March": a span of days
        end = date.replace(day=int(re.match(r"\d+", last).group(0))) if last else date
        return _with_prep(g["p1"], (date, end if end >= date else date), published)
    if g["my"]:
        return _with_prep(g["p2"], month_period(int(g["y2"]), month_number(g["m3"])), published)
    if g["yrange"]:
        return dt.date(int(g["ya"]), 1, 1), dt.date(int(g["yb"]), 12, 31)
    if g["year"]:
        year = int(g["y3"])
        if g["y4"]:
            other = int(g["y4"]) if len(g["y4"]) == 4 else year // 100 * 100 + int(g["y4"])
            return dt.date(year, 1, 1), dt.date(other, 12, 31)
        return _with_prep(g["p3"], _year_period(year), published)
    if g["rel"]:
        if published is None:
            return None, None
        det = g["reldet"].lower()
        unit = g["relunit"].lower()
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[det]
        if unit == "year":
            return _year_period(published.year + step)
        if unit == "month":
            return month_period(*shift_month(published.year, published.month, step))
        if unit == "quarter":
            q = (published.month - 1) // 3 + step
            year = published.year + q // 4
            q %= 4
            return dt.date(year, 3 * q + 1, 1), month_period(year, 3 * q + 3)[1]
        if unit in ("week", "weekend"):
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
            if unit == "weekend":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        target = weekday_number(unit)
        if target is not None:
            monday = published - dt.timedelta(days=published.weekday())
            if det == "this":
                day = monday + dt.timedelta(days=target)
            elif det == "next":
                day = monday + dt.timedelta(days=7 + target)
            else:
                day = published - dt.timedelta(days=(published.weekday() - target) % 7 or 7)
            return day, day
        return _season(unit, det, published)
    if g["month"]:
        month = month_number(g["m4"])
        prep = (g["mprep"] or "").lower()
        if published is None or not (prep or g["mmod"]):
            return None, None
        year = published.year if month <= published.month else published.year - 1
        if prep == "next":
            year = published.year if month > published.month else published.year + 1
        elif prep == "last" and month >= published.month:
            year = published.year - 1
        elif prep in ("from", "by", "until") and 0 < (month - published.month) % 12 <= 6:
            year = published.year + (1 if month < published.month else 0)  # the coming one
        start, end = month_period(year, month)
        if g["mmod"]:
            first_day = {"early": 1, "mid": 15, "late": 21}[g["mmod"].lower()]
            start = dt.date(year, month, first_day)
            end = {"early": dt.date(year, month, 10), "mid": dt.date(year, month, 20), "late": end}[g["mmod"].lower()]
        return _with_prep(prep, (start, end), published)
    if g["wd"]:
        if published is None:
            return None, None
        target = weekday_number(g["wdname"])
        day = published - dt.timedelta(days=(published.weekday() - target) % 7)
        return _with_prep(g["wdprep"], (day, day), published)
    if g["wkend"]:  # "over the weekend": the latest Saturday and Sunday up to publication
        if published is None:
            return None, None
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return saturday, saturday + dt.timedelta(days=1)
    if g["deixis"]:
        if published is None:
            return None, None
        word = g["deixis"].lower()
        day = published - dt.timedelta(days=1) if word == "yesterday" else published
        return day, day
    return None, None


def _season(name: str, det: str, published: dt.date):
    first, last = SEASONS[name]

    def bounds(year):
        if name == "winter":
            return month_period(year, 12)[0], month_period(year + 1, 2)[1]
        return dt.date(year, first, 1), month_period(year, last)[1]

    year = published.year
    start, end = bounds(year)
    if det in ("last", "past"):
        if end >= published:
            start, end = bounds(year - 1)
    elif det == "next" and start <= published:
        start, end = bounds(year + 1)
    return start, end
