"""An editor's day in a real browser: sign in, filter, verify by keyboard, note, link, conflict."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from claims import sync
from claims.models import Claim, ClaimLink
from tests import factories

from .steps import sign_in

# live_server makes the database transactional (the server thread must see committed rows).
# One worker runs the module: its tests share one browser tab (conftest.new_page).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser:review_flow")]

# Into the ignored test-artifacts/, so a test run leaves the tree clean; `make screenshots` copies it to docs/.
SCREENSHOT = Path(settings.BASE_DIR) / "test-artifacts" / "claim-page.png"


def seed_claim(quote: str, **fields) -> Claim:
    """The seed claim with this quote: the extractor's when it found one, else made at the same offsets.

    Should the extractor miss it, the claim is created here, anchored exactly where the quote stands in
    the ingested seed body, as the extractor would anchor it.
    """
    article = Article.objects.get(body__contains=quote)
    found = Claim.objects.filter(article=article, quote__icontains=quote).first()
    if found is not None:
        return found
    body = article.body
    start = body.index(quote)
    end = start + len(quote)
    sentence_start = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i != -1]
    sentence_end = min(stops) + 1 if stops else len(body)
    claim = factories.make_claim(article, quote=quote, **fields)
    sentence = body[sentence_start:sentence_end]
    Claim.objects.filter(pk=claim.pk).update(
        sentence=sentence,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        fingerprint=sync.fingerprint(quote, sentence, 0),
    )
    claim.refresh_from_db()
    assert body[claim.quote_start : claim.quote_end] == quote
    return claim


@pytest.fixture
def seeds(db):
    call_command("ingest", str(Path(settings.BASE_DIR) / "seeds"), verbosity=0)
    for article in Article.objects.all():
        sync.extract_article_claims(article.pk)  # idempotent; runs the extractor that is installed
    bruzgi = seed_claim("Some 2,000", label="Some 2,000 people · Bruzgi", score=0.9)
    camp = seed_claim(
        "more than 2 thousand", qualifier="more_than", value_high=None, places=["Belarus", "Poland"],
        label="more than 2 thousand people · Belarus, Poland", score=0.6,
    )  # fmt: skip
    return bruzgi, camp


def test_alice_verifies_annotates_and_links_the_bruzgi_claim(live_server, new_page, seeds, alice):
    bruzgi, camp = seeds
    page = new_page()
    sign_in(page, live_server, "alice", "/review/")
    expect(page).to_have_url(re.compile(r"/review/$"))

    page.fill("#id_q", "Bruzgi")
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(f"{live_server.url}/review/?q=Bruzgi")  # empty filters are left out
    page.wait_for_load_state()  # the URL changes before the deferred scripts that bind the keys have run
    expect(page.locator("tr.claim-row")).to_have_count(1)
    row = page.locator("tr.claim-row").first
    expect(row).to_contain_text("Some 2,000 people are waiting at Belarus’ Bruzgi border crossing")
    expect(row.locator("mark.quote")).to_have_text("Some 2,000")

    page.keyboard.press("j")
    expect(row).to_have_class(re.compile("current"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/claims/{bruzgi.pk}/?queue=q%3DBruzgi")  # opened from that queue
    page.wait_for_load_state()
    expect(page.locator("#paragraph mark.quote")).to_have_text("Some 2,000")

    status = page.locator("#status h2 .badge")
    page.keyboard.press("i")
    expect(status).to_have_text("In review")
    page.keyboard.press("n")
    expect(page.locator("#verdict-note")).to_be_focused()
    page.keyboard.type("UNHCR and Polish border guard counts agree; v for verified.")  # typing never fires keys
    expect(status).to_have_text("In review")
    page.locator("#verdict-note").blur()
    page.keyboard.press("v")
    expect(status).to_have_text("Verified")
    bruzgi.refresh_from_db()
    assert bruzgi.status == "verified" and bruzgi.reviewed_by == alice
    assert bruzgi.verdict_note == "UNHCR and Polish border guard counts agree; v for verified."

    page.fill("#id_text", "UNHCR counted about 2,000 people at Bruzgi on 16 November.")
    page.fill("#id_evidence_url", "https://www.unhcr.org/news/bruzgi-2021")
    page.click("#notes button[type=submit]")
    expect(page.locator("#notes a.evidence")).to_have_attribute("href", "https://www.unhcr.org/news/bruzgi-2021")

    page.fill("#link-q", "2 thousand")
    # Enter searches whether or not htmx has bound the freshly swapped form yet (then it is a plain GET).
    page.press("#link-q", "Enter")
    candidate = page.locator(f'#link-candidates input[value="{camp.pk}"]')
    expect(candidate).to_be_visible()
    candidate.check()
    page.select_option("#links select[name=relation]", "same")
    page.click(".link-form button[type=submit]")
    linked = page.locator("#links ul.links li").filter(has_text="more than 2 thousand people")
    expect(linked).to_contain_text("confirmed")  # the linker's suggestion, now confirmed by alice
    # The linker had already suggested this pair; linking by hand confirms that same link.
    link = ClaimLink.objects.get(relation="same", state="confirmed")
    assert {link.from_claim_id, link.to_claim_id} == {bruzgi.pk, camp.pk}

    history = page.locator("#history")
    expect(history).to_contain_text("status New → In review")
    expect(history).to_contain_text("status In review → Verified")
    expect(history).to_contain_text("note: “UNHCR counted about 2,000 people")
    expect(history).to_contain_text(f"link same fact with claim #{camp.pk}: confirmed")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    page.goto(f"{live_server.url}/claims/{camp.pk}/")
    # Each side's history names the claim at the far end.
    expect(page.locator("#history")).to_contain_text(f"link same fact with claim #{bruzgi.pk}: confirmed")
    expect(page.locator("#links")).to_contain_text("Some 2,000 people · Bruzgi")

    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()


def test_a_viewers_attempt_to_change_a_claim_is_refused(live_server, new_page, seeds, vera):
    bruzgi, _ = seeds
    page = new_page()
    sign_in(page, live_server, "vera", f"/claims/{bruzgi.pk}/")
    expect(page.locator("#workspace")).to_contain_text("only editors can change it")
    expect(page.locator("#status button")).to_have_count(0)
    page.keyboard.press("i")  # no button to press: nothing happens
    status = page.evaluate(
        """async (url) => {
            const token = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
            const body = new URLSearchParams({to: "in_review", version: "1"});
            const response = await fetch(url, {method: "POST", body, headers: {"X-CSRFToken": token}});
            return response.status;
        }""",
        f"/claims/{bruzgi.pk}/status/",
    )
    assert status == 403
    bruzgi.refresh_from_db()
    assert bruzgi.status == "new" and not bruzgi.events.filter(actor__isnull=False).exists()  # only the linker's


def test_bobs_conflicting_save_shows_alices_change_and_overwrites_nothing(live_server, new_page, seeds, alice, bob):
    bruzgi, _ = seeds
    alices, bobs = new_page(), new_page()
    sign_in(alices, live_server, "alice", f"/claims/{bruzgi.pk}/")
    sign_in(bobs, live_server, "bob", f"/claims/{bruzgi.pk}/")  # both have version 1 open

    alices.fill("#id_unit", "migrants")
    alices.click("#fields button[type=submit]")
    expect(alices.locator("#workspace .message.success")).to_have_text("Fields saved.")

    bobs.fill("#id_unit", "refugees")
    bobs.click("#fields button[type=submit]")
    conflict = bobs.locator("#conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("alice")
    expect(conflict).to_contain_text("unit: people → migrants")
    expect(bobs.locator("#id_unit")).to_have_value("refugees")  # his entry kept for a deliberate retry
    bruzgi.refresh_from_db()
    assert bruzgi.unit == "migrants" and bruzgi.events.filter(actor__isnull=False).count() == 1


def test_alice_confirms_the_top_suggestion_with_y_and_sees_the_fact_group(live_server, new_page, seeds, alice):
    bruzgi, camp = seeds
    page = new_page()
    sign_in(page, live_server, "alice", f"/claims/{bruzgi.pk}/")
    page.wait_for_load_state()  # the keys are bound by a deferred script
    top = page.locator("#suggestions li.suggestion").first
    expect(top).to_contain_text(camp.label)  # the extractor's "more than 2 thousand", suggested by the linker
    expect(top).to_contain_text("same fact")

    decisions = []  # every confirm/reject request the page sends, counted once the group shows

    def count_decision(request):
        if "/decide/" in request.url:
            decisions.append(request.url)

    page.on("request", count_decision)
    page.focus("#id_text")
    page.keyboard.type("y")  # typing in a field never confirms
    expect(page.locator("#id_text")).to_have_value("y")
    page.locator("#id_text").fill("")
    page.locator("#id_text").blur()

    page.keyboard.press("y")
    group = page.locator("#group")
    expect(group.locator("h2")).to_have_text("Same fact in 2 articles")
    expect(group.locator(f'a[href="/claims/{camp.pk}/"]')).to_be_visible()
    link = ClaimLink.objects.get(state="confirmed")
    assert {link.from_claim_id, link.to_claim_id} == {bruzgi.pk, camp.pk} and link.relation == "same"
    expect(page.locator(f"#suggestion-{link.pk}")).to_have_count(0)
    expect(page.locator("#history")).to_contain_text(f"link same fact with claim #{camp.pk}: confirmed")
    assert decisions == [f"{live_server.url}/claims/{bruzgi.pk}/links/{link.pk}/decide/"]  # y, not the typed one
    page.remove_listener("request", count_decision)  # the tab serves the module's next test
