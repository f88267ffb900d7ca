"""The admin: every changelist and change form renders; edits and actions go through the workflow."""

import pytest
from django.urls import reverse

from articles.models import Article, Outlet
from claims import workflow
from claims.models import Annotation, Claim, ClaimEvent, ClaimLink

from . import factories


@pytest.fixture
def rows(claim, alice):
    other = factories.make_claim(claim.article, quote="More than 8,000", label="More than 8,000 people · 2021")
    workflow.annotate(claim, text="Checked", editor=alice, evidence_url="https://unhcr.org/x")
    workflow.link(claim, other, relation="same", editor=alice)
    return claim


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


MODELS = [Outlet, Article, Claim, Annotation, ClaimLink, ClaimEvent]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_form_render(admin_client, rows, model):
    meta = model._meta
    changelist = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    obj = model.objects.first()
    change = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200


def test_article_change_form_shows_its_claims_inline(admin_client, rows):
    response = admin_client.get(reverse("admin:articles_article_change", args=[rows.article.pk]))
    assert b"Some 2,000" in response.content and b"More than 8,000" in response.content


def test_claim_change_form_shows_notes_links_and_read_only_events(admin_client, rows):
    response = admin_client.get(reverse("admin:claims_claim_change", args=[rows.pk]))
    content = response.content.decode()
    assert "Checked" in content and "note added" in content and "same fact" in content
    assert 'name="events-0-kind"' not in content  # events are shown, never editable


def test_admin_edit_goes_through_the_workflow_and_refuses_a_stale_form(admin_client, claim, staff, alice):
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = factories.admin_claim_form(
        claim, value_low="1900", qualifier="approx", unit="people", kind="count", places='["Bruzgi"]', assignee=""
    )
    assert admin_client.post(url, form).status_code == 302
    claim.refresh_from_db()
    assert str(claim.value_low) == "1900.0000000000" and claim.edited_by_editor == ["places", "value_low"]
    assert claim.events.get().actor == staff
    admin_client.get(url)  # shows (and so consumes) the first save's "changed successfully"
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    form["value_low"] = "1000"  # the same, now stale, form
    response = admin_client.post(url, form, follow=True)
    text = response.content.decode()
    assert "Another editor changed this claim" in text and "changed successfully" not in text
    claim.refresh_from_db()
    assert str(claim.value_low) == "1900.0000000000"


def test_admin_events_cannot_be_added_changed_or_deleted(admin_client, rows):
    event = ClaimEvent.objects.first()
    assert admin_client.get(reverse("admin:claims_claimevent_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:claims_claimevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert ClaimEvent.objects.filter(pk=event.pk).exists()


def test_rerun_extraction_action_schedules_the_task(admin_client, article, django_capture_on_commit_callbacks):
    Article.objects.filter(pk=article.pk).update(extraction_status="failed", extraction_error="boom")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "rerun_extraction", "_selected_action": [article.pk]},
            follow=True,
        )
    assert "Extraction scheduled for 1 article" in response.content.decode()
    article.refresh_from_db()
    assert article.extraction_status == "done" and article.extraction_error == ""


def test_admin_add_article_uses_the_ingestion_service(admin_client, django_capture_on_commit_callbacks):
    data = {
        "title": "Budget vote",
        "body": "The council approved a budget of $3bn.",
        "url": "https://www.example.org/budget",
        "published": "2024-05-02",
        "language": "en",
        "outlet": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.outlet.domain == "example.org" and article.content_hash and article.extraction_status == "done"
    again = admin_client.post(reverse("admin:articles_article_add"), data)
    assert again.status_code == 200 and "Already ingested as article" in again.content.decode()
    assert Article.objects.count() == 1


def test_autocomplete_for_foreign_keys_answers(admin_client, rows):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "claimlink", "field_name": "from_claim", "term": "2,000"},
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(rows.pk)]


def test_admin_confirm_and_reject_actions_go_through_the_workflow_and_report_each_link(admin_client, claim, staff):
    others = [factories.make_claim(factories.make_article()) for _ in range(3)]
    links = [workflow.link(claim, other, relation="same", editor=None, state="suggested") for other in others]
    workflow.set_link_state(links[2], state="confirmed", editor=staff, seen_state="suggested")
    changelist = reverse("admin:claims_claimlink_changelist")
    data = {"action": "confirm", "_selected_action": [link.pk for link in links[1:]]}
    response = admin_client.post(changelist, data, follow=True)
    reported = [str(message) for message in response.context["messages"]]
    assert reported == [
        f"Link {claim.pk} same {others[1].pk} (confirmed).",
        f"Link {claim.pk} same {others[2].pk} (confirmed): already confirmed, left as it was.",
    ]
    events = ClaimEvent.objects.filter(kind="link", actor=staff, after__link=links[1].pk, after__state="confirmed")
    assert sorted(events.values_list("claim_id", flat=True)) == [claim.pk, others[1].pk]
    response = admin_client.post(changelist, {"action": "reject", "_selected_action": [links[0].pk]}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [f"Link {claim.pk} same {others[0].pk} (rejected)."]
    assert [link.state for link in ClaimLink.objects.order_by("pk")] == ["rejected", "confirmed", "confirmed"]


def test_an_admin_link_decision_on_a_link_decided_meanwhile_is_refused_with_a_form_error(
    admin_client, claim, staff, bob
):
    other = factories.make_claim(factories.make_article())
    claim_link = workflow.link(claim, other, relation="same", editor=None, state="suggested")
    url = reverse("admin:claims_claimlink_change", args=[claim_link.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="seen_state" value="suggested"' in page
    workflow.set_link_state(claim_link, state="rejected", editor=bob, seen_state="suggested")
    data = {"from_claim": claim.pk, "to_claim": other.pk, "relation": "same", "state": "confirmed"}
    response = admin_client.post(url, data | {"seen_state": "suggested"}, follow=True)
    text = response.content.decode()
    assert "Another editor decided this link after you opened it" in text and "changed successfully" not in text
    claim_link.refresh_from_db()
    assert claim_link.state == "rejected"
    assert not ClaimEvent.objects.filter(actor=staff).exists()


def test_admin_bulk_decisions_only_decide_suggestions(admin_client, claim, staff, bob):
    other = factories.make_claim(factories.make_article())
    claim_link = workflow.link(claim, other, relation="same", editor=None, state="suggested")
    workflow.set_link_state(claim_link, state="rejected", editor=bob, seen_state="suggested")
    changelist = reverse("admin:claims_claimlink_changelist")
    response = admin_client.post(changelist, {"action": "confirm", "_selected_action": [claim_link.pk]}, follow=True)
    assert "it is now rejected" in " ".join(str(m) for m in response.context["messages"])
    claim_link.refresh_from_db()
    assert claim_link.state == "rejected"


def test_admin_dismisses_with_a_reason_and_restores_through_the_workflow(admin_client, claim, staff):
    changelist = reverse("admin:claims_claim_changelist")
    response = admin_client.post(
        changelist, {"action": "dismiss_background", "_selected_action": [claim.pk]}, follow=True
    )
    assert "1 claim(s) dismissed (background figure)." in [str(m) for m in response.context["messages"]]
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason, claim.reviewed_by) == ("dismissed", "background", staff)
    response = admin_client.post(changelist, {"action": "restore", "_selected_action": [claim.pk]}, follow=True)
    assert "1 claim(s) restored." in [str(m) for m in response.context["messages"]]
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("new", "")
    assert [e.after["status"] for e in claim.events.order_by("id")] == ["dismissed", "new"]
