"""The pair as the rules read it (`Reading`, `read_pair`), with the readings of which figure came
first that it asks for itself.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

from .claim_readings import (
    _naming,
    _overnight,
    _own_weekdays,
    _told_on_weekdays,
    _verb_lemmas,
    added_total_thing,
    fallen_to,
    provisional,
    revised,
    source_words,
    store_level,
    told_final,
    told_now,
)
from .context_words import (
    _ADDING_TO,
    _INCREMENT_AFTER,
    _WORD,
    _figures_beside,
    _numbers_beside,
    baseline,
    figures_scaled_beside,
    projected,
    running,
    running_beside,
    specificity,
    standing,
    subject_similarity,
    trigram_similarity,
)
from .counted_groups import (
    _FOUND,
    _INCREMENT_BEFORE,
    _WEEKDAY_NAMES,
    STOCKS,
    TOLLS,
    _of_missing,
    counted_relation,
    counted_thing,
    modifier_relation,
    one_counted_thing,
    parsed_counted,
    parsed_relation,
    stages,
)
from .figures import representative_value, rounding_tolerance, same_figure, value_ratio
from .measure import LEVELS, claim_measure
from .periods import (
    _closed,
    _days,
    _length,
    _stated_period,
    basis_conflict,
    day_alone,
    far_apart,
    not_actual,
    period_relation,
    recalled,
    risen_to,
    told_far_apart,
)
from .place_names import place_relation, story_relation
from .tunables import MAGNITUDE, SMALL, ClaimFacts, _quote_span


class Reading:
    """What the rules read of a pair, before deciding.

    The figures' dimension, ratio and days apart are read at once; each other part is read the first time a rule
    asks for it and kept (most pairs the index brings are refused on a few of them, and reading the words is the
    dearer part of judging a pair). A reading of a pair is the same whichever parts were asked for first.
    """

    def __init__(self, a: ClaimFacts, b: ClaimFacts, *, dimension: str, value_a: float, value_b: float) -> None:
        self._a, self._b = a, b
        self.dimension = dimension
        self.ratio = value_ratio(value_a, value_b)
        self.days_apart = _days(a.published, b.published) if a.published and b.published else None
        # both figures are counts under SMALL: such figures agree by chance all the time
        self.small = dimension == "count" and max(abs(value_a), abs(value_b)) < SMALL
        # the numbers in one unit are equal ("5.2%", "5.2 percent"), not merely compatible
        self.equal_values = math.isclose(value_a, value_b, rel_tol=1e-9)

    def __repr__(self) -> str:
        return f"Reading({self._a.quote!r}, {self._b.quote!r})"

    @functools.cached_property
    def same_figure(self) -> bool:
        return same_figure(self._a, self._b)

    @functools.cached_property
    def subject(self) -> float:
        return subject_similarity(self._a, self._b)

    @functools.cached_property
    def wording(self) -> float:
        return trigram_similarity(self._a.sentence, self._b.sentence)

    @functools.cached_property
    def specificity(self) -> float:
        return specificity(self._a, self._b)

    @functools.cached_property
    def nouns(self) -> str:
        """One of "same", "open" (one or both unknown) or "different"."""
        thing_a, thing_b = counted_thing(self._a), counted_thing(self._b)
        if not (thing_a and thing_b):
            return "open"
        first, second = claim_measure(self._a), claim_measure(self._b)
        return "same" if thing_a == thing_b or first.noun == second.noun or _one_head(thing_a, thing_b) else "different"

    @functools.cached_property
    def counted(self) -> str:
        return counted_relation(self._a, self._b)

    @functools.cached_property
    def period(self) -> str:
        return period_relation(self._a, self._b)

    @functools.cached_property
    def places(self) -> str:
        return place_relation(self._a, self._b)

    @functools.cached_property
    def story(self) -> str:
        """One of "shared" (the articles share a story entity), "different" or "unknown"."""
        return story_relation(self._a, self._b)

    @functools.cached_property
    def not_actual(self) -> bool:
        """Exactly one of the two is a forecast, expectation or target."""
        return not_actual(self._a) != not_actual(self._b)

    @functools.cached_property
    def basis_conflict(self) -> bool:
        return basis_conflict(self._a, self._b)

    @functools.cached_property
    def far_apart(self) -> bool:
        return far_apart(self._a, self._b)

    @functools.cached_property
    def far_told(self) -> bool:
        """told_far_apart: what the score of "same" weighs as far_apart."""
        return told_far_apart(self._a, self._b)

    @functools.cached_property
    def running(self) -> bool:
        """Either sentence reads its figure as a running count (`running_beside` the other)."""
        return running_beside(self._a, self._b) or running_beside(self._b, self._a)

    @functools.cached_property
    def both_running(self) -> bool:
        """Each sentence reads its own figure as a running count ("so far", "rose to")."""
        return running(self._a) and running(self._b)

    @functools.cached_property
    def parsed(self) -> str:
        """parsed_relation: what the parse says each figure counts."""
        return parsed_relation(self._a, self._b)

    @functools.cached_property
    def modifiers(self) -> str:
        return modifier_relation(self._a, self._b)

    @functools.cached_property
    def one_thing(self) -> bool:
        """one_counted_thing: the parse says both count one thing (deaths, bodies, the missing …)."""
        return one_counted_thing(self._a, self._b)

    @functools.cached_property
    def bodies(self) -> bool:
        """sources_differ: two named bodies give the figures ("the ministry said", "the UN said")."""
        return sources_differ(self._a, self._b)

    @functools.cached_property
    def against(self) -> bool:
        """set_against: one sentence sets the other figure against its own ("while", "than the")."""
        return set_against(self._a, self._b)

    @functools.cached_property
    def told_order(self) -> bool:
        """A page without its day says itself which figure came first (`_ordered_by_words`)."""
        return _ordered_by_words(self._a, self._b, self)

    @functools.cached_property
    def tally_told_twice(self) -> bool:
        """Two counts of one tally on pages of which one or both give no day, each told as running, whose sizes say
        which came later (`_tallies_undated`: "arrivals have passed 14,000" beside "some 17,500 have arrived")."""
        return _tallies_undated(self._a, self._b, self)


def _one_head(first: str, second: str) -> bool:
    """One noun is the other narrowed by a modifier ("vaccine doses", "doses"): its head is the other."""
    return first.rsplit(" ", 1)[-1] == second or second.rsplit(" ", 1)[-1] == first


def read_pair(a: ClaimFacts, b: ClaimFacts) -> Reading | None:
    """The pair as the rules read it; None when the claims cannot be about one quantity at all."""
    first, second = claim_measure(a), claim_measure(b)
    if first.dimension != second.dimension:
        return None
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None:
        return None
    return Reading(a, b, dimension=first.dimension, value_a=value_a, value_b=value_b)


def one_toll(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures count one of a disaster's tolls (`TOLLS`): by what each counts in one word ("a death toll of
    93", "93 died"), or by what the parse says befell both ("23 officers were hurt", "26 officers injured")."""
    thing = counted_thing(a)
    return (thing in TOLLS and thing == counted_thing(b)) or bool(parsed_counted(a) & parsed_counted(b) & TOLLS)


