"""Linking claims across articles: interval rules, blocking, suggestions, rejections, fact groups."""

import dataclasses
import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import ingest_document
from claims import queries, sync, tasks, workflow
from claims.linking import candidates, index, suggest
from claims.linking.rules import ClaimFacts, propose
from claims.linking.rules.figures import compatible, effective_interval
from claims.linking.rules.measure import canonical_unit
from claims.models import ArticleStory, Claim, ClaimEvent, ClaimKey, ClaimLink
from feed import webhooks

from . import factories

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUALIFIERS = ["exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"]


def facts(qualifier: str, value=None, low=None, high=None, **fields) -> ClaimFacts:
    return ClaimFacts(value=value, value_low=low, value_high=high, qualifier=qualifier, unit="people", **fields)


# One claim per qualifier about 2,000, and one about 300 ("hundreds" for vague).
NEAR_2000 = {
    "exact": facts("exact", 2000, 2000, 2000),
    "approx": facts("approx", 2000, 2000, 2000),
    "more_than": facts("more_than", 2000, 2000),
    "less_than": facts("less_than", 2000, None, 2000),
    "at_least": facts("at_least", 2000, 2000),
    "at_most": facts("at_most", 2000, None, 2000),
    "range": facts("range", None, 1500, 2500),
    "vague": facts("vague", None, 2000, 9999),
}
NEAR_300 = {
    "exact": facts("exact", 300, 300, 300),
    "approx": facts("approx", 300, 300, 300),
    "more_than": facts("more_than", 300, 300),
    "less_than": facts("less_than", 300, None, 300),
    "at_least": facts("at_least", 300, 300),
    "at_most": facts("at_most", 300, None, 300),
    "range": facts("range", None, 250, 350),
    "vague": facts("vague", None, 200, 999),
}

# Rows: the first claim's qualifier; columns in QUALIFIERS order. 1 = both can be true.
# Same number: only the two sides of 2,000 exclude each other ("more than" vs "less than"/"at most",
# "less than" vs "at least"/"thousands"); closed ends touching at 2,000 are compatible.
SAME_NUMBER = {
    #            ex ap mt lt al am rg vg
    "exact": [1, 1, 1, 1, 1, 1, 1, 1],
    "approx": [1, 1, 1, 1, 1, 1, 1, 1],
    "more_than": [1, 1, 1, 0, 1, 0, 1, 1],
    "less_than": [1, 1, 0, 1, 0, 1, 1, 0],
    "at_least": [1, 1, 1, 0, 1, 1, 1, 1],
    "at_most": [1, 1, 0, 1, 1, 1, 1, 1],
    "range": [1, 1, 1, 1, 1, 1, 1, 1],
    "vague": [1, 1, 1, 0, 1, 1, 1, 1],
}
# About 2,000 against about 300: an open "more than / at least 300" reaches 2,000, and "less than /
# at most 2,000" reaches down to every 300; nothing else meets (±15 % of 2,000 stops at 1,700).
TWO_THOUSAND_VS_THREE_HUNDRED = {
    #            ex ap mt lt al am rg vg
    "exact": [0, 0, 1, 0, 1, 0, 0, 0],
    "approx": [0, 0, 1, 0, 1, 0, 0, 0],
    "more_than": [0, 0, 1, 0, 1, 0, 0, 0],
    "less_than": [1, 1, 1, 1, 1, 1, 1, 1],
    "at_least": [0, 0, 1, 0, 1, 0, 0, 0],
    "at_most": [1, 1, 1, 1, 1, 1, 1, 1],
    "range": [0, 0, 1, 0, 1, 0, 0, 0],
    "vague": [0, 0, 1, 0, 1, 0, 0, 0],
}


