"""Webhook deliveries, run by Celery workers (in-process without a broker): never in a request."""

from celery import shared_task

from . import webhooks


@shared_task(soft_time_limit=120, time_limit=150, acks_late=True, reject_on_worker_lost=True)
def dispatch_webhooks() -> None:
    """Queue a delivery of every new change to each subscription that wants it, then send what is due."""
    webhooks.dispatch()


@shared_task(soft_time_limit=60, time_limit=90, acks_late=True, reject_on_worker_lost=True)
def deliver_webhook(delivery_id: int) -> None:
    """One attempt at one delivery; a failure plans the next attempt itself (backoff), so no autoretry."""
    webhooks.deliver(delivery_id)
