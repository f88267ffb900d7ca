"""Conditional GETs: an ETag on a representation, and 304 Not Modified when the tool already has it."""

from __future__ import annotations

import hashlib
import json

from rest_framework import status
from rest_framework.response import Response


def content_etag(data) -> str:
    """An ETag that changes with every visible change of `data` (its JSON, hashed)."""
    encoded = json.dumps(data, sort_keys=True, default=str, separators=(",", ":")).encode()
    return f'"{hashlib.sha256(encoded).hexdigest()[:32]}"'


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def none_match(request, etag: str) -> bool:
    """True when the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET) or `*`."""
    header = request.headers.get("If-None-Match", "")
    if not header:
        return False
    tags = [_opaque(tag) for tag in header.split(",")]
    return "*" in tags or _opaque(etag) in tags


def conditional(request, data, *, etag: str, status_code: int = status.HTTP_200_OK) -> Response:
    """`data` with its ETag, or an empty 304 when the tool's If-None-Match already names it."""
    if request.method in ("GET", "HEAD") and none_match(request, etag):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return Response(data, status=status_code, headers={"ETag": etag})
