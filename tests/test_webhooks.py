"""Webhooks (issue 15 item 2): signed deliveries to a real local endpoint, retries, the log, no lost change."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from claims import workflow
from feed import webhooks
from feed.models import Delivery, Event, Subscription

from .webhook_receiver import serve
from .worker import private_queue, start_worker, stop, wait_until


@pytest.fixture
def receiver():
    receiver, server = serve()
    yield receiver
    receiver.hold.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def subscription(db, receiver):
    webhooks.forget_active()
    yield Subscription.objects.create(name="CMS plugin", url=receiver.url)
    webhooks.forget_active()


def give_verdict(claim, editor, callbacks):
    with callbacks(execute=True):
        workflow.transition(claim, to="verified", editor=editor, version=claim.version, note="Matches UNHCR.")


def test_a_verdict_reaches_the_endpoint_signed_so_a_standard_webhooks_library_verifies_it(
    subscription, receiver, alice, claim, django_capture_on_commit_callbacks
):
    give_verdict(claim, alice, django_capture_on_commit_callbacks)
    (arrival,) = receiver.wait_for(1)
    message = Webhook(subscription.secret).verify(arrival.body, arrival.headers)
    assert message["type"] == "claim.status" and message["data"]["claim"] == claim.pk
    assert message["data"]["after"]["status"] == "verified" and message["data"]["actor_name"] == "alice"
    event = Event.objects.get(type="claim.status")
    assert arrival.headers["webhook-id"] == f"evt_{event.position}" == f"evt_{message['data']['id']}"
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 204)


def test_a_tampered_delivery_fails_verification(
    subscription, receiver, alice, claim, django_capture_on_commit_callbacks
):
    from standardwebhooks.webhooks import WebhookVerificationError

    give_verdict(claim, alice, django_capture_on_commit_callbacks)
    (arrival,) = receiver.wait_for(1)
    with pytest.raises(WebhookVerificationError):
        Webhook(subscription.secret).verify(arrival.body.replace(b"verified", b"false"), arrival.headers)


def test_the_request_that_makes_the_change_only_schedules_the_delivery(
    subscription, receiver, api_as, alice, claim, django_capture_on_commit_callbacks
):
    receiver.hold.clear()  # the endpoint hangs: the API must answer anyway
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_as(alice).post(
            f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review", "version": claim.version}
        )
    assert response.status_code == 200 and receiver.received == [] and not Delivery.objects.exists()
    assert len(callbacks) == 1  # dispatch_webhooks, after commit, in a worker
    receiver.hold.set()
    callbacks[0]()
    receiver.wait_for(1)


def test_a_failing_endpoint_is_retried_with_backoff_and_the_log_says_how_it_went(
    subscription, receiver, alice, claim, django_capture_on_commit_callbacks
):
    receiver.answers.extend([500, 503])
    give_verdict(claim, alice, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert "500" in delivery.last_error and delivery.next_attempt_at > timezone.now()
    assert webhooks.dispatch() == 0 and len(receiver.received) == 1  # not due yet: nothing sent
    for attempts, code in ((2, 503), (3, 204)):
        Delivery.objects.update(next_attempt_at=timezone.now())  # the backoff has passed
        webhooks.dispatch()
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status_code) == (attempts, code)
    assert delivery.status == "delivered" and delivery.last_error == ""
    assert len(receiver.received) == 3 and len({r.headers["webhook-id"] for r in receiver.received}) == 1


def test_an_endpoint_that_never_answers_well_is_given_up_but_its_changes_stay_in_the_feed_and_can_be_resent(
    subscription, receiver, alice, staff, client, claim, settings, django_capture_on_commit_callbacks, api_as
):
    settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS = 2
    receiver.answers.extend([500, 500])
    give_verdict(claim, alice, django_capture_on_commit_callbacks)
    Delivery.objects.update(next_attempt_at=timezone.now())
    webhooks.dispatch()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    assert [e["type"] for e in api_as(alice).get("/api/v1/events/").json()["results"]] == ["claim.status"]
    client.force_login(staff)
    log = client.get("/admin/feed/delivery/")
    assert b"failed (gave up)" in log.content and b"HTTP 500" in log.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/feed/delivery/", {"action": "retry", "_selected_action": [delivery.pk]})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, len(receiver.received)) == ("delivered", 3, 3)


def test_a_disabled_endpoint_gets_its_backlog_when_switched_back_on(
    subscription, receiver, alice, staff, client, claim, django_capture_on_commit_callbacks
):
    Subscription.objects.filter(pk=subscription.pk).update(active=False)
    webhooks.forget_active()
    give_verdict(claim, alice, django_capture_on_commit_callbacks)
    assert receiver.received == [] and not Delivery.objects.exists()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/feed/subscription/{subscription.pk}/change/",
            {"name": subscription.name, "url": subscription.url, "active": "on"},
        )
    assert response.status_code == 302
    (arrival,) = receiver.wait_for(1)
    assert json.loads(arrival.body)["data"]["after"]["status"] == "verified"


def test_a_subscription_receives_only_the_types_it_asked_for(
    subscription, receiver, alice, claim, django_capture_on_commit_callbacks
):
    Subscription.objects.filter(pk=subscription.pk).update(types=["claim.note_added"])
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
        workflow.annotate(claim, text="Seen.", editor=alice)
    (arrival,) = receiver.wait_for(1)
    assert json.loads(arrival.body)["type"] == "claim.note_added"


def test_a_new_subscription_in_the_admin_starts_from_now_with_a_secret(staff, client, alice, claim, receiver):
    workflow.annotate(claim, text="Before the endpoint existed.", editor=alice)
    client.force_login(staff)
    client.post("/admin/feed/subscription/add/", {"name": "Slack bot", "url": receiver.url, "active": "on"})
    created = Subscription.objects.get(name="Slack bot")
    assert created.secret.startswith("whsec_") and created.cursor == Event.objects.get().position
    assert webhooks.dispatch() == 0


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_a_change_made_through_the_api(receiver, api_as, staff, claim, tmp_path):
    # A transactional test: the migrations' groups are flushed, so the tool is a superuser.
    webhooks.forget_active()
    Subscription.objects.create(name="CMS plugin", url=receiver.url)
    log = tmp_path / "worker.log"
    with private_queue() as queue:
        worker = start_worker(queue, log)
        try:
            response = api_as(staff).post(f"/api/v1/claims/{claim.pk}/annotations/", {"text": "Seen by the tool."})
            assert response.status_code == 201
            wait_until(
                lambda: Delivery.objects.filter(status="delivered").exists(),
                timeout=60,
                what=f"the worker to deliver (log: {log.read_text()[-2000:]})",
            )
        finally:
            stop(worker)
            webhooks.forget_active()
    (arrival,) = receiver.received
    assert json.loads(arrival.body)["data"]["after"]["text"] == "Seen by the tool."


def test_the_command_catches_up_what_no_change_triggered(subscription, receiver, alice, claim):
    from django.core.management import call_command

    workflow.annotate(claim, text="Made while no dispatch ran.", editor=alice)  # its on-commit task never ran
    assert receiver.received == []
    call_command("dispatch_webhooks", verbosity=0)
    (arrival,) = receiver.wait_for(1)
    assert json.loads(arrival.body)["type"] == "claim.note_added"
