"""The words extraction knows, in one place: every table the rules read and the names they produce.

Pure Python, imported by ``numbers``, ``timeexpr`` and ``extract`` alike (it imports none of them).
It holds number words and scales, vague magnitudes, fractions and multipliers; currencies; units of
time and measure; qualifier phrases; month, weekday and season names with the month arithmetic the
time rules share; singular and plural of nouns; and the kind and qualifier names a claim carries
(the values of ``claims.models.Kind`` and ``claims.models.Qualifier``, which a test keeps equal).
Regular expressions elsewhere build their alternations from these tables with ``alternation``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal

# ---------------------------------------------------------------------------------------------
# Names a claim carries
# ---------------------------------------------------------------------------------------------


class Kind:
    """What a quantity measures. Plain strings, so drafts stay plain data; same values as the model."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    DURATION = "duration"
    RATIO = "ratio"
    SHARE = "share"
    RATE = "rate"


class Qualifier:
    """How the words bound a value ("more than", "about", a range). Same values as the model."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


# In the order ``claims.models`` lists its choices.
KINDS = (Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.MEASURE, Kind.DURATION, Kind.RATIO, Kind.SHARE, Kind.RATE)
QUALIFIERS = (
    Qualifier.EXACT,
    Qualifier.APPROX,
    Qualifier.MORE_THAN,
    Qualifier.LESS_THAN,
    Qualifier.AT_LEAST,
    Qualifier.AT_MOST,
    Qualifier.RANGE,
    Qualifier.VAGUE,
)

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Words that multiply the number before them inside a group ("three hundred", "two dozen", "half a gross").
GROUP_WORDS = {"dozen": 12, "gross": 144, "hundred": 100}
# Scales that end a group ("two million three hundred thousand"); "and" may follow them.
SHORT_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# South Asian English scales: "Rs 500 crore", "2.5 lakh people".
SOUTH_ASIAN_SCALES = {"lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
SCALES = SHORT_SCALES | SOUTH_ASIAN_SCALES
COMPOUND_SCALES = {"lakh crore": 10**12, "lakh crores": 10**12}  # "Rs 1.5 lakh crore": 1.5e12
# Every word that multiplies the number before it: "two dozen", "3 million", "half a hundred".
MULTIPLES = GROUP_WORDS | SCALES
# Written against the digits: "5k", "1.2m", "$3bn".
ABBREVIATED_SCALES = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# Vague magnitudes: the interval the words allow (EXTRACTION.md).
VAGUE = {
    "dozens": (24, 99),
    "several dozen": (24, 99),
    "a few dozen": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "several hundred": (200, 999),
    "a few hundred": (200, 999),
    "thousands": (2000, 9999),
    "several thousand": (2000, 9999),
    "a few thousand": (2000, 9999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999),
    "millions": (2_000_000, 999_000_000),
    "several million": (2_000_000, 9_999_999),
    "a few million": (2_000_000, 9_999_999),
    "tens of millions": (10_000_000, 99_999_999),
    "hundreds of millions": (100_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_000_000_000),
    "several billion": (2 * 10**9, 10**10 - 1),
}
MULTIPLIERS: dict[str, int | Decimal] = {
    "doubled": 2,
    "tripled": 3,
    "trebled": 3,
    "quadrupled": 4,
    "halved": Decimal("0.5"),
    "double": 2,
    "triple": 3,
    "treble": 3,
    "quadruple": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "sevenfold": 7,
    "eightfold": 8,
    "ninefold": 9,
    "tenfold": 10,
    "twentyfold": 20,
    "hundredfold": 100,
    "twice": 2,
}
# "double" and "triple" are multipliers only after a qualifier ("nearly triple what …").
BARE_ADJECTIVE_MULTIPLIERS = frozenset({"double", "triple", "treble", "quadruple"})
# The counts a time phrase may use ("the last six months", "within a decade"): the number words
# the time rules have always read, a subset of the tables above.
TIME_COUNTS = {"a": 1, "an": 1} | {
    word: (SMALL_NUMBERS | TENS | GROUP_WORDS)[word]
    for word in (
        "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred"
    ).split()
}

# ---------------------------------------------------------------------------------------------
# Qualifiers: the words before a number and the qualifier they give it
# ---------------------------------------------------------------------------------------------

QUALIFIER_PHRASES = {
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "exceeded": Qualifier.MORE_THAN,
    "exceeding": Qualifier.MORE_THAN,
    "exceeds": Qualifier.MORE_THAN,
    "exceed": Qualifier.MORE_THAN,
    "topped": Qualifier.MORE_THAN,
    "tops": Qualifier.MORE_THAN,
    "surpass": Qualifier.MORE_THAN,
    "surpassed": Qualifier.MORE_THAN,
    "surpasses": Qualifier.MORE_THAN,
    "surpassing": Qualifier.MORE_THAN,
    "pass": Qualifier.MORE_THAN,
    "passed": Qualifier.MORE_THAN,
    "passes": Qualifier.MORE_THAN,
    "upward of": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "greater than": Qualifier.MORE_THAN,
    "larger than": Qualifier.MORE_THAN,
    "bigger than": Qualifier.MORE_THAN,
    "higher than": Qualifier.MORE_THAN,
    "longer than": Qualifier.MORE_THAN,
    "greater than or equal to": Qualifier.AT_LEAST,
    "more than or equal to": Qualifier.AT_LEAST,
    "at or above": Qualifier.AT_LEAST,
    "smaller than": Qualifier.LESS_THAN,
    "lower than": Qualifier.LESS_THAN,
    "shorter than": Qualifier.LESS_THAN,
    "less than or equal to": Qualifier.AT_MOST,
    "at or below": Qualifier.AT_MOST,
    "as far as": Qualifier.AT_MOST,
    "as high as": Qualifier.AT_MOST,
    "fewer than": Qualifier.LESS_THAN,
    "less than": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "at least": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "at most": Qualifier.AT_MOST,
    "up to": Qualifier.AT_MOST,
    "as many as": Qualifier.AT_MOST,
    "as much as": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST,
    "within": Qualifier.AT_MOST,
    "near": Qualifier.APPROX,
    "some": Qualifier.APPROX,
    "about": Qualifier.APPROX,
    "around": Qualifier.APPROX,
    "roughly": Qualifier.APPROX,
    "nearly": Qualifier.APPROX,
    "almost": Qualifier.APPROX,
    "an estimated": Qualifier.APPROX,
    "estimated": Qualifier.APPROX,
    "close to": Qualifier.APPROX,
    "approximately": Qualifier.APPROX,
    "approx.": Qualifier.APPROX,
    "~": Qualifier.APPROX,
    "just": Qualifier.EXACT,
    "only": Qualifier.EXACT,
    "exactly": Qualifier.EXACT,
    "a total of": Qualifier.EXACT,
}
# "N or more", "N or so": the words after "or" and the qualifier they give N (any other: at most).
OR_AFTER_NUMBER = {
    "more": Qualifier.AT_LEAST,
    "above": Qualifier.AT_LEAST,
    "over": Qualifier.AT_LEAST,
    "so": Qualifier.APPROX,
    "fewer": Qualifier.AT_MOST,
    "less": Qualifier.AT_MOST,
}

# Nouns of a measured change: "annual" before one of them names a baseline ("annual inflation",
# "the annual growth target", "an annual increase"); before any other noun it does not ("an
# annual meeting", "its annual report").
# Words of a change in value ("rose", "fell", "revised", "up"), as a regular-expression alternation: what
# makes "from" open a baseline ("rose to 10.7 percent from 9.9 percent"), for extraction and the linker alike.
CHANGE_WORDS = (
    r"r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|increas\w*|decreas\w*|gr[eo]w\w*|jump\w*|drop\w*|climb\w*|"
    r"declin\w*|soar\w*|surg\w*|plung\w*|slow\w*|accelerat\w*|advanc\w*|gain\w*|moved|went|chang\w*|revis\w*|"
    r"expan\w*|shr[aiu]nk\w*|contract\w*|dipped|edged|eased|tumbled|slid|slumped|doubled|tripled|halved|"
    r"higher|lower|up|down"
)
CHANGE_NOUNS = frozenset(
    "growth inflation rate rise increase decrease decline fall drop change gain target reading pace price "
    "prices jump surge expansion contraction".split()
)

# Bodies, not people: a possessive on one names no place ("Chile's emergency agency"), and "he" or "she" cannot
# name one.
BODY_NOUNS = frozenset(
    "agency ministry government office department authority authorities bank company firm group club union party "
    "council court police army military force forces navy service board commission parliament committee institute "
    "university team side league federation association organisation organization operator regulator broadcaster "
    "airline carrier insurer lender producer maker manufacturer retailer utility exchange fund administration".split()
)
# People by their role, whose possessive names no place either ("Kenya's coach").
ROLE_NOUNS = frozenset(
    "minister president premier leader official officials spokesman spokeswoman spokesperson chief head governor "
    "mayor secretary ambassador envoy king queen player players coach captain champion".split()
)

# ---------------------------------------------------------------------------------------------
# Currencies
# ---------------------------------------------------------------------------------------------

# Signs ("$", "€") and codes ("USD", "Rs") written before the amount.
CURRENCY_SYMBOLS = {
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "₽": "RUB",
    "rub": "RUB",
    "¥": "JPY",
    "₴": "UAH",
    "rs": "INR",
    "rs.": "INR",
    "₹": "INR",
    "inr": "INR",
}
# ISO 4217 codes of the currencies in use (and the kuna, retired in 2023), read before an amount when written in
# capitals ("SEK 640 million", "NOK 1.2bn"). Left out: the codes that are English words a headline writes in capitals
# ("ALL 72 passengers", "TOP 10", "TRY", "CUP", "MAD", "PEN", "SOS", "BOB", "GEL", "BAM", "MOP", "NIO").
ISO_CURRENCY_CODES = frozenset(
    """
    AED AFN AMD AOA ARS AUD AWG AZN BBD BDT BGN BHD BIF BMD BND BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF
    CHW CLF CLP CNY COP COU CRC CUC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GHS GIP GMD GNF GTQ GYD HKD HNL
    HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MDL MGA
    MKD MMK MNT MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NOK NPR NZD OMR PAB PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SLL SRD SSP STN SVC SYP SZL THB TJS TMT TND TTD TWD TZS UAH UGX USD UYI UYU UYW UZS VED
    VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
    """.split()
)
# Words written after the amount.
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "pound": "GBP",
    "pounds": "GBP",
    "bitcoin": "BTC",
    "bitcoins": "BTC",
    "yuan": "CNY",
    "yen": "JPY",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "rupee": "INR",
    "rupees": "INR",
    "kronor": "SEK",
    "koruna": "CZK",
    "korunas": "CZK",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "shekel": "ILS",
    "shekels": "ILS",
    "lira": "TRY",
    "liras": "TRY",
    "naira": "NGN",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "tenge": "KZT",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "francs": "CHF",
}
# A nationality names the currency when the word alone is shared: "11 million Swedish crowns".
CURRENCY_PHRASES = {
    "swedish crowns": "SEK",
    "swedish krona": "SEK",
    "norwegian crowns": "NOK",
    "norwegian kroner": "NOK",
    "danish crowns": "DKK",
    "danish kroner": "DKK",
    "czech crowns": "CZK",
    "swiss francs": "CHF",
    "mexican pesos": "MXN",
    "argentine pesos": "ARS",
    "chilean pesos": "CLP",
    "colombian pesos": "COP",
    "philippine pesos": "PHP",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "brazilian reais": "BRL",
    "south african rand": "ZAR",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    **{
        f"{nation} {word}": code
        for nation, words, code in (
            ("moroccan", ("dirham", "dirhams"), "MAD"),
            ("emirati", ("dirham", "dirhams"), "AED"),
            ("uae", ("dirham", "dirhams"), "AED"),
            ("libyan", ("dinar", "dinars"), "LYD"),
            ("tunisian", ("dinar", "dinars"), "TND"),
            ("algerian", ("dinar", "dinars"), "DZD"),
            ("iraqi", ("dinar", "dinars"), "IQD"),
            ("jordanian", ("dinar", "dinars"), "JOD"),
            ("kuwaiti", ("dinar", "dinars"), "KWD"),
            ("serbian", ("dinar", "dinars"), "RSD"),
            ("saudi", ("riyal", "riyals"), "SAR"),
            ("qatari", ("riyal", "riyals"), "QAR"),
            ("iranian", ("rial", "rials"), "IRR"),
            ("egyptian", ("pound", "pounds"), "EGP"),
            ("lebanese", ("pound", "pounds"), "LBP"),
            ("turkish", ("lira", "liras"), "TRY"),
            ("indian", ("rupee", "rupees"), "INR"),
            ("pakistani", ("rupee", "rupees"), "PKR"),
            ("nepalese", ("rupee", "rupees"), "NPR"),
            ("nepali", ("rupee", "rupees"), "NPR"),
            ("indonesian", ("rupiah",), "IDR"),
            ("bangladeshi", ("taka",), "BDT"),
            ("cfa", ("franc", "francs"), "XAF"),
            ("congolese", ("franc", "francs"), "CDF"),
            ("kenyan", ("shilling", "shillings"), "KES"),
            ("ugandan", ("shilling", "shillings"), "UGX"),
            ("tanzanian", ("shilling", "shillings"), "TZS"),
            ("nigerian", ("naira",), "NGN"),
            ("ghanaian", ("cedi", "cedis"), "GHS"),
            ("ethiopian", ("birr",), "ETB"),
            ("zambian", ("kwacha",), "ZMW"),
            ("malawian", ("kwacha",), "MWK"),
            ("mozambican", ("metical", "meticais"), "MZN"),
            ("romanian", ("leu", "lei"), "RON"),
            ("russian", ("rouble", "roubles", "ruble", "rubles"), "RUB"),
            ("ukrainian", ("hryvnia", "hryvnias"), "UAH"),
            ("polish", ("zloty", "zlotys"), "PLN"),
            ("hungarian", ("forint", "forints"), "HUF"),
            ("japanese", ("yen",), "JPY"),
            ("chinese", ("yuan",), "CNY"),
            ("south korean", ("won",), "KRW"),
            ("korean", ("won",), "KRW"),
            ("vietnamese", ("dong",), "VND"),
            ("thai", ("baht",), "THB"),
            ("malaysian", ("ringgit",), "MYR"),
            ("peruvian", ("sol", "soles"), "PEN"),
            ("brazilian", ("real",), "BRL"),
        )
        for word in words
    },
}

# Currency names several countries share, written with no nation ("1.2 billion pesos", "300,000 dinars"): a sum of
# money all the same, its unit the name itself, as no code can be told. Names that are also common English words
# ("real", "won", "sol") are left out: they need their nation.
SHARED_CURRENCY_NAMES = {
    **{word: "peso" for word in ("peso", "pesos")},
    **{word: "dinar" for word in ("dinar", "dinars")},
    **{word: "rial" for word in ("rial", "rials")},
    **{word: "shilling" for word in ("shilling", "shillings")},
    **{word: "krone" for word in ("krone", "kroner")},
    "kwacha": "kwacha",
}

# ---------------------------------------------------------------------------------------------
# Units of time and measure: the word as written, and the unit it names
# ---------------------------------------------------------------------------------------------

DURATION_UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",  # "within a fortnight": two weeks, a length of time like them
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
MEASURE_UNITS = {
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "mile",
    "miles": "mile",
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "cm": "cm",
    "mm": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
    "centimetre": "cm",
    "centimetres": "cm",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "tonne",
    "tons": "tonne",
    "t": "tonne",
    "hectare": "hectare",
    "hectares": "hectare",
    "ha": "hectare",
    "acre": "acre",
    "acres": "acre",
    "mph": "mph",
    "km/h": "km/h",
    "kmh": "km/h",
    "kph": "km/h",
    "litre": "litre",
    "litres": "litre",
    "liter": "litre",
    "liters": "litre",
    "barrel": "barrel",
    "barrels": "barrel",
    "bpd": "barrel per day",
    "mw": "megawatt",
    "megawatt": "megawatt",
    "megawatts": "megawatt",
    "gw": "gigawatt",
    "gigawatt": "gigawatt",
    "gigawatts": "gigawatt",
    "kw": "kilowatt",
    "kilowatts": "kilowatt",
    "kwh": "kilowatt-hour",
    "twh": "terawatt-hour",
    "terawatt-hours": "terawatt-hour",
    "terawatt-hour": "terawatt-hour",
    "gigawatt-hours": "gigawatt-hour",
    "degrees": "degree",
    "degree": "degree",
    "c": "celsius",
    "celsius": "celsius",
    "°c": "celsius",
    "°f": "fahrenheit",
    "°": "degree",
    "º": "degree",
    "ºc": "celsius",
    "ºf": "fahrenheit",
    "f": "fahrenheit",
    "fahrenheit": "fahrenheit",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "light-years": "light year",
    "light-year": "light year",
    "magnitude": "magnitude",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "bcm": "bcm",
    "inch": "inch",
    "inches": "inch",
    "gallon": "gallon",
    "gallons": "gallon",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "miles per hour": "mph",
    "light years": "light year",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
}
# The canonical units of MEASURE_UNITS that measure a length.
LENGTH_UNITS = frozenset({"km", "mile", "m", "cm", "mm"})
# Abbreviations written against the digits ("40km", "5kg", "100m"); the degree signs are
# matched by their own pattern, with optional spaces. "ft" is not among them: "10ft" reads as a name.
GLUED_UNITS = "km/h km2 kmh kph kwh twh km kg mm cm ha mph mw gw kw bpd bcm m t g c f".split()
# The units a compound duration adds up exactly ("two hours, 42 minutes and 28 seconds"), in seconds.
DURATION_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86_400, "week": 604_800}
# Words for time that measure a window or a span ("the last six months", "in 24 hours").
CALENDAR_UNITS = ("hour", "day", "week", "month", "quarter", "year", "decade")

# The units of a share and of a ratio (EXTRACTION.md: "more than half" is a fraction, "doubled" times).
SHARE_UNIT = "fraction"
RATIO_UNIT = "times"
# Nouns that only say a figure is a count ("the number of people killed", "the total rose to 93"): what is counted
# is told by their "of" or by the noun they stand for. "figure" also stands in ("the figure rose to 93"), but a
# tally's "of" never follows it.
TALLY_NOUNS = frozenset({"number", "total", "tally", "count"})
STAND_IN_NOUNS = TALLY_NOUNS | {"figure"}

# What sets a part beside the figure it is taken from: "rose to 368, including 56", "1,300, among them 250".
PART_PREPOSITIONS = frozenset({"including", "among"})

# What a bare count is, read from the word it is said with (EXTRACTION.md: "killed 800", "1,200-1,500
# dead", "the death toll rose to 3,100" count deaths): lemmas of verbs and adjectives.
DEATH_WORDS = frozenset({"die", "dead", "perish", "drown", "kill", "death", "toll", "fatality", "claim"})
PEOPLE_WORDS = frozenset(
    {"missing", "injured", "wounded", "hurt", "displaced", "evacuated", "evacuate", "rescued", "rescue",
     "stranded", "homeless", "affected", "trapped", "arrested", "detained", "waiting", "wait", "live"}
)  # fmt: skip
# Verbs by which a count named by its subject reaches or moves to a bare figure ("arrivals have passed 21,000",
# "deaths stood at 93"): the subject names what the figure counts.
LEVEL_VERBS = frozenset(
    """reach pass top exceed surpass hit rise climb jump increase grow fall drop decline near approach stand total
    number slow ease dip swell soar surge plunge tumble shrink hover""".split()
)
# Verbs that set or move an object's figure, whose "up" is their particle when the object stands between them
# and "up to" ("INE revised second-quarter growth up to 0.7%"): the figure is the object's new level, no bound.
SETTING_VERBS = frozenset("""revise raise lift push drive send mark scale ratchet bump nudge step ramp move""".split())
# Places whose size is how many people live there: "a coastal town of 13,000".
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "island", "country", "nation", "community", "capital"})
# Gatherings of people a bare number sizes: "a crowd of 20,000".
GATHERING_NOUNS = frozenset({"crowd", "gathering", "audience", "congregation", "delegation"})
# Verbs whose bare subject or object is people: "1.2 million have fled", "infected 3,400", "employs 12,000".
PEOPLE_VERBS = frozenset(
    {"flee", "fled", "infect", "employ", "gather", "march", "protest", "attend", "hospitalise", "hospitalize",
     "kidnap", "abduct", "deport", "vaccinate", "sicken", "enrol", "enroll"}
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Calendar: names, and the month arithmetic the time rules share
# ---------------------------------------------------------------------------------------------

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "May" has no abbreviation; "Sept" and "Sep" both occur.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Northern-hemisphere seasons: (first month, last month); winter runs into the next year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}

_MONTH_BY_PREFIX = {name[:3].lower(): number for number, name in enumerate(MONTHS, 1)}


def month_number(name: str) -> int:
    """1–12 for a month's name or abbreviation, in any case ("Sept" is 9)."""
    return _MONTH_BY_PREFIX[name.lower()[:3]]


