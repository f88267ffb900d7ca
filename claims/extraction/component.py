"""spaCy components of the extraction pipeline. Importing this module imports spaCy."""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .numbers import find_quantities

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@Language.factory("factdesk_quantities")
def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sets ``doc._.quantities``: every ``numbers.Quantity`` in the doc, char offsets into doc.text."""
    return _quantities


def _quantities(doc: Doc) -> Doc:
    doc._.quantities = find_quantities(doc.text)
    return doc


@Language.factory("factdesk_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Starts a sentence after a paragraph break, and after a line break that ends a line such as
    a headline or a dateline (the next line starts with a capital, digit or dash and the previous
    line does not end in a word that needs a continuation)."""
    return _line_breaks


_CONTINUES = frozenset("a an the of to in on at by for from with and or but as that".split())


def _line_breaks(doc: Doc) -> Doc:
    # Only whitespace tokens can hold a line break: find them without a Python loop over tokens.
    spaces = doc.to_array([IS_SPACE]).nonzero()[0]
    for i in spaces:
        tok = doc[int(i)]
        if "\n" in tok.text and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            prev = doc[tok.i - 1] if tok.i else None
            first = nxt.text[:1]
            if (
                "\n\n" in tok.text.replace("\r", "")
                or prev is None
                or (
                    (first.isupper() or first.isdigit() or first in "\"“'‘–—-•*")
                    and prev.lower_ not in _CONTINUES
                    and prev.text not in (",", ";")
                )
            ):
                nxt.is_sent_start = True
    return doc
