"""Bulk actions on the queue: the rows an editor ticked, or every claim the filters match.

Each claim goes through the workflow on its own; what was refused is reported grouped by why, in an
editor's words. "All N matching" first shows a confirmation naming the count and offering only the
actions every claim of the set can take; it applies only if the count is still the one confirmed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import queries, workflow
from ..models import Claim, Status
from ..workflow.errors import moved_to, why_not
from .forms import REASON_CHOICES, BulkForm, action_name
from .views import desk_reader, queue_filter, require_reviewer

# Beyond this many claims "all matching" asks for narrower filters: each claim is its own transaction.
BULK_LIMIT = 2000
# How many claim numbers a refusal names before "and N more".
NAMED = 12


@dataclass
class BulkAction:
    kind: str  # "status" or "assign"
    to: str = ""
    assignee: object = None
    label: str = ""  # "marked verified", "assigned to bob"

    def valid_from(self, status: str) -> bool:
        return self.kind == "assign" or self.to in workflow.NEXT.get(status, ())


@dataclass
class Outcome:
    done: int = 0
    refused: dict[tuple, list[int]] = field(default_factory=dict)  # why (a key for _say) -> claim ids

    def refuse(self, why: tuple, pk: int) -> None:
        self.refused.setdefault(why, []).append(pk)


def _action(request: HttpRequest, value: str) -> BulkAction | str:
    """The chosen action, or why it cannot be done."""
    kind, _, argument = value.partition(":")
    if kind == "status":
        if argument not in Status.values:
            return f"Unknown status {argument!r}."
        return BulkAction("status", to=argument, label=moved_to(argument))
    if argument == "none":
        return BulkAction("assign", label="unassigned")
    assignee = queries.reviewers().filter(pk=int(argument)).first()
    if assignee is None:
        return "Claims can only be assigned to an editor."
    return BulkAction("assign", assignee=assignee, label=f"assigned to {assignee.get_username()}")


def _why(exc: workflow.WorkflowError, seen: int) -> tuple:
    """Why one claim was refused, as a key: refusals are grouped by it and said once per group."""
    if isinstance(exc, workflow.StaleClaim):
        names = sorted({_actor(event) for event in exc.changes_since(seen)}) or ["another editor"]
        return ("stale", " and ".join(names))
    if isinstance(exc, workflow.InvalidTransition):
        return ("invalid", exc.current, exc.to)
    if isinstance(exc, workflow.NoteRequired):
        return ("note", exc.to)
    return ("other", str(exc).rstrip("."))


def _actor(event) -> str:
    return event.actor.get_username() if event.actor else "the extractor"


def _say(why: tuple, many: bool) -> str:
    """The reason, in an editor's words, for one claim or for several."""
    them, they = ("them", "they") if many else ("it", "it")
    kind = why[0]
    if kind == "stale":
        return f"{why[1]} changed {them} after you loaded this page; nothing of theirs was overwritten"
    if kind == "invalid":
        return f"{'each' if many else 'it'} {why_not(why[1], why[2])}"
    if kind == "note":
        return f"{Status(why[1]).label.lower()} needs a verdict note, and none was given"
    if kind == "gone":
        return f"{they} no longer exist" if many else "it no longer exists"
    if kind == "version":
        return "the page did not say which version you saw; reload it"
    return why[1]


def _apply(request: HttpRequest, action: BulkAction, seen: dict[int, int], note: str, reason: str) -> Outcome:
    outcome = Outcome()
    claims = Claim.objects.select_related("assignee").in_bulk(list(seen))
    for pk, version in seen.items():
        claim = claims.get(pk)
        if claim is None:
            outcome.refuse(("gone",), pk)
            continue
        try:
            if action.kind == "status":
                workflow.transition(claim, to=action.to, editor=request.user, version=version, note=note, reason=reason)
            else:
                workflow.assign(claim, assignee=action.assignee, editor=request.user, version=version)
        except workflow.WorkflowError as exc:
            outcome.refuse(_why(exc, version), pk)
            continue
        outcome.done += 1
    return outcome


