"""Already checked: an open claim linked as the same fact to a decided one shows that verdict; c adopts it."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import ClaimLink

from . import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def checked(alice):
    """Yesterday's claim, verified with a note, and today's, linked to it as the same fact."""
    earlier = factories.make_claim(
        factories.make_article(title="Yesterday at Bruzgi", outlet=factories.make_outlet("ria.ru", "RIA Novosti"))
    )
    workflow.transition(earlier, to="verified", editor=alice, version=1, note="UNHCR counted 2,000 at Bruzgi.")
    today = factories.make_claim(factories.make_article(title="Today at Bruzgi"), label="Some 2,000 today")
    link = workflow.link(today, earlier, relation="same", editor=alice)
    return earlier, today, link


def adopt(client, claim, source, **extra):
    data = {"version": claim.version, "source": source.pk, "seen_status": source.status, **extra}
    return client.post(reverse("claim-adopt-verdict", args=[claim.pk]), data, headers=HTMX)


def test_the_queue_row_and_the_claim_page_show_the_earlier_verdict_its_note_and_a_link(signed_in, checked):
    earlier, today, _ = checked
    page = signed_in.get(reverse("queue")).content.decode()
    row = page.split(f'id="claim-row-{today.pk}"')[1].split("</tr>")[0]
    assert f'href="/claims/{earlier.pk}/"' in row and f"✓ verified #{earlier.pk}: UNHCR counted 2,000 at Bruzgi." in row
    page = signed_in.get(reverse("claim-detail", args=[today.pk])).content.decode()
    box = page.split('id="earlier"')[1].split("</section>")[0]
    assert "Already checked" in box and f'href="/claims/{earlier.pk}/"' in box and "RIA Novosti" in box
    assert "“UNHCR counted 2,000 at Bruzgi.”" in box and "confirmed as the same fact" in box
    assert 'data-key="c"' in box and "Same verdict: verified" in box


@pytest.mark.parametrize(("score", "shown"), [(0.85, True), (0.65, False)])
def test_a_suggestion_counts_only_when_the_linker_is_sure(signed_in, alice, score, shown):
    earlier = factories.make_claim(factories.make_article())
    workflow.transition(earlier, to="false", editor=alice, version=1, note="It was 1,200.")
    today = factories.make_claim(factories.make_article())
    workflow.link(today, earlier, relation="same", editor=None, state="suggested", score=score)
    page = signed_in.get(reverse("claim-detail", args=[today.pk])).content.decode()
    assert ('id="earlier"' in page) is shown


def test_c_gives_the_same_verdict_with_a_note_naming_the_earlier_claim(signed_in, checked, alice):
    earlier, today, _ = checked
    response = adopt(signed_in, today, earlier)
    assert response.status_code == 200
    today.refresh_from_db()
    assert (today.status, today.reviewed_by) == ("verified", alice)
    note = f"Same fact as claim #{earlier.pk} (RIA Novosti, 21 Nov 2021), verified: UNHCR counted 2,000 at Bruzgi."
    assert today.verdict_note == note
    event = today.events.filter(kind="status").get()
    assert event.after == {"status": "verified", "note": note, "via": "in_review", "source": earlier.pk}
    page = response.content.decode()
    assert f"(the verdict of claim #{earlier.pk}, already checked)" in page.split('id="history"')[1]
    assert f"Marked verified, as claim #{earlier.pk}." in page.split('id="status"')[1].split("</section>")[0]
    assert 'id="earlier"' not in page  # decided now: nothing left to adopt


def test_from_the_queue_c_opens_the_next_claim(signed_in, checked):
    earlier, today, _ = checked
    after = factories.make_claim(factories.make_article(), score=0.1)
    response = adopt(signed_in, today, earlier, queue="")
    url = reverse("claim-detail", args=[after.pk]) + "?" + urlencode({"queue": ""})
    assert response.status_code == 204 and json.loads(response["HX-Trigger"]) == {"factdesk:open": {"url": url}}


def test_an_earlier_verdict_that_changed_since_is_not_copied(signed_in, checked, bob):
    earlier, today, _ = checked
    seen = earlier.status
    workflow.transition(earlier, to="in_review", editor=bob, version=earlier.version)  # bob reopened it
    response = adopt(signed_in, today, earlier, seen_status=seen)
    assert response.status_code == 409
    assert f"Claim #{earlier.pk} changed after you opened this page: it is now in review." in response.content.decode()
    today.refresh_from_db()
    assert today.status == "new" and not today.events.filter(kind="status").exists()


def test_only_a_claim_linked_as_the_same_fact_lends_its_verdict(signed_in, checked, alice):
    earlier, today, link = checked
    workflow.set_link_state(link, state="rejected", editor=alice, seen_state="confirmed")
    response = adopt(signed_in, today, earlier)
    assert response.status_code == 400 and b"is not linked to this claim as the same fact" in response.content
    assert ClaimLink.objects.get().state == "rejected"


@pytest.mark.parametrize("n", [1, 25])
def test_the_queue_costs_the_same_queries_for_1_and_25_checked_claims(
    signed_in, alice, n, django_assert_max_num_queries
):
    for i in range(n):
        earlier = factories.make_claim(factories.make_article(outlet=factories.make_outlet(f"o{i}.example", f"O{i}")))
        workflow.transition(earlier, to="verified", editor=alice, version=1, note=f"Checked {i}")
        workflow.link(factories.make_claim(factories.make_article()), earlier, relation="same", editor=alice)
    with django_assert_max_num_queries(10):
        response = signed_in.get(reverse("queue"))
    assert sum(1 for row in response.context["rows"] if row["earlier"]) == n
