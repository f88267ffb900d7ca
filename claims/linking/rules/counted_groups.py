"""What a figure counts: the parse of its counted group (`parsed_counted`, `counted_thing`), its
stages and fates, statistics, thresholds, and the parts of a group or a toll (`counts_differ`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .context_words import (
    _ADDING_TO,
    _GENERIC,
    _INCREMENT_AFTER,
    _MONTH_NAMES,
    _NUMBER_WORDS,
    _RUNNING_PATTERN,
    _STOPWORDS,
    _WORD,
    _context_of,
    _numbers_beside,
    _own_stretch,
    _place_words,
    _words_beside,
    standing,
)
from .figures import _LOWER_BOUNDS, _UPPER_BOUNDS, representative_value
from .measure import _GROUP_OF, _singular, _stem, claim_measure
from .place_names import _place_tokens
from .tunables import MAGNITUDE, ClaimFacts, _quote_span

# What a count can be of, by the groups above: two counts of different ones are different facts
# ("93 dead" is not "93 injured"), whatever the numbers. Bodies are counted as deaths are.
COUNTED = frozenset(
    {"death", "body", "injury", "missing", "displaced", "shelter", "rescue", "affected", "patient", "arrest",
     "crossing", "passenger", "board", "crew", "troop", "child", "worker", "settlement", "building", "case",
     "vehicle", "boat"}
)  # fmt: skip
_KIN = {"body": "death"}
# What a count of things (or of countries), not of people, is of: never the same quantity as a count of people.
_THINGS = frozenset({"building", "vehicle", "boat", "settlement", "country"})
# What a count of events is of ("more than 30 landslides this season", "120 aftershocks"): things, not people.
_EVENTS = frozenset(
    """landslide aftershock quake earthquake tremor storm fire wildfire blaze attack strike explosion flood accident
    crash incident eruption""".split()
)
# What a disaster's running tolls count: told again on a later day, a count of one of them is a later reading
# even without running words ("2,000 died", then "2,900 died"). The rescued are tallied as the dead are.
TOLLS = frozenset({"death", "injury", "missing", "displaced", "rescue"})
COUNTED_WEIGHT = 0.3  # a word of the number's own clause, not the far end of the sentence

_INCREMENT_FOLLOWS = re.compile(rf"[ \t]+(?:{'|'.join(sorted(_INCREMENT_AFTER))})\b", re.IGNORECASE)
_INCREMENT_BEFORE = frozenset({"another", "additional", "further", "extra"})
# "more … than" within the clause: a comparison, not an increment ("1,100 more people died than in a normal July").
_COMPARED = re.compile(r"(?:[ \t]+[^\s,;.]+){0,6}?[ \t]+than\b", re.IGNORECASE)

_ADDED_TO = re.compile(rf"{_ADDING_TO}\b", re.IGNORECASE)


def _counted_groups(words: Iterable[str]) -> frozenset[str]:
    """The things of COUNTED these group words name, bodies read as deaths (`_KIN`)."""
    return frozenset(_KIN.get(word, word) for word in words if word in COUNTED)


@functools.lru_cache(maxsize=8192)
def counted(facts: ClaimFacts) -> frozenset[str]:
    """What the number counts, by the groups of the words nearest it (COUNTED): {"death"}, {"building"}."""
    near = {word for word, weight in _context_of(facts).items() if weight >= COUNTED_WEIGHT}
    return _counted_groups(near)


def counted_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared" (both count one thing), "conflict" (both say what they count, never the same) or "open"."""
    first, second = counted(a), counted(b)
    if not first or not second:
        return "open"
    if first & second:
        return "shared"
    # the words nearest the figures name different things, but the parse finds one thing both count ("9,500 people
    # evacuated", "9,000 residents left their homes"): a place left or a means is no other count
    return "open" if one_counted_thing(a, b) else "conflict"


# Words the parse gives for what a figure counts that say nothing of which thing it is.
_EMPTY_COUNTED = frozenset({"people", "number", "total", "figure", "count", "tally", "percent", "%", "rate", "level"})


