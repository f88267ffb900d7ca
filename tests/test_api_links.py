"""Linking through the API: deciding suggestions, the fact group and its verdict, contradiction flags."""

from decimal import Decimal

import pytest

from claims import workflow
from claims.linking import suggest
from claims.models import ClaimEvent, ClaimLink

from . import factories

URL = "/api/v1/claims/"


def claim_url(claim, suffix=""):
    return f"{URL}{claim.pk}/{suffix}"


@pytest.fixture
def suggested(claim):
    factories.make_claim(factories.make_article(), value=Decimal(2100), label="some 2,100 people")
    suggest.suggest_for_claim(claim)
    return ClaimLink.objects.get(state="suggested")


@pytest.fixture
def group(claim, alice):
    """Two claims in two articles linked as the same fact, both in review."""
    other = factories.make_claim(factories.make_article(), label="about 2,000 at Bruzgi")
    workflow.link(claim, other, relation="same", editor=alice)
    for member in (claim, other):
        workflow.transition(member, to="in_review", editor=alice, version=member.version)
        member.refresh_from_db()
    return [claim, other]


def versions_of(members):
    return {str(member.pk): member.version for member in members}


def test_the_links_list_filters_to_the_suggestions_left_to_review(api_as, vera, claim, suggested, alice):
    confirmed = workflow.link(claim, factories.make_claim(factories.make_article()), relation="supports", editor=alice)
    client = api_as(vera)
    assert {row["id"] for row in client.get(claim_url(claim, "links/")).json()} == {suggested.pk, confirmed.pk}
    rows = client.get(claim_url(claim, "links/"), {"state": "suggested"}).json()
    assert [row["id"] for row in rows] == [suggested.pk] and rows[0]["reasons"] == suggested.reasons
    unknown = client.get(claim_url(claim, "links/"), {"state": "maybe"})
    assert unknown.status_code == 400 and list(unknown.json()["fields"]) == ["state"]


@pytest.mark.parametrize("state", ["confirmed", "rejected"])
def test_an_editor_confirms_or_rejects_a_suggestion_and_both_claims_record_it(api_as, alice, claim, suggested, state):
    body = {"state": state, "seen_state": "suggested"}
    response = api_as(alice).patch(claim_url(claim, f"links/{suggested.pk}/"), body, format="json")
    assert response.status_code == 200 and response.json()["state"] == state
    suggested.refresh_from_db()
    assert suggested.state == state
    events = ClaimEvent.objects.filter(kind="link", actor=alice, after__state=state)
    assert sorted(events.values_list("claim_id", flat=True)) == sorted([suggested.from_claim_id, suggested.to_claim_id])


def test_a_decision_on_a_link_decided_meanwhile_is_a_409_stale_link(api_as, alice, bob, claim, suggested):
    workflow.set_link_state(suggested, state="rejected", editor=bob, seen_state="suggested")
    body = {"state": "confirmed", "seen_state": "suggested"}  # what alice saw before bob's rejection
    response = api_as(alice).patch(claim_url(claim, f"links/{suggested.pk}/"), body, format="json")
    assert response.status_code == 409 and response.json()["code"] == "stale_link"
    suggested.refresh_from_db()
    assert suggested.state == "rejected"
    assert not ClaimEvent.objects.filter(kind="link", actor=alice).exists()


def test_a_link_decision_must_say_which_state_it_decided_on(api_as, alice, claim, suggested):
    response = api_as(alice).patch(claim_url(claim, f"links/{suggested.pk}/"), {"state": "confirmed"}, format="json")
    assert response.status_code == 400 and list(response.json()["fields"]) == ["seen_state"]
    suggested.refresh_from_db()
    assert suggested.state == "suggested"


