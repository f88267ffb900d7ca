"""The review workspace: desk, queue and claim page.

Each view: sign-in and permission, a form, one workflow call, render. A write refused by the
workflow becomes a form error (400) or, when another editor saved first, a conflict (409) that
shows what they changed; nothing is overwritten.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Outlet

from . import linking, workflow
from .filters import ClaimFilter, search_claims
from .forms import (
    AssignForm,
    BulkForm,
    ClaimFieldsForm,
    GroupTransitionForm,
    LinkDecisionForm,
    LinkForm,
    NoteForm,
    TransitionForm,
    reviewers,
)
from .highlight import paragraph_segments, sentence_segments
from .history import describe
from .models import Annotation, Claim, ClaimLink, Kind, Qualifier, Status

PAGE_SIZE = 50
DESK_LIST_SIZE = 15
LINK_SEARCH_SIZE = 10
OPEN = [Status.NEW, Status.IN_REVIEW]
# The claim page's status keys; needs_context has none (`n` focuses the note).
STATUS_KEYS = {
    Status.IN_REVIEW: "i",
    Status.VERIFIED: "v",
    Status.FALSE: "f",
    Status.MISLEADING: "m",
    Status.UNVERIFIABLE: "u",
}


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
    counts = dict(Claim.objects.order_by().values_list("status").annotate(n=Count("pk")))
    open_claims = Claim.objects.filter(article=OuterRef("pk"), status__in=OPEN)
    open_count = open_claims.order_by().values("article").annotate(n=Count("pk")).values("n")
    unreviewed = Article.objects.with_outlet().filter(Exists(open_claims))
    context = {
        "statuses": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        "total": sum(counts.values()),
        "mine": Claim.objects.for_queue().needing_review().filter(assignee=request.user)[:DESK_LIST_SIZE],
        "recent": Claim.objects.for_queue().order_by("-updated_at", "-id")[:DESK_LIST_SIZE],
        "unreviewed": unreviewed.annotate(open_claims=Subquery(open_count))[:DESK_LIST_SIZE],
        "failed": Article.objects.with_outlet().extraction_failed()[:DESK_LIST_SIZE],
    }
    return render(request, "claims/desk.html", context)


# Queue


def queue_filter(request: HttpRequest) -> ClaimFilter:
    """The queue's filters from the URL; most check-worthy first, then newest."""
    queryset = Claim.objects.for_queue().with_contradiction_flag().order_by("-score", "-created_at", "-id")
    return ClaimFilter(request.GET, queryset=queryset, user=request.user)


