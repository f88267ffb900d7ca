"""The review queue: ordering, filters in the URL, highlighted sentences, bulk actions, CSV export."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from claims import workflow
from claims.models import Claim

from . import factories


@pytest.fixture
def claims(article, alice):
    some = factories.make_claim(article, score=0.4)
    more = factories.make_claim(
        article, quote="More than 8,000", value=Decimal(8000), value_low=Decimal(8000), value_high=None,
        qualifier="more_than", places=["Belarusian-EU border"], label="More than 8,000 people · 2021", score=0.9,
    )  # fmt: skip
    workflow.assign(more, assignee=alice, editor=alice, version=more.version)
    return some, more


def rows(response) -> list[int]:
    return [row["claim"].pk for row in response.context["rows"]]


def test_the_queue_lists_the_most_check_worthy_claims_first(client, alice, claims):
    some, more = claims
    client.force_login(alice)
    response = client.get(reverse("queue"))
    assert response.status_code == 200
    assert rows(response) == [more.pk, some.pk]


def test_equal_scores_show_the_newest_claim_first(client, alice, article):
    older = factories.make_claim(article, score=0.5)
    newer = factories.make_claim(article, quote="More than 8,000", score=0.5)
    client.force_login(alice)
    assert rows(client.get(reverse("queue"))) == [newer.pk, older.pk]


def test_the_default_queue_holds_open_claims_only(client, alice, claims, article):
    some, more = claims
    done = factories.make_claim(article, quote="Updated", fingerprint="done", score=0.95)
    dismissed = factories.make_claim(article, quote="MOSCOW", fingerprint="idiom", score=0.99)
    workflow.transition(done, to="verified", editor=alice, version=done.version)
    workflow.transition(dismissed, to="dismissed", editor=alice, version=dismissed.version, reason="not_a_claim")
    workflow.transition(some, to="in_review", editor=alice, version=some.version)
    client.force_login(alice)
    response = client.get(reverse("queue"))
    assert rows(response) == [more.pk, some.pk]
    page = response.content.decode()
    assert 'name="status" value="new">' in page and "open (new and in review)" in page  # none ticked
    assert 'name="status" value="new" checked' in client.get(reverse("queue"), {"status": "new"}).content.decode()
    assert rows(client.get(reverse("queue"), {"status": "dismissed"})) == [dismissed.pk]
    every = [status for status, _ in Claim._meta.get_field("status").choices]
    assert rows(client.get(reverse("queue"), {"status": every})) == [dismissed.pk, done.pk, more.pk, some.pk]


def test_the_queue_filters_by_when_the_article_arrived_and_sorts_newest_first(client, alice, claims):
    some, more = claims
    old_article = factories.make_article()
    Article.objects.filter(pk=old_article.pk).update(ingested_at=timezone.now() - datetime.timedelta(days=40))
    old = factories.make_claim(old_article, score=0.99)
    client.force_login(alice)
    assert rows(client.get(reverse("queue"))) == [old.pk, more.pk, some.pk]
    assert rows(client.get(reverse("queue"), {"arrived": "24h"})) == [more.pk, some.pk]
    day = timezone.localtime(timezone.now() - datetime.timedelta(days=40)).date()
    assert rows(client.get(reverse("queue"), {"arrived_after": day, "arrived_before": day})) == [old.pk]
    fresh = factories.make_claim(some.article, quote="Updated", fingerprint="fresh", score=0.1)
    assert rows(client.get(reverse("queue")))[-1] == fresh.pk
    response = client.get(reverse("queue"), {"sort": "newest"})
    assert rows(response) == [fresh.pk, old.pk, more.pk, some.pk]
    assert "newest first" in response.content.decode()


def test_bulk_dismiss_records_the_reason_on_each_claim(client, alice, claims):
    some, more = claims
    client.force_login(alice)
    data = {"ids": [some.pk, more.pk], f"v{some.pk}": some.version, f"v{more.pk}": more.version,
            "action": "status:dismissed", "reason": "duplicate"}  # fmt: skip
    response = client.post(reverse("queue-bulk"), data, follow=True)
    assert "2 claims updated." in [str(m) for m in response.context["messages"]]
    assert set(Claim.objects.values_list("status", "dismiss_reason")) == {("dismissed", "duplicate")}
    assert rows(response) == []  # gone from the default queue


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "in_review"}, set()),
        ({"status": "new"}, {"some", "more"}),
        ({"assignee": "mine"}, {"more"}),
        ({"assignee": "unassigned"}, {"some"}),
        ({"assignee": "alice"}, {"more"}),
        ({"unit": "PEOPLE"}, {"some", "more"}),
        ({"qualifier": "more_than"}, {"more"}),
        ({"place": "Bruzgi"}, {"some"}),
        ({"q": "Bruzgi"}, {"some"}),
        ({"value_min": "5000"}, {"more"}),
    ],
)
def test_filters_come_from_the_url(client, alice, claims, params, expected):
    by_name = dict(zip(["some", "more"], claims, strict=True))
    client.force_login(alice)
    response = client.get(reverse("queue"), params)
    assert response.status_code == 200
    assert set(rows(response)) == {by_name[name].pk for name in expected}


def test_article_and_outlet_filters_narrow_the_queue(client, alice, claims):
    other = factories.make_claim(factories.make_article(outlet=factories.make_outlet("ria.ru", "RIA")))
    client.force_login(alice)
    assert rows(client.get(reverse("queue"), {"article": other.article_id})) == [other.pk]
    assert rows(client.get(reverse("queue"), {"outlet": other.article.outlet_id})) == [other.pk]


def test_a_row_shows_the_sentence_with_the_quote_highlighted_and_the_article(client, alice, claims):
    client.force_login(alice)
    page = client.get(reverse("queue")).content.decode()
    assert '<mark class="quote status-new">Some 2,000</mark> people are waiting at Belarus’ Bruzgi' in page
    assert "Putin and Macron discuss the migration crisis" in page and "Anadolu Agency" in page
    assert "21 Nov 2021" in page


def test_a_hostile_sentence_is_escaped_in_the_queue(client, alice):
    article = factories.make_article(body="<script>alert(1)</script> Some 2,000 <b>people</b> wait.")
    factories.make_claim(article)
    client.force_login(alice)
    page = client.get(reverse("queue")).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>people</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark" in page


def test_the_queue_pages_fifty_claims_at_a_time_and_keeps_the_filters(client, alice):
    article = factories.make_article()
    for i in range(55):
        factories.make_claim(article, fingerprint=f"claim-{i}", unit="people")
    client.force_login(alice)
    first = client.get(reverse("queue"), {"unit": "people"})
    assert len(first.context["rows"]) == 50 and first.context["page"].paginator.count == 55
    assert "?unit=people&amp;page=2" in first.content.decode()
    second = client.get(reverse("queue"), {"unit": "people", "page": 2})
    assert len(second.context["rows"]) == 5


def test_bulk_assign_gives_every_selected_claim_to_the_editor(client, alice, bob, claims):
    some, more = claims
    client.force_login(alice)
    data = {"ids": [some.pk, more.pk], f"v{some.pk}": some.version, f"v{more.pk}": more.version,
            "action": f"assign:{bob.pk}", "query": "unit=people"}  # fmt: skip
    response = client.post(reverse("queue-bulk"), data)
    assert response.status_code == 302 and response["Location"] == "/review/?unit=people"
    assert set(Claim.objects.values_list("assignee__username", flat=True)) == {"bob"}
    assert all(c.events.filter(kind="assign", actor=alice).exists() for c in (some, more))


def test_bulk_status_change_reports_each_refusal_and_applies_the_rest(client, alice, bob, claims):
    some, more = claims
    workflow.transition(some, to="in_review", editor=bob, version=some.version)  # after alice loaded the queue
    client.force_login(alice)
    data = {"ids": [some.pk, more.pk], f"v{some.pk}": 1, f"v{more.pk}": more.version, "action": "status:in_review"}
    response = client.post(reverse("queue-bulk"), data, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert "1 claim updated." in shown
    assert any(f"claim #{some.pk}" in m and "Another editor changed this claim" in m for m in shown)
    some.refresh_from_db(), more.refresh_from_db()
    assert more.status == "in_review" and some.events.count() == 1  # bob's change only


def test_bulk_verdicts_that_need_a_note_are_refused_without_one(client, alice, claims):
    some, _ = claims
    workflow.transition(some, to="in_review", editor=alice, version=some.version)
    client.force_login(alice)
    data = {"ids": [some.pk], f"v{some.pk}": some.version, "action": "status:false"}
    response = client.post(reverse("queue-bulk"), data, follow=True)
    assert any("verdict note is required" in str(m) for m in response.context["messages"])
    some.refresh_from_db()
    assert some.status == "in_review"


def test_bulk_without_a_selection_changes_nothing(client, alice, claims):
    client.force_login(alice)
    response = client.post(reverse("queue-bulk"), {"action": "status:in_review"}, follow=True)
    assert any("Select at least one claim" in str(m) for m in response.context["messages"])
    assert not Claim.objects.exclude(status="new").exists()


def test_export_csv_downloads_exactly_the_filtered_claims_across_pages(client, alice, claims):
    article = factories.make_article(body="=HYPERLINK(1) Some 2,000 people.")
    for i in range(60):
        factories.make_claim(article, fingerprint=f"x-{i}", unit="refugee")
    client.force_login(alice)
    response = client.get(reverse("queue-export"), {"unit": "refugee"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(table) == 60 and {row["unit"] for row in table} == {"refugee"}
    assert {int(row["id"]) for row in table} == set(Claim.objects.filter(unit="refugee").values_list("pk", flat=True))
    assert all(row["sentence"].startswith("'=") for row in table)  # no formula runs in a spreadsheet


def test_the_csv_gives_each_claims_baseline_with_its_period(client, alice, claims):
    import datetime as dt

    some, _ = claims
    Claim.objects.filter(pk=some.pk).update(compared_to="year-on-year", compared_period_start=dt.date(2020, 1, 1))
    client.force_login(alice)
    response = client.get(reverse("queue-export"))
    table = {row["id"]: row for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}
    row = table[str(some.pk)]
    assert (row["compared_to"], row["compared_period_start"], row["compared_period_end"]) == (
        "year-on-year",
        "2020-01-01",
        "",
    )


def test_the_csv_says_why_a_claim_was_dismissed(client, alice, claims):
    some, _ = claims
    workflow.transition(some, to="dismissed", editor=alice, version=some.version, reason="not_a_claim")
    client.force_login(alice)
    response = client.get(reverse("queue-export"), {"status": "dismissed"})
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["id"], row["status"], row["dismiss_reason"]) for row in table] == [
        (str(some.pk), "dismissed", "not_a_claim")
    ]


def make_claims(n: int, alice) -> None:
    for i in range(n):
        outlet = factories.make_outlet(f"outlet{i}.example", f"Outlet {i}")
        claim = factories.make_claim(factories.make_article(outlet=outlet))
        workflow.assign(claim, assignee=alice, editor=alice, version=claim.version)


@pytest.mark.parametrize("n", [1, 50])
def test_the_queue_costs_the_same_queries_for_1_and_50_claims(client, alice, django_assert_max_num_queries, n):
    make_claims(n, alice)
    client.force_login(alice)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("queue"))
    assert len(response.context["rows"]) == n