@pytest.mark.parametrize("first", QUALIFIERS)
@pytest.mark.parametrize("second", QUALIFIERS)
def test_two_claims_of_the_same_number_are_compatible_unless_their_qualifiers_exclude_each_other(first, second):
    expected = bool(SAME_NUMBER[first][QUALIFIERS.index(second)])
    assert compatible(NEAR_2000[first], NEAR_2000[second]) is expected
    assert compatible(NEAR_2000[second], NEAR_2000[first]) is expected


@pytest.mark.parametrize("first", QUALIFIERS)
@pytest.mark.parametrize("second", QUALIFIERS)
def test_about_two_thousand_meets_about_three_hundred_only_through_an_open_end(first, second):
    expected = bool(TWO_THOUSAND_VS_THREE_HUNDRED[first][QUALIFIERS.index(second)])
    assert compatible(NEAR_2000[first], NEAR_300[second]) is expected
    assert compatible(NEAR_300[second], NEAR_2000[first]) is expected


def test_effective_intervals_grant_rounding_and_the_qualifiers_tolerance():
    exact = effective_interval(NEAR_2000["exact"])
    assert (exact.low, exact.high) == (1900, 2100)  # "2,000": rounded, at most 5 %
    one_fifty = effective_interval(facts("exact", 150, 150, 150))
    assert (one_fifty.low, one_fifty.high) == pytest.approx((145.1, 154.9))  # never reaching 145 or 155
    approx = effective_interval(NEAR_2000["approx"])
    assert (approx.low, approx.high) == pytest.approx((1700, 2300))
    more = effective_interval(NEAR_2000["more_than"])
    assert more.low == 2000 and more.low_open and more.high == float("inf")
    less = effective_interval(NEAR_2000["less_than"])
    assert less.low == 0 and less.high == 2000 and less.high_open
    assert effective_interval(facts("exact")) is None  # no number, nothing to compare


def test_synonymous_units_share_a_key_and_money_links_only_within_one_currency():
    assert {canonical_unit(u) for u in ("people", "person", "refugees", "migrant", "asylum seekers")} == {"people"}
    assert canonical_unit("soldiers") == canonical_unit("troop") == "troop"
    assert canonical_unit("settlements") == "settlement" != canonical_unit("people")
    assert canonical_unit("USD", "money") == "USD" != canonical_unit("EUR", "money")
    assert canonical_unit("dollars", "money") == "USD"
    assert canonical_unit("fatalities") == canonical_unit("dead") == canonical_unit("killed") == "death"


def test_reasons_say_in_words_why_two_claims_are_the_same():
    published = datetime.date(2021, 11, 21)
    camp = facts("more_than", 2000, 2000, places=("Belarus", "Poland"), sentence="camp of 2 thousand people")
    crossing = facts("approx", 2000, 2000, 2000, places=("Bruzgi", "Belarus", "Poland"), sentence="2,000 people")
    crossing, camp = (dataclasses.replace(side, published=published) for side in (crossing, camp))
    proposal = propose(crossing, camp)
    assert proposal.relation == "same"
    assert proposal.reasons[0] == "same figure: about 2,000 vs more than 2,000"
    assert proposal.reasons[1].startswith("about the same thing: people")
    assert "both at Belarus / Poland" in proposal.reasons
    assert "both published 21 November 2021" in proposal.reasons
    month = {"period_start": datetime.date(2021, 11, 1), "period_end": datetime.date(2021, 11, 30)}
    dated = propose(dataclasses.replace(crossing, **month), dataclasses.replace(camp, **month))
    assert "same period: November 2021" in dated.reasons


# ---------------------------------------------------------------- the database side


def _claim(article, quote: str, **fields) -> Claim:
    """A claim anchored in `article` with its real sentence, like the extractor stores it."""
    start = article.body.index(quote)
    sentence_start, sentence_end = sync._sentence_around(article.body, start, start + len(quote))
    sentence = article.body[sentence_start:sentence_end]
    values = {"places": [], "label": quote, "qualifier": "exact", "unit": "people"} | fields
    values.setdefault("value_low", values.get("value"))
    values.setdefault("value_high", values.get("value") if values["qualifier"] in {"exact", "approx"} else None)
    claim = factories.make_claim(article, quote=quote, **values)
    Claim.objects.filter(pk=claim.pk).update(
        sentence=sentence, sentence_start=sentence_start, sentence_end=sentence_end
    )
    claim.refresh_from_db()
    return claim


