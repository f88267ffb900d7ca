"""Time expressions resolved against the publication date (pure Python, no spaCy)."""

import datetime as dt

import pytest

from claims.extraction.timeexpr import find_times

PUBLISHED = dt.date(2021, 11, 21)  # a Sunday
D = dt.date


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("8,000 people came in 2021.", "in 2021", D(2021, 1, 1), D(2021, 12, 31)),
        ("just 150 last year.", "last year", D(2020, 1, 1), D(2020, 12, 31)),
        ("prices rose this month.", "this month", D(2021, 11, 1), D(2021, 11, 30)),
        ("This Monday, the refugees moved.", "This Monday", D(2021, 11, 15), D(2021, 11, 15)),
        ("Since August, crossings rose.", "Since August", D(2021, 8, 1), PUBLISHED),
        ("On November 8, a convoy came.", "On November 8", D(2021, 11, 8), D(2021, 11, 8)),
        (
            "exports in the first 10 months of 2022 rose",
            "in the first 10 months of 2022",
            D(2022, 1, 1),
            D(2022, 10, 31),
        ),
        ("40 cases over the last 24 hours", "over the last 24 hours", D(2021, 11, 20), PUBLISHED),
        ("maintained for the past seven years", "for the past seven years", D(2014, 11, 21), PUBLISHED),
        ("clashes on Sept. 27, 2020, and", "on Sept. 27, 2020", D(2020, 9, 27), D(2020, 9, 27)),
        ("ended in November 2020 in a deal", "in November 2020", D(2020, 11, 1), D(2020, 11, 30)),
        ("the conflict last fall", "last fall", D(2020, 9, 1), D(2020, 11, 30)),
        ("tense since 1991, when", "since 1991", D(1991, 1, 1), PUBLISHED),
        ("grew 0.1 per cent in the first quarter", "in the first quarter", D(2021, 1, 1), D(2021, 3, 31)),
        ("prices rose 8.6 percent in the 12 months to May", "in the 12 months to May", D(2020, 6, 1), D(2021, 5, 31)),
        ("4,026 so far this year", "so far this year", D(2021, 1, 1), PUBLISHED),
        ("killed since mid-June", "since mid-June", D(2021, 6, 15), PUBLISHED),
        ("10,000 within a decade", "within a decade", PUBLISHED, D(2031, 11, 21)),
        ("met on Tuesday", "on Tuesday", D(2021, 11, 16), D(2021, 11, 16)),
        ("arrived yesterday", "yesterday", D(2021, 11, 20), D(2021, 11, 20)),
        # "since the start of the year" runs from the year's first day, not from an unnamed event
        ("1,870 cases since the start of the year", "since the start of the year", D(2021, 1, 1), PUBLISHED),
        ("closed at the start of 2020", "at the start of 2020", D(2020, 1, 1), D(2020, 1, 1)),
        # a window that ends on a weekday, at an hour or not
        ("120 cases in the week to Friday", "in the week to Friday", D(2021, 11, 13), D(2021, 11, 19)),
        (
            "35 deaths in the 24 hours to 8 a.m. on Saturday",
            "in the 24 hours to 8 a.m. on Saturday",
            D(2021, 11, 19),
            D(2021, 11, 20),
        ),
        ("crossings in the few days to Friday", "in the few days to Friday", None, D(2021, 11, 19)),
        # a year before a plural noun of events is a year, not a count of them
        ("70 died in the 2019 floods", "2019", D(2019, 1, 1), D(2019, 12, 31)),
    ],
)
def test_time_expressions_resolve_against_the_publication_date(text, phrase, start, end):
    times = find_times(text, PUBLISHED)
    assert [(t.text, t.period_start, t.period_end) for t in times] == [(phrase, start, end)]
    assert text[times[0].start : times[0].end] == phrase


def test_relative_times_have_no_period_without_a_publication_date():
    (t,) = find_times("just 150 last year", None)
    assert (t.text, t.period_start, t.period_end) == ("last year", None, None)


