"""Score a claim extractor against labelled claims: the team's own passages and real copy.

    python -m claims.extraction.evaluation tests/data/extraction_dev.jsonl \\
        [--dev tests/data/real/extraction/dev] [--heldout tests/data/real/extraction/heldout] \\
        [--carry tests/data/extraction_carry.jsonl [--carry tests/data/extraction_carry3.jsonl]] [--verbose] [--check]

Parts, reported apart: the development set the team wrote (``old``, JSON lines), the team's carry sets
(``carry``, ``carry2``, ``carry3`` by file name: JSON lines with every field labelled, written before the
extractor read them; tests/data/README.md),
and the real-copy labels (``dev`` and ``heldout``, one file per corpus article; tests/data/real/README.md).
The held-out part prints aggregate figures only, never a claim: nobody tunes on it.

Pure Python: no Django and no extractor internals. ``evaluate`` takes any
``extract_fn(text, published=None)`` so it can be tested with fakes; only ``main`` imports the real
``claims.extraction.extract``, and only when it runs.

A predicted claim matches a gold claim when their quote spans overlap; pairs are chosen greedily,
largest overlap first, each claim used at most once. Detection is scored on those matches; every
field the gold labels is then scored on the matched pairs (the team's own set labels no
``compared_to``, ``places`` or ``attribution``: those show as n/a). How a field is compared:

- value and interval ends: equal within a relative tolerance of 1e-6.
- unit: singular lemmas equal (EXTRACTION.md: "the singular lemma or the plural as written: both read
  alike"), and the names of people and of the dead each count as one unit (UNIT_EQUIVALENTS: labellers
  wrote "life" and "individual" where the spec asks for "death" and "people"). ``unit (strict)``
  leaves that equivalence out.
- time: the resolved period (start and end) equal; a time with no period equals no time.
- compared_to: both absent, or both present with the same resolved period (and, when the gold
  period is open, words in common: token F1 of at least 0.5).
- places: the same set of names, ignoring case and a leading "the".
- attribution: both absent, or both present and naming the same source: token F1 of at least 0.5
  between the phrases (a pronoun in the gold replaced by the speaker it names).
  ``attribution (exact)`` asks for the same words.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .realcopy import load_part
from .vocabulary import singular

# Relative tolerance for comparing values and interval ends. Wide enough that
# "0.3333333333" equals 1/3 computed in Decimal or float, narrow enough that
# 0.33 != 1/3 and 8,000 != 8,001.
RELATIVE_TOLERANCE = Decimal("1e-6")
# Floor for values at or near zero, where a relative tolerance means nothing.
ABSOLUTE_TOLERANCE = Decimal("1e-9")

FIELDS = ("value", "interval", "qualifier", "unit", "kind", "time", "compared_to", "places", "attribution")
# Stricter readings of two fields, reported beside them.
STRICT_FIELDS = ("unit (strict)", "attribution (exact)")
# The fields every part labels; real copy labels the rest too.
BASE_FIELDS = frozenset(FIELDS[:6])
# Units that name the same thing counted (see the module docstring).
UNIT_EQUIVALENTS = (
    frozenset({"people", "person", "individual"}),
    frozenset({"death", "life", "fatality", "dead"}),
)
MIN_TOKEN_F1 = 0.5
_DETERMINERS = frozenset({"the", "a", "an"})
_WORD_RE = re.compile(r"[^\W_]+")

# The least each part must reach (``--check``, and tests/test_extraction_eval.py), a little under
# what was measured (docs/extraction-eval.md has the figures).
FLOORS: dict[str, dict[str, float]] = {
    # A little under the figures measured at the close of issue 12 (extractor 1.3.0, 2026-11-26;
    # docs/extraction-eval.md): about two points under on the larger parts, three on the held-out
    # part, where one claim of 86 moves a field by 0.012.
    "old": {
        **{"precision": 0.98, "recall": 0.98, "value": 0.99, "interval": 0.99, "qualifier": 0.99},
        **{"unit": 0.96, "kind": 0.98, "time": 0.97},
    },
    # Raised with extractor 1.3.1 (dev precision 0.976, recall 0.980, time 0.937, places 0.870, attribution 0.963),
    # by the same margin.
    "dev": {
        **{"precision": 0.95, "recall": 0.96, "value": 0.98, "interval": 0.98, "qualifier": 0.98},
        **{"unit": 0.94, "kind": 0.98, "time": 0.92, "compared_to": 0.94, "places": 0.85, "attribution": 0.94},
    },
    # The carry set (tests/data/extraction_carry.jsonl): 0.930 unit, 0.790 time, 0.740 places, 0.880 attribution
    # when added (extractor 1.3.36), before any change; after 1.3.37's readings, made on its misses, 0.960, 0.920,
    # 0.820, 0.940: these floors sit a claim or two under that.
    "carry": {
        **{"precision": 0.97, "recall": 0.97, "value": 0.98, "interval": 0.98, "qualifier": 0.98},
        **{"unit": 0.94, "kind": 0.98, "time": 0.9, "compared_to": 0.97, "places": 0.8, "attribution": 0.92},
    },
    # The second carry set (written after 1.3.38; tuned on once, at 1.3.57) and the third (written after 1.3.55, of the
    # held-out part's kinds; 1.3.60 to 1.3.66 were made on it): their figures at 1.3.66 less a claim or two.
    "carry2": {
        **{"precision": 0.97, "recall": 0.97, "value": 0.98, "interval": 0.98, "qualifier": 0.98},
        **{"unit": 0.92, "kind": 0.97, "time": 0.76, "compared_to": 0.83, "places": 0.52, "attribution": 0.96},
    },
    "carry3": {
        **{"precision": 0.98, "recall": 0.98, "value": 0.98, "interval": 0.98, "qualifier": 0.98},
        **{"unit": 0.92, "kind": 0.95, "time": 0.9, "compared_to": 0.9, "places": 0.65, "attribution": 0.98},
    },
    # The fourth (written after 1.3.67, never tuned on): 0.923 unit, 0.769 time, 0.615 places, 0.952 attribution
    # when first read; floors a claim or two under, against losing what it measures.
    "carry4": {
        **{"precision": 0.97, "recall": 0.98, "value": 0.98, "interval": 0.98, "qualifier": 0.97},
        **{"unit": 0.9, "kind": 0.96, "time": 0.75, "compared_to": 0.88, "places": 0.59, "attribution": 0.93},
    },
    "heldout": {
        **{"precision": 0.93, "recall": 0.95, "value": 0.97, "interval": 0.96, "qualifier": 0.95},
        **{"unit": 0.82, "kind": 0.95, "time": 0.74, "compared_to": 0.94, "places": 0.69, "attribution": 0.80},
    },
}

ExtractFn = Callable[..., Iterable[Any]]


@dataclass(frozen=True)
class Compared:
    """The baseline of a change: its words and resolved period."""

    text: str
    period_start: str | None
    period_end: str | None


@dataclass(frozen=True)
class Span:
    """One claim, gold or predicted, reduced to what is scored."""

    passage_id: str
    quote: str
    start: int
    end: int
    value: Decimal | None
    value_low: Decimal | None
    value_high: Decimal | None
    qualifier: str | None
    unit: str | None
    kind: str | None
    period_start: str | None
    period_end: str | None
    compared_to: Compared | None = None
    places: tuple[str, ...] = ()
    attribution: str = ""
    # The fields this span labels (a gold span of the team's set labels only BASE_FIELDS).
    labelled: frozenset[str] = frozenset(FIELDS)
    worth: str = "normal"
    score: float | None = None
    # For a false positive: why the labels say this number is not a claim, if they say.
    non_claim: str | None = None


@dataclass(frozen=True)
class FieldError:
    passage_id: str
    quote: str
    start: int
    field: str
    gold: str
    predicted: str


@dataclass
class Report:
    passages: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: Counter = field(default_factory=Counter)
    scored: Counter = field(default_factory=Counter)
    misses: list[Span] = field(default_factory=list)
    false_positives: list[Span] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    # (predicted score, what the claim is: "normal", "background", "headline_copy" or "not_a_claim")
    ranked: list[tuple[float, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched / self.predicted

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def accuracy(self, name: str) -> float | None:
        """Share of matched pairs whose ``name`` field agrees; None when no pair labels the field."""
        if self.matched == 0:
            return 1.0 if self.gold == 0 else 0.0
        if not self.scored[name]:
            return None
        return self.correct[name] / self.scored[name]

    def figures(self) -> dict[str, float | None]:
        """Every figure of the report by name: detection and each field."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            **{name: self.accuracy(name) for name in FIELDS + STRICT_FIELDS},
        }

    def render(self, *, verbose: bool = False) -> str:
        lines = [
            f"passages          {self.passages}",
            f"gold claims       {self.gold}",
            f"predicted claims  {self.predicted}",
            f"matched           {self.matched}",
            "",
            "detection",
            f"  precision       {self.precision:.3f}",
            f"  recall          {self.recall:.3f}",
            f"  f1              {self.f1:.3f}",
            "",
            f"fields (accuracy over {self.matched} matched pairs)",
        ]
        for name in FIELDS + STRICT_FIELDS:
            shown = self.accuracy(name)
            figure = "  n/a" if shown is None else f"{shown:.3f}  ({self.correct[name]}/{self.scored[name]})"
            lines.append(f"  {name:<20} {figure}")
        lines += ["", top_quarter(self.ranked).render()]
        if verbose:
            lines += _details(self)
        return "\n".join(lines)


