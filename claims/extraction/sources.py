"""Who states a sentence's figures: its attribution."""

from __future__ import annotations

import re

from .parsed import DETERMINER_RE

_SPEECH_LEMMAS = frozenset(
    "say tell report state claim announce estimate add note write confirm warn insist argue "
    "according count record".split()
)


_ACCORDING_RE = re.compile(r"\baccording\s+to\s+([^,.;:]+)", re.IGNORECASE)


_SAID_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?:said|says|told|reported|stated|estimated)\b")


def read_attribution(span, text: str, start: int, end: int, *, parsed: bool) -> str:
    """Who the sentence (``span``, trimmed to start–end) says the figures come from: "according
    to X", else the subject of a speech verb in the parse, else "X said" in the text."""
    according = _ACCORDING_RE.search(text, start, end)
    if according:
        return _clean_source(according.group(1))
    if parsed:
        for token in span:
            if token.lemma_ in _SPEECH_LEMMAS and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ == "nsubj" and child.pos_ != "PRON":
                        source = span.doc[child.left_edge.i : child.i + 1]
                        if any(word.like_num or word.lower_ in ("%", "cent", "percent") for word in source):
                            continue  # "3 per cent of respondents said": a finding, not a source
                        return _clean_source(source.text)
        return ""
    said = _SAID_RE.search(text, start, end)
    return _clean_source(said.group(1)) if said else ""


def _clean_source(source: str) -> str:
    return DETERMINER_RE.sub("", " ".join(source.split())).strip(" \"“”'’")