def _seed_article(name: str):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    [result] = ingest_document(path.name, path.read_bytes(), schedule_extraction=False)
    return result.article


@pytest.fixture
def seed_claims(db):
    """The seed claims as EXTRACTION.md's table gives them, in the two seed articles."""
    ria, aa = _seed_article("000"), _seed_article("004")
    year = {"period_start": datetime.date(2021, 1, 1), "period_end": datetime.date(2021, 12, 31)}
    return {
        "camp": _claim(ria, "more than 2 thousand", value=Decimal(2000), qualifier="more_than",
                       places=["Belarus", "Poland"]),
        "convoy": _claim(ria, "several thousand", value=None, value_low=Decimal(2000), value_high=Decimal(9999),
                         qualifier="vague", unit="refugees", period_start=datetime.date(2021, 11, 8),
                         period_end=datetime.date(2021, 11, 8)),
        "crossing": _claim(aa, "Some 2,000", value=Decimal(2000), qualifier="approx",
                           places=["Bruzgi", "Belarus", "Poland"]),
        "tried": _claim(aa, "More than 8,000", value=Decimal(8000), qualifier="more_than",
                        places=["Belarusian-EU border"], **year),
        "last_year": _claim(aa, "just 150", value=Decimal(150), period_start=datetime.date(2020, 1, 1),
                            period_end=datetime.date(2020, 12, 31)),
        "troops": _claim(aa, "tens of thousands", value=None, value_low=Decimal(10000), value_high=Decimal(99999),
                         qualifier="vague", unit="troops", places=["Ukraine"]),
        "settlements": _claim(aa, "300", value=Decimal(300), unit="settlements"),
    }  # fmt: skip


def _links_of(claim, **filters):
    return ClaimLink.objects.filter(pk__in=[lk.pk for lk in queries.suggestions_for(claim)], **filters)


def _indexed(*articles) -> None:
    """File the articles' claims in the candidate index, as their suggestion tasks do after extraction."""
    for article in articles:
        article.refresh_from_db()
        index.index_article(article, list(Claim.objects.filter(article=article)))


def test_the_seed_camp_and_the_bruzgi_crowd_are_suggested_as_the_same_fact_above_all_else(seed_claims):
    tasks.suggest_links.delay(seed_claims["camp"].article_id)
    tasks.suggest_links.delay(seed_claims["crossing"].article_id)
    camp, crossing = seed_claims["camp"], seed_claims["crossing"]
    best = queries.suggestions_for(crossing).first()
    assert {best.from_claim_id, best.to_claim_id} == {camp.pk, crossing.pk}
    assert best.relation == "same" and best.state == "suggested" and best.created_by is None
    assert "same figure: about 2,000 vs more than 2,000" in best.reasons
    assert "both at Belarus / Poland" in best.reasons
    assert best == queries.suggestions_for(camp).first()  # also the best on the camp's side
    assert best.score == max(link.score for link in queries.suggestions_for(camp))
    assert ClaimEvent.objects.filter(claim=camp, kind="link", actor=None, after__link=best.pk).exists()


def test_three_hundred_settlements_are_never_suggested_for_a_claim_about_people(seed_claims):
    for article_id in sorted({claim.article_id for claim in seed_claims.values()}):
        tasks.suggest_links.delay(article_id)
    assert ClaimLink.objects.exists()
    assert not queries.suggestions_for(seed_claims["settlements"]).exists()
    assert not queries.suggestions_for(seed_claims["troops"]).exists()


