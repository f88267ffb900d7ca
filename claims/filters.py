"""Claim filters shared by the review queue and the API, so both answer the same question alike."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Exists, Expression, F, Func, OuterRef, Q, QuerySet, Subquery, TextField
from django.db.models.functions import Cast, Upper

from articles.filters import ARRIVED_CHOICES, arrived_q
from articles.models import Article, Outlet

from .extraction.numbers import find_quantities, parse_number
from .linking.rules import PLACE_ALIASES, unit_spellings
from .models import OPEN_STATUSES, Claim, Kind, Qualifier, Status

# The documents a text search reads (PostgreSQL): an article's headline, through the GIN index of
# migration articles.0003 on this expression, and a claim's columns search_document (its sentence and
# label) and place_words (the words of its places), stored and indexed by migration claims.0011.
SEARCH_CONFIG = "english"
TITLE_VECTOR = SearchVector("title", config=SEARCH_CONFIG)


class _StoredVector(Expression):
    """A tsvector column the database keeps (generated, not mapped by Django), of whichever alias the
    query gives the claims table."""

    output_field = SearchVectorField()

    def __init__(self, column: str):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


_NUMBER_TOKEN = re.compile(r"(?<![\w.])\d[\d,.\u00a0\u202f]*(?![\w])")


def number_phrases(text: str) -> tuple[list[tuple[Decimal, str]], str]:
    """The numbers a search names ("2000", "2,000", "2 thousand", "two thousand") with their words, and
    the rest of the text. A search that is one number phrase is that number."""
    whole = parse_number(text)
    if whole is not None:
        return [(whole, text)], ""
    found, rest, cursor = [], [], 0
    spans = [(q.start, q.end, q.value) for q in find_quantities(text) if q.value is not None]
    spans += [(m.start(), m.end(), parse_number(m.group())) for m in _NUMBER_TOKEN.finditer(text)]
    for start, end, value in sorted(spans, key=lambda span: (span[0], -span[1])):  # the longest phrase first
        if start < cursor or value is None:
            continue
        found.append((value, text[start:end]))
        rest.append(text[cursor:start])
        cursor = end
    rest.append(text[cursor:])
    return found, " ".join(part.strip() for part in rest if part.strip())


def _words_match(words: str) -> Q:
    """Claims whose sentence or label has the words, or whose article's headline has them."""
    if connection.vendor == "postgresql":
        query = SearchQuery(words, config=SEARCH_CONFIG, search_type="websearch")
        titled = Article.objects.alias(_document=TITLE_VECTOR).filter(_document=query).order_by().values("pk")
        # article_id = ANY(ARRAY(…)), not IN (…): an indexable arm, so PostgreSQL ORs the two index scans
        # instead of reading every claim.
        return Q(_document=query) | Q(_AnyOf(F("article_id"), Subquery(titled)))  # _document: see search_claims
    return (
        Q(sentence__icontains=words)
        | Q(label__icontains=words)
        | Q(quote__icontains=words)
        | Q(article__title__icontains=words)
    )


