"""Which relation a read pair of different figures gets (`change_relation`: updates or contradicts),
and what keeps a pair apart whatever its reading (`kept_apart`, `_cannot_link`).
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from decimal import Decimal

from .claim_readings import (
    _MOVED,
    _aftershock,
    _beyond_a_mark,
    _change_told,
    _days_beside_count,
    _direction,
    _moved_by,
    _one_deed_of_one_group,
    _own_weekdays,
    _share_words,
    _told_as_change,
    conditional,
    crest,
    deed_roots,
    fallen_to,
    foreseen_crossing,
    gathered,
    group_criterion,
    harm_of_degree,
    last_of_group,
    named_bodies,
    of_time_to_come,
    peak_baseline,
    per_day,
    provisional,
    replaced_figure,
    revised,
    revised_from_figure,
    ruin_grade,
    stand_in_count,
    store_level,
    told_as_peak,
)
from .context_words import (
    _GENERIC,
    baseline,
    figures_scaled_beside,
    not_measured,
    projected,
    revised_from,
    running,
    standing,
)
from .counted_groups import (
    _WEEKDAY_NAMES,
    COUNTED,
    _fate_of_some,
    _of_missing,
    _parsed,
    _stock_of_part_told_again,
    breakdown_part,
    counted_thing,
    counts_differ,
    excluding,
    is_threshold,
    nationalities,
    nations_apart,
    of_population,
    one_statistic,
    ones_own,
    own_clause,
    own_threshold,
    part_of_group,
    part_of_toll,
    stages,
    statistics_differ,
    whole_group,
)
from .figures import (
    _LOWER_BOUNDS,
    _UPPER_BOUNDS,
    _about_finer_than_plain,
    _float,
    compatible,
    figure_interval,
    representative_value,
    rounding_unit,
    same_figure,
    value_ratio,
)
from .measure import _GROUP_OF, LEVELS, _singular, _stem, claim_measure, unit_spellings
from .pair_reading import (
    Reading,
    _names_year_before,
    _now_later,
    _one_head,
    _ordered_by_own_words,
    _ordered_by_words,
    _stages_apart,
    _tallies_undated,
    _told_after,
    _told_in_place_of,
    _told_on_their_days,
    _total_of_step_alike,
    one_stock,
    one_toll,
)
from .periods import (
    _TOLD_ON,
    _WEEKDAY,
    ALONE_DAYS,
    _closed,
    _day_beside_span,
    _days,
    _length,
    _long_periods,
    _past_beside,
    _period,
    _stated_period,
    as_of_reading,
    day_alone,
    days_record,
    not_actual,
    past,
    recalled,
    risen_to,
    same_point_earlier,
    spans_differ,
)
from .place_names import (
    _division_beside_place,
    _division_told_again,
    _settlement_beside_count,
    in_division,
    nationwide,
    part_beside_whole,
    place_alone,
    shared_places,
)
from .tunables import (
    MAGNITUDE,
    MAGNITUDE_SPREAD,
    MAX_CONTRADICTION_RATIO,
    MAX_REVISION_POINTS,
    MAX_REVISION_RATIO,
    MAX_UPDATE_RATIO,
    MIN_CHANGE_SUBJECT,
    REVISION_GAP,
    ClaimFacts,
    _quote_span,
)


def _baseline_of_its_day(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A later sentence's baseline dated to the one day the other figure is told for, at another figure ("gave a
    toll of 1,450 on Tuesday"; later, "a toll of 3,100 on Wednesday, up from 2,300 on Tuesday"): two counts of that
    day, never one's later reading. On pages without their days, the one day is the weekday each figure names as its
    own ("a toll of 1,450 on Tuesday", "up from 2,300 on Tuesday": `_own_weekday`)."""
    if reading.equal_values or baseline(a) == baseline(b) or revised(a) or revised(b):
        return False
    if reading.period == "same":
        return _length(_stated_period(a)) == 1
    if reading.days_apart is not None or reading.period == "disjoint":
        return False
    day = _own_weekday(a)
    return day is not None and day == _own_weekday(b)


