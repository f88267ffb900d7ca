"""Who states a figure: its attribution, the whole source phrase with its reporting verb.

EXTRACTION.md: "according to the Hellenic Coast Guard (HCG)", "the country's civil protection agency
said", "Eurostat figures showed", "the state broadcaster reported". With a parse, the source of a
figure is the nearest verb of saying, showing or finding that governs it, read with its subject,
its adverbs, whom it was told to and when ("statistical agency Eurostat announced on Monday",
"the premier told a business forum in Geneva"), or the verb by which a named
body counted the figure or set it on something ("the ministry counted 40,000", "the unions put the turnout
at 120,000"); else an "according to",
"as per" or "as reported by" phrase of the sentence. A pronoun subject ("he added") names the
person or body named before it in the sentence or the sentence before; one that cannot be resolved
is kept as written. Without a parse, "according to X" and "X said" are read from the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .syntax import reported_clause_listed, token_at
from .vocabulary import BODY_NOUNS, STAND_IN_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .numbers import Quantity


# Verbs whose subject is the source of what they govern ("the report found", "data showed").
REPORTING_LEMMAS = frozenset(
    "say tell report state claim announce estimate add note write confirm warn insist argue count record "
    "show reveal find determine emphasize emphasise declare advance explain indicate suggest quote publish "
    "release tally".split()
)
# What a reporting verb may carry beside its subject: adverbs, whom it was told to, when, by whom.
_CARRIED_DEPS = frozenset(
    {"nsubj", "nsubjpass", "advmod", "dobj", "dative", "npadvmod", "agent", "aux", "auxpass", "neg", "compound"}
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_SOURCE_PREPS_RE = re.compile(r"\b(?:according\s+to|as\s+per|as\s+reported\s+by)\b", re.IGNORECASE)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+([^,.;:]+)", re.IGNORECASE)
_SAID_RE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?:said|says|told|reported|stated|estimated)\b")


def read_attribution(span: Span, text: str, start: int, end: int, *, parsed: bool) -> str:
    """The sentence's source read from the text alone (no parse): "according to X", "X said"."""
    according = _ACCORDING_RE.search(text, start, end)
    if according:
        return _clean(according.group(0))
    if parsed:
        return ""
    said = _SAID_RE.search(text, start, end)
    return _clean(said.group(0)) if said else ""


def attribution_for(
    quantity: Quantity,
    span: Span,
    previous: Span | None,
    entities: Sequence[Span] | None = None,
    *,
    text: str | None = None,
) -> str:
    """The source phrase of ``quantity`` in the parsed sentence ``span`` (``previous``: the
    sentence before, or None, for a pronoun's speaker). ``entities``: the doc's entities in text
    order, when the caller has them (``Span.ents`` walks the whole doc at every read); ``text``:
    the doc's text, when the caller has it (``Doc.text`` and ``Span.text`` join their tokens anew)."""
    doc = span.doc
    token = token_at(doc, quantity.start, quantity.number_end or quantity.end)
    if token is None:
        return ""
    owner = _body_in_possessive(token)
    if owner is not None:
        return owner
    owner = _owner_of_the_reading(token, span, previous, entities)
    if owner is not None:
        return owner
    measured = _measured_by(token)
    if measured is not None:
        return measured
    verb = _reporting_verb(token) or _aside(span, token)
    if verb is not None:
        return _phrase(verb, token, speakers=_speakers(span, previous, before=verb, entities=entities))
    return _source_preposition(span, doc.text if text is None else text)


