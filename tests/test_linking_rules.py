"""The linking rules on their own: what a pair is read as, which relation it gets, and that no value crashes them."""

import datetime
import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.linking import candidates, index, rules
from claims.linking.rules import (
    ClaimFacts,
    claim_readings,
    context_words,
    counted_groups,
    figures,
    measure,
    pair_reading,
    periods,
    place_names,
    propose,
    relations,
)

from . import factories

D = Decimal


def claim(value, sentence, quote, **fields) -> ClaimFacts:
    """A claim as the rules read it; `quote` must stand in `sentence`."""
    fields.setdefault("value_low", value if fields.get("qualifier", "exact") in {"exact", "approx"} else None)
    fields.setdefault("value_high", fields["value_low"])
    return ClaimFacts(value=value, sentence=sentence, quote=quote, **fields)


# ---------------------------------------------------------------- what is measured


def test_an_empty_unit_is_read_from_the_word_after_the_number():
    kph = claim(D(275), "Gusts reached about 275 kph as the storm hit.", "about 275", qualifier="approx", unit="")
    mph = claim(D(170), "Gusts of up to 170 mph were recorded.", "up to 170", qualifier="at_most", unit="mph",
                kind="measure", value_low=None, value_high=D(170))  # fmt: skip
    assert measure.claim_measure(kph).dimension == measure.claim_measure(mph).dimension == "speed"
    assert figures.same_figure(kph, mph)  # 170 mph is 274 km/h


def test_a_share_and_a_percentage_compare_as_one_dimension():
    half = claim(D("0.5"), "Almost half of the days were hotter.", "Almost half", qualifier="approx", kind="share")
    percent = claim(D(48), "Temperatures were higher on 48% of days.", "48%", unit="percent", kind="percent")
    assert measure.claim_measure(half).dimension == measure.claim_measure(percent).dimension == "percent"
    assert figures.same_figure(half, percent)


def test_counts_of_different_things_never_share_a_figure_with_a_percentage():
    people = claim(D(5), "Five people were hurt.", "Five")
    rate = claim(D(5), "Unemployment stood at 5 percent.", "5 percent", unit="percent", kind="percent")
    assert rules.read_pair(people, rate) is None and propose(people, rate) is None


def test_at_least_names_a_figure_near_its_bound_not_every_number_above_it():
    early = claim(D(53), "Fires killed at least 53 people.", "at least 53", qualifier="at_least", value_high=None)
    later = claim(D(110), "The toll reached at least 110.", "at least 110", qualifier="at_least", value_high=None)
    over = claim(D(55), "Some 55 people died in the fires.", "Some 55", qualifier="approx")
    assert figures.compatible(early, later)  # both can be true...
    assert not figures.same_figure(early, later)  # ...but they are two figures
    assert figures.same_figure(early, over)


# ---------------------------------------------------------------- what it is about


def test_the_words_about_the_number_tell_the_dead_from_the_injured():
    dead = claim(D(93), "At least 93 people were killed in the fires on Maui.", "At least 93", qualifier="at_least",
                 value_high=None)  # fmt: skip
    also_dead = claim(D(93), "The death toll from the Maui fires stands at 93.", "93")
    injured = claim(D(93), "Some 93 people were injured in the fires on Maui.", "Some 93", qualifier="approx")
    assert counted_groups.counted(dead) == counted_groups.counted(also_dead) == {"death"}
    assert counted_groups.counted_relation(dead, injured) == "conflict"
    assert context_words.subject_similarity(dead, also_dead) > context_words.subject_similarity(dead, injured)


def test_story_names_are_the_capitalised_words_inside_sentences_title_first():
    body = (
        "Wildfires swept across Maui on Tuesday. Officials in Maui said Lahaina was destroyed. "
        "The governor of Hawaii flew to Maui."
    )
    assert rules.story_entities("Maui fires: Lahaina burns", body)[:2] == ("maui", "lahaina")


# ---------------------------------------------------------------- relations


def toll(value, published, qualifier="exact", sentence=None):
    sentence = sentence or f"The death toll from the Atlas earthquake has risen to {value:,}, officials said."
    quote = f"{value:,}"
    facts = claim(D(value), sentence, quote, qualifier=qualifier, unit="death", published=published,
                  story=("atlas", "morocco"))  # fmt: skip
    return facts


def test_a_later_larger_toll_updates_the_earlier_one_whichever_is_judged_first():
    early, later = toll(820, datetime.date(2023, 9, 9)), toll(2012, datetime.date(2023, 9, 10))
    forward, backward = propose(later, early), propose(early, later)
    assert forward.relation == backward.relation == "updates"
    assert forward.newer_first and not backward.newer_first
    assert forward.score == backward.score


def test_a_later_smaller_count_of_a_running_toll_is_not_an_update():
    early, later = toll(2012, datetime.date(2023, 9, 9)), toll(820, datetime.date(2023, 9, 10))
    proposal = propose(later, early)
    assert proposal is None or proposal.relation != "updates"


def test_two_figures_for_the_same_day_from_two_sources_contradict():
    day = {"period_start": datetime.date(2023, 9, 10), "period_end": datetime.date(2023, 9, 10)}
    government = claim(D(12), "The government says 12 people died in the Derna floods on Sunday.", "12",
                       published=datetime.date(2023, 9, 11), places=("Derna",), **day)  # fmt: skip
    mayor = claim(D(40), "Derna's mayor put the number of dead from Sunday's floods at around 40 people.",
                  "around 40", qualifier="approx", published=datetime.date(2023, 9, 11), places=("Derna",),
                  **day)  # fmt: skip
    proposal = propose(mayor, government)
    assert proposal is not None and proposal.relation == "contradicts"
    assert proposal.reasons[0] == "figures cannot both be right: about 40 vs 12"


