"""API tokens, hashed at rest (django-rest-knox): `Authorization: Token <key>` as before.

The database keeps a SHA-512 digest of each key and its first characters to find it; the key itself is
shown once, when it is made (`manage.py create_token`, or the admin's *Auth tokens → Add*). A token may
carry an expiry (API_TOKEN_TTL_DAYS for new ones, or `create_token --days`); an expired token is
refused with 401 and deleted. Keys made by DRF's own token app before were moved, hashed, by migration
factdesk_api 0002, and keep working.
"""

from __future__ import annotations

import datetime
import re
from hmac import compare_digest

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS
from rest_framework import exceptions

# Knox keys are 64 hex digits, DRF's were 40: anything else is refused before the database is asked
# (a NUL or a non-ASCII byte would otherwise reach the query).
_KEY = re.compile(rb"[0-9a-fA-F]{16,128}")


class TokenAuthentication(KnoxTokenAuthentication):
    """Knox's check in one query: the tokens sharing the key's first characters, with their user. An
    expired one is deleted when it is presented (knox would also sweep the user's others on every request)."""

    def authenticate_credentials(self, token: bytes):
        if not _KEY.fullmatch(token):
            raise exceptions.AuthenticationFailed("Invalid token.")
        key = token.decode("ascii")
        digest = hash_token(key)
        for candidate in AuthToken.objects.filter(token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH]).select_related("user"):
            if not compare_digest(digest, candidate.digest):
                continue
            if candidate.expiry is not None and candidate.expiry < timezone.now():
                candidate.delete()
                raise exceptions.AuthenticationFailed("Token expired.")
            return self.validate_user(candidate)
        raise exceptions.AuthenticationFailed("Invalid token.")


class TokenScheme(OpenApiAuthenticationExtension):
    """The schema keeps naming it `tokenAuth`, an `Authorization: Token <key>` header."""

    target_class = "factdesk.api.tokens.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Token")


def create_token(user: AbstractBaseUser, days: int | None = None) -> tuple[AuthToken, str]:
    """A new token for the user: the row and the key (shown once). `days` None: API_TOKEN_TTL_DAYS."""
    if days is None:
        return AuthToken.objects.create(user=user)
    return AuthToken.objects.create(user=user, expiry=datetime.timedelta(days=days) if days > 0 else None)