@desk_reader
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    filterset = queue_filter(request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    editors = list(reviewers())
    context = {
        "filter": filterset,
        "page": page,
        "rows": [_queue_row(claim) for claim in page],
        "query": _query_without(request, "page"),
        "can_review": request.user.has_perm("claims.review_claim"),
        "reviewers": editors,
        "statuses": Status.choices,
        "selected_statuses": request.GET.getlist("status"),
        "assignee_choices": [("", "anyone"), ("mine", "mine"), ("unassigned", "unassigned")]
        + [(user.get_username(), user.get_username()) for user in editors],
        "outlets": Outlet.objects.only("pk", "name"),
        "qualifiers": Qualifier.choices,
        "kinds": Kind.choices,
    }
    return render(request, "claims/queue.html", context)


def _queue_row(claim: Claim) -> dict:
    return {
        "claim": claim,
        "segments": sentence_segments(claim),
        "url": reverse("claim-detail", args=[claim.pk]),
        "article_url": reverse("article-detail", args=[claim.article_id]),
    }


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


CSV_COLUMNS = [
    "id", "status", "label", "quote", "sentence", "value", "value_low", "value_high", "qualifier", "unit", "kind",
    "time_text", "period_start", "period_end", "places", "attribution", "score", "assignee", "verdict_note",
    "article_id", "article_title", "outlet", "published", "url", "claim_url",
]  # fmt: skip


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run article text starting like a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_row(request: HttpRequest, claim: Claim) -> list[str]:
    article = claim.article
    values = [
        claim.pk, claim.status, claim.label, claim.quote, claim.sentence, claim.value, claim.value_low,
        claim.value_high, claim.qualifier, claim.unit, claim.kind, claim.time_text, claim.period_start,
        claim.period_end, "; ".join(claim.places or []), claim.attribution, claim.score,
        claim.assignee.get_username() if claim.assignee else "", claim.verdict_note, article.pk, article.title,
        article.outlet.name if article.outlet else "", article.published, article.url,
        request.build_absolute_uri(reverse("claim-detail", args=[claim.pk])),
    ]  # fmt: skip
    return [_cell(value) for value in values]


class _Echo:
    def write(self, value: str) -> str:
        return value


@desk_reader
@require_GET
def queue_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every claim the filters select (all pages), streamed as CSV."""
    claims = queue_filter(request).qs

    def lines() -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield writer.writerow(CSV_COLUMNS)
        for claim in claims.iterator(chunk_size=2000):
            yield writer.writerow(_csv_row(request, claim))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="factdesk-claims.csv"'
    return response


@desk_reader
@require_POST
def queue_bulk(request: HttpRequest) -> HttpResponse:
    """Assign or change the status of the selected rows, each through the workflow."""
    require_reviewer(request)
    back = reverse("queue") + ("?" + request.POST["query"] if request.POST.get("query") else "")
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    kind, _, argument = form.cleaned_data["action"].partition(":")
    assignee = None
    if kind == "status" and argument not in Status.values:
        messages.error(request, f"Unknown status {argument!r}.")
        return redirect(back)
    if kind == "assign" and argument != "none":
        assignee = reviewers().filter(pk=int(argument)).first()
        if assignee is None:
            messages.error(request, "Claims can only be assigned to an editor.")
            return redirect(back)
    ids, note = form.cleaned_data["ids"], form.cleaned_data["note"]
    claims = {claim.pk: claim for claim in Claim.objects.select_related("assignee").filter(pk__in=ids)}
    done, refused = 0, []
    for pk in ids:
        claim = claims.get(pk)
        if claim is None:
            refused.append(f"claim #{pk}: it no longer exists.")
            continue
        try:
            seen = int(request.POST.get(f"v{pk}", ""))
        except ValueError:
            refused.append(f"claim #{pk}: the version it showed is missing.")
            continue
        try:
            if kind == "status":
                workflow.transition(claim, to=argument, editor=request.user, version=seen, note=note)
            else:
                workflow.assign(claim, assignee=assignee, editor=request.user, version=seen)
        except workflow.WorkflowError as exc:
            refused.append(f"claim #{pk} ({claim}): {exc}")
            continue
        done += 1
    if done:
        messages.success(request, f"{done} claim{'s' if done != 1 else ''} updated.")
    for reason in refused:
        messages.error(request, reason)
    return redirect(back)


# Claim page


def _claim_or_404(pk: int) -> Claim:
    return get_object_or_404(Claim.objects.select_related("article__outlet", "assignee", "reviewed_by"), pk=pk)


def _links(claim: Claim) -> list[dict]:
    links = ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim)).select_related(
        "from_claim__article__outlet", "to_claim__article__outlet", "created_by"
    )
    return [
        {"link": link, "other": link.to_claim if link.from_claim_id == claim.pk else link.from_claim} for link in links
    ]


def _suggestions(claim: Claim) -> list[dict]:
    return [
        {"link": link, "other": link.to_claim if link.from_claim_id == claim.pk else link.from_claim}
        for link in linking.suggestions_for(claim)
    ]


def _group(claim: Claim, links: list[dict]) -> list[Claim]:
    """The claim's fact group, when an editor confirmed a `same` link on it; else nothing (and no query)."""
    Relation, State = ClaimLink.Relation, ClaimLink.State
    if not any(item["link"].relation == Relation.SAME and item["link"].state == State.CONFIRMED for item in links):
        return []
    return linking.fact_group(claim)


def _statuses_open_to_all(group: list[Claim]) -> list[tuple[str, str]]:
    """The statuses every claim of the group may move to, in the order of Status."""
    allowed = [set(workflow.allowed_transitions(member)) for member in group]
    return [(value, label) for value, label in Status.choices if all(value in each for each in allowed)]


def _link_candidates(claim_pk: int, text: str) -> list[Claim]:
    if not text.strip():
        return []
    found = Claim.objects.exclude(pk=claim_pk).select_related("article__outlet")
    return list(search_claims(found, text).order_by("-score", "-id")[:LINK_SEARCH_SIZE])


def _workspace(request: HttpRequest, claim: Claim, **overrides) -> dict:
    """Everything the claim's workspace shows, each form carrying the version it was rendered with."""
    link_q = request.GET.get("link_q", "")
    links = _links(claim)
    group = _group(claim, links)
    context = {
        "claim": claim,
        "can_review": request.user.has_perm("claims.review_claim"),
        "transitions": [
            {"value": value, "label": Status(value).label, "key": STATUS_KEYS.get(value, "")}
            for value in workflow.allowed_transitions(claim)
        ],
        "transition_form": TransitionForm(),
        "fields_form": ClaimFieldsForm.for_claim(claim),
        "note_form": NoteForm(),
        "link_form": LinkForm(),
        "link_q": link_q,
        "candidates": _link_candidates(claim.pk, link_q),
        "reviewers": reviewers(),
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
        "group": group,
        "group_articles": len({member.article_id for member in group}),
        "group_statuses": _statuses_open_to_all(group),
        "group_form": GroupTransitionForm(),
        "events": [(event, describe(event)) for event in claim.events.select_related("actor")],
        "conflict": None,
        "error": "",
        "notice": "",
    } | overrides
    context["field_rows"] = context["fields_form"].rows(claim)
    return context


def _render_claim(request: HttpRequest, claim: Claim, *, status: int = 200, **overrides) -> HttpResponse:
    context = _workspace(request, claim, **overrides)
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
    return _render_claim(request, claim, status=400, error=str(exc), **forms)


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
    try:
        workflow.transition(claim, to=to, editor=request.user, version=seen, note=form.cleaned_data["note"])
    except workflow.WorkflowError as exc:
        if isinstance(exc, workflow.NoteRequired):
            form.add_error("note", str(exc))
        return _refused(request, pk, exc, seen=seen, transition_form=form)
    return _changed(request, pk, f"Status changed to {Status(to).label.lower()}.")


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
        assignee = reviewers().filter(pk=form.cleaned_data["assignee"]).first()
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
