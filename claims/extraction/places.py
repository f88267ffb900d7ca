"""Where a quantity is: the places its sentence names for it (EXTRACTION.md, "places").

With a parse, each place named in the sentence is followed up the tree to what it modifies: it is
the quantity's place when it lies in the quantity's own phrase ("three buildings in Olinda") or
hangs from something that governs the quantity ("Within the Upcountry Maui fire area, … were
razed"; "The number waiting … in England hit 32,776"). It is not when it belongs to another
figure of the sentence, sits in a clause the quantity is not in ("making it the deadliest U.S.
wildfire"), describes a person ("Kelvin Kiptum of Kenya"), modifies a noun that is no place
("the Hindi film"), says where a statement was made ("told a meeting in Davos"), or is the
dateline. Without a parse, places are read clause by clause in the text, as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .numbers import Quantity
from .parsed import DETERMINER_RE
from .syntax import clause_head, opens_clause, token_at, word_ids
from .vocabulary import BODY_NOUNS, CURRENCY_SYMBOLS, CURRENCY_WORDS, ROLE_NOUNS, Qualifier

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Entities a place name inside of is part of a name, not a place ("NHS England", "Kathmandu Post").
_NAME_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "NORP", "DATE", "TIME"})
_PLACE_NOUNS = frozenset("border crossing checkpoint camp airport port bridge station base border-crossing".split())
# The generic word of a name that makes it a place, whatever the tagger calls it: "the English Channel", "the Darien
# jungle", "the Tarsen highlands", "Lake Kivu".
_FEATURE_NOUNS = frozenset(
    "channel sea ocean river strait gulf bay lake desert jungle forest mountains mountain highlands valley coast "
    "peninsula canal basin delta plateau".split()
)
_FEATURE_FIRST = frozenset({"lake", "mount", "river", "gulf", "bay", "cape"})
# Nouns a place word may modify and still name where things are ("the Chinese economy", "Ukraine's
# border", "the Philippine city", "euro area inflation").
_PLACE_HEADS = (
    _PLACE_NOUNS
    | frozenset(
        # where: "the central Philippine city", "euro area inflation"
        "city cities town towns village villages province region island islands coast capital state county "
        "district area zone territory waters sea side mainland country nation "
        # what is measured of a place: "China's gross domestic product", "the Chinese economy"
        "economy economies inflation market gdp product output growth exports imports trade population "
        # what happened there: "the Nepal plane crash", "the Maui wildfires"
        "crash earthquake quake flood floods flooding fire fires wildfire wildfires storm typhoon hurricane war "
        "attack disaster marathon "
        # where a race is run: "on the Berlin course"
        "course".split()
    )
    | _FEATURE_NOUNS
)


def _is_place_head(token: Token) -> bool:
    """A noun a place word may modify and still name where things are, in the singular or the plural ("Galati and
    Braila counties")."""
    return token.lower_ in _PLACE_HEADS or token.lemma_.lower() in _PLACE_HEADS


# Place nouns that are part of the name before them ("Kherson region", "the euro area").
_NAME_PLACE_NOUNS = frozenset({"area", "zone", "region", "route", "district", "county", "province", "state"})
_DIVISIONS_NAMED_AFTER = frozenset({"province", "state"})  # "the Philippine province of Leyte": named after "of"
# Nouns whose "of" names a nationality, not a place: "citizens of Peru", "nationals of India".
_CITIZENSHIP = frozenset({"citizen", "national", "native", "passport-holder", "subject"})
# Verbs whose place subject is where the figure is, not an actor: being and having ("Tacloban has 220,000
# people"), and registering or receiving what is counted ("Kerala recorded 1,136 cases", "Croatia welcomed 20.6
# million arrivals", "the country saw 40 storms").
_PLACE_SUBJECT_LEMMAS = frozenset(
    "be have record register report log count tally see welcome receive host attract".split()
)
# Verbs whose place object is where the counted are or what befell them happened: arriving ("4,100 migrants have
# reached Spain's Canary Islands") and an event striking ("killed by the earthquake that hit Taroudant province").
_PLACE_OBJECT_LEMMAS = frozenset(
    "reach enter cross traverse hit strike batter lash pound ravage devastate inundate flood swamp rock jolt "
    "shake".split()
)

# Verbs and nouns of arriving or staying somewhere: what follows their "on" is where the counted are.
_ARRIVING = frozenset("land landing arrive arrival strand live stay remain disembark wash".split())
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "throughout", "into", "inside", "outside", "around", "off", "along"}
)
_DATELINE_RE = re.compile(r"\s*(?:\([A-Z][A-Za-z]*\)\s*)?[—–-]")


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence: as written, where, and its head token (None without a parse)."""

    name: str
    start: int
    token: Token
    rank: int = 2  # 0: a name before a place noun, 1: a facility, 2: any other place


def mentions_in(span: Span, entities: Sequence[Span], text: str | None = None) -> list[Mention]:
    """The places named in the parsed sentence ``span``: place entities (a possessive split in
    two: "Nepal's Pokhara"), a nationality before a place noun ("the Chinese economy"), proper
    nouns after a locative preposition the tagger missed ("in Tacloban"), "the euro area".
    ``text``: the doc's text, when the caller has it (``Doc.text`` joins its tokens anew)."""
    text = span.doc.text if text is None else text
    sentence = text[span.start_char : span.end_char]  # span.text, without joining its tokens
    found = [
        mention
        for entity in entities
        if entity.label_ in _PLACE_ENTS and _event_place(entity) is None
        for mention in _entity_mentions(entity, text[entity.start_char : entity.end_char])
    ]
    found += [mention for entity in entities if (mention := _event_place(entity)) is not None]
    found += [
        Mention(entity.text, entity.start_char, entity.root)
        for entity in entities
        if entity.label_ == "NORP" and (_modifies_a_place(entity.root) or _names_a_sea(entity.root))
    ]
    found += [mention for entity in entities if (mention := _feature_name(entity, text)) is not None]
    named = _untagged_names(span)
    found = named + [mention for mention in found if not _inside_any(mention, named)]
    found += [mention for mention in _before_place_nouns(span) if not _inside_any(mention, found)]
    found += [mention for mention in _conjoined_names(found) if not _inside_any(mention, found)]
    found += _the_named_division(span)
    found += [mention for mention in _before_a_noun_of_an_area(span) if not _inside_any(mention, found)]
    found += _the_country_named(span, found)
    found = [_held_in(mention) for mention in found]
    return [
        mention
        for mention in found
        if not _is_dateline(sentence, span.start_char, mention, text)
        and mention.name.strip(".").lower() not in CURRENCY_SYMBOLS  # "Rs." tagged as a place
        and sum(char.isalpha() for char in mention.name) >= 2
    ]


