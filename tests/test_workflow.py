"""claims.workflow: transitions, edits, notes and links, each with its event; no lost update."""

from decimal import Decimal

import pytest

from claims import workflow
from claims.models import Claim, ClaimEvent, ClaimLink

from . import factories


def test_transition_follows_the_table_and_records_an_event(claim, alice):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    workflow.transition(claim, to="verified", editor=alice, version=claim.version, note="Matches UNHCR figures")
    claim.refresh_from_db()
    assert claim.status == "verified" and claim.verdict == "verified" and claim.version == 3
    assert claim.reviewed_by == alice and claim.verdict_note == "Matches UNHCR figures"
    assert [e.after["status"] for e in claim.events.order_by("at", "id")] == ["in_review", "verified"]


def test_a_verdict_on_a_new_claim_is_one_event_that_records_the_passage_through_review(claim, alice):
    workflow.transition(claim, to="verified", editor=alice, version=claim.version, note="UNHCR agrees")
    claim.refresh_from_db()
    assert (claim.status, claim.version, claim.reviewed_by) == ("verified", 2, alice)
    assert claim.verdict_note == "UNHCR agrees"
    event = claim.events.get()
    assert event.before == {"status": "new"}
    assert event.after == {"status": "verified", "note": "UNHCR agrees", "via": "in_review"}


def test_a_dismissal_keeps_its_reason_and_is_undone_by_restoring_the_claim(claim, alice):
    workflow.transition(claim, to="dismissed", editor=alice, version=claim.version, reason="not_a_claim")
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason, claim.reviewed_by) == ("dismissed", "not_a_claim", alice)
    assert Claim.objects.needing_review().count() == 0
    assert workflow.allowed_transitions(claim) == ["new", "in_review"]
    with pytest.raises(workflow.InvalidTransition):
        workflow.transition(claim, to="verified", editor=alice, version=claim.version)
    workflow.transition(claim, to="new", editor=alice, version=claim.version)
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("new", "")
    statuses = [(e.before["status"], e.after["status"], e.after.get("reason")) for e in claim.events.order_by("id")]
    assert statuses == [("new", "dismissed", "not_a_claim"), ("dismissed", "new", None)]


def test_a_reason_without_a_dismissal_or_outside_the_list_is_refused(claim, alice):
    with pytest.raises(workflow.InvalidReason):
        workflow.transition(claim, to="in_review", editor=alice, version=claim.version, reason="duplicate")
    with pytest.raises(workflow.InvalidReason):
        workflow.transition(claim, to="dismissed", editor=alice, version=claim.version, reason="boring")
    claim.refresh_from_db()
    assert claim.status == "new" and not claim.events.exists()


def test_a_verdict_cannot_be_dismissed_without_reopening_it_first(claim, alice):
    workflow.transition(claim, to="unverifiable", editor=alice, version=claim.version)
    with pytest.raises(workflow.InvalidTransition):
        workflow.transition(claim, to="dismissed", editor=alice, version=claim.version)


@pytest.mark.parametrize("verdict", ["false", "misleading", "needs_context"])
def test_verdicts_that_need_explaining_require_a_note(claim, alice, verdict):
    workflow.transition(claim, to="in_review", editor=alice, version=1)
    with pytest.raises(workflow.NoteRequired):
        workflow.transition(claim, to=verdict, editor=alice, version=2, note="  ")
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_bob_cannot_overwrite_alices_verdict(claim, alice, bob):
    seen = claim.version  # both open the claim
    workflow.transition(claim, to="in_review", editor=alice, version=seen)
    stale = Claim.objects.get(pk=claim.pk)
    stale.status = "new"
    with pytest.raises(workflow.StaleClaim) as refused:
        workflow.edit_fields(stale, changes={"unit": "refugee"}, editor=bob, version=seen)
    assert [e.actor.username for e in refused.value.changes_since(seen)] == ["alice"]
    claim.refresh_from_db()
    assert claim.status == "in_review" and claim.unit == "people" and claim.events.count() == 1


def test_reopening_a_verdict_goes_back_to_review(claim, alice):
    for to in ("in_review", "unverifiable", "in_review"):
        workflow.transition(claim, to=to, editor=alice, version=claim.version)
    expected = ["verified", "false", "misleading", "unverifiable", "needs_context", "dismissed"]
    assert workflow.allowed_transitions(claim) == expected


def test_edit_fields_marks_what_the_editor_changed_and_checks_the_interval(claim, alice):
    workflow.edit_fields(claim, changes={"value_low": Decimal(1800), "unit": "migrant"}, editor=alice, version=1)
    claim.refresh_from_db()
    assert claim.edited_by_editor == ["unit", "value_low"] and claim.value_low == Decimal(1800)
    event = claim.events.get()
    assert event.before == {"value_low": "2000", "unit": "people"} and event.after["value_low"] == "1800"
    with pytest.raises(workflow.InvalidEdit):
        workflow.edit_fields(claim, changes={"value_low": Decimal(9999)}, editor=alice, version=claim.version)
    with pytest.raises(workflow.InvalidEdit):
        workflow.edit_fields(claim, changes={"status": "verified"}, editor=alice, version=claim.version)


def test_notes_assignment_and_links_each_leave_events(claim, alice, bob):
    other = factories.make_claim(claim.article, quote="More than 8,000")
    workflow.assign(claim, assignee=bob, editor=alice, version=claim.version)
    note = workflow.annotate(claim, text="UNHCR says 2,000", editor=alice, evidence_url="https://unhcr.org/x")
    claim_link = workflow.link(claim, other, relation="contradicts", editor=alice)
    workflow.set_link_state(claim_link, state="rejected", editor=bob, seen_state="confirmed")
    with pytest.raises(workflow.WorkflowError):
        workflow.remove_annotation(note, editor=bob)
    workflow.remove_annotation(note, editor=alice)
    workflow.unlink(claim_link, editor=alice)
    kinds = list(claim.events.order_by("at", "id").values_list("kind", flat=True))
    assert kinds == ["assign", "annotate", "link", "link", "unannotate", "unlink"]
    assert other.events.count() == 3 and not ClaimLink.objects.exists()
    # Each side's history names the claim at the far end.
    assert set(claim.events.filter(kind__in=["link", "unlink"]).values_list("after__other", flat=True)) == {other.pk}
    assert set(other.events.values_list("after__other", flat=True)) == {claim.pk}
    claim.refresh_from_db()
    # Every change bumped the version: assign, note, link, decision, note removed, unlink.
    assert claim.assignee == bob and claim.version == 7


def test_a_claim_cannot_link_to_itself(claim, alice):
    with pytest.raises(workflow.LinkError):
        workflow.link(claim, claim, relation="same", editor=alice)
    assert not ClaimEvent.objects.exists()
