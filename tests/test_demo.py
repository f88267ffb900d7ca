"""The demo accounts: printed credentials, reused on a second run, refused without DEBUG."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory


def test_demo_users_are_created_once_and_printed(db, settings, capsys):
    settings.DEBUG = True
    call_command("create_demo_users")
    call_command("create_demo_users")
    out = capsys.readouterr().out
    assert "Editor account (created): username 'editor', password 'factdesk-demo'" in out
    assert "Editor account (exists)" in out
    assert get_user_model().objects.filter(username__in=["editor", "viewer"]).count() == 2
    sign_in = RequestFactory().post("/accounts/login/")  # django-axes counts sign-ins per request's address
    editor = authenticate(sign_in, username="editor", password="factdesk-demo")
    assert editor.has_perm("claims.review_claim")
    viewer = authenticate(sign_in, username="viewer", password="factdesk-demo")
    assert not viewer.has_perm("claims.review_claim") and viewer.has_perm("claims.view_claim")


def test_demo_users_are_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refused"):
        call_command("create_demo_users")
    assert not get_user_model().objects.exists()
