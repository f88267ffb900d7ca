"""Reading the dependency parse: which clause a word belongs to and what a phrase hangs from.

The readings of time, place and source ask the same questions of spaCy's parse: the token a
character span stands for, the clause a token sits in, and whether a phrase modifies something
that governs a quantity. spaCy's types are imported for the type checker only: importing this module
needs no spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies that open a clause of their own: what hangs below one belongs to that clause.
CLAUSAL_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj", "csubjpass", "parataxis"})


_TOKEN_AT = "factdesk.token_at"


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the characters ``start``–``end`` (widened to whole tokens).

    The readings of time, place, source and unit each ask it of every quantity, and places of
    every other quantity of the sentence too: answers are kept with the doc (``Doc.user_data``), as
    token indices (-1: none)."""
    known = doc.user_data.get(_TOKEN_AT)
    if known is None:
        known = doc.user_data[_TOKEN_AT] = {}
    i = known.get((start, end))
    if i is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        i = known[start, end] = -1 if span is None or len(span) == 0 else span.root.i
    return doc[i] if i >= 0 else None


def anchor(doc: Doc, start: int, end: int) -> Token | None:
    """What the phrase at ``start``–``end`` modifies: the token outside it that its head hangs from
    ("in August" in "were waiting … in August" hangs from "waiting")."""
    root = token_at(doc, start, end)
    if root is None:
        return None
    return root if root.head.i == root.i else root.head


_WORD_IDS: dict[frozenset[str], frozenset[int]] = {}


def word_ids(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    """The ids of ``words`` in spaCy's string store, to test ``token.lower in word_ids(doc, words)``
    where ``token.lower_ in words`` would decode each token's string anew. An id is the string's
    hash (or its symbol's number), the same in every vocabulary: kept once per set of words."""
    ids = _WORD_IDS.get(words)
    if ids is None:
        ids = _WORD_IDS[words] = frozenset(doc.vocab.strings[word] for word in words)
    return ids


def opens_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause below another: a subordinate or relative clause, a
    participle modifying a noun, or a second verb joined by "and"."""
    return token.dep_ in CLAUSAL_DEPS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))


def clause_chain(token: Token) -> list[Token]:
    """``token`` and its heads up to the head of its own clause, nearest first."""
    chain = [token]
    while not opens_clause(chain[-1]) and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to."""
    return clause_chain(token)[-1]


def governing_clauses(token: Token) -> list[Token]:
    """The heads of ``token``'s clause and of every clause above it, innermost first (a clause
    joined by "and" counts the first one as above it: "In the second quarter, X lost $2.8bn and
    the workforce grew 32 percent" dates both)."""
    heads = [clause_head(token)]
    while heads[-1].head.i != heads[-1].i:
        heads.append(clause_head(heads[-1].head))
    return heads


def governs(ancestor: Token, token: Token) -> bool:
    """Whether ``token`` hangs, at any depth, below ``ancestor``."""
    return any(word.i == ancestor.i for word in token.ancestors)
