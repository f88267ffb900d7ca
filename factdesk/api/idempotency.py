"""Idempotency-Key on every POST under /api/: a retry (after a timeout, a dropped connection) gets the
first answer instead of doing the work twice.

The same key with the same request (method, path, query, body) within FACTDESK_IDEMPOTENCY_HOURS
replays the stored answer with `Idempotent-Replayed: true`; with another request it is refused with
422 `idempotency_key_reused`; while the first is still being answered, 409 `idempotency_in_progress`.
Keys are per caller (the credentials sent). Answers of 5xx, 401, 403 and 429 are not kept: retrying
those may succeed.
"""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from .errors import error_body
from .models import IdempotentRequest

HEADER = "Idempotency-Key"
_KEPT_HEADERS = ("Content-Type", "Location", "ETag")
_NOT_KEPT = {401, 403, 429}
# A first request that never finished (its process died) stops blocking retries after this long.
_ABANDONED = datetime.timedelta(minutes=5)


def _caller(request: HttpRequest) -> str:
    credentials = request.headers.get("Authorization") or request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    return hashlib.sha256(credentials.encode()).hexdigest()


def _fingerprint(request: HttpRequest, body: bytes) -> str:
    digest = hashlib.sha256(f"{request.method} {request.get_full_path()}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def _replay(stored: IdempotentRequest) -> HttpResponse:
    response = HttpResponse(bytes(stored.content), status=stored.status_code)
    for name, value in stored.headers.items():
        response[name] = value
    response["Idempotent-Replayed"] = "true"
    return response


def _refusal(code: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse(error_body(code, detail), status=status)


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if request.method != "POST" or key is None or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not 1 <= len(key) <= 255 or not key.isprintable():
            return _refusal("invalid", "Idempotency-Key must be 1 to 255 printable characters.", 400)
        try:
            body = request.body
        except RequestDataTooBig:
            return self.get_response(request)  # refused with 413 anyway
        caller, fingerprint = _caller(request), _fingerprint(request, body)
        claimed, answer = self._claim(caller, key, fingerprint)
        if answer is not None:
            return answer
        try:
            response = self.get_response(request)
        except BaseException:
            claimed.delete()
            raise
        if response.status_code >= 500 or response.status_code in _NOT_KEPT or getattr(response, "streaming", False):
            claimed.delete()
            return response
        claimed.status_code = response.status_code
        claimed.content = response.content
        claimed.headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
        claimed.save(update_fields=["status_code", "content", "headers"])
        return response

    def _claim(self, caller: str, key: str, fingerprint: str) -> tuple[IdempotentRequest | None, HttpResponse | None]:
        """Record the key as in progress (committed at once, so a parallel retry sees it), or the answer to
        give instead of doing the work."""
        oldest = timezone.now() - datetime.timedelta(hours=settings.FACTDESK_IDEMPOTENCY_HOURS)
        try:
            with transaction.atomic():
                IdempotentRequest.objects.filter(caller=caller, key=key, created_at__lt=oldest).delete()
                return IdempotentRequest.objects.create(caller=caller, key=key, fingerprint=fingerprint), None
        except IntegrityError:
            pass
        stored = IdempotentRequest.objects.filter(caller=caller, key=key).first()
        if stored is None:  # it expired or was given up in the instant between
            return self._claim(caller, key, fingerprint)
        if stored.fingerprint != fingerprint:
            detail = "This Idempotency-Key was used with another request; use a new key for a new request."
            return None, _refusal("idempotency_key_reused", detail, 422)
        if stored.status_code is None:
            if stored.created_at < timezone.now() - _ABANDONED:
                stored.delete()
                return self._claim(caller, key, fingerprint)
            refused = _refusal("idempotency_in_progress", "The first request with this key is still running.", 409)
            refused["Retry-After"] = "1"
            return None, refused
        return None, _replay(stored)