def _details(report: Report) -> list[str]:
    lines = ["", f"misses ({len(report.misses)})"]
    lines += [f"  {span.passage_id} @{span.start}: {span.quote!r}" for span in report.misses]
    lines += ["", f"false positives ({len(report.false_positives)})"]
    lines += [
        f"  {span.passage_id} @{span.start}: {span.quote!r}"
        + (f"  (not a claim: {span.non_claim})" if span.non_claim else "")
        for span in report.false_positives
    ]
    lines += ["", f"field errors ({len(report.field_errors)})"]
    lines += [
        f"  {error.passage_id} @{error.start}: {error.quote!r} {error.field}: "
        f"gold {error.gold} != predicted {error.predicted}"
        for error in report.field_errors
    ]
    return lines


# ---------------------------------------------------------------------------------------------
# The queue's top quarter: what the check-worthiness score puts first
# ---------------------------------------------------------------------------------------------

LOW_WORTH = ("not_a_claim", "background", "headline_copy")


@dataclass(frozen=True)
class TopQuarter:
    """Expected counts of each worth among the top quarter of claims by score (ties shared out)."""

    size: int
    counts: dict[str, float]

    def share(self, *worths: str) -> float:
        return sum(self.counts.get(worth, 0.0) for worth in worths) / self.size if self.size else 0.0

    def render(self) -> str:
        parts = ", ".join(f"{worth} {self.share(worth):.3f}" for worth in LOW_WORTH)
        return (
            f"score: top quarter of the queue ({self.size} claims): "
            f"not a claim, background or repeat {self.share(*LOW_WORTH):.3f} ({parts})"
        )


