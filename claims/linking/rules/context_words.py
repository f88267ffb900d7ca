"""The words around the number in its own sentence: its subject (`subject_similarity`), and
what its own words say of the figure (not measured, a baseline, a running count, a count standing still).
"""

from __future__ import annotations

import functools
import itertools
import math
import re

from .figures import figure_interval, representative_value
from .measure import _GROUP_OF, _stem, claim_measure
from .tunables import MAGNITUDE, ClaimFacts, _quote_span

# Nouns that say little of what is counted: what happened to the people is in the other words.
_GENERIC = frozenset({"people"})
GENERIC_WEIGHT = 0.3

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.&/-]*[^\W_])?|\d[\d,.]*|[();:–—\"“”]")
_CLAUSE_MARKS = set('();:–—"“”')
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but nor as is are was were be been being am has have had
    having it its it's this that these those which who whom whose what when where why how while than then there
    their they them he she his her hers we our you your i me my mine not no so such into onto upon out about
    around over under above below up down off again further once here all any both each few more most other
    some own same too very can will just should now also only would could may might must shall do does did
    done doing said says say saying told tells according reported report reports reporting announced added
    noted stated showed shows show data figures figure official officials per cent percent pct number numbers
    total year years month months week weeks day days today yesterday tomorrow time times one two three four
    five six seven eight nine ten eleven twelve hundred thousand million billion trillion dozen dozens nearly
    almost roughly approximately estimated estimate some least less fewer greater than within just about
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms
    dr new first second third last previous next earlier later ago since until till still yet even already
    among between through during before after against amid via including include includes like well
    compared compare comparison versus following follow followed despite respectively whereas although though
    however meanwhile elsewhere instead overall making make made came come get got go going put set see saw
    seen show shown take taken give given note notes add adds announce release released claim claims accord
    accordingly partly slightly largely marginally mainly mostly nearly broadly roughly significantly sharply
    substantially respectively rate level amount""".split()
)
# Words that mark a figure as not (yet) measured: a forecast, an expectation, a target.
_NOT_ACTUAL = frozenset(
    {"forecast", "forecasted", "expect", "expected", "expectation", "predict", "predicted", "prediction",
     "project", "projected", "projection", "target", "goal", "consensus", "estimate", "anticipate",
     "anticipated", "outlook", "aim", "limit", "threshold"}
)  # fmt: skip
# Of those, the words that make the figure itself no measurement when they stand right by it
# ("the predicted 2.9%", "a target of 95%", "limit warming to 1.5 degrees").
_NOT_MEASURED = frozenset(
    {"forecast", "forecasted", "predict", "predicted", "prediction", "project", "projected", "projection",
     "target", "goal", "consensus", "aim", "limit", "threshold"}
)  # fmt: skip
# Words by a figure that make it an increment on a count, not the count: "one more body", "another 12".
_INCREMENT_AFTER = frozenset({"more", "additional", "further", "extra", "new"})

# A figure its sentence goes on to add to a count: "arrested 420 people overnight, bringing the total to 1,300".
_ADDING_VERBS = r"\b(?:bringing|taking|pushing|raising|lifting)\b"
_ADDING_TO = rf"{_ADDING_VERBS}(?:\s+\S+){{0,8}}?\s+to"

# Words near a number that say it is a running count: "so far", "has risen to", "the toll", "a total of".
_RUNNING = (
    r"so far|till now|until now|to date|as of|thus far|up to now|the latest|latest|updated|revised|revision"
    r"|toll|tally|total|cumulative|rose to|risen to|grew to|grown to|swelled to|climbed|jumped|surged|mounted|reached"
    r"|rising|climbing"
    r"|remain|remains|remained|remaining|still|confirmed|officially"
    r"|(?:bringing|brings|bring)(?:\s+\S+){0,5}?\s+to"  # "bringing the number of dead to 45", "brings the total to 60"
    r"|in all(?=[,.;]|$)|all told"  # "In all, 920 homes were flooded"
    r"|(?:has|have|had)\s+(?:now\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t)"
)
_RUNNING_PATTERN = re.compile(rf"\b(?:{_RUNNING})\b")
# The perfect tense ("had counted", "has recorded"): a running count only while the period it counts is open.
_PERFECT_TENSE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b")
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b")
_MONTH_DAYS = 28  # a month or longer: a period's total, not one day's count told the next day
RUNNING_REACH = (60, 50)  # characters before and after the number that are read for those words

# Names of one subject in several words, read as one word before the words are weighed.
_PHRASES = (
    (re.compile(r"\bgross domestic product\b", re.IGNORECASE), "GDP"),
    (re.compile(r"\bconsumer price index\b", re.IGNORECASE), "CPI"),
    (re.compile(r"\bdeath toll\b", re.IGNORECASE), "toll"),
    (re.compile(r"\bper cent\b", re.IGNORECASE), "percent"),
)


def _place_words(facts: ClaimFacts) -> set[str]:
    words: set[str] = set()
    for name in facts.places:
        words.update(_stem(word) for word in re.findall(r"[^\W\d_]+", name))
    return words


def _sentence_words(facts: ClaimFacts) -> tuple[str, int, int]:
    """The sentence with multi-word names read as one word, and the quote's span in it."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    before, quote, after = sentence[:start], sentence[start:end], sentence[end:]
    for pattern, word in _PHRASES:
        before, after = pattern.sub(word, before), pattern.sub(word, after)
    return before + quote + after, len(before), len(before) + len(quote)


