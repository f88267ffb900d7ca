"""Claim filters shared by the review queue and the API, so both answer the same question alike."""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

from articles.models import Article, Outlet

from .models import Claim, Kind, Qualifier, Status

# The document a text search reads; the GIN index of migration claims.0003 is on this expression.
SEARCH_CONFIG = "english"
SEARCH_VECTOR = SearchVector("sentence", "label", config=SEARCH_CONFIG)


def search_claims(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """Full-text search on PostgreSQL; a plain substring match elsewhere (SQLite)."""
    text = text.strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.annotate(_document=SEARCH_VECTOR).filter(_document=query)
    return queryset.filter(Q(sentence__icontains=text) | Q(label__icontains=text) | Q(quote__icontains=text))


def with_place(queryset: QuerySet[Claim], place: str) -> QuerySet[Claim]:
    place = place.strip()
    if not place:
        return queryset
    if connection.vendor == "postgresql":
        return queryset.filter(places__contains=[place])
    return queryset.filter(places__icontains=f'"{place}"')  # SQLite has no JSON containment


class ClaimFilter(django_filters.FilterSet):
    """Filters of the queue page and of GET /api/v1/claims/; `user` resolves assignee=mine."""

    # A column of the claim itself, never a join: no DISTINCT, which made PostgreSQL sort whole rows.
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, distinct=False)
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all())
    outlet = django_filters.ModelChoiceFilter(field_name="article__outlet", queryset=Outlet.objects.all())
    assignee = django_filters.CharFilter(method="filter_assignee", label="Assignee (id, username, mine, unassigned)")
    unit = django_filters.CharFilter(field_name="unit", lookup_expr="iexact")
    kind = django_filters.ChoiceFilter(choices=Kind.choices)
    qualifier = django_filters.ChoiceFilter(choices=Qualifier.choices)
    place = django_filters.CharFilter(method="filter_place")
    value_min = django_filters.NumberFilter(method="filter_value_min", label="Interval reaches at least")
    value_max = django_filters.NumberFilter(method="filter_value_max", label="Interval reaches at most")
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    q = django_filters.CharFilter(method="filter_text", label="Search")

    class Meta:
        model = Claim
        fields = ["status", "article", "outlet", "assignee", "unit", "kind", "qualifier", "place"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_assignee(self, queryset, name, value):
        value = value.strip()
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True)
        if value == "mine":
            if self.user is None or not self.user.is_authenticated:
                return queryset.none()
            return queryset.filter(assignee=self.user)
        if value.isdigit():
            return queryset.filter(assignee_id=int(value))
        user = get_user_model().objects.filter(username=value).first()
        return queryset.filter(assignee=user) if user else queryset.none()

    def filter_place(self, queryset, name, value):
        return with_place(queryset, value)

    def filter_value_min(self, queryset, name, value):
        # The claim's interval must reach `value`: an open upper end reaches everything.
        return queryset.filter(Q(value_high__gte=value) | Q(value_high__isnull=True, value_low__isnull=False))

    def filter_value_max(self, queryset, name, value):
        return queryset.filter(Q(value_low__lte=value) | Q(value_low__isnull=True, value_high__isnull=False))

    def filter_text(self, queryset, name, value):
        return search_claims(queryset, value)
