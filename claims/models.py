from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, Func, OuterRef, Q
from django.db.models.functions import Upper

from articles.models import Article


class Qualifier(models.TextChoices):
    EXACT = "exact", "exact"
    APPROX = "approx", "approximately"
    MORE_THAN = "more_than", "more than"
    LESS_THAN = "less_than", "less than"
    AT_LEAST = "at_least", "at least"
    AT_MOST = "at_most", "at most"
    RANGE = "range", "range"
    VAGUE = "vague", "vague magnitude"


class Kind(models.TextChoices):
    COUNT = "count", "count"
    MONEY = "money", "money"
    PERCENT = "percent", "percent"
    MEASURE = "measure", "measure"
    DURATION = "duration", "duration"
    RATIO = "ratio", "ratio"
    SHARE = "share", "share"
    RATE = "rate", "rate"


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    VERIFIED = "verified", "Verified"
    FALSE = "false", "False"
    MISLEADING = "misleading", "Misleading"
    UNVERIFIABLE = "unverifiable", "Unverifiable"
    NEEDS_CONTEXT = "needs_context", "Needs context"
    DISMISSED = "dismissed", "Dismissed"


VERDICTS = frozenset({Status.VERIFIED, Status.FALSE, Status.MISLEADING, Status.UNVERIFIABLE, Status.NEEDS_CONTEXT})
# What is left to do: the default queue, the desk's and the article page's open counts.
OPEN_STATUSES = frozenset({Status.NEW, Status.IN_REVIEW})


class DismissReason(models.TextChoices):
    """Why a claim left the queue without a verdict: not a claim, or not worth checking."""

    NOT_A_CLAIM = "not_a_claim", "Not a claim"
    BACKGROUND = "background", "Background figure"
    DUPLICATE = "duplicate", "Duplicate in the article"
    OTHER = "other", "Other"


# Where a claim stands in its article's body.
ANCHOR_FIELDS = ("sentence", "sentence_start", "sentence_end", "quote", "quote_start", "quote_end")

# What the published fact check carries (ClaimReview): written by editors only, never extracted.
PUBLICATION_FIELDS = ("factcheck_url", "claim_reviewed")
CLAIM_REVIEWED_SUGGESTED_LENGTH = 75
# The longest note (a claim's note, a verdict's note) the pages and the API accept, in characters.
NOTE_MAX_LENGTH = 10_000

# The structured fields an editor may correct; what the extractor proposed stays in `extracted`.
EDITABLE_FIELDS = (
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "kind",
    "time_text",
    "period_start",
    "period_end",
    "compared_to",
    "compared_period_start",
    "compared_period_end",
    "places",
    "attribution",
    "label",
)

_DECIMAL = {"max_digits": 30, "decimal_places": 10, "null": True, "blank": True}

# A claim's places: a list of names, as the API takes them.
MAX_PLACES, MAX_PLACE_LENGTH = 50, 200


def _what(value: Any) -> str:
    """What a JSON value is, in an editor's words."""
    if isinstance(value, bool) or value is None:
        return json_literal(value)
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "an object ({…})"
    if isinstance(value, list | tuple):
        return "a list"
    return "a string" if isinstance(value, str) else type(value).__name__


def json_literal(value: Any) -> str:
    return {True: "true", False: "false", None: "null"}[value]


def validate_places(value: Any) -> None:
    """A claim's places must be a list of names (non-empty text), at most MAX_PLACES of them."""
    if not isinstance(value, list | tuple):
        raise ValidationError(
            'Places must be a list of names, such as ["Minsk", "Belarus"], not %(what)s.',
            code="invalid_places",
            params={"what": _what(value)},
        )
    if len(value) > MAX_PLACES:
        raise ValidationError(f"At most {MAX_PLACES} places.", code="invalid_places")
    for number, place in enumerate(value, start=1):
        if not isinstance(place, str):
            raise ValidationError(
                "Each place must be a name (text): place %(number)d is %(what)s.",
                code="invalid_places",
                params={"number": number, "what": _what(place)},
            )
        if not place.strip():
            raise ValidationError(f"Place {number} is empty: each place must be a name.", code="invalid_places")
        if len(place) > MAX_PLACE_LENGTH:
            raise ValidationError(
                f"Place {number} is longer than {MAX_PLACE_LENGTH} characters.", code="invalid_places"
            )


