"""The real-copy labels are well formed: spans inside their article, fields valid, every digit accounted for.

The labels live in tests/data/real/ and name a corpus file and offsets; the text stays in ../shared/corpus.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "real"
CORPUS = Path(os.environ.get("FACTDESK_CORPUS", ROOT.parent / "shared" / "corpus")) / "articles"

QUALIFIERS = {"exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"}
KINDS = {"count", "money", "percent", "measure", "duration", "ratio", "share", "rate"}
NON_CLAIM_REASONS = {
    "date",
    "year",
    "time_of_day",
    "ordinal",
    "age",
    "article_id",
    "phone",
    "list_number",
    "name",
    "time_window",
    "score",
    "idiom",
    "pronoun",
}
WORTH = {"normal", "background", "headline_copy"}
RELATIONS = {"same", "updates", "contradicts", "unrelated"}

EXTRACTION_FILES = sorted(LABELS.glob("extraction/*/*/*.json"))
LINK_FILES = [
    path
    for path in (LABELS / "links_dev.jsonl", LABELS / "links_dev_audit.jsonl", LABELS / "heldout" / "links.jsonl")
    if path.exists()
]


@pytest.fixture(autouse=True)
def _corpus():
    if not CORPUS.is_dir():
        reason = f"needs the real-copy corpus at {CORPUS} (../shared/corpus)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: {reason}")
        pytest.skip(reason)


def _body(file: str) -> str:
    return json.loads((CORPUS / file).read_text(encoding="utf-8"))["body"]


def _span(body: str, span, what: str) -> None:
    assert isinstance(span, list) and len(span) == 2, f"{what}: not [start, end]"
    start, end = span
    assert 0 <= start < end <= len(body), f"{what}: [{start}, {end}] outside the body"
    assert body[start:end] == body[start:end].strip(), f"{what}: span starts or ends in white space"


def _date(value, what: str) -> None:
    if value is not None:
        assert datetime.date.fromisoformat(value), what


def _decimal(value, what: str) -> None:
    if value is not None:
        assert isinstance(value, str), f"{what}: decimals are strings"
        Decimal(value)


@pytest.mark.parametrize("path", EXTRACTION_FILES, ids=lambda path: str(path.relative_to(LABELS)))
def test_extraction_label_file_is_well_formed(path):
    label = json.loads(path.read_text(encoding="utf-8"))
    part, cluster = path.parent.parent.name, path.parent.name
    assert part in {"dev", "heldout"}
    assert label["file"] == f"{cluster}/{path.name}"
    article = json.loads((CORPUS / label["file"]).read_text(encoding="utf-8"))
    body = article["body"]
    assert label["body_sha256"] == hashlib.sha256(body.encode()).hexdigest(), "the corpus text changed"
    assert label["published"] == article["published"]
    covered: list[tuple[int, int]] = []
    for index, claim in enumerate(label["claims"]):
        what = f"claim {index}"
        _span(body, [claim["start"], claim["end"]], what)
        assert any(ch.isdigit() or ch.isalpha() for ch in body[claim["start"] : claim["end"]])
        assert claim["qualifier"] in QUALIFIERS, what
        assert claim["kind"] in KINDS, what
        assert isinstance(claim["unit"], str), what
        for name in ("value", "value_low", "value_high"):
            _decimal(claim[name], f"{what} {name}")
        if claim["value_low"] is not None and claim["value_high"] is not None:
            assert Decimal(claim["value_low"]) <= Decimal(claim["value_high"]), what
        for name in ("period_start", "period_end"):
            _date(claim[name], f"{what} {name}")
        if claim["period_start"] and claim["period_end"]:
            assert claim["period_start"] <= claim["period_end"], what
        for name in ("time", "attribution", "attribution_speaker"):
            if claim.get(name) is not None:
                _span(body, claim[name], f"{what} {name}")
        if claim.get("compared_to") is not None:
            _span(body, claim["compared_to"]["span"], f"{what} compared_to")
        assert isinstance(claim["places"], list) and all(isinstance(p, str) and p for p in claim["places"]), what
        for place in claim["places"]:
            assert place in body or place in article.get("title", ""), f"{what}: place {place!r} not in the text"
        assert claim.get("worth", "normal") in WORTH, what
        covered.append((claim["start"], claim["end"]))
    for index, non_claim in enumerate(label["non_claims"]):
        _span(body, [non_claim["start"], non_claim["end"]], f"non-claim {index}")
        assert non_claim["reason"] in NON_CLAIM_REASONS, f"non-claim {index}: {non_claim['reason']}"
        covered.append((non_claim["start"], non_claim["end"]))
    covered.sort()
    for (_, end), (start, _) in zip(covered, covered[1:], strict=False):
        assert end <= start, f"labels overlap at {start}"
    for match in re.finditer(r"\d+", body):
        assert any(start <= match.start() < end for start, end in covered), (
            f"digit at {match.start()} is neither a claim nor a non-claim"
        )


@pytest.mark.parametrize("path", LINK_FILES, ids=lambda path: str(path.relative_to(LABELS)))
def test_link_label_file_is_well_formed(path):
    ids = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        pair = json.loads(line)
        assert pair["id"] not in ids, f"line {number}: duplicate id"
        ids.add(pair["id"])
        assert pair["relation"] in RELATIONS, f"line {number}"
        assert pair["a"]["file"] != pair["b"]["file"], f"line {number}: a pair joins two articles"
        for side in ("a", "b"):
            body = _body(pair[side]["file"])
            _span(body, [pair[side]["start"], pair[side]["end"]], f"line {number} {side}")
        part = "heldout" if path.parent.name == "heldout" else "dev"
        clusters = {pair[side]["file"].split("/")[0] for side in ("a", "b")}
        assert len(clusters) == 1, f"line {number}: a pair stays within one story cluster"
        assert (clusters.pop() in HELD_OUT) == (part == "heldout"), f"line {number}: wrong part"


HELD_OUT = {
    "brazil-rio-grande-do-sul-floods-2024",
    "libya-derna-floods-2023",
    "morocco-earthquake-2023",
    "uk-channel-crossings-2022",
}


def test_extraction_labels_follow_the_split():
    for path in EXTRACTION_FILES:
        part, cluster = path.parent.parent.name, path.parent.name
        assert (cluster in HELD_OUT) == (part == "heldout"), path
