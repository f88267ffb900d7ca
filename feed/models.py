"""The desk's change log, as tools follow it (GET /api/v1/events/, webhooks), and webhook subscriptions.

This app knows no other app: a change names its claim and article by id, so a deleted claim's
changes, its deletion included, stay in the feed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Event(models.Model):
    """One change in the desk. Written in the transaction of the change; never changed afterwards except
    for `position`, given once after commit by `feed.sequence`: positions follow the order in which
    changes became visible, so a tool reading past a position never skips a change that committed late.
    """

    position = models.BigIntegerField(null=True, blank=True, unique=True, help_text="Place in the feed: the cursor")
    type = models.CharField(max_length=40, help_text="claim.status, article.updated, …")
    claim_id = models.BigIntegerField(null=True, blank=True)
    article_id = models.BigIntegerField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_events"
    )
    actor_name = models.CharField(max_length=150, help_text='A username, or "extractor" for the system')
    version = models.PositiveIntegerField(null=True, blank=True, help_text="The claim's version after the change")
    fields = models.JSONField(default=list, blank=True, help_text="Names of the fields the change touched")
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    history_id = models.BigIntegerField(null=True, blank=True, help_text="The claim's history event (ClaimEvent) id")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position"]
        indexes = [
            # The sequencer looks for changes without a position; few rows ever are.
            models.Index(fields=["id"], condition=Q(position__isnull=True), name="feed_event_unplaced_idx"),
            models.Index(fields=["claim_id", "position"], name="feed_event_claim_idx"),
            models.Index(fields=["article_id", "position"], name="feed_event_article_idx"),
            models.Index(fields=["type", "position"], name="feed_event_type_idx"),
        ]

    def __str__(self) -> str:
        subject = f"claim {self.claim_id}" if self.claim_id else f"article {self.article_id}"
        return f"{self.type} on {subject} by {self.actor_name}"


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    import base64
    import secrets

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class Subscription(models.Model):
    """An endpoint that receives the feed's changes of the types it asked for, signed with its secret."""

    name = models.CharField(max_length=200, help_text="Who receives it, e.g. the CMS plugin")
    url = models.URLField(max_length=2000, help_text="Where deliveries are POSTed")
    secret = models.CharField(
        max_length=200, default=new_secret, help_text="Standard Webhooks secret (whsec_…): give it to the receiver"
    )
    types = models.JSONField(default=list, blank=True, help_text="Event types to send (empty: all)")
    active = models.BooleanField(default=True, help_text="Off: nothing is sent; the backlog follows when back on")
    cursor = models.BigIntegerField(default=0, help_text="The feed position up to which deliveries were queued")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event_type: str) -> bool:
        return not self.types or event_type in self.types


class Delivery(models.Model):
    """One change sent to one subscription: its attempts and how the last one went (the delivery log)."""

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        DELIVERED = "delivered", "delivered"
        FAILED = "failed", "failed (gave up)"

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="deliveries")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event"], name="delivery_once_per_subscription"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "delivered", "failed"]), name="delivery_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx")]

    def __str__(self) -> str:
        return f"{self.event.type} #{self.event.position} to {self.subscription}"