_GROUP_KEYS = frozenset(_GROUP_OF.values())
_SENTENCE_OPENING = re.compile(r"^[\W\d]*$")


def _in_a_name(sentence: str, at: int, word: str) -> bool:
    """A capitalised word inside its sentence ("the Ministry of Home Security", "a Rescue Service spokesman"): a
    word of a name, not a noun of what a figure counts. Not an abbreviation ("3.8% of GDP")."""
    return word[:1].isupper() and not word.isupper() and not _SENTENCE_OPENING.match(sentence[:at])


@functools.lru_cache(maxsize=8192)
def _context_of(facts: ClaimFacts) -> dict[str, float]:
    """The words about the number, each weighted by its nearness: the counted noun and the words of its
    own clause weigh most, the rest of the sentence little. Place names are left to the place test."""
    sentence, start, end = _sentence_words(facts)
    before = [(m.start(), m.group()) for m in _TOKEN.finditer(sentence, 0, start)]
    after = [(m.start(), m.group()) for m in _TOKEN.finditer(sentence, end)]
    places = _place_words(facts)
    weights: dict[str, float] = {}

    def add(word: str, weight: float, at: int = 0) -> None:
        if word.casefold().endswith("ly") and len(word) > 4 and word.casefold() not in _GROUP_OF:
            return  # an adverb says how, not what is counted
        stem = _stem(word)
        if _in_a_name(sentence, at, word) and stem in _GROUP_KEYS:
            stem = word.casefold()  # "the Ministry of Home Security", "the House": a name, not homes or buildings
        if len(stem) < 2 or stem in _STOPWORDS or word.casefold() in _STOPWORDS or stem in places or stem[0].isdigit():
            return
        if stem in _GENERIC:
            weight = min(weight, GENERIC_WEIGHT)  # "people" says who, not what happened to them
        if weight > weights.get(stem, 0.0):
            weights[stem] = weight

    others = _coordinated_others(before, after) | _asides(sentence, start, end)
    # What a number is about mostly comes before it ("China's GDP grew 5.2%"); after it, only the
    # counted noun and its complement ("16 bodies", "5.2 percent growth"), then causes and times.
    for tokens, reaches in ((reversed(before), (3, 6, 10)), (after, (2, 4, 7))):
        distance, crossed = 0, 0
        for at, token in tokens:
            if token in _CLAUSE_MARKS:
                crossed += 1
                continue
            distance += 1
            if token[0].isdigit():
                crossed += 1  # words past another number are more that number's than this one's
                continue
            reach = distance + 4 * crossed + 100 * (at in others)
            near, middle, far = reaches
            add(token, 1.0 if reach <= near else 0.6 if reach <= middle else 0.3 if reach <= far else 0.1, at)
    noun = claim_measure(facts).noun
    if noun:
        add(noun, 1.0)
    return weights


# A relative clause set off by commas ("the centre, which has become the largest shelter, …"): of the noun before it.
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;.\d]*,", re.IGNORECASE)


def _asides(sentence: str, start: int, end: int) -> frozenset[int]:
    """Where a relative clause set off by commas, not holding the figure, stands: it tells of the noun before it, not
    of what the figure counts ("At the town hall, which has been turned into a shelter, volunteers handed out 900
    blankets": the blankets are no shelter). Positions in the sentence, of the aside's own words."""
    spans = [m.span() for m in _ASIDE.finditer(sentence) if not (m.start() <= start and end <= m.end())]
    return frozenset(i for first, last in spans for i in range(first, last))


