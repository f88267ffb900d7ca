"""Why the workflow refused an action. Each carries its API code and HTTP status; nothing changed."""

from __future__ import annotations

from collections.abc import Iterable

from factdesk.errors import DomainError

from ..models import VERDICTS, Claim, ClaimEvent, ClaimLink, Status


class WorkflowError(DomainError):
    """An editor action was refused; nothing changed."""


class InvalidTransition(WorkflowError):
    code, http_status, field = "invalid_transition", 409, "to"

    def __init__(self, current: str, to: str, *, claim_id: int | None = None, message: str = ""):
        self.current, self.to, self.claim_id = current, to, claim_id
        subject = "A claim" if claim_id is None else f"Claim #{claim_id}"
        super().__init__(message or f"{subject} cannot go from {current!r} to {to!r}.")


class NotAVerdict(InvalidTransition):
    """A fact group, or a claim taking an earlier check's verdict, takes a verdict, not another status."""

    def __init__(self, current: str, to: str):
        verdicts = ", ".join(Status(value).label.lower() for value in Status.values if value in VERDICTS)
        label = Status(to).label.lower() if to in Status.values else repr(to)
        super().__init__(current, to, message=f"Only a verdict can be given this way ({verdicts}), not {label}.")


class NoteRequired(WorkflowError):
    code, http_status, field = "note_required", 400, "note"

    def __init__(self, to: str):
        super().__init__(f"A verdict note is required for {Status(to).label.lower()}.")


class InvalidReason(WorkflowError):
    code, http_status, field = "invalid_reason", 400, "reason"


class StaleClaim(WorkflowError):
    """Another editor (or the extractor) saved the claim since this one loaded it."""

    code, http_status = "stale", 409

    def __init__(self, claim_id: int, current: Claim | None = None):
        self.claim_id = claim_id
        self.current = current
        super().__init__("Another editor changed this claim after you opened it. Review their change and try again.")

    def changes_since(self, version: int) -> list[ClaimEvent]:
        """What was saved after the version the editor saw, oldest first."""
        if self.current is None:
            return []
        return list(self.current.events.filter(version__gt=version).select_related("actor").order_by("at", "id"))


class InvalidEdit(WorkflowError):
    code = "invalid_edit"


class LinkError(WorkflowError):
    code = "invalid_link"


class StaleLink(WorkflowError):
    """Another editor decided the link since this one saw it."""

    code, http_status = "stale_link", 409

    def __init__(self, claim_link: ClaimLink, current: str | None):
        self.claim_link, self.current = claim_link, current
        now = "was removed" if current is None else f"is now {current}"
        super().__init__(f"Another editor decided this link after you opened it: it {now}. Nothing was changed.")


class GroupChanged(WorkflowError):
    """The fact group is not the one the editor saw: a claim joined or left it meanwhile."""

    code, http_status, field = "group_changed", 409, "versions"

    def __init__(self, expected: Iterable[int], actual: Iterable[int]):
        self.expected, self.actual = sorted(expected), sorted(actual)
        super().__init__(
            "The claims linked as this fact changed after you opened them. Review the group and try again."
        )


class SourceChanged(WorkflowError):
    """The earlier check whose verdict an editor adopted is no longer what they saw."""

    code, http_status = "source_changed", 409

    def __init__(self, source: Claim):
        self.source = source
        now = Status(source.status).label.lower()
        super().__init__(
            f"Claim #{source.pk} changed after you opened this page: it is now {now}. Nothing was changed."
        )
