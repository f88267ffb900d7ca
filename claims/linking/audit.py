"""The suggestions the linker makes on real copy that no label covers: what the audit labels next.

    python -m claims.linking.audit tests/data/real/links_dev.jsonl tests/data/real/links_dev_audit.jsonl [--text]

Labelled pairs were chosen by a labeller; an editor's inbox holds whatever the linker suggests. So every
pair of claims from two articles of one development story is judged as the evaluation judges a labelled
pair (`evaluation.predict`, default threshold), and each suggestion whose two claims no label joins is
printed as a JSON line in the label format (`relation` is the linker's, to be replaced by the labeller's;
`score` and `reasons` say why it was made). `--text` adds both sentences for the labeller's eyes: that output
holds third-party copy and never goes into the repository. The labels go into
`tests/data/real/links_dev_audit.jsonl` (calls in `tests/data/real/README.md`);
`tests/test_linking_eval.py` fails while a suggestion is left unlabelled.

Only the stories the given label files come from are read, and a file under a `heldout` folder is refused:
nobody looks at the held-out part's pairs. No Django.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any

from . import evaluation


def _key(file: str, claim: Any) -> tuple[str, int]:
    return file, claim.quote_start


def labelled_keys(pairs: list[dict], corpus: evaluation.Corpus) -> set[frozenset[tuple[str, int]]]:
    """The pairs of extracted claims the labels join (each side mapped as the evaluation maps it)."""
    joined = set()
    for pair in pairs:
        sides = []
        for side in (pair["a"], pair["b"]):
            claim = evaluation.claim_at(corpus.claims(side["file"]), side["start"], side["end"])
            sides.append(None if claim is None else _key(side["file"], claim))
        if None not in sides:
            joined.add(frozenset(sides))
    return joined


def unlabelled(pairs: list[dict], corpus: evaluation.Corpus) -> list[dict]:
    """Each suggestion between two articles of the labels' stories that no label covers, best first (each
    with both sentences under "sentences", for a labeller's eyes only)."""
    joined = labelled_keys(pairs, corpus)
    stories = sorted({side["file"].split("/")[0] for pair in pairs for side in (pair["a"], pair["b"])})
    found = []
    for story in stories:
        files = sorted(f"{story}/{path.name}" for path in (corpus.articles / story).glob("*.json"))
        for first, second in itertools.combinations(files, 2):
            for one in corpus.claims(first):
                for other in corpus.claims(second):
                    if frozenset({_key(first, one), _key(second, other)}) in joined:
                        continue
                    suggestion = _suggestion(corpus, (first, one), (second, other))
                    if suggestion is not None:
                        found.append(suggestion)
    return sorted(found, key=lambda item: -item["score"])


def _suggestion(corpus: evaluation.Corpus, *sides: tuple[str, Any]) -> dict | None:
    facts = [evaluation.facts_of(claim, corpus.article(file), corpus.story(file)) for file, claim in sides]
    older, newer = sorted(
        zip(sides, facts, strict=True), key=lambda side: side[1].published or datetime.date.min
    )  # as the evaluation orders a labelled pair
    got, proposal = evaluation.predict(older[1], newer[1])
    if got is None or proposal is None:
        return None
    return {
        "relation": got,
        "score": proposal.score,
        "reasons": proposal.reasons,
        "a": {"file": older[0][0], "start": older[0][1].quote_start, "end": older[0][1].quote_end},
        "b": {"file": newer[0][0], "start": newer[0][1].quote_start, "end": newer[0][1].quote_end},
        "sentences": [older[0][1].sentence, newer[0][1].sentence],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path, nargs="+", help="development label files (links_dev*.jsonl)")
    corpus_default = Path(os.environ.get("FACTDESK_CORPUS", evaluation.DEFAULT_CORPUS))
    parser.add_argument("--corpus", type=Path, default=corpus_default)
    parser.add_argument("--text", action="store_true", help="add both sentences (never commit this output)")
    args = parser.parse_args(argv)
    if any(evaluation.is_held_out(path) for path in args.labels):
        print("held-out pairs are never audited: nobody looks at them", file=sys.stderr)
        return 2
    corpus = evaluation.Corpus(args.corpus)
    if not corpus.available():
        print(f"no real-copy corpus at {args.corpus}", file=sys.stderr)
        return 2
    pairs = [pair for path in args.labels for pair in evaluation.load_pairs(path)]
    found = unlabelled(pairs, corpus)
    for item in found:
        sentences = item.pop("sentences")
        if args.text:
            item["a"]["sentence"], item["b"]["sentence"] = sentences
        print(json.dumps(item, ensure_ascii=False))
    print(f"{len(found)} suggestions no label covers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
