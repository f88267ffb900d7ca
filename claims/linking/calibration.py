"""Fit the weights of the link score on the development pairs, so that a score is a probability.

    python -m claims.linking.calibration --dev tests/data/real/links_dev.jsonl \\
        --audit tests/data/real/links_dev_audit.jsonl --old tests/data/link_pairs.jsonl \\
        --stories tests/data/link_stories.json [--loco [--errors]]

Each pair the linker would judge (both sides extracted, found by the candidate index, readable as
one quantity) becomes an example for one of three logistic regressions, by the relation the rules
choose: `same` trains SAME_WEIGHTS, `updates` CHANGE_WEIGHTS (right in the labelled direction only),
`contradicts` CONTRADICTION_WEIGHTS; an example is right when the gold relation is the one chosen.
Prints the three as Python to paste into `claims.linking.rules`, and how well the scores are calibrated
(predicted against observed, by bins).

`--audit` names the audit of the linker's own suggestions (tests/data/real/links_dev_audit.jsonl). It
is fitted only for the models in AUDIT_MODELS and judged under `--loco` like the rest: the labelled
development pairs carry look-alikes that the rules read as one figure or a later figure of one count,
but almost none that the rules read as a contradiction, so without the audit a contradiction's score
was the share right among the few a labeller chose (10 of 10), not among those the rules find in real
copy (1 of 140 in the audit). Fitting the other models on the audit too was measured and not kept:
leave-one-cluster-out recall of updates on the labelled pairs fell from 0.78 to 0.24.

`--stories` names the team's stories, which train only the models in STORY_MODELS (the contradiction model):
real copy holds too few contradictions to weigh what tells one; rounds 37, 43, 44 and 45 stay out (UNTUNED_ROUNDS). The
contradiction model has been fitted with the stories since extractor 1.3.49 (last at 1.3.75, with the reading
of one sentence setting the other's figure against its own, `against`; the `magnitude` weight was then fitted alone,
the others held, as a full refit added a look-alike to the audit: `--alone magnitude`);
`--undated` adds the stories' undated scoring (every other article without its day, as the evaluation scores them):
the pairs with an undated side, so the fit sees what an unknown day weighs. Measured on 2026-11-28 and not kept: every
refit with it (all weights, all but `magnitude`, the bias with the day weights, a weight of its own for an unknown day)
added two to four audit look-alikes, and real copy alone weighs an unknown day against a contradiction (undated stories
24 right fewer); `reading_features` counts an unknown day as one day's (`same_day`) instead.
SAME_WEIGHTS and CHANGE_WEIGHTS are kept from their earlier fit: refitting them with the current rules, and fitting
the change model on the stories too, were measured and not kept (docs/linking.md).

`--loco` instead measures the fit honestly: for each development cluster, the score is fitted on
the other clusters (and the team's own pairs) and the cluster's pairs are judged with it; the
figures summed over the clusters are the estimate of how the score carries to stories it never saw.

Never run on the held-out pairs: they measure the result, they do not shape it (the tool refuses a
path under a `heldout` folder). No Django.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import math
import os
import sys
from pathlib import Path

from . import evaluation, rules

# L2 penalty on every weight but the bias: keeps the fit from leaning on a feature a few pairs carry.
PENALTY = 1.0
# Pairs from two different stories that the candidate index would bring together: unrelated by
# construction. They stand for what the labelled pairs lack, the crowd of same-looking figures in
# other stories that a linker meets in production. At most this many per claim, chosen by a stable hash.
CROSS_STORY_PER_CLAIM = 1
SEED = 20261126
MODELS = {"same": "same", "updates": "change", "contradicts": "contradiction"}  # relation -> model
AUDIT_MODELS = frozenset({"contradiction"})
# The team's stories train the contradiction model too (`--stories`): real copy holds few contradictions (10 of
# the development pairs), too few to weigh what tells one (two named bodies, one quake's magnitude); the stories
# hold 78 outside the untuned rounds. Rounds 37, 43, 44 and 45 are left out: nothing is tuned on them, so they stay the
# honest measure of what carries.
STORY_MODELS = frozenset({"contradiction"})
UNTUNED_ROUNDS = frozenset({37, 43, 44, 45})


def examples(pairs: list[dict], corpus: evaluation.Corpus | None) -> dict[str, list[tuple[dict, int]]]:
    """(features, right) for each pair the linker would judge, by model (MODELS); a pair marked with
    `_models` trains only those."""
    found: dict[str, list[tuple[dict, int]]] = {model: [] for model in MODELS.values()}
    for pair in pairs:
        if evaluation.is_non_claim_pair(pair):
            continue
        if corpus is None:
            a, b = evaluation.facts_from_json(pair["a"]), evaluation.facts_from_json(pair["b"])
        else:
            sides = []
            for side in (pair["a"], pair["b"]):
                claim = evaluation.claim_at(corpus.claims(side["file"]), side["start"], side["end"])
                article = corpus.article(side["file"])
                sides.append(None if claim is None else evaluation.facts_of(claim, article, corpus.story(side["file"])))
            if None in sides:
                continue
            a, b = sides
        if not rules.same_block(a, b):
            continue
        reading = rules.read_pair(a, b)
        if reading is None:
            continue
        found_relation = rules.relation_of(b, a, reading)  # b is the newer claim when gold says updates
        if found_relation is None:
            continue
        relation, newer_first = found_relation
        right = pair["relation"] == relation and (relation != "updates" or newer_first)
        model = MODELS[relation]
        if model in pair.get("_models", MODELS.values()):
            found[model].append((rules.reading_features(reading, relation), int(right)))
    return found


def story_examples(path: Path, *, undated: bool = False) -> dict[str, list[tuple[dict, int]]]:
    """(features, right) for the models in STORY_MODELS, from every cross-article pair of the team's stories the
    rules read as one of them (dated; rounds in UNTUNED_ROUNDS left out). With `undated`, also the pairs of the
    stories' undated scoring (every other article without its day, as the evaluation scores them) of which one side
    is undated: the pairs of two dated articles are the dated scoring's, counted once."""
    from . import stories  # the real extractor: spaCy loads only when stories are asked for

    found: dict[str, list[tuple[dict, int]]] = {model: [] for model in MODELS.values()}
    for story in stories.load_stories(path):
        if story["round"] in UNTUNED_ROUNDS:
            continue
        scorings = [stories.cross_article_pairs(story, stories.story_claims(story))]
        if undated:
            scorings.append(
                (older, newer, relation)
                for older, newer, relation in stories.cross_article_pairs(
                    story, stories.story_claims(story, undated=True)
                )
                if older[0] % 2 or newer[0] % 2
            )
        for older, newer, relation in itertools.chain.from_iterable(scorings):
            if relation == stories.UNSURE or not rules.same_block(older[2], newer[2]):
                continue
            reading = rules.read_pair(older[2], newer[2])
            chosen = None if reading is None else rules.relation_of(newer[2], older[2], reading)
            if chosen is None or MODELS[chosen[0]] not in STORY_MODELS:
                continue
            right = relation == chosen[0] and (chosen[0] != "updates" or chosen[1])
            found[MODELS[chosen[0]]].append((rules.reading_features(reading, chosen[0]), int(right)))
    return found


