"""Score a claim extractor against the labelled development set.

Pure Python: no Django and no extractor internals. `evaluate` takes any
`extract_fn(text, published=None)` so it can be tested with fakes; only `main`
imports the real `claims.extraction.extract`, and only when it runs.

A predicted claim matches a gold claim when their quote spans overlap; pairs are
chosen greedily, largest overlap first, each claim used at most once. Detection
is scored on those matches; every field is then scored on the matched pairs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

# Relative tolerance for comparing values and interval ends. Wide enough that
# "0.3333333333" equals 1/3 computed in Decimal or float, narrow enough that
# 0.33 != 1/3 and 8,000 != 8,001.
RELATIVE_TOLERANCE = Decimal("1e-6")
# Floor for values at or near zero, where a relative tolerance means nothing.
ABSOLUTE_TOLERANCE = Decimal("1e-9")

FIELDS = ("value", "interval", "qualifier", "unit", "kind", "time")

ExtractFn = Callable[..., Iterable[Any]]


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
    # For a false positive: why the dev set says this number is not a claim, if it says.
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
    correct: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    misses: list[Span] = field(default_factory=list)
    false_positives: list[Span] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)

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
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        """Share of matched pairs whose `name` field agrees (0.0 if nothing matched)."""
        if self.matched == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.correct[name] / self.matched

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
        for name in FIELDS:
            lines.append(f"  {name:<15} {self.accuracy(name):.3f}  ({self.correct[name]}/{self.matched})")
        if verbose:
            lines += ["", f"misses ({len(self.misses)})"]
            lines += [f"  {span.passage_id} @{span.start}: {span.quote!r}" for span in self.misses]
            lines += ["", f"false positives ({len(self.false_positives)})"]
            lines += [
                f"  {span.passage_id} @{span.start}: {span.quote!r}"
                + (f"  (not a claim: {span.non_claim})" if span.non_claim else "")
                for span in self.false_positives
            ]
            lines += ["", f"field errors ({len(self.field_errors)})"]
            lines += [
                f"  {error.passage_id} @{error.start}: {error.quote!r} {error.field}: "
                f"gold {error.gold} != predicted {error.predicted}"
                for error in self.field_errors
            ]
        return "\n".join(lines)


def load_dev_set(path: str | Path) -> list[dict]:
    """Read the JSON-lines dev set; blank lines are skipped."""
    passages = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                passages.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
    return passages


def evaluate(passages: Sequence[dict], extract_fn: ExtractFn) -> Report:
    """Run `extract_fn` over every passage and score it against the gold claims."""
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
        report.false_positives += [
            _explain(span, passage.get("non_claims", [])) for i, span in enumerate(predicted) if i not in used_pred
        ]
        for gold_index, predicted_index in sorted(pairs):
            _score_pair(report, gold[gold_index], predicted[predicted_index])
    return report


def _match(gold: list[Span], predicted: list[Span]) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
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
    for n in non_claims:
        if min(span.end, n["start"] + len(n["quote"])) > max(span.start, n["start"]):
            return dataclasses.replace(span, non_claim=n["reason"])
    return span


def _score_pair(report: Report, gold: Span, pred: Span) -> None:
    checks = {
        "value": (_same_number(gold.value, pred.value), gold.value, pred.value),
        "interval": (
            _same_number(gold.value_low, pred.value_low) and _same_number(gold.value_high, pred.value_high),
            (gold.value_low, gold.value_high),
            (pred.value_low, pred.value_high),
        ),
        "qualifier": (gold.qualifier == pred.qualifier, gold.qualifier, pred.qualifier),
        "unit": (gold.unit == pred.unit, gold.unit, pred.unit),
        "kind": (gold.kind == pred.kind, gold.kind, pred.kind),
        "time": (
            (gold.period_start, gold.period_end) == (pred.period_start, pred.period_end),
            (gold.period_start, gold.period_end),
            (pred.period_start, pred.period_end),
        ),
    }
    for name, (ok, want, got) in checks.items():
        if ok:
            report.correct[name] += 1
        else:
            report.field_errors.append(
                FieldError(gold.passage_id, gold.quote, gold.start, name, _show(want), _show(got))
            )


def _same_number(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(RELATIVE_TOLERANCE * max(abs(a), abs(b)), ABSOLUTE_TOLERANCE)


def _gold_span(pid: str, claim: dict) -> Span:
    start = int(claim["start"])
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
    return "null" if x is None else str(x)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claims.extraction.evaluation",
        description="Score claims.extraction.extract against a labelled dev set.",
    )
    parser.add_argument("path", help="JSON-lines dev set, e.g. tests/data/extraction_dev.jsonl")
    parser.add_argument("--verbose", action="store_true", help="list misses, false positives and field errors")
    args = parser.parse_args(argv)
    try:
        from claims.extraction import extract  # imported here so evaluate() can be tested with fakes
    except ImportError as exc:
        print(f"error: cannot import claims.extraction.extract: {exc}", file=sys.stderr)
        return 2
    report = evaluate(load_dev_set(args.path), extract)
    print(report.render(verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