# A weekday right after a figure, before any comma: "a toll of 1,450 on Tuesday", "climbed from 61 on Saturday".
_OWN_WEEKDAY = re.compile(rf"\s+(?:[^\W\d_]+\s+){{0,2}}?on\s+({'|'.join(_WEEKDAY_NAMES)})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _own_weekday(facts: ClaimFacts) -> str | None:
    """The weekday the figure is told for, named right after it ("a lower toll of 1,450 on Tuesday", "rose to 57 on
    Saturday", "up from 2,300 on Tuesday"); None when no weekday follows it in its own words."""
    found = _OWN_WEEKDAY.match(facts.sentence, _quote_span(facts)[1])
    return found.group(1).casefold() if found else None


def _newer_first(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later figure? By the periods they state, else by publication, else (for a count,
    which runs up) by value; None when nothing tells. Size orders only counts of one thing (one toll, the
    missing, or counts the parse reads alike): without their days, two counts of different things would
    always read as one that grew."""
    first, second = _period(a), _period(b)
    if first is not None and second is not None and datetime.date.max not in (first[1], second[1]):
        if first[1] != second[1]:
            return first[1] > second[1]
    if a.published is not None and b.published is not None and a.published != b.published:
        return a.published > b.published
    if a.published is None or b.published is None:
        told = _ordered_by_own_words(a, b, reading)
        if told is not None:
            return told  # an undated page: its own words say which figure came first
    if revised(a) != revised(b):
        return revised(a)  # "the USGS later revised the magnitude to 7.0": the figure set again is the later one
    value_a, value_b = representative_value(a), representative_value(b)
    if reading.dimension != "count" or value_a is None or value_b is None or value_a == value_b:
        return None
    toll, missing = one_toll(a, b), _of_missing(a) or _of_missing(b)
    reckoned = reading.days_apart is None and (
        _reckoned_on_a_page_without_its_day(a, b) or _reckoned_on_a_page_without_its_day(b, a)
    )
    if not (toll or missing or reading.parsed == "same" or _tallies_undated(a, b, reading) or reckoned):
        return None
    if _stages_apart(a, b):
        return None  # "900 bodies have been buried" beside "1,700 killed": a part of the toll, not its reading
    state = not toll or counted_thing(a) == counted_thing(b) == "displaced"  # the displaced go home, the dead stay
    if state and standing(a) != standing(b) and (value_a < value_b) == standing(a):
        # "1.6 million remained without power", told after the cut that left 2.1 million; "11,200 remain displaced"
        return standing(a)
    # A toll only rises; the missing fall as they are found, and those still in a state as they leave it.
    falls = missing or (standing(a) and standing(b))
    return (value_a < value_b) if falls else (value_a > value_b)


def named_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both units name one group of people, and not people at large ("68,900 refugees", "41,300 refugees"): what
    the figures count, though their sentences share few words."""
    if a.kind != "count" or b.kind != "count":
        return False  # "percent" and "percent" say nothing of what is measured
    first, second = (_singular(facts.unit.strip().casefold()) for facts in (a, b))
    if not first or {first, second} & (_GENERIC | {"person"}):
        return False
    return first == second or _one_head(first, second)  # "malaria vaccine doses", "doses"


def _told_by_stand_in(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One of two counts is the story's count told by a stand-in (`stand_in_count`: "the tally stood at 4,120"),
    and neither is of those still in a state ("80,000 remain displaced"): a stock is no tally the story keeps."""
    return (stand_in_count(a) or stand_in_count(b)) and not (standing(a) or standing(b))


def change_relation(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """`_change_relation`, but a pair whose words say nothing alike and that one sentence only sets against the other
    (`set_against`) is a contradiction or nothing: the comparison says they are one quantity, not that one ran on."""
    reckoned, tally = _one_reckoning(a, b, reading), _one_tally_told(a, b, reading)
    apart = _words_apart(a, b, reading, told_as_one=reckoned or tally)
    found = _change_relation(a, b, reading, reckoned=reckoned, tally=tally, apart=apart)
    if found is not None and found[0] == "updates" and reading.against and apart:
        return None
    return found


def one_deed(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two counts, one told by what befell its people and the other by the noun of that deed: "airlines cancelled
    1,150 flights" and "about 1,500 cancellations", "5,300 people had arrived" and "6,100 arrivals", "4,000
    residents were evacuated" and "4,600 evacuees". The two name one thing in other words."""
    if claim_measure(a).dimension != "count" or claim_measure(b).dimension != "count":
        return False
    if last_of_group(a) or last_of_group(b):
        return False
    (verbs_a, nouns_a), (verbs_b, nouns_b) = deed_roots(a), deed_roots(b)
    return bool(verbs_a & nouns_b or verbs_b & nouns_a or verbs_a & verbs_b)


def _statistic_republished(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two rates of one stated period, told a week or more apart and within a revision of each other: the period's
    statistic published again ("inflation is expected to be 10.7% in October", then "annual inflation rose to 10.6
    percent in October"), however differently the two sentences word it."""
    return (
        reading.dimension == "percent"
        and reading.period == "same"
        and reading.days_apart is not None
        and reading.days_apart >= REVISION_GAP.days
        and _revision_sized(a, b, reading)
    )


def _people_of_one_place(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of people that name one place, one told by what befell them (a thing of COUNTED: "12,000 people
    have fled into Sulen") and the other by no more than who they are ("41,300 refugees had now reached Sulen",
    "the UN agency has registered 68,900 refugees in Sulen"): one group told in other words. Not two counts that
    both say nothing of what befell them ("2,000 people waiting at the border", "8,000 tried to enter"), nor two
    that say different things (the dead and the displaced of one town, which the later gates tell apart)."""
    if reading.dimension != "count" or reading.places != "shared":
        return False
    things = {counted_thing(a), counted_thing(b)}
    return "people" in things and len(things & COUNTED) == 1


def _words_apart(a: ClaimFacts, b: ClaimFacts, reading: Reading, *, told_as_one: bool) -> bool:
    """Two different figures, and nothing in the words or the parse says they are of one thing; but "June's figure
    was revised down to 3.0%" says it is the period's figure, set again, however few words it shares. ``told_as_one``:
    the two are one count reckoned from one day or one tally told twice (`_one_reckoning`, `_one_tally_told`). Nor
    is a count told by a stand-in for the story's (`_told_by_stand_in`) beside another."""
    thing = counted_thing(a)
    one_kind = thing in COUNTED and thing == counted_thing(b)  # "a death toll of 93 individuals" and "it rose to 53"
    return (
        reading.subject < MIN_CHANGE_SUBJECT
        and reading.counted != "shared"
        and not reading.one_thing
        and not one_kind
        and not named_alike(a, b)
        and not one_statistic(a, b)
        and not (of_population(a) and of_population(b))
        and not (reading.period == "same" and (revised(a) or revised(b)))
        and not _progress(a, b, reading)
        and not _store_read_again(a, b, reading)
        and not _told_by_stand_in(a, b)
        and not told_as_one
        and not one_deed(a, b)
        and not _statistic_republished(a, b, reading)
        and not _people_of_one_place(a, b, reading)
    )


def _change_relation(
    a: ClaimFacts, b: ClaimFacts, reading: Reading, *, reckoned: bool, tally: bool, apart: bool
) -> tuple[str, bool] | None:
    """For two different figures of one subject: ("updates", a is newer), ("contradicts", False), or None.

    An update is a later figure: of a running count (tolls, totals, "so far"), or a statistic revised
    for the same period a week or more after it was first published. A running count only grows, so a
    later, smaller count is of something else (a part, another place), unless what it counts is what
    is still missing, those still in a state, or a stock of people (`STOCKS`: patients in hospital) that
    rises and falls. A share of work under way (`_progress`) is read again as it grows. Two figures of one
    time (stated alike, or both undated and published the same day) that are neither are a contradiction.
    Figures for different periods are different facts, unless both are as-of readings of one running count; a
    figure of an earlier event (`past`) is neither an update nor a contradiction of one of the story's own.
    Nor is a part set beside a whole, or a standing number beside a count: a nationality's count, everyone
    in a group ("all 72"), a place's population, a statistic's baseline. A toll (`TOLLS`) told again on a
    later day is read as running whatever its words, and so are two counts reckoned from one day (`_one_reckoning`).
    Two magnitudes of one quake are its revision or two institutes' contradiction (`one_quake`), and no two figures
    that could both be right contradict each other (`_contradiction`). ``reckoned``, ``tally`` and ``apart`` are
    `change_relation`'s readings of the pair (`_one_reckoning`, `_one_tally_told`, `_words_apart`).
    """
    if reading.ratio > MAX_UPDATE_RATIO:
        return None
    if one_quake(a, b, reading):
        newer = _newer_first(a, b, reading)
        if newer is not None and revised(a if newer else b) and not _set_from_another(*((a, b) if newer else (b, a))):
            return "updates", newer  # "the institute revised the quake's magnitude down to 6.9"
        if newer is not None and _one_body_days_apart(a, b):
            return "updates", newer  # "the institute measured it at 6.2", days later "measured at 6.4 by the institute"
        if newer is None and named_bodies(a) & named_bodies(b) and replaced_figure(a) != replaced_figure(b):
            return "updates", replaced_figure(b)  # "revised it to 6.4 from 6.2": the 6.2 is the reading before
        return _contradiction(a, b, reading)  # "a magnitude 7.0 earthquake, the institute said"; "the USGS: 6.8"
    if per_day(a) != per_day(b):
        return None  # "up to 2,000 arriving every day" beside "118,000 refugees": a flow beside a total
    if reading.dimension == MAGNITUDE:
        return None  # an aftershock's magnitude beside the quake's or another's, or an earlier quake's: other shocks
    replaced = _told_in_place_of(a, b), _told_in_place_of(b, a)
    if replaced[0] != replaced[1] and reading.ratio <= MAX_LEVEL_RATIO:
        return "updates", replaced[0]  # "grew 2.7 percent, rather than the 3.1 percent first published"
    against = reading.against
    if not against and apart:
        return None
    recalls = recalled(a) or _past_beside(a, b), recalled(b) or _past_beside(b, a)
    if recalls[0] != recalls[1] and reading.period != "same":
        # a figure of an earlier event the story recalls, set beside one of its own; but last year's figure beside a
        # total of a period over when told ("visitors rose to 2.1 million last year", "revised 2024's visitors to 2.14
        # million") may be of one year, unless the total's sentence names the year before's figure, and it is that;
        # and last year's figure told as set again ("raised its count of 2024's arrests to 3,410") is the news, not a
        # recollection
        old, total = (a, b) if recalls[0] else (b, a)
        if (not _closed(total) or _names_year_before(total, old)) and not revised(old):
            return None
    if bool(nationalities(a)) != bool(nationalities(b)) and not against:
        return None  # a nationality's count ("five Indians") is a group within a story's people, not their whole
    if nations_apart(a, b):
        return None  # "9 Morvanian citizens" beside "four Belvanians": two nations' people
    if projected(a) != projected(b):
        return None  # what someone says the count could reach beside the count as told
    if of_time_to_come(a) != of_time_to_come(b):
        return None  # "schools in 58 districts will stay shut next week" beside "136 districts were hit"
    parts = part_of_group(a) or part_of_toll(a), part_of_group(b) or part_of_toll(b)
    if (
        parts[0] != parts[1]
        and not (_division_told_again(a, b) if parts[0] else _division_told_again(b, a))
        and not (_stock_of_part_told_again(a, b) if parts[0] else _stock_of_part_told_again(b, a))
        and not _one_deed_of_one_group(a, b)
    ):
        # a part of a group ("1,390 of them seriously", "Of the dead, 140 were in Orvel") beside a count of the whole,
        # or another; but a division's part, beside that division's own count told again, is its reading
        return None
    if same_point_earlier(a) != same_point_earlier(b):
        return None  # "at the same point in 2023, when 4,100 had crossed" beside 2023's total, or this year's count
    if _stages_apart(a, b) and one_toll(a, b):
        return None  # "1,700 bodies have been buried" beside "4,125 confirmed dead": a stage's count, a part
    if whole_group(a) != whole_group(b):
        return None  # everyone in a group ("all 72 on board") beside a tally of what befell them so far
    if _fate_of_some(a, b) or _fate_of_some(b, a):
        return None  # "the bus was carrying 45 passengers" beside "16 passengers were taken to hospital"
    if breakdown_part(a) != breakdown_part(b):
        return None  # a part of a whole just counted ("all 40 killed — 36 passengers and four crew") beside a toll
    if reading.dimension == "percent" and excluding(a) != excluding(b):
        return None  # "prices excluding energy and food rose 0.6%" beside "consumer prices rose 1.5%"
    if own_threshold(a) != own_threshold(b):
        return None  # "4,100 had waited more than 52 weeks" beside "7.1 million were waiting": a part of the whole
    if of_population(a) != of_population(b):
        return None  # a place's population beside a toll or another count of what befell its people
    if of_population(a) and reading.ratio > MAX_REVISION_RATIO:
        # a population is a standing number, counted again only to be revised a little: "a town of about 9,000
        # people" beside "a town of 38,000 inhabitants" are two places' people
        return None
    if _one_population(a, b, reading):
        return _contradiction(a, b, reading)  # "a city of 200,000 people"; days later, "the city of 220,000"
    if (
        baseline(a) != baseline(b)
        and not (reading.dimension == "count" and reading.running)
        and reading.period != "same"
        and not (reading.dimension in LEVELS and _levels_on_their_days(a, b))
    ):
        # a statistic's baseline ("up from 9.9% in September") is another period's figure, neither updated nor
        # refuted by the news; a running count's ("jumped from 36 to 53") is its earlier reading, and one dated
        # as the other figure is ("fell to 2.2% in March from 2.4% in February") that period's figure read again;
        # so is a level's that names its day ("down from 5.35 metres on Sunday"), as it stood that day
        earlier = a if baseline(a) else b
        if revised_from(earlier) and _revision_sized(a, b, reading):
            return "updates", earlier is b  # "a revision from the 10.7% reported previously": its earlier reading
        return None
    newer = _newer_first(a, b, reading)
    republished = reading.days_apart is not None and reading.days_apart >= REVISION_GAP.days
    set_undated = False  # a page without its day beside a figure one sentence says was set again
    if (
        reading.days_apart is None
        and newer is not None
        and revised(a) != revised(b)
        and newer == revised(a)
        and _told_after(a, b) in (None, newer)
        and not (not_actual(a if newer else b) and not not_actual(b if newer else a))
    ):
        # a page without its day, beside a figure one sentence says was set again ("revised second-quarter growth up
        # to 0.7%", "cut the fine to 36 million"): the set figure is the other's later reading, whatever the days
        republished = set_undated = True
    # "January's figure was revised up to 1.86 million": the period's figure set again, however it is named
    set_again = reading.period == "same" and (revised(a) or revised(b))
    if set_again and revised(a) != revised(b) and newer == revised(a) and reading.days_apart is not None:
        # one period's figure told as revised ("the revised 1.5% gain in the previous quarter") beside the same
        # period's figure told without it, on any day ("slowing from the 1.3% expansion"): its earlier reading
        republished = True
    if (
        reading.nouns == "different"
        and reading.counted != "shared"
        and not reading.one_thing
        # a figure set again moves a little: "raised its count of robberies to 9,870" is no "412,300 burglaries"
        and not (tally or (set_again and _revision_sized(a, b, reading)))
        and not one_deed(a, b)
        and not against
    ):
        return None  # two different figures of things named apart, nothing saying they are one thing
    if reading.period == "disjoint" and _long_periods(a, b):
        return None  # last year's total beside this year's count so far: two quantities, however they run
    if place_alone(a) != place_alone(b) and not shared_places(a, b):
        return None  # one place's part of a count ("in Tazrout province alone 694 died") beside the count
    if nationwide(a) != nationwide(b) and in_division(b if nationwide(a) else a):
        return None  # "across Ruvania, cases passed 2,400" beside "610 cases in Orvel district"
    if _division_beside_place(a, b) or _settlement_beside_count(a, b):
        return None  # "Orvel province has recorded 610 deaths" beside "Ruvania's toll rose to 1,900"
    if (_day_beside_span(a, b) and not one_toll(a, b)) or day_alone(a) != day_alone(b) or _days_beside_count(a, b):
        # one day's count ("1,180 on Monday alone") beside a count of weeks or more, running or not; but a toll of
        # the day an event struck, beside its toll dated by the event's week ("died in last week's crash"), is one
        return None
    if all(day_alone(f) or days_record(f) for f in (a, b)) and reading.period == "disjoint":
        # two days' own flows ("412 crossed on Sunday alone", "1,195 on Saturday, a record for a single day"): neither
        # is a reading of the other
        return None
    # two parts of a toll told of one division ("Of the dead, 410 were in Imlal province"; "Imlal province accounted
    # for 688 of the fatalities"), or one such part beside the division's own count ("In Imlal province alone, more
    # than 1,300 people died"): the division's own toll, read again
    division_again = any(parts) and _division_told_again(*((a, b) if parts[0] else (b, a)))
    tolled = (one_toll(a, b) or one_stock(a, b) or division_again) and (
        (reading.days_apart is not None and reading.days_apart >= 1) or _undated_toll(a, b, reading)
    )
    if statistics_differ(a, b):
        return None  # the economy's growth beside household spending's, or core inflation beside inflation
    now = reading.days_apart is None and _now_later(a, b, reading) is not None  # "has now paid 260 million"
    now = now or _both_read_now(a, b, reading)  # "6,000 rescuers are now deployed", "9,000 are now at work"
    if _two_bodies_of_a_past_period(a, b, reading) and not _later_reading_told(a, b, newer):
        return _contradiction(a, b, reading)  # "17,410 homicides in 2025", an alliance said; the police: "16,990"
    if reading.dimension == "count" and (reading.running or tolled or reckoned or now) and newer is not None:
        # A running count moves between reports, and within a day: whatever the periods say, a later,
        # larger figure updates it; a later, smaller one is of something else. Two different figures
        # published the same day are a tally's two readings only when both are told as a tally ("so far",
        # "rose to"); otherwise they are most often two groups of one event (passengers and crew, bodies
        # recovered and the dead).
        # two days each figure states, within a week, though both were told on one day ("at least 820 killed on
        # Friday", "1,037 by Saturday evening"): the tally's two readings; a weekday both sentences name, on pages
        # without their days, is the one day both were told
        stated_a, stated_b = _stated_period(a), _stated_period(b)
        stated_apart = (
            _stated_apart(a, b)
            and stated_a is not None  # `_stated_apart` holds only when both state a period
            and stated_b is not None
            and _days(stated_a[0], stated_b[0]) < REVISION_GAP.days
        )
        one_day = (
            reading.days_apart == 0 or (reading.days_apart is None and _one_weekday(a, b)) or _day_before_named(a, b)
        )
        set_later = bool(reading.days_apart) and revised(a if newer else b) and not revised(b if newer else a)
        if set_later and against and not reading.bodies:
            # "the manifest shows 6, while the embassy says 8", then "the revised manifest shows 8": the figure set
            # again is the contested one's later reading
            return "updates", newer
        if (one_day and reading.bodies and not stated_apart) or (against and reading.period != "disjoint"):
            # two bodies' counts of one toll on one day ("the ministry said 1,541", "the Red Crescent said 1,900"), or
            # one sentence sets the other's count against its own ("61 deaths, higher than the 48 reported by …")
            found = _contradiction(a, b, reading)
            if found is not None or against or not _bound_then_count(a, b, newer):
                return found
        if _baseline_of_its_day(a, b, reading):
            return _contradiction(a, b, reading)
        if reading.days_apart == 0 and not reading.both_running and not stated_apart:
            return None
        if _grows(a, b, newer):
            return "updates", newer
        if _smaller_for_its_day(a, b, reading):
            return _contradiction(a, b, reading)  # "more than 5,000 died on Wednesday"; later, "3,100 on Wednesday"
        return None
    if (
        newer is not None
        and (reading.days_apart is not None or set_undated)
        and revised(a if newer else b)
        and _told_on_their_days(a, b)
    ):
        # the later sentence says the figure was set again ("a court cut the fine to 36 million"): its update,
        # however far it moved, where the periods are only the days each was told; on a page without its day, the
        # figure set again is the later (`set_undated`)
        return ("updates", newer) if reading.ratio <= MAX_RESET_RATIO else None
    if _average_so_far(a, b) and newer is not None and reading.days_apart:
        return "updates", newer  # "an average of 52 people per boat so far this year", in October "61 this year"
    if spans_differ(a, b):
        return None
    if reading.dimension in LEVELS and _one_crest(a, b, reading):
        return _contradiction(a, b, reading)  # "crested at 5.2 metres on Friday"; "had peaked at 5.5 metres on May 3"
    grown = _grown_later(a, b, reading) if reading.days_apart is None else None
    if grown is not None and newer is None:
        newer = grown  # the days cannot say which was told later, but a total that only grows can
    told_apart = bool(reading.days_apart) or grown is not None or _ordered_by_words(a, b, reading)
    if (
        _running_measure(a, b, reading)
        and newer is not None
        and told_apart
        and not against  # "a depth of 11 km, shallower than the 18.5 km estimated by the survey": a dispute
        and (reading.period != "disjoint" or (as_of_reading(a) and as_of_reading(b)) or _told_on_their_days(a, b))
    ):
        # a running measure (barrels leaked, acres burned, kilometres of coast fouled), told again on a later day;
        # each dated to the day it was told ("has burned 2,300 acres since Tuesday", "by Thursday … 3,900 acres")
        return ("updates", newer) if reading.ratio <= MAX_LEVEL_RATIO else None
    if _gathered(a, b, reading) and newer is not None and told_apart:
        # a sum an appeal or a fund gathers, told again on a later day ("raised £2.3 million", "passed £5 million"):
        # it only grows
        return ("updates", newer) if _grows(a, b, newer) and reading.ratio <= MAX_LEVEL_RATIO else None
    if (
        _progress(a, b, reading)
        and newer is not None
        and ((reading.days_apart and reading.days_apart <= PROGRESS_DAYS) or grown is not None)
    ):
        # a share of work under way read again on a later day (or on a page without its day): it only grows
        return ("updates", newer) if _grows(a, b, newer) else None
    if _store_read_again(a, b, reading) and newer is not None:
        # a store's fill read again on a later day ("41% full on Monday", "fallen to 37% of capacity"): up or down
        return "updates", newer
    if reading.period == "disjoint":
        return None
    if republished and newer is not None:
        # A statistic for the same period, published again a week or more later; a figure that moved more
        # than a revision does is another measure of that period (a component, another basis).
        return ("updates", newer) if _revision_sized(a, b, reading) else None
    final = reading.days_apart is None and newer is not None and not provisional(a if newer else b)
    if newer is not None and (reading.days_apart or final) and provisional(b if newer else a):
        # a count still under way ("with 62% of ballots counted"), told again on a later day, or on a page without its
        # day as the count's last reading ("with all ballots counted") or as settled (`_settled_later`: "the party
        # took 25.6%"): its later reading
        return ("updates", newer) if reading.ratio <= MAX_REVISION_RATIO else None
    if reading.period != "same" and not (reading.period == "none" and reading.days_apart == 0) and not against:
        # A contradiction is two figures for one time: stated alike, or both told as of the day both were
        # published. Without that, two different figures are most often of two things.
        return None
    return _contradiction(a, b, reading)


def _two_bodies_of_a_past_period(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two named bodies' counts of one period that was over when each was told ("an alliance counted 17,410
    homicides in 2025", "the police counted 16,870 murders in 2025"): a closed period's total is no running count,
    and one body's figure, told again, is no later reading of another's, whatever days they were told; unless the
    later is told as the older's later reading (`_later_reading_told`), the caller's exception."""
    return reading.bodies and reading.dimension == "count" and reading.period == "same" and _closed(a) and _closed(b)


def _later_reading_told(a: ClaimFacts, b: ClaimFacts, newer: bool | None) -> bool:
    """The newer figure is told as the older's later reading: the older was told as provisional ("provisional
    figures showed 1,612"), or the newer as set again, naming it ("the revised tables put it at 1,191,200, up from
    the initial 1,183,460"). A body that sets its own figure again ("raised its count to 16,990") does not set
    another body's."""
    if newer is None:
        return False
    late, early = (a, b) if newer else (b, a)
    if provisional(early):
        return True
    told = early.value is not None and any(
        math.isclose(number, float(early.value)) for _, _, number in figures_scaled_beside(late)
    )
    return told and revised(late)


def _one_weekday(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both sentences name one weekday, the same ("said on Tuesday", "by Tuesday evening"): on pages whose days are
    unknown, the figures of one day's reports."""
    first = {day.casefold() for day in _WEEKDAY.findall(a.sentence)}
    second = {day.casefold() for day in _WEEKDAY.findall(b.sentence)}
    return len(first) == 1 and first == second


def _day_before_named(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two pages a day apart whose sentences both name one weekday, the earlier page's own, as the day someone told
    the figure ("the coast guard said on Tuesday", in Tuesday's page; "the disaster office said late on Tuesday", in
    Wednesday's): the figures of that day's reports."""
    if a.published is None or b.published is None or abs((a.published - b.published).days) != 1:
        return False
    first = {day.casefold() for day in _WEEKDAY.findall(a.sentence)}
    earlier = min(a.published, b.published)
    if not (_one_weekday(a, b) and first == {_WEEKDAY_NAMES[earlier.weekday()]}):
        return False
    return all(_TOLD_ON.search(facts.sentence) for facts in (a, b))  # not the event's day ("in Tuesday's blast")


MAX_LEVEL_RATIO = 5.0  # a running measure moves by at most this much between two readings


def _one_tally_told(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts each told as a running tally ("so far", "rose to", "have now been"), on different days, the later
    not below the earlier, whose parse says they count one thing (a noun or verb in common: "victims had been buried",
    "bodies have been buried"): one tally read twice, however few other words their sentences share or however
    differently each names what it counts. A total its sentence adds a step to counts what the step did
    (`_total_of_step_alike`), whatever the parse makes of "the total"."""
    if reading.dimension != "count" or not reading.both_running:
        return False
    if reading.parsed != "same" and not _total_of_step_alike(a, b):
        return False
    if not ((reading.days_apart or 0) >= 1 or _ordered_by_words(a, b, reading) or reading.tally_told_twice):
        # told on one day; but a page without its day may say itself which came first ("climbed to 97"), or be one
        # tally whose size says it (`Reading.tally_told_twice`)
        return False
    newer = _newer_first(a, b, reading)
    if newer is None:
        return False
    later, earlier = (figure_interval(a), figure_interval(b)) if newer else (figure_interval(b), figure_interval(a))
    return later is not None and earlier is not None and later.high >= earlier.low  # a tally only grows


def _one_reckoning(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two counts of one story reckoned from one day, each to the day it was told ("more than 5,300 have crossed so
    far this year" in March, "17,106 people have made the journey since January" in June): one running count read
    twice, however differently each names what it counts. Not when the parse says they count different things."""
    if reading.dimension != "count" or reading.story == "different" or reading.parsed == "conflict":
        return False
    if reading.nouns == "different":
        return False
    if reading.days_apart is None:
        return _reckoned_on_a_page_without_its_day(a, b) or _reckoned_on_a_page_without_its_day(b, a)
    if not reading.days_apart >= 1:
        return False
    first, second = _stated_period(a), _stated_period(b)
    if first is None or second is None or first[0] != second[0] or datetime.date.min == first[0]:
        return False
    if any((_length(_period(facts)) or 0) < RECKONING_DAYS for facts in (a, b)):
        return False  # "800 troops were deployed in November", told on the 12th: what befell them that month
    return as_of_reading(a) and as_of_reading(b)


RECKONING_DAYS = 60  # a count reckoned so far from one day runs over months ("this year", "since January")


def _reckoned_on_a_page_without_its_day(dated: ClaimFacts, undated: ClaimFacts) -> bool:
    """One count reckoned over months from the first of a month ("more than 5,300 have crossed so far this year", in
    March), the other, on a page without its day, reckoned in its own clause from that month ("17,106 people have
    made the journey since January"; "so far this year" for January): one running count read twice."""
    period = _stated_period(dated)
    if undated.published is not None or _period(undated) is not None or period is None:
        return False
    if datetime.date.min == period[0] or period[0].day != 1 or (_length(_period(dated)) or 0) < RECKONING_DAYS:
        return False
    clause = " ".join(own_clause(undated))
    month = period[0].strftime("%B")
    said = rf"\bsince (?:the start of |the beginning of )?{month}\b"
    if period[0].month == 1:
        said += r"|\bso far this year\b|\bsince the (?:start|beginning) of the year\b"
    return bool(re.search(said, clause, re.IGNORECASE)) and as_of_reading(dated)


def _contradiction(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """Two figures of one quantity at one time contradict each other only when both cannot be right: "more than
    5,000" and "at least 5,300" can (a count of 5,400 makes both true), so neither refutes the other; nor do figures
    too far apart to be one quantity's (MAX_CONTRADICTION_RATIO). A plain figure beside a finer one told as "about"
    it, beyond the plain one's rounding ("200,000", "about 220,000"), is refuted, though the spread "about" grants
    meets it (`_about_finer_than_plain`)."""
    if reading.ratio > MAX_CONTRADICTION_RATIO or (compatible(a, b) and not _about_finer_than_plain(a, b)):
        return None
    return "contradicts", False


def one_quake(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two magnitudes of the story's quake: a quake has one magnitude, so two figures for it, within a step of each
    other (`_cannot_link`), told days apart or not, are one quantity: a revision or two institutes' readings. Not an
    aftershock's beside the quake's, nor another story's quake."""
    if reading.dimension != MAGNITUDE or reading.equal_values or reading.story == "different":
        return False
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or abs(value_a - value_b) > MAGNITUDE_SPREAD:
        return False  # a whole step apart: a quake and a smaller shock the words do not call an aftershock
    return not (_aftershock(a) or _aftershock(b)) and not (past(a) or past(b))


def _one_body_days_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both magnitudes are told by one body their sources name in capitals (`named_bodies`: "the Institute of
    Seismology measured the quake at", "measured by the Institute of Seismology"), on pages of different days: a body
    that gives another figure later has set its own reading again, whether or not its words say "revised"."""
    return (
        bool(named_bodies(a) & named_bodies(b))
        and a.published is not None
        and b.published is not None
        and a.published != b.published
    )


def _set_from_another(new: ClaimFacts, old: ClaimFacts) -> bool:
    """The newer figure is told as set again from a figure its sentence names ("revised the magnitude to 6.1 from
    5.9", `revised_from_figure`), and the older is not that figure (another body's 6.3): the revision replaces its
    own reading, not the other's, which it is set against."""
    earlier = revised_from_figure(new)
    value = representative_value(old)
    return earlier is not None and value is not None and Decimal(str(value)) != earlier


def _one_crest(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two figures of a level, each told as its crest (`crest`) and stated for one same day ("the river crested at
    5.2 metres on Friday", "the agency said it had peaked at 5.5 metres on May 3"): a level tops once on a day, so the
    two are one quantity told differently, not a reading and its later one. Not when one says it was set again."""
    first = _stated_period(a)
    return (
        reading.period == "same"
        and first is not None
        and _length(first) == 1
        and crest(a)
        and crest(b)
        and not (revised(a) or revised(b))
    )


def _one_population(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two figures for one place's population (`of_population`: "a city of 200,000 people", "the city, where about
    220,000 people live"), in places that do not exclude each other, told within a week or on pages without their
    days: a population is a standing number, the same on every day of a story, so the two are one quantity at one
    time, whatever days they were told; a census published a season later revises it (`REVISION_GAP`)."""
    if not (of_population(a) and of_population(b)) or "disjoint" in (reading.places, reading.period):
        return False
    return reading.days_apart is None or reading.days_apart < REVISION_GAP.days


def _undated_toll(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two figures of one toll whose days are unknown, read as two readings of it: each a number (not "thousands",
    nor a range, which size cannot order); at one stage (recovered, identified …) or none; neither a whole group
    ("all 72 on board"); not stated for one same period (two outlets' toll of a past year disagree, not update)."""
    if reading.days_apart is not None or reading.period == "same":
        return False
    if "vague" in (a.qualifier, b.qualifier) or "range" in (a.qualifier, b.qualifier):
        return False
    return stages(a) == stages(b) and not (whole_group(a) or whole_group(b))


# Running measures of what piles up and is never taken back (tonnes of aid delivered, acres burned, barrels leaked),
# unlike a level (`LEVELS`: a river's height, a storm's winds) or a temperature, which rise and fall.
ACCUMULATING = frozenset({"mass", "area", "volume"})


def _grown_later(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """Is `a` the later of two figures of a total that only grows, told without the days that would order them (a
    running measure of what piles up, `ACCUMULATING`, a sum gathered, `_gathered`, or a share of work under way,
    `_progress`, told as a level: "the blaze was 20% contained", "is 75 percent contained")? The larger is the later;
    None when the figures are not such a total, or are equal."""
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    if not (
        _gathered(a, b, reading)
        or (reading.dimension in ACCUMULATING and _running_measure(a, b, reading))
        or (_progress(a, b, reading) and not (_told_as_change(a) or _told_as_change(b)))
    ):
        return None
    return value_a > value_b


def _running_measure(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A physical measure (a volume, an area, a length: no count, share, sum or duration) that one sentence reads
    as running ("6,500 barrels have leaked"), and whose parse words beyond its unit say what the other's do
    ("barrels … leaked", "kilometres of coastline"): a slick 12 km long is not the coast it reached."""
    if reading.dimension in ("count", "percent", "duration") or reading.dimension.startswith("money"):
        return False
    # a level that moves (a storm's winds, a river's height) is read as running when one verb says it moved, whatever
    # the other says of where it stood ("peaked at 5.35 metres", "stood at 4.9 metres", "was packing winds of 185")
    said = [_parsed(facts)[1] for facts in (a, b)]  # each figure's verbs
    moving = reading.dimension in LEVELS and (any(verbs & _MOVED for verbs in said) or _levels_on_their_days(a, b))
    if not (reading.running or moving):
        return False
    if reading.dimension in LEVELS and any(_moved_by(facts) or _beyond_a_mark(facts) for facts in (a, b)):
        return False  # "the water rose nearly two metres", "five metres above flood level": no level's reading
    words = []
    for facts in (a, b):
        nouns, verbs, modifiers = _parsed(facts)
        unit = {_stem(spelling) for spelling in unit_spellings(facts.unit, facts.kind)}
        told = (nouns | verbs | modifiers) - unit - (_MOVED | _READING_VERBS if moving else frozenset())
        words.append({_GROUP_OF.get(word, word) for word in told})  # "burned 5,200 acres", "charred 6,900 acres"
    return bool(words[0] & words[1]) or not (words[0] and words[1])


def _levels_on_their_days(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two readings of a level (`LEVELS`), each dated by its sentence to one day, and the days differ ("stood at 4.9
    metres on Thursday", "measured 3.6 metres on Wednesday"; "packing winds of 185 km/h on Monday", "made landfall on
    Wednesday with winds of 150 km/h"): the level as it stood on each day, read again, whatever the verbs say. Not a
    change ("rose two metres"), a bound ("mud up to half a metre deep") or a baseline ("down from 5.35 metres")."""
    first, second = _stated_period(a) or _read_on_its_page(a), _stated_period(b) or _read_on_its_page(b)
    return (
        first is not None
        and second is not None
        and _length(first) == _length(second) == 1
        and first != second
        and not any(
            _undated_baseline(facts) or facts.qualifier in _UPPER_BOUNDS or _change_told(facts) for facts in (a, b)
        )
    )


# Verbs that read where a level stands, with no move in them: "reading 3.9 metres at the gauge", "stood at 4.1 metres".
_READING_VERBS = frozenset({"read", "stand", "measure"})


@functools.lru_cache(maxsize=8192)
def _read_on_its_page(facts: ClaimFacts) -> tuple[datetime.date, datetime.date] | None:
    """A level's reading whose sentence states no day, told by a verb that reads where it stands ("reading 3.9 metres
    at the gauge", `_READING_VERBS`): the level as it stood when its page was written, the page's day."""
    if facts.published is None or not (_parsed(facts)[1] & _READING_VERBS):
        return None
    return facts.published, facts.published


@functools.lru_cache(maxsize=8192)
def _undated_baseline(facts: ClaimFacts) -> bool:
    """A baseline ("down from 5.35 metres") whose own clause names no day of its own: the level before the news, of
    no day the rules could set beside another reading. One that names its day ("down from 5.35 metres on Sunday") is
    the level as it stood that day."""
    return baseline(facts) and not _own_weekdays(facts)


def _gathered(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two sums in one currency, both gathered (`gathered`)."""
    return reading.dimension.startswith("money") and gathered(a) and gathered(b)


# Work under way (a fire contained, ballots cast, a vote counted) is read again within days; shares told weeks
# apart are more often of two events ("turnout was 31% in the May local elections", "64% in the June election").
PROGRESS_DAYS = 14


def _progress(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A share that grows as work goes on, told on the day it stood ("the fire was 10% contained", then "crews
    have contained 60%"; "turnout stood at 23.4%", then "final turnout was 58.2%"): percentages that state no
    period beyond the day they were told, whose parse says they are shares of one thing."""
    if (
        reading.dimension != "percent"
        or reading.places == "disjoint"
        or (reading.period == "disjoint" and not (as_of_reading(a) and as_of_reading(b)))
        or not (_told_on_their_days(a, b) or (as_of_reading(a) and as_of_reading(b)))
    ):
        return False  # but "containment stood at 15% on Monday" and "60% on Thursday" are read on their days
    if reading.modifiers == "conflict":
        return False  # "90% of structures" and "70% of the area" were destroyed: shares of two wholes
    if provisional(a) or provisional(b):
        return False  # a party's share while votes are counted moves either way
    if any(_stated_period(facts) is not None and not as_of_reading(facts) for facts in (a, b)):
        return False  # "2.3% in March": a period's statistic, not a reading of work under way
    return bool(_share_words(a) & _share_words(b))


def _store_read_again(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two fills of one store (`store_level`), in places that do not exclude each other, told on different days
    ("41% full on Monday", a week later "fallen to 37% of capacity"), or on pages without their days whose words
    say which came later (`Reading.told_order`: "fallen to 27%" beside "31% full"; not when both say they moved,
    `_both_said_moved`): the later reading updates the
    earlier, up or down, however few words the two share."""
    return (
        store_level(a)
        and store_level(b)
        and reading.places != "disjoint"
        and (bool(reading.days_apart) or (reading.told_order and not _both_said_moved(a, b)))
        and reading.ratio <= MAX_LEVEL_RATIO
    )


def _both_said_moved(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both sentences say their level moved to its figure ("have fallen to 27%", "rose to 29% of capacity"): each
    came from a reading the other may be, so the words do not say which was told first."""
    return all(risen_to(facts) or fallen_to(facts) for facts in (a, b))


MAX_RESET_RATIO = 2.0  # a figure set again (a fine cut on appeal, a toll revised down) moves by at most half


def _revision_sized(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Could one figure be the other revised? Revisions move a statistic a little (a flash estimate of
    10.7 % is revised to 10.6 %, not to 5.5 %): at most MAX_REVISION_POINTS for a percentage, at most
    MAX_REVISION_RATIO for anything else; and never from a fall to a rise ("exports fell 2.5%", "exports
    rose 1.8%": two months' changes)."""
    if _direction(a) * _direction(b) < 0:
        return False
    if reading.dimension == "percent":
        first, second = representative_value(a), representative_value(b)
        return first is not None and second is not None and abs(first - second) <= MAX_REVISION_POINTS
    return reading.ratio <= MAX_REVISION_RATIO


def _refined_later(new: ClaimFacts, old: ClaimFacts, reading: Reading) -> bool:
    """A figure told again a week or more later, more precisely and not at the old stated value ("some 1,600" in
    February, "1,634" in September): the count was refined (a final figure, a revision), a later reading of it."""
    if reading.equal_values or reading.days_apart is None or reading.days_apart < REVISION_GAP.days:
        return False
    if reading.period != "same" or baseline(new):
        return False  # one stated period, and the new figure its own ("up from a provisional 1,612" is the old one)
    if new.value is None or old.value is None or new.value == old.value:
        return False
    return rounding_unit(new.value) < rounding_unit(old.value) or (old.qualifier != "exact" == new.qualifier)


def _bodies_disagree(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Two named bodies state one quantity of one time at the same precision and differently ("1.55C", said one;
    "about 1.53C", said another): their rounding makes the figures agree, their words do not. So do two bodies'
    plain counts of one day, of which neither is the other's rounding (`_both_plain`), and, on a page without its
    day, two such counts that neither dates."""
    if reading.equal_values or not reading.bodies or a.value is None or b.value is None:
        return False
    if reading.period == "same" and rounding_unit(a.value) == rounding_unit(b.value):
        return a.value != b.value
    # told on one day: published on it, or on pages without their days whose sentences name one weekday as the day
    # both bodies told their figures ("the minister said on Tuesday", "the Red Crescent said on Tuesday")
    told_together = reading.days_apart == 0 or (reading.days_apart is None and _one_weekday(a, b))
    one_day = told_together and reading.period != "disjoint"
    plain = _both_plain(a, b)
    if plain and reading.days_apart is None and reading.period == "none":
        return True  # two bodies' plain counts, neither dated, on a page without its day: nothing sets them apart
    return (reading.period == "same" or one_day) and (plain or _not_its_rounding(a, b))


def _both_plain(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are told plainly, neither "about" nor bounded ("police said 38,000 took part", "the ministry
    counted 40,000"): each named body gives its own count as it stands, so the rounder is not the other's figure
    rounded (`_not_its_rounding`), but another count."""
    return a.qualifier == b.qualifier == "exact"


def _not_its_rounding(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Of two figures written to different precisions ("some 9,000", "10,100"), the finer, rounded to the coarser's
    last digit, is not the coarser (10,100 is "10,000", not "9,000"): what the coarser allows ("some" is ±15 %) makes
    them agree, but the figure it would be written as does not. Only for a coarse figure told as it is or as about
    it ("9,000", "some 9,000"), never a bound ("more than 9,000")."""
    value_a, value_b = a.value, b.value
    if value_a is None or value_b is None:
        return False  # no figure to round; `_bodies_disagree`, the one caller, has returned already
    unit_a, unit_b = rounding_unit(value_a), rounding_unit(value_b)
    coarse, fine = (a, b) if unit_a > unit_b else (b, a)
    coarse_value, fine_value = (value_a, value_b) if coarse is a else (value_b, value_a)
    unit = max(unit_a, unit_b)
    if coarse.qualifier not in ("exact", "approx") or fine.qualifier not in ("exact", "approx") or not unit:
        return False
    return Decimal(round(float(fine_value) / unit)) * Decimal(str(unit)) != coarse_value


def _smaller_for_its_day(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """A report told days later gives a smaller count for the one day the earlier figure stood on ("more than 5,000
    people had died", a body said on Wednesday; on Saturday, "the ministry's own count stood at 3,100 on
    Wednesday"): a count does not shrink within the day it is of, so the later is another account of that day's
    count, not its update. Both figures state the day, or one is told as of its page's day and the other states
    that day; a span ("this week") may hold two readings."""
    if not reading.days_apart:
        return False
    first, second = _stated_period(a), _stated_period(b)
    if reading.period == "one":
        # one figure told as of its page's day, the other dated to that day by a later page ("some 5,300 had died",
        # the mayor said on Wednesday; on Thursday, "on Wednesday the ministry had put the toll at 3,840")
        stated, told = (a, b) if first is not None else (b, a)
        period = _stated_period(stated)
        return (
            period is not None and _length(period) == 1 and told.published is not None and period[0] == told.published
        )
    if reading.period == "overlap" and _as_of_its_day(first, second):
        return True  # "88 bodies on Sunday", later "had pulled 81 bodies from the lake by Sunday evening"
    if reading.period != "same":
        return False
    return first is not None and second is not None and _length(first) == 1


def _as_of_its_day(
    first: tuple[datetime.date, datetime.date] | None, second: tuple[datetime.date, datetime.date] | None
) -> bool:
    """One period is a single day and the other runs up to that day from no stated start ("on Sunday", "by
    Sunday evening"): both figures stand as of that day."""
    if first is None or second is None or first[1] != second[1]:
        return False
    return {_length(first), _length(second)} == {1, None} and datetime.date.min in (first[0], second[0])


def _bound_then_count(a: ClaimFacts, b: ClaimFacts, a_newer: bool) -> bool:
    """The older figure is a lower bound and the newer an exact count it allows ("at least six killed", police
    said; later that day "has risen to nine", the mayor said): two bodies, but both can be right, and the count
    reads on as the bound's later reading rather than nothing."""
    newer, older = (a, b) if a_newer else (b, a)
    return older.qualifier in _LOWER_BOUNDS and newer.qualifier == "exact"


def _grows(a: ClaimFacts, b: ClaimFacts, a_newer: bool) -> bool:
    """Does the newer figure of a count stand at or above the older one (or is it a count of the missing, or
    of those still in a state, or one the sentence says was revised, beside an older figure that is no peak a stock
    fell from: `peak_baseline`)?"""
    newer, older = (a, b) if a_newer else (b, a)
    falls = _of_missing(newer) or _of_missing(older) or revised(newer) or standing(newer) or one_stock(a, b)
    if falls and not peak_baseline(older):
        return True
    first, second = figure_interval(newer), figure_interval(older)
    return first is not None and second is not None and first.high >= second.low


_VAGUE_AMOUNT = re.compile(
    r"(?:several |many |some )?(?:dozens|scores|hundreds|thousands|millions)(?: of (?:thousands|millions))?", re.I
)


def vague_amount(facts: ClaimFacts) -> bool:
    """The figure is told by a plural of a round number, with no number of its own ("dozens of residents", "hundreds
    fled"): a size in passing, never a reading of a count told in figures, nor that count's earlier reading."""
    return bool(_VAGUE_AMOUNT.fullmatch(facts.quote.strip()))


def _vague_sizes_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures are sizes told in passing (`vague_amount`), of different orders ("hundreds of boats were
    stopped", "thousands of boats were stopped"): neither is a count, so neither is the other's reading. Not a
    toll's ("dozens feared dead", "hundreds dead"), which a story tells growing before it has figures."""
    if not (vague_amount(a) and vague_amount(b)) or one_toll(a, b):
        return False
    return a.quote.strip().casefold() != b.quote.strip().casefold()


def _cannot_link(a: ClaimFacts, b: ClaimFacts) -> bool:
    """What the cheap fields alone rule out, before the words are read (most candidates of a busy
    index): another dimension, a size told in passing beside a figure (`vague_amount`), or figures too far apart
    to be one fact or a contradiction and not a running count, or a toll told on another day, that could have
    grown that much. The same answer
    `read_pair` and `change_relation` would give, sooner."""
    first, second = claim_measure(a), claim_measure(b)
    if first.dimension != second.dimension or vague_amount(a) != vague_amount(b):
        return True
    if _vague_sizes_apart(a, b):
        return True  # "hundreds of boats stopped", "thousands of boats stopped": two sizes in passing
    value_a, value_b = representative_value(a), representative_value(b)
    if value_a is None or value_b is None:
        return True
    if same_figure(a, b):
        return False
    if first.dimension == MAGNITUDE and abs(value_a - value_b) > MAGNITUDE_SPREAD:
        return True  # a logarithmic scale: 5.6 and 6.9 are an aftershock and its quake, never one quake's readings
    if value_a == 0 or value_b == 0 or (value_a < 0) != (value_b < 0):
        return False  # left to the full reading
    ratio = value_ratio(value_a, value_b)
    if ratio > MAX_UPDATE_RATIO:
        return True
    if first.dimension == "percent" and ratio > MAX_CONTRADICTION_RATIO:
        return not _told_on_their_days(a, b)  # a share of work under way may grow from 5% to 65% (`_progress`)
    if ratio <= MAX_CONTRADICTION_RATIO or first.dimension != "count":
        return ratio > MAX_CONTRADICTION_RATIO
    return not (running(a) or running(b) or (a.published != b.published and (one_toll(a, b) or one_stock(a, b))))


def _stood_still(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """One figure of a running count, dated to two days less than a week apart: the count stood still (or
    one outlet dated it by the day it was told), so it is still one fact."""
    first, second = _period(a), _period(b)
    if reading.dimension != "count" or not reading.running or first is None or second is None:
        return False
    return datetime.date.max not in (first[1], second[1]) and _days(first[1], second[1]) < REVISION_GAP.days


def _moved_on(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool | None:
    """A running count told on a later day at a figure the earlier report's words allowed but did not state
    ("at least 2,380 injured", then "2,655 injured"): the count moved on, and the later figure updates the
    earlier. So does a running measure of what piles up (`ACCUMULATING`, `_running_measure`: "6,500 barrels have
    leaked", a week later "the total leaked at about 7,000 barrels"). Returns whether `a` is the newer claim; None
    when the two are one figure told twice."""
    piled = reading.dimension in ACCUMULATING and _running_measure(a, b, reading)  # "6,500 barrels have leaked"
    if (reading.dimension != "count" and not piled) or reading.equal_values:
        return None
    if of_population(a) and of_population(b):
        return None  # "a town of some 12,000 people", "a town of about 12,400 people": a standing number, told twice
    if told_as_peak(a) and told_as_peak(b):
        return None  # "at the peak, 4,100 were in shelters", "down from a peak of about 4,000": a stock tops once
    if not (reading.days_apart or _stated_apart(a, b)):
        return None
    # the toll of the day an event struck, told on two days; not a count told as where it stood on a day
    event_day = one_toll(a, b) and _length(_period(a)) == 1 and not _stood_at(a, b)
    one_time = reading.period == "same" and not (as_of_reading(a) and as_of_reading(b)) and not event_day
    if one_time or past(a) or past(b):
        # one stated time (but two readings of a count so far, told on their days, are two times, and so are a
        # toll of the day an event struck told on two days), or an earlier event the story recalls: its toll no
        # longer runs
        return None
    if not (reading.running or one_toll(a, b)):
        return None
    newer = _newer_first(a, b, reading)
    if newer is None:
        return None
    new, old = (a, b) if newer else (b, a)
    if _recalls_its_day(new, old):
        return None
    stated_new, stated_old = _float(new.value), _float(old.value)
    if stated_new is None or stated_old is None:
        return None
    if _of_missing(new) or _of_missing(old) or standing(new):
        # the missing are found, and those still in a state ("about 1,800 remained at the camp") leave it
        return newer if stated_new != stated_old else None
    return newer if stated_new > stated_old else None


_STOOD_AT = re.compile(r"\b(?:stood|stands|stand|standing)\s+at\s*$", re.IGNORECASE)


def _stood_at(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is told as where the count stood on its day ("on Thursday the death toll stood at 2,012"): the
    count as of that day, not the toll of the day an event struck."""
    return any(_STOOD_AT.search(facts.sentence[: _quote_span(facts)[0]]) for facts in (a, b))


def _recalls_its_day(new: ClaimFacts, old: ClaimFacts) -> bool:
    """The later page's figure is a baseline, or an earlier report (`_reported_earlier`: "on Tuesday the ministry had
    reported 1,210 deaths"), dated to the day the earlier figure was told, or before it ("fallen to 13,200 from nearly
    25,000 on Tuesday", beside Tuesday's "24,910 in shelters"): that day's figure recalled, not a later one."""
    period, old_period = _stated_period(new), _period(old)
    if (
        not (baseline(new) or _reported_earlier(new))
        or period is None
        or (_length(period) or ALONE_DAYS + 1) > ALONE_DAYS
        or old.published is None
    ):
        return False
    return period[0] <= old.published and (old_period is None or period[0] <= old_period[1])


# A report told in the past perfect, before the figure: "on Tuesday the ministry had reported 1,210 deaths".
_HAD_REPORTED = re.compile(r"\bhad\s+(?:reported|said|put|given|counted|recorded|announced|confirmed)\b[^,;.\d]*$")


@functools.lru_cache(maxsize=8192)
def _reported_earlier(facts: ClaimFacts) -> bool:
    """The figure is told as what someone had reported by then, in the past perfect ("on Tuesday the ministry had
    reported 1,210 deaths"): an earlier report the page recalls, dated by the day its sentence names."""
    return bool(_HAD_REPORTED.search(facts.sentence[: _quote_span(facts)[0]]))


def _average_so_far(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two averages of one period so far, from one start, each read to the day it was told ("each boat has carried an
    average of 52 people so far this year", in October "an average of 61 people per boat this year"), neither period
    over when told: one average read again as the period runs, up or down."""
    first, second = _period(a), _period(b)
    if first is None or second is None or first[0] != second[0] or first[0] == datetime.date.min:
        return False
    return all(
        "m:average" in facts.counted_words and facts.published is not None and period[1] >= facts.published
        for facts, period in ((a, first), (b, second))
    )


def _both_read_now(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> bool:
    """Both figures are told as they stand on the day each was told, with no start ("more than 6,000 rescuers are now
    deployed", the next day "some 9,000 are now at work"), and the days differ: two readings of one count as it moves,
    running words or none. Not a named period told while under way ("800 troops were deployed in November")."""
    return bool(reading.days_apart) and all(
        # `as_of_reading` holds only with a period, so the check for one never decides
        as_of_reading(f) and (period := _stated_period(f)) is not None and period[0] == datetime.date.min
        for f in (a, b)
    )


def _stated_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both figures state the day they stood, and the days differ ("at least 820 killed on Friday", "1,037 by
    Saturday evening"), though the two reports were published on one day."""
    first, second = _stated_period(a), _stated_period(b)
    return first is not None and second is not None and _length(first) == _length(second) == 1 and first != second


_GRADE_WORDS = {
    "ruined": re.compile(r"\b(?:destroy|collaps|flatten|raz)\w*", re.IGNORECASE),
    "damaged": re.compile(r"\bdamag\w*", re.IGNORECASE),
}
_EITHER_GRADE = re.compile(r"\b(?:damag\w*|destroy\w*)\s+(?:and/)?or\s+(?:damag|destroy)", re.IGNORECASE)


def grades_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two counts of things harmed to different grades ("830 buildings were destroyed and 2,150 damaged", beside
    "about 3,900 damaged"), where a sentence of the pair names both grades as counts apart: its writer tells the
    ruined from the damaged. An early report's "271 structures damaged", beside a later "2,200 destroyed", names one
    grade only and may be the loose first word on one count; "damaged or destroyed" counts both grades together."""
    grade_a, grade_b = ruin_grade(a), ruin_grade(b)
    if not grade_a or not grade_b or grade_a == grade_b or len(grade_a) > 1 or len(grade_b) > 1:
        return False
    if any(_EITHER_GRADE.search(facts.sentence) for facts in (a, b)):
        return False
    return bool(
        _GRADE_WORDS[next(iter(grade_b))].search(a.sentence) or _GRADE_WORDS[next(iter(grade_a))].search(b.sentence)
    )


def kept_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """What refuses a pair whatever its reading: `judge` asks it before reading the pair (most candidates the
    index brings are refused here, and reading a pair is the dearer part of judging it)."""
    if counts_differ(a, b):
        return True  # two counts of different things, whatever the figures
    if part_beside_whole(a, b):
        return True  # "the toll in the city alone could reach 900" beside "900 killed in the province"
    if grades_apart(a, b):
        return True  # "830 buildings were destroyed and 2,150 damaged" beside "3,900 damaged": two grades of harm
    if harm_of_degree(a) != harm_of_degree(b):
        return True  # "40 people were seriously injured" beside "150 injured": a part of the injured
    if group_criterion(a) != group_criterion(b):
        return True  # "half the days were 1.5C hotter" beside "the year was 1.48C hotter"
    if conditional(a) != conditional(b):
        return True  # "the toll would be over 900 if the reports hold" beside "900 died, officials said"
    if foreseen_crossing(a) != foreseen_crossing(b):
        return True  # "the average will pass 1.5C next year" beside "2023 was 1.48C warmer"
    if is_threshold(a) or is_threshold(b):
        return True  # a yardstick that sets a group apart ("more than 12 hours"), not a fact of the story
    if ones_own(a) != ones_own(b):
        return True  # "he climbed onto the roof with his two children" beside "150 children were treated"
    # a forecast, target or limit beside a measurement: neither the same fact, nor updated or refuted
    return not_measured(a) != not_measured(b)
