"""/api/v1/claims/: reading the queue, correcting fields, verdicts, notes, links, history, ClaimReview."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings

from claims import workflow
from claims.models import Annotation, Claim, ClaimEvent, ClaimLink

from . import factories

URL = "/api/v1/claims/"


def claim_url(claim, suffix=""):
    return f"{URL}{claim.pk}/{suffix}"


def transition_url(claim):
    return claim_url(claim, "transition/")


def verdict(claim, to, editor, note="Border guards counted 1,200."):
    workflow.transition(claim, to="in_review", editor=editor, version=claim.version)
    workflow.transition(claim, to=to, editor=editor, version=claim.version, note=note)


# --- reading ---------------------------------------------------------------------------------


def test_a_viewer_reads_a_claim_with_every_extracted_field_and_its_review_state(api_as, vera, claim):
    response = api_as(vera).get(claim_url(claim))
    assert response.status_code == 200
    body = response.json()
    extracted = {
        "sentence", "sentence_start", "sentence_end", "quote", "quote_start", "quote_end", "value", "value_low",
        "value_high", "qualifier", "unit", "kind", "time_text", "period_start", "period_end", "places",
        "attribution", "label", "score",
    }  # fmt: skip
    review = {
        "status", "assignee", "verdict", "verdict_note", "reviewed_by", "reviewed_at", "edited_by_editor",
        "extracted", "version", "orphaned", "allowed_transitions",
    }  # fmt: skip
    assert extracted | review <= set(body)
    assert body["quote"] == "Some 2,000" and body["value"] == "2000"
    assert body["places"] == ["Bruzgi", "Belarus", "Poland"]
    assert body["article"]["id"] == claim.article_id and body["article"]["outlet"]["name"] == "Anadolu Agency"
    assert body["status"] == "new" and body["dismiss_reason"] == ""
    expected = ["in_review", "verified", "false", "misleading", "unverifiable", "needs_context", "dismissed"]
    assert body["allowed_transitions"] == expected
    assert response["ETag"] == f'"{claim.version}"'


def test_claims_list_newest_first_and_pages_by_cursor(api_as, vera, article):
    claims = [factories.make_claim(article, fingerprint=f"f{i}") for i in range(5)]
    client = api_as(vera)
    first = client.get(URL, {"page_size": 2}).json()
    assert [row["id"] for row in first["results"]] == [claims[4].pk, claims[3].pk]
    factories.make_claim(article, fingerprint="added while paging")
    second = client.get(first["next"]).json()
    assert [row["id"] for row in second["results"]] == [claims[2].pk, claims[1].pk]


def test_claims_filter_like_the_queue_with_assignee_mine(api_as, alice, bob, article):
    mine = factories.make_claim(article, fingerprint="a")
    workflow.assign(mine, assignee=alice, editor=alice, version=mine.version)
    theirs = factories.make_claim(article, fingerprint="b", unit="troop")
    workflow.assign(theirs, assignee=bob, editor=bob, version=theirs.version)
    reviewing = factories.make_claim(article, fingerprint="c")
    workflow.transition(reviewing, to="in_review", editor=alice, version=reviewing.version)
    client = api_as(alice)

    def ids(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(assignee="mine") == {mine.pk}
    assert ids(assignee="unassigned") == {reviewing.pk}
    assert ids(status="in_review") == {reviewing.pk}
    assert ids(status=["new", "in_review"]) == {mine.pk, theirs.pk, reviewing.pk}
    assert ids(unit="TROOP") == {theirs.pk}
    assert ids(value_min="1000", value_max="3000") == {mine.pk, theirs.pk, reviewing.pk}
    assert ids(value_min="5000") == set()


def test_an_unknown_status_filter_is_a_400_naming_it(api_as, vera, claim):
    response = api_as(vera).get(URL, {"status": "done"})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["status"]


def test_an_unknown_claim_is_a_404_in_json(api_as, vera):
    for path in (f"{URL}999999/", f"{URL}999999/claimreview/", f"{URL}999999/events/", f"{URL}abc/"):
        response = api_as(vera).get(path)
        assert response.status_code == 404 and response.json()["code"] == "not_found", path


# --- correcting fields -----------------------------------------------------------------------


def test_an_editor_corrects_structured_fields_and_the_proposal_stays(api_as, alice, claim):
    claim.extracted = {"value": "2000"}
    claim.save()
    response = api_as(alice).patch(
        claim_url(claim), {"value": "1200", "value_low": "1200", "value_high": "1200", "version": claim.version}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["value"] == "1200" and body["edited_by_editor"] == ["value", "value_high", "value_low"]
    assert body["version"] == 2 and response["ETag"] == '"2"' and body["extracted"] == {"value": "2000"}
    claim.refresh_from_db()
    assert claim.value == Decimal(1200) and claim.events.get().kind == ClaimEvent.Kind.EDIT


def test_an_edit_may_carry_its_version_in_if_match(api_as, alice, claim):
    response = api_as(alice).patch(claim_url(claim), {"unit": "migrants"}, HTTP_IF_MATCH=f'"{claim.version}"')
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.unit == "migrants"


def test_an_edit_without_a_version_is_refused(api_as, alice, claim):
    response = api_as(alice).patch(claim_url(claim), {"unit": "migrants"})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["version"]
    claim.refresh_from_db()
    assert claim.unit == "people"


def test_a_stale_edit_is_a_409_with_the_claim_as_it_is_now(api_as, alice, bob, claim):
    seen = claim.version
    workflow.edit_fields(claim, changes={"unit": "migrants"}, editor=alice, version=seen)
    response = api_as(bob).patch(claim_url(claim), {"unit": "refugees", "version": seen})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale" and body["current"]["unit"] == "migrants" and body["current"]["version"] == 2
    claim.refresh_from_db()
    assert claim.unit == "migrants" and claim.events.count() == 1


def test_an_editor_corrects_the_baseline_of_a_change_through_the_api(api_as, alice, claim):
    change = {"compared_to": "up from 150 last year", "compared_period_start": "2020-01-01"}
    response = api_as(alice).patch(claim_url(claim), change | {"compared_period_end": "2020-12-31", "version": 1})
    assert response.status_code == 200
    body = response.json()
    assert (body["compared_to"], body["compared_period_start"], body["compared_period_end"]) == (
        "up from 150 last year",
        "2020-01-01",
        "2020-12-31",
    )
    claim.refresh_from_db()
    assert claim.compared_to == "up from 150 last year" and claim.edited_by_editor == [
        "compared_period_end",
        "compared_period_start",
        "compared_to",
    ]


def test_only_structured_fields_can_be_patched(api_as, alice, claim):
    response = api_as(alice).patch(claim_url(claim), {"quote": "Some 3,000", "status": "verified", "version": 1})
    assert response.status_code == 400 and set(response.json()["fields"]) == {"quote", "status"}
    claim.refresh_from_db()
    assert claim.quote == "Some 2,000" and claim.status == "new"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": "lots"}, "value"),
        ({"value_low": "3000", "value_high": "1000"}, "value_high"),
        ({"period_start": "2021-12-01", "period_end": "2021-01-01"}, "period_end"),
        ({"compared_period_start": "2021-12-01", "compared_period_end": "2021-01-01"}, "compared_period_end"),
        ({"qualifier": "circa"}, "qualifier"),
        ({"places": "Poland"}, "places"),
        ({"places": ["Poland", 7]}, "places.1"),
        ({"unit": 12}, "unit"),
    ],
)
def test_a_bad_edit_gets_a_message_for_its_field_and_changes_nothing(api_as, alice, claim, changes, field):
    response = api_as(alice).patch(claim_url(claim), changes | {"version": claim.version})
    assert response.status_code == 400 and list(response.json()["fields"]) == [field]
    claim.refresh_from_db()
    assert claim.version == 1 and not claim.events.exists()


def test_an_interval_that_crosses_the_stored_end_is_a_400(api_as, alice, claim):
    response = api_as(alice).patch(claim_url(claim), {"value_low": "5000", "version": claim.version})
    assert response.status_code == 400 and response.json()["code"] == "invalid_edit"
    claim.refresh_from_db()
    assert claim.value_low == Decimal(2000)


# --- transitions -----------------------------------------------------------------------------


def test_an_editor_verifies_a_claim_in_two_steps(api_as, alice, claim):
    client = api_as(alice)
    started = client.post(transition_url(claim), {"to": "in_review", "version": 1})
    assert started.status_code == 200 and started.json()["status"] == "in_review"
    done = client.post(transition_url(claim), {"to": "verified", "version": started.json()["version"]})
    assert done.status_code == 200
    body = done.json()
    assert body["verdict"] == "verified" and body["reviewed_by"]["username"] == "alice" and body["version"] == 3
    claim.refresh_from_db()
    assert claim.status == "verified" and claim.reviewed_by == alice and claim.events.count() == 2


def test_bob_cannot_overwrite_alices_verdict(api_as, alice, bob, claim):
    seen = claim.version  # bob opens the claim
    workflow.transition(claim, to="in_review", editor=alice, version=seen)
    response = api_as(bob).post(transition_url(claim), {"to": "verified", "version": seen})
    assert response.status_code == 409
    assert response.json()["code"] == "stale" and response.json()["current"]["status"] == "in_review"
    claim.refresh_from_db()
    assert claim.status == "in_review" and claim.events.count() == 1


def test_a_transition_the_status_does_not_allow_is_a_409_invalid_transition(api_as, alice, claim):
    workflow.transition(claim, to="dismissed", editor=alice, version=claim.version)
    response = api_as(alice).post(transition_url(claim), {"to": "verified", "version": claim.version})
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition" and "to" in response.json()["fields"]
    claim.refresh_from_db()
    assert claim.status == "dismissed" and claim.events.count() == 1


def test_a_tool_dismisses_a_claim_with_a_reason_and_restores_it(api_as, alice, claim):
    body = {"to": "dismissed", "reason": "duplicate", "version": claim.version}
    response = api_as(alice).post(transition_url(claim), body)
    assert response.status_code == 200
    assert response.json()["status"] == "dismissed" and response.json()["dismiss_reason"] == "duplicate"
    assert response.json()["allowed_transitions"] == ["new", "in_review"]
    response = api_as(alice).post(transition_url(claim), {"to": "new", "version": response.json()["version"]})
    assert response.status_code == 200 and response.json()["dismiss_reason"] == ""
    event = claim.events.order_by("id").first()
    assert event.after == {"status": "dismissed", "note": "", "reason": "duplicate"}


def test_a_reason_without_a_dismissal_is_a_400_on_the_reason(api_as, alice, claim):
    body = {"to": "in_review", "reason": "duplicate", "version": claim.version}
    response = api_as(alice).post(transition_url(claim), body)
    assert response.status_code == 400 and response.json()["code"] == "invalid_reason"
    assert list(response.json()["fields"]) == ["reason"]
    claim.refresh_from_db()
    assert claim.status == "new"


def test_a_false_verdict_without_a_note_is_a_400_on_the_note(api_as, alice, claim):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    response = api_as(alice).post(transition_url(claim), {"to": "false", "version": claim.version})
    assert response.status_code == 400
    assert response.json()["code"] == "note_required" and list(response.json()["fields"]) == ["note"]
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_an_unknown_status_is_a_400_on_to(api_as, alice, claim):
    response = api_as(alice).post(transition_url(claim), {"to": "approved", "version": claim.version})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["to"]


def test_a_transition_may_carry_its_version_in_if_match(api_as, alice, claim):
    response = api_as(alice).post(transition_url(claim), {"to": "in_review"}, HTTP_IF_MATCH='"1"')
    assert response.status_code == 200
    bad = api_as(alice).post(transition_url(claim), {"to": "verified"}, HTTP_IF_MATCH="latest")
    assert bad.status_code == 400 and list(bad.json()["fields"]) == ["If-Match"]
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_a_viewer_cannot_change_a_claim(api_as, vera, claim):
    client = api_as(vera)
    assert client.post(transition_url(claim), {"to": "in_review", "version": 1}).status_code == 403
    assert client.patch(claim_url(claim), {"unit": "x", "version": 1}).status_code == 403
    assert client.post(claim_url(claim, "annotations/"), {"text": "seen"}).status_code == 403
    claim.refresh_from_db()
    assert claim.status == "new" and claim.version == 1 and not Annotation.objects.exists()


# --- notes, links, history -------------------------------------------------------------------


def test_an_editor_adds_lists_and_removes_her_own_note(api_as, alice, claim):
    client = api_as(alice)
    created = client.post(
        claim_url(claim, "annotations/"), {"text": "UNHCR says 1,200.", "evidence_url": "https://unhcr.org/x"}
    )
    assert created.status_code == 201 and created.json()["author"]["username"] == "alice"
    listed = client.get(claim_url(claim, "annotations/")).json()
    assert [note["text"] for note in listed] == ["UNHCR says 1,200."]
    removed = client.delete(claim_url(claim, f"annotations/{created.json()['id']}/"))
    assert removed.status_code == 204
    assert not Annotation.objects.exists()
    assert [e.kind for e in claim.events.order_by("id")] == [ClaimEvent.Kind.ANNOTATE, ClaimEvent.Kind.UNANNOTATE]


def test_bob_cannot_remove_alices_note(api_as, alice, bob, claim):
    note = workflow.annotate(claim, text="Checked with the border guard.", editor=alice)
    response = api_as(bob).delete(claim_url(claim, f"annotations/{note.pk}/"))
    assert response.status_code == 403
    assert Annotation.objects.filter(pk=note.pk).exists()


def test_a_note_of_another_claim_is_not_found_under_this_one(api_as, alice, claim, article):
    other = factories.make_claim(article, quote="More than 8,000")
    note = workflow.annotate(other, text="elsewhere", editor=alice)
    response = api_as(alice).delete(claim_url(claim, f"annotations/{note.pk}/"))
    assert response.status_code == 404
    assert Annotation.objects.filter(pk=note.pk).exists()


def test_an_editor_links_two_claims_rejects_the_link_and_removes_it(api_as, alice, claim, article):
    other = factories.make_claim(article, quote="More than 8,000")
    client = api_as(alice)
    created = client.post(claim_url(claim, "links/"), {"other": other.pk, "relation": "contradicts"})
    assert created.status_code == 201
    assert created.json()["state"] == "confirmed" and created.json()["other"]["id"] == other.pk
    seen_from_other = client.get(claim_url(other, "links/")).json()
    assert [(row["id"], row["other"]["id"]) for row in seen_from_other] == [(created.json()["id"], claim.pk)]
    decision = {"state": "rejected", "seen_state": "confirmed"}
    rejected = client.patch(claim_url(claim, f"links/{created.json()['id']}/"), decision)
    assert rejected.status_code == 200 and rejected.json()["state"] == "rejected"
    assert ClaimLink.objects.get().state == "rejected"
    assert client.delete(claim_url(claim, f"links/{created.json()['id']}/")).status_code == 204
    assert not ClaimLink.objects.exists()
    assert other.events.filter(kind=ClaimEvent.Kind.UNLINK).count() == 1


def test_a_claim_cannot_be_linked_to_itself_or_to_a_missing_claim(api_as, alice, claim):
    client = api_as(alice)
    itself = client.post(claim_url(claim, "links/"), {"other": claim.pk, "relation": "same"})
    assert itself.status_code == 400 and itself.json()["code"] == "invalid_link"
    missing = client.post(claim_url(claim, "links/"), {"other": 999999, "relation": "same"})
    assert missing.status_code == 400 and list(missing.json()["fields"]) == ["other"]
    assert not ClaimLink.objects.exists()


def test_the_history_lists_every_change_with_its_author_newest_first(api_as, vera, alice, claim):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    workflow.annotate(claim, text="Asked the ministry.", editor=alice)
    response = api_as(vera).get(claim_url(claim, "events/"))
    assert response.status_code == 200
    events = response.json()
    assert [e["kind"] for e in events] == ["annotate", "status"]
    assert events[1]["actor"]["username"] == "alice" and events[1]["after"]["status"] == "in_review"


# --- ClaimReview -----------------------------------------------------------------------------


@override_settings(FACTDESK_ORGANISATION_NAME="Desk Weekly", FACTDESK_ORGANISATION_URL="https://desk.example.org/")
def test_a_verified_claim_has_a_claimreview_with_the_top_rating(api_as, vera, alice, claim):
    verdict(claim, "verified", alice)
    response = api_as(vera).get(claim_url(claim, "claimreview/"))
    assert response.status_code == 200
    review = response.json()
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.sentence
    assert response["Content-Type"] == "application/ld+json"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "name": "Verified",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Verified",
        "ratingExplanation": "Border guards counted 1,200.",
    }
    (appearance,) = review["itemReviewed"]["appearance"]
    assert appearance["url"] == claim.article.url and appearance["headline"] == claim.article.title
    assert appearance["datePublished"] == "2021-11-21" and appearance["publisher"]["name"] == "Anadolu Agency"
    assert review["author"] == {"@type": "Organization", "name": "Desk Weekly", "url": "https://desk.example.org/"}
    assert review["datePublished"] == datetime.date.today().isoformat()
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"


@pytest.mark.parametrize(("status", "rating"), [("false", 1), ("misleading", 2), ("needs_context", 3)])
def test_verdicts_map_onto_the_one_to_five_scale(api_as, vera, alice, claim, status, rating):
    verdict(claim, status, alice)
    review = api_as(vera).get(claim_url(claim, "claimreview/")).json()
    assert review["reviewRating"]["ratingValue"] == rating


def test_an_unverifiable_claim_has_a_rating_in_words_only(api_as, vera, alice, claim):
    verdict(claim, "unverifiable", alice)
    rating = api_as(vera).get(claim_url(claim, "claimreview/")).json()["reviewRating"]
    assert "ratingValue" not in rating and rating["alternateName"] == "Unverifiable"


def test_an_open_claim_has_no_claimreview(api_as, vera, claim):
    response = api_as(vera).get(claim_url(claim, "claimreview/"))
    assert response.status_code == 404 and response.json()["code"] == "no_verdict"


# --- query counts ----------------------------------------------------------------------------


def _busy_claims(count, editor):
    claims = []
    for _ in range(count):
        article = factories.make_article(outlet=factories.make_outlet(f"outlet{len(claims)}.example", "Outlet"))
        claim = factories.make_claim(article)
        workflow.assign(claim, assignee=editor, editor=editor, version=claim.version)
        verdict(claim, "verified", editor)
        workflow.annotate(claim, text="Checked.", editor=editor)
        claims.append(claim)
    return claims


@pytest.mark.parametrize("rows", [1, 50])
def test_the_claim_list_costs_the_same_queries_for_1_and_50_rows(api_as, alice, rows, django_assert_max_num_queries):
    _busy_claims(rows, alice)
    client = api_as(alice)
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"status": "verified"})
    assert response.status_code == 200 and len(response.json()["results"]) == rows
    assert Claim.objects.count() == rows


@pytest.mark.parametrize("rows", [1, 50])
def test_a_claims_notes_links_and_events_cost_the_same_queries_for_1_and_50_rows(
    api_as, alice, claim, rows, django_assert_max_num_queries
):
    for i in range(rows):
        workflow.annotate(claim, text=f"note {i}", editor=alice)
        other = factories.make_claim(claim.article, fingerprint=f"other {i}")
        workflow.link(claim, other, relation="same", editor=alice)
    client = api_as(alice)
    for suffix in ("annotations/", "links/", "events/"):
        with django_assert_max_num_queries(5):
            response = client.get(claim_url(claim, suffix))
        assert response.status_code == 200 and len(response.json()) >= rows


def test_a_cursor_the_api_did_not_give_out_is_a_400(api_as, vera, claim):
    response = api_as(vera).get(URL, {"cursor": "contradicts"})
    assert response.status_code == 400 and list(response.json()["fields"]) == ["cursor"]


def test_updated_since_with_an_offset_postgresql_refuses_is_read_in_utc(api_as, vera, claim):
    response = api_as(vera).get("/api/v1/claims/", {"updated_since": "0447-04-30T22:33:45-20:20"})
    assert response.status_code == 200 and [row["id"] for row in response.json()["results"]] == [claim.pk]


# Polling that holds (issue 15 item 3): every visible change moves the version and updated_at.


def test_a_tool_holding_the_claims_etag_gets_304_until_a_note_changes_it(api_as, alice, vera, claim):
    client = api_as(vera)
    first = client.get(claim_url(claim))
    again = client.get(claim_url(claim), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"] and not again.content
    workflow.annotate(claim, text="UNHCR counts 1,900.", editor=alice)
    after = client.get(claim_url(claim), HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and after["ETag"] != first["ETag"]


def test_confirming_a_contradiction_changes_both_claims_etag_and_updated_at(api_as, alice, vera, claim):
    other = factories.make_claim(factories.make_article(), quote="More than 8,000")
    client = api_as(vera)
    seen = {c.pk: client.get(claim_url(c)).json() for c in (claim, other)}
    workflow.link(claim, other, relation="contradicts", editor=alice)
    for c in (claim, other):
        now = client.get(claim_url(c)).json()
        assert now["has_contradiction"] is True
        assert now["version"] == seen[c.pk]["version"] + 1 and now["updated_at"] > seen[c.pk]["updated_at"]


def test_updated_since_is_exclusive_so_the_boundary_claim_does_not_come_back(api_as, alice, vera, claim):
    client = api_as(vera)
    workflow.annotate(claim, text="First look.", editor=alice)
    stamp = client.get(claim_url(claim)).json()["updated_at"]
    assert client.get("/api/v1/claims/", {"updated_since": stamp}).json()["results"] == []
    workflow.annotate(claim, text="Second look.", editor=alice)
    assert [c["id"] for c in client.get("/api/v1/claims/", {"updated_since": stamp}).json()["results"]] == [claim.pk]


def test_a_claim_joining_a_fact_group_bumps_every_claim_of_the_group(alice, claim):
    b = factories.make_claim(factories.make_article(), quote="Some 2,000")
    c = factories.make_claim(factories.make_article(), quote="Some 2,000")
    workflow.link(claim, b, relation="same", editor=alice)
    claim.refresh_from_db()
    seen = claim.version
    workflow.link(b, c, relation="same", editor=alice)  # c joins the group through b: claim's group changed
    claim.refresh_from_db()
    assert claim.version == seen + 1
    event = claim.events.order_by("-id").first()
    assert event.kind == "group" and event.after["group"] == sorted([claim.pk, b.pk, c.pk])
    assert event.before["group"] == sorted([claim.pk, b.pk]) and event.version == claim.version
    link = ClaimLink.objects.get(from_claim=b, to_claim=c)
    workflow.unlink(link, editor=alice)
    claim.refresh_from_db()
    assert claim.events.order_by("-id").first().after["group"] == sorted([claim.pk, b.pk])
