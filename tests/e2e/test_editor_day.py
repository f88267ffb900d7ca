"""The editor's day in a real browser: dismiss, the day's copy, one key per decision, nothing typed lost."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from claims import workflow
from claims.models import Claim
from tests import factories

from .test_review_flow import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(db):
    """Three claims of one article, most check-worthy first, with an extractor version to tally."""
    article = factories.make_article(title="Migrants wait at the Belarus-Poland border")
    quotes = [("More than 8,000", 0.9), ("Some 2,000", 0.7), ("MOSCOW", 0.5)]
    return [
        factories.make_claim(article, quote=quote, score=score, label=f"{quote} · label", extractor_version="1.2.2")
        for quote, score in quotes
    ]


def test_alice_dismisses_an_idiom_with_d_and_it_leaves_the_queue_and_the_counts(live_server, new_page, desk, alice):
    eight, some, idiom = desk
    page = new_page()
    sign_in(page, live_server, "alice", f"/claims/{idiom.pk}/")
    page.wait_for_load_state()  # the keys are bound by a deferred script
    page.select_option("#dismiss-reason", "not_a_claim")
    page.locator("#dismiss-reason").blur()
    page.keyboard.press("d")
    expect(page.locator("#status h2 .badge")).to_have_text("Dismissed")
    expect(page.locator("#status")).to_contain_text("Dismissed: not a claim")
    expect(page.locator("#history")).to_contain_text("status New → Dismissed (not a claim)")
    idiom.refresh_from_db()
    assert (idiom.status, idiom.dismiss_reason) == ("dismissed", "not_a_claim")

    page.goto(f"{live_server.url}/review/")
    expect(page.locator("tr.claim-row")).to_have_count(2)
    expect(page.locator(f"#claim-row-{idiom.pk}")).to_have_count(0)

    # Two more at once from the queue, each with the reason.
    page.check(f'#claim-row-{some.pk} input[name="ids"]')
    page.check(f'#claim-row-{eight.pk} input[name="ids"]')
    page.select_option('#bulk select[name="action"]', "status:dismissed")
    page.select_option('#bulk select[name="reason"]', "background")
    page.click("#bulk button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("2 claims updated.")
    expect(page.locator("tr.claim-row")).to_have_count(0)
    assert set(Claim.objects.values_list("dismiss_reason", flat=True)) == {"not_a_claim", "background"}

    page.goto(f"{live_server.url}/")
    tally = page.locator("#extractors tbody tr").filter(has_text="1.2.2")
    expect(tally).to_contain_text("100 %")
    expect(page.locator("#unreviewed")).to_contain_text("Every claim has been reviewed.")

    # Reversible: restore the idiom from the claim page.
    page.goto(f"{live_server.url}/claims/{idiom.pk}/")
    page.click('#status button[value="new"]')
    expect(page.locator("#status h2 .badge")).to_have_text("New")


def test_the_days_copy_lists_articles_with_progress_and_leads_to_their_open_claims(live_server, new_page, desk, alice):
    eight, some, idiom = desk
    workflow.transition(eight, to="verified", editor=alice, version=eight.version)
    workflow.transition(idiom, to="dismissed", editor=alice, version=idiom.version, reason="not_a_claim")
    older = factories.make_article(title="An older report from Grodno")
    Article.objects.filter(pk=older.pk).update(ingested_at=timezone.now() - datetime.timedelta(days=10))
    page = new_page()
    sign_in(page, live_server, "alice", "/")
    expect(page.locator("#unreviewed h2 a.more")).to_have_text("all 1")
    page.click("nav >> text=Articles")
    rows = page.locator("table.articles tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Migrants wait at the Belarus-Poland border")
    expect(rows.first).to_contain_text("1 of 3 reviewed, 1 dismissed")
    page.select_option('#filters select[name="arrived"]', "24h")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"arrived=24h"))
    expect(rows).to_have_count(1)
    rows.first.locator("text=1 open").click()
    expect(page.locator("tr.claim-row")).to_have_count(1)
    expect(page.locator(f"#claim-row-{some.pk}")).to_be_visible()
