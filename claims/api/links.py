"""/api/v1/links/: links across claims in one list, so a tool reviewing suggestions needs one call, not
one per claim. Read only: a tool confirms or rejects a link at /api/v1/claims/{id}/links/{link}/."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from articles.api import NewestFirst

from ..filters import UtcDateTimeFilter
from ..models import ClaimLink
from .serializers import ClaimRefSerializer, UserBriefSerializer
from .views import READ, error_responses


class LinkFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=ClaimLink.State.choices, help_text="Only links in this state")
    relation = django_filters.ChoiceFilter(choices=ClaimLink.Relation.choices, help_text="Only this relation")
    updated_since = UtcDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Only links created or changed at or after this time"
    )
    claim = django_filters.NumberFilter(
        method="filter_claim",
        help_text="Only links from or to this claim",
        min_value=1,
        max_value=2**63 - 1,
        decimal_places=0,
    )
    min_score = django_filters.NumberFilter(
        field_name="score", lookup_expr="gte", help_text="Only this score or more (0–1)", min_value=0, max_value=1
    )

    class Meta:
        model = ClaimLink
        fields = ["state", "relation", "updated_since", "claim", "min_score"]

    def filter_claim(self, queryset, name, value):
        return queryset.filter(Q(from_claim_id=int(value)) | Q(to_claim_id=int(value)))


class LinkListSerializer(serializers.ModelSerializer):
    from_claim = ClaimRefSerializer(read_only=True, help_text="For `updates`: the newer claim")
    to_claim = ClaimRefSerializer(read_only=True, help_text="For `updates`: the older claim it updates")
    created_by = UserBriefSerializer(read_only=True, allow_null=True, help_text="Empty for the linker's suggestions")

    class Meta:
        model = ClaimLink
        fields = [
            "id",
            "from_claim",
            "to_claim",
            "relation",
            "state",
            "score",
            "reasons",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary="List links across claims (the linker's suggestions among them), newest first",
        description=(
            "Every link between two claims, with both claims (id, label, quote, status, article). Filter "
            "with `state=suggested` for the suggestions left to review, `relation` (same, updates, "
            "contradicts, supports), `updated_since` for what changed since the last run, `claim` for one "
            "claim's links, `min_score`. An `updates` link runs from the newer claim to the older. "
            "Cursor-paginated by id, newest first (`page_size` up to 200, default 50). Decide a suggestion "
            "with PATCH /api/v1/claims/{id}/links/{link}/."
        ),
        responses={200: LinkListSerializer(many=True), **error_responses(400, 403)},
    ),
)
class AllLinksViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    read_permissions = READ  # and no write_permissions: read only
    serializer_class = LinkListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = LinkFilter
    pagination_class = NewestFirst
    queryset = ClaimLink.objects.select_related("from_claim", "to_claim", "created_by")
