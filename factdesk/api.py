"""What every API endpoint shares: permission, body limit, JSON errors, and how errors are documented.

Every error the API returns has one shape, `{"code", "detail", "fields"?}`, so a tool handles them
all alike; a stale version (409 `stale`) adds `current`, the claim as it is now.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        limit = settings.FACTDESK_API_MAX_BODY_BYTES
        super().__init__(f"The request body is larger than {limit} bytes (FACTDESK_API_MAX_BODY_BYTES).")


class LimitedJSONParser(JSONParser):
    """JSON, refused with 413 above FACTDESK_API_MAX_BODY_BYTES before anything is parsed."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.FACTDESK_API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge()
        data = stream.read(limit + 1)  # a body without a (truthful) length is still cut off
        if len(data) > limit:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(data), media_type, parser_context)


class StrictCharField(serializers.CharField):
    """Text, and only text: DRF's CharField would quietly turn 42 or true into "42" or "True"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class DeskPermission(BasePermission):
    """Signed in, and holding the view's read permissions to read, its write permissions to write.

    Views set `read_permissions` and `write_permissions`; Viewers hold only the former.
    """

    message = "Your account may not do this: reading needs the Viewers group, changing the Editors group."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            needed = getattr(view, "read_permissions", ())
        else:
            needed = getattr(view, "write_permissions", None)
            if needed is None:
                return False  # a view that forgot to say who may write is read-only
        return user.has_perms(needed)


def _flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error structure as `{"places.0": ["…"]}`: one list of messages per field."""
    if isinstance(errors, dict):
        out: dict[str, list[str]] = {}
        for key, value in errors.items():
            out |= _flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(errors, list) and errors and all(not isinstance(e, (dict, list)) for e in errors):
        return {prefix or "non_field_errors": [str(e) for e in errors]}
    if isinstance(errors, list):
        out = {}
        for index, value in enumerate(errors):
            out |= _flatten(value, f"{prefix}.{index}" if prefix else str(index))
        return out
    return {prefix or "non_field_errors": [str(errors)]}


def error_body(code: str, detail: str, fields: dict[str, list[str]] | None = None, **extra: Any) -> dict:
    body: dict[str, Any] = {"code": code, "detail": detail}
    if fields:
        body["fields"] = fields
    return body | extra


def _workflow_response(exc: Exception, context: dict) -> Response | None:
    from claims import workflow  # the claims app imports this module; import it late

    if not isinstance(exc, workflow.WorkflowError):
        return None
    if isinstance(exc, workflow.StaleClaim):
        from claims.serializers import ClaimSerializer

        current = exc.current
        body = error_body("stale", str(exc))
        if current is not None:
            from claims.models import Claim

            fresh = Claim.objects.for_queue().with_contradiction_flag().get(pk=current.pk)
            body["current"] = ClaimSerializer(fresh, context=context).data
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, workflow.GroupChanged):
        return Response(
            error_body("group_changed", str(exc), {"versions": [str(exc)]}), status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, workflow.InvalidTransition):
        return Response(error_body("invalid_transition", str(exc), {"to": [str(exc)]}), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, workflow.NoteRequired):
        return Response(error_body("note_required", str(exc), {"note": [str(exc)]}), status=400)
    code = {workflow.InvalidEdit: "invalid_edit", workflow.LinkError: "invalid_link"}.get(type(exc), "refused")
    return Response(error_body(code, str(exc)), status=status.HTTP_400_BAD_REQUEST)


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF errors, workflow refusals and oversized bodies as `{code, detail, fields}` JSON.

    Anything else is a bug: it propagates to `server_error`, which also answers JSON under /api/.
    """
    from rest_framework.views import exception_handler as drf_exception_handler  # views import this module

    response = _workflow_response(exc, context)
    if response is not None:
        return response
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body("invalid", "Some fields are invalid.", _flatten(exc.detail))
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        response.data = error_body(code, str(exc.detail))
    else:  # Http404 and Django's PermissionDenied, which DRF turned into responses
        code = "not_found" if response.status_code == 404 else "permission_denied"
        response.data = error_body(code, str(response.data.get("detail", "")))
    return response


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


# --- How errors appear in the OpenAPI schema -------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable: invalid, not_found, stale, invalid_transition, …")
    detail = serializers.CharField(help_text="A sentence for people")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per field (`places.0` for an item of a list); `non_field_errors` for the whole body",
    )


ERROR_DESCRIPTIONS = {
    400: "Invalid input: `code` is `invalid` (see `fields`), `parse_error`, `note_required`, `invalid_edit`, "
    "`invalid_link` or `refused`.",
    401: "No or bad credentials (`not_authenticated`, `authentication_failed`); send `Authorization: Token <key>`.",
    403: "Signed in, but the account may not do this (`permission_denied`).",
    404: "No such object (`not_found`).",
    409: "Conflict: `invalid_transition` (the claim's status does not allow it), `stale` (see the 409 body) or "
    "`group_changed` (the fact group is not the one sent).",
    413: "The body is larger than FACTDESK_API_MAX_BODY_BYTES (`too_large`).",
    415: "The body is not `application/json` (`unsupported_media_type`).",
    429: "Too many requests (`throttled`); retry after the number of seconds in `detail`.",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """OpenAPI responses for these error status codes (401 and 429 are always possible)."""
    wanted = sorted({401, 429, *codes})
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code]) for code in wanted}


# A request with a JSON body can also be too large, malformed, or of another media type.
BODY_ERRORS = (400, 413, 415)
