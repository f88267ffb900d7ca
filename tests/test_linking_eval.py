"""The linking evaluation: its scorer on made-up articles, and the linker's floors on real copy.

The real-copy parts read ../shared/corpus (FACTDESK_CORPUS overrides); without it they skip with the
reason, and fail under CI. The held-out part prints and asserts aggregate figures only.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from claims.linking import audit, calibration, evaluation, stories
from claims.linking.rules import Proposal

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
OLD_PAIRS = ROOT / "tests" / "data" / "link_pairs.jsonl"


@dataclass(frozen=True)
class Drafted:
    """Shaped like the extractor's ClaimDraft, with only what the linker reads."""

    quote_start: int
    quote_end: int
    value: float
    sentence: str
    quote: str = ""
    sentence_start: int = 0
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"
    unit: str = "people"
    kind: str = "count"
    period_start: None = None
    period_end: None = None
    places: tuple[str, ...] = ()


@pytest.fixture
def corpus(tmp_path):
    """Two articles of three words each; the fake extractor finds the numbers at offsets 0 and 10 only."""
    articles = tmp_path / "articles" / "story"
    articles.mkdir(parents=True)
    for name in ("01-a.json", "02-b.json"):
        body = "1,200 dead and 40 hurt"
        (articles / name).write_text(json.dumps({"body": body, "published": "2023-09-10"}), encoding="utf-8")

    def extract(body, published=None):
        assert published is not None and published.isoformat() == "2023-09-10"
        return [Drafted(0, 5, 1200.0, body, body[0:5]), Drafted(10, 12, 40.0, body, body[10:12])]

    return evaluation.Corpus(tmp_path, extract=extract)


def pair(pair_id, relation, a, b, note=""):
    return {
        "id": pair_id,
        "relation": relation,
        "a": {"file": "story/01-a.json", "start": a[0], "end": a[1]},
        "b": {"file": "story/02-b.json", "start": b[0], "end": b[1]},
        "note": note,
    }


def linking_everything_as(relation, newer_first=True):
    """A stand-in linker that suggests `relation` for every pair, as `evaluation.predict` reports it."""

    def judge(a, b, *, threshold):
        got = relation if relation != "updates" or newer_first else "updates (reversed)"
        return got, Proposal(relation, 0.9, ["made up"], newer_first=newer_first)

    return judge


def test_a_side_the_extractor_missed_counts_against_recall_and_is_reported_apart(corpus):
    pairs = [pair("p1", "same", (0, 5), (0, 5)), pair("p2", "same", (0, 5), (6, 9))]  # "dead" is no claim
    tally = evaluation.evaluate_real(pairs, corpus, judge=linking_everything_as("same"))
    assert tally.gold["same"] == 2 and tally.missed["same"] == 1
    assert tally.recall() == 0.5 and tally.recall(without_misses=True) == 1.0
    assert tally.precision() == 1.0
    assert any("extraction miss" in line for line in tally.errors)


def test_pairs_of_dates_and_times_of_day_are_left_out_and_counted(corpus):
    pairs = [
        pair("p1", "same", (0, 5), (0, 5), note="[date] landing day"),
        pair("p2", "same", (10, 12), (10, 12), note="[time of day] touchdown"),
        pair("p3", "same", (0, 5), (0, 5)),
    ]
    tally = evaluation.evaluate_real(pairs, corpus, judge=linking_everything_as("same"))
    assert tally.excluded == 2 and tally.gold["same"] == 1
    assert "3 pairs, 1 scored (2 pairs of non-claims left out)" in evaluation.render("dev", tally, pairs=3)[0]


def test_a_linked_look_alike_costs_precision_and_is_counted(corpus):
    pairs = [pair("p1", "same", (0, 5), (0, 5)), pair("p2", "unrelated", (0, 5), (10, 12))]
    tally = evaluation.evaluate_real(pairs, corpus, judge=linking_everything_as("same"))
    assert tally.lookalikes_linked == 1 and tally.lookalikes == 1
    assert tally.precision() == 0.5 and tally.recall() == 1.0
    assert "  look-alikes linked: 1 of 1" in evaluation.render("dev", tally, pairs=2)


def test_an_update_counts_only_from_the_older_claim_to_the_newer(corpus):
    pairs = [pair("p1", "updates", (0, 5), (0, 5))]
    right = evaluation.evaluate_real(pairs, corpus, judge=linking_everything_as("updates"))
    wrong = evaluation.evaluate_real(pairs, corpus, judge=linking_everything_as("updates", newer_first=False))
    assert right.recall(["updates"]) == 1.0
    assert wrong.recall(["updates"]) == 0.0 and wrong.precision() == 0.0