def _feature_name(entity: Span, text: str) -> Mention | None:
    """A name the tagger took for another kind's that a geographic word makes a place: "the English Channel" (an
    organisation to the tagger), "Lake Kivu"; only a name of proper nouns, two words or more, not a place entity."""
    words = [token for token in entity if token.lower_ != "the"]
    if entity.label_ in _PLACE_ENTS or len(words) < 2 or any(word.pos_ != "PROPN" for word in words):
        return None
    if entity.root.dep_ in ("nsubj", "nsubjpass"):
        return None  # "the Discovery Channel reported 5 million viewers": a name that acts is a body's
    if words[-1].lower_ not in _FEATURE_NOUNS and words[0].lower_ not in _FEATURE_FIRST:
        return None
    return Mention(text[words[0].idx : words[-1].idx + len(words[-1])], words[0].idx, entity.root)


def _conjoined_names(mentions: list[Mention]) -> list[Mention]:
    """ "near Calais and Dunkirk": a proper noun joined to a place by "and" or "or" is a place too, whatever name the
    tagger took it for."""
    out = []
    for mention in mentions:
        for word in mention.token.conjuncts:
            if word.i < mention.token.i or word.pos_ != "PROPN" or word.ent_type_ not in ("", "ORG", "PERSON"):
                continue
            first = min([word.i] + [child.i for child in word.children if child.dep_ == "compound"])
            if first > 0 and word.doc[first - 1].lower_ in ("and", "or"):  # not a list's next item ("…, Sudarshan")
                out.append(Mention(word.doc[first : word.i + 1].text, word.doc[first].idx, word, mention.rank))
    return out


def _entity_mentions(entity: Span, name: str) -> list[Mention]:
    """The places an entity names; ``name`` is its text (``entity.text``, sliced from the doc's)."""
    tokens = [token for token in entity if token.pos_ == "PROPN" or _place_name_as_modifier(token)]
    if not tokens or any(token.ent_type_ in _NAME_ENTS for token in entity):
        return []  # "Burglary", "n't": no proper noun in it
    parts = [part for part in _POSSESSIVE_RE.split(name) if part]
    if len(parts) == 2:  # "Nepal's Pokhara": the town, then its country
        second = entity.start_char + name.index(parts[1], len(parts[0]))
        return [Mention(parts[1], second, entity.root), Mention(parts[0], entity.start_char, entity[0])]
    rank = 1 if entity.label_ == "FAC" else 2
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    # "in Kherson region", "the Aegean route"; "Kathmandu International Airport" (the tagger stopped short of
    # a facility's own capitalised place noun)
    if after is not None and (_names_its_division(after) or _names_a_facility(after)):
        text = entity.doc[entity.start : entity.end + 1].text
        return [Mention(DETERMINER_RE.sub("", text), entity.start_char, entity.root, rank)]
    return [Mention(DETERMINER_RE.sub("", name), entity.start_char, entity.root, rank)]


def _place_name_as_modifier(token: Token) -> bool:
    """ "the Nepal jet crash": a place's capitalised name the tagger took for an adjective, before the noun of what
    happened or is there (through the nouns between); not a common word the tagger took for a place."""
    if token.pos_ != "ADJ" or not token.text[:1].isupper() or token.dep_ not in ("amod", "compound"):
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return _is_place_head(head)


def _names_its_division(after: Token) -> bool:
    """ "Kherson region", "Taroudant province", "Adamawa state": the division noun after a place is part of its name;
    not "the Philippines province of Leyte", where it is the next name's."""
    if after.lower_ not in _NAME_PLACE_NOUNS:
        return False
    following = after.doc[after.i + 1] if after.i + 1 < len(after.doc) else None
    return after.lower_ not in _DIVISIONS_NAMED_AFTER or following is None or following.lower_ != "of"


_POSSESSIVE_RE = re.compile(r"[’']s\s+")
# Events named after the place they are held in: "the Berlin Marathon", "the Paris Olympics", "the Monaco Grand Prix".
_EVENT_NOUNS = frozenset({"marathon", "olympics", "games", "grand", "open", "festival", "summit", "championships"})
_NOT_PLACES = frozenset({"world", "national", "international", "grand", "premier", "champions", "super", "winter"})


