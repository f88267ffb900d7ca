"""Every page of the desk under the Content-Security-Policy: no violation, no console error, htmx working."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

from .test_review_flow import sign_in

pytestmark = pytest.mark.browser


def test_the_desk_runs_under_its_content_security_policy_without_a_console_error(live_server, new_page, console, alice):
    article = factories.make_article(title="Migrants wait at the Belarus-Poland border")
    claim = factories.make_claim(article, quote="Some 2,000")
    page = new_page()
    sign_in(page, live_server, "alice", "/")
    csp = page.request.get(f"{live_server.url}/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp
    for path in ("/", "/review/", "/review/suggestions/", "/articles/", f"/articles/{article.pk}/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    # An htmx exchange (a status change swapped into the claim page) and a key bound by the page's script.
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    page.wait_for_load_state("networkidle")
    page.click('#status button[value="in_review"]')
    expect(page.locator("#status h2 .badge")).to_have_text("In review")
    page.keyboard.press("?")
    page.wait_for_load_state("networkidle")
    # The queue's headline box suggests as you type (htmx, hx-trigger with a delay).
    page.goto(f"{live_server.url}/review/")
    page.wait_for_load_state("networkidle")
    errors = [line for line in console if re.match(r"(error|pageerror)", line)]
    assert errors == [], errors
