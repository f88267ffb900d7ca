"""What every reading of a sentence shares: the parsed chunk of an article and one sentence of it.

``Chunk`` holds what a parsed piece of an article reads once (its times, entities, names);
``Sentence`` the span and times of one sentence. The readings of units, times, places and sources
(``units``, ``claimtime``, ``places``, ``sources``) take these; none of them imports another.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .timeexpr import TimeExpr, find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# Entity types whose numbers are part of a name ("Article 5", "Boeing 737", "Apollo 11").
NAME_ENTS = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PERSON"})
DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Chunk:
    """A parsed piece of an article and what every sentence in it reads, computed once."""

    doc: Doc  # spaCy is imported for type checking only: importing this module needs no spaCy
    text: str  # doc.text, which spaCy joins anew at every read
    offset: int  # where the piece starts in the article
    parsed: bool  # a dependency parse is there (not the rules-only pipeline)
    tagged: bool  # part-of-speech tags are there
    times: list[TimeExpr]
    time_starts: list[int]
    entities: list[Span]
    entity_starts: list[int]
    name_spans: list[tuple[int, int]]  # entities whose numbers are part of a name
    person_ends: set[int]
    published: dt.date | None = None
    # The scale its bare "degrees" are in, when the text names one and only one ("0.6 degrees warmer"
    # beside "14.98 degrees Celsius"), as thousands separators follow the text's own convention.
    degree_scale: str = ""

    @classmethod
    def read(cls, doc: Doc, offset: int, published: dt.date | None, text: str | None = None) -> Chunk:
        """``text``: the string ``doc`` was made from, when the caller has it (``doc.text`` joins it
        anew from the tokens)."""
        text = doc.text if text is None else text
        times = find_times(text, published)
        entities = list(doc.ents)  # Doc.ents walks every token: read it once per doc, not per sentence
        names = [entity for entity in entities if entity.label_ in NAME_ENTS]
        return cls(
            doc=doc,
            text=text,
            offset=offset,
            parsed=doc.has_annotation("DEP"),
            tagged=doc.has_annotation("TAG"),
            times=times,
            time_starts=[time.start for time in times],
            entities=entities,
            entity_starts=[entity.start_char for entity in entities],
            name_spans=sorted((name.start_char, name.end_char) for name in names),
            person_ends={entity.end_char for entity in entities if entity.label_ == "PERSON"},
            published=published,
            degree_scale=_degree_scale(text),
        )

    def entities_between(self, start: int, end: int) -> list[Span]:
        """The entities that start from ``start`` up to ``end``, in text order."""
        starts = self.entity_starts
        return self.entities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


_CELSIUS_RE = re.compile(r"celsius|\d\s?[°º]\s?C\b", re.IGNORECASE)
_FAHRENHEIT_RE = re.compile(r"fahrenheit|\d\s?[°º]\s?F\b", re.IGNORECASE)


def _degree_scale(text: str) -> str:
    celsius, fahrenheit = bool(_CELSIUS_RE.search(text)), bool(_FAHRENHEIT_RE.search(text))
    return "celsius" if celsius and not fahrenheit else "fahrenheit" if fahrenheit and not celsius else ""


@dataclass(frozen=True)
class Sentence:
    """What a sentence's claims share: its span (trimmed of spaces), its times (relative ones
    resolved, record lengths left out) and where its clauses start."""

    text: str  # the chunk's text, which ``start`` and ``end`` index
    start: int
    end: int
    times: list[TimeExpr]
    segments: list[int]

    def segment_of(self, position: int) -> int:
        """The index of the clause holding ``position``."""
        return bisect.bisect_right(self.segments, position) - 1