def test_a_claim_of_another_dimension_or_far_off_in_another_story_is_never_a_candidate(article):
    other = factories.make_article()
    near = factories.make_claim(other, value=Decimal(2100))
    troops = factories.make_claim(other, quote="More than 8,000", unit="troops", value=Decimal(2000))
    factories.make_claim(other, quote="8,000", value=Decimal(2000), unit="percent", kind="percent")
    elsewhere = factories.make_article(title="Harvest festival", body="Some 20,000 visitors came.\nNothing else.")
    factories.make_claim(elsewhere, quote="Some 20,000", value=Decimal(20000), places=[])
    factories.make_claim(article, quote="8,000", value=Decimal(2000))  # same article: never
    claim = factories.make_claim(article)
    _indexed(article, other, elsewhere)
    facts = index.index_claim(claim)
    # A count is a candidate whatever noun it counts ("troops" may be a wrong unit); the judging tells them apart.
    assert sorted(candidate.pk for candidate in candidates.candidates(claim, facts)) == [near.pk, troops.pk]


def test_a_count_with_no_unit_is_still_a_candidate_and_judged_on_its_words(db):
    first = factories.make_article(body="Some 2,000 people are waiting at the Bruzgi border crossing.\nMore.")
    second = factories.make_article(body="About 2,000 are waiting at the Bruzgi crossing, guards said.\nMore.")
    waiting = factories.make_claim(first, quote="Some 2,000", places=["Bruzgi"])
    bare = factories.make_claim(second, quote="About 2,000", unit="", places=["Bruzgi"])
    _indexed(first)
    tasks.suggest_links.delay(second.pk)
    link = ClaimLink.objects.get()
    assert {link.from_claim_id, link.to_claim_id} == {waiting.pk, bare.pk} and link.relation == "same"


@pytest.mark.parametrize(("first_toll", "quote"), [(296, "at least 296"), (30, "at least 30")])
def test_a_toll_that_rose_tenfold_or_ninetyfold_in_the_same_story_is_found_and_suggested_as_an_update(
    db, first_toll, quote
):
    """The story's candidate window reaches as far as a running count may grow (MAX_UPDATE_RATIO)."""
    early = factories.make_article(
        title="Quake in Atlas mountains",
        published=datetime.date(2023, 9, 9),
        body=f"The earthquake in the Atlas mountains killed {quote} people, Morocco's interior ministry said.",
    )
    later = factories.make_article(
        title="Atlas quake toll rises",
        published=datetime.date(2023, 9, 11),
        body="The death toll from the earthquake in the Atlas mountains has risen to 2,862, the ministry said.",
    )
    first = factories.make_claim(early, quote=quote, value=Decimal(first_toll), qualifier="at_least",
                                 value_high=None, places=["Atlas"], unit="people")  # fmt: skip
    second = factories.make_claim(later, quote="2,862", value=Decimal(2862), qualifier="exact",
                                  places=["Atlas"], unit="death")  # fmt: skip
    tasks.suggest_links.delay(early.pk)
    tasks.suggest_links.delay(later.pk)
    link = ClaimLink.objects.get()
    assert link.relation == "updates" and (link.from_claim_id, link.to_claim_id) == (second.pk, first.pk)
    assert link.reasons[0] == f"a later figure: 2,862 vs {quote}"


def test_suggesting_costs_the_same_number_of_queries_however_many_claims_are_stored(article):
    other = factories.make_article()
    factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    _indexed(article, other)

    def queries() -> int:
        ClaimLink.objects.all().delete()
        webhooks.forget_active()  # remembered for 5 s: each count includes the one look at subscriptions
        with CaptureQueriesContext(connection) as captured:
            suggest.suggest_for_claim(claim)
        assert ClaimLink.objects.count() == 1
        return len(captured)

    queries()  # the first call may fill per-process caches (content types, the calibration)
    one = queries()
    for n in range(50):
        body = f"Some {1000 + 100 * n:,} fans watched the match in Lisbon.\nAbout 8,000 cars were parked nearby."
        crowd = factories.make_article(title=f"Football in Lisbon ({n})", body=body)
        factories.make_claim(crowd, quote=f"Some {1000 + 100 * n:,}", value=Decimal(1000 + 100 * n),
                             places=["Lisbon"])  # fmt: skip  # candidates, no match
        factories.make_claim(crowd, quote="About 8,000", value=Decimal(8000), unit="cars")
        _indexed(crowd)
    assert queries() == one