def cluster_of(pair: dict) -> str:
    return pair["a"]["file"].split("/")[0]


def fitted(
    dev_pairs: list[dict], corpus: evaluation.Corpus, old_pairs: list[dict] | None, *, penalty: float = PENALTY
) -> dict[str, tuple[dict[str, float], list[tuple[dict, int]]]]:
    """Each model's weights fitted on `dev_pairs` (with cross-story pairs) and `old_pairs`, and their rows."""
    found = examples(dev_pairs, corpus)
    for model, rows in cross_story_examples(dev_pairs, corpus).items():
        found[model] += rows
    if old_pairs is not None:
        for model, rows in examples(old_pairs, None).items():
            found[model] += rows
    return {model: (fit(rows, list(rules.FEATURES), penalty=penalty), rows) for model, rows in found.items()}


def leave_one_cluster_out(
    dev_pairs: list[dict], corpus: evaluation.Corpus, old_pairs: list[dict] | None, *, penalty: float = PENALTY
) -> dict[str, evaluation.Tally]:
    """Each development cluster judged with the score fitted on the others: one tally per part (`_part`)."""
    totals: dict[str, evaluation.Tally] = {}
    live = {model: rules.WEIGHTS[relation] for relation, model in MODELS.items()}
    saved = {model: dict(weights) for model, weights in live.items()}
    try:
        for cluster in sorted({cluster_of(pair) for pair in dev_pairs}):
            training = [pair for pair in dev_pairs if cluster_of(pair) != cluster]
            weights = fitted(training, corpus, old_pairs, penalty=penalty)
            for model, (fitted_weights, _) in weights.items():
                live[model].clear()
                live[model].update(fitted_weights)
            judged = [pair for pair in dev_pairs if cluster_of(pair) == cluster]
            for part in sorted({pair.get("_part", "dev") for pair in judged}):
                tally = evaluation.evaluate_real([pair for pair in judged if pair.get("_part", "dev") == part], corpus)
                total = totals.setdefault(part, evaluation.Tally())
                for name in ("gold", "missed", "suggested", "correct", "linked"):
                    getattr(total, name).update(getattr(tally, name))
                total.excluded += tally.excluded
                total.crashes += tally.crashes
                total.scored += tally.scored
                total.errors += [f"[{cluster}] {line}" for line in tally.errors]
    finally:
        for model, kept in saved.items():
            live[model].clear()
            live[model].update(kept)
    return totals