_COORDINATING = frozenset({"and", "or"})


def _coordinated_others(before: list[tuple[int, str]], after: list[tuple[int, str]]) -> frozenset[int]:
    """Where the words of another figure coordinated with this one stand: in "40 people were killed and 120 injured",
    "were killed" is the 40's own clause, not the 120's; in "killed 40 and injured 120", "injured" is the 120's, not
    the 40's. Read, within one clause, between another number and the "and" ("or", "with") that joins its clause to
    this number's: those words weigh as the far end of the sentence. A day or a year ("on September 12") is no such
    figure. Positions in the sentence."""
    others: set[int] = set()

    def a_date(tokens: list[tuple[int, str]], i: int) -> bool:
        near = {tokens[j][1].casefold() for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
        return bool(near & set(_MONTH_NAMES)) or bool(re.fullmatch(r"(?:19|20)\d\d", tokens[i][1]))

    # before: the nearest other number, then a coordinator between it and this number
    tokens = before
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i][1]
        if token in _CLAUSE_MARKS:
            break
        if token[0].isdigit() and not a_date(tokens, i):
            joins = [j for j in range(i + 1, len(tokens)) if tokens[j][1].casefold() in _COORDINATING]
            if joins:
                others.update(at for at, _ in tokens[i + 1 : joins[0]])
            break
    tokens = after
    for i, (_, token) in enumerate(tokens):
        if token in _CLAUSE_MARKS:
            break
        if token[0].isdigit() and not a_date(tokens, i):
            joins = [j for j in range(i) if tokens[j][1].casefold() in _COORDINATING]
            if joins:
                others.update(at for at, _ in tokens[joins[-1] + 1 : i])
            break
    return frozenset(others)


def trigram_similarity(first: str, second: str) -> float:
    """pg_trgm's similarity() in Python: shared word trigrams over all trigrams of either text."""
    mine, theirs = _trigrams(first), _trigrams(second)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