def test_a_contradiction_is_suggested_when_two_figures_for_the_same_time_cannot_both_be_right(article):
    other = factories.make_article(body="Only 1,000 people are waiting at Belarus’ Bruzgi border crossing into Poland.")
    low = factories.make_claim(other, quote="Only 1,000", value=Decimal(1000), qualifier="exact")
    claim = factories.make_claim(article)
    _indexed(other)
    suggest.suggest_for_claim(claim)
    link = ClaimLink.objects.get()
    assert link.relation == "contradicts" and (link.from_claim_id, link.to_claim_id) == (low.pk, claim.pk)
    assert "figures cannot both be right: about 2,000 vs 1,000" in link.reasons


def test_suggesting_twice_writes_no_duplicate_and_refreshes_the_score(article):
    other = factories.make_article()
    match = factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    _indexed(other)
    first = suggest.suggest_for_claim(claim)
    ClaimLink.objects.update(score=0.01, reasons=["old"])
    again = suggest.suggest_for_claim(claim)
    tasks.suggest_links.delay(other.pk)  # and from the other side
    assert first["created"] == 1 and again == {"created": 0, "refreshed": 1, "removed": 0}
    link = ClaimLink.objects.get()
    assert link.score > 0.5 and link.reasons[0].startswith("same figure:")
    assert (link.from_claim_id, link.to_claim_id) == (match.pk, claim.pk)
    assert ClaimEvent.objects.filter(kind="link").count() == 2  # one per claim, once


def test_a_system_suggestion_no_longer_proposed_is_removed(article, alice):
    other = factories.make_article()
    match = factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    _indexed(other)
    suggest.suggest_for_claim(claim)
    few = {"value": Decimal(300), "value_low": Decimal(300), "value_high": Decimal(300)}
    workflow.edit_fields(match, changes=few, editor=alice, version=match.version)  # too far off to disagree
    assert suggest.suggest_for_claim(claim) == {"created": 0, "refreshed": 0, "removed": 1}
    assert not ClaimLink.objects.exists()
    assert ClaimEvent.objects.filter(claim=claim, kind="unlink", actor=None).exists()


def test_a_suggestion_to_a_claim_that_is_no_longer_a_candidate_is_withdrawn(article, alice):
    other = factories.make_article()
    match = factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    _indexed(other)
    suggest.suggest_for_claim(claim)
    assert ClaimLink.objects.count() == 1
    # The editor corrects the claim to a percentage: the old candidate is not even looked up any more.
    changes = {"unit": "percent", "kind": "percent"}
    workflow.edit_fields(claim, changes=changes, editor=alice, version=claim.version)  # re-suggests on commit
    suggest.suggest_for_claim(claim)
    assert not ClaimLink.objects.exists()
    assert ClaimEvent.objects.filter(claim=match, kind="unlink", actor=None).exists()


def test_a_rejected_suggestion_never_comes_back_even_after_re_extraction(article, alice):
    other = factories.make_article()
    match = factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    _indexed(other)
    suggest.suggest_for_claim(claim)
    workflow.set_link_state(ClaimLink.objects.get(), state="rejected", editor=alice, seen_state="suggested")

    for run in range(2):  # re-extraction keeps both claims (editor events) and re-runs the linker
        sync.sync_claims(article, [factories.draft_of(claim, value=Decimal(2000 + run))])
        sync.sync_claims(other, [factories.draft_of(match)])
        tasks.suggest_links.delay(article.pk)
        tasks.suggest_links.delay(other.pk)

    link = ClaimLink.objects.get()
    assert link.state == "rejected" and {link.from_claim_id, link.to_claim_id} == {claim.pk, match.pk}
    assert Claim.objects.filter(pk__in=[claim.pk, match.pk]).count() == 2