def _held_in(mention: Mention) -> Mention:
    """ "the London Marathon" named as a place is held in London."""
    words = mention.name.split()
    if len(words) == 2 and words[1].lower() in _EVENT_NOUNS and words[0].lower() not in _NOT_PLACES:
        return Mention(words[0], mention.start, mention.token, mention.rank)
    return mention


def _event_place(entity: Span) -> Mention | None:
    """ "the Chicago Marathon" (an event, or a facility or a body to the tagger) is held in Chicago: its one leading
    proper noun, when the rest is an event's noun; None for any other entity ("the World Cup", "the G20 summit")."""
    if entity.label_ not in ("EVENT", "FAC", "ORG"):
        return None
    tokens = [token for token in entity if token.lower_ not in ("the",)]
    if len(tokens) < 2 or tokens[1].lower_ not in _EVENT_NOUNS:
        return None
    if entity.label_ == "ORG" and len(tokens) != 2:
        return None  # "the Boston Marathon" taken for a body, but not "the Paris Festival Orchestra"
    place = tokens[0]
    if place.pos_ != "PROPN" or place.lower_ in _NOT_PLACES or not place.is_alpha:
        return None
    return Mention(place.text, place.idx, place)


_FACILITY_NOUNS = frozenset({"airport", "hospital", "station", "port", "bridge", "camp", "stadium", "dam"})


def _names_a_facility(token: Token) -> bool:
    """A capitalised facility noun right after a name is part of it: "Kathmandu International Airport"."""
    return token.lower_ in _FACILITY_NOUNS and token.text[:1].isupper() and token.pos_ == "PROPN"


def _modifies_a_place(token: Token) -> bool:
    """ "the Chinese economy", "one Philippine city": a nationality naming a place; not "five
    Indian nationals", and not "the Greek island of Rhodes" (the island has its own name)."""
    head = token.head
    if token.dep_ not in ("amod", "compound") or not _is_place_head(head) or head.dep_ == "appos":
        return False  # "Maui, a Hawaiian island": the island is named already
    return not any(child.dep_ == "appos" or (child.dep_, child.lower_) == ("prep", "of") for child in head.children)


_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def _names_a_sea(token: Token) -> bool:
    """ "In the Aegean", "across the Mediterranean": a nationality's word as the object of a place's preposition
    names the sea or the region called after it."""
    alone = all(child.dep_ == "det" for child in token.children)  # "in the Aegean", not "in the Greek islands"
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS and alone


def _untagged_names(span: Span) -> list[Mention]:
    """Proper nouns the tagger left without a place label: after a locative preposition ("in
    Tacloban"), after "of" following a place noun ("the province of Leyte"), or a currency's
    area ("the euro area")."""
    out = []
    name_place_nouns = word_ids(span.doc, _NAME_PLACE_NOUNS)
    for token in span:
        currency = (
            [child for child in token.children if child.dep_ in ("compound", "nmod") and child.lower_ in CURRENCY_WORDS]
            if token.lower in name_place_nouns
            else []
        )
        if currency:
            first = min(child.i for child in currency)
            out.append(Mention(span.doc[first : token.i + 1].text, span.doc[first].idx, token))
            continue
        if token.pos_ != "PROPN" or token.ent_type_ not in ("", "ORG", "PERSON") or token.dep_ == "compound":
            continue
        if _a_body_s_name(token):
            continue
        head = token.head
        after_place_noun = head.lower_ == "of" and (_is_place_head(head.head) or head.head.lower_ in _COMPASS)
        reached = token.dep_ == "dobj" and not token.ent_type_ and head.lemma_.lower() in _PLACE_OBJECT_LEMMAS
        # "landed on Lampedusa", "arrivals on Crete": a name after "on" the tagger took for a person's, where arriving
        # or staying puts the counted on it (not "sanctions on Putin", nor a body's: "posted on X")
        on_a_place = (
            token.dep_ == "pobj"
            and head.lower_ == "on"
            and token.ent_type_ == "PERSON"
            and head.head.lemma_.lower() in _ARRIVING
        )
        located = (token.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS) or after_place_noun or reached
        if located or on_a_place or _described_as_a_place(token):
            # "in Tacloban", "the city of Tacloban", "south of Taroudant", "in the Pokhra Hospital", even when tagged
            # a name; "reached the Canaries", when not tagged at all; "Hanalei, a seaside town"
            first = min(
                [token.i] + [child.i for child in token.children if child.dep_ == "compound" and child.pos_ == "PROPN"]
            )
            out.append(Mention(span.doc[first : token.i + 1].text, span.doc[first].idx, token))
    return out


def _a_body_s_name(token: Token) -> bool:
    """A name the tagger knows for a body's, by its form: "of" inside it ("at the Ministry of Health and Population"),
    or an ampersand ("at A&Es", "P&O"); not a place it merely took for a body ("in Tacloban")."""
    if "&" in token.text:
        return True
    if token.ent_type_ != "ORG":
        return False
    entity = next((entity for entity in token.doc.ents if entity.start <= token.i < entity.end), None)
    return entity is not None and any(word.lower_ == "of" for word in entity) and len(entity) >= 3


# Nouns that say a name is a settlement or a land: "Hanalei, a seaside town", "Maasin is a provincial capital".
_SETTLEMENT_NOUNS = frozenset(
    "city town village capital island province region district county state country nation municipality".split()
)
# What a place has that a body or a person does not: "Hanalei has a population of 9,000".
_A_PLACE_HAS = frozenset({"population", "inhabitant", "resident"})


