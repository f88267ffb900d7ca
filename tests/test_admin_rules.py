"""The admin under the desk's rules: Editors write (through the workflow, with versions and events),
Viewers with staff status only read, and a refusal is a form error, never "changed successfully"."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.urls import reverse

from claims import workflow
from claims.models import Annotation, Claim, ClaimEvent, ClaimLink
from factdesk.api.tokens import create_token
from feed.models import Delivery, Subscription
from feed.models import Event as FeedEvent

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(claim, alice):
    """One row of every model the admin shows: a claim with a note, a link and events, a subscription."""
    other = factories.make_claim(factories.make_article(), quote="More than 8,000")
    workflow.annotate(claim, text="Checked", editor=alice, evidence_url="https://unhcr.org/x")
    workflow.link(claim, other, relation="same", editor=None, state="suggested")
    subscription = Subscription.objects.create(name="CMS", url="https://cms.example.org/hook")
    Delivery.objects.create(subscription=subscription, event=FeedEvent.objects.first())
    create_token(alice)  # an API token (knox: stored hashed)
    claim.refresh_from_db()
    return claim


def staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


def signed_in(client, user):
    client.force_login(staff(user))
    return client


def snapshot() -> dict:
    """Every row the admin could change, and the logs a change would write."""
    models = [*admin.site._registry, ClaimEvent, FeedEvent, LogEntry]
    rows = {model._meta.label: list(model._default_manager.order_by("pk").values()) for model in models}
    rows["auth.User"] = list(User.objects.order_by("pk").values("pk", "username", "is_active", "is_superuser"))
    return rows  # signing in changes a user's last_login, and the tests give users staff status


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _all_actions(model_admin) -> list[str]:
    return [name for _, name, _ in model_admin._get_base_actions()]


def test_every_admin_action_declares_the_permission_it_needs():
    actions = [
        (model._meta.label, name, func)
        for model, model_admin in admin.site._registry.items()
        for func, name, _ in model_admin._get_base_actions()
    ]
    undeclared = [(label, name) for label, name, func in actions if not getattr(func, "allowed_permissions", ())]
    assert undeclared == []
    assert len(actions) == 25  # 12 admins: delete_selected on each, and 13 of their own


def test_a_staff_viewer_sees_no_write_action_and_every_write_post_is_refused(client, rows, vera):
    """Walk every registered admin: its list, add, change and delete pages and each of its actions."""
    client = signed_in(client, vera)
    before = snapshot()
    walked, refused, readable = 0, 0, 0
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, model
        changelist = client.get(_url(model, "changelist"))
        walked += 1
        if changelist.status_code == 200:
            readable += 1
            assert changelist.context["action_form"] is None, model  # no action offered at all
            assert not changelist.context["has_add_permission"], model
            change_page = client.get(_url(model, "change", obj.pk))
            walked += 1
            assert change_page.status_code == 200 and not change_page.context["has_change_permission"], model
            assert b'name="_save"' not in change_page.content, model
        else:
            assert changelist.status_code == 403, model
        posts = [
            (_url(model, "add"), {}),
            (_url(model, "change", obj.pk), {"version": getattr(obj, "version", 1)}),
            (_url(model, "delete", obj.pk), {"post": "yes"}),
            *(
                (_url(model, "changelist"), {"action": name, "_selected_action": [obj.pk], "post": "yes"})
                for name in _all_actions(model_admin)
            ),
        ]
        for url, data in posts:
            walked += 1
            response = client.post(url, data)
            assert response.status_code == 403, (url, data)
            refused += 1
    assert snapshot() == before
    # 12 lists, 7 of them readable (and their change pages); 61 write POSTs, every one refused.
    assert (walked, refused, readable) == (80, 61, 7)


def test_a_staff_viewer_cannot_verify_reject_or_reextract(client, rows, vera):
    """What the attack did: a Viewer marked a claim verified, rejected a link and re-ran extraction."""
    client = signed_in(client, vera)
    link = ClaimLink.objects.get()
    before = snapshot()
    tries = [
        ("claims_claim", "mark_verified", rows.pk),
        ("claims_claimlink", "reject", link.pk),
        ("claims_claim", "rerun_extraction", rows.pk),
        ("articles_article", "rerun_extraction", rows.article_id),
    ]
    for name, action, pk in tries:
        response = client.post(reverse(f"admin:{name}_changelist"), {"action": action, "_selected_action": [pk]})
        assert response.status_code == 403
    assert snapshot() == before


def test_an_editor_is_offered_the_desk_actions_and_no_deletion_of_claims_or_articles(client, rows, alice):
    client = signed_in(client, alice)

    def offered(model):
        response = client.get(_url(model, "changelist"))
        return [name for name, _ in response.context["action_form"].fields["action"].choices if name]

    assert offered(Claim) == [
        "mark_in_review",
        "mark_verified",
        "mark_unverifiable",
        "dismiss_not_a_claim",
        "dismiss_background",
        "dismiss_duplicate",
        "dismiss_other",
        "restore",
        "rerun_extraction",
    ]
    assert offered(ClaimLink) == ["delete_selected", "confirm", "reject"]
    assert offered(Annotation) == ["delete_selected"]
    from articles.models import Article

    assert offered(Article) == ["rerun_extraction"]


# Notes


def test_add_annotation_goes_through_the_workflow(client, claim, alice):
    client = signed_in(client, alice)
    version = claim.version
    response = client.post(
        _url(Annotation, "add"), {"claim": claim.pk, "text": "  Census 2021  ", "evidence_url": "https://x.org/c"}
    )
    assert response.status_code == 302
    note = Annotation.objects.get()
    assert (note.author, note.text, note.evidence_url) == (alice, "Census 2021", "https://x.org/c")
    claim.refresh_from_db()
    event = claim.events.get()
    assert claim.version == version + 1 and event.version == claim.version
    assert (event.kind, event.actor, event.after["annotation"]) == ("annotate", alice, note.pk)
    assert LogEntry.objects.get().object_id == str(note.pk)


def test_an_empty_note_is_refused_on_the_form(client, claim, alice):
    client = signed_in(client, alice)
    response = client.post(_url(Annotation, "add"), {"claim": claim.pk, "text": "   ", "evidence_url": ""})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert not Annotation.objects.exists() and not ClaimEvent.objects.exists()


def test_another_editors_note_cannot_be_deleted_one_or_in_bulk(client, rows, alice, bob):
    note = Annotation.objects.get()
    root = factories.make_user("root", is_superuser=True)
    before = snapshot()
    for user in (bob, root):
        client = signed_in(client, user)
        assert client.post(_url(Annotation, "delete", note.pk), {"post": "yes"}).status_code == 403
        data = {"action": "delete_selected", "_selected_action": [note.pk]}
        confirm = client.post(_url(Annotation, "changelist"), data)
        assert "only its author removes a note" in confirm.content.decode()
        assert client.post(_url(Annotation, "changelist"), data | {"post": "yes"}).status_code == 403
    assert snapshot() == before


def test_the_author_deletes_her_notes_in_bulk_with_an_event_each(client, rows, alice):
    workflow.annotate(rows, text="Second source", editor=alice)
    notes = list(Annotation.objects.order_by("pk"))
    client = signed_in(client, alice)
    data = {"action": "delete_selected", "_selected_action": [note.pk for note in notes], "post": "yes"}
    response = client.post(_url(Annotation, "changelist"), data, follow=True)
    assert "Successfully deleted 2 notes" in response.content.decode()
    assert not Annotation.objects.exists()
    removed = ClaimEvent.objects.filter(kind="unannotate", actor=alice).order_by("version")
    assert [event.before["annotation"] for event in removed] == [note.pk for note in notes]
    rows.refresh_from_db()
    assert removed.last().version == rows.version


# Claims: edits and assignment against the version the editor loaded


def test_a_stale_admin_save_is_a_form_error_only(client, claim, alice, bob):
    client = signed_in(client, alice)
    url = _url(Claim, "change", claim.pk)
    form = factories.admin_claim_form(claim, unit="migrants", assignee=bob.pk)
    workflow.transition(claim, to="in_review", editor=bob, version=claim.version)
    response = client.post(url, form, follow=True)
    text = response.content.decode()
    assert response.status_code == 200 and "Another editor changed this claim" in text
    assert "changed successfully" not in text and "errornote" in text
    claim.refresh_from_db()
    assert (claim.unit, claim.assignee) == ("people", None)
    assert list(claim.events.values_list("kind", flat=True)) == ["status"]
    assert not LogEntry.objects.exists()


def test_a_stale_assignment_alone_is_refused(client, claim, alice, bob):
    client = signed_in(client, alice)
    form = factories.admin_claim_form(claim, assignee=bob.pk)
    workflow.edit_fields(claim, changes={"unit": "migrants"}, editor=bob, version=claim.version)
    response = client.post(_url(Claim, "change", claim.pk), form)
    assert response.status_code == 200 and "Another editor changed this claim" in response.content.decode()
    claim.refresh_from_db()
    assert claim.assignee is None and claim.events.count() == 1


def test_an_edit_and_an_assignment_in_one_save_are_two_events(client, claim, alice, bob):
    client = signed_in(client, alice)
    version = claim.version
    response = client.post(
        _url(Claim, "change", claim.pk), factories.admin_claim_form(claim, unit="migrants", assignee=bob.pk)
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.unit, claim.assignee, claim.version) == ("migrants", bob, version + 2)
    events = list(claim.events.order_by("version").values_list("kind", "version", "actor"))
    assert events == [("edit", version + 1, alice.pk), ("assign", version + 2, alice.pk)]


def test_claims_are_assigned_to_editors_only(client, claim, alice, vera):
    client = signed_in(client, alice)
    response = client.post(_url(Claim, "change", claim.pk), factories.admin_claim_form(claim, assignee=vera.pk))
    assert response.status_code == 200 and "assignee" in response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.assignee is None and not claim.events.exists()


# Links


def test_a_links_ends_and_relation_are_read_only_and_its_state_goes_through_the_workflow(client, rows, alice):
    link = ClaimLink.objects.get()
    client = signed_in(client, alice)
    url = _url(ClaimLink, "change", link.pk)
    page = client.get(url).content.decode()
    assert 'name="to_claim"' not in page and 'name="relation"' not in page and 'name="state"' in page
    other = factories.make_claim(factories.make_article())
    data = {"to_claim": other.pk, "relation": "contradicts", "state": "confirmed", "seen_state": "suggested"}
    assert client.post(url, data).status_code == 302
    link.refresh_from_db()
    assert (link.to_claim_id, link.relation, link.state) != (other.pk, "contradicts", "confirmed")
    assert (link.relation, link.state) == ("same", "confirmed")
    decided = ClaimEvent.objects.filter(kind="link", actor=alice, after__state="confirmed")
    assert sorted(decided.values_list("claim_id", flat=True)) == sorted([link.from_claim_id, link.to_claim_id])


def test_a_link_decision_without_the_state_seen_is_refused(client, rows, alice):
    link = ClaimLink.objects.get()
    client = signed_in(client, alice)
    response = client.post(_url(ClaimLink, "change", link.pk), {"state": "confirmed"})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    link.refresh_from_db()
    assert link.state == "suggested"


def test_an_admin_link_is_made_through_the_workflow(client, claim, alice):
    other = factories.make_claim(factories.make_article())
    client = signed_in(client, alice)
    data = {"from_claim": claim.pk, "to_claim": other.pk, "relation": "contradicts", "state": "confirmed"}
    response = client.post(_url(ClaimLink, "add"), data)
    assert response.status_code == 302
    link = ClaimLink.objects.get()
    assert (link.created_by, link.state) == (alice, "confirmed")
    linked = ClaimEvent.objects.filter(kind="link", actor=alice)
    assert sorted(linked.values_list("claim_id", flat=True)) == sorted([claim.pk, other.pk])
    assert LogEntry.objects.get().object_id == str(link.pk)


def test_a_link_of_a_claim_to_itself_is_refused_on_the_form(client, claim, alice):
    client = signed_in(client, alice)
    data = {"from_claim": claim.pk, "to_claim": claim.pk, "relation": "same", "state": "confirmed"}
    response = client.post(_url(ClaimLink, "add"), data)
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert not ClaimLink.objects.exists() and not ClaimEvent.objects.exists()


def test_admin_pages_cost_constant_queries(client, rows, alice, django_assert_max_num_queries):
    client = signed_in(client, alice)
    others = [factories.make_claim(factories.make_article()) for _ in range(20)]
    for other in others[:5]:
        workflow.link(rows, other, relation="same", editor=None, state="suggested")
        workflow.annotate(rows, text="Another source", editor=alice)
    for model in (Claim, ClaimLink, Annotation, ClaimEvent):
        with django_assert_max_num_queries(10):  # 7 or 8 measured
            assert client.get(_url(model, "changelist")).status_code == 200
    with django_assert_max_num_queries(30):  # 27 measured, with 6 notes and 6 links inline
        assert client.get(_url(Claim, "change", rows.pk)).status_code == 200
    # An action goes through the workflow claim by claim (its version check and event): 6 queries each.
    ids = [other.pk for other in others]
    with django_assert_max_num_queries(6 * len(ids) + 10):
        client.post(_url(Claim, "changelist"), {"action": "mark_in_review", "_selected_action": ids})
    assert ClaimEvent.objects.filter(kind="status", actor=alice).count() == len(ids)


def test_inline_rows_posted_with_a_claim_change_nothing(client, rows, alice):
    """Notes, links and history are read-only rows on a claim's page: posted rows are ignored."""
    note, link = Annotation.objects.get(), ClaimLink.objects.get()
    client = signed_in(client, alice)
    form = factories.admin_claim_form(rows, unit="migrants") | {
        "annotations-TOTAL_FORMS": "2",
        "annotations-INITIAL_FORMS": "1",
        "annotations-0-id": note.pk,
        "annotations-0-claim": rows.pk,
        "annotations-0-DELETE": "on",
        "annotations-1-text": "Smuggled in",
        "annotations-1-claim": rows.pk,
        "links_from-TOTAL_FORMS": "1",
        "links_from-INITIAL_FORMS": "1",
        "links_from-0-id": link.pk,
        "links_from-0-from_claim": rows.pk,
        "links_from-0-state": "confirmed",
        "links_from-0-DELETE": "on",
    }
    assert client.post(_url(Claim, "change", rows.pk), form).status_code == 302
    assert list(Annotation.objects.all()) == [note] and ClaimLink.objects.get().state == "suggested"
    assert list(rows.events.filter(actor=alice).order_by("version").values_list("kind", flat=True)) == [
        "annotate",
        "edit",
    ]