def clean_places(places: Iterable[Any]) -> list[str]:
    """The valid names among `places`, stripped, in order: what extraction stores."""
    names = [place.strip() for place in places if isinstance(place, str) and place.strip()]
    return [name for name in names if len(name) <= MAX_PLACE_LENGTH][:MAX_PLACES]


class IsListOfStrings(Func):
    """True where a JSON column holds an array of strings; for the database's own check of `places`.

    PostgreSQL checks the array and each element; SQLite (tests, development) only the array, as a
    CHECK there cannot look inside one. Model validation (validate_places) checks the rest everywhere.
    """

    arity = 1
    output_field = BooleanField()
    conditional = True

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(f"IsListOfStrings supports PostgreSQL and SQLite, not {connection.vendor}")

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        not_a_string = "'$[*] ? (@.type() != \"string\")'"
        return (
            f"(jsonb_typeof({sql}) = 'array' AND NOT jsonb_path_exists({sql}, {not_a_string}))",
            (*params, *params),
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(json_type({sql}) = 'array')", params


def _choices_check(field: str, choices: type[models.TextChoices]) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=f"claim_{field}_valid")


class ClaimQuerySet(models.QuerySet):
    def for_queue(self) -> "ClaimQuerySet":
        """Claims with what a list row shows, in a constant number of queries and without the article's body
        (a list of a long article's claims would otherwise copy its body into every row)."""
        return self.select_related("article__outlet", "assignee").defer("article__body")

    def needing_review(self) -> "ClaimQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def with_contradiction_flag(self) -> "ClaimQuerySet":
        """Annotate `has_contradiction`: an editor confirmed a `contradicts` link on the claim (either side)."""
        confirmed = ClaimLink.objects.filter(relation=ClaimLink.Relation.CONTRADICTS, state=ClaimLink.State.CONFIRMED)
        return self.annotate(
            has_contradiction=ExpressionWrapper(
                Q(Exists(confirmed.filter(from_claim=OuterRef("pk"))))
                | Q(Exists(confirmed.filter(to_claim=OuterRef("pk")))),
                output_field=BooleanField(),
            )
        )


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")

    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField("sentence starts at (character)")
    sentence_end = models.PositiveIntegerField("sentence ends at (character)")
    quote = models.CharField(max_length=500)
    quote_start = models.PositiveIntegerField("quote starts at (character)")
    quote_end = models.PositiveIntegerField("quote ends at (character)")
    value = models.DecimalField(**_DECIMAL)
    value_low = models.DecimalField("low end", **_DECIMAL)
    value_high = models.DecimalField("high end", **_DECIMAL)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    unit = models.CharField(max_length=64, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.COUNT)
    time_text = models.CharField("time, as written", max_length=200, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    compared_to = models.CharField(
        max_length=300, blank=True, help_text='The baseline of a change ("year-on-year", "up from 150 last year")'
    )
    compared_period_start = models.DateField(null=True, blank=True)
    compared_period_end = models.DateField(null=True, blank=True)
    places = models.JSONField(default=list, blank=True, validators=[validate_places])
    attribution = models.CharField(max_length=300, blank=True)
    label = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=0.0)
    score_parts = models.JSONField(
        "why this score",
        default=list,
        blank=True,
        help_text="What the score adds up: [what it says of the claim, how much it adds], on a base of 0.4",
    )

    fingerprint = models.CharField(max_length=64, help_text="Identifies the claim across re-extractions")
    extracted = models.JSONField(
        default=dict, blank=True, help_text="The structured fields as the extractor proposed them"
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    counted = models.JSONField(
        "what is counted",
        default=list,
        blank=True,
        help_text='What a count is of, from the parse ("n:body", "v:recover"): evidence for the linker',
    )
    orphaned = models.BooleanField(default=False, help_text="Its quote is no longer in the article body")

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    verdict_note = models.TextField(blank=True)
    # What the published fact check needs (schema.org ClaimReview): editors fill them with the verdict.
    factcheck_url = models.URLField(
        max_length=2000, blank=True, help_text="The published fact check (ClaimReview url); empty until published"
    )
    claim_reviewed = models.CharField(
        max_length=300, blank=True, help_text="The claim in a short sentence for ClaimReview (75 characters or fewer)"
    )
    dismiss_reason = models.CharField(
        "why dismissed",
        max_length=16,
        choices=DismissReason.choices,
        blank=True,
        help_text="Why it was dismissed, while it is",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_claims"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    edited_by_editor = models.JSONField(
        "fields an editor corrected", default=list, blank=True, help_text="Names of the fields an editor corrected"
    )
    version = models.PositiveIntegerField(default=1)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "-created_at"]
        permissions = [("review_claim", "Can review claims: change status, annotate, link")]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="claim_fingerprint_unique_per_article"),
            models.CheckConstraint(condition=Q(quote_end__gt=F("quote_start")), name="claim_quote_not_empty"),
            models.CheckConstraint(
                condition=Q(sentence_end__gte=F("sentence_start")), name="claim_sentence_offsets_ordered"
            ),
            models.CheckConstraint(
                condition=Q(value_low__isnull=True) | Q(value_high__isnull=True) | Q(value_low__lte=F("value_high")),
                name="claim_interval_ordered",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=F("period_end")),
                name="claim_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(compared_period_start__isnull=True)
                | Q(compared_period_end__isnull=True)
                | Q(compared_period_start__lte=F("compared_period_end")),
                name="claim_compared_period_ordered",
            ),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_in_unit_interval"),
            models.CheckConstraint(condition=Q(version__gte=1), name="claim_version_positive"),
            _choices_check("status", Status),
            models.CheckConstraint(
                condition=Q(dismiss_reason="") | Q(dismiss_reason__in=DismissReason.values, status=Status.DISMISSED),
                name="claim_dismiss_reason_valid",
            ),
            _choices_check("qualifier", Qualifier),
            _choices_check("kind", Kind),
            models.CheckConstraint(
                condition=IsListOfStrings("places"),
                name="claim_places_list_of_names",
                violation_error_message='Places must be a list of names, such as ["Minsk", "Belarus"].',
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score", "-created_at"], name="claim_queue_idx"),
            # The unfiltered review queue: most check-worthy first, then newest, id breaking ties.
            models.Index(fields=["-score", "-created_at", "-id"], name="claim_rank_idx"),
            # The queue's unit filter is case-insensitive (unit__iexact compares UPPER(unit)).
            models.Index(Upper("unit"), "status", name="claim_unit_upper_idx"),
            models.Index(fields=["article", "quote_start"], name="claim_article_order_idx"),
            models.Index(fields=["assignee", "status"], name="claim_assignee_status_idx"),
            models.Index(fields=["unit", "value_low", "value_high"], name="claim_unit_interval_idx"),
            models.Index(fields=["updated_at"], name="claim_updated_idx"),
            # The queue newest first; open counts by article (the desk, the day's copy); the desk's tally
            # by extractor version (read from the index alone); a number search by the claim's figure, or
            # by either end of a range (which has no single figure).
            models.Index(fields=["-created_at", "-id"], name="claim_newest_idx"),
            models.Index(fields=["status", "article"], name="claim_status_article_idx"),
            models.Index(fields=["extractor_version", "status", "dismiss_reason"], name="claim_tally_idx"),
            models.Index(fields=["value"], name="claim_value_idx"),
            models.Index(fields=["value_low"], condition=Q(value__isnull=True), name="claim_range_low_idx"),
            models.Index(fields=["value_high"], condition=Q(value__isnull=True), name="claim_range_high_idx"),
        ]

    def __str__(self) -> str:
        return self.label or self.quote

    @property
    def verdict(self) -> str:
        """The verdict, when the status is one; empty while the claim is open."""
        return self.status if self.status in VERDICTS else ""


