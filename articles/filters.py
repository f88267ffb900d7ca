"""Filters of GET /api/v1/articles/, and the arrival window the review pages filter on."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone

from .ingest import url_key
from .models import Article, Outlet

# When the copy came in (Article.ingested_at), in the desk's time zone (TIME_ZONE).
ARRIVED_CHOICES = [("today", "today"), ("24h", "last 24 hours"), ("week", "this week")]


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def arrived_since(preset: str, *, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """The start of a preset window: today since midnight, the last 24 hours, this week since Monday."""
    now = timezone.localtime(now)
    if preset == "today":
        return _midnight(now.date())
    if preset == "24h":
        return now - datetime.timedelta(hours=24)
    if preset == "week":
        return _midnight(now.date() - datetime.timedelta(days=now.weekday()))
    return None


def arrived_q(field: str, *, preset: str = "", after: datetime.date | None = None, before=None) -> Q:
    """Rows whose `field` (an ingestion time) falls in the window; `after` and `before` are inclusive days."""
    q = Q()
    since = arrived_since(preset)
    if since is not None:
        q &= Q(**{f"{field}__gte": since})
    if after is not None:
        q &= Q(**{f"{field}__gte": _midnight(after)})
    if before is not None:
        q &= Q(**{f"{field}__lt": _midnight(before + datetime.timedelta(days=1))})
    return q


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.all(), help_text="Outlet id")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after this date"
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before this date"
    )
    extraction_status = django_filters.ChoiceFilter(choices=Article.ExtractionStatus.choices)
    url = django_filters.CharFilter(
        method="filter_url",
        help_text="The article with this URL, compared as dedupe does (scheme, www., trailing slash, utm_* aside)",
    )

    class Meta:
        model = Article
        fields = ["outlet", "published_after", "published_before", "extraction_status", "url"]

    def filter_url(self, queryset, name, value):
        key = url_key(value)
        return queryset.filter(url_key=key) if key else queryset.none()
