"""Claim extraction: article text in, ``ClaimDraft`` list out. Pure Python and spaCy, no Django.

spaCy loads lazily on the first ``extract``/``extract_many``/``load_nlp`` call, once per process.
"""

from .extract import ClaimDraft, UnsupportedLanguage, extract, extract_many
from .pipeline import ModelNotAvailable, load_nlp

EXTRACTOR_VERSION = "1.3.88"

__all__ = [
    "EXTRACTOR_VERSION",
    "ClaimDraft",
    "ModelNotAvailable",
    "UnsupportedLanguage",
    "extract",
    "extract_many",
    "load_nlp",
]
