"""How long a browser stays signed in, and who a sign-in comes from.

A session ends after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after signing in,
whatever the activity. The time of the last request is written back at most once a minute, so an
active session costs no database write per request.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

STARTED, SEEN = "factdesk_signed_in_at", "factdesk_seen_at"
_WRITE_EVERY = 60  # seconds


@receiver(user_logged_in)
def _stamp(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = request.session[SEEN] = now


def expired(session, now: int) -> bool:
    started, seen = session.get(STARTED), session.get(SEEN)
    if started is None or seen is None:
        return False
    return now - started >= settings.SESSION_COOKIE_AGE or now - seen >= settings.SESSION_IDLE_SECONDS


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if auth.SESSION_KEY in session:
            now = int(time.time())
            if expired(session, now):
                auth.logout(request)  # the page's own login_required then sends the browser to sign in
                request.factdesk_session_expired = True  # type: ignore[attr-defined]
            elif session.get(STARTED) is None:  # signed in before these stamps existed
                session[STARTED] = session[SEEN] = now
            elif now - session[SEEN] >= _WRITE_EVERY:
                session[SEEN] = now
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str:
    """The client's address for sign-in throttling: behind TRUSTED_PROXY_COUNT proxies that each append
    to X-Forwarded-For, the address the outermost trusted proxy saw; else the connection's."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) >= proxies:
        return hops[-proxies]
    return hops[0] if hops else remote
