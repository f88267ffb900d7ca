"""Admin for outlets and articles, and what every admin of the desk shares: a refusal shown on the form."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse

from factdesk.admin_actions import OfferedActionsOnly
from factdesk.errors import DomainError

from .ingest import (
    CORRECTABLE,
    ArticleInput,
    IngestError,
    check_correction,
    ingest_article,
    normalise_newlines,
    preflight,
    update_article,
)
from .models import Article, Outlet

# What a service refuses with: nothing changed, and the editor is told why.
REFUSALS = (DomainError, IngestError)


def _showing(form_class: type[forms.BaseForm], refusal: Exception) -> type[forms.BaseForm]:
    """`form_class` whose validation ends with `refusal`, on its field if it names one of the form."""

    class Refused(form_class):
        def clean(self):
            data = super().clean()
            field = getattr(refusal, "field", None)
            self.add_error(field if field in self.fields else None, str(refusal))
            return data

    Refused.__name__ = form_class.__name__
    return Refused


class RefusalsShown(OfferedActionsOnly):
    """Writes go through the services (claims.workflow, articles.ingest) in save_form/save_model/delete_model.

    When a service refuses (a stale version, a rule), the admin's transaction is rolled back (its log
    entry with it) and the form comes back with the refusal as its error: never "changed successfully"
    after a refusal. A refused deletion goes back to the object's page with the refusal as an error.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except REFUSALS as refusal:
            if request.method != "POST":
                raise
            request.admin_refusal = refusal  # the form of the second pass shows it; nothing is saved
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "admin_refusal", None)
        return form if refusal is None else _showing(form, refusal)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except REFUSALS as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            opts = self.opts
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id]))


@admin.register(Outlet)
class OutletAdmin(RefusalsShown):
    list_display = ["name", "domain", "article_count", "created_at"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, outlet):
        return outlet.article_count


@admin.register(Article)
class ArticleAdmin(RefusalsShown):
    list_display = ["title", "outlet", "published", "extraction_status", "claim_count", "ingested_at"]
    list_filter = ["extraction_status", "outlet", "language", "published"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    readonly_fields = [
        "content_hash",
        "ingested_at",
        "extraction_status",
        "extraction_error",
        "extractor_version",
        "extracted_at",
    ]
    # The claims app extends this admin with its inline and re-extraction (claims.admin): articles knows no claims.
    actions: list = []
    inlines: list = []

    def get_queryset(self, request):
        # The body is read only where it is shown (an article's page), never for a list of articles.
        articles = super().get_queryset(request).select_related("outlet").defer("body")
        return articles.annotate(claim_count=Count("claims"))

    @admin.display(ordering="claim_count", description="claims")
    def claim_count(self, article):
        return article.claim_count

    def get_readonly_fields(self, request, obj=None):
        # A correction changes title, body, date and URL through the service (re-extraction, feed); the rest
        # is set at ingestion.
        return [*self.readonly_fields, "language", "outlet"] if obj else self.readonly_fields

    def get_inlines(self, request, obj):
        return self.inlines if obj else []  # claims come from extraction, after the article exists

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ArticleAddForm if obj is None else ArticleCorrectionForm
        return super().get_form(request, obj, change=change, **kwargs)

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        # A new article goes through the ingestion service, like every other entry point.
        return ingest_article(form.article_input(), actor=request.user).article

    def save_model(self, request, obj, form, change):
        if change:
            # A correction goes through the service: its claims record it and a new text is extracted again.
            update_article(Article.objects.get(pk=obj.pk), changes=form.corrections(), actor=request.user)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
        # A new article has no many-to-many data and no inlines: nothing more to save.


class ArticleCorrectionForm(forms.ModelForm):
    """Title, body, date and URL of an existing article, checked by the service before anything is saved."""

    class Meta:
        model = Article
        fields = list(CORRECTABLE)

    def corrections(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name in CORRECTABLE}

    def _post_clean(self):
        if self.errors:
            return
        try:
            check_correction(Article.objects.get(pk=self.instance.pk), self.corrections())
        except (IngestError, DomainError) as exc:
            self.add_error(None, str(exc))


class ArticleAddForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "url", "published", "language", "outlet"]

    def article_input(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data["title"],
            body=normalise_newlines(data["body"]),
            url=data.get("url") or "",
            published=data.get("published"),
            language=data.get("language") or "en",
            outlet=data["outlet"].name if data.get("outlet") else "",
        )

    def _post_clean(self):
        # The ingestion service owns the article's invariants (hash, dedupe, outlet), not the model form.
        if self.errors:
            return
        try:
            found = preflight(self.article_input())
        except IngestError as exc:
            self.add_error(None, str(exc))
            return
        if found is not None:
            self.add_error(None, f"Already ingested as article {found.article.pk}: {found.reason}.")
