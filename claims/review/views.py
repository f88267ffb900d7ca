"""The review workspace: desk, queue, claim page and article page.

Each view: sign-in and permission, a form, one workflow call, render. A write refused by the
workflow becomes a form error (400) or, when another editor saved first, a conflict (409) that
shows what they changed; nothing is overwritten.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from articles.filters import ARRIVED_CHOICES
from articles.models import Article, Outlet

from .. import lifecycle, queries, workflow
from ..extraction.labels import BASE_SCORE
from ..filters import ArticleProgressFilter, ClaimFilter, search_claims
from ..models import OPEN_STATUSES, VERDICTS, Annotation, Claim, ClaimLink, Kind, Qualifier, Status
from .export import csv_lines
from .forms import (
    REASON_CHOICES,
    AdoptVerdictForm,
    AssignForm,
    ClaimFieldsForm,
    GroupTransitionForm,
    LinkDecisionForm,
    LinkForm,
    NoteForm,
    TransitionForm,
    action_name,
)
from .highlight import article_paragraphs, paragraph_segments, snippet_segments
from .history import describe

PAGE_SIZE = 50
DESK_LIST_SIZE = 15
LINK_SEARCH_SIZE = 10
OPEN = [status for status in Status.values if status in OPEN_STATUSES]
# The claim page's status keys; needs_context has none (`n` focuses the note).
STATUS_KEYS = {
    Status.IN_REVIEW: "i",
    Status.VERIFIED: "v",
    Status.FALSE: "f",
    Status.MISLEADING: "m",
    Status.UNVERIFIABLE: "u",
    Status.DISMISSED: "d",
}
QUEUE_SORTS = [("", "most check-worthy"), ("newest", "newest"), ("changed", "recently changed")]
# Decisions move on to the next claim of the queue; starting a review or restoring a claim does not.
DECISIONS = VERDICTS | {Status.DISMISSED}
# What a status button says where the status's name would not read as an action.
ACTION_LABELS = {Status.NEW: "Restore to the queue", Status.DISMISSED: "Dismiss"}


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def desk_reader(view):
    """Every review view: signed in (else the sign-in page) and holding claims.view_claim (else 403), like the API."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("claims.view_claim"):
            raise PermissionDenied("Reading the desk needs the Viewers or Editors group.")
        return view(request, *args, **kwargs)

    return login_required(checked)


def require_reviewer(request: HttpRequest) -> None:
    """Every state-changing request: only holders of claims.review_claim (Editors) pass."""
    if not request.user.has_perm("claims.review_claim"):
        raise PermissionDenied("Only editors can change claims.")


# Desk


@desk_reader
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    counts, extractors = queries.desk_counts()
    open_claims = Claim.objects.filter(article=OuterRef("pk"), status__in=OPEN)
    open_count = open_claims.order_by().values("article").annotate(n=Count("pk")).values("n")
    unreviewed = Article.objects.with_outlet().defer("body").filter(Exists(open_claims)).order_by("-ingested_at", "-id")
    mine = Claim.objects.for_queue().needing_review().filter(assignee=request.user)
    # Articles whose extraction needs a look: failed, or pending/running for longer than the sweeper waits.
    attention = (
        Article.objects.with_outlet()
        .defer("body")
        .filter(lifecycle.waiting_or_failed())
        .order_by("-extraction_status_at", "-id")
    )
    # Each list shows its first few and says how many there are, with a link to them all.
    context = {
        "statuses": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        "total": sum(counts.values()),
        "every_status": "&".join(f"status={value}" for value in Status.values),
        "extractors": extractors,
        "mine": mine[:DESK_LIST_SIZE],
        "mine_count": mine.count(),
        "recent": Claim.objects.for_queue().order_by("-updated_at", "-id")[:DESK_LIST_SIZE],
        "unreviewed": unreviewed.annotate(open_claims=Subquery(open_count))[:DESK_LIST_SIZE],
        "failed": attention[:DESK_LIST_SIZE],
        "unreviewed_count": queries.articles_with_open_claims(),
        **attention.aggregate(
            failed_count=Count("pk"),
            failed_total=Count("pk", filter=Q(extraction_status=Article.ExtractionStatus.FAILED)),
        ),
        "can_retry": request.user.has_perm("claims.review_claim"),
        "max_attempts": settings.FACTDESK_EXTRACTION_MAX_ATTEMPTS,
    }
    return render(request, "claims/desk.html", context)


