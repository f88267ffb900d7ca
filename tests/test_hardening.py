"""Hostile load (issue 16 item 5): security headers, no inline code, JSON-LD safe to embed, the API when
the cache is down, hostile input (NUL bytes, deep JSON), note sizes, session lifetimes, hashed tokens."""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from claims import workflow
from claims.models import NOTE_MAX_LENGTH, Annotation
from factdesk.api import sessions
from factdesk.api.tokens import create_token

from . import factories

ROOT = Path(__file__).resolve().parent.parent


# --- Content-Security-Policy, Permissions-Policy, no inline code -----------------------------------


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/accounts/login/", "/", "/review/", "/api/v1/claims/", "/admin/login/"])
def test_every_answer_carries_a_strict_content_security_policy_and_a_permissions_policy(client, alice, path):
    client.force_login(alice)
    response = client.get(path)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_only_the_api_docs_pages_relax_the_policy_for_their_bundles(client):
    swagger = directives(client.get("/api/docs/"))
    assert swagger["script-src"] == ["'self'"] and "'unsafe-inline'" in swagger["style-src"]
    redoc = directives(client.get("/api/redoc/"))
    assert redoc["script-src"] == ["'self'"] and redoc["worker-src"] == ["blob:"]


def templates() -> list[Path]:
    return [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]


def test_no_template_has_inline_script_style_or_event_handlers():
    assert len(templates()) > 10
    for path in templates():
        text = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag, f"{path}: inline script {tag}"
        assert not re.search(r"<style\b", text), f"{path}: <style>"
        assert not re.search(r"\sstyle\s*=", text), f"{path}: style attribute"
        assert not re.search(r"\son[a-z]+\s*=", text), f"{path}: inline event handler"
        assert not re.search(r"hx-on|hx-vars|javascript:|js:", text), f"{path}: htmx code attribute"


def test_htmx_runs_without_eval_and_without_inline_indicator_styles(client, alice):
    client.force_login(alice)
    page = client.get("/").content.decode()
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']*)'", page).group(1))
    assert config["allowEval"] is False and config["includeIndicatorStyles"] is False


# --- ClaimReview JSON-LD, safe to embed --------------------------------------------------------------

HOSTILE = "Some 2,000 </script><script>alert(1)</script> & <!-- more"


def test_claimreview_escapes_what_would_end_or_bend_a_script_element(api_as, alice, vera):
    article = factories.make_article(body=f"{HOSTILE} waited at the border.")
    claim = factories.make_claim(article, quote="Some 2,000")
    workflow.transition(claim, to="false", editor=alice, version=claim.version, note="A </script> & <b>note</b>")
    for accept in ("application/ld+json", "application/json"):
        response = api_as(vera).get(f"/api/v1/claims/{claim.pk}/claimreview/", HTTP_ACCEPT=accept)
        assert response.status_code == 200, response.content
        raw = response.content
        assert b"<" not in raw and b">" not in raw and b"&" not in raw
        assert b"\\u003c/script\\u003e" in raw and b"\\u0026" in raw
        review = json.loads(raw)
        assert "</script><script>alert(1)</script> &" in review["claimReviewed"]
        assert review["reviewRating"]["ratingExplanation"] == "A </script> & <b>note</b>"


# --- the API when the cache is down -----------------------------------------------------------------


