"""Every error the API returns has one shape, `{"code", "detail", "fields"?}`, so a tool handles them alike.

Domain errors (`factdesk.errors.DomainError`) carry their own code and HTTP status; a view may add
to the body by defining `error_extra(exc) -> dict` (the claims API adds `current` to a stale claim).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from factdesk.errors import DomainError

from .parsers import PayloadTooLarge


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


def _domain_response(exc: DomainError, context: dict) -> Response:
    fields = {exc.field: [str(exc)]} if exc.field else None
    body = error_body(exc.code, str(exc), fields)
    view = context.get("view")
    if view is not None and hasattr(view, "error_extra"):
        body |= view.error_extra(exc)
    return Response(body, status=exc.http_status)


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF errors, domain refusals and oversized bodies as `{code, detail, fields}` JSON.

    Anything else is a bug: it propagates to `server_error`, which also answers JSON under /api/.
    """
    if isinstance(exc, DomainError):
        return _domain_response(exc, context)
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
