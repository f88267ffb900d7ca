"""Storing extraction results goes through the door: every change is an event, no editor's save undoes it."""

from decimal import Decimal

from django.urls import reverse

from articles.ingest import content_hash
from claims import sync, workflow
from claims.models import Claim, ClaimEvent
from claims.review.forms import ClaimFieldsForm

from . import factories


def _extract(article, **changes):
    """Re-extract `article` with a fake extractor that proposes its one claim with `changes`."""
    return sync.sync_claims(article, [factories.make_draft(article.body, "Some 2,000", **changes)])


def _fields_form_post(claim, **edits) -> dict:
    """What the claim page's fields form posts: every field as rendered, the values the editor saw as
    hidden initials, the version it was rendered with, and the editor's edits."""
    form = ClaimFieldsForm.for_claim(claim)
    data = {"version": claim.version}
    for name in form.editable_names():
        shown = form[name].value()
        shown = "" if shown is None else ", ".join(shown) if isinstance(shown, list) else shown
        data[name] = shown
        data[form.add_initial_prefix(name)] = shown
    return data | edits


def test_extraction_records_new_claims_and_changes_as_extractor_events_with_version_bumps(article):
    _extract(article)
    claim = Claim.objects.get()
    created = claim.events.get()
    assert (created.kind, created.actor, created.version, created.after["created"]) == ("extract", None, 1, True)
    _extract(article, unit="migrant")
    claim.refresh_from_db()
    assert claim.unit == "migrant" and claim.version == 2
    change = claim.events.order_by("-id").first()
    assert (change.kind, change.actor_id, change.version) == ("extract", None, 2)
    assert (change.before, change.after) == ({"unit": "people"}, {"unit": "migrant"})
    _extract(article, unit="migrant")  # nothing new: no event, no bump
    claim.refresh_from_db()
    assert claim.version == 2 and claim.events.count() == 2


def test_a_stale_page_save_after_re_extraction_is_refused_and_the_extractors_value_kept(client, alice, article):
    _extract(article)
    claim = Claim.objects.get()
    seen = _fields_form_post(claim, attribution="UNHCR")  # alice opens the claim: unit "people"
    _extract(article, unit="migrant")  # meanwhile re-extraction corrects the unit
    client.force_login(alice)
    response = client.post(reverse("claim-fields", args=[claim.pk]), seen)
    assert response.status_code == 409
    assert "Another editor changed this claim" in response.content.decode()
    assert "unit: people → migrant" in response.content.decode()  # the conflict box says what changed
    claim.refresh_from_db()
    assert (claim.unit, claim.attribution, claim.edited_by_editor) == ("migrant", "", [])

    response = client.post(reverse("claim-fields", args=[claim.pk]), _fields_form_post(claim, attribution="UNHCR"))
    assert response.status_code == 302
    claim.refresh_from_db()
    # Only what alice changed was written: the extractor's unit stays, and stays correctable by extraction.
    assert (claim.unit, claim.attribution, claim.edited_by_editor) == ("migrant", "UNHCR", ["attribution"])
    assert claim.events.filter(kind="edit").get().after == {"attribution": "UNHCR"}


def test_the_page_writes_only_the_fields_the_editor_changed(client, alice, article):
    _extract(article)
    claim = Claim.objects.get()
    data = _fields_form_post(claim, attribution="UNHCR")  # the page showed unit "people"
    Claim.objects.filter(pk=claim.pk).update(unit="migrant")  # a write the version did not see
    client.force_login(alice)
    assert client.post(reverse("claim-fields", args=[claim.pk]), data).status_code == 302
    claim.refresh_from_db()
    assert (claim.unit, claim.attribution, claim.edited_by_editor) == ("migrant", "UNHCR", ["attribution"])


