"""How each field of a claim is read (EXTRACTION.md, "How each field is read"), one family of real
copy per test. The sentences are written for these tests in the manner of the families found in
real copy (tests/data/real/), never copied from it. Extraction tests take no database and use the
real pipeline.
"""

import datetime as dt
from decimal import Decimal

import pytest

from claims.extraction import extract
from claims.linking import rules
from claims.linking.evaluation import facts_of
from claims.linking.rules import counted_groups

D = dt.date
PUBLISHED = D(2023, 11, 20)


def claim(text: str, quote: str, published: dt.date | None = PUBLISHED):
    found = [draft for draft in extract(text, published) if draft.quote == quote]
    assert len(found) == 1, [draft.quote for draft in extract(text, published)]
    return found[0]


def period(draft) -> tuple:
    return draft.period_start, draft.period_end


def baseline(draft) -> tuple:
    return draft.compared_to, draft.compared_period_start, draft.compared_period_end


# ---------------------------------------------------------------- value and qualifier


@pytest.mark.parametrize(
    ("text", "quote", "qualifier", "value_low"),
    [
        # The verb's object stands between it and "up to": the object's new level, no bound.
        ("The statistics office revised third-quarter output up to 1.4% from 1.1%.", "1.4%", "exact", "1.4"),
        ("The central bank raised its main rate up to 3.25% on Thursday.", "3.25%", "exact", "3.25"),
        # "up to" bounding a count, whatever the verb before it.
        ("The floods left up to 900 families without shelter.", "up to 900", "at_most", None),
        ("The agency revised its plans to house up to 400 people.", "up to 400", "at_most", None),
    ],
)
def test_up_to_after_a_verb_and_its_object_is_the_object_s_new_level(text, quote, qualifier, value_low):
    draft = claim(text, quote)
    assert draft.qualifier == qualifier
    assert draft.value_low == (None if value_low is None else Decimal(value_low))


# ---------------------------------------------------------------- time


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Rescuers say 41 bodies have been found so far.", "41", (None, D(2023, 11, 20))),
        ("To date, 1,900 homes have been checked.", "1,900", (None, D(2023, 11, 20))),
        ("Some 700 people are still unaccounted for.", "Some 700", (None, D(2023, 11, 20))),
        ("The storm has already killed 12 people.", "12", (None, D(2023, 11, 20))),
        ("At least 300 homes have burned since the fires started.", "At least 300", (None, D(2023, 11, 20))),
        # A "since" clause with a date of its own: a count so far, not the day of the statement after it.
        (
            "The blaze has scorched 1,700 acres since it started on Saturday, firefighters said on Sunday.",
            "1,700",
            (None, D(2023, 11, 20)),
        ),
        (
            "Police have made 85 arrests since protests erupted on Thursday, the ministry said on Sunday.",
            "85",
            (None, D(2023, 11, 20)),
        ),
        (
            "A total of 6.1 million people were waiting at the end of August.",
            "A total of 6.1 million",
            (D(2023, 8, 31),) * 2,
        ),
        # The parse hangs the time from the "to" clause of the figure's own verb, not from the verb.
        (
            "Some 1,204 patients had been waiting more than a year to begin treatment at the end of March.",
            "Some 1,204",
            (D(2023, 3, 31),) * 2,
        ),
    ],
)
def test_as_of_and_end_of_month_phrases_date_a_running_count(text, quote, expected):
    assert period(claim(text, quote)) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("The queue is the longest since March 2019, when 310,220 patients were waiting.", "310,220",
         (D(2019, 3, 1), D(2019, 3, 31))),
        ("Inflation hit its highest level in 2008, when prices rose 5.2 percent.", "5.2 percent",
         (D(2008, 1, 1), D(2008, 12, 31))),
        ("Prices rose 5.2 percent when the bank raised rates.", "5.2 percent", (None, None)),
    ],
)  # fmt: skip
def test_a_clause_opened_by_when_after_a_date_happened_at_that_date(text, quote, expected):
    assert period(claim(text, quote)) == expected


def test_an_hour_in_local_time_is_no_ordinal_frame():
    text = "As of 6 p.m. local time on Friday, 71 bodies had been recovered."
    assert period(claim(text, "71")) == (D(2023, 11, 17),) * 2  # "time on Friday" had read as "the second time this …"
    assert period(claim("Prices rose for the second time this year, by 0.4%.", "0.4%")) == (None, None)


def test_the_previous_month_counts_back_from_the_month_under_discussion_in_the_sentence_before():
    text = "The queue stood at 98,200 in September. That is up from 97,400 the previous month."
    assert period(claim(text, "97,400")) == (D(2023, 8, 1), D(2023, 8, 31))


def test_a_month_earlier_than_a_period_ending_on_a_month_s_last_day_ends_on_one_too():
    text = "Consumer prices rose 2.3 per cent in the year to February, down from 2.5 per cent a month earlier."
    assert period(claim(text, "2.5 per cent", D(2023, 3, 3))) == (D(2022, 2, 1), D(2023, 1, 31))


def test_a_month_named_in_the_possessive_dates_its_statistic():
    rate = claim("The office said January's jobless rate was 6.1%.", "6.1%")
    assert period(rate) == (D(2023, 1, 1), D(2023, 1, 31))
    assert period(claim("May's government said 300 jobs would go.", "300")) == (None, None)  # May may be a person
    text = (
        "The deficit narrowed to 3.6 billion euros in February, after January's gap was revised to 5.1 billion euros."
    )
    assert period(claim(text, "5.1 billion", D(2023, 4, 14))) == (D(2023, 1, 1), D(2023, 1, 31))  # not after January


def test_a_capitalised_may_in_the_possessive_is_the_month_unless_a_person_s():
    text = "Exports rose 4% to 2.3 billion euros in June, while May's figure was revised down to 2.1 billion euros."
    assert period(claim(text, "2.1 billion", D(2023, 7, 20))) == (D(2023, 5, 1), D(2023, 5, 31))  # it was June's
    rate = claim("May's jobless rate was revised up to 5.4%, the office said.", "5.4%")
    assert period(rate) == (D(2023, 5, 1), D(2023, 5, 31))
    # a name or a title before it, or a body or a role on it, makes it a person's
    assert period(claim("Theresa May's cabinet approved 3 billion pounds in spending.", "3 billion")) == (None, None)
    assert period(claim("Mrs May's party lost 13 seats.", "13")) == (None, None)


def test_the_day_a_statement_was_made_dates_a_claim_only_when_nothing_else_does():
    dated = claim("Output in 2022 grew 4.1 percent, official data showed on Tuesday.", "4.1 percent")
    assert period(dated) == (D(2022, 1, 1), D(2022, 12, 31))
    undated = claim("Officials said on Tuesday that 210 homes had been destroyed.", "210")
    assert period(undated) == (D(2023, 11, 14), D(2023, 11, 14))


def test_a_time_inside_a_comparison_belongs_to_the_earlier_figure_not_to_the_quantity_compared():
    text = "Fuel costs rose 12.4% in October (compared with 11.1% in September), and rents rose 6.2%."
    assert period(claim(text, "12.4%")) == (D(2023, 10, 1), D(2023, 10, 31))
    assert period(claim(text, "11.1%")) == (D(2023, 9, 1), D(2023, 9, 30))


def test_a_threshold_duration_takes_no_time_but_a_duration_measured_in_a_month_does():
    waited = claim("In October, 31,200 people waited more than 12 hours for a bed.", "more than 12")
    assert period(waited) == (None, None)
    average = claim(
        "Crews took an average of 38 minutes and 12 seconds in October to arrive.", "38 minutes and 12 seconds"
    )
    assert (average.value, period(average)) == (2292, (D(2023, 10, 1), D(2023, 10, 31)))


def test_a_year_standing_alone_dates_what_is_said_of_it():
    assert period(claim("2022 was 0.42C warmer than the 1991-2020 average.", "0.42C")) == (
        D(2022, 1, 1),
        D(2022, 12, 31),
    )


def test_a_time_in_a_clause_describing_another_figure_is_not_the_quantitys():
    text = "Hundreds of people fled as the lake rose to 4.1 metres, above the record of 3.9 metres set in 1998."
    assert period(claim(text, "4.1")) == (None, None)
    assert period(claim(text, "3.9")) == (D(1998, 1, 1), D(1998, 12, 31))


def test_a_count_told_now_of_a_period_still_running_is_of_the_period_so_far():
    crossed = claim("Over 9,000 people have now crossed the border on foot this year.", "Over 9,000")
    assert period(crossed) == (D(2023, 1, 1), PUBLISHED)  # as "so far this year" reads
    last = claim("Some 9,000 people have now crossed, after 6,000 last year.", "6,000")
    assert period(last) == (D(2022, 1, 1), D(2022, 12, 31))  # another time of the clause keeps its own period
    rate = claim("Inflation is now 5% this month.", "5%")
    assert period(rate) == (D(2023, 11, 1), D(2023, 11, 30))  # a month's rate is the month's, not its days so far


def test_the_time_of_the_subject_that_says_what_is_counted_dates_the_count():
    text = "The number of people crossing the border this year has reached 24,615, officials said."
    assert period(claim(text, "24,615")) == (D(2023, 1, 1), D(2023, 12, 31))


def test_the_day_of_the_event_that_befell_the_counted_does_not_date_the_count():
    text = "The number of people killed by last Friday's earthquake has risen to 2,946, the ministry said on Monday."
    assert period(claim(text, "2,946")) == (PUBLISHED, PUBLISHED)  # it had read Friday's, the quake's day
    event = "More than 47,000 runners took part in Sunday's race, the organisers said on Monday."
    assert period(claim(event, "More than 47,000")) == (D(2023, 11, 19), D(2023, 11, 19))  # the event they took part in


def test_a_clause_opened_by_when_after_a_date_happened_then_whatever_the_clause_above_says():
    text = "It has recorded 1,900 cases since the start of the year, more than in all of 2024, when there were 1,300."
    assert period(claim(text, "1,300")) == (D(2024, 1, 1), D(2024, 12, 31))  # it had read "since the start …"
    assert period(claim(text, "1,900")) == (D(2023, 1, 1), PUBLISHED)


def test_a_reported_clause_joined_by_and_continues_the_time_of_the_one_before():
    # tests/data/README.md: a time covers "clauses that continue the same report"; the parser hangs both on "said"
    text = (
        "More than 9,000 hectares of pine have burned on the Spanish island of Tenerife since Monday, and about 3,100 "
        "residents and visitors, including 200 British tourists, were evacuated from 16 villages, the civil "
        "protection agency said."
    )
    for quote in ("about 3,100", "16"):
        assert period(claim(text, quote, published=D(2023, 11, 23))) == (D(2023, 11, 20), D(2023, 11, 23))


def test_by_the_end_of_a_coming_period_runs_from_publication_as_by_a_year_does():
    # tests/data/README.md: "by 2030" is published .. Dec 31 2030
    draft = claim("The insurer will close 40 branches by the end of 2025.", "40")
    assert period(draft) == (PUBLISHED, D(2025, 12, 31))  # it had read the last day alone
    assert period(claim("The insurer will close 40 branches by 2025.", "40")) == (PUBLISHED, D(2025, 12, 31))


def test_the_day_a_change_was_made_on_is_its_time_not_a_baseline():
    text = "The central bank raised its key rate by 25 basis points to 4.5% on Tuesday, its third rise since March."
    for quote in ("25", "4.5%"):
        # it had read "on Tuesday" as a baseline ("up 40% on 2021") and taken "since March" of the third rise
        assert period(claim(text, quote)) == (D(2023, 11, 14), D(2023, 11, 14))


def test_a_participle_describing_a_noun_happens_when_that_noun_s_clause_does():
    text = (
        "A spokesman said 220 soldiers, supported by six armoured vehicles, were patrolling two districts on Thursday."
    )
    assert period(claim(text, "six")) == (D(2023, 11, 16), D(2023, 11, 16))  # it had read none


def test_a_length_with_no_date_does_not_hide_the_date_of_its_clause():
    past = claim("In 2015, a cold snap in the valley killed 212 people over two weeks.", "212")
    assert period(past) == (D(2015, 1, 1), D(2015, 12, 31))  # it had read "over two weeks": no period at all
    assert past.time_text == "In 2015"
    alone = claim("Heavy rain killed 14 people over two days.", "14")
    assert period(alone) == (None, None) and alone.time_text == "over two days"  # the length is still its time