# Queue


def queue_filter(request: HttpRequest, query: QueryDict | None = None) -> ClaimFilter:
    """The queue's filters from the URL (or `query`, a queue's query string); most check-worthy first,
    then newest. Without a status filter the queue holds what is left to do: new and in-review claims."""
    data = (request.GET if query is None else query).copy()
    if not data.getlist("status"):
        data.setlist("status", OPEN)
    return ClaimFilter(data, queryset=queries.queue(data.get("sort", "")), user=request.user)


@desk_reader
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    filterset = queue_filter(request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    editors = list(queries.reviewers())
    # Each claim opens with the queue it came from, so a decision can move on to the next claim.
    came_from = "?" + urlencode({"queue": request.GET.urlencode()})
    checks = queries.earlier_checks(page)
    context = {
        "filter": filterset,
        "page": page,
        "rows": [_queue_row(claim, came_from, checks.get(claim.pk)) for claim in page],
        "query": _query_without(request, "page"),
        "can_review": request.user.has_perm("claims.review_claim"),
        "reviewers": editors,
        "statuses": Status.choices,
        "selected_statuses": request.GET.getlist("status"),  # none ticked: the open claims
        "every_status": "&".join(f"status={value}" for value in Status.values),
        "assignee_choices": [("", "anyone"), ("mine", "mine"), ("unassigned", "unassigned")]
        + [(user.get_username(), user.get_username()) for user in editors],
        "outlets": Outlet.objects.only("pk", "name"),
        "qualifiers": Qualifier.choices,
        "kinds": Kind.choices,
        "reasons": REASON_CHOICES,
        "bulk_statuses": [(value, action_name(value)) for value in Status.values if value != Status.NEW],
        # The bulk menu offers a status only when every ticked claim can take it (factdesk.js reads this).
        "next_statuses": {status: sorted(allowed) for status, allowed in workflow.NEXT.items()},
        "arrivals": ARRIVED_CHOICES,
        "sorts": QUEUE_SORTS,
        "sort": request.GET.get("sort") if request.GET.get("sort") in queries.QUEUE_ORDERS else "",
        **folded_filters(request, filterset),
        "active_filters": sum(1 for name in _FOLDED_FILTERS if request.GET.get(name)),
    }
    response = render(request, "claims/queue.html", context)
    # Back from a claim shows the queue as it is now (decided claims gone), not a cached copy.
    response["Cache-Control"] = "no-store"
    return response


_FOLDED_FILTERS = (
    "status", "assignee", "outlet", "article", "article_title", "unit", "place", "qualifier", "kind", "arrived",
    "arrived_after", "arrived_before", "value_min", "value_max",
)  # fmt: skip


def folded_filters(request: HttpRequest, filterset: ClaimFilter) -> dict:
    """What the folded filters of the queue and the inbox show besides their fields: whether they are open
    (they fold away so the list fills the screen; open is in the URL, and errors open them), and for the
    article filter (`claims/_article_filter.html`) the article an `article=<id>` link (from an article
    page) narrowed the list to, for its title, and the same URL without it."""
    chosen = filterset.form.cleaned_data.get("article") if filterset.form.is_valid() else None
    return {
        "filters_open": request.GET.get("filters") == "open" or bool(filterset.form.errors),
        "chosen_article": chosen,
        "query_without_article": _query_without(request, "article", "page"),
    }


def _queue_row(claim: Claim, came_from: str, earlier: queries.EarlierCheck | None) -> dict:
    return {
        "claim": claim,
        "earlier": earlier,
        "segments": snippet_segments(claim),
        "url": reverse("claim-detail", args=[claim.pk]) + came_from,
        "article_url": reverse("article-detail", args=[claim.article_id]),
    }


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


@desk_reader
@require_GET
def article_titles(request: HttpRequest) -> HttpResponse:
    """The queue's article box suggests headlines as the editor types (htmx fills its datalist)."""
    words = request.GET.get("article_title", "").strip()
    titles = []
    if len(words) >= 2:
        found = Article.objects.filter(title__icontains=words).order_by("-ingested_at", "-id")
        titles = list(found.values_list("title", flat=True)[:LINK_SEARCH_SIZE])
    return render(request, "claims/_article_titles.html", {"titles": titles})


@desk_reader
@require_GET
def queue_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every claim the filters select (all pages), streamed as CSV."""
    claims = queue_filter(request).qs.iterator(chunk_size=2000)
    response = StreamingHttpResponse(csv_lines(request, claims), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="factdesk-claims.csv"'
    return response


# Claim page


def _claim_or_404(pk: int) -> Claim:
    return get_object_or_404(Claim.objects.select_related("article__outlet", "assignee", "reviewed_by"), pk=pk)


def _links(claim: Claim) -> list[dict]:
    links = queries.links_of(claim)
    return [
        {"link": link, "other": link.to_claim if link.from_claim_id == claim.pk else link.from_claim} for link in links
    ]


def _suggestions(claim: Claim) -> list[dict]:
    return [
        {"link": link, "other": link.to_claim if link.from_claim_id == claim.pk else link.from_claim}
        for link in queries.suggestions_for(claim)
    ]


def _group(claim: Claim, links: list[dict]) -> list[Claim]:
    """The claim's fact group, when an editor confirmed a `same` link on it; else nothing (and no query)."""
    Relation, State = ClaimLink.Relation, ClaimLink.State
    if not any(item["link"].relation == Relation.SAME and item["link"].state == State.CONFIRMED for item in links):
        return []
    return queries.fact_group(claim)


def _updates(claim: Claim, links: list[dict]) -> list[tuple[Claim, ClaimLink | None]]:
    """The claim's running count, oldest figure first, when an `updates` link touches it; else nothing
    (and no query)."""
    if not any(item["link"].relation == ClaimLink.Relation.UPDATES for item in links):
        return []
    return queries.updates_chain(claim)


def _link_candidates(claim_pk: int, text: str) -> list[Claim]:
    if not text.strip():
        return []
    found = Claim.objects.exclude(pk=claim_pk).select_related("article__outlet").defer("article__body")
    return list(search_claims(found, text).order_by("-score", "-id")[:LINK_SEARCH_SIZE])


def score_reasons(claim: Claim) -> dict[str, Any]:
    """Why this score: the base and each part the extractor added or took away, largest first. A claim
    extracted before the parts were kept has none to show."""
    parts = [{"what": str(what), "value": float(value)} for what, value in (claim.score_parts or [])]
    parts.sort(key=lambda part: -abs(part["value"]))
    return {"base": BASE_SCORE, "parts": parts, "score": claim.score}


def _workspace(request: HttpRequest, claim: Claim, **overrides) -> dict:
    """Everything the claim's workspace shows, each form carrying the version it was rendered with."""
    link_q = request.GET.get("link_q", "")
    links = _links(claim)
    group = _group(claim, links)
    context = {
        "claim": claim,
        "can_review": request.user.has_perm("claims.review_claim"),
        "transitions": [
            {
                "value": value,
                "label": ACTION_LABELS.get(value, Status(value).label),
                "key": STATUS_KEYS.get(value, ""),
                "needs_note": value in workflow.NOTE_REQUIRED,
            }
            for value in workflow.allowed_transitions(claim)
        ],
        "reasons": REASON_CHOICES,
        "can_dismiss": Status.DISMISSED in workflow.NEXT.get(claim.status, ()),
        "transition_form": TransitionForm(),
        "fields_form": ClaimFieldsForm.for_claim(claim),
        "note_form": NoteForm(),
        "link_form": LinkForm(),
        "link_q": link_q,
        "candidates": _link_candidates(claim.pk, link_q),
        "score_reasons": score_reasons(claim),
        "reviewers": queries.reviewers(),
        "annotations": claim.annotations.select_related("author"),
        # Suggestions have their own section; here the links an editor made or decided.
        "links": [item for item in links if item["link"].state != ClaimLink.State.SUGGESTED],
        "contradictions": [
            item
            for item in links
            if item["link"].relation == ClaimLink.Relation.CONTRADICTS
            and item["link"].state == ClaimLink.State.CONFIRMED
        ],
        "suggestions": _suggestions(claim),
        # Read from the links already loaded: no query of its own.
        "earlier": queries.pick_earlier_checks({claim.pk}, [item["link"] for item in links]).get(claim.pk),
        "updates": _updates(claim, links),
        "group": group,
        "group_articles": len({member.article_id for member in group}),
        # A group takes any verdict, whatever its claims' states (workflow.transition_group).
        "group_statuses": [(value, label) for value, label in Status.choices if value in VERDICTS],
        "group_form": GroupTransitionForm(),
        "events": [(event, describe(event)) for event in claim.events.select_related("actor")],
        "conflict": None,
        "error": "",
        "notice": "",
    } | overrides
    context["field_rows"] = context["fields_form"].rows(claim)
    return context


def _came_from(request: HttpRequest) -> str | None:
    """The query string of the queue the claim was opened from (may be empty), or None."""
    value = request.POST.get("queue") if request.method == "POST" else request.GET.get("queue")
    return None if value is None else value[:2000]


# Which card of the workspace a form belongs to: its outcome is shown there, beside the form.
CARD_OF = {
    "claim-transition": "status",
    "claim-fields": "fields",
    "claim-assign": "assignee",
    "claim-annotate": "notes",
    "claim-note-remove": "notes",
    "claim-link": "links",
    "claim-unlink": "links",
    "claim-link-decide": "suggestions",
    "claim-group-transition": "group",
    "claim-adopt-verdict": "status",  # the earlier check's card goes once the claim is decided
}


def _render_claim(request: HttpRequest, claim: Claim, *, status: int = 200, **overrides) -> HttpResponse:
    overrides.setdefault("message_card", CARD_OF.get(request.resolver_match.url_name, ""))
    context = _workspace(request, claim, **overrides)
    queue_query = _came_from(request)
    context["queue_query"] = queue_query
    context["queue_url"] = reverse("queue") + (f"?{queue_query}" if queue_query else "")
    if is_htmx(request):
        return render(request, "claims/_claim_workspace.html", context, status=status)
    context["paragraph"] = paragraph_segments(claim.article.body, claim)
    context["shortcuts"] = STATUS_KEYS
    return render(request, "claims/claim_detail.html", context, status=status)


def _changed(request: HttpRequest, pk: int, notice: str) -> HttpResponse:
    if is_htmx(request):
        return _render_claim(request, _claim_or_404(pk), notice=notice)
    messages.success(request, notice)
    return redirect("claim-detail", pk=pk)


def _refused(request: HttpRequest, pk: int, exc: workflow.WorkflowError, *, seen: int, **forms) -> HttpResponse:
    claim = _claim_or_404(pk)
    if isinstance(exc, workflow.StaleClaim):
        conflict = [(event, describe(event)) for event in exc.changes_since(seen)]
        return _render_claim(request, claim, status=409, conflict=conflict, error=str(exc), **forms)
    status = 409 if isinstance(exc, workflow.SourceChanged) else 400
    return _render_claim(request, claim, status=status, error=str(exc), **forms)


@desk_reader
@require_GET
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_claim(request, _claim_or_404(pk))


@desk_reader
@require_GET
def claim_link_search(request: HttpRequest, pk: int) -> HttpResponse:
    """The link box's results (htmx), excluding the claim itself."""
    claim = get_object_or_404(Claim.objects.only("pk"), pk=pk)
    context = {"claim": claim, "candidates": _link_candidates(pk, request.GET.get("link_q", ""))}
    context["link_q"] = request.GET.get("link_q", "")
    return render(request, "claims/_link_candidates.html", context)


@desk_reader
@require_POST
def claim_transition(request: HttpRequest, pk: int) -> HttpResponse:
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, transition_form=form)
    seen, to = form.cleaned_data["version"], form.cleaned_data["to"]
    note, reason = form.cleaned_data["note"], form.reason_for(to)
    queue_query = _came_from(request)
    after = queries.after_in_queue(claim, QueryDict(queue_query or "").get("sort", ""))
    try:
        workflow.transition(claim, to=to, editor=request.user, version=seen, note=note, reason=reason)
    except workflow.WorkflowError as exc:
        if isinstance(exc, workflow.NoteRequired):
            form.add_error("note", str(exc))
        return _refused(request, pk, exc, seen=seen, transition_form=form)
    if queue_query is not None and to in DECISIONS:
        return _next_in_queue(request, pk, queue_query, after, _status_notice(to))
    return _changed(request, pk, _status_notice(to))


