"""Links on the review pages: suggestions to confirm or reject, the fact group's verdict, contradictions."""

from decimal import Decimal

import pytest
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import escape

from claims import sync, tasks, workflow
from claims.linking import suggest
from claims.models import ClaimEvent, ClaimLink

from . import factories

HTMX = {"HX-Request": "true"}
CAMP_BODY = "Officials said more than 2 thousand people camp at the Belarus–Poland border."


def url(name, claim, *args):
    return reverse(name, args=[claim.pk, *args])


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def suggested(claim):
    """The linker's suggestion that `claim` (about 2,000 at Bruzgi) and a claim of another outlet state one fact."""
    other_article = factories.make_article(
        outlet=factories.make_outlet("ria.ru", "RIA Novosti"), title="Migrants camp at the border"
    )
    factories.make_claim(other_article, value=Decimal(2100), label="some 2,100 people · Bruzgi")
    suggest.suggest_for_claim(claim)
    return ClaimLink.objects.get(state="suggested")


def decide(client, claim, claim_link, state, **headers):
    data = {"state": state, "seen": "suggested", "version": claim.version}
    return client.post(url("claim-link-decide", claim, claim_link.pk), data, headers=headers)


def test_the_claim_page_lists_each_suggestion_with_its_source_relation_score_and_reasons(signed_in, claim, suggested):
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    section = page.split('id="suggestions"')[1].split("</section>")[0]
    assert "some 2,100 people · Bruzgi" in section and "Migrants camp at the border" in section
    assert "RIA Novosti" in section and "21 Nov 2021" in section and "same fact" in section
    assert 'class="badge status-new">New<' in section  # the other claim's status (a verdict once decided)
    assert f"score {floatformat(suggested.score, 2)}" in section  # as the template rounds (half up)
    assert suggested.reasons[0].startswith("same figure:") and len(suggested.reasons) > 2
    assert all(f"<li>{escape(reason)}</li>" in section for reason in suggested.reasons)  # in words, escaped
    assert 'value="confirmed" data-key="y"' in section and 'value="rejected" data-key="x"' in section
    assert "suggested" not in page.split('id="links"')[1].split("</section>")[0]  # listed once, here


def test_only_the_top_suggestion_answers_to_y_and_x_and_the_help_lists_them(signed_in, claim, suggested):
    third = factories.make_claim(factories.make_article(), value=Decimal(1900))
    weaker = workflow.link(claim, third, relation="same", editor=None, state="suggested", score=0.01)
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert page.count('data-key="y"') == 1 and page.count('data-key="x"') == 1
    assert page.index(f"suggestion-{suggested.pk}") < page.index('data-key="y"') < page.index(f"suggestion-{weaker.pk}")
    help_box = page.split('id="shortcuts"')[1]
    assert "<kbd>y</kbd></dt><dd>confirm the top suggested link" in help_box
    assert "<kbd>x</kbd></dt><dd>reject the top suggested link" in help_box


def test_alice_confirms_a_suggestion_and_both_claims_record_it(signed_in, claim, suggested, alice):
    response = decide(signed_in, claim, suggested, "confirmed", **HTMX)
    assert response.status_code == 200 and b"<html" not in response.content
    page = response.content.decode()
    assert "Link confirmed." in page and f"suggestion-{suggested.pk}" not in page
    assert "Same fact in 2 articles" in page
    other_id = suggested.from_claim_id if suggested.to_claim_id == claim.pk else suggested.to_claim_id
    assert f"<strong>alice</strong> link same fact with claim #{other_id}: confirmed" in page  # the history names it
    suggested.refresh_from_db()
    assert suggested.state == "confirmed"
    decided = ClaimEvent.objects.filter(kind="link", actor=alice, after__state="confirmed")
    sides = sorted([suggested.from_claim_id, suggested.to_claim_id])
    assert sorted(decided.values_list("claim_id", flat=True)) == sides