def test_absolute_times_resolve_without_a_publication_date():
    (t,) = find_times("more than 8,000 people in 2021", None)
    assert (t.period_start, t.period_end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_a_bare_month_name_is_not_a_time():
    assert find_times("May the officials agree", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("the report published on 2021-03-03 lists", "on 2021-03-03", D(2021, 3, 3), D(2021, 3, 3)),
        ("revenue rose 12% in Q3, Apple said", "in Q3", D(2021, 7, 1), D(2021, 9, 30)),
        ("sales fell in Q1 2020", "in Q1 2020", D(2020, 1, 1), D(2020, 3, 31)),
        ("third-quarter profit rose", "third-quarter", D(2021, 7, 1), D(2021, 9, 30)),
        ("house prices have doubled since the 1990s", "since the 1990s", D(1990, 1, 1), PUBLISHED),
        ("common in the early 2000s", "in the early 2000s", D(2000, 1, 1), D(2003, 12, 31)),
        ("27 goals in the 2020/21 season", "in the 2020/21", D(2020, 1, 1), D(2021, 12, 31)),
        (
            "lost 11,568 sq km between August 2020 and July 2021",
            "between August 2020 and July 2021",
            D(2020, 8, 1),
            D(2021, 7, 31),
        ),
        ("grew 0.6% in the April-June period", "in the April-June period", D(2021, 4, 1), D(2021, 6, 30)),
        ("rose from March to May", "from March to May", D(2021, 3, 1), D(2021, 5, 31)),
    ],
)
def test_business_page_quarters_iso_dates_decades_seasons_and_month_ranges_are_times(text, phrase, start, end):
    times = find_times(text, PUBLISHED)
    assert [(t.text, t.period_start, t.period_end) for t in times] == [(phrase, start, end)]


@pytest.mark.parametrize(
    ("text", "phrase"), [("sales of $5.6bn in fiscal 2024", "in fiscal 2024"), ("its FY2025 guidance", "FY2025")]
)
def test_a_fiscal_year_is_a_time_without_a_period_because_fiscal_years_differ(text, phrase):
    assert [(t.text, t.period_start, t.period_end) for t in find_times(text, PUBLISHED)] == [(phrase, None, None)]


def test_a_year_before_a_counted_noun_after_the_is_not_a_time():
    assert find_times("of the 2000 residents", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("The festival runs on 3-5 March.", "on 3-5 March", D(2021, 3, 3), D(2021, 3, 5)),
        ("talks on Nov. 3-5, 2020 in Geneva", "on Nov. 3-5, 2020", D(2020, 11, 3), D(2020, 11, 5)),
    ],
)
def test_a_range_of_days_in_a_month_is_one_time(text, phrase, start, end):
    assert [(t.text, t.period_start, t.period_end) for t in find_times(text, PUBLISHED)] == [(phrase, start, end)]


def test_over_the_weekend_is_the_latest_weekend_before_publication():
    [t] = find_times("more than 3 inches of rain fell over the weekend", PUBLISHED)  # a Sunday
    assert (t.text, t.period_start, t.period_end) == ("over the weekend", D(2021, 11, 20), D(2021, 11, 21))


def test_the_year_2100_of_climate_projections_is_a_year():
    [t] = find_times("Sea levels could rise by 1 metre by 2100.", PUBLISHED)
    assert (t.text, t.period_end) == ("by 2100", D(2100, 12, 31))


def test_this_weekend_is_the_saturday_and_sunday_not_the_whole_week():
    [time] = find_times("Protests are planned this weekend.", PUBLISHED)
    assert (time.text, time.period_start, time.period_end) == ("this weekend", D(2021, 11, 20), D(2021, 11, 21))


def test_a_window_of_a_few_months_to_a_month_knows_its_end_and_not_its_start():
    [time] = find_times("in the few months to March, prices fell", PUBLISHED)
    assert (time.period_start, time.period_end) == (None, D(2021, 3, 31))


def test_an_as_of_word_is_marked_as_such_and_a_period_is_not():
    times = find_times("Some 9,000 have now crossed this year, up to now more than in 2022.", dt.date(2023, 11, 20))
    assert [(time.text, time.as_of) for time in times] == [
        ("now", True),
        ("this year", False),
        ("up to now", True),
        ("in 2022", False),
    ]
