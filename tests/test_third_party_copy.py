"""The corpus in ../shared is third-party copy: it is read from there as a fixture and never copied into the
repository (labels name a file and character offsets). This test reads every tracked text file and fails on any
corpus sentence of 40 characters or more found in one; it names the file and the article, never the sentence."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from claims.linking import evaluation

ROOT = Path(__file__).resolve().parent.parent
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LONGEST_FILE = 2_000_000  # bytes: the labelled sets are well under it; anything bigger is no text we wrote


def corpus_sentences(articles: Path) -> dict[str, str]:
    """Each sentence of 40 characters or more of the corpus's bodies, with the article it comes from."""
    found = {}
    for path in sorted(articles.glob("*/*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["body"]
        for sentence in SENTENCE_END.split(body):
            sentence = " ".join(sentence.split())
            if len(sentence) >= 40:
                found.setdefault(sentence, f"{path.parent.name}/{path.name}")
    return found


def tracked_text() -> dict[str, str]:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    texts = {}
    for name in files.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file() or path.stat().st_size > LONGEST_FILE:
            continue
        try:
            texts[name] = " ".join(path.read_text(encoding="utf-8").split())
        except UnicodeDecodeError:
            continue  # images and other binaries
    return texts


def test_no_sentence_of_the_corpus_is_copied_into_a_tracked_file():
    articles = Path(os.environ.get("FACTDESK_CORPUS", evaluation.DEFAULT_CORPUS)) / "articles"
    if not articles.is_dir():
        reason = f"needs the real-copy corpus at {articles} (../shared/corpus)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: {reason}")
        pytest.skip(reason)
    sentences = corpus_sentences(articles)
    assert len(sentences) > 500  # the 65 articles' sentences, not an empty read
    copied = sorted(
        {(name, article) for name, text in tracked_text().items() for sentence, article in sentences.items()
         if sentence in text}
    )  # fmt: skip
    assert not copied, "corpus sentences found in tracked files (file, article): " + repr(copied)
