"""Claims, notes, links and events as JSON, and the shapes of what a tool sends (validation only).

Nothing here writes: the views pass validated data to `claims.workflow`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.serializers import OutletSerializer
from factdesk.api.fields import StrictCharField

from ..events import actor_name
from ..models import (
    ANCHOR_FIELDS,
    CLAIM_REVIEWED_SUGGESTED_LENGTH,
    EDITABLE_FIELDS,
    MAX_PLACE_LENGTH,
    MAX_PLACES,
    NOTE_MAX_LENGTH,
    PUBLICATION_FIELDS,
    Annotation,
    Claim,
    ClaimEvent,
    ClaimLink,
    DismissReason,
    Kind,
    Qualifier,
    Status,
)
from ..workflow import allowed_transitions

MAX_VERSION = 2**31 - 1
MAX_GROUP = 1000


class PlainDecimalField(serializers.DecimalField):
    """Decimals as strings without trailing zeros: "2000", "0.3333333333"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 30)
        kwargs.setdefault("decimal_places", 10)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")


class UserBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = StrictCharField(read_only=True)


class ClaimArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = StrictCharField(read_only=True)
    url = StrictCharField(read_only=True)
    published = serializers.DateField(read_only=True, allow_null=True)
    outlet = OutletSerializer(read_only=True, allow_null=True)


class ClaimSerializer(serializers.ModelSerializer):
    """Every extracted field (docs EXTRACTION.md) and the review state."""

    article = ClaimArticleSerializer(read_only=True)
    value = PlainDecimalField(read_only=True, allow_null=True)
    value_low = PlainDecimalField(read_only=True, allow_null=True)
    value_high = PlainDecimalField(read_only=True, allow_null=True)
    places = serializers.ListField(child=StrictCharField(), read_only=True)
    verdict = StrictCharField(read_only=True, help_text="The status when it is a verdict, else empty")
    dismiss_reason = serializers.ChoiceField(
        choices=DismissReason.choices,
        allow_blank=True,
        read_only=True,
        help_text="Why the claim was dismissed, while it is; else empty",
    )
    assignee = UserBriefSerializer(read_only=True, allow_null=True)
    reviewed_by = UserBriefSerializer(read_only=True, allow_null=True)
    edited_by_editor = serializers.ListField(
        child=StrictCharField(), read_only=True, help_text="Fields an editor corrected"
    )
    extracted = serializers.DictField(read_only=True, help_text="The structured fields as the extractor proposed them")
    factcheck_url = StrictCharField(
        read_only=True, help_text="The published fact check (ClaimReview url); may be empty"
    )
    allowed_transitions = serializers.SerializerMethodField(help_text="Statuses this claim may move to now")
    page_url = serializers.SerializerMethodField(help_text="The claim's page in the review workspace")
    has_contradiction = serializers.SerializerMethodField(
        help_text="An editor confirmed a `contradicts` link between this claim and another"
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            *ANCHOR_FIELDS,
            *EDITABLE_FIELDS,
            "score",
            "status",
            "verdict",
            "verdict_note",
            "factcheck_url",
            "claim_reviewed",
            "dismiss_reason",
            "assignee",
            "reviewed_by",
            "reviewed_at",
            "edited_by_editor",
            "extracted",
            "extractor_version",
            "orphaned",
            "version",
            "allowed_transitions",
            "page_url",
            "has_contradiction",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Status.choices)))
    def get_allowed_transitions(self, claim: Claim) -> list[str]:
        return allowed_transitions(claim)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_has_contradiction(self, claim: Claim) -> bool:
        flag = getattr(claim, "has_contradiction", None)  # annotated by with_contradiction_flag() in lists
        if flag is None:
            flag = Claim.objects.with_contradiction_flag().filter(pk=claim.pk, has_contradiction=True).exists()
        return bool(flag)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, claim: Claim) -> str:
        return claim_page_url(claim, self.context.get("request"))


def claim_page_url(claim: Claim, request=None) -> str:
    # The review workspace serves /claims/<id>/ (claims.urls on the review branch).
    path = f"/claims/{claim.pk}/"
    return request.build_absolute_uri(path) if request is not None else path


class VersionField(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            'The claim\'s `version` as you last read it (or send `If-Match: "<version>"`); stale answers 409.',
        )
        super().__init__(min_value=1, max_value=MAX_VERSION, **kwargs)


