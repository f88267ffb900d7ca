"""From article text to claim drafts: which quantities are claims, and what they are about."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, NamedTuple

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

        def num(value):
            return None if value is None else str(value)

        def day(date):
            return None if date is None else date.isoformat()

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
    letters = sum(len(word) for word in words)
    ascii_letters = sum(len(word) for word in words if word.isascii())
    stop = sum(1 for word in words if word.lower() in _ENGLISH_STOPWORDS)
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


@dataclass(frozen=True)
class _Chunk:
    """A parsed piece of an article and what every sentence in it reads, computed once."""

    doc: Any  # spacy.tokens.Doc; typed loosely so that importing this module needs no spaCy
    text: str  # doc.text, which spaCy joins anew at every read
    offset: int  # where the piece starts in the article
    parsed: bool  # a dependency parse is there (not the rules-only pipeline)
    tagged: bool  # part-of-speech tags are there
    times: list[TimeExpr]
    time_starts: list[int]
    entities: list[Any]
    entity_starts: list[int]
    name_spans: list[tuple[int, int]]  # entities whose numbers are part of a name
    person_ends: set[int]

    @classmethod
    def read(cls, doc, offset: int, published: dt.date | None) -> _Chunk:
        text = doc.text
        times = find_times(text, published)
        entities = list(doc.ents)  # Doc.ents walks every token: read it once per doc, not per sentence
        names = [entity for entity in entities if entity.label_ in _NAME_ENTS]
        return cls(
            doc=doc,
            text=text,
            offset=offset,
            parsed=doc.has_annotation("DEP"),
            tagged=doc.has_annotation("TAG"),
            times=times,
            time_starts=[time.start for time in times],
            entities=entities,
            entity_starts=[entity.start_char for entity in entities],
            name_spans=sorted((name.start_char, name.end_char) for name in names),
            person_ends={entity.end_char for entity in entities if entity.label_ == "PERSON"},
        )


@dataclass(frozen=True)
class _Sentence:
    """What a sentence's claims share: its span (trimmed of spaces), its times (relative ones
    resolved, record lengths left out) and where its clauses start."""

    text: str  # the chunk's text, which ``start`` and ``end`` index
    start: int
    end: int
    times: list[TimeExpr]
    segments: list[int]

    def segment_of(self, position: int) -> int:
        """The index of the clause holding ``position``."""
        return bisect.bisect_right(self.segments, position) - 1


def _claims_in_doc(doc, offset: int, published: dt.date | None) -> list[ClaimDraft]:
    """The claims of one parsed chunk, in text order; ``offset`` places the chunk in the article."""
    quantities: list[Quantity] = doc._.quantities or []
    if not quantities:
        return []
    chunk = _Chunk.read(doc, offset, published)
    sentences = list(doc.sents)
    sentence_starts = [sentence.start_char for sentence in sentences]
    by_sentence: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        index = bisect.bisect_right(sentence_starts, quantity.start) - 1
        by_sentence.setdefault(max(index, 0), []).append(quantity)
    claims: list[ClaimDraft] = []
    for index, in_sentence in by_sentence.items():
        claims.extend(_claims_in_sentence(chunk, sentences[index], in_sentence))
    claims.sort(key=lambda claim: claim.quote_start)
    return claims


def _claims_in_sentence(chunk: _Chunk, span, quantities: list[Quantity]) -> list[ClaimDraft]:
    """The drafts of the quantities in one sentence (``span``) that are claims."""
    sentence = _sentence(chunk, span, quantities)
    kept = [quantity for quantity in quantities if _is_claim(quantity, chunk, sentence.times)]
    if not kept:
        return []
    kept = _with_units(kept, chunk, sentence.times)
    # "one of them", "no one", "net zero": a bare one or zero counts nothing.
    kept = [quantity for quantity in kept if quantity.text.lower() not in ("one", "zero") or quantity.unit_stated]
    attribution = _attribution(span, chunk.text, sentence.start, sentence.end, parsed=chunk.parsed)
    entities = chunk.entities[
        bisect.bisect_left(chunk.entity_starts, sentence.start) : bisect.bisect_left(chunk.entity_starts, sentence.end)
    ]
    places_by_segment = _places(span, entities, sentence.segments, parsed=chunk.parsed)
    eligible = [time for time in sentence.times if _can_be_claim_time(time, chunk.text, sentence.start, kept)]
    return [
        _draft(
            quantity,
            sentence,
            time=_time_for(quantity, sentence, times=eligible, quantities=kept),
            places=places_by_segment.get(sentence.segment_of(quantity.start), ()),
            attribution=attribution,
            offset=chunk.offset,
        )
        for quantity in kept
    ]


def _sentence(chunk: _Chunk, span, quantities: list[Quantity]) -> _Sentence:
    """The sentence ``span``, stretched over its quantities and trimmed of surrounding spaces."""
    text = chunk.text
    start, end = span.start_char, max(span.end_char, max(quantity.end for quantity in quantities))
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    first, last = bisect.bisect_left(chunk.time_starts, start), bisect.bisect_left(chunk.time_starts, end)
    times = [time for time in chunk.times[first:last] if time.end <= end]
    # "the highest in more than two decades", "for the first time in three years": the
    # span is the record's length, a fact; it is neither a window nor the claim's time.
    times = _resolve_relative([time for time in times if not _after_superlative(text, start, time)])
    return _Sentence(text=text, start=start, end=end, times=times, segments=_segments(text, start, end))


# ---------------------------------------------------------------------------------------------
# Which quantities are claims
# ---------------------------------------------------------------------------------------------


def _is_claim(quantity: Quantity, chunk: _Chunk, times: list[TimeExpr]) -> bool:
    """A quantity is a claim unless it belongs to a time phrase or a name, gives an age or an age
    bracket, names a bond's term, or is the denominator of a rate."""
    text = chunk.text
    return not (
        _belongs_to_time(quantity, text, times)
        or _inside_name(quantity, chunk.name_spans)
        or _gives_an_age(quantity, text, chunk.person_ends)
        or _names_a_bond_term(quantity, text)
        or _PER_BEFORE_RE.search(text, max(0, quantity.start - 12), quantity.start)  # "12 cases per 100,000"
    )