# ---------------------------------------------------------------- compared_to


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Prices rose 4.2% year-on-year in October.",
            "4.2%",
            ("year-on-year", D(2022, 10, 1), D(2022, 10, 31)),
        ),
        (
            "Month-on-month, prices gained 0.8 percent in October.",
            "0.8 percent",
            ("Month-on-month", D(2023, 9, 1), D(2023, 9, 30)),
        ),
        (
            "On a quarterly basis, output grew 1.1% in the third quarter.",
            "1.1%",
            ("On a quarterly basis", D(2023, 4, 1), D(2023, 6, 30)),
        ),
        (
            "Exports rose 6.3% in September from a year earlier.",
            "6.3%",
            ("from a year earlier", D(2022, 9, 1), D(2022, 9, 30)),
        ),
        (
            "The number waiting hit 41,300 in October, up from 39,800 in September.",
            "41,300",
            ("up from 39,800 in September", D(2023, 9, 1), D(2023, 9, 30)),
        ),
        ("Thefts fell 8.1% from 2021 to 2022.", "8.1%", ("from 2021", D(2021, 1, 1), D(2021, 12, 31))),
        # What a margin exceeds is its baseline, a year as well as a level, and never the margin's period.
        ("The year beat 2019 by 0.3 degrees.", "0.3", ("2019", D(2019, 1, 1), D(2019, 12, 31))),
        (
            "It topped the previous warmest year, 2019, by 0.3 degrees.",
            "0.3",
            ("the previous warmest year, 2019", D(2019, 1, 1), D(2019, 12, 31)),
        ),
    ],
)
def test_the_baseline_of_a_change_is_read_with_its_period(text, quote, expected):
    assert baseline(claim(text, quote)) == expected


def test_a_time_after_a_change_and_from_is_its_baseline_whole():
    text = "Exports fell to $40bn in March, down 8% from February, the ministry said."
    assert baseline(claim(text, "8%")) == ("from February", D(2023, 2, 1), D(2023, 2, 28))  # it had read none
    text = "Sales reached 1.3 million cars last year, up 35% from 2021."
    assert baseline(claim(text, "35%")) == ("from 2021", D(2021, 1, 1), D(2021, 12, 31))
    # a time "from" starts is no baseline when no change stands right before it
    assert claim("Prices will rise 12% to £2,100 from October.", "£2,100").compared_to == ""


def test_an_earlier_event_after_a_change_and_from_is_its_baseline_dated_by_its_year():
    text = "Membership fell to 41,000 in June, down 3,200 from the last count in 2021, the union said."
    draft = claim(text, "3,200")
    assert baseline(draft) == ("from the last count in 2021", D(2021, 1, 1), D(2021, 12, 31))  # it had read none
    assert period(draft) == (D(2023, 6, 1), D(2023, 6, 30))  # it had read 2021


def test_the_year_a_margin_exceeds_is_not_the_margin_s_period():
    assert period(claim("It topped the previous warmest year, 2019, by 0.3 degrees.", "0.3")) == (None, None)


def test_a_rate_word_wins_over_the_earlier_reading_named_beside_it():
    text = "Annual inflation eased to 5.9 percent in October from 6.4 percent in September."
    assert baseline(claim(text, "5.9 percent")) == ("Annual", D(2022, 10, 1), D(2022, 10, 31))
    assert baseline(claim(text, "6.4 percent")) == ("Annual", D(2022, 9, 1), D(2022, 9, 30))


def test_annual_qualifies_only_a_noun_of_change_and_what_that_noun_governs():
    text = "The economy grew 4.9 percent in 2023, beating the annual growth target of about 4.5 percent."
    assert baseline(claim(text, "4.9 percent")) == ("", None, None)
    assert baseline(claim(text, "about 4.5 percent"))[0] == "annual"
    assert claim("Output grew 2.2% in 2023, he told the annual meeting.", "2.2%").compared_to == ""


def test_a_figure_told_with_its_change_shares_the_change_s_baseline():
    text = "Some 52,000 migrants crossed into Mexico in the first five months of 2024, up 11% from the same period "
    text += "a year ago."
    found = baseline(claim(text, "Some 52,000"))  # it had none: the change's figure stood between
    assert found == baseline(claim(text, "11%")) == ("from the same period a year ago", D(2023, 1, 1), D(2023, 5, 31))
    text = "Police recorded 8,400 thefts in 2024, down 6% from a year earlier, and 310 robberies."
    assert baseline(claim(text, "8,400")) == ("from a year earlier", D(2023, 1, 1), D(2023, 12, 31))
    text = "About 2,100 people were displaced, 40% of them children, the agency said, up from last month."
    assert claim(text, "About 2,100").compared_to == ""  # a share of it, not its change


def test_a_threshold_and_a_forecast_are_not_baselines():
    text = "Some 9,100 people waited more than 12 hours in October, up from 8,700 in September."
    assert claim(text, "more than 12").compared_to == ""
    assert claim(text, "Some 9,100").compared_to == "up from 8,700 in September"
    assert claim("Growth was 3.1% compared to the expected 3.4%.", "3.1%").compared_to == ""


def test_what_a_multiple_is_taken_of_is_its_baseline_and_its_time_is_not_the_claim_s():
    text = "Hospitals treated 3,100 flu patients in March, nearly triple the number seen a year earlier."
    multiple = claim(text, "nearly triple", published=D(2024, 4, 10))
    assert baseline(multiple) == ("the number seen a year earlier", D(2023, 3, 1), D(2023, 3, 31))
    assert period(multiple) == (D(2024, 3, 1), D(2024, 3, 31))  # it had read March 2023
    rain = claim("Some 210 mm fell, about five times the monthly average.", "about five times")
    assert rain.compared_to == "the monthly average"
    text = "Riders made 9 million trips in 2023, twice the number in 2021, and fares raised €40 million."
    assert period(claim(text, "€40 million")) == (D(2023, 1, 1), D(2023, 12, 31))  # not 2021
    assert claim("The firm doubled its output in 2023.", "doubled").compared_to == ""  # what changed, no baseline


def test_since_2015_dating_a_total_is_the_claims_time_not_a_baseline():
    total = claim("Some 2,400 wells have been drilled since 2015.", "Some 2,400")
    assert (period(total), total.compared_to) == ((D(2015, 1, 1), D(2023, 11, 20)), "")


# ---------------------------------------------------------------- places


def places(text: str, quote: str) -> tuple:
    return claim(text, quote).places


def test_a_figure_in_a_list_takes_its_own_items_place():
    text = "Prices rose fastest in Latvia (9.1%), Poland (8.7%) and Greece (8.2%)."
    assert [places(text, quote) for quote in ("9.1%", "8.7%", "8.2%")] == [("Latvia",), ("Poland",), ("Greece",)]


def test_where_a_statement_was_made_and_the_dateline_are_not_places():
    text = "KYIV, Ukraine (AP) — The minister told a summit in Geneva that 4,000 homes in Kherson region burned."
    assert places(text, "4,000") == ("Kherson region",)


def test_a_nationality_and_an_organisations_country_describe_no_place():
    assert places("Among the dead were 48 citizens of Peru.", "48") == ()
    assert places("Chile's emergency agency said 112 people died.", "112") == ()
    assert places("Five Indian nationals were among the 72 passengers.", "Five") == ()


def test_a_country_adjective_naming_the_place_is_kept_as_written():
    assert places("The Chinese economy grew 5.2% in 2023.", "5.2%") == ("Chinese",)


def test_a_place_in_another_clause_or_modifying_another_noun_is_not_the_quantitys():
    text = "At least 36 people died on Maui, making it the deadliest U.S. wildfire in a century."
    assert places(text, "At least 36") == ("Maui",)


def test_a_scene_set_at_the_start_applies_to_each_quantity_of_the_sentence():
    text = "In Lithuania, 150 migrants crossed in June, up from 40 a year earlier."
    assert (places(text, "150"), places(text, "40")) == (("Lithuania",), ("Lithuania",))


def test_a_place_setting_the_scene_of_a_figures_own_reporting_verb_is_its_place():
    text = "On the Greek island of Rhodes, at least 40 people have been confirmed injured, officials said."
    assert places(text, "at least 40") == ("Rhodes",)  # "confirmed" is the figure's own verb, not a statement's


def test_a_capitalised_facility_noun_is_part_of_the_name_before_it():
    text = "The plane came down between the old runway and the Kathmandu International Airport with 51 people on board."
    assert places(text, "51") == ("Kathmandu International Airport",)
    assert places("Some 2,000 people are waiting at the Bruzgi border crossing.", "Some 2,000") == ("Bruzgi",)


@pytest.mark.parametrize(
    ("text", "quote", "where", "source"),
    [
        (
            "Texas recorded 2,400 new measles cases last month, the state health department said.",
            "2,400",
            ("Texas",),
            "the state health department said",  # it had read "Texas recorded last month"
        ),
        ("Bavaria reported 1,200 flu deaths this winter.", "1,200", ("Bavaria",), ""),
        ("Spain welcomed 85 million foreign tourists last year.", "85 million", ("Spain",), ""),
        # a place that acts on what is counted is an actor, not where it is
        ("Moscow has amassed 100,000 troops near the border.", "100,000", (), ""),
    ],
)
def test_a_place_that_registered_or_received_a_figure_is_its_place_not_its_source(text, quote, where, source):
    draft = claim(text, quote)
    assert (draft.places, draft.attribution) == (where, source)


@pytest.mark.parametrize(
    ("text", "quote", "where"),
    [
        ("Kenya's tea crop is forecast to reach 570 million kilograms this year.", "570 million", ("Kenya",)),
        ("Brazil's soy harvest rose to 150 million tonnes.", "150 million", ("Brazil",)),
        # a possessive on a body or a person is no place (EXTRACTION.md: "Chile's emergency agency")
        ("Chile's emergency agency said 1,200 homes were destroyed.", "1,200", ()),
    ],
)
def test_a_country_s_possessive_on_a_thing_that_is_no_body_is_its_place(text, quote, where):
    assert claim(text, quote).places == where


def test_a_district_or_county_after_a_name_is_part_of_the_place():
    text = "The incidence in Thrissur district has reached 95 cases per 100,000 people."
    assert claim(text, "95").places == ("Thrissur district",)  # it had read "Thrissur"


def test_a_place_in_another_figure_s_phrase_is_that_figure_s():
    text = "The airline is grounding about 40 jets in Brazil and 12 in Chile because a fuel gauge may fail above 50C."
    assert places(text, "12") == ("Chile",)  # it had read Chile and Brazil
    assert places(text, "above 50C") == ()  # it had read Brazil
    assert places(text, "about 40") == ("Brazil",)


def test_every_place_of_an_origin_is_an_origin_not_only_the_first():
    text = "The resort recorded 900,000 visitors, about a quarter of them from Germany and Austria."
    assert places(text, "about a quarter") == ()  # it had read Austria


def test_a_place_the_sentence_opens_with_is_the_place_of_all_it_tells():
    text = "On the Greek island of Evia, at least 12 people have died, more than 400 homes have been destroyed."
    assert places(text, "more than 400") == ("Evia",)  # the parse hangs the phrase on the first clause only


def test_an_event_named_after_its_city_is_held_there():
    assert places("His 2:03:10 at the Boston Marathon stood for eight years.", "2:03:10") == ("Boston",)
    assert places("She ran 2:14:04 in the Tokyo Marathon.", "2:14:04") == ("Tokyo",)


def test_a_place_off_which_or_along_which_a_count_happened_is_its_place():
    assert places("Fishermen rescued 23 people off Lampedusa on Sunday.", "23") == ("Lampedusa",)  # tagged a person


def test_the_place_of_the_counted_things_is_not_what_they_approached():
    assert places("A convoy of 3,000 refugees approached the Belarusian-Polish border.", "3,000") == ()


# ---------------------------------------------------------------- unit