def _measured_by(token: Token) -> str | None:
    """A figure a passive verb sets a thing at, with "by" whom ("the quake, measured at 6.1 by the survey and 5.9 by
    the university"): that body gave the figure, whoever tells the sentence. The verb and its agent ("measured by the
    survey"); a later figure joined to the agent's noun takes the "by" the parser hung on it ("5.9 by the
    university"). None when the figure has no such agent."""
    agent = next((child for child in token.children if child.dep_ == "agent"), None)
    if agent is not None and token.dep_ == "conj":
        head = token.head
        while head.dep_ in ("pobj", "conj") and head.head.i != head.i:
            head = head.head
        verb = head if head.pos_ == "VERB" else head.head if head.dep_ == "agent" else None
    else:
        preposition = token.head
        if token.dep_ != "pobj" or preposition.lower_ not in ("at", "to"):
            return None
        verb = preposition.head
        agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    if verb is None or agent is None or verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return None
    body = next((child for child in agent.children if child.dep_ == "pobj"), None)
    if body is None or not (_is_body(body) or body.ent_type_ == "ORG"):
        return None
    # the body's own words, up to a figure joined to it ("the Institute of Seismology and 6.6 by …")
    cut = min(
        [child.i for child in body.children if child.dep_ in ("cc", "conj", "punct") and child.i > body.i],
        default=body.right_edge.i + 1,
    )
    return f"{verb.text} by {token.doc[body.left_edge.i : cut].text}"


