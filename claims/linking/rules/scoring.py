"""The blocking keys that bring candidates together (`blocking_keys`), the calibrated score of a
relation (`FEATURES`, `WEIGHTS`), and the decision on a pair (`judge`, `propose`, `relation_of`).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .claim_readings import revised
from .context_words import _STOPWORDS, shared_subject_words
from .counted_groups import changed_in_apart, increment, one_named_group, one_story_thing, parsed_counted
from .figures import describe_value, magnitude, representative_value
from .measure import canonical_unit, claim_measure
from .pair_reading import UNDATED_TALLY_RATIO, Reading, read_pair
from .periods import _dated_baseline_beside_news, _dated_by_its_telling, _stated_period, describe_period, spans_differ
from .place_names import shared_places
from .relations import (
    _bodies_disagree,
    _cannot_link,
    _moved_on,
    _newer_first,
    _refined_later,
    _stood_still,
    change_relation,
    kept_apart,
)
from .tunables import (
    BLOCK_WINDOW,
    MAGNITUDE,
    MIN_CHANGE_SUBJECT,
    PER_BUCKET,
    STORY_ENTITIES,
    STORY_PER_BUCKET,
    STORY_WINDOW,
    ClaimFacts,
    Proposal,
)

_ENTITY = re.compile(r"(?<=[\w,;:)”’\"] )([A-Z][\w’'-]*[A-Za-z0-9])")
_GENERIC_TITLE_WORDS = frozenset(
    """live update updates news breaking report reports latest world national international government
    european union central bank new year day week says said video photo photos watch read more""".split()
)


def story_entities(title: str | None, body: str, *, limit: int = STORY_ENTITIES) -> tuple[str, ...]:
    """The names an article's story goes by: words written with a capital inside its sentences (not
    starting one), most frequent first, those of the title counted thrice ("maui", "lahaina")."""
    counts: dict[str, int] = {}
    for match in _ENTITY.finditer(body[:20000]):
        word = re.sub(r"['’]s$", "", match.group(1)).casefold()
        word = word.split("-")[0] if re.match(r"^[a-z]{3,}-", word) else word
        if len(word) < 3 or word in _STOPWORDS or word in _GENERIC_TITLE_WORDS:
            continue
        counts[word] = counts.get(word, 0) + 1
    title_words = set(re.findall(r"[\w'’]+", (title or "").casefold()))
    title_words |= {word.split("-")[0] for word in title_words}
    ranked = sorted(counts, key=lambda word: (-counts[word] * (3 if word in title_words else 1), word))
    return tuple(ranked[:limit])


@dataclass(frozen=True)
class BlockKey:
    key: str
    bucket: int
    window: int  # candidates lie within this many buckets
    per_bucket: int  # the index returns the newest this many claims of each bucket


def blocking_keys(facts: ClaimFacts) -> list[BlockKey]:
    """Where the candidate index files a claim: its dimension, and its dimension within each story entity.

    A claim stating no number is filed nowhere.
    """
    return list(_blocking_keys(facts))


@functools.lru_cache(maxsize=8192)
def _blocking_keys(facts: ClaimFacts) -> tuple[BlockKey, ...]:
    bucket = magnitude(representative_value(facts))
    if bucket is None:
        return ()
    dimension = _block_dimension(facts)
    keys = [BlockKey(f"d:{dimension}"[:120], bucket, BLOCK_WINDOW, PER_BUCKET)]
    keys += [
        BlockKey(f"s:{entity[:60]}:{dimension}"[:120], bucket, STORY_WINDOW, per_bucket)
        for entity, per_bucket in zip(facts.story[:STORY_ENTITIES], STORY_PER_BUCKET, strict=False)
    ]
    return tuple(keys)


def _block_dimension(facts: ClaimFacts) -> str:
    dimension = claim_measure(facts).dimension
    # A unit we cannot convert still meets claims of its kind: a speed without its unit, an empty duration.
    return dimension.split(":")[0] if dimension.startswith(("measure:", "duration:")) else dimension


def same_block(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Would the candidate index find `b` for `a` (or `a` for `b`)?"""
    theirs = {key.key: key.bucket for key in _blocking_keys(b)}
    return any(key.key in theirs and abs(key.bucket - theirs[key.key]) <= key.window for key in _blocking_keys(a))


