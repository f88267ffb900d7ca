"""The door: every change to a claim, an editor's or the system's, goes through one function here.

Each function checks the action, applies it with a version-checked UPDATE (optimistic locking, so
two editors cannot silently overwrite each other), bumps the claim's version and writes a
ClaimEvent, all in one transaction. A WorkflowError means nothing changed. Pages, the admin, the
API, the tasks and the extractor's sync all call these; none writes a claim another way.
"""

from .articles import record_article_correction
from .deletion import delete_claims
from .errors import (
    GroupChanged,
    InvalidEdit,
    InvalidReason,
    InvalidTransition,
    LinkError,
    NotAVerdict,
    NoteRequired,
    SourceChanged,
    StaleClaim,
    StaleLink,
    WorkflowError,
)
from .extraction import apply_extraction, create_claims, orphan_claim, reanchor_claim
from .fields import LINKING_FIELDS, assign, edit_fields
from .links import link, set_link_state, store_suggestions, unlink
from .notes import annotate, remove_annotation
from .status import NEXT, NOTE_REQUIRED, adopt_verdict, allowed_transitions, transition, transition_group

__all__ = [
    "LINKING_FIELDS",
    "NEXT",
    "NOTE_REQUIRED",
    "GroupChanged",
    "InvalidEdit",
    "InvalidReason",
    "InvalidTransition",
    "LinkError",
    "NotAVerdict",
    "NoteRequired",
    "StaleClaim",
    "SourceChanged",
    "StaleLink",
    "WorkflowError",
    "adopt_verdict",
    "allowed_transitions",
    "annotate",
    "apply_extraction",
    "assign",
    "create_claims",
    "delete_claims",
    "edit_fields",
    "link",
    "orphan_claim",
    "reanchor_claim",
    "record_article_correction",
    "remove_annotation",
    "set_link_state",
    "store_suggestions",
    "transition",
    "transition_group",
    "unlink",
]