@pytest.mark.parametrize(
    ("text", "quote", "unit", "kind"),
    [
        ("Among the passengers were four Russians and two Koreans.", "four", "people", "count"),
        ("Five Indian nationals were on board.", "Five", "national", "count"),
        ("The number of patients waiting has risen to a record 7.2 million.", "7.2 million", "patient", "count"),
        ("The number waiting more than 12 hours hit 31,400 in May.", "31,400", "people", "count"),
        ("Officials fear 2,000 died in the floods.", "2,000", "death", "count"),
        ("The storm swept the coast, killing thousands.", "thousands", "death", "count"),
        ("Another 640 are missing and 1,900 are injured.", "640", "people", "count"),
        ("Rescuers found the bodies of nine others on Friday.", "nine", "body", "count"),
        ("It hit Lahaina, a coastal town of 13,000.", "13,000", "people", "count"),
        ("Almost half the days were warmer than average.", "Almost half", "fraction", "share"),
        ("Exports doubled last year.", "doubled", "times", "ratio"),
        ("The rate fell from 6.5 to 5.7 murders per 100,000 people.", "6.5", "murder per 100000", "rate"),
        ("There were 377.1 violent crimes per 100,000 people.", "377.1", "crime per 100000", "rate"),
        ("Output reached 17.7 trillion U.S. dollars.", "17.7 trillion", "USD", "money"),
        ("A half-dozen islands were hit.", "A half-dozen", "island", "count"),
        ("Two days were more than 2C warmer than before.", "Two", "day", "count"),
        # A part of the day or a word for the figure after the number is not what it counts.
        ("Officials put the number of dead at around 140 early Saturday morning.", "around 140", "", "count"),
        ("The 10,000 estimate was disputed by the president.", "10,000", "", "count"),
        ("Guests booked 300 nights at the hotel.", "300", "night", "count"),
        # A plural subject that a count reaches a figure by names what it counts; an agent reaching some of a
        # group does not: the group does.
        ("Two boats sank. Arrivals on the island this year have passed 21,000.", "passed 21,000", "arrival", "count"),
        ("Cholera cases stood at 1,650 on Wednesday.", "1,650", "case", "count"),
        ("Rescuers have now reached 17 of the trapped miners.", "17", "miner", "count"),
        # A verb's object set to a figure names what it counts; an estimate names nothing.
        ("Seismologists later revised the tremor's magnitude to 6.1.", "6.1", "magnitude", "measure"),
        ("Divers found four more bodies, raising the number of dead to 61.", "61", "death", "count"),
        ("The mill cut its workforce to 2,300.", "2,300", "workforce", "count"),
        ("The bank raised its estimate to 40.", "40", "", "count"),
        ("At least 40 were killed and nearly 200 injured in the stampede.", "nearly 200", "people", "count"),
        ("The landslide left 14 dead and 9 missing.", "14", "death", "count"),
        ("The landslide left 14 dead and 9 missing.", "9", "people", "count"),
        # A bare number that people are by what the verb does to them, by what they are, or by the crowd it sizes.
        ("Aid groups say 40,000 have fled the valley.", "40,000", "people", "count"),
        ("The virus has infected 820 so far.", "820", "people", "count"),
        ("Of the 90 rescued, 31 were children.", "31", "child", "count"),
        ("A crowd of 6,000 filled the stadium.", "6,000", "people", "count"),
        ("Officials said 12k homes were damaged.", "12k", "home", "count"),  # not "12k home"
    ],
)
def test_the_unit_is_what_is_counted_wherever_the_sentence_says_it(text, quote, unit, kind):
    draft = claim(text, quote)
    assert (draft.unit, draft.kind) == (unit, kind)


def test_a_noun_compound_the_tagger_takes_for_an_adjective_is_part_of_the_unit():
    assert claim("Hospitals treated 640 new dengue cases in October.", "640").unit == "dengue case"  # not "case"


def test_the_value_of_an_estimate_takes_the_unit_of_the_measure_before_it():
    text = "The leak could be as large as 12,000 barrels, far above the coast guard's estimate of 5,500."
    assert claim(text, "5,500").unit == "barrel"
    assert claim("The quake struck 10 kilometres deep, killing 3.", "3").unit != "km"  # a count, not a depth


def test_a_bare_number_continuing_the_sentence_before_counts_its_noun():
    text = "There were 7.1 million patients waiting at the end of May. This is up from 6.9 million in April."
    assert claim(text, "6.9 million").unit == "patient"


def test_a_name_in_the_sentence_before_is_who_spoke_not_what_this_counts():
    text = "Some 3,150 people had been waiting at the end of May, NHS Wales said. This is down from 3,420."
    assert claim(text, "3,420").unit == "people"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        # The group hangs on the number by "of", with more than one word between them: what the group counts.
        ("Nine of the stranded climbers have been found alive, the park service said.", "Nine", "climber"),
        ("Inspectors have checked 45 of the district's older bridges since March.", "45", "bridge"),
        ("Reports came from 2,310 of the province's roughly 2,600 rural clinics.", "2,310", "clinic"),
        # A group named by what befell it: the people it befell.
        ("Six of the injured were flown to the capital on Monday.", "Six", "people"),
        ("Eight of the dead were named by the police on Friday.", "Eight", "death"),
    ],
)
def test_a_part_taken_of_a_group_counts_what_the_group_counts(text, quote, unit):
    assert claim(text, quote).unit == unit  # it was ""


def test_a_multiple_gives_no_scale_to_the_figure_it_compares():
    """ "nearly three times the regional rate of 3.6": "times" is the comparison's, not the unit of the rate it
    compares with, which counts what the sentence's rate counts."""
    text = "The town's burglary rate was 12.4 per 1,000 homes, nearly three times the regional rate of 3.6."
    assert claim(text, "nearly three times").unit == "times"
    assert (claim(text, "3.6").unit, claim(text, "3.6").kind) == ("per 1000", "rate")  # it was times, a ratio


def test_bare_degrees_take_the_scale_the_text_writes():
    text = "The year averaged 14.9 degrees Celsius, 0.6 degrees warmer than the 1991-2020 average."
    assert claim(text, "0.6").unit == "celsius"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        (
            "The probe, which cost an estimated NOK 900 million, carried 14 instruments.",
            "an estimated NOK 900 million",
            "NOK",
        ),
        ("The airline ordered 30 jets for about PLN 2.4bn.", "about PLN 2.4bn", "PLN"),
        ("The club paid CHF 12 million for 3 players.", "CHF 12 million", "CHF"),
    ],
)
def test_a_currency_written_as_its_iso_code_before_the_amount_is_money(text, quote, unit):
    # Any ISO 4217 code written in capitals, not only the few the extractor spells out ("USD", "EUR").
    draft = claim(text, quote)
    assert (draft.unit, draft.kind) == (unit, "money")


def test_a_word_in_capitals_that_is_also_a_currency_code_is_not_money():
    assert claim("ALL 72 PASSENGERS WERE RESCUED, officials said.", "72").kind == "count"


# ---------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    ("text", "quote", "attribution"),
    [
        ("Exports rose 4.1% in 2023, official data showed on Wednesday.", "4.1%", "official data showed on Wednesday"),
        (
            "Figures from the Central Statistics Office showed prices rose 6.2%.",
            "6.2%",
            "Figures from the Central Statistics Office showed",
        ),
        (
            "Some 3,000 homes were lost, according to the regional fire agency.",
            "Some 3,000",
            "according to the regional fire agency",
        ),
        ('"At least 12 people died," the state broadcaster reported.', "At least 12", "the state broadcaster reported"),
        (
            "As many as 40 passengers were on board, reported news agency ANI.",
            "As many as 40",
            "reported news agency ANI",
        ),
        ("The report found that 1.2 million homes lack heating.", "1.2 million", "The report found"),
        # The tagger reads "data shows" as a noun phrase and hangs the reported clause on it.
        (
            "Burglaries fell from 340.5 per 100,000 homes in 2021 to 320.2 per 100,000 homes in 2022, the new Home "
            "Office data shows.",
            "320.2",
            "the new Home Office data shows",
        ),
        # Later items of a list the parser hangs on the verb of saying.
        (
            "The agency noted today that the lowest yearly rates were found in Portugal (3.1%), Greece (3.3%) and "
            "Cyprus (3.4%).",
            "3.4%",
            "The agency noted today",
        ),
    ],
)
def test_the_attribution_is_the_whole_source_phrase_with_its_verb(text, quote, attribution):
    assert claim(text, quote).attribution == attribution


def test_a_pronoun_names_the_speaker_of_the_sentence_before():
    text = "Tacloban's administrator, Tecson Lim, spoke on Sunday. He added that the toll could reach 10,000."
    assert claim(text, "10,000").attribution == "Tecson Lim added"


def test_a_pronoun_names_the_source_of_the_sentence_before_though_no_entity_names_it():
    text = (
        "Thefts in the county fell 8% last year, the region's police commissioner said. "
        "He said officers made 640 arrests."
    )
    assert claim(text, "640").attribution == "the region's police commissioner said"  # it had read "He said"
    # "he" does not name a body
    text = "Temperatures hit 41C on Monday, the weather agency said. He added that 12 people had died."
    assert claim(text, "12").attribution != "the weather agency added"


def test_a_list_hung_on_the_verb_of_saying_belongs_to_the_clause_it_reports():
    text = (
        "The city will invest a record $2.1bn next year, Mayor Lena Ortiz told the council on Monday, "
        "including $400m for schools and $90m for parks."
    )
    for quote in ("$400m", "$90m"):
        draft = claim(text, quote)
        assert draft.attribution == "Mayor Lena Ortiz told the council on Monday"  # it had read none
        assert period(draft) == (D(2024, 1, 1), D(2024, 12, 31))  # it had read the day she spoke


def test_a_figure_that_is_the_object_of_a_verb_of_recording_has_no_source_in_that_verb():
    assert claim("The highest rates were recorded in Estonia (22.5%).", "22.5%").attribution == ""


def test_a_body_that_counted_or_valued_the_figure_is_its_source():
    # EXTRACTION.md: "an agency that recorded, counted or published the figure is its source".
    text = "Police said 30,000 people took part, while the unions put the turnout at 90,000."
    assert claim(text, "30,000").attribution == "Police said"
    assert claim(text, "90,000").attribution == "the unions put the turnout"  # it had read "Police said"
    counted = claim("The interior ministry counted 35,000 marchers.", "35,000")
    assert counted.attribution == "The interior ministry counted"
    assert claim("The storm put thousands of homes at risk.", "thousands").attribution == ""  # no value set
    confirmed = "Residents counted 25 dead, while officials confirmed 19."
    assert claim(confirmed, "19").attribution == "officials confirmed"
    denied = "The agency has not confirmed the figure of 400 dead, officials said."
    assert (
        claim(denied, "400").attribution == "officials said"
    )  # a body that has not confirmed a figure is not its source


def test_the_speaker_of_a_sentence_is_the_source_of_what_it_adds_and_of_what_its_finders_found():
    added = "Police said 14 people were arrested, adding that 3 officers were hurt."
    assert claim(added, "3").attribution == "Police said"  # "adding" had no subject of its own, so no source
    found = "Divers found 5 alive in an air pocket, the coast guard said."
    assert claim(found, "5").attribution == "the coast guard said"  # it had read "Divers found" as reporting
    own = "The airline, which flies 9,000 routes, said bookings rose 12%."
    assert claim(own, "12%").attribution == "The airline, which flies 9,000 routes, said"  # its clause's number