def _names_a_bond_term(quantity: Quantity, text: str) -> bool:
    """ "10-year Treasuries", "the 30-year mortgage rate": the term names the product."""
    return bool(
        quantity.kind == Kind.DURATION and _hyphenated(quantity, text) and _TENOR_AFTER_RE.match(text, quantity.end)
    )


def _hyphenated(quantity: Quantity, text: str) -> bool:
    """ "six-week", "10-year": a unit glued on with a hyphen."""
    return "-" in text[quantity.number_end : quantity.end]


def _belongs_to_time(quantity: Quantity, text: str, times: list[TimeExpr]) -> bool:
    """A number inside a time window belongs to that window ("over the last 24 hours"), unless
    it is an adjectival duration describing an event: "during the six-week war"."""
    if _hyphenated(quantity, text) and quantity.kind in (Kind.DURATION, Kind.MEASURE):
        return False
    for time in times:
        if not (quantity.start < time.end and time.start < quantity.end):
            continue
        if time.start <= quantity.start and quantity.end <= time.end:
            return True
        # Overlap without containment: the regexes disagree on a boundary; the time phrase
        # wins when the quantity is only a bare number.
        if quantity.qualifier == Qualifier.EXACT and not quantity.unit:
            return True
    return False


def _inside_name(quantity: Quantity, name_spans: list[tuple[int, int]]) -> bool:
    """ "Article 5", "Boeing 737", "Apollo 11": the parser's entities that include the number."""
    start, end = quantity.start, quantity.end
    i = bisect.bisect_left(name_spans, (start, start)) - 1
    for name_start, name_end in name_spans[max(i, 0) : i + 3]:
        if name_start < start < name_end or (name_start < end <= name_end and name_start < start):
            return True
    return False