def top_quarter(ranked: list[tuple[float, str]]) -> TopQuarter:
    """The worths in the first quarter of ``ranked`` sorted by score, highest first.

    Claims tied at the cut share the remaining places in proportion, as a queue that orders ties
    arbitrarily would on average.
    """
    size = len(ranked) // 4
    counts: dict[str, float] = {}  # expected numbers: ties at the cut count in fractions
    by_score: dict[float, Counter[str]] = {}
    for score, worth in ranked:
        by_score.setdefault(score, Counter())[worth] += 1
    left = size
    for score in sorted(by_score, reverse=True):
        tied = by_score[score]
        taken = min(left, sum(tied.values()))
        for worth, number in tied.items():
            counts[worth] = counts.get(worth, 0.0) + number * taken / sum(tied.values())
        left -= taken
        if not left:
            break
    return TopQuarter(size=size, counts=dict(counts))


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def load_dev_set(path: str | Path) -> list[dict]:
    """Read the JSON-lines dev set; blank lines are skipped."""
    passages = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                passages.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
    return passages


def evaluate(passages: Sequence[dict], extract_fn: ExtractFn) -> Report:
    """Run ``extract_fn`` over every passage and score it against the gold claims."""
    report = Report(passages=len(passages))
    for passage in passages:
        pid = passage["id"]
        published = _to_date(passage.get("published"))
        gold = [_gold_span(pid, claim) for claim in passage["claims"]]
        predicted = [_predicted_span(pid, claim) for claim in extract_fn(passage["text"], published=published)]
        report.gold += len(gold)
        report.predicted += len(predicted)
        pairs = _match(gold, predicted)
        report.matched += len(pairs)
        used_gold = {gold_index for gold_index, _ in pairs}
        used_pred = {predicted_index for _, predicted_index in pairs}
        report.misses += [span for i, span in enumerate(gold) if i not in used_gold]
        false_positives = [
            _explain(span, passage.get("non_claims", [])) for i, span in enumerate(predicted) if i not in used_pred
        ]
        report.false_positives += false_positives
        report.ranked += [(span.score, "not_a_claim") for span in false_positives if span.score is not None]
        for gold_index, predicted_index in sorted(pairs):
            _score_pair(report, gold[gold_index], predicted[predicted_index])
    return report