def test_the_score_is_a_probability_and_higher_for_the_same_words():
    published = datetime.date(2023, 9, 10)
    a = claim(D(2012), "The quake killed 2,012 people, the interior ministry said.", "2,012", published=published)
    b = claim(D(2012), "The earthquake killed 2,012 people, the ministry said.", "2,012", published=published)
    c = claim(D(2012), "Some 2,012 tents were put up in the valley.", "2,012", published=published)
    alike, unlike = propose(a, b), propose(a, c)
    assert alike.relation == "same" and 0.5 <= alike.score <= 1
    assert unlike is None or unlike.score < alike.score


# ---------------------------------------------------------------- never crash

EXTREME_DATES = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from([datetime.date.min, datetime.date.max, datetime.date(9999, 12, 30), datetime.date(1, 1, 2)]),
)
NUMBERS = st.one_of(
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([D(0), D("-0"), D("1e30"), D("-1e30"), D("1e-30"), D("NaN"), D("Infinity"), D(-5)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
)
WORDS = st.text(max_size=40)
QUALIFIERS = st.one_of(st.sampled_from(sorted(figures._QUALIFIER_WORDS.keys() | {"range", "vague"})), WORDS)
KIND_NAMES = ["count", "money", "percent", "measure", "duration", "ratio", "share", "rate"]
KINDS = st.one_of(st.sampled_from(KIND_NAMES), WORDS)
UNITS = st.one_of(st.sampled_from(["", "people", "USD", "percent", "km", "mph", "second", "death", "%"]), WORDS)


# What the parse may say a count is of (claims.extraction.counted), the group, part, added-to and statistic tags
# among them (an empty one too).
COUNTED_WORDS = st.sampled_from(
    ["n:people", "m:dead", "v:die", "n:number", "n:member", "m:crew", "p:group", "g:germans", "m:remain", "n:building",
     "a:kill", "a:", "v:alive", "n:landslide", "v:infect", "v:treat", "s:inflation", "sm:core", "s:rate", "sm:",
     "s:", "n:cent", "s:economy china"]
)  # fmt: skip


@st.composite
def claim_facts(draw) -> ClaimFacts:
    sentence = draw(st.one_of(WORDS, st.just("At least 36 people had died so far, officials said in 2023.")))
    return ClaimFacts(
        value=draw(NUMBERS),
        value_low=draw(NUMBERS),
        value_high=draw(NUMBERS),
        qualifier=draw(QUALIFIERS),
        unit=draw(UNITS),
        kind=draw(KINDS),
        period_start=draw(EXTREME_DATES),
        period_end=draw(EXTREME_DATES),
        places=tuple(draw(st.lists(WORDS, max_size=3))),
        sentence=sentence,
        published=draw(EXTREME_DATES),
        quote=draw(st.one_of(WORDS, st.just("At least 36"))),
        quote_offset=draw(st.one_of(st.none(), st.integers(min_value=-100, max_value=200))),
        story=tuple(draw(st.lists(WORDS, max_size=5))),
        counted_words=tuple(draw(st.lists(st.one_of(COUNTED_WORDS, WORDS), max_size=4))),
        source=draw(st.one_of(st.just(""), WORDS, st.sampled_from(["The Red Crescent said", "officials said"]))),
    )


@settings(max_examples=400, deadline=None)
@given(claim_facts(), claim_facts())
def test_propose_never_raises_and_answers_the_same_whichever_claim_comes_first(a, b):
    first, second = propose(a, b), propose(b, a)
    assert (first is None) == (second is None)
    if first is not None:
        assert first.relation in {"same", "updates", "contradicts"} and 0 <= first.score <= 1
        assert (first.relation, first.score) == (second.relation, second.score)
        assert all(isinstance(reason, str) for reason in first.reasons)
        if first.relation == "updates":
            assert first.newer_first != second.newer_first


@settings(max_examples=300, deadline=None)
@given(claim_facts())
def test_blocking_keys_fit_their_columns_for_any_claim(facts):
    for key in rules.blocking_keys(facts):
        assert len(key.key) <= 120 and -32768 <= key.bucket <= 32767 and key.window >= 0
    assert math.isfinite(figures.representative_value(facts) or 0)


# What the database can hold: DecimalField(max_digits=30, decimal_places=10), a DateField's range.
STORED_NUMBERS = st.one_of(
    st.none(),
    st.decimals(min_value=D("-1e19"), max_value=D("1e19"), places=4, allow_nan=False, allow_infinity=False),
    st.sampled_from([D(0), D(-5), D("9999999999999999999"), D("0.0001")]),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=STORED_NUMBERS,
    low=STORED_NUMBERS,
    high=STORED_NUMBERS,
    qualifier=st.sampled_from(["exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"]),
    kind=st.sampled_from(KIND_NAMES),
    unit=UNITS.map(lambda text: text.replace("\x00", "")[:64]),  # PostgreSQL text holds no NUL
    start=st.one_of(st.none(), st.dates()),
    end=st.one_of(st.none(), st.dates()),
    published=st.one_of(st.none(), st.dates()),
)
def test_the_candidate_query_never_raises_on_any_stored_claim(
    value, low, high, qualifier, kind, unit, start, end, published
):
    if low is not None and high is not None and low > high:
        low, high = high, low
    if start is not None and end is not None and start > end:
        start, end = end, start
    fields = {"value": value, "value_low": low, "value_high": high, "qualifier": qualifier, "kind": kind,
              "unit": unit, "period_start": start, "period_end": end}  # fmt: skip
    article = factories.make_article(published=published)
    other = factories.make_claim(factories.make_article(published=published), **fields)
    mine = factories.make_claim(article, **fields)
    facts = index.index_claim(mine)
    found = candidates.candidates(mine, facts)
    assert all(candidate.pk != mine.pk for candidate in found)
    if rules.blocking_keys(facts):
        assert other.pk in {candidate.pk for candidate in found}
    for candidate in found:
        propose(facts, candidate.facts)


# ---------------------------------------------------------------- what a count is of, from the parse


def test_the_parse_tells_passengers_on_board_from_bodies_recovered():
    recovered = claim(D(68), "Rescuers said 68 bodies were recovered.", "68", unit="body",
                      counted_words=("n:body", "v:recover"))  # fmt: skip
    aboard = claim(D(68), "The plane carried 68 passengers.", "68", unit="passenger",
                   counted_words=("n:passenger", "v:carry"))  # fmt: skip
    again = claim(D(70), "By noon 70 bodies had been recovered from the gorge.", "70", unit="body",
                  counted_words=("n:body", "v:recover"))  # fmt: skip
    unknown = claim(D(68), "The count stood at 68.", "68", unit="body")
    assert counted_groups.parsed_relation(recovered, aboard) == "conflict"
    assert counted_groups.parsed_relation(recovered, again) == "same"
    assert counted_groups.parsed_relation(recovered, unknown) == "open"  # no parse: no evidence either way
    assert rules.read_pair(recovered, aboard).parsed == "conflict"


def test_two_figures_the_parse_says_count_one_thing_are_judged_though_their_sentences_share_no_word():
    earlier = claim(D(24), "Officials said on Tuesday that at least 24 people had died.", "at least 24",
                    qualifier="at_least", value_high=None, unit="people", published=datetime.date(2023, 8, 9),
                    counted_words=("n:people", "v:die"))  # fmt: skip
    later = claim(D(38), "It rose from 24 to 38 on Wednesday.", "38", unit="", published=datetime.date(2023, 8, 10),
                  counted_words=("n:toll", "m:death"))  # fmt: skip
    proposal = rules.judge(later, earlier)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first
    assert "about the same thing: death" in proposal.reasons[1]
    unparsed = claim(D(38), "It rose from 24 to 38 on Wednesday.", "38", unit="", published=datetime.date(2023, 8, 10))
    assert rules.judge(unparsed, earlier) is None  # nothing in the words or the parse says what it counts


def test_two_tolls_whose_counted_things_agree_are_judged_though_the_parse_names_them_with_other_words():
    # The parse reads the toll's own figure as counting "individuals", its toll only as what it is of.
    earlier = claim(D(53), "It jumped from 36 to 53 on Thursday.", "53", unit="",
                    counted_words=("n:toll", "m:death"))  # fmt: skip
    later = claim(D(93), "The fire has left a confirmed death toll of 93 individuals.", "93", unit="individuals",
                  published=datetime.date(2023, 8, 14),
                  counted_words=("n:individual", "m:toll", "m:death"))  # fmt: skip
    assert counted_groups.counted_thing(earlier) == counted_groups.counted_thing(later) == "death"
    proposal = rules.judge(later, earlier)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first
    population = claim(D(200), "The town has a population of 200 people.", "200", unit="people",
                       counted_words=("n:people", "m:population"))  # fmt: skip
    assert rules.judge(population, earlier) is None  # "people" says nothing of what befell them


def test_people_in_shelters_are_counted_apart_from_the_displaced():
    displaced = claim(D(20000), "The floods have displaced more than 20,000 people in the state.", "more than 20,000",
                      qualifier="more_than", value_high=None, unit="people", published=datetime.date(2024, 5, 2),
                      counted_words=("n:people", "v:displace"))  # fmt: skip
    sheltered = claim(D(80000), "More than 80,000 people are staying in shelters, officials said.", "More than 80,000",
                      qualifier="more_than", value_high=None, unit="people", published=datetime.date(2024, 5, 7),
                      counted_words=("n:people", "v:stay"))  # fmt: skip
    later = claim(D(150000), "The floods have now displaced more than 150,000 people.", "more than 150,000",
                  qualifier="more_than", value_high=None, unit="people", published=datetime.date(2024, 5, 7),
                  counted_words=("n:people", "v:displace"))  # fmt: skip
    assert counted_groups.counted_relation(displaced, sheltered) == "conflict"
    assert rules.judge(sheltered, displaced) is None
    proposal = rules.judge(later, displaced)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first


def test_two_small_counts_that_agree_by_chance_are_not_one_fact():
    committee = claim(D(5), "A committee of five was formed to investigate.", "five", unit="member")
    passengers = claim(D(5), "Five Indian passengers were on the flight.", "Five", unit="passenger")
    assert rules.read_pair(committee, passengers).small and rules.judge(committee, passengers) is None
    crew = claim(D(4), "Four crew members were on board the aircraft.", "Four", unit="crew member")
    crew_again = claim(D(4), "The aircraft had four crew members on board.", "four", unit="crew member")
    proposal = rules.judge(crew, crew_again)
    assert proposal is not None and proposal.relation == "same"  # words alike: one fact


def test_bodies_taken_to_a_hospital_are_another_count_than_bodies_retrieved():
    taken = claim(D(21), "The bodies of 21 victims were taken to a local clinic.", "21", unit="victim",
                  counted_words=("n:victim", "v:take"))  # fmt: skip
    retrieved = claim(D(30), "Divers have retrieved the bodies of 30 people.", "30", unit="body",
                      counted_words=("v:retrieve",))  # fmt: skip
    assert counted_groups.stages(taken) == {"hand"} and counted_groups.stages(retrieved) == {"recover"}
    assert counted_groups.counts_differ(taken, retrieved) and rules.judge(taken, retrieved) is None


def test_people_a_disaster_affected_are_not_the_people_it_displaced():
    affected = claim(D(1000), "The floods have affected 1,000 people in the state.", "1,000", unit="people",
                     counted_words=("n:people", "v:affect"))  # fmt: skip
    displaced = claim(D(1000), "Some 1,000 people were displaced by the floods.", "Some 1,000", unit="people",
                      qualifier="approx", counted_words=("n:people", "v:displace"))  # fmt: skip
    assert counted_groups.counts_differ(affected, displaced) and rules.judge(affected, displaced) is None


def test_the_parse_leaves_place_names_to_the_place_test_and_compares_the_nouns_modifiers():
    indian = claim(D(5), "Five Indian passengers were on the plane.", "Five", counted_words=("n:passenger", "m:indian"))
    korean = claim(D(5), "Five Korean passengers were on board.", "Five", counted_words=("n:passenger", "m:korean"))
    assert counted_groups.modifier_relation(indian, korean) == "conflict"
    city = claim(D(10000), "The toll in Tacloban could reach 10,000.", "10,000", places=("Tacloban",),
                 counted_words=("n:toll", "m:tacloban"))  # fmt: skip
    assert counted_groups.modifier_relation(city, city) == "open"  # Tacloban is a place, weighed by the place test


def test_a_quarters_figure_is_never_the_same_fact_as_the_years_even_when_they_agree():
    year = claim(D("5.2"), "The economy grew 5.2% in 2023.", "5.2%", unit="percent", kind="percent",
                 period_start=datetime.date(2023, 1, 1), period_end=datetime.date(2023, 12, 31))  # fmt: skip
    quarter = claim(D("5.2"), "The economy grew 5.2% in the fourth quarter.", "5.2%", unit="percent", kind="percent",
                    period_start=datetime.date(2023, 10, 1), period_end=datetime.date(2023, 12, 31))  # fmt: skip
    assert periods.spans_differ(year, quarter)
    assert rules.judge(year, quarter) is None
    assert rules.judge(year, year) is not None and rules.judge(year, year).relation == "same"


def test_a_quarter_named_without_its_year_is_still_not_the_years_figure():
    # The article has no publication date, so the extractor could not date "the fourth quarter".
    year = claim(D("5.2"), "The economy grew 5.2% in 2023.", "5.2%", unit="percent", kind="percent",
                 period_start=datetime.date(2023, 1, 1), period_end=datetime.date(2023, 12, 31))  # fmt: skip
    quarter = claim(D("5.2"), "In the fourth quarter, the economy expanded 5.2 percent year on year.", "5.2 percent",
                    unit="percent", kind="percent")  # fmt: skip
    assert periods.spans_differ(quarter, year) and rules.judge(quarter, year) is None
    undated = claim(D("5.2"), "The economy expanded 5.2 percent, the statistics bureau said.", "5.2 percent",
                    unit="percent", kind="percent")  # fmt: skip
    assert not periods.spans_differ(undated, year)  # nothing says it is of a part of the year


def test_a_total_for_part_of_a_year_is_not_the_years_total():
    def grew(value: str, sentence: str, quote: str, end: datetime.date) -> ClaimFacts:
        return claim(D(value), sentence, quote, unit="percent", kind="percent",
                     period_start=datetime.date(2023, 1, 1), period_end=end)  # fmt: skip

    year = grew("3", "Investment went up 3 percent in 2023.", "3 percent", datetime.date(2023, 12, 31))
    eleven = grew("2.9", "In the first 11 months, it grew by 2.9 percent.", "2.9 percent", datetime.date(2023, 11, 30))
    assert figures.same_figure(year, eleven) and periods.spans_differ(year, eleven)
    assert rules.judge(eleven, year) is None
    spring = grew("3", "Investment rose 3 percent in the first half.", "3 percent", datetime.date(2023, 6, 30))
    assert not periods.spans_differ(spring, spring)  # one period is no part of itself


def test_two_counts_the_parse_says_are_of_different_things_are_never_linked():
    aboard = claim(D(68), "There were 68 passengers on board the plane.", "68", unit="passenger",
                   counted_words=("n:passenger", "m:board"))  # fmt: skip
    recovered = claim(D(68), "A total of 68 bodies have been recovered so far.", "68", unit="body",
                      counted_words=("n:body", "v:recover"))  # fmt: skip
    assert counted_groups.counts_differ(aboard, recovered)
    assert propose(aboard, recovered) is None
    unparsed = claim(D(68), "By noon 68 bodies had been brought up from the gorge.", "68", unit="body")
    assert not counted_groups.counts_differ(aboard, unparsed)  # no parse, no verdict: the words decide


def test_the_missing_are_counted_apart_whether_the_parse_gives_the_verb_or_the_adjective():
    missing = claim(D(1300), "Some 1,300 residents were reported missing.", "1,300", qualifier="approx",
                    counted_words=("v:miss",))  # fmt: skip
    unaccounted = claim(D(1300), "About 1,300 people cannot be found.", "1,300", qualifier="approx",
                        counted_words=("n:people", "v:missing"))  # fmt: skip
    leveled = claim(D(2200), "More than 2,200 buildings were flattened by the fire.", "2,200", qualifier="more_than",
                    counted_words=("n:building", "v:level"))  # fmt: skip
    assert counted_groups.parsed_counted(missing) == counted_groups.parsed_counted(unaccounted) == {"missing"}
    assert counted_groups.counts_differ(missing, leveled)


def test_an_earlier_disasters_toll_recalled_in_the_story_never_updates_its_own():
    camp_fire = claim(D(85), "A fire in 2018 left at least 85 people dead.", "85", qualifier="at_least", unit="people",
                      published=datetime.date(2023, 8, 9), period_start=datetime.date(2018, 1, 1),
                      period_end=datetime.date(2018, 12, 31), counted_words=("n:people", "v:kill"))  # fmt: skip
    maui = claim(D(93), "Officials say at least 93 people died on the island.", "93", qualifier="at_least",
                 unit="people", counted_words=("n:people", "v:dead"))  # fmt: skip
    assert periods.past(camp_fire) and not periods.past(maui)
    assert rules.judge(maui, camp_fire) is None
    recalled = claim(D(86), "That 2018 blaze cost 86 lives.", "86", unit="life",
                     period_start=datetime.date(2018, 1, 1), period_end=datetime.date(2018, 12, 31),
                     counted_words=("n:life", "v:claim"))  # fmt: skip
    assert rules.judge(recalled, camp_fire) is not None  # two accounts of the same past event still compare


def test_a_small_exact_count_is_read_as_written_not_as_rounded_to_its_tens():
    seventy = claim(D(70), "Searchers had pulled out 70 bodies by dusk.", "70", unit="body")
    sixty_eight = claim(D(68), "By noon 68 bodies had been brought up from the gorge.", "68", unit="body")
    assert not figures.same_figure(seventy, sixty_eight)
    thousands = claim(D(2000), "Some 2000 homes burned.", "2000", unit="home")
    assert figures.same_figure(thousands, claim(D(2050), "In all 2,050 homes burned.", "2,050", unit="home"))


def test_people_killed_people_confirmed_dead_and_the_death_toll_count_one_thing():
    died = claim(D(36), "No fewer than 36 people lost their lives.", "36", qualifier="at_least", unit="people",
                 counted_words=("n:people", "v:die"))  # fmt: skip
    dead = claim(D(93), "Officials counted at least 93 people dead.", "93", qualifier="at_least", unit="people",
                 counted_words=("n:people", "v:dead"))  # fmt: skip
    toll = claim(D(110), "The count of deaths passed at least 110.", "110", qualifier="at_least", unit="death",
                 counted_words=("n:toll", "m:death"))  # fmt: skip
    bodies = claim(D(70), "Crews brought 70 bodies out of the wreck.", "70", unit="body",
                   counted_words=("n:body", "v:recover"))  # fmt: skip
    aboard = claim(D(72), "There were 72 people on the flight.", "72", unit="people",
                   counted_words=("n:people", "v:carry"))  # fmt: skip
    assert {counted_groups.counted_thing(c) for c in (died, dead, toll, bodies)} == {"death"}
    assert counted_groups.counted_thing(aboard) == "people"  # people of whom the parse says nothing countable
    assert rules.read_pair(died, toll).nouns == "same"
    assert rules.read_pair(bodies, aboard).nouns == "different"


def test_bodies_recovered_and_bodies_identified_are_counts_of_two_stages_never_linked():
    recovered = claim(D(16), "Searchers have so far brought out 16 bodies.", "16", unit="body",
                      counted_words=("n:body", "v:recover"))  # fmt: skip
    retrieved = claim(D(70), "Searchers had pulled out 70 bodies by dusk.", "70", unit="body",
                      counted_words=("v:retrieve",))  # fmt: skip
    identified = claim(D(12), "12 of the dead have been named.", "12", unit="body",
                       counted_words=("v:identify",))  # fmt: skip
    handed = claim(D(22), "Families received 22 bodies on Tuesday.", "22", unit="body",
                   counted_words=("v:hand over",))  # fmt: skip
    assert counted_groups.counts_differ(recovered, identified) and counted_groups.counts_differ(handed, identified)
    assert not counted_groups.counts_differ(recovered, retrieved)  # one stage in other words
    assert propose(identified, recovered) is None


def test_two_small_counts_that_agree_score_lower_than_two_larger_ones_in_the_same_words():
    def passengers(number: int, words: str) -> ClaimFacts:
        return claim(D(number), f"{words} passengers of the flight came from India.", words, unit="passenger")

    assert rules.read_pair(passengers(5, "Five"), passengers(5, "5")).small
    assert not rules.read_pair(passengers(53, "53"), passengers(53, "Fifty-three")).small
    small = propose(passengers(5, "Five"), passengers(5, "5"))
    larger = propose(passengers(53, "53"), passengers(53, "Fifty-three"))
    assert small is not None and larger is not None and small.score < larger.score


def test_the_missing_fall_as_they_are_found_so_the_smaller_count_is_the_later_one():
    remaining = claim(D(4), "Divers kept looking for the four bodies that remain.", "four", unit="body",
                      published=datetime.date(2023, 1, 15),
                      counted_words=("n:body", "m:remain", "v:underway"))  # fmt: skip
    still = claim(D(2), "Searchers said two bodies were still missing at nightfall.", "two", unit="passenger",
                  counted_words=("n:passenger", "v:missing"))  # fmt: skip
    assert counted_groups.parsed_counted(remaining) >= {"missing"} and not counted_groups.counts_differ(
        remaining, still
    )
    proposal = rules.judge(still, remaining)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first


def test_boats_are_never_the_people_they_carried():
    people = claim(D(40), "About 40 people crossed the Channel on Monday.", "About 40", qualifier="approx",
                   unit="people", counted_words=("n:people", "v:cross"))  # fmt: skip
    boats = claim(D(40), "Some 40 small boats were intercepted.", "Some 40", qualifier="approx", unit="boat",
                  counted_words=("n:boat", "m:small", "v:intercept"))  # fmt: skip
    arrivals = claim(D(40), "Officials counted 40 arrivals.", "40", unit="arrival", counted_words=("n:arrival",))
    assert counted_groups.counted_thing(people) == counted_groups.counted_thing(arrivals) == "crossing"
    assert counted_groups.counts_differ(people, boats) and propose(people, boats) is None


def test_a_running_counts_one_figure_dated_to_two_days_of_one_week_is_one_fact():
    def toll(day: int, published: int) -> ClaimFacts:
        return claim(D(10000), "The storm has killed at least 10,000 people in the province.", "10,000",
                     qualifier="at_least", unit="people", published=datetime.date(2013, 11, published),
                     period_start=datetime.date(2013, 11, day), period_end=datetime.date(2013, 11, day))  # fmt: skip

    assert periods.period_relation(toll(3, 9), toll(9, 9)) == "disjoint"
    proposal = rules.judge(toll(3, 9), toll(9, 9))
    assert proposal is not None and proposal.relation == "same"
    assert rules.judge(toll(1, 30), toll(29, 30)) is None or rules.judge(toll(1, 30), toll(29, 30)).relation != "same"


# ---------------------------------------------------------------- readings the audit of unprompted suggestions showed


def test_about_allows_a_few_units_of_the_last_digit_written_not_fifteen_percent():
    estimate = claim(D("5.2"), "The economy grew by around 5.2 percent last year.", "around 5.2 percent",
                     qualifier="approx", unit="percent", kind="percent")  # fmt: skip
    output = claim(D("4.6"), "Industrial output grew by 4.6 percent last year.", "4.6 percent", unit="percent",
                   kind="percent")  # fmt: skip
    official = claim(D("5.3"), "The economy grew 5.3 percent last year.", "5.3 percent", unit="percent", kind="percent")
    assert not figures.same_figure(estimate, output)  # 15 % of 5.2 would have reached 4.42
    assert figures.same_figure(estimate, official)
    round_about = claim(D(2000), "About 2,000 people were waiting.", "About 2,000", qualifier="approx")
    counted = claim(D(1800), "Some 1,800 people were counted at the border.", "1,800")
    assert figures.same_figure(round_about, counted)  # a round figure keeps its 15 %


def test_two_approximations_name_one_figure_when_either_falls_within_the_other():
    def about(value: int, word: str) -> ClaimFacts:
        return claim(D(value), f"{word} {value:,} refugees have crossed.", f"{word} {value:,}", qualifier="approx")

    assert not figures.same_figure(about(90000, "About"), about(120000, "Some"))  # their ±15 % only just met
    assert not figures.same_figure(about(400, "About"), about(300, "About"))
    assert figures.same_figure(about(1200, "About"), about(1150, "Some"))
    assert figures.same_figure(about(2000, "About"), about(1800, "Roughly"))  # 1,800 is within "about 2,000"


def test_two_small_counts_the_parse_says_count_different_things_are_not_one_fact():
    def national(word: str) -> ClaimFacts:
        return claim(D(1), f"Those on board included one {word}, two Koreans and four Russians.", "one",
                     unit="people", counted_words=(f"n:{word.casefold()}",))  # fmt: skip

    irish, argentinian = national("Irish"), national("Argentinian")
    assert rules.read_pair(irish, argentinian).parsed == "conflict"
    assert rules.judge(irish, argentinian) is None
    assert rules.judge(irish, national("Irish")).relation == "same"


def test_a_revision_moves_a_statistic_a_little_not_from_one_component_to_another():
    october = {"period_start": datetime.date(2022, 10, 1), "period_end": datetime.date(2022, 10, 31)}

    def rate(value: str, what: str, published: int) -> ClaimFacts:
        return claim(D(value), f"{what} prices rose {value} percent in October.", f"{value} percent",
                     unit="percent", kind="percent", published=datetime.date(2022, published // 100,
                     published % 100), **october)  # fmt: skip

    flash, final = rate("10.7", "Consumer", 1031), rate("10.6", "Consumer", 1117)
    proposal = rules.judge(final, flash)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first
    services = rate("4.4", "Services and consumer", 1117)
    assert rules.judge(services, flash) is None  # 10.7 % "revised" to 4.4 % is another measure, no contradiction


def test_bodies_still_missing_are_never_the_bodies_recovered():
    recovered = claim(D(16), "Sixteen bodies have been recovered so far, officials said.", "Sixteen",
                      unit="body", counted_words=("n:body", "v:recover"))  # fmt: skip
    sought = claim(D(4), "The search for the remaining four bodies was under way.", "four", unit="body",
                   counted_words=("n:body", "m:remain"))  # fmt: skip
    assert counted_groups.counts_differ(recovered, sought) and propose(recovered, sought) is None
    unfound = claim(D(2), "Two bodies are still unfound.", "Two", unit="body", counted_words=("n:body", "m:unfound"))
    assert not counted_groups.counts_differ(sought, unfound)  # both of the missing: one count, falling


def test_groups_set_apart_by_different_thresholds_are_different_counts():
    year = claim(D(387257), "Some 387,257 people had been waiting more than 52 weeks to start treatment.",
                 "387,257", unit="people")  # fmt: skip
    two_years = claim(D(2646), "Another 2,646 people had been waiting more than two years for treatment.",
                      "2,646", unit="people")  # fmt: skip
    again = claim(D(387257), "A total of 387,257 patients were waiting more than 52 weeks.", "387,257", unit="patient")
    assert counted_groups.group_thresholds(year) == {("52", "week")} and counted_groups.group_thresholds(two_years) == {
        ("2", "year")
    }
    assert counted_groups.counts_differ(year, two_years)
    assert not counted_groups.counts_differ(year, again) and rules.judge(year, again).relation == "same"


def test_a_threshold_duration_is_a_yardstick_never_linked():
    def waits(publication: int) -> ClaimFacts:
        return claim(D(12), "The number waiting more than 12 hours in A&E hit a record.", "more than 12",
                     qualifier="more_than", unit="hour", kind="duration",
                     published=datetime.date(2022, 10, publication))  # fmt: skip

    assert counted_groups.is_threshold(waits(13)) and rules.judge(waits(13), waits(14)) is None


def test_a_duration_naming_a_mark_is_a_yardstick_not_a_time_anyone_took():
    barrier = claim(D(2), "He also broke the 2-hour barrier in a special race in 2019.", "2-hour", unit="hour",
                    kind="duration", published=datetime.date(2023, 10, 9))  # fmt: skip
    record = claim(D(7235), "He set a world record of 2:00:35 on Sunday.", "2:00:35", unit="second",
                   kind="duration", published=datetime.date(2023, 10, 9))  # fmt: skip
    assert figures.same_figure(barrier, record)  # two hours, to the hour
    assert counted_groups.is_threshold(barrier) and not counted_groups.is_threshold(record)
    assert rules.judge(record, barrier) is None


def test_two_different_counts_told_the_same_day_update_only_when_both_are_told_as_a_tally():
    def count(value: int, sentence: str, quote: str) -> ClaimFacts:
        return claim(D(value), sentence, quote, unit="people", published=datetime.date(2023, 1, 15),
                     counted_words=("n:people", "v:kill"))  # fmt: skip

    aboard = count(72, "The crash killed all 72 people on the plane.", "72")
    early = count(16, "So far 16 people are known to have been killed.", "16")
    assert rules.judge(aboard, early) is None  # the whole and a first tally, not a toll that rose
    later = count(68, "The number of people killed has risen to 68 so far.", "68")
    proposal = rules.judge(later, early)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first  # a tally that rose


def test_a_contradiction_needs_one_time_stated_or_both_undated_on_one_day():
    def dead(value: int, published: int, **fields) -> ClaimFacts:
        return claim(D(value), f"Officials said {value} people died in the floods.", str(value), unit="people",
                     published=datetime.date(2023, 9, published), counted_words=("n:people", "v:die"),
                     **fields)  # fmt: skip

    assert rules.judge(dead(40, 11), dead(12, 11)).relation == "contradicts"  # both as of the day they appeared
    sunday = {"period_start": datetime.date(2023, 9, 10), "period_end": datetime.date(2023, 9, 10)}
    assert rules.judge(dead(40, 11, **sunday), dead(12, 12)) is None  # one dated, one not: no one time


def test_two_different_figures_of_things_named_apart_are_neither_an_update_nor_a_contradiction():
    day = datetime.date(2023, 1, 15)
    crew = claim(D(12), "The ferry had 12 crew members on board when it sank.", "12", unit="crew member", published=day)
    passengers = claim(D(20), "The ferry carried 20 passengers when it sank.", "20", unit="passenger", published=day)
    assert rules.read_pair(crew, passengers).nouns == "different"
    assert rules.judge(crew, passengers) is None
    more_passengers = claim(D(25), "The ferry carried 25 passengers, officials said.", "25", unit="passenger",
                            published=day)  # fmt: skip
    assert rules.judge(more_passengers, passengers).relation == "contradicts"  # one thing, two figures, one day


def test_a_toll_told_beside_the_missing_is_still_a_toll_and_still_updates():
    early = claim(D(100), "The death toll rose to 100, with dozens still missing.", "100", unit="death",
                  published=datetime.date(2024, 5, 3), counted_words=("n:toll", "m:death"))  # fmt: skip
    later = claim(D(150), "The floods have now killed 150 people, officials said.", "150", unit="people",
                  published=datetime.date(2024, 5, 5), counted_words=("n:people", "v:kill"))  # fmt: skip
    missing = claim(D(128), "Some 128 people are missing and 100 have died, the agency said.", "128",
                    unit="people", counted_words=("n:people", "v:missing"))  # fmt: skip
    assert "missing" in counted_groups.counted(early) and not counted_groups.counts_differ(early, later)
    proposal = rules.judge(later, early)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first
    assert counted_groups.counts_differ(missing, early)


def test_how_fast_something_happened_is_no_threshold_of_a_group():
    fast = claim(D(100), "The river killed 100 people within 24 hours.", "100", unit="people")
    slower = claim(D(150), "The river has killed 150 people in less than two days.", "150", unit="people")
    assert counted_groups.group_thresholds(fast) == counted_groups.group_thresholds(slower) == frozenset()
    assert not counted_groups.counts_differ(fast, slower)


def test_a_toll_told_beside_the_missing_runs_up_like_any_toll():
    """With no dates to tell which came later, a toll rises and the missing fall: a toll whose sentence also
    mentions the missing is still a toll, so the larger figure is the newer one."""
    beside = claim(D(100), "The death toll rose to 100, with dozens still missing.", "100", unit="death",
                   counted_words=("n:toll", "m:death"))  # fmt: skip
    later = claim(D(150), "The death toll climbed to 150.", "150", unit="death", counted_words=("n:toll", "m:death"))
    proposal = rules.judge(later, beside)
    assert proposal is not None and proposal.relation == "updates" and proposal.newer_first


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit", "expected"),
    [
        ("One more body was recovered overnight.", "One", 1, "body", True),
        ("Rescuers found another 12 bodies.", "12", 12, "body", True),
        ("The economy grew 5.2 percent, more than expected.", "5.2 percent", D("5.2"), "percent", False),
        ("Police said 12, more or less, were hurt.", "12", 12, "people", False),
        ("Rescuers found 12 bodies.", "12", 12, "body", False),
    ],
)
def test_an_increment_is_read_only_from_a_count_and_its_own_words(sentence, quote, value, unit, expected):
    kind = "percent" if unit == "percent" else "count"
    assert counted_groups.increment(claim(D(value), sentence, quote, unit=unit, kind=kind)) is expected


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("The crash killed all 72 people on board.", "72", True),
        ("All 72 people on board died.", "All 72", True),
        ("In all, 72 people died in the floods.", "72", False),
        ("The floods killed 72 people in all.", "72", False),
    ],
)
def test_all_n_is_a_whole_group_but_in_all_is_a_total(sentence, quote, expected):
    assert counted_groups.whole_group(claim(D(72), sentence, quote, unit="people")) is expected


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("Inflation rose to 5.0 percent from 4.8 percent in September.", "4.8 percent", True),
        ("The jobless rate came in at 5.1 percent in December from 5 percent in November.", "5 percent", True),
        ("Prices gained 6.0%, compared with 5.5% in September.", "5.5%", True),
        ("Rescuers pulled 12 people from 3 cars.", "3", False),
        ("Inflation rose to 5.0 percent in October.", "5.0 percent", False),
    ],
)
def test_a_baseline_is_what_a_change_or_a_level_is_measured_from_not_an_origin(sentence, quote, expected):
    assert context_words.baseline(claim(D(5), sentence, quote, unit="percent", kind="percent")) is expected


