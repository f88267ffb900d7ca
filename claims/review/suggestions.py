"""The suggestions inbox: the linker's suggestions left to review across claims, best first.

Filtered like the queue (a suggestion is listed when one of its two claims is in the filtered
queue), decided one by one with y/x or the buttons; each decision goes through the workflow, so a
suggestion another editor decided meanwhile is refused, not overruled.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from articles.filters import ARRIVED_CHOICES
from articles.models import Outlet

from .. import queries, workflow
from ..filters import ClaimFilter
from ..models import ClaimLink, Kind, Qualifier, Status
from .forms import LinkDecisionForm
from .views import OPEN, desk_reader, folded_filters, is_htmx, require_reviewer

PAGE_SIZE = 50
RELATIONS = [(value, label) for value, label in ClaimLink.Relation.choices if value != ClaimLink.Relation.SUPPORTS]


def _inbox(request: HttpRequest) -> tuple[ClaimFilter, str]:
    data = request.GET.copy()
    if not data.getlist("status"):
        data.setlist("status", OPEN)
    filterset = ClaimFilter(data, queryset=queries.queue(), user=request.user)
    relation = request.GET.get("relation", "")
    return filterset, relation if relation in ClaimLink.Relation.values else ""


def _row(link: ClaimLink) -> dict:
    return {"link": link, "ends": (link.from_claim, link.to_claim)}


@desk_reader
@require_GET
def suggestion_inbox(request: HttpRequest) -> HttpResponse:
    filterset, relation = _inbox(request)
    links = queries.suggestion_inbox(filterset.qs, relation=relation)
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "rows": [_row(link) for link in page],
        "query": query.urlencode(),
        "relation": relation,
        "relations": RELATIONS,
        "can_review": request.user.has_perm("claims.review_claim"),
        "statuses": Status.choices,
        "selected_statuses": request.GET.getlist("status"),
        "outlets": Outlet.objects.only("pk", "name"),
        "qualifiers": Qualifier.choices,
        "kinds": Kind.choices,
        "arrivals": ARRIVED_CHOICES,
        **folded_filters(request, filterset),
    }
    response = render(request, "claims/suggestion_inbox.html", context)
    response["Cache-Control"] = "no-store"  # back from a claim shows what is left, not a cached page
    return response


@desk_reader
@require_POST
def suggestion_decide(request: HttpRequest, link_pk: int) -> HttpResponse:
    """Confirm or reject one suggestion from the inbox; htmx gets the row back, decided or refused."""
    require_reviewer(request)
    both = ClaimLink.objects.select_related("from_claim__article__outlet", "to_claim__article__outlet")
    claim_link = both.defer(*queries.BOTH_BODIES).filter(pk=link_pk).first()
    back = reverse("suggestion-inbox") + (f"?{request.POST['query']}" if request.POST.get("query") else "")
    if claim_link is None:  # the linker withdrew it, or an editor removed it, since the inbox was drawn
        gone = "This suggestion no longer exists. Nothing was changed."
        if is_htmx(request):
            return render(request, "claims/_suggestion_row.html", {"gone": link_pk, "error": gone}, status=409)
        messages.error(request, gone)
        return redirect(back)
    form = LinkDecisionForm(request.POST)
    error, status = "", 200
    if not form.is_valid():
        error, status = "Confirm or reject the suggestion.", 400
    else:
        state = form.cleaned_data["state"]
        try:
            workflow.set_link_state(claim_link, state=state, editor=request.user, seen_state=form.cleaned_data["seen"])
        except workflow.StaleLink as exc:
            error, status = str(exc), 409
        except workflow.WorkflowError as exc:
            error, status = str(exc), 400
    if is_htmx(request):
        claim_link.refresh_from_db(fields=["state", "updated_at"])
        context = {"row": _row(claim_link), "can_review": True, "error": error}
        return render(request, "claims/_suggestion_row.html", context, status=status)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "Link confirmed." if claim_link.state == "confirmed" else "Suggestion rejected.")
    return redirect(back)
