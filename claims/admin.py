"""Admin for claims: every change goes through claims.workflow, so admin edits leave events too.

The admin keeps the desk's rules: a write needs claims.review_claim (the Editors group), as on the pages
and in the API, and every action declares the permission it needs, so a Viewer with staff status sees
only read-only pages. A refusal of the workflow comes back as the form's error (articles.admin.RefusalsShown).
"""

import json

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from articles.admin import ArticleAdmin, RefusalsShown
from articles.ingest import delete_article
from articles.models import Article

from . import events, lifecycle, queries, workflow
from .models import (
    ANCHOR_FIELDS,
    EDITABLE_FIELDS,
    PUBLICATION_FIELDS,
    Annotation,
    Claim,
    ClaimEvent,
    ClaimLink,
    DismissReason,
    Status,
    validate_places,
)
from .readable import ReadableDecimalField, readable_number

# Above this many claims an article's page links to its claims instead of listing them inline.
INLINE_CLAIMS = 200

# Who may change claims, notes and links: the pages and the API ask for it too (the Editors group).
REVIEW = "claims.review_claim"
# Who may have an article extracted again: whoever may correct it (the Editors group).
EXTRACT = "articles.change_article"


class EditorsWrite(RefusalsShown):
    """A write needs the model's permission and claims.review_claim; actions declare `review` or `extract`."""

    def has_review_permission(self, request) -> bool:
        return request.user.has_perm(REVIEW)

    def has_extract_permission(self, request) -> bool:
        return request.user.has_perm(EXTRACT)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self.has_review_permission(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.has_review_permission(request)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.has_review_permission(request)


@admin.display(description="value", ordering="value")
def shown_value(claim: Claim) -> str:
    """ "8,000", not "8000.0000000000"."""
    return readable_number(claim.value)


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["quote", shown_value, "unit", "qualifier", "status", "score"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False
    ordering = ["quote_start"]

    def has_add_permission(self, request, obj=None):
        return False  # claims come from extraction


class AnnotationInline(admin.TabularInline):
    model = Annotation
    fields = ["author", "text", "evidence_url", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # notes are added on the claim page or the API, which record an event


class LinkFromInline(admin.TabularInline):
    model = ClaimLink
    fk_name = "from_claim"
    fields = ["to_claim", "relation", "state", "score", "reasons", "created_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "link to another claim"
    verbose_name_plural = "links to other claims"

    def has_add_permission(self, request, obj=None):
        return False


class LinkToInline(LinkFromInline):
    fk_name = "to_claim"
    fields = ["from_claim", "relation", "state", "score", "reasons", "created_by"]
    readonly_fields = fields
    verbose_name = "link from another claim"
    verbose_name_plural = "links from other claims"


class ClaimEventInline(admin.TabularInline):
    model = ClaimEvent
    verbose_name_plural = "history"
    fields = ["at", "actor_display", "kind", "before", "after"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-at", "-id"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="actor")
    def actor_display(self, event: ClaimEvent) -> str:
        return events.actor_name(event)


def _transition_action(to: str, *, reason: str = "", description: str = "", done: str = "", name: str = ""):
    """An admin action moving each selected claim through the workflow; each refusal is reported."""
    description = description or f"Mark selected claims: {Status(to).label}"
    done = done or f"marked {Status(to).label.lower()}"

    @admin.action(description=description, permissions=["review"])
    def action(modeladmin, request, queryset):
        changed, refused = 0, []
        for claim in queryset:
            try:
                workflow.transition(claim, to=to, editor=request.user, version=claim.version, reason=reason)
                changed += 1
            except workflow.WorkflowError as exc:
                refused.append(f"claim {claim.pk}: {exc}")
        if changed:
            modeladmin.message_user(request, f"{changed} claim(s) {done}.", messages.SUCCESS)
        for text in refused:
            modeladmin.message_user(request, text, messages.ERROR)

    action.__name__ = name or f"mark_{to}"
    return action


def _dismiss_action(reason: str):
    label = DismissReason(reason).label.lower()
    return _transition_action(
        Status.DISMISSED,
        reason=reason,
        description=f"Dismiss selected claims: {label}",
        done=f"dismissed ({label})",
        name=f"dismiss_{reason}",
    )


def _schedule_extraction(modeladmin, request, article_ids) -> None:
    ids = sorted(set(article_ids))
    for article_id in ids:
        # Asked for afresh (attempts from zero); a broker that is down leaves it pending for the sweeper.
        transaction.on_commit(lambda article_id=article_id: lifecycle.retry(article_id))
    modeladmin.message_user(request, f"Extraction scheduled for {len(ids)} article(s).", messages.SUCCESS)


@admin.action(description="Re-run extraction on the selected claims' articles", permissions=["extract"])
def rerun_extraction(modeladmin, request, queryset):
    _schedule_extraction(modeladmin, request, queryset.values_list("article_id", flat=True))


class PlacesListField(forms.Field):
    """Places as a list: one place a line (or separated by commas), not a JSON box.

    JSON pasted in is read as JSON and must be a list of names: `5`, `{"a": 1}` or `[1, 2]` are refused
    with the model's message (claims.models.validate_places), never stored as names.
    """

    widget = forms.Textarea(attrs={"rows": 3, "cols": 40})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(place) for place in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        text = str(value or "").strip()
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text  # lines of names
        if not isinstance(parsed, str):
            return parsed  # JSON: validated as it is
        lines = parsed.replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]

    def validate(self, value):
        validate_places(value)  # null and {} too, which validators skip as empty


_DECIMAL = {"required": False, "max_digits": 30, "decimal_places": 10}


class ClaimAdminForm(forms.ModelForm):
    # The version the editor loaded travels with the form, so a stale save is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)
    value = ReadableDecimalField(**_DECIMAL)
    value_low = ReadableDecimalField(label="Low end", **_DECIMAL)
    value_high = ReadableDecimalField(label="High end", **_DECIMAL)
    places = PlacesListField(required=False, help_text="One place a line (or separated by commas).")

    class Meta:
        model = Claim
        fields = [*EDITABLE_FIELDS, *PUBLICATION_FIELDS, "assignee"]


@admin.register(Claim)
class ClaimAdmin(EditorsWrite):
    form = ClaimAdminForm
    list_display = ["label", "quote", shown_value, "unit", "qualifier", "status", "assignee", "article", "score"]
    list_filter = ["status", "qualifier", "kind", "orphaned", "article__outlet"]
    list_select_related = ["article", "assignee"]
    search_fields = ["quote", "sentence", "label", "unit", "article__title"]
    autocomplete_fields = ["article"]
    readonly_fields = [
        "article",
        *ANCHOR_FIELDS,
        "fingerprint",
        "extracted",
        "extractor_version",
        "orphaned",
        "status",
        "verdict_note",
        "dismiss_reason",
        "reviewed_by",
        "reviewed_at",
        "edited_by_editor",
        "score",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", "sentence", "quote", "label", "score", "version"]}),
        ("Structured fields (editable)", {"fields": list(EDITABLE_FIELDS[:-1])}),
        (
            "Review",
            {
                "fields": [
                    "status",
                    "dismiss_reason",
                    "assignee",
                    "verdict_note",
                    "reviewed_by",
                    "reviewed_at",
                    *PUBLICATION_FIELDS,
                ]
            },
        ),
        (
            "Extraction",
            {
                "classes": ["collapse"],
                "fields": [
                    "sentence_start",
                    "sentence_end",
                    "quote_start",
                    "quote_end",
                    "fingerprint",
                    "extracted",
                    "extractor_version",
                    "orphaned",
                    "edited_by_editor",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    inlines = [AnnotationInline, LinkFromInline, LinkToInline, ClaimEventInline]
    actions = [
        *(_transition_action(s) for s in (Status.IN_REVIEW, Status.VERIFIED, Status.UNVERIFIABLE)),
        *(_dismiss_action(reason) for reason in DismissReason.values),
        _transition_action(
            Status.NEW, description="Restore dismissed claims to the queue", done="restored", name="restore"
        ),
        rerun_extraction,
    ]

    def has_add_permission(self, request):
        return False  # claims come from extraction

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body")  # never a copy of the text per row

    def get_deleted_objects(self, objs, request):
        # A claim's notes, links and history go with it, and the feed records its deletion
        # (workflow.delete_claims): deleting the claim is the one permission asked for.
        deleted, counts, _, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def delete_model(self, request, obj):
        workflow.delete_claims([obj.pk], actor=request.user)

    def delete_queryset(self, request, queryset):
        workflow.delete_claims(queryset.values_list("pk", flat=True), actor=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = queries.reviewers()  # as on the claim page: claims go to editors only
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        """The form's instance holds the new values; the workflow writes them against the version the editor
        loaded, each with its event. A refusal (stale, a rule) raises: nothing is saved and the form shows why."""
        claim = Claim.objects.get(pk=obj.pk)
        editable = set(EDITABLE_FIELDS) | set(PUBLICATION_FIELDS)
        changes = {name: getattr(obj, name) for name in form.changed_data if name in editable}
        version = form.cleaned_data["version"]
        if changes:
            workflow.edit_fields(claim, changes=changes, editor=request.user, version=version)
            version = claim.version  # this save's own edit is no reason to refuse its assignment
        if "assignee" in form.changed_data:
            workflow.assign(claim, assignee=obj.assignee, editor=request.user, version=version)


@admin.register(Annotation)
class AnnotationAdmin(EditorsWrite):
    list_display = ["claim", "author", "text", "evidence_url", "created_at"]
    list_filter = ["created_at"]
    list_select_related = ["claim", "author"]
    search_fields = ["text", "evidence_url", "claim__quote"]
    autocomplete_fields = ["claim"]
    fields = ["claim", "text", "evidence_url"]

    def has_change_permission(self, request, obj=None):
        return False  # a note is removed and rewritten, so the history shows both

    def has_delete_permission(self, request, obj=None):
        # Only its author removes a note, as on the claim page and in the API.
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.author_id == request.user.pk)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        others = sum(1 for note in objs if note.author_id != request.user.pk)
        if others:
            perms_needed = {*perms_needed, f"{others} note(s) of another editor: only its author removes a note"}
        return deleted, counts, perms_needed, protected

    def save_model(self, request, obj, form, change):
        note = workflow.annotate(obj.claim, text=obj.text, editor=request.user, evidence_url=obj.evidence_url)
        obj.pk, obj.author, obj.text, obj.created_at = note.pk, note.author, note.text, note.created_at
        obj._state.adding = False

    def delete_model(self, request, obj):
        workflow.remove_annotation(obj, editor=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for note in queryset.select_related("claim"):
                workflow.remove_annotation(note, editor=request.user)


class ClaimLinkAdminForm(forms.ModelForm):
    # The state the editor saw travels with the form, so a decision that landed meanwhile is not overruled.
    seen_state = forms.ChoiceField(choices=ClaimLink.State.choices, widget=forms.HiddenInput, required=False)

    class Meta:
        model = ClaimLink
        fields = ["from_claim", "to_claim", "relation", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_state"].initial = self.instance.state
            self.fields["seen_state"].required = True


@admin.register(ClaimLink)
class ClaimLinkAdmin(EditorsWrite):
    form = ClaimLinkAdminForm
    list_display = ["from_claim", "relation", "to_claim", "state", "score", "created_by", "created_at"]
    list_filter = ["relation", "state"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__quote", "to_claim__quote"]
    autocomplete_fields = ["from_claim", "to_claim"]
    readonly_fields = ["score", "reasons", "created_by", "created_at", "updated_at"]
    actions = ["confirm", "reject"]

    def get_readonly_fields(self, request, obj=None):
        # A link is its two claims and its relation: to change them, remove it and link the claims anew.
        if obj is None:
            return self.readonly_fields
        return ["from_claim", "relation", "to_claim", *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        """Through the workflow: a decision against the state the editor saw, a new link with its events."""
        if change:
            seen = form.cleaned_data["seen_state"]
            if obj.state != seen:
                workflow.set_link_state(obj, state=obj.state, editor=request.user, seen_state=seen)
            return
        made = workflow.link(obj.from_claim, obj.to_claim, relation=obj.relation, editor=request.user, state=obj.state)
        obj.pk, obj.created_by, obj.score, obj.reasons = made.pk, made.created_by, made.score, made.reasons
        obj.created_at, obj.updated_at = made.created_at, made.updated_at
        obj._state.adding = False

    def delete_model(self, request, obj):
        workflow.unlink(obj, editor=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for claim_link in queryset:
                workflow.unlink(claim_link, editor=request.user)

    def _decide(self, request, queryset, state: str) -> None:
        """Decide suggestions through the workflow (events on both claims), each outcome reported.

        Only suggestions: a link an editor already decided is changed on its own page, knowingly.
        """
        for claim_link in queryset.order_by("pk"):
            if claim_link.state == state:
                self.message_user(request, f"Link {claim_link}: already {state}, left as it was.", messages.WARNING)
                continue
            try:
                workflow.set_link_state(
                    claim_link, state=state, editor=request.user, seen_state=ClaimLink.State.SUGGESTED
                )
            except workflow.WorkflowError as exc:
                self.message_user(request, f"Link {claim_link}: {exc}", messages.ERROR)
                continue
            self.message_user(request, f"Link {claim_link}.", messages.SUCCESS)

    @admin.action(description="Confirm the selected links", permissions=["review"])
    def confirm(self, request, queryset):
        self._decide(request, queryset, ClaimLink.State.CONFIRMED)

    @admin.action(description="Reject the selected links", permissions=["review"])
    def reject(self, request, queryset):
        self._decide(request, queryset, ClaimLink.State.REJECTED)


@admin.register(ClaimEvent)
class ClaimEventAdmin(RefusalsShown):
    """The history is append-only: visible, never changed or deleted here."""

    list_display = ["at", "claim", "actor_display", "kind"]
    list_filter = ["kind", "at"]
    list_select_related = ["claim", "actor"]
    search_fields = ["claim__quote", "actor__username"]
    readonly_fields = ["claim", "actor_display", "kind", "version", "before", "after", "at"]
    fields = readonly_fields

    @admin.display(description="actor", ordering="actor")
    def actor_display(self, event: ClaimEvent) -> str:
        return events.actor_name(event)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ArticleWithClaimsAdmin(ArticleAdmin):
    """The articles app's admin, with what the claims layer adds: the claims inline and re-extraction."""

    inlines = [ClaimInline]
    actions = [*ArticleAdmin.actions, "rerun_extraction"]
    readonly_fields = [*ArticleAdmin.readonly_fields, "claims_link"]

    @admin.display(description="claims")
    def claims_link(self, article: Article) -> str:
        if article.pk is None:
            return "-"
        url = reverse("admin:claims_claim_changelist") + f"?article__id__exact={article.pk}"
        return format_html('<a href="{}">{} claim(s) in the list of claims</a>', url, article.claim_count)

    def get_inlines(self, request, obj):
        # An article with thousands of claims would make a page of thousands of rows: link to the list instead.
        if obj is None or obj.claims.count() > INLINE_CLAIMS:
            return []
        return self.inlines

    def has_extract_permission(self, request) -> bool:
        return request.user.has_perm(EXTRACT)

    @admin.action(description="Re-run extraction on the selected articles", permissions=["extract"])
    def rerun_extraction(self, request, queryset):
        _schedule_extraction(self, request, queryset.values_list("pk", flat=True))

    def get_deleted_objects(self, objs, request):
        # Its claims (their notes, links and history) go with the article, each recorded in the feed:
        # deleting the article is the one permission asked for.
        deleted, counts, _, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def delete_model(self, request, obj):
        # Each claim's deletion is a change of its own in the feed, then the article's.
        with transaction.atomic():
            workflow.delete_claims(obj.claims.values_list("pk", flat=True), actor=request.user)
            delete_article(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            self.delete_model(request, article)


admin.site.unregister(Article)
admin.site.register(Article, ArticleWithClaimsAdmin)