def _gives_an_age(quantity: Quantity, text: str, person_ends: set[int]) -> bool:
    """ "aged 18 to 24", "children under five", "a 42-year-old man", "Anna Smith, 34, reports":
    ages describe people, they are not checkable quantities."""
    start, value = quantity.start, quantity.value
    if quantity.kind in (Kind.COUNT, Kind.DURATION) and _AGED_BEFORE_RE.search(text, max(0, start - 8), start):
        return True
    bare_small_count = quantity.kind == Kind.COUNT and value is not None and value <= 120
    if (
        bare_small_count
        and quantity.qualifier in (Qualifier.LESS_THAN, Qualifier.MORE_THAN)
        and not quantity.unit_stated
        and _PEOPLE_BEFORE_RE.search(text, max(0, start - 14), start)
    ):
        return True  # "children under five", "adults over 65"
    if quantity.kind == Kind.DURATION and _AGE_RE.match(text, quantity.number_end):
        return True
    if bare_small_count and not quantity.unit and _AGE_AFTER_RE.match(text, quantity.end):
        comma = text[max(0, start - 3) : start].rfind(",")
        return comma != -1 and (start - 3 + comma) in person_ends  # a byline age
    return False


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------


class _Unit(NamedTuple):
    unit: str
    kind: str
    stated: bool  # the text names it next to the number (not carried over from another number)


def _with_units(quantities: list[Quantity], chunk: _Chunk, times: list[TimeExpr]) -> list[Quantity]:
    """Units from the parse where it helps; rates; carry a unit over to later bare numbers."""
    units = [_unit_of(quantity, chunk, times) for quantity in quantities]
    # "13 of 15 drones", "200 of the 1,600 residents": the first number counts the second's unit.
    for i in range(len(quantities) - 2, -1, -1):
        gap_start, gap_end = quantities[i].end, quantities[i + 1].start
        if (
            not units[i].stated
            and units[i].kind == Kind.COUNT
            and gap_end - gap_start < 20
            and _OF_NEXT_RE.fullmatch(chunk.text, gap_start, gap_end)
        ):
            units[i] = _Unit(units[i + 1].unit, units[i + 1].kind, True)
    out: list[Quantity] = []
    for quantity, (unit, kind, stated) in zip(quantities, units, strict=False):
        if not stated and not unit and kind == Kind.COUNT:  # "two others": the unit of an earlier number
            for previous in reversed(out):
                if previous.unit and previous.kind in (Kind.COUNT, Kind.MONEY):
                    unit, kind = previous.unit, previous.kind
                    break
        out.append(replace(quantity, unit=unit, kind=kind, unit_stated=stated))
    return out


def _unit_of(quantity: Quantity, chunk: _Chunk, times: list[TimeExpr]) -> _Unit:
    """The quantity's own unit: from the parse, a magnitude scale, a rate, a toll or a population."""
    text = chunk.text
    unit = _Unit(quantity.unit, quantity.kind, quantity.unit_stated)
    hyphenated = _hyphenated(quantity, text)
    start = quantity.start
    if _MAGNITUDE_BEFORE_RE.search(text, max(0, start - 12), start) or _MAGNITUDE_AFTER_RE.match(text, quantity.end):
        unit = _Unit("magnitude", Kind.MEASURE, True)  # "a magnitude 7.4 quake"
    elif chunk.tagged and unit.kind in (Kind.COUNT, Kind.SHARE) and not hyphenated:
        noun = _counted_noun(chunk.doc, quantity, times)
        if noun is not None and noun != "other":  # "two others": carried over from an earlier number
            unit = unit._replace(unit=noun, stated=True)
        elif unit.kind == Kind.COUNT:
            unit = _Unit("", unit.kind, False)
    if unit.unit == "basis point":
        unit = unit._replace(kind=Kind.PERCENT)
    if unit.kind == Kind.SHARE:
        unit = unit._replace(unit="")  # a share's denominator is the whole, not a unit ("a third of voters")
    unit = _as_rate(quantity, text, unit, hyphenated=hyphenated)
    if unit.kind == Kind.COUNT and not unit.unit:
        if _TOLL_BEFORE_RE.search(text, max(0, start - 80), start):
            return _Unit("death", unit.kind, True)  # "the death toll rose to 2,300": the toll counts deaths
        if _POPULATION_BEFORE_RE.search(text, max(0, start - 50), start):
            return _Unit("people", unit.kind, True)
    return unit


