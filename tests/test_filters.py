"""The claim filters shared by the queue and the API."""

from decimal import Decimal

import pytest

from claims import workflow
from claims.filters import ClaimFilter
from claims.models import Claim

from . import factories


@pytest.fixture
def claims(article, alice):
    some = factories.make_claim(article)  # approx 2,000 people at Bruzgi
    more = factories.make_claim(
        article,
        quote="More than 8,000",
        value=Decimal(8000),
        value_low=Decimal(8000),
        value_high=None,
        qualifier="more_than",
        places=["Belarusian-EU border"],
        label="More than 8,000 people · 2021",
    )
    workflow.assign(more, assignee=alice, editor=alice, version=more.version)
    return some, more


def pks(params, user=None):
    return set(ClaimFilter(params, queryset=Claim.objects.all(), user=user).qs.values_list("pk", flat=True))


def test_value_range_is_matched_against_the_interval(claims):
    some, more = claims
    assert pks({"value_min": "5000"}) == {more.pk}  # open upper end reaches 5,000
    assert pks({"value_max": "5000"}) == {some.pk}
    assert pks({"value_min": "1000", "value_max": "100000"}) == {some.pk, more.pk}


def test_assignee_mine_unassigned_and_by_name(claims, alice, bob):
    some, more = claims
    assert pks({"assignee": "mine"}, user=alice) == {more.pk}
    assert pks({"assignee": "mine"}, user=bob) == set()
    assert pks({"assignee": "unassigned"}) == {some.pk}
    assert pks({"assignee": "alice"}) == {more.pk}


def test_place_status_and_text_search(claims):
    some, more = claims
    assert pks({"place": "Bruzgi"}) == {some.pk}
    assert pks({"status": ["new"], "qualifier": "more_than"}) == {more.pk}
    assert pks({"q": "Bruzgi"}) == {some.pk}
    assert pks({"q": "people"}) == {some.pk, more.pk}