def _next_in_queue(request: HttpRequest, pk: int, queue_query: str, after: Q, notice: str) -> HttpResponse:
    """After a decision, the next claim of the queue the editor came from; the last one stays put."""
    found = queue_filter(request, QueryDict(queue_query)).qs.filter(after).exclude(pk=pk).first()
    if found is None:
        return _changed(request, pk, f"{notice} That was the last claim of this queue.")
    messages.success(request, f"Claim #{pk}: {notice[0].lower()}{notice[1:]}", extra_tags=f"claim-{pk}")
    url = reverse("claim-detail", args=[found.pk]) + "?" + urlencode({"queue": queue_query})
    if not is_htmx(request):
        return redirect(url)
    # The page replaces itself (no history entry per claim), so Back leads to the queue.
    response = HttpResponse(status=204)
    response["HX-Trigger"] = json.dumps({"factdesk:open": {"url": url}})
    return response


def _status_notice(to: str) -> str:
    if to == Status.DISMISSED:
        return "Dismissed."
    if to == Status.NEW:
        return "Restored to the queue as new."
    return f"Status changed to {Status(to).label.lower()}."


@desk_reader
@require_POST
def claim_fields(request: HttpRequest, pk: int) -> HttpResponse:
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = ClaimFieldsForm.for_claim(claim, request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, fields_form=form)
    seen = form.cleaned_data["version"]
    try:
        workflow.edit_fields(claim, changes=form.changes(), editor=request.user, version=seen)
    except workflow.WorkflowError as exc:
        return _refused(request, pk, exc, seen=seen, fields_form=form)
    return _changed(request, pk, "Fields saved.")


