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
        "attack disaster marathon".split()
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
    tokens = [token for token in entity if token.pos_ == "PROPN"]
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
    """ "the Chicago Marathon" (an event, or a facility to the tagger) is held in Chicago: its one leading proper
    noun, when the rest is an event's noun; None for any other entity ("the World Cup", "the G20 summit")."""
    if entity.label_ not in ("EVENT", "FAC"):
        return None
    tokens = [token for token in entity if token.lower_ not in ("the",)]
    if len(tokens) < 2 or tokens[1].lower_ not in _EVENT_NOUNS:
        return None
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
        if (token.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS) or after_place_noun or reached or on_a_place:
            # "in Tacloban", "the city of Tacloban", "south of Taroudant", "in the Pokhra Hospital", even when tagged
            # a name; "reached the Canaries", when not tagged at all
            first = min([token.i] + [child.i for child in token.children if child.dep_ == "compound"])
            out.append(Mention(span.doc[first : token.i + 1].text, span.doc[first].idx, token))
    return out


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
    divisions = word_ids(doc, _DIVISIONS)
    out = []
    for token in span:
        if token.lower in divisions:
            out += _names_of_divisions(span, token)
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
    item = sorted(
        (ancestors[mention.token.i], mention.name) for mention in mentions if _in_apposition(token, mention, ancestors)
    )
    if item:  # "France (7.1%), Spain (7.3%)": a figure in a list takes its own item's place
        return (item[0][1],)
    inside = [span for span in reading.comparisons if span[0] <= quantity.start < span[1]]
    if inside:
        opening = token.sent.start_char
        subjects = {
            word.i
            for ancestor in token.ancestors
            for child in ancestor.children
            if child.dep_ in ("nsubj", "nsubjpass")
            for word in child.subtree
        }
        mentions = [
            mention
            for mention in mentions
            if inside[0][0] <= mention.start < inside[0][1]
            or mention.token.i in subjects  # "The number waiting … in England hit 32,776, up from 28,756"
            or _opens_the_sentence(mention, opening)
        ]
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
    if not names and not inside:
        names = _scene(token, mentions)
    return tuple(names)


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


def _scene(token: Token, mentions: list[Mention]) -> list[str]:
    """ "On the island of Evia, at least 12 people have died, more than 400 homes have been destroyed": a place the
    sentence opens with sets the scene of all it tells, wherever the parse hangs the phrase."""
    opening = token.sent.start_char
    return [mention.name for mention in mentions if _opens_the_sentence(mention, opening)][:1]


def _opens_the_sentence(mention: Mention, opening: int) -> bool:
    """ "In Lithuania, 150 migrants crossed, up from 40": a place setting the scene of the sentence."""
    first = mention.token.sent[0]
    return first.idx == opening and first.dep_ == "prep" and mention.token.i in [word.i for word in first.subtree]


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
        return preposition.head.pos_ in ("NOUN", "PROPN") or preposition.head.lemma_.lower() in _LEAVING_LEMMAS
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
    if _origin_or_nationality(mention):
        return None
    phrase = mention
    while phrase.dep_ in ("compound", "amod", "nmod", "poss", "appos") and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.dep_ == "dobj" and phrase.i not in ancestors and phrase.head.lemma_.lower() not in _PLACE_OBJECT_LEMMAS:
        return None  # "refugees approached the Belarusian-Polish border": where they went, not where they are
    if mention.dep_ in ("compound", "amod", "nmod", "poss") and not _is_place_head(mention.head):
        if not _owns_a_thing(mention):
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
        if word.head.i == word.i:
            return None
        word, steps = word.head, steps + 1


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
