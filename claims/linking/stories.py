"""The linker on stories in our own words, told by several articles over days (`tests/data/link_stories.json`).

    python -m claims.linking.evaluation --stories tests/data/link_stories.json

The development stories of the real corpus lack some kinds of copy an editor meets every week: tolls told again
over days without running words, agencies' counts side by side, year-to-date totals read again, counts that
fall (the missing, those still in shelters). These stories supply them, in the team's own words. Each article
is run through the real extractor, every pair of claims from two articles of one story is judged as the
evaluation judges a real pair (older claim first), and scored against the story's links: a listed link must
be suggested with its relation, any other pair is a look-alike, and a pair marked "unsure" is not scored.

Every article of a story carries its day; real pages often do not (25 of the corpus's 65 give none). So the
stories are also scored with every other article's date hidden from the extractor and the linker ("undated"):
what the rules do when the days cannot order two figures.

The stories come in rounds, each written before the rules it led to were changed: round 1 first, round 2 after
round 1's changes, round 3 after round 2's, of other kinds of story. A round's figures at the commit that added
it are the honest measure of how the rules carry to copy they were not written for (docs/linking.md).
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .evaluation import LINKED, Tally, facts_of, predict
from .rules import DEFAULT_THRESHOLD, ClaimFacts

UNSURE = "unsure"


def load_stories(path: Path) -> list[dict]:
    """The stories, checked: every link names two articles of its story and a relation."""
    stories = json.loads(path.read_text(encoding="utf-8"))["stories"]
    for story in stories:
        count = len(story["articles"])
        for link in story["links"]:
            if link["relation"] not in (*LINKED, UNSURE):
                raise ValueError(f"{story['id']}: unknown relation {link['relation']!r}")
            if not all(0 <= side[0] < count for side in (link["a"], link["b"])) or link["a"][0] == link["b"][0]:
                raise ValueError(f"{story['id']}: a link must join two of the story's articles: {link}")
    return stories


@functools.lru_cache(maxsize=1024)
def _extracted(body: str, published: datetime.date | None) -> tuple[Any, ...]:
    """The real extractor's claims of one article, read once: the dated and the undated scoring read every dated
    article alike."""
    from claims.extraction import extract  # spaCy loads only when stories are scored

    return tuple(extract(body, published))


Claim = tuple[int, str, ClaimFacts, datetime.date]  # article number, quote, facts, the article's day


def _claims(story: dict, extract: Any, *, undated: bool) -> list[Claim]:
    """Each article's claims, with the day it was published; with `undated`, every other article (the second,
    the fourth …) is extracted and judged as if its page gave no date, as a third of real pages give none."""
    found = []
    for number, article in enumerate(story["articles"]):
        published = datetime.date.fromisoformat(article["published"])
        shown = None if undated and number % 2 else published
        for draft in extract(article["body"], shown):
            facts = facts_of(draft, {"published": shown and article["published"]}, tuple(story["story"]))
            found.append((number, draft.quote, facts, published))
    return found


def story_claims(story: dict, *, undated: bool = False) -> list[Claim]:
    """The real extractor's claims of a story's articles (see `_claims`)."""
    return _claims(story, _extracted, undated=undated)


def cross_article_pairs(story: dict, claims: list[Claim]) -> Iterator[tuple[Claim, Claim, str]]:
    """Every pair of claims from two of the story's articles, the older first (by the articles' days), with its
    gold relation: the link's, whichever way it was written, else "unrelated"."""
    gold = {}
    for link in story["links"]:
        key = (tuple(link["a"]), tuple(link["b"]))
        gold[key] = gold[key[::-1]] = link["relation"]
    for first, second in itertools.combinations(claims, 2):
        if first[0] == second[0]:
            continue
        older, newer = sorted((first, second), key=lambda claim: claim[3])
        yield older, newer, gold.get(((older[0], older[1]), (newer[0], newer[1])), "unrelated")


def evaluate_story(
    story: dict, *, threshold: float = DEFAULT_THRESHOLD, extract: Any = None, undated: bool = False
) -> Tally:
    """Score every cross-article pair of one story's extracted claims against its links (`_claims` for
    `undated`: the links keep the order the articles' days give, which the linker is then not told)."""
    if extract is None:
        extract = _extracted

    claims = _claims(story, extract, undated=undated)
    quoted = {(number, quote) for number, quote, _, _ in claims}
    tally = Tally()
    for link in story["links"]:
        missed = [side for side in (link["a"], link["b"]) if tuple(side) not in quoted]
        if missed and link["relation"] != UNSURE:  # the extractor quoted it otherwise, or not at all
            name = f"{story['id']} {link['a']} / {link['b']}"
            tally.add(name, link["relation"], None, missed=True, detail=str(missed))
    for older, newer, relation in cross_article_pairs(story, claims):
        if relation == UNSURE:
            tally.excluded += 1
            continue
        got, proposal = predict(older[2], newer[2], threshold=threshold)
        why = "; ".join(proposal.reasons) if proposal is not None else "no proposal"
        name = f"{story['id']} {older[0]}:{older[1]!r} / {newer[0]}:{newer[1]!r}"
        tally.add(name, relation, got, detail=why, score=proposal.score if proposal is not None else 0.0)
    return tally


def evaluate_stories(
    stories: list[dict], *, threshold: float = DEFAULT_THRESHOLD, undated: bool = False
) -> dict[int, Tally]:
    """One tally per round, and all rounds together under round 0."""
    tallies: dict[int, Tally] = {0: Tally()}
    for story in stories:
        tally = evaluate_story(story, threshold=threshold, undated=undated)
        for round_ in (0, story["round"]):
            tallies.setdefault(round_, Tally()).merge(tally)
    return tallies
