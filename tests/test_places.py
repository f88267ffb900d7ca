"""A claim's places are a list of names everywhere: the model, the database, the admin, the API, the
workflow and the extraction's output refuse (or drop) anything else, and a refusal changes nothing."""

import importlib
import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from claims import sync, workflow
from claims.models import MAX_PLACE_LENGTH, Claim, ClaimEvent, clean_places, validate_places
from feed.models import Event as FeedEvent

from . import factories

pytestmark = pytest.mark.django_db

# The attack's values: a number, an object, a list of numbers; and what else is no list of names.
BAD = [5, {"a": 1}, [1, 2], "Minsk", None, True, ["Minsk", ""], ["x" * (MAX_PLACE_LENGTH + 1)]]
BAD_IDS = ["number", "object", "numbers", "string", "null", "true", "empty-name", "long-name"]
MESSAGES = {
    "number": 'Places must be a list of names, such as ["Minsk", "Belarus"], not a number (5).',
    "object": 'Places must be a list of names, such as ["Minsk", "Belarus"], not an object ({…}).',
    "numbers": "Each place must be a name (text): place 1 is a number (1).",
}


def unchanged(claim: Claim) -> bool:
    places, version = Claim.objects.filter(pk=claim.pk).values_list("places", "version").get()
    return places == ["Bruzgi", "Belarus", "Poland"] and version == 1 and not ClaimEvent.objects.exists()


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_the_model_refuses_anything_but_a_list_of_names(claim, bad):
    claim.places = bad
    with pytest.raises(ValidationError) as refused:
        claim.full_clean()
    # The field's validator; for null (an empty value to Django's validators), the database check's message.
    assert list(refused.value.message_dict) == ["__all__" if bad is None else "places"]
    assert "lace" in " ".join(refused.value.messages)


@pytest.mark.parametrize(("bad", "name"), [(BAD[i], BAD_IDS[i]) for i in range(3)], ids=BAD_IDS[:3])
def test_the_refusal_says_what_was_wrong(bad, name):
    with pytest.raises(ValidationError) as refused:
        validate_places(bad)
    assert refused.value.messages == [MESSAGES[name]]


def test_a_list_of_names_is_valid(claim):
    claim.places = ["Minsk", "Belarus"]
    claim.full_clean()
    validate_places([])


@pytest.mark.parametrize("bad", [5, {"a": 1}, "Minsk", [1, 2]], ids=["number", "object", "string", "numbers"])
def test_the_database_refuses_what_is_no_list_of_names(claim, bad):
    if isinstance(bad, list) and connection.vendor != "postgresql":
        pytest.skip("SQLite's check sees the array, not its elements (model validation does)")
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(places=bad)
    assert unchanged(claim)


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_the_workflow_refuses_them_as_an_invalid_edit(claim, alice, bad):
    with pytest.raises(workflow.InvalidEdit) as refused:
        workflow.edit_fields(claim, changes={"places": bad}, editor=alice, version=claim.version)
    assert refused.value.field == "places" and refused.value.http_status == 400
    assert unchanged(claim)


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_the_api_refuses_them_and_changes_nothing(api_as, alice, claim, bad):
    response = api_as(alice).patch(f"/api/v1/claims/{claim.pk}/", {"places": bad, "version": 1}, format="json")
    assert response.status_code == 400
    assert {field.split(".")[0] for field in response.json()["fields"]} == {"places"}
    assert unchanged(claim)


def _admin_form(claim: Claim, places: str) -> dict:
    return factories.admin_claim_form(claim, places=places)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("5", MESSAGES["number"]),
        ('{"a": 1}', MESSAGES["object"]),
        ("[1, 2]", MESSAGES["numbers"]),
        ("{}", MESSAGES["object"]),
        ("null", 'Places must be a list of names, such as ["Minsk", "Belarus"], not null.'),
    ],
    ids=[*BAD_IDS[:3], "empty-object", "null"],
)
def test_the_admin_refuses_them_on_the_form(client, claim, alice, typed, message):
    alice.is_staff = True
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), _admin_form(claim, typed))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"places": [message]}
    assert unchanged(claim) and not LogEntry.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("Minsk\nBelarus", ["Minsk", "Belarus"]), ("Minsk, Belarus", ["Minsk", "Belarus"]), ('["Minsk"]', ["Minsk"])],
)
def test_the_admin_takes_names_a_line_or_a_json_list(client, claim, alice, typed, stored):
    alice.is_staff = True
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), _admin_form(claim, typed))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.places == stored and claim.events.get().after["places"] == stored


def test_extraction_stores_only_names_and_says_what_it_dropped(article, caplog):
    draft = factories.make_draft(article.body, "Some 2,000", places=(" Bruzgi ", 5, "", {"a": 1}, "Poland"))
    with caplog.at_level(logging.WARNING, logger="claims.sync"):
        sync.sync_claims(article, [draft])
    assert Claim.objects.get().places == ["Bruzgi", "Poland"]
    assert "Places of 'Some 2,000' kept as ['Bruzgi', 'Poland']" in caplog.text
    assert clean_places(["Minsk", "x" * (MAX_PLACE_LENGTH + 1), *["y"] * 60]) == ["Minsk", *["y"] * 49]


@pytest.mark.django_db(transaction=True)
def test_the_migration_cleans_stored_places_with_an_event_each():
    """Rows stored before places were checked: each is cleaned, bumped, and says so in its history."""
    executor = MigrationExecutor(connection)
    before, latest = [("claims", "0016_score_parts")], executor.loader.graph.leaf_nodes("claims")
    executor.migrate(before)
    try:
        others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "claims"]
        apps = executor.loader.project_state(before + others).apps
        OldClaim = apps.get_model("claims", "Claim")
        article = apps.get_model("articles", "Article").objects.create(title="t", body=factories.BODY)
        stored = [5, {"a": 1}, [1, "Minsk", " "], "Poland", ["Bruzgi"]]
        ids = [
            OldClaim.objects.create(
                article=article, sentence="s", sentence_start=0, sentence_end=1, quote=f"q{i}", quote_start=0,
                quote_end=1, fingerprint=f"f{i}", places=places,
            ).pk
            for i, places in enumerate(stored)
        ]  # fmt: skip
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
    claims = {claim.pk: claim for claim in Claim.objects.filter(pk__in=ids)}
    assert [claims[pk].places for pk in ids] == [[], [], ["Minsk"], ["Poland"], ["Bruzgi"]]
    assert [claims[pk].version for pk in ids] == [2, 2, 2, 2, 1]
    events = {event.claim_id: event for event in ClaimEvent.objects.filter(kind="extract", actor=None)}
    assert sorted(events) == ids[:4]
    assert (events[ids[0]].before, events[ids[0]].after) == ({"places": 5}, {"places": []})
    feed = FeedEvent.objects.filter(type="claim.extracted", fields=["places"])
    assert sorted(feed.values_list("history_id", flat=True)) == sorted(event.pk for event in events.values())
    importlib.import_module("tests.conftest").restore_roles()