def test_an_editors_hand_link_is_kept_and_not_doubled_by_suggestions(article, alice):
    other = factories.make_article()
    match = factories.make_claim(other, value=Decimal(2100))
    claim = factories.make_claim(article)
    hand = workflow.link(claim, match, relation="same", editor=alice)
    _indexed(other)
    suggest.suggest_for_claim(claim)
    assert list(ClaimLink.objects.all()) == [hand] and hand.state == "confirmed"


def test_extraction_schedules_link_suggestions_after_it_commits(db, django_capture_on_commit_callbacks):
    first, second = factories.make_article(), factories.make_article()
    existing = factories.make_claim(first)
    _indexed(first)
    with django_capture_on_commit_callbacks() as callbacks:
        sync._store(second.pk, [factories.draft_of(existing)])
        assert not ClaimLink.objects.exists()
    assert len(callbacks) == 1
    assert ArticleStory.objects.filter(article=second).exists()  # read with the body: the linker never reads it
    callbacks[0]()
    link = ClaimLink.objects.get()
    assert link.relation == "same" and link.from_claim_id == existing.pk


def test_a_changed_extraction_files_the_claims_again_and_suggests_anew(article, alice):
    other = factories.make_article(body="More than 8,000 people have tried to enter the bloc in 2021.\nEnd.")
    factories.make_claim(other, quote="More than 8,000", value=Decimal(8000), value_high=None, qualifier="more_than")
    claim = factories.make_claim(article)
    _indexed(other)
    tasks.suggest_links.delay(article.pk)
    assert not ClaimLink.objects.exists()  # people waiting at a crossing vs people who tried to enter: no link
    keys = set(ClaimKey.objects.filter(claim=claim).values_list("key", "magnitude"))
    moved = factories.make_draft(article.body, "More than 8,000", value=Decimal(8000), value_low=Decimal(8000),
                                 value_high=None, qualifier="more_than", places=())  # fmt: skip
    sync.sync_claims(article, [moved])
    claim = Claim.objects.get(article=article)
    tasks.suggest_links.delay(article.pk)  # as _store schedules it after every extraction
    assert set(ClaimKey.objects.filter(claim=claim).values_list("key", "magnitude")) != keys
    assert ClaimLink.objects.get().relation == "same"


# ---------------------------------------------------------------- fact groups and contradictions


@pytest.fixture
def group_of_three(alice):
    claims = [factories.make_claim(factories.make_article()) for _ in range(4)]
    workflow.link(claims[0], claims[1], relation="same", editor=alice)
    workflow.link(claims[2], claims[1], relation="same", editor=alice)
    workflow.link(claims[2], claims[3], relation="same", editor=alice, state="rejected")
    workflow.link(claims[0], claims[3], relation="contradicts", editor=alice)
    for claim in claims:
        claim.refresh_from_db()
    return claims


def test_a_fact_group_follows_confirmed_same_links_transitively_in_one_query(group_of_three, django_assert_num_queries):
    a, b, c, d = group_of_three
    with django_assert_num_queries(1):
        group = queries.fact_group(c)
        outlets = {claim.article.outlet.name for claim in group}
    assert [claim.pk for claim in group] == [a.pk, b.pk, c.pk] and outlets == {"Anadolu Agency"}
    assert [claim.pk for claim in queries.fact_group(d)] == [d.pk]