def test_the_linker_reads_a_change_with_the_extractors_words():
    # Written twice because the import contracts keep the two apart; one list in effect.
    from claims.extraction.vocabulary import CHANGE_WORDS

    assert context_words.CHANGE_WORDS == CHANGE_WORDS


def test_the_linker_reads_the_extractors_group_nouns_and_part_tag():
    # Written twice because the import contracts keep the two apart; one list in effect. "member" is the
    # linker's own: "crew members" carry no "of".
    from claims.extraction import counted, vocabulary

    assert counted_groups._NAMED_BY_MODIFIERS - {"member"} == vocabulary.STAND_IN_NOUNS
    facts = ClaimFacts(value=5, sentence="Five of them drowned.", quote="Five", counted_words=(counted.PART_OF_GROUP,))
    assert counted_groups.part_of_group(facts)


def test_the_linker_reads_the_extractors_statistic_tags():
    # Written twice because the import contracts keep the two apart; one pair of tags in effect.
    from claims.extraction import counted

    assert (counted_groups.STATISTIC_HEAD, counted_groups.STATISTIC_MODIFIER) == (
        counted.SUBJECT,
        counted.SUBJECT_MODIFIER,
    )
    words = (f"{counted.SUBJECT}inflation", f"{counted.SUBJECT_MODIFIER}core")
    facts = ClaimFacts(value=3, unit="percent", kind="percent", sentence="Core inflation eased to 3%.", quote="3%",
                       counted_words=words)  # fmt: skip
    assert counted_groups.statistic(facts) == ({"price"}, {"core"})