# ---------------------------------------------------------------- what a count is of (linker evidence)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Officials said 68 bodies were recovered from the gorge on Sunday.", "68", {"n:body", "v:recover"}),
        ("So far 22 bodies have been identified by the hospital.", "22", {"n:body", "v:identify"}),
        ("The death toll in Tacloban alone could reach 10,000.", "10,000", {"n:toll", "m:death", "m:tacloban"}),
        ("China's economy grew 5.2% in 2023.", "5.2%", {"n:economy", "m:china", "s:economy"}),
        # A statistic's verb of change says how it moved; its subject (or the object it set) says which it is.
        ("Core inflation eased to 3.4% in January.", "3.4%", {"v:ease", "s:inflation", "sm:core"}),
        (
            "The office revised the annual inflation rate up to 2.4%.",
            "2.4%",
            {"v:revise", "s:rate", "sm:annual", "sm:inflation"},
        ),
        (
            "The biggest monthly price rise was recorded at 4.1%.",
            "4.1%",
            {"v:record", "s:rise", "sm:monthly", "sm:price"},
        ),
        # … whatever the verb ("climbed" says nothing of what is counted) …
        ("Services prices climbed 4.4% in March.", "4.4%", {"n:price", "m:service", "s:price", "sm:service"}),
        # … but not of a list whose figures are told "respectively": the parse cannot tell which is whose.
        ("Goods prices and services costs grew 6.1% and 4.3%, respectively.", "4.3%", {"n:price", "m:good"}),
        # … never a count's: its verb and noun say what befell the counted.
        ("The earthquake killed 800 in the province.", "800", {"v:kill"}),
        # A stand-in subject counts what the sentence before named, agreeing in number.
        (
            "Officials warned that the death toll from the storm would climb. It rose from 12 to 19 on Friday.",
            "19",
            {"n:toll", "m:death", "m:storm"},
        ),
        ("The death toll climbed overnight. The figure reached 93 on Friday.", "93", {"n:toll", "m:death"}),
        ("Rescue teams kept searching all night. It jumped to 53 on Thursday.", "53", set()),
        # "take" is a verb of what befell the counted (bodies taken to a hospital), not an empty one.
        # … and the bodies are what the figure is of: the noun whose "of" the counted phrase is.
        ("The bodies of 21 victims were taken to a local clinic.", "21", {"n:victim", "m:body", "v:take"}),
        ("A fire left a death toll of 93 individuals.", "93", {"n:individual", "m:toll", "m:death", "v:leave"}),
        # The whole of a partitive is told by its own words, not by the verb of its part.
        ("Some 30 bodies out of the 50 recovered ones were identified.", "50", {"n:body", "m:recover", "v:recover"}),
        ("Some 30 bodies out of the 50 recovered ones were identified.", "Some 30", {"n:body", "v:identify"}),
        ("Of the 60 bodies that got burnt, 10 have been identified.", "60", {"n:body", "m:burn", "v:burn"}),
        ("Crews pulled the bodies of 40 out of the 45 people who drowned.", "45", {"n:people", "m:drown", "v:drown"}),
        # A count of a nationality says so: a group within the story's people.
        ("Among the dead were 40 Canadian tourists.", "40", {"n:tourist", "m:canadian", "g:canadian"}),
        ("Officials said nine Germans were on the ship.", "nine", {"n:germans", "g:germans", "m:ship"}),
        # … and where the parse hangs the part on the whole's participle, the part still takes the sentence's verb.
        (
            "Police said 18 bodies out of 40 recovered so far have been identified as the town held a vigil.",
            "18",
            {"n:body", "v:identify"},
        ),
        (
            "Police said 18 bodies out of 40 recovered so far have been identified as the town held a vigil.",
            "40",
            {"n:body", "v:recover"},
        ),
        # A count of those not yet found is a count of the missing, not of the found.
        ("Four bodies have not been recovered yet.", "Four", {"n:body", "m:unfound"}),
        ("By nightfall, three bodies were yet to be found.", "three", {"n:body", "m:unfound"}),
        ("Five people were not injured.", "Five", {"n:people"}),
        # … but a number that takes its noun from "of" is the part, and keeps its verb.
        ("Rescuers found 12 of the 20 missing hikers.", "12", {"n:hiker", "m:miss", "v:find"}),
        # A part of a group just counted ("of them", "of whom") counts that group, by its own verb only.
        ("Some 300 people were hurt, 41 of whom were in hospital.", "41", {"n:people", "p:group", "m:hospital"}),
        ("Twelve people drowned, five of them children.", "five", {"n:people", "p:group", "v:drown"}),
        # A bare number told "including" after a figure is a part of it: what the figure counts, some of it.
        (
            "The quake has killed 127 people, the agency said on Thursday, including 90 in the province.",
            "90",
            {"n:people", "v:kill", "p:group"},
        ),
        ("The toll rose to 2,946, including 1,643 in the south.", "1,643", {"n:toll", "p:group"}),
        # Where people are housed or sleep is the state they are in, as "remain in" says.
        ("About 6,950 people were sleeping in public shelters.", "About 6,950", {"n:people", "v:sleep", "m:shelter"}),
        # Whatever the verb, those taken to safety were rescued.
        ("Rescuers have brought 6,015 people to safety.", "6,015", {"n:people", "v:rescue"}),
        # Care given for an injury names the injured.
        (
            "The toll climbed to 2,012, while 2,059 people were being treated for injuries in hospitals.",
            "2,059",
            {"n:people", "v:treat", "v:injure"},
        ),
        # A number the parser hangs on a noun as its conjunct is the subject of the verb right after it.
        (
            "The floods forced 18,600 people from their homes and 6,950 were sleeping in shelters.",
            "6,950",
            {"v:sleep", "m:shelter"},
        ),
        # What befell a count whose verb of being the parse hangs apart from it ("75 were unaccounted for").
        ("The Red Cross said 20 died and that about 75 were unaccounted for.", "about 75", {"v:unaccounted"}),
        # The state a verb of being puts a count in, "on" as "in" ("on board", "on strike").
        ("Survivors said about 120 people had been on board.", "about 120", {"n:people", "m:board"}),
        # … and so does a part of a group named by what befell it ("six of the injured"), by its own verb.
        ("The toll rose to 44 after six of the injured died in hospital.", "six", {"p:group", "v:die"}),
        # … or a group told before and named again with "the" ("58 of the cases"), counted by no number of its own.
        ("Officials recorded 340 suspected cases. Tests have confirmed 58 of the cases.", "58", {"n:case", "p:group"}),
        (
            "Police held 45 people, and 12 of these protesters were charged.",
            "12",
            {"n:protester", "p:group", "v:charge"},
        ),  # fmt: skip
        # The object a verb sets at a figure is what the figure counts; the verb says only that it moved.
        ("Officials put the death toll at 2,100 on Sunday.", "2,100", {"n:toll", "m:death"}),
        ("Authorities raised the number of dead to 2,460.", "2,460", {"n:number", "m:dead"}),
        # … an object before the value: a noun after it is another count's, hung on the verb by the parser
        (
            "The number of rescuers deployed has risen to some 15,000, among them 1,100 foreign specialists "
            "from eleven countries.",
            "some 15,000",
            {"n:number", "m:rescuer", "m:deploy"},
        ),
        # "the number of people killed": what the group noun counts is told by its "of" and that noun's own words
        (
            "The number of people killed climbed above 5,000 on Tuesday.",
            "above 5,000",
            {"n:number", "m:people", "m:kill"},
        ),
        ("The bank cut its growth forecast to 4.5%.", "4.5%", {"n:forecast", "m:growth"}),
        ("The firm cut 500 jobs.", "500", {"n:job", "v:cut"}),
        # A count told as added to another carries what befell the count before it: more of them, or besides them.
        (
            "At least 300 people were killed in the quake. Another 120 were injured.",
            "120",
            {"v:injure", "a:kill"},
        ),
        (
            "Sixteen bodies were recovered on Sunday. Rescuers recovered another two bodies on Monday.",
            "two",
            {"n:body", "v:recover", "a:recover"},
        ),
        # An auxiliary the parser hung the subject on stands for its verb.
        (
            "The coastguard said 40 survivors were found and 5 bodies recovered; 13 people are missing.",
            "13",
            {"n:people", "v:miss"},
        ),
        # What befell them, where the parse takes it for the counted word, is theirs, not the verb's before it.
        (
            "At least 40 people were killed and nearly 200 hurt in the magnitude-6 tremor.",
            "nearly 200",
            {"n:hurt", "m:tremor"},
        ),
        ("At least 40 were killed and nearly 200 injured in the stampede.", "nearly 200", {"v:injure"}),
        ("The landslide left 14 dead.", "14", {"v:dead"}),
        ("Divers found 5 alive in an air pocket.", "5", {"v:alive"}),
        ("The storm moved north, with containment at 15%.", "15%", {"n:containment", "v:move"}),
        # the state a verb of being puts a count in: those in hospital, those without power
        ("Some 75 people remain in hospital.", "Some 75", {"n:people", "m:hospital"}),
        ("About 3,000 homes are still without power.", "About 3,000", {"n:home", "m:power"}),
    ],
)
def test_a_count_carries_its_counted_noun_with_its_modifiers_and_verb_from_the_parse(text, quote, expected):
    draft = claim(text, quote)
    assert set(draft.counted) == expected
    assert "counted" not in draft.as_dict()  # evidence for the linker, not a field of EXTRACTION.md


def test_bodies_not_yet_found_are_counted_apart_from_bodies_recovered():
    # End to end: the extractor's reading of "not yet recovered", as the linker weighs it.
    unfound = facts_of(claim("Four bodies have not been recovered yet.", "Four"), {})
    recovered = facts_of(claim("Rescuers have recovered 68 bodies so far.", "68"), {})
    assert counted_groups.parsed_counted(unfound) == {"death", "missing"}
    assert counted_groups.counts_differ(unfound, recovered)
    assert rules.judge(unfound, recovered) is None


def test_a_claim_that_people_did_something_counts_no_deaths():
    # "claim" counts deaths in "the storm claimed 40 lives", not in a reported clause
    assert claim("Organisers claimed 20,000 attended.", "20,000").unit != "death"
    assert claim("The flood claimed at least 12.", "at least 12").unit == "death"


def test_a_semicolon_ends_what_a_verb_of_saying_reports():
    text = "Police said about 8,000 people took part in the march; organisers claimed a turnout of 30,000."
    assert claim(text, "about 8,000").attribution == "Police said"  # it had read "organisers claimed"
    assert claim(text, "30,000").attribution != "Police said"


def test_a_period_s_possessive_on_what_is_measured_dates_it_before_the_day_of_the_revision():
    revised = claim(
        "The statistics office revised April's unemployment rate down to 6.3% on Friday.", "6.3%", dt.date(2025, 5, 30)
    )
    assert period(revised) == (dt.date(2025, 4, 1), dt.date(2025, 4, 30))  # it read the day of the revision
    told = claim("Containment stood at 15 per cent on Monday.", "15 per cent", dt.date(2025, 8, 4))
    assert period(told) == (dt.date(2025, 8, 4), dt.date(2025, 8, 4))  # nothing else dates it: its day


def test_a_figure_a_body_puts_a_measure_at_is_of_that_measure():
    text = "The seismology centre put the magnitude at 6.4, the strongest tremor in the valley in decades."
    put = claim(text, "6.4", dt.date(2025, 3, 2))
    assert (put.unit, put.kind) == ("magnitude", "measure")  # it had read a count of people
    # the subject owns no word told after the figure, though the parser hangs one on it
    assert put.attribution == "The seismology centre put the magnitude"
    assert claim("Officials put the number of dead at 31.", "31").unit == "death"
    assert claim("Organisers put the crowd at 25,000.", "25,000").unit != "crowd"  # a crowd is of people


def test_each_count_of_a_list_sharing_one_auxiliary_counts_its_own_participle():
    text = (
        "The coast guard said on Tuesday that 86 survivors had been rescued from the sunken trawler Northern Lark "
        "and 9 bodies recovered, while 20 crew remained missing."
    )
    assert set(claim(text, "9").counted) == {"n:body", "v:recover"}  # it was "rescued", the survivors' verb
    assert set(claim(text, "86").counted) == {"n:survivor", "v:rescue"}


def test_a_number_hung_on_the_noun_that_qualifies_the_counted_counts_the_noun_after_it():
    text = "Crossings hit 9,800 this month after a record 2,086 people landed on Tuesday."  # 2,086 hangs on "record"
    assert set(claim(text, "2,086", dt.date(2025, 6, 3)).counted) == {"n:people", "m:record", "v:land"}


def test_a_relative_clause_on_the_number_says_what_befell_those_counted_and_when():
    text = "Some 41,200 people crossed in 2025, the ministry said on Friday, up from the 35,900 who crossed in 2024."
    earlier = claim(text, "35,900", dt.date(2026, 1, 9))
    assert period(earlier) == (D(2024, 1, 1), D(2024, 12, 31))  # it had read the day the ministry spoke
    assert set(earlier.counted) == {"v:cross"}  # it had read the ministry as what is counted
    # a clause telling who gave the figure says nothing of what befell them
    told = "The agency counted 705 cases on Sunday, fewer than the 760 the ministry reported."
    assert "v:report" not in claim(told, "760", dt.date(2025, 2, 20)).counted