_ENTERING = frozenset({"admit", "admission", "hospitalise", "hospitalize"})  # a flow into the stock, not the stock


def one_stock(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures count one stock of people (`STOCKS`), neither told as the people who entered it that day."""
    thing = counted_thing(a)
    if thing not in STOCKS or thing != counted_thing(b):
        return False
    return not any(_verb_lemmas(facts) & _ENTERING or day_alone(facts) for facts in (a, b))


UNDATED_TALLY_RATIO = 3.0  # two readings of one tally on pages without their days: the later at most thrice


def _tallies_undated(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of one thing (not named apart) on pages of which one or both give no day, each told as a running
    tally ("more than 4,100 have now crossed", "the tally stood at 7,350") or one said to have risen to its figure
    ("the number of cases has climbed to 410", beside "520 cases"), within `UNDATED_TALLY_RATIO` of each other: one
    tally read on two occasions, whose size says which came later. Named apart only by a parse of "the total" that a
    sentence adds a step to, where the step did what the other counts (`_total_of_step_alike`: "detained 260 as
    protests spread to a dozen cities, bringing the total to more than 900" beside "1,450 have been detained"). Not
    when either fell to its figure, is of those still in a state ("79 remained inside"), a recalled or closed period's
    total, a forecast, or one day's count."""
    if reading.days_apart is not None or (reading.nouns == "different" and not _total_of_step_alike(a, b)):
        return False
    if not (reading.both_running or risen_to(a) or risen_to(b)) or fallen_to(a) or fallen_to(b):
        return False
    if reading.ratio > UNDATED_TALLY_RATIO:
        return False
    if any(standing(facts) for facts in (a, b)):
        return False  # those still in a state leave it: the smaller may be the later
    return not any(recalled(f) or _closed(f) or not_actual(f) or day_alone(f) or projected(f) for f in (a, b))


def _ordered_by_own_words(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by what the sentences themselves say? The first of these readings that says either
    way answers: a step between the two (`_told_after`), a revision after a move, a count that fell to a figure
    below the other's (`_fallen_later`: "fell to 470" beside 530) or rose to one above it (`_risen_later`: "has
    climbed to 410" beside 250), those left in a state, a final or a settled reading after a provisional one, a
    figure told as where a count "now" stands, a level's or a store's weekday. None when they say nothing."""
    readings = (
        lambda: _told_after(a, b),
        lambda: _revision_after_a_move(a, b),
        lambda: _fallen_later(a, b),
        lambda: _risen_later(a, b, reading),
        lambda: _left_in_state_later(a, b, reading),
        lambda: _final_later(a, b),
        lambda: _settled_later(a, b, reading),
        lambda: _now_later(a, b, reading),
        lambda: _weekday_later(a, b, reading),
    )
    return next((told for told in (read() for read in readings) if told is not None), None)


WEEKDAY_GAP = 2  # two readings told by their weekdays alone are at most this many days apart


def _weekday_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later reading of a level (`LEVELS`: a river's height, a storm's winds) or of a store's fill
    (`store_level`: "reservoirs were 41% full"), by the one weekday each sentence names for its figure ("reached 4.2
    metres on Sunday", "peaking at 4.6 metres on Monday morning"), else as the day it was told (`_told_on_weekdays`:
    "have fallen to 47% of capacity, the water board said on Monday")? A level is read day by day as it moves, so the
    weekday at most `WEEKDAY_GAP` days after the other's is the later. None when either names no weekday or more than
    one, both name the same, or the two are as far apart either way."""
    if reading.dimension not in LEVELS and not (store_level(a) and store_level(b)):
        return None
    first, second = _own_weekdays(a) or _told_on_weekdays(a), _own_weekdays(b) or _told_on_weekdays(b)
    if len(first) != 1 or len(second) != 1 or first == second:
        return None
    gap = (_WEEKDAY_NAMES.index(next(iter(first))) - _WEEKDAY_NAMES.index(next(iter(second)))) % 7
    if gap <= WEEKDAY_GAP:
        return True
    return False if 7 - gap <= WEEKDAY_GAP else None


def _now_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that tells its count as where it now stands (`told_now`) above the
    other's figure of one thing told without it ("has now paid 260 million marks" beside "has paid 210 million")?
    A count that only grows reached the larger figure last. None when both or neither say "now", the "now" figure is
    the smaller, the two are not told as one thing, or either may fall (those still in a state, the missing) or is
    another time's (a recalled or closed total, a forecast)."""
    if told_now(a) == told_now(b) or reading.dimension in ("percent", MAGNITUDE):
        return None
    one = reading.parsed == "same" or (reading.nouns == "same" and reading.counted == "shared")
    if reading.parsed == "conflict" or not one:
        return None  # "orders for 2,000 residents were lifted" beside "3,000 have now been evacuated": other fates
    if any(standing(f) or _of_missing(f) or recalled(f) or _closed(f) or not_actual(f) or projected(f) for f in (a, b)):
        return None
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    now, other = (value_a, value_b) if told_now(a) else (value_b, value_a)
    return told_now(a) if now > other else None


def _final_later(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by a sentence that tells it as the count's last reading (`told_final`) beside one
    that does not? None when both or neither are so told, or either is a count of those still in a state."""
    if standing(a) or standing(b):
        return None  # "79 remained inside" beside "in all, 154 are now free": those left, not the count's reading
    first, second = told_final(a), told_final(b)
    return first if first != second else None


def _settled_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that reads the other's count while it is under way (`provisional`:
    "with 62% of ballots counted, the party was on 24.1%", "a preliminary estimate put the deficit at 3.8%") beside
    one of the same period told without it ("the party took 25.6%")? A provisional reading is told before the count
    is settled. None when both or neither are so told, the two are not of one period, or they are counts, whose
    early tallies are as often a part told first as a reading the settled count replaces."""
    first, second = provisional(a), provisional(b)
    if first == second or reading.period not in ("same", "none", "one") or reading.dimension == "count":
        return None
    return second


def _left_in_state_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that tells its count as those still in a state ("1,500 residents remain
    under evacuation orders", "about 500 people remained in shelters") beside a larger count of one thing told
    without it ("some 4,200 people are under evacuation orders")? Those left are what remains of the larger figure,
    so they are told after it. None when both or neither are so told, the standing count is not well below the other
    (`STANDING_DRAINED`), the other says it rose to its figure, either is another time's (a baseline, a count of
    weeks), the two are not named alike, or they are a toll ("100 dead, with dozens still missing": its "still" is
    another's), but for the displaced, who go home ("1,900 residents remain under evacuation orders")."""
    homes_left = counted_thing(a) == counted_thing(b) == "displaced"  # the displaced go home, the dead stay
    if standing(a) == standing(b) or (one_toll(a, b) and not homes_left) or reading.dimension != "count":
        return None
    if not (one_stock(a, b) or (reading.nouns == "same" and reading.counted == "shared")):
        return None
    if baseline(a) or baseline(b) or not _told_on_their_days(a, b):
        return None  # "down from a peak of 230,000", "8,000 tried to cross this year": another time's figure
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    held = a if standing(a) else b
    other = b if held is a else a
    value_held, value_other = (value_a, value_b) if held is a else (value_b, value_a)
    if value_held * STANDING_DRAINED > value_other:
        return None  # "260 remain in hospital" beside "310 are being treated": a stock that rises and falls
    if risen_to(other):
        return None  # "the number in shelters has risen to 3,900": it says itself it was reached later
    return held is a


STANDING_DRAINED = 1.5  # those left in a state are told after a figure of it at least half as large again


def _ordered_by_words(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """On a page without its day, the sentences themselves say which figure came later (`_ordered_by_own_words`:
    "winds dropped to 90 km/h" beside 150): told on two occasions, as days apart would say."""
    if reading.days_apart is not None or (a.published is not None and b.published is not None):
        return False
    return _ordered_by_own_words(a, b, reading) is not None


def _stages_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure counts the dead at a stage after their bodies were found (named, handed over, buried: `STAGES`)
    and the other at another stage or none ("900 bodies have been buried", "1,700 killed"): a stage's count is a
    part of the toll, never a reading of it, so their sizes say nothing of which was told later. Bodies recovered
    are how a toll is told ("six bodies recovered", then "41 died")."""
    first, second = stages(a), stages(b)
    return first != second and bool((first | second) - {_FOUND})


# What a count the stages of a toll may befall counts (`counted_thing`): the dead, by any name, or people at large;
# "" when the parse says nothing.
_STAGED = frozenset({"", "death", "people", "victim"})


def _staged_toll(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Either count is of the dead, or of people (`_STAGED`), whom a verb of STAGES may put at a stage of a toll
    ("the bodies of 40 victims were taken to the morgue"); not a count of other things, where it says only where they
    went ("120 oiled birds have been taken to rescue centres", "the number of oiled birds … has risen to 410")."""
    return bool({counted_thing(a), counted_thing(b)} & _STAGED or one_toll(a, b))


def _revision_after_a_move(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by one sentence that sets its figure again (`revised`: "revised March's jobless rate
    up to 6.2%") beside one that says its figure moved (`fallen_to`, `risen_to`: "fell to 6.1 percent in March from
    6.4 percent")? The move tells how the figure changed from the period before, not from the other account; the
    revision sets again a figure told before, so it is the later. None unless exactly one is a revision and the
    other a move."""
    first = revised(a) and not revised(b) and (fallen_to(b) or risen_to(b))
    second = revised(b) and not revised(a) and (fallen_to(a) or risen_to(a))
    return first if first != second else None


def _fallen_later(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by a sentence that says its count fell to a figure below the other's? The other is
    then its earlier reading, whatever size would say (a count that only grows needs no such word). None when
    neither says so, or both do."""
    return _said_moved(a, b, fallen_to, up=False)


def _said_moved(a: ClaimFacts, b: ClaimFacts, said: Callable[[ClaimFacts], bool], *, up: bool) -> bool | None:
    """Is `a` the later figure, by a sentence that `said` moved its count up (or down) to a figure beyond the
    other's? None when neither says so, or both do, or the figures are equal."""
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    first = said(a) and (value_a > value_b) == up
    second = said(b) and (value_b > value_a) == up
    return first if first != second else None


def _risen_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure, by a sentence that says its count rose to (or went past) a figure above the
    other's (`risen_to`), both counting one thing? The other is then its earlier reading: the mirror of
    `_fallen_later`. None when neither says so."""
    level = reading.dimension in LEVELS and reading.parsed == "same"  # "the ash column rose to 12 km", "8 km"
    if (reading.nouns != "same" and not level) or (not level and _stages_apart(a, b) and _staged_toll(a, b)):
        return None  # a count that rose beside a count of something else ("cases passed 3,000", "45 died")
    if any(standing(facts) or _of_missing(facts) for facts in (a, b)):
        return None  # those still in a state ("6,400 remain displaced") leave it: the smaller may be the later
    if any(_closed(facts) for facts in (a, b)):
        return None  # "830 in all of 2023", told in 2024: a period's total, no reading of a running count
    return _said_moved(a, b, risen_to, up=True)


_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b|\byear\s+(?:before|earlier)\b|\b(?:19|20)\d\d\b")


def _names_year_before(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence names beside its own figure another year's, the one `other` states ("31,260 crossed in
    2025, compared with 23,870 in 2024" beside "nearly 24,000 in the whole of last year"; "61 drowned in 2025,
    against 42 the year before" beside "last year, 42 drowned"): `other` is that year's figure, not a reading of
    this one."""
    value = representative_value(other)
    if value is None:
        return False
    for first, last, number in _numbers_beside(facts):
        if abs(number - value) > max(rounding_tolerance(number), rounding_tolerance(value), 1e-9):
            continue
        if _LAST_YEAR.search(facts.sentence[max(0, first - 40) : last + 40]):
            return True
    return False


# The figure a sentence adds a step to ("… bringing the total to 630", "leaving 22 still trapped").
_TOTAL_BEFORE = re.compile(rf"(?:{_ADDING_TO}|\bleaving)\s*$", re.IGNORECASE)


def _names_earlier(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence tells how its figure came from `other`'s: it names the step between them, told as a step
    ("another 290 flights were cancelled, bringing the total to 630" beside 340; "brought nine to the surface, leaving
    22 still trapped" beside 31), or names `other`'s figure as the one it moved from ("down from a peak of 2,600", "up
    from 1,520 a day earlier"), with no other figure between. Not a figure of last year ("compared with 11,900 at the
    same point last year"), which is another period's, not the count's earlier reading."""
    own, value = representative_value(facts), representative_value(other)
    if own is None or value is None or own == value:
        return False
    step = abs(own - value)
    start, end = _quote_span(facts)
    numbers = _numbers_beside(facts)
    total = bool(_TOTAL_BEFORE.search(facts.sentence[:start]))
    for first, last, number in numbers:
        low, high = min(first, end), max(last, start)
        if any(low <= other < high for other, _, _ in numbers if other != first):
            continue  # another figure between: the number belongs to it
        window = facts.sentence[max(0, first - 40) : last + 40]
        if _LAST_YEAR.search(window):
            continue
        before = _WORD.findall(facts.sentence[max(0, first - 30) : first].casefold())
        after = _WORD.findall(facts.sentence[last:].casefold())[:4]
        if number > 0 and abs(number - step) <= max(0.5, 0.005 * max(abs(own), abs(value))):
            told_as_step = (before and before[-1] in _INCREMENT_BEFORE) or (after and after[0] in _INCREMENT_AFTER)
            if told_as_step or total:
                return True  # the step between the two figures
        if abs(number - value) <= max(rounding_tolerance(number), rounding_tolerance(value), 1e-9):
            if first >= end:
                moved_from = "from" in before[-4:]  # "1,800, down from a peak of 2,600"
            else:  # "revised from 4,125 to 3,845": the figure it was set from, then the figure it was set to
                between = _WORD.findall(facts.sentence[last:start].casefold())
                moved_from = "from" in before[-2:] and between[-1:] == ["to"] and len(between) <= 3
            if moved_from or ({"earlier", "ago", "previous", "previously", "before"} & set(after) and first >= end):
                return True  # the figure it moved from
    return False


@functools.lru_cache(maxsize=8192)
def _told_after(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """Is `a` the later figure, by what the sentences say of each other (`_names_earlier`)? None when neither
    sentence tells, or both do. Cached: `_newer_first` asks it at several gates of one undated pair."""
    first, second = _names_earlier(a, b), _names_earlier(b, a)
    return first if first != second else None


def _total_of_step_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One count is a total its sentence adds a step to (`added_total_thing`), and the step did what the other
    count's parse says befell its people ("detained 380 more, bringing the total to 1,720" beside "1,650 people have
    been arrested"): the parse of "the total" says nothing of what it counts, the step does."""
    first, second = added_total_thing(a), added_total_thing(b)
    return bool(first and first == counted_thing(b)) or bool(second and second == counted_thing(a))


def _told_on_their_days(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Neither figure states a period longer than a day, or than the night before its page's day: what dates them
    is the day each was told."""
    return all((_length(_stated_period(facts)) or 1) == 1 or _overnight(facts) for facts in (a, b))


def sources_differ(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are told by someone named, and by two different ones ("the health ministry said", "the Red
    Crescent said"): two counts of one thing on one day are then two bodies' counts, not one count's readings. Two
    names that share a word are still two bodies when neither holds all of the other's ("the World Health
    Organization said", "the provincial health department reported"); "the ministry" is "the health ministry"."""
    first, second = source_words(a), source_words(b)
    return bool(first) and bool(second) and not (first <= second or second <= first)


# Words that set one figure against another in one sentence: "38,000 took part, while the unions put the turnout at
# 120,000", "705 cases, fewer than the 760 the ministry reported", "disputing the ministry's count of 4,600".
_SETTING_AGAINST = frozenset({"than", "while", "whereas", "but", "against", "disputing", "disputed", "unlike"})
_EARLIER = frozenset({*"earlier before previous ago last yesterday week month year".split(), *_WEEKDAY_NAMES})


def _event_days_dropped(words: list[str]) -> list[str]:
    """The words after a figure without a weekday that names the event it counts ("45,000 joined Saturday's march"):
    a day's possessive there names the event, not another day the figure is of ("against 3,100 on Wednesday")."""
    return [
        word
        for word, following in zip(words, [*words[1:], ""], strict=False)
        if not (word in _WEEKDAY_NAMES and following == "s")
    ]


def _figure_after_at(words: list[str]) -> bool:
    """The words before a figure, after their "from", end in an "at" that introduces the figure itself ("put damage
    from the fire at $1.6 billion"): the "from" is of the thing measured, not the figure a change moved from."""
    last_from = len(words) - 1 - words[::-1].index("from")
    return "at" in words[last_from + 1 :]


def _sets_against(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence states `other`'s figure too, set against its own by a word that contrasts them ("while",
    "but", "fewer than the", "against"), not as the figure it moved from ("up from 14") nor qualified ("more than
    2,300"): the sentence itself says the two figures are two accounts of one quantity."""
    if other.value is None or facts.value is None:
        return False
    value, own = float(other.value), float(facts.value)
    if value == own:
        return False
    start, end = _quote_span(facts)
    for first, last, number in figures_scaled_beside(facts):  # "$1.6 billion" beside "$2.3 billion": 1.6e9
        if not math.isclose(number, value):
            continue
        between = facts.sentence[end:first] if first >= end else facts.sentence[last:start]
        words = _WORD.findall(between.casefold())
        before = _WORD.findall(facts.sentence[max(0, first - 30) : first].casefold())
        if before and before[-1] == "than" and first >= end:
            words = words[:-1]  # "more than 2,300": a figure's qualifier, not a comparison
        if "from" in before[-4:] and not _figure_after_at(before[-4:]):
            continue  # "up from 14", "revised up to 0.7% from its flash estimate of 0.6%"
        after = _event_days_dropped(_WORD.findall(facts.sentence[last:].casefold())[:5])
        if _EARLIER & set(before[-3:] + after):
            continue  # "fewer than the 45,000 a week earlier", "against 3,100 on Wednesday": the figure of another day
        if _SETTING_AGAINST & set(words) or _told_side_by_side(facts.sentence, (start, end), (first, last)):
            return True
    return False


# Verbs by which a clause tells whose figure it gives ("the ministry counted 40,000", "the unions claimed 70 per cent").
_TELLING_CLAUSE = re.compile(
    r"\b(?:said|says|say|put|puts|counted|counts|claimed|claims|estimated|estimates|reported|reports|according to)\b",
    re.IGNORECASE,
)


def _told_side_by_side(sentence: str, own: tuple[int, int], other: tuple[int, int]) -> bool:
    """The sentence gives the two figures in two clauses a semicolon parts, each telling whose figure it is
    ("Organisers said some 120,000 joined the march; the interior ministry counted 40,000", "the ministry put the
    share at 24 per cent; the unions claimed it was 70 per cent"): two accounts of one quantity, set side by side."""
    first, second = sorted((own, other))
    between = sentence[first[1] : second[0]]
    if between.count(";") != 1:
        return False
    start = sentence.rfind(";", 0, first[0]) + 1
    end = sentence.find(";", second[1])
    parted = between.index(";") + first[1]
    clauses = (sentence[start:parted], sentence[parted + 1 : end if end >= 0 else len(sentence)])
    return all(_TELLING_CLAUSE.search(clause) for clause in clauses)


# Words that name a figure as the one another takes the place of, right before it: "rather than the", "instead of its".
_IN_PLACE_OF = re.compile(
    r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|replacing)\s+(?:the|its|their|a)\s+\W*$", re.IGNORECASE
)


def _told_in_place_of(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence names `other`'s figure as the one its own figure takes the place of ("exports grew 2.7
    percent, rather than the 3.1 percent first published", "4,310, instead of the 4,100 first given"): its later
    reading, whatever the periods each was read for."""
    if other.value is None or facts.value is None or float(other.value) == float(facts.value):
        return False
    value, (_, end) = float(other.value), _quote_span(facts)
    for first, _, number in _figures_beside(facts):
        # after its own figure: "imports grew 1.9 percent" beside "2.7 percent, rather than the 3.1" replaces none
        if number == value and first >= end and _IN_PLACE_OF.search(facts.sentence[max(end, first - 40) : first]):
            return True
    return False


def set_against(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One sentence sets the other figure against its own (`_sets_against`), or against the count of the body that
    told the other (`_against_whose_count`)."""
    return _sets_against(a, b) or _sets_against(b, a) or _against_whose_count(a, b) or _against_whose_count(b, a)


# A comparison with someone's count named by whose it is, not by its figure: "far fewer than the UN's count", "well
# above the ministry's tally" (but not "the ministry's estimate of 6,500", whose figure `_sets_against` reads).
_AGAINST_WHOSE = re.compile(
    r"\b(?:than|above|below|beyond|short of)\s+(?:the\s+)?(?P<whose>(?:[\w-]+\s+){0,3}?[\w-]+?)['’]s?\s+"
    r"(?:own\s+|official\s+)?(?:tally|count|figure|toll|estimate|number)s?\b(?!\s+(?:of|at)\b)",
    re.IGNORECASE,
)


def _against_whose_count(facts: ClaimFacts, other: ClaimFacts) -> bool:
    """`facts`'s sentence, after its figure, sets it against the count of whoever told `other`'s figure, named by
    whose it is ("more than 500 flights were grounded, well above the ministry's tally", beside "430 flights, the
    transport ministry said"): the sentence says the two are two bodies' accounts of one quantity. Not another day's
    count ("more than double the previous day's count"), whose name is no one's who told the other, nor a figure the
    body told of a day before its page's ("after nearly 400 were scrapped on Monday"): the tally named is the body's
    count as it stood when told."""
    if facts.value is None or other.value is None or facts.value == other.value:
        return False
    named = source_words(other)
    if not named:
        return False
    period = _stated_period(other)
    if period is not None and other.published is not None and period[1] < other.published:
        return False
    _, end = _quote_span(facts)
    for found in _AGAINST_WHOSE.finditer(facts.sentence, end):
        if named & set(_naming(_WORD.findall(found.group("whose").casefold()))):
            return True
    return False
