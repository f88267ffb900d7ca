"""The worked examples of EXTRACTION.md, asserted on the two seed documents.

Each seed is split as ingestion does (DESIGN.md): an optional ` date YYYY-MM-DD URL` line, then
the title (first non-empty line), then the body; extraction gets the body only. Seed 000 is
published 2021-11-21 (its date line). Seed 004 has no date line; it is article 004 of the same
day, so it is passed published=2021-11-21, which the table's "last year" -> 2020 needs.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from claims.extraction import extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PUBLISHED = dt.date(2021, 11, 21)
INF = None


def body_of(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[0].strip().startswith("date "):
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return "\n".join(lines[1:])  # drop the title


@pytest.fixture(scope="module")
def claims_000():
    return extract(body_of("000_8f2e4d9718bdb8d5.txt"), PUBLISHED)


@pytest.fixture(scope="module")
def claims_004():
    return extract(body_of("004_b9e9a157dd8c293d.txt"), PUBLISHED)


def D(x):
    return None if x is None else Decimal(x)


Y2021 = ("in 2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31))
Y2020 = ("last year", dt.date(2020, 1, 1), dt.date(2020, 12, 31))
NOV8 = ("On November 8", dt.date(2021, 11, 8), dt.date(2021, 11, 8))
WAR = ("during the six-week war", None, None)
NONE = ("", None, None)

# quote, value, low, high, qualifier, unit, kind, (time_text, start, end), places, attribution
TABLE = [
    ("004", "More than 8,000", 8000, 8000, INF, "more_than", "people", "count", Y2021, ("Belarusian-EU border",), ""),
    ("004", "just 150", 150, 150, 150, "exact", "people", "count", Y2020, (), ""),
    ("004", "Some 2,000", 2000, 2000, 2000, "approx", "people", "count", NONE, ("Bruzgi", "Belarus", "Poland"), ""),
    ("000", "more than 2 thousand", 2000, 2000, INF, "more_than", "people", "count", NONE, ("Belarus", "Poland"), ""),
    ("000", "several thousand", None, 2000, 9999, "vague", "refugee", "count", NOV8, (), ""),
    ("004", "tens of thousands", None, 10000, 99999, "vague", "troop", "count", NONE, ("Ukraine",), ""),
    ("004", "300", 300, 300, 300, "exact", "settlement", "count", WAR, (), ""),
    ("004", "six-week", 6, 6, 6, "exact", "week", "duration", NONE, (), ""),
]


@pytest.mark.parametrize("row", TABLE, ids=[r[1] for r in TABLE])
def test_each_worked_example_of_the_spec_is_extracted_with_every_column(row, claims_000, claims_004):
    seed, quote, value, low, high, qualifier, unit, kind, time, places, attribution = row
    claims = claims_000 if seed == "000" else claims_004
    matching = [c for c in claims if c.quote == quote]
    assert len(matching) == 1, [c.quote for c in claims]
    c = matching[0]
    assert (c.value, c.value_low, c.value_high) == (D(value), D(low), D(high))
    assert c.qualifier == qualifier
    assert (c.unit, c.kind) == (unit, kind)  # units are lower-case lemmas: "troop", "week"
    assert (c.time_text, c.period_start, c.period_end) == time
    assert c.places == places
    assert c.attribution == attribution


def test_the_first_worked_example_gets_the_label_an_editor_scans(claims_004):
    c = next(c for c in claims_004 if c.quote == "More than 8,000")
    assert c.label == "More than 8,000 people · 2021 · Belarusian-EU border"


def test_offsets_of_every_seed_claim_index_the_body(claims_000, claims_004):
    for name, claims in (("000_8f2e4d9718bdb8d5.txt", claims_000), ("004_b9e9a157dd8c293d.txt", claims_004)):
        body = body_of(name)
        for c in claims:
            assert body[c.quote_start : c.quote_end] == c.quote
            assert body[c.sentence_start : c.sentence_end] == c.sentence
            assert c.quote_start >= c.sentence_start and c.quote_end <= c.sentence_end


NOT_CLAIMS_000 = ["11/21/2021", "November 21", "November 15", "November 8", "2021-11-21T15: 12", "PT0M56S"]
NOT_CLAIMS_004 = [
    "second",
    "this year",
    "2014",
    "Nov. 26",
    "1991",
    "Sept. 27, 2020",
    "November 2020",
    "2021",
    "last year",
]


@pytest.mark.parametrize(
    ("name", "fixture", "phrases"),
    [
        ("000_8f2e4d9718bdb8d5.txt", "claims_000", NOT_CLAIMS_000),
        ("004_b9e9a157dd8c293d.txt", "claims_004", NOT_CLAIMS_004),
    ],
)
def test_no_seed_claim_is_a_date_a_year_an_ordinal_or_video_metadata(name, fixture, phrases, request):
    body = body_of(name)
    claims = request.getfixturevalue(fixture)
    for phrase in phrases:
        start = body.index(phrase)
        end = start + len(phrase)
        assert not [c.quote for c in claims if c.quote_start < end and start < c.quote_end], phrase


def test_seed_000_yields_exactly_its_two_quantities(claims_000):
    assert [c.quote for c in claims_000] == ["more than 2 thousand", "several thousand"]


def test_a_time_window_of_a_policy_is_not_a_claim_but_a_duration_that_is_the_fact_is(claims_004):
    # "a policy that it has maintained for the past seven years": "the past seven years" is
    # the window the sentence is about (like "over the last 24 hours"), not a quantity the
    # article asserts, so "seven" there is no claim. "during the six-week war" is the same kind
    # of phrase, but "six-week" describes the war itself (like "a three-month state of
    # emergency"), so it is a claim: an adjectival duration of an event is a fact.
    quotes = [c.quote for c in claims_004]
    body = body_of("004_b9e9a157dd8c293d.txt")
    seven_years = body.index("for the past seven years")
    assert not [c for c in claims_004 if seven_years <= c.quote_start < seven_years + 24]
    assert "six-week" in quotes


def test_the_whole_seed_file_with_its_date_line_and_title_gives_the_same_claims():
    text = (SEEDS / "000_8f2e4d9718bdb8d5.txt").read_text(encoding="utf-8")
    assert [c.quote for c in extract(text, PUBLISHED)] == ["more than 2 thousand", "several thousand"]


def test_a_definite_back_reference_scores_lower_than_a_specific_large_number(claims_004):
    by_quote = {c.quote: c for c in claims_004}
    assert by_quote["three"].score < by_quote["More than 8,000"].score