def cross_story_examples(pairs: list[dict], corpus: evaluation.Corpus) -> dict[str, list[tuple[dict, int]]]:
    """Negative examples: claims of the labelled articles judged against claims of other stories."""
    files = sorted({side["file"] for pair in pairs for side in (pair["a"], pair["b"])})
    facts = {
        file: [evaluation.facts_of(claim, corpus.article(file), corpus.story(file)) for claim in corpus.claims(file)]
        for file in files
    }
    story_of = {file: file.split("/")[0] for file in files}
    found: dict[str, list[tuple[dict, int]]] = {model: [] for model in MODELS.values()}
    for file in files:
        others = [(other, f) for other in files if story_of[other] != story_of[file] for f in facts[other]]
        for mine in facts[file]:
            matches = [(other, f) for other, f in others if rules.same_block(mine, f)]
            # Chosen by a hash of the two claims, not a random sequence: a claim added or dropped elsewhere (a
            # change of the extractor) leaves every other claim's choice as it was, so fits stay comparable.
            chosen = sorted(matches, key=lambda match: _draw(file, mine, *match))[:CROSS_STORY_PER_CLAIM]
            for _, theirs in chosen:
                reading = rules.read_pair(mine, theirs)
                found_relation = None if reading is None else rules.relation_of(mine, theirs, reading)
                if found_relation is not None:
                    model = MODELS[found_relation[0]]
                    found[model].append((rules.reading_features(reading, found_relation[0]), 0))
    return found


def _draw(file: str, mine: rules.ClaimFacts, other_file: str, theirs: rules.ClaimFacts) -> str:
    """A stable pseudo-random order of candidate pairs (SEED, the two files, sentences and quotes)."""
    key = "\x1f".join((str(SEED), file, mine.sentence, mine.quote, other_file, theirs.sentence, theirs.quote))
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def fit(
    rows: list[tuple[dict, int]], names: list[str], *, penalty: float = PENALTY, held: dict[str, float] | None = None
) -> dict[str, float]:
    """Logistic regression by Newton's method, with an L2 penalty on all weights but the bias. With `held`, only
    `names` are fitted, every other weight kept at its value there (returned with them)."""
    weights = {**(held or {}), **{name: (held or {}).get(name, 0.0) for name in names}}
    for _ in range(50):
        gradient = dict.fromkeys(names, 0.0)
        hessian = {(i, j): 0.0 for i in names for j in names}
        for features, right in rows:
            p = rules.probability(weights, features)
            for i in names:
                gradient[i] += (p - right) * features.get(i, 0.0)
                for j in names:
                    hessian[i, j] += p * (1 - p) * features.get(i, 0.0) * features.get(j, 0.0)
        for name in names:
            if name != "bias":
                gradient[name] += penalty * weights[name]
                hessian[name, name] += penalty
        step = _solve(hessian, gradient, names)
        for name in names:
            weights[name] -= step[name]
        if max(abs(value) for value in step.values()) < 1e-7:
            break
    return {name: round(value, 3) for name, value in weights.items()}


