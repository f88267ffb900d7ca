"""Input no handler should have to survive: NUL bytes and deeply nested JSON, refused with 400 at the door.

PostgreSQL cannot store a NUL in text (a search box with one once answered 500), and Python's JSON
parser recurses once per level (a body nested 100,000 deep once answered 500 and crashed `ingest`).
`HostileInputMiddleware` looks at every query string and form post (pages, admin, API); API JSON
bodies are checked by the parser (`parsers.LimitedJSONParser`) and files by `ingest`, both with
`check_json`. The depth limit is FACTDESK_MAX_JSON_DEPTH.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


class HostileInput(ValueError):
    """Why the input is refused, in words for the caller."""


def max_depth() -> int:
    return int(getattr(settings, "FACTDESK_MAX_JSON_DEPTH", 32))


def check_value(value: Any, limit: int | None = None) -> None:
    """Raise HostileInput if parsed JSON nests deeper than the limit or holds a NUL in any string.

    Iterative: a value that got through the parser is walked without recursion.
    """
    limit = max_depth() if limit is None else limit
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise HostileInput("Text may not contain NUL (\\u0000) characters.")
        elif isinstance(item, (list, dict)):
            if depth >= limit:
                raise HostileInput(f"JSON nested deeper than {limit} levels is refused.")
            if isinstance(item, dict):
                stack.extend((key, depth + 1) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)


def loads(text: str | bytes, limit: int | None = None) -> Any:
    """json.loads that refuses what the parser cannot survive or the database cannot store.

    Raises HostileInput (a ValueError) for nesting deeper than the limit or a NUL in a string,
    json.JSONDecodeError for JSON that is not well formed.
    """
    try:
        value = json.loads(text)
    except RecursionError:
        raise HostileInput(
            f"JSON nested deeper than {max_depth() if limit is None else limit} levels is refused."
        ) from None
    check_value(value, limit)
    return value


def _looks_like_json(text: str) -> bool:
    start = text.lstrip()[:1]
    return start in ("[", "{")


def check_text(text: str) -> None:
    """A query or form value: no NUL; if it is JSON (an admin JSON field), not nested too deep."""
    if "\x00" in text:
        raise HostileInput("Text may not contain NUL (\\u0000) characters.")
    if _looks_like_json(text) and text.count("[") + text.count("{") > max_depth():
        try:
            loads(text)
        except HostileInput:
            raise
        except ValueError:
            pass  # not JSON after all: the form's own validation says so


def problem(request: HttpRequest) -> str | None:
    """What is wrong with the request's query string or form fields, or None."""
    try:
        for key, values in request.GET.lists():
            for text in (key, *values):
                check_text(text)
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in _FORMS:
            for key, values in request.POST.lists():
                for text in (key, *values):
                    check_text(text)
    except HostileInput as exc:
        return str(exc)
    return None


class HostileInputMiddleware:
    """400 for a NUL byte or JSON nested too deep in a query string or a form post, before any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reason = problem(request)
        if reason is not None:
            return refusal(request, reason)
        return self.get_response(request)


def refusal(request: HttpRequest, reason: str) -> HttpResponse:
    from .errors import error_body  # errors imports the parsers, which import this module

    if request.path.startswith("/api/"):
        return JsonResponse(error_body("bad_request", reason), status=400)
    return HttpResponseBadRequest(f"Bad request: {reason}", content_type="text/plain; charset=utf-8")