def test_a_group_verdict_gives_each_claim_its_own_event(group_of_three, alice):
    a, b, c, _ = group_of_three
    versions = {claim.pk: claim.version for claim in (a, b, c)}
    with pytest.raises(workflow.NotAVerdict):  # a group takes a verdict
        workflow.transition_group(b, to="in_review", editor=alice, versions=versions)
    group = workflow.transition_group(b, to="verified", editor=alice, versions=versions, note="UNHCR count")
    assert {claim.status for claim in group} == {"verified"}
    for claim in (a, b, c):
        claim.refresh_from_db()
        assert claim.status == "verified" and claim.reviewed_by == alice and claim.verdict_note == "UNHCR count"
        event = claim.events.filter(kind="status").first()
        assert event.after["status"] == "verified" and event.after["group"] == [a.pk, b.pk, c.pk]


def test_a_group_verdict_reaches_decided_and_dismissed_claims_and_keeps_their_notes(group_of_three, alice, bob):
    a, b, c, _ = group_of_three
    workflow.transition(a, to="verified", editor=bob, version=a.version, note="Matches the ministry")
    workflow.transition(c, to="dismissed", editor=bob, version=c.version, reason="duplicate")
    versions = {claim.pk: Claim.objects.get(pk=claim.pk).version for claim in (a, b, c)}
    workflow.transition_group(b, to="false", editor=alice, versions=versions, note="UNHCR counted 1,200")
    assert set(Claim.objects.filter(pk__in=versions).values_list("status", "verdict_note")) == {
        ("false", "UNHCR counted 1,200")
    }
    event = a.events.filter(kind="status").first()  # newest first
    assert event.before == {"status": "verified", "note": "Matches the ministry"}
    assert event.after["status"] == "false" and event.actor == alice
    assert a.events.filter(kind="status", after__note="Matches the ministry").exists()  # its own earlier note
    assert b.events.filter(kind="status").first().after["via"] == "in_review"  # b was new
    assert c.events.filter(kind="status").first().before == {"status": "dismissed"}


def test_a_group_verdict_leaves_a_claim_that_has_it_already_alone(group_of_three, alice):
    a, b, c, _ = group_of_three
    workflow.transition(a, to="verified", editor=alice, version=a.version, note="UNHCR count")
    versions = {claim.pk: Claim.objects.get(pk=claim.pk).version for claim in (a, b, c)}
    workflow.transition_group(b, to="verified", editor=alice, versions=versions, note="UNHCR count")
    assert a.events.filter(kind="status").count() == 1


def test_one_stale_claim_refuses_the_whole_group_verdict(group_of_three, alice, bob):
    a, b, c, _ = group_of_three
    versions = {claim.pk: claim.version for claim in (a, b, c)}
    workflow.transition(c, to="in_review", editor=bob, version=c.version)  # bob got there first
    versions_seen = versions | {c.pk: versions[c.pk]}
    workflow.transition(a, to="in_review", editor=alice, version=a.version)
    workflow.transition(b, to="in_review", editor=alice, version=b.version)
    with pytest.raises(workflow.StaleClaim):
        workflow.transition_group(
            a, to="verified", editor=alice, versions=versions_seen | {a.pk: a.version, b.pk: b.version}
        )
    assert [Claim.objects.get(pk=claim.pk).status for claim in (a, b, c)] == ["in_review"] * 3
    assert not ClaimEvent.objects.filter(kind="status", after__status="verified").exists()


def test_a_group_verdict_is_refused_when_one_claim_cannot_make_the_move(group_of_three, alice):
    a, b, c, _ = group_of_three
    workflow.transition(a, to="in_review", editor=alice, version=a.version)
    versions = {claim.pk: Claim.objects.get(pk=claim.pk).version for claim in (a, b, c)}
    with pytest.raises(workflow.InvalidTransition):  # a is in review already
        workflow.transition_group(a, to="in_review", editor=alice, versions=versions)
    with pytest.raises(workflow.GroupChanged):
        workflow.transition_group(a, to="in_review", editor=alice, versions={a.pk: 2, b.pk: 1})
    assert [Claim.objects.get(pk=claim.pk).status for claim in (a, b, c)] == ["in_review", "new", "new"]


