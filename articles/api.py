"""GET/POST /api/v1/articles/: articles for tools; POST runs the ingestion service."""

from django.db.models import Count
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from factdesk.api import schema
from factdesk.api.conditional import conditional, content_etag
from factdesk.api.schema import BODY_ERRORS, ErrorSerializer, error_responses

from .filters import ArticleFilter
from .ingest import (
    ArticleChanged,
    ArticleConflict,
    ArticleTooLarge,
    IngestError,
    ingest_article,
    parse_json_object,
    update_article,
)
from .models import Article
from .serializers import (
    ArticleInputSerializer,
    ArticleSerializer,
    ArticleSummarySerializer,
    ArticleUpdateSerializer,
)

UPDATE = OpenApiParameter(
    "update",
    OpenApiTypes.BOOL,
    OpenApiParameter.QUERY,
    description="true: a known URL with another text corrects that article (else 409 `article_changed`)",
)
CHANGED = OpenApiResponse(
    ErrorSerializer,
    description=(
        "`article_changed`: the URL is known with another text; `article` is its id (send again with "
        "?update=true to correct it). `duplicate`: another article (`article`) already has this text or URL."
    ),
)


class NewestFirst(CursorPagination):
    """Newest first by id: rows added while a tool pages never shift the pages it is on."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound:  # DRF says 404; it is a bad parameter, not a missing page
            raise ValidationError({self.cursor_query_param: ["Not a cursor this API gave out."]}) from None


@extend_schema_view(
    list=extend_schema(
        summary="List articles, newest first",
        description="Cursor-paginated by id, newest first; follow `next` to page on.",
        responses={200: ArticleSummarySerializer(many=True), **error_responses(400, 403)},
    ),
    retrieve=extend_schema(
        summary="One article with its body and extraction status",
        responses={200: ArticleSerializer, **error_responses(403, 404)},
    ),
    create=extend_schema(
        summary="Push an article: ingest it and schedule claim extraction",
        description=(
            "Runs the ingestion service. 201 with the new article (its `extraction_status` is `pending` "
            "until the extraction worker has run, or already `done` where tasks run in-process); "
            "200 with the existing article when the same URL (compared without scheme, `www.`, trailing slash "
            "and tracking parameters) with the same text, or the same text (whitespace aside), was ingested "
            "before: nothing is created twice. The same URL with another text answers 409 `article_changed` "
            "naming the article, unless `?update=true`, which corrects it (200, as PATCH does)."
        ),
        parameters=[UPDATE],
        request=ArticleInputSerializer,
        responses={
            201: OpenApiResponse(ArticleSerializer, description="Created"),
            200: OpenApiResponse(ArticleSerializer, description="Already there (or corrected): the existing article"),
            409: CHANGED,
            **error_responses(*BODY_ERRORS, 403),
        },
    ),
    partial_update=extend_schema(
        summary="Correct an article: title, body, publication date, URL",
        description=(
            "Each claim of the article records the change; a new body or date is extracted again, keeping every "
            "editor's work (claims re-anchored in the new text, or kept as orphaned when their quote is gone). "
            "409 `duplicate` when another article already has this text or URL."
        ),
        request=ArticleUpdateSerializer,
        responses={200: ArticleSerializer, 409: CHANGED, **error_responses(*BODY_ERRORS, 403, 404)},
    ),
)
class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    read_permissions = ("articles.view_article",)
    http_method_names = ["get", "post", "patch", "head", "options"]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = NewestFirst
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        articles = Article.objects.with_outlet().annotate(claim_count=Count("claims"))
        return articles.defer("body") if self.action == "list" else articles  # a list row has no body

    @property
    def write_permissions(self) -> tuple[str, ...]:
        # Pushing with ?update=true corrects an article, as PATCH does.
        if self.action == "partial_update" or self.request.query_params.get("update") == "true":
            return ("articles.change_article",)
        return ("articles.add_article",)

    def error_extra(self, exc: Exception) -> dict:
        """A 409 names the article the tool ran into."""
        if isinstance(exc, (ArticleChanged, ArticleConflict)):
            return {"article": exc.article.pk}
        return {}

    def get_serializer_class(self):
        if self.action == "list":
            return ArticleSummarySerializer
        if self.action == "create":
            return ArticleInputSerializer
        return ArticleSerializer

    def retrieve(self, request, *args, **kwargs):
        data = self.get_serializer(self.get_object()).data
        return conditional(request, data, etag=content_etag(data))

    def create(self, request, *args, **kwargs):
        serializer = ArticleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            update = request.query_params.get("update", "") == "true"
            item = parse_json_object(dict(serializer.validated_data))
            result = ingest_article(item, actor=request.user, update=update)
        except (ArticleTooLarge, ArticleChanged):
            raise  # 413 like a request body above the API's limit; 409 naming the article
        except IngestError as exc:
            raise ValidationError({"non_field_errors": [str(exc)]}) from None
        article = self.get_queryset().get(pk=result.article.pk)  # extraction may have run meanwhile
        data = ArticleSerializer(article, context=self.get_serializer_context()).data
        headers = {"Location": request.build_absolute_uri(f"{request.path.rstrip('/')}/{article.pk}/")}
        return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK, headers=headers)

    def partial_update(self, request, *args, **kwargs):
        article = self.get_object()
        serializer = ArticleUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            update_article(article, changes=dict(serializer.validated_data), actor=request.user)
        except ArticleTooLarge:
            raise
        except IngestError as exc:
            raise ValidationError({"non_field_errors": [str(exc)]}) from None
        fresh = self.get_queryset().get(pk=article.pk)
        return Response(ArticleSerializer(fresh, context=self.get_serializer_context()).data)


schema.register_error_codes(
    {
        "articles_create": {409: ["article_changed"], 413: ["article_too_large"]},
        "articles_partial_update": {409: ["duplicate"], 413: ["article_too_large"]},
    }
)
schema.register_component_extras({"ArticleUpdateRequest": {"minProperties": 1}})
schema.register_links(
    {
        "articles_create": {
            status: {
                "Article": {"operationId": "articles_retrieve", "parameters": {"id": "$response.body#/id"}},
                "Claims": {
                    "operationId": "claims_list",
                    "parameters": {"article": "$response.body#/id"},
                    "description": "Its claims, once `extraction_status` is done",
                },
                "Correct": {"operationId": "articles_partial_update", "parameters": {"id": "$response.body#/id"}},
            }
            for status in ("200", "201")
        },
        "articles_retrieve": {
            "200": {"Claims": {"operationId": "claims_list", "parameters": {"article": "$response.body#/id"}}}
        },
    }
)
