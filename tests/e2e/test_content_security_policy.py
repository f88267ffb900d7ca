"""Every page of the desk under the Content-Security-Policy: no violation, no console error, htmx working."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

from .conftest import REFUSED_ON_PURPOSE
from .steps import filter_by_headline, sign_in

# One worker runs the module: its tests share one browser tab (conftest.new_page).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser:content_security_policy")]


def test_the_desk_runs_under_its_content_security_policy_without_a_console_error(live_server, new_page, console, alice):
    article = factories.make_article(title="Migrants wait at the Belarus-Poland border")
    claim = factories.make_claim(article, quote="Some 2,000")
    page = new_page()
    sign_in(page, live_server, "alice", "/")
    csp = page.request.get(f"{live_server.url}/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp
    for path in ("/", "/review/", "/review/suggestions/", "/articles/", f"/articles/{article.pk}/"):
        page.goto(f"{live_server.url}{path}")  # returns once the page and what it loads have loaded
    # An htmx exchange (a status change swapped into the claim page) and a key bound by the page's script.
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    page.click('#status button[value="in_review"]')
    expect(page.locator("#status h2 .badge")).to_have_text("In review")
    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()
    # The queue's headline box suggests as you type (htmx, hx-trigger with a delay).
    page.goto(f"{live_server.url}/review/?filters=open")
    filter_by_headline(page, "Migr", article.title)
    expect(page.locator(f"#claim-row-{claim.pk}")).to_be_visible()
    errors = [line for line in console if re.match(r"(error|pageerror)", line)]
    assert errors == [], errors


def test_the_admin_runs_under_the_same_policy(live_server, new_page, console, staff):
    article = factories.make_article(title="Migrants wait at the Belarus-Poland border")
    claim = factories.make_claim(article, quote="Some 2,000")
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "sam")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    for path in (
        "/admin/",
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/annotation/add/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/article/add/",
        "/admin/knox/authtoken/add/",
        "/admin/auth/user/",
    ):
        page.goto(f"{live_server.url}{path}")  # returns once the page and what it loads have loaded
    violations = [line for line in console if "Content Security Policy" in line]
    assert violations == [], violations


def test_the_api_docs_render_under_their_policy(live_server, new_page, console, db):
    page = new_page()
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("factdesk API")
    page.goto(f"{live_server.url}/api/redoc/")
    expect(page.locator("h1").first).to_contain_text("factdesk API")
    violations = [line for line in console if "Content Security Policy" in line]
    assert all(REFUSED_ON_PURPOSE in line for line in violations), violations
