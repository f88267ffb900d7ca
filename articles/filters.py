"""Filters of GET /api/v1/articles/."""

import django_filters

from .models import Article, Outlet


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.all(), help_text="Outlet id")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after this date"
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before this date"
    )
    extraction_status = django_filters.ChoiceFilter(choices=Article.ExtractionStatus.choices)

    class Meta:
        model = Article
        fields = ["outlet", "published_after", "published_before", "extraction_status"]