def test_the_contradiction_flag_marks_both_sides_of_a_confirmed_contradiction_only(group_of_three, alice):
    a, b, c, d = group_of_three
    factories.make_claim(factories.make_article())
    flags = dict(Claim.objects.with_contradiction_flag().values_list("pk", "has_contradiction"))
    assert {pk for pk, flagged in flags.items() if flagged} == {a.pk, d.pk} and len(flags) == 5
    workflow.set_link_state(
        ClaimLink.objects.get(relation="contradicts"), state="rejected", editor=alice, seen_state="confirmed"
    )
    assert not Claim.objects.with_contradiction_flag().filter(has_contradiction=True).exists()


@pytest.mark.postgres
def test_on_postgresql_candidates_come_in_one_statement_through_the_index(seed_claims):
    crossing = seed_claims["crossing"]
    _indexed(*{claim.article for claim in seed_claims.values()})
    facts = index.index_claim(crossing)
    with CaptureQueriesContext(connection) as captured:
        found = candidates.candidates(crossing, facts)
    assert len(captured) == 1 and "lateral" in captured[0]["sql"].lower()
    assert {claim.pk for claim in found} >= {seed_claims["camp"].pk, seed_claims["convoy"].pk}
    assert all(candidate.facts.story for candidate in found)  # each with its article's story


def test_with_the_real_extractor_the_seed_camp_and_bruzgi_crowd_are_the_best_same_fact(
    db, django_capture_on_commit_callbacks
):
    ria, aa = _seed_article("000"), _seed_article("004")
    with django_capture_on_commit_callbacks(execute=True):
        sync.extract_articles_claims([ria.pk, aa.pk])  # schedules suggest_links per article on commit
    camp = Claim.objects.get(article=ria, quote="more than 2 thousand")
    crossing = Claim.objects.get(article=aa, quote="Some 2,000")
    for claim in (camp, crossing):
        best = queries.suggestions_for(claim).first()
        assert {best.from_claim_id, best.to_claim_id} == {camp.pk, crossing.pk} and best.relation == "same"
    settlements = Claim.objects.get(article=aa, quote="300")
    assert not queries.suggestions_for(settlements).exists()


def test_an_editors_correction_of_the_quantity_suggests_links_again(article, alice, django_capture_on_commit_callbacks):
    other = factories.make_article()
    factories.make_claim(other, value=Decimal(300), value_low=Decimal(300), value_high=Decimal(300), qualifier="exact")
    claim = factories.make_claim(article, value=Decimal(9000), value_low=Decimal(9000), value_high=Decimal(9000))
    _indexed(other)
    suggest.suggest_for_claim(claim)
    assert not ClaimLink.objects.exists()  # about 9,000 vs 300: nothing to suggest
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workflow.edit_fields(
            claim,
            changes={"value": Decimal(300), "value_low": Decimal(300), "value_high": Decimal(300)},
            editor=alice,
            version=claim.version,
        )
    assert len(callbacks) == 1
    assert ClaimLink.objects.filter(state="suggested", relation="same").count() == 1
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.edit_fields(claim, changes={"label": "about 300 people"}, editor=alice, version=claim.version)
    assert callbacks == []  # a label is not judged: no new suggestions


def test_who_states_a_figure_reaches_the_rules_from_the_claim_and_from_the_candidate_query(db):
    first = factories.make_article(title="Valley quake", body="The health ministry said 1,541 people had died.")
    second = factories.make_article(title="Valley quake", body="The Red Crescent said 1,900 people had died.")
    ministry = factories.make_claim(first, quote="1,541", value=Decimal(1541), attribution="The health ministry said")
    crescent = factories.make_claim(second, quote="1,900", value=Decimal(1900), attribution="The Red Crescent said")
    _indexed(first)
    facts = index.index_claim(crescent)
    assert facts.source == "The Red Crescent said"
    found = {candidate.pk: candidate.facts for candidate in candidates.candidates(crescent, facts)}
    assert found[ministry.pk].source == "The health ministry said"  # read back from the stored row
