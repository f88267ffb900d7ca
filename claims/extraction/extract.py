"""From article text to claim drafts: which quantities are claims, and what they are about."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from .numbers import Quantity, parse_number
from .pipeline import load_nlp, pipe_in_bounded_batches, split_for_model
from .timeexpr import TimeExpr, find_times
from .vocabulary import (
    CALENDAR_UNITS,
    DURATION_UNITS,
    IRREGULAR_SINGULARS,
    Kind,
    Qualifier,
    add_months,
    alternation,
    plural,
    singular,
)


class UnsupportedLanguage(ValueError):
    """The text is not English; extraction knows English number words and grammar only."""


@dataclass(frozen=True)
class ClaimDraft:
    sentence: str
    sentence_start: int
    sentence_end: int
    quote: str
    quote_start: int
    quote_end: int
    value: Decimal | None
    value_low: Decimal | None
    value_high: Decimal | None
    qualifier: str
    unit: str
    kind: str
    time_text: str
    period_start: dt.date | None
    period_end: dt.date | None
    places: tuple[str, ...]
    attribution: str
    label: str
    score: float

    def as_dict(self) -> dict:
        """JSON-ready: decimals as strings, dates ISO, places a list."""

        def num(v):
            return None if v is None else str(v)

        def day(d):
            return None if d is None else d.isoformat()

        return {
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "quote": self.quote,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "value": num(self.value),
            "value_low": num(self.value_low),
            "value_high": num(self.value_high),
            "qualifier": self.qualifier,
            "unit": self.unit,
            "kind": self.kind,
            "time_text": self.time_text,
            "period_start": day(self.period_start),
            "period_end": day(self.period_end),
            "places": list(self.places),
            "attribution": self.attribution,
            "label": self.label,
            "score": self.score,
        }


def extract(text: str, published: dt.date | None = None) -> list[ClaimDraft]:
    """The claims of one article body, in document order; offsets index ``text``."""
    return extract_many([(text, published)])[0]


def extract_many(items: Iterable[tuple[str, dt.date | None]]) -> list[list[ClaimDraft]]:
    """Claims of many articles, parsed together through ``nlp.pipe``; one list per article.

    Every text is checked for language before any is parsed: a non-English text raises
    ``UnsupportedLanguage`` and nothing is returned for the batch.
    """
    # A datetime is a date too, but comparing the two raises: keep only its date.
    items = [
        (text or "", published.date() if isinstance(published, dt.datetime) else published) for text, published in items
    ]
    for text, _ in items:
        if text.strip():
            check_language(text)
    results: list[list[ClaimDraft]] = [[] for _ in items]
    jobs = [
        (i, offset, chunk)
        for i, (text, _) in enumerate(items)
        if text.strip()
        for offset, chunk in split_for_model(text)
    ]
    if not jobs:
        return results
    nlp = load_nlp()
    docs = pipe_in_bounded_batches(nlp, (chunk for _, _, chunk in jobs))
    for (i, offset, _), doc in zip(jobs, docs, strict=False):
        results[i].extend(_claims_in_doc(doc, offset, items[i][1]))
    return results


# ---------------------------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+")
_ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on was with as by at from it be are has have had said not "
    "were this an which or but its their his her they he she we will would been who after than "
    "more about also into over up out one two three new last year years people there".split()
)


def check_language(text: str, sample_chars: int = 20_000) -> None:
    """Raise ``UnsupportedLanguage`` unless ``text`` reads as English.

    Cheap: in a sample from the start and the middle, most letters must be ASCII and English
    function words must be common. Foreign names inside English text pass; short texts with too
    few words to judge pass too.
    """
    sample = text[:sample_chars]
    if len(text) > 2 * sample_chars:
        middle = len(text) // 2
        sample += " " + text[middle : middle + sample_chars]
    words = _WORD_RE.findall(sample)
    if len(words) < 8:
        return
    letters = sum(len(w) for w in words)
    ascii_letters = sum(len(w) for w in words if w.isascii())
    stop = sum(1 for w in words if w.lower() in _ENGLISH_STOPWORDS)
    if ascii_letters / letters < 0.6 or stop / len(words) < 0.08:
        raise UnsupportedLanguage(
            f"text does not look like English ({ascii_letters / letters:.0%} Latin letters, "
            f"{stop / len(words):.0%} English function words); only English is supported"
        )


# ---------------------------------------------------------------------------------------------
# From a parsed doc to claims
# ---------------------------------------------------------------------------------------------

# Entity types whose numbers are part of a name ("Article 5", "Boeing 737", "Apollo 11").
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PERSON"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_NOUNS = frozenset("border crossing checkpoint camp airport port bridge station base border-crossing".split())
# Clause boundaries inside a sentence: each part has its own time and places
# ("… in 2021, up sharply from just 150 last year"; "… 2020, and during the war, …").
_SEGMENT_RE = re.compile(
    r",\s+(?=(?:and|but|while|whereas|although|though|up|down|compared|from|against|versus|vs\.?)\b)"
    r"|;\s|\s[–—]\s|\s-\s"
)
_ORDINAL_FRAME_RE = re.compile(r"\btime\s+$", re.IGNORECASE)  # "for the second time this year"
_DEFINITE_RE = re.compile(r"\b(?:the|these|those|its|their|both|all|his|her|our)\s+$", re.IGNORECASE)
# "a population of 8.8 million", "its population is estimated at 1.43 billion": the count is people.
_POPULATION_BEFORE_RE = re.compile(r"\bpopulation\b[^.;,\d]{0,40}$", re.IGNORECASE)
_TOLL_BEFORE_RE = re.compile(r"\b(?:death\s+)?toll\b[^.;\d]*$", re.IGNORECASE)
# "aged 18 to 24", "aged 65 and over", "at the age of 35": ages bracket people, they are not counts.
_AGED_BEFORE_RE = re.compile(r"\b(?:aged?|ages|age\s+of)\s+$", re.IGNORECASE)
# "children under five", "adults over 65": a bound right after a group of people is their age.
_PEOPLE_BEFORE_RE = re.compile(
    r"\b(?:children|kids|babies|infants|people|adults|men|women|boys|girls|those|anyone|patients|pensioners|"
    r"teenagers|youngsters|drivers|workers|voters)\s+$",
    re.IGNORECASE,
)
# "10-year Treasuries", "the 30-year mortgage rate": a bond's or loan's term names the product.
_TENOR_AFTER_RE = re.compile(
    r"\s+(?:US\s+|U\.S\.\s+|government\s+|fixed[- ]rate\s+)?(?:Treasur(?:y|ies)|bonds?|gilts?|bunds?|notes?|"
    r"yields?|mortgages?|JGBs?|OATs?|BTPs?|swaps?|debt)\b",
    re.IGNORECASE,
)
_AGE_RE = re.compile(r"[- ]?(?:year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_PER_BEFORE_RE = re.compile(r"\b(?:per|every|each)\s+$", re.IGNORECASE)
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
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude\s+$", re.IGNORECASE)
_MAGNITUDE_AFTER_RE = re.compile(r"\s+on\s+the\s+(?:Richter|moment\s+magnitude)\s+scale\b", re.IGNORECASE)
_UNIT_WORDS_RE = re.compile(r"(?:\s+(?:of\s+)?(?:new\s+|more\s+|cubic\s+)?[A-Za-z][\w/-]*)")
# The scales a rate's denominator may name: "per 100,000", "per million", "every 1.5 billion".
_RATE_SCALES = ("thousand", "million", "billion")
_RATE_AFTER_RE = re.compile(
    r"\s*(?:an?\s+(?P<t>day|night|week|month|year|season|hour|minute|second|head|person)\b"
    r"(?!\s+(?:ago|earlier|before|later|after|on))"
    rf"|(?:per|each|every)\s+(?P<d>[\d,.]+(?:\s+(?:{alternation(_RATE_SCALES)}))?|"
    rf"{alternation(['hundred', *_RATE_SCALES])}|[a-z]+)\b)",
    re.IGNORECASE,
)
_OF_NEXT_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|some\s+)?", re.IGNORECASE)
_PER_AFTER_RE = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?per\s+(?:capita|head|day|week|month|year|hour|person|(?:[\d,.]+|one|a|"
    r"hundred|thousand|million)\b)",
    re.IGNORECASE,
)
_AGE_AFTER_RE = re.compile(r"\s*(?:,|\)|\.(?!\d)|$)")  # "Anna Smith, 34, reports", "said Ivan Petrenko, 52."
_SPEECH_LEMMAS = frozenset(
    "say tell report state claim announce estimate add note write confirm warn insist argue "
    "according count record".split()
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+([^,.;:]+)", re.IGNORECASE)
_SAID_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?:said|says|told|reported|stated|estimated)\b")
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _claims_in_doc(doc, offset: int, published: dt.date | None) -> list[ClaimDraft]:
    quantities: list[Quantity] = doc._.quantities or []
    if not quantities:
        return []
    text = doc.text
    times = find_times(text, published)
    time_starts = [t.start for t in times]
    parsed = doc.has_annotation("DEP")
    tagged = doc.has_annotation("TAG")
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    ents = list(doc.ents)  # Doc.ents walks every token: read it once per doc, not per sentence
    ent_starts = [e.start_char for e in ents]
    name_ends = sorted((e.start_char, e.end_char) for e in ents if e.label_ in _NAME_ENTS)
    person_ends = {e.end_char for e in ents if e.label_ == "PERSON"}

    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        k = bisect.bisect_right(sent_starts, q.start) - 1
        by_sentence.setdefault(max(k, 0), []).append(q)

    claims: list[ClaimDraft] = []
    for k, qs in by_sentence.items():
        sent = sents[k]
        s_start, s_end = sent.start_char, sent.end_char
        s_end = max(s_end, max(q.end for q in qs))
        while s_end > s_start and text[s_end - 1].isspace():
            s_end -= 1
        while s_start < s_end and text[s_start].isspace():
            s_start += 1
        lo = bisect.bisect_left(time_starts, s_start)
        hi = bisect.bisect_left(time_starts, s_end)
        sent_times = [t for t in times[lo:hi] if t.end <= s_end]
        # "the highest in more than two decades", "for the first time in three years": the
        # span is the record's length, a fact; it is neither a window nor the claim's time.
        sent_times = _resolve_relative([t for t in sent_times if not _after_superlative(text, s_start, t)])
        kept = [q for q in qs if _is_claim(q, text, sent_times, name_ends, person_ends)]
        if not kept:
            continue
        kept = _with_units(kept, doc, text, sent_times, tagged)
        # "one of them", "no one", "net zero": a bare one or zero counts nothing.
        kept = [q for q in kept if q.text.lower() not in ("one", "zero") or q.unit_stated]
        segments = _segments(text, s_start, s_end)
        attribution = _attribution(sent, text, s_start, s_end, parsed)
        sent_ents = ents[bisect.bisect_left(ent_starts, s_start) : bisect.bisect_left(ent_starts, s_end)]
        places_by_segment = _places(sent, sent_ents, segments, parsed)
        eligible = [t for t in sent_times if _can_be_claim_time(t, text, s_start, kept)]
        for q in kept:
            seg = bisect.bisect_right(segments, q.start) - 1
            t = _time_for(q, text, eligible, kept, segments, seg)
            places = places_by_segment.get(seg, ())
            claims.append(_draft(q, text, offset, s_start, s_end, t, places, attribution))
    claims.sort(key=lambda c: c.quote_start)
    return claims


def _is_claim(q: Quantity, text: str, sent_times: list[TimeExpr], name_ents, person_ends) -> bool:
    # A number inside a time window belongs to that window ("over the last 24 hours"), unless
    # it is an adjectival duration describing an event: "during the six-week war".
    adjectival = "-" in text[q.number_end : q.end] and q.kind in (Kind.DURATION, Kind.MEASURE)
    for t in sent_times:
        if adjectival or not (q.start < t.end and t.start < q.end):
            continue
        if t.start <= q.start and q.end <= t.end:
            return False
        # Overlap without containment: the regexes disagree on a boundary; the time phrase
        # wins when the quantity is only a bare number.
        if q.qualifier == Qualifier.EXACT and not q.unit:
            return False
    i = bisect.bisect_left(name_ents, (q.start, q.start)) - 1
    for s, e in name_ents[max(i, 0) : i + 3]:
        if s < q.start < e or (s < q.end <= e and s < q.start):
            return False
    if q.kind in (Kind.COUNT, Kind.DURATION) and _AGED_BEFORE_RE.search(text, max(0, q.start - 8), q.start):
        return False
    if (
        q.qualifier in (Qualifier.LESS_THAN, Qualifier.MORE_THAN)
        and q.kind == Kind.COUNT
        and not q.unit_stated
        and q.value is not None
        and q.value <= 120
        and _PEOPLE_BEFORE_RE.search(text, max(0, q.start - 14), q.start)
    ):
        return False  # "children under five", "adults over 65"
    if q.kind == Kind.DURATION and "-" in text[q.number_end : q.end] and _TENOR_AFTER_RE.match(text, q.end):
        return False  # "10-year Treasuries", "30-year mortgage"
    if _PER_BEFORE_RE.search(text, max(0, q.start - 12), q.start):
        return False  # the denominator of a rate: "12 cases per 100,000"
    if q.kind == Kind.DURATION and _AGE_RE.match(text, q.number_end):
        return False  # a person's age describes them, it is not a checkable quantity: "a 42-year-old man"
    if (
        q.value is not None
        and q.value <= 120
        and not q.unit
        and q.kind == Kind.COUNT
        and _AGE_AFTER_RE.match(text, q.end)
    ):
        before = text[max(0, q.start - 3) : q.start]
        comma = before.rfind(",")
        if comma != -1 and (q.start - 3 + comma) in person_ends:
            return False  # a byline age: "Anna Smith, 34, reports"
    return True


def _with_units(qs: list[Quantity], doc, text: str, sent_times, tagged: bool) -> list[Quantity]:
    """Units from the parse where it helps; rates; carry a unit over to later bare numbers."""
    units: list[tuple[str, str, bool]] = []
    for q in qs:
        unit, kind, stated = q.unit, q.kind, q.unit_stated
        hyphenated = "-" in text[q.number_end : q.end]
        if _MAGNITUDE_BEFORE_RE.search(text, max(0, q.start - 12), q.start) or _MAGNITUDE_AFTER_RE.match(text, q.end):
            unit, kind, stated = "magnitude", Kind.MEASURE, True  # "a magnitude 7.4 quake"
        elif tagged and kind in (Kind.COUNT, Kind.SHARE) and not hyphenated:
            noun = _counted_noun(doc, q, sent_times)
            if noun == "other":
                noun = None  # "two others": the unit of an earlier number, carried over below
            if noun is not None:
                unit, stated = noun, True
            elif kind == Kind.COUNT:
                unit, stated = "", False
        if unit == "basis point":
            kind = Kind.PERCENT
        if kind == Kind.SHARE:
            unit = ""  # a share's denominator is the whole, not a unit ("a third of voters")
        if kind in (Kind.COUNT, Kind.MEASURE) and unit and not hyphenated:
            rate = _rate_denominator(text, q.end, unit)
            if rate:
                unit = f"{unit} per {rate}"
        elif kind == Kind.COUNT and not unit and _PER_AFTER_RE.match(text, q.end):
            # "the murder rate fell to 5.1 per 100,000 residents": a rate whose counted noun is
            # named before the number, if at all; the unit says what it is per.
            rate = _rate_denominator(text, q.end, "")
            if rate:
                unit, stated = f"per {rate}", True
        if " per " in unit or unit.startswith("per "):
            kind = Kind.RATE
        if kind == Kind.COUNT and not unit and _TOLL_BEFORE_RE.search(text, max(0, q.start - 80), q.start):
            unit, stated = "death", True  # "the death toll rose to 2,300": the toll counts deaths
        elif kind == Kind.COUNT and not unit and _POPULATION_BEFORE_RE.search(text, max(0, q.start - 50), q.start):
            unit, stated = "people", True
        units.append((unit, kind, stated))
    # "13 of 15 drones", "200 of the 1,600 residents": the first number counts the second's unit.
    for i in range(len(qs) - 2, -1, -1):
        gap_end = qs[i + 1].start
        if (
            not units[i][2]
            and units[i][1] == Kind.COUNT
            and gap_end - qs[i].end < 20
            and _OF_NEXT_RE.fullmatch(text, qs[i].end, gap_end)
        ):
            units[i] = (units[i + 1][0], units[i + 1][1], True)
    out: list[Quantity] = []
    for q, (unit, kind, stated) in zip(qs, units, strict=False):
        if not stated and not unit and kind == Kind.COUNT:
            for prev in reversed(out):
                if prev.unit and prev.kind in (Kind.COUNT, Kind.MONEY):
                    unit, kind = prev.unit, prev.kind
                    break
        out.append(replace(q, unit=unit, kind=kind, unit_stated=stated))
    return out


def _rate_denominator(text: str, end: int, unit: str) -> str:
    """ "people a day" -> "day", "cases per 100,000" -> "100000", "deaths per million" -> "1000000"."""
    m = _UNIT_WORDS_RE.match(text, end)
    for position in (m.end(), end) if m else (end,):
        r = _RATE_AFTER_RE.match(text, position)
        if not r:
            continue
        if r.group("t"):
            return r.group("t").lower()
        d = r.group("d")
        value = parse_number(("one " + d) if d.lower() in ("hundred", *_RATE_SCALES) else d)
        if value is not None:
            return str(value)
        if d.lower() in ("capita", "head"):
            return "person"
        return singular(d)
    return ""


_FUNCTION_WORDS_AFTER_NUMBER = frozenset({"of", "the", "their", "its", "these", "those", "his", "her"})
_SKIPPABLE_ADJECTIVES = frozenset({"other", "more", "additional", "new", "further", "extra", "remaining"})


def _counted_noun(doc, q: Quantity, sent_times) -> str | None:
    span = doc.char_span(q.start, q.number_end or q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = None
    last = span[-1]
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.tag_ == "NNS" and following.pos_ == "NOUN":
        noun = following  # "3.4 million households lack internet access": a plural right after counts
    elif (
        last.dep_ in ("nummod", "quantmod", "compound")
        and last.i < last.head.i <= last.i + 4
        and last.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = last.head
    else:
        i = span.end
        skipped = 0
        while i < len(doc) and skipped < 4:
            tok = doc[i]
            if tok.lower_ in _FUNCTION_WORDS_AFTER_NUMBER and skipped == 0:
                i += 1
                skipped += 1
                continue
            modifier = tok.lower_ in _SKIPPABLE_ADJECTIVES or (
                tok.tag_ in ("JJ", "VBN", "VBG") and tok.pos_ in ("ADJ", "VERB")
            )
            if modifier and i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
                i += 1
                skipped += 1
                continue
            if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and (tok.tag_ == "NNPS" or tok.ent_type_ == "NORP")):
                noun = tok
            break
    if noun is None:
        return None
    # From a modifier to the noun it modifies: "asylum seekers", "Abrams tanks".
    while (
        noun.dep_ == "compound"
        and noun.i < noun.head.i <= noun.i + 3
        and noun.head.pos_ in ("NOUN", "PROPN")
        and not (noun.tag_ == "NNS" and noun.head.tag_ == "NN")
    ):
        noun = noun.head  # but a plural does not modify a singular: "households lack internet access"
    if noun.pos_ == "PROPN" and noun.tag_ != "NNPS" and noun.ent_type_ != "NORP":
        return None
    if any(t.start <= noun.idx < t.end for t in sent_times) or noun.lower_ in DURATION_UNITS:
        return None
    if noun.pos_ == "NOUN" and noun.lower_ not in IRREGULAR_SINGULARS:
        lemma = noun.lemma_.lower()
    else:
        lemma = singular(noun.text)
    if lemma in ("person", "persons"):
        lemma = "people"
    compounds = []
    j = noun.i - 1
    while (
        j >= 0
        and doc[j].dep_ == "compound"
        and doc[j].head.i == noun.i
        and doc[j].pos_ == "NOUN"
        and doc[j].text.islower()
    ):
        compounds.insert(0, doc[j].lower_)
        j -= 1
    return " ".join(compounds + [lemma])


def _segments(text: str, start: int, end: int) -> list[int]:
    return [start] + [m.end() for m in _SEGMENT_RE.finditer(text, start, end)]


def _after_superlative(text: str, s_start: int, t: TimeExpr) -> bool:
    m = _SUPERLATIVE_RE.search(text, max(s_start, t.start - 40), t.start)
    return bool(m) and not any(ch.isdigit() for ch in m.group(0))


def _resolve_relative(times: list[TimeExpr]) -> list[TimeExpr]:
    """ "a year earlier" after "in April" is April a year before; "the same period last year"
    after "since January" is that span a year before."""
    out: list[TimeExpr] = []
    for t in times:
        if t.relative:
            base = next((b for b in reversed(out) if b.period_start or b.period_end), None)
            if base is None:
                continue
            words = t.text.lower().split()
            unit = "month" if "month" in words else "week" if "week" in words else "year"
            t = TimeExpr(
                t.start, t.end, t.text, _step_back(base.period_start, unit), _step_back(base.period_end, unit), True
            )
        out.append(t)
    return out


def _step_back(day: dt.date | None, unit: str) -> dt.date | None:
    """The same day one week, month or year earlier (clamped to the month's length)."""
    if day is None:
        return None
    if unit == "week":
        return day - dt.timedelta(weeks=1)
    return add_months(day, -1 if unit == "month" else -12)


def _can_be_claim_time(t: TimeExpr, text: str, s_start: int, qs: list[Quantity]) -> bool:
    """Times that frame something else are not a quantity's time: "for the second time this
    year" (an ordinal), "officials said on Sunday" (when it was said), "up 40% from 2021" and
    "compared with the same period of 2019" (a comparison's baseline)."""
    window_start = max(s_start, t.start - 40)
    if _ORDINAL_FRAME_RE.search(text, max(s_start, t.start - 8), t.start):
        return False
    if _SPEECH_BEFORE_RE.search(text, window_start, t.start):
        return False
    previous = [q for q in qs if q.end <= t.start]
    since = max(previous[-1].end, window_start) if previous else window_start
    if (
        previous
        and previous[-1].kind in (Kind.PERCENT, Kind.RATIO, Kind.SHARE)
        and (_BASELINE_RE.search(text, since, t.start) or _BASELINE_TIME_RE.match(t.text))
    ):
        return False
    return not _COMPARISON_RE.search(text, since, t.start)


def _time_for(q: Quantity, text, times, qs, segments, seg) -> TimeExpr | None:
    """The quantity's own time: the next time in its clause unless a clause break and another
    quantity come first, else the last time before it in the clause, else the time of the
    nearest earlier clause (the sentence's frame). A number inside a time phrase ("during the
    six-week war") gets none: the phrase is where it lives."""
    if any(t.start <= q.start and q.end <= t.end for t in times):
        return None
    for k in range(seg, -1, -1):
        seg_start = segments[k]
        seg_end = segments[k + 1] if k + 1 < len(segments) else float("inf")
        own = [t for t in times if seg_start <= t.start < seg_end]
        if not own:
            continue
        if k < seg:
            return own[-1]
        others = [
            o
            for o in qs
            if o is not q
            and seg_start <= o.start < seg_end
            and not any(t.start <= o.start and o.end <= t.end for t in own)
        ]
        after = [t for t in own if t.start >= q.end]
        if after:
            t = after[0]
            between = [o for o in others if q.end <= o.start < t.start]
            if not between or "," not in text[q.end : between[0].start]:
                return t
        before = [t for t in own if t.end <= q.start]
        if before:
            return before[-1]
    return None


def _places(sent, sent_ents, segments: list[int], parsed: bool) -> dict[int, tuple[str, ...]]:
    """Places named in each segment of the sentence.

    GPE/LOC/FAC entities, plus names the tagger missed before a place noun ("Bruzgi border
    crossing" gives Bruzgi; "Belarusian-EU border" is itself the place). Not places: a country
    acting as the subject ("Moscow has amassed", "Azerbaijan retook") and an origin ("refugees
    from the Middle East"). The most specific place comes first.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}

    def add(char: int, rank: int, name: str):
        seg = bisect.bisect_right(segments, char) - 1
        found.setdefault(seg, []).append((rank, char, name))

    doc = sent.doc
    for ent in sent_ents:
        if ent.label_ not in _PLACE_ENTS:
            continue
        root = ent.root
        if parsed:
            if root.dep_ in ("nsubj", "nsubjpass") and ent.label_ == "GPE":
                continue
            if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN"):
                continue
        add(ent.start_char, 1 if ent.label_ == "FAC" else 2, _DETERMINER_RE.sub("", ent.text))
    if parsed:
        for tok in sent:
            if tok.lower_ not in _PLACE_NOUNS or tok.i == sent.start:
                continue
            j = tok.i - 1
            while j >= sent.start and doc[j].lower_ in _PLACE_NOUNS:
                j -= 1
            k = j
            while (
                k >= sent.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
            ):
                k -= 1
            if k == j:
                continue
            if k >= sent.start + 1 and doc[k].text == "-" and doc[k - 1].pos_ in ("PROPN", "ADJ"):
                first = doc[k - 1]
                add(first.idx, 0, doc[k - 1 : tok.i + 1].text)
            else:
                add(doc[k + 1].idx, 0, doc[k + 1 : j + 1].text)
    out = {}
    for seg, items in found.items():
        seen: list[str] = []
        for _, _, name in sorted(items):
            if name.lower() not in (s.lower() for s in seen):
                seen.append(name)
        out[seg] = tuple(seen)
    return out


def _attribution(sent, text: str, s_start: int, s_end: int, parsed: bool) -> str:
    m = _ACCORDING_RE.search(text, s_start, s_end)
    if m:
        return _clean_source(m.group(1))
    if parsed:
        for tok in sent:
            if tok.lemma_ in _SPEECH_LEMMAS and tok.pos_ == "VERB":
                for child in tok.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON":
                        source = sent.doc[child.left_edge.i : child.i + 1]
                        if any(t.like_num or t.lower_ in ("%", "cent", "percent") for t in source):
                            continue  # "3 per cent of respondents said": a finding, not a source
                        return _clean_source(source.text)
        return ""
    m = _SAID_RE.search(text, s_start, s_end)
    return _clean_source(m.group(1)) if m else ""


def _clean_source(source: str) -> str:
    return _DETERMINER_RE.sub("", " ".join(source.split())).strip(" \"“”'’")


def _draft(q: Quantity, text, offset, s_start, s_end, t: TimeExpr | None, places, attribution) -> ClaimDraft:
    time_text = t.text if t else ""
    p_start = t.period_start if t else None
    p_end = t.period_end if t else None
    label = _label(q, time_text, p_start, p_end, places)
    score = _score(q, text, bool(t), places, attribution)
    return ClaimDraft(
        sentence=text[s_start:s_end],
        sentence_start=offset + s_start,
        sentence_end=offset + s_end,
        quote=q.text,
        quote_start=offset + q.start,
        quote_end=offset + q.end,
        value=q.value,
        value_low=q.value_low,
        value_high=q.value_high,
        qualifier=q.qualifier,
        unit=q.unit,
        kind=q.kind,
        time_text=time_text,
        period_start=p_start,
        period_end=p_end,
        places=tuple(places),
        attribution=attribution,
        label=label,
        score=score,
    )


# The kinds whose label names the unit after the number ("3,000 migrants"); money, percent and
# ratio quotes carry theirs in the number already ("$5m", "40%", "twice").
_KINDS_NAMING_A_UNIT = (Kind.COUNT, Kind.DURATION, Kind.MEASURE, Kind.RATE, Kind.SHARE)


def _label(q: Quantity, time_text, p_start, p_end, places) -> str:
    head = q.text
    if q.unit and q.kind in _KINDS_NAMING_A_UNIT and q.unit.lower() not in q.text.lower():
        joiner = " of " if q.qualifier == Qualifier.VAGUE and q.text.lower().endswith("s") else " "
        head += joiner + (plural(q.unit) if q.kind == Kind.COUNT and q.value != 1 else q.unit)
    parts = [head]
    if p_start and p_end and p_start.month == 1 and p_start.day == 1 and p_end == dt.date(p_start.year, 12, 31):
        parts.append(str(p_start.year))
    elif time_text:
        parts.append(" ".join(time_text.split()))
    if places:
        parts.append(places[0])
    return " · ".join(parts)


def _score(q: Quantity, text: str, has_time: bool, places, attribution) -> float:
    """How check-worthy: specific, attributed, large or contested numbers score higher."""
    score = 0.35
    if attribution:
        score += 0.15
    if has_time:
        score += 0.1
    if places:
        score += 0.1
    magnitude = q.value if q.value is not None else (q.value_high or q.value_low or Decimal(0))
    if q.kind in (Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.RATIO, Kind.SHARE):
        score += 0.15
    elif abs(magnitude) >= 1000:
        score += 0.15
    elif abs(magnitude) >= 100:
        score += 0.1
    if q.qualifier != Qualifier.EXACT:  # a bound, an approximation, a range or a vague magnitude
        score += 0.05
    if q.kind == Kind.DURATION:
        score -= 0.1
    if q.kind == Kind.COUNT and _DEFINITE_RE.search(text, max(0, q.start - 8), q.start):
        score -= 0.25  # "the three countries" refers back; it asserts little
    return round(min(1.0, max(0.05, score)), 2)