def _body_in_possessive(token: Token) -> str | None:
    """A body in the possessive of the figure itself ("some 500 more than the ministry's 29,874", "against the
    Statistics Office's 4.1%") is whose figure it is: its source, whoever tells the sentence (the teller of "the
    agency counts 30,410 people, some 500 more than the ministry's 29,874" did not count the 29,874). The phrase as
    written, with its "'s". Not a possessive on the figure's noun ("the county's €1,200 million budget": whose
    budget, not who told it), nor one of a person or a time ("last year's 31,540")."""
    holder = token
    figure = token.head if token.dep_ in ("nummod", "compound") else token  # "of 11.2 percent"
    if figure.dep_ == "pobj" and figure.head.lower_ == "of" and figure.head.head.lemma_.lower() in _READINGS:
        holder = figure.head.head  # "the ministry's own estimate of 3,100", "the agency's initial figure of 9,870"
    owner = next((child for child in holder.children if child.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    if owner.lemma_.casefold() not in BODY_NOUNS and owner.ent_type_ != "ORG":
        return None
    words = list(owner.subtree)
    return token.doc[words[0].i : words[-1].i + 1].text


def _owner_of_the_reading(
    token: Token, span: Span, previous: Span | None, entities: Sequence[Span] | None
) -> str | None:
    """The figure is what a body's own reading was: "the union's count was 12,400"; "Its estimate for May was
    310", its standing for the body named before it in the sentence or in the sentence before (whose source, or
    else whose last named body). The owner with its "'s", as a possessive of the figure is read."""
    figure = token.head if token.dep_ in ("nummod", "compound") else token
    verb = figure.head
    if figure.dep_ != "attr" or verb.lemma_ != "be":
        return None
    reading = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if reading is None or reading.lemma_.lower() not in _READINGS:
        return None
    owner = next((child for child in reading.children if child.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ in ("NOUN", "PROPN") and _is_body(owner) or owner.ent_type_ == "ORG":
        words = list(owner.subtree)
        return token.doc[words[0].i : words[-1].i + 1].text
    if owner.lower_ not in ("its", "their"):
        return None
    here = [entity for entity in _entities_of(span, entities) if entity.label_ == "ORG" and entity.end <= owner.i]
    if here:
        return here[-1].text + "'s"
    if previous is None:
        return None
    spoke = _last_source(previous, "it")
    if spoke:
        return spoke + "'s"
    bodies = [entity.text for entity in _entities_of(previous, entities) if entity.label_ == "ORG"]
    return bodies[-1] + "'s" if bodies else None


_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})


def _reporting_verb(token: Token) -> Token | None:
    """The nearest verb of saying above ``token`` that governs it through the clause it reports
    ("officials said 2,000 people…", at any depth of it), not through its object ("the FBI recorded
    1,000 murders")."""
    word = token
    while word.head.i != word.i:
        child, word = word, word.head
        if _reports(word) and (
            child.dep_ in _COMPLEMENT_DEPS or _list_item_hung_on(child, word) or reported_clause_listed(child, word)
        ):
            if not _found_in_a_state(word, child) and not _across_a_semicolon(word, token):
                return word
        if _added_by_the_speaker(word, child):
            return word.head  # "police said 14 were arrested, adding that 3 officers were hurt": police said both
        if (
            _values_at(word, child, token)
            or _counts_object(word, child)
            or _gives_a_reading(word, child)
            or _moves_its_reading(word, child)
        ):
            return word  # "…, while the unions put the turnout at 120,000": the unions' figure
        if _subject_taken_for_the_report(word, child):
            return word
        if _listed_after_a_colon(word, child):
            return word  # "16 were foreigners, the airline said: 9 from Arland, 7 from Brisk"
        if _set_beside_by_while(word, child) or _moved_from_after_the_verb(word, child):
            return word  # "…, the ministry said on Friday, while the number of bodies recovered reached 52"
    return None


def _listed_after_a_colon(verb: Token, child: Token) -> bool:
    """A list told after a verb of saying and its colon is what the verb says, however the parser hangs it ("…, the
    airline said: 9 from Arland, 7 from Brisk")."""
    colon = next((word for word in verb.children if word.text == ":" and verb.i < word.i), None)
    return colon is not None and colon.i < child.left_edge.i and child.dep_ != "punct" and _reports(verb)


def _moved_from_after_the_verb(verb: Token, child: Token) -> bool:
    """The figure a count moved from, told after the verb of saying that tells the count ("…, the coast guard said
    on Monday, up from about 800 a year earlier"): the same speaker's."""
    return (
        child.dep_ == "advmod"
        and child.lower_ in ("up", "down")
        and child.i > verb.i
        and _reports(verb)
        and any(other.dep_ == "ccomp" and other.i < verb.i for other in verb.children)  # not "recorded 40, up from"
    )


# Words that set a clause beside what a verb of saying tells: "…, the ministry said, while/although …".
_SETTING_BESIDE = frozenset({"while", "whereas", "although", "though"})


def _set_beside_by_while(verb: Token, child: Token) -> bool:
    """A "while" or "although" clause hung on a verb of saying, with no verb of saying of its own and no body as its
    subject, is told by the same speaker: "14 have been identified, the agency said, while the number found rose to
    20"; "…, the ministry said, although the wheat crop will be smaller". Not
    "while the Red Cross has 300 volunteers there": a body's own clause, which the speaker does not tell for it."""
    if child.dep_ != "advcl" or child.i < verb.i or not _reports(verb):
        return False
    if not any(mark.dep_ == "mark" and mark.lower_ in _SETTING_BESIDE for mark in child.children):
        return False
    subject = next((word for word in child.children if word.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and not _is_body(subject) and subject.pos_ != "PRON"


def _subject_taken_for_the_report(verb: Token, child: Token) -> bool:
    """ "A fire that tore through the factory killed 14 workers, officials said": the parser gives "said" two
    subjects, the clause it reports read as a noun with its verb hung on it; the first holds the figure, the one
    right before the verb is its source."""
    if child.dep_ != "nsubj" or not _reports(verb):
        return False
    return any(other.dep_ == "nsubj" and child.i < other.i < verb.i for other in verb.children)


def _across_a_semicolon(verb: Token, token: Token) -> bool:
    """ "Police said 60,000 took part; organisers claimed a quarter of a million": a semicolon ends what a verb of
    saying reports, wherever the parse hangs the clause after it."""
    low, high = sorted((verb.i, token.i))
    return any(word.text == ";" for word in token.doc[low:high])


def _found_in_a_state(verb: Token, child: Token) -> bool:
    """ "Rescuers found 7 alive": a verb of finding with a state, not a finding reported ("a study found that …")."""
    return verb.lemma_.lower() == "find" and child.pos_ == "ADJ"


def _added_by_the_speaker(verb: Token, child: Token) -> bool:
    """A participle of saying with no subject of its own reports for the speaker of the verb it hangs from, whatever
    that verb does ("police said 14 were arrested, adding that 3 officers were hurt"; "the city's mayor gave a far
    higher figure, saying some 5,300 people had died")."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.lemma_.lower() in REPORTING_LEMMAS
        and child.dep_ in _COMPLEMENT_DEPS
        and _source_of(verb) is None
        and (_reports(verb.head) or _source_of(verb.head) is not None)
    )


# A place that counted is where the figure is; a body named after one is tagged ORG ("NHS England recorded").
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Verbs by which a body that counts states the figure it counted ("the ministry counted 40,000", "officials
# confirmed 12").
_COUNTING_LEMMAS = frozenset({"count", "record", "tally", "report", "confirm", "list"})


def _counts_object(verb: Token, child: Token) -> bool:
    """The figure is what a named body counted: the object of a verb of counting."""
    source = _source_of(verb)
    return (
        verb.lemma_.lower() in _COUNTING_LEMMAS
        and child.dep_ == "dobj"
        and source is not None
        and source.ent_type_ not in _PLACE_ENTS  # "Kerala recorded 1,136 cases": where they are, not who says
        and not any(word.dep_ == "neg" for word in verb.children)  # "have not confirmed at least 1,000"
    )


# Verbs by which a body gives out a reading of a count ("the ministry gave a toll of 3,100"), and the readings.
_GIVING_LEMMAS = frozenset({"give", "issue", "publish", "release"})
_READINGS = STAND_IN_NOUNS | {"toll", "estimate"}


def _gives_a_reading(verb: Token, child: Token) -> bool:
    """The figure is a reading a named subject gave out: "the health ministry gave a far lower toll of 3,100"."""
    return (
        verb.lemma_.lower() in _GIVING_LEMMAS
        and child.dep_ == "dobj"
        and child.lemma_.lower() in _READINGS
        and _source_of(verb) is not None
    )


def _moves_its_reading(verb: Token, child: Token) -> bool:
    """The figure is where a named subject moved its own reading to: "the ministry raised its estimate of the
    dead to 310", "the league cut their count to 40"."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(
            other.dep_ == "dobj"
            and other.lemma_.lower() in _READINGS
            and any(owner.dep_ == "poss" and owner.lower_ in ("its", "their") for owner in other.children)
            for other in verb.children
        )
        and _source_of(verb) is not None
    )


# Verbs by which someone sets a figure on a thing ("put the toll at 2,100", "estimated the crowd at 40,000").
_VALUING_LEMMAS = frozenset({"put", "place", "peg", "estimate", "measure", "rate"})
# Verbs by which someone moves the figure it set on a thing ("revised the quake's magnitude to 6.9").
_REVISING_LEMMAS = frozenset({"revise", "upgrade", "downgrade"})
# Of those, the verbs whose subject gives the figure only when it is a body: a thing can be measured or revised.
_BODY_ONLY_LEMMAS = frozenset({"measure", "rate"}) | _REVISING_LEMMAS


def _values_at(verb: Token, child: Token, token: Token) -> bool:
    """The figure is the value a named subject sets on something: "at" under a verb of valuing, or under its object,
    where the parser often hangs it ("while the insurer estimated the losses at 40 million")."""
    at = child.dep_ == "prep" and (
        child.lower_ == "at" or child.lower_ in ("to", "from") and verb.lemma_.lower() in _REVISING_LEMMAS
    )
    on_the_object = child.dep_ == "dobj" and any(
        grandchild.dep_ == "prep" and grandchild.lower_ == "at" and _holds(grandchild, token)
        for grandchild in child.children
    )
    lemma = verb.lemma_.lower()
    if not (lemma in _VALUING_LEMMAS | _REVISING_LEMMAS and (at or on_the_object)):
        return False
    source = _source_of(verb)
    if lemma in _BODY_ONLY_LEMMAS:
        # "the institute measured the quake at 6.8", not "the annual rate was revised to 10.7%"
        return source is not None and (_is_body(source) or source.ent_type_ in ("ORG", "PERSON"))
    return source is not None


def _list_item_hung_on(child: Token, verb: Token) -> bool:
    """A later item of a list the parser hung on the verb of saying ("Eurostat noted that the lowest rates
    were registered in France (7.1%), Spain (7.3%) and Malta (7.4%)": Spain and Malta hang from "noted"),
    when the verb has an active subject and reports a clause."""
    return (
        child.dep_ in ("npadvmod", "dep")
        and child.pos_ == "PROPN"
        and any(other.dep_ == "nsubj" for other in verb.children)
        and any(other.dep_ == "ccomp" for other in verb.children)
    )


def _reports(verb: Token) -> bool:
    return verb.lemma_.lower() in REPORTING_LEMMAS and _verb_or_taken_for_a_noun(verb) and _source_of(verb) is not None


def _verb_or_taken_for_a_noun(token: Token) -> bool:
    """A verb, or the sentence's root the tagger took for a noun though it reports a clause ("…, the new FBI
    data shows": "data shows" read as a noun phrase, with the clause hung on it)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "ROOT" and any(child.dep_ == "ccomp" for child in token.children)


def _source_of(verb: Token) -> Token | None:
    """Who the verb says speaks: its subject, a noun the parser hung before it ("the new FBI data
    shows"), or the noun after it when the order is turned ("…, reported news agency ANI")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (child.dep_ == "compound" and child.i < verb.i):
            # "the alliance, which reported 17,410" speaks; not "which claimed 86 lives"
            source = _antecedent(child) if child.lower_ in _RELATIVE_PRONOUNS else child
            if source is None or any(part.like_num and part.ent_type_ != "DATE" for part in _own_words(source)):
                return None  # "3 per cent of respondents said": a finding; not "the 2024 report counted"
            return source
    after = [child for child in verb.children if child.dep_ == "dobj" and child.i > verb.i]
    if after and any(child.dep_ == "ccomp" and child.i < verb.i for child in verb.children):
        return after[0]
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The named body a relative pronoun subject stands for: the noun its clause hangs on ("the Safe Harbour
    Trust, which reported 4,210"), or the body above it when the parser hung the clause on a later noun ("an
    estimate by the Orrin Group, a firm that advises insurers, which put losses at 40 million": the Orrin Group),
    the body itself for its apposition ("a firm"). None when no body is above it ("a fire which claimed 86
    lives")."""
    clause = pronoun.head
    if clause.dep_ != "relcl":
        return None
    word = clause.head
    while not _is_body(word):
        if word.head.i == word.i or word.dep_ in ("ccomp", "conj", "advcl", "parataxis"):
            return None
        word = word.head
    while word.dep_ == "appos" and _is_body(word.head):
        word = word.head
    return word


def _is_body(word: Token) -> bool:
    """A noun that names a body or a person: "the alliance", "the Orrin Group", "Ms Varga"; not a kind of body
    ("a firm that advises insurers": insurers at large)."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    if word.ent_type_ in ("ORG", "PERSON"):
        return True
    return word.lemma_.lower() in BODY_NOUNS and any(child.dep_ in ("det", "poss") for child in word.children)


def _name(noun: Token) -> str:
    """A body's own words, without its clauses and commas: what a relative pronoun is read as."""
    words = sorted((word for word in _own_words(noun) if not word.is_punct), key=lambda word: word.i)
    return _clean("".join(word.text_with_ws for word in words))


def _own_words(noun: Token) -> list[Token]:
    """A noun phrase without the clauses on it: "the company, which employs 9,000 people," is the company."""
    clauses = [child for child in noun.children if child.dep_ in ("relcl", "acl", "appos")]
    inside = {word.i for clause in clauses for word in clause.subtree}
    return [word for word in noun.subtree if word.i not in inside]


def _aside(span: Span, token: Token) -> Token | None:
    """A reporting clause set beside the sentence ("Moreover, he adds, 2023 marks…"): a verb of saying
    with a source and nothing it reports, hanging from the sentence's main verb."""
    for word in span:
        if word.dep_ == "parataxis" and _reports(word) and not any(c.dep_ in ("ccomp", "dobj") for c in word.children):
            return word
    return None


def _phrase(verb: Token, token: Token, *, speakers: list[str]) -> str:
    """The reporting verb with what it carries, without the clause that holds the figure."""
    held = {word.i for child in verb.children if _holds(child, token) for word in _holding(child, token).subtree}
    words = {verb.i}
    for child in verb.children:
        if child.i not in held and _holds(child, token):
            words.update(word.i for word in child.subtree if word.i not in held)  # "estimated the losses" (at …)
            continue
        if child.i in held or not (_carried(child) or _is_as_saying(child)):
            continue
        if any(word.like_num for word in child.subtree) and child.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "Spain (7.3%)" the parser hung on "noted": figures, not the source
        if verb.i < token.i < child.left_edge.i and (
            child.dep_ not in _TOLD_AFTER_DEPS or (child.dep_ == "npadvmod" and child.ent_type_ not in ("DATE", "TIME"))
        ):
            continue  # "put the magnitude at 6.4, the strongest tremor in decades": a second object, of the figure
        words.update(word.i for word in child.subtree)
        if verb.i < token.i:
            words -= _told_after(child, token)
    if verb.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children):
        words.update(child.i for child in verb.children if child.lower_ == "as")  # "as reported by the NBS"
    # A clause told after the figure, not carried: "the county listed 40 people as unaccounted for on Monday"
    held |= {
        word.i
        for child in verb.children
        if child.dep_ == "advcl" and child.i > token.i and child.i not in words
        for word in child.subtree
    }
    tokens = [word for word in verb.doc[min(words) : max(words) + 1] if word.i not in held]
    return _clean(_resolved(tokens, speakers, verb))


# What a source phrase keeps of what its verb, told before the figure, carries after it: when and how it was said
# ("the unions put the turnout at 90,000 on Monday").
_TOLD_AFTER_DEPS = frozenset({"prep", "advmod", "npadvmod", "nsubj", "nsubjpass"})


def _told_after(child: Token, token: Token) -> set[int]:
    """An apposition told after the figure, which the parser hung on a word of the source phrase ("the centre put
    the magnitude at 6.9, the strongest tremor in decades"): it describes the figure, not who gave it."""
    return {word.i for appos in child.subtree if appos.dep_ == "appos" and appos.i > token.i for word in appos.subtree}


def _carried(child: Token) -> bool:
    """What a reporting phrase keeps of the verb's dependents: its subject, adverbs, addressee and
    time ("Eurostat announced on Monday"), not a prepositional phrase about something else ("the FBI
    reported in its annual summary", "…, with coastal towns devastated")."""
    if child.dep_ == "prep":
        objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
        return bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")
    if child.dep_ in ("det", "amod") and child.head.pos_ not in ("VERB", "AUX") and child.i < child.head.i:
        return True  # "the new FBI data shows" taken for a noun phrase: its words are the subject's
    return child.dep_ in _CARRIED_DEPS


def _holding(child: Token, token: Token) -> Token:
    """What of ``child`` holds the figure: the "at" on an object of a verb of valuing ("estimated the losses at
    40 million"), else the child itself."""
    if child.dep_ == "dobj" and child.head.lemma_.lower() in _VALUING_LEMMAS:
        for grandchild in child.children:
            if grandchild.dep_ == "prep" and grandchild.lower_ == "at" and _holds(grandchild, token):
                return grandchild
    return child


def _holds(child: Token, token: Token) -> bool:
    return child.i == token.i or any(word.i == token.i for word in child.subtree)


def _is_as_saying(child: Token) -> bool:
    """ "was quoted by The Kathmandu Post as saying"."""
    return child.dep_ in ("advcl", "prep") and child.lower_ in ("as", "saying")


def _resolved(tokens: Iterable[Token], speakers: list[str], verb: Token) -> str:
    """The words of the phrase, a pronoun subject replaced by the speaker it names."""
    out = []
    for word in tokens:
        antecedent = _antecedent(word) if word.lower_ in _RELATIVE_PRONOUNS and word.head.i == verb.i else None
        if antecedent is not None:
            out.append(_name(antecedent) + word.whitespace_)  # "…, which put the losses at": who "which" is
        elif word.lower_ in _PRONOUNS and word.dep_ in ("nsubj", "nsubjpass") and speakers:
            out.append(speakers[-1] + word.whitespace_)
        else:
            out.append(word.text_with_ws)
    return "".join(out)


def _speakers(span: Span, previous: Span | None, *, before: Token, entities: Sequence[Span] | None = None) -> list[str]:
    """People and bodies named before ``before`` in the sentence, else in the sentence before."""
    here = [
        entity.text
        for entity in _entities_of(span, entities)
        if entity.label_ in ("PERSON", "ORG") and entity.end <= before.i
    ]
    if here:
        return here
    if previous is None:
        return []
    pronoun = next((child.lower_ for child in before.children if child.dep_ in ("nsubj", "nsubjpass")), "")
    spoke = _last_source(previous, pronoun)
    if spoke:
        return [spoke]
    return [entity.text for entity in _entities_of(previous, entities) if entity.label_ in ("PERSON", "ORG")]


def _last_source(span: Span, pronoun: str) -> str:
    """Who the last verb of saying of ``span`` names as its source, as written ("the force's chief constable"
    of "…, the force's chief constable said."): whom a pronoun of the next sentence names, though no entity names
    them. Empty when the source is itself a pronoun or no verb of saying has one."""
    verbs = [word for word in span if _reports(word)]
    source = _source_of(verbs[-1]) if verbs else None
    if source is None or source.lower_ in _PRONOUNS or source.pos_ == "PRON":
        return ""
    if pronoun in ("he", "she") and (source.ent_type_ in ("ORG", "GPE", "NORP") or source.lemma_.lower() in BODY_NOUNS):
        return ""  # "The agency warned …. He advances": he is someone else
    words = sorted(_own_words(source), key=lambda word: word.i)
    return _clean("".join(word.text_with_ws for word in words))


def _entities_of(span: Span, entities: Sequence[Span] | None) -> Sequence[Span]:
    """The entities inside ``span``: from the doc's list when given (cheap), else ``span.ents``."""
    if entities is None:
        return span.ents
    starts = [entity.start for entity in entities]
    first, last = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
    return [entity for entity in entities[first:last] if entity.end <= span.end]


def _source_preposition(span: Span, text: str) -> str:
    """ "according to the NBS", "as per the Nepal airport authority" anywhere in the sentence
    (``text``: the doc's)."""
    sentence = text[span.start_char : span.end_char]  # span.text, without joining its tokens
    found = _SOURCE_PREPS_RE.search(sentence)
    if found is None:
        return ""
    start = span.start_char + found.start()
    words = [word for word in span if word.idx >= start]
    head = next((word for word in words if word.lower_ in ("to", "per", "by")), None)
    objects = [child for child in head.children if child.dep_ == "pobj"] if head is not None else []
    if not objects:
        according = _ACCORDING_RE.search(sentence)
        return _clean(according.group(0)) if according else ""
    head_noun = objects[0]
    last = head_noun.right_edge
    comma = next((word for word in head_noun.subtree if word.i > head_noun.i and word.text == ","), None)
    if comma is not None:
        last = span.doc[comma.i - 1]  # "according to Forbes, such as …": the source ends at the comma
    clause = next((child for child in head_noun.children if child.dep_ == "relcl" and child.i > head_noun.i), None)
    if clause is not None and clause.left_edge.i - 1 < last.i:
        last = span.doc[clause.left_edge.i - 1]  # "according to survey data that show …": the data
    return _clean(text[start : last.idx + len(last.text)])


def _clean(source: str) -> str:
    return " ".join(source.split()).strip(" ,;:\"“”'’")