def test_people_who_reached_a_place_are_those_who_arrived_there():
    reached = claim("More than 9,000 migrants have reached Greece so far this year.", "More than 9,000")
    assert "v:arrive" in reached.counted  # "reach" alone is the empty verb of a count reaching a figure
    assert "v:arrive" not in claim("The death toll reached 900 on Monday.", "900").counted


def test_a_figure_with_a_fraction_told_of_tremors_is_their_magnitude():
    text = (
        "Rescuers worked through the night as a 5.3 aftershock shook the valley. Seismologists counted more than "
        "150 aftershocks, the strongest of them a 5.3 on Sunday, and 12 tremors above magnitude 4."
    )
    for quote, at in (("5.3", 0), ("5.3", 1)):
        found = [draft for draft in extract(text, PUBLISHED) if draft.quote == quote][at]
        assert (found.unit, found.kind) == ("magnitude", "measure")  # it had read 5.3 aftershocks
    assert claim(text, "more than 150").unit == "aftershock"  # a whole number of them is still a count


def test_a_name_the_tagger_does_not_know_before_a_division_noun_is_a_place():
    # the division noun is part of the name, as where the tagger knows the name ("Kherson region")
    text = "In Tazrout province, the worst-hit area, the toll reached 1,293."
    assert claim(text, "1,293").places == ("Tazrout province",)
    text = "The toll rose to 88 on Tuesday, with 61 of the dead in the Alto Marañón region alone."
    assert claim(text, "61").places == ("Alto Marañón region",)  # the tagger reads a person's name; it had read none


def test_each_name_before_a_plural_division_noun_is_a_place():
    text = "Around 7,400 people have been moved to shelters in Tulcea and Constanta counties since Sunday."
    assert set(claim(text, "Around 7,400").places) == {"Tulcea", "Constanta"}  # it had read Constanta alone
    text = "Heavy rain has killed 38 people in Indonesia's Aceh and Riau provinces, officials said."
    assert {"Aceh", "Riau"} <= set(claim(text, "38").places)


def test_a_state_named_before_its_noun_is_a_place():
    text = "Floods that swept through Nigeria's Adamawa state have killed 71 people, the agency said."
    assert claim(text, "71").places[:1] == ("Adamawa state",)  # it had read Nigeria alone


def test_a_name_after_a_compass_point_or_joined_to_a_place_is_a_place():
    text = "Rescuers were searching for at least 19 people in hill villages south of Ouarzazate."
    assert claim(text, "at least 19").places == ("Ouarzazate",)  # it had read none
    text = "Police stopped 1,870 crossing attempts from beaches near Calais and Dunkirk in August."
    assert set(claim(text, "1,870").places) == {"Calais", "Dunkirk"}  # the tagger reads Dunkirk as a company


def test_a_name_made_a_place_by_its_geographic_word_is_a_place_whatever_the_tagger_calls_it():
    text = "More than 41,000 people have crossed the English Channel to Britain in small boats so far this year."
    assert set(claim(text, "More than 41,000").places) == {"English Channel", "Britain"}  # the tagger: an organisation
    text = "Some 139,000 migrants crossed the Darien jungle into Panama in the first five months of 2024."
    assert set(claim(text, "Some 139,000").places) == {"Darien jungle", "Panama"}  # it had read Panama alone
    assert claim("The Discovery Channel reported 5 million viewers.", "5 million").places == ()  # a body that acts


def test_a_name_after_on_is_a_place_where_the_counted_arrive_or_stay_not_where_a_person_is_meant():
    assert claim("About 900 migrants landed on Lampedusa overnight, the mayor said.", "About 900").places == (
        "Lampedusa",  # the tagger reads a person's name; it had read none
    )
    assert claim("The EU imposed sanctions on Putin and 1,200 officials on Friday.", "1,200").places == ()
    text = "Pressure on Netanyahu grew after 40,000 people marched in Tel Aviv."
    assert claim(text, "40,000").places == ("Tel Aviv",)


def test_an_untagged_name_an_arrival_reaches_and_a_sea_named_by_its_adjective_are_places():
    assert claim("In the whole of 2024, some 46,800 people reached the Canaries.", "some 46,800").places == (
        "Canaries",
    )
    text = "In the Aegean, arrivals so far this year were up about 12% from a year earlier."
    assert claim(text, "about 12%").places == ("Aegean",)
    assert claim("About 40% of the Chinese surveyed said they would travel.", "About 40%").places == ()


def test_a_relative_clause_on_the_counted_noun_dates_the_count():
    text = "Arrivals reached 41,900 in 2025, officials said on Friday, far above the nearly 33,000 people who " \
           "crossed in 2024."  # fmt: skip
    assert period(claim(text, "nearly 33,000", D(2026, 1, 2))) == (D(2024, 1, 1), D(2024, 12, 31))  # it read Friday


def test_a_figure_set_to_through_an_adverb_of_the_verb_counts_the_set_object():
    text = (
        "A record 1,312 migrants crossed the Channel on Tuesday, the highest daily figure since the Home Office began "
        "publishing data, taking the total for the year so far to 27,455."
    )
    assert "n:total" in claim(text, "27,455", D(2025, 8, 13)).counted  # "to" hangs on "far": it read only "take"


def test_a_stand_in_set_to_a_figure_counts_what_the_count_before_it_did():
    text = "A total of 1,870 people crossed the strait in the week to Sunday, officials said. That brings the number " \
           "this year to 19,400."  # fmt: skip
    assert set(claim(text, "19,400", D(2025, 8, 11)).counted) == {"n:number", "v:cross"}  # it read only "number"
    told = "Rescuers recovered 40 bodies on Monday. The total of missing rose to 80."
    assert "v:recover" not in claim(told, "80", D(2025, 8, 11)).counted  # a stand-in that says what it counts


def test_a_body_that_gave_a_reading_of_a_count_is_its_source():
    text = "The city's main hospital gave a lower death toll of 1,450 on Tuesday."
    assert claim(text, "1,450").attribution == "The city's main hospital gave on Tuesday"  # it had read none


def test_a_time_in_the_figure_s_own_phrase_dates_it_before_the_clause_s():
    text = "Arrivals have passed last year's total, with 31,400 people crossing so far this year against nearly " \
           "31,000 in the whole of last year."  # fmt: skip
    assert period(claim(text, "nearly 31,000", D(2025, 10, 20))) == (D(2024, 1, 1), D(2024, 12, 31))  # it read 2025
    assert period(claim(text, "31,400", D(2025, 10, 20))) == (D(2025, 1, 1), D(2025, 10, 20))
    seized = "Militants freed 12 of the 86 hostages they seized last week, a spokesman said on Monday."
    assert period(claim(seized, "12", D(2025, 3, 10))) != (D(2025, 3, 3), D(2025, 3, 9))  # a clause's time is not it


def test_a_bare_decimal_number_is_read_on_the_scale_of_a_figure_near_it():
    text = (
        "The observatory registered the quake at magnitude 7.0, while the national survey gave 6.9. "
        "Rescue teams reached 40 villages. The survey has stood by its reading of 6.9."
    )
    for quote, at in (("6.9", 0), ("6.9", 1)):
        found = [draft for draft in extract(text, PUBLISHED) if draft.quote == quote][at]
        assert (found.unit, found.kind) == ("magnitude", "measure")  # it had read a count of nothing
    assert claim(text, "40").unit == "village"  # a whole number keeps its own
    alone = claim("The committee's index stood at 6.9 in the spring.", "6.9")
    assert (alone.unit, alone.kind) == ("", "count")  # nothing near it has a scale: it stays bare
    far = "Turnout reached 61.5 percent. The index stood at 6.9."
    assert claim(far, "6.9").unit == ""  # a scale ten times away is another's


def test_a_toll_counts_the_dead_however_far_the_words_carry_it_from_its_figure():
    text = (
        "The death toll from last Saturday's 6.1-magnitude earthquake in the remote northern valleys climbed to "
        "2,214 on Thursday, the civil defence agency said."
    )
    assert claim(text, "2,214").unit == "death"  # the words between them hid the toll: it had read no unit


def test_a_participle_of_saying_speaks_for_the_subject_of_the_verb_it_hangs_from():
    text = "The provincial governor gave a far higher figure on Thursday, saying some 900 people had died."
    assert claim(text, "some 900").attribution.startswith("The provincial governor gave")  # it had read no source


@pytest.mark.parametrize("earlier", ["a day earlier", "the day before", "the previous day"])
def test_a_figure_a_day_earlier_is_of_the_day_before_the_one_under_discussion(earlier):
    text = f"The toll rose to 3,840 on Wednesday, the ministry said, up from 1,520 {earlier}."
    assert period(claim(text, "1,520", D(2025, 10, 8))) == (D(2025, 10, 7), D(2025, 10, 7))  # it had read Wednesday
    assert period(claim(text, "3,840", D(2025, 10, 8))) == (D(2025, 10, 8), D(2025, 10, 8))


def test_a_day_earlier_counts_back_from_the_day_the_figure_was_told_not_from_the_event_s_day():
    text = "Deaths from the quake that struck on Friday have risen to 412, up from 368 a day earlier, the ministry "
    text += "said on Monday."
    assert period(claim(text, "368", D(2025, 3, 31))) == (D(2025, 3, 30), D(2025, 3, 30))  # it had read Thursday
    text = "Deaths rose to 50 on Tuesday from 40 the day before, and 12 more died on Sunday."
    assert period(claim(text, "40", D(2025, 3, 31))) == (D(2025, 3, 24), D(2025, 3, 24))  # a later day, not a telling


def test_the_day_before_an_event_is_no_relative_day():
    assert period(claim("The toll stood at 1,520 the day before the storm hit.", "1,520", D(2025, 10, 8)))[0] is None


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("Each family will receive 400,000 Nepalese rupees in three payments.", "400,000", "NPR"),
        ("The king set aside 2.5 billion Moroccan dirhams for the rebuilding.", "2.5 billion", "MAD"),
        ("Donors pledged 84 billion CFA francs to the relief effort.", "84 billion", "XAF"),
        ("Families were offered 30,000 Libyan dinars each.", "30,000", "LYD"),
    ],
)
def test_a_nationality_before_a_shared_currency_word_names_the_currency(text, quote, unit):
    found = claim(text, quote)
    assert (found.unit, found.kind) == (unit, "money")  # it had read a count of rupees, dirhams, francs, dinars


def test_a_report_whose_clause_the_parser_took_for_a_second_subject_is_still_the_figure_s_source():
    text = (
        "A fire that tore through a garment factory in the industrial zone on Thursday night killed at least 14 "
        "workers and injured 63, fire service officials said on Friday."
    )
    assert claim(text, "63").attribution == "fire service officials said on Friday"  # "said" had two subjects


def test_a_common_noun_the_recogniser_takes_for_a_person_keeps_the_place_it_governs():
    text = (
        "Turnout in Sunday's local council elections in Malta fell to 58.3%, down 6.2 percentage points from the "
        "previous vote in 2019, the Electoral Commission said on Monday."
    )
    assert claim(text, "58.3%", D(2024, 6, 10)).places == ("Malta",)  # "Turnout" was tagged a person
    assert claim("Kelvin Kiptum of Kenya won 12 races last year.", "12").places == ()  # a person's origin still


def test_the_same_period_of_a_named_year_is_the_period_under_discussion_in_that_year():
    text = "Some 4,100 migrants have reached the islands so far this year, down 38% from the same period of 2024."
    found = claim(text, "38%", D(2025, 2, 12))
    assert (found.compared_period_start, found.compared_period_end) == (D(2024, 1, 1), D(2024, 2, 12))  # was 2024


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Coastguards picked up 212 people from wooden boats off the island overnight.",
            "212",
            (D(2025, 2, 11), D(2025, 2, 12)),
        ),
        (
            "Some 1,350 migrants landed on the island between Monday and Wednesday.",
            "Some 1,350",
            (D(2025, 2, 10), D(2025, 2, 12)),
        ),
        ("Foreign visitors accounted for about 87 percent of overnight stays.", "about 87 percent", (None, None)),
    ],
)
def test_overnight_and_a_span_of_weekdays_date_a_figure(text, quote, expected):
    assert period(claim(text, quote, D(2025, 2, 12))) == expected  # "overnight stays" are no time