def _numbers(ids: list[int]) -> str:
    named = ", ".join(f"#{pk}" for pk in ids[:NAMED])
    return named + (f" and {len(ids) - NAMED} more" if len(ids) > NAMED else "")


def _report(request: HttpRequest, action: BulkAction, outcome: Outcome) -> None:
    if outcome.done:
        messages.success(request, f"{outcome.done} claim{'s' if outcome.done != 1 else ''} {action.label}.")
    for why, ids in outcome.refused.items():
        many = len(ids) != 1
        left = f"{len(ids)} claims left as they were" if many else "1 claim left as it was"
        messages.error(request, f"{left}: {_say(why, many)} ({_numbers(ids)}).")


def _versions_seen(request: HttpRequest, ids: list[int], outcome: Outcome) -> dict[int, int]:
    seen = {}
    for pk in ids:
        try:
            seen[pk] = int(request.POST.get(f"v{pk}", ""))
        except ValueError:
            outcome.refuse(("version",), pk)
    return seen


def _reason(form: BulkForm, action: BulkAction) -> str:
    return form.cleaned_data["reason"] if action.to == Status.DISMISSED else ""


@desk_reader
@require_POST
def queue_bulk(request: HttpRequest) -> HttpResponse:
    """Apply one action to the ticked rows, or to every claim the filters match once confirmed."""
    require_reviewer(request)
    query = request.POST.get("query", "")
    back = reverse("queue") + (f"?{query}" if query else "")
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    action = _action(request, form.cleaned_data["action"])
    if isinstance(action, str):
        messages.error(request, action)
        return redirect(back)
    if form.cleaned_data["all_matching"]:
        return _all_matching(request, form, action, query, back)
    if not form.cleaned_data["ids"]:
        messages.error(request, "Select at least one claim.")
        return redirect(back)
    unreadable = Outcome()
    seen = _versions_seen(request, form.cleaned_data["ids"], unreadable)
    outcome = _apply(request, action, seen, form.cleaned_data["note"], _reason(form, action))
    outcome.refused = unreadable.refused | outcome.refused
    _report(request, action, outcome)
    return redirect(back)


def _all_matching(request: HttpRequest, form: BulkForm, action: BulkAction, query: str, back: str) -> HttpResponse:
    matching = queue_filter(request, QueryDict(query)).qs
    count = matching.count()
    statuses = Counter(dict(matching.order_by().values_list("status").annotate(n=Count("pk"))))
    blocked = {status: n for status, n in statuses.items() if not action.valid_from(status)}
    confirmed = form.cleaned_data["confirmed"] and form.cleaned_data["count"] == count and not blocked
    if count > BULK_LIMIT:
        messages.error(request, f"{count} claims match: narrow the filters to {BULK_LIMIT} or fewer for one action.")
        return redirect(back)
    if not confirmed:
        context = {
            "count": count,
            "action": action,
            "action_value": form.cleaned_data["action"],
            "statuses": _in_status_order(statuses),
            "blocked": [(label.lower(), n) for label, n in _in_status_order(blocked)],
            "choices": _actions_open_to(statuses),
            "query": query,
            "back": back,
            "note": form.cleaned_data["note"],
            "reason": form.cleaned_data["reason"],
            "reasons": REASON_CHOICES,
            "changed": form.cleaned_data["confirmed"] and form.cleaned_data["count"] != count,
        }
        return render(request, "claims/bulk_confirm.html", context)
    # Every claim at its current version: the editor decided on the set, not on rows they saw.
    seen = dict(matching.order_by("pk").values_list("pk", "version"))
    _report(request, action, _apply(request, action, seen, form.cleaned_data["note"], _reason(form, action)))
    return redirect(back)


def _in_status_order(counts: dict[str, int]) -> list[tuple[str, int]]:
    return [(Status(status).label, counts[status]) for status in Status.values if status in counts]


def _actions_open_to(statuses: Counter) -> list[tuple[str, str]]:
    """The status actions every claim of the set can take, in the order of Status."""
    return [
        (f"status:{value}", action_name(value))
        for value in Status.values
        if statuses and all(value in workflow.NEXT.get(status, ()) for status in statuses)
    ]
