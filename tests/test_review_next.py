"""One key per decision: a decision on a claim opened from the queue opens the next claim of that queue."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from claims import workflow

from . import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def three(article):
    """Three claims, most check-worthy first: high, middle, low."""
    quotes = [("More than 8,000", 0.9), ("Some 2,000", 0.7), ("MOSCOW", 0.5)]
    return [factories.make_claim(article, quote=quote, fingerprint=quote, score=score) for quote, score in quotes]


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def opened_from(queue_query: str, claim) -> str:
    return reverse("claim-detail", args=[claim.pk]) + "?" + urlencode({"queue": queue_query})


def decide(client, claim, queue_query, to="verified", **extra):
    data = {"to": to, "version": claim.version, "queue": queue_query, **extra}
    return client.post(reverse("claim-transition", args=[claim.pk]), data, headers=HTMX)


def test_queue_rows_open_their_claim_with_the_queue_they_came_from(signed_in, three):
    page = signed_in.get(reverse("queue"), {"sort": "newest", "unit": "people"}).content.decode()
    assert f'data-href="{opened_from("sort=newest&unit=people", three[0])}"'.replace("&", "&amp;") in page


def test_a_verdict_opens_the_next_claim_of_the_queue_in_place_of_this_one(signed_in, three):
    high, middle, low = three
    response = decide(signed_in, high, "")
    assert response.status_code == 204
    assert json.loads(response["HX-Trigger"]) == {"factdesk:open": {"url": opened_from("", middle)}}
    high.refresh_from_db()
    assert high.status == "verified"
    page = signed_in.get(opened_from("", middle)).content.decode()
    assert f"Claim #{high.pk}: status changed to verified." in page  # what was decided on the one before
    assert 'name="queue" value=""' in page


def test_the_next_claim_follows_the_queues_filters_and_order(signed_in, three, alice):
    high, middle, low = three
    workflow.edit_fields(middle, changes={"unit": "troops"}, editor=alice, version=middle.version)
    # Newest first: low was made last; the one after high in that order, skipping middle (unit troops).
    response = decide(signed_in, low, "sort=newest&unit=people", to="dismissed", reason="not_a_claim")
    assert json.loads(response["HX-Trigger"])["factdesk:open"]["url"] == opened_from("sort=newest&unit=people", high)


def test_a_page_without_htmx_is_redirected_to_the_next_claim(signed_in, three):
    high, middle, low = three
    data = {"to": "unverifiable", "version": 1, "queue": "status=new"}
    response = signed_in.post(reverse("claim-transition", args=[middle.pk]), data)
    assert response.status_code == 302 and response["Location"] == opened_from("status=new", low)


def test_the_last_claim_of_the_queue_stays_and_says_so(signed_in, three):
    low = three[2]
    response = decide(signed_in, low, "")
    assert response.status_code == 200 and "That was the last claim of this queue." in response.content.decode()


def test_starting_a_review_or_a_claim_opened_elsewhere_stays_on_the_claim(signed_in, three):
    high = three[0]
    response = decide(signed_in, high, "", to="in_review")
    assert response.status_code == 200 and b'id="workspace"' in response.content
    data = {"to": "verified", "version": 2}  # opened from the article page: no queue
    response = signed_in.post(reverse("claim-transition", args=[high.pk]), data, headers=HTMX)
    assert response.status_code == 200 and "Status changed to verified." in response.content.decode()


def test_a_refused_decision_stays_on_the_claim_with_the_note_to_write(signed_in, three):
    high = three[0]
    response = decide(signed_in, high, "", to="false")
    assert response.status_code == 400
    page = response.content.decode()
    assert "A verdict note is required for false." in page and 'name="queue" value=""' in page
    high.refresh_from_db()
    assert high.status == "new"
