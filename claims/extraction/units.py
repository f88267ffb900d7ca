"""What a quantity counts or measures: its unit and kind, read from the words and the parse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .claimtime import STATEMENT_LEMMAS
from .numbers import Quantity, parse_number
from .parsed import Chunk
from .syntax import subject_taken_as_object, valued_object
from .timeexpr import TimeExpr
from .vocabulary import (
    DEATH_WORDS,
    DURATION_UNITS,
    GATHERING_NOUNS,
    IRREGULAR_SINGULARS,
    LEVEL_VERBS,
    MEASURE_UNITS,
    MULTIPLES,
    PEOPLE_VERBS,
    PEOPLE_WORDS,
    RATIO_UNIT,
    SETTLEMENT_NOUNS,
    SHARE_UNIT,
    TALLY_NOUNS,
    Kind,
    alternation,
    singular,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "a population of 8.8 million", "its population is estimated at 1.43 billion": the count is people.
_POPULATION_BEFORE_RE = re.compile(r"\bpopulation\b[^.;,\d]{0,40}$", re.IGNORECASE)


# After a fraction, one unit of measure or time: "half a mile", "a quarter of an hour", "three quarters of a tonne".
_OF_A_UNIT_RE = re.compile(
    r"\s+(?:of\s+)?an?\s+(" + alternation([*MEASURE_UNITS, *DURATION_UNITS]) + r")\b(?!-)", re.IGNORECASE
)


_TOLL_BEFORE_RE = re.compile(r"\b(?:death\s+)?toll\b[^.;\d]*$", re.IGNORECASE)


_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude\s+(?:of\s+|at\s+)?$", re.IGNORECASE)  # "a magnitude of 6.8"


_MAGNITUDE_AFTER_RE = re.compile(r"\s+on\s+the\s+(?:Richter|moment\s+magnitude)\s+scale\b", re.IGNORECASE)


# The words between a number and "per": "violent crimes per 100,000", "new cases per day".
_UNIT_WORDS_RE = re.compile(
    r"(?:\s+(?:of\s+)?(?:new\s+|more\s+|cubic\s+|[a-z]+(?:al|ent|ous|ive|ic)\s+)?[A-Za-z][\w/-]*)"
)


# What a unit is of, after it: "litres of water", "barrels of crude oil", "tonnes of grain".
# Not "414 mm of rain in a day": a span of time, not a rate.
_OF_WHAT_RE = re.compile(
    r"\s+of\s+(?:(?!(?:in|on|at|for|over|within|during|of)\s)[a-z]+\s+)?(?!(?:in|on|at|for|over|within|during|of)\s)"
    r"[a-z]+(?=\s+(?:an?|per|each|every)\s)"
)


# The scales a rate's denominator may name: "per 100,000", "per million", "every 1.5 billion".
_RATE_SCALES = ("thousand", "million", "billion")


# Words that cannot be what a rate is per: after a floating "each" ("54 people each on Tuesday", "40 euros each
# and"), the word opens what follows, not the thing each one is.
_NOT_DENOMINATORS = (
    "on in at for of from to with by into onto over under across after before during since until as and or but nor "
    "the a an this that these those its their his her our my your which who whom whose while when where than"
).split()
_RATE_AFTER_RE = re.compile(
    r"\s*(?:an?\s+(?P<t>day|night|week|month|year|season|hour|minute|second|head|person)\b"
    r"(?!\s+(?:ago|earlier|before|later|after|on))"
    rf"|(?:per|each|every)\s+(?P<d>[\d,.]+(?:\s+(?:{alternation(_RATE_SCALES)}))?|"
    rf"{alternation(['hundred', *_RATE_SCALES])}|(?!(?:{alternation(_NOT_DENOMINATORS)})\b)[a-z]+)\b)",
    re.IGNORECASE,
)


_OF_NEXT_RE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|some\s+)?", re.IGNORECASE)


_PER_AFTER_RE = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?per\s+(?:capita|head|day|week|month|year|hour|person|(?:[\d,.]+|one|a|"
    r"hundred|thousand|million)\b)",
    re.IGNORECASE,
)


class _Unit(NamedTuple):
    unit: str
    kind: str
    stated: bool  # the text names it next to the number (not carried over from another number)


def with_units(
    quantities: list[Quantity],
    chunk: Chunk,
    times: list[TimeExpr],
    *,
    carried: str = "",
    scales: Sequence[Scaled] = (),
    later: Sequence[Scaled] = (),
    told_before: Sequence[Scaled] = (),
) -> list[Quantity]:
    """Units from the parse where it helps; rates; carry a unit over to later bare numbers, from the
    number after "to" ("fell from 6.5 to 5.7 murders per 100,000"), an earlier number of the sentence,
    or ``carried``: the counted noun of the sentence before ("This is up from 6.8 million"). A bare number in
    digits is read on the scale of a figure near it (`_scale_of`; ``scales``: the text's claims before the
    sentence, in text order; ``later``: the text's claims after it, nearest first, for a decimal number that no
    figure before it gives a scale). A bare count that is the value of "the figure" counts what the figure stands
    for (`_figure_stood_for`; ``told_before``: the claims of the sentence before)."""
    units = [_unit_of(quantity, chunk, times) for quantity in quantities]
    for i, quantity in enumerate(quantities):
        if _bare(units[i]) and not units[i].stated and _DIGITS_RE.search(quantity.text):
            units[i] = (
                _scale_of(i, quantities, units, scales, decimal=bool(_FRACTION_RE.search(quantity.text)), later=later)
                or units[i]
            )
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
        elif _bare(units[i]) and _TO_NEXT_RE.fullmatch(chunk.text, gap_start, gap_end):
            units[i] = _Unit(units[i + 1].unit, units[i + 1].kind, False)  # "from 6.5 to 5.7 murders"
    for i in range(1, len(quantities)):
        if _bare(units[i]) and not units[i].stated and _corrects(quantities[i - 1], quantities[i], chunk):
            units[i] = _Unit(units[i - 1].unit, units[i - 1].kind, False)  # "lasted three years, not four"
    out: list[Quantity] = []
    for quantity, (unit, kind, stated) in zip(quantities, units, strict=False):
        bare = not stated and not unit and kind == Kind.COUNT
        if bare and (stood := _figure_stood_for(quantity, chunk, out, told_before)) is not None:
            unit, kind, stated = stood  # "while the WHO put the figure at more than 2,300": of the 2,415 cases
        elif not stated and not unit and kind == Kind.COUNT:  # "two others": the unit of an earlier number
            unit, kind, stated = _carried_over(quantity, chunk, out, carried)
        if _fractional_tremor(quantity, unit, kind):
            unit, kind, stated = "magnitude", Kind.MEASURE, True  # "a 4.9 aftershock": no count of tremors is 4.9
        out.append(replace(quantity, unit=unit, kind=kind, unit_stated=stated))
    return out


def _carried_over(quantity: Quantity, chunk: Chunk, before: list[Quantity], carried: str) -> _Unit:
    """The unit a bare count takes from the latest number before it with one (``before``: the sentence's), else
    ``carried``; per the period or thing said after it ("far below its target of 50 a week": people per week). A
    count or a sum carries over, and a rate to a number that is not the subject of its own verb ("45 people per
    boat, compared with 38 a year earlier"); a measure too, where the number is the value of an estimate or a
    figure ("as large as 15,000 barrels, far above the coast guard's estimate of 6,500")."""
    unit, kind = carried, Kind.COUNT
    value_of = _VALUE_OF_RE.search(chunk.text, max(0, quantity.start - 40), quantity.start)
    kinds = {Kind.COUNT, Kind.MONEY, Kind.RATE} | ({Kind.MEASURE} if value_of else set())
    if _subject_of_its_own(quantity, chunk):
        kinds.discard(Kind.RATE)
    per = _rate_denominator(chunk.text, quantity.end)
    previous = next(
        (
            number
            for number in reversed(before)
            if number.unit and number.kind in kinds and not _counts_its_own_denominator(number, per)
        ),
        None,
    )
    if previous is not None:
        unit, kind = previous.unit, previous.kind
        if per and kind == Kind.RATE:  # "45 people per boat, and 60 a day": people, per day
            unit, kind = unit.split(" per ")[0], Kind.COUNT
    if not unit:
        return _Unit("", Kind.COUNT, False)
    return _as_rate(quantity, chunk.text, _Unit(unit, kind, False), hyphenated=False)


# Nouns that name a figure as someone's reading of a count, not what it counts: "put the figure at 2,300".
_FIGURE_NOUNS = frozenset({"figure", "estimate"})


def _figure_stood_for(
    quantity: Quantity, chunk: Chunk, before: list[Quantity], told_before: Sequence[Scaled]
) -> _Unit | None:
    """The unit of the count "the figure" stands for, where a bare count is the value of a figure or an estimate
    with no "of" of its own ("the provincial department reported 2,415 cases and 41 deaths, while the WHO put the
    figure at more than 2,300"; "… its estimate of 2,300"): of the counts the sentence (``before``: its quantities
    before this one) or the sentence before (``told_before``) names, the one nearest it in value, within
    SCALE_SPREAD. None when the count is not so told, or no count lies near it."""
    token = _token_of(chunk.doc, quantity) if chunk.parsed else None
    value = quantity.value
    if token is None or value is None or value <= 0 or not _value_of_a_figure(token):
        return None
    candidates = [
        (max(value, other.value) / min(value, other.value), other.unit)
        for other in [*told_before, *before]
        if other.kind == Kind.COUNT and other.unit and other.value is not None and other.value > 0
    ]
    near = [candidate for candidate in candidates if candidate[0] <= SCALE_SPREAD]
    if not near:
        return None
    return _Unit(min(near, key=lambda candidate: candidate[0])[1], Kind.COUNT, False)


def _value_of_a_figure(token: Token) -> bool:
    """Is the number the value a verb sets a figure to or puts it at ("put the figure at 2,300", "raised its
    estimate to 40"), or the value of a figure's "of" ("its figure of 2,300"), the figure saying nothing of what it
    counts (no "of" of its own)?"""
    verb = token.head.head if token.dep_ == "pobj" else None
    figure = valued_object(token, verb, ("to", "at")) if verb is not None else None
    if figure is None and token.dep_ == "pobj" and token.head.lower_ == "of":
        figure = token.head.head
    if figure is None or figure.lemma_.lower() not in _FIGURE_NOUNS:
        return False
    return not any(
        child.dep_ == "prep" and child.lower_ == "of" and not any(word.i == token.i for word in child.subtree)
        for child in figure.children
    )


def _counts_its_own_denominator(previous: Quantity, per: str) -> bool:
    """ "aboard nine boats, an average of 68 per boat": a bare number per boat does not count the boats an earlier
    number counted (it counts what came in them, told before: "611 people arrived aboard nine boats")."""
    return bool(per) and previous.unit.split(" per ")[0] == per


def _subject_of_its_own(quantity: Quantity, chunk: Chunk) -> bool:
    """ "Crossings averaged 800 people a day, and 40 were caught": a bare number that is the subject of its own verb
    tells a count of its own, not the rate told before it (as "compared with 38 a year earlier" does)."""
    token = _token_of(chunk.doc, quantity) if chunk.parsed else None
    return token is not None and token.dep_ in ("nsubj", "nsubjpass")


class Scaled(Protocol):
    """A figure another bare number may be read on the scale of (a claim of the text before): its unit, kind and
    value."""

    @property
    def unit(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def value(self) -> Decimal | None: ...


# A number written with a decimal fraction ("6.8", "7.0"): no count of things is written so.
_FRACTION_RE = re.compile(r"\d\.\d")
_DIGITS_RE = re.compile(r"\d")  # written in digits, not in words ("two", "three")
SCALE_SPREAD = Decimal("1.5")  # a figure read on another's scale lies within this factor of it


def _scale_of(
    index: int,
    quantities: list[Quantity],
    units: list[_Unit],
    scales: Sequence[Scaled],
    *,
    decimal: bool = True,
    later: Sequence[Scaled] = (),
) -> _Unit | None:
    """The unit of the figure a bare decimal number answers ("registered it at magnitude 7.0, while the survey gave
    6.9"; "its reading of 6.8" after a sentence of magnitudes): the nearest figure of the sentence with a unit whose
    value lies within SCALE_SPREAD of it, else the latest such figure of the text before it. A decimal number is a
    measure, a share or a sum, never a count of things; where nothing near it has a scale, it stays bare. A bare whole
    number in digits (``decimal`` False) takes only a measure's scale ("had a magnitude of 6.8, while the institute put
    it at 7"): beside a share or a count, a bare whole number is most often a count whose noun is left unsaid ("13 of
    the 19 member states", "40 were killed and 30 others"). A decimal number that nothing before it gives a scale
    takes the scale of the nearest measure after it (``later``): "The centre says 7.0; the institute says 6.8",
    told before the text's "an aftershock of magnitude 4.9" (not a share's or a sum's: "the index stood at 2.5",
    before "shares rose 2.3%")."""
    value = quantities[index].value
    if value is None or value <= 0:
        return None

    def near(unit: str, other: Decimal | None, kind: str = Kind.MEASURE) -> bool:
        if not unit or other is None or other <= 0 or (kind != Kind.MEASURE and not decimal) or kind == Kind.RATIO:
            return False  # "four times the national rate of 5.0": a multiple is a comparison, no scale
        return max(value, other) / min(value, other) <= SCALE_SPREAD

    start = quantities[index].start
    order = sorted((i for i in range(len(quantities)) if i != index), key=lambda i: abs(quantities[i].start - start))
    for i in order:
        if near(units[i].unit, quantities[i].value, units[i].kind):
            return _Unit(units[i].unit, units[i].kind, False)
    for scale in reversed(scales):
        if near(scale.unit, scale.value, scale.kind):
            return _Unit(scale.unit, scale.kind, False)
    for scale in later if decimal else ():
        if scale.kind == Kind.MEASURE and near(scale.unit, scale.value):  # a scale read ahead: a measure's only
            return _Unit(scale.unit, scale.kind, False)
    return None


_TO_NEXT_RE = re.compile(r"\s+to\s+")
# A bare number that corrects the one right before it: "three years, not four", "12 metres rather than 15".
# The told number's unit word may stand between ("three years, not four").
_CORRECTION_RE = re.compile(r"(?:\s*[^\W\d]+)?,?\s+(?:and\s+)?(?:not|rather\s+than|instead\s+of)\s+", re.IGNORECASE)


def _corrects(told: Quantity, bare: Quantity, chunk: Chunk) -> bool:
    """Is ``bare`` set right after ``told`` as the figure it is not ("had lasted three years, not four", "a fine of
    36 million euros, not 40")? Such a number is told in the other's unit, whatever its kind: a duration or a
    measure as well as a count or a sum (the latest count or sum before it was another figure: "four" was euros)."""
    return bool(_CORRECTION_RE.fullmatch(chunk.text, told.end, bare.start))


# A number that is the value of an estimate or a figure: "its estimate of 6,500", "a total of 40".
_VALUE_OF_RE = re.compile(r"\b(?:estimates?|figures?|totals?|tall(?:y|ies)|counts?|forecasts?|projections?)\s+of\s+$")


def _bare(unit: _Unit) -> bool:
    return not unit.unit and unit.kind == Kind.COUNT


def _unit_of(quantity: Quantity, chunk: Chunk, times: list[TimeExpr]) -> _Unit:
    """The quantity's own unit: from the parse, a magnitude scale, a rate, a toll or a population."""
    text = chunk.text
    unit = _Unit(quantity.unit, quantity.kind, quantity.unit_stated)
    glued = hyphenated(quantity, text)
    start = quantity.start
    of_one_unit = _of_one_unit(quantity, text) if unit.kind == Kind.SHARE else None
    if of_one_unit is not None:
        return of_one_unit
    if _MAGNITUDE_BEFORE_RE.search(text, max(0, start - 16), start) or _MAGNITUDE_AFTER_RE.match(text, quantity.end):
        unit = _Unit("magnitude", Kind.MEASURE, True)  # "a magnitude 7.4 quake"
    elif chunk.tagged and unit.kind in (Kind.COUNT, Kind.SHARE) and not glued:
        noun = _counted_noun(chunk.doc, quantity, times)
        if noun is not None and noun != "other":  # "two others": carried over from an earlier number
            unit = unit._replace(unit=noun, stated=True)
        elif unit.kind == Kind.COUNT and unit.unit not in DURATION_UNITS.values():  # "two individual months"
            unit = _Unit("", unit.kind, False)
    if unit.unit == "basis point":
        unit = unit._replace(kind=Kind.PERCENT)
    if unit.unit == "degree" and chunk.degree_scale:
        unit = unit._replace(unit=chunk.degree_scale)  # "0.6 degrees warmer" in a text that writes Celsius
    if unit.kind == Kind.SHARE:
        unit = unit._replace(unit=SHARE_UNIT)  # a share's denominator is the whole ("a third of voters")
    elif unit.kind == Kind.RATIO:
        unit = unit._replace(unit=RATIO_UNIT)
    elif unit.kind == Kind.DURATION and chunk.parsed and not glued and _counted_as_things(chunk.doc, quantity):
        unit = unit._replace(kind=Kind.COUNT)  # "two days were more than 2C hotter": days counted
    unit = _as_rate(quantity, text, unit, hyphenated=glued)
    if chunk.parsed and not glued:
        unit = _rate_in_the_parse(quantity, chunk.doc, unit)
    if unit.kind == Kind.COUNT and not unit.unit:
        unit = _said_of(quantity, chunk, unit)
        # "revised the quake's magnitude to 7.0": a magnitude measures, as "a magnitude 7.4 quake" does
        if unit.unit == "magnitude":
            return unit._replace(kind=Kind.MEASURE)
        return unit._replace(kind=Kind.RATE) if " per " in unit.unit else unit
    return unit


# Verbs by which a subject records or tells a figure, not holds what it counts ("officials recorded an average of
# 40 burglaries": the burglaries are not per official).
_RECORDING_LEMMAS = STATEMENT_LEMMAS | frozenset("record register count log tally see detect observe".split())


def _averaged_over(doc: Doc, quantity: Quantity) -> str:
    """What a count told as an average is per: the plural subject, or the subject with "each", of the clause that
    holds it ("each boat has carried an average of 52 people", "362 boats arrived, carrying an average of 47 people
    each", "the boats carried nearly 50 people on average": per boat). "" when the count is not told as an average,
    or its clause has no such subject ("an average of 40 people died a day", "officials recorded an average of 40
    arrests": a subject that tells the figure)."""
    token = _token_of(doc, quantity)
    if token is None:
        return ""
    noun = token.head if token.dep_ in ("nummod", "quantmod") and token.head.pos_ == "NOUN" else token
    average = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    anchor = average if average is not None and average.lemma_.lower() == "average" else noun
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if anchor is noun and not (_said_each(noun) or _on_average(noun) or _on_average(verb)):
        return ""
    each = _each_of(verb)
    if each is not None and each.i not in (anchor.i, noun.i):
        return _noun_unit(doc, each)  # "an average of 30 pupils sat in each classroom": per classroom
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "… reached the coast, carrying an average of 47 people each": the boats that reached it
        subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i in (anchor.i, noun.i):
        return ""
    if verb.lemma_.lower() in _RECORDING_LEMMAS:
        return ""
    distributed = subject.tag_ == "NNS" or any(child.lower_ in ("each", "every") for child in subject.children)
    return _noun_unit(doc, subject) if distributed else ""


def _of_one_unit(quantity: Quantity, text: str) -> _Unit | None:
    """ "half a mile", "a quarter of an hour": a fraction of one unit of measure or time is a length or a span,
    not a share. None when no such unit follows."""
    of_a_unit = _OF_A_UNIT_RE.match(text, quantity.end)
    if of_a_unit is None:
        return None
    word = of_a_unit.group(1).lower()
    if word in DURATION_UNITS:
        return _Unit(DURATION_UNITS[word], Kind.DURATION, True)
    return _Unit(MEASURE_UNITS[word], Kind.MEASURE, True)


def _rate_in_the_parse(quantity: Quantity, doc: Doc, unit: _Unit) -> _Unit:
    """A rate the parse tells: what a count told as an average is per ("each boat carried an average of 52 people":
    people per boat)."""
    if unit.kind == Kind.COUNT and unit.unit:
        over = _averaged_over(doc, quantity)
        if over and over != unit.unit:
            return _Unit(f"{unit.unit} per {over}", Kind.RATE, unit.stated)
    return unit


def _each_of(verb: Token) -> Token | None:
    """The noun a preposition of the verb takes with "each" or "every" ("were packed into each boat", "sat in every
    classroom"): what an average told on that verb is per. None when no such noun."""
    for preposition in verb.children:
        if preposition.dep_ != "prep":
            continue
        for noun in preposition.children:
            if (
                noun.dep_ == "pobj"
                and noun.pos_ == "NOUN"
                and any(child.dep_ == "det" and child.lower_ in ("each", "every") for child in noun.children)
            ):
                return noun
    return None


def _said_each(noun: Token) -> bool:
    """ "47 people each": the count is told of each one of something."""
    return any(child.lower_ == "each" and child.dep_ in ("appos", "advmod", "det", "amod") for child in noun.children)


def _on_average(token: Token) -> bool:
    """ "50 people on board on average": the count is an average."""
    return any(
        child.dep_ == "prep" and child.lower_ == "on" and any(grand.lower_ == "average" for grand in child.children)
        for child in token.children
    )


# What a magnitude is told of: "a 6.2 quake", "the strongest of them a 4.9" (after "aftershocks").
_TREMORS = frozenset({"quake", "earthquake", "aftershock", "tremor", "temblor", "shock"})


def _fractional_tremor(quantity: Quantity, unit: str, kind: str) -> bool:
    """A figure with a fraction read as a count of tremors is their magnitude ("a 4.9 aftershock shook the region",
    "more than 300 aftershocks …, the strongest of them a 4.9")."""
    value = quantity.value
    return (
        kind == Kind.COUNT and singular(unit) in _TREMORS and value is not None and value != value.to_integral_value()
    )


def _said_of(quantity: Quantity, chunk: Chunk, unit: _Unit) -> _Unit:
    """A bare count's unit from what the sentence says of it: a toll or a verb of dying counts
    deaths; a population, a town's size or being missing, injured or evacuated counts people; "the
    number of patients" counts patients; "the bodies of four others" counts bodies."""
    text, start = chunk.text, quantity.start
    if _TOLL_BEFORE_RE.search(text, max(0, start - 80), start):
        return _Unit("death", unit.kind, True)  # "the death toll rose to 2,300": the toll counts deaths
    if _POPULATION_BEFORE_RE.search(text, max(0, start - 50), start):
        return _Unit("people", unit.kind, True)
    if not chunk.parsed:
        return unit
    token = _token_of(chunk.doc, quantity)
    read = _said_in_the_parse(token) if token is not None else ""
    return _Unit(read, unit.kind, True) if read else unit


def _token_of(doc: Doc, quantity: Quantity) -> Token | None:
    span = doc.char_span(quantity.start, quantity.number_end or quantity.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _said_in_the_parse(token: Token) -> str:
    if token.dep_ == "nummod" and token.head.lower_ in ("others", "more"):
        token = token.head  # "the bodies of nine others"
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ == "nummod" and head.pos_ in ("ADJ", "VERB"):
        if head.lower_ in DEATH_WORDS:
            return "death"  # "the floods left 40 dead"
        if head.lower_ in PEOPLE_WORDS:
            return "people"  # "… and 300 missing"
    if any(child.dep_ == "acl" and child.lower_ in PEOPLE_WORDS for child in token.children):
        return "people"  # "40 were killed and nearly 200 injured", the participle parsed as the number's own
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
        complements = [child for child in head.children if child.dep_ in ("acomp", "oprd", "attr")]
        words = {
            lemma,
            head.lower_,
            *(word.lemma_.lower() for word in complements),
            *(word.lower_ for word in complements),
        }
        claimed_clause = lemma == "claim" and any(child.pos_ == "VERB" for child in token.children)
        if words & DEATH_WORDS and (token.dep_ != "nsubj" or lemma != "kill") and not claimed_clause:
            # "10,000 died", "killing thousands", "70 were confirmed dead"; not "unions claimed 180,000 took part"
            return "death"
        if words & (PEOPLE_WORDS | PEOPLE_VERBS):
            return "people"  # "1,140 are missing", "12,166 are injured", "1.2 million have fled"
        attribute = next((word for word in complements if word.dep_ == "attr" and word.tag_ == "NNS"), None)
        if attribute is not None and token.dep_ == "nsubj" and lemma == "be":
            return _noun_unit(token.doc, attribute)  # "of those, 140 were children"
    if _tremor_valued(token):
        return "magnitude"  # "the quake, measured at 6.1 by the survey": the value of a tremor is its magnitude
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SETTLEMENT_NOUNS | GATHERING_NOUNS:
        return "people"  # "a coastal town of 13,000", "a crowd of 20,000"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.tag_ == "NNS":
        return _noun_unit(token.doc, head.head)  # "the bodies of four others"
    return _number_of(token)


def _tremor_valued(token: Token) -> bool:
    """Is the number what a verb measures or puts a tremor at ("the quake, measured at 6.1 by the survey", "the
    tremor was rated at 5.4", "upgraded the aftershock to 5.9")? The tremor is the verb's object or passive subject,
    or the noun the verb's participle describes; a number the verb sets anything else to (a toll, a count) is not."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("at", "to") or preposition.head.pos_ != "VERB":
        return False
    verb = preposition.head
    valued = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        valued.append(verb.head)
    return any(singular(noun.lower_) in _TREMORS for noun in valued)


def _number_of(token: Token) -> str:
    """ "The number of patients … has risen to seven million": patients; "the number waiting … hit
    32,776": people; "the total number of confirmed dead has climbed to 70": deaths; "arrivals have passed
    21,000": arrivals (a plural subject of a verb by which a count reaches a figure)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    set_to = _set_to(token, verb)
    if set_to is not None:
        return set_to
    subject = _subject_of(verb)
    if subject is None or subject.i == token.i:
        return ""
    if subject.lemma_.lower() == "toll":
        # "the death toll from Saturday's 6.8-magnitude quake in the highlands rose to 1,214": however far the
        # words carry the toll from its figure, it counts the dead (as "the death toll rose to 2,300" does)
        return "death"
    if subject.lemma_.lower() not in TALLY_NOUNS:
        plural = subject.tag_ == "NNS" and subject.ent_type_ == ""
        partitive = any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children)
        if not plural or partitive or verb.lemma_.lower() not in LEVEL_VERBS:
            return ""  # "rescuers have reached 17 of the trapped miners": the subject is who reached them
        return _noun_unit(token.doc, subject) + _per_period(subject)
    counted = _tally_of(subject)
    if counted:
        return counted
    return "people" if any(child.dep_ in ("acl", "relcl") for child in subject.children) else ""


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; through a clause the parse took for the subject ("the number of patients waiting to
    start treatment has risen to seven million", parsed with "waiting" as the subject clause), that clause's own;
    one the parse hung as the object of a clause opening the sentence (`subject_taken_as_object`)."""
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return subject
    clause = next((child for child in verb.children if child.dep_ == "csubj"), None)
    if clause is None:
        return subject_taken_as_object(verb)  # "As bodies are identified the number of missing has fallen to …"
    return next((child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass")), None)


# Nouns that name only a tally, its "of" saying what it counts: "the number of dead", "the total of arrivals".


# Adjectives that make a count a rate ("daily crossings have slowed to around 800": crossings per day).
_PERIODIC = {"daily": "day", "weekly": "week", "monthly": "month", "annual": "year", "yearly": "year"}


def _per_period(noun: Token) -> str:
    """ " per day" when an adjective says the noun is counted per day ("daily crossings"), else ""."""
    period = next((_PERIODIC[child.lower_] for child in noun.children if child.lower_ in _PERIODIC), None)
    return f" per {period}" if period else ""


def _tally_of(tally: Token) -> str:
    """What "the number of X" counts: X's unit (deaths for the dead); "" when no "of" says it."""
    of = next((child for child in tally.children if child.dep_ == "prep" and child.lower_ == "of"), None)
    counted = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
    if counted is None:
        return ""
    return "death" if counted.lemma_.lower() in DEATH_WORDS else _noun_unit(tally.doc, counted)


# Objects that say only that a figure is someone's reading, not what it counts: "raised its estimate to 40".
_READING_NOUNS = frozenset({"estimate", "figure", "forecast", "projection", "target", "toll"})


# Objects that name a gathering of people, whose figure counts the people ("put the crowd at 180,000").
_CROWD_NOUNS = frozenset({"crowd", "turnout", "attendance", "audience"})


def _set_to(token: Token, verb: Token) -> str | None:
    """ "raising the number of dead to 152", "taking the total held to 640", "revised the quake's magnitude to
    7.0", "put the magnitude at 6.9": a number that a verb sets its object to, or puts it at, counts what the object
    names (as the subject does in "the number of patients has risen to …"). None when the number is not set so, or
    the object names nothing."""
    obj = valued_object(token, verb, ("to", "at"))  # the value a verb sets its object to, as counted.py reads it
    if obj is None or obj.pos_ != "NOUN":
        return None
    lemma = obj.lemma_.lower()
    if lemma in TALLY_NOUNS:
        # "bringing the total announced this year to 8,500", with no "of": of what the sentence counted before
        return _tally_of(obj) or None
    if lemma in _READING_NOUNS | _CROWD_NOUNS:
        # the toll is read by the words before the number; an estimate names no thing; a crowd is of people
        return None
    return _noun_unit(token.doc, obj)


def _counted_as_things(doc: Doc, quantity: Quantity) -> bool:
    """ "Two days were more than 2C warmer", "the warmest two individual months": units of time
    counted as things (the subject, or after a superlative), not a span of time."""
    token = _token_of(doc, quantity)
    if token is None or token.dep_ != "nummod":
        return False
    noun = token.head
    superlative = any(child.tag_ == "JJS" for child in noun.children)
    return noun.dep_ in ("nsubj", "nsubjpass") or superlative


def hyphenated(quantity: Quantity, text: str) -> bool:
    """ "six-week", "10-year": a unit glued on with a hyphen."""
    return "-" in text[quantity.number_end : quantity.end]


# A length per hour is a speed, its own unit: "90 km per hour" is km/h, "70 miles an hour" mph; and "miles per hour",
# read as mph already, is not mph per hour again.
_SPEED_OF = {("km", "hour"): "km/h", ("mile", "hour"): "mph", ("mph", "hour"): "mph", ("km/h", "hour"): "km/h"}


def _as_rate(quantity: Quantity, text: str, unit: _Unit, *, hyphenated: bool) -> _Unit:
    """ "40 people a day", "12 cases per 100,000": the unit with what it is per, kind rate."""
    name, kind, stated = unit
    if kind in (Kind.COUNT, Kind.MEASURE) and name and not hyphenated:
        rate = _rate_denominator(text, quantity.end)
        if (name, rate) in _SPEED_OF:
            return _Unit(_SPEED_OF[name, rate], Kind.MEASURE, stated)
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
    positions = [end]
    if unit_words:
        # "9 litres of water a day", "2 million barrels of oil per day": the unit, then what it is of
        of_what = _OF_WHAT_RE.match(text, unit_words.end())
        positions[:0] = [unit_words.end()] + ([of_what.end()] if of_what else [])
    for position in positions:
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


# Nouns a number can stand before without counting them: parts of a day ("at 140 early Saturday morning")
# and words for the figure itself ("the 10,000 estimate", "the 5.2% figure").
_NOT_COUNTED = frozenset(
    """morning mornings afternoon afternoons evening evenings midday noon midnight dawn dusk
    estimate estimates figure figures forecast forecasts projection projections""".split()
)


def _counted_noun(doc: Doc, quantity: Quantity, times: list[TimeExpr]) -> str | None:
    """What a count counts, from the parse: the plural after it, the noun it modifies or the
    first noun after a few function words and adjectives, with its compound modifiers ("asylum
    seekers"); None for a name, a unit of time, or a noun inside a time phrase."""
    span = doc.char_span(quantity.start, quantity.number_end or quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = _counted_token(doc, span)
    if noun is None:
        return _partitive_of(doc, span)
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
    if noun.lower_ in _NOT_COUNTED:
        return None  # "140 early Saturday morning", "the 10,000 estimate": when, or what kind of figure
    if noun.lower_ in DEATH_WORDS:
        return "death"  # "150 killed and 900 hurt" as the parse may read it: what befell them, not a thing
    if noun.lower_ in PEOPLE_WORDS:
        return "people"
    return _noun_unit(doc, noun)


def _partitive_of(doc: Doc, span: Span) -> str | None:
    """What a number taken "of" a group counts, where the parse hangs the group on the number and more than one
    word stands between them ("nine of the stranded climbers have been found", "rescuers reached 30 of the town's
    fishing boats", "six of the injured"): the group's noun, or the people its fate names. None when the "of" holds
    no such noun ("40 of them")."""
    root = span.root
    of = next((child for child in root.children if child.dep_ == "prep" and child.lower_ == "of"), None)
    whole = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return None
    if whole.lower_ in DEATH_WORDS:
        return "death"
    if whole.lower_ in PEOPLE_WORDS:
        return "people"
    if whole.pos_ != "NOUN" or whole.tag_ != "NNS":
        return None
    return _noun_unit(doc, whole)


def _counted_token(doc: Doc, span: Span) -> Token | None:
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
        if _tells_the_number(token, span):
            return None
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and (token.tag_ == "NNPS" or token.ent_type_ == "NORP")):
            return token
        return None
    return None


def _tells_the_number(token: Token, span: Span) -> bool:
    """Is the word after a number the subject of a clause on that number ("fewer than the 760 the ministry reported",
    "the 40 the agency counted"): who told or counted it, not what it counts?"""
    clause = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl" and span.start <= clause.head.i < span.end


def _noun_unit(doc: Doc, noun: Token) -> str:
    """The unit a counted noun names: its singular, after the lower-case nouns compounding it."""
    if noun.pos_ == "NOUN" and noun.lower_ not in IRREGULAR_SINGULARS:
        lemma = noun.lemma_.lower()
    else:
        lemma = singular(noun.text)
    if lemma in ("person", "persons") or noun.ent_type_ == "NORP":
        return "people"  # "four Russians", "five Indian": people of a nationality
    compounds: list[str] = []
    j = noun.i - 1
    while (
        j >= 0
        and doc[j].dep_ == "compound"
        and doc[j].head.i == noun.i
        and doc[j].pos_ in ("NOUN", "ADJ")  # "dengue cases": a noun compound the tagger may take for an adjective
        and doc[j].text.islower()
        and doc[j].lower_ not in MULTIPLES  # "a half-dozen islands": the dozen is the number's
        and not any(char.isdigit() for char in doc[j].text)  # "12k homes": the figure, tagged a noun
    ):
        compounds.insert(0, doc[j].lower_)
        j -= 1
    return " ".join(compounds + [lemma])
