"""Places: the names a claim's sentence gives (`place_relation`, `shared_places`), and a place or a
division told apart from its whole (`part_beside_whole`).
"""

from __future__ import annotations

import functools
import itertools
import re

from .context_words import _WORD
from .figures import _DIGIT
from .tunables import ClaimFacts, _quote_span

# "In Tazrout province alone", "in Tacloban alone": a place's name (its noun after it or not), set apart.
_PLACE_ALONE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]or) (?:the )?"
    # "the northern province of"
    r"(?:(?:[a-z]+ )?(?:province|region|district|county|city|town|village|state|area) of )?"
    r"(?:[A-Z][\w’'-]+ ){1,3}"
    r"(?:(?:province|region|district|county|city|town|village|state|area) )?alone\b"
)
PLACE_ALONE_REACH = 40  # characters between the phrase and the figure it sets apart


@functools.lru_cache(maxsize=8192)
def place_alone(facts: ClaimFacts) -> bool:
    """A figure its sentence sets apart as one place's ("In Tazrout province alone 694 people were killed", "in
    Tacloban alone, 10,000 may have died", "in the northern province of Orvel alone, 3,100 cases"): a part of the
    story's count, never a reading of it. A month so named ("In January alone, 1,204 arrived") is read the same way,
    and is as much a part of the year's count."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    for match in _PLACE_ALONE.finditer(sentence):
        if match.start() >= end:  # the phrase after the figure: "10,000 in Tacloban alone"
            gap = sentence[end : match.start()]
        elif match.end() <= start:  # before it, unless it is another figure's ("including 90 in X alone, and 1,100 …")
            gap = sentence[match.end() : start]
            if _FIGURE_END.search(sentence, 0, match.start()):
                continue
        else:
            continue
        if len(gap) <= PLACE_ALONE_REACH and not _DIGIT.search(gap):
            return True
    return False


_FIGURE_END = re.compile(r"\d\s*$")  # a figure right before the phrase, which the phrase then sets apart

_DIVISIONS = ("city", "town", "village", "province", "region", "district", "county", "state", "area")
_DIVISION = "|".join(_DIVISIONS)
_DIVISION_PLURAL = "|".join(("cities", *(f"{word}s" for word in _DIVISIONS if word != "city")))
# A place set apart by its kind rather than its name: "in the city alone", "in just one coastal town", "in a single
# province", and "in Orvel, one of the hardest-hit towns" (one of several of its kind). Named groups: the place's
# name, when the phrase gives one, and its kind.
_KIND_ALONE = re.compile(
    rf"\b(?:[Ii]n|[Aa]t|[Ff]or) the (?:[a-z]+ )?(?P<kind>{_DIVISION}) alone\b"
    rf"|\b(?:just |only )?(?:one|a single) (?:(?P<name>[A-Z][\w’'-]+) )?(?:[a-z]+ )?(?P<kind2>{_DIVISION})\b"
)
_ONE_OF_KIND = re.compile(
    rf"\b[Ii]n (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), one of the (?:[\w-]+ ){{0,2}}(?P<kinds>{_DIVISION_PLURAL})\b"
)
ONE_OF_REACH = 100  # characters from "In Orvel, one of the hardest-hit towns," to the figure its sentence tells


def _place_named(match: re.Match) -> list[str]:
    """The name and the kind of the place a set-apart phrase names, as written ("Tacloban", "city")."""
    if match.re is _PLACE_ALONE:
        words = _WORD.findall(match.group(0))
        return [word for word in words[1:] if word[0].isupper() or word in _DIVISIONS]
    found = match.groupdict()
    kind = found.get("kind") or found.get("kind2") or ""
    plural = found.get("kinds")
    if plural:
        kind = "city" if plural == "cities" else plural.removesuffix("s")
    return [word for word in (found.get("name"), kind) if word]


_SETTING_APART_WORDS = frozenset({"alone", "one", "single"})


@functools.lru_cache(maxsize=8192)
def set_apart_place(facts: ClaimFacts) -> frozenset[str]:
    """The words that name the one place a figure's sentence sets it apart as the count of (`place_alone`: "in
    Tacloban alone, 10,000 may have died"; by its kind: "the toll in the city alone could reach 900", "as many as
    900 feared dead in just one coastal town"; or as one of several: "In Orvel, one of the hardest-hit towns, the
    mayor said 900 may have died"): the place's name and its kind, as written. Empty when the figure is not set
    apart so (a phrase beyond its reach, or with another figure between, is that figure's)."""
    start, end = _quote_span(facts)
    sentence = facts.sentence
    named: list[str] = []
    if not _SETTING_APART_WORDS & set(_WORD.findall(sentence.casefold())):
        return frozenset()  # each phrase names "alone", "one" or "single": most sentences are spared the patterns
    phrases = itertools.chain(
        _PLACE_ALONE.finditer(sentence), _KIND_ALONE.finditer(sentence), _ONE_OF_KIND.finditer(sentence)
    )
    for match in phrases:
        if match.start() >= end:
            gap = sentence[end : match.start()]
        elif match.end() <= start:
            gap = sentence[match.end() : start]
            if _FIGURE_END.search(sentence, 0, match.start()):
                continue
        else:
            continue
        reach = ONE_OF_REACH if match.re is _ONE_OF_KIND else PLACE_ALONE_REACH
        if len(gap) <= reach and not _DIGIT.search(gap):
            named.extend(_place_named(match))
    return frozenset(named)


def _names_place(facts: ClaimFacts, words: frozenset[str]) -> bool:
    """Does the sentence name one of these places ("Tacloban"), or kinds of place, in the singular or the plural
    ("city": "one of the hardest-hit cities")?"""
    for word in words:
        if word in _DIVISIONS:
            plural = "cities" if word == "city" else f"{word}s"
            pattern = rf"\b(?:{word}|{plural})\b"
        else:
            pattern = rf"\b{re.escape(word)}\b"
        if re.search(pattern, facts.sentence, re.IGNORECASE if word in _DIVISIONS else 0):
            return True
    return False


def part_beside_whole(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is set apart as one place's (`set_apart_place`: "the toll in the city alone could reach 900") and
    the other is not, nor does its sentence name that place or its kind ("900 died across the province"): a part of
    the story's count beside the count, or another part. Two figures both set apart are left to the other readings."""
    first, second = set_apart_place(a), set_apart_place(b)
    if bool(first) == bool(second):
        return False
    return not _names_place(b if first else a, first or second)


# Names of one place spelled differently; the value is the key both compare as.
PLACE_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
    "uae": "united arab emirates",
}
_PLACE_FILLER = {"the", "of", "border", "region", "city", "province", "state", "district", "and", "crossing", "island"}


def _place_key(place: str) -> str:
    place = place.strip().casefold().replace("’", "'")
    place = re.sub(r"'s?$", "", place)
    place = re.sub(r"^the ", "", place)
    place = re.sub(r"\s+alone$", "", place)  # "in Imlal province alone": the province, set apart
    place = _DIVISION_AFTER.sub("", place)  # "Alto Marañón region" is Alto Marañón
    return PLACE_ALIASES.get(place, place)


# A country's divisions, by the noun a place's name takes ("Alto Marañón region", "the province of Talmar").
_DIVISION_NOUNS = ("region", "province", "state", "district", "county", "governorate", "prefecture")
_DIVISION_AFTER = re.compile(rf"(?<=\w) (?:{'|'.join(_DIVISION_NOUNS)})$")


# Words that tell a figure is a whole country's: "across Ruvania", "nationwide".
_NATIONWIDE = re.compile(r"\b(?:[Nn]ationwide|[Cc]ountrywide|[Aa]cross the (?:country|nation)|[Aa]cross [A-Z])")
# A division named by its noun before it: "the southern district of Orvel", "the province of Talmar".
_DIVISION_OF = re.compile(rf"\b(?:{'|'.join((*_DIVISION_NOUNS, 'municipality'))}) of (?:the )?[A-Z]")


@functools.lru_cache(maxsize=8192)
def nationwide(facts: ClaimFacts) -> bool:
    """The sentence tells its figure as the whole country's ("Across Ruvania, cases passed 2,400", "1,900 cases
    nationwide")."""
    return bool(_NATIONWIDE.search(facts.sentence))


@functools.lru_cache(maxsize=8192)
def in_division(facts: ClaimFacts) -> bool:
    """The figure is set in a division of a country, named with its noun ("Orvel district had 610 cases", "in the
    southern district of Orvel"): beside a figure told as the whole country's (`nationwide`), a part of it."""
    return any(_DIVISION_AFTER.search(place) for place in facts.places) or bool(_DIVISION_OF.search(facts.sentence))


def _division_beside_place(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is told of a place named as a division, its noun after its name ("Orvel province has recorded 610
    deaths"), the other of another place named without one ("Ruvania's toll rose to 1,900"): the division's part
    beside the country's count, or another place's. Not a division named by its noun before ("the province of
    Orvel"), which more often says where the story's event struck ("the quake hit the region of Orvel, killing
    42")."""
    for part, other in ((a, b), (b, a)):
        if not any(_DIVISION_AFTER.search(place) for place in part.places) or in_division(other):
            continue
        if told_by_division(other, part):
            continue  # "the toll has climbed to 1,450, the Orvel provincial government said": the division's own count
        if (other.places and not related_places(part, other)) or "m:national" in other.counted_words:
            return True  # … or told as the country's ("a national toll of 1,900")
    return False


# A division's own government or officials, named by the division's name before them: "the Orvel provincial
# government", "Orvel's regional authorities", "Orvel state officials".
_DIVISION_BODY = (
    r"(?:['’]s)?\s+(?:(?:provincial|regional|state|district|county|prefectural)\s+)?"
    r"(?:government|authorities|officials|administration|governor)\b"
)


def told_by_division(facts: ClaimFacts, division: ClaimFacts) -> bool:
    """The figure's sentence names, as its teller, the government or officials of the division the other figure is
    told of ("the Orvel provincial government said", beside a figure "in Orvel province"): the division's own count,
    though the sentence sets it in a wider place ("the toll in the Kessa mountains has climbed to 1,450")."""
    for place in division.places:
        found = _DIVISION_AFTER.search(place)
        if found is None:
            continue
        name = re.escape(place[: found.start()].strip())
        if name and re.search(rf"\b{name}{_DIVISION_BODY}", facts.sentence):
            return True
    return False


# A sentence that opens by setting its figure in a settlement named with its kind: "In the nearby town of Wadi Kharruba,
# …", "In Tizi Ouzmar, the village closest to the epicentre, …".
_SETTLEMENT_KIND = r"(?:town|village|city|district|neighbourhood|neighborhood)"
_SETTLEMENT_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
_SETTLEMENT_OPENING = re.compile(
    rf"^In (?:(?:the|a) (?:[\w-]+ ){{0,2}}{_SETTLEMENT_KIND} of (?P<one>{_SETTLEMENT_NAME})"
    rf"|(?P<two>{_SETTLEMENT_NAME}), (?:the|a|one) [^,]{{0,50}}?\b{_SETTLEMENT_KIND}\b[^,]{{0,60}}),"
)


# A settlement named with its kind, then a clause of what happened there: "in the mountain town of Chacas, where about
# 600 houses collapsed".
_SETTLEMENT_WHERE = re.compile(rf"\b{_SETTLEMENT_KIND} of (?P<name>{_SETTLEMENT_NAME}),? where\b[^,;.\d]*$")


@functools.lru_cache(maxsize=8192)
def settlement_opening(facts: ClaimFacts) -> str:
    """The name of the settlement a sentence opens by setting its figure in, named with its kind ("In the nearby town
    of Wadi Kharruba, 170 people were killed"; "In Tizi Ouzmar, the village closest to the epicentre, 212 … were
    killed"); or that the figure's clause tells of, opening with "where" right after the settlement ("most of the dead
    were in the town of Chacas, where about 600 houses collapsed"): that place's part of the story's count. "" when
    the sentence opens otherwise, or the figure comes before the opening's end."""
    found = _SETTLEMENT_OPENING.search(facts.sentence)
    start, _ = _quote_span(facts)
    where = _SETTLEMENT_WHERE.search(facts.sentence[:start])
    if where is not None:
        return where.group("name")  # "in the mountain town of Chacas, where about 600 houses collapsed"
    if found is None or start < found.end():
        return ""
    return found.group("one") or found.group("two")


def _settlement_beside_count(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One figure is a settlement's (`settlement_opening`), the other's sentence opens with none and names no place
    of that name: the settlement's part beside the story's count, or another place's."""
    first, second = settlement_opening(a), settlement_opening(b)
    if bool(first) == bool(second):
        return False
    name, other = (first, b) if first else (second, a)
    return name.casefold() not in other.sentence.casefold()


@functools.lru_cache(maxsize=8192)
def _place_tokens(places: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for place in places:
        key = _place_key(place)
        words.update(
            PLACE_ALIASES.get(word, word) for word in re.split(r"[^\w.]+", key) if word and word not in _PLACE_FILLER
        )
        words.add(key)
    return frozenset(words)


def related_places(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the places share a name or a word ("Belarusian-EU border" and "EU"): not proof, but no conflict."""
    return bool(_place_tokens(a.places) & _place_tokens(b.places))


def shared_places(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """The places both claims name, in the first claim's spelling and order."""
    theirs = {_place_key(place) for place in b.places}
    shared, seen = [], set()
    for place in a.places:
        key = _place_key(place)
        if key in theirs and key not in seen:
            shared.append(place.rstrip("’'"))
            seen.add(key)
    return shared


def _division_told_again(part: ClaimFacts, other: ClaimFacts) -> bool:
    """A division's part of a toll ("Orvel province accounted for 288 of the dead") beside a count told of that
    division and no other place ("officials in Orvel have recovered 610 bodies"), not told as the country's ("the
    national toll rose to 900, 610 of them in Orvel"): the division's own count, read again."""
    keys = [{_place_key(place) for place in facts.places} for facts in (part, other)]
    return (
        (in_division(part) or in_division(other))
        and bool(keys[0])
        and keys[0] == keys[1]
        and "m:national" not in other.counted_words
    )


def story_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared" (the two articles go by a common name), "different" or "unknown" (either has none)."""
    if not a.story or not b.story:
        return "unknown"
    return "shared" if set(a.story) & set(b.story) else "different"


def place_relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """ "shared", "disjoint" (both name places, none in common) or "open"."""
    if not a.places or not b.places:
        return "open"
    if related_places(a, b):
        return "shared"
    # A place one sentence names may be another's story ("Maui" of a Lahaina claim in a Maui story).
    if _place_tokens(a.places) & _place_tokens(b.story) or _place_tokens(b.places) & _place_tokens(a.story):
        return "open"
    return "disjoint"