def test_a_rejected_suggestion_leaves_the_list_and_never_comes_back_after_re_extraction(signed_in, claim, suggested):
    response = decide(signed_in, claim, suggested, "rejected")
    assert response.status_code == 302
    other = suggested.from_claim if suggested.to_claim_id == claim.pk else suggested.to_claim
    for run in range(2):  # re-extraction keeps both claims and re-runs the linker on both articles
        sync.sync_claims(claim.article, [factories.draft_of(claim, value=Decimal(2000 + run))])
        sync.sync_claims(other.article, [factories.draft_of(other)])
        tasks.suggest_links.delay(claim.article_id)
        tasks.suggest_links.delay(other.article_id)
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    assert "No suggested links." in page and 'data-key="y"' not in page
    assert list(ClaimLink.objects.values_list("state", flat=True)) == ["rejected"]


def test_a_viewer_cannot_confirm_or_reject_a_suggestion(client, vera, claim, suggested):
    client.force_login(vera)
    page = client.get(url("claim-detail", claim)).content.decode()
    assert "some 2,100 people" in page and 'data-key="y"' not in page  # she reads, with no buttons
    for state in ("confirmed", "rejected"):
        assert decide(client, claim, suggested, state, **HTMX).status_code == 403
    suggested.refresh_from_db()
    assert suggested.state == "suggested" and not ClaimEvent.objects.filter(actor=vera).exists()


def test_a_suggestion_bob_rejected_meanwhile_is_not_confirmed_from_alices_older_page(
    signed_in, claim, suggested, alice, bob
):
    workflow.set_link_state(suggested, state="rejected", editor=bob, seen_state="suggested")
    response = decide(signed_in, claim, suggested, "confirmed", **HTMX)
    assert response.status_code == 409
    assert b"Another editor decided this link after you opened it: it is now rejected" in response.content
    suggested.refresh_from_db()
    assert suggested.state == "rejected" and not ClaimEvent.objects.filter(actor=alice).exists()


def test_a_suggestion_the_linker_withdrew_meanwhile_is_a_conflict_not_an_error_page(signed_in, claim, suggested):
    pk = suggested.pk
    suggested.delete()
    suggested.pk = pk
    response = decide(signed_in, claim, suggested, "confirmed", **HTMX)
    assert response.status_code == 409 and b"This link no longer exists" in response.content
    assert not ClaimLink.objects.exists()


# Fact groups


@pytest.fixture
def group(claim, alice):
    """Three claims in three articles, joined by confirmed `same` links (a chain), all in review."""
    camp = factories.make_claim(
        factories.make_article(body=CAMP_BODY, outlet=factories.make_outlet("ria.ru", "RIA Novosti")),
        quote="more than 2 thousand", label="more than 2 thousand people",
    )  # fmt: skip
    third = factories.make_claim(factories.make_article(title="Crowds at Bruzgi"), label="2,000 at Bruzgi")
    workflow.link(claim, camp, relation="same", editor=alice)
    workflow.link(camp, third, relation="same", editor=alice)
    members = [claim, camp, third]
    for member in members:
        workflow.transition(member, to="in_review", editor=alice, version=member.version)
    return members


def versions_of(members, **overrides):
    return {f"v{member.pk}": member.version for member in members} | overrides


def test_the_fact_group_lists_every_claim_with_its_article_outlet_date_and_status(signed_in, group):
    claim, camp, third = group
    page = signed_in.get(url("claim-detail", third)).content.decode()
    section = page.split('id="group"')[1].split("</section>")[0]
    assert "Same fact in 3 articles" in section
    for member in group:
        row = section.split(f'id="group-member-{member.pk}"')[1].split("</tr>")[0]
        assert f'href="{url("claim-detail", member)}"' in row and member.article.title in row
        assert member.article.outlet.name in row and "Nov. 21, 2021" in row and "In review" in row
    assert 'name="to" id="group-to"' in section and '<option value="verified">' in section
    assert all(f'name="v{member.pk}" value="{member.version}"' in section for member in group)