def test_the_real_rules_judge_the_extracted_claims_not_the_gold_fields(corpus):
    pairs = [pair("p1", "same", (0, 5), (0, 5)), pair("p2", "unrelated", (0, 5), (10, 12))]
    tally = evaluation.evaluate_real(pairs, corpus)
    assert tally.gold == {"same": 1, "unrelated": 1} and tally.crashes == 0
    assert tally.lookalikes_linked == 0  # 1,200 dead vs 40: never the same


def test_floors_name_the_figure_that_falls_short(monkeypatch):
    tally = evaluation.Tally()
    tally.add("p1", "same", "same")
    tally.add("p2", "same", None)
    tally.add("p3", "unrelated", "same")
    monkeypatch.setitem(evaluation.FLOORS, "dev", {"recall": 0.9, "precision": 0.5, "lookalikes_linked": 0})
    assert evaluation.below_floors("dev", tally) == [
        "dev recall 0.500 (floor 0.9)",
        "dev lookalikes_linked 1.000 (floor 0)",
    ]


def test_the_team_s_own_pairs_keep_their_floors():
    pairs = evaluation.load_pairs(OLD_PAIRS)
    assert len(pairs) >= 60 and {p["relation"] for p in pairs} == {"same", "contradicts", "unrelated"}
    tally = evaluation.evaluate(pairs)
    assert not evaluation.below_floors("old", tally), "\n".join(tally.errors)


# ---------------------------------------------------------------- the linker on real copy


@pytest.fixture(scope="module")
def real_corpus(real_extract):
    """The corpus, its articles' claims from the extraction evaluation's parse when it ran first (one worker)."""
    root = Path(os.environ.get("FACTDESK_CORPUS", evaluation.DEFAULT_CORPUS))
    corpus = evaluation.Corpus(root, extract=real_extract)
    if not corpus.available():
        reason = f"needs the real-copy corpus at {corpus.articles} (../shared/corpus)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: {reason}")
        pytest.skip(reason)
    return corpus


# Each real-copy part and its floors: the labelled development pairs, the audit of the linker's own suggestions
# on the development clusters, and the held-out pairs (aggregates only: they are never shown, so nobody tunes on them).
REAL_PARTS = {"dev": "links_dev.jsonl", "audit": "links_dev_audit.jsonl", "heldout": "heldout/links.jsonl"}


@pytest.mark.slow
@pytest.mark.linking_eval
@pytest.mark.xdist_group("real_copy")
@pytest.mark.parametrize("part", REAL_PARTS)
def test_suggestions_on_real_copy_meet_each_parts_floors(real_corpus, part):
    pairs = evaluation.load_pairs(REAL / REAL_PARTS[part])
    tally = evaluation.evaluate_real(pairs, real_corpus)
    lines = evaluation.render(part, tally, pairs=len(pairs))
    if part == "dev":
        lines += tally.errors
    assert not evaluation.below_floors(part, tally), "\n".join(lines)


def test_the_calibration_line_bins_suggestions_by_score_with_the_share_right():
    scored = [(0.55, True), (0.58, False), (0.95, True), (0.99, True), (0.3, False)]
    assert evaluation.calibration_line(scored) == "under 0.5: 1, 0.00 · 0.5–0.6: 2, 0.50 · 0.9–1.0: 2, 1.00"


def test_a_weight_fitted_alone_leaves_the_others_as_they_were():
    """`--alone`: one new reading's weight fitted with the score's other weights held, as `undated` was."""
    rows = [({"bias": 1.0, "x": 1.0, "y": float(i % 2)}, int(i % 3 != 0)) for i in range(30)]
    held = {"bias": -0.5, "x": 0.25}
    weights = calibration.fit(rows, ["y"], held=held)
    assert weights["bias"] == -0.5 and weights["x"] == 0.25 and weights["y"] != 0.0
    free = calibration.fit(rows, ["bias", "x", "y"])
    assert free["bias"] != -0.5  # the full fit moves them


def test_the_calibrations_cross_story_draw_does_not_move_when_other_claims_come_or_go():
    """A change of the extractor adds or drops claims; each remaining claim keeps the negative it was given,
    so two fits differ only by what really changed (claims.linking.calibration._draw)."""
    from claims.linking import calibration
    from claims.linking.rules import ClaimFacts

    def facts(n: int) -> ClaimFacts:
        return ClaimFacts(value=n, sentence=f"Some {n} people waited.", quote=f"Some {n}")

    mine = facts(1)
    candidates = [("b.json", facts(n)) for n in range(2, 40)]

    def chosen(options):
        return min(options, key=lambda match: calibration._draw("a.json", mine, *match))

    first = chosen(candidates)
    assert chosen(list(reversed(candidates))) == first  # the order the candidates come in decides nothing
    assert chosen([match for match in candidates if match is not candidates[5] or match is first]) == first
    assert chosen([*candidates, ("c.json", facts(99))]) in (first, ("c.json", facts(99)))
    assert calibration._draw("a.json", mine, *first) == calibration._draw("a.json", mine, *first)


