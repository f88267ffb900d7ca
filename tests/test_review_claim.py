"""The claim page: context, fields beside the proposal, status, notes, links, history, conflicts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Annotation, ClaimEvent, ClaimLink

from . import factories

HTMX = {"HX-Request": "true"}


def url(name, claim, *args):
    return reverse(name, args=[claim.pk, *args])


def fields_data(claim, **changes):
    data = {
        "version": claim.version, "value": "2000", "value_low": "2000", "value_high": "2000", "qualifier": "approx",
        "unit": "people", "kind": "count", "time_text": "", "period_start": "", "period_end": "",
        "places": "Bruzgi, Belarus, Poland", "attribution": "", "label": claim.label,
    }  # fmt: skip
    return data | changes


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def test_the_claim_page_shows_its_paragraph_with_the_quote_highlighted(signed_in, claim):
    response = signed_in.get(url("claim-detail", claim))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<mark class="quote status-new">Some 2,000</mark> people are waiting at Belarus’ Bruzgi' in page
    assert "More than 8,000" not in page.split('id="paragraph"')[1].split("</blockquote>")[0]  # next paragraph


def test_the_status_buttons_are_exactly_the_allowed_transitions(signed_in, claim, alice):
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert 'name="to" value="in_review"' in page and 'name="to" value="verified"' in page  # one key from new
    workflow.transition(claim, to="unverifiable", editor=alice, version=claim.version)
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert 'name="to" value="in_review"' in page and 'name="to" value="verified"' not in page
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    for status in workflow.allowed_transitions(claim):
        assert f'name="to" value="{status}"' in page
    assert 'name="to" value="in_review"' not in page and 'data-key="v"' in page and 'data-key="d"' in page


def test_every_form_carries_the_version_the_editor_saw(signed_in, claim):
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert page.count('method="post"') == page.count('name="version" value="1"') + 1  # + sign-out in the nav


def test_alice_moves_a_claim_to_review_and_verifies_it(signed_in, claim, alice):
    response = signed_in.post(url("claim-transition", claim), {"to": "in_review", "version": 1})
    assert response.status_code == 302 and response["Location"] == url("claim-detail", claim)
    response = signed_in.post(url("claim-transition", claim), {"to": "verified", "version": 2, "note": "UNHCR"},
                              headers=HTMX)  # fmt: skip
    assert response.status_code == 200 and b'id="workspace"' in response.content
    assert b"<html" not in response.content  # the partial alone
    claim.refresh_from_db()
    assert claim.status == "verified" and claim.verdict_note == "UNHCR" and claim.reviewed_by == alice
    assert list(claim.events.values_list("kind", flat=True)) == ["status", "status"]


@pytest.mark.parametrize("verdict", ["false", "misleading", "needs_context"])
def test_a_verdict_that_needs_a_note_is_a_form_error_without_one(signed_in, claim, alice, verdict):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    response = signed_in.post(url("claim-transition", claim), {"to": verdict, "version": 2, "note": " "})
    assert response.status_code == 400
    assert b"A verdict note is required" in response.content
    claim.refresh_from_db()
    assert claim.status == "in_review" and claim.version == 2


def test_a_jump_the_table_forbids_is_a_form_error(signed_in, claim, alice):
    workflow.transition(claim, to="dismissed", editor=alice, version=claim.version)
    response = signed_in.post(url("claim-transition", claim), {"to": "verified", "version": 2}, headers=HTMX)
    assert response.status_code == 400 and b"cannot go from" in response.content
    claim.refresh_from_db()
    assert claim.status == "dismissed"


def test_d_dismisses_with_the_chosen_reason_and_the_history_says_why(signed_in, claim, alice):
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert 'id="dismiss-reason"' in page and '<option value="background">Background figure</option>' in page
    data = {"to": "dismissed", "version": 1, "reason": "background", "note": "A figure from 2015."}
    response = signed_in.post(url("claim-transition", claim), data, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dismissed: background figure" in page and "status New → Dismissed (background figure)" in page
    assert 'value="new"' in page and "Restore to the queue" in page
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "background")
    assert claim.verdict_note == "A figure from 2015."


def test_the_reason_select_goes_with_a_dismissal_only(signed_in, claim, alice):
    data = {"to": "in_review", "version": 1, "reason": "not_a_claim"}  # the select posts with every button
    assert signed_in.post(url("claim-transition", claim), data).status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("in_review", "")


def test_a_one_step_verdict_reads_as_passing_through_review(signed_in, claim):
    data = {"to": "false", "version": 1, "note": "UNHCR counted 1,200."}
    page = signed_in.post(url("claim-transition", claim), data, headers=HTMX).content.decode()
    assert "status New → In review → False: “UNHCR counted 1,200.”" in page


def test_the_fields_show_the_proposal_beside_the_editors_change(signed_in, claim, alice):
    claim.extracted = {"unit": "people", "value": "2000", "places": ["Bruzgi", "Belarus", "Poland"]}
    claim.save(update_fields=["extracted"])
    response = signed_in.post(url("claim-fields", claim), fields_data(claim, unit="refugees", value_low="1800"))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.unit == "refugees" and claim.value_low == Decimal(1800)
    assert claim.edited_by_editor == ["unit", "value_low"] and claim.extracted["unit"] == "people"
    event = claim.events.get()
    assert event.kind == "edit" and event.actor == alice and event.after == {"unit": "refugees", "value_low": "1800"}
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    row = page.split('for="id_unit"')[1].split("</tr>")[0]
    assert 'value="refugees"' in row and "people" in row and "edited" in row


def test_an_invalid_interval_is_a_form_error_and_changes_nothing(signed_in, claim):
    response = signed_in.post(url("claim-fields", claim), fields_data(claim, value_low="5000", value_high="10"))
    assert response.status_code == 400 and b"The high end must not be below the low end" in response.content
    response = signed_in.post(url("claim-fields", claim), fields_data(claim, value="lots", qualifier="roughly"))
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.value_low == Decimal(2000) and claim.version == 1 and not claim.events.exists()


def test_places_are_edited_as_a_comma_separated_line(signed_in, claim):
    signed_in.post(url("claim-fields", claim), fields_data(claim, places="Bruzgi , Grodno,"))
    claim.refresh_from_db()
    assert claim.places == ["Bruzgi", "Grodno"]


def test_assign_to_me_and_unassign(signed_in, claim, alice, bob):
    response = signed_in.post(url("claim-assign", claim), {"assignee": alice.pk, "version": 1}, headers=HTMX)
    assert response.status_code == 200 and b"Assigned to alice" in response.content
    claim.refresh_from_db()
    assert claim.assignee == alice
    signed_in.post(url("claim-assign", claim), {"assignee": "", "version": 2})
    claim.refresh_from_db()
    assert claim.assignee is None and claim.events.filter(kind="assign").count() == 2


def test_a_claim_cannot_be_assigned_to_a_viewer(signed_in, claim, vera):
    response = signed_in.post(url("claim-assign", claim), {"assignee": vera.pk, "version": 1})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.assignee is None


def test_a_note_with_an_evidence_url_is_added_and_shown(signed_in, claim, alice):
    data = {"text": "UNHCR counted 2,000 <b>at Bruzgi</b>", "evidence_url": "https://www.unhcr.org/bruzgi"}
    response = signed_in.post(url("claim-annotate", claim), data, headers=HTMX)
    assert response.status_code == 200
    assert b"UNHCR counted 2,000 &lt;b&gt;at Bruzgi&lt;/b&gt;" in response.content
    assert b'href="https://www.unhcr.org/bruzgi"' in response.content
    note = Annotation.objects.get()
    assert note.author == alice and note.evidence_url == "https://www.unhcr.org/bruzgi"


def test_a_note_needs_text_and_a_real_url(signed_in, claim):
    response = signed_in.post(url("claim-annotate", claim), {"text": "", "evidence_url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert not Annotation.objects.exists()


def test_alice_removes_her_note_but_not_bobs(signed_in, claim, alice, bob):
    hers = workflow.annotate(claim, text="mine", editor=alice)
    his = workflow.annotate(claim, text="his", editor=bob)
    assert signed_in.post(url("claim-note-remove", claim, hers.pk)).status_code == 302
    response = signed_in.post(url("claim-note-remove", claim, his.pk))
    assert response.status_code == 400 and b"Only the author" in response.content
    assert list(Annotation.objects.values_list("text", flat=True)) == ["his"]


def test_the_link_search_finds_other_claims_but_not_this_one(signed_in, claim):
    other = factories.make_claim(factories.make_article(body="Officials said more than 2 thousand people camp."),
                                 quote="more than 2 thousand", label="more than 2 thousand people")  # fmt: skip
    response = signed_in.get(url("claim-link-search", claim), {"link_q": "thousand"}, headers=HTMX)
    assert response.status_code == 200 and b"<html" not in response.content
    assert f'value="{other.pk}"'.encode() in response.content
    response = signed_in.get(url("claim-link-search", claim), {"link_q": "Bruzgi"})
    assert f'value="{claim.pk}"'.encode() not in response.content


def test_linking_two_claims_as_the_same_fact_shows_in_both_histories(signed_in, claim, alice):
    other = factories.make_claim(factories.make_article(), quote="More than 8,000")
    response = signed_in.post(url("claim-link", claim), {"other": other.pk, "relation": "same", "version": 1})
    assert response.status_code == 302
    link = ClaimLink.objects.get()
    assert (link.from_claim, link.to_claim, link.relation, link.state) == (claim, other, "same", "confirmed")
    assert ClaimEvent.objects.filter(kind="link", actor=alice).count() == 2
    page = signed_in.get(url("claim-detail", other)).content.decode()
    assert "same fact" in page and url("claim-detail", claim) in page
    response = signed_in.post(url("claim-unlink", claim, link.pk))
    assert response.status_code == 302 and not ClaimLink.objects.exists()


def test_a_claim_cannot_be_linked_to_itself_or_to_nothing(signed_in, claim):
    response = signed_in.post(url("claim-link", claim), {"other": claim.pk, "relation": "same", "version": 1})
    assert response.status_code == 400 and b"cannot be linked to itself" in response.content
    response = signed_in.post(url("claim-link", claim), {"other": 999999, "relation": "same", "version": 1})
    assert response.status_code == 400
    assert not ClaimLink.objects.exists()


def test_the_history_lists_every_event_newest_first_with_actor(signed_in, claim, alice, bob):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    workflow.annotate(claim, text="checking", editor=bob)
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    history = page.split('id="history"')[1]
    assert history.index("note: “checking”") < history.index("status New → In review")
    assert "<strong>bob</strong>" in history and "<strong>alice</strong>" in history


def test_bobs_stale_status_change_is_refused_showing_alices_change(client, claim, alice, bob):
    seen = claim.version  # both opened the claim
    workflow.transition(claim, to="in_review", editor=alice, version=seen)
    client.force_login(bob)
    response = client.post(url("claim-transition", claim), {"to": "in_review", "version": seen}, headers=HTMX)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Another editor changed this claim" in page and "<strong>alice</strong>" in page
    assert "status New → In review" in page.split('id="conflict"')[1].split("</div>")[0]
    claim.refresh_from_db()
    assert claim.status == "in_review" and claim.events.count() == 1


def test_bobs_stale_field_edit_keeps_his_entries_and_overwrites_nothing(client, claim, alice, bob):
    seen = claim.version
    workflow.edit_fields(claim, changes={"unit": "migrants"}, editor=alice, version=seen)
    client.force_login(bob)
    response = client.post(url("claim-fields", claim), fields_data(claim, version=seen, unit="refugees"))
    assert response.status_code == 409  # a full page without htmx, same status
    page = response.content.decode()
    assert "unit: people → migrants" in page and 'value="refugees"' in page
    assert f'name="version" value="{seen + 1}"' in page  # saving again is a deliberate choice on top
    claim.refresh_from_db()
    assert claim.unit == "migrants" and claim.events.count() == 1


def test_a_stale_assignment_is_refused(client, claim, alice, bob):
    workflow.assign(claim, assignee=alice, editor=alice, version=1)
    client.force_login(bob)
    response = client.post(url("claim-assign", claim), {"assignee": bob.pk, "version": 1}, headers=HTMX)
    assert response.status_code == 409
    claim.refresh_from_db()
    assert claim.assignee == alice


def test_a_missing_claim_is_404(signed_in):
    assert signed_in.get(reverse("claim-detail", args=[999999])).status_code == 404


def make_busy_claim(n, alice, bob):
    article = factories.make_article(body="\n".join(f"Line {i}: some {i}00 people waited." for i in range(n)))
    claims = [factories.make_claim(article, quote=f"some {i}00 people", fingerprint=f"f{i}") for i in range(n)]
    claim = claims[0]
    for i, other in enumerate(claims[1:] or [factories.make_claim(factories.make_article())]):
        workflow.link(claim, other, relation="same", editor=alice)
        workflow.annotate(claim, text=f"note {i}", editor=bob, evidence_url="https://example.org/")
    return claim


@pytest.mark.parametrize("n", [1, 50])
def test_the_claim_page_costs_the_same_queries_for_1_and_50_claims(client, alice, bob, django_assert_max_num_queries,
                                                                  n):  # fmt: skip
    claim = make_busy_claim(n, alice, bob)
    client.force_login(alice)
    with django_assert_max_num_queries(11):  # + the suggested links, + the fact group (its links are confirmed)
        response = client.get(url("claim-detail", claim))
    assert response.status_code == 200


def card(page: str, name: str) -> str:
    return page.split(f'<section class="card" id="{name}">')[1].split("</section>")[0]


def test_each_outcome_is_shown_in_the_card_of_the_form_that_was_sent(signed_in, claim, bob):
    page = signed_in.post(url("claim-annotate", claim), {"text": "Asked UNHCR."}, headers=HTMX).content.decode()
    assert '<p class="message success">Note added.</p>' in card(page, "notes")
    assert "Note added." not in page.split('<section class="card"')[0]  # not above the cards
    claim.refresh_from_db()
    workflow.edit_fields(claim, changes={"unit": "migrants"}, editor=bob, version=claim.version)
    response = signed_in.post(url("claim-fields", claim), fields_data(claim, version=2, unit="refugees"), headers=HTMX)
    assert response.status_code == 409
    assert 'id="conflict"' in card(response.content.decode(), "fields")
    response = signed_in.post(url("claim-transition", claim), {"to": "false", "version": claim.version}, headers=HTMX)
    assert "A verdict note is required for false." in card(response.content.decode(), "status")
