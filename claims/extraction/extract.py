"""From article text to claim drafts: which quantities are claims, and what they are about."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .baseline import Baseline, Phrase, baseline_for, comparisons, rate_phrases, split_years_of_a_change
from .claimtime import (
    STATEMENT_LEMMAS,
    TimeChoice,
    after_superlative,
    can_be_claim_time,
    clause_starts,
    resolve_relative,
    time_for,
)
from .counted import counted_words, names_its_counted
from .labels import ScorePart, is_contested, label_for, repeat_part, score_from, score_parts_for
from .numbers import Quantity
from .parsed import Chunk, Sentence
from .pipeline import load_nlp, pipe_in_bounded_batches, split_for_model
from .places import PlaceReading, mentions_in, places_by_clause, places_for
from .sources import REPORTING_LEMMAS, attribution_for, read_attribution
from .syntax import token_at
from .timeexpr import TimeExpr, find_times
from .units import hyphenated, with_units
from .vocabulary import LENGTH_UNITS, Kind, Qualifier, alternation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
    # The baseline of a change ("year-on-year", "up from 150 last year"): its words and period.
    compared_to: str = ""
    compared_period_start: dt.date | None = None
    compared_period_end: dt.date | None = None
    # Why this score: (what it says of the claim, how much it adds), the score being their sum on a base.
    score_parts: tuple[ScorePart, ...] = ()
    # What a count is of, from the parse (`counted.counted_words`): evidence for the linker, not a field
    # of EXTRACTION.md.
    counted: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """JSON-ready, in field order: decimals as strings, dates ISO, places a list. The fields of
        EXTRACTION.md only: the score's parts stay with the draft (the claim page shows them)."""
        out = {}
        for name in self.__dataclass_fields__:
            if name in ("score_parts", "counted"):
                continue
            value = getattr(self, name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


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
    for (i, offset, chunk), doc in zip(jobs, docs, strict=False):
        results[i].extend(_claims_in_doc(doc, offset, items[i][1], chunk))
    return [_with_repeats(claims) for claims in results]


def _with_repeats(claims: list[ClaimDraft]) -> list[ClaimDraft]:
    """Claims that repeat a figure stated earlier in the same article rank lower."""
    earlier: list[tuple[str, Decimal | None, str]] = []
    out = []
    for claim in claims:
        part = repeat_part(earlier, claim.kind, claim.value, claim.unit)
        earlier.append((claim.kind, claim.value, claim.unit))
        if part is not None:
            parts = (*claim.score_parts, part)
            claim = replace(claim, score_parts=parts, score=score_from(parts))
        out.append(claim)
    return out


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

# "aged 18 to 24", "aged 65 and over", "at the age of 35": ages bracket people, they are not counts.
_AGED_BEFORE_RE = re.compile(r"\b(?:aged?|ages|age\s+of)\s+$", re.IGNORECASE)
# "children under five", "adults over 65": a bound right after a group of people is their age.
_PEOPLE_BEFORE_RE = re.compile(
    r"\b(?:children|kids|babies|infants|people|adults|men|women|boys|girls|those|anyone|patients|pensioners|"
    r"teenagers|youngsters|drivers|workers|voters)\s+$",
    re.IGNORECASE,
)
_ONE_WORDS = frozenset({"one", "only one", "just one"})
_ONE_OF_RE = re.compile(r"\s+of\b", re.IGNORECASE)
# "reached one another", "helping one another": the reciprocal pronoun, no count.
_ONE_ANOTHER_RE = re.compile(r"\s+another\b", re.IGNORECASE)
_PRONOUN_ONE_BEFORE_RE = re.compile(r"\b(?:the|the\s+only|each|every|any|no)\s+$", re.IGNORECASE)
_SPEAKING = REPORTING_LEMMAS | {"call", "describe", "dub", "term"}
_IDIOM_NOUNS = frozenset({"thing", "possibility", "reason", "way", "question", "problem", "example", "explanation"})
# "the 30-kilometre mark": a distance naming a point along a course.
POSITION_NOUNS = ("mark", "marker", "point")
_POSITION_AFTER_RE = re.compile(rf"\s+(?:{alternation(POSITION_NOUNS)})\b", re.IGNORECASE)
# "the 30-year average", "the 12-month rolling period": a duration naming the span a figure is measured over.
SPAN_NOUNS = ("period", "window", "span", "stretch", "average", "timeframe", "time frame")
_SPAN_AFTER_RE = re.compile(
    rf"\s+(?:(?:rolling|moving|running)\s+)?(?:{alternation(SPAN_NOUNS, suffix='(?:e?s)?')})\b", re.IGNORECASE
)
# "10-year Treasuries", "the 30-year mortgage rate": a bond's or loan's term names the product.
_TENOR_AFTER_RE = re.compile(
    r"\s+(?:US\s+|U\.S\.\s+|government\s+|fixed[- ]rate\s+)?(?:Treasur(?:y|ies)|bonds?|gilts?|bunds?|notes?|"
    r"yields?|mortgages?|JGBs?|OATs?|BTPs?|swaps?|debt)\b",
    re.IGNORECASE,
)
_AGE_RE = re.compile(r"[- ]?(?:year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_PER_BEFORE_RE = re.compile(r"\b(?:per|every|each)\s+$", re.IGNORECASE)
_AGE_AFTER_RE = re.compile(r"\s*(?:,|\)|\.(?!\d)|$)")  # "Anna Smith, 34, reports", "said Ivan Petrenko, 52."


_SCALE_LOOKBACK = 40  # the text's last claims a bare decimal number may take its scale from


@dataclass(frozen=True)
class _Before:
    """What the sentence before gives the next one: the period it dates (for "the previous month",
    "that month") and its claims (for the counted noun of "This is up from 6.8 million"); and the text's last
    claims before it, in text order (for the scale of a bare decimal number, "says 7.0")."""

    time: TimeExpr | None = None
    claims: tuple[ClaimDraft, ...] = ()
    span: Span | None = None  # the sentence itself, for the speaker a pronoun names
    earlier: tuple[ClaimDraft, ...] = ()
    later: tuple[ClaimDraft, ...] = ()  # the text's next claims after the sentence, nearest first

    @property
    def counted(self) -> str:
        return _counted_before(self)


def _claims_in_doc(doc: Doc, offset: int, published: dt.date | None, text: str | None = None) -> list[ClaimDraft]:
    """The claims of one parsed chunk, in text order; ``offset`` places the chunk in the article,
    ``text`` is the chunk's text when the caller has it."""
    quantities: list[Quantity] = doc._.quantities or []
    if not quantities:
        return []
    chunk = Chunk.read(doc, offset, published, text)
    sentences = list(doc.sents)
    sentence_starts = [sentence.start_char for sentence in sentences]
    by_sentence: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        index = bisect.bisect_right(sentence_starts, quantity.start) - 1
        by_sentence.setdefault(max(index, 0), []).append(quantity)
    claims: list[ClaimDraft] = []
    previous: list[ClaimDraft] = []
    read: list[tuple[int, _Before, list[ClaimDraft]]] = []
    for index in sorted(by_sentence):
        claims_before = tuple(previous) if index - 1 in by_sentence else ()
        before = _Before(
            time=_last_dated_time(chunk, sentences[index - 1], claims_before) if index else None,
            claims=claims_before,
            span=sentences[index - 1] if index else None,
            earlier=tuple(claims[-_SCALE_LOOKBACK:]),
        )
        previous = _claims_in_sentence(chunk, sentences[index], by_sentence[index], before)
        read.append((index, before, previous))
        claims.extend(previous)
    # A bare decimal number that nothing before it gives a scale is read again, against the figures after it.
    for position, (index, before, drafts) in enumerate(read):
        if not any(_bare_decimal(draft) for draft in drafts):
            continue
        later = tuple(draft for _, _, after in read[position + 1 :] for draft in after)[:_SCALE_LOOKBACK]
        again = _claims_in_sentence(chunk, sentences[index], by_sentence[index], replace(before, later=later))
        if len(again) == len(drafts):
            claims = [claim for claim in claims if claim not in drafts] + again
    claims.sort(key=lambda claim: claim.quote_start)
    return claims


def _bare_decimal(draft: ClaimDraft) -> bool:
    """ "The centre says 7.0": a number written with a decimal fraction, read with no unit."""
    return not draft.unit and draft.kind == Kind.COUNT and bool(re.search(r"\d\.\d", draft.quote))


def _counted_before(before: _Before) -> str:
    """The counted noun the sentence before leaves for a bare number ("This is up from 6.8 million")."""
    counts = [claim.unit for claim in before.claims if claim.kind == Kind.COUNT and claim.unit]
    return counts[-1] if counts else ""


def _last_dated_time(chunk: Chunk, span: Span, claims: tuple[ClaimDraft, ...] = ()) -> TimeExpr | None:
    """The period under discussion at the end of the sentence ``span``: the last time with a period
    that dates one of its ``claims`` ("… in August, the highest in records going back to 2009":
    August), else the last time with a period."""
    first = bisect.bisect_left(chunk.time_starts, span.start_char)
    last = bisect.bisect_left(chunk.time_starts, span.end_char)
    dated = [
        time for time in chunk.times[first:last] if (time.period_start or time.period_end) and not _denied(time, chunk)
    ]
    periods = {(claim.period_start, claim.period_end) for claim in claims if claim.period_start or claim.period_end}
    dating = [time for time in dated if (time.period_start, time.period_end) in periods]
    if dating:
        return dating[-1]
    return dated[-1] if dated else None


def _claims_in_sentence(chunk: Chunk, span: Span, quantities: list[Quantity], before: _Before) -> list[ClaimDraft]:
    """The drafts of the quantities in one sentence (``span``) that are claims."""
    sentence = _sentence(chunk, span, quantities, base=before.time)
    kept = [quantity for quantity in quantities if _is_claim(quantity, chunk, sentence.times)]
    if not kept:
        return []
    kept = with_units(kept, chunk, sentence.times, carried=before.counted, scales=before.earlier, later=before.later)
    kept = [quantity for quantity in kept if _counts_something(quantity, chunk)]
    text = chunk.text
    entities = chunk.entities_between(sentence.start, sentence.end)
    doc = chunk.doc if chunk.parsed else None
    # Without a parse, sources and places are read from the text, for the sentence as a whole.
    source = read_attribution(span, text, sentence.start, sentence.end, parsed=False) if doc is None else ""
    places_by_segment = places_by_clause(entities, sentence.segments) if doc is None else {}
    phrases = rate_phrases(text, (sentence.start, sentence.end), kept, doc)
    phrases += comparisons(text, (sentence.start, sentence.end), kept, sentence.times, published=chunk.published)
    choice = TimeChoice(
        doc=doc,
        comparisons=[(phrase.start, phrase.end) for phrase in phrases if not phrase.rate],
        quantities=kept,
        published=chunk.published,
    )
    reading = None
    if doc is not None:
        # A name inside a time phrase ("since the 2018 Camp Fire") names an event, not a place.
        mentions = [
            mention
            for mention in mentions_in(span, entities, text)
            if not any(time.start <= mention.start < time.end for time in sentence.times)
        ]
        reading = PlaceReading(doc, mentions, kept, STATEMENT_LEMMAS, tuple(choice.comparisons))
    eligible = [time for time in sentence.times if can_be_claim_time(time, text, sentence.start, kept)]
    contested = is_contested(text, sentence.start, sentence.end)
    drafts = []
    for quantity in kept:
        time = time_for(quantity, sentence, eligible, choice)
        own = (time.period_start, time.period_end) if time else (None, None)
        baseline = baseline_for(quantity, phrases, kept, own, text=text)
        split = split_years_of_a_change(quantity, time)
        if split is not None and baseline is None:
            time, baseline = split
        drafts.append(
            _draft(
                quantity,
                sentence,
                time=time,
                baseline=baseline,
                places=places_for(quantity, reading)
                if reading
                else places_by_segment.get(sentence.segment_of(quantity.start), ()),
                attribution=attribution_for(quantity, span, before.span, chunk.entities, text=text)
                if chunk.parsed
                else source,
                counted=_counted(doc, quantity) if doc else (),
                offset=chunk.offset,
                published=chunk.published,
                contested=contested,
            )
        )
    return _baselines_counted(drafts, kept, phrases, doc) if doc is not None else drafts


def _baselines_counted(
    drafts: list[ClaimDraft], quantities: list[Quantity], phrases: list[Phrase], doc: Doc
) -> list[ClaimDraft]:
    """A figure's baseline with no noun of its own ("… has risen to 3,840, the ministry said, up from 1,520 a day
    earlier"; "8,540 are still missing, according to figures …, down from 10,100 last week") counts what the figure
    counts: the words of the clause the parse hangs it on (the saying verb's subject, "according to") are not
    what it counts. ``drafts`` are the ``quantities``' in order; ``phrases`` the sentence's baselines."""
    out = list(drafts)
    for figure, draft in zip(quantities, drafts, strict=True):
        if not draft.compared_to or not draft.counted:
            continue
        phrase = next(
            (told for told in phrases if not told.rate and " ".join(told.text.split()) == draft.compared_to), None
        )
        if phrase is None:
            continue
        for i, other in enumerate(quantities):
            if (
                other is not figure
                and phrase.start <= other.start < phrase.end
                and other.kind == figure.kind
                and not names_its_counted(doc, other.start, other.number_end or other.end)
            ):
                out[i] = replace(out[i], counted=draft.counted)
    return out


_FUTURE_RE = re.compile(
    r"\b(?:will|would|could|should|shall|plans?|aims?|expects?|pledged?|promised?|vowed?|to\s+be)\b", re.I
)


def _counted(doc: Doc, quantity: Quantity) -> tuple[str, ...]:
    """What the parse says the quantity counts, or (a statistic: no count, no duration) measures."""
    statistic = quantity.kind not in (Kind.COUNT, Kind.DURATION)
    return counted_words(doc, quantity.start, quantity.number_end or quantity.end, statistic=statistic)


def _sentence(chunk: Chunk, span: Span, quantities: list[Quantity], *, base: TimeExpr | None) -> Sentence:
    """The sentence ``span``, stretched over its quantities and trimmed of surrounding spaces, with
    its times: relative ones resolved against ``base`` (the previous sentence's) when the sentence
    gives nothing to read them against, and ones the publication date leaves open dated by a year
    the sentence states ("in the first 11 months", beside "in 2023")."""
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
    times = [time for time in times if not after_superlative(text, start, time)]
    # "seen within four hours" is a threshold, a duration claim; "within a decade" after "will" a deadline.
    times = [time for time in times if not _is_threshold(time, text, start)]
    times = [time for time in times if not _denied(time, chunk)]
    times = resolve_relative(_dated_by_the_sentence(times), base, text)
    return Sentence(text=text, start=start, end=end, times=times, segments=clause_starts(text, start, end))


_NOT_BEFORE_RE = re.compile(r"\bnot\s+$", re.IGNORECASE)
# Times that "not" bounds rather than denies: "not until May" is from May on, "not before 2027" from 2027.
_BOUNDING_WORDS = ("until", "till", "before", "after")


def _denied(time: TimeExpr, chunk: Chunk) -> bool:
    """A time the sentence denies ("'never seen anything like it, not in 1941, not ever,' the mayor said, as the river
    peaked at 5.35 metres on Sunday"): no figure's time, nor the year the sentence's open times are read in. The
    parse's "not" on the time's own head (the text's "not" right before it without a parse); not a bound ("not until
    May")."""
    if time.text.lower().startswith(_BOUNDING_WORDS):
        return False
    if not chunk.parsed:
        return _NOT_BEFORE_RE.search(chunk.text, max(0, time.start - 8), time.start) is not None
    head = token_at(chunk.doc, time.start, time.end)
    return head is not None and any(child.dep_ == "neg" and child.i < head.i for child in head.children)


def _is_threshold(time: TimeExpr, text: str, sentence_start: int) -> bool:
    return time.text.lower().startswith(("within", "inside")) and not _FUTURE_RE.search(
        text, sentence_start, time.start
    )


def _dated_by_the_sentence(times: list[TimeExpr]) -> list[TimeExpr]:
    """Times left open (no year, no publication date) read in the year the sentence states: a whole year ("The 2023
    growth … in the October-December period"), or a part of one that names it ("rose 0.8 percent in the fourth
    quarter of 2021, slowing from a revised 1.2 percent in the July-September period")."""
    years = [time.period_start.year for time in times if time.period_start and _is_whole_year(time)]
    years = years or [time.period_start.year for time in times if time.period_start and _within_a_named_year(time)]
    if not years:
        return times
    end_of_year = dt.date(years[0], 12, 31)
    out = []
    for time in times:
        if not (time.relative or time.period_start or time.period_end):
            again = find_times(time.text, end_of_year)
            if again and again[0].text == time.text:
                time = replace(time, period_start=again[0].period_start, period_end=again[0].period_end)
        out.append(time)
    return out


def _within_a_named_year(time: TimeExpr) -> bool:
    """A period inside one calendar year whose words name the year ("the fourth quarter of 2023", "March 2022")."""
    start, end = time.period_start, time.period_end
    return bool(start and end and start.year == end.year and not time.relative and str(start.year) in time.text)


def _is_whole_year(time: TimeExpr) -> bool:
    start, end = time.period_start, time.period_end
    return bool(start and end and start.month == 1 and start.day == 1 and end == dt.date(start.year, 12, 31))


# ---------------------------------------------------------------------------------------------
# Which quantities are claims
# ---------------------------------------------------------------------------------------------


def _is_claim(quantity: Quantity, chunk: Chunk, times: list[TimeExpr]) -> bool:
    """A quantity is a claim unless it belongs to a time phrase or a name, gives an age or an age
    bracket, names a bond's term, or is the denominator of a rate."""
    text = chunk.text
    return not (
        _belongs_to_time(quantity, text, times)
        or _inside_name(quantity, chunk.name_spans)
        or _gives_an_age(quantity, text, chunk.person_ends)
        or _names_a_bond_term(quantity, text)
        or _names_a_span(quantity, text)
        or _names_a_position(quantity, text)
        or _says_some_day(quantity, chunk)
        or _PER_BEFORE_RE.search(text, max(0, quantity.start - 12), quantity.start)  # "12 cases per 100,000"
    )


def _names_a_bond_term(quantity: Quantity, text: str) -> bool:
    """ "10-year Treasuries", "the 30-year mortgage rate": the term names the product."""
    return bool(
        quantity.kind == Kind.DURATION and hyphenated(quantity, text) and _TENOR_AFTER_RE.match(text, quantity.end)
    )


def _names_a_span(quantity: Quantity, text: str) -> bool:
    """ "the 12-month period ending in February", "the 20-year average": the duration names the span another
    figure is measured over, a time window; "a three-month state of emergency" stays a claim."""
    return bool(
        quantity.kind == Kind.DURATION and hyphenated(quantity, text) and _SPAN_AFTER_RE.match(text, quantity.end)
    )


def _counts_something(quantity: Quantity, chunk: Chunk) -> bool:
    """ "one of them", "no one", "net zero": a bare one or zero counts nothing; nor does "one" used as a word, nor a
    "half-" that is part of a word."""
    if quantity.text.lower() in ("one", "zero") and not quantity.unit_stated and not _of_a_nationality(quantity, chunk):
        return False
    return not (_one_as_a_word(quantity, chunk) or _half_as_a_word(quantity))


# "half-mast", "half-time", "half-brother", "half-finished": "half-" joined to a word that is no unit of it.
_HALF_WORD_RE = re.compile(r"half-[^\W\d_]+", re.IGNORECASE)


def _half_as_a_word(quantity: Quantity) -> bool:
    """ "flags at half-mast", "level at half-time", "his half-brother": a share whose "half" is part of a word, no
    half of anything; "half a million", "a half-hour delay" (a duration) and "half of the homes" stay claims."""
    return quantity.kind == Kind.SHARE and bool(_HALF_WORD_RE.fullmatch(quantity.text))


def _of_a_nationality(quantity: Quantity, chunk: Chunk) -> bool:
    """ "53 Nepali, five Indian, one Irish": one of a nationality in a list of them counts a person."""
    if not chunk.parsed:
        return False
    token = token_at(chunk.doc, quantity.start, quantity.end)
    after = token.doc[token.i + 1] if token is not None and token.i + 1 < len(token.doc) else None
    return after is not None and after.ent_type_ == "NORP"


def _one_as_a_word(quantity: Quantity, chunk: Chunk) -> bool:
    """ "one of the four nations", "the only one", "one another", "a one-man race", "one scientist called it":
    "one" as a pronoun, an article or part of a word, not a count of one ("one person died" stays a claim)."""
    if quantity.kind != Kind.COUNT:
        return False
    if quantity.text.lower().startswith("one-"):
        return True  # "a one-man race", "a one-off payment"
    if quantity.text.lower() not in _ONE_WORDS:
        return False
    text, start, end = chunk.text, quantity.start, quantity.end
    if quantity.text.lower() == "one" and _ONE_OF_RE.match(text, end):
        return True  # "one of the strongest storms"; "only one of the 72 survived" is a count
    if quantity.text.lower() == "one" and _ONE_ANOTHER_RE.match(text, end):
        return True  # "as families reached one another": a pronoun, whatever noun the number is lent
    if _PRONOUN_ONE_BEFORE_RE.search(text, max(0, start - 12), start):
        return True  # "the only one in the race"
    if not chunk.parsed:
        return False
    token = token_at(chunk.doc, start, end)
    noun = token.head if token is not None and token.dep_ == "nummod" else None
    if noun is None:
        return False
    if noun.lemma_.lower() in _IDIOM_NOUNS:
        return True  # "one possibility was", "one important thing to note"
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.lemma_.lower() in _SPEAKING  # "one scientist called it …": a source


_MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "can", "'ll", "'d"})