@pytest.fixture
def dead_cache(settings):
    """The cache pointed at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_the_api_answers_when_the_cache_is_down_without_throttling_and_says_so_in_the_log(
    api_as, alice, claim, dead_cache, caplog, monkeypatch
):
    monkeypatch.setattr("factdesk.api.throttling._last_warning", 0.0)
    monkeypatch.setattr("factdesk.api.throttling._down_until", 0.0)
    client = api_as(alice)
    with caplog.at_level(logging.WARNING, logger="factdesk.api.throttling"):
        started = time.perf_counter()
        answers = [client.get("/api/v1/claims/") for _ in range(5)]
        elapsed = time.perf_counter() - started
    assert [r.status_code for r in answers] == [200] * 5
    assert "RateLimit-Limit" not in answers[0]  # no count to report
    warnings = [r for r in caplog.records if "API throttling is off" in r.getMessage()]
    assert len(warnings) == 1  # once a minute, not once a request
    assert elapsed < 5
    created = client.post("/api/v1/articles/", {"title": "t", "body": "Some 2,000 people waited."})
    assert created.status_code == 201
    anonymous = APIClient().get("/api/v1/claims/")
    assert anonymous.status_code == 401


def test_a_cache_that_does_not_answer_is_left_alone_for_a_while(api_as, alice, claim, monkeypatch):
    from django.core.cache import cache

    from factdesk.api import throttling

    monkeypatch.setattr(throttling, "_down_until", 0.0)
    tries = {"n": 0}

    def hanging(*args, **kwargs):
        tries["n"] += 1
        raise TimeoutError("no answer")

    monkeypatch.setattr(cache, "get", hanging)
    client = api_as(alice)
    assert [client.get("/api/v1/claims/").status_code for _ in range(10)] == [200] * 10
    assert tries["n"] == 1  # then left alone for RETRY_AFTER seconds
    monkeypatch.setattr(throttling, "_down_until", 0.0)  # the time has passed
    client.get("/api/v1/claims/")
    assert tries["n"] == 2


# --- NUL bytes and deeply nested JSON: 400 everywhere ----------------------------------------------


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_deeply_nested_json_in_an_api_body_is_a_400(api_as, alice, depth):
    body = '{"title": "t", "body": "Some 2,000 people.", "outlet": ' + nested(depth) + "}"
    response = api_as(alice).generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert "nested deeper than 32" in response.json()["detail"]


def test_json_as_deep_as_the_limit_is_read_as_usual(api_as, alice):
    body = '{"title": "t", "body": "Some 2,000 people.", "outlet": ' + nested(31) + "}"
    response = api_as(alice).generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] != "parse_error"  # refused as a bad field


def test_a_nul_in_an_api_body_is_a_400(api_as, alice, claim):
    response = api_as(alice).post(f"/api/v1/claims/{claim.pk}/annotations/", {"text": "a\x00b"})
    assert response.status_code == 400
    assert not Annotation.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/?search=a%00b",
        "/api/v1/claims/?unit=%00",
        "/api/v1/articles/?title=x%00",
        "/api/v1/links/?q%00=1",
    ],
)
def test_a_nul_in_an_api_query_is_a_json_400(api_as, alice, path):
    response = api_as(alice).get(path)
    assert response.status_code == 400 and response.json()["code"] == "bad_request"


@pytest.mark.parametrize(
    "path",
    ["/review/?q=2%2C000%00", "/articles/?title=%00", "/review/suggestions/?q=%00", "/admin/claims/claim/?q=%00"],
)
def test_a_nul_in_a_search_box_is_a_400(client, staff, path):
    client.force_login(staff)
    assert client.get(path).status_code == 400


def test_a_nul_or_deep_json_in_a_form_post_is_a_400(client, alice, claim):
    client.force_login(alice)
    url = reverse("claim-annotate", args=[claim.pk])
    assert client.post(url, {"text": "a\x00b", "version": claim.version}).status_code == 400
    assert client.post(url, {"text": nested(50_000), "version": claim.version}).status_code == 400
    assert not Annotation.objects.exists()
    assert client.post(url, {"text": "[[ brackets ]] are fine", "version": claim.version}).status_code in (200, 302)


def test_ingest_reports_a_deeply_nested_json_file_as_bad_and_goes_on(tmp_path, capsys, db):
    (tmp_path / "deep.json").write_text('{"title": "t", "body": ' + nested(100_000) + "}")
    (tmp_path / "deeper.json").write_text(nested(200_000))
    (tmp_path / "good.json").write_text(json.dumps({"title": "Crowds", "body": "Some 2,000 people waited."}))
    with pytest.raises(Exception, match="could not ingest"):
        call_command("ingest", str(tmp_path))
    out = capsys.readouterr()
    assert "1 created" in out.out and "2 failed" in out.out
    assert out.err.count("nested deeper than") == 2


# --- note size ----------------------------------------------------------------------------------------


def test_a_page_note_is_limited_like_the_apis(client, api_as, alice, claim):
    client.force_login(alice)
    url = reverse("claim-annotate", args=[claim.pk])
    client.post(url, {"text": "x" * (NOTE_MAX_LENGTH + 1), "version": claim.version})
    assert not Annotation.objects.exists()
    api = api_as(alice).post(f"/api/v1/claims/{claim.pk}/annotations/", {"text": "x" * (NOTE_MAX_LENGTH + 1)})
    assert api.status_code == 400 and not Annotation.objects.exists()
    client.post(url, {"text": "x" * NOTE_MAX_LENGTH, "version": claim.version})
    assert Annotation.objects.get().text == "x" * NOTE_MAX_LENGTH


def test_a_verdict_note_on_the_page_is_limited_too(client, alice, claim):
    client.force_login(alice)
    url = reverse("claim-transition", args=[claim.pk])
    client.post(url, {"to": "false", "note": "x" * (NOTE_MAX_LENGTH + 1), "version": claim.version})
    claim.refresh_from_db()
    assert claim.status == "new"


# --- session lifetimes --------------------------------------------------------------------------------


def age(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = session[key] - ago
    session.save()


def test_a_session_idle_longer_than_the_idle_timeout_is_signed_out(client, alice, settings):
    settings.SESSION_IDLE_SECONDS = 600
    client.force_login(alice)
    assert client.get("/review/").status_code == 200
    age(client, **{sessions.SEEN: 500})
    assert client.get("/review/").status_code == 200  # still within the idle time: and it counts as activity
    age(client, **{sessions.SEEN: 700})
    response = client.get("/review/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get("/review/").status_code == 302


def test_an_active_session_ends_at_its_absolute_lifetime(client, alice, settings):
    settings.SESSION_IDLE_SECONDS = 600
    settings.SESSION_COOKIE_AGE = 3600
    client.force_login(alice)
    assert client.get("/").status_code == 200
    age(client, **{sessions.STARTED: 3601})
    assert client.get("/").status_code == 302


def test_activity_is_written_back_at_most_once_a_minute(client, alice):
    client.force_login(alice)
    client.get("/")
    seen = client.session[sessions.SEEN]
    client.get("/")
    assert client.session[sessions.SEEN] == seen
    age(client, **{sessions.SEEN: 61})
    client.get("/")
    assert client.session[sessions.SEEN] >= seen


def test_session_lifetimes_come_from_the_environment():
    from .test_settings import manage

    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SESSION_IDLE_SECONDS, settings.SESSION_COOKIE_AGE)",
        DEBUG="1",
        SESSION_IDLE_MINUTES="30",
        SESSION_MAX_HOURS="8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["1800", "28800"]


# --- API tokens: hashed at rest, optional expiry -------------------------------------------------------


def test_a_token_is_stored_as_a_digest_and_its_key_works(alice, claim):
    token, key = create_token(alice)
    assert len(key) == 64 and token.digest != key and key not in token.digest and token.expiry is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM knox_authtoken")
        stored = " ".join(str(column) for row in cursor.fetchall() for column in row)
    assert key not in stored and key[:15] in stored  # only the lookup prefix and the digest
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/claims/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {key[:-1]}0" if key[-1] != "0" else f"Token {key[:-1]}1")
    assert client.get("/api/v1/claims/").status_code == 401


@pytest.mark.parametrize("header", ["Token a\x00b", "Token ü" * 3, "Token " + "f" * 500, "Token"])
def test_a_malformed_token_is_a_401_not_a_500(db, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.get("/api/v1/claims/").status_code == 401


def test_an_expired_token_is_refused_and_deleted(alice, claim):
    import datetime

    token, key = create_token(alice, days=1)
    assert token.expiry is not None
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/claims/").status_code == 200
    AuthToken.objects.filter(pk=token.pk).update(expiry=token.expiry - datetime.timedelta(days=2))
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"
    assert not AuthToken.objects.filter(pk=token.pk).exists()


def test_new_tokens_expire_after_api_token_ttl_days_when_set(alice, settings):
    import datetime

    settings.REST_KNOX = {"TOKEN_TTL": datetime.timedelta(days=90), "AUTH_HEADER_PREFIX": "Token"}
    token, _ = create_token(alice)
    assert token.expiry is not None and 89 <= (token.expiry - token.created).days <= 90


def test_the_create_token_command_prints_a_working_key_once(alice, claim, capsys):
    call_command("create_token", "alice", "--days", "30")
    key = capsys.readouterr().out.strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/claims/").status_code == 200
    call_command("drf_create_token", "alice", "-r")  # the name the docs used before: it resets too
    assert AuthToken.objects.filter(user=alice).count() == 1
    assert client.get("/api/v1/claims/").status_code == 401


def test_plain_text_tokens_left_by_drf_are_moved_hashed_and_keep_working(alice, claim):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("factdesk.api.migrations.0002_hash_api_tokens")
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token"
            " (key varchar(40) PRIMARY KEY, created timestamp with time zone, user_id bigint)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token (key, created, user_id) VALUES (%s, %s, %s)",
            [old_key, "2024-01-02 03:04:05+00:00", alice.pk],
        )
    migration.hash_old_tokens(apps, SimpleNamespace(connection=connection))  # what it uses of a schema editor
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
        cursor.execute("DROP TABLE authtoken_token")
    assert AuthToken.objects.get().created.year == 2024
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old_key}")
    assert client.get("/api/v1/claims/").status_code == 200


# --- password reset: off unless a mail server is configured ------------------------------------------


def test_the_password_reset_pages_are_off_by_default(client):
    assert client.get("/accounts/password_reset/").status_code == 404


def test_password_reset_needs_a_mail_server_and_then_has_its_pages():
    from .test_settings import manage

    probe = "from django.urls import reverse; print(reverse('password_reset'))"
    on = manage("shell", "-c", probe, DEBUG="1", PASSWORD_RESET="1", EMAIL_HOST="smtp.example.org")
    assert on.returncode == 0 and on.stdout.strip().endswith("/accounts/password_reset/"), on.stderr
    without_mail = manage("check", DEBUG="1", PASSWORD_RESET="1", EMAIL_HOST="")
    assert without_mail.returncode != 0 and "PASSWORD_RESET=1 needs EMAIL_HOST" in without_mail.stderr


def test_a_token_added_in_the_admin_is_shown_once_and_works(client, staff, alice, claim):
    client.force_login(staff)
    form = {"user": alice.pk, "expiry_0": "", "expiry_1": ""}
    response = client.post("/admin/knox/authtoken/add/", form, follow=True)
    assert response.status_code == 200
    key = re.search(r"TOKEN ([0-9a-f]{64})", response.content.decode()).group(1)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/claims/").status_code == 200
    listing = client.get("/admin/knox/authtoken/").content.decode()
    assert key not in listing