def _as_rate(quantity: Quantity, text: str, unit: _Unit, *, hyphenated: bool) -> _Unit:
    """ "40 people a day", "12 cases per 100,000": the unit with what it is per, kind rate."""
    name, kind, stated = unit
    if kind in (Kind.COUNT, Kind.MEASURE) and name and not hyphenated:
        rate = _rate_denominator(text, quantity.end)
        if rate:
            name = f"{name} per {rate}"
    elif kind == Kind.COUNT and not name and _PER_AFTER_RE.match(text, quantity.end):
        # "the murder rate fell to 5.1 per 100,000 residents": a rate whose counted noun is
        # named before the number, if at all; the unit says what it is per.
        rate = _rate_denominator(text, quantity.end)
        if rate:
            name, stated = f"per {rate}", True
    if " per " in name or name.startswith("per "):
        kind = Kind.RATE
    return _Unit(name, kind, stated)


def _rate_denominator(text: str, end: int) -> str:
    """ "people a day" -> "day", "cases per 100,000" -> "100000", "deaths per million" -> "1000000"."""
    unit_words = _UNIT_WORDS_RE.match(text, end)
    for position in (unit_words.end(), end) if unit_words else (end,):
        rate = _RATE_AFTER_RE.match(text, position)
        if not rate:
            continue
        if rate.group("t"):
            return rate.group("t").lower()
        denominator = rate.group("d")
        scale_alone = denominator.lower() in ("hundred", *_RATE_SCALES)  # "per million": per one million
        value = parse_number(("one " + denominator) if scale_alone else denominator)
        if value is not None:
            return str(value)
        if denominator.lower() in ("capita", "head"):
            return "person"
        return singular(denominator)
    return ""


_FUNCTION_WORDS_AFTER_NUMBER = frozenset({"of", "the", "their", "its", "these", "those", "his", "her"})
_SKIPPABLE_ADJECTIVES = frozenset({"other", "more", "additional", "new", "further", "extra", "remaining"})


def _counted_noun(doc, quantity: Quantity, times: list[TimeExpr]) -> str | None:
    """What a count counts, from the parse: the plural after it, the noun it modifies or the
    first noun after a few function words and adjectives, with its compound modifiers ("asylum
    seekers"); None for a name, a unit of time, or a noun inside a time phrase."""
    span = doc.char_span(quantity.start, quantity.number_end or quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = _counted_token(doc, span)
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
    if any(time.start <= noun.idx < time.end for time in times) or noun.lower_ in DURATION_UNITS:
        return None
    return _noun_unit(doc, noun)


def _counted_token(doc, span):
    """The token a number (``span``) counts, before following compounds; None if there is none."""
    last = span[-1]
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.tag_ == "NNS" and following.pos_ == "NOUN":
        return following  # "3.4 million households lack internet access": a plural right after counts
    if (
        last.dep_ in ("nummod", "quantmod", "compound")
        and last.i < last.head.i <= last.i + 4
        and last.head.pos_ in ("NOUN", "PROPN")
    ):
        return last.head
    i = span.end
    skipped = 0
    while i < len(doc) and skipped < 4:
        token = doc[i]
        if token.lower_ in _FUNCTION_WORDS_AFTER_NUMBER and skipped == 0:
            i += 1
            skipped += 1
            continue
        modifier = token.lower_ in _SKIPPABLE_ADJECTIVES or (
            token.tag_ in ("JJ", "VBN", "VBG") and token.pos_ in ("ADJ", "VERB")
        )
        if modifier and i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
            i += 1
            skipped += 1
            continue
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and (token.tag_ == "NNPS" or token.ent_type_ == "NORP")):
            return token
        return None
    return None


def _noun_unit(doc, noun) -> str:
    """The unit a counted noun names: its singular, after the lower-case nouns compounding it."""
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