def _match(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    candidates = []
    for gi, gold_span in enumerate(gold):
        for pi, predicted_span in enumerate(predicted):
            overlap = min(gold_span.end, predicted_span.end) - max(gold_span.start, predicted_span.start)
            if overlap > 0:
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def _explain(span: Span, non_claims: list[dict]) -> Span:
    for item in non_claims:
        if min(span.end, item["start"] + len(item["quote"])) > max(span.start, item["start"]):
            return dataclasses.replace(span, non_claim=item["reason"])
    return span


def _score_pair(report: Report, gold: Span, pred: Span) -> None:
    if pred.score is not None:
        report.ranked.append((pred.score, gold.worth))
    for name, (ok, want, got) in _checks(gold, pred).items():
        if name.split(" ")[0] not in gold.labelled:
            continue
        report.scored[name] += 1
        if ok:
            report.correct[name] += 1
        elif name in FIELDS:
            report.field_errors.append(
                FieldError(gold.passage_id, gold.quote, gold.start, name, _show(want), _show(got))
            )


def _checks(gold: Span, pred: Span) -> dict[str, tuple[bool, Any, Any]]:
    """Each field's verdict with the gold and predicted values it compared."""
    gold_period, pred_period = (gold.period_start, gold.period_end), (pred.period_start, pred.period_end)
    return {
        "value": (same_number(gold.value, pred.value), gold.value, pred.value),
        "interval": (
            same_number(gold.value_low, pred.value_low) and same_number(gold.value_high, pred.value_high),
            (gold.value_low, gold.value_high),
            (pred.value_low, pred.value_high),
        ),
        "qualifier": (gold.qualifier == pred.qualifier, gold.qualifier, pred.qualifier),
        "unit": (same_unit(gold.unit, pred.unit), gold.unit, pred.unit),
        "unit (strict)": (same_unit(gold.unit, pred.unit, strict=True), gold.unit, pred.unit),
        "kind": (gold.kind == pred.kind, gold.kind, pred.kind),
        "time": (gold_period == pred_period, gold_period, pred_period),
        "compared_to": (same_baseline(gold.compared_to, pred.compared_to), gold.compared_to, pred.compared_to),
        "places": (same_places(gold.places, pred.places), list(gold.places), list(pred.places)),
        "attribution": (same_source(gold.attribution, pred.attribution), gold.attribution, pred.attribution),
        "attribution (exact)": (_words(gold.attribution) == _words(pred.attribution), "", ""),
    }


def same_number(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(RELATIVE_TOLERANCE * max(abs(a), abs(b)), ABSOLUTE_TOLERANCE)


def same_unit(gold: str | None, predicted: str | None, *, strict: bool = False) -> bool:
    """Units agree as singular lemmas; unless ``strict``, the UNIT_EQUIVALENTS agree too."""
    gold_unit, predicted_unit = _unit_key(gold), _unit_key(predicted)
    if gold_unit == predicted_unit:
        return True
    return not strict and any(gold_unit in group and predicted_unit in group for group in UNIT_EQUIVALENTS)


def _unit_key(unit: str | None) -> str:
    words = (unit or "").split()
    if not words:
        return ""
    if words[0].isupper():  # an ISO currency code
        return unit or ""
    return " ".join(singular(word) for word in words)


def same_baseline(gold: Compared | None, predicted: Compared | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if (gold.period_start, gold.period_end) != (predicted.period_start, predicted.period_end):
        return False
    return gold.period_start is not None or token_f1(gold.text, predicted.text) >= MIN_TOKEN_F1


def same_places(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    def names(places: Iterable[str]) -> set[str]:
        return {re.sub(r"^the\s+", "", " ".join(place.lower().split())) for place in places}

    return names(gold) == names(predicted)


def same_source(gold: str, predicted: str) -> bool:
    if not gold.strip() or not predicted.strip():
        return not gold.strip() and not predicted.strip()
    return token_f1(gold, predicted) >= MIN_TOKEN_F1


def _words(text: str) -> list[str]:
    return [word for word in _WORD_RE.findall(text.lower()) if word not in _DETERMINERS]


def token_f1(gold: str, predicted: str) -> float:
    """The harmonic mean of the shares of words each phrase has of the other (determiners left out)."""
    gold_words, predicted_words = Counter(_words(gold)), Counter(_words(predicted))
    common = sum((gold_words & predicted_words).values())
    if not common:
        return 0.0
    precision, recall = common / sum(predicted_words.values()), common / sum(gold_words.values())
    return 2 * precision * recall / (precision + recall)


# ---------------------------------------------------------------------------------------------
# Reading gold and predicted claims
# ---------------------------------------------------------------------------------------------


def _gold_span(pid: str, claim: dict) -> Span:
    start = int(claim["start"])
    compared = claim.get("compared_to")
    return Span(
        passage_id=pid,
        quote=claim["quote"],
        start=start,
        end=start + len(claim["quote"]),
        value=_to_decimal(claim.get("value")),
        value_low=_to_decimal(claim.get("value_low")),
        value_high=_to_decimal(claim.get("value_high")),
        qualifier=claim.get("qualifier"),
        unit=claim.get("unit"),
        kind=claim.get("kind"),
        period_start=_to_iso(claim.get("period_start")),
        period_end=_to_iso(claim.get("period_end")),
        compared_to=None
        if not compared
        else Compared(compared["text"], _to_iso(compared["period_start"]), _to_iso(compared["period_end"])),
        places=tuple(claim.get("places") or ()),
        attribution=claim.get("attribution") or "",
        labelled=BASE_FIELDS | {name for name in ("compared_to", "places", "attribution") if name in claim},
        worth=claim.get("worth", "normal"),
    )


def _predicted_span(pid: str, claim: Any) -> Span:
    """Accept the extractor's dataclasses, or dicts with the same fields (as --json prints)."""

    def get(name: str, default: Any = None) -> Any:
        if isinstance(claim, dict):
            return claim.get(name, default)
        return getattr(claim, name, default)

    quote = str(get("quote", ""))
    start = int(get("quote_start", get("start", 0)))
    end = get("quote_end")
    compared = get("compared_to") or ""
    score = get("score")
    return Span(
        passage_id=pid,
        quote=quote,
        start=start,
        end=int(end) if end is not None else start + len(quote),
        value=_to_decimal(get("value")),
        value_low=_to_decimal(get("value_low")),
        value_high=_to_decimal(get("value_high")),
        qualifier=_to_choice(get("qualifier")),
        unit=_to_choice(get("unit")),
        kind=_to_choice(get("kind")),
        period_start=_to_iso(get("period_start")),
        period_end=_to_iso(get("period_end")),
        compared_to=Compared(compared, _to_iso(get("compared_period_start")), _to_iso(get("compared_period_end")))
        if compared
        else None,
        places=tuple(get("places") or ()),
        attribution=str(get("attribution") or ""),
        score=None if score is None else float(score),
    )


def _to_decimal(x: Any) -> Decimal | None:
    if x is None or x == "":
        return None
    try:
        # str() first: Decimal(0.1) would carry float noise into the comparison.
        return Decimal(str(x))
    except InvalidOperation:
        raise ValueError(f"not a number: {x!r}") from None


def _to_choice(x: Any) -> str | None:
    if x is None:
        return None
    if isinstance(x, enum.Enum):
        x = x.value
    return str(x)


def _to_iso(x: Any) -> str | None:
    if x is None or x == "":
        return None
    if isinstance(x, dt.datetime):
        return x.date().isoformat()
    if isinstance(x, dt.date):
        return x.isoformat()
    return str(x)[:10]


def _to_date(x: Any) -> dt.date | None:
    return dt.date.fromisoformat(x) if x else None


def _show(x: Any) -> str:
    if isinstance(x, tuple):
        return "(" + ", ".join(_show(i) for i in x) + ")"
    if isinstance(x, Compared):
        return f"{x.text!r} {_show((x.period_start, x.period_end))}"
    return "null" if x is None else str(x)


# ---------------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------------


def below_floors(part: str, report: Report) -> list[str]:
    """The figures of ``part`` under their floor, each named with its value and floor."""
    figures = report.figures()
    low = []
    for name, floor in FLOORS.get(part, {}).items():
        figure = figures[name]
        if figure is not None and figure < floor:
            low.append(f"{part} {name} {figure:.3f} (floor {floor:g})")
    return low


_TITLES = {
    "old": "the team's own passages",
    "carry": "the team's carry set, labelled before the extractor read it",
    "dev": "real copy, development",
    "heldout": "real copy, held out (aggregate figures only)",
}


def _parts(args: argparse.Namespace) -> list[tuple[str, Path]]:
    carry = [(_carry_part(path), path) for path in args.carry or ()]
    parts = (("old", args.path), *carry, ("dev", args.dev), ("heldout", args.heldout))
    return [(part, path) for part, path in parts if path]


def _carry_part(path: Path) -> str:
    """A carry set's part, named by its file: extraction_carry.jsonl is "carry", extraction_carry3.jsonl "carry3"."""
    name = path.stem.removeprefix("extraction_")
    return name if name.startswith("carry") else "carry"


def _title(part: str) -> str:
    if part.startswith("carry") and part != "carry":
        return f"the team's carry set {part.removeprefix('carry')}, labelled before the extractor read it"
    return _TITLES[part]


def _load(part: str, path: Path, corpus: Path | None) -> list[dict]:
    return load_dev_set(path) if part == "old" or part.startswith("carry") else load_part(path, corpus)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claims.extraction.evaluation",
        description="Score claims.extraction.extract against labelled claims, part by part.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="the team's JSON-lines set")
    parser.add_argument(
        "--carry",
        type=Path,
        action="append",
        help="a carry set of the team's (JSON lines, every field labelled); repeatable",
    )
    parser.add_argument("--dev", type=Path, help="real-copy development labels (a directory of clusters)")
    parser.add_argument("--heldout", type=Path, help="real-copy held-out labels: aggregate figures only")
    parser.add_argument("--corpus", type=Path, help="the corpus (default $FACTDESK_CORPUS or ../shared/corpus)")
    parser.add_argument("--verbose", action="store_true", help="list misses, false positives and field errors")
    parser.add_argument("--check", action="store_true", help="exit 1 when a part falls below its floor")
    args = parser.parse_args(argv)
    try:
        from claims.extraction import extract  # imported here so evaluate() can be tested with fakes
    except ImportError as exc:
        print(f"error: cannot import claims.extraction.extract: {exc}", file=sys.stderr)
        return 2
    failing: list[str] = []
    for part, path in _parts(args):
        try:
            passages = _load(part, path, args.corpus)
        except FileNotFoundError as exc:
            if os.environ.get("CI"):
                print(f"{part}: {exc} (CI must run it)", file=sys.stderr)
                return 2
            print(f"{_title(part)}: skipped, {exc}\n")
            continue
        report = evaluate(passages, extract)
        print(f"== {_title(part)} ({path})")
        print(report.render(verbose=args.verbose and part != "heldout") + "\n")
        failing += below_floors(part, report)
    if args.check and failing:
        print("below the floors: " + "; ".join(failing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
