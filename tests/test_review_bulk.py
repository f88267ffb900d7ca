"""Bulk actions: the page's rows or every matching claim (after a confirmation naming the count),
only actions every claim can take, refusals grouped and said in an editor's words."""

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Claim

from . import factories


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def many(n, **fields):
    article = factories.make_article(body="\n".join(f"Line {i}: some {i}00 people waited." for i in range(n)))
    return [factories.make_claim(article, quote=f"some {i}00 people", fingerprint=f"f{i}", **fields) for i in range(n)]


def shown(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_bulk_menu_knows_which_statuses_each_status_can_take(signed_in):
    many(2)
    page = signed_in.get(reverse("queue")).content.decode()
    assert 'id="select-page"' in page
    assert '<option value="status:verified" data-to="verified">mark verified</option>' in page
    assert '"dismissed": ["in_review", "new"]' in page  # the workflow's table, for the page's script
    assert 'id="all-matching"' not in page  # every matching claim is on the page already


def test_all_matching_asks_first_naming_the_count_and_the_actions_every_claim_can_take(signed_in, alice):
    claims = many(55)
    workflow.transition(claims[0], to="in_review", editor=alice, version=1)
    page = signed_in.get(reverse("queue")).content.decode()
    assert 'id="all-matching"> all 55 matching' in page
    data = {"all_matching": "on", "action": "status:verified", "query": "", "note": "UNHCR"}
    response = signed_in.post(reverse("queue-bulk"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Apply to all 55 matching claims?" in page and "54 new, 1 in review" in page
    assert '<option value="status:dismissed">dismiss</option>' in page
    assert '<option value="status:new"' not in page  # new claims cannot be restored to new
    assert not Claim.objects.filter(status="verified").exists()  # nothing yet

    confirmed = data | {"confirmed": "on", "count": "55"}
    response = signed_in.post(reverse("queue-bulk"), confirmed, follow=True)
    assert shown(response) == ["55 claims marked verified."]
    assert Claim.objects.filter(status="verified", verdict_note="UNHCR").count() == 55


def test_a_confirmation_for_another_count_is_asked_again(signed_in):
    many(3)
    data = {"all_matching": "on", "confirmed": "on", "count": "2", "action": "status:verified", "query": ""}
    response = signed_in.post(reverse("queue-bulk"), data)
    assert response.status_code == 200
    assert "The number of matching claims changed since you asked: it is now 3." in response.content.decode()
    assert not Claim.objects.filter(status="verified").exists()


def test_an_action_some_matching_claims_cannot_take_is_not_applied(signed_in, alice):
    claims = many(3)
    workflow.transition(claims[0], to="dismissed", editor=alice, version=1)
    query = "status=new&status=dismissed"
    data = {"all_matching": "on", "confirmed": "on", "count": "3", "action": "status:verified", "query": query}
    page = signed_in.post(reverse("queue-bulk"), data).content.decode()
    assert "Not every claim can be marked verified: 1 dismissed cannot." in page
    assert 'id="confirm-all"' in page and '<option value="status:in_review">put in review</option>' in page
    assert not Claim.objects.filter(status="verified").exists()


def test_refusals_are_grouped_and_said_in_an_editors_words(signed_in, alice):
    claims = many(4)
    for claim in claims[:3]:
        workflow.transition(claim, to="verified", editor=alice, version=1)
    data = {"ids": [c.pk for c in claims], "action": "status:false", "note": "It was 1,200."}
    data |= {f"v{c.pk}": Claim.objects.get(pk=c.pk).version for c in claims}
    response = signed_in.post(reverse("queue-bulk"), data, follow=True)
    ids = ", ".join(f"#{c.pk}" for c in claims[:3])
    assert shown(response) == [
        "1 claim marked false.",
        f"3 claims left as they were: each is verified: reopen it (in review) before it can be marked false ({ids}).",
    ]


def test_all_matching_is_capped_so_one_click_cannot_run_for_minutes(signed_in, monkeypatch):
    from claims.review import bulk

    monkeypatch.setattr(bulk, "BULK_LIMIT", 2)
    many(3)
    data = {"all_matching": "on", "action": "assign:none", "query": ""}
    response = signed_in.post(reverse("queue-bulk"), data, follow=True)
    assert shown(response) == ["3 claims match: narrow the filters to 2 or fewer for one action."]
