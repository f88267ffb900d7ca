"""Who may use the API: tokens for tools, sessions for the browser, Viewers read, Editors write; throttled."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from articles.models import Article
from claims.models import Claim
from factdesk.settings import env_rate


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles/",
        "/api/v1/claims/",
        "/api/v1/claims/1/",
        "/api/v1/claims/1/events/",
        "/api/v1/claims/1/links/",
    ],
)
def test_anonymous_requests_get_401_with_a_token_challenge(db, path):
    response = APIClient().get(path)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token" and response.json()["code"] == "not_authenticated"


def test_anonymous_cannot_push_an_article(db):
    response = APIClient().post("/api/v1/articles/", {"title": "t", "body": "b"}, format="json")
    assert response.status_code == 401
    assert not Article.objects.exists()


def test_a_wrong_token_is_refused_with_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"


def test_the_schema_and_the_docs_are_public(db):
    client = APIClient()
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    for page in ("/api/docs/", "/api/redoc/"):
        response = client.get(page)
        assert response.status_code == 200 and b"/static/drf_spectacular_sidecar/" in response.content, page


def test_a_signed_in_browser_reads_with_its_session(vera, claim):
    client = APIClient()
    client.force_login(vera)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 200 and response.json()["results"][0]["id"] == claim.pk


def test_a_session_write_needs_the_csrf_token(alice, claim):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review", "version": 1}, format="json")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "new"


def test_an_account_in_no_group_cannot_read(api_as, nina, claim):
    response = api_as(nina).get("/api/v1/claims/")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_staff_may_do_anything(api_as, staff, claim):
    response = api_as(staff).post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "in_review", "version": 1})
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_too_many_requests_are_throttled_with_429_json(api_as, vera, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/minute", "anon": "2/minute"})
    client = api_as(vera)
    assert [client.get("/api/v1/claims/").status_code for _ in range(2)] == [200, 200]
    response = client.get("/api/v1/claims/")
    assert response.status_code == 429 and response.json()["code"] == "throttled" and "Retry-After" in response


def test_throttle_rates_come_from_the_environment_and_a_typo_stops_start_up(monkeypatch):
    monkeypatch.setenv("API_THROTTLE_USER", "500/minute")
    assert env_rate("API_THROTTLE_USER", "2000/hour") == "500/minute"
    monkeypatch.delenv("API_THROTTLE_USER")
    assert env_rate("API_THROTTLE_USER", "2000/hour") == "2000/hour"
    monkeypatch.setenv("API_THROTTLE_USER", "lots")
    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_USER"):
        env_rate("API_THROTTLE_USER", "2000/hour")


def test_a_server_error_under_api_is_json(api_as, vera, monkeypatch, client):
    def broken(self):
        raise RuntimeError("bug")

    monkeypatch.setattr("claims.api.views.ClaimViewSet.get_queryset", broken)
    client.raise_request_exception = False
    client.force_login(vera)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json" and response.json()["code"] == "server_error"
    assert Claim.objects.count() == 0


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_api_url_answers_json_even_in_debug_mode(api_as, vera, settings, debug):
    settings.DEBUG = debug
    client = api_as(vera)
    for response in (client.get("/api/v1/nothing/"), client.post("/api/v1/claims/-1/annotations/", {})):
        assert response.status_code == 404 and response.json()["code"] == "not_found"
