"""Search that understands numbers and headlines; unit and place filters that take any form of a word."""

from decimal import Decimal

import pytest
from django.urls import reverse

from claims.filters import ClaimFilter, number_phrases

from . import factories

CAMP = "Officials said more than 2 thousand people camp at the Belarus–Poland border."
BRUZGI = "Some 2,000 refugees are waiting at Belarus’ Bruzgi border crossing into Poland."
TROOPS = "Poland sent 15,000 soldiers to the border in 2000, the UK's defence ministry said."


@pytest.fixture
def claims(db):
    camp = factories.make_claim(
        factories.make_article(body=CAMP, title="Camps grow on the border"),
        quote="more than 2 thousand", value=Decimal(2000), value_low=Decimal(2000), value_high=None,
        unit="person", places=["Belarus", "Poland"], label="More than 2 thousand people",
    )  # fmt: skip
    bruzgi = factories.make_claim(
        factories.make_article(body=BRUZGI, title="Winter comes to Bruzgi"),
        unit="refugee", places=["Bruzgi border crossing", "Poland"], label="Some 2,000 refugees",
    )  # fmt: skip
    troops = factories.make_claim(
        factories.make_article(body=TROOPS, title="Warsaw reinforces its frontier"),
        quote="15,000 soldiers", value=Decimal(15000), value_low=Decimal(15000), value_high=Decimal(15000),
        unit="soldier", places=["Poland", "UK"], label="15,000 soldiers",
    )  # fmt: skip
    return {"camp": camp, "bruzgi": bruzgi, "troops": troops}


def found(claims, **params) -> set[str]:
    result = ClaimFilter(params, queryset=factories.Claim.objects.all()).qs
    names = {claim.pk: name for name, claim in claims.items()}
    return {names[pk] for pk in result.values_list("pk", flat=True)}


@pytest.mark.parametrize("text", ["2000", "2,000", "2 thousand", "two thousand", "2 000"])
def test_every_way_of_writing_two_thousand_finds_both_claims_of_it(claims, text):
    assert found(claims, q=text) - {"troops"} == {"camp", "bruzgi"}  # troops: "in 2000", by its words


def test_a_number_and_words_must_both_match(claims):
    assert found(claims, q="2,000 Bruzgi") == {"bruzgi"}
    assert found(claims, q="15 thousand soldiers") == {"troops"}


def test_a_year_in_the_text_is_found_by_its_words_too(claims):
    assert "troops" in found(claims, q="2000")  # "in 2000": not the value, but the words


def test_the_headline_is_searched(claims):
    assert found(claims, q="frontier") == {"troops"}
    assert found(claims, q="Winter") == {"bruzgi"}


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("refugees", {"camp", "bruzgi"}), ("Refugee", {"camp", "bruzgi"}), ("migrants", {"camp", "bruzgi"}),
     ("troops", {"troops"}), ("SOLDIERS", {"troops"}), ("tonnes", set())],
)  # fmt: skip
def test_the_unit_filter_takes_any_form_of_the_word_and_its_synonyms(claims, unit, expected):
    assert found(claims, unit=unit) == expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [("Bruzgi", {"bruzgi"}), ("bruzgi", {"bruzgi"}), ("Poland's", {"camp", "bruzgi", "troops"}),
     ("Britain", {"troops"}), ("the United Kingdom", {"troops"}), ("Belarus", {"camp"}), ("Bel", set())],
)  # fmt: skip
def test_the_place_filter_takes_any_form_of_the_name(claims, place, expected):
    assert found(claims, place=place) == expected


def test_the_article_filter_takes_words_of_the_headline(claims):
    assert found(claims, article_title="winter comes") == {"bruzgi"}


def test_the_article_box_suggests_headlines_as_the_editor_types(client, vera, claims):
    client.force_login(vera)
    response = client.get(reverse("article-titles"), {"article_title": "bor"})
    assert response.content.decode().strip() == '<option value="Camps grow on the border"></option>'


def test_an_article_link_shows_its_headline_in_the_queue(client, vera, claims):
    client.force_login(vera)
    article = claims["bruzgi"].article
    page = client.get(reverse("queue"), {"article": article.pk}).content.decode()
    assert "only “Winter comes to Bruzgi”" in page and f'name="article" value="{article.pk}"' in page


@pytest.mark.parametrize(
    ("text", "numbers", "rest"),
    [("2,000", [(2000, "2,000")], ""), ("Bruzgi 2 thousand people", [(2000, "2 thousand")], "Bruzgi people"),
     ("camps", [], "camps")],
)  # fmt: skip
def test_a_search_is_split_into_its_numbers_and_its_words(text, numbers, rest):
    assert number_phrases(text) == (numbers, rest)
