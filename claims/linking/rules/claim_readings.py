"""What one claim's words say of its figure, read for the relations: risen or fallen, final,
provisional or revised, a store's level, who told it, a grade of harm, a condition.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from .context_words import _ADDING_TO, _ADDING_VERBS, _WORD, _context_of, _words_beside, baseline
from .counted_groups import (
    _STAND_IN_NOUNS,
    _WEEKDAY_NAMES,
    STATISTIC_HEAD,
    _counted_groups,
    _parsed,
    own_clause,
    sent_back,
    statistic,
)
from .figures import _UPPER_BOUNDS
from .measure import _GROUP_OF, _stem, claim_measure
from .periods import _TOLD_ON, _WEEKDAY, ALONE_DAYS, _days_flow, _length, _stated_period
from .tunables import ClaimFacts, _quote_span


def _days_beside_count(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure told as a few days' count (`told_as_days`, `days_record`) beside one neither so told nor dated to a
    week or less ("37,690 arrivals in all"): a part of the count, not its reading."""
    if _days_flow(a) == _days_flow(b):
        return False
    other = b if _days_flow(a) else a
    length = _length(_stated_period(other))
    if length is None and _own_weekdays(other):
        return False  # "95 trucks entered on Monday", on a page without its day: a day's count too
    return length is None or length > ALONE_DAYS


def _verb_lemmas(facts: ClaimFacts) -> frozenset[str]:
    """The verbs the parse gives for what befell a count, as the extractor wrote them ("v:admit": admit)."""
    return frozenset(word[2:] for word in facts.counted_words if word.startswith("v:"))


_FALLS = frozenset(
    "fell fallen fall falls dropped drop drops declined decline declines decreased decrease eased dipped slipped "
    "shrank shrunk sank sunk down weakened".split()
)


def fallen_to(facts: ClaimFacts) -> bool:
    """The sentence says the count fell to its figure ("the number of patients in hospital fell to 470", "has
    dropped to about 120")."""
    before = _words_beside(facts)[0]
    return bool(before) and before[-1] == "to" and bool(set(before[-3:-1]) & _FALLS)


@functools.lru_cache(maxsize=8192)
def _own_weekdays(facts: ClaimFacts) -> frozenset[str]:
    """The weekdays named in the figure's own clause, with no other number between ("peaking at 4.6 metres on Monday
    morning"; not "by Tuesday" of "crested at 5.35 metres on May 4 and had fallen to 2.4 metres by Tuesday", which is
    another figure's)."""
    before, after = own_clause(facts)
    before, after = re.split(r"\d", before)[-1], re.split(r"\d", after)[0]
    return frozenset(day.casefold() for day in _WEEKDAY.findall(before + " " + after))


@functools.lru_cache(maxsize=8192)
def _told_on_weekdays(facts: ClaimFacts) -> frozenset[str]:
    """The weekdays the sentence names as the day its figure was told ("the water authority said on Monday")."""
    return frozenset(match.group().rsplit(" ", 1)[-1].casefold() for match in _TOLD_ON.finditer(facts.sentence))


NOW_REACH = (8, 4)  # words of the figure's own clause before and after it in which its "now" is read


@functools.lru_cache(maxsize=8192)
def told_now(facts: ClaimFacts) -> bool:
    """The figure's own clause tells it as where the count stands now ("the government has now paid 260 million",
    "Chad now hosts more than 118,000 refugees", "some 3,000 people have now been evacuated"); not "until now" or
    "from now", which name another time."""
    before, after = (_WORD.findall(part.casefold()) for part in own_clause(facts))
    before, after = before[-NOW_REACH[0] :], after[: NOW_REACH[1]]
    words = [*before, "", *after]
    return any(
        word == "now" and (i == 0 or words[i - 1] not in ("until", "till", "from", "up", "than"))
        for i, word in enumerate(words)
    )


# What an election's count is told in: "with 62% of ballots counted", "with all precincts in".
_BALLOTS = r"(?:votes?|ballots?|precincts?|polling stations?|returns|count)"


