"""The article page: the whole text with every claim highlighted where it stands."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.highlight import article_paragraphs
from claims.models import VERDICTS

from .models import Article


@login_required
@permission_required(("articles.view_article", "claims.view_claim"), raise_exception=True)
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.with_outlet(), pk=pk)
    claims = list(article.claims.select_related("assignee").order_by("quote_start", "pk"))
    context = {
        "article": article,
        "claims": claims,
        "paragraphs": article_paragraphs(article.body, claims),
        "reviewed": sum(1 for claim in claims if claim.status in VERDICTS),
    }
    return render(request, "articles/article_detail.html", context)