def test_a_tool_patching_with_a_version_read_before_re_extraction_gets_409_and_the_claim_as_it_is(
    api_as, alice, article
):
    _extract(article)
    claim = Claim.objects.get()
    client = api_as(alice)
    seen = client.get(f"/api/v1/claims/{claim.pk}/").json()
    _extract(article, unit="migrant")
    response = client.patch(
        f"/api/v1/claims/{claim.pk}/", {"attribution": "UNHCR", "version": seen["version"]}, format="json"
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale" and body["current"]["unit"] == "migrant" and body["current"]["version"] == 2
    claim.refresh_from_db()
    assert (claim.unit, claim.attribution, claim.edited_by_editor) == ("migrant", "", [])
    again = client.patch(f"/api/v1/claims/{claim.pk}/", {"attribution": "UNHCR", "version": 2}, format="json")
    assert again.status_code == 200 and again.json()["unit"] == "migrant"


def test_the_history_names_the_extractor_on_the_page_and_in_the_api(client, api_as, alice, article):
    _extract(article)
    _extract(article, unit="migrant")
    claim = Claim.objects.get()
    client.force_login(alice)
    page = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    assert "<strong>extractor</strong> re-extracted: unit: people → migrant" in page
    events = api_as(alice).get(f"/api/v1/claims/{claim.pk}/events/").json()
    assert [(event["kind"], event["actor"], event["actor_name"]) for event in events] == [
        ("extract", None, "extractor"),
        ("extract", None, "extractor"),
    ]


def _correct_body(article, old: str, new: str) -> None:
    article.body = article.body.replace(old, new)
    article.content_hash = content_hash(article.body)
    article.save()


def test_after_a_body_correction_an_editors_claim_takes_the_new_extraction_and_no_duplicate_appears(article, alice):
    sync.sync_claims(article)  # the real extractor
    claim = Claim.objects.get(article=article, quote="Some 2,000")
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    workflow.edit_fields(claim, changes={"attribution": "UNHCR"}, editor=alice, version=claim.version)
    before = claim.version

    _correct_body(article, "Some 2,000 people are waiting", "Some 2,000 migrants are waiting")
    result = sync.sync_claims(article)

    on_that_number = Claim.objects.filter(article=article, value=Decimal(2000))
    assert on_that_number.count() == 1, "the corrected sentence must not give the number a second claim"
    claim.refresh_from_db()
    assert on_that_number.get().pk == claim.pk and claim.status == "in_review"
    assert claim.unit == "migrant" and claim.attribution == "UNHCR"  # new extraction, editor's field kept
    assert "migrants" in claim.sentence and claim.version == before + 1
    event = claim.events.order_by("-id").first()
    assert event.kind == "extract" and event.actor is None and event.after["unit"] == "migrant"
    assert result.created == 0 and result.removed == 0


def test_an_orphaned_or_re_anchored_claim_is_an_extractor_event(article, alice):
    _extract(article)
    claim = Claim.objects.get()
    workflow.transition(claim, to="in_review", editor=alice, version=claim.version)
    _correct_body(article, "MOSCOW (AA) –", "MOSCOW (AA) — corrected —")
    sync.sync_claims(article, [])
    claim.refresh_from_db()
    moved = claim.events.order_by("-id").first()
    assert moved.kind == "extract" and moved.after.get("reanchored") and claim.version == 3
    assert article.body[claim.quote_start : claim.quote_end] == "Some 2,000"
    _correct_body(article, "Some 2,000 people", "Thousands of people")
    sync.sync_claims(article, [])
    claim.refresh_from_db()
    assert claim.orphaned and claim.version == 4
    assert ClaimEvent.objects.filter(claim=claim, kind="extract", after__orphaned=True).exists()


def test_re_extraction_brings_a_baseline_and_keeps_the_one_an_editor_corrected(article, alice):
    import datetime as dt

    _extract(article)
    claim = Claim.objects.get()
    _extract(article, compared_to="year-on-year", compared_period_start=dt.date(2020, 1, 1))
    claim.refresh_from_db()
    assert (claim.compared_to, claim.compared_period_start) == ("year-on-year", dt.date(2020, 1, 1))
    workflow.edit_fields(claim, changes={"compared_to": "from 2019"}, editor=alice, version=claim.version)
    _extract(article, compared_to="annual", compared_period_start=dt.date(2020, 1, 1))
    claim.refresh_from_db()
    assert claim.compared_to == "from 2019" and claim.extracted["compared_to"] == "annual"
    assert claim.events.filter(kind="extract").count() == 3  # created, then each re-extraction


def test_what_a_count_is_of_is_stored_at_extraction_and_read_by_the_linker_without_an_event(article):
    from claims.linking import index

    _extract(article, counted=("n:migrant", "v:camp"))
    claim = Claim.objects.get()
    assert claim.counted == ["n:migrant", "v:camp"]
    facts = index.claim_facts(claim, published=None, story=())
    assert facts.counted_words == ("n:migrant", "v:camp")
    _extract(article, counted=("n:migrant",))  # a new reading of the parse: stored, nothing an editor sees
    claim.refresh_from_db()
    assert claim.counted == ["n:migrant"] and claim.version == 1 and claim.events.count() == 1