def test_a_division_noun_is_no_place_two_claims_share():
    a = ClaimFacts(value=64, unit="death", places=("Adamawa state",))
    b = ClaimFacts(value=70, unit="death", places=("Borno state",))
    assert not place_names.related_places(a, b)  # "state" alone made them one place
    assert place_names.related_places(a, ClaimFacts(value=70, unit="death", places=("Adamawa",)))


def test_a_place_named_with_and_without_its_division_noun_is_one_place_both_name():
    a = ClaimFacts(value=61, unit="death", places=("Alto Marañón region",))
    b = ClaimFacts(value=79, unit="death", places=("Alto Marañón", "Peru"))
    assert place_names.shared_places(a, b) == ["Alto Marañón region"]  # it had found none: one place "alone" in each
    assert place_names.shared_places(a, ClaimFacts(value=9, places=("Alto Marañón River",))) == []
    alone = ClaimFacts(value=1300, unit="death", places=("Imlal province alone",))
    assert place_names.shared_places(
        alone, ClaimFacts(value=2100, unit="death", places=("Imlal province",))
    )  # set apart


def test_a_lower_bound_is_its_figure_rounded_down_and_nearly_is_short_of_its_number():
    people = {"unit": "people", "kind": "count"}
    bound = claim(D("2150"), "More than 2,150 people died.", "More than 2,150", qualifier="more_than",
                  value_low=D("2150"), value_high=None, **people)  # fmt: skip
    assert not figures.same_figure(bound, claim(D("2790"), "2,790 people died.", "2,790", **people))  # it had been one
    assert figures.same_figure(bound, claim(D("2156"), "2,156 people died.", "2,156", **people))
    broad = claim(D("2000"), "More than 2,000 people died.", "More than 2,000", qualifier="more_than",
                  value_low=D("2000"), value_high=None, **people)  # fmt: skip
    assert figures.same_figure(broad, claim(D("2012"), "2,012 people died.", "2,012", **people))
    nearly = claim(D("4800000"), "Nearly 4.8 million visitors came.", "Nearly 4.8 million", qualifier="approx",
                   unit="visitor", kind="count")  # fmt: skip
    assert not figures.same_figure(nearly, claim(D("4860000"), "4.86 million visitors came.", "4.86 million",
                                               unit="visitor", kind="count"))  # fmt: skip


