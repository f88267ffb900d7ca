"""The OpenAPI schema is valid, and the running API keeps to it: Schemathesis fuzzes every operation."""

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, strategies
from rest_framework.throttling import UserRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims import workflow
from factdesk.api.tokens import create_token

from . import factories

# Any 5xx, or a status, content type, header or body the schema does not describe, fails the test.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = {schemathesis.GenerationMode.POSITIVE: 30, schemathesis.GenerationMode.NEGATIVE: 12}


def test_the_schema_validates_without_warnings(db, tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    text = out.read_text()
    assert "/api/v1/claims/{id}/transition/" in text and "/api/v1/claims/{id}/claimreview/" in text


def test_every_operation_has_a_summary_and_documents_its_errors(db):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            responses = set(operation["responses"])
            assert {"401", "429"} <= responses, f"{method} {path}"
            if method in ("post", "patch"):
                assert {"400", "413", "415"} <= responses, f"{method} {path}"
            if "{id}" in path or "{claim_id}" in path:
                assert "404" in responses, f"{method} {path}"


def _seed(editor, other_editor):
    """A few articles and claims in every state, with notes and links, for the fuzzer to find."""
    claims = []
    for n in range(3):
        article = factories.make_article()
        for quote in ("Some 2,000", "More than 8,000"):
            claims.append(factories.make_claim(article, quote=quote, fingerprint=f"{n}{quote}"))
    workflow.transition(claims[1], to="in_review", editor=editor, version=claims[1].version)
    for claim, to in ((claims[2], "verified"), (claims[3], "unverifiable"), (claims[4], "false")):
        workflow.transition(claim, to="in_review", editor=editor, version=claim.version)
        workflow.transition(claim, to=to, editor=editor, version=claim.version, note="Checked with UNHCR.")
    workflow.assign(claims[0], assignee=editor, editor=editor, version=claims[0].version)
    notes = [workflow.annotate(claims[0], text="Asked the ministry.", editor=editor)]
    notes.append(workflow.annotate(claims[0], text="Not mine.", editor=other_editor))
    links = [workflow.link(claims[0], claims[1], relation="same", editor=editor)]
    links.append(workflow.link(claims[2], claims[0], relation="contradicts", editor=None, state="suggested"))
    return claims, notes, links


@pytest.fixture
def wsgi_app_in_test_transaction():
    """Django's WSGI app, minus the per-request connection clean-up that would close the test's transaction.

    django.test.Client does the same; Schemathesis drives the real WSGI handler instead.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
def test_schemathesis_finds_no_server_error_and_no_response_outside_the_schema(
    alice, bob, monkeypatch, wsgi_app_in_test_transaction
):
    # Several hundred requests in a few seconds: the default 2000/hour would allow them, but the test
    # must not depend on how many ran before it, so the fuzzing editor gets a rate it cannot reach.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/hour", "anon": "100000/hour"})
    claims, notes, links = _seed(alice, bob)
    known_ids = {
        "id": [c.pk for c in claims] + [n.pk for n in notes] + [link.pk for link in links],
        "claim_id": [claims[0].pk, claims[2].pk],
    }
    headers = {"Authorization": f"Token {create_token(alice)[1]}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app_in_test_transaction)
    calls = {"count": 0, "statuses": {}}

    def exercise(operation, mode, examples):
        @hypothesis.settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @hypothesis.given(case=operation.as_strategy(generation_mode=mode), data=strategies.data())
        def run(case, data):
            # Half the time aim at rows that exist, so more than 404s get checked.
            if case.path_parameters and data.draw(strategies.booleans()):
                for name in list(case.path_parameters):
                    if name in known_ids:
                        case.path_parameters[name] = data.draw(strategies.sampled_from(known_ids[name]))
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            calls["count"] += 1
            calls["statuses"][response.status_code] = calls["statuses"].get(response.status_code, 0) + 1

        run()

    for result in schema.get_all_operations():
        operation = result.ok()
        for mode, examples in EXAMPLES_PER_OPERATION.items():
            exercise(operation, mode, examples)

    print(f"schemathesis: {calls['count']} requests, statuses {sorted(calls['statuses'].items())}")
    assert calls["count"] >= 300
    assert not [status for status in calls["statuses"] if status >= 500]
    assert 200 in calls["statuses"] and 201 in calls["statuses"] and 409 in calls["statuses"]


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_the_docs_need_no_network(db, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"cdn.jsdelivr" not in response.content and b"unpkg.com" not in response.content


# --- A precise schema, and the headers it promises (issue 15 item 7) ---------------------------------------


@pytest.fixture(scope="module")
def served_schema(django_db_blocker):
    """/api/schema/ as a client gets it (YAML), fetched and parsed once for the tests below, which only read it:
    a fetch and a pure-Python YAML parse per test cost about 1.2 s of CPU each."""
    import yaml
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/")
    assert response.status_code == 200
    return yaml.load(response.content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_what_the_server_requires_the_schema_requires(served_schema):
    schema = served_schema["components"]["schemas"]
    assert "version" in schema["ClaimEditRequest"]["required"] and schema["ClaimEditRequest"]["minProperties"] == 2
    assert "version" in schema["TransitionRequest"]["required"]
    assert set(schema["LinkStateRequest"]["required"]) == {"state", "seen_state"}
    assert schema["GroupTransitionRequest"]["properties"]["versions"]["minProperties"] == 1
    assert schema["ArticleUpdateRequest"]["minProperties"] == 1
    assert schema["Link"]["properties"]["reasons"]["items"] == {"type": "string"}


def test_each_operation_lists_its_error_codes(served_schema):
    paths = served_schema["paths"]
    conflict = paths["/api/v1/claims/{id}/transition/"]["post"]["responses"]["409"]["content"]["application/json"]
    assert set(conflict["schema"]["allOf"][1]["properties"]["code"]["enum"]) == {
        "stale",
        "invalid_transition",
        "idempotency_in_progress",
    }
    missing = paths["/api/v1/claims/{id}/claimreview/"]["get"]["responses"]["404"]["content"]["application/json"]
    assert set(missing["schema"]["allOf"][1]["properties"]["code"]["enum"]) == {"not_found", "no_verdict"}


def test_every_post_takes_an_idempotency_key_and_every_answer_names_its_rate_limit(served_schema):
    paths = served_schema["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method == "post":
                assert "Idempotency-Key" in [p["name"] for p in operation["parameters"]], path
            for status, response in operation["responses"].items():
                assert "RateLimit-Remaining" in response["headers"], (path, method, status)
                if status == "201":
                    assert "Location" in response["headers"]


def test_the_main_flow_is_linked(served_schema):
    paths = served_schema["paths"]
    pushed = paths["/api/v1/articles/"]["post"]["responses"]["201"]["links"]
    assert pushed["Claims"]["operationId"] == "claims_list"
    claim = paths["/api/v1/claims/{id}/"]["get"]["responses"]["200"]["links"]
    assert {"Transition", "ClaimReview", "History"} <= set(claim)


def test_every_api_answer_says_where_the_caller_stands_and_a_429_when_to_retry(api_as, alice):
    from rest_framework.settings import api_settings

    client = api_as(alice)
    first = client.get("/api/v1/claims/")
    limit = int(first["RateLimit-Limit"])
    assert int(first["RateLimit-Remaining"]) == limit - 1 and 0 < int(first["RateLimit-Reset"]) <= 3600
    assert int(client.get("/api/v1/claims/")["RateLimit-Remaining"]) == limit - 2
    anonymous = api_as(None).get("/api/v1/claims/")
    assert anonymous.status_code == 401 and "RateLimit-Remaining" in anonymous
    rates = api_settings.DEFAULT_THROTTLE_RATES
    kept = rates["user"]
    try:
        rates["user"] = "2/hour"
        client.get("/api/v1/articles/")
        throttled = client.get("/api/v1/articles/")
    finally:
        rates["user"] = kept
    assert throttled.status_code == 429 and int(throttled["Retry-After"]) > 0
    assert throttled["RateLimit-Remaining"] == "0"


def test_the_feed_types_each_payload_by_its_event_type(served_schema):
    from feed.types import EVENT_TYPES

    schema = served_schema["components"]["schemas"]
    items = schema["FeedPage"]["properties"]["results"]["items"]
    assert set(items["discriminator"]["mapping"]) == set(EVENT_TYPES)
    status = schema["FeedEventClaimStatus"]["properties"]
    assert status["type"]["enum"] == ["claim.status"] and status["after"]["properties"]["reason"] == {"type": "string"}