def test_a_claim_without_confirmed_same_links_shows_no_group(signed_in, claim, suggested):
    assert 'id="group"' not in signed_in.get(url("claim-detail", claim)).content.decode()


def test_a_verdict_for_the_group_gives_each_claim_its_own_event(signed_in, group, alice):
    claim = group[0]
    data = versions_of(group, to="false", note="UNHCR counted 1,200.")
    response = signed_in.post(url("claim-group-transition", claim), data, headers=HTMX)
    assert response.status_code == 200
    assert "Status changed to false for all 3 claims of the group." in response.content.decode()
    for member in group:
        member.refresh_from_db()
        assert (member.status, member.verdict_note, member.reviewed_by) == ("false", "UNHCR counted 1,200.", alice)
        event = member.events.filter(kind="status").first()  # newest first
        assert event.after["status"] == "false" and sorted(event.after["group"]) == sorted(m.pk for m in group)


def test_a_stale_member_refuses_the_whole_group_and_changes_nothing(signed_in, group, bob):
    claim, camp, third = group
    data = versions_of(group, to="verified")
    workflow.edit_fields(camp, changes={"unit": "migrants"}, editor=bob, version=camp.version)
    response = signed_in.post(url("claim-group-transition", claim), data, headers=HTMX)
    assert response.status_code == 409
    page = response.content.decode()
    assert f"Claim #{camp.pk} of the group" in page and "No claim of the group was changed." in page
    assert "unit: people → migrants" in page.split('id="conflict"')[1].split("</div>")[0]
    for member in group:
        member.refresh_from_db()
        assert member.status == "in_review"
    assert not ClaimEvent.objects.filter(kind="status", after__status="verified").exists()


def test_a_member_already_decided_takes_the_group_verdict_without_reopening(signed_in, group, bob, alice):
    claim, camp, third = group
    workflow.transition(third, to="verified", editor=bob, version=third.version, note="Bob's check")
    third.refresh_from_db()
    page = signed_in.get(url("claim-detail", claim)).content.decode()
    section = page.split('id="group"')[1].split("</section>")[0]
    assert "“Bob&#x27;s check”" in section and '<option value="unverifiable">' in section
    response = signed_in.post(url("claim-group-transition", claim), versions_of(group, to="unverifiable"))
    assert response.status_code == 302
    assert {m.status for m in type(claim).objects.filter(pk__in=[m.pk for m in group])} == {"unverifiable"}
    page = signed_in.get(url("claim-detail", third)).content.decode()
    history = page.split('id="history"')[1]
    group_line = "status Verified → Unverifiable (verdict for the whole fact group; its note was “Bob&#x27;s check”)"
    assert group_line in history
    assert "status In review → Verified: “Bob&#x27;s check”" in history


def test_a_group_takes_only_a_verdict(signed_in, group):
    response = signed_in.post(url("claim-group-transition", group[0]), versions_of(group, to="dismissed"))
    assert response.status_code == 409 and b"Only a verdict can be given this way" in response.content


def test_a_group_that_changed_since_the_page_was_drawn_is_refused(signed_in, group, alice):
    claim, camp, third = group
    data = versions_of(group[:2], to="verified")  # alice saw two claims; a third joined meanwhile
    response = signed_in.post(url("claim-group-transition", claim), data, headers=HTMX)
    assert response.status_code == 409 and b"The claims linked as this fact changed" in response.content
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_a_group_verdict_that_needs_a_note_is_a_form_error_without_one(signed_in, group):
    response = signed_in.post(url("claim-group-transition", group[0]), versions_of(group, to="misleading"))
    assert response.status_code == 400 and b"A verdict note is required for misleading" in response.content
    assert not ClaimEvent.objects.filter(after__status="misleading").exists()


