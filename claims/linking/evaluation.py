"""Precision and recall of link suggestions on a labelled set of claim pairs.

    python -m claims.linking.evaluation tests/data/link_pairs.jsonl [--errors]

Each line holds two claims ("a", "b": the structured fields a claim has, plus its article's
publication date) and the gold relation: same, contradicts or unrelated. A pair counts as
suggested when `claims.linking.rules.propose` proposes a link for it in either direction (the
linker judges each new claim against the older ones, so either side may be the new one),
including the blocking test the database applies. A suggestion is correct when its relation is
the gold one. No Django: the rules are pure, and so is this.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .rules import ClaimFacts, propose

RELATIONS = ("same", "contradicts")


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    per_relation: dict[str, tuple[float, float]]
    errors: list[str]


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def facts_from_json(side: dict) -> ClaimFacts:
    return ClaimFacts(
        value=_number(side.get("value")),
        value_low=_number(side.get("value_low")),
        value_high=_number(side.get("value_high")),
        qualifier=side.get("qualifier", "exact"),
        unit=side.get("unit", ""),
        kind=side.get("kind", "count"),
        period_start=_date(side.get("period_start")),
        period_end=_date(side.get("period_end")),
        places=tuple(side.get("places") or ()),
        sentence=side.get("sentence", ""),
        published=_date(side.get("published")),
    )


def predict(a: ClaimFacts, b: ClaimFacts) -> str:
    """The relation the linker suggests for the pair, or "unrelated"."""
    proposal = propose(a, b) or propose(b, a)
    return proposal.relation if proposal else "unrelated"


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def evaluate(pairs: list[dict]) -> Scores:
    counts = {relation: {"suggested": 0, "gold": 0, "correct": 0} for relation in RELATIONS}
    errors = []
    for pair in pairs:
        gold = pair["relation"]
        got = predict(facts_from_json(pair["a"]), facts_from_json(pair["b"]))
        if got in counts:
            counts[got]["suggested"] += 1
        if gold in counts:
            counts[gold]["gold"] += 1
        if got == gold and gold in counts:
            counts[gold]["correct"] += 1
        if got != gold:
            errors.append(f"{pair.get('id', '?')}: gold {gold}, suggested {got}  ({pair.get('note', '')})")
    total = {name: sum(c[name] for c in counts.values()) for name in ("suggested", "gold", "correct")}
    per_relation = {
        relation: (_ratio(c["correct"], c["suggested"]), _ratio(c["correct"], c["gold"]))
        for relation, c in counts.items()
    }
    return Scores(
        _ratio(total["correct"], total["suggested"]), _ratio(total["correct"], total["gold"]), per_relation, errors
    )


def load_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the pairs judged wrong")
    args = parser.parse_args(argv)
    try:
        pairs = load_pairs(args.path)
    except (OSError, ValueError) as exc:
        print(f"{args.path}: {exc}", file=sys.stderr)
        return 2
    scores = evaluate(pairs)
    print(f"link suggestions on {args.path} ({len(pairs)} pairs)")
    print(f"  all links     precision {scores.precision:.3f}  recall {scores.recall:.3f}")
    for relation, (precision, recall) in scores.per_relation.items():
        print(f"  {relation:<13} precision {precision:.3f}  recall {recall:.3f}")
    if args.errors:
        for line in scores.errors:
            print(f"  wrong: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