def test_a_viewer_cannot_decide_a_suggestion(api_as, vera, claim, suggested):
    response = api_as(vera).patch(claim_url(claim, f"links/{suggested.pk}/"), {"state": "confirmed"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    suggested.refresh_from_db()
    assert suggested.state == "suggested" and not ClaimEvent.objects.filter(actor__isnull=False).exists()


def test_a_claim_without_confirmed_same_links_is_alone_in_its_group(api_as, vera, claim, suggested):
    response = api_as(vera).get(claim_url(claim, "group/"))
    assert response.status_code == 200 and [row["id"] for row in response.json()] == [claim.pk]


def test_the_group_lists_every_claim_joined_as_the_same_fact(api_as, vera, group):
    rows = api_as(vera).get(claim_url(group[1], "group/")).json()
    assert [row["id"] for row in rows] == [member.pk for member in group]
    assert rows[0]["article"]["outlet"]["name"] == "Anadolu Agency" and rows[0]["version"] == group[0].version


def test_a_group_verdict_moves_every_claim_each_with_its_own_event(api_as, alice, group):
    body = {"to": "verified", "note": "UNHCR agrees.", "versions": versions_of(group)}
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 200
    assert [(row["id"], row["status"]) for row in response.json()] == [(m.pk, "verified") for m in group]
    for member in group:
        event = member.events.filter(kind="status").first()
        assert event.actor == alice and event.after["status"] == "verified" and event.version == member.version + 1


def test_a_stale_member_refuses_the_group_verdict_with_409_and_the_claim_as_it_is(api_as, alice, bob, group):
    body = {"to": "verified", "versions": versions_of(group)}
    workflow.annotate(group[1], text="Checking the camp count.", editor=bob)  # bumps its version
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 409
    error = response.json()
    assert error["code"] == "stale" and error["current"]["id"] == group[1].pk
    assert not ClaimEvent.objects.filter(kind="status", after__status="verified").exists()


def test_a_group_status_that_is_no_verdict_is_a_409_invalid_transition(api_as, alice, bob, group):
    body = {"to": "new", "versions": versions_of(group)}
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
    group[0].refresh_from_db()
    assert group[0].status == "in_review"


def test_a_group_verdict_reaches_a_member_another_editor_decided(api_as, alice, bob, group):
    workflow.transition(group[1], to="verified", editor=bob, version=group[1].version, note="Bob's check")
    group[1].refresh_from_db()
    body = {"to": "unverifiable", "versions": versions_of(group)}
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 200 and {row["status"] for row in response.json()} == {"unverifiable"}
    event = group[1].events.filter(kind="status").first()
    assert event.before == {"status": "verified", "note": "Bob's check"}


def test_a_group_verdict_for_another_group_is_a_409_group_changed(api_as, alice, group):
    body = {"to": "verified", "versions": versions_of(group[:1])}
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 409 and response.json()["code"] == "group_changed"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"to": "verified", "versions": {}}, "versions"),
        ({"to": "verified", "versions": {"twelve": 1}}, "versions"),
        ({"to": "verified", "versions": {"1": 0}}, "versions.1"),
        ({"to": "done", "versions": {"1": 1}}, "to"),
    ],
)
def test_a_malformed_group_verdict_is_a_400_on_its_field(api_as, alice, group, body, field):
    response = api_as(alice).post(claim_url(group[0], "group-transition/"), body, format="json")
    assert response.status_code == 400 and field in response.json()["fields"]


def test_a_viewer_cannot_give_a_group_verdict(api_as, vera, group):
    body = {"to": "verified", "versions": versions_of(group)}
    assert api_as(vera).post(claim_url(group[0], "group-transition/"), body, format="json").status_code == 403


def test_claims_carry_whether_an_editor_confirmed_a_contradiction(api_as, vera, alice, claim):
    other = factories.make_claim(factories.make_article(), quote="More than 8,000", value=Decimal(8000))
    link = workflow.link(claim, other, relation="contradicts", editor=None, state="suggested")
    client = api_as(vera)
    assert client.get(claim_url(claim)).json()["has_contradiction"] is False
    workflow.set_link_state(link, state="confirmed", editor=alice, seen_state="suggested")
    assert client.get(claim_url(claim)).json()["has_contradiction"] is True
    flags = {row["id"]: row["has_contradiction"] for row in client.get(URL).json()["results"]}
    assert flags == {claim.pk: True, other.pk: True}


@pytest.mark.parametrize("rows", [1, 50])
def test_the_claim_list_with_contradictions_costs_the_same_queries_for_1_and_50_rows(
    api_as, alice, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        claim = factories.make_claim(factories.make_article())
        other = factories.make_claim(factories.make_article(), quote="More than 8,000", value=Decimal(8000))
        workflow.link(claim, other, relation="contradicts", editor=alice)
    client = api_as(alice)
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"page_size": 200})
    assert response.status_code == 200 and all(row["has_contradiction"] for row in response.json()["results"])


