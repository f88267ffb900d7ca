"""Where a quantity is: the places of its sentence, clause by clause."""

from __future__ import annotations

import bisect

from .parsed import DETERMINER_RE

_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


_PLACE_NOUNS = frozenset("border crossing checkpoint camp airport port bridge station base border-crossing".split())


def places_by_clause(span, entities, segments: list[int], *, parsed: bool) -> dict[int, tuple[str, ...]]:
    """Places named in each segment of the sentence ``span``.

    GPE/LOC/FAC entities, plus names the tagger missed before a place noun ("Bruzgi border
    crossing" gives Bruzgi; "Belarusian-EU border" is itself the place). Not places: a country
    acting as the subject ("Moscow has amassed", "Azerbaijan retook") and an origin ("refugees
    from the Middle East"). The most specific place comes first.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    places = list(_entity_places(entities, parsed=parsed))
    if parsed:
        places += _places_before_place_nouns(span)
    for char, rank, name in places:
        segment = bisect.bisect_right(segments, char) - 1
        found.setdefault(segment, []).append((rank, char, name))
    out = {}
    for segment, items in found.items():
        seen: list[str] = []
        for _, _, name in sorted(items):
            if name.lower() not in (known.lower() for known in seen):
                seen.append(name)
        out[segment] = tuple(seen)
    return out


def _entity_places(entities, *, parsed: bool):
    """(character, rank, name) of the place entities that are where something happened."""
    for entity in entities:
        if entity.label_ not in _PLACE_ENTS:
            continue
        root = entity.root
        if parsed:
            if root.dep_ in ("nsubj", "nsubjpass") and entity.label_ == "GPE":
                continue
            if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN"):
                continue
        yield entity.start_char, 1 if entity.label_ == "FAC" else 2, DETERMINER_RE.sub("", entity.text)


def _places_before_place_nouns(span) -> list[tuple[int, int, str]]:
    """(character, rank 0, name) of the proper nouns right before a place noun: "Bruzgi border
    crossing" gives "Bruzgi", "Belarusian-EU border" the whole phrase."""
    doc = span.doc
    out = []
    for token in span:
        if token.lower_ not in _PLACE_NOUNS or token.i == span.start:
            continue
        j = token.i - 1
        while j >= span.start and doc[j].lower_ in _PLACE_NOUNS:
            j -= 1
        k = j
        while k >= span.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("GPE", "NORP", "LOC", "PERSON"):
            k -= 1
        if k == j:
            continue
        if k >= span.start + 1 and doc[k].text == "-" and doc[k - 1].pos_ in ("PROPN", "ADJ"):
            out.append((doc[k - 1].idx, 0, doc[k - 1 : token.i + 1].text))
        else:
            out.append((doc[k + 1].idx, 0, doc[k + 1 : j + 1].text))
    return out
