"""What an editor does in the browser, in the words of the review pages: shared by the browser tests."""

from playwright.sync_api import expect

from tests.factories import PASSWORD


def sign_in(page, live_server, username, next_url="/"):
    """Sign in through the real login form and land on `next_url`."""
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".who .user")).to_contain_text(username)


def filter_by_headline(page, typed, headline):
    """Type the start of a headline in the article box of the filters, see it suggested alone, pick it."""
    box = page.locator('#more-filters input[name="article_title"]')
    box.press_sequentially(typed)
    expect(page.locator("#article-titles option")).to_have_count(1)
    expect(page.locator("#article-titles option")).to_have_attribute("value", headline)
    box.fill(headline)  # what picking the suggestion puts in the box
    box.press("Enter")