@functools.lru_cache(maxsize=8192)
def _trigrams(text: str) -> frozenset[str]:
    grams: set[str] = set()
    for word in re.findall(r"[^\W_]+", text.casefold()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def specificity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How unlikely it is that two figures agree by chance: -log10 of the wider one's relative width,
    0–3. "387,257" twice is 3 (one fact, surely); "4" and "4", or "about 2,000", below 1."""
    widths = []
    for facts in (a, b):
        interval = figure_interval(facts)
        point = representative_value(facts)
        if interval is None or not point or not math.isfinite(interval.high - interval.low):
            return 0.0
        widths.append(max((interval.high - interval.low) / abs(point), 1e-3))
    return max(0.0, min(3.0, -math.log10(max(widths))))


def subject_similarity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How alike the words about the two numbers are: the cosine of their weighted words, 0–1."""
    first, second = _context_of(a), _context_of(b)
    if not first or not second:
        return 0.0
    shared = sum(weight * second[word] for word, weight in first.items() if word in second)
    norm = math.sqrt(sum(w * w for w in first.values()) * sum(w * w for w in second.values()))
    return shared / norm if norm else 0.0


def shared_subject_words(a: ClaimFacts, b: ClaimFacts, limit: int = 3) -> list[str]:
    """The heaviest words both numbers are about, for the reasons."""
    first, second = _context_of(a), _context_of(b)
    shared = sorted((-(first[w] * second[w]), w) for w in first if w in second)
    return [word for _, word in shared[:limit]]


_NUMBER_WORDS = {
    "a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip

_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:but|while|whereas|although)\b|;")
# Words after a figure that open another figure it is set beside: what follows is that figure's ("revised up to 0.7%
# from its flash estimate of 0.6%", "grew 0.6%, above the 0.5% forecast", "2.4%, against expectations of 2.2%").
_OTHER_FIGURE_AFTER = re.compile(
    r"\b(?:from|than|above|below|beating|beat|missing|compared (?:with|to)|against|versus)\b", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)
def _words_beside(facts: ClaimFacts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the sentence before the figure's quote and after it, case-folded, digits left out."""
    start, end = _quote_span(facts)
    return tuple(_WORD.findall(facts.sentence[:start].casefold())), tuple(
        _WORD.findall(facts.sentence[end:].casefold())
    )


_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8192)
def not_measured(facts: ClaimFacts) -> bool:
    """A word right by the figure (four words before it, two after) makes it a forecast, a target or a
    limit, not a measurement: it is never the same fact as a measured figure. Not a limit told as what was passed,
    on the occasions the figure counts (`_limit_crossed_on`: "exceeded the limit on 40 days")."""
    before, after = _words_beside(facts)
    if any(_forecasting(word) for word in after[:2]):
        return True
    if any(_forecasting(word) for word in before[-4:]) and not _limit_crossed_on(before):
        return True
    opening = itertools.pairwise(before[-FORECAST_REACH:])
    if any(_forecasting(word) and following == "that" for word, following in opening):
        return True  # "ministers had forecast that arrivals would fall below 30,000": the clause is what was forecast
    # "analysts had expected a profit of 575 million": an expectation, where "was expected" is a flash estimate's
    return any(first in _PERFECT and second == "expected" for first, second in itertools.pairwise(before[-5:]))


# A verb of going past a level ("exceeded", "breaching", "above"), then the level's word and a preposition of the
# occasions it was passed on ("exceeded the limit on 40 days", "breaching the threshold in a third of the months").
_PAST_A_LEVEL = re.compile(
    r"(?:exceed|surpass|breach|overshoot|overshot)\w*|(?:pass|cross)(?:e[sd]|ing)?|top(?:s|ped|ping)?|"
    r"break(?:s|ing)?|broke|broken|beat(?:s|en)?|above"
)
_OCCASIONS = frozenset({"on", "in", "during", "across"})
LIMIT_CROSSER_REACH = 3  # words before the limit's word that may hold the verb going past it


def _limit_crossed_on(before: tuple[str, ...]) -> bool:
    """The limit's word by the figure is what was passed, and the figure tells the occasions it was passed on
    ("river levels exceeded the flood threshold on 40 days", "breached the limit in 40% of the samples"): a count or
    share measured, not the limit itself (not "exceeded the target of 2%", where the figure is the target, nor "a
    limit of 1.5C")."""
    for at in range(max(0, len(before) - 4), len(before) - 1):
        if not _forecasting(before[at]) or before[at + 1] not in _OCCASIONS:
            continue
        if any(_PAST_A_LEVEL.fullmatch(word) for word in before[max(0, at - LIMIT_CROSSER_REACH) : at]):
            return True
    return False


def _forecasting(word: str) -> bool:
    """A word of forecasting, targeting or expecting ("forecast", "target", "expects")."""
    return word in _NOT_MEASURED or word in _EXPECTING or _stem(word) in _NOT_MEASURED


FORECAST_REACH = 7  # words before the figure in which "forecast that" opens the clause it stands in


# Someone expecting a figure ("the government expects growth of 2.2%", "economists expect"); not "is expected to
# have", the words of a flash estimate of a measured figure.
_EXPECTING = frozenset({"expect", "expects", "expecting"})
_PERFECT = frozenset({"had", "have", "has"})


# Words of a change in value: the extractor's `claims.extraction.vocabulary.CHANGE_WORDS`, written again because
# the import contracts keep the rules and the extractor apart (pyproject.toml); a test keeps the two equal.
CHANGE_WORDS = (
    r"r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|increas\w*|decreas\w*|gr[eo]w\w*|jump\w*|drop\w*|climb\w*|"
    r"declin\w*|soar\w*|surg\w*|plung\w*|slow\w*|accelerat\w*|advanc\w*|gain\w*|moved|went|chang\w*|revis\w*|"
    r"expan\w*|shr[aiu]nk\w*|contract\w*|dipped|edged|eased|tumbled|slid|slumped|doubled|tripled|halved|"
    r"higher|lower|up|down"
)
_CHANGED = re.compile(rf"\b(?:{CHANGE_WORDS})\b")
_BASELINE = re.compile(
    r"(?:\bfrom|\bcompared (?:with|to)|\bthan|\bversus|\bvs\.?|\bfollowing)(?:\s+(?:the|a|an|its|their))?"
    r"(?:\s+(?:provisional|preliminary|revised|initial|earlier|previous|first|original|record))?"
    r"(?:\s+(?:peak|high|low)\s+of)?\s*$"  # "down from a peak of 230,000"
)


# A modal, then a verb of reaching, right before the figure: "the toll could reach 15,000", "may rise to 100",
# "arrivals would fall below 30,000".
_PROJECTED = re.compile(
    r"\b(?:could|may|might|would|will|(?:set|expected|likely|feared|bound) to)\s+(?:well\s+|even\s+|soon\s+)?"
    r"(?:reach|rise|climb|exceed|top|surpass|hit|pass|increase|grow|double|soar|jump|mount|fall|drop|decline)\w*"
    r"(?:\s+(?:to|above|beyond|over|past|below|under))?\s*$"
)


@functools.lru_cache(maxsize=8192)
def projected(facts: ClaimFacts) -> bool:
    """Someone says the figure could be reached ("the toll could reach 15,000", "is expected to rise to 3%"): a
    projection of the count, not a reading of it, so neither its update nor updated by it."""
    start, _ = _quote_span(facts)
    return bool(_PROJECTED.search(facts.sentence[:start].casefold()))


@functools.lru_cache(maxsize=8192)
def baseline(facts: ClaimFacts) -> bool:
    """The figure is the baseline of a comparison in its sentence ("up from 9.9% in September", "compared
    with 5.5%", "faster than the 4.3% increase"): an earlier or other value the news is measured against."""
    start, _ = _quote_span(facts)
    found = _BASELINE.search(facts.sentence[max(0, start - 40) : start].casefold())
    if found is None:
        return False
    if not found.group(0).lstrip().startswith("from"):
        return True
    # "from" opens a baseline only after a change or a level ("rose to 5.0 from 4.8", "came in at 5.1 percent
    # from 5 percent"); "12 people from 3 families" is an origin
    before = facts.sentence[max(0, start - 120) : start].casefold()
    return bool(_CHANGED.search(before) or re.search(r"\bat\s+\d(?:[^.;]|\.(?=\d)){0,40}\bfrom\b\D*$", before))


# A baseline a revision was made from: "a revision from the 10.7% reported earlier", "revised up from 1,612".
_REVISED_FROM = re.compile(
    r"\b(?:revis\w*|restat\w*|correct(?:ed|ion))\b(?:\s+(?:up|upwards?|down|downwards?))?\s+from\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def revised_from(facts: ClaimFacts) -> bool:
    """The figure is the one a revision was made from ("this marked a revision from the 10.7% reading reported
    previously", "revised up from a provisional 1,612"): the statistic's earlier reading, not another period's."""
    start, _ = _quote_span(facts)
    return bool(_REVISED_FROM.search(facts.sentence[max(0, start - 60) : start]))


@functools.lru_cache(maxsize=8192)
def running(facts: ClaimFacts) -> bool:
    """The words around the figure read it as a running count: "so far", "has risen to", "the toll",
    "have been recovered", "at least". Never a quake's magnitude, one shock's, whatever words stand near it ("more
    than 150 aftershocks since the 6.8 main shock")."""
    if claim_measure(facts).dimension == MAGNITUDE:
        return False
    if facts.qualifier == "at_least":
        return True
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - RUNNING_REACH[0]) : end + RUNNING_REACH[1]].casefold()
    return bool(_RUNNING_PATTERN.search(near))