# The score is a logistic function of the reading, one per relation, fitted on the development pairs by
# `python -m claims.linking.calibration` (never on the held-out pairs; contradictions also on the audit of the
# linker's own suggestions and on the team's stories, rounds 37, 43 and 44 left out); the weights are its output.
FEATURES = (
    "bias",
    "subject",
    "no_subject",
    "wording",
    "specificity",
    "nouns_same",
    "nouns_different",
    "counted_shared",
    "counted_conflict",
    "period_same",
    "period_overlap",
    "period_one",
    "places_shared",
    "places_disjoint",
    "story_different",
    "not_actual",
    "basis_conflict",
    "far_apart",
    "running",
    "count",
    "count_running",
    "published_apart",
    "parsed_same",
    "parsed_conflict",
    "modifiers_same",
    "modifiers_conflict",
    "revision",
    "small",
    "one_thing",
    "both_running",
    "same_day",
    "equal_values",
    "bodies",
    "magnitude",
    "against",
)
SAME_WEIGHTS: dict[str, float] = {
    "bias": -0.147,
    "subject": 0.956,
    "no_subject": -0.491,
    "wording": 0.576,
    "specificity": 1.121,
    "nouns_same": -0.174,
    "nouns_different": -0.234,
    "counted_shared": 0.177,
    "counted_conflict": -0.77,
    "period_same": 1.302,
    "period_overlap": -0.101,
    "period_one": -0.587,
    "places_shared": 2.246,
    "places_disjoint": -2.731,
    "story_different": -0.655,
    "not_actual": -0.22,
    "basis_conflict": 0.313,
    "far_apart": -1.201,
    "running": 0.069,
    "count": -0.078,
    "count_running": 0.0,
    "published_apart": -1.474,
    "parsed_same": 0.316,
    "parsed_conflict": 0.085,
    "modifiers_same": 0.188,
    "modifiers_conflict": -0.501,
    "revision": 0.0,
    "small": 0.374,
    "one_thing": 0.141,
    "both_running": 0.416,
    "same_day": -0.139,
    "equal_values": 1.695,
    "bodies": 0.0,
    "magnitude": 0.0,
    "against": 0.0,
}
CHANGE_WEIGHTS: dict[str, float] = {
    "bias": 0.68,
    "subject": 0.319,
    "no_subject": -0.141,
    "wording": 0.34,
    "specificity": 0.494,
    "nouns_same": -0.342,
    "nouns_different": -0.093,
    "counted_shared": -0.322,
    "counted_conflict": 0.157,
    "period_same": 0.407,
    "period_overlap": 0.182,
    "period_one": 0.474,
    "places_shared": 0.123,
    "places_disjoint": -0.68,
    "story_different": -1.868,
    "not_actual": 0.19,
    "basis_conflict": 0.0,
    "far_apart": -1.67,
    "running": 0.069,
    "count": -0.436,
    "count_running": -0.172,
    "published_apart": 0.718,
    "parsed_same": 0.777,
    "parsed_conflict": -0.385,
    "modifiers_same": 0.0,
    "modifiers_conflict": -0.2,
    "revision": 0.172,
    "small": 0.335,
    "one_thing": -0.044,
    "both_running": 1.142,
    "same_day": 0.152,
    "equal_values": 0.0,
    "bodies": 0.0,
    "magnitude": 0.0,
    "against": 0.0,
}

CONTRADICTION_WEIGHTS: dict[str, float] = {
    "bias": -2.466,
    "subject": -0.841,
    "no_subject": 0.18,
    "wording": 0.909,
    "specificity": -0.293,
    "nouns_same": 0.848,
    "nouns_different": -0.866,
    "counted_shared": 0.871,
    "counted_conflict": 0.0,
    "period_same": 0.435,
    "period_overlap": 0.0,
    "period_one": -0.53,
    "places_shared": 1.562,
    "places_disjoint": 0.0,
    "story_different": 0.0,
    "not_actual": -0.578,
    "basis_conflict": 0.0,
    "far_apart": 0.0,
    "running": -0.552,
    "count": 0.367,
    "count_running": 0.225,
    "published_apart": 1.248,
    "parsed_same": 0.063,
    "parsed_conflict": -0.034,
    "modifiers_same": 0.269,
    "modifiers_conflict": -0.153,
    "revision": 0.0,
    "small": -1.327,
    "one_thing": 0.831,
    "both_running": 0.151,
    "same_day": 0.718,
    "equal_values": 0.0,
    "bodies": 1.292,
    "magnitude": 2.717,  # fitted alone, the others held (docs/linking.md): a full refit added an audit look-alike
    "against": 1.734,
}
# The weights the score of each relation is computed with (`judge`); the calibration fits and swaps them.
WEIGHTS = {"same": SAME_WEIGHTS, "updates": CHANGE_WEIGHTS, "contradicts": CONTRADICTION_WEIGHTS}


def _told_apart_undated(reading: Reading, relation: str) -> bool:
    """An update on a page without its day whose own words say which figure came first (`Reading.told_order`: "rose
    to", "now", "in all", a step told as a step), or whose two figures are one tally told as running, which only
    grows (`Reading.tally_told_twice`: "arrivals have passed 14,000" beside "some 17,500 have arrived"), the two within
    `UNDATED_TALLY_RATIO` of each other: told on two occasions, which the score weighs as it weighs two days apart
    ("risen to 70" beside "four still sought" are seldom one count's readings, so far apart)."""
    told = reading.told_order or reading.tally_told_twice
    return relation == "updates" and told and reading.ratio <= UNDATED_TALLY_RATIO


