"""/api/: the versioned REST API, its OpenAPI schema and its docs (served offline)."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from articles.api import ArticleViewSet
from claims.api.links import AllLinksViewSet
from claims.api.views import AnnotationViewSet, ClaimViewSet, EventViewSet, LinkViewSet
from factdesk.api.views import api_not_found
from feed.api import FeedView

# The docs pages are third-party bundles that style themselves with inline <style> elements, and Redoc
# renders in a blob: worker: they alone get that much. Their start-up scripts are files (Swagger UI's
# split view; templates/drf_spectacular/redoc.html), so no inline script runs anywhere.
_swagger_csp = csp_update({"style-src": ["'unsafe-inline'"]})
_redoc_csp = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"]})

router = SimpleRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register(r"claims/(?P<claim_id>[0-9]+)/annotations", AnnotationViewSet, basename="claim-annotation")
router.register(r"claims/(?P<claim_id>[0-9]+)/links", LinkViewSet, basename="claim-link")
router.register(r"claims/(?P<claim_id>[0-9]+)/events", EventViewSet, basename="claim-event")
router.register("links", AllLinksViewSet, basename="link")

urlpatterns = [
    path("v1/events/", FeedView.as_view(), name="feed"),
    path("v1/", include((router.urls, "api"), namespace="v1")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", _swagger_csp(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("redoc/", _redoc_csp(SpectacularRedocView.as_view(url_name="api-schema")), name="api-redoc"),
    re_path(r"", api_not_found),  # an unknown /api/ URL answers JSON, never an HTML page
]