# Head nouns that say only that a group is counted, its modifier saying which: "crew members" count the crew,
# "the number of dead" the dead, "the tally of missing" the missing.
_STAND_IN_NOUNS = frozenset({"number", "total", "tally", "count", "figure"})
# Places whose people the parse names by the place ("in hospital", "in custody"): who they are.
_IN_STATE = {"hospital": "patient", "custody": "detention"}
_NAMED_BY_MODIFIERS = _STAND_IN_NOUNS | {"member"}
# The verb of a building's word ("housed", "homed"): those it counts are sheltered, not buildings.
_HOUSED = {"building": "shelter"}
_HOUSED_PARTICIPLE = re.compile(r"\b(?:housed|homed|rehoused)\b", re.IGNORECASE)
# The figure's people lost their lives, a few words after it ("88 people had lost their lives in the storm"): the verb
# "lose" then counts the dead, not jobs or homes lost ("1,200 jobs were lost").
_LIVES_LOST = re.compile(r"(?:\s+[^\s,;.\d]+){0,4}?\s+lost\s+(?:their|his|her|its)\s+li(?:fe|ves)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _parsed(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What the parse says a figure counts, as stems: (the counted noun, the verb that governs it,
    the noun's own modifiers), place names left to the place test."""
    places = _place_words(facts) | _place_tokens(facts.story)
    found: dict[str, set[str]] = {"n": set(), "v": set(), "m": set()}
    named_by_modifiers = False
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        named_by_modifiers |= role == "n" and _stem(lemma) in _NAMED_BY_MODIFIERS
        if role in found:
            # The extractor already left out the verbs that say nothing (claims.extraction.counted); a verb
            # such as "take" is a stopword of the bag of words, not of the parse ("bodies taken to a hospital").
            dropped = _EMPTY_COUNTED | places if role == "v" else _STOPWORDS | _EMPTY_COUNTED | places
            stems = {_stem(part) for part in lemma.split()} - dropped
            if role == "v":
                # a verb of a thing's word puts people in it ("24,910 were housed in shelters"): not the thing
                stems = {_HOUSED.get(stem, stem) for stem in stems if stem not in _THINGS or stem in _HOUSED}
            elif role == "m" and _HOUSED_PARTICIPLE.search(facts.sentence):
                # … and so does its participle, parsed as the noun's modifier ("the number of people housed in school
                # halls"): the sheltered, not buildings
                stems = {_HOUSED.get(stem, stem) for stem in stems}
            found[role] |= stems
    # the state an empty verb puts a count in ("260 people remain in hospital"): those in hospital are patients
    found["m"] = {_IN_STATE.get(word, word) for word in found["m"]}
    if "lose" in found["v"] and _LIVES_LOST.match(facts.sentence, _quote_span(facts)[1]):
        found["v"] = (found["v"] - {"lose"}) | {"death"}  # "88 people had lost their lives": the dead
    found["v"] |= _bidden_deed(facts, found["v"])
    if "fall" in found["v"] and _FELL_ILL.search(facts.sentence[_quote_span(facts)[1] :]):
        found["v"] = (found["v"] - {"fall"}) | {"case"}  # "2,300 people have fallen ill": the sick, counted as cases
    if _TAKEN_TO_HOSPITAL.match(facts.sentence, _quote_span(facts)[1]):
        found["v"].add("patient")  # "11 people were taken to hospital": those brought in for treatment
    fate = _FATE_AFTER.match(facts.sentence, _quote_span(facts)[1])
    if fate and not found["n"]:
        found["v"].add(_stem(fate.group(1)))  # "had left more than 2,000 dead": the dead, whatever the verb
    if in_shelter(facts):
        found["v"].add(_stem("shelter"))  # "17,480 are staying in public shelters": the sheltered, whatever the verb
    if _by_rescuers(facts, found):
        found["v"].add("rescue")
    if sent_back(facts):
        found["v"].add("return")
    modifiers = found["m"] - found["n"] - found["v"]
    if named_by_modifiers and found["m"]:
        # "the number of dead", "crew members": the modifier says what is counted, and stands as the noun
        found["n"] = (found["n"] - _NAMED_BY_MODIFIERS) | found["m"]
    return frozenset(found["n"]), frozenset(found["v"]), frozenset(modifiers)


@functools.lru_cache(maxsize=8192)
def in_shelter(facts: ClaimFacts) -> bool:
    """The words right after the figure say its people stay, sleep or live in shelters ("17,480 of them are staying in
    public shelters", "about 6,500 people are sleeping in schools turned into shelters"): those in shelters, a stock
    of the displaced, however the parse reads the verb. Not a place's people ("a town where 9,000 people live")."""
    return bool(_STAYING_IN_SHELTER.match(facts.sentence, _quote_span(facts)[1]))


# Verbs by which those counted were made or told to do something ("were ordered to evacuate", "forced to flee").
_BIDDING = frozenset({"order", "force", "tell", "urge", "ask", "advise", "compel"})
_BIDDEN = re.compile(
    r"^[^,;.\d]{0,50}?\b(?:ordered|forced|told|urged|asked|advised|compelled)\s+to\s+([^\W\d_]+)", re.IGNORECASE
)


def _bidden_deed(facts: ClaimFacts, verbs: frozenset[str] | set[str]) -> set[str]:
    """The deed a count's verb bids its people do, right after the figure ("80,000 residents were ordered to
    evacuate": evacuate; "1,500 were forced to flee": flee): what the sentence says befell them. Empty when the
    count's verb bids nothing."""
    if not verbs & _BIDDING:
        return set()
    found = _BIDDEN.search(facts.sentence[_quote_span(facts)[1] :])
    return {_stem(found.group(1))} if found else set()


# The figure's people brought to a hospital, right after it ("11 people were taken to hospital", "40 were rushed to
# a hospital"): patients, whatever the light verb.
_TAKEN_TO_HOSPITAL = re.compile(
    r"[^,;.\d]{0,40}?\b(?:taken|brought|rushed|flown|airlifted|admitted)\s+to\s+(?:an?\s+|the\s+|local\s+)*hospitals?\b",
    re.IGNORECASE,
)
_FELL_ILL = re.compile(r"^[^,;.\d]{0,30}?\b(?:fallen|fell|falling)\s+(?:ill|sick)\b", re.IGNORECASE)
# A word of what befell people right after the figure, where the parse hangs no noun on it: "had left more than 2,000
# dead", "leaving 40 injured", "left 3,000 homeless".
_FATE_AFTER = re.compile(r"[ \t]+(dead|injured|wounded|homeless|missing)\b(?![ \t]+(?:and|or)\b)", re.IGNORECASE)
# The figure's people staying in shelters, right after it ("17,480 of them are staying in public shelters", "6,500
# people are sleeping in schools turned into shelters", "9,200 were living in shelters"): the sheltered.
_STAYING_IN_SHELTER = re.compile(
    r"[^,;.\d]{0,40}?\b(?:stay|stays|staying|stayed|sleep|sleeps|sleeping|slept|live|lives|living|lived)\b"
    r"[^,;.\d]{0,50}?\bshelters?\b",
    re.IGNORECASE,
)
# A verb of moving people told with "back" right after the figure ("140 people have been flown back", "412 were sent
# back"): they were returned.
_SENT_BACK = re.compile(r"^[^,;.\d]{0,40}?\b(?:been|were|was|are|is|be|being)\s+[^\W\d_]+\s+back\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def sent_back(facts: ClaimFacts) -> bool:
    """A count of people told as moved back where they came from ("140 people have been flown back", "412 people
    were sent back last year"): returns, whatever the verb of moving."""
    return bool(_SENT_BACK.search(facts.sentence[_quote_span(facts)[1] :]))


RESCUER_REACH = 10  # words before a count, in its clause, in which those who brought its people out are read


def _by_rescuers(facts: ClaimFacts, found: dict[str, set[str]]) -> bool:
    """A count of the living whose clause names rescuers as those who brought them out ("Rescuers had pulled 97
    people from the water", "rescue crews in boats lifted 2,340 people from rooftops"): the rescued, whatever the
    verb. Not bodies nor the dead ("rescuers pulled 11 more bodies from the mud")."""
    if _counted_groups(word for role in found.values() for word in role) & {"death", "body", "missing"}:
        return False
    clause = own_clause(facts)[0]
    words = _WORD.findall(clause.casefold())[-RESCUER_REACH:]
    if not any(word.startswith("n:") for word in facts.counted_words) or {"body", "death"} & {_stem(w) for w in words}:
        return False  # "retrieved the bodies of 70": the dead, named before the figure
    # "rescuers", or "rescue" naming who did it ("rescue crews", "rescue teams"); not "survivors", who are the rescued
    return any(word in ("rescuer", "rescuers") for word in words) or "rescue" in words[:-1]


def parsed_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "same" when the counted nouns and their verbs have a word in common ("bodies … recovered",
    "recovered 70 bodies"); "conflict" when both say what they count and nothing is common (passengers
    on board, bodies recovered); else "open". A verb alone is no conflict: outlets tell one fact with
    other verbs (recovered, retrieved; clocked, ran), and counting verbs as a conflict measured worse."""
    nouns_a, verbs_a, _ = _parsed(a)
    nouns_b, verbs_b, _ = _parsed(b)
    what_a, what_b = nouns_a | verbs_a, nouns_b | verbs_b
    if not what_a or not what_b:
        return "open"
    return "same" if what_a & what_b else "conflict"


@functools.lru_cache(maxsize=8192)
def parsed_counted(facts: ClaimFacts) -> frozenset[str]:
    """What the parse says a figure counts, among the things a count can be of (COUNTED): {"passenger"}."""
    nouns, verbs, modifiers = _parsed(facts)
    found = set(_counted_groups(nouns | verbs))
    if "remain" in modifiers or any(_GROUP_OF.get(word) == "missing" for word in modifiers | nouns):
        found.add("missing")  # the bodies that remain (are unfound, unaccounted for) are those not yet found
    return _aboard_alone(frozenset(found))


def one_counted_thing(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says both figures count one thing (deaths, bodies, the missing …), as words near the number
    would (`counted_relation`) where the sentence has none of its own ("It rose from 24 to 38")."""
    return bool(parsed_counted(a) & parsed_counted(b))


@functools.lru_cache(maxsize=8192)
def of_population(facts: ClaimFacts) -> bool:
    """The figure is a place's population ("a population of 200,000 people", "40 of the hamlet's 350 residents
    drowned"): a standing number, never a toll, a tally or anything that befell the people counted."""
    start, end = _quote_span(facts)
    near = facts.sentence[max(0, start - 40) : end + 25].casefold()
    if ("v:live" in facts.counted_words and not in_shelter(facts)) or _POPULATION.search(near):
        return True
    before = facts.sentence[max(0, start - 40) : start].casefold()
    if _OF_ITS.search(before) and _RESIDENTS.match(facts.sentence, end):
        return True  # "40 of its roughly 350 residents drowned": the place's people, of whom some died
    if _HAS_BEFORE.search(before) and _HAS_RESIDENTS.match(facts.sentence, end):
        return True  # "the district has about 41,000 permanent residents": whom it has, not what befell them
    return bool(_PLACE_OF.search(before))


_POPULATION = re.compile(r"\b(?:population|inhabitants)\b")
_PLACE_OF = re.compile(r"\b(?:city|town|capital|village|country|nation|island|metropolis) of\s*$")
_OF_ITS = re.compile(r"\bof\s+(?:its|their|the\s+[\w-]+['’]s)\s*$")  # "of its", "of the town's"
_RESIDENTS = re.compile(r"\s+(?:residents|people)\b")
_HAS_BEFORE = re.compile(r"\b(?:has|had|have)\s*$")  # "the town has about 12,000 residents"
_HAS_RESIDENTS = re.compile(r"\s+(?:[\w-]+\s+)?(?:residents|inhabitants)\b")  # "… 41,000 permanent residents"


@functools.lru_cache(maxsize=8192)
def nationalities(facts: ClaimFacts) -> frozenset[str]:
    """The nationality the parse says a count is of ("five Indians": {"indians"}); empty for most counts."""
    return frozenset(word[2:] for word in facts.counted_words if word.startswith("g:"))


def nations_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts are of a nationality, and of two ("9 Morvanian citizens", "four Belvanians"): two groups of the
    story's people, whatever the figures; "Morvanian" and "Morvanians" are one."""
    first, second = ({_stem(word) for word in nationalities(facts)} for facts in (a, b))
    return bool(first) and bool(second) and not first & second


_NAMED_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


@functools.lru_cache(maxsize=8192)
def named_group(facts: ClaimFacts) -> str:
    """The capitalised word right after a count, naming whom it counts by their nation or people ("one Irish",
    "five Indians", "five Indian nationals"): singular and case-folded ("indian"); "" when none is."""
    match = _NAMED_AFTER.match(facts.sentence, _quote_span(facts)[1])
    if not match:
        return ""
    word = _singular(match.group(1).casefold())
    return "" if word in _MONTH_NAMES or word in _WEEKDAY_NAMES else word


def one_named_group(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts name whom they count by one nation or people ("one Irish on board", "one Irish among the
    dead"): small counts that agree by more than chance."""
    group = named_group(a)
    return bool(group) and group == named_group(b)


@functools.lru_cache(maxsize=8192)
def _head_noun(facts: ClaimFacts) -> str:
    """The parse's head noun of what a count counts, singular and case-folded ("two dams": "dam"); "" when none."""
    nouns = [word[2:] for word in facts.counted_words if word.startswith("n:")]
    return _singular(nouns[0].casefold()) if nouns else ""


def one_story_thing(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both counts name by one head noun a thing the story itself is named by ("two dams burst" and "the two dams were
    built" in the story of a dam burst, "three trains" in a train crash's): the story's own things, counted alike by
    more than chance, whatever else each sentence says of them."""
    noun = _head_noun(a)
    if not noun or noun in _GENERIC or noun != _head_noun(b):
        return False
    named = {_singular(word) for entity in a.story + b.story for word in _WORD.findall(entity.casefold())}
    return noun in named


_MARKS = frozenset({"mark", "barrier", "milestone"})
_ONES_OWN = frozenset({"his", "her", "my"})


@functools.lru_cache(maxsize=8192)
def ones_own(facts: ClaimFacts) -> bool:
    """A count of one person's own, a possessive right before it ("who survived with his two children", "her three
    brothers"): a family's members or a person's things, never a count of the story's."""
    before, _ = _words_beside(facts)
    return bool(before) and before[-1] in _ONES_OWN


def is_threshold(facts: ClaimFacts) -> bool:
    """A duration with an open bound ("waiting more than 12 hours", "within four hours") is a threshold
    that sets a group apart, as the extractor reads it (a background figure): no fact to link. So is one
    that names a mark ("broke the two-hour barrier"): a yardstick, not a time anyone took. So is a magnitude told
    with "or more" (`magnitude_bar`), and a level named as a mark set for it (`level_mark`: "its warning level of 4
    metres")."""
    if claim_measure(facts).dimension == MAGNITUDE:
        return magnitude_bar(facts)
    if level_mark(facts):
        return True
    if claim_measure(facts).dimension != "duration":
        return False
    if facts.qualifier in _LOWER_BOUNDS | _UPPER_BOUNDS:
        return True
    after = _words_beside(facts)[1]
    return bool(after) and _singular(after[0]) in _MARKS


# A mark set for a level, named right before its figure: "its warning level of 4 metres", "the danger mark of 8.5
# metres", "above flood stage at 14 feet".
_LEVEL_MARK = re.compile(
    r"\b(?:alert|warning|danger|flood|evacuation|emergency|critical)\s+(?:level|mark|line|stage|threshold)\s+"
    r"(?:of|at)\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)


def level_mark(facts: ClaimFacts) -> bool:
    """The figure is a mark set for a level, named as such right before it ("fell below its warning level of 4
    metres", "the danger mark of 8.5 metres"): a yardstick the level is read against, never a reading of it."""
    start, _ = _quote_span(facts)
    return bool(_LEVEL_MARK.search(facts.sentence[:start]))


# "or more" and its kin, right after a figure or ending its quote: "magnitude 4 or more", "4.5 or above".
_OR_MORE = re.compile(r"\b(?:or|and)\s+(?:more|above|greater|higher|over|stronger|larger)\b", re.IGNORECASE)


def magnitude_bar(facts: ClaimFacts) -> bool:
    """A magnitude told with "or more" ("41 earthquakes of magnitude 4 or more", "tremors of magnitude 4 or above"): the
    bar that picks out the quakes counted, never any quake's magnitude."""
    _, end = _quote_span(facts)
    return bool(_OR_MORE.search(facts.quote) or _OR_MORE.match(facts.sentence, end, end + 14))


def _of_missing(facts: ClaimFacts) -> bool:
    """The figure counts the missing and nothing else the words name: the parse says so, or "missing" is the
    only thing counted near it ("the death toll rose to 100, with dozens still missing" counts the dead)."""
    found = parsed_counted(facts)
    if sought(facts):
        return True
    return "missing" in found or counted(facts) == {"missing"} or (not found and counted_thing(facts) == "missing")


# What a search is still for, right before the figure: "deployed to find the bodies of four others", "the search for
# 12 fishermen", "divers trying to locate three", "the search for the remaining nine".
_SOUGHT = re.compile(
    r"\b(?:(?:to|trying to|tried to|still) (?:find|locate|reach|trace)|(?:search|searching|hunt|looking) for)"
    r"(?:\s+(?:the|a|an))?(?:\s+(?:remaining|other|missing))?(?:\s+(?:bodies|remains)\s+of)?\s*$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def sought(facts: ClaimFacts) -> bool:
    """The figure is what a search is still for ("police personnel have deployed to find the bodies of four others",
    "the search for 12 fishermen resumed"): those not yet found, the missing, whatever the verb of finding makes the
    parse read them as."""
    start, _ = _quote_span(facts)
    return bool(_SOUGHT.search(facts.sentence[:start]))


_THRESHOLD = re.compile(
    r"\b(?:more than|longer than|at least)\s+"
    r"(\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def group_thresholds(facts: ClaimFacts) -> frozenset[tuple[str, str]]:
    """The durations the sentence sets its group apart by, outside the figure's own quote: {("52", "week")}
    for people "waiting more than 52 weeks"; empty when it names none. Only lower bounds: "within 24 hours"
    and "in less than a day" more often say how fast something happened than whom a count is of."""
    start, end = _quote_span(facts)
    text = f"{facts.sentence[:start]} {facts.sentence[end:]}"
    return frozenset(
        (_NUMBER_WORDS.get(number.casefold(), number.replace(",", "")), unit.casefold())
        for number, unit in _THRESHOLD.findall(text)
    )


# Words that take components out of a statistic: "excluding energy and food", "without the most volatile items".
_EXCLUDING = re.compile(r"\b(?:without|excluding|excludes|exclude|stripping out|strips out)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def excluding(facts: ClaimFacts) -> bool:
    """The sentence takes components out of the figure's statistic ("prices excluding energy and food rose 0.6%",
    "without the most volatile items, prices rose 0.7%", "core inflation, which excludes energy, eased to 5.0%"): a
    narrower statistic than one told without such words, never its revision."""
    return bool(_EXCLUDING.search(facts.sentence))


THRESHOLD_REACH = 60  # characters after a count in which the bar that sets its group apart is read
# The marks that close a figure's clause, for the readings of what its own clause says ("…, 240 seriously injured;").
_CLAUSE_SPLIT = re.compile(r"[,;:()]")


@functools.lru_cache(maxsize=8192)
def own_clause(facts: ClaimFacts) -> tuple[str, str]:
    """The figure's own clause, before and after its quote: the words up to the nearest comma, semicolon, colon or
    bracket each way ("Police said 380 more were detained overnight, bringing the total to 1,720": "Police said " and
    " more were detained overnight")."""
    start, end = _quote_span(facts)
    return _CLAUSE_SPLIT.split(facts.sentence[:start])[-1], _CLAUSE_SPLIT.split(facts.sentence[end:])[0]


@functools.lru_cache(maxsize=8192)
def own_threshold(facts: ClaimFacts) -> bool:
    """A count whose own clause sets its group apart by a duration ("4,100 patients had been waiting more than 52
    weeks", `_THRESHOLD`), right after it and before any comma: a part of those counted without the bar ("7.1
    million were waiting"), never a reading of them. A bar elsewhere in the sentence is another figure's ("…, and
    62% of them had slept out for more than a year")."""
    if claim_measure(facts).dimension != "count":
        return False
    _, end = _quote_span(facts)
    clause = _CLAUSE_SPLIT.split(facts.sentence[end : end + THRESHOLD_REACH], maxsplit=1)[0]
    found = _THRESHOLD.search(clause)
    # not a time still to run ("… of 31,500, with more than two months still to go")
    return found is not None and _WORD.findall(clause[: found.start()].casefold())[-1:] != ["with"]


@functools.lru_cache(maxsize=8192)
def _fates(facts: ClaimFacts) -> frozenset[str]:
    """What the parse's words say a count is of, among COUNTED: `parsed_counted`, and the noun's modifiers."""
    _, _, modifiers = _parsed(facts)
    found = _aboard_alone(parsed_counted(facts) | _counted_groups(modifiers))
    return found | {"missing"} if sought(facts) else found  # "to find the bodies of four others": still missing


def _aboard_alone(groups: frozenset[str]) -> frozenset[str]:
    """Being on board names what is counted only when nothing else does: "120 people on board" are those
    carried, as passengers are (a crew is counted apart); but "four crew members on board" are the crew, and
    "68 passengers on board" the passengers."""
    if len(groups) > 1:
        return groups - {"board"}
    return groups | {"passenger"} if groups == {"board"} else groups


# What the words beside a count of people say of where they were put ("moved to evacuation centres", "in shelters").
_PLACED = frozenset({"displaced", "shelter"})


@functools.lru_cache(maxsize=8192)
def counted_thing(facts: ClaimFacts) -> str:
    """What a count counts, in one word: its unit's group ("building" for structures and homes); for
    people, what the parse says befell them (people who died, people confirmed dead and a death toll all
    count deaths), or, where it says nothing, where the words beside them say they were put (`_PLACED`: "120,000
    people were moved to evacuation centres" counts the displaced); bodies are counted as deaths are. "" when
    unknown."""
    noun = claim_measure(facts).noun
    if noun in _GENERIC or noun in _STAND_IN_NOUNS or not noun:
        nouns, verbs, modifiers = _parsed(facts)
        fates = _counted_groups(nouns | verbs | modifiers)
        if len(fates) == 1:
            return next(iter(fates))
        if noun in _STAND_IN_NOUNS:
            return ""  # "the number freed": a noun that says only that something is counted
    if _GROUP_OF.get(noun) in _GENERIC:
        nouns, verbs, modifiers = _parsed(facts)
        near = counted(facts) & _PLACED
        if not _counted_groups(nouns | verbs | modifiers) and len(near) == 1:
            return next(iter(near))  # "120,000 people were moved to evacuation centres": where the people went
    return _KIN.get(noun, noun)


# What became of those a count counts, by the verb that governs it: the dead are found, then named,
# then handed to their families and buried; each stage is its own count, never one of the others.
# Verbs outside these families (killed, died, confirmed) tell nothing of the stage.
STAGES: tuple[tuple[str, ...], ...] = (
    ("recover", "retrieve", "find", "pull", "discover", "locate", "exhume", "extract", "recovery"),
    ("identify", "identification", "name"),
    ("hand", "handover", "release", "return", "repatriate", "deliver", "send", "transfer", "take"),
    ("bury", "burial", "cremate", "inter"),
)
_STAGE_OF = {verb: family[0] for family in STAGES for verb in family}
_FOUND = STAGES[0][0]  # the first stage, the bodies found


# Nouns that name a stage and nothing else, which put a count in their clause at it ("a mass burial … for 100 people").
_STAGE_NOUNS = {
    "burial": "bury",
    "burials": "bury",
    "cremation": "bury",
    "identification": "identify",
    "handover": "hand",
}


@functools.lru_cache(maxsize=8192)
def stages(facts: ClaimFacts) -> frozenset[str]:
    """The stages the parse's verb puts a count at (STAGES): {"identify"} for a dozen named. A noun of a stage in
    the figure's own clause, before it, does too ("a mass burial became the resting place for 100 of the dead")."""
    found = {_STAGE_OF[verb] for verb in _parsed(facts)[1] if verb in _STAGE_OF}
    start, _ = _quote_span(facts)
    clause = re.split(r"[,;:()—–]", facts.sentence[:start])[-1]
    found |= {_STAGE_NOUNS[word] for word in _WORD.findall(clause.casefold()) if word in _STAGE_NOUNS}
    return frozenset(found)


def counts_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says the two figures count different things: passengers on board and bodies recovered,
    the missing and the dead, bodies recovered and bodies identified. Stronger than the words around the
    number (`counted`), which mix every noun of the sentence; so the pair is never linked. So are two
    counts of which one only is of the missing (bodies still sought are not bodies recovered), and two
    counts of groups set apart by different thresholds (waiting more than 12 hours, more than 52 weeks)."""
    first, second = parsed_counted(a), parsed_counted(b)
    if first and second and not first & second:
        return True
    first, second = _fates(a), _fates(b)
    if first and second and not first & second:
        return True  # "61 migrants drowned" (the parse hangs the verb on the noun) and "saved 104 people"
    noun_a, noun_b = (_KIN.get(noun, noun) for noun in (claim_measure(a).noun, claim_measure(b).noun))
    if noun_a and noun_b and (noun_a in _THINGS | _EVENTS) != (noun_b in _THINGS | _EVENTS):
        return True  # "40 homes destroyed" and "1,500 residents under evacuation orders": things are not people
    if counts_areas(a) != counts_areas(b) and all(claim_measure(f).noun or _head_noun(f) for f in (a, b)):
        return True  # "floods hit 131 municipalities" and "the toll rose to 153": areas are not people
    if claim_measure(a).dimension == "count" == claim_measure(b).dimension:
        if _of_missing(a) != _of_missing(b):
            return True
        limits_a, limits_b = group_thresholds(a), group_thresholds(b)
        if limits_a and limits_b and not limits_a & limits_b:
            return True
    if _stock_beside_tally(a, b) or _stock_beside_tally(b, a):
        return True
    stage_a, stage_b = stages(a), stages(b)
    return bool(stage_a) and bool(stage_b) and not stage_a & stage_b


# The areas a country is governed by, counted as such ("64 of the state's 497 municipalities", "131 districts
# affected"): places, not people nor what befell them.
_AREAS = frozenset({"municipality", "district", "county", "province", "commune", "prefecture", "governorate"})


@functools.lru_cache(maxsize=8192)
def counts_areas(facts: ClaimFacts) -> bool:
    """The figure counts areas a country is governed by (`_AREAS`): its unit says so, or the parse's head noun
    does where the extractor gave the figure the people of its sentence ("flooding was reported in 64 of the
    state's 497 municipalities, and another 41 people were hurt"). A count of places, never of people."""
    if _singular(claim_measure(facts).noun) in _AREAS:
        return True
    return any(word.startswith("n:") and _singular(word[2:].casefold()) in _AREAS for word in facts.counted_words)


# What befell people, tallied: the dead, the injured, the saved. No one "remains" in these.
_TALLIES = frozenset({"death", "injury", "rescue"})


def _fate_of_some(group: ClaimFacts, some: ClaimFacts) -> bool:
    """The parse says one count is of those a vehicle carried and nothing else ("the bus was carrying 45 passengers":
    passengers), the other of them and of what befell them ("16 passengers were taken to hospital": passengers,
    patients): those to whom something happened are some of those on board, not another count of them."""
    whole, part = _fates(group), _fates(some)
    if not (whole and whole <= _GROUPS_CARRIED and whole < part and part - _GROUPS_CARRIED):
        return False
    before, after = own_clause(group)
    return bool(_CARRIED.search(before + " " + after))


_GROUPS_CARRIED = frozenset({"passenger", "board", "crew"})
_CARRIED = re.compile(r"\b(?:carr(?:y|ies|ied|ying)|on board|aboard)\b", re.IGNORECASE)


def _stock_beside_tally(stock: ClaimFacts, tally: ClaimFacts) -> bool:
    """Those still in a state ("22 remain underground") beside a tally of what befell people ("four have
    died", "27 saved"): a stock and a tally are two quantities, however alike their words. A tally told as
    standing ("the toll still stands at 44") is still the tally."""
    if sought(tally):
        return False  # "divers were sent to find the bodies of five": those still missing, no tally
    return standing(stock) and not standing(tally) and bool(_fates(tally) & _TALLIES) and not _fates(stock) & _TALLIES


# Words of what a statistic is that name no statistic of their own: how it moved ("growth slowed to 2.1%"), what
# kind of figure it is ("the annual rate"), its time basis and the words of the percentage itself.
_NO_STATISTIC = frozenset(
    """growth fall rate level figure number total share change estimate forecast reading print percent cent per
    pct point % annual annualised annualized monthly quarterly yearly year month quarter week headline overall
    flash final preliminary provisional official adjusted seasonally consumer dollar euro yuan renminbi pound
    yen rupee franc peso rouble ruble""".split()
) | frozenset(_stem(word) for word in ("growth", "fall", "quarter"))


# The extractor's tags of a statistic (`claims.extraction.counted.SUBJECT`, `SUBJECT_MODIFIER`), written again
# because the import contracts keep the rules and the extractor apart; a test keeps them equal.
STATISTIC_HEAD, STATISTIC_MODIFIER = "s:", "sm:"


@functools.lru_cache(maxsize=8192)
def statistic(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    """What a figure that is no count measures, as the parse tells it (the extractor's ``s:`` and ``sm:``): the
    stems of the head noun, and of the modifiers that set it apart. "Core inflation eased to 2.5%": ({"price"},
    {"core"}); "the annual inflation rate … 2.4%": ((), {"price"}), a head that names only a kind of figure.
    Places, time bases and the words of change are left out; empty for a count."""
    if claim_measure(facts).dimension == "count":
        return frozenset(), frozenset()
    dropped = _NO_STATISTIC | _STOPWORDS | _place_words(facts) | _place_tokens(facts.places)
    found: dict[str, set[str]] = {STATISTIC_HEAD: set(), STATISTIC_MODIFIER: set()}
    for word in facts.counted_words:
        tag, _, lemma = word.partition(":")
        if f"{tag}:" in found:
            found[f"{tag}:"] |= {_stem(part) for part in lemma.split()}
    heads = {_GROUP_OF.get(head, head) for head in found[STATISTIC_HEAD] - dropped}  # "the blaze", "the fire"
    # "China's economy": the story's names set no figure apart
    modifiers = found[STATISTIC_MODIFIER] - dropped - _place_tokens(facts.story) - heads
    return frozenset(heads), frozenset(modifiers)


_CHANGE_NOUNS = r"(?:decrease|increase|rise|fall|drop|decline|jump|gain|reduction|growth)"
# What a change told as a noun is of: "a 2.8% decrease in aggravated assault", "a decrease of 9.4% in rapes".
_CHANGE_AFTER = re.compile(
    rf"\s*{_CHANGE_NOUNS}\s+in\s+([a-z][a-z' -]*?)\s*(?=[,;.:()]|\band\b|\bfrom\b|\bcompared\b|\bto\b|$)"
)
_CHANGE_BEFORE = re.compile(rf"\b{_CHANGE_NOUNS}\s+of\s+$")
_IN_WHAT = re.compile(r"\s*in\s+([a-z][a-z' -]*?)\s*(?=[,;.:()]|\band\b|\bfrom\b|\bcompared\b|\bto\b|$)")
_TIME_NOUNS = frozenset({"year", "month", "quarter", "week", "day", "period"})


@functools.lru_cache(maxsize=8192)
def _changed_in(facts: ClaimFacts) -> frozenset[str]:
    """What a change told as a noun is a change in, by the words right after it ("a 2.8% decrease in aggravated
    assault", "a decrease of 9.4% in rapes": {"aggravat", "assault"}, {"rape"}): the statistic it moves, when the
    parse names none. Empty for a time ("a 3% rise in the year to March") or a name ("in Ruvania")."""
    start, end = _quote_span(facts)
    found = _CHANGE_AFTER.match(facts.sentence, end)
    if found is None and _CHANGE_BEFORE.search(facts.sentence[max(0, start - 30) : start].casefold()):
        found = _IN_WHAT.match(facts.sentence, end)
    if found is None:
        return frozenset()
    words = {_stem(word) for word in _WORD.findall(found.group(1))} - _STOPWORDS
    return frozenset() if words & _TIME_NOUNS else frozenset(words)


_PERCENT_FIGURE = r"\d[\d.,]*\s*(?:%|percent|per cent)"
# A change in a series, told as a noun: "a 9.4% decrease in rape", "a decrease of 0.3% in robberies".
_CHANGE_IN = re.compile(
    rf"{_PERCENT_FIGURE}\s+{_CHANGE_NOUNS}\s+in\s+[a-z]|\b{_CHANGE_NOUNS}\s+of\s+{_PERCENT_FIGURE}\s+in\s+[a-z]"
)


@functools.lru_cache(maxsize=8192)
def _listed_changes(facts: ClaimFacts) -> bool:
    """The sentence lists changes in several series, each told as a noun ("a 9.4% decrease in rape, a 0.3%
    decrease in robberies and a 2.8% decrease in aggravated assault"): each figure is one component's."""
    return len(_CHANGE_IN.findall(facts.sentence)) >= 2


def changed_in_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is one of the changes its sentence lists, each told as a noun in what it moves (`_listed_changes`,
    `_changed_in`: "a 9.4% decrease in rape and a 2.8% decrease in aggravated assault"), and the other's words name
    what it moves, with nothing in common ("overall violent crime dropped about 3%"): one series of several beside
    another, though the figures agree."""
    first, second = (_changed_in(facts) if _listed_changes(facts) else frozenset() for facts in (a, b))
    if not first and not second:
        return False
    named_a, named_b = first or _statistic_named(a), second or _statistic_named(b)
    return bool(named_a) and bool(named_b) and not named_a & named_b


def _statistic_named(facts: ClaimFacts) -> frozenset[str]:
    """The words that name a figure's statistic: its head, else (a head that names only a kind of figure, "the
    annual inflation rate") its modifiers."""
    heads, modifiers = statistic(facts)
    return heads or modifiers


def _set_apart(facts: ClaimFacts) -> frozenset[str]:
    """The modifiers that set a figure's statistic apart from its head ("core"); none for a statistic named only
    by modifiers ("the annual inflation rate": the headline rate)."""
    heads, modifiers = statistic(facts)
    return modifiers if heads else frozenset()


def statistics_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says two figures that are no counts measure different statistics: other heads ("the economy
    grew 0.6%", "household spending grew 0.3%"), or one statistic set apart by a modifier the other lacks
    ("inflation eased to 2.3%", "core inflation eased to 2.5%"). Two different figures of them are neither a
    revision nor a contradiction. A statistic named only by modifiers ("the biggest annual price growth") is
    told apart by its modifiers, never by another head."""
    named_a, named_b = _statistic_named(a), _statistic_named(b)
    if not named_a or not named_b:
        return False
    heads_a, heads_b = statistic(a)[0], statistic(b)[0]
    if heads_a and heads_b and not heads_a & heads_b:
        return True
    return bool(named_a & named_b) and _set_apart(a) != _set_apart(b)


def one_statistic(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The parse says two figures that are no counts measure one statistic ("consumer prices rose 2.3%",
    "February's annual inflation rate … 2.4%"), though the words near the numbers may share little: outlets name
    a statistic in many ways."""
    return bool(_statistic_named(a) & _statistic_named(b)) and not statistics_differ(a, b)


def modifier_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """The counted nouns' own modifiers: "same" (a word in common), "conflict" (both have some, none in
    common: "Indian passengers" and "Korean passengers"), or "open"."""
    first, second = _parsed(a)[2], _parsed(b)[2]
    if not first or not second:
        return "open"
    return "same" if first & second else "conflict"


_ALL_BEFORE = re.compile(r"(?<![Ii]n )\ball[ \t]+$", re.IGNORECASE)


def part_of_group(facts: ClaimFacts) -> bool:
    """The figure is a part of a group its sentence has just counted ("2,108 people were injured, 1,390 of
    them seriously"): what befell the group befell only some of it. Read from the parse at extraction
    (`claims.extraction.counted`, its "p:group" tag); or from a counted group that opens the sentence ("Of the 103
    survivors, 12 remain in hospital")."""
    if "p:group" in facts.counted_words:
        return True
    start, _ = _quote_span(facts)
    return bool(_FRONTED_COUNTED_GROUP.search(facts.sentence[:start]))


# "Of the 103 survivors, ": a group counted in figures, opening the sentence, that the figure after it is taken from.
_FRONTED_COUNTED_GROUP = re.compile(r"^\s*Of (?:the |those |these |its |their )?\d[\d,]*(?: [^\W\d_]+){1,3},\s*$")


# "… retrieved the bodies of 70 out of the ": a figure, then "out of", right before the whole it is a part of.
_OUT_OF = re.compile(r"\d[\d,.]*\s+out\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# The people a toll counts, named as a group a figure is taken from ("88 of the dead", "Of the victims, 40 were").
_TOLLED_GROUP = r"(?:the |those |these )(?:\w+ )?(?:dead|deaths|fatalities|victims|casualties|injured|wounded|missing)"
_PART_OF_TOLLED = re.compile(r"^\s+of " + _TOLLED_GROUP + r"\b")
_FRONTED_GROUP = re.compile(r"^\s*Of " + _TOLLED_GROUP + r"\b[^,;\d]{0,40},\s*$")


# A share of a toll, said of the figure after it ("…, well over half of the national total").
_SHARE_OF_WHOLE = re.compile(
    r"\b(?:half|a third|a quarter|two-thirds|three-quarters|most|the bulk) of (?:the |all )(?:\w+ )?(?:total|toll|dead"
    r"|deaths|figure|count)\b"
)


@functools.lru_cache(maxsize=8192)
def part_of_toll(facts: ClaimFacts) -> bool:
    """The figure is a part of a toll's people, named as the group it is taken from ("Talmar province accounted
    for 288 of the fatalities", "Of the dead, 140 were in Orvel"), or told as a share of it ("officials in Orvel
    counted 610 bodies, more than half of the national toll"): a breakdown of the toll, never its reading."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    if _PART_OF_TOLLED.search(sentence[end:]) or _FRONTED_GROUP.search(sentence[:start]):
        return True
    _, high = _own_stretch(facts)
    return bool(_SHARE_OF_WHOLE.search(sentence[end:high]))


# "… in 64 of the state's ", "shut 85 of its ": a figure, then "of" and whose, right before the whole it is a part of.
_OF_ITS_WHOLE = re.compile(r"\d[\d,.]*\s+of\s+(?:its|their|the\s+[^\W\d_]+['’]s)\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def whole_group(facts: ClaimFacts) -> bool:
    """ "all 72 people on board": the figure is a whole group, counted once, not a reading of a tally. So is the
    whole that a count of bodies found is told out of ("rescuers have recovered the bodies of 70 out of the 72
    people who died"), where the whole is at no stage itself (`stages`): everyone the tally of the found runs up
    to, not one of its readings."""
    start, _ = _quote_span(facts)
    if facts.quote.casefold().startswith("all "):
        return True
    if _ALL_BEFORE.search(facts.sentence[max(0, start - 12) : start]):  # not "In all, 72 died": a total
        return True
    before = facts.sentence[:start]
    if _OF_ITS_WHOLE.search(before):
        return True
    if not _OUT_OF.search(before) or stages(facts):
        return False
    words = _WORD.findall(before.casefold())
    return any(_stem(word) in STAGES[0] or word.startswith(STAGES[0]) for word in words)


# A whole's figure and its noun, then the mark that opens its breakdown: "killing all 72 people — ", "61 dead: ".
_WHOLE_THEN_PARTS = re.compile(r"\d[\d,.]*(?:[ \t]+[^\W\d_][\w'’-]*){1,4}[ \t]*[—–:][ \t]*$")
# … and a first part told, then "and": "killing all 72 people — 68 passengers and ".
_FIRST_PART_AND = re.compile(r"[—–:][ \t]*\d[\d,.]*(?:[ \t]+[^\W\d_][\w'’-]*){1,3}[ \t]+and[ \t]+$")


# Those aboard told as the passengers and the crew, side by side: "112 passengers and nine crew members".
_PASSENGERS_AND_CREW = re.compile(r"[ \t]+passengers[ \t]+and[ \t]+(?:\d[\d,]*|[a-z-]+)[ \t]+crew\b", re.IGNORECASE)
_CREW_AFTER_PASSENGERS = re.compile(r"\bpassengers[ \t]+and[ \t]+$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def breakdown_part(facts: ClaimFacts) -> bool:
    """The figure is one of the parts its sentence splits a whole just counted into, after a dash or a colon ("the
    crash killed all 40 people on board — 36 passengers and four crew members"), or one of the two parts those aboard
    are told as ("the 36 passengers and four crew died"): what befell the whole befell it, but it counts a part (the
    passengers, the crew), never the whole's toll nor a reading of it."""
    start, end = _quote_span(facts)
    before = facts.sentence[max(0, start - 80) : start]
    if _PASSENGERS_AND_CREW.match(facts.sentence, end) or _CREW_AFTER_PASSENGERS.search(before):
        return True  # "the 112 passengers and nine crew drowned": those aboard told as their two parts
    return bool(_WHOLE_THEN_PARTS.search(before) or _FIRST_PART_AND.search(before))


# Another figure told as an addition ("a further 20 branches", "another two"): a "taking … to" after it adds that one.
_ANOTHER_ADDITION = re.compile(
    rf"\b(?:{'|'.join(sorted(_INCREMENT_BEFORE))})\s+"
    rf"(?:\d|(?:{'|'.join(sorted(set(_NUMBER_WORDS) - {'a', 'an'}))}|dozen)\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def increment(facts: ClaimFacts) -> bool:
    """The figure is an increment on a count ("one more body was found", "another 12", "a further 300"),
    not the count itself. Not for the missing: "two more are still missing" are the others still sought."""
    if _of_missing(facts):
        return False
    if claim_measure(facts).dimension != "count":
        return False  # "5.2 percent, more than expected" is no increment
    if step_after_total(facts):
        return True
    _, end = _quote_span(facts)
    before = _words_beside(facts)[0]
    if bool(before) and before[-1] in _INCREMENT_BEFORE:
        return not _besides_another_fate(facts)
    follows = _INCREMENT_FOLLOWS.match(facts.sentence, end)
    if follows and _COMPARED.match(facts.sentence, follows.end()):
        follows = None  # "1,100 more people died than usual": an excess over a norm, the count itself
    # "bringing the total to 1,300", unless another figure told as an addition comes first ("to 1,650, … a further
    # 20 branches, taking closures to 105" adds the 20, not the 1,650)
    addition = _ANOTHER_ADDITION.search(facts.sentence, end)
    stretch = facts.sentence[end : addition.start() if addition else len(facts.sentence)]
    return bool(follows or _ADDED_TO.search(stretch + " "))


# "after", right before the figure ("after two injured workers died", "after a record 2,086 people landed").
_AFTER_BEFORE = re.compile(r"\bafter\s+(?:a\s+(?:record|further|new)\s+)?$", re.IGNORECASE)
STEP_SHARE = 0.5  # a step is at most this share of the count it moved; "430 by Wednesday, after nearly 400 were
# cancelled on Monday and Tuesday" tells the count's earlier reading, not a step


@functools.lru_cache(maxsize=8192)
def step_after_total(facts: ClaimFacts) -> bool:
    """The figure is the step that moved a running count its sentence has just told ("the death toll has risen to
    seven after two injured workers died overnight", "more than 1,700 people have been detained since the riots
    began, after 380 arrests overnight"): "after" right before it, and before that a figure read as a running count
    (`_RUNNING`) that the figure is at most half of (`STEP_SHARE`): what was added, never the count nor its reading.
    "430 flights had been cancelled by Wednesday, after nearly 400 were scrapped on Monday and Tuesday" tells the
    count's earlier reading."""
    start, _ = _quote_span(facts)
    before = facts.sentence[:start]
    found = _AFTER_BEFORE.search(before)
    if found is None:
        return False
    head = before[: found.start()]
    if not _RUNNING_PATTERN.search(head.casefold()):
        return False
    totals = [number for _, last, number in sorted(_numbers_beside(facts)) if last <= found.start()]
    value = representative_value(facts)
    return bool(totals) and value is not None and abs(value) <= STEP_SHARE * abs(totals[-1])


def _besides_another_fate(facts: ClaimFacts) -> bool:
    """ "Another 171 were injured" after "312 people were killed": the parse's ``a:`` word (what befell the count
    before it, claims.extraction.counted) names another fate than this count's, so "another" means besides
    those, not more of them."""
    earlier = _counted_groups(_stem(word[2:]) for word in facts.counted_words if word.startswith("a:"))
    if not earlier:
        # the parse names none: the fates the words before it tell ("the toll rose to 1,037, with a further 1,204
        # people injured")
        start, _ = _quote_span(facts)
        earlier = _counted_groups(_stem(word) for word in re.findall(r"[\w'’-]+", facts.sentence[:start]))
    own = _fates(facts)
    return bool(earlier) and bool(own) and not earlier & own


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def part_named_as(facts: ClaimFacts) -> str:
    """What a part of a group is, as the words after it in its own clause name it ("17,480 of them are staying in
    public shelters": shelter; "24 of them were admitted to hospital": patient), one thing of COUNTED; "" when the
    figure is no part of a group, or its words name none or several ("1,390 of them seriously")."""
    if not part_of_group(facts):
        return ""
    clause = own_clause(facts)[1]
    words = [_stem(word) for word in _WORD.findall(clause.casefold())]
    found = _counted_groups(_HOUSED.get(word, _IN_STATE.get(word, word)) for word in words)
    return next(iter(found)) if len(found) == 1 else ""


def _stock_of_part_told_again(part: ClaimFacts, other: ClaimFacts) -> bool:
    """A part of a group that its words name as a stock (`part_named_as`, `STOCKS`: "17,480 of them are staying in
    public shelters", "24 of them were admitted to hospital"), beside a count of that stock told on its own ("24,910
    were being housed in shelters", "31 people are being treated in hospital"): the stock's own count, read again,
    not a part set beside its whole."""
    named = part_named_as(part)
    return named in STOCKS and (named == counted_thing(other) or named in _fates(other))


# What a count of those in a place or a state is of ("410 patients in hospital", "54,000 in shelters"): a stock that
# rises and falls as people enter and leave it, read again on a later day.
STOCKS = frozenset({"patient", "shelter"})
