"""Sign-in and roles: every review page needs an account with claims.view_claim; every change claims.review_claim."""

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.urls import urlpatterns


def review_pages(claim):
    return [
        reverse("desk"),
        reverse("queue"),
        reverse("queue-export"),
        reverse("claim-detail", args=[claim.pk]),
        reverse("claim-link-search", args=[claim.pk]) + "?link_q=Bruzgi",
        reverse("article-list"),
        reverse("article-detail", args=[claim.article_id]),
    ]


def writes(claim):
    return [
        (reverse("claim-transition", args=[claim.pk]), {"to": "in_review", "version": claim.version}),
        (reverse("claim-fields", args=[claim.pk]), {"unit": "refugees", "qualifier": "approx", "kind": "count",
                                                     "version": claim.version}),
        (reverse("claim-assign", args=[claim.pk]), {"assignee": "", "version": claim.version}),
        (reverse("claim-annotate", args=[claim.pk]), {"text": "UNHCR says 2,000", "version": claim.version}),
        (reverse("claim-link", args=[claim.pk]), {"other": claim.pk, "relation": "same", "version": claim.version}),
        (reverse("queue-bulk"), {"ids": [claim.pk], f"v{claim.pk}": claim.version, "action": "status:in_review"}),
    ]  # fmt: skip


def test_every_review_page_sends_an_anonymous_visitor_to_sign_in(client, claim):
    for url in review_pages(claim):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next="), url


def test_the_sign_in_page_signs_alice_in_and_takes_her_where_she_was_going(client, alice):
    page = client.get(reverse("login") + "?next=/review/")
    assert page.status_code == 200 and b'name="password"' in page.content
    response = client.post(
        reverse("login"), {"username": "alice", "password": "correct horse battery", "next": "/review/"}
    )
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert client.get("/review/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200 and b"did not match" in response.content
    assert client.get("/review/").status_code == 302


def test_signing_out_ends_the_session(client, alice):
    client.force_login(alice)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_a_viewer_can_read_every_review_page(client, vera, claim):
    client.force_login(vera)
    for url in review_pages(claim):
        assert client.get(url).status_code == 200, url


def test_an_account_in_no_group_reads_no_review_page(client, nina, claim):
    """Like the API: signing in is not enough, reading needs the Viewers or Editors group."""
    client.force_login(nina)
    for url in review_pages(claim):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("htmx", [False, True])
def test_every_change_an_account_in_no_group_attempts_is_refused_and_changes_nothing(client, nina, claim, htmx):
    client.force_login(nina)
    headers = {"HX-Request": "true"} if htmx else {}
    for url, data in writes(claim):
        assert client.post(url, data, headers=headers).status_code == 403, url
    claim.refresh_from_db()
    assert claim.status == "new" and claim.version == 1 and not claim.events.exists()


def test_a_viewer_sees_no_forms_that_change_a_claim(client, vera, claim):
    client.force_login(vera)
    page = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    assert reverse("claim-transition", args=[claim.pk]) not in page
    assert "only editors can change it" in page


@pytest.mark.parametrize("htmx", [False, True])
def test_every_change_a_viewer_attempts_is_refused_and_changes_nothing(client, vera, claim, htmx):
    client.force_login(vera)
    headers = {"HX-Request": "true"} if htmx else {}
    for url, data in writes(claim):
        assert client.post(url, data, headers=headers).status_code == 403, url
    claim.refresh_from_db()
    assert claim.status == "new" and claim.unit == "people" and claim.version == 1
    assert not claim.events.exists() and not claim.annotations.exists()
    assert Claim.objects.count() == 1


def test_review_writes_refuse_get(client, alice, claim):
    client.force_login(alice)
    assert client.get(reverse("claim-transition", args=[claim.pk])).status_code == 405


def _every_review_url(claim) -> list[str]:
    """Each URL of the review workspace, its ids filled with the claim's (the view refuses before it looks)."""
    urls = []
    for pattern in urlpatterns:
        kwargs = {name: claim.pk for name in pattern.pattern.converters}
        urls.append(reverse(pattern.name, kwargs=kwargs))
    return urls


def test_every_review_url_refuses_an_account_in_no_group_and_sends_strangers_to_sign_in(client, nina, claim):
    urls = _every_review_url(claim)
    assert len(urls) >= 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    client.force_login(nina)
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