class Annotation(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="annotations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations")
    text = models.TextField()
    evidence_url = models.URLField("evidence URL", max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "note"
        ordering = ["created_at"]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="annotation_text_not_empty")]

    def __str__(self) -> str:
        return f"Note by {self.author} on claim {self.claim_id}"


class ClaimLink(models.Model):
    class Relation(models.TextChoices):
        SAME = "same", "same fact"
        CONTRADICTS = "contradicts", "contradicts"
        UPDATES = "updates", "updates"
        SUPPORTS = "supports", "supports"

    class State(models.TextChoices):
        SUGGESTED = "suggested", "suggested"
        CONFIRMED = "confirmed", "confirmed"
        REJECTED = "rejected", "rejected"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_from")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_to")
    relation = models.CharField(max_length=16, choices=Relation.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.SUGGESTED)
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="claim_links"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "link between claims"
        verbose_name_plural = "links between claims"
        ordering = ["-score", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["from_claim", "to_claim", "relation"], name="claimlink_unique_relation"),
            models.CheckConstraint(condition=~Q(from_claim=F("to_claim")), name="claimlink_not_to_itself"),
            models.CheckConstraint(
                condition=Q(relation__in=["same", "contradicts", "updates", "supports"]),
                name="claimlink_relation_valid",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["suggested", "confirmed", "rejected"]), name="claimlink_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["to_claim", "state"], name="claimlink_to_state_idx"),
            models.Index(fields=["from_claim", "state"], name="claimlink_from_state_idx"),
            # The suggestions inbox: suggested links, best first.
            models.Index(fields=["state", "-score", "id"], name="claimlink_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim_id} {self.relation} {self.to_claim_id} ({self.state})"


class ClaimKey(models.Model):
    """Where the link-candidate index files a claim (`claims.linking.rules.blocking_keys`): derived from
    the claim and its article, rebuilt by `claims.linking.index` whenever the linker runs for them."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="link_keys")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120, help_text="d:<dimension> or s:<story entity>:<dimension>")
    magnitude = models.SmallIntegerField(help_text="floor(4·log10 of the representative value)")

    class Meta:
        # The candidate query reads (key, magnitude) newest first and skips the claim's own article
        # from the index alone (an index-only scan on PostgreSQL).
        indexes = [models.Index(fields=["key", "magnitude", "-claim", "article"], name="claimkey_block_idx")]

    def __str__(self) -> str:
        return f"{self.key}@{self.magnitude} → claim {self.claim_id}"


class ArticleStory(models.Model):
    """The names an article's story goes by (`claims.linking.rules.story_entities`), for the linker."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="link_story")
    entities = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"story of article {self.article_id}: {', '.join(self.entities)}"


class AppendOnlyError(Exception):
    """A ClaimEvent was about to be changed or deleted: the history is append-only."""


class ClaimEvent(models.Model):
    class Kind(models.TextChoices):
        STATUS = "status", "status change"
        EDIT = "edit", "field edit"
        ASSIGN = "assign", "assignment"
        ANNOTATE = "annotate", "note added"
        UNANNOTATE = "unannotate", "note removed"
        LINK = "link", "link"
        UNLINK = "unlink", "link removed"
        EXTRACT = "extract", "re-extraction"
        GROUP = "group", "fact group changed"
        ARTICLE = "article", "article corrected"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claim_events",
        help_text="Empty for the system (extraction)",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The claim's version after this change; empty where it did not change it"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "history entry"
        verbose_name_plural = "history"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["claim", "-at"], name="claimevent_claim_at_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id} by {self.actor or 'system'}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("claim events are never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("claim events are never deleted")