def reading_features(reading: Reading, relation: str = "") -> dict[str, float]:
    """The reading as the numbers the score weighs (names as in SAME_WEIGHTS, CHANGE_WEIGHTS and
    CONTRADICTION_WEIGHTS, one set per relation), with the relation the rules chose: a revised statistic
    is other evidence than a running count's later figure."""
    return {
        "revision": float(relation == "updates" and not (reading.dimension == "count" and reading.running)),
        "bias": 1.0,
        "subject": reading.subject,
        "no_subject": float(reading.subject < 0.1),
        "wording": reading.wording,
        "specificity": reading.specificity,
        "nouns_same": float(reading.nouns == "same"),
        "nouns_different": float(reading.nouns == "different"),
        "counted_shared": float(reading.counted == "shared"),
        "counted_conflict": float(reading.counted == "conflict"),
        "period_same": float(reading.period == "same"),
        "period_overlap": float(reading.period == "overlap"),
        "period_one": float(reading.period == "one"),
        "places_shared": float(reading.places == "shared"),
        "places_disjoint": float(reading.places == "disjoint"),
        "story_different": float(reading.story == "different"),
        "not_actual": float(reading.not_actual),
        "basis_conflict": float(reading.basis_conflict),
        "far_apart": float(reading.far_told if relation == "same" else reading.far_apart),
        "running": float(reading.running),
        "count": float(reading.dimension == "count"),
        "count_running": float(reading.dimension == "count" and reading.running),
        "published_apart": float(
            (reading.days_apart is not None and reading.days_apart >= 1) or _told_apart_undated(reading, relation)
        ),
        "parsed_same": float(reading.parsed == "same"),
        "parsed_conflict": float(reading.parsed == "conflict"),
        "modifiers_same": float(reading.modifiers == "same"),
        "modifiers_conflict": float(reading.modifiers == "conflict"),
        "small": float(reading.small),
        "one_thing": float(reading.one_thing),
        "both_running": float(reading.both_running),
        # a contradiction on a page without its day: its model is fitted on the team's stories too, every page of
        # which gives its day, and learned what one day and two days weigh (both for it), not what an unknown day
        # does; the reports came out on one day or on two, and the lesser of the two weights, one day's, is counted
        "same_day": float(reading.days_apart == 0 or (relation == "contradicts" and reading.days_apart is None)),
        "equal_values": float(reading.equal_values),
        "bodies": float(reading.bodies),
        "magnitude": float(reading.dimension == MAGNITUDE),
        "against": float(reading.against),
    }


def probability(weights: dict[str, float], features: dict[str, float]) -> float:
    """The logistic score of a relation's features under its weights: the probability a calibrated model gives."""
    total = sum(weight * features.get(name, 0.0) for name, weight in weights.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))


def _reasons(a: ClaimFacts, b: ClaimFacts, reading: Reading, relation: str) -> list[str]:
    words = shared_subject_words(a, b) or sorted(parsed_counted(a) & parsed_counted(b))
    what = " ".join(words) if words else canonical_unit(a.unit, a.kind) or reading.dimension
    reasons = []
    if relation == "same":
        reasons.append(f"same figure: {describe_value(a)} vs {describe_value(b)}")
    elif relation == "updates":
        reasons.append(f"a later figure: {describe_value(a)} vs {describe_value(b)}")
    else:
        reasons.append(f"figures cannot both be right: {describe_value(a)} vs {describe_value(b)}")
    reasons.append(f"about the same thing: {what} (words alike {reading.subject:.2f})")
    unit_a, unit_b = a.unit.strip(), b.unit.strip()
    if unit_a and unit_b and unit_a.casefold() != unit_b.casefold():
        reasons.append(f"units read alike: {unit_a} / {unit_b}")
    places = shared_places(a, b)
    if places:
        reasons.append(f"both at {' / '.join(places)}")
    first, second = _stated_period(a), _stated_period(b)  # as the articles state them, for the editor
    if reading.period == "same" and first is not None:
        reasons.append(f"same period: {describe_period(*first)}")
    elif reading.period == "overlap" and first is not None and second is not None:
        reasons.append(f"periods overlap: {describe_period(*first)} / {describe_period(*second)}")
    elif reading.period == "disjoint" and first is not None and second is not None:
        reasons.append(f"as of {describe_period(*first)} / {describe_period(*second)}")
    if a.published and b.published:
        if a.published == b.published:
            reasons.append(f"both published {describe_period(a.published, a.published)}")
        else:
            reasons.append(
                f"published {describe_period(a.published, a.published)} / {describe_period(b.published, b.published)}"
            )
    return reasons


