"""Reading the dependency parse: which clause a word belongs to and what a phrase hangs from.

The readings of time, place and source ask the same questions of spaCy's parse: the token a
character span stands for, the clause a token sits in, and whether a phrase modifies something
that governs a quantity. spaCy's types are imported for the type checker only: importing this module
needs no spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .vocabulary import STAND_IN_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
        i = known[start, end] = -1 if span is None or len(span) == 0 else _root_of(span).i
    return doc[i] if i >= 0 else None


def _root_of(span: Span) -> Token:
    """The span's head; where the parse splits the span in parts that hang apart ("0.64 °C", its "C" taken for
    the subject of the next verb), the part that holds its number."""
    tops = [word for word in span if word.head.i < span.start or word.head.i >= span.end or word.head.i == word.i]
    if len(tops) > 1:
        numbered = [
            word for word in tops if any(child.like_num for child in word.subtree if span.start <= child.i < span.end)
        ]
        if len(numbered) == 1:
            return numbered[0]
    return span.root


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
        heads += _continued(heads[-1])
        heads.append(clause_head(heads[-1].head))
    return heads


def _continued(clause: Token) -> list[Token]:
    """The reported clause that ``clause`` continues: "More than 12,000 hectares have burned since Sunday, and about
    2,300 residents were evacuated, the fire brigade said" (the parser hangs both on "said", the "and" on the
    first): the first, which is above it as a clause joined by "and" is."""
    if clause.dep_ != "ccomp":
        return []
    before = [
        sibling
        for sibling in clause.head.children
        if sibling.dep_ == "ccomp"
        and sibling.i < clause.i
        and any(child.dep_ == "cc" and child.i > sibling.i for child in sibling.children)
    ]
    return before[-1:]


def reported_clause_listed(word: Token, verb: Token) -> Token | None:
    """The clause ``verb`` reports, when ``word`` opens a list the parser hung on ``verb`` though it lists what that
    clause holds ("the government will spend €96.4bn next year, the minister told parliament, including €1.2bn for
    housing": the €1.2bn is part of the reported spending); else None."""
    if word.dep_ != "prep" or word.lower_ != "including" or word.head.i != verb.i:
        return None
    return next((child for child in verb.children if child.dep_ == "ccomp" and child.i < word.i), None)


def governs(ancestor: Token, token: Token) -> bool:
    """Whether ``token`` hangs, at any depth, below ``ancestor``."""
    return any(word.i == ancestor.i for word in token.ancestors)


# Subjects that stand for a noun of the sentence before ("It rose from 24 to 38", "The figure rose to
# 93"): what they count is that noun's. Singular or plural, as the antecedent must agree.
_STAND_INS = {"it": "Sing", "this": "Sing", "that": "Sing", "they": "Plur", "these": "Plur", "those": "Plur"}
_STAND_IN_NOUNS = dict.fromkeys(STAND_IN_NOUNS, "Sing")


def _grammatical_number(token: Token) -> str:
    number = token.morph.get("Number", [])
    if number:
        return number[0]
    return "Plur" if token.tag_ in ("NNS", "NNPS") else "Sing"


def stand_in_antecedent(subject: Token) -> Token | None:
    """The noun a stand-in subject ("it", "they", "the figure") refers to: the last subject of the
    sentence before that agrees with it in number and is a common noun, not another stand-in."""
    lemma = subject.lemma_.casefold()
    wanted = _STAND_INS.get(lemma) if subject.pos_ == "PRON" else _STAND_IN_NOUNS.get(lemma)
    sentence = subject.sent
    if wanted is None or sentence.start == 0:
        return None
    if any(child.dep_ in ("prep", "acl", "relcl", "compound", "amod") for child in subject.children):
        return None  # "the number of confirmed dead", "the total waiting": it says what it counts
    before = subject.doc[sentence.start - 1].sent
    subjects = [
        token
        for token in before
        if token.dep_ in ("nsubj", "nsubjpass")
        and token.pos_ == "NOUN"  # a name ("NHS England said") is who spoke, not what is counted
        and token.lemma_.casefold() not in _STAND_IN_NOUNS
        and _grammatical_number(token) == wanted
    ]
    return subjects[-1] if subjects else None


def valued_object(
    number: Token, verb: Token | None, prepositions: Iterable[str], accept: Callable[[Token], bool] | None = None
) -> Token | None:
    """The object a verb sets ``number`` as the value of, by one of ``prepositions``: "raised the number of dead to
    2,460", "put the toll at 2,100", "revised the quake's magnitude to 7.0"; None when the number is not so set. The
    object comes before the value: a noun after it is another count's the parser hung on the verb ("has risen to some
    15,000, among them 1,100 foreign specialists")."""
    preposition = number.head
    if verb is None or number.dep_ != "pobj" or preposition.lower_ not in prepositions:
        return None
    # the verb, or an adverb of it the parser hung the preposition on ("revised the quake's magnitude down to 6.9",
    # "taking the total for the year so far to 27,455")
    held = preposition.head
    if held.i != verb.i and not (held.dep_ == "advmod" and held.head.i == verb.i):
        return None
    return next(
        (
            child
            for child in verb.children
            if child.dep_ == "dobj" and child.i < number.i and (accept is None or accept(child))
        ),
        None,
    )


def subject_taken_as_object(verb: Token) -> Token | None:
    """The subject of a finite verb the parser left without one, having hung it as the object of a clause that
    opens the sentence with no comma after it ("As bodies are identified the number of missing has fallen to
    7,200": "the number" read as what is identified): a noun that is the object of a clause on the verb before it,
    and ends right where the verb (or its first auxiliary) starts. None when the verb has a subject of its own."""
    if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for child in verb.children):
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass") and child.i < verb.i]
    if not auxiliaries and verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # a participle or an infinitive needs no subject of its own
    first = min([verb.i, *(child.i for child in auxiliaries)])
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > first:
            continue
        for noun in clause.children:
            if noun.dep_ == "dobj" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i + 1 == first:
                return noun
    return None
