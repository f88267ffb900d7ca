"""spaCy components of the extraction pipeline. Importing this module imports spaCy."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .numbers import Quantity, find_quantities
from .vocabulary import SETTING_VERBS, Qualifier

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@Language.factory("factdesk_quantities")
def make_quantities(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sets ``doc._.quantities``: every ``numbers.Quantity`` in the doc, char offsets into doc.text."""
    return _quantities


def _quantities(doc: Doc) -> Doc:
    doc._.quantities = [_new_level(doc, quantity) for quantity in find_quantities(doc.text)]
    return doc


_UP_TO = re.compile(r"up\s+to\s+", re.IGNORECASE)


def _new_level(doc: Doc, quantity: Quantity) -> Quantity:
    """The quantity, with "up to" read as a verb's particle and "to" rather than a bound where the verb sets or
    moves an object that stands between them ("revised second-quarter growth up to 0.7%"): the object's new
    level, exact, quoted without them. The words alone cannot tell it from "left up to 500 people homeless";
    the parse can (the verb's object comes before "up")."""
    words = _UP_TO.match(quantity.text)
    if words is None or quantity.qualifier != Qualifier.AT_MOST:
        return quantity
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return quantity
    verb = next((token for token in span.root.ancestors if token.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.casefold() not in SETTING_VERBS:
        return quantity
    if not any(child.dep_ == "dobj" and child.i < span.start for child in verb.children):
        return quantity
    return dataclasses.replace(
        quantity,
        start=quantity.start + words.end(),
        text=quantity.text[words.end() :],
        qualifier=Qualifier.EXACT,
        value_low=quantity.value,
        value_high=quantity.value,
    )


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