class _AnyOf(Func):
    """`field = ANY(ARRAY(subquery))` (PostgreSQL)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        field, subquery = self.get_source_expressions()
        field_sql, field_params = compiler.compile(field)
        subquery_sql, subquery_params = compiler.compile(subquery)  # "(SELECT …)"
        return f"{field_sql} = ANY(ARRAY{subquery_sql})", (*field_params, *subquery_params)


def _figure_is(value: Decimal) -> Q:
    """The claim states this figure, or a range that ends at it (a range has no single figure)."""
    return Q(value=value) | Q(value__isnull=True, value_low=value) | Q(value__isnull=True, value_high=value)


def search_claims(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """Claims matching every part of `text`: a number by the claim's figure (or a range's ends) or by its
    words; the other words in the sentence, the label or the article's headline. Full-text search on
    PostgreSQL, each part through an index; a plain substring match elsewhere (SQLite)."""
    text = text.strip()
    if not text:
        return queryset
    numbers, words = number_phrases(text)
    if connection.vendor == "postgresql":
        queryset = queryset.alias(_document=_StoredVector("search_document"))
    for value, phrase in numbers:
        # A bare number may also be a word of the text ("in 2000"); "2,100" or "two thousand" is a figure.
        by_words = _words_match(phrase) if phrase.isdigit() else Q()
        queryset = queryset.filter(_figure_is(value) | by_words)
    if words:
        queryset = queryset.filter(_words_match(words))
    return queryset


def place_spellings(place: str) -> set[str]:
    """The names a place goes by, lower-cased: as typed, without "the" or a possessive, and its aliases
    ("UK", "Britain", "United Kingdom")."""
    name = re.sub(r"^the\s+|['’]s?$", "", place.strip().casefold().replace("’", "'"))
    key = PLACE_ALIASES.get(name, name)
    return {name, key} | {alias for alias, target in PLACE_ALIASES.items() if target == key}


def with_place(queryset: QuerySet[Claim], place: str) -> QuerySet[Claim]:
    """Claims naming the place in any form: any case, possessive, alias, or as a word of a longer place
    ("Bruzgi" finds "Bruzgi border crossing"). Full-text words of the places on PostgreSQL (indexed)."""
    if not place.strip():
        return queryset
    spellings = sorted(place_spellings(place))
    if connection.vendor == "postgresql":
        query = SearchQuery(spellings[0], config="simple", search_type="phrase")
        for name in spellings[1:]:
            query |= SearchQuery(name, config="simple", search_type="phrase")
        return queryset.alias(_places=_StoredVector("place_words")).filter(_places=query)
    names = "|".join(re.escape(name) for name in spellings)
    pattern = rf"(^|\W)({names})(\W|$)"
    return queryset.alias(_places=Cast("places", TextField())).filter(_places__iregex=pattern)


def with_unit(queryset: QuerySet[Claim], unit: str) -> QuerySet[Claim]:
    """Claims whose unit is any form of the word or of its synonyms ("refugees" finds "migrant")."""
    spellings = unit_spellings(unit)
    if not spellings:
        return queryset
    # UPPER(unit) is indexed (claim_unit_upper_idx).
    return queryset.alias(_unit=Upper("unit")).filter(_unit__in=sorted(word.upper() for word in spellings))


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 time, compared in UTC: ISO allows offsets PostgreSQL refuses ("-20:20" made a 500)."""

    def filter(self, qs, value):
        return super().filter(qs, value.astimezone(datetime.UTC) if value is not None else value)


class ClaimFilter(django_filters.FilterSet):
    """Filters of the queue page and of GET /api/v1/claims/; `user` resolves assignee=mine."""

    # No DISTINCT: status is a column of the claim, so no join can repeat a row (and DISTINCT over
    # every selected column made the API list query sort each page).
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, distinct=False)
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all())
    outlet = django_filters.ModelChoiceFilter(field_name="article__outlet", queryset=Outlet.objects.all())
    assignee = django_filters.CharFilter(method="filter_assignee", label="Assignee (id, username, mine, unassigned)")
    article_title = django_filters.CharFilter(
        field_name="article__title", lookup_expr="icontains", label="Article headline (words)"
    )
    unit = django_filters.CharFilter(method="filter_unit", label="Unit, in any form or a synonym")
    kind = django_filters.ChoiceFilter(choices=Kind.choices)
    qualifier = django_filters.ChoiceFilter(choices=Qualifier.choices)
    place = django_filters.CharFilter(method="filter_place")
    value_min = django_filters.NumberFilter(method="filter_value_min", label="Interval reaches at least")
    value_max = django_filters.NumberFilter(method="filter_value_max", label="Interval reaches at most")
    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gt",
        help_text="Claims changed strictly after this ISO date-time (exclusive: send the last `updated_at` you saw)",
    )
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

    def filter_unit(self, queryset, name, value):
        return with_unit(queryset, value)

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