class ClaimEditSerializer(serializers.Serializer):
    """PATCH: the structured fields an editor may correct, and the version they saw."""

    value = PlainDecimalField(required=False, allow_null=True)
    value_low = PlainDecimalField(required=False, allow_null=True)
    value_high = PlainDecimalField(required=False, allow_null=True)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices, required=False)
    unit = StrictCharField(max_length=64, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    time_text = StrictCharField(max_length=200, required=False, allow_blank=True)
    period_start = serializers.DateField(required=False, allow_null=True)
    period_end = serializers.DateField(required=False, allow_null=True)
    compared_to = StrictCharField(max_length=300, required=False, allow_blank=True)
    compared_period_start = serializers.DateField(required=False, allow_null=True)
    compared_period_end = serializers.DateField(required=False, allow_null=True)
    places = serializers.ListField(
        child=StrictCharField(max_length=MAX_PLACE_LENGTH), max_length=MAX_PLACES, required=False
    )
    attribution = StrictCharField(max_length=300, required=False, allow_blank=True)
    label = StrictCharField(max_length=300, required=False, allow_blank=True)
    factcheck_url = serializers.URLField(
        max_length=2000, required=False, allow_blank=True, help_text="The published fact check (ClaimReview url)"
    )
    claim_reviewed = StrictCharField(
        max_length=300,
        required=False,
        allow_blank=True,
        help_text=(
            f"The claim in a short sentence for ClaimReview; {CLAIM_REVIEWED_SUGGESTED_LENGTH} characters "
            "or fewer is best"
        ),
    )
    version = VersionField()

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: ["Not editable through the API."] for name in unknown})
        low, high = attrs.get("value_low"), attrs.get("value_high")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"value_high": ["Below value_low."]})
        for first, last in (("period_start", "period_end"), ("compared_period_start", "compared_period_end")):
            start, end = attrs.get(first), attrs.get(last)
            if start is not None and end is not None and start > end:
                raise serializers.ValidationError({last: [f"Before {first}."]})
        return attrs

    def changes(self) -> dict:
        allowed = set(EDITABLE_FIELDS) | set(PUBLICATION_FIELDS)
        return {name: value for name, value in self.validated_data.items() if name in allowed}


def verdict_note_field() -> StrictCharField:
    """The note a verdict carries, for one claim or a whole fact group."""
    return StrictCharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=NOTE_MAX_LENGTH,
        help_text="The verdict note; required for false, misleading and needs_context",
    )


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(
        choices=Status.choices, help_text="The new status; see the claim's allowed_transitions"
    )
    note = verdict_note_field()
    reason = serializers.ChoiceField(
        choices=DismissReason.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="With `to` dismissed only: why (not_a_claim, background, duplicate, other); optional",
    )
    version = VersionField()


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 1},
        "minProperties": 1,
        "maxProperties": MAX_GROUP,
    }
)
class VersionsField(serializers.DictField):
    """Claim id to version: at least one."""


class GroupTransitionSerializer(serializers.Serializer):
    """One verdict for a whole fact group, with the version of every claim of the group as you read it."""

    to = serializers.ChoiceField(choices=Status.choices, help_text="The new status for every claim of the group")
    note = verdict_note_field()
    versions = VersionsField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_VERSION),
        allow_empty=False,
        help_text='Every claim of the group (GET …/group/), id to the version you read: {"12": 3, "40": 1}',
    )

    def validate_versions(self, value: dict) -> dict[int, int]:
        if len(value) > MAX_GROUP:
            raise serializers.ValidationError(f"At most {MAX_GROUP} claims.")
        bad = [key for key in value if not re.fullmatch(r"[0-9]{1,18}", key)]
        if bad:
            raise serializers.ValidationError(f"Not claim ids: {', '.join(sorted(bad)[:5])}.")
        return {int(key): version for key, version in value.items()}


class AnnotationSerializer(serializers.ModelSerializer):
    author = UserBriefSerializer(read_only=True)
    evidence_url = StrictCharField(read_only=True, help_text="A link to the evidence; may be empty")

    class Meta:
        model = Annotation
        fields = ["id", "claim", "author", "text", "evidence_url", "created_at"]
        read_only_fields = fields


class AnnotationInputSerializer(serializers.Serializer):
    text = StrictCharField(max_length=NOTE_MAX_LENGTH)
    evidence_url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")


class ClaimRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    label = StrictCharField(read_only=True)
    quote = StrictCharField(read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    article_id = serializers.IntegerField(read_only=True)


class LinkSerializer(serializers.ModelSerializer):
    other = serializers.SerializerMethodField(help_text="The claim at the other end, seen from the claim in the URL")
    reasons = serializers.ListField(
        child=StrictCharField(), read_only=True, help_text="Why the linker suggested it, in words"
    )
    created_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ClaimLink
        fields = [
            "id",
            "from_claim",
            "to_claim",
            "other",
            "relation",
            "state",
            "score",
            "reasons",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(ClaimRefSerializer)
    def get_other(self, claim_link: ClaimLink) -> dict:
        here = self.context.get("claim_id")
        other = claim_link.from_claim if claim_link.to_claim_id == here else claim_link.to_claim
        return ClaimRefSerializer(other).data


class LinkInputSerializer(serializers.Serializer):
    other = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), help_text="Id of the claim to link to")
    relation = serializers.ChoiceField(choices=ClaimLink.Relation.choices)
    state = serializers.ChoiceField(
        choices=[ClaimLink.State.CONFIRMED, ClaimLink.State.SUGGESTED],
        default=ClaimLink.State.CONFIRMED,
        required=False,
    )


class LinkStateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[ClaimLink.State.CONFIRMED, ClaimLink.State.REJECTED])
    seen_state = serializers.ChoiceField(
        choices=ClaimLink.State.choices,
        help_text="The link's state as you last read it; 409 `stale_link` if it changed since",
    )


class EventSerializer(serializers.ModelSerializer):
    actor = UserBriefSerializer(read_only=True, allow_null=True, help_text="Empty for the system (extraction)")
    actor_name = serializers.SerializerMethodField(help_text='Who made the change: a username, or "extractor"')
    before = serializers.DictField(read_only=True)
    after = serializers.DictField(read_only=True)

    class Meta:
        model = ClaimEvent
        fields = ["id", "kind", "actor", "actor_name", "before", "after", "version", "at"]
        read_only_fields = fields

    def get_actor_name(self, event: ClaimEvent) -> str:
        return actor_name(event)
