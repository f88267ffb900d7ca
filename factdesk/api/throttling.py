"""Rate limits that say where a caller stands: RateLimit-Limit, -Remaining and -Reset on every API answer.

DRF's throttles count requests per user (or per address without credentials); these report the
count they kept on the request, and the middleware writes it into the answer's headers. A 429 also
carries Retry-After (DRF's). Sign-in throttling is not here: django-axes guards the sign-in forms.

The counts live in the cache. When the cache is down (Redis stopped, unreachable), requests are let
through without throttling and without the headers, and a warning is logged (at most once a minute per
process): a throttle is a guard against abuse, not a reason to refuse every caller. After a failure the
cache is left alone for RETRY_AFTER seconds, so a cache that does not answer at all (each attempt waits
for the 0.5 s connect timeout) slows one request in that time, not every one.
"""

from __future__ import annotations

import logging
import time

from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

_ATTRIBUTE = "factdesk_rate_limit"
CACHE_ERRORS = (RedisError, OSError)
log = logging.getLogger("factdesk.api.throttling")
_last_warning = 0.0
RETRY_AFTER = 10.0  # seconds
_down_until = 0.0


def cache_is_down() -> bool:
    return time.monotonic() < _down_until


def cache_down(exc: Exception) -> None:
    """Note that the throttles' cache failed: leave it alone for a while, and log it once a minute at most
    (an outage would flood the log)."""
    global _last_warning, _down_until
    now = time.monotonic()
    _down_until = now + RETRY_AFTER
    if now - _last_warning >= 60:
        _last_warning = now
        log.warning("API throttling is off: the cache did not answer (%s: %s)", type(exc).__name__, exc)


class _Reporting:
    def allow_request(self, request, view) -> bool:
        if cache_is_down():
            return True
        try:
            allowed = super().allow_request(request, view)
        except CACHE_ERRORS as exc:  # fail open: no throttling while the cache is down
            cache_down(exc)
            return True
        history = getattr(self, "history", None)
        if history is not None:  # this throttle applies to the caller
            _report(request._request, self.num_requests, len(history), self.duration, self.now, history)
        return allowed


def _report(request, limit: int, used: int, duration: int, now: float, history: list[float]) -> None:
    remaining = max(0, limit - used)
    reset = int(duration - (now - history[-1])) if history else duration
    previous = getattr(request, _ATTRIBUTE, None)
    if previous is None or remaining < previous[1]:  # the tightest limit is the one that binds
        setattr(request, _ATTRIBUTE, (limit, remaining, max(0, reset)))


class ReportingUserRateThrottle(_Reporting, UserRateThrottle):
    pass


class ReportingAnonRateThrottle(_Reporting, AnonRateThrottle):
    pass


def _peek(request) -> tuple[int, int, int] | None:
    """Where an anonymous caller stands without counting a request: for answers given before throttling
    (401, 403), so they carry the headers too."""
    throttle = AnonRateThrottle()
    if throttle.rate is None:
        return None
    key = throttle.cache_format % {"scope": throttle.scope, "ident": throttle.get_ident(request)}
    now = throttle.timer()
    history = [moment for moment in throttle.cache.get(key, []) if moment > now - throttle.duration]
    reset = int(throttle.duration - (now - history[-1])) if history else throttle.duration
    return throttle.num_requests, max(0, throttle.num_requests - len(history)), reset


class RateLimitHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/v1/"):
            return response
        state = getattr(request, _ATTRIBUTE, None)
        if state is None and response.status_code in (401, 403) and not cache_is_down():  # refused before throttling
            try:
                state = _peek(request)
            except CACHE_ERRORS as exc:
                cache_down(exc)
        if state is not None:
            limit, remaining, reset = state
            response["RateLimit-Limit"], response["RateLimit-Remaining"] = str(limit), str(remaining)
            response["RateLimit-Reset"] = str(reset)
        return response
