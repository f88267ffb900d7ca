"""Claim filters shared by the review queue and the API, so both answer the same question alike."""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from articles.filters import ARRIVED_CHOICES, arrived_q
from articles.models import Article, Outlet

from .models import OPEN_STATUSES, Claim, Kind, Qualifier, Status

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

    # No DISTINCT: status is a column of the claim, so no join can repeat a row (and DISTINCT over
    # every selected column made the API list query sort each page).
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
    arrived = django_filters.ChoiceFilter(
        choices=ARRIVED_CHOICES, method="filter_arrived", label="Article arrived (today, 24h, week)"
    )
    arrived_after = django_filters.DateFilter(method="filter_arrived", label="Article arrived on or after")
    arrived_before = django_filters.DateFilter(method="filter_arrived", label="Article arrived on or before")
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

    def filter_arrived(self, queryset, name, value):
        return queryset.filter(arrived_q("article__ingested_at", **{_ARRIVAL_ARGUMENT[name]: value}))


_ARRIVAL_ARGUMENT = {"arrived": "preset", "arrived_after": "after", "arrived_before": "before"}

PROGRESS_CHOICES = [("open", "with open claims"), ("done", "every claim decided"), ("none", "no claims")]


class ArticleProgressFilter(django_filters.FilterSet):
    """Filters of the day's copy (/articles/): when it came in, outlet, extraction, review progress."""

    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title")
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.all())
    extraction = django_filters.ChoiceFilter(field_name="extraction_status", choices=Article.ExtractionStatus.choices)
    arrived = django_filters.ChoiceFilter(choices=ARRIVED_CHOICES, method="filter_arrived")
    arrived_after = django_filters.DateFilter(method="filter_arrived")
    arrived_before = django_filters.DateFilter(method="filter_arrived")
    progress = django_filters.ChoiceFilter(choices=PROGRESS_CHOICES, method="filter_progress")

    class Meta:
        model = Article
        fields = ["q", "outlet", "extraction", "arrived", "arrived_after", "arrived_before", "progress"]

    def filter_arrived(self, queryset, name, value):
        return queryset.filter(arrived_q("ingested_at", **{_ARRIVAL_ARGUMENT[name]: value}))

    def filter_progress(self, queryset, name, value):
        claims = Claim.objects.filter(article=OuterRef("pk"))
        open_claims = claims.filter(status__in=OPEN_STATUSES)
        if value == "open":
            return queryset.filter(Exists(open_claims))
        if value == "done":
            return queryset.filter(Exists(claims)).exclude(Exists(open_claims))
        return queryset.exclude(Exists(claims))