@pytest.mark.slow
@pytest.mark.linking_eval
@pytest.mark.xdist_group("real_copy")
def test_every_suggestion_the_linker_makes_in_the_development_stories_is_labelled(real_corpus):
    """The audit stays whole: a change that makes a suggestion nobody labelled fails here until it is labelled
    (`python -m claims.linking.audit … --text` lists them), so the audit's precision keeps meaning what it says."""
    from claims.linking import audit

    pairs = [
        pair for name in ("links_dev.jsonl", "links_dev_audit.jsonl") for pair in evaluation.load_pairs(REAL / name)
    ]
    found = audit.unlabelled(pairs, real_corpus)
    shown = [f"{item['score']:.2f} {item['relation']}: {item['a']} / {item['b']}" for item in found[:10]]
    assert not found, f"{len(found)} suggestions no label covers; label them in links_dev_audit.jsonl:\n" + "\n".join(
        shown
    )


def test_the_audit_never_reads_the_held_out_part(tmp_path, capsys):
    from claims.linking import audit

    held_out = tmp_path / "heldout" / "links.jsonl"
    held_out.parent.mkdir()
    held_out.write_text("", encoding="utf-8")
    assert audit.main([str(held_out)]) == 2
    assert "never audited" in capsys.readouterr().err


@pytest.mark.parametrize(
    "run",
    [
        lambda path: audit.main([str(path)]),
        lambda path: calibration.main(["--dev", str(path)]),
        lambda path: calibration.main(["--dev", "links_dev.jsonl", "--audit", str(path)]),
    ],
    ids=["audit", "calibration --dev", "calibration --audit"],
)
def test_the_held_out_pairs_are_never_audited_or_fitted_on(run, tmp_path, capsys):
    held_out = tmp_path / "heldout" / "links.jsonl"
    held_out.parent.mkdir()
    held_out.write_text("", encoding="utf-8")
    assert evaluation.is_held_out(held_out) and not evaluation.is_held_out(tmp_path / "links_dev.jsonl")
    assert run(held_out) == 2
    assert "held-out" in capsys.readouterr().err


# ---------------------------------------------------------------- the team's own stories, told over days

STORIES = ROOT / "tests" / "data" / "link_stories.json"


def _story(links: list[dict], second: str = "Officials said 2,900 people died in the quake.") -> dict:
    return {
        "id": "quake",
        "round": 1,
        "story": ["quake", "atlas"],
        "articles": [
            {"published": "2023-09-09", "body": "Officials said 2,000 people died in the quake."},
            {"published": "2023-09-11", "body": second},
        ],
        "links": links,
    }


def test_a_story_s_listed_link_is_scored_and_any_other_pair_is_a_look_alike():
    found = stories.evaluate_story(_story([{"a": [0, "2,000"], "b": [1, "2,900"], "relation": "updates"}]))
    assert (found.correct["updates"], found.gold["updates"], found.lookalikes) == (1, 1, 0)
    unlisted = stories.evaluate_story(_story([]))
    assert unlisted.lookalikes_linked == 1  # the same update, listed nowhere: a look-alike linked


def test_a_story_s_unsure_pair_is_left_out_and_a_quote_never_extracted_is_a_miss():
    unsure = stories.evaluate_story(_story([{"a": [0, "2,000"], "b": [1, "2,900"], "relation": "unsure"}]))
    assert unsure.excluded == 1 and not unsure.gold
    missed = stories.evaluate_story(_story([{"a": [0, "2,000"], "b": [1, "3,100"], "relation": "updates"}]))
    assert missed.missed["updates"] == 1 and missed.recall() == 0.0


def test_a_story_s_link_must_join_two_of_its_articles(tmp_path):
    path = tmp_path / "stories.json"
    path.write_text(json.dumps({"stories": [_story([{"a": [0, "2,000"], "b": [0, "2,000"], "relation": "same"}])]}))
    with pytest.raises(ValueError, match="two of the story's articles"):
        stories.load_stories(path)