@functools.lru_cache(maxsize=8192)
def _running_by_its_tense_alone(facts: ClaimFacts) -> bool:
    """Only the perfect tense ("had counted", "has recorded") reads the figure as a running count."""
    if claim_measure(facts).dimension == MAGNITUDE or facts.qualifier == "at_least":
        return False
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - RUNNING_REACH[0]) : end + RUNNING_REACH[1]].casefold()
    return bool(_PERFECT_TENSE.search(near)) and not _RUNNING_PATTERN.search(_PERFECT_TENSE.sub(" ", near))


def running_beside(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`running`, unless only the perfect tense reads it so and its sentence names its period, a month or longer,
    by its year, a period over before its own page and the other's were told, or, on a page without its day, told
    in the pluperfect ("the 2019 survey had counted 4,100 nesting pairs", beside a figure told in 2021): that
    period's total, looked back on, no count still running. Beside a figure told while that period was still open,
    it stays running: the total is that count's last reading."""
    if not running(facts):
        return False
    start, end = facts.period_start, facts.period_end
    if not _running_by_its_tense_alone(facts) or start is None or end is None or (end - start).days < _MONTH_DAYS:
        return True
    told_while_open = other.published is not None and other.published <= end
    if told_while_open or re.search(rf"\b{end.year}\b", facts.sentence) is None:
        return True
    if facts.published is None:  # no day of its own: only the pluperfect sets the count in a past it looks back on
        return not _PLUPERFECT.search(facts.sentence)
    return facts.published <= end


_MONTH_NAMES = tuple("january february march april may june july august september october november december".split())


@functools.lru_cache(maxsize=8192)
def _own_stretch(facts: ClaimFacts) -> tuple[int, int]:
    """Where the figure's own stretch of its sentence begins and ends: up to the other figures written in digits
    before and after it ("in seven days" is no other figure's), or the sentence's ends."""
    start, end = _quote_span(facts)
    low, high = 0, len(facts.sentence)
    for first, last, _ in _figures_beside(facts):
        if last <= start:
            low = max(low, last)
        elif first >= end:
            high = min(high, first)
    return low, high


_MORE_NUMBER_WORDS = {
    **{word: float(number) for word, number in _NUMBER_WORDS.items() if word not in ("a", "an")},
    "thirteen": 13.0, "fourteen": 14.0, "fifteen": 15.0, "sixteen": 16.0, "seventeen": 17.0, "eighteen": 18.0,
    "nineteen": 19.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "dozen": 12.0,
}  # fmt: skip
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_MORE_NUMBER_WORDS))})\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def figures_scaled_beside(facts: ClaimFacts) -> tuple[tuple[int, int, float], ...]:
    """The other numbers of the figure's sentence written in digits, scaled by the word after them ("900,000",
    "$2.3 billion" is 2.3e9): (start, end, value), as a figure's own value is read."""
    found = []
    for first, last, number in _figures_beside(facts):
        scale = _SCALE_AFTER.match(facts.sentence, last)
        found.append((first, last, number * _SCALE_WORDS[scale.group(1).casefold()] if scale else number))
    return tuple(found)


