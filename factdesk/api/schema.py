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


# --- What the generated schema states beyond the serializers: each app registers its own --------------------

# Codes any operation may answer with, per status (the plumbing's own).
COMMON_CODES: dict[int, list[str]] = {
    400: ["invalid", "parse_error", "bad_request"],
    401: ["not_authenticated", "authentication_failed"],
    403: ["permission_denied"],
    404: ["not_found"],
    409: [],
    413: ["too_large"],
    415: ["unsupported_media_type"],
    422: [],
    429: ["throttled"],
}
# Every POST takes an Idempotency-Key; these are its refusals.
IDEMPOTENCY_CODES: dict[int, list[str]] = {
    400: ["invalid"],
    409: ["idempotency_in_progress"],
    422: ["idempotency_key_reused"],
}

_error_codes: dict[str, dict[int, list[str]]] = {}
_links: dict[str, dict[str, dict]] = {}
_component_extras: dict[str, dict] = {}
_components: dict[str, dict] = {}


def register_components(components: Mapping[str, dict]) -> None:
    """Components the serializers do not produce (payload shapes per event type)."""
    _components.update(components)


def register_error_codes(codes: Mapping[str, Mapping[int, list[str]]]) -> None:
    """The error codes of operations (by operationId), per status, beyond the common ones."""
    for operation, by_status in codes.items():
        merged = _error_codes.setdefault(operation, {})
        for status_code, names in by_status.items():
            merged[status_code] = sorted(set(merged.get(status_code, [])) | set(names))


def register_links(links: Mapping[str, Mapping[str, dict]]) -> None:
    """OpenAPI links of operations: operationId -> {status: {link name: Link Object}}."""
    for operation, by_status in links.items():
        _links.setdefault(operation, {}).update(by_status)


def register_component_extras(extras: Mapping[str, dict]) -> None:
    """JSON Schema keywords to add to components (`required`, `minProperties`, …), by component name."""
    for name, keywords in extras.items():
        _component_extras.setdefault(name, {}).update(keywords)


def _error_schema(codes: list[str], ref: str) -> dict:
    narrowed = {"type": "object", "properties": {"code": {"type": "string", "enum": codes}}}
    return {"allOf": [{"$ref": ref}, narrowed]}


def _add_error_enums(operation: dict, codes: Mapping[int, list[str]], *, method: str) -> None:
    for status_text, response in operation.get("responses", {}).items():
        status_code = int(status_text)
        content = response.get("content", {}).get("application/json")
        if status_code < 400 or content is None or "$ref" not in content.get("schema", {}):
            continue
        names = set(COMMON_CODES.get(status_code, [])) | set(codes.get(status_code, []))
        if method == "post":
            names |= set(IDEMPOTENCY_CODES.get(status_code, []))
        if names:
            content["schema"] = _error_schema(sorted(names), content["schema"]["$ref"])


def _idempotency(operation: dict) -> None:
    operation.setdefault("parameters", []).append(
        {
            "in": "header",
            "name": "Idempotency-Key",
            "required": False,
            "schema": {"type": "string", "maxLength": 255},
            "description": "Any unique string (a UUID): a retry with the same key and body gets the first answer; "
            "with another body, 422 `idempotency_key_reused`.",
        }
    )
    responses = operation["responses"]
    ref = {"$ref": "#/components/schemas/Error"}
    responses.setdefault(
        "422",
        {
            "description": "The Idempotency-Key was used with another request",
            "content": {"application/json": {"schema": ref}},
        },
    )
    responses.setdefault(
        "409",
        {
            "description": "The first request with this Idempotency-Key is still running",
            "content": {"application/json": {"schema": ref}},
        },
    )


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the current window",
    "RateLimit-Remaining": "Requests left in the current window",
    "RateLimit-Reset": "Seconds until the window starts again",
}


def _rate_limit_headers(operation: dict) -> None:
    for status_text, response in operation.get("responses", {}).items():
        headers = response.setdefault("headers", {})
        for name, description in RATE_LIMIT_HEADERS.items():
            headers.setdefault(name, {"schema": {"type": "integer"}, "description": description})
        if status_text == "429":
            headers["Retry-After"] = {"schema": {"type": "integer"}, "description": "Seconds to wait"}
        if status_text == "201":
            headers["Location"] = {"schema": {"type": "string", "format": "uri"}, "description": "The new object"}


def _hostile_input(operation: dict) -> None:
    """Any request may be refused with 400 `bad_request`: a NUL character or JSON nested too deep in its
    query (factdesk.api.hostile), whatever the operation's own parameters."""
    operation["responses"].setdefault(
        "400",
        {
            "description": "The query holds a NUL character or JSON nested too deep (`bad_request`).",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
    )


def postprocess(result: dict, generator, request, public) -> dict:
    """drf-spectacular hook: error-code enums, Idempotency-Key, rate-limit headers, links, component extras."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            _hostile_input(operation)
            if method == "post":
                _idempotency(operation)
            _add_error_enums(operation, _error_codes.get(operation.get("operationId", ""), {}), method=method)
            _rate_limit_headers(operation)
            for status_text, links in _links.get(operation.get("operationId", ""), {}).items():
                if status_text in operation["responses"]:
                    operation["responses"][status_text]["links"] = links
    components = result.get("components", {}).get("schemas", {})
    components.update(_components)
    for name, keywords in _component_extras.items():
        if name in components:
            for keyword, value in keywords.items():
                if keyword == "required":
                    components[name]["required"] = sorted(set(components[name].get("required", [])) | set(value))
                else:
                    components[name][keyword] = value
    return result