def test_a_viewer_cannot_give_the_group_a_verdict(client, vera, group):
    client.force_login(vera)
    response = client.post(url("claim-group-transition", group[0]), versions_of(group, to="verified"))
    assert response.status_code == 403
    assert not ClaimEvent.objects.filter(actor=vera).exists()


# Contradictions


@pytest.fixture
def contradiction(claim, alice):
    low_article = factories.make_article(
        body="Only 1,000 people are waiting at Belarus’ Bruzgi border crossing into Poland.", title="Fewer than said"
    )
    low = factories.make_claim(low_article, quote="Only 1,000", value=Decimal(1000), qualifier="exact",
                               label="Only 1,000 people · Bruzgi", score=0.2)  # fmt: skip
    suggest.suggest_for_claim(claim)
    suggestion = ClaimLink.objects.get(relation="contradicts")
    return low, suggestion


def test_a_confirmed_contradiction_is_a_banner_on_both_claims_pages(signed_in, claim, contradiction, alice):
    low, suggestion = contradiction
    assert "Contradicted" not in signed_in.get(url("claim-detail", claim)).content.decode()  # only suggested yet
    workflow.set_link_state(suggestion, state="confirmed", editor=alice, seen_state="suggested")
    for here, there in ((claim, low), (low, claim)):
        page = signed_in.get(url("claim-detail", here)).content.decode()
        banner = page.split('class="warning contradiction"')[1].split("</p>")[0]
        assert f'href="{url("claim-detail", there)}"' in banner and f"claim #{there.pk}" in banner
        assert (there.label) in banner


def test_the_queue_badges_claims_with_a_confirmed_contradiction_only(signed_in, claim, contradiction, alice):
    low, suggestion = contradiction
    bystander = factories.make_claim(factories.make_article(), quote="More than 8,000", value=Decimal(8000))

    def badged():
        response = signed_in.get(reverse("queue"))
        return {row["claim"].pk for row in response.context["rows"] if row["claim"].has_contradiction}, response

    assert badged()[0] == set()
    workflow.set_link_state(suggestion, state="confirmed", editor=alice, seen_state="suggested")
    flagged, response = badged()
    assert flagged == {claim.pk, low.pk} and bystander.pk not in flagged
    row = response.content.decode().split(f'id="claim-row-{low.pk}"')[1].split("</tr>")[0]
    assert '<span class="badge contradicted"' in row and ">contradicted</span>" in row


# Query counts


def make_suggested_claim(n):
    claim = factories.make_claim(factories.make_article())
    for i in range(n):
        outlet = factories.make_outlet(f"outlet{i}.example", f"Outlet {i}")
        other = factories.make_claim(factories.make_article(outlet=outlet), value=Decimal(2000 + i))
        workflow.link(claim, other, relation="same", editor=None, state="suggested", score=0.5, reasons=["same unit"])
    return claim


@pytest.mark.parametrize("n", [1, 20])
def test_the_claim_page_costs_the_same_queries_for_1_and_20_suggestions(signed_in, n, django_assert_max_num_queries):
    claim = make_suggested_claim(n)
    with django_assert_max_num_queries(10):
        response = signed_in.get(url("claim-detail", claim))
    assert response.status_code == 200 and len(response.context["suggestions"]) == n


@pytest.mark.parametrize("n", [1, 25])  # both sides are flagged: 50 rows, one page
def test_the_queue_costs_the_same_queries_for_1_and_50_contradicted_claims(
    signed_in, alice, n, django_assert_max_num_queries
):
    for i in range(n):
        claim = factories.make_claim(factories.make_article(outlet=factories.make_outlet(f"o{i}.example", f"O{i}")))
        other = factories.make_claim(factories.make_article(), quote="More than 8,000", value=Decimal(8000))
        workflow.link(claim, other, relation="contradicts", editor=alice)
    with django_assert_max_num_queries(9):
        response = signed_in.get(reverse("queue"))
    assert len(response.context["rows"]) == 2 * n
    assert sum(row["claim"].has_contradiction for row in response.context["rows"]) == 2 * n