# Words that tell a figure as the count's last reading: "In all, 19 were rescued", "with all ballots counted",
# "37,690 arrivals in all", "the strike ended on Wednesday after 590 flights were cancelled" (not "the year ended
# March", a period's name, nor "ended up").
_FINAL = re.compile(
    r"\bin all\b(?!\s+(?:of|the|but)\b)|\ball told\b"
    r"|(?<!year )(?<!quarter )(?<!period )(?<!months )\bended\b(?!\s+up\b)"
    rf"|\bwith all(?: the)? {_BALLOTS} (?:counted|in|tallied)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def told_final(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as the count's last reading ("In all, 12 miners died and 19 were rescued",
    "the party won 36.9% with all ballots counted", "the campaign ended on Sunday after reaching 4.3 million"): what
    the count came to, told after its readings under way."""
    return bool(_FINAL.search(facts.sentence)) and not provisional(facts)


# Verbs by which a count named only by a stand-in reaches its figure ("the total has now passed 3,000").
_REACHING = frozenset("pass reach rise climb double triple stand grow hit top exceed surpass swell jump".split())
STAND_IN_REACH = 6  # words before the figure in which a stand-in noun ("the total for the season has") is read


@functools.lru_cache(maxsize=8192)
def stand_in_count(facts: ClaimFacts) -> bool:
    """The parse names what a count counts only by a stand-in ("the tally stood at 4,120", "the governor put the
    number at 7,500", "the agency's own tally reached 640"), or by nothing but a verb of reaching after one ("the
    total for the season has now passed 3,000"): the story's running count, told without its noun. Whose count it
    is ("the agency's") says nothing of what it counts; "the number of arrests" names it, and is no stand-in."""
    if claim_measure(facts).dimension != "count":
        return False
    roles: dict[str, list[str]] = {}
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        roles.setdefault(role, []).append(lemma)
    nouns, verbs, modifiers = roles.pop("n", []), roles.pop("v", []), roles.pop("m", [])
    if roles or not set(nouns) <= _STAND_IN_NOUNS or not set(verbs) <= _REACHING:
        return False
    if not nouns and not (verbs and _STAND_IN_NOUNS & set(_words_beside(facts)[0][-STAND_IN_REACH:])):
        return False
    whose = (re.search(rf"\b{re.escape(word)}['’]s\b", facts.sentence, re.IGNORECASE) for word in modifiers)
    return all(word == "own" or found for word, found in zip(modifiers, whose, strict=True))


# The words by which a sentence adds its step to a total ("…, bringing the total since Saturday to"), at the end of
# what comes before the total's figure.
_ADDING_TO_TOTAL = re.compile(rf"{_ADDING_TO}\s*$", re.IGNORECASE)
_ADDING_VERB = re.compile(_ADDING_VERBS, re.IGNORECASE)


def added_total_thing(facts: ClaimFacts) -> str:
    """What a total its sentence adds a step to counts: the one thing of COUNTED the words before the step name
    ("police detained 380 more people overnight, bringing the total to 1,720" counts arrests, however the parse
    reads "the total"). "" when the figure is no such total, or the words before name no one thing."""
    start, _ = _quote_span(facts)
    before = facts.sentence[:start]
    if not _ADDING_TO_TOTAL.search(before):
        return ""
    verb = list(_ADDING_VERB.finditer(before))[-1]
    words = _WORD.findall(before[: verb.start()].casefold())
    things = _counted_groups(_GROUP_OF.get(_stem(word), _stem(word)) for word in words)
    return next(iter(things)) if len(things) == 1 else ""


# The endings by which English makes a noun of a verb's deed or of the one it befell: "cancellation", "arrival",
# "departure", "displacement", "evacuee". Not the doer's ("rescuer", "protester"): the doers are other people.
_DEED_ENDINGS = ("ation", "ition", "sion", "tion", "ion", "ment", "ure", "al", "ee")
_VERB_ENDINGS = ("ate", "e")  # "evacuate" and "evacuation", "arrive" and "arrival" share "evacu", "arriv"
# Verbs that say how a count moved or was kept, not what befell those it counts: "cases fell to 300" and "deaths
# fell to 12", "recorded 1,204 cases" and "recorded 23 deaths" are two things; nor do light verbs ("taken to
# hospital", "taken captive").
_NO_DEED = _REACHING | frozenset(
    "fall drop decline decrease dip shrink ease slip sink slow approach near hover total number record register log "
    "document list tally count estimate report confirm take give get keep hold see".split()
)
# Nouns that are their verb's deed with no ending ("returns reached 305", "140 were returned").
_BARE_DEEDS = frozenset({"return"})
MIN_DEED_ROOT = 4  # letters a shared root must have: "land" and "landing", not "pass" and "passage"


def _deed_root(lemma: str, *, noun: bool) -> str:
    """The root a verb shares with the noun of its deed: "cancel" for "cancel" and "cancellation", "evacu" for
    "evacuate", "evacuation" and "evacuee", "arriv" for "arrive" and "arrival". A noun with none of those endings
    has no root here ("flight", "passenger"); "" when the root is too short to say anything."""
    word = lemma.casefold()
    endings = _DEED_ENDINGS if noun else _VERB_ENDINGS
    ending = next((end for end in endings if word.endswith(end) and len(word) - len(end) >= MIN_DEED_ROOT), None)
    if noun and ending is None:
        return ""
    root = word[: -len(ending)] if ending else word
    if noun and root.endswith("e") and len(root) > MIN_DEED_ROOT:
        root = root[:-1]  # "displace"ment, as "displace" is read
    if len(root) > MIN_DEED_ROOT and root[-1] == root[-2] and root[-1] not in "aeiou":
        root = root[:-1]  # "cancell"ation
    return root if len(root) >= MIN_DEED_ROOT else ""


@functools.lru_cache(maxsize=8192)
def deed_roots(facts: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    """What the parse says befell those a count counts, as roots (`_deed_root`): (by its verb or a participle on its
    noun, by its noun). "1,150 flights were cancelled" and "4,150 cancelled operations" give ({"cancel"}, {}),
    "about 1,500 cancellations" ({}, {"cancel"}); "8,000 evacuees" ({}, {"evacu"})."""
    verbs, nouns = set(), set()
    for word in facts.counted_words:
        role, _, lemma = word.partition(":")
        if role in ("v", "m") and " " not in lemma and lemma not in _NO_DEED:
            root = _deed_root(lemma, noun=False)
            if root:
                verbs.add(root)
        elif role == "n":
            root = _deed_root(lemma, noun=True) or (lemma if lemma in _BARE_DEEDS else "")
            if root:
                nouns.add(root)
    if sent_back(facts):
        verbs.add("return")
    return frozenset(verbs), frozenset(nouns)


def last_of_group(facts: ClaimFacts) -> bool:
    """A count told as the last of its group ("released the last 54 hostages", "the last 12 miners were brought
    up"): the step that ends a tally, not the tally read again."""
    return "m:last" in facts.counted_words


# Words after a count that make it a flow each day ("2,000 people arriving every day", "some 300 a day").
_PER_DAY = re.compile(
    r"^[^,;.\d]{0,40}?\b(?:(?:every|each|per|a) (?:single )?day|daily)\b(?!\s+(?:earlier|before|ago|later|after))",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def per_day(facts: ClaimFacts) -> bool:
    """A count its own clause tells as a flow each day ("with up to 2,000 people arriving every day", "about 300 a
    day", "1,100 crossings per day"): a rate, never a total's reading, nor one a total could refute."""
    if claim_measure(facts).dimension != "count":
        return False
    _, end = _quote_span(facts)
    return bool(_PER_DAY.search(facts.sentence[end:]))


def _one_deed_of_one_group(a: ClaimFacts, b: ClaimFacts) -> bool:
    """A part of a group told by what befell it ("22 of the victims have been identified"), beside a count of that
    group told by the same deed ("nine victims had been identified"): both count those the deed befell, one tally."""
    (nouns_a, verbs_a, _), (nouns_b, verbs_b, _) = _parsed(a), _parsed(b)
    return bool(nouns_a & nouns_b) and bool((verbs_a & verbs_b) - _NO_DEED)


_AFTERSHOCK_WORDS = frozenset({"aftershock", "aftershocks", "foreshock", "foreshocks"})
# The parse's tags of a shock that is not the quake: the noun the figure counts ("a 5.6 aftershock"), its modifier
# ("an aftershock of magnitude 4.9": magnitude, of an aftershock) or what its verb set ("recorded 300 aftershocks,
# the strongest of them a 4.9").
_AFTERSHOCK_TAGS = frozenset(
    f"{tag}{word}" for tag in ("n:", "m:", STATISTIC_HEAD) for word in ("aftershock", "foreshock")
)


def _aftershock(facts: ClaimFacts) -> bool:
    """The magnitude is an aftershock's or a foreshock's ("a magnitude 5.6 aftershock", "a 6.1-magnitude
    aftershock"): what the parse says it counts, or a noun within two words after the figure. Not "the tremor",
    which names the quake as often as a smaller shock (`MAGNITUDE_SPREAD` keeps those apart)."""
    if _AFTERSHOCK_TAGS & set(facts.counted_words):
        return True
    after = facts.sentence[_quote_span(facts)[1] :]
    return bool(_AFTERSHOCK_WORDS & set(_WORD.findall(after.casefold())[:2]))


_SIDE_WORDS = frozenset({"up", "down", "higher", "lower"})


def _told_as_change(facts: ClaimFacts) -> bool:
    """The words tell the percentage as a change, not a level ("rents rose 0.6%", "eased to 3.1%", "down 1.7 per
    cent", "0.9 percent higher than a year earlier"): a rate that moves either way, never work under way."""
    before, after = _words_beside(facts)
    if any(_stem(word) in _MOVED for word in before[-4:]) or _SIDE_WORDS & set(before[-2:] + after[:2]):
        return True
    return bool(_parsed(facts)[1] & _MOVED)


_ABOVE_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:above|below|over|under|higher than|lower than)\b", re.IGNORECASE)


def _beyond_a_mark(facts: ClaimFacts) -> bool:
    """The figure, with its unit, is how far a level stood beyond a mark ("more than five metres above the level at
    which it floods", "two metres below normal"): a gap, not the level."""
    _, end = _quote_span(facts)
    return bool(_ABOVE_AFTER.match(facts.sentence[end:]))


def _moved_by(facts: ClaimFacts) -> bool:
    """A verb of change stands right before the figure ("the water rose nearly two metres", "fell 4%"): the figure is
    how far it moved, never where it stood ("peaked at 5.35 metres", "dropped to 7.9 metres")."""
    before, _ = _words_beside(facts)
    return bool(before) and _stem(before[-1]) in _MOVED


def _change_told(facts: ClaimFacts) -> bool:
    """The figure is told as a change ("the water rose nearly two metres"), not as the level a change reached ("had
    dropped to 7.9 metres") or left ("down from 5.35 metres on Sunday")."""
    return _told_as_change(facts) and _words_beside(facts)[0][-1:] not in (("to",), ("from",))


# Words of a sum that people give and a fund gathers: "an appeal raised £2.3 million", "donations passed £5 million".
_GATHERING = re.compile(r"\b(?:rais(?:e|ed|es|ing)|donat\w*|appeal|fundrais\w*|crowdfund\w*|collect(?:ed|ion|ions)?)\b")


# Verbs of a sum promised, not gathered: "will match donations up to £5 million", "pledged £2 million".
_PROMISING = frozenset({"match", "pledge", "promise", "offer", "commit", "earmark"})


@functools.lru_cache(maxsize=8192)
def gathered(facts: ClaimFacts) -> bool:
    """A sum of money the sentence says was given or gathered (raised, donated, collected, an appeal's): a total
    that grows as people give, read again on later days. Not a sum promised (`_PROMISING`) nor a cap ("up to")."""
    if facts.kind != "money" or facts.qualifier in _UPPER_BOUNDS or _parsed(facts)[1] & _PROMISING:
        return False
    return bool(_GATHERING.search(facts.sentence.casefold()))


@functools.lru_cache(maxsize=8192)
def _share_words(facts: ClaimFacts) -> frozenset[str]:
    """What a percentage is a share of, as the parse tells it (its counted noun, verb, modifiers and statistic),
    each word cut to its root ("containment", "contained": contain)."""
    nouns, verbs, modifiers = _parsed(facts)
    heads, _ = statistic(facts)
    words: frozenset[str] | set[str] = nouns | verbs | modifiers | heads
    if not words:
        # the parse names nothing ("was 5% contained on Saturday"): the words of the figure's own clause
        words = {word for word, weight in _context_of(facts).items() if weight >= SHARE_CLAUSE_WEIGHT} - {"percent"}
    words = {re.sub(r"(?:ment|ion)$", "", word) for word in words}
    return frozenset(words - _CHANGE_WORDS)


SHARE_CLAUSE_WEIGHT = 0.6  # `_context_of`'s weight of a word of the figure's own clause


# Words of a change, which say how a figure moved, never what it is a share of ("fell 4.5%", "grew 5%").
_CHANGE_WORDS = frozenset(
    "fall rise grow growth drop increase decrease climb jump decline slow gain lose loss cut raise surge "
    "slip sink soar plunge edge weaken intensify strengthen ease".split()
)
# What a level's verbs say of it: that it moved, or peaked, crested or receded (where it stood is an empty verb).
_MOVED = _CHANGE_WORDS | {"peak", "crest", "recede", "ebb"}

# What a store's fill is told by: "full", or "of (its) capacity", right after the percentage ("41% full", "fallen to 37%
# of capacity"); or "level(s)" in the clause before it ("water levels in the reservoirs stood at 33 percent").
_FULL_AFTER = re.compile(r"^\s*(?:full\b|of\s+(?:its\s+|their\s+|total\s+|storage\s+)?capacity\b)", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\blevels?\b[^,;:.\d]{0,50}$", re.IGNORECASE)
STORE_DAYS = 7  # a store's fill is read on the day it is told: a stated period of a week or less, never a month's


@functools.lru_cache(maxsize=8192)
def store_level(facts: ClaimFacts) -> bool:
    """The percentage is how full a store stands ("reservoirs were 41% full on Monday", "have fallen to 37% of
    capacity", "water levels in the dams stood at 33 percent"): a level read again day by day, that falls and rises
    (a dry month, then rain), never a rate or a change. Not a baseline it is set against ("down from 58% a year
    ago"), nor a change ("fell 4%"), though a level moved to is one ("fallen to 37% of capacity"), nor a figure of a
    period longer than a week."""
    if claim_measure(facts).dimension != "percent" or baseline(facts):
        return False
    if _change_told(facts):
        return False  # "fell 4%" is a change; "fallen to 37% of capacity" the level it reached
    if (_length(_stated_period(facts)) or 1) > STORE_DAYS:
        return False
    _, end = _quote_span(facts)
    clause_before = own_clause(facts)[0]
    return bool(_FULL_AFTER.match(facts.sentence[end:]) or _LEVEL_BEFORE.search(clause_before))


def _overnight(facts: ClaimFacts) -> bool:
    """The figure's period runs from the day before its page's day to that day: "overnight" ("the blaze grew to
    18,500 acres overnight, with containment at 10%", on a page of 21 July: 20 to 21 July), the night the page
    tells, as much its day as "on Sunday" is."""
    period = _stated_period(facts)
    return period is not None and facts.published is not None and period[1] == facts.published and _length(period) == 2


def _direction(facts: ClaimFacts) -> int:
    """Which way the words right before a figure say its change went: +1 ("rose 1.8%"), -1 ("fell 2.5%"), 0 when
    they say neither or both."""
    stems = {_stem(word) for word in _words_beside(facts)[0][-3:] if word not in ("up", "down")}  # "revised down"
    up, down = "growth" in stems, "fall" in stems
    return 0 if up == down else (1 if up else -1)


# Verbs that say a count was set again, lower as well as higher: "revised its toll down to 3,874".
_REVISING = frozenset({"revise", "revised", "lower", "lowered", "downgrade", "downgraded", "reduce", "reduced",
                       "correct", "corrected", "cut", "raise", "raised", "increase", "increased", "upgrade",
                       "upgraded"})  # fmt: skip
# Of those, the verbs that also name what a count is of ("will cut 1,200 jobs", "raised £2 million"): a figure set
# again only when the words say what it was set to ("cut the fine to 36 million", "raised the number to 1,650").
_SET_TO = frozenset({"lower", "lowered", "reduce", "reduced", "cut", "raise", "raised", "increase", "increased"})


# Words that say a figure is read while its count is under way: "with 62% of ballots counted", "partial results".
_PROVISIONAL = re.compile(
    r"\b(?:preliminary|provisional|partial|incomplete|early (?:results|returns|count)"
    r"|with\s+(?:about\s+|nearly\s+|almost\s+|over\s+|more than\s+)?\d[\d.,]*\s*(?:%|per ?cent)\s+of\s+(?:the\s+)?"
    rf"{_BALLOTS}\s+(?:counted|tallied|in|reported|processed))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def provisional(facts: ClaimFacts) -> bool:
    """The sentence reads the figure while its count is under way ("with 62% of ballots counted, the party led
    with 38.4%", "preliminary results"): a later reading of it may have moved by more than a revision does."""
    return bool(_PROVISIONAL.search(facts.sentence))


@functools.lru_cache(maxsize=8192)
def revised(facts: ClaimFacts) -> bool:
    """The sentence says the figure is a count set again ("revised its death toll down to 3,874", "lowered the
    toll to 3,851"): a later, smaller figure is then the count's update, not a part of it."""
    before, _ = _words_beside(facts)
    near = before[-REVISED_REACH:]
    found = [i for i, word in enumerate(near) if word in _REVISING]
    if not found:
        return False
    # "revised up from a provisional 1,612": the figure it was revised from, not the one it was set to; but
    # "revised down from 3,900 to 3,874" reads to the figure
    after = list(near[found[-1] :])
    if near[found[-1]] in _SET_TO and "to" not in after:
        return False  # "will cut about 1,200 jobs": what is cut, not a figure set again
    return "from" not in after or "to" in after[len(after) - after[::-1].index("from") :]


# Right after a figure set again, the figure it was set from: "revised the magnitude to 6.1 from 5.9", "raised to 410,
# from an earlier 380".
_SET_FROM = re.compile(
    r"\s*,?\s+from\s+(?:an?\s+|the\s+|its\s+)?(?:(?:earlier|initial|first|previous|provisional)\s+)?"
    r"(\d[\d,]*(?:\.\d+)?)"
)


@functools.lru_cache(maxsize=8192)
def revised_from_figure(facts: ClaimFacts) -> Decimal | None:
    """The figure a figure told as set again was set from, named right after it ("revised the magnitude to 6.1 from
    5.9"): the one reading it replaces. None when the sentence names none, or the figure is not told as revised."""
    if not revised(facts):
        return None
    found = _SET_FROM.match(facts.sentence, _quote_span(facts)[1])
    return Decimal(found.group(1).replace(",", "")) if found else None


# A revision's old figure, after the new one it was set to: "revised the magnitude to 6.1 from 5.9" (5.9).
_SET_TO_FROM = re.compile(
    r"\bto\s+\d[\d,]*(?:\.\d+)?\s*,?\s+from\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:(?:earlier|initial|first|previous|provisional)\s+)?$"
)


@functools.lru_cache(maxsize=8192)
def replaced_figure(facts: ClaimFacts) -> bool:
    """The figure is the one its sentence's revision replaced ("the bureau revised the magnitude to 6.1 from 5.9":
    5.9): the reading before, which the figure set again has taken up."""
    start, _ = _quote_span(facts)
    before = facts.sentence[:start]
    words = _WORD.findall(before.casefold())
    return bool(_SET_TO_FROM.search(before)) and bool(set(words[-REVISED_REACH - 4 :]) & _REVISING)


REVISED_REACH = 12  # words before the figure: "cut the fine imposed on the group by the regulator to 36 million"

# Words of a source phrase that name no one in particular, or only how the figure was told. "Police" names a body:
# the force whose count of a crowd the organisers' is set against ("police said 45,000", "organisers said 180,000").
_UNNAMED_SOURCES = frozenset(
    """official officials authority authorities source sources report reports data figure figures statement
    government spokesperson spokesman spokeswoman media he she they it who we this that these new latest
    according accord as per to the a an of from by on in at also said says say told tell reported report
    showed shows show added adds noted notes quoted saying confirmed confirm stated state""".split()
)
# The verbs of telling a figure, which end the words naming who gave it ("the ministry put the toll at").
_TELLING_VERBS = frozenset(
    """put puts gave give gives found find finds recorded records counted counts estimate estimates estimated
    published publishes released releases announced announces declared declares revealed reveals explained
    claimed claims determined warned confirms emphasizes set have has had was were been is are be""".split()
)
# Words of a source phrase that say how or when a figure was given, not who gave it ("the UN put the toll at",
# "the ministry gave a lower toll", "Copernicus also found"): two bodies that both "put" a toll are still two.
_TELLING_WORDS = _TELLING_VERBS | frozenset(
    """which where and for since now just over earlier late later also additionally its their toll number
    numbers""".split()
)


_WEEKDAYS = frozenset({*_WEEKDAY_NAMES, "today", "yesterday"})


@functools.lru_cache(maxsize=8192)
def source_words(facts: ClaimFacts) -> frozenset[str]:
    """The words that name who states the figure ("the health ministry said": health, ministry), or nothing
    when the sentence names no one in particular ("officials said", "according to reports")."""
    return frozenset(_naming(_who_told(_WORD.findall(facts.source.casefold()))))


# A body named in capitals in a source phrase: "the Institute of Seismology", "Ridgeline Geophysical Observatory"; the
# small words that join a name's parts ("of", "for", "and", "the") may stand between its capitalised words.
_CAPITALISED_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'-]*)*")
_NOT_A_NAME = frozenset({"the", "a", "an", "on", "its", "their", "officials", "according", "it"})


# The agent named right after a figure: "measured at 6.8 by the Bureau and at 7.0 by the Kelt Survey": 7.0's body is
# the Kelt Survey, whatever the figure's source phrase took from the sentence.
_AGENT_AFTER = re.compile(
    r"\s*(?:metres|km|kilometres)?\s*,?\s*by\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'-]*)*)"
)


@functools.lru_cache(maxsize=8192)
def named_bodies(facts: ClaimFacts) -> frozenset[str]:
    """The bodies a figure's source phrase names in capitals ("The Institute of Seismology in the capital measured
    the quake", "measured by the Institute of Seismology": institute of seismology), without an opening "The": a
    name of several words, or an acronym ("the USGS said"). A lone capitalised word is more often a place ("the Harn
    quake", "officials in Harn") or the phrase's first word ("Seismologists said"), and a weekday is no body. A body
    named by "by" right after the figure is its teller (`_AGENT_AFTER`)."""
    _, end = _quote_span(facts)
    agent = _AGENT_AFTER.match(facts.sentence[end:])
    names = set()
    for match in _CAPITALISED_NAME.finditer(agent.group(1) if agent else facts.source):
        words = match.group().split()
        while words and words[0].casefold() in _NOT_A_NAME:
            words = words[1:]
        if len(words) > 1 or (len(words) == 1 and len(words[0]) > 1 and words[0].isupper()):
            names.add(" ".join(words).casefold())
    return frozenset(names)


def _naming(words: list[str]) -> list[str]:
    """The words of a source phrase that can name someone: not "officials", "said", "put", "on Monday"."""
    return [word for word in words if len(word) > 1 and word not in _UNNAMED_SOURCES | _TELLING_WORDS | _WEEKDAYS]


def _who_told(words: list[str]) -> list[str]:
    """The words of a source phrase before its verb of telling, when some of them name someone ("the education
    ministry put the share of striking teachers at": the education ministry): what follows the verb says what the
    figure is of, not who gave it, and two bodies' phrases that share only that ("teachers' unions claimed", "the
    ministry put the share of striking teachers at") are still two bodies. "according to the UN" keeps its name."""
    for index, word in enumerate(words):
        if word in _TELLING_VERBS:
            return words[:index] if _naming(words[:index]) else words
    return words


# A level's highest reading, named right before its figure: "a crest of 5.2 metres", "its peak of 6.1 metres".
_CREST_BEFORE = re.compile(r"\b(?:crest|peak|high)\s+of\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def crest(facts: ClaimFacts) -> bool:
    """The figure is told as the highest a level reached, by its verb ("the river crested at 5.2 metres", "peaked at
    6.1 metres") or by the noun before it ("down from a crest of 5.2 metres"): the one top of the level's rise, not a
    reading on its way."""
    start, _ = _quote_span(facts)
    return bool({"peak", "crest"} & _parsed(facts)[1]) or bool(_CREST_BEFORE.search(facts.sentence[:start]))


_PEAK_BEFORE = re.compile(r"\bfrom\s+(?:a|its|their|the)\s+peak\s+of\s*$", re.IGNORECASE)


# A figure told as the highest a stock reached, by the phrase that sets it at that time, before or after it in its
# clause: "at the peak, on Friday, 4,100 were in shelters", "5,200 people were displaced at the height of the floods".
_AT_PEAK = re.compile(r"\bat\s+(?:the|its|their)\s+(?:peak|height)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def peak_baseline(facts: ClaimFacts) -> bool:
    """The figure is the peak its sentence's count fell from ("about 1.6 million customers remained without power,
    down from a peak of 2.3 million"): the stock's highest reading, which the sentence's own figure has already
    taken up; a later, smaller count reads on from that figure, not from the peak."""
    start, _ = _quote_span(facts)
    return bool(_PEAK_BEFORE.search(facts.sentence[max(0, start - 40) : start]))


@functools.lru_cache(maxsize=8192)
def told_as_peak(facts: ClaimFacts) -> bool:
    """The figure is told as the highest a stock reached: the peak a count fell from (`peak_baseline`), or a figure
    set "at the peak" or "at the height of" the disaster, before it or after it in its clause (`_AT_PEAK`: "at the
    peak, on Friday, 4,100 were in shelters", "5,200 people were displaced at the height of the floods")."""
    if peak_baseline(facts):
        return True
    start, end = _quote_span(facts)
    before = re.split(r"[;:]|\band\b|\bbut\b", facts.sentence[:start])[-1]
    after = re.split(r"[,;:]|\band\b|\bbut\b", facts.sentence[end:])[0]
    return bool(_AT_PEAK.search(before) or _AT_PEAK.search(after))


# A share of a group, then the verb that says what sets its members apart: "almost half the days were ", "about 30% of
# the wells had ". The figure that follows is the bar the group is picked by.
_SHARE_OF_GROUP = re.compile(
    r"\b(?:half|third|quarter|majority|most|\d+(?:\.\d+)?\s*(?:%|per ?cent))\s+(?:of\s+)?the\s+[^\W\d_]+s\b"
    r"[^,;.:]{0,40}?\s(?:were|was|are|is|had|have|has)\s+(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def group_criterion(facts: ClaimFacts) -> bool:
    """The figure is the bar that picks out a share of a group ("almost half the days were 1.5C hotter", "about 30%
    of the wells had more than 10 mg of nitrate"): it says what the counted members exceed, not a measure of
    anything told; only a like bar is its fact."""
    start, _ = _quote_span(facts)
    return bool(_SHARE_OF_GROUP.search(facts.sentence[max(0, start - 120) : start]))


# "would" among the words right before a figure, and an "if" in its sentence: "the toll would be over 900 if the early
# reports hold", "if the rate holds, arrivals would top 50,000".
_WOULD = frozenset({"would", "wouldn't"})
_IF = re.compile(r"\b(?:if|unless|provided|assuming)\b", re.IGNORECASE)
WOULD_REACH = 4  # words before the figure that may hold the "would"


@functools.lru_cache(maxsize=8192)
def conditional(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as what would hold under a condition ("the toll for the whole country would
    be over 900 if the first reports are right"): the writer's inference, not a figure anyone gave, and never the
    same fact as one told, nor its reading."""
    before, _ = _words_beside(facts)
    return bool(_WOULD & set(before[-WOULD_REACH:])) and bool(_IF.search(facts.sentence))


# "will" or "likely", then a verb of crossing a level, in one clause with the figure: "the 12-month average will pass
# 1.5C", "is likely to exceed that level by 1.5C", "the 1.5C mark will be crossed", "likely to breach 2%".
_FORESEEN_CROSSING = re.compile(
    r"\b(?:will|likely)\b(?:\s+[^\W\d_]+){0,2}?\s+(?:pass|surpass|exceed|cross|breach|top|break)\w*", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)
def foreseen_crossing(facts: ClaimFacts) -> bool:
    """The figure's own clause forecasts that a level will be crossed ("the 12-month average will surpass 1.5C",
    "is likely to exceed the old level by 1.5C", "the 1.5C mark will be passed next year"): the forecast of a
    crossing, never the same fact as a figure measured or a limit set. Not what could be reached ("the toll could
    pass 900"), someone's estimate of a count as it stands."""
    folded = facts.sentence.casefold()
    if "will" not in folded and "likely" not in folded:
        return False  # the pattern needs one of them: most sentences are spared the split and the search
    before, after = own_clause(facts)
    clause = before + facts.quote + after
    return bool(_FORESEEN_CROSSING.search(clause))


@functools.lru_cache(maxsize=8192)
def of_time_to_come(facts: ClaimFacts) -> bool:
    """The figure's stated period begins after the day it was told ("schools in 58 municipalities would remain closed
    until the end of next week", told on a Saturday): what is planned or foreseen for a time to come, neither updated
    nor refuted by a measurement of what has happened (though told again, it is still one figure)."""
    return facts.period_start is not None and facts.published is not None and facts.period_start > facts.published


# What befell a building, by grade: brought down, or harmed and left standing ("destroyed" / "damaged").
_RUIN_GRADES = {
    "destroy": "ruined",
    "destroyed": "ruined",
    "collapse": "ruined",
    "collapsed": "ruined",
    "flatten": "ruined",
    "raze": "ruined",
    "damage": "damaged",
    "damaged": "damaged",
}


def ruin_grade(facts: ClaimFacts) -> frozenset[str]:
    """The grades of harm the parse tells of the counted things ("830 buildings were destroyed": ruined; "2,150
    damaged": damaged; "3,000 homes damaged or destroyed": both), from its verbs and modifiers; empty when none."""
    return frozenset(
        _RUIN_GRADES[word[2:]]
        for word in facts.counted_words
        if word[:2] in ("v:", "m:", "a:") and word[2:] in _RUIN_GRADES
    )


# A degree of harm told of a figure's people ("40 people were seriously injured", "left 12 critically ill").
_SEVERITY = r"(?:seriously|critically|severely|gravely|badly|slightly|lightly|minor|serious|critical|severe)"
_HARMED = r"(?:injur\w*|wound\w*|hurt|burn\w*|ill|condition|injur(?:y|ies))"
_SEVERITY_AFTER = re.compile(
    r"^[^,;.\d]{0,40}?\b(?:" + _SEVERITY + r"(?:ly)?\s+(?:\w+\s+)?" + _HARMED + r"|in intensive care)\b",
    re.IGNORECASE,
)
_SEVERITY_BEFORE = re.compile(r"\b" + _SEVERITY + r"\s+" + _HARMED + r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def harm_of_degree(facts: ClaimFacts) -> bool:
    """The figure counts the people harmed to a told degree ("40 people were seriously injured", "it left 12
    critically hurt", "8 remain in critical condition", "six in intensive care"): some of the injured, never all of
    them."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    return bool(_SEVERITY_AFTER.search(sentence[end:]) or _SEVERITY_BEFORE.search(sentence[max(0, start - 60) : start]))
