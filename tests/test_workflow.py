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


def test_a_new_claim_cannot_jump_to_a_verdict(claim, alice):
    with pytest.raises(workflow.InvalidTransition):
        workflow.transition(claim, to="verified", editor=alice, version=claim.version)
    claim.refresh_from_db()
    assert claim.status == "new" and claim.version == 1 and not claim.events.exists()


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
    assert workflow.allowed_transitions(claim) == ["verified", "false", "misleading", "unverifiable", "needs_context"]


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