def test_the_stories_train_the_contradiction_score_but_never_the_untuned_round(tmp_path):
    """Two named bodies' tolls of one day, labelled a contradiction, are a right example for the contradiction model;
    the same story in round 37 (kept untuned) adds nothing, and no other model takes story examples."""
    bodies = {
        "id": "bodies",
        "story": ["quake", "valley"],
        "articles": [
            {"published": "2024-02-07", "body": "The health ministry said 1,541 people had died."},
            {"published": "2024-02-07", "body": "The Red Crescent said 1,900 people had died."},
        ],
        "links": [{"a": [0, "1,541"], "b": [1, "1,900"], "relation": "contradicts"}],
    }
    path = tmp_path / "stories.json"
    path.write_text(json.dumps({"stories": [{**bodies, "round": 1}, {**bodies, "id": "untuned", "round": 37}]}))
    found = calibration.story_examples(path)
    assert [right for _, right in found["contradiction"]] == [1]
    assert found["contradiction"][0][0]["bodies"] == 1.0
    assert not found["same"] and not found["change"]


def test_the_team_s_own_stories_keep_their_floors_in_every_round():
    found = stories.load_stories(STORIES)
    assert {story["round"] for story in found} == set(range(1, 48)) and len(found) >= 132
    tallies = stories.evaluate_stories(found)
    lines = [line for round_, tally in tallies.items() for line in evaluation.render(str(round_), tally, pairs=0)]
    assert not evaluation.below_floors("stories", tallies[0]), "\n".join(lines + tallies[0].errors)


def test_the_stories_undated_hide_every_other_article_s_day_but_keep_the_order_of_its_links():
    from claims.extraction import extract as real_extract

    seen = []

    def extract(body, published):
        seen.append(published)
        return real_extract(body, published)

    link = {"a": [0, "2,000"], "b": [1, "2,900"], "relation": "updates"}
    risen = "The death toll from the quake has risen to 2,900, officials said."
    found = stories.evaluate_story(_story([link], risen), extract=extract, undated=True)
    assert seen == [datetime.date(2023, 9, 9), None]  # the second article's day is not told
    assert (found.correct["updates"], found.gold["updates"]) == (1, 1)  # a toll still runs up, in the links' order
    reversed_link = {"a": [0, "2,000"], "b": [1, "1,500"], "relation": "updates"}
    fell = stories.evaluate_story(
        _story([reversed_link], risen.replace("2,900", "1,500")), extract=extract, undated=True
    )
    assert fell.correct["updates"] == 0  # without its day, a smaller toll cannot be read as the later one


def test_the_team_s_own_stories_keep_their_floor_with_every_other_article_undated():
    tallies = stories.evaluate_stories(stories.load_stories(STORIES), undated=True)
    assert not evaluation.below_floors("stories_undated", tallies[0]), "\n".join(tallies[0].errors)


def test_make_eval_reports_the_stories_round_by_round_and_checks_their_floor(tmp_path, capsys, monkeypatch):
    path = tmp_path / "stories.json"
    risen = "The death toll from the quake has risen to 2,900, officials said."  # a toll read dated or not
    link = {"a": [0, "2,000"], "b": [1, "2,900"], "relation": "updates"}
    path.write_text(json.dumps({"stories": [_story([link], risen)]}))
    assert evaluation.main(["--stories", str(path), "--check"]) == 0
    out = capsys.readouterr().out
    assert "the team's own stories, round 1" in out and "the team's own stories, all rounds" in out
    assert "every other article undated" in out
    monkeypatch.setitem(evaluation.FLOORS, "stories", {"recall": 1.01})
    assert evaluation.main(["--stories", str(path), "--check"]) == 1


def test_the_calibration_adds_the_stories_undated_scoring_only_when_asked(tmp_path):
    """`calibration --undated`: the contradiction model also sees the pairs of the stories' undated scoring of which
    one side gives no day (every other article, as the evaluation scores them); the pairs of two dated articles are
    the dated scoring's, counted once."""
    story = {
        "id": "floodtoll",
        "round": 1,
        "story": ["kessa", "flood"],
        "articles": [
            {
                "published": "2025-05-05",
                "body": "Floods swept through the Kessa valley on Sunday. The health ministry said on Monday that 120 "
                "people had died in the floods.",
            },
            {
                "published": "2025-05-05",
                "body": "Floods swept through the Kessa valley on Sunday. The Red Cross said on Monday that 150 people "
                "had died in the floods, more than the 120 the ministry gave.",
            },
        ],
        "links": [{"a": [0, "120"], "b": [1, "150"], "relation": "contradicts"}],
    }
    path = tmp_path / "stories.json"
    path.write_text(json.dumps({"stories": [story]}), encoding="utf-8")
    dated = calibration.story_examples(path)["contradiction"]
    both = calibration.story_examples(path, undated=True)["contradiction"]
    assert len(dated) == 1 and len(both) == 2
    assert dated[0] in both  # the dated pair once, and the same pair with the second page's day hidden
    hidden = next(row for row in both if row != dated[0])
    assert hidden[1] == 1 and hidden[0]["period_one"] == 1.0 and dated[0][0]["period_same"] == 1.0
