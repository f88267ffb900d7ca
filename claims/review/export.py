"""The queue as CSV: every claim the filters select, streamed, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.http import HttpRequest
from django.urls import reverse

from ..models import Claim
from ..readable import plain_number

CSV_COLUMNS = [
    "id", "status", "label", "quote", "sentence", "value", "value_low", "value_high", "qualifier", "unit", "kind",
    "time_text", "period_start", "period_end", "compared_to", "compared_period_start", "compared_period_end",
    "places", "attribution", "score", "assignee", "verdict_note",
    "dismiss_reason",
    "article_id", "article_title", "outlet", "published", "url", "claim_url",
]  # fmt: skip


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run article text starting like a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_row(request: HttpRequest, claim: Claim) -> list[str]:
    article = claim.article
    values = [
        claim.pk, claim.status, claim.label, claim.quote, claim.sentence, plain_number(claim.value),
        plain_number(claim.value_low), plain_number(claim.value_high), claim.qualifier, claim.unit, claim.kind,
        claim.time_text, claim.period_start,
        claim.period_end, claim.compared_to, claim.compared_period_start, claim.compared_period_end,
        "; ".join(claim.places or []), claim.attribution, claim.score,
        claim.assignee.get_username() if claim.assignee else "", claim.verdict_note, claim.dismiss_reason,
        article.pk, article.title,
        article.outlet.name if article.outlet else "", article.published, article.url,
        request.build_absolute_uri(reverse("claim-detail", args=[claim.pk])),
    ]  # fmt: skip
    return [_cell(value) for value in values]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(request: HttpRequest, claims: Iterable[Claim]) -> Iterator[str]:
    """The header, then one line per claim, produced as the rows are read."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for claim in claims:
        yield writer.writerow(_csv_row(request, claim))