_WEEKDAY_BY_NAME = {name.lower(): number for number, name in enumerate(WEEKDAYS)}


def weekday_number(name: str) -> int | None:
    """0 (Monday) to 6 (Sunday), as ``date.weekday()`` counts, for a weekday's name in any case;
    None for any other word."""
    return _WEEKDAY_BY_NAME.get(name.lower())


def month_period(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` calendar months after (negative: before) the given one."""
    shifted_year, zero_based = divmod(year * 12 + month - 1 + months, 12)
    return shifted_year, zero_based + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` months later (negative: earlier), clamped to the
    month's length: one month before March 31 is February 28 or 29."""
    year, month = shift_month(day.year, day.month, months)
    return dt.date(year, month, min(day.day, month_period(year, month)[1].day))


# ---------------------------------------------------------------------------------------------
# Nouns: singular and plural
# ---------------------------------------------------------------------------------------------

# Plurals (and a few singulars) whose singular this table knows better than the rules below and
# spaCy's lemmatizer do. A word that maps to itself does not change in the plural.
IRREGULAR_SINGULARS = {
    "people": "people",
    "person": "people",
    "persons": "people",
    "children": "child",
    "men": "man",
    "women": "woman",
    "police": "police",
    "staff": "staff",
    "troops": "troop",
    "feet": "foot",
    "mice": "mouse",
    "geese": "goose",
    "teeth": "tooth",
    "data": "data",
    "news": "news",
    "series": "series",
    "species": "species",
    "crisis": "crisis",
    # spaCy's small-model lemmas get these wrong ("dos", "taxis", "us", "basis"): military bases and vaccine doses
    "doses": "dose",
    "taxes": "tax",
    "uses": "use",
    "bases": "base",
    # "-ves" plurals: the spelling rules below would give "live", "wive".
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "leaves": "leaf",
    "thieves": "thief",
    "shelves": "shelf",
    "wolves": "wolf",
    "calves": "calf",
}
INVARIANT_NOUNS = frozenset(word for word, single in IRREGULAR_SINGULARS.items() if word == single)
# The plural of each irregular singular above ("child" gives "children"); "person" is read as "people".
IRREGULAR_PLURALS = {
    single: word for word, single in IRREGULAR_SINGULARS.items() if word != single and single != "people"
}
# Words in "-is" that are not plurals of "-i" nouns ("israelis" is; "tennis" is not).
_NOT_PLURAL_IS = frozenset("tennis penis chassis pelvis trellis marquis".split())


def singular(word: str) -> str:
    """A lower-case singular for an English plural noun: the tables first, then spelling rules.

    Units of time and measure give their unit ("hours" is "hour", "kilometres" is "km")."""
    lowered = word.lower().strip("'’")
    for table in (IRREGULAR_SINGULARS, DURATION_UNITS, MEASURE_UNITS):
        if lowered in table:
            return table[lowered]
    if len(lowered) > 4 and lowered.endswith("ies"):
        return lowered[:-3] + "y"
    if len(lowered) > 4 and lowered.endswith(("ches", "shes", "sses", "xes", "zes")):
        return lowered[:-2]
    if len(lowered) > 4 and lowered.endswith("is") and not lowered.endswith("sis") and lowered not in _NOT_PLURAL_IS:
        return lowered[:-1]  # "israelis", "pakistanis", "taxis"; not "crisis", "tennis"
    if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return lowered[:-1]
    return lowered


def plural(unit: str) -> str:
    """The plural a label writes after a count: "households", "cities", "churches", "children";
    "people" stays. A unit of several words takes the plural on its last ("crew members"), a
    rate on what it counts ("deaths per 100000")."""
    counted, per, denominator = unit.partition(" per ")
    if per:
        return f"{plural(counted)}{per}{denominator}"
    if not unit or unit.startswith("per ") or unit[-1].isdigit():
        return unit
    head, _, last = unit.rpartition(" ")
    if head:
        return f"{head} {plural(last)}"
    if unit in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[unit]
    if unit in INVARIANT_NOUNS or unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("ch", "sh", "x")):
        return unit + "es"
    return unit + "s"