@pytest.mark.parametrize("size", [2, 30])
def test_the_group_costs_the_same_queries_for_2_and_30_claims(api_as, alice, size, django_assert_max_num_queries):
    claims = [factories.make_claim(factories.make_article()) for _ in range(size)]
    for left, right in zip(claims, claims[1:], strict=False):
        workflow.link(left, right, relation="same", editor=alice)
    client = api_as(alice)
    with django_assert_max_num_queries(6):  # sign-in and permissions, the claim, its group, the rows
        response = client.get(claim_url(claims[0], "group/"))
    assert len(response.json()) == size


# ---------------------------------------------------------------- links across claims


def _suggest_between(first_value: int, second_value: int, *, relation: str = "same", score: float = 0.9):
    first = factories.make_claim(factories.make_article(), value=Decimal(first_value))
    second = factories.make_claim(factories.make_article(), value=Decimal(second_value))
    return workflow.link(second, first, relation=relation, editor=None, state="suggested", score=score)


def test_a_tool_lists_suggestions_across_claims_in_one_call_with_both_claims(api_as, vera):
    same = _suggest_between(2000, 2100)
    update = _suggest_between(820, 2012, relation="updates", score=0.7)
    response = api_as(vera).get("/api/v1/links/", {"state": "suggested"})
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["results"]] == [update.pk, same.pk]  # newest first
    row = body["results"][0]
    assert row["relation"] == "updates" and row["from_claim"]["id"] == update.from_claim_id
    assert row["to_claim"]["status"] == "new" and row["reasons"] == [] and row["created_by"] is None
    assert set(body) == {"next", "previous", "results"}


def test_the_links_list_filters_by_relation_state_claim_and_time(api_as, vera, alice):
    same = _suggest_between(2000, 2100)
    update = _suggest_between(820, 2012, relation="updates")
    workflow.set_link_state(same, state="confirmed", editor=alice, seen_state="suggested")
    client = api_as(vera)

    def ids(**params):
        return [row["id"] for row in client.get("/api/v1/links/", params).json()["results"]]

    assert ids(relation="updates") == [update.pk]
    assert ids(state="confirmed") == [same.pk] and ids(state="suggested") == [update.pk]
    assert ids(claim=same.to_claim_id) == [same.pk]
    same.refresh_from_db()
    assert ids(updated_since=same.updated_at.isoformat()) == [same.pk]
    assert client.get("/api/v1/links/", {"relation": "sideways"}).status_code == 400


def test_the_links_list_pages_with_a_cursor_and_costs_the_same_queries_for_a_page_of_one_or_fifty(api_as, vera):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_as(vera)
    _suggest_between(100, 101)
    client.get("/api/v1/links/")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/links/", {"page_size": 50}).status_code == 200
        return len(captured)

    one = count()
    for n in range(60):
        _suggest_between(1000 + n, 1001 + n)
    assert count() == one
    first = client.get("/api/v1/links/", {"page_size": 50}).json()
    second = client.get(first["next"]).json()
    assert len(first["results"]) == 50 and len(second["results"]) == 11
    assert not {row["id"] for row in first["results"]} & {row["id"] for row in second["results"]}


def test_the_links_list_is_read_only_and_needs_an_account(api_as, alice):
    assert api_as(None).get("/api/v1/links/").status_code == 401
    assert api_as(alice).post("/api/v1/links/", {}, format="json").status_code == 403  # no writes here


def test_a_claim_or_score_out_of_range_is_a_400_not_a_crash(api_as, vera):
    client = api_as(vera)
    for params in ({"claim": "-2.8e222"}, {"claim": "1.5"}, {"min_score": "7"}, {"claim": "9" * 30}):
        response = client.get("/api/v1/links/", params)
        assert response.status_code == 400 and response.json()["code"] == "invalid", params


def test_updated_since_with_an_offset_postgresql_refuses_is_read_in_utc_for_links_too(api_as, vera, claim):
    response = api_as(vera).get("/api/v1/links/", {"updated_since": "3531-09-03T10:39:24-21:18"})
    assert response.status_code == 200 and response.json()["results"] == []
