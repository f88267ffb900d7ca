"""How errors appear in the OpenAPI schema: one serializer, one description per status."""

from __future__ import annotations

from collections.abc import Mapping

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable: invalid, not_found, permission_denied, …")
    detail = serializers.CharField(help_text="A sentence for people")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per field (`places.0` for an item of a list); `non_field_errors` for the whole body",
    )


ERROR_DESCRIPTIONS = {
    400: "Invalid input: `code` is `invalid` (see `fields`) or `parse_error`.",
    401: "No or bad credentials (`not_authenticated`, `authentication_failed`); send `Authorization: Token <key>`.",
    403: "Signed in, but the account may not do this (`permission_denied`).",
    404: "No such object (`not_found`).",
    409: "Conflict with the object's current state.",
    413: "The body is larger than FACTDESK_API_MAX_BODY_BYTES (`too_large`).",
    415: "The body is not `application/json` (`unsupported_media_type`).",
    429: "Too many requests (`throttled`); retry after the number of seconds in `detail`.",
}


def error_responses(*codes: int, descriptions: Mapping[int, str] | None = None) -> dict[int, OpenApiResponse]:
    """OpenAPI responses for these error status codes (401 and 429 are always possible).

    `descriptions` replaces the generic sentence for a status with the app's own (its error codes).
    """
    text = ERROR_DESCRIPTIONS | dict(descriptions or {})
    wanted = sorted({401, 429, *codes})
    return {code: OpenApiResponse(ErrorSerializer, description=text[code]) for code in wanted}


# A request with a JSON body can also be too large, malformed, or of another media type.
BODY_ERRORS = (400, 413, 415)
