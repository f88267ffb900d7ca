"""The change feed (read-only), webhook subscriptions and the delivery log."""

from django import forms
from django.contrib import admin, messages

from factdesk.admin_actions import OfferedActionsOnly
from factdesk.celery import enqueue_on_commit

from . import webhooks
from .models import Delivery, Event, Subscription
from .sequence import sequence
from .types import EVENT_TYPES


@admin.register(Event)
class EventAdmin(OfferedActionsOnly):
    """The feed is append-only: visible here, never changed."""

    list_display = ["position", "at", "type", "claim_id", "article_id", "actor_name", "version"]
    list_filter = ["type"]
    search_fields = ["=claim_id", "=article_id", "actor_name"]
    readonly_fields = [f.name for f in Event._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SubscriptionForm(forms.ModelForm):
    types = forms.MultipleChoiceField(
        choices=[(t, t) for t in EVENT_TYPES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to receive every type.",
    )

    class Meta:
        model = Subscription
        fields = ["name", "url", "types", "active"]


@admin.register(Subscription)
class SubscriptionAdmin(OfferedActionsOnly):
    form = SubscriptionForm
    list_display = ["name", "url", "active", "cursor", "created_at"]
    list_filter = ["active"]
    readonly_fields = ["secret", "cursor", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.cursor = sequence() or 0  # a new endpoint receives changes from now on, not the whole history
        super().save_model(request, obj, form, change)
        webhooks.forget_active()
        # Switched (back) on: its backlog goes out now, not at the next change.
        enqueue_on_commit(webhooks.DISPATCH_TASK)


@admin.register(Delivery)
class DeliveryAdmin(OfferedActionsOnly):
    """The delivery log: how each change went to each endpoint."""

    list_display = ["event", "subscription", "status", "attempts", "last_status_code", "last_error", "next_attempt_at"]
    list_filter = ["status", "subscription"]
    list_select_related = ["event", "subscription"]
    readonly_fields = [f.name for f in Delivery._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request) -> bool:
        return request.user.has_perm("feed.change_delivery")  # administrators: no group holds it

    @admin.action(description="Send the selected deliveries again now", permissions=["retry"])
    def retry(self, request, queryset):
        count = webhooks.retry_now(queryset)
        self.message_user(request, f"{count} deliveries sent again.", messages.SUCCESS)
