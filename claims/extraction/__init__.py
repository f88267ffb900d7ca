"""Placeholder until the extraction engine lands: finds no claims.

The real library (pure Python + spaCy, no Django) replaces this module with the same names.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

EXTRACTOR_VERSION = "0"


class UnsupportedLanguage(Exception):
    pass


def extract(text: str, published: datetime.date | None = None) -> list:
    return []


def extract_many(items: Iterable[tuple[str, datetime.date | None]]) -> list[list]:
    return [extract(text, published) for text, published in items]
