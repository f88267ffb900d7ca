"""Articles as the API shows them, and the shape of an article a tool pushes (validation only)."""

from django.core.validators import URLValidator
from rest_framework import serializers

from factdesk.api.fields import StrictCharField

from .ingest import parse_published
from .models import Article, Outlet


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class ArticleSummarySerializer(serializers.ModelSerializer):
    """A list row: everything but the body."""

    outlet = OutletSerializer(read_only=True, allow_null=True)
    url = StrictCharField(read_only=True, help_text="The article's URL; empty when it came without one")
    claim_count = serializers.IntegerField(read_only=True, help_text="Claims extracted from it")

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "published",
            "published_precision",
            "language",
            "declared_language",
            "language_mismatch",
            "outlet",
            "ingested_at",
            "extraction_status",
            "extraction_error",
            "extractor_version",
            "extracted_at",
            "claim_count",
        ]
        read_only_fields = fields


class ArticleSerializer(ArticleSummarySerializer):
    class Meta(ArticleSummarySerializer.Meta):
        fields = [*ArticleSummarySerializer.Meta.fields, "body"]
        read_only_fields = fields


class ArticleInputSerializer(serializers.Serializer):
    """What `articles.ingest.parse_json_object` reads; checked here so each field gets its message."""

    title = StrictCharField(
        max_length=500, required=False, allow_blank=True, help_text="Without one, the body's first line"
    )
    body = StrictCharField(
        trim_whitespace=False, help_text="Stored as given (newlines normalised); claim offsets index into it"
    )
    url = StrictCharField(
        required=False, allow_blank=True, max_length=2000, validators=[URLValidator(schemes=["http", "https"])]
    )
    published = StrictCharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="ISO date or date-time (2021-11-21), a month (2021-11) or a year (2021); the precision is kept",
    )
    outlet = StrictCharField(
        required=False, allow_blank=True, max_length=200, help_text="Name; without it, the URL's domain"
    )
    language = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=16,
        help_text="ISO 639-1 code as the source declares it; the text's language is detected, a mismatch recorded",
    )

    def validate_body(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("The body is empty.")
        return value

    def validate_published(self, value: str | None) -> str | None:
        if value:
            try:
                parse_published(value)
            except ValueError:
                raise serializers.ValidationError("Not an ISO date (2021-11-21), month (2021-11) or year.") from None
        return value


class ArticleUpdateSerializer(serializers.Serializer):
    """A correction: at least one of the fields; what is not sent stays as it is."""

    title = StrictCharField(max_length=500, required=False)
    body = StrictCharField(required=False, trim_whitespace=False, help_text="The corrected text; extracted again")
    published = StrictCharField(
        required=False, allow_null=True, help_text="ISO date, month (2021-11) or year (2021); null: undated"
    )
    url = StrictCharField(
        required=False, allow_blank=True, max_length=2000, validators=[URLValidator(schemes=["http", "https"])]
    )

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: ["Not correctable through the API."] for name in unknown})
        if not attrs:
            raise serializers.ValidationError("Send at least one of title, body, published, url.")
        if attrs.get("published"):
            try:
                attrs["published"], attrs["published_precision"] = parse_published(attrs["published"])
            except ValueError:
                raise serializers.ValidationError({"published": ["Not an ISO date, month or year."]}) from None
        return attrs
