"""The article page: the whole text, every claim highlighted in its status colour, always escaped."""

import pytest
from django.urls import reverse

from claims import workflow

from . import factories


@pytest.fixture
def signed_in(client, vera):
    client.force_login(vera)  # reading needs no editor rights
    return client


def test_every_claim_is_highlighted_inline_and_links_to_its_page(signed_in, article, alice):
    some = factories.make_claim(article)
    more = factories.make_claim(article, quote="More than 8,000", label="More than 8,000 people · 2021")
    workflow.transition(more, to="in_review", editor=alice, version=more.version)
    response = signed_in.get(reverse("article-detail", args=[article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    body = page.split('class="body"')[1].split("</div>")[0]
    assert f'<a class="quote status-new" href="/claims/{some.pk}/"' in body
    assert f'<a class="quote status-in_review" href="/claims/{more.pk}/"' in body
    assert body.count("<p>") == article.body.count("\n") + 1  # one paragraph per line
    assert "MOSCOW (AA)" in body


def test_the_side_list_counts_reviewed_claims(signed_in, article, alice):
    claims = [factories.make_claim(article), factories.make_claim(article, quote="More than 8,000")]
    workflow.transition(claims[0], to="in_review", editor=alice, version=1)
    workflow.transition(claims[0], to="verified", editor=alice, version=2)
    page = signed_in.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "<strong>1 of 2</strong> claims reviewed" in page
    assert page.count('href="/claims/') == 4  # inline and in the side list


def test_the_progress_counts_dismissed_claims_apart(signed_in, article, alice):
    claims = [factories.make_claim(article), factories.make_claim(article, quote="More than 8,000")]
    workflow.transition(claims[0], to="dismissed", editor=alice, version=1, reason="not_a_claim")
    page = signed_in.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "<strong>0 of 2</strong> claims reviewed, 1 dismissed" in page


def test_an_article_containing_a_script_shows_the_text_and_runs_nothing(signed_in):
    body = 'Intro <script>alert("x")</script> and <img src=x onerror=alert(1)>\nSome 2,000 people <i>waited</i>.'
    article = factories.make_article(body=body, title="<script>alert('title')</script>")
    factories.make_claim(article)
    page = signed_in.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page and "<i>waited</i>" not in page
    assert "Intro &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "Some 2,000</a> people &lt;i&gt;waited&lt;/i&gt;." in page


def test_an_orphaned_claim_is_listed_but_not_highlighted_at_stale_offsets(signed_in, article):
    claim = factories.make_claim(article)
    article.body = "Everything was rewritten.\n" + article.body
    article.save(update_fields=["body"])
    page = signed_in.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert 'class="quote' not in page.split('class="body"')[1].split("</div>")[0]
    assert f'href="/claims/{claim.pk}/"' in page


def test_an_article_without_claims_says_so(signed_in, article):
    page = signed_in.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "<strong>0 of 0</strong>" in page and "No claims found" in page


@pytest.mark.parametrize("n", [1, 50])
def test_the_article_page_costs_the_same_queries_for_1_and_50_claims(signed_in, alice, django_assert_max_num_queries,
                                                                    n):  # fmt: skip
    article = factories.make_article(body="\n".join(f"Line {i}: some {i}00 people waited." for i in range(n)))
    for i in range(n):
        claim = factories.make_claim(article, quote=f"some {i}00 people", fingerprint=f"f{i}")
        workflow.assign(claim, assignee=alice, editor=alice, version=1)
    with django_assert_max_num_queries(6):
        response = signed_in.get(reverse("article-detail", args=[article.pk]))
    assert len(response.context["claims"]) == n
    assert response.content.decode().count('class="quote status-new"') == n
