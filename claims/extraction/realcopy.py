"""Real-copy labels (tests/data/real/README.md) as passages the scorer reads.

A label file names a corpus article and character offsets; the text is read from the corpus at run
time (``../shared/corpus``, or $FACTDESK_CORPUS), never stored beside the labels. Each label file
becomes one passage shaped like a line of the team's own development set, with the fields only real
copy labels (``compared_to``, ``places``, ``attribution``, ``worth``) added to each claim.
Pure Python: no Django and no spaCy.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# A pronoun in an attribution ("he said") stands for the speaker the label names beside it.
_PRONOUN_RE = re.compile(r"\b(?:he|she|it|they|we|I)\b", re.IGNORECASE)


def corpus_root() -> Path:
    """Where the corpus is: $FACTDESK_CORPUS, else ``../shared/corpus`` beside the checkout."""
    return Path(os.environ.get("FACTDESK_CORPUS") or DEFAULT_CORPUS)


def load_part(directory: str | Path, corpus: str | Path | None = None) -> list[dict]:
    """Every label file under ``directory`` (``<cluster>/<file>.json``), as passages, in file order.

    Raises ``FileNotFoundError`` naming the corpus when its articles are missing.
    """
    articles = Path(corpus or corpus_root()) / "articles"
    if not articles.is_dir():
        raise FileNotFoundError(f"no real-copy corpus at {articles.parent}")
    return [_passage(path, articles) for path in sorted(Path(directory).glob("*/*.json"))]


def _passage(path: Path, articles: Path) -> dict:
    label = json.loads(path.read_text(encoding="utf-8"))
    body = json.loads((articles / label["file"]).read_text(encoding="utf-8"))["body"]
    return {
        "id": label["file"],
        "published": label["published"],
        "text": body,
        "claims": [_claim(claim, body) for claim in label["claims"]],
        "non_claims": [
            {"quote": body[item["start"] : item["end"]], "start": item["start"], "reason": item["reason"]}
            for item in label["non_claims"]
        ],
    }


def _claim(claim: dict, body: str) -> dict:
    compared = claim.get("compared_to")
    return {
        "quote": body[claim["start"] : claim["end"]],
        "start": claim["start"],
        **{name: claim[name] for name in ("value", "value_low", "value_high", "qualifier", "unit", "kind")},
        "period_start": claim["period_start"],
        "period_end": claim["period_end"],
        "time_text": _text(body, claim.get("time")),
        "compared_to": None
        if compared is None
        else {
            "text": _text(body, compared["span"]),
            "period_start": compared["period_start"],
            "period_end": compared["period_end"],
        },
        "places": list(claim["places"]),
        "attribution": attribution_text(body, claim.get("attribution"), claim.get("attribution_speaker")),
        "worth": claim.get("worth", "normal"),
    }


def _text(body: str, span: list[int] | None) -> str:
    return "" if span is None else body[span[0] : span[1]]


def attribution_text(body: str, span: list[int] | None, speaker: list[int] | None) -> str:
    """The source phrase as an editor would read it: a pronoun gives way to the speaker it names."""
    phrase = _text(body, span)
    if speaker is None:
        return phrase
    return _PRONOUN_RE.sub(lambda _: _text(body, speaker), phrase, count=1)
