"""Article text cut into plain and highlighted segments, for templates to render escaped.

Article text is untrusted: it is never marked safe. Instead the text is sliced at the claims'
offsets here, in Python, and each slice is rendered by a template with autoescape on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Claim


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Claim | None = None


def segments(text: str, *, offset: int, claims: Iterable[Claim]) -> list[Segment]:
    """`text` (which starts at `offset` in the article body) split around the claims' quotes.

    A quote outside `text`, not matching its offsets (an orphaned claim) or overlapping an earlier
    quote is left unhighlighted rather than guessed at.
    """
    out: list[Segment] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: (c.quote_start, c.quote_end)):
        start, end = claim.quote_start - offset, claim.quote_end - offset
        if start < cursor or end > len(text) or text[start:end] != claim.quote:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], claim))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def sentence_segments(claim: Claim) -> list[Segment]:
    """The claim's sentence with its quote highlighted (offsets relative to sentence_start)."""
    return segments(claim.sentence, offset=claim.sentence_start, claims=[claim])


def snippet_segments(claim: Claim, *, lead: int = 40) -> list[Segment]:
    """The sentence from a few words before its quote: a one-line row then shows the quote, however
    deep in a long sentence it stands (the row cuts what overflows after it)."""
    found = sentence_segments(claim)
    if not found or found[0].claim is not None or len(found[0].text) <= lead:
        return found
    before = found[0].text[-lead:]
    space = before.find(" ")
    before = before[space + 1 :] if 0 <= space < lead // 2 else before
    return [Segment("…" + before), *found[1:]]


def paragraph_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The `\\n`-delimited block of `body` that contains [start, end)."""
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return left, len(body) if right == -1 else right


def paragraph_segments(body: str, claim: Claim) -> list[Segment]:
    """The paragraph around the claim's quote, the quote highlighted."""
    left, right = paragraph_span(body, claim.quote_start, claim.quote_end)
    return segments(body[left:right], offset=left, claims=[claim])


def article_paragraphs(body: str, claims: list[Claim]) -> list[list[Segment]]:
    """Every paragraph of the body, each claim's quote highlighted where it stands."""
    paragraphs = []
    start = 0
    ordered = sorted(claims, key=lambda c: c.quote_start)
    i = 0
    for line in body.split("\n"):
        end = start + len(line)
        inside = []
        while i < len(ordered) and ordered[i].quote_start < end:
            if ordered[i].quote_start >= start:
                inside.append(ordered[i])
            i += 1
        if line.strip():
            paragraphs.append(segments(line, offset=start, claims=inside))
        start = end + 1
    return paragraphs