def test_a_province_or_state_after_a_place_is_part_of_its_name_unless_another_name_follows():
    text = "Floods killed 40 people in Sindh province on Monday and 12 in India's Kerala state."
    assert claim(text, "40", D(2024, 9, 18)).places == ("Sindh province",)  # it had read "Sindh" alone
    assert "Kerala state" in claim(text, "12", D(2024, 9, 18)).places
    other = "At least 10,000 people were feared dead in the Philippines province of Leyte."
    assert "Philippines province" not in claim(other, "At least 10,000").places


@pytest.mark.parametrize(
    ("text", "quote", "place"),
    [
        ("Some 4,100 migrants have reached Spain's Canary Islands by sea this year.", "Some 4,100", "Canary Islands"),
        ("The number killed by the earthquake that hit Morocco on Friday has risen to 312.", "312", "Morocco"),
    ],
)
def test_the_place_a_count_arrived_in_or_an_event_struck_is_its_place(text, quote, place):
    assert place in claim(text, quote, D(2025, 3, 31)).places  # a place object had been read as where they went
    approached = "About 2,000 refugees approached the Polish border on Monday."
    assert claim(approached, "About 2,000", D(2025, 3, 31)).places == ()  # going towards a place is not being there


def test_a_present_participle_describing_a_noun_happens_when_the_noun_s_clause_does():
    text = "A boat carrying 147 refugees, among them 61 children, landed on a beach late on Monday, officials said."
    assert period(claim(text, "147", D(2025, 12, 10))) == (D(2025, 12, 8), D(2025, 12, 8))  # it had no time


def test_where_the_counted_set_out_from_is_not_where_they_are():
    text = "The coast guard rescued 486 migrants off Greece, most of them from boats that set out from eastern Libya."
    assert claim(text, "486").places == ("Greece",)  # it had read Libya too
    assert claim("Some 3,000 people arrived from Libya on Monday.", "Some 3,000").places == ()
    assert claim("About 90,000 people were evacuated from their homes in Pakistan.", "About 90,000").places == (
        "Pakistan",
    )


def test_a_magnitude_of_a_figure_and_a_whole_number_set_beside_it_are_magnitudes():
    text = "The survey said the quake had a magnitude of 6.8, while the national institute put it at 7."
    for quote in ("6.8", "7"):
        found = claim(text, quote)
        assert (found.unit, found.kind) == ("magnitude", "measure")  # both had been counts of nothing
    shares = "Inflation rose above 2.4% in 13 of the 19 member states."
    assert claim(shares, "13").unit == "member state"  # a whole number beside a share keeps its own noun


def test_a_figure_a_count_slowed_or_eased_to_counts_what_its_subject_names():
    text = "About 19,000 of them were children. Crossings have slowed to around 800 this month, officials said."
    assert claim(text, "around 800", D(2024, 6, 26)).unit == "crossing"  # it had carried "children" over


def test_a_count_its_subject_calls_daily_or_weekly_is_a_rate():
    found = claim("Daily crossings have slowed to around 800 this month.", "around 800", D(2024, 6, 26))
    assert (found.unit, found.kind) == ("crossing per day", "rate")  # it had read a count of crossings
    assert claim("Crossings have slowed to around 800.", "around 800", D(2024, 6, 26)).kind == "count"


def test_a_when_clause_of_the_figure_s_verb_dates_it_where_nothing_else_does():
    found = claim("Rescuers found 40 survivors when they reached the village on Tuesday.", "40", D(2026, 4, 10))
    assert period(found) == (D(2026, 4, 7), D(2026, 4, 7))  # it had no time
    said = "Only 14% of the homes destroyed when the quake struck in March 2025 are rebuilt, officials said on Friday."
    assert period(claim(said, "Only 14%", D(2026, 4, 10))) == (D(2026, 4, 10), D(2026, 4, 10))  # the day it was told


def units_of(text: str) -> dict[str, tuple[str, str]]:
    return {draft.quote: (draft.unit, draft.kind) for draft in extract(text, PUBLISHED)}


def test_a_bare_decimal_takes_the_measure_a_later_sentence_names():
    found = units_of("The survey says 7.0; the national institute says 6.8. An aftershock of magnitude 5.9 followed.")
    assert found["7.0"] == found["6.8"] == ("magnitude", "measure")  # both had been counts of nothing
    assert units_of("The index stood at 2.5 on Monday. Shares rose 2.3% on Tuesday.")["2.5"][1] == "count"
    assert units_of("The centre says 7.0. Rescuers pulled 12 people from the rubble.")["7.0"] == ("", "count")


@pytest.mark.parametrize(
    ("text", "quote", "unit", "kind"),
    [
        ("Each ferry has carried an average of 310 passengers this season.", "310", "passenger per ferry", "rate"),
        (
            "The airline said 42 flights landed on Sunday, carrying an average of 150 passengers each.",
            "150",
            "passenger per flight",
            "rate",
        ),
        ("Officials recorded an average of 40 burglaries.", "40", "burglary", "count"),
        ("An average of 40 people died.", "40", "people", "count"),
        ("Only 94 people were removed, far below the target of 50 a week.", "50", "people per week", "rate"),
        ("Some 40 people were rescued on Monday and 30 more a day later.", "30", "people", "count"),
        (
            "They came in 118 boats, an average of 45 people per boat, compared with 38 a year earlier.",
            "38",
            "people per boat",
            "rate",
        ),
        ("Each resident receives an average of 9 litres of water a day.", "9", "litre per day", "rate"),
        ("The storm dropped 414 millimetres of rain in a day.", "414", "mm", "measure"),
        ("Gusts reached 190 kph.", "190", "km/h", "measure"),
    ],
)
def test_an_average_or_a_rate_carried_over_counts_per_what_it_is_told(text, quote, unit, kind):
    assert units_of(text)[quote] == (unit, kind)


def test_half_a_mile_is_a_length_and_half_an_hour_a_duration():
    assert units_of("Villages as far as half a mile inland were flooded.")["as far as half"] == ("mile", "measure")
    assert units_of("The queue lasted more than half an hour.")["more than half"] == ("hour", "duration")
    assert units_of("Half the voters stayed home.")["Half"] == ("fraction", "share")


def test_the_number_of_patients_waiting_counts_the_patients():
    text = "The number of patients waiting to start treatment has risen to a record seven million."
    assert units_of(text)["seven million"] == ("patient", "count")


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The storm brought winds of 100 miles per hour to the coast.", "100", "mph"),
        ("Winds reached 160 kilometres per hour.", "160", "km/h"),
        ("Gusts of 90 km per hour were recorded.", "90", "km/h"),
        ("The car was doing 70 miles an hour.", "70", "mph"),
    ],
)
def test_a_length_per_hour_is_a_speed(text, quote, unit):
    assert units_of(text)[quote] == (unit, "measure")  # "miles per hour" had read as "mph per hour", a rate


def test_a_count_per_day_is_still_a_rate():
    assert units_of("Crossings averaged 800 people a day.")["800"] == ("people per day", "rate")


# ---------------------------------------------------------------- places and times read in 1.3.78


def test_a_place_in_a_participle_opening_the_clause_sets_its_scene():
    text = "Turning to prices in the euro area, fuel costs rose 28.4% in May, against 27.1% in April."
    assert (places(text, "28.4%"), places(text, "27.1%")) == (("euro area",), ("euro area",))


@pytest.mark.parametrize(
    ("text", "quote", "where"),
    [
        ("The storm battered Hanalei, a seaside town of 9,000 in northern Kauai.", "9,000", {"Hanalei", "Kauai"}),
        ("Maasin is a provincial capital of 90,000 people as well as the main port on Samar.", "90,000", {"Maasin"}),
        ("Officials noted that Hanalei has a population of 9,000 people, most of them farmers.", "9,000", {"Hanalei"}),
        # the town hung on the shopkeeper by the parser, though written right after the name
        (
            "A shopkeeper of Hanalei - a town of 9,000 people, said she fled before the water rose.",
            "9,000",
            {"Hanalei"},
        ),
    ],
)
def test_a_name_the_sentence_calls_a_town_is_a_place(text, quote, where):
    assert set(places(text, quote)) == where  # a noun joined by "and" ("the main port on Samar") keeps its place


def test_a_name_before_a_noun_of_what_happened_there_is_its_place():
    text = "Five Indian nationals were among 51 people feared dead in the Nepal plane crash on Monday."
    assert places(text, "51") == ("Nepal",)


def test_a_country_s_possessive_on_a_town_is_where_the_town_is():
    text = "Police counted 40 victims near the jet that went down in Nepal's Pokhara."
    assert set(places(text, "40")) == {"Pokhara", "Nepal"}


def test_where_a_flight_took_off_from_is_no_place_of_those_on_board():
    text = "A small jet that took off from Kathmandu came down at Ghorepani with 51 people aboard."
    assert places(text, "51") == ("Ghorepani",)


def test_a_race_won_and_its_course_name_where_its_time_was_run():
    assert places("Chebet won the Boston Marathon last April in 2:16:14.", "2:16:14") == ("Boston",)
    text = "Conditions were ideal on the Berlin course, where Eliud Kiprop won in 2:03:10."
    assert places(text, "2:03:10") == ("Berlin",)


def test_the_city_stands_for_the_city_a_title_named():
    text = "Ormoc city mayor Dina Cruz warned that deaths in the city might reach 3,000."
    assert places(text, "3,000") == ("Ormoc",)


def test_a_figure_in_brackets_after_a_place_is_that_place_s():
    text = "Annual prices climbed most in Poland (19.5%), Malta (18.1%) and Greece (17.9%)."
    assert places(text, "19.5%") == ("Poland",)


def test_the_country_stands_for_the_one_country_the_sentence_named():
    text = (
        "Vietnam's economy grew 5.1 percent last year, data showed, missing the country's annual target of around "
        "6.5 percent."
    )
    assert places(text, "around 6.5 percent") == ("Vietnam",)
    assert places("Kenya and Uganda said the country's target of 6% was missed.", "6%") == ()  # which one?


def test_a_name_before_a_lower_case_town_is_a_place():
    text = "Flames swept across Hanalei town on Kauai, and officials confirmed a toll of 41 dead."
    assert "Hanalei" in places(text, "41")


def test_a_figure_describing_a_person_takes_no_place_of_the_clause_above():
    text = "The record fell in Rotterdam to Kenenisa Bekele, a three-time world champion."
    assert places(text, "three-time") == ()


def test_a_clause_on_a_named_thing_takes_only_that_thing_s_places():
    text = "The storm is the deadliest Philippine typhoon since Typhoon Bopha in Mindanao, which killed 1,067 people."
    assert places(text, "1,067") == ("Mindanao",)


def test_a_duration_told_as_a_noun_s_value_takes_that_noun_s_time():
    first = claim(
        "The mean queue at the border in October was three hours and 10 minutes.", "three hours and 10 minutes"
    )
    assert period(first) == (D(2023, 10, 1), D(2023, 10, 31))
    text = "Fans recall a delay for the service of two hours and 5 minutes, which happened in June."
    assert period(claim(text, "two hours and 5 minutes")) == (D(2023, 6, 1), D(2023, 6, 30))


def test_an_undated_first_year_takes_the_date_of_what_it_is_said_of():
    text = "Forecasters said 2022 was the first year when each month stood at least 1C above the mean."
    assert period(claim(text, "at least 1C")) == (D(2022, 1, 1), D(2022, 12, 31))


def test_months_listed_are_one_period_from_the_first_to_the_last():
    assert period(claim("Output rose 1.4% in July and September, the bureau said.", "1.4%")) == (
        D(2023, 7, 1),
        D(2023, 9, 30),
    )
    assert period(claim("Rainfall in April and May 2021 totalled 310 millimetres.", "310")) == (
        D(2021, 4, 1),
        D(2021, 5, 31),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Only 64% of calls were answered within a minute in March, against a 90% target.",
        "Only 64% of calls were answered within a minute in March, well short and set against a target of 90%.",
    ],
)
def test_a_target_a_figure_is_set_against_is_dated_by_none_of_the_clause_s_times(text):
    assert (period(claim(text, "Only 64%")), period(claim(text, "90%"))) == (
        (D(2023, 3, 1), D(2023, 3, 31)),
        (None, None),
    )