def _solve(matrix: dict, vector: dict, names: list[str]) -> dict[str, float]:
    """Gaussian elimination with partial pivoting: matrix · x = vector."""
    n = len(names)
    rows = [[matrix[names[i], names[j]] for j in range(n)] + [vector[names[i]]] for i in range(n)]
    for column in range(n):
        pivot = max(range(column, n), key=lambda row: abs(rows[row][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        if abs(rows[column][column]) < 1e-12:
            continue
        for row in range(n):
            if row != column:
                factor = rows[row][column] / rows[column][column]
                rows[row] = [x - factor * y for x, y in zip(rows[row], rows[column], strict=True)]
    return {names[i]: rows[i][n] / rows[i][i] if abs(rows[i][i]) > 1e-12 else 0.0 for i in range(n)}


def reliability(rows: list[tuple[dict, int]], weights: dict[str, float]) -> list[str]:
    """Predicted against observed, in bins of the score."""
    bins: dict[int, list[tuple[float, int]]] = {}
    for features, right in rows:
        p = rules.probability(weights, features)
        bins.setdefault(min(9, int(p * 10)), []).append((p, right))
    lines = []
    for index in sorted(bins):
        scored = bins[index]
        mean = sum(p for p, _ in scored) / len(scored)
        observed = sum(right for _, right in scored) / len(scored)
        span = f"{index / 10:.1f}–{(index + 1) / 10:.1f}"
        lines.append(f"    {span}: {len(scored):4d} pairs, mean score {mean:.2f}, right {observed:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, nargs="+", required=True, help="real-copy development pairs (files)")
    parser.add_argument("--old", type=Path, help="the team's own pairs, with their fields")
    parser.add_argument("--audit", type=Path, help="the audit of the linker's own suggestions (see AUDIT_MODELS)")
    parser.add_argument("--stories", type=Path, help="the team's stories (see STORY_MODELS)")
    parser.add_argument(
        "--undated", action="store_true", help="with --stories: their undated scoring too (`story_examples`)"
    )
    corpus_default = Path(os.environ.get("FACTDESK_CORPUS", evaluation.DEFAULT_CORPUS))
    parser.add_argument("--corpus", type=Path, default=corpus_default)
    parser.add_argument("--penalty", type=float, default=PENALTY)
    parser.add_argument("--loco", action="store_true", help="leave-one-cluster-out figures instead of the fit")
    parser.add_argument("--errors", action="store_true", help="with --loco: list the pairs judged wrong")
    parser.add_argument(
        "--alone", nargs="+", metavar="FEATURE", help="fit only these weights, every other held at its value in rules"
    )
    args = parser.parse_args(argv)
    for path in (*args.dev, args.audit, args.old):
        if path is not None and evaluation.is_held_out(path):
            print(f"{path}: held-out pairs are never used to fit the score", file=sys.stderr)
            return 2
    corpus = evaluation.Corpus(args.corpus)
    if not corpus.available():
        print(f"no real-copy corpus at {args.corpus}", file=sys.stderr)
        return 2
    dev_pairs = [{**pair, "_part": path.stem} for path in args.dev for pair in evaluation.load_pairs(path)]
    if args.audit is not None:
        dev_pairs += [
            {**pair, "_part": args.audit.stem, "_models": AUDIT_MODELS} for pair in evaluation.load_pairs(args.audit)
        ]
    if args.loco:
        old_pairs = evaluation.load_pairs(args.old) if args.old is not None else None
        for part, tally in leave_one_cluster_out(dev_pairs, corpus, old_pairs, penalty=args.penalty).items():
            count = sum(pair["_part"] == part for pair in dev_pairs)
            print("\n".join(evaluation.render(f"leave-one-cluster-out, {part}", tally, pairs=count)))
            if args.errors:
                print("\n".join(f"  wrong: {line}" for line in tally.errors))
        return 0
    found = examples(dev_pairs, corpus)
    for model, rows in cross_story_examples(dev_pairs, corpus).items():
        print(f"{model}: {len(rows)} cross-story pairs added as unrelated")
        found[model] += rows
    if args.old is not None:
        for model, rows in examples(evaluation.load_pairs(args.old), None).items():
            found[model] += rows
    if args.stories is not None:
        for model, rows in story_examples(args.stories, undated=args.undated).items():
            if rows:
                print(f"{model}: {len(rows)} pairs of the team's stories added")
            found[model] += rows
    for model in MODELS.values():
        rows = found[model]
        if args.alone:
            held = rules.WEIGHTS[next(relation for relation, name in MODELS.items() if name == model)]
            weights = fit(rows, args.alone, penalty=args.penalty, held=held)
        else:
            weights = fit(rows, list(rules.FEATURES), penalty=args.penalty)
        right = sum(row[1] for row in rows)
        probabilities = ((rules.probability(weights, row[0]), row[1]) for row in rows)
        log_loss = -sum(math.log(max(1e-9, p if r else 1 - p)) for p, r in probabilities) / max(1, len(rows))
        print(f"{model}: {len(rows)} pairs, {right} right; log loss {log_loss:.3f}")
        print(f"{model.upper()}_WEIGHTS = {weights!r}")
        print("\n".join(reliability(rows, weights)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