# ---------------------------------------------------------------------------------------------
# Building regular expressions from the tables
# ---------------------------------------------------------------------------------------------


def alternation(words: Iterable[str], *, suffix: str = "") -> str:
    """A regex alternation of ``words``, longest first so a longer phrase wins over its prefix.

    Words are escaped; a space matches any run of whitespace; ``suffix`` (such as ``"s?"``) is
    appended to each. Equal lengths keep the order given.
    """
    patterns = (re.escape(word).replace(r"\ ", r"\s+") + suffix for word in words)
    return "|".join(sorted(patterns, key=len, reverse=True))


def prefix_tree(words: Iterable[str]) -> str:
    """A regex for the same set of ``words`` as ``alternation(words)``, written as a tree of shared
    prefixes ("t(?:h(?:e|is)|o)"): where only *whether* one of them stands matters (a look-ahead),
    it rejects a position after a character or two instead of trying every word in turn.

    Words are escaped and a space matches any run of whitespace, as in ``alternation``; which of
    two words that both match wins is not kept, so it is no replacement outside a look-ahead.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}
    return _render_tree(root)


def _render_tree(node: dict[str, dict]) -> str:
    branches = []
    for part, child in node.items():
        if not part:
            continue
        while len(child) == 1 and "" not in child:  # a chain of single letters: one literal
            ((more, child),) = child.items()
            part += more
        branches.append(part + _render_tree(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
