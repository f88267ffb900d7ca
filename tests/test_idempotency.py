"""Idempotency-Key on every POST (issue 15 item 6): a retry returns the first answer and changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from claims.models import Annotation, ClaimLink
from factdesk.api.models import IdempotentRequest

from . import factories


def note_url(claim):
    return f"/api/v1/claims/{claim.pk}/annotations/"


def test_a_retried_note_returns_the_first_answer_and_adds_no_second_note(api_as, alice, claim):
    client = api_as(alice)
    first = client.post(note_url(claim), {"text": "UNHCR counts 1,900."}, HTTP_IDEMPOTENCY_KEY="note-1")
    again = client.post(note_url(claim), {"text": "UNHCR counts 1,900."}, HTTP_IDEMPOTENCY_KEY="note-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert Annotation.objects.count() == 1
    claim.refresh_from_db()
    assert claim.version == 2  # one change, not two


def test_the_same_key_with_another_body_is_refused_with_422(api_as, alice, claim):
    client = api_as(alice)
    client.post(note_url(claim), {"text": "one"}, HTTP_IDEMPOTENCY_KEY="k")
    refused = client.post(note_url(claim), {"text": "two"}, HTTP_IDEMPOTENCY_KEY="k")
    assert refused.status_code == 422 and refused.json()["code"] == "idempotency_key_reused"
    assert list(Annotation.objects.values_list("text", flat=True)) == ["one"]


def test_keys_belong_to_their_caller(api_as, alice, bob, claim):
    api_as(alice).post(note_url(claim), {"text": "same"}, HTTP_IDEMPOTENCY_KEY="shared")
    assert api_as(bob).post(note_url(claim), {"text": "same"}, HTTP_IDEMPOTENCY_KEY="shared").status_code == 201
    assert Annotation.objects.count() == 2


@pytest.mark.parametrize("action", ["article", "transition", "link", "group"])
def test_every_post_of_the_api_replays_its_first_answer(api_as, alice, claim, action):
    other = factories.make_claim(factories.make_article(), quote="Some 2,000")
    requests = {
        "article": ("/api/v1/articles/", {"title": "t", "body": "Some 40 people waited at the border, police said."}),
        "transition": (f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review", "version": claim.version}),
        "link": (f"/api/v1/claims/{claim.pk}/links/", {"other": other.pk, "relation": "contradicts"}),
        "group": (
            f"/api/v1/claims/{claim.pk}/group-transition/",
            {"to": "unverifiable", "versions": {str(claim.pk): claim.version}},
        ),
    }
    path, body = requests[action]
    client = api_as(alice)
    first = client.post(path, body, HTTP_IDEMPOTENCY_KEY=f"retry-{action}")
    claim.refresh_from_db()
    seen = (claim.version, Article.objects.count(), ClaimLink.objects.count())
    again = client.post(path, body, HTTP_IDEMPOTENCY_KEY=f"retry-{action}")
    claim.refresh_from_db()
    assert first.status_code in (200, 201) and (again.status_code, again.json()) == (first.status_code, first.json())
    assert (claim.version, Article.objects.count(), ClaimLink.objects.count()) == seen


def test_a_refusal_is_replayed_too_but_an_authentication_failure_is_not(api_as, alice, claim):
    client = api_as(alice)
    stale = {"to": "in_review", "version": claim.version + 5}
    first = client.post(f"/api/v1/claims/{claim.pk}/transition/", stale, HTTP_IDEMPOTENCY_KEY="s")
    assert first.status_code == 409
    assert client.post(f"/api/v1/claims/{claim.pk}/transition/", stale, HTTP_IDEMPOTENCY_KEY="s").json() == first.json()
    assert api_as(None).post(note_url(claim), {"text": "x"}, HTTP_IDEMPOTENCY_KEY="anon").status_code == 401
    assert not IdempotentRequest.objects.filter(key="anon").exists()


def test_an_expired_key_may_be_used_again(api_as, alice, claim, settings):
    client = api_as(alice)
    client.post(note_url(claim), {"text": "one"}, HTTP_IDEMPOTENCY_KEY="old")
    IdempotentRequest.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert client.post(note_url(claim), {"text": "two"}, HTTP_IDEMPOTENCY_KEY="old").status_code == 201
    assert Annotation.objects.count() == 2


def test_a_retry_while_the_first_is_still_running_is_told_to_wait(api_as, alice, claim):

    client = api_as(alice)
    client.post(note_url(claim), {"text": "one"}, HTTP_IDEMPOTENCY_KEY="busy")
    IdempotentRequest.objects.update(status_code=None)  # as if the first answer were not given yet
    response = client.post(note_url(claim), {"text": "one"}, HTTP_IDEMPOTENCY_KEY="busy")
    assert response.status_code == 409 and response.json()["code"] == "idempotency_in_progress"
    assert response["Retry-After"] == "1"


def test_a_bad_key_is_a_400(api_as, alice, claim):
    response = api_as(alice).post(note_url(claim), {"text": "x"}, HTTP_IDEMPOTENCY_KEY="x" * 300)
    assert response.status_code == 400 and response.json()["code"] == "invalid"
