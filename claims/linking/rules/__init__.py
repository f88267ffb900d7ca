"""When two claims state the same fact, a later figure of it, or a contradiction: pure rules, no Django.

A pair is judged on what survives the extractor's slips on real copy, not on exact unit fields:

- *what is measured*: a dimension (a count, a percentage, a duration, a sum in one currency, ...)
  in which values compare once converted ("almost half" and "48%", "2 hours" and "7,235 seconds");
  the counted noun ("people", "bodies") is evidence, not a gate, since it is often empty or loose;
- *what it is about*: the words around the number in its own sentence, nearest first ("bodies
  recovered" is not "bodies identified"), with place names left to the place test;
- *its figure*: the values the words allow, the writer's rounding granted ("some 2,000" may be
  1,700-2,300; "at least 53" is a figure near 53, not any number above it);
- *its time and place*, compared when both are stated and never required.

Relations: `same` (one figure, in any wording), `updates` (a later figure of a running count, or a
revision of a statistic; the newer claim updates the older) and `contradicts` (figures for the same
time that cannot both be right). The score is a probability, calibrated on the development pairs
(`python -m claims.linking.calibration`), so that a threshold means a precision.

Candidates come through blocking keys (`blocking_keys`): the dimension with a window of value
buckets, and the article's story (its named entities) with a wider one, so that a claim with an
empty or wrong unit is still judged, and a toll that rose a hundredfold is still found. The database side
(`claims.linking.candidates`, `.suggest`) and the evaluation (`claims.linking.evaluation`) both call
this package, so both judge a pair alike.

The rules are split into modules by what they read, each importing only from those listed before it:

- `tunables`: The tunables of the linking rules, and the facts of a claim they read (`ClaimFacts`) and what they
  propose (`Proposal`).
- `measure`: What a figure measures: its dimension, unit and counted noun (`claim_measure`, `measure_of`), and the
  spellings of units and nouns.
- `figures`: A figure's values: the interval its words allow (`effective_interval`, `figure_interval`), whether two
  figures are one (`same_figure`), how far apart they are (`value_ratio`), and a value in words (`describe_value`).
- `context_words`: The words around the number in its own sentence: its subject (`subject_similarity`), and what its
  own words say of the figure (not measured, a baseline, a running count, a count standing still).
- `place_names`: Places: the names a claim's sentence gives (`place_relation`, `shared_places`), and a place or a
  division told apart from its whole (`part_beside_whole`).
- `counted_groups`: What a figure counts: the parse of its counted group (`parsed_counted`, `counted_thing`), its
  stages and fates, statistics, thresholds, and the parts of a group or a toll (`counts_differ`).
- `periods`: Time: the period and days a claim states or implies (`as_of_reading`, `told_length`), and how two claims'
  periods relate (`period_relation`, `spans_differ`, `far_apart`).
- `claim_readings`: What one claim's words say of its figure, read for the relations: risen or fallen, final,
  provisional or revised, a store's level, who told it, a grade of harm, a condition.
- `pair_reading`: The pair as the rules read it (`Reading`, `read_pair`), with the readings of which figure came first
  that it asks for itself.
- `relations`: Which relation a read pair of different figures gets (`change_relation`: updates or contradicts), and
  what keeps a pair apart whatever its reading (`kept_apart`, `_cannot_link`).
- `scoring`: The blocking keys that bring candidates together (`blocking_keys`), the calibrated score of a relation
  (`FEATURES`, `WEIGHTS`), and the decision on a pair (`judge`, `propose`, `relation_of`).

This package re-exports only what code outside it uses; tests take the rest from its modules.
"""

from __future__ import annotations

from .measure import unit_spellings
from .pair_reading import read_pair
from .place_names import PLACE_ALIASES
from .scoring import (
    FEATURES,
    WEIGHTS,
    BlockKey,
    blocking_keys,
    judge,
    probability,
    propose,
    reading_features,
    relation_of,
    same_block,
    story_entities,
)
from .tunables import (
    BLOCK_WINDOW,
    DEFAULT_THRESHOLD,
    PER_BUCKET,
    STORY_ENTITIES,
    STORY_PER_BUCKET,
    STORY_WINDOW,
    ClaimFacts,
    Proposal,
)

__all__ = [
    "BLOCK_WINDOW",
    "BlockKey",
    "ClaimFacts",
    "DEFAULT_THRESHOLD",
    "FEATURES",
    "PER_BUCKET",
    "PLACE_ALIASES",
    "Proposal",
    "STORY_ENTITIES",
    "STORY_PER_BUCKET",
    "STORY_WINDOW",
    "WEIGHTS",
    "blocking_keys",
    "judge",
    "probability",
    "propose",
    "read_pair",
    "reading_features",
    "relation_of",
    "same_block",
    "story_entities",
    "unit_spellings",
]
