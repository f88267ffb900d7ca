"""The base of every refusal the apps raise: it says what went wrong and how to answer it.

A domain error is an expected outcome (a stale version, a move the rules forbid), not a bug. It
carries a machine-readable `code`, the HTTP status an API answers with, and optionally the input
field it is about; the API plumbing (`factdesk.api.errors`) turns any of them into JSON without
knowing which app raised it, and pages turn them into form errors.
"""

from __future__ import annotations


class DomainError(Exception):
    """An action was refused and nothing changed."""

    code = "refused"
    http_status = 400
    field: str | None = None  # the input field the refusal is about, if one