# ---------------------------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------------------------


def _segments(text: str, start: int, end: int) -> list[int]:
    return [start] + [boundary.end() for boundary in _SEGMENT_RE.finditer(text, start, end)]


def _after_superlative(text: str, sentence_start: int, time: TimeExpr) -> bool:
    superlative = _SUPERLATIVE_RE.search(text, max(sentence_start, time.start - 40), time.start)
    return bool(superlative) and not any(char.isdigit() for char in superlative.group(0))


def _resolve_relative(times: list[TimeExpr]) -> list[TimeExpr]:
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


def _can_be_claim_time(time: TimeExpr, text: str, sentence_start: int, quantities: list[Quantity]) -> bool:
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


def _time_for(
    quantity: Quantity, sentence: _Sentence, *, times: list[TimeExpr], quantities: list[Quantity]
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


# ---------------------------------------------------------------------------------------------
# Places and sources
# ---------------------------------------------------------------------------------------------


def _places(span, entities, segments: list[int], *, parsed: bool) -> dict[int, tuple[str, ...]]:
    """Places named in each segment of the sentence ``span``.

    GPE/LOC/FAC entities, plus names the tagger missed before a place noun ("Bruzgi border
    crossing" gives Bruzgi; "Belarusian-EU border" is itself the place). Not places: a country
    acting as the subject ("Moscow has amassed", "Azerbaijan retook") and an origin ("refugees
    from the Middle East"). The most specific place comes first.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    places = list(_entity_places(entities, parsed=parsed))
    if parsed:
        places += _places_before_place_nouns(span)
    for char, rank, name in places:
        segment = bisect.bisect_right(segments, char) - 1
        found.setdefault(segment, []).append((rank, char, name))
    out = {}
    for segment, items in found.items():
        seen: list[str] = []
        for _, _, name in sorted(items):
            if name.lower() not in (known.lower() for known in seen):
                seen.append(name)
        out[segment] = tuple(seen)
    return out


def _entity_places(entities, *, parsed: bool):
    """(character, rank, name) of the place entities that are where something happened."""
    for entity in entities:
        if entity.label_ not in _PLACE_ENTS:
            continue
        root = entity.root
        if parsed:
            if root.dep_ in ("nsubj", "nsubjpass") and entity.label_ == "GPE":
                continue
            if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN"):
                continue
        yield entity.start_char, 1 if entity.label_ == "FAC" else 2, _DETERMINER_RE.sub("", entity.text)


def _places_before_place_nouns(span) -> list[tuple[int, int, str]]:
    """(character, rank 0, name) of the proper nouns right before a place noun: "Bruzgi border
    crossing" gives "Bruzgi", "Belarusian-EU border" the whole phrase."""
    doc = span.doc
    out = []
    for token in span:
        if token.lower_ not in _PLACE_NOUNS or token.i == span.start:
            continue
        j = token.i - 1
        while j >= span.start and doc[j].lower_ in _PLACE_NOUNS:
            j -= 1
        k = j
        while k >= span.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("GPE", "NORP", "LOC", "PERSON"):
            k -= 1
        if k == j:
            continue
        if k >= span.start + 1 and doc[k].text == "-" and doc[k - 1].pos_ in ("PROPN", "ADJ"):
            out.append((doc[k - 1].idx, 0, doc[k - 1 : token.i + 1].text))
        else:
            out.append((doc[k + 1].idx, 0, doc[k + 1 : j + 1].text))
    return out


def _attribution(span, text: str, start: int, end: int, *, parsed: bool) -> str:
    """Who the sentence (``span``, trimmed to start–end) says the figures come from: "according
    to X", else the subject of a speech verb in the parse, else "X said" in the text."""
    according = _ACCORDING_RE.search(text, start, end)
    if according:
        return _clean_source(according.group(1))
    if parsed:
        for token in span:
            if token.lemma_ in _SPEECH_LEMMAS and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON":
                        source = span.doc[child.left_edge.i : child.i + 1]
                        if any(word.like_num or word.lower_ in ("%", "cent", "percent") for word in source):
                            continue  # "3 per cent of respondents said": a finding, not a source
                        return _clean_source(source.text)
        return ""
    said = _SAID_RE.search(text, start, end)
    return _clean_source(said.group(1)) if said else ""


def _clean_source(source: str) -> str:
    return _DETERMINER_RE.sub("", " ".join(source.split())).strip(" \"“”'’")


# ---------------------------------------------------------------------------------------------
# The draft
# ---------------------------------------------------------------------------------------------


def _draft(
    quantity: Quantity,
    sentence: _Sentence,
    *,
    time: TimeExpr | None,
    places: tuple[str, ...],
    attribution: str,
    offset: int,
) -> ClaimDraft:
    """The claim; offsets move by ``offset`` from the chunk to the whole article."""
    return ClaimDraft(
        sentence=sentence.text[sentence.start : sentence.end],
        sentence_start=offset + sentence.start,
        sentence_end=offset + sentence.end,
        quote=quantity.text,
        quote_start=offset + quantity.start,
        quote_end=offset + quantity.end,
        value=quantity.value,
        value_low=quantity.value_low,
        value_high=quantity.value_high,
        qualifier=quantity.qualifier,
        unit=quantity.unit,
        kind=quantity.kind,
        time_text=time.text if time else "",
        period_start=time.period_start if time else None,
        period_end=time.period_end if time else None,
        places=tuple(places),
        attribution=attribution,
        label=_label(quantity, time, places),
        score=_score(quantity, sentence.text, has_time=bool(time), places=places, attribution=attribution),
    )


# The kinds whose label names the unit after the number ("3,000 migrants"); money, percent and
# ratio quotes carry theirs in the number already ("$5m", "40%", "twice").
_KINDS_NAMING_A_UNIT = (Kind.COUNT, Kind.DURATION, Kind.MEASURE, Kind.RATE, Kind.SHARE)


def _label(quantity: Quantity, time: TimeExpr | None, places: tuple[str, ...]) -> str:
    """ "More than 11,500 migrants · since January · Channel": the quote with its unit, its time
    (a whole calendar year as the year) and its first place."""
    head, unit = quantity.text, quantity.unit
    if unit and quantity.kind in _KINDS_NAMING_A_UNIT and unit.lower() not in head.lower():
        joiner = " of " if quantity.qualifier == Qualifier.VAGUE and head.lower().endswith("s") else " "
        head += joiner + (plural(unit) if quantity.kind == Kind.COUNT and quantity.value != 1 else unit)
    parts = [head]
    first, last = (time.period_start, time.period_end) if time else (None, None)
    if first and last and first.month == 1 and first.day == 1 and last == dt.date(first.year, 12, 31):
        parts.append(str(first.year))
    elif time and time.text:
        parts.append(" ".join(time.text.split()))
    if places:
        parts.append(places[0])
    return " · ".join(parts)


def _score(quantity: Quantity, text: str, *, has_time: bool, places: tuple[str, ...], attribution: str) -> float:
    """How check-worthy: specific, attributed, large or contested numbers score higher."""
    score = 0.35
    if attribution:
        score += 0.15
    if has_time:
        score += 0.1
    if places:
        score += 0.1
    magnitude = quantity.value
    if magnitude is None:
        magnitude = quantity.value_high or quantity.value_low or Decimal(0)
    if quantity.kind in (Kind.MONEY, Kind.PERCENT, Kind.RATE, Kind.RATIO, Kind.SHARE):
        score += 0.15
    elif abs(magnitude) >= 1000:
        score += 0.15
    elif abs(magnitude) >= 100:
        score += 0.1
    if quantity.qualifier != Qualifier.EXACT:  # a bound, an approximation, a range or a vague magnitude
        score += 0.05
    if quantity.kind == Kind.DURATION:
        score -= 0.1
    if quantity.kind == Kind.COUNT and _DEFINITE_RE.search(text, max(0, quantity.start - 8), quantity.start):
        score -= 0.25  # "the three countries" refers back; it asserts little
    return round(min(1.0, max(0.05, score)), 2)