def propose(a: ClaimFacts, b: ClaimFacts) -> Proposal | None:
    """Propose a link between `a` and `b`, or None. Symmetric: `propose(b, a)` gives the same relation
    and score, with `newer_first` read for its own order.

    Only a pair the candidate index would bring together (`same_block`) is judged (`judge`).
    """
    return judge(a, b) if same_block(a, b) else None


def judge(a: ClaimFacts, b: ClaimFacts) -> Proposal | None:
    """Judge a pair the candidate index brought together (see `propose`).

    same: one figure (`same_figure`) of one subject, in periods and places that do not exclude each
    other. updates and contradicts: different figures of one subject (see `change_relation`).
    The score is the calibrated probability that the suggestion is right.
    """
    if _cannot_link(a, b) or kept_apart(a, b):
        return None
    reading = read_pair(a, b)
    if reading is None:
        return None
    found = _relation_of_read(a, b, reading)
    if found is None:
        return None
    relation, newer = found
    weights = WEIGHTS[relation]
    score = probability(weights, reading_features(reading, relation))
    return Proposal(relation, round(score, 3), _reasons(a, b, reading, relation), newer_first=newer)


def relation_of(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """The relation a read pair would get, and whether `a` is the newer claim (for updates); or None."""
    return None if kept_apart(a, b) else _relation_of_read(a, b, reading)


def _one_day_figure(reading: Reading) -> bool:
    """Equal figures of one stated period, or, where one or neither states a period, with words alike: a day's
    figure told once as added to a total and once alone ("2,086 crossed on Monday, taking arrivals to 40,000", "a
    record 2,086 landed on Monday")."""
    if not reading.equal_values:
        return False
    return reading.period == "same" or (reading.period in ("one", "none") and reading.subject >= MIN_CHANGE_SUBJECT)


def _relation_of_read(a: ClaimFacts, b: ClaimFacts, reading: Reading) -> tuple[str, bool] | None:
    """`relation_of` for a pair `kept_apart` let through."""
    if (increment(a) or increment(b)) and not (
        reading.same_figure and ((increment(a) and increment(b)) or _one_day_figure(reading))
    ):
        # an increment ("one more body") is neither the count it adds to nor its update; but a day's figure told as
        # added to a total ("2,086 crossed on Monday, taking arrivals to 40,000") is still that day's figure
        return None
    if reading.same_figure:
        if _dated_baseline_beside_news(a, b):
            return None  # "up from 6.8 million in July" is last month's figure, not "seven million" of the news
        told_day = _dated_by_its_telling(a) or _dated_by_its_telling(b)
        if reading.period == "disjoint" and not _stood_still(a, b, reading) and not told_day:
            return None  # another time
        # "one Irish", "one Irish": a group named alike; "two dams", "the two dams": the story's own things
        named = reading.small and (one_named_group(a, b) or one_story_thing(a, b))
        if reading.small and reading.subject < MIN_CHANGE_SUBJECT and reading.counted != "shared" and not named:
            return None  # two small counts agree all the time; with nothing alike in their words, by chance
        if reading.small and reading.parsed == "conflict" and not reading.one_thing and not named:
            # … and when the parse says they count different things ("one Irish", "one Argentinian"); but not other
            # words for one thing ("9 bodies recovered", "the number of dead at nine")
            return None
        if spans_differ(a, b) and not told_day:
            return None  # a part of the period and its whole, though their figures agree
        if changed_in_apart(a, b):
            return None  # "a 2.8% decrease in aggravated assault" beside "violent crime fell about 3%"
        moved = _moved_on(a, b, reading)
        if moved is not None:
            return "updates", moved  # "at least 2,380 injured", then "2,655 injured" the next day
        newer = _newer_first(a, b, reading)
        set_undated = reading.days_apart is None and revised(a) != revised(b)
        if (
            newer is not None
            and (reading.days_apart or set_undated)
            and not reading.equal_values
            and revised(a if newer else b)
        ):
            # "some 1,600 died", then "1,634, revised up from a provisional 1,612"; on a page without its day, the
            # figure set again is the later (`set_undated`: "just over 81%", "the board raised the pass rate to 82.0%")
            return "updates", newer
        if newer is not None and _refined_later(a if newer else b, b if newer else a, reading):
            return "updates", newer  # "some 1,600 killed in 2024" in February, "1,634" in September's final figures
        if _bodies_disagree(a, b, reading):
            return "contradicts", False  # "1.55C, Copernicus said", "about 1.53C, the WMO said"
        if not reading.equal_values and reading.against:
            return "contradicts", False  # "1.6C, … slightly higher than the 1.55C reported by Copernicus"
        return "same", False
    return change_relation(a, b, reading)