def test_two_exact_counts_are_one_figure_only_when_one_is_the_other_rounded():
    people = {"unit": "people", "kind": "count"}
    assert not figures.same_figure(claim(D("3840"), "3,840 died.", "3,840", **people),
                                 claim(D("3845"), "3,845 died.", "3,845", **people))  # fmt: skip
    assert figures.same_figure(claim(D("81654"), "81,654 crossed.", "81,654", **people),
                             claim(D("81700"), "81,700 crossed.", "81,700", **people))  # fmt: skip


def test_on_undated_pages_a_count_said_to_have_fallen_is_the_later_reading():
    patients = {"unit": "patient", "kind": "count"}
    fell = claim(D("470"), "The number of patients in hospital fell to 470.", "470", **patients)
    other = claim(D("530"), "Some 530 patients were in hospital.", "530", **patients)
    assert claim_readings.fallen_to(fell) and pair_reading._fallen_later(fell, other) is True
    assert pair_reading._fallen_later(other, fell) is False


def test_on_undated_pages_one_weekday_both_sentences_name_is_one_day():
    a = claim(D("5300"), "The ministry said on Tuesday 5,300 had died.", "5,300")
    b = claim(D("11300"), "The Red Crescent put the toll at 11,300 on Tuesday.", "11,300")
    assert relations._one_weekday(a, b)
    assert not relations._one_weekday(a, claim(D("11300"), "By Wednesday 11,300 had died.", "11,300"))


def test_the_ratio_of_two_figures_is_by_size_and_infinite_across_zero_or_sign():
    assert figures.value_ratio(2_000, 500) == figures.value_ratio(500, 2_000) == 4.0
    assert figures.value_ratio(-3, -12) == 4.0
    assert figures.value_ratio(0, 0) == 1.0
    assert figures.value_ratio(0, 5) == figures.value_ratio(-1, 1) == math.inf
