"""JSON answers for errors outside any API view: unknown URLs, unreadable requests, server errors."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from .errors import error_body


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """JSON for an unknown URL under /api/ (tools parse it), the usual page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("not_found", "No such API endpoint or object."), status=404)
    return defaults.page_not_found(request, exception)


@csrf_exempt  # a POST to a wrong URL is a 404, not a CSRF failure page
def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """The last /api/ URL pattern: JSON 404 even with DEBUG on, where handler404 is not used."""
    return JsonResponse(error_body("not_found", "No such API endpoint or object."), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("server_error", "Internal error; it has been logged."), status=500)
    return defaults.server_error(request)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("bad_request", "The request could not be read."), status=400)
    return defaults.bad_request(request, exception)
