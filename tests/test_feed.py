"""The change feed, GET /api/v1/events/: what it holds, its cursor, its filters (issue 15 item 1)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from claims import sync, workflow
from claims.models import ClaimEvent
from feed import log as feed_log
from feed.models import Event
from feed.sequence import sequence

from . import factories


def feed(client, **params):
    response = client.get("/api/v1/events/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_each_claim_event_appears_once_in_the_feed_with_its_version_and_fields(api_as, alice, vera, claim):
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    workflow.edit_fields(claim, changes={"unit": "migrants"}, editor=alice, version=claim.version)
    body = feed(api_as(vera))
    assert [e["type"] for e in body["results"]] == ["claim.status", "claim.edited"]
    status, edit = body["results"]
    assert status["claim"] == claim.pk and status["article"] == claim.article_id and status["actor_name"] == "alice"
    assert status["version"] == 2 and status["after"]["status"] == "in_review" and "status" in status["fields"]
    assert edit["fields"] == ["unit", "edited_by_editor"] and edit["before"] == {"unit": "people"}
    assert {e["history_id"] for e in body["results"]} == set(ClaimEvent.objects.values_list("pk", flat=True))


def test_the_cursor_goes_on_where_the_last_page_ended_and_an_idle_poll_returns_nothing(api_as, alice, vera, claim):
    for text in ("one", "two", "three"):
        workflow.annotate(claim, text=text, editor=alice)
    client = api_as(vera)
    first = feed(client, limit=2)
    assert [e["after"]["text"] for e in first["results"]] == ["one", "two"] and first["more"] is True
    second = feed(client, after=first["cursor"], limit=2)
    assert [e["after"]["text"] for e in second["results"]] == ["three"] and second["more"] is False
    assert feed(client, after=second["cursor"])["results"] == []
    assert f"after={second['cursor']}" in second["next"]


def test_a_dismissal_appears_with_its_reason(api_as, alice, vera, claim):
    workflow.transition(claim, to="dismissed", editor=alice, version=claim.version, reason="background")
    (event,) = feed(api_as(vera), type="claim.status")["results"]
    assert event["after"] == {"status": "dismissed", "note": "", "reason": "background"}
    assert "dismiss_reason" in event["fields"]


def test_extraction_creates_claims_in_the_feed_and_deletes_vanished_ones_with_a_tombstone(api_as, vera, alice):
    article = factories.make_article()
    sync.extract_article_claims(article.pk)
    created = feed(api_as(vera), type="claim.created")["results"]
    assert created and all(e["actor_name"] == "extractor" and e["version"] == 1 for e in created)
    kept = article.claims.order_by("quote_start").first()
    other = factories.make_claim(factories.make_article(), quote="Some 2,000")
    workflow.link(kept, other, relation="same", editor=None, state="suggested")
    article.body = article.body.split("\n")[0]  # a correction removes every quantity
    article.save(update_fields=["body"])
    sync.extract_article_claims(article.pk)
    deleted = feed(api_as(vera), type="claim.deleted")["results"]
    assert {e["claim"] for e in deleted} == {e["claim"] for e in created}
    assert not article.claims.exists() and all(e["article"] == article.pk for e in deleted)
    other.refresh_from_db()
    unlinked = feed(api_as(vera), claim=other.pk, type="claim.unlinked")["results"]
    assert [(e["after"]["other"], e["after"]["deleted"], e["version"]) for e in unlinked] == [
        (kept.pk, True, other.version)
    ]


def test_articles_appear_when_ingested_and_when_extracted(api_as, alice, vera, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(alice).post(
            "/api/v1/articles/",
            {"title": "Border", "body": "Some 2,000 people wait at Bruzgi.", "url": "https://a.example/1"},
        )
    article_id = response.json()["id"]
    events = feed(api_as(vera), article=article_id)["results"]
    assert events[0]["type"] == "article.created" and events[0]["actor_name"] == "alice"
    assert events[0]["after"]["title"] == "Border"
    extracted = [e for e in events if e["type"] == "article.extracted"]
    assert extracted and extracted[-1]["after"]["extraction_status"] == "done"


def test_filters_narrow_the_page_but_the_cursor_moves_past_what_they_skipped(api_as, alice, vera, claim):
    workflow.annotate(claim, text="note", editor=alice)
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    body = feed(api_as(vera), type="claim.note_added")
    assert len(body["results"]) == 1 and body["cursor"] == Event.objects.order_by("-position").first().position


def test_the_feed_refuses_bad_parameters_and_strangers(api_as, vera):
    client = api_as(vera)
    assert client.get("/api/v1/events/", {"after": "x"}).json()["fields"] == {"after": ["A whole number, 0 or more."]}
    assert client.get("/api/v1/events/", {"type": "claim.nope"}).status_code == 400
    assert client.get("/api/v1/events/", {"limit": 0}).status_code == 400
    assert api_as(None).get("/api/v1/events/").status_code == 401


def test_nothing_but_claims_events_module_saves_a_claim_event():
    """The feed mirrors the history because one function saves both: no other module may save ClaimEvents."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [
        str(path.relative_to(root))
        for folder in ("claims", "articles", "feed", "factdesk")
        for path in (root / folder).rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "events.py"
        and any(s in path.read_text() for s in ("ClaimEvent.objects.create", "ClaimEvent.objects.bulk_create"))
    ]
    assert offenders == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_change_that_commits_late_is_placed_after_those_already_read():
    """Ids follow inserts, not commits: the late change must not fall behind the cursor a reader holds."""
    inserted, release = threading.Event(), threading.Event()

    def slow_writer():
        try:
            with transaction.atomic():
                feed_log.append([feed_log.entry("article.updated", article_id=1)])
                inserted.set()
                release.wait(10)
        finally:
            connection.close()

    writer = threading.Thread(target=slow_writer)
    writer.start()
    assert inserted.wait(10)
    with transaction.atomic():
        feed_log.append([feed_log.entry("article.updated", article_id=2)])  # a higher id, committed first
    cursor = sequence()
    assert list(Event.objects.filter(position__lte=cursor).values_list("article_id", flat=True)) == [2]
    release.set()
    writer.join(10)
    later = sequence()
    assert list(
        Event.objects.filter(position__gt=cursor, position__lte=later).values_list("article_id", flat=True)
    ) == [1]
    assert connection.vendor == "postgresql"


