"""GET/POST /api/v1/articles/: articles for tools; POST runs the ingestion service."""

from django.db.models import Count
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from factdesk.api.conditional import conditional, content_etag
from factdesk.api.schema import BODY_ERRORS, error_responses

from .filters import ArticleFilter
from .ingest import ArticleTooLarge, IngestError, ingest_article, parse_json_object
from .models import Article
from .serializers import ArticleInputSerializer, ArticleSerializer, ArticleSummarySerializer


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
            "200 with the existing article when the same URL or the same text (whitespace aside) was "
            "ingested before: nothing is created twice."
        ),
        request=ArticleInputSerializer,
        responses={
            201: OpenApiResponse(ArticleSerializer, description="Created"),
            200: OpenApiResponse(ArticleSerializer, description="Already there: the existing article"),
            **error_responses(*BODY_ERRORS, 403),
        },
    ),
)
class ArticleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    read_permissions = ("articles.view_article",)
    write_permissions = ("articles.add_article",)
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = NewestFirst
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        articles = Article.objects.with_outlet().annotate(claim_count=Count("claims"))
        return articles.defer("body") if self.action == "list" else articles  # a list row has no body

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
            result = ingest_article(parse_json_object(dict(serializer.validated_data)), actor=request.user)
        except ArticleTooLarge:
            raise  # 413, like a request body above the API's limit
        except IngestError as exc:
            raise ValidationError({"non_field_errors": [str(exc)]}) from None
        article = self.get_queryset().get(pk=result.article.pk)  # extraction may have run meanwhile
        data = ArticleSerializer(article, context=self.get_serializer_context()).data
        headers = {"Location": request.build_absolute_uri(f"{request.path.rstrip('/')}/{article.pk}/")}
        return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK, headers=headers)
