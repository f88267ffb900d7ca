"""What a count is of, read from the parse: the counted noun, its own modifiers, and its verb.

"68 bodies were recovered", "22 bodies were identified", "the bodies of 42 victims were handed over",
"the toll in Tacloban alone": the unit field says "body" (or "death") for all of them; what tells them
apart is the noun's modifiers and the verb that governs the number. The linker weighs these words as
evidence of one subject (`claims.linking.rules`), instead of a bag of words around the number.
The verb is the one that tells what befell the counted: not the sentence's verb for the whole of a
partitive ("of the 70 recovered ones, 42 have been identified": 70 recovered), and none but "unfound"
when the sentence says it has not happened yet ("four bodies have not been recovered").

Read-only over the parse, additive: no other field of a claim depends on it. spaCy's types are
imported for the type checker only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sources import REPORTING_LEMMAS
from .syntax import opens_clause, stand_in_antecedent, subject_taken_as_object, valued_object
from .vocabulary import BODY_NOUNS, PART_PREPOSITIONS, PEOPLE_WORDS, STAND_IN_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that say nothing of what is counted: being, having, reporting, moving in value. Of the verbs by which a
# count reaches a figure (vocabulary.LEVEL_VERBS, which names a unit by its subject), only the rising ones are
# here: "fell", "passed", "topped" … stay a count's own verb (made empty: two audit look-alikes more, one fewer).
_EMPTY_VERBS = frozenset(
    """be have say tell report announce add state show put stand reach rise climb jump increase grow
    hit total number bring make include estimate confirm put remain count do get accord""".split()
)
# Verbs by which a count falls to its figure: unlike the rising ones (empty), they say what befell it, and their
# subject still says what is counted ("the number of people missing fell to 31").
_FALLING_VERBS = frozenset({"fall", "drop", "decline", "decrease", "dip", "shrink"})
# Modifiers of the counted noun that say nothing of which ones are counted.
_EMPTY_MODIFIERS = frozenset("""other more additional new further extra least total some many""".split())
# Dependencies of a noun's own modifiers: adjectives, nouns compounding it, participles and clauses on it.
_NOUN_MODIFIERS = frozenset({"amod", "compound", "acl", "relcl", "poss", "nmod"})
MAX_WORDS = 8


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).casefold()


def _content(token: Token) -> bool:
    return token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and not token.like_num and token.is_alpha


def _counted_noun(number: Token, own: range) -> Token | None:
    """The noun the number counts: the head it modifies, or "of"'s object ("72 of the passengers")."""
    token = number
    while token.dep_ in ("compound", "quantmod", "nummod") and token.head.i != token.i and token.head.like_num:
        token = token.head  # "2.5 million": the number's own words
    if token.dep_ in ("nummod", "quantmod", "compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        head = token.head
        if head.dep_ == "nmod" and head.head.tag_ == "NNS" and head.head.i > head.i:
            return head.head  # "a record 2,086 people": the parser hangs the number on the noun that qualifies
        return head
    if token.pos_ in ("NOUN", "PROPN") and not token.like_num and token.i not in own:
        return token
    for child in token.children:  # "72 of the passengers", "70 of them"
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [word for word in child.children if word.dep_ == "pobj" and word.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
            pronouns = [word for word in child.children if word.dep_ == "pobj" and word.lower_ in _GROUP_PRONOUNS]
            if pronouns:
                return _group_before(pronouns[0])
    return None


# The tag of a count that is a part of a group its sentence has just counted ("1,390 of them").
PART_OF_GROUP = "p:group"
# Pronouns that take a part of a group just named ("2,108 people were injured, 1,390 of them seriously").
_GROUP_PRONOUNS = frozenset({"them", "whom", "those", "these", "which"})


def _of_group(number: Token) -> bool:
    """Is the number a part taken "of" a group the sentence names without counting it: a pronoun ("1,390 of
    them", "41 of whom"), the people named by what befell them ("six of the injured", "two of the dead"), or a
    group told before, named again with "the" and no number of its own ("tests have confirmed 58 of the cases")?"""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(
            word.dep_ == "pobj" and (word.lower_ in _GROUP_PRONOUNS | _FATE_WORDS or _told_before(word))
            for word in child.children
        )
        for child in number.children
    )


def _whole_before(number: Token) -> Token | None:
    """The figure a bare number is a part of ("the quake has killed 127 people, the agency said, including 90 in the
    province"; "the toll rose to 2,946, including 1,643 in the south"): the nearest number before the "including" or
    "among" the number hangs on, in its sentence. None for a number with a noun of its own ("including 12 children")
    or hung on anything else."""
    if number.dep_ != "pobj" or number.head.lower_ not in PART_PREPOSITIONS:
        return None
    for token in reversed(number.doc[number.sent.start : number.head.i]):
        if token.like_num and token.ent_type_ not in ("DATE", "TIME", "ORDINAL"):
            return token
    return None


# What may open a member of a list: a colon, a comma, "and" (after a comma or not).
_LIST_OPENERS = frozenset({":", ",", "and", ";"})


def _list_member(number: Token) -> bool:
    """Is the number a bare member of a list, "N from X": opened by a colon, a comma or "and", and followed by a
    preposition (the gapped rest of its member's clause)?"""
    doc = number.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    before = doc[number.i - 1] if number.i > number.sent.start else None
    return (
        after is not None
        and after.pos_ == "ADP"
        and after.dep_ == "prep"
        and before is not None
        and before.lower_ in _LIST_OPENERS
    )


def _listed_after(number: Token) -> Token | None:
    """The number with a noun of its own that a bare member of a gapped list ("Three passengers came from X and two
    from Y") is told after, walking back in its sentence over bare members like it. None when the number is no such
    member, when the number before it is bare and no member either ("between 10 and 20 in the south"), or across a
    colon: the members of a breakdown ("16 foreigners were on board: 11 from X, three from Y") are parts of another
    kind (the noun of their whole, lent to them, kept them from a later "three passengers came from Y")."""
    if not _list_member(number):
        return None
    for token in reversed(number.doc[number.sent.start : number.i]):
        if token.lower_ == ":":
            return None
        if not token.like_num or token.ent_type_ in ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"):
            continue
        noun = _counted_noun(token, range(token.i, token.i + 1))
        if noun is not None and noun.i > token.i:
            return token
        if noun is not None or not _list_member(token):
            return None
    return None


def _denominator(number: Token, noun: Token) -> bool:
    """Is the noun the parse gives the number the denominator of its rate ("5.0 per 100,000 people", "about 5 per
    100,000 residents"): after "per", with no noun between the number and "per" ("352.4 offenses per 100,000
    people" counts offenses)?"""
    if noun.i <= number.i:
        return False
    between = number.doc[number.i + 1 : noun.i]
    return any(word.lower_ == "per" and word.nbor().like_num for word in between)  # not "0.6 per cent growth"


def _counted_in_apposition(number: Token) -> Token | None:
    """The number counting a noun that a bare number is set beside, in apposition ("counts 30,410 people, some 500
    more than the ministry's 29,874", "reported 1,200 cases, about 300 fewer than in May"): the bare number counts
    what that noun counts. None for a noun no number counts ("the town, 12,000 strong")."""
    if number.dep_ != "appos" or number.head.pos_ != "NOUN" or number.head.like_num:
        return None
    return next((child for child in number.head.children if child.dep_ == "nummod" and child.like_num), None)


def _told_before(noun: Token) -> bool:
    """A plural noun named again as a group already told ("the cases", "these patients"), counted by no number of
    its own ("12 of the 68 bodies" is a partitive with its whole, read apart)."""
    return (
        noun.pos_ == "NOUN"
        and noun.tag_ == "NNS"
        and any(child.dep_ == "det" and child.lower_ in ("the", "these", "those") for child in noun.children)
        and not any(child.like_num or child.dep_ == "poss" for child in noun.children)
    )


def _group_before(pronoun: Token) -> Token | None:
    """The counted noun a group pronoun stands for: the nearest noun before it in its sentence that a number
    counts ("2,108 people …, 1,390 of whom")."""
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.pos_ == "NOUN" and any(child.like_num and child.dep_ == "nummod" for child in token.children):
            return token
    return None


# A count told as added to another ("another 171", "a further 300 homes") carries what the count before it in
# its sentence, or the sentence before, says befell its counted: ``a:`` and that count's verb (else its noun).
# The linker tells an increment ("16 bodies were recovered. Another two were recovered") from a group of
# another fate ("312 people were killed. Another 171 were injured": besides the dead, not more of them).
ADDED_TO = "a:"
_ADDING = frozenset({"another", "additional", "further", "extra"})


def _added_to(number: Token, noun: Token | None) -> str | None:
    """The ``a:`` word of a count told as added to another, or None (see ADDED_TO)."""
    heads = [number] if noun is None else [number, noun]
    if not any(child.lower_ in _ADDING for head in heads for child in head.children):
        return None
    for token in reversed(_told_before_in(number)):
        if token.like_num and token.ent_type_ == "CARDINAL" and token.dep_ in ("nummod", "nsubj", "nsubjpass", "dobj"):
            earlier = counted_words(token.doc, token.idx, token.idx + len(token), added=False)
            told = [word for word in earlier if word.startswith("v:")] or [w for w in earlier if w.startswith("n:")]
            return f"{ADDED_TO}{told[0][2:]}" if told else None
    return None


def _told_before_in(token: Token) -> Span:
    """What was told before the token in its sentence and the sentence before: where a count it refers back to is."""
    start = token.sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    return token.doc[start : token.i]


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above the token within its clause (or the clause's own head when it is a verb). An
    auxiliary the parser hung the subject on ("22 people are missing": "people" on "are") stands for its verb."""
    word = token
    for _ in range(6):
        if word.pos_ in ("VERB", "AUX") and word.i != token.i:
            return word.head if word.dep_ in ("aux", "auxpass") and word.head.pos_ == "VERB" else word
        if opens_clause(word) or word.head.i == word.i:
            return word if word.pos_ in ("VERB", "AUX") else None
        word = word.head
    return None


def _stranded_subject_verb(number: Token) -> Token | None:
    """The verb a number is the subject of when the parser hung it on a noun as its conjunct ("forced from their
    homes and 6,950 were sleeping in shelters": 6,950 read as one of the homes): the verb right after it, or the
    verb its auxiliary serves, when that verb has no subject of its own."""
    if number.dep_ != "conj" or number.head.pos_ not in ("NOUN", "PROPN") or number.head.like_num:
        return None
    follower = number.doc[number.i + 1] if number.i + 1 < number.sent.end else None
    if follower is None or follower.pos_ not in ("AUX", "VERB"):
        return None
    verb = follower.head if follower.dep_ in ("aux", "auxpass") and follower.head.pos_ == "VERB" else follower
    if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children):
        return None
    return verb


def _gapped_participle(noun: Token) -> Token | None:
    """The participle of a count coordinated with another whose auxiliary it shares ("103 survivors had been rescued
    from the ferry and 11 bodies recovered": the 11 were recovered, not rescued), where the parser hung the noun on
    the phrase before it as its conjunct: the past participle right after the noun, with no subject of its own. Each
    counted noun of such a list counts its own participle."""
    if noun.dep_ != "conj" or noun.i + 1 >= noun.sent.end:
        return None
    follower = noun.doc[noun.i + 1]
    if follower.pos_ != "VERB" or follower.tag_ not in ("VBN", "VBD") or follower.i in {t.i for t in noun.ancestors}:
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in follower.children):
        return None
    return follower


def _modifiers(noun: Token, own: range) -> list[str]:
    """The noun's own modifiers: adjectives, compounds, participles and clauses on it, and the nouns
    of its prepositional phrases ("the toll in Tacloban", "bodies of victims")."""
    words = []
    for child in noun.children:
        if child.i in own or child.like_num:
            continue
        if child.dep_ in _NOUN_MODIFIERS and _content(child) and _lemma(child) not in _EMPTY_MODIFIERS:
            words.append(f"m:{_lemma(child)}")
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _content(pobj):
                    words.append(f"m:{_lemma(pobj)}")
                    if _lemma(noun) in STAND_IN_NOUNS and child.lower_ == "of":
                        words += _modifiers(pobj, own)  # "the number of people killed": killed
    return words


def _measured_by(noun: Token) -> list[str]:
    """The noun whose value the counted phrase is, when it is the object of that noun's "of" ("a death
    toll of 93 individuals", "the bodies of 21 victims"): it says what the figure measures, and its own
    compounds with it ("death")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
        return []
    head = preposition.head
    if head.pos_ != "NOUN" or head.like_num or not _content(head):
        return []
    compounds = [f"m:{_lemma(child)}" for child in head.children if child.dep_ == "compound" and _content(child)]
    return [f"m:{_lemma(head)}", *compounds]


def _state_brought_about(anchor: Token, verb: Token | None) -> Token | None:
    """The participle of a "have X Y-ed" (a state someone brought its object to) that the figure tells the degree
    of ("crews had the fire 65% contained", "by evening firefighters had the blaze 40% contained"): what befell the
    figure's object, hung by the parse on the object, on the figure, or on "have" itself. Never the subject of "have",
    who brought it about."""
    if verb is None or _lemma(verb) != "have" or verb.dep_ in ("aux", "auxpass"):
        return None
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    if not objects:
        return None
    hung = [
        *(child for child in verb.children if child.dep_ in ("ccomp", "xcomp", "advcl", "oprd", "acomp")),
        *(child for child in objects[0].children if child.dep_ in ("acl", "amod")),
        *(child for child in anchor.children if child.dep_ in ("acl", "amod")),
    ]
    return next((word for word in hung if word.tag_ == "VBN" and word.i > objects[0].i), None)


def _brought_about(anchor: Token, verb: Token | None, *, statistic: bool) -> tuple[Token | None, list[str]]:
    """The verb of a figure whose verb is the "have" of a state brought about (`_state_brought_about`): its
    participle, and for a statistic what was brought to that state ("crews had the fire 65% contained": contained, and
    ``s:fire``); else the verb, and nothing."""
    participle = _state_brought_about(anchor, verb)
    if participle is None or verb is None:
        return verb, []
    return participle, _changed_subject(verb, anchor) if statistic else []


def _partitive_whole(anchor: Token, own: range) -> bool:
    """Is the counted phrase the whole a part is taken from: the object of "out of", of an "of" after a
    number ("12 of the 68"), or of an "of" that opens the clause ("Of the 68 bodies …, 12 have …")?"""
    preposition = anchor.head
    if anchor.dep_ != "pobj" or preposition.lower_ != "of" or preposition.i == anchor.i:
        return False
    head = preposition.head
    if head.i in own:
        return False  # "12 of the 20 hikers": the number is the part, the hikers only what it counts
    return head.lower_ == "out" or head.like_num or (head.pos_ in ("VERB", "AUX") and preposition.i < head.i)


def _own_verb(noun: Token | None) -> Token | None:
    """The verb of a noun's own participle or clause ("the 70 recovered ones", "the 72 people who died")."""
    if noun is None:
        return None
    return next(
        (child for child in noun.children if child.dep_ in ("acl", "relcl", "amod") and child.pos_ == "VERB"), None
    )


# Verbs of finding the lost: a count of those they have not yet befallen is a count of the missing.
_FINDING = frozenset("find recover locate retrieve trace rescue identify".split())


def _undone(verb: Token | None) -> Token | None:
    """The verb, when the sentence says it has not (yet) happened: negated ("have not been recovered"), or
    the "yet to be" of an empty verb ("are yet to be found": the "found")."""
    if verb is None:
        return None
    if any(child.dep_ == "neg" for child in verb.children):
        return verb
    if _lemma(verb) == "be" and any(child.lower_ == "yet" for child in verb.children):
        return next((child for child in verb.children if child.dep_ == "xcomp" and child.pos_ == "VERB"), None)
    return None


def _part_noun(anchor: Token) -> Token | None:
    """The noun of the part a partitive's whole is taken from ("42 bodies out of the 70 …": bodies)."""
    head = anchor.head.head
    if head.lower_ == "out":
        head = head.head
    return head if head.pos_ == "NOUN" and _content(head) else None


def _nationality(noun: Token) -> list[str]:
    """``g:`` the nationality a count is of, by the parse's entities ("five Indians", "53 Nepalese
    passengers"): such a count is a group within the people of a story, never their whole."""
    found = [noun] if noun.ent_type_ == "NORP" else []
    found += [child for child in noun.children if child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP"]
    return [f"g:{word.lower_}" for word in found]


def _trailing_participle(anchor: Token) -> Token | None:
    """A past participle right after a bare whole ("out of 70 recovered so far"): the whole's own verb."""
    doc = anchor.doc
    follower = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    return follower if follower is not None and follower.tag_ == "VBN" else None


def _whole_participle(anchor: Token, verb: Token) -> bool:
    """Is the verb found for a part the participle of its partitive's whole ("42 bodies out of 70
    recovered so far have been identified", parsed with "recovered" as the part's verb)?"""
    for preposition in anchor.children:
        if preposition.lower_ == "out":
            preposition = next((child for child in preposition.children if child.lower_ == "of"), preposition)
        if preposition.lower_ != "of" or preposition.dep_ != "prep":
            continue
        whole = [child for child in preposition.children if child.dep_ == "pobj"]
        if whole and verb.i == max(token.i for token in whole[0].subtree) + 1 and verb.tag_ == "VBN":
            return True
    return False


def _valued_object(anchor: Token, verb: Token | None) -> Token | None:
    """The object whose new value the number is: "raised the number of dead to 2,460", "put the toll at
    2,100", "revised its forecast down to 4.5%". The verb says only that the figure was set or moved."""
    return valued_object(anchor, verb, ("to", "at"), _content)


def _next_verb(verb: Token) -> Token | None:
    """The first verb after this one, outside its own phrase, in the same sentence."""
    inside = {token.i for token in verb.subtree}
    return next(
        (token for token in verb.doc[verb.i + 1 : verb.sent.end] if token.pos_ == "VERB" and token.i not in inside),
        None,
    )


def _verb_words(
    anchor: Token, verb: Token | None, noun: Token | None, own: range, *, statistic: bool = False
) -> list[str]:
    """What the verb over the counted says of it: the object it sets at the figure, "unfound" for a verb of
    finding not yet done, the verb itself, or (for an empty verb) its subject and complement."""
    words: list[str] = []
    valued = _valued_object(anchor, verb) if noun is None else None
    undone = _undone(verb)
    if valued is not None:
        words.append(f"n:{_lemma(valued)}")
        words += _modifiers(valued, own) or _added_by_subject(valued, verb) or _told_before_stand_in(valued)
    elif undone is not None:
        # "four bodies have not been recovered", "two are yet to be found": those not yet found; another
        # undone verb says only what did not befall them, never what did.
        if _lemma(undone) in _FINDING:
            words.append("m:unfound")
    elif verb is not None and _reaches_a_place(verb):
        words.append("v:arrive")  # "more than 12,000 migrants have reached Italy": those who arrived there
    elif verb is not None and verb.pos_ == "VERB" and _lemma(verb) not in _EMPTY_VERBS:
        words += _full_verb_words(verb, anchor, noun, own, statistic=statistic)
    elif verb is not None:
        # "the toll stood at 1,000", "bodies … were 68": an empty verb; its subject is what is counted.
        words += _subject_words(verb, anchor, noun, own)
        complement = next((child for child in verb.children if child.dep_ in ("acomp", "oprd")), None)
        if complement is not None and _content(complement):
            words.append(f"v:{_lemma(complement)}")  # "70 were confirmed dead"
        if _lemma(verb) in _STATE_VERBS:
            words += _state_of(verb)  # "260 people remain in hospital", "54,000 are still in shelters"
    if verb is not None and undone is None and _to_safety(verb):
        words.append("v:rescue")  # "rescuers have brought 6,015 people to safety", "airlifted to safety": the rescued
    if statistic and verb is not None and valued is None and undone is None:
        if noun is None or _lemma(noun) in _MEASURE_NOUNS:
            words += _changed_subject(verb, anchor)  # which statistic moved ("core inflation eased to 2.5%")
    return words


def _full_verb_words(verb: Token, anchor: Token, noun: Token | None, own: range, *, statistic: bool) -> list[str]:
    """What a verb that is not empty says of the counted: itself (with its particle), and what its phrases add."""
    particle = next((child.lower_ for child in verb.children if child.dep_ == "prt"), "")
    words = [f"v:{_lemma(verb)}{' ' + particle if particle else ''}"]
    if _out_of_home(verb):
        words.append("v:displace")  # "forced from their homes", "have left their homes": the displaced
    if _cared_for_injury(verb):
        words.append("v:injure")  # "2,059 people were being treated for injuries": the injured
    if _lemma(verb) in _DWELLING:
        words += _state_of(verb)  # "24,910 were being housed in shelters": those in the shelters
    if _lemma(verb) in _FALLING_VERBS and not statistic:
        # "the number of people missing fell to 31": a verb that moves a count down names it by its subject too
        words += _subject_words(verb, anchor, noun, own)
    return words


_HOMES = frozenset({"home", "house"})


def _out_of_home(verb: Token) -> bool:
    """The verb puts those counted out of their homes: "from" or "out of" their homes ("forced from their homes",
    "driven out of their houses"), or homes as what they left ("have left their homes")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "out"):
            if any(word.dep_ == "pobj" and _lemma(word) in _HOMES for word in child.subtree):
                return True
        if child.dep_ == "dobj" and _lemma(child) in _HOMES and _lemma(verb) in ("leave", "abandon", "flee", "lose"):
            return True
    return False


_CARE = frozenset({"treat", "hospitalise", "hospitalize", "admit"})
_INJURIES = frozenset({"injury", "wound", "burn"})


def _cared_for_injury(verb: Token) -> bool:
    """Care given for an injury ("treated for injuries", "admitted to hospital with burns"): those cared for are the
    injured, as well as patients."""
    return _lemma(verb) in _CARE and any(
        child.dep_ == "prep"
        and child.lower_ in ("for", "with")
        and any(word.dep_ == "pobj" and _lemma(word) in _INJURIES for word in child.children)
        for child in verb.children
    )


def _to_safety(verb: Token) -> bool:
    """The verb takes those counted to safety ("brought 6,015 people to safety", "were airlifted to safety"): whatever
    the verb, they were rescued."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(word.dep_ == "pobj" and _lemma(word) == "safety" for word in child.children)
        for child in verb.children
    )


def _reaches_a_place(verb: Token) -> bool:
    """ "Reach" with a place for its object ("12,000 migrants have reached Italy") is arriving there, not the empty
    verb by which a count reaches a figure ("the toll reached 900")."""
    return _lemma(verb) == "reach" and any(
        child.dep_ == "dobj" and child.ent_type_ in ("GPE", "LOC", "FAC") for child in verb.children
    )


# Verbs by which what is added carries a total to its new figure ("the arrivals brought the total to 29,874").
_CARRYING_VERBS = frozenset({"bring", "take"})


def _added_by_subject(valued: Token, verb: Token | None) -> list[str]:
    """What a stand-in noun with nothing of its own counts when the subject of the verb that carries it to its
    figure is what was added to it ("The arrivals brought the total for the year to 29,874", "New landings took the
    tally to 8,400"): the total of those, read as "the number of arrivals" is ("m:arrival"). A plural common noun
    only: a pronoun or "that" ("That brings the number this year to 26,012") says nothing of what is counted
    (`_told_before_stand_in`), and a body (the ministry's total) is who counted, not what."""
    if verb is None or _lemma(verb) not in _CARRYING_VERBS or _lemma(valued) not in STAND_IN_NOUNS:
        return []
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NNS" or not _content(subject):
        return []
    if _lemma(subject) in STAND_IN_NOUNS or _lemma(subject) in BODY_NOUNS:
        return []
    return [f"m:{_lemma(subject)}"]


def _told_before_stand_in(valued: Token) -> list[str]:
    """What a stand-in noun set to a figure with nothing of its own ("That brings the number this year to 26,012")
    counts: the verb of the last count told before it, in its sentence or the one before ("2,210 people crossed
    the strait in the week to Sunday": those who crossed)."""
    if _lemma(valued) not in STAND_IN_NOUNS:
        return []
    for token in reversed(_told_before_in(valued)):
        if token.like_num and token.dep_ == "nummod" and token.head.pos_ == "NOUN":
            verb = _governing_verb(token.head)
            if verb is not None and verb.pos_ == "VERB" and _lemma(verb) not in _EMPTY_VERBS:
                return [f"v:{_lemma(verb)}"]
    return []


def _subject_words(verb: Token, anchor: Token, noun: Token | None, own: range) -> list[str]:
    """The subject of the verb by which a count with no counted noun of its own reaches or moves to its figure,
    with its modifiers: what is counted ("the toll stood at 1,000", "the number of people missing fell to 31")."""
    if noun is not None:
        return []
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and _tells_the_figure(verb, subject):
        return []  # "the office counts 30,410 people, some 500 more than …": the office tells, it is not counted
    if subject is not None:
        subject = stand_in_antecedent(subject) or subject
    else:
        subject = subject_taken_as_object(verb)  # "As bodies are identified the number of missing has fallen to …"
    if subject is None or subject.i == anchor.i or not _content(subject):
        return []
    return [f"n:{_lemma(subject)}", *_modifiers(subject, own)]


def _tells_the_figure(verb: Token, subject: Token) -> bool:
    """Is the subject who tells the figure, not what it counts: the active subject of a verb of telling or counting
    ("the office counts 30,410 people, some 500 more than the ministry's 29,874", "the agency reported 1,200 on
    Monday, up from 900")? A passive subject is what was told ("deaths were reported at 40")."""
    return subject.dep_ == "nsubj" and _lemma(verb) in REPORTING_LEMMAS


# Verbs by which a count is of those in a state or a place, told by its preposition ("remain in hospital").
_STATE_VERBS = frozenset({"be", "remain", "stay"})
# Verbs of where people live or sleep, whose place is the state they are in ("housed in shelters").
_DWELLING = frozenset({"house", "sleep", "live", "lodge", "shelter", "accommodate", "camp"})
_STATE_PREPOSITIONS = frozenset({"in", "without", "under", "on"})


def _state_of(verb: Token) -> list[str]:
    """The state an empty verb puts its count in: "in hospital", "without power", "in custody"."""
    words = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _STATE_PREPOSITIONS:
            words += [
                f"m:{_lemma(noun)}"
                for noun in prep.children
                if noun.dep_ == "pobj" and _content(noun) and noun.ent_type_ not in ("DATE", "TIME")
            ]
    return words


# Words of what befell people that the parse may take for the counted noun ("nearly 900 hurt", "40 dead").
_FATE_WORDS = PEOPLE_WORDS | {"dead", "unaccounted"}


def _fate_of_auxiliary(number: Token) -> Token | None:
    """The word of what befell people that the auxiliary a number is the subject of leans on ("75 were
    unaccounted for", where the parse makes the number the subject of "were" alone)."""
    auxiliary = number.head
    if number.dep_ != "nsubj" or auxiliary.dep_ not in ("aux", "auxpass"):
        return None
    return auxiliary.head if auxiliary.head.lower_ in _FATE_WORDS else None


def _own_fate(number: Token) -> Token | None:
    """The verb of what befell those counted that the parse hangs on the number itself: a participle ("nearly 200
    injured"), or a relative clause whose subject is the number ("up from the 81,700 who crossed in 2024"); not a
    clause that tells who gave the figure ("the 760 the ministry reported")."""
    for child in number.children:
        if child.dep_ == "acl" and (child.lower_ in _FATE_WORDS or _own_participle(child)):
            return child
        if (
            child.dep_ == "relcl"
            and child.pos_ == "VERB"
            and any(
                word.dep_ in ("nsubj", "nsubjpass") and word.lower_ in _RELATIVE_SUBJECTS for word in child.children
            )
        ):
            return child
    return None


_RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})


def _told_with_a_figure(number: Token, participle: Token) -> bool:
    """Is a bare number with a participle of its own told "with" a figure before it in its sentence ("the tally
    reached 930 on Thursday, with 212 confirmed by laboratory tests"): the part of that figure the participle
    befell, not a count beside it? Not a word of what befell people ("with 40 dead"): those are counted apart."""
    if number.dep_ != "pobj" or number.head.lower_ != "with" or participle.lower_ in _FATE_WORDS:
        return False
    return any(
        token.like_num and token.ent_type_ not in ("DATE", "TIME", "ORDINAL")
        for token in number.doc[number.sent.start : number.head.i]
    )


def _own_participle(word: Token) -> bool:
    """A past participle hung on a bare number with a phrase of its own ("with 212 confirmed by laboratory tests",
    "and 40 found in the rubble"): what befell those the number counts, even where the verb is one that says
    nothing when it governs a count ("confirmed 212 cases")."""
    return (
        word.tag_ == "VBN" and word.i > word.head.i and any(child.dep_ in ("agent", "prep") for child in word.children)
    )


# The tags of what a figure with no counted noun measures, by the subject of its verb of change ("core inflation
# eased to 2.5%": ``s:inflation``, ``sm:core``): which statistic it is, where the verb says only how it moved.
SUBJECT = "s:"
SUBJECT_MODIFIER = "sm:"
# Nouns of a figure that name only its measure, not what it measures ("2.1 per cent", "0.6 percentage points").
_MEASURE_NOUNS = frozenset({"%", "percent", "cent", "point", "pct"})


def _changed_subject(verb: Token, anchor: Token) -> list[str]:
    """``s:`` what a figure's verb moved or set, and ``sm:`` its own modifiers, nationalities and rankings left out
    (`SUBJECT`): the verb's object ("revised the annual inflation rate up to 2.4%": rate, annual, inflation), else
    its subject ("core inflation eased to 2.5%": inflation, core); nothing when that is the figure itself, no noun,
    or a list ("X and Y grew 6.1% and 4.3%, respectively")."""
    subject = next((child for child in verb.children if child.dep_ == "dobj"), None)
    if subject is None:
        subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            subject = stand_in_antecedent(subject) or subject
    if subject is None or subject.i == anchor.i or subject.like_num or not _content(subject):
        return []
    if any(child.dep_ == "conj" for child in subject.children):
        return []  # "goods prices and services cost grew 6.1% and 4.3%, respectively": the parse can't tell whose
    modifiers = [
        f"{SUBJECT_MODIFIER}{_lemma(child)}"
        for child in subject.children
        if child.dep_ in ("amod", "compound")
        and _content(child)
        and child.ent_type_ != "NORP"
        and child.tag_ not in ("JJS", "JJR")  # "the biggest annual price growth": a ranking, not which statistic
    ]
    return [f"{SUBJECT}{_lemma(subject)}", *modifiers]


def counted_words(doc: Doc, start: int, end: int, *, added: bool = True, statistic: bool = False) -> tuple[str, ...]:
    """What the number at ``start``–``end`` (characters of ``doc``) counts, as role-tagged lemmas:
    ``n:`` the counted noun, ``m:`` its own modifiers (adjectives, compounds, participles, the nouns
    of its prepositional phrases), ``v:`` the verb that governs it, with its particle ("hand over"), ``g:`` the
    nationality it is of, ``p:group`` when it is a part of a group the sentence has just counted ("of them"),
    ``a:`` what befell the count before it, when it is told as added to that one ("another 171"), ``s:`` and
    ``sm:`` what the verb of a statistic (``statistic``: not a count) with no counted noun moved or set, and its
    modifiers (`SUBJECT`).
    Empty when the parse gives nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ()
    number = span.root
    own = range(span.start, span.end)
    noun = _counted_noun(number, own)
    if noun is not None and _denominator(number, noun):
        noun = None  # "the rate was 5.0 per 100,000 people": the people are what the rate is taken over
    if noun is None and number.dep_ == "pobj" and number.head.lower_ == "at" and number.head.head.pos_ == "NOUN":
        noun = number.head.head  # "with containment at 10%", "leaving unemployment at 5.1%": what stands at the figure
    told = _counted_in_apposition(number) if noun is None else None
    if told is not None:
        # "counts 30,410 people, some 500 more than the ministry's 29,874": the 500 are more of the same people
        return counted_words(doc, told.idx, told.idx + len(told), added=False)
    listed = _listed_after(number) if noun is None else None
    if listed is not None:
        # "Four trawlers sailed from X and two from Y": a bare member of a gapped list counts what the list's first
        # member counts, its noun and its verb
        counted = counted_words(doc, listed.idx, listed.idx + len(listed), added=False)
        return tuple(word for word in counted if word[:2] in ("n:", "v:"))
    figure = _whole_before(number) if noun is None else None
    if figure is not None:
        # a part of a figure told before it counts what that figure counts, and only some of it: what befell the
        # part is the whole's fate, not the verb the parser hung "including" on ("said", "rose")
        counted = counted_words(doc, figure.idx, figure.idx + len(figure), added=False)
        kept = [word for word in counted if word[:2] in ("n:", "v:")]
        return (*kept, PART_OF_GROUP) if kept else ()
    return _counted_by_parse(number, noun, own, added=added, statistic=statistic)


def names_its_counted(doc: Doc, start: int, end: int) -> bool:
    """Does the number at ``start``–``end`` say what it counts, rather than stand bare ("up from 1,520 a day
    earlier", "down from 10,100 last week"): a noun of its own in the parse ("1,520 people", "72 of the
    passengers"), a clause of its own ("up from the 35,900 who crossed in 2024"), or a word right after it that is
    not a time ("up from 1,037 dead")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    noun = _counted_noun(span.root, range(span.start, span.end))
    if (noun is not None and noun.ent_type_ not in ("DATE", "TIME")) or _own_fate(span.root) is not None:
        return True  # "down from 7,300 last week": a time the parse hung on the number is no noun of its own
    after = doc[span.end] if span.end < len(doc) else None
    return (
        after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and after.ent_type_ not in ("DATE", "TIME")
    )


def _counted_by_parse(
    number: Token, noun: Token | None, own: range, *, added: bool, statistic: bool
) -> tuple[str, ...]:
    """`counted_words` of a number that is not a part told after its figure: its noun and the parse around them."""
    words: list[str] = []
    # The noun's place in the parse tells what befell the counted, unless it is a group named before the
    # number ("2,108 people were injured, 1,390 of them seriously"): then only the number's own place does.
    beside = noun is not None and (noun in number.ancestors or noun in number.subtree)
    anchor = noun if noun is not None and beside else number
    whole = _partitive_whole(anchor, own)
    if noun is not None:
        part = _part_noun(anchor) if whole and _lemma(noun) == "one" else None
        words.append(f"n:{_lemma(part or noun)}")  # "42 bodies out of the 70 recovered ones": the ones are bodies
        if _of_group(number):
            words.append(PART_OF_GROUP)  # "1,390 of them": some of a group the sentence has just counted
        words += _modifiers(noun, own)
        words += _measured_by(noun)
        words += _nationality(noun)
    elif _of_group(number):
        words.append(PART_OF_GROUP)  # "after six of the injured died": the count is of some of a group
    # The whole of a partitive ("out of the 70 recovered", "Of the 68 bodies …, 12 have been identified")
    # is told by its own words: the sentence's verb tells what befell the part.
    if whole:
        verb = _own_verb(noun) or _trailing_participle(anchor)
        if noun is None and (part := _part_noun(anchor)) is not None:
            words.append(f"n:{_lemma(part)}")  # "42 bodies out of 70 recovered": the 70 are bodies
    else:
        verb = (_stranded_subject_verb(number) if noun is None else _gapped_participle(noun)) or _governing_verb(anchor)
        if verb is not None and _whole_participle(anchor, verb):
            verb = _next_verb(verb)  # the parse hung the part on the whole's participle
        verb, brought = _brought_about(anchor, verb, statistic=statistic)  # "crews had the fire 65% contained"
        words += brought
    if noun is not None and noun.lower_ in _FATE_WORDS:
        verb = None  # "150 were killed and nearly 900 hurt": the word the parse counts says what befell them
    elif noun is None and number.dep_ == "nummod" and number.head.lower_ in _FATE_WORDS:
        words.append(f"v:{_lemma(number.head)}")  # "left 40 dead and 300 missing": not what the floods did
        verb = None
    elif noun is None and (fate := _own_fate(number)) is not None:
        verb = fate  # "40 were killed and nearly 200 injured", "the 81,700 who crossed": the number's own verb
        if _lemma(fate) in _EMPTY_VERBS:
            words.append(f"v:{_lemma(fate)}")  # "with 212 confirmed by tests": the confirmed, not the empty verb
            verb = None
        if _told_with_a_figure(number, fate):
            words.append(PART_OF_GROUP)  # "the tally reached 930, with 212 confirmed by tests": some of the 930
    elif noun is None and verb is None and number.dep_ == "nsubj" and number.head.pos_ == "ADJ":
        words.append(f"v:{_lemma(number.head)}")  # "rescuers found 7 alive": the state a small clause gives them
    elif noun is None and verb in (None, number.head) and (fate := _fate_of_auxiliary(number)) is not None:
        words.append(f"v:{_lemma(fate)}")  # "about 75 were unaccounted for", "were" parsed apart from its word
        verb = None
    words += _verb_words(anchor, verb, noun, own, statistic=statistic)
    if added and (earlier := _added_to(number, noun)) is not None:
        words.append(earlier)
    return tuple(dict.fromkeys(words))[:MAX_WORDS]