@desk_reader
@require_POST
def claim_assign(request: HttpRequest, pk: int) -> HttpResponse:
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, error="Choose an editor.")
    assignee = None
    if form.cleaned_data["assignee"] is not None:
        assignee = queries.reviewers().filter(pk=form.cleaned_data["assignee"]).first()
        if assignee is None:
            return _render_claim(request, claim, status=400, error="Claims can only be assigned to an editor.")
    seen = form.cleaned_data["version"]
    try:
        workflow.assign(claim, assignee=assignee, editor=request.user, version=seen)
    except workflow.WorkflowError as exc:
        return _refused(request, pk, exc, seen=seen)
    return _changed(request, pk, f"Assigned to {assignee.get_username()}." if assignee else "Unassigned.")


@desk_reader
@require_POST
def claim_annotate(request: HttpRequest, pk: int) -> HttpResponse:
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, note_form=form)
    try:
        workflow.annotate(
            claim, text=form.cleaned_data["text"], evidence_url=form.cleaned_data["evidence_url"], editor=request.user
        )
    except workflow.WorkflowError as exc:
        form.add_error("text", str(exc))
        return _refused(request, pk, exc, seen=claim.version, note_form=form)
    return _changed(request, pk, "Note added.")


@desk_reader
@require_POST
def claim_annotation_remove(request: HttpRequest, pk: int, annotation_pk: int) -> HttpResponse:
    require_reviewer(request)
    annotation = get_object_or_404(Annotation.objects.select_related("claim"), pk=annotation_pk, claim_id=pk)
    try:
        workflow.remove_annotation(annotation, editor=request.user)
    except workflow.WorkflowError as exc:
        return _refused(request, pk, exc, seen=annotation.claim.version)
    return _changed(request, pk, "Note removed.")