def _described_as_a_place(token: Token) -> bool:
    """A name the sentence itself calls a place, whatever the tagger took it for: by apposition ("Hanalei, a seaside
    town of 9,000"), as the subject of "be" with such a noun ("Maasin is a provincial capital"), or of "have" with a
    population ("Hanalei has a population of 9,000"). Not a name described as anything else ("Cruz, the city
    mayor")."""
    if any(child.dep_ == "appos" and child.lemma_.lower() in _SETTLEMENT_NOUNS for child in token.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _set_beside(token, token.head.head):
        return True  # "a shopkeeper of Hanalei - a town of 9,000", the town hung on the shopkeeper
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    objects = [child for child in verb.children if child.dep_ in ("attr", "dobj")]
    if verb.lemma_ == "be":
        return any(word.lemma_.lower() in _SETTLEMENT_NOUNS for word in objects)
    return verb.lemma_ == "have" and any(word.lemma_.lower() in _A_PLACE_HAS for word in objects)


def _set_beside(name: Token, noun: Token) -> bool:
    """Whether an appositive of ``noun`` that is a settlement's noun starts right after ``name`` (a dash or a comma
    between)."""
    for child in noun.children:
        if child.dep_ != "appos" or child.lemma_.lower() not in _SETTLEMENT_NOUNS:
            continue
        between = name.doc[name.i + 1 : child.left_edge.i]
        if len(between) and all(word.is_punct for word in between):
            return True
    return False


# A division's noun and the adjective a title names it by: "Samar provincial governor" … "in the province".
_DIVISION_ADJECTIVES = {
    "province": "provincial",
    "region": "regional",
    "city": "city",
    "town": "town",
    "state": "state",
}


def _the_named_division(span: Span) -> list[Mention]:
    """ "Ormoc city mayor Dina Cruz warned that deaths in the city might reach 3,000": a bare "the city" ("the
    province") stands for the one the sentence names earlier with that noun or its adjective, however the name is
    used there (in a title: "Samar provincial governor"). The mention is the bare noun's, so it is the quantity's
    only where "the city" is."""
    doc, out = span.doc, []
    for token in span:
        noun = token.lemma_.lower()
        if noun not in _DIVISION_ADJECTIVES or token.pos_ != "NOUN" or token.tag_ != "NN":
            continue
        children = list(token.children)
        if token.dep_ != "pobj" or not any(child.lower_ == "the" for child in children):
            continue
        if any(child.dep_ not in ("det", "advmod") for child in children):
            continue  # "the city" alone, where something is: not "the city's mayor", "the city of Ormoc"
        names = [
            word
            for word in doc[span.start : token.i]
            if word.lower_ == _DIVISION_ADJECTIVES[noun] and word.i > span.start and _a_name(doc[word.i - 1])
        ]
        if len(names) != 1:
            continue
        end = names[0].i
        first = end - 1
        while first > span.start and _a_name(doc[first - 1]) and doc[first - 1].ent_type_ != "PERSON":
            first -= 1
        if doc[first].ent_type_ == "PERSON":
            continue
        out.append(Mention(doc[first:end].text, doc[first].idx, token))
    return out


def _before_a_noun_of_an_area(span: Span) -> list[Mention]:
    """ "Within the Kohala Coast fire area": proper nouns before the common nouns that end in a place noun named
    after them ("area", "zone", "region") name the place; not a person's name nor a nationality."""
    doc, out = span.doc, []
    for token in span:
        if token.lower_ not in ("area", "zone", "region") or token.pos_ != "NOUN":
            continue
        j = token.i - 1
        while j > span.start and doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound":
            j -= 1
        k = j
        while k >= span.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("PERSON", "NORP"):
            k -= 1
        if k < j < token.i - 1 and doc[j].dep_ == "compound":
            out.append(Mention(doc[k + 1 : j + 1].text, doc[k + 1].idx, doc[j]))
    return out


def _the_country_named(span: Span, found: list[Mention]) -> list[Mention]:
    """ "Vietnam's economy grew 5.1%, missing the country's annual target of around 6.5%": a bare "the country"
    stands for the one country the sentence names before it (none when it names two or more)."""
    out = []
    for token in span:
        if token.lower_ != "country" or token.dep_ not in ("poss", "pobj"):
            continue
        if any(child.dep_ not in ("det", "case") for child in token.children) or token.doc[token.i - 1].lower_ != "the":
            continue
        named = {
            mention.name: mention
            for mention in found
            if mention.start < token.idx and mention.token.ent_type_ == "GPE" and mention.rank == 2
        }
        if len(named) == 1:
            mention = next(iter(named.values()))
            out.append(Mention(mention.name, mention.start, token))
    return out


def _a_name(word: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for an adjective inside a name ("Ormoc city")."""
    return word.pos_ == "PROPN" or (word.pos_ == "ADJ" and word.text[:1].isupper() and word.ent_type_ != "")


# A country's divisions, named by the proper noun before them ("Tazrout province", "the Alto Marañón region"), and
# their plurals, after two or more names ("Galati and Braila counties": Galati, and Braila).
_DIVISION_NOUNS = frozenset(
    {"province", "region", "district", "county", "governorate", "prefecture", "municipality", "state"}
)
_DIVISIONS = frozenset("provinces regions districts counties governorates prefectures municipalities states".split())


def _before_place_nouns(span: Span) -> list[Mention]:
    """Proper nouns right before a place noun: "Bruzgi border crossing" gives "Bruzgi",
    "Belarusian-EU border" the whole phrase, "In Tazrout province" a province the tagger does not know."""
    doc = span.doc
    place_nouns = word_ids(doc, _PLACE_NOUNS | _DIVISION_NOUNS | _FEATURE_NOUNS)
    settlements = word_ids(doc, _SETTLEMENT_WORDS)
    divisions = word_ids(doc, _DIVISIONS)
    out = []
    for token in span:
        if token.lower in divisions:
            out += _names_of_divisions(span, token)
            continue
        if token.lower in settlements and token.is_lower and token.i > span.start:
            out += _named_settlement(token)
            continue
        if token.lower not in place_nouns or token.i == span.start:
            continue
        if token.lower_ in _FEATURE_NOUNS and token.text[:1].isupper():
            continue  # "the English Channel": a name's own word (`_feature_name`), not a noun after a name
        j = token.i - 1
        while j >= span.start and doc[j].lower in place_nouns:
            j -= 1
        # a name the tagger took for a person's is still a division's before "region" ("the Alto Marañón region")
        taken = ("GPE", "NORP", "LOC") if token.lower_ in _DIVISION_NOUNS else ("GPE", "NORP", "LOC", "PERSON")
        k = j
        while k >= span.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in taken:
            k -= 1
        if k == j:
            continue
        if k >= span.start + 1 and doc[k].text == "-" and doc[k - 1].pos_ in ("PROPN", "ADJ"):
            out.append(Mention(doc[k - 1 : token.i + 1].text, doc[k - 1].idx, token, 0))
        elif j == token.i - 1 and _names_a_facility(token):
            out.append(Mention(doc[k + 1 : token.i + 1].text, doc[k + 1].idx, token, 0))  # "Pokhara … Airport"
        elif j == token.i - 1 and token.lower_ in _DIVISION_NOUNS | _FEATURE_NOUNS:
            # "Adamawa state", "the Darien jungle": the noun is part of the name
            out.append(Mention(doc[k + 1 : token.i + 1].text, doc[k + 1].idx, doc[j], 0))
        elif doc[j + 1].lower_ not in _DIVISION_NOUNS | _FEATURE_NOUNS:  # else named with that noun already
            out.append(Mention(doc[k + 1 : j + 1].text, doc[k + 1].idx, doc[j], 0))
    return out


# Settlements named by a proper noun before their lower-case noun ("Hanalei town"; not "Mexico City", a name whole).
_SETTLEMENT_WORDS = frozenset({"town", "city", "village"})


def _named_settlement(noun: Token) -> list[Mention]:
    """ "swept across Hanalei town on Kauai": the proper nouns right before "town", "city" or "village" written in
    lower case name the place (without the noun); not a person's name, nor a nationality ("the Philippine city")."""
    doc, k = noun.doc, noun.i - 1
    while k >= noun.sent.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("PERSON", "NORP"):
        k -= 1
    last = doc[noun.i - 1]
    if k == noun.i - 1 or last.dep_ != "compound" or last.head.i != noun.i:
        return []
    return [Mention(doc[k + 1 : noun.i].text, doc[k + 1].idx, doc[noun.i - 1], 0)]


def _names_of_divisions(span: Span, noun: Token) -> list[Mention]:
    """ "in Samar and Leyte provinces", "Nepal's Bajhang, Bajura and Achham districts": each name before a plural
    division noun is a division of its own; the names the tagger knows as places come from their entities."""
    doc, out = span.doc, []
    i = noun.i - 1
    while i >= span.start:
        k = i
        while k >= span.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("GPE", "LOC", "NORP"):
            k -= 1
        if k < i:
            out.append(Mention(doc[k + 1 : i + 1].text, doc[k + 1].idx, doc[i], 0))
        elif not (doc[i].pos_ == "PROPN" and doc[i].ent_type_ in ("GPE", "LOC")):
            break
        else:
            k = i - 1  # a name tagged as a place: its entity names it
            while k >= span.start and doc[k].ent_iob_ == "I" and doc[k].pos_ == "PROPN":
                k -= 1
        if k < span.start or doc[k].lower_ not in (",", "and", "&"):
            break
        i = k - 1
    return out


def _inside_any(mention: Mention, others: list[Mention]) -> bool:
    end = mention.start + len(mention.name)
    return any(other.start <= mention.start and end <= other.start + len(other.name) for other in others)


def _is_dateline(sentence: str, sentence_start: int, mention: Mention, text: str) -> bool:
    """ "WAILUKU, Hawaii (AP) —": a place before the dash of a dateline, in capitals and commas.
    ``sentence`` is the text of the sentence that starts at ``sentence_start`` of ``text``."""
    before = sentence[: mention.start - sentence_start]
    if any(char.islower() for char in before):
        return False
    return bool(_DATELINE_RE.match(text, mention.start + len(mention.name)))  # the dash may follow the sentence


# ---------------------------------------------------------------------------------------------
# Which places are a quantity's
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceReading:
    """What reading a quantity's places needs: the parse, the sentence's place mentions, its
    claims, and the verbs of saying (lemmas) whose objects are not places of the figures."""

    doc: Doc
    mentions: list[Mention]
    quantities: list[Quantity]
    statement_lemmas: frozenset[str]
    # Comparisons ("up sharply from just 150 last year"): an earlier figure in one takes only the
    # places named inside it, or one that opens the sentence.
    comparisons: tuple[tuple[int, int], ...] = ()


def places_for(quantity: Quantity, reading: PlaceReading) -> tuple[str, ...]:
    """The places of ``quantity``, nearest first (the most specific usually)."""
    if quantity.qualifier != Qualifier.EXACT and quantity.kind == "duration":
        return ()  # a threshold ("waiting more than 12 hours") describes a group, it happens nowhere
    token = token_at(reading.doc, quantity.start, quantity.number_end or quantity.end)
    if token is None:
        return ()
    others, their_nouns = _other_figures(quantity, token, reading)
    ancestors = {word.i: level for level, word in enumerate([token, *token.ancestors])}
    # "53 Nepali, five Indian": what a number of the sentence counts is a group of people, not a place.
    counted = {
        word.head.i
        for other in reading.quantities
        for word in [token_at(reading.doc, other.start, other.number_end or other.end)]
        if word is not None and word.dep_ == "nummod"
    }
    mentions = [mention for mention in reading.mentions if mention.token.i not in counted]
    person = next((word for word in token.ancestors if _a_person(word)), None)
    if person is not None:  # "to Kenenisa Bekele, a three-time world champion": a figure describing a person
        mentions = [mention for mention in mentions if person.left_edge.i <= mention.token.i <= person.right_edge.i]
    clause = next((word for word in token.ancestors if word.dep_ == "relcl"), None)
    if clause is not None and clause.head.pos_ == "PROPN" and clause.head.ent_type_ != "NORP":
        # "the deadliest Philippine typhoon since Typhoon Bopha in Mindanao, which killed 1,067 people": a clause
        # on a named thing tells of that thing, where its own phrase puts it (not on a people: "a camp of mainly
        # Kurds, which numbered 2,000" is on the camp's border)
        named = clause.head
        mentions = [mention for mention in mentions if named.left_edge.i <= mention.token.i <= named.right_edge.i]
    item = sorted(
        (ancestors[mention.token.i], mention.name)
        for mention in mentions
        if _in_apposition(token, mention, ancestors) and not _origin_or_nationality(mention.token)
    )
    if item:  # "France (7.1%), Spain (7.3%)": a figure in a list takes its own item's place
        return (item[0][1],)
    bracketed = _bracketed_after(quantity, mentions, reading.doc.text)
    if bracketed is not None:  # the same, however the parser hangs the bracket
        return (bracketed,)
    inside = [span for span in reading.comparisons if span[0] <= quantity.start < span[1]]
    if inside:
        mentions = _of_a_comparison(token, inside[0], mentions, reading.statement_lemmas)
    ranked = []
    own_clause = clause_head(token).i
    for mention in mentions:
        steps = _steps_to(
            mention.token,
            ancestors,
            others | their_nouns,
            reading.statement_lemmas,
            own_clause=own_clause,
            their=their_nouns,
        )
        if steps is not None:
            ranked.append((mention.rank, steps, mention.start, mention.name))
    names: list[str] = []
    for *_, name in sorted(ranked):
        if name.lower() not in (known.lower() for known in names):
            names.append(name)
    if not names:
        names = _scene(token, mentions, reading.statement_lemmas)
    return tuple(names)


def _of_a_comparison(
    token: Token, comparison: tuple[int, int], mentions: list[Mention], statement_lemmas: frozenset[str]
) -> list[Mention]:
    """The places an earlier figure in a comparison ("up from 1,150") may take: those named inside the comparison,
    in the subject of a clause above it, or setting the scene of the sentence."""
    opening = token.sent.start_char
    subjects = {
        word.i
        for ancestor in token.ancestors
        for child in ancestor.children
        if child.dep_ in ("nsubj", "nsubjpass")
        for word in child.subtree
    }
    return [
        mention
        for mention in mentions
        if comparison[0] <= mention.start < comparison[1]
        or mention.token.i in subjects  # "The number waiting … in England hit 32,776, up from 28,756"
        or _opens_the_sentence(mention, opening)
        or _in_opening_participle(mention.token, token, statement_lemmas)
        or _after_a_run_in_heading(mention.token, token)
    ]


_OPEN_BRACKET_RE = re.compile(r"\s*\(\s*")


def _bracketed_after(quantity: Quantity, mentions: list[Mention], text: str) -> str | None:
    """ "prices climbed most in Poland (19.5%), Malta (18.1%) and Greece (17.9%)": a figure that opens a bracket
    right after a place's name is that item's, wherever the parser hangs the bracket."""
    for mention in mentions:
        end = mention.start + len(mention.name)
        if end <= quantity.start and _OPEN_BRACKET_RE.fullmatch(text, end, quantity.start) is not None:
            return mention.name
    return None


def _other_figures(quantity: Quantity, token: Token, reading: PlaceReading) -> tuple[set[int], set[int]]:
    """The tokens of the sentence's other figures, and the nouns they count or measure (not a length of time: "by 34
    seconds in Chicago" the parser may hang the race's place on): a place in their phrase is theirs ("about 218,000
    vehicles in the United States and 46,500 in Canada": the United States is the 218,000's)."""
    out, nouns = set(), set()
    # An earlier figure in a comparison ("150 migrants …, up from 40") counts what the later one does.
    compared = any(start <= quantity.start < end for start, end in reading.comparisons)
    for other in reading.quantities:
        if other is quantity or (other.kind == "duration" and other.qualifier != Qualifier.EXACT):
            continue
        other_token = token_at(reading.doc, other.start, other.number_end or other.end)
        if other_token is None:
            continue
        out.add(other_token.i)
        if (
            other_token.dep_ == "nummod"
            and other.kind != "duration"
            and not compared
            and not _shares_the_noun(token, other_token.head)
        ):
            nouns.add(other_token.head.i)
    return out, nouns


def _shares_the_noun(token: Token, noun: Token) -> bool:
    """Whether a place in the phrase of ``noun`` (counted by another figure) is ``token``'s too: ``token`` counts
    the same noun, restates the figure ("580 km (360 miles) southeast of Manila"), or the noun is itself where
    ``token``'s figure is ("10,000 feared dead in just one Philippine city")."""
    phrase = token.head if token.dep_ == "nummod" else token
    if phrase.i == noun.i or (phrase.dep_ == "appos" and phrase.head.i == noun.i):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE_PREPS


def _scene(token: Token, mentions: list[Mention], statement_lemmas: frozenset[str] = frozenset()) -> list[str]:
    """ "On the island of Evia, at least 12 people have died, more than 400 homes have been destroyed": a place the
    sentence opens with sets the scene of all it tells, wherever the parse hangs the phrase; so does a place in a
    participle opening the clause the quantity is in ("Turning to prices in the euro area, fuel costs rose
    28.4% in May")."""
    opening = token.sent.start_char
    return [
        mention.name
        for mention in mentions
        if _opens_the_sentence(mention, opening)
        or _in_opening_participle(mention.token, token, statement_lemmas)
        or _after_a_run_in_heading(mention.token, token)
    ][:1]


def _in_opening_participle(mention: Token, token: Token, statement_lemmas: frozenset[str]) -> bool:
    """ "Turning to prices in the euro area, fuel costs rose 28.4%": a participle with no subject of its own, written
    before the verb it hangs from, that names a place sets the scene of that verb's clause (every figure below it);
    not a participle of saying ("Speaking in Davos, she put the toll at 300": where it was said), nor a place that
    names an origin or a person's."""
    participle = next((word for word in mention.ancestors if word.dep_ == "advcl"), None)
    if participle is None or participle.tag_ != "VBG" or participle.i > participle.head.i:
        return False
    if participle.lemma_.lower() in statement_lemmas or any(
        child.dep_ in ("nsubj", "nsubjpass", "mark") for child in participle.children
    ):
        return False
    if _origin_or_nationality(mention) or any(_a_person(word) for word in mention.ancestors if word.i > participle.i):
        return False
    verb = participle.head
    return (
        verb.i != token.i
        and verb in token.ancestors
        and not any(word.dep_ == "advcl" and word.i < participle.i for word in mention.ancestors)
    )


def _opens_the_sentence(mention: Mention, opening: int) -> bool:
    """ "In Lithuania, 150 migrants crossed, up from 40": a place setting the scene of the sentence."""
    first = mention.token.sent[0]
    return first.idx == opening and first.dep_ == "prep" and mention.token.i in [word.i for word in first.subtree]


def _after_a_run_in_heading(place: Token, token: Token) -> bool:
    """ "The 4,000 claim In Ormoc, a port badly hit by the storm, officials now think …": a heading run into the
    sentence leaves its true first word, a capitalised preposition, inside it; the place it introduces, set off by a
    comma, sets the scene of what follows as an opening one does."""
    preposition = place.head
    doc = place.doc
    if place.dep_ != "pobj" or preposition.dep_ != "prep" or not preposition.is_title or not preposition.is_alpha:
        return False
    if preposition.i == place.sent.start or doc[preposition.i - 1].is_punct or doc[preposition.i - 1].is_title:
        return False  # the sentence's own first word, or a name ("Port Of Spain")
    if token.i < preposition.i:
        return False  # a figure of the heading itself
    end = max(word.i for word in place.subtree) + 1
    return end < len(doc) and doc[end].text == ","


def _in_apposition(token: Token, mention: Mention, ancestors: dict[int, int]) -> bool:
    """Whether the quantity is set beside the place, as in "France (7.1%)": its phrase hangs from
    the place by apposition (a figure, not a demonym: "five Indian" is no place)."""
    level = ancestors.get(mention.token.i)
    if level is None or level == 0 or level > 2:
        return False
    child = next(word for word in [token, *token.ancestors] if word.head.i == mention.token.i)
    return child.dep_ in ("appos", "npadvmod") and child.pos_ in ("NOUN", "NUM", "SYM")


# Verbs whose "from" names where the counted set out, not where they are.
_LEAVING_LEMMAS = frozenset("set depart leave sail flee escape travel come arrive embark launch head".split())


def _origin_or_nationality(mention: Token) -> bool:
    """ "refugees from the Middle East" (where they come from), "48 citizens of Peru" (a nationality describes the
    people): not where they are. A later conjunct is read as the first ("from the United States and Britain")."""
    first = mention
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "pobj":
        return False
    preposition = first.head
    if preposition.lower_ == "from":
        # "refugees from Syria"; "boats that set out from eastern Libya", "who fled from Sudan": where they left
        verb = preposition.head
        # "a jet that took off from Kathmandu", "boats that set out from Libya": a verb with a particle of leaving
        leaving = any(child.dep_ == "prt" and child.lower_ in ("off", "out", "away") for child in verb.children)
        # "refugees from Syria", "11 from Lusania" (a number standing for its people, in a list of them)
        return verb.pos_ in ("NOUN", "PROPN", "NUM") or verb.lemma_.lower() in _LEAVING_LEMMAS or leaving
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in _CITIZENSHIP


def _steps_to(
    mention: Token,
    ancestors: dict[int, int],
    others: set[int],
    statement_lemmas: frozenset[str],
    *,
    own_clause: int = -1,
    their: set[int] | frozenset[int] = frozenset(),
) -> int | None:
    """How far up the tree the mention climbs before it reaches what governs the quantity; None
    when it belongs elsewhere."""
    if mention.dep_ in ("nsubj", "nsubjpass") and mention.head.lemma_ not in _PLACE_SUBJECT_LEMMAS:
        return None  # "Moscow has amassed", "Azerbaijan retook": an actor, not where things are
    if _origin_or_nationality(mention) or _joined_to_the_figure_s_noun(mention, ancestors):
        return None
    phrase = mention
    while phrase.dep_ in ("compound", "amod", "nmod", "poss", "appos") and phrase.head.i != phrase.i:
        phrase = phrase.head
    # "refugees approached the Belarusian-Polish border": where they went, not where they are; but "won the Boston
    # Marathon last April in 2:16:14": the race is where the time was run
    if (
        phrase.dep_ == "dobj"
        and phrase.i not in ancestors
        and phrase.head.lemma_.lower() not in _PLACE_OBJECT_LEMMAS
        and phrase.lower_ not in _EVENT_NOUNS
    ):
        return None
    if mention.dep_ in ("compound", "amod", "nmod", "poss") and not _is_place_head(_through_compounds(mention.head)):
        if not _owns_a_thing(mention) and not _in_a_named_place(mention):
            return None  # "the deadliest U.S. wildfire", "the Hindi film": it modifies another noun
    word, steps = mention, 0
    while True:
        if word.i in ancestors:
            if word.i in their and word.i != mention.i:
                return None  # "218,000 vehicles in the United States and 46,500 in Canada": the 218,000's
            if word.lemma_.lower() in statement_lemmas and word.i not in (mention.i, own_clause):
                # "told a meeting in Davos" that …: where it was said, not where the figure is; but "on Rhodes,
                # 40 people have been confirmed injured": the verb is the figure's own, and so is the place
                return None
            return steps + ancestors[word.i]
        if (word.i in others and word.i != mention.i) or _a_person(word) and word.i != mention.i:
            return None  # another figure's place, or a person's origin ("Kiptum of Kenya")
        if opens_clause(word) and word.dep_ not in ("acl", "relcl"):
            return None  # a clause the quantity is not in (a clause describing a noun is part of it)
        if word.dep_ == "conj" and word.pos_ == "NOUN" and word.i != mention.i and word.head.i in ancestors:
            return None  # "a capital of 90,000 people as well as the main port on Samar": another noun's
        if word.head.i == word.i:
            return None
        word, steps = word.head, steps + 1


def _joined_to_the_figure_s_noun(mention: Token, ancestors: dict[int, int]) -> bool:
    """ "three buildings in Kilauea and 16 structures in Anahola", parsed as if the 16 structures were joined to
    Kilauea: a place the figure's own noun hangs from by "and" is the other item's, not the figure's."""
    level = ancestors.get(mention.i, 0)
    return level > 0 and any(child.dep_ == "conj" and ancestors.get(child.i) == level - 1 for child in mention.children)


def _through_compounds(noun: Token) -> Token:
    """The noun a chain of compounds ends in: "jet" of "the Nepal jet crash" is "crash"'s."""
    while noun.dep_ == "compound" and noun.head.i != noun.i and noun.pos_ == "NOUN":
        noun = noun.head
    return noun


def _in_a_named_place(mention: Token) -> bool:
    """ "Nepal's Pokhara", "Hawaii's Hanalei": a place's possessive on another place's name says where that place
    is."""
    head = mention.head
    if mention.dep_ not in ("poss", "nmod") or head.pos_ != "PROPN" or head.ent_type_ not in _PLACE_ENTS:
        return False
    # a place to the tagger, where the sentence puts something ("crashed in Nepal's Pokhara"), not a person's name
    # the tagger took for a place's ("Kenya's Ruth Chepngetich set a record")
    return head.ent_type_ in ("GPE", "LOC") or (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS)


def _a_person(word: Token) -> bool:
    """A person's name: tagged a person and a proper noun ("Kiptum"); not a common noun opening a sentence that the
    entity recogniser took for one ("Turnout in Sunday's elections in Malta fell to 58.3%")."""
    return word.ent_type_ == "PERSON" and word.pos_ == "PROPN"


def _owns_a_thing(mention: Token) -> bool:
    """ "Ukraine's grain harvest", "Kenya's tea exports": a country's possessive on a thing (not on a body or a
    person, nor a name) says where it is."""
    head = mention.head
    return (
        mention.dep_ == "poss"
        and head.pos_ == "NOUN"
        and not {head.lemma_.lower(), head.lower_} & (BODY_NOUNS | ROLE_NOUNS)
        and head.ent_type_ not in ("ORG", "PERSON", "NORP")
    )


# ---------------------------------------------------------------------------------------------
# Without a parse: by clause in the text
# ---------------------------------------------------------------------------------------------


def places_by_clause(entities: Sequence[Span], segments: list[int]) -> dict[int, tuple[str, ...]]:
    """Places named in each segment of a sentence read without a parse: its place entities."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.label_ not in _PLACE_ENTS:
            continue
        segment = bisect.bisect_right(segments, entity.start_char) - 1
        rank = 1 if entity.label_ == "FAC" else 2
        found.setdefault(segment, []).append((rank, entity.start_char, DETERMINER_RE.sub("", entity.text)))
    out = {}
    for segment, items in found.items():
        seen: list[str] = []
        for _, _, name in sorted(items):
            if name.lower() not in (known.lower() for known in seen):
                seen.append(name)
        out[segment] = tuple(seen)
    return out
