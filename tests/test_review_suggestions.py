"""The suggestions inbox across claims, and the claim page's timeline of a running count."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import queries, workflow
from claims.models import ClaimEvent, ClaimLink

from . import factories

HTMX = {"HX-Request": "true"}
INBOX = reverse("suggestion-inbox")


def suggestion(score: float, *, relation: str = "same", outlet=None, value: int = 2000) -> ClaimLink:
    """A system suggestion between two fresh claims in two articles (the second of `outlet`)."""
    first = factories.make_claim(factories.make_article(), value=Decimal(value))
    article = factories.make_article(outlet=outlet) if outlet else factories.make_article()
    second = factories.make_claim(article, value=Decimal(value))
    return workflow.link(second, first, relation=relation, editor=None, state="suggested", score=score)


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def rows(page: str) -> list[str]:
    return [part.split('"', 1)[0] for part in page.split('id="inbox-')[1:]]


def test_the_inbox_lists_suggestions_across_claims_best_first_and_not_decided_ones(signed_in, alice):
    weak, strong, middle = suggestion(0.55), suggestion(0.97), suggestion(0.8)
    decided = suggestion(0.99)
    workflow.set_link_state(decided, state="rejected", editor=alice, seen_state="suggested")
    response = signed_in.get(INBOX)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert rows(page) == [str(strong.pk), str(middle.pk), str(weak.pk)]
    assert "3 suggestions left to review, best first." in page
    assert 'data-decide="y"' in page and 'data-decide="x"' in page and "js/suggestions.js" in page


def test_the_inbox_shows_both_claims_with_outlet_date_and_status(signed_in, alice):
    link = suggestion(0.9, outlet=factories.make_outlet("ria.ru", "RIA Novosti"))
    other = link.from_claim
    workflow.transition(other, to="in_review", editor=alice, version=other.version)
    page = signed_in.get(INBOX).content.decode()
    assert "RIA Novosti" in page and "Anadolu Agency" in page and "21 Nov 2021" in page
    assert 'class="badge status-in_review">In review<' in page and 'class="badge status-new">New<' in page


def test_the_inbox_takes_the_queues_filters_on_either_claim_and_a_relation(signed_in):
    ria = factories.make_outlet("ria.ru", "RIA Novosti")
    from_ria = suggestion(0.6, outlet=ria)
    update = suggestion(0.7, relation="updates")
    assert rows(signed_in.get(INBOX, {"outlet": ria.pk}).content.decode()) == [str(from_ria.pk)]
    assert rows(signed_in.get(INBOX, {"relation": "updates"}).content.decode()) == [str(update.pk)]
    assert rows(signed_in.get(INBOX, {"status": "verified"}).content.decode()) == []  # both claims are new


def test_the_inbox_has_the_queues_headline_box_for_its_article_filter(signed_in):
    bruzgi = suggestion(0.6)
    bruzgi.from_claim.article.title = "Winter comes to Bruzgi"
    bruzgi.from_claim.article.save(update_fields=["title"])
    suggestion(0.7)
    page = signed_in.get(INBOX, {"article_title": "winter comes", "filters": "open"}).content.decode()
    assert rows(page) == [str(bruzgi.pk)]
    queue = signed_in.get(reverse("queue"), {"filters": "open"}).content.decode()
    box = f'hx-get="{reverse("article-titles")}"'
    assert box in page and box in queue  # the same box, filled by the same suggestions of headlines
    assert 'value="winter comes" list="article-titles"' in page and 'placeholder="article id"' not in page
    assert '<details class="more-filters" id="more-filters" open>' in page  # unfolded, as the URL says


def test_an_article_link_narrows_the_inbox_and_shows_its_headline_until_any_article(signed_in):
    chosen, other = suggestion(0.6), suggestion(0.7)
    article = chosen.to_claim.article
    page = signed_in.get(INBOX, {"article": article.pk, "relation": "same"}).content.decode()
    assert rows(page) == [str(chosen.pk)]
    assert f"only “{article.title}”" in page and f'name="article" value="{article.pk}"' in page
    assert '<a href="?relation=same">any article</a>' in page  # the other filters stay in the URL
    assert rows(signed_in.get(INBOX, {"relation": "same"}).content.decode()) == [str(other.pk), str(chosen.pk)]


def test_confirming_from_the_inbox_records_it_on_both_claims_and_goes_back_to_the_same_filters(signed_in):
    link = suggestion(0.9)
    data = {"state": "confirmed", "seen": "suggested", "query": "relation=same"}
    response = signed_in.post(reverse("suggestion-decide", args=[link.pk]), data)
    assert response.status_code == 302 and response["Location"] == f"{INBOX}?relation=same"
    link.refresh_from_db()
    assert link.state == "confirmed"
    events = ClaimEvent.objects.filter(kind="link", after__state="confirmed", actor__username="alice")
    assert sorted(events.values_list("claim_id", flat=True)) == sorted([link.from_claim_id, link.to_claim_id])


def test_a_decision_by_key_gets_its_row_back_decided(signed_in):
    link = suggestion(0.9)
    data = {"state": "rejected", "seen": "suggested"}
    response = signed_in.post(reverse("suggestion-decide", args=[link.pk]), data, headers=HTMX)
    assert response.status_code == 200
    row = response.content.decode()
    assert row.strip().startswith(f'<li class="suggestion-row decided" id="inbox-{link.pk}"')
    assert "Rejected." in row and "data-decide" not in row
    assert ClaimLink.objects.get(pk=link.pk).state == "rejected"


def test_a_suggestion_decided_or_withdrawn_meanwhile_is_refused_not_overruled(signed_in, bob):
    link, gone = suggestion(0.9), suggestion(0.8)
    workflow.set_link_state(link, state="rejected", editor=bob, seen_state="suggested")
    data = {"state": "confirmed", "seen": "suggested"}
    stale = signed_in.post(reverse("suggestion-decide", args=[link.pk]), data, headers=HTMX)
    assert stale.status_code == 409 and 'role="alert"' in stale.content.decode()
    assert ClaimLink.objects.get(pk=link.pk).state == "rejected"
    gone_pk = gone.pk
    gone.delete()
    withdrawn = signed_in.post(reverse("suggestion-decide", args=[gone_pk]), data, headers=HTMX)
    assert withdrawn.status_code == 409 and "no longer exists" in withdrawn.content.decode()


def test_a_viewer_sees_the_inbox_without_buttons_and_cannot_decide(client, vera):
    link = suggestion(0.9)
    client.force_login(vera)
    page = client.get(INBOX).content.decode()
    assert rows(page) == [str(link.pk)] and "data-decide" not in page
    response = client.post(reverse("suggestion-decide", args=[link.pk]), {"state": "confirmed", "seen": "suggested"})
    assert response.status_code == 403 and ClaimLink.objects.get(pk=link.pk).state == "suggested"


def test_the_inbox_costs_the_same_queries_for_one_suggestion_and_for_fifty(signed_in):
    suggestion(0.9)
    signed_in.get(INBOX)  # session and permissions cached like any later page

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(INBOX).status_code == 200
        return len(captured)

    one = count()
    for n in range(49):
        suggestion(0.5 + n / 100, outlet=factories.make_outlet(f"outlet{n}.example", f"Outlet {n}"))
    assert count() == one


# ---------------------------------------------------------------- the timeline of a running count


def test_the_claim_page_shows_a_running_count_oldest_first_whatever_the_order_of_the_links(signed_in, alice):
    def toll(value: int, day: int):
        article = factories.make_article(published=datetime.date(2023, 9, day), title=f"Toll on day {day}")
        return factories.make_claim(article, value=Decimal(value), label=f"{value:,} dead")

    third, first, second = toll(2946, 12), toll(820, 9), toll(2012, 10)
    workflow.link(third, second, relation="updates", editor=alice)  # from the newer to the older
    workflow.link(second, first, relation="updates", editor=None, state="suggested", score=0.8)
    assert [member.pk for member, _ in queries.updates_chain(second)] == [first.pk, second.pk, third.pk]
    page = signed_in.get(reverse("claim-detail", args=[second.pk])).content.decode()
    timeline = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert timeline.index("820 dead") < timeline.index("2,012 dead") < timeline.index("2,946 dead")
    assert 'class="here" aria-current="true"' in timeline and "suggested" in timeline


def test_a_claim_without_updates_links_has_no_timeline(signed_in, claim):
    page = signed_in.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    assert 'class="timeline"' not in page
    assert queries.updates_chain(claim) == []