@desk_reader
@require_POST
def claim_link(request: HttpRequest, pk: int) -> HttpResponse:
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, link_form=form)
    other = Claim.objects.filter(pk=form.cleaned_data["other"]).first()
    if other is None:
        form.add_error("other", "That claim does not exist.")
        return _render_claim(request, claim, status=400, link_form=form)
    try:
        workflow.link(claim, other, relation=form.cleaned_data["relation"], editor=request.user)
    except workflow.WorkflowError as exc:
        form.add_error("other", str(exc))
        return _refused(request, pk, exc, seen=claim.version, link_form=form)
    return _changed(request, pk, f"Linked to claim #{other.pk}.")


@desk_reader
@require_POST
def claim_unlink(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    require_reviewer(request)
    claim_link = get_object_or_404(ClaimLink.objects.filter(Q(from_claim_id=pk) | Q(to_claim_id=pk)), pk=link_pk)
    workflow.unlink(claim_link, editor=request.user)
    return _changed(request, pk, "Link removed.")


@desk_reader
@require_POST
def claim_link_decide(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    """Confirm or reject a suggested link of the claim; both claims record the decision."""
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = LinkDecisionForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, error="Confirm or reject the suggestion.")
    claim_link = ClaimLink.objects.filter(Q(from_claim_id=pk) | Q(to_claim_id=pk), pk=link_pk).first()
    if claim_link is None:  # the linker withdrew it or an editor removed it since the page was drawn
        return _render_claim(request, claim, status=409, error="This link no longer exists. Nothing was changed.")
    state = form.cleaned_data["state"]
    try:
        workflow.set_link_state(claim_link, state=state, editor=request.user, seen_state=form.cleaned_data["seen"])
    except workflow.WorkflowError as exc:
        conflict = isinstance(exc, workflow.StaleLink)
        return _render_claim(request, _claim_or_404(pk), status=409 if conflict else 400, error=str(exc))
    return _changed(request, pk, "Link confirmed." if state == ClaimLink.State.CONFIRMED else "Suggestion rejected.")


@desk_reader
@require_POST
def claim_group_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """One verdict for every claim of the fact group, each with its own event; or, refused, for none."""
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = GroupTransitionForm(request.POST)
    if not form.is_valid():
        error = " ".join(form.non_field_errors()) or "Choose a status for the group."
        return _render_claim(request, claim, status=400, group_form=form, error=error)
    to, versions = form.cleaned_data["to"], form.cleaned_data["versions"]
    try:
        group = workflow.transition_group(
            claim, to=to, editor=request.user, versions=versions, note=form.cleaned_data["note"]
        )
    except workflow.WorkflowError as exc:
        return _group_refused(request, pk, exc, form)
    notice = f"Status changed to {Status(to).label.lower()} for all {len(group)} claims of the group."
    return _changed(request, pk, notice)


@desk_reader
@require_POST
def claim_adopt_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the claim the verdict of a claim already checked as the same fact (key c)."""
    require_reviewer(request)
    claim = _claim_or_404(pk)
    form = AdoptVerdictForm(request.POST)
    if not form.is_valid():
        return _render_claim(request, claim, status=400, error="The earlier check is missing; reload the page.")
    source = Claim.objects.select_related("article__outlet").filter(pk=form.cleaned_data["source"]).first()
    if source is None:
        return _render_claim(request, claim, status=409, error="The earlier check no longer exists.")
    queue_query = _came_from(request)
    after = queries.after_in_queue(claim, QueryDict(queue_query or "").get("sort", ""))
    seen = form.cleaned_data["version"]
    try:
        workflow.adopt_verdict(
            claim, source=source, editor=request.user, version=seen, seen_status=form.cleaned_data["seen_status"]
        )
    except workflow.WorkflowError as exc:
        return _refused(request, pk, exc, seen=seen)
    notice = f"Marked {Status(source.status).label.lower()}, as claim #{source.pk}."
    if queue_query is not None:
        return _next_in_queue(request, pk, queue_query, after, notice)
    return _changed(request, pk, notice)


def _group_refused(request: HttpRequest, pk: int, exc: workflow.WorkflowError, form: GroupTransitionForm):
    claim = _claim_or_404(pk)
    if isinstance(exc, workflow.NoteRequired):
        form.add_error("note", str(exc))
        return _render_claim(request, claim, status=400, group_form=form, error=str(exc))
    error = f"{exc} No claim of the group was changed."
    if isinstance(exc, workflow.StaleClaim):
        seen = form.cleaned_data["versions"].get(exc.claim_id, 0)
        conflict = [(event, describe(event)) for event in exc.changes_since(seen)]
        error = f"Claim #{exc.claim_id} of the group: {error}"
        return _render_claim(request, claim, status=409, conflict=conflict, group_form=form, error=error)
    return _render_claim(request, claim, status=409, group_form=form, error=error)


# Article pages


@desk_reader
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    """The day's copy: articles as they came in, newest first, each with its review progress."""
    articles = Article.objects.with_outlet().defer("body").order_by("-ingested_at", "-id")
    filterset = ArticleProgressFilter(request.GET, queryset=articles)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    progress = queries.review_progress([article.pk for article in page])
    context = {
        "filter": filterset,
        "page": page,
        "rows": [(article, progress[article.pk]) for article in page],
        "query": _query_without(request, "page"),
        "outlets": Outlet.objects.only("pk", "name"),
    }
    return render(request, "articles/article_list.html", context)


@desk_reader
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole text with every claim highlighted where it stands."""
    article = get_object_or_404(Article.objects.with_outlet(), pk=pk)
    claims = list(article.claims.select_related("assignee").order_by("quote_start", "pk"))
    context = {
        "article": article,
        "claims": claims,
        "paragraphs": article_paragraphs(article.body, claims),
        "reviewed": sum(1 for claim in claims if claim.status in VERDICTS),
        "dismissed": sum(1 for claim in claims if claim.status == Status.DISMISSED),
    }
    return render(request, "articles/article_detail.html", context)


@desk_reader
@require_POST
def article_retry_extraction(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors: queue a failed or stuck article's extraction again, its attempts counted afresh."""
    require_reviewer(request)
    article = get_object_or_404(Article.objects.only("pk", "title"), pk=pk)
    if lifecycle.retry(article.pk):
        messages.success(request, f"Extraction of “{article.title}” queued again.")
    else:
        messages.warning(
            request,
            f"The task queue is unreachable: “{article.title}” stays pending and is queued again by the sweeper "
            "once the queue is back.",
        )
    return redirect(reverse("desk") + "#failed")
