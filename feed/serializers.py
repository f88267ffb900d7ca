"""A change as JSON: in the feed's pages and in webhook payloads alike."""

from __future__ import annotations

from rest_framework import serializers

from factdesk.api.fields import StrictCharField

from .models import Event
from .types import EVENT_TYPES


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = StrictCharField(read_only=True)


class FeedEventSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(
        source="position", read_only=True, help_text="The event's place in the feed: the cursor"
    )
    type = serializers.ChoiceField(choices=[(t, t) for t in EVENT_TYPES], read_only=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True, allow_null=True, help_text="The claim, if any")
    article = serializers.IntegerField(
        source="article_id",
        read_only=True,
        allow_null=True,
        help_text="The article (for a claim's change, the claim's article)",
    )
    actor = ActorSerializer(read_only=True, allow_null=True, help_text="Empty for the system")
    actor_name = StrictCharField(read_only=True, help_text='A username, or "extractor" (or "ingest") for the system')
    version = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="The claim's version after the change"
    )
    fields = serializers.ListField(child=StrictCharField(), read_only=True, help_text="The fields the change touched")
    before = serializers.DictField(read_only=True)
    after = serializers.DictField(read_only=True)
    history_id = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="The event's id in the claim's history (/claims/{id}/events/)"
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "type",
            "at",
            "claim",
            "article",
            "actor",
            "actor_name",
            "version",
            "fields",
            "before",
            "after",
            "history_id",
        ]
        read_only_fields = fields
