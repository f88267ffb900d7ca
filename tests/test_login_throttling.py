"""Sign-in throttling (issue 16 item 5): django-axes locks an account, or an address, after
LOGIN_FAILURE_LIMIT wrong passwords, for LOGIN_LOCKOUT_MINUTES, and a locked sign-in never reaches the
password hasher, so a flood of guesses costs no hashing time."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import base_user
from django.urls import reverse

from .test_settings import manage

RIGHT, WRONG = "correct horse battery", "wrong horse"


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


@pytest.fixture
def hashed(monkeypatch):
    """How many times a password was hashed (checked against a user's, or hashed for a missing user)."""
    calls = {"n": 0}
    check, make = base_user.check_password, base_user.make_password

    def counting_check(*args, **kwargs):
        calls["n"] += 1
        return check(*args, **kwargs)

    def counting_make(*args, **kwargs):
        calls["n"] += 1
        return make(*args, **kwargs)

    monkeypatch.setattr(base_user, "check_password", counting_check)
    monkeypatch.setattr(base_user, "make_password", counting_make)
    return calls


def sign_in(client, username, password, address="10.0.0.1", url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused(client, alice, hashed):
    answers = [sign_in(client, "alice", WRONG).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]  # the 5th failure reaches the limit: locked
    hashed_before = hashed["n"]
    locked = sign_in(client, "alice", RIGHT)
    assert locked.status_code == 429 and b"Too many failed sign-ins" in locked.content
    assert hashed["n"] == hashed_before  # refused before the password was hashed
    assert client.get("/review/").status_code == 302  # not signed in


def test_a_flood_of_guesses_after_the_lock_costs_no_hashing(client, alice, hashed):
    for _ in range(5):
        sign_in(client, "alice", WRONG)
    before = hashed["n"]
    assert [sign_in(client, "alice", WRONG).status_code for _ in range(50)] == [429] * 50
    assert hashed["n"] == before


def test_the_lock_is_per_account_from_any_address(client, alice, bob):
    for n in range(5):
        sign_in(client, "alice", WRONG, address=f"10.0.1.{n}")
    assert sign_in(client, "alice", RIGHT, address="10.0.2.1").status_code == 429
    assert sign_in(client, "bob", RIGHT, address="10.0.2.1").status_code == 302  # another account signs in


def test_the_lock_is_per_address_whatever_the_account(client, alice, bob):
    for n in range(5):
        sign_in(client, f"nobody{n}", WRONG, address="10.0.3.3")
    assert sign_in(client, "bob", RIGHT, address="10.0.3.3").status_code == 429
    assert sign_in(client, "bob", RIGHT, address="10.0.3.4").status_code == 302


def test_the_lock_expires_after_the_cool_off(client, alice):
    for _ in range(5):
        sign_in(client, "alice", WRONG)
    assert sign_in(client, "alice", RIGHT).status_code == 429
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert sign_in(client, "alice", RIGHT).status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, alice):
    for _ in range(4):
        sign_in(client, "alice", WRONG)
    assert sign_in(client, "alice", RIGHT).status_code == 302
    client.logout()
    assert [sign_in(client, "alice", WRONG).status_code for _ in range(4)] == [200] * 4


def test_the_admin_sign_in_is_throttled_too(client, staff):
    url = reverse("admin:login")
    answers = [sign_in(client, "sam", WRONG, url=url).status_code for _ in range(5)]
    assert answers[-1] == 429
    assert sign_in(client, "sam", RIGHT, url=url).status_code == 429


def test_behind_a_proxy_the_address_is_read_from_x_forwarded_for(client, alice, bob, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": f"nobody{n}", "password": WRONG},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 10.9.9.9",  # the first hop is the client's claim; ours is last
        )
    # The proxy's own address (REMOTE_ADDR) is not what was locked: another client behind it signs in.
    bob = {"username": "bob", "password": RIGHT}
    response = client.post(reverse("login"), bob, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.1.1")
    assert response.status_code == 302
    client.logout()
    locked = client.post(reverse("login"), bob, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert locked.status_code == 429


def test_the_limit_and_the_cool_off_come_from_the_environment():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME)",
        DEBUG="1",
        LOGIN_FAILURE_LIMIT="7",
        LOGIN_LOCKOUT_MINUTES="30",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["7", "0:30:00"]
