"""Editors' notes on a claim: added and removed, never edited, each with its event."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from .. import events
from ..models import Annotation, Claim, ClaimEvent
from .errors import WorkflowError
from .versions import bump_unchecked


def annotate(claim: Claim, *, text: str, editor: User, evidence_url: str = "") -> Annotation:
    """Add a note. Notes never conflict, so they do not check the version; they still bump it."""
    text = text.strip()
    if not text:
        raise WorkflowError("A note needs some text.")
    with transaction.atomic():
        annotation = Annotation.objects.create(claim=claim, author=editor, text=text, evidence_url=evidence_url)
        bump_unchecked(claim)
        after = {"annotation": annotation.pk, "text": text, "evidence_url": evidence_url}
        events.record(claim, editor, ClaimEvent.Kind.ANNOTATE, {}, after)
    return annotation


def remove_annotation(annotation: Annotation, *, editor: User) -> None:
    """Delete one's own note; the event keeps its text."""
    if annotation.author_id != editor.pk:
        raise WorkflowError("Only the author can remove a note.")
    claim = annotation.claim
    with transaction.atomic():
        bump_unchecked(claim)
        events.record(
            claim, editor, ClaimEvent.Kind.UNANNOTATE, {"annotation": annotation.pk, "text": annotation.text}, {}
        )
        annotation.delete()