def _says_some_day(quantity: Quantity, chunk: Chunk) -> bool:
    """ "one day" (or "one time") as "some day": an adverb of the clause that follows it, whose verb is of
    what will or would be ("I knew one day, one time I will be …"); "the strike lasted one day" is a length."""
    if quantity.text.lower() != "one" or not chunk.parsed:
        return False
    token = token_at(chunk.doc, quantity.start, quantity.end)
    noun = token.head if token is not None and token.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in ("day", "time") or noun.dep_ != "npadvmod":
        return False
    for word in noun.doc[noun.i + 1 : noun.sent.end]:
        if word.is_punct or word.dep_ == "npadvmod" or (word.dep_ == "nummod" and word.head.dep_ == "npadvmod"):
            continue  # "one day, one time I will …"
        verb = word.head
        return word.dep_ in ("nsubj", "nsubjpass") and any(
            child.dep_ == "aux" and child.lower_ in _MODALS for child in verb.children
        )
    return False


def _names_a_position(quantity: Quantity, text: str) -> bool:
    """ "after the 30-kilometre mark", "the 10km point": a distance naming a place along a course, not a
    measured length."""
    return quantity.unit in LENGTH_UNITS and bool(_POSITION_AFTER_RE.match(text, quantity.end))


def _belongs_to_time(quantity: Quantity, text: str, times: list[TimeExpr]) -> bool:
    """A number inside a time window belongs to that window ("over the last 24 hours"), unless
    it is an adjectival duration describing an event: "during the six-week war"."""
    if hyphenated(quantity, text) and quantity.kind in (Kind.DURATION, Kind.MEASURE):
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
# The draft
# ---------------------------------------------------------------------------------------------


def _draft(
    quantity: Quantity,
    sentence: Sentence,
    *,
    time: TimeExpr | None,
    baseline: Baseline | None,
    places: tuple[str, ...],
    attribution: str,
    offset: int,
    published: dt.date | None,
    contested: bool,
    counted: tuple[str, ...] = (),
) -> ClaimDraft:
    """The claim; offsets move by ``offset`` from the chunk to the whole article."""
    period = (time.period_start, time.period_end) if time else (None, None)
    parts = score_parts_for(
        quantity,
        sentence.text,
        sentence=(sentence.start, sentence.end),
        period=period,
        places=places,
        attribution=attribution,
        published=published,
        contested=contested,
    )
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
        label=label_for(quantity, time, places),
        score=score_from(parts),
        score_parts=parts,
        compared_to=baseline.text if baseline else "",
        compared_period_start=baseline.period_start if baseline else None,
        compared_period_end=baseline.period_end if baseline else None,
        counted=counted,
    )