def test_deleting_an_article_in_the_admin_records_each_claim_then_the_article(client, staff, api_as, vera, claim):
    client.force_login(staff)
    response = client.post(f"/admin/articles/article/{claim.article_id}/delete/", {"post": "yes"})
    assert response.status_code == 302
    types = [(e["type"], e["claim"]) for e in feed(api_as(vera), article=claim.article_id)["results"]]
    assert types == [("claim.deleted", claim.pk), ("article.deleted", None)]


def test_deleting_claims_in_the_admin_records_tombstones(client, staff, api_as, vera, claim):
    client.force_login(staff)
    client.post("/admin/claims/claim/", {"action": "delete_selected", "_selected_action": [claim.pk], "post": "yes"})
    (event,) = feed(api_as(vera))["results"]
    assert (
        event["type"] == "claim.deleted" and event["actor_name"] == "sam" and event["before"]["quote"] == "Some 2,000"
    )


def test_a_page_of_the_feed_costs_the_same_queries_for_one_event_and_for_fifty(api_as, alice, vera, claim):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_as(vera)
    workflow.annotate(claim, text="one", editor=alice)
    feed(client)  # places the first event
    with CaptureQueriesContext(connection) as one:
        feed(client)
    for n in range(49):
        workflow.annotate(claim, text=f"note {n}", editor=alice)
    feed(client)
    with CaptureQueriesContext(connection) as fifty:
        assert len(feed(client)["results"]) == 50
    assert len(fifty.captured_queries) == len(one.captured_queries)