def test_a_period_without_a_year_takes_the_year_a_part_of_a_year_names_in_its_sentence():
    text = (
        "Output rose 0.8 percent in the fourth quarter of 2021, slowing from a revised 1.2 percent in the "
        "July-September period."
    )
    assert period(claim(text, "1.2 percent", None)) == (D(2021, 7, 1), D(2021, 9, 30))  # no publication date


def test_a_name_of_a_body_by_its_form_is_no_place():
    text = "A total of 70% of patients in Wales were seen within four hours at A&Es last month."
    assert places(text, "A total of 70%") == ("Wales",)
    text = "The cabinet named a seven-member panel led by a former secretary at the Ministry of Home Affairs."
    assert places(text, "seven-member") == ()


def test_a_name_before_the_nouns_of_an_area_names_it():
    text = (
        "Within the Upcountry Kauai fire area, three buildings in Kilauea and 16 structures in Anahola were razed by "
        "the flames."
    )
    assert set(places(text, "16")) == {"Anahola", "Upcountry Kauai"}


def test_a_place_the_figure_s_noun_is_parsed_as_joined_to_is_not_the_figure_s():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claims.extraction.places import _steps_to

    # "three buildings in Kilauea and 16 structures in Anahola were razed", as the parser may join the structures to
    # Kilauea rather than to the buildings
    words = ["three", "buildings", "in", "Kilauea", "and", "16", "structures", "in", "Anahola", "were", "razed"]
    heads = [1, 10, 1, 2, 3, 6, 3, 6, 7, 10, 10]
    deps = ["nummod", "nsubjpass", "prep", "pobj", "cc", "nummod", "conj", "prep", "pobj", "auxpass", "ROOT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    ancestors = {word.i: level for level, word in enumerate([doc[5], *doc[5].ancestors])}
    assert _steps_to(doc[3], ancestors, set(), frozenset()) is None  # Kilauea
    assert _steps_to(doc[8], ancestors, set(), frozenset()) is not None  # Anahola


def test_a_place_after_a_run_in_heading_sets_the_scene_of_what_follows():
    text = (
        "The 4,000 claim In Ormoc, a port badly hit by the storm, officials now think as many as 3,000 people drowned."
    )
    assert places(text, "as many as 3,000") == ("Ormoc",)


def test_a_subject_parsed_as_the_object_of_an_opening_clause_says_what_is_counted():
    # no comma after "As wells are cleared": the parser reads "the number of stranded" as what is cleared
    text = "Flood crews counted 2,900 deaths on Tuesday. As wells are cleared the number of stranded has fallen to 640."
    stranded = claim(text, "640", D(2025, 3, 5))
    assert stranded.unit == "stranded"  # it carried "death" from the sentence before
    assert {"n:number", "v:fall"} <= set(stranded.counted)


def test_a_baseline_with_no_noun_of_its_own_counts_what_its_figure_counts():
    text = (
        "The number of people evacuated has risen to 5,120, the regional council said on Friday, up from 2,740 two "
        "days earlier."
    )
    earlier = claim(text, "2,740", D(2025, 4, 11))
    assert set(earlier.counted) == set(claim(text, "5,120", D(2025, 4, 11)).counted)  # it read the council
    text = (
        "Some 6,300 people are still homeless, according to figures the agency keeps with the Red Cross, down from "
        "7,900 last week."
    )
    earlier = claim(text, "7,900", D(2025, 4, 11))
    assert "v:accord" not in earlier.counted
    assert set(earlier.counted) == set(claim(text, "Some 6,300", D(2025, 4, 11)).counted)
    # a baseline that says what it counts keeps its own words
    text = "The storm has killed 412 people and injured 950, the agency said on Monday, up from 300 dead on Sunday."
    assert "v:injure" not in claim(text, "300", D(2025, 4, 11)).counted


def test_who_told_a_number_is_not_what_it_counts():
    text = "The agency said the region had 610 suspected measles cases, fewer than the 655 the ministry reported."
    assert claim(text, "655", D(2025, 2, 20)).unit == "measles case"  # it read "ministry"


def test_a_number_told_with_a_figure_and_a_participle_of_its_own_is_the_part_the_participle_befell():
    text = "The board's own tally reached 1,480 on Friday, with 395 confirmed by blood tests, and 14 people have died."
    part = claim(text, "395", D(2025, 2, 20))
    assert set(part.counted) == {"v:confirm", "p:group"}  # it read the tally's words


def test_a_time_in_the_possessive_of_another_figure_dates_only_that_figure():
    text = (
        "The landings brought the total for the year to 18,220, the interior ministry said, close to last year's "
        "figure of 19,050 with three months still to go."
    )
    total = claim(text, "18,220", D(2024, 9, 30))
    assert period(total) == (D(2024, 1, 1), D(2024, 9, 30))  # it read "last year"
    assert period(claim(text, "19,050", D(2024, 9, 30))) == (D(2023, 1, 1), D(2023, 12, 31))


def test_the_figure_a_body_put_a_count_at_counts_what_the_nearest_count_in_value_did():
    text = "The district office reported 1,730 cases and 26 deaths on Friday, while the agency put the figure at 1,690."
    assert claim(text, "1,690", D(2024, 3, 11)).unit == "case"  # it carried "death", the latest unit
    text = "The district office reported 1,730 cases on Friday. The agency put the figure at 1,690."
    assert claim(text, "1,690", D(2024, 3, 11)).unit == "case"


def test_a_comparison_s_object_runs_past_the_comma_inside_a_figure():
    text = "Arrivals rose to 9,870, some 400 more than the ministry's 9,470, the agency said."
    assert claim(text, "some 400", D(2025, 4, 11)).compared_to == "the ministry's 9,470"  # it was "… 9"


def test_a_time_the_parse_hangs_on_a_baseline_is_no_noun_of_its_own():
    """ "down from 7,300 last week": the parse makes "week" the baseline's noun; it is when the baseline stood, so the
    baseline counts what its figure counts (the missing), as one with no word after it does."""
    text = (
        "Some 6,200 people are still missing, according to figures the relief office compiles with the Red Cross, "
        "down from 7,300 last week, as families found relatives."
    )
    claims = {claim.quote: claim for claim in extract(text, dt.date(2025, 3, 10))}
    figure, baseline = claims["Some 6,200"], claims["7,300"]
    assert figure.compared_to == "down from 7,300 last week"
    assert baseline.counted == figure.counted  # it was ("n:week", "m:last")
    assert not any(word.endswith(":week") for word in baseline.counted)


def test_who_tells_a_figure_is_not_what_it_counts():
    """The active subject of a verb of telling or counting is who gives the figure: a bare number hung on that verb
    ("about 60 more than the institute's 352") does not count the observatory."""
    text = "The observatory counts 412 quakes since March, about 60 more than the institute's 352."
    for quote in ("about 60", "352"):
        assert not any(word.endswith(":observatory") for word in claim(text, quote, D(2025, 6, 2)).counted)


def test_a_bare_number_in_apposition_to_a_count_counts_what_that_count_counts():
    text = "The union counts 2,100 members, some 300 more than the employer's 1,800."
    assert set(claim(text, "some 300", D(2025, 6, 2)).counted) == {"n:member"}  # it counted the union
    assert set(claim(text, "1,800", D(2025, 6, 2)).counted) == {"n:member"}  # the difference's baseline, alike


def test_a_figure_of_a_state_brought_about_counts_its_participle_not_who_brought_it():
    """ "have X Y-ed": the figure is the degree of the participle's state (contained), not of the subject of
    "have" (the firefighters)."""
    counted = claim("Firefighters had the blaze 40% contained on Monday.", "40%", D(2025, 8, 5)).counted
    assert "v:contain" in counted
    assert "n:firefighter" not in counted


def test_a_denied_time_is_no_time_of_the_figures_nor_the_year_they_are_read_in():
    text = (
        '"We have never seen a flood like this, not in 1983, not ever," the mayor said, as the river peaked at 6.1 '
        "metres on Sunday."
    )
    assert period(claim(text, "6.1", None)) == (None, None)  # it was the last Sunday of 1983
    assert period(claim(text, "6.1", D(2025, 5, 6))) == (D(2025, 5, 4), D(2025, 5, 4))


@pytest.mark.parametrize(
    ("text", "quote", "unit", "kind"),
    [
        (
            "A tribunal cut the levy on the carrier to 12 million dollars, finding the cartel ran two years, not five.",
            "five",
            "year",
            "duration",
        ),
        (
            "The agency trimmed its bill to 8 million pounds after the works took 18 months rather than 30.",
            "30",
            "month",
            "duration",
        ),
        ("The river crested at 4.2 metres, not 5, after 300 homes were flooded.", "5", "m", "measure"),
    ],
)
def test_a_number_correcting_the_one_before_it_is_told_in_that_number_s_unit(text, quote, unit, kind):
    """ "lasted three years, not four": the correction is in years, not in the sum told earlier in the sentence."""
    draft = claim(text, quote, D(2025, 11, 5))
    assert (draft.unit, draft.kind) == (unit, kind)  # it took the money's unit where a sum came before


def test_a_body_in_the_possessive_of_a_figure_is_its_source():
    """The teller of "the agency counts 30,410 …, some 500 more than the ministry's 29,874" did not count the
    29,874: the ministry did. A possessive on the figure's noun is whose thing it is, not who told it."""
    text = (
        "The refugee agency counts 12,480 people who landed this year, some 300 more than the interior ministry's "
        "12,180, because it includes those who came ashore undetected."
    )
    assert claim(text, "12,180", D(2025, 10, 3)).attribution == "the interior ministry's"  # it was the agency's
    assert claim(text, "12,480", D(2025, 10, 3)).attribution == "The refugee agency counts"
    owned = "The county's 900 million euro budget was cut, officials said."
    assert claim(owned, "900 million", D(2025, 10, 3)).attribution == "officials said"


def test_a_total_carried_to_its_figure_by_what_was_added_counts_those():
    """ "The arrivals brought the total to 29,874": the total of arrivals, as "the number of arrivals" is; a
    pronoun says nothing of it, and the verb of the last count told before stands in."""
    before = "Some 940 people crossed the channel on Sunday. "
    added = claim(before + "The landings brought the total for the year to 21,310.", "21,310", D(2025, 10, 3))
    assert set(added.counted) == {"n:total", "m:landing"}  # it read the crossing told before
    that = claim(before + "That brought the total for the year to 21,310.", "21,310", D(2025, 10, 3))
    assert set(that.counted) == {"n:total", "v:cross"}


def test_a_time_in_the_possessive_of_a_cause_dates_the_cause_not_the_figure():
    """ "a goal of about 3.5 percent due mainly to the previous year's weak base": the year before is when the base
    was weak, not the goal's year; a "with" clause on a verb of telling goes on with what was told, so the goal takes
    the told clause's year (2031) before the day it was told."""
    told = (
        "Freight volumes in 2031 rose 4.1 percent from a year earlier, the port authority said Monday, with the figure "
        "beating the port's annual goal of about 3.5 percent"
    )
    for published in (None, D(2032, 1, 20)):
        caused = claim(
            told + " due mainly to the previous year's weak base caused by the strikes.", "about 3.5 percent", published
        )
        assert period(caused) == (D(2031, 1, 1), D(2031, 12, 31))  # it read "the previous year"
        alone = claim(told + ".", "about 3.5 percent", published)
        assert period(alone) == (D(2031, 1, 1), D(2031, 12, 31))  # it read "Monday"


def test_a_clause_joined_to_one_whose_time_hangs_from_its_to_clause_takes_that_time():
    """ "… had been waiting more than 30 days to get a place at the end of June, which is up from 20,950 at the end
    of May, and is the equivalent of one in 40": the parse hangs June on the "to" clause, which is the clause the
    ratio is joined to, not the relative clause's May."""
    text = (
        "Meanwhile, some 21,400 pupils had been waiting more than 30 days to get a school place at the end of June, "
        "which is up from 20,950 at the end of May, and is the equivalent of one in 40 pupils in the region."
    )
    assert period(claim(text, "one in 40", D(2031, 10, 13))) == (D(2031, 6, 30), D(2031, 6, 30))  # it had none


def test_a_duration_told_as_a_clock_reads_is_a_race_s_result_that_no_time_dates():
    """ "She won in 3:41:07 last June": a finishing time, a record the race's time dates no more than its place; a
    duration told in words takes the time written right after it."""
    text = "She won in 3:41:07 last June in Lisbon, and cut the time to 3:40:52 in October's Dublin race."
    assert period(claim(text, "3:41:07", D(2031, 11, 2))) == (None, None)  # it read "last June"
    assert period(claim(text, "3:40:52", D(2031, 11, 2))) == (None, None)
    worded = claim(
        "Ambulances took an average of 47 minutes and 59 seconds in September to respond.",
        "47 minutes and 59 seconds",
        D(2031, 11, 2),
    )
    assert period(worded) == (D(2031, 9, 1), D(2031, 9, 30))


def test_a_figure_s_phrase_the_parse_splits_is_headed_by_the_part_holding_its_number():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from claims.extraction.syntax import token_at

    # "May 2031, with a mean 0.64 °C above normal, ranked third", as the parser may take "C" for the subject of
    # "ranked" and leave "0.64" on the mean: the figure is the number's part, not the next verb's subject
    words = ["May", "2031", ",", "with", "a", "mean", "0.64", "°", "C", "above", "normal", ",", "ranked", "third"]
    heads = [0, 0, 0, 0, 5, 3, 5, 5, 12, 8, 9, 12, 12, 12]
    deps = ["ROOT", "nummod", "punct", "prep", "det", "pobj", "nummod", "punct", "nsubj", "prep", "pobj", "punct"]
    deps += ["ROOT", "advmod"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps)
    start = doc[6].idx
    assert token_at(doc, start, doc[8].idx + 1).i == 6  # it was "C", so the figure took no time of May's
    assert token_at(doc, doc[4].idx, doc[6].idx + 4).i == 5  # a phrase of one part keeps its head


def test_a_bare_member_of_a_gapped_list_counts_what_its_first_member_counts():
    # "Four trawlers sailed from X and two from Y": the second member's noun and verb are gapped, the first's.
    text = "Four trawlers sailed from the north harbour and two from the south quay on Monday."
    assert set(claim(text, "two").counted) == {"n:trawler", "v:sail"}  # it was {"v:sail"}
    # a bare number after another bare one that is no member ("between 10 and 20") takes nothing from before it
    text = "Inspectors counted 40 boats, and between 10 and 20 in the outer harbour were damaged."
    assert "n:boat" not in claim(text, "between 10 and 20").counted


def test_a_number_from_a_place_in_a_list_of_people_is_their_origin_not_where_they_are():
    # "refugees from Syria" is where they come from; so is "12 from Chile", the number standing for its people.
    text = (
        "Among the delegates were 20 scientists, the hosts said: 12 from Chile, five from Peru and three from Bolivia."
    )
    for quote in ("12", "five", "three"):
        assert claim(text, quote).places == ()  # they read ("Chile",)


def test_a_fortnight_is_a_length_of_time():
    # "within a fortnight" after "could" is a deadline, a time phrase like "within a week", no claim of its own …
    assert [
        draft.quote for draft in extract("Engineers said the bridge could reopen within a fortnight.", PUBLISHED)
    ] == []
    # … and a fortnight told as a length is a duration (it was a count of "fortnight").
    draft = claim("The ferry service was cut for two fortnights in the winter.", "two")
    assert (draft.unit, draft.kind) == ("fortnight", "duration")


def test_what_a_rate_is_taken_over_is_not_what_it_counts():
    # "7.5 per 1,000 households": the households are the rate's denominator; the rate says what it counts …
    draft = claim("The burglary rate fell to 7.5 per 1,000 households last year.", "7.5")
    assert set(draft.counted) == {"v:fall", "s:rate", "sm:burglary"}  # it read n:household, v:fall
    # … while a noun before "per" is the counted one, and "per cent" is no rate's "per".
    assert "n:theft" in claim("Police logged 3.2 thefts per 1,000 residents in May.", "3.2").counted


def test_one_another_is_a_pronoun_not_a_count_of_one():
    # "one another" is reciprocal: no claim of one, whatever noun of the sentence the number would be lent.
    text = "Officials said 30 rangers would keep track as the hikers reached one another by radio."
    assert [draft.quote for draft in extract(text, PUBLISHED)] == ["30"]  # it kept "one", a count of hikers


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "half-" joined to a word that is no unit of it is part of that word, no half of anything …
        ("Flags at the town hall flew at half-mast as 14 coffins passed.", ["14"]),
        ("The score was 2-1 at half-time, and 9,000 fans stayed on.", ["9,000"]),
        ("Her half-brother said 35 guests had been invited.", ["35"]),
        # … while a half of something, or a half unit, stays a claim.
        ("Half of the 60 stalls were shut and a half-hour queue formed.", ["Half", "60", "a half-hour"]),
    ],
)
def test_a_half_that_is_part_of_a_word_is_no_share(text, kept):
    assert [draft.quote for draft in extract(text, PUBLISHED)] == kept