@functools.lru_cache(maxsize=8192)
def _numbers_beside(facts: ClaimFacts) -> tuple[tuple[int, int, float], ...]:
    """The other numbers of the figure's sentence, in digits or words, scaled ("900,000", "2.3 million", "two"):
    (start, end, value)."""
    start, end = _quote_span(facts)
    found = []
    for first, last, number in _figures_beside(facts):
        scale = _SCALE_AFTER.match(facts.sentence, last)
        found.append((first, last, number * _SCALE_WORDS[scale.group(1).casefold()] if scale else number))
    for match in _NUMBER_WORD.finditer(facts.sentence):
        if match.start() < end and match.end() > start:
            continue
        found.append((match.start(), match.end(), _MORE_NUMBER_WORDS[match.group().casefold()]))
    return tuple(found)


_STILL = frozenset({"still", "remain", "remained", "remains", "remaining"})


@functools.lru_cache(maxsize=8192)
def standing(facts: ClaimFacts) -> bool:
    """The count is of those still in a state ("1.6 million customers remained without power", "54,000 are
    still in shelters"): a stock that falls as the state ends, not a tally that only grows."""
    before, after = _words_beside(facts)
    # "power was restored to all but 3,000 homes": those the state has not yet left
    if _STILL.intersection(before[-3:] + after[:3]) or tuple(before[-2:]) == ("all", "but"):
        return True
    # "610,000 homes and businesses were still without power": the verb after a longer noun phrase, in the
    # figure's own stretch of the sentence (up to a punctuation mark or another figure)
    _, end = _quote_span(facts)
    stretch = _OWN_STRETCH.match(facts.sentence, end)
    return stretch is not None and bool(_STILL.intersection(_WORD.findall(stretch.group(0).casefold())[:6]))


_OWN_STRETCH = re.compile(r"[^,;:.\d]*")

_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|(?<![\d.,])\d+(?:\.\d+)?(?!\d|,\d)")


@functools.lru_cache(maxsize=8192)
def _figures_beside(facts: ClaimFacts) -> tuple[tuple[int, int, float], ...]:
    """The other numbers written in digits in the figure's sentence: (start, end, value). Read once per claim: a new
    claim meets a hundred candidates."""
    start, end = _quote_span(facts)
    found = []
    for match in _FIGURE.finditer(facts.sentence):
        if match.start() < end and match.end() > start:
            continue  # the figure's own number
        found.append((match.start(), match.end(), float(match.group().replace(",", ""))))
    return tuple(found)
