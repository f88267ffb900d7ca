"""Webhooks: each subscription receives the feed's changes it asked for, signed as Standard Webhooks says.

The feed stays the source of truth. A change is committed with its feed entry; afterwards a task
(`feed.tasks.dispatch_webhooks`, never the request) queues one Delivery per subscription and change,
from the subscription's cursor, so a disabled or failing endpoint loses nothing: a disabled one gets
its backlog when switched back on, a failing one is retried with backoff and, after the last attempt,
stays in the delivery log as failed, to be retried from the admin, while its changes remain in the feed.
"""

from __future__ import annotations

import datetime
import json
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from factdesk.celery import app, enqueue

from .models import Delivery, Event, Subscription
from .sequence import sequence
from .serializers import FeedEventSerializer

logger = logging.getLogger(__name__)

DELIVER = "feed.tasks.deliver_webhook"
DISPATCH_TASK = "feed.tasks.dispatch_webhooks"
# Seconds before each retry: quick at first, then further apart, all below the broker's visibility timeout.
BACKOFF = (5, 30, 120, 600, 1800, 3600)
_FAN_OUT_BATCH = 500
_wanted_cache: tuple[float, bool] = (0.0, False)


def any_active() -> bool:
    """Whether any subscription is on; remembered for a few seconds, so a change costs no query for it."""
    global _wanted_cache
    checked, wanted = _wanted_cache
    if time.monotonic() - checked < 5:
        return wanted
    wanted = Subscription.objects.filter(active=True).exists()
    _wanted_cache = (time.monotonic(), wanted)
    return wanted


def forget_active() -> None:
    """Subscriptions changed in this process: look again at the next change."""
    global _wanted_cache
    _wanted_cache = (0.0, False)


def payload(event: Event) -> str:
    """The body of a delivery: the Standard Webhooks envelope around the change as the feed shows it."""
    body = {"type": event.type, "timestamp": event.at.isoformat(), "data": FeedEventSerializer(event).data}
    return json.dumps(body, separators=(",", ":"), default=str)


def message_id(event: Event) -> str:
    """The same for every attempt, so a receiver drops a repeat: the change's place in the feed."""
    return f"evt_{event.position}"


def signed_headers(subscription: Subscription, event: Event, body: str, *, now: datetime.datetime) -> dict[str, str]:
    msg_id = message_id(event)
    signature = Webhook(subscription.secret).sign(msg_id, now, body)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature,
        "Content-Type": "application/json",
        "User-Agent": "factdesk-webhooks/1",
    }


def _fan_out(subscription_id: int, head: int) -> list[int]:
    """Queue a delivery of each change past the subscription's cursor that it wants; the new deliveries."""
    created: list[int] = []
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(pk=subscription_id, active=True).first()
        if subscription is None or subscription.cursor >= head:
            return created
        changes = Event.objects.filter(position__gt=subscription.cursor, position__lte=head).order_by("position")
        if subscription.types:
            changes = changes.filter(type__in=subscription.types)
        for event_id, position in changes.values_list("pk", "position")[:_FAN_OUT_BATCH]:
            created.append(Delivery.objects.create(subscription=subscription, event_id=event_id).pk)
            subscription.cursor = position
        if len(created) < _FAN_OUT_BATCH:
            subscription.cursor = head  # everything up to the head was looked at
        subscription.save(update_fields=["cursor"])
    return created


def dispatch(*, send: bool = True) -> int:
    """Queue deliveries of every placed change to each active subscription, then send what is due.
    The number of deliveries queued."""
    if not Subscription.objects.filter(active=True).exists():
        return 0
    head = sequence() or 0
    queued = 0
    for subscription_id in Subscription.objects.filter(active=True).values_list("pk", flat=True):
        while True:
            batch = _fan_out(subscription_id, head)
            queued += len(batch)
            if len(batch) < _FAN_OUT_BATCH:
                break
    if send:
        due = Delivery.objects.filter(
            status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now(), subscription__active=True
        )
        for delivery_id in due.order_by("event__position").values_list("pk", flat=True)[:1000]:
            enqueue(DELIVER, delivery_id)
    return queued


def _lease(delivery_id: int) -> Delivery | None:
    """Take a due delivery for one attempt, so that a sweep and a retry never send it twice at once."""
    timeout = settings.FACTDESK_WEBHOOK_TIMEOUT
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscription", "event__actor")
            .filter(pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now())
            .first()
        )
        if delivery is None or not delivery.subscription.active:
            return None
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=timeout + 30)
        delivery.save(update_fields=["next_attempt_at"])
    return delivery


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer of its own (3xx): not delivered


_opener = urllib.request.build_opener(_NoRedirects)


def _post(url: str, body: str, headers: dict[str, str]) -> tuple[int | None, str]:
    """POST once: (HTTP status or None, error text; empty when 2xx)."""
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=settings.FACTDESK_WEBHOOK_TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, f"{type(exc).__name__}: {reason}"


def deliver(delivery_id: int) -> str | None:
    """Attempt one delivery; on failure plan the next attempt (backoff) or give up after the last.
    The delivery's status afterwards, or None if it was not due."""
    delivery = _lease(delivery_id)
    if delivery is None:
        return None
    now = timezone.now()
    body = payload(delivery.event)
    code, error = _post(
        delivery.subscription.url, body, signed_headers(delivery.subscription, delivery.event, body, now=now)
    )
    delivery.attempts += 1
    delivery.last_attempt_at, delivery.last_status_code = now, code
    if code is not None and 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.last_error = Delivery.Status.DELIVERED, timezone.now(), ""
    else:
        delivery.last_error = error or f"HTTP {code}"
        if delivery.attempts >= settings.FACTDESK_WEBHOOK_MAX_ATTEMPTS:
            delivery.status = Delivery.Status.FAILED
        else:
            wait = BACKOFF[min(delivery.attempts - 1, len(BACKOFF) - 1)]
            delivery.next_attempt_at = now + datetime.timedelta(seconds=wait)
    delivery.save()
    if delivery.status == Delivery.Status.PENDING:
        logger.warning("webhook delivery=%s attempt %s failed: %s", delivery.pk, delivery.attempts, delivery.last_error)
        _retry_later(delivery)
    return delivery.status


def _retry_later(delivery: Delivery) -> None:
    """With a worker, a countdown task; in-process (no broker) the next dispatch sends what is due."""
    if app.conf.task_always_eager:
        return
    wait = max(0.0, (delivery.next_attempt_at - timezone.now()).total_seconds())
    app.signature(DELIVER, args=(delivery.pk,)).apply_async(countdown=wait)


def retry_now(deliveries) -> int:
    """Send these deliveries again at once (the admin's action), failed ones included; how many."""
    ids = list(deliveries.exclude(status=Delivery.Status.DELIVERED).values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.PENDING, next_attempt_at=timezone.now())
    for delivery_id in ids:
        transaction.on_commit(lambda delivery_id=delivery_id: enqueue(DELIVER, delivery_id))
    return len(ids)