def test_half_a_scale_written_with_hyphens_is_the_count_it_scales():
    # "half-a-dozen" as "half a dozen": six, not a share "half" (the hyphen after "a" was not read)
    draft = claim("Nearly half-a-dozen ferries were held in port.", "Nearly half-a-dozen")
    assert (draft.value, draft.unit, draft.kind) == (Decimal(6), "ferry", "count")


def test_a_body_that_sets_a_figure_on_its_object_is_its_source_where_the_parser_hangs_at():
    """ "while the insurer estimated the damage at …": the parser hangs "at" on the object, not on the verb."""
    text = "The province's Office of Civil Defence estimates damage at $4.1 million."
    assert claim(text, "$4.1 million").attribution == "The province's Office of Civil Defence estimates damage"
    insurer = claim("The regional insurer estimated the damage at about €75 million.", "about €75 million")
    assert insurer.attribution == "The regional insurer estimated the damage"  # it had read no source
    assert claim("The storm put thousands of homes at risk.", "thousands").attribution == ""


def test_a_relative_pronoun_subject_stands_for_the_body_it_follows():
    text = "That is below the count from the Orrin Harbour Trust, which last month reported 4,210 arrivals for 2024."
    assert claim(text, "4,210").attribution == "the Orrin Harbour Trust last month reported"  # it had read none
    fire = "The storm that hit the coast, which claimed 86 lives, was the worst in years."
    assert claim(fire, "86").attribution == ""  # a storm is no body that tells a figure
    put = "It is below an estimate by the Orrin Group, a firm that advises builders, which put losses at €90 million."
    assert claim(put, "€90 million").attribution == "the Orrin Group put losses"  # not "builders", a kind of body


def test_a_year_in_the_subject_of_a_verb_of_counting_leaves_it_the_source():
    assert claim("The 2019 survey had counted nearly 7,400 nests.", "nearly 7,400").attribution == (
        "The 2019 survey had counted"  # the year had read as a figure of a finding ("3 per cent of respondents")
    )


def test_a_body_s_reading_of_a_figure_is_its_source():
    """ "the association's first estimate of 4,800", "Its count for 2023 was 2,315": the body's own reading, its
    standing for the body named before; "raised its estimate … to 48,000": the subject moved its own reading."""
    up = "Sales rose to 5,100 units, up from the association's first estimate of 4,800."
    assert claim(up, "4,800").attribution == "the association's"  # it had read none
    its = "The Brenna Wildlife Fund released its survey on Monday. Its count for 2023 was 2,315 otters."
    assert claim(its, "2,315").attribution == "The Brenna Wildlife Fund's"
    raised = "The Velmar Football Federation has raised its estimate of ticket sales to 48,000."
    assert claim(raised, "48,000").attribution == (
        "The Velmar Football Federation has raised its estimate of ticket sales"
    )


def test_a_source_phrase_ends_before_what_is_said_of_the_figure_or_of_the_source():
    put = claim("The commission put total losses at €3.2 billion, a figure that excludes farms.", "€3.2 billion")
    assert put.attribution == "The commission put total losses"  # it had kept "a figure that excludes farms"
    text = "Ostrava registered 2,400 births last year, according to census data that show the region ageing."
    assert claim(text, "2,400").attribution == "according to census data"


def test_a_while_clause_and_a_list_after_a_colon_are_told_by_the_verb_of_saying_they_hang_on():
    text = (
        "Divers have identified 9 of the victims, the port authority said on Monday, while the number of bodies "
        "brought ashore rose to 31."
    )
    assert claim(text, "31").attribution == "the port authority said on Monday"  # it had read none
    own = (
        "Divers have identified 9 of the victims, the port authority said on Monday, while the Red Cross has 300 "
        "volunteers on the quay."
    )
    assert claim(own, "300").attribution == ""  # a body's own clause
    listed = "There were 24 pupils on the bus, the school said: 15 from Orlen, six from Basswick and three from Tamar."
    assert claim(listed, "15").attribution == "the school said"
    assert claim(listed, "six").attribution == "the school said"


def test_an_although_clause_and_the_figure_a_count_moved_from_are_told_by_the_verb_of_saying_before_them():
    although = (
        "The region's maize harvest is expected to reach 6 million tonnes this year, the farm ministry said, although "
        "the barley crop will be about 15% smaller."
    )
    assert claim(although, "about 15%").attribution == "the farm ministry said"  # it had read none
    up = (
        "More than 4,100 ferry passengers have been turned back at Lorne since May, the port police said on Monday, "
        "up from about 1,700 in the same months of 2023."
    )
    assert claim(up, "about 1,700").attribution == "the port police said on Monday"  # it had read none
    counted = "The museum recorded 61,000 visits last year, down from 64,500 in 2022, the city said."
    assert claim(counted, "64,500").attribution == "the city said"  # not the museum's verb of counting


def test_a_body_that_listed_a_count_is_its_source_without_what_the_count_was_listed_as():
    text = "The county office had listed 75 people as unaccounted for on Sunday."
    assert claim(text, "75").attribution == "The county office had listed on Sunday"  # it had read none


def test_a_tremor_measured_or_rated_at_a_figure_has_that_magnitude():
    text = "The tremor, measured at 5.7 by the coastal survey and 5.4 by the university, cracked 30 bridges."
    assert (claim(text, "5.7").unit, claim(text, "5.7").kind) == ("magnitude", "measure")  # it had read a count
    assert (claim(text, "5.4").unit, claim(text, "5.4").kind) == ("magnitude", "measure")
    assert claim("The aftershock was rated at 4.8 by the observatory.", "4.8").unit == "magnitude"
    assert claim("Officials raised the toll to 12 after the aftershock.", "12").unit != "magnitude"  # not the tremor's


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The lorries carried an average of 18 pallets each on Friday, the depot said.", "18", "pallet per lorry"),
        ("An average of 27 pupils sat in each classroom in March, the council said.", "27", "pupil per classroom"),
    ],
)
def test_an_average_told_of_each_one_of_a_plural_subject_or_a_noun_with_each_is_per_that_noun(text, quote, unit):
    found = claim(text, quote)
    assert (found.unit, found.kind) == (unit, "rate")  # "pallets per on"; a plain count of pupils


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The city council approved 850 million pesos for new drains.", "850 million", "peso"),
        ("Each household was promised 40,000 dinars in compensation.", "40,000", "dinar"),
        ("The court fined the firm 2 million shillings.", "2 million", "shilling"),
    ],
)
def test_a_shared_currency_name_without_its_nation_is_still_a_sum_of_money(text, quote, unit):
    found = claim(text, quote)
    assert (found.unit, found.kind) == (unit, "money")  # it had read a count of pesos, dinars, shillings


def test_a_figure_a_body_measured_or_revised_a_thing_at_or_to_is_that_body_s():
    text = "The tremor, measured at 5.7 by the Coastal Survey Office and 5.4 by Kelmar University, cracked 30 bridges."
    assert claim(text, "5.7").attribution == "measured by the Coastal Survey Office"  # it had read none
    assert claim(text, "5.4").attribution == "measured by Kelmar University"
    measured = "The Volcanic Studies Centre measured the aftershock at magnitude 4.6 on Sunday."
    assert claim(measured, "4.6").attribution == "The Volcanic Studies Centre measured the aftershock on Sunday"
    revised = "The Volcanic Studies Centre revised the quake's magnitude to 6.1 from 5.8."
    assert claim(revised, "6.1").attribution == "The Volcanic Studies Centre revised the quake's magnitude"
    assert claim(revised, "5.8").attribution == "The Volcanic Studies Centre revised the quake's magnitude"
    assert claim("The yearly rate was revised to 4.2 percent.", "4.2 percent").attribution == ""  # no body
