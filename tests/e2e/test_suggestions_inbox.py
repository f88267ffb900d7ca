"""The suggestions inbox in a real browser: best first, j/k to move, y confirms, x rejects."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from claims import workflow
from claims.models import ClaimLink
from tests import factories

from .steps import filter_by_headline, sign_in

# One worker runs the module: its tests share one browser tab (conftest.new_page).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser:suggestions_inbox")]


def suggestion(score: float, value: int, label: str) -> ClaimLink:
    first = factories.make_claim(factories.make_article(), value=Decimal(value), label=f"{label} (first)")
    outlet = factories.make_outlet("ria.ru", "RIA Novosti")
    second = factories.make_claim(factories.make_article(outlet=outlet), value=Decimal(value), label=f"{label}")
    return workflow.link(second, first, relation="same", editor=None, state="suggested", score=score)


def test_alice_works_through_the_inbox_by_keyboard(live_server, new_page, alice):
    best, middle = suggestion(0.95, 2000, "best"), suggestion(0.8, 3000, "middle")
    last = suggestion(0.6, 4000, "last")
    page = new_page()
    sign_in(page, live_server, "alice", "/review/suggestions/")
    rows = page.locator("#inbox li.suggestion-row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("best")
    expect(rows.nth(0)).to_contain_text("RIA Novosti")
    expect(rows.nth(2)).to_contain_text("last")
    page.wait_for_load_state()  # the keys are bound by a deferred script

    page.keyboard.press("y")  # nothing highlighted: the best suggestion is decided
    expect(page.locator(f"#inbox-{best.pk}")).to_contain_text("Confirmed.")
    expect(page.locator(f"#inbox-{middle.pk}")).to_have_class("suggestion-row current")  # on to the next one

    page.keyboard.press("x")
    expect(page.locator(f"#inbox-{middle.pk}")).to_contain_text("Rejected.")
    page.keyboard.press("k")  # up to the decided row and down again
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(f"#inbox-{last.pk}")).to_have_class("suggestion-row current")
    page.keyboard.press("y")
    expect(page.locator(f"#inbox-{last.pk}")).to_contain_text("Confirmed.")

    states = dict(ClaimLink.objects.values_list("pk", "state"))
    assert states == {best.pk: "confirmed", middle.pk: "rejected", last.pk: "confirmed"}
    page.reload()
    expect(page.locator("#inbox li.suggestion-row")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("No suggestions left to review")


def test_a_key_typed_in_the_search_box_decides_nothing(live_server, new_page, alice):
    only = suggestion(0.9, 2000, "only")
    page = new_page()
    sign_in(page, live_server, "alice", "/review/suggestions/")
    page.fill("input[name=q]", "")
    page.locator("input[name=q]").press("y")
    page.locator("input[name=q]").press("x")
    expect(page.locator("input[name=q]")).to_have_value("yx")
    assert ClaimLink.objects.get(pk=only.pk).state == "suggested"


def test_the_inbox_filters_by_headline_with_the_queues_suggestions(live_server, new_page, alice):
    bruzgi = suggestion(0.9, 2000, "bruzgi")
    suggestion(0.8, 3000, "other")
    article = bruzgi.to_claim.article
    article.title = "Winter comes to Bruzgi"
    article.save(update_fields=["title"])
    page = new_page()
    sign_in(page, live_server, "alice", "/review/suggestions/?filters=open")
    rows = page.locator("#inbox li.suggestion-row")
    expect(rows).to_have_count(2)
    filter_by_headline(page, "Wint", "Winter comes to Bruzgi")
    expect(rows).to_have_count(1)
    expect(page.locator(f"#inbox-{bruzgi.pk}")).to_be_visible()
    assert "article_title=Winter+comes+to+Bruzgi" in page.url and "filters=open" in page.url  # kept in the URL