def test_group_and_user_admins_stay_superuser_only(client, rows, alice):
    client = signed_in(client, alice)
    assert client.get(_url(User, "changelist")).status_code == 403
    assert client.get(_url(Group, "changelist")).status_code == 403


def test_an_administrator_deletes_a_claim_and_an_article_through_the_workflow(client, rows, staff):
    """Their notes, links and history go with them; the feed records each deletion."""
    other = ClaimLink.objects.get().to_claim
    client.force_login(staff)
    response = client.post(_url(Claim, "delete", rows.pk), {"post": "yes"})
    assert response.status_code == 302 and not Claim.objects.filter(pk=rows.pk).exists()
    assert FeedEvent.objects.filter(type="claim.deleted", claim_id=rows.pk, actor=staff).exists()
    assert ClaimEvent.objects.filter(claim=other, kind="unlink", actor=staff).exists()
    response = client.post(_url(other.article, "delete", other.article_id), {"post": "yes"})
    assert response.status_code == 302 and not Claim.objects.exists()
    assert FeedEvent.objects.filter(type="claim.deleted", claim_id=other.pk).exists()


def test_editors_delete_no_claim_and_no_article(client, rows, alice):
    client = signed_in(client, alice)
    assert client.post(_url(Claim, "delete", rows.pk), {"post": "yes"}).status_code == 403
    assert client.post(_url(rows.article, "delete", rows.article_id), {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=rows.pk).exists()


def test_a_refused_deletion_says_why_and_deletes_nothing(client, rows, alice, monkeypatch):
    def refuse(annotation, *, editor):
        raise workflow.WorkflowError("Refused for the test.")

    monkeypatch.setattr(workflow, "remove_annotation", refuse)
    note = Annotation.objects.get()
    client = signed_in(client, alice)
    response = client.post(_url(Annotation, "delete", note.pk), {"post": "yes"}, follow=True)
    text = response.content.decode()
    assert "Refused for the test." in text and "deleted successfully" not in text
    assert Annotation.objects.filter(pk=note.pk).exists() and not LogEntry.objects.exists()


def test_an_article_correction_refused_by_the_service_is_a_form_error(client, article, alice, monkeypatch):
    """A refusal after the form's own checks (another correction landed in between) changes nothing."""
    import articles.admin
    from articles.ingest import IngestError

    def refuse(article, *, changes, actor):
        raise IngestError("Refused for the test: the article changed meanwhile.")

    monkeypatch.setattr(articles.admin, "update_article", refuse)
    client = signed_in(client, alice)
    data = {"title": "A new title", "body": article.body, "url": article.url, "published": "2021-11-21"}
    response = client.post(
        _url(article, "change", article.pk), data | {"claims-TOTAL_FORMS": 0, "claims-INITIAL_FORMS": 0}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Refused for the test" in text and "changed successfully" not in text
    article.refresh_from_db()
    assert article.title != "A new title" and not LogEntry.objects.exists()
