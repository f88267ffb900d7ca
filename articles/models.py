from django.db import models
from django.db.models import Q
from django.utils import timezone


class Outlet(models.Model):
    """A publication; found from the article URL's domain."""

    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. ria.ru, without www.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique_when_present"
            ),
            models.UniqueConstraint(fields=["name"], condition=Q(domain=""), name="outlet_name_unique_without_domain"),
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def with_outlet(self) -> "ArticleQuerySet":
        return self.select_related("outlet")

    def extraction_failed(self) -> "ArticleQuerySet":
        return self.filter(extraction_status=Article.ExtractionStatus.FAILED)


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class Article(models.Model):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        UNSUPPORTED = "unsupported", "Language not supported"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    title = models.CharField(max_length=500)
    body = models.TextField(help_text="Stored exactly as ingested; claim offsets index into it.")
    url = models.URLField("URL", max_length=2000, blank=True)
    url_key = models.CharField(
        max_length=2000, blank=True, editable=False, help_text="The URL as dedupe compares it (articles.ingest.url_key)"
    )
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=8,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of `published` the source gave: 2024-12 is kept as 2024-12-01, month",
    )
    language = models.CharField(max_length=16, default="en", help_text="The text's language, as detected")
    declared_language = models.CharField(max_length=16, blank=True, help_text="The language the source declared")
    language_mismatch = models.BooleanField(default=False, help_text="The text is not in the declared language")
    content_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="sha256 of the whitespace-normalised body"
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.TextField(blank=True)
    extraction_status_at = models.DateTimeField(
        default=timezone.now, help_text="When the extraction status last changed (or the article was queued again)"
    )
    extraction_attempts = models.PositiveSmallIntegerField(
        default=0,
        help_text="Extraction runs started since extraction was last asked for; at FACTDESK_EXTRACTION_MAX_ATTEMPTS "
        "the article is marked failed instead of being run again",
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-ingested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["url_key"], condition=~Q(url_key=""), name="article_url_key_unique_when_present"
            ),
            models.CheckConstraint(
                condition=Q(extraction_status__in=["pending", "running", "done", "failed", "unsupported"]),
                name="article_extraction_status_valid",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [
            models.Index(fields=["-published", "-ingested_at"], name="article_recent_idx"),
            models.Index(fields=["outlet", "-published"], name="article_outlet_published_idx"),
            models.Index(fields=["extraction_status"], name="article_extraction_status_idx"),
            # The sweeper and the desk look for pending and running articles by age.
            models.Index(fields=["extraction_status", "extraction_status_at"], name="article_extraction_age_idx"),
            # The day's copy: the review pages list articles as they came in, newest first.
            models.Index(fields=["-ingested_at", "-id"], name="article_arrival_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def published_text(self) -> str | None:
        """The publication date to its precision, in ISO 8601: 2024-12-05, 2024-12 or 2024."""
        if self.published is None:
            return None
        return self.published.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.published_precision]]

    @property
    def published_label(self) -> str:
        """The publication date for people: 5 Dec 2024, Dec 2024, 2024; empty when undated."""
        if self.published is None:
            return ""
        formats = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}
        return self.published.strftime(formats[self.published_precision])
